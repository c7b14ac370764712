#pragma once

#include "eventlog.h"
#include "payloadmatcher.h"
#include "timelinefilter.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QTimer>
#include <vector>

namespace wsscope {

// The events of one connection, one row each: frames, and handshake, violation, error, close,
// state and TLS events. A row is nothing but the log index of its event (4 bytes); cell text is
// formatted in data() when a view asks for it. New events arrive in batches: appended() arms a
// timer and each flush inserts its rows with a single beginInsertRows (GammaRay's signal history
// does the same), so a capture of 100k frames a second costs the view ~10 inserts a second.
class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        TimeColumn,
        DirectionColumn,
        TypeColumn,
        FinColumn,
        RsvColumn,
        MaskColumn,
        LengthColumn,
        PreviewColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit TimelineModel(const EventLog *log, QObject *parent = nullptr);
    ~TimelineModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // 0 shows nothing. Resets the model: the log is scanned once for the connection's events.
    void setConnection(quint32 conn);
    quint32 connection() const { return m_conn; }

    // Wall-clock times from the connection's "started" detail instead of ms since the start.
    void setAbsoluteTime(bool absolute);
    bool absoluteTime() const { return m_absoluteTime; }

    void setFilter(const TimelineFilter &filter);
    TimelineFilter filter() const { return m_filter; }
    // Why the pattern is not used (invalid regular expression); empty when it is.
    QString filterErrorString() const { return m_matcher.errorString(); }

    int totalCount() const { return int(m_all.size()); } // rows of the connection, unfiltered
    int matchCount() const;                              // rows matching the text (or shown)
    QString countText() const;                           // "12 of 3,456"

    bool isMatch(int row) const;
    // Rows of the next / previous text match after / before row (-1 to start from an end);
    // -1 when there is none. Wraps around.
    int nextMatch(int row) const;
    int previousMatch(int row) const;

    qsizetype eventIndex(int row) const;              // log index of a row, -1 if out of range
    int rowForEventIndex(qsizetype eventIndex) const; // -1 when not shown

    // Milliseconds between flushes; 0 inserts on every appended() (itself once per loop turn).
    void setFlushInterval(int ms);
    int flushInterval() const { return m_flushInterval; }
    // Takes in what the log holds now, in one insert.
    void flush();

    // Bytes held by the row index vectors (capacity), for memory accounting.
    qsizetype indexMemoryBytes() const;

    static bool isTimelineKind(EventKind kind);

signals:
    // Row counts or matches changed (after a flush, a filter or a connection change).
    void countsChanged();

private:
    bool passes(qsizetype eventIndex, const EventRecord &record) const;
    bool passesStructure(const EventRecord &record) const;
    bool matchesText(qsizetype eventIndex, const EventRecord &record) const;
    bool filtered() const { return m_filter.hidesRows(); }
    bool highlighting() const
    {
        return m_filter.hasText() && !m_filter.hideNonMatching && m_matcher.isValid();
    }
    quint32 rowEvent(int row) const { return filtered() ? m_visible[size_t(row)] : m_all[size_t(row)]; }
    // Rebuilds m_visible and m_matches from m_all for the current filter.
    void rebuildVisible();
    QString cellText(int column, qsizetype eventIndex, const EventRecord &record) const;
    void onAppended();

    const EventLog *m_log;
    quint32 m_conn = 0;
    qsizetype m_scanned = 0;        // log events looked at so far
    std::vector<quint32> m_all;     // log indices of the connection's rows
    std::vector<quint32> m_visible; // log indices passing the filter (only when filtered())
    std::vector<int> m_matches;     // rows matching the text when highlighting
    TimelineFilter m_filter;
    PayloadMatcher m_matcher;
    QDateTime m_started;
    bool m_absoluteTime = false;
    int m_flushInterval = 50;
    QTimer m_flushTimer;
};

} // namespace wsscope
