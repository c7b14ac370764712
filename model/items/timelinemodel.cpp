#include "timelinemodel.h"

#include "eventformat.h"
#include "itemroles.h"

#include <QLocale>
#include <algorithm>
#include <limits>

namespace wsscope {

TimelineModel::TimelineModel(const EventLog *log, QObject *parent) : QAbstractTableModel(parent), m_log(log)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(m_flushInterval);
    connect(&m_flushTimer, &QTimer::timeout, this, &TimelineModel::flush);
    connect(log, &EventLog::appended, this, &TimelineModel::onAppended);
    // Events of a connection not shown yet need no rows; start from the current end.
    m_scanned = log->size();
}

TimelineModel::~TimelineModel() = default;

bool TimelineModel::isTimelineKind(EventKind kind)
{
    switch (kind) {
    case EventKind::Handshake:
    case EventKind::Frame:
    case EventKind::Violation:
    case EventKind::Close:
    case EventKind::Error:
    case EventKind::State:
    case EventKind::Tls:
        return true;
    case EventKind::Connection: // the connection list shows it
    case EventKind::Rtt:        // the ping table shows it
    case EventKind::Message:    // the frames of the message are rows already
        return false;
    }
    return false;
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(filtered() ? m_visible.size() : m_all.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TimelineModel::cellText(int column, qsizetype eventIndex, const EventRecord &r) const
{
    const bool frame = r.kind == EventKind::Frame;
    switch (column) {
    case NumberColumn: {
        const auto it = std::lower_bound(m_all.begin(), m_all.end(), quint32(eventIndex));
        return QString::number(qsizetype(it - m_all.begin()) + 1);
    }
    case TimeColumn:
        return m_absoluteTime ? EventFormat::wallTime(m_started, r.timeNs)
                              : EventFormat::relativeMs(r.timeNs);
    case DirectionColumn:
        if (frame || r.kind == EventKind::Handshake || r.kind == EventKind::Violation)
            return EventFormat::directionArrow(r.dir);
        return QString();
    case TypeColumn:
        return EventFormat::typeName(r);
    case FinColumn:
        return frame ? (r.fin() ? QStringLiteral("1") : QStringLiteral("0")) : QString();
    case RsvColumn:
        return frame ? EventFormat::rsvBits(r.rsv()) : QString();
    case MaskColumn:
        return frame && r.masked() ? EventFormat::maskKey(r.maskKey) : QString();
    case LengthColumn:
        return frame ? QString::number(r.length) : QString();
    case PreviewColumn:
        if (frame)
            return EventFormat::framePreview(r, m_log->payload(eventIndex));
        return EventFormat::detailsPreview(r.kind, r.dir, m_log->details(eventIndex));
    default:
        return QString();
    }
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const qsizetype ev = rowEvent(index.row());
    const EventRecord r = m_log->at(ev);
    const bool frame = r.kind == EventKind::Frame;
    switch (role) {
    case Qt::DisplayRole:
        return cellText(index.column(), ev, r);
    case Qt::ToolTipRole:
        if (index.column() == LengthColumn && frame && r.truncated())
            return tr("%1 bytes, %2 of them stored").arg(r.length).arg(r.storedLength);
        return QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == NumberColumn || index.column() == TimeColumn || index.column() == LengthColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant();
    case EventIndexRole:
        return QVariant::fromValue(qlonglong(ev));
    case ConnectionRole:
        return QVariant::fromValue(uint(r.conn));
    case DirectionRole:
        return int(r.dir);
    case KindRole:
        return int(r.kind);
    case OpcodeRole:
        return frame ? int(r.opcode) : -1;
    case IsControlRole:
        return frame && Opcode::isControl(r.opcode);
    case IsViolationRole:
        return r.kind == EventKind::Violation;
    case IsErrorRole:
        return r.kind == EventKind::Error;
    case PayloadRole: {
        // The log hands out views of its arena; a deep copy lets a viewer keep the bytes beyond
        // the log's life (a new session replaces it).
        if (!frame)
            return QByteArray();
        const QByteArray view = m_log->payload(ev);
        return QByteArray(view.constData(), view.size());
    }
    case TimeNsRole:
        return QVariant::fromValue(qlonglong(r.timeNs));
    case LengthRole:
        return QVariant::fromValue(qulonglong(r.length));
    case FinRole:
        return frame && r.fin();
    case RsvRole:
        return frame ? int(r.rsv()) : 0;
    case MaskedRole:
        return frame && r.masked();
    case TruncatedRole:
        return frame && r.truncated();
    case IsMatchRole:
        return isMatch(index.row());
    case SortRole:
        switch (index.column()) {
        case NumberColumn:
            return QVariant::fromValue(qlonglong(ev));
        case TimeColumn:
            return QVariant::fromValue(qlonglong(r.timeNs));
        case LengthColumn:
            return QVariant::fromValue(qulonglong(r.length));
        default:
            return cellText(index.column(), ev, r);
        }
    default:
        return QVariant();
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NumberColumn:
            return tr("#");
        case TimeColumn:
            return m_absoluteTime ? tr("Time") : tr("Time (ms)");
        case DirectionColumn:
            return tr("Dir");
        case TypeColumn:
            return tr("Type");
        case FinColumn:
            return tr("FIN");
        case RsvColumn:
            return tr("RSV");
        case MaskColumn:
            return tr("Mask");
        case LengthColumn:
            return tr("Length");
        case PreviewColumn:
            return tr("Payload");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case TimeColumn:
            return m_absoluteTime ? tr("Wall-clock time the event was seen")
                                  : tr("Milliseconds since the connection started");
        case DirectionColumn:
            return tr("\u2192 client to server, \u2190 server to client");
        case FinColumn:
            return tr("FIN bit: 1 on the last frame of a message");
        case RsvColumn:
            return tr("RSV1 RSV2 RSV3 bits; RSV1 marks a compressed message (permessage-deflate)");
        case MaskColumn:
            return tr("Masking key of a client frame");
        case LengthColumn:
            return tr("Payload length announced by the frame header");
        }
    }
    return QVariant();
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(EventIndexRole, "eventIndex");
    names.insert(DirectionRole, "direction");
    names.insert(KindRole, "kind");
    names.insert(OpcodeRole, "opcode");
    names.insert(IsControlRole, "isControl");
    names.insert(IsViolationRole, "isViolation");
    names.insert(IsErrorRole, "isError");
    names.insert(PayloadRole, "payload");
    names.insert(IsMatchRole, "isMatch");
    return names;
}

void TimelineModel::setConnection(quint32 conn)
{
    beginResetModel();
    m_conn = conn;
    m_all.clear();
    m_all.shrink_to_fit();
    m_started = QDateTime();
    m_scanned = m_log->size();
    if (conn != 0) {
        for (qsizetype i = 0; i < m_scanned; ++i) {
            const EventRecord r = m_log->at(i);
            if (r.conn == conn && isTimelineKind(r.kind))
                m_all.push_back(quint32(i));
        }
        const QString started = m_log->connection(conn).details.value(QLatin1String("started")).toString();
        m_started = QDateTime::fromString(started, Qt::ISODateWithMs);
    }
    rebuildVisible();
    endResetModel();
    emit countsChanged();
}

void TimelineModel::setAbsoluteTime(bool absolute)
{
    if (m_absoluteTime == absolute)
        return;
    m_absoluteTime = absolute;
    emit headerDataChanged(Qt::Horizontal, TimeColumn, TimeColumn);
    if (rowCount() > 0)
        emit dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn), {Qt::DisplayRole});
}

bool TimelineModel::passesStructure(const EventRecord &r) const
{
    const bool frame = r.kind == EventKind::Frame;
    if (m_filter.problemsOnly && r.kind != EventKind::Violation && r.kind != EventKind::Error)
        return false;
    if (m_filter.hideControl && frame && Opcode::isControl(r.opcode))
        return false;
    // Only events that travel one way have a direction; errors and state changes always show.
    if (m_filter.directions != TimelineFilter::Directions::Both &&
        (frame || r.kind == EventKind::Handshake || r.kind == EventKind::Violation)) {
        const Direction wanted =
            m_filter.directions == TimelineFilter::Directions::Out ? Direction::Out : Direction::In;
        if (r.dir != wanted)
            return false;
    }
    return true;
}

bool TimelineModel::matchesText(qsizetype ev, const EventRecord &r) const
{
    if (!m_filter.hasText() || !m_matcher.isValid())
        return true;
    if (r.kind == EventKind::Frame) {
        const QByteArray payload = m_log->payload(ev);
        if (m_matcher.matches(QByteArrayView(payload)))
            return true;
        // The close code's name is part of what the row says; close frames are rare.
        return r.opcode == Opcode::Close && m_matcher.matches(EventFormat::closePreview(payload));
    }
    return m_matcher.matches(EventFormat::detailsPreview(r.kind, r.dir, m_log->details(ev)));
}

bool TimelineModel::passes(qsizetype ev, const EventRecord &r) const
{
    if (!passesStructure(r))
        return false;
    return !m_filter.hideNonMatching || matchesText(ev, r);
}

void TimelineModel::rebuildVisible()
{
    m_visible.clear();
    m_matches.clear();
    const bool hiding = filtered();
    const bool marking = highlighting();
    if (hiding) {
        m_visible.reserve(m_all.size() / 4);
        for (quint32 ev : m_all) {
            const EventRecord r = m_log->at(ev);
            if (passes(ev, r))
                m_visible.push_back(ev);
        }
        m_visible.shrink_to_fit();
    } else {
        m_visible.shrink_to_fit();
    }
    if (marking) {
        const std::vector<quint32> &rows = hiding ? m_visible : m_all;
        for (size_t row = 0; row < rows.size(); ++row) {
            const EventRecord r = m_log->at(rows[row]);
            if (matchesText(rows[row], r))
                m_matches.push_back(int(row));
        }
    }
}

void TimelineModel::setFilter(const TimelineFilter &filter)
{
    if (filter == m_filter)
        return;
    // A layout change rather than a reset keeps the view's current row and selection on the
    // events that stay visible (Wireshark does bulk changes the same way).
    emit layoutAboutToBeChanged();
    // Collected after the signal: views and testers create persistent indexes in its slots.
    const QModelIndexList oldPersistent = persistentIndexList();
    std::vector<qsizetype> oldEvents;
    oldEvents.reserve(size_t(oldPersistent.size()));
    for (const QModelIndex &i : oldPersistent)
        oldEvents.push_back(eventIndex(i.row()));
    m_filter = filter;
    m_matcher = PayloadMatcher(filter.text, filter.regularExpression, filter.caseSensitivity);
    rebuildVisible();
    QModelIndexList newPersistent;
    newPersistent.reserve(oldPersistent.size());
    for (qsizetype k = 0; k < oldPersistent.size(); ++k) {
        const int row = rowForEventIndex(oldEvents[size_t(k)]);
        newPersistent.append(row < 0 ? QModelIndex() : index(row, oldPersistent[k].column()));
    }
    changePersistentIndexList(oldPersistent, newPersistent);
    emit layoutChanged();
    emit countsChanged();
}

int TimelineModel::matchCount() const
{
    if (highlighting())
        return int(m_matches.size());
    return rowCount();
}

QString TimelineModel::countText() const
{
    const QLocale locale;
    return tr("%1 of %2").arg(locale.toString(matchCount()), locale.toString(totalCount()));
}

bool TimelineModel::isMatch(int row) const
{
    if (row < 0 || row >= rowCount() || !m_filter.hasText() || !m_matcher.isValid())
        return false;
    if (!highlighting())
        return true; // every shown row matched the text
    return std::binary_search(m_matches.begin(), m_matches.end(), row);
}

int TimelineModel::nextMatch(int row) const
{
    const int rows = rowCount();
    if (rows == 0 || !m_filter.hasText() || !m_matcher.isValid())
        return -1;
    if (!highlighting())
        return row + 1 < rows ? row + 1 : 0;
    if (m_matches.empty())
        return -1;
    const auto it = std::upper_bound(m_matches.begin(), m_matches.end(), row);
    return it == m_matches.end() ? m_matches.front() : *it;
}

int TimelineModel::previousMatch(int row) const
{
    const int rows = rowCount();
    if (rows == 0 || !m_filter.hasText() || !m_matcher.isValid())
        return -1;
    if (row < 0)
        row = rows;
    if (!highlighting())
        return row - 1 >= 0 ? row - 1 : rows - 1;
    if (m_matches.empty())
        return -1;
    const auto it = std::lower_bound(m_matches.begin(), m_matches.end(), row);
    return it == m_matches.begin() ? m_matches.back() : *(it - 1);
}

qsizetype TimelineModel::eventIndex(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return rowEvent(row);
}

int TimelineModel::rowForEventIndex(qsizetype ev) const
{
    if (ev < 0 || ev > qsizetype(std::numeric_limits<quint32>::max()))
        return -1;
    const std::vector<quint32> &rows = filtered() ? m_visible : m_all;
    const auto it = std::lower_bound(rows.begin(), rows.end(), quint32(ev));
    if (it == rows.end() || *it != quint32(ev))
        return -1;
    return int(it - rows.begin());
}

void TimelineModel::setFlushInterval(int ms)
{
    m_flushInterval = qMax(0, ms);
    m_flushTimer.setInterval(m_flushInterval);
}

void TimelineModel::onAppended()
{
    if (m_flushInterval == 0)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void TimelineModel::flush()
{
    m_flushTimer.stop();
    const qsizetype end = m_log->size();
    if (end <= m_scanned)
        return;
    std::vector<quint32> fresh;
    std::vector<quint32> shown; // of fresh, those passing the filter
    std::vector<int> freshMatches;
    const bool hiding = filtered();
    const bool marking = highlighting();
    const int firstRow = rowCount();
    for (qsizetype i = m_scanned; i < end; ++i) {
        const EventRecord r = m_log->at(i);
        if (m_conn == 0 || r.conn != m_conn || !isTimelineKind(r.kind))
            continue;
        fresh.push_back(quint32(i));
        const bool show = !hiding || passes(i, r);
        if (hiding && show)
            shown.push_back(quint32(i));
        if (show && marking && matchesText(i, r))
            freshMatches.push_back(firstRow + int(hiding ? shown.size() - 1 : fresh.size() - 1));
    }
    m_scanned = end;
    if (fresh.empty())
        return;
    const std::vector<quint32> &inserted = hiding ? shown : fresh;
    if (inserted.empty()) {
        m_all.insert(m_all.end(), fresh.begin(), fresh.end());
        emit countsChanged(); // "n of m" moved on although no row was added
        return;
    }
    const int lastRow = firstRow + int(inserted.size()) - 1;
    beginInsertRows(QModelIndex(), firstRow, lastRow);
    m_all.insert(m_all.end(), fresh.begin(), fresh.end());
    if (hiding)
        m_visible.insert(m_visible.end(), shown.begin(), shown.end());
    m_matches.insert(m_matches.end(), freshMatches.begin(), freshMatches.end());
    endInsertRows();
    emit countsChanged();
}

qsizetype TimelineModel::indexMemoryBytes() const
{
    return qsizetype(m_all.capacity() * sizeof(quint32) + m_visible.capacity() * sizeof(quint32) +
                     m_matches.capacity() * sizeof(int));
}

} // namespace wsscope
