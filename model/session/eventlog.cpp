#include "eventlog.h"

#include <QCborMap>
#include <QCborValue>
#include <QHash>
#include <QMetaObject>
#include <QMutex>
#include <QReadLocker>
#include <QWriteLocker>
#include <cstring>

namespace wsscope {

namespace {

// A table of pointers that only grows and whose slots never move: a fixed directory of lazily
// allocated pages. Readers on other threads may look up any slot published before the size they
// acquired, while the single writer adds slots, without a lock (a growing vector would reallocate
// under them).
template <typename T> class PointerTable
{
public:
    static constexpr qsizetype PageBits = 10;
    static constexpr qsizetype PageSize = qsizetype(1) << PageBits;
    static constexpr qsizetype DirectorySize = 4096;
    static constexpr qsizetype Capacity = PageSize * DirectorySize;

    PointerTable()
    {
        for (auto &page : m_directory)
            page.store(nullptr, std::memory_order_relaxed);
    }
    ~PointerTable()
    {
        for (auto &page : m_directory)
            delete[] page.load(std::memory_order_relaxed);
    }
    PointerTable(const PointerTable &) = delete;
    PointerTable &operator=(const PointerTable &) = delete;

    T *get(qsizetype index) const
    {
        const std::atomic<T *> *page = m_directory[index >> PageBits].load(std::memory_order_acquire);
        return page[index & (PageSize - 1)].load(std::memory_order_acquire);
    }

    // Writer only (callers hold the append mutex). Returns the bytes newly allocated for the table.
    qsizetype set(qsizetype index, T *value)
    {
        if (index >= Capacity)
            qFatal("wsscope::EventLog: more than %lld chunks; the session is too large to keep in memory",
                   static_cast<long long>(Capacity));
        qsizetype allocated = 0;
        std::atomic<T *> *page = m_directory[index >> PageBits].load(std::memory_order_relaxed);
        if (!page) {
            page = new std::atomic<T *>[PageSize];
            for (qsizetype i = 0; i < PageSize; ++i)
                page[i].store(nullptr, std::memory_order_relaxed);
            m_directory[index >> PageBits].store(page, std::memory_order_release);
            allocated = PageSize * qsizetype(sizeof(std::atomic<T *>));
        }
        page[index & (PageSize - 1)].store(value, std::memory_order_release);
        return allocated;
    }

private:
    std::atomic<std::atomic<T *> *> m_directory[DirectorySize];
};

constexpr quint64 makeRef(quint32 block, quint32 offset)
{
    return (quint64(block) << 32) | offset;
}

} // namespace

// lupdate misreads the enum with a base type in eventlog.h and loses EventLog's namespace; this block,
// which the compiler never reads, gives it back the context EventLog::tr() translates in.
#if 0
class EventLog
{
    Q_DECLARE_TR_FUNCTIONS(wsscope::EventLog)
};
#endif

struct EventLog::Private
{
    PointerTable<EventRecord> recordChunks;
    PointerTable<char> arenaBlocks;
    std::atomic<qsizetype> size{0};
    std::atomic<quint64> payloadBytes{0};
    std::atomic<quint64> memoryBytes{0};

    // Writer side, under appendMutex: capture may call from more than one thread.
    QMutex appendMutex;
    EventRecord *currentChunk = nullptr;
    qsizetype arenaBlockCount = 0;
    qint64 arenaCurrent = -1; // block index of the chunk small payloads go to
    qsizetype arenaFill = 0;
    QHash<quint32, qint64> startNs;
    quint32 nextConnection = 1;

    // Reader side of the connection list.
    mutable QReadWriteLock connectionLock;
    QList<ConnectionRecord> connections;
    QHash<quint32, qsizetype> connectionIndex;

    // Coalescing of appended(): one queued emission pending at most.
    std::atomic<bool> appendedPending{false};
    qsizetype lastEmitted = 0; // touched only in the log's thread

    ~Private()
    {
        const qsizetype chunks =
            (size.load(std::memory_order_relaxed) + RecordsPerChunk - 1) / RecordsPerChunk;
        for (qsizetype c = 0; c < chunks; ++c)
            delete[] recordChunks.get(c);
        for (qsizetype b = 0; b < arenaBlockCount; ++b)
            delete[] arenaBlocks.get(b);
    }

    quint32 newBlock(qsizetype bytes)
    {
        char *block = new char[size_t(bytes)];
        const qsizetype index = arenaBlockCount++;
        memoryBytes.fetch_add(quint64(bytes + arenaBlocks.set(index, block)), std::memory_order_relaxed);
        return quint32(index);
    }

    // Copies bytes into the arena; returns the reference. Under appendMutex.
    quint64 store(QByteArrayView bytes)
    {
        const qsizetype n = bytes.size();
        if (n == 0)
            return 0;
        quint64 ref;
        if (n > LargePayload) {
            const quint32 block = newBlock(n);
            std::memcpy(arenaBlocks.get(block), bytes.data(), size_t(n));
            ref = makeRef(block, 0);
        } else {
            if (arenaCurrent < 0 || arenaFill + n > ArenaChunkSize) {
                arenaCurrent = newBlock(ArenaChunkSize);
                arenaFill = 0;
            }
            std::memcpy(arenaBlocks.get(arenaCurrent) + arenaFill, bytes.data(), size_t(n));
            ref = makeRef(quint32(arenaCurrent), quint32(arenaFill));
            arenaFill += n;
        }
        payloadBytes.fetch_add(quint64(n), std::memory_order_relaxed);
        return ref;
    }

    // Under appendMutex. The record is complete in memory before size publishes it (release).
    void append(const EventRecord &record, QByteArrayView bytes)
    {
        const qsizetype index = size.load(std::memory_order_relaxed);
        if ((index & (RecordsPerChunk - 1)) == 0) {
            currentChunk = new EventRecord[RecordsPerChunk];
            const qsizetype table = recordChunks.set(index / RecordsPerChunk, currentChunk);
            memoryBytes.fetch_add(quint64(RecordsPerChunk * qsizetype(sizeof(EventRecord)) + table),
                                  std::memory_order_relaxed);
        }
        EventRecord &slot = currentChunk[index & (RecordsPerChunk - 1)];
        slot = record;
        slot.storedLength = quint32(bytes.size());
        slot.payloadRef = store(bytes);
        size.store(index + 1, std::memory_order_release);
    }

    quint32 addConnection(quint32 id, qint64 start, const QJsonObject &details)
    {
        if (id == 0 || startNs.contains(id))
            id = nextConnection;
        while (startNs.contains(id))
            ++id;
        nextConnection = qMax(nextConnection, id + 1);
        startNs.insert(id, start);
        {
            QWriteLocker locker(&connectionLock);
            connectionIndex.insert(id, connections.size());
            connections.append(ConnectionRecord{id, start, details});
        }
        EventRecord record;
        record.kind = EventKind::Connection;
        record.conn = id;
        append(record, EventLog::encodeDetails(details));
        return id;
    }
};

EventLog::EventLog(QObject *parent) : QObject(parent), d(std::make_unique<Private>())
{
    d->memoryBytes.store(sizeof(Private), std::memory_order_relaxed);
}

EventLog::~EventLog() = default;

quint32 EventLog::connectionOpened(qint64 timeNs, const QJsonObject &details)
{
    quint32 id;
    {
        QMutexLocker locker(&d->appendMutex);
        id = d->addConnection(0, timeNs, details);
    }
    QMetaObject::invokeMethod(
        this, [this, id] { emit connectionAdded(id); }, Qt::QueuedConnection);
    scheduleAppended();
    return id;
}

void EventLog::frameCaptured(quint32 conn, Direction dir, const FrameInfo &frame, QByteArrayView payload)
{
    EventRecord record = frameRecordFrom(frame, conn, dir);
    {
        QMutexLocker locker(&d->appendMutex);
        record.timeNs -= d->startNs.value(conn, 0);
        d->append(record, payload);
    }
    scheduleAppended();
}

void EventLog::framesCaptured(quint32 conn, Direction dir, const CapturedFrame *frames, qsizetype count)
{
    if (count <= 0)
        return;
    {
        QMutexLocker locker(&d->appendMutex);
        const qint64 start = d->startNs.value(conn, 0);
        for (qsizetype i = 0; i < count; ++i) {
            EventRecord record = frameRecordFrom(frames[i].frame, conn, dir);
            record.timeNs -= start;
            d->append(record, frames[i].payload);
        }
    }
    scheduleAppended();
}

void EventLog::eventCaptured(quint32 conn, EventKind kind, Direction dir, qint64 timeNs,
                             const QJsonObject &details)
{
    EventRecord record;
    record.conn = conn;
    record.kind = kind;
    record.dir = dir;
    const QByteArray encoded = encodeDetails(details);
    {
        QMutexLocker locker(&d->appendMutex);
        record.timeNs = timeNs - d->startNs.value(conn, 0);
        d->append(record, encoded);
    }
    scheduleAppended();
}

quint32 EventLog::addConnection(quint32 id, const QJsonObject &details)
{
    {
        QMutexLocker locker(&d->appendMutex);
        id = d->addConnection(id, 0, details);
    }
    QMetaObject::invokeMethod(
        this, [this, id] { emit connectionAdded(id); }, Qt::QueuedConnection);
    scheduleAppended();
    return id;
}

void EventLog::appendRecord(const EventRecord &prototype, QByteArrayView payloadOrDetails)
{
    {
        QMutexLocker locker(&d->appendMutex);
        d->append(prototype, payloadOrDetails);
    }
    scheduleAppended();
}

void EventLog::appendEvent(const EventRecord &prototype, const QJsonObject &details)
{
    appendRecord(prototype, encodeDetails(details));
}

void EventLog::scheduleAppended()
{
    // 100k appends a second must not become 100k queued calls: only the first append after an
    // emission queues one; the flag is cleared before size is read, so no append goes unreported.
    if (d->appendedPending.exchange(true, std::memory_order_acq_rel))
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            d->appendedPending.store(false, std::memory_order_release);
            const qsizetype n = size();
            if (n == d->lastEmitted)
                return;
            d->lastEmitted = n;
            emit appended(n);
        },
        Qt::QueuedConnection);
}

qsizetype EventLog::size() const
{
    return d->size.load(std::memory_order_acquire);
}

EventRecord EventLog::at(qsizetype index) const
{
    Q_ASSERT(index >= 0 && index < size());
    if (index < 0 || index >= size())
        return EventRecord();
    return d->recordChunks.get(index / RecordsPerChunk)[index & (RecordsPerChunk - 1)];
}

QByteArray EventLog::payload(qsizetype index) const
{
    const EventRecord record = at(index);
    if (record.storedLength == 0)
        return QByteArray();
    const char *block = d->arenaBlocks.get(qsizetype(record.payloadRef >> 32));
    // Arena memory never moves nor is freed while the log lives, so no copy is needed.
    return QByteArray::fromRawData(block + quint32(record.payloadRef), qsizetype(record.storedLength));
}

QJsonObject EventLog::details(qsizetype index) const
{
    if (index < 0 || index >= size() || at(index).kind == EventKind::Frame)
        return QJsonObject();
    return decodeDetails(payload(index));
}

QList<ConnectionRecord> EventLog::connections() const
{
    QReadLocker locker(&d->connectionLock);
    return d->connections;
}

ConnectionRecord EventLog::connection(quint32 id) const
{
    QReadLocker locker(&d->connectionLock);
    const auto it = d->connectionIndex.constFind(id);
    return it == d->connectionIndex.cend() ? ConnectionRecord() : d->connections.at(*it);
}

void EventLog::setConnectionName(quint32 id, const QString &name)
{
    QWriteLocker locker(&d->connectionLock);
    const auto it = d->connectionIndex.constFind(id);
    if (it == d->connectionIndex.cend())
        return;
    QJsonObject &details = d->connections[*it].details;
    if (name.isEmpty())
        details.remove(QLatin1String("name"));
    else
        details.insert(QLatin1String("name"), name);
}

qsizetype EventLog::connectionCount() const
{
    QReadLocker locker(&d->connectionLock);
    return d->connections.size();
}

quint64 EventLog::payloadBytes() const
{
    return d->payloadBytes.load(std::memory_order_relaxed);
}

quint64 EventLog::memoryBytes() const
{
    return d->memoryBytes.load(std::memory_order_relaxed);
}

QString EventLog::opcodeName(quint8 opcode)
{
    switch (opcode) {
    case Opcode::Continuation:
        return tr("Continuation");
    case Opcode::Text:
        return tr("Text");
    case Opcode::Binary:
        return tr("Binary");
    case Opcode::Close:
        return tr("Close");
    case Opcode::Ping:
        return tr("Ping");
    case Opcode::Pong:
        return tr("Pong");
    default:
        return tr("Reserved (0x%1)").arg(opcode, 0, 16);
    }
}

EventRecord EventLog::frameRecordFrom(const FrameInfo &frame, quint32 conn, Direction dir)
{
    EventRecord record;
    record.timeNs = frame.timeNs;
    record.length = frame.payloadLength;
    record.conn = conn;
    record.maskKey = frame.masked ? frame.maskKey : 0;
    record.kind = EventKind::Frame;
    record.dir = dir;
    record.opcode = frame.opcode;
    quint8 flags = quint8((frame.rsv & 0x7) << 4);
    if (frame.fin)
        flags |= EventRecord::Fin;
    if (frame.masked)
        flags |= EventRecord::Masked;
    if (frame.truncated)
        flags |= EventRecord::Truncated;
    if (frame.lengthEncoding == LengthEncoding::Bits16)
        flags |= 0x08;
    else if (frame.lengthEncoding == LengthEncoding::Bits64)
        flags |= 0x80;
    record.flags = flags;
    return record;
}

QByteArray EventLog::encodeDetails(const QJsonObject &details)
{
    if (details.isEmpty())
        return QByteArray();
    return QCborValue::fromJsonValue(details).toCbor();
}

QJsonObject EventLog::decodeDetails(QByteArrayView encoded)
{
    if (encoded.isEmpty())
        return QJsonObject();
    return QCborValue::fromCbor(encoded.toByteArray()).toMap().toJsonObject();
}

} // namespace wsscope
