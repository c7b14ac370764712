#pragma once

#include "capturesink.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QReadWriteLock>
#include <atomic>
#include <memory>
#include <vector>

namespace wsscope {

// One event as stored: 40 bytes, no heap allocation of its own. Frame payloads and the details
// of other events live in the log's arenas, referenced by payloadRef.
struct EventRecord
{
    qint64 timeNs = 0;        // since the connection's start
    quint64 length = 0;       // frames: the true payload length; others: 0
    quint64 payloadRef = 0;   // arena reference (see EventLog::payload / details)
    quint32 storedLength = 0; // bytes kept in the arena (frames: <= cap; others: size of details)
    quint32 conn = 0;
    quint32 maskKey = 0;
    EventKind kind = EventKind::Frame;
    Direction dir = Direction::Out;
    quint8 opcode = 0;
    quint8 flags = 0; // Flag bits below
    enum Flag : quint8 {
        Fin = 0x01,
        Masked = 0x02,
        Truncated = 0x04,
        // The 0-7 rsv value of FrameInfo (Rsv::Rsv1 = 0x4) shifted left by 4.
        Rsv1 = 0x40,
        Rsv2 = 0x20,
        Rsv3 = 0x10,
        LenMask = 0x80 | 0x08, // length encoding: 0 = 7-bit, 0x08 = 16-bit, 0x80 = 64-bit
    };
    bool fin() const { return flags & Fin; }
    bool masked() const { return flags & Masked; }
    bool truncated() const { return flags & Truncated; }
    quint8 rsv() const { return (flags >> 4) & 0x7; }
    LengthEncoding lengthEncoding() const
    {
        return (flags & 0x80)   ? LengthEncoding::Bits64
               : (flags & 0x08) ? LengthEncoding::Bits16
                                : LengthEncoding::Bits7;
    }
};

static_assert(sizeof(EventRecord) <= 40, "EventRecord must stay compact: millions are kept in memory");

struct ConnectionRecord
{
    quint32 id = 0;
    qint64 startNs = 0;  // monotonic start (0 for loaded sessions)
    QJsonObject details; // as passed to connectionOpened
};

// Append-only log of every event of a session, for all connections.
// Appends come from the capture thread; reads from any thread see a consistent prefix.
// O(1) access by index; records live in fixed-size chunks that never move.
class EventLog : public QObject, public CaptureSink
{
    Q_OBJECT
public:
    explicit EventLog(QObject *parent = nullptr);
    ~EventLog() override;

    // CaptureSink
    quint32 connectionOpened(qint64 timeNs, const QJsonObject &details) override;
    void frameCaptured(quint32 conn, Direction dir, const FrameInfo &frame, QByteArrayView payload) override;
    void framesCaptured(quint32 conn, Direction dir, const CapturedFrame *frames, qsizetype count) override;
    void eventCaptured(quint32 conn, EventKind kind, Direction dir, qint64 timeNs,
                       const QJsonObject &details) override;

    // Loading a file: times already relative to the connection start.
    // addConnection keeps id unless it is 0 or already taken (then the next free number is used);
    // it returns the number used. Like connectionOpened it appends an EventKind::Connection record,
    // so connections take their place in the order of events.
    quint32 addConnection(quint32 id, const QJsonObject &details);
    // Frames: payloadOrDetails is the stored payload. Other kinds: the encodeDetails() form.
    // The prototype's payloadRef and storedLength are ignored; the log fills them.
    void appendRecord(const EventRecord &prototype, QByteArrayView payloadOrDetails);

    qsizetype size() const; // published count, acquire
    // Non-frame events from a file: times already relative, details stored compactly.
    void appendEvent(const EventRecord &prototype, const QJsonObject &details);

    EventRecord at(qsizetype index) const;
    QByteArray payload(qsizetype index) const;  // frames: stored payload bytes
    QJsonObject details(qsizetype index) const; // non-frame events
    QList<ConnectionRecord> connections() const;
    ConnectionRecord connection(quint32 id) const;
    qsizetype connectionCount() const;
    // The name a user gave a connection, kept in its details under "name" (empty removes it). A
    // saved file's connection line carries the details as they are when it is written.
    void setConnectionName(quint32 id, const QString &name);

    quint64 payloadBytes() const; // bytes held in arenas
    // Everything the log has allocated: record chunks, chunk tables, arena blocks (including their
    // unused tails). memoryBytes() - payloadBytes() is the cost of the log beyond the payloads.
    quint64 memoryBytes() const;

    // Records live in chunks of this many; payloads in arena chunks of ArenaChunkSize bytes. A payload
    // larger than LargePayload gets a block of its own, so a chunk never wastes more than that at its end.
    static constexpr qsizetype RecordsPerChunk = qsizetype(1) << 16;
    static constexpr qsizetype ArenaChunkSize = qsizetype(4) << 20;
    static constexpr qsizetype LargePayload = ArenaChunkSize / 4;

    // Display name of an opcode ("Text", "Ping", "Reserved (0x3)"), translated.
    static QString opcodeName(quint8 opcode);
    // A frame record from a decoded header: times stay as given (monotonic until the log rebases them).
    static EventRecord frameRecordFrom(const FrameInfo &frame, quint32 conn = 0,
                                       Direction dir = Direction::Out);
    // The compact form non-frame details take in the arena (CBOR), and back.
    static QByteArray encodeDetails(const QJsonObject &details);
    static QJsonObject decodeDetails(QByteArrayView encoded);

signals:
    // Coalesced: emitted at most once per turn of the event loop of the log's thread.
    void appended(qsizetype newSize);
    void connectionAdded(quint32 id);

private:
    void scheduleAppended();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace wsscope
