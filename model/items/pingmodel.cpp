#include "pingmodel.h"

#include "eventformat.h"
#include "itemroles.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace wsscope {

PingModel::PingModel(const EventLog *log, QObject *parent) : QAbstractTableModel(parent), m_log(log)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(m_flushInterval);
    connect(&m_flushTimer, &QTimer::timeout, this, &PingModel::flush);
    connect(log, &EventLog::appended, this, &PingModel::onAppended);
    m_scanned = log->size();
}

PingModel::~PingModel() = default;

int PingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PingModel::statusName(Status status)
{
    switch (status) {
    case Status::Pending:
        return tr("Pending");
    case Status::Answered:
        return tr("Answered");
    case Status::Lost:
        return tr("Lost");
    case Status::Unsolicited:
        return tr("Unsolicited pong");
    }
    return QString();
}

PingModel::Row PingModel::row(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[size_t(row)] : Row();
}

QVariant PingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &r = m_rows[size_t(index.row())];
    const qsizetype ev = r.pingIndex >= 0 ? r.pingIndex : r.pongIndex;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DirectionColumn:
            // An unsolicited pong goes the other way round: show where the frame went.
            return EventFormat::directionArrow(
                r.status == Status::Unsolicited ? (r.dir == Direction::Out ? Direction::In : Direction::Out)
                                                : r.dir);
        case SentColumn:
            return EventFormat::relativeMs(r.sentNs);
        case PayloadColumn: {
            const EventRecord rec = m_log->at(ev);
            return EventFormat::framePreview(rec, m_log->payload(ev));
        }
        case RttColumn:
            return r.rttNs < 0 ? QString() : EventFormat::relativeMs(r.rttNs);
        case StatusColumn:
            return statusName(r.status);
        }
        return QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == SentColumn || index.column() == RttColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant();
    case EventIndexRole:
        return QVariant::fromValue(qlonglong(ev));
    case DirectionRole:
        return int(r.dir);
    case OpcodeRole:
        return int(r.pingIndex >= 0 ? Opcode::Ping : Opcode::Pong);
    case PayloadRole: {
        const QByteArray view = m_log->payload(ev); // a view of the log's arena: copy it
        return QByteArray(view.constData(), view.size());
    }
    case TimeNsRole:
        return QVariant::fromValue(qlonglong(r.sentNs));
    case RttNsRole:
        return QVariant::fromValue(qlonglong(r.rttNs));
    case PingStatusRole:
        return int(r.status);
    case SortRole:
        switch (index.column()) {
        case SentColumn:
            return QVariant::fromValue(qlonglong(r.sentNs));
        case RttColumn:
            return QVariant::fromValue(qlonglong(r.rttNs));
        case StatusColumn:
            return int(r.status);
        default:
            return data(index, Qt::DisplayRole);
        }
    default:
        return QVariant();
    }
}

QVariant PingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case DirectionColumn:
            return tr("Dir");
        case SentColumn:
            return tr("Sent (ms)");
        case PayloadColumn:
            return tr("Payload");
        case RttColumn:
            return tr("RTT (ms)");
        case StatusColumn:
            return tr("Status");
        }
    } else if (role == Qt::ToolTipRole && section == DirectionColumn) {
        return tr("\u2192 ping sent by the client, \u2190 ping sent by the server");
    }
    return QVariant();
}

void PingModel::setConnection(quint32 conn)
{
    beginResetModel();
    m_conn = conn;
    m_rows.clear();
    m_waiting[0].clear();
    m_waiting[1].clear();
    m_scanned = 0;
    // Rebuilding is a flush of the whole log into an empty table; the changes it reports
    // concern no existing row.
    std::vector<Row> fresh;
    int firstChanged = 0, lastChanged = -1;
    const qsizetype end = m_log->size();
    if (conn != 0) {
        for (qsizetype i = 0; i < end; ++i) {
            const EventRecord r = m_log->at(i);
            if (r.conn == conn)
                take(i, r, fresh, firstChanged, lastChanged);
        }
    }
    m_scanned = end;
    m_rows = std::move(fresh);
    endResetModel();
}

PingModel::Row *PingModel::rowAt(int logicalRow, std::vector<Row> &fresh)
{
    if (logicalRow < int(m_rows.size()))
        return &m_rows[size_t(logicalRow)];
    return &fresh[size_t(logicalRow) - m_rows.size()];
}

void PingModel::markEnded(std::vector<Row> &fresh, int &firstChanged, int &lastChanged)
{
    for (auto &waiting : m_waiting) {
        for (const Waiting &w : waiting) {
            rowAt(w.row, fresh)->status = Status::Lost;
            if (w.row < int(m_rows.size())) {
                firstChanged = qMin(firstChanged, w.row);
                lastChanged = qMax(lastChanged, w.row);
            }
        }
        waiting.clear();
    }
}

void PingModel::take(qsizetype i, const EventRecord &r, std::vector<Row> &fresh, int &firstChanged,
                     int &lastChanged)
{
    if (r.kind == EventKind::Close) {
        markEnded(fresh, firstChanged, lastChanged);
        return;
    }
    if (r.kind == EventKind::State) {
        const QString s = m_log->details(i).value(QLatin1String("state")).toString().toLower();
        if (s == QLatin1String("disconnected") || s == QLatin1String("closed"))
            markEnded(fresh, firstChanged, lastChanged);
        return;
    }
    if (r.kind != EventKind::Frame || (r.opcode != Opcode::Ping && r.opcode != Opcode::Pong))
        return;
    const int logicalRow = int(m_rows.size() + fresh.size());
    if (r.opcode == Opcode::Ping) {
        Row row;
        row.pingIndex = i;
        row.sentNs = r.timeNs;
        row.dir = r.dir;
        fresh.push_back(row);
        m_waiting[int(r.dir)].push_back({logicalRow, m_log->payload(i)});
        return;
    }
    // A pong answers a ping that went the other way (RFC 6455 §5.5.3: same payload). Pongs come
    // in order, so the oldest waiting ping with that payload is the one answered; older pings
    // still waiting were skipped, which §5.5.3 allows, and will not be answered any more.
    const Direction pingDir = r.dir == Direction::Out ? Direction::In : Direction::Out;
    std::vector<Waiting> &waiting = m_waiting[int(pingDir)];
    const QByteArray payload = m_log->payload(i);
    const auto it = std::find_if(waiting.begin(), waiting.end(),
                                 [&payload](const Waiting &w) { return w.payload == payload; });
    if (it == waiting.end()) {
        Row row;
        row.pongIndex = i;
        row.sentNs = r.timeNs;
        row.dir = pingDir;
        row.status = Status::Unsolicited;
        fresh.push_back(row);
        return;
    }
    for (auto k = waiting.begin(); k != it; ++k) {
        rowAt(k->row, fresh)->status = Status::Lost;
        if (k->row < int(m_rows.size())) {
            firstChanged = qMin(firstChanged, k->row);
            lastChanged = qMax(lastChanged, k->row);
        }
    }
    Row *answered = rowAt(it->row, fresh);
    answered->pongIndex = i;
    answered->rttNs = r.timeNs - answered->sentNs;
    answered->status = Status::Answered;
    if (it->row < int(m_rows.size())) {
        firstChanged = qMin(firstChanged, it->row);
        lastChanged = qMax(lastChanged, it->row);
    }
    waiting.erase(waiting.begin(), it + 1);
}

PingModel::Stats PingModel::stats(Direction pingDirection) const
{
    Stats s;
    std::vector<qint64> rtts;
    for (const Row &r : m_rows) {
        if (r.dir != pingDirection || r.status == Status::Unsolicited)
            continue;
        ++s.pings;
        switch (r.status) {
        case Status::Answered:
            ++s.answered;
            rtts.push_back(r.rttNs);
            break;
        case Status::Lost:
            ++s.lost;
            break;
        case Status::Pending:
            ++s.pending;
            break;
        case Status::Unsolicited:
            break;
        }
    }
    if (rtts.empty())
        return s;
    std::sort(rtts.begin(), rtts.end());
    double sum = 0;
    for (qint64 v : rtts)
        sum += double(v);
    s.minMs = double(rtts.front()) / 1e6;
    s.maxMs = double(rtts.back()) / 1e6;
    s.avgMs = sum / double(rtts.size()) / 1e6;
    // Nearest-rank percentile: the smallest value with at least 95% of the samples at or below it.
    const size_t rank = size_t(std::ceil(0.95 * double(rtts.size())));
    s.p95Ms = double(rtts[qMax<size_t>(rank, 1) - 1]) / 1e6;
    return s;
}

void PingModel::setFlushInterval(int ms)
{
    m_flushInterval = qMax(0, ms);
    m_flushTimer.setInterval(m_flushInterval);
}

void PingModel::onAppended()
{
    if (m_flushInterval == 0)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void PingModel::flush()
{
    m_flushTimer.stop();
    const qsizetype end = m_log->size();
    if (end <= m_scanned)
        return;
    std::vector<Row> fresh;
    int firstChanged = std::numeric_limits<int>::max();
    int lastChanged = -1;
    for (qsizetype i = m_scanned; i < end; ++i) {
        const EventRecord r = m_log->at(i);
        if (m_conn != 0 && r.conn == m_conn)
            take(i, r, fresh, firstChanged, lastChanged);
    }
    m_scanned = end;
    if (lastChanged >= 0)
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    if (!fresh.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(fresh.size()) - 1);
        m_rows.insert(m_rows.end(), fresh.begin(), fresh.end());
        endInsertRows();
    }
}

} // namespace wsscope
