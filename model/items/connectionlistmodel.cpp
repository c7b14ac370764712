#include "connectionlistmodel.h"

#include "eventformat.h"
#include "itemroles.h"

#include <QLocale>
#include <limits>

namespace wsscope {

namespace {

quint64 headerBytes(const EventRecord &r)
{
    // RFC 6455 §5.2: 2 bytes, the extended length, then the masking key.
    quint64 n = 2;
    switch (r.lengthEncoding()) {
    case LengthEncoding::Bits16:
        n += 2;
        break;
    case LengthEncoding::Bits64:
        n += 8;
        break;
    case LengthEncoding::Bits7:
        break;
    }
    return n + (r.masked() ? 4 : 0);
}

} // namespace

ConnectionListModel::ConnectionListModel(const EventLog *log, QObject *parent)
    : QAbstractTableModel(parent), m_log(log)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(m_flushInterval);
    connect(&m_flushTimer, &QTimer::timeout, this, &ConnectionListModel::flush);
    connect(log, &EventLog::appended, this, &ConnectionListModel::onAppended);
    flush();
}

ConnectionListModel::~ConnectionListModel() = default;

int ConnectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConnectionListModel::stateName(State state)
{
    switch (state) {
    case State::Connecting:
        return tr("Connecting");
    case State::Open:
        return tr("Open");
    case State::Closing:
        return tr("Closing");
    case State::Closed:
        return tr("Closed");
    case State::Failed:
        return tr("Failed");
    }
    return QString();
}

QString ConnectionListModel::sourceName(const QString &source)
{
    if (source == QLatin1String("client"))
        return tr("Client");
    if (source == QLatin1String("proxy"))
        return tr("Proxy");
    if (source == QLatin1String("import") || source == QLatin1String("file"))
        return tr("File");
    if (source == QLatin1String("mock"))
        //: A connection served by WsScope's mock server from a recording
        return tr("Mock");
    return source;
}

QString ConnectionListModel::cellText(int column, const Totals &t) const
{
    const QLocale locale;
    switch (column) {
    case StateColumn:
        return stateName(t.effectiveState());
    case NameColumn:
        if (!t.name.isEmpty())
            return t.name;
        return t.url.isEmpty() ? tr("Connection %1").arg(t.conn) : t.url;
    case SourceColumn:
        return sourceName(t.source);
    case FramesInColumn:
        return locale.toString(t.framesIn);
    case FramesOutColumn:
        return locale.toString(t.framesOut);
    case BytesInColumn:
        return locale.toString(t.bytesIn);
    case BytesOutColumn:
        return locale.toString(t.bytesOut);
    case RttColumn:
        return t.lastRttNs < 0 ? QString() : EventFormat::relativeMs(t.lastRttNs);
    case CloseColumn:
        if (t.closeCode < 0)
            return QString();
        return t.closeReason.isEmpty()
                   ? EventFormat::closeCodeText(t.closeCode)
                   : QStringLiteral("%1: %2").arg(EventFormat::closeCodeText(t.closeCode), t.closeReason);
    default:
        return QString();
    }
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const auto it = m_totals.constFind(m_rows[size_t(index.row())]);
    if (it == m_totals.cend())
        return QVariant();
    const Totals &t = *it;
    switch (role) {
    case Qt::DisplayRole:
        return cellText(index.column(), t);
    case Qt::EditRole:
        if (index.column() == NameColumn)
            return t.name.isEmpty() ? t.url : t.name;
        return cellText(index.column(), t);
    case Qt::ToolTipRole:
        if (index.column() == NameColumn)
            return t.url;
        if (index.column() == CloseColumn && t.closeCode >= 0)
            return EventFormat::closeCodeText(t.closeCode);
        return QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() >= FramesInColumn && index.column() <= RttColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant();
    case ConnectionRole:
        return QVariant::fromValue(uint(t.conn));
    case StateRole:
        return int(t.effectiveState());
    case SourceRole:
        return t.source;
    case CloseCodeRole:
        return t.closeCode;
    case RttNsRole:
        return QVariant::fromValue(qlonglong(t.lastRttNs));
    case IsViolationRole:
        return t.violations > 0;
    case IsErrorRole:
        return t.errors > 0 || t.effectiveState() == State::Failed;
    case SortRole:
        switch (index.column()) {
        case StateColumn:
            return int(t.effectiveState());
        case FramesInColumn:
            return QVariant::fromValue(qulonglong(t.framesIn));
        case FramesOutColumn:
            return QVariant::fromValue(qulonglong(t.framesOut));
        case BytesInColumn:
            return QVariant::fromValue(qulonglong(t.bytesIn));
        case BytesOutColumn:
            return QVariant::fromValue(qulonglong(t.bytesOut));
        case RttColumn:
            return QVariant::fromValue(qlonglong(t.lastRttNs));
        case CloseColumn:
            return t.closeCode;
        default:
            return cellText(index.column(), t);
        }
    default:
        return QVariant();
    }
}

QVariant ConnectionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case StateColumn:
            return tr("State");
        case NameColumn:
            return tr("Name");
        case SourceColumn:
            return tr("Source");
        case FramesInColumn:
            return tr("Frames in");
        case FramesOutColumn:
            return tr("Frames out");
        case BytesInColumn:
            return tr("Bytes in");
        case BytesOutColumn:
            return tr("Bytes out");
        case RttColumn:
            return tr("RTT (ms)");
        case CloseColumn:
            return tr("Close");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case BytesInColumn:
        case BytesOutColumn:
            return tr("Payload bytes, frame headers not counted");
        case RttColumn:
            return tr("Round trip of the last ping answered by the server");
        case CloseColumn:
            return tr("Close code and reason");
        }
    }
    return QVariant();
}

QHash<int, QByteArray> ConnectionListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ConnectionRole, "connection");
    names.insert(StateRole, "state");
    names.insert(SourceRole, "source");
    names.insert(CloseCodeRole, "closeCode");
    names.insert(RttNsRole, "rttNs");
    return names;
}

quint32 ConnectionListModel::connectionAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[size_t(row)] : 0;
}

int ConnectionListModel::rowForConnection(quint32 conn) const
{
    return m_rowOf.value(conn, -1);
}

ConnectionListModel::Totals ConnectionListModel::totals(quint32 conn) const
{
    return m_totals.value(conn);
}

ConnectionListModel::State ConnectionListModel::state(quint32 conn) const
{
    const auto it = m_totals.constFind(conn);
    return it == m_totals.cend() ? State::Connecting : it->effectiveState();
}

void ConnectionListModel::emitRowChanged(quint32 conn)
{
    const int row = rowForConnection(conn);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ConnectionListModel::setName(quint32 conn, const QString &name)
{
    const auto it = m_totals.find(conn);
    if (it == m_totals.end() || it->name == name)
        return;
    it->name = name;
    emitRowChanged(conn);
}

void ConnectionListModel::removeConnection(quint32 conn)
{
    const int row = rowForConnection(conn);
    m_removed.insert(conn);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.erase(m_rows.begin() + row);
    m_rowOf.remove(conn);
    for (size_t r = size_t(row); r < m_rows.size(); ++r)
        m_rowOf[m_rows[r]] = int(r);
    endRemoveRows();
}

void ConnectionListModel::setLiveState(quint32 conn, State state)
{
    bool created = false;
    Totals *t = ensure(conn, &created);
    if (!t || (t->hasLiveState && t->liveState == state))
        return;
    t->hasLiveState = true;
    t->liveState = state;
    if (created) {
        const int row = int(m_rows.size());
        beginInsertRows(QModelIndex(), row, row);
        m_rows.push_back(conn);
        m_rowOf.insert(conn, row);
        endInsertRows();
    } else {
        emitRowChanged(conn);
    }
}

void ConnectionListModel::clearLiveState(quint32 conn)
{
    const auto it = m_totals.find(conn);
    if (it == m_totals.end() || !it->hasLiveState)
        return;
    it->hasLiveState = false;
    emitRowChanged(conn);
}

ConnectionListModel::Totals *ConnectionListModel::ensure(quint32 conn, bool *created)
{
    *created = false;
    auto it = m_totals.find(conn);
    if (it != m_totals.end())
        return &*it;
    Totals t;
    t.conn = conn;
    const ConnectionRecord rec = m_log->connection(conn);
    t.url = rec.details.value(QLatin1String("url")).toString();
    t.source = rec.details.value(QLatin1String("source")).toString();
    t.name = rec.details.value(QLatin1String("name")).toString();
    *created = !m_removed.contains(conn);
    return &*m_totals.insert(conn, t);
}

void ConnectionListModel::account(qsizetype ev, const EventRecord &r, Totals &t)
{
    t.lastEventNs = r.timeNs;
    switch (r.kind) {
    case EventKind::Connection:
        t.state = State::Connecting;
        break;
    case EventKind::Frame: {
        // A loaded file may have no handshake record: frames prove the connection was open.
        if (t.state == State::Connecting)
            t.state = State::Open;
        const bool in = r.dir == Direction::In;
        (in ? t.framesIn : t.framesOut) += 1;
        (in ? t.bytesIn : t.bytesOut) += r.length;
        (in ? t.wireBytesIn : t.wireBytesOut) += headerBytes(r) + r.length;
        if (r.opcode == Opcode::Close) {
            if (t.state == State::Open)
                t.state = State::Closing;
            if (t.closeCode < 0) {
                const QByteArray body = m_log->payload(ev);
                t.closeCode = EventFormat::closeCode(body);
                t.closeReason = QString::fromUtf8(EventFormat::closeReason(body));
            }
        } else if (r.opcode == Opcode::Ping && !in) {
            auto &pending = m_pendingPings[t.conn];
            pending.append({m_log->payload(ev), r.timeNs});
            // A server answering none of many pings must not grow this without bound.
            if (pending.size() > 64)
                pending.removeFirst();
        } else if (r.opcode == Opcode::Pong && in) {
            // RFC 6455 §5.5.3: the pong echoes the ping's payload.
            auto pit = m_pendingPings.find(t.conn);
            if (pit != m_pendingPings.end()) {
                const QByteArray payload = m_log->payload(ev);
                for (qsizetype k = 0; k < pit->size(); ++k) {
                    if (pit->at(k).first == payload) {
                        t.lastRttNs = r.timeNs - pit->at(k).second;
                        pit->remove(0, k + 1);
                        break;
                    }
                }
            }
        }
        break;
    }
    case EventKind::Handshake:
        if (r.dir == Direction::In) {
            const int status = m_log->details(ev).value(QLatin1String("status")).toInt();
            if (status == 101)
                t.state = State::Open;
            else if (status > 0)
                t.state = State::Failed;
        }
        break;
    case EventKind::Close: {
        const QJsonObject d = m_log->details(ev);
        const QJsonValue code = d.value(QLatin1String("code"));
        if (code.isDouble()) {
            t.closeCode = code.toInt();
            t.closeReason = d.value(QLatin1String("reason")).toString();
        }
        if (t.state != State::Failed)
            t.state = State::Closed;
        break;
    }
    case EventKind::State: {
        const QJsonObject d = m_log->details(ev);
        const QString s = d.value(QLatin1String("state")).toString().toLower();
        if (s == QLatin1String("connected") || s == QLatin1String("open"))
            t.state = State::Open;
        else if (s == QLatin1String("closing"))
            t.state = State::Closing;
        else if (s == QLatin1String("connecting") || s == QLatin1String("reconnecting"))
            t.state = State::Connecting;
        else if (s == QLatin1String("disconnected") || s == QLatin1String("closed"))
            t.state =
                t.state == State::Connecting || t.state == State::Failed ? State::Failed : State::Closed;
        else if (s == QLatin1String("failed"))
            t.state = State::Failed;
        const QJsonValue code = d.value(QLatin1String("code"));
        if (code.isDouble() && t.closeCode < 0) {
            t.closeCode = code.toInt();
            t.closeReason = d.value(QLatin1String("reason")).toString();
        }
        break;
    }
    case EventKind::Error:
        ++t.errors;
        // Before the upgrade completed an error means the connection never opened.
        if (t.state == State::Connecting)
            t.state = State::Failed;
        break;
    case EventKind::Violation:
        ++t.violations;
        break;
    case EventKind::Rtt: {
        const qint64 ns = EventFormat::rttNs(m_log->details(ev));
        if (ns >= 0)
            t.lastRttNs = ns;
        break;
    }
    case EventKind::Tls:
    case EventKind::Message:
        break;
    }
}

void ConnectionListModel::setFlushInterval(int ms)
{
    m_flushInterval = qMax(0, ms);
    m_flushTimer.setInterval(m_flushInterval);
}

void ConnectionListModel::onAppended()
{
    if (m_flushInterval == 0)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void ConnectionListModel::flush()
{
    m_flushTimer.stop();
    const qsizetype end = m_log->size();
    std::vector<quint32> added;
    int firstChanged = std::numeric_limits<int>::max();
    int lastChanged = -1;
    for (qsizetype i = m_scanned; i < end; ++i) {
        const EventRecord r = m_log->at(i);
        bool created = false;
        Totals *t = ensure(r.conn, &created);
        if (created)
            added.push_back(r.conn);
        account(i, r, *t);
        const int row = rowForConnection(r.conn);
        if (row >= 0) {
            firstChanged = qMin(firstChanged, row);
            lastChanged = qMax(lastChanged, row);
        }
    }
    m_scanned = end;
    // One signal for the touched rows: per-row signals would cost more than the few untouched
    // rows in between (qBittorrent does the same).
    if (lastChanged >= 0)
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    if (!added.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        for (quint32 conn : added) {
            m_rowOf.insert(conn, int(m_rows.size()));
            m_rows.push_back(conn);
        }
        endInsertRows();
    }
}

} // namespace wsscope
