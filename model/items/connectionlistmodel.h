#pragma once

#include "eventlog.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QTimer>
#include <vector>

namespace wsscope {

// One row per connection of the session, with running totals. The totals are kept per
// connection and updated from the events appended since the last flush only (the log is never
// scanned again), and each flush emits at most one dataChanged for the rows it touched.
class ConnectionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StateColumn,
        NameColumn,
        SourceColumn,
        FramesInColumn,
        FramesOutColumn,
        BytesInColumn,
        BytesOutColumn,
        RttColumn,
        CloseColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum class State { Connecting, Open, Closing, Closed, Failed };
    Q_ENUM(State)

    struct Totals
    {
        quint32 conn = 0;
        State state = State::Connecting; // derived from the events
        bool hasLiveState = false;       // set by the window: wins over the derived state
        State liveState = State::Connecting;
        QString name; // set by the user; empty: the URL
        QString url;
        QString source; // "client", "proxy", "import"
        quint64 framesIn = 0, framesOut = 0;
        quint64 bytesIn = 0, bytesOut = 0;         // payload bytes
        quint64 wireBytesIn = 0, wireBytesOut = 0; // with frame headers
        quint32 violations = 0;
        quint32 errors = 0;
        qint64 lastRttNs = -1;
        int closeCode = -1; // -1: none seen
        QString closeReason;
        qint64 lastEventNs = 0;
        State effectiveState() const { return hasLiveState ? liveState : state; }
    };

    explicit ConnectionListModel(const EventLog *log, QObject *parent = nullptr);
    ~ConnectionListModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    quint32 connectionAt(int row) const;      // 0 when out of range
    int rowForConnection(quint32 conn) const; // -1 when unknown or removed
    Totals totals(quint32 conn) const;

    void setName(quint32 conn, const QString &name);
    // Hides the row; the log keeps its events (it is append-only), later events are counted still.
    void removeConnection(quint32 conn);
    // The window knows the live state of its connections first (QWebSocket signals).
    void setLiveState(quint32 conn, State state);
    void clearLiveState(quint32 conn);
    State state(quint32 conn) const;

    static QString stateName(State state);
    static QString sourceName(const QString &source);

    void setFlushInterval(int ms);
    int flushInterval() const { return m_flushInterval; }
    void flush();

private:
    Totals *ensure(quint32 conn, bool *created);
    void account(qsizetype eventIndex, const EventRecord &record, Totals &t);
    QString cellText(int column, const Totals &t) const;
    void emitRowChanged(quint32 conn);
    void onAppended();

    const EventLog *m_log;
    qsizetype m_scanned = 0;
    QHash<quint32, Totals> m_totals;
    QSet<quint32> m_removed;
    std::vector<quint32> m_rows; // connection numbers in the order they appeared
    QHash<quint32, int> m_rowOf;
    // Per connection, the payloads of our pings not answered yet, for the RTT column.
    QHash<quint32, QList<QPair<QByteArray, qint64>>> m_pendingPings;
    int m_flushInterval = 100;
    QTimer m_flushTimer;
};

} // namespace wsscope
