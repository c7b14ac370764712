#pragma once

#include "eventlog.h"

#include <QAbstractTableModel>
#include <QTimer>
#include <vector>

namespace wsscope {

// Round trips of one connection: every ping, both ways, with the pong that answered it
// (matched by payload, RFC 6455 §5.5.3), and pongs that answered nothing (unsolicited pongs
// are allowed as a unidirectional heartbeat). Rows are appended in batches like the timeline.
class PingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { DirectionColumn, SentColumn, PayloadColumn, RttColumn, StatusColumn, ColumnCount };
    Q_ENUM(Column)

    enum class Status {
        Pending,    // no pong yet
        Answered,   // a pong with the same payload came back
        Lost,       // the connection ended, or a later ping was answered first (§5.5.3 lets a
                    // peer answer only the most recent ping)
        Unsolicited // a pong that matches no ping
    };
    Q_ENUM(Status)

    struct Row
    {
        qsizetype pingIndex = -1; // log index of the ping (-1 for an unsolicited pong)
        qsizetype pongIndex = -1; // log index of the pong, -1 when none
        qint64 sentNs = 0;        // time of the ping (or of the unsolicited pong)
        qint64 rttNs = -1;
        Direction dir = Direction::Out; // of the ping: Out = we ping the server
        Status status = Status::Pending;
    };

    struct Stats
    {
        int pings = 0;
        int answered = 0;
        int lost = 0;
        int pending = 0;
        double minMs = 0, avgMs = 0, p95Ms = 0, maxMs = 0; // over answered pings; 0 when none
    };

    explicit PingModel(const EventLog *log, QObject *parent = nullptr);
    ~PingModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setConnection(quint32 conn);
    quint32 connection() const { return m_conn; }
    Row row(int row) const;

    // Statistics of the pings sent in one direction (Out: our pings, the server's round trip).
    Stats stats(Direction pingDirection = Direction::Out) const;

    static QString statusName(Status status);

    void setFlushInterval(int ms);
    int flushInterval() const { return m_flushInterval; }
    void flush();

private:
    // Takes in event i; records which existing rows changed and which rows are new.
    void take(qsizetype i, const EventRecord &r, std::vector<Row> &fresh, int &firstChanged,
              int &lastChanged);
    void markEnded(std::vector<Row> &fresh, int &firstChanged, int &lastChanged);
    Row *rowAt(int logicalRow, std::vector<Row> &fresh);
    void onAppended();

    const EventLog *m_log;
    quint32 m_conn = 0;
    qsizetype m_scanned = 0;
    std::vector<Row> m_rows;
    // Rows still waiting for a pong, per ping direction, oldest first; each keeps its payload so
    // matching needs no log access.
    struct Waiting
    {
        int row;
        QByteArray payload;
    };
    std::vector<Waiting> m_waiting[2];
    int m_flushInterval = 50;
    QTimer m_flushTimer;
};

} // namespace wsscope
