#include "eventlog.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <atomic>
#include <vector>

using namespace wsscope;

static_assert(sizeof(EventRecord) <= 40, "a record must stay within 40 bytes");

namespace {

FrameInfo textFrame(qint64 timeNs, quint64 length)
{
    FrameInfo frame;
    frame.timeNs = timeNs;
    frame.payloadLength = length;
    frame.opcode = Opcode::Text;
    frame.fin = true;
    return frame;
}

// A payload that tells its index, so a reader can check it sees the right bytes for a record.
QByteArray payloadFor(qsizetype index, qsizetype size)
{
    QByteArray bytes(size, char('a' + index % 26));
    const QByteArray number = QByteArray::number(index);
    bytes.replace(0, qMin(number.size(), size), number.left(size));
    return bytes;
}

} // namespace

class TestEventLog : public QObject
{
    Q_OBJECT
private slots:
    void appendAndRead();
    void frameRecordFlags();
    void connectionsKeepNumbers();
    void recordChunkBoundaries();
    void arenaChunkBoundaries();
    void largePayloadGetsOwnBlock();
    void payloadIsNotCopied();
    void detailsRoundTrip();
    void concurrentAppendAndRead();
    void appendedIsCoalesced();
    void batchMatchesOneByOne();
    void batchDefaultLoops();
    void appendedIsCoalescedAcrossThreads();
    void connectionAddedSignal();
    void opcodeNames();
};

void TestEventLog::appendAndRead()
{
    EventLog log;
    QCOMPARE(log.size(), 0);
    const qint64 start = 1'000'000'000;
    const quint32 conn = log.connectionOpened(start, {{"url", "ws://example.test/"}, {"source", "client"}});
    QCOMPARE(conn, 1u);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.at(0).kind, EventKind::Connection);
    QCOMPARE(log.at(0).conn, conn);
    QCOMPARE(log.details(0).value("url").toString(), QString("ws://example.test/"));

    FrameInfo frame = textFrame(start + 1234567, 5);
    frame.masked = true;
    frame.maskKey = 0x01020304;
    log.frameCaptured(conn, Direction::Out, frame, "hello");
    log.eventCaptured(conn, EventKind::Close, Direction::In, start + 2'000'001,
                      {{"code", 1000}, {"reason", "bye"}, {"initiator", "server"}, {"clean", true}});

    QCOMPARE(log.size(), 3);
    const EventRecord record = log.at(1);
    QCOMPARE(record.kind, EventKind::Frame);
    QCOMPARE(record.timeNs, 1234567); // rebased on the connection's start
    QCOMPARE(record.length, 5u);
    QCOMPARE(record.storedLength, 5u);
    QCOMPARE(record.maskKey, 0x01020304u);
    QVERIFY(record.masked());
    QVERIFY(record.fin());
    QCOMPARE(record.dir, Direction::Out);
    QCOMPARE(log.payload(1), QByteArray("hello"));
    QVERIFY(log.details(1).isEmpty());

    const EventRecord close = log.at(2);
    QCOMPARE(close.kind, EventKind::Close);
    QCOMPARE(close.timeNs, 2'000'001);
    QCOMPARE(close.dir, Direction::In);
    QCOMPARE(close.length, 0u);
    const QJsonObject details = log.details(2);
    QCOMPARE(details.value("code").toInt(), 1000);
    QCOMPARE(details.value("reason").toString(), QString("bye"));
    QCOMPARE(details.value("clean").toBool(), true);
    QCOMPARE(log.payloadBytes(), quint64(log.at(0).storedLength + 5 + close.storedLength));
    QVERIFY(log.memoryBytes() > log.payloadBytes());
}

void TestEventLog::frameRecordFlags()
{
    FrameInfo frame = textFrame(42, 70000);
    frame.rsv = Rsv::Rsv1 | Rsv::Rsv3;
    frame.lengthEncoding = LengthEncoding::Bits64;
    frame.truncated = true;
    frame.fin = false;
    frame.maskKey = 0xdeadbeef; // not masked: the key is not kept
    const EventRecord record = EventLog::frameRecordFrom(frame, 7, Direction::In);
    QCOMPARE(record.timeNs, 42);
    QCOMPARE(record.conn, 7u);
    QCOMPARE(record.dir, Direction::In);
    QCOMPARE(record.rsv(), quint8(Rsv::Rsv1 | Rsv::Rsv3));
    QVERIFY(record.flags & EventRecord::Rsv1);
    QVERIFY(record.flags & EventRecord::Rsv3);
    QVERIFY(!(record.flags & EventRecord::Rsv2));
    QCOMPARE(record.lengthEncoding(), LengthEncoding::Bits64);
    QVERIFY(record.truncated());
    QVERIFY(!record.fin());
    QVERIFY(!record.masked());
    QCOMPARE(record.maskKey, 0u);

    frame.lengthEncoding = LengthEncoding::Bits16;
    QCOMPARE(EventLog::frameRecordFrom(frame).lengthEncoding(), LengthEncoding::Bits16);
    frame.lengthEncoding = LengthEncoding::Bits7;
    QCOMPARE(EventLog::frameRecordFrom(frame).lengthEncoding(), LengthEncoding::Bits7);
}

void TestEventLog::connectionsKeepNumbers()
{
    EventLog log;
    QCOMPARE(log.addConnection(5, {{"url", "ws://a/"}}), 5u);
    QCOMPARE(log.addConnection(2, {{"url", "ws://b/"}}), 2u);
    // Taken numbers and 0 get the next free one.
    QCOMPARE(log.addConnection(5, {{"url", "ws://c/"}}), 6u);
    QCOMPARE(log.addConnection(0, {}), 7u);
    QCOMPARE(log.connectionOpened(100, {}), 8u);
    QCOMPARE(log.connectionCount(), 5);
    QCOMPARE(log.connection(2).details.value("url").toString(), QString("ws://b/"));
    QCOMPARE(log.connection(8).startNs, 100);
    QCOMPARE(log.connection(99).id, 0u);
    const QList<ConnectionRecord> all = log.connections();
    QCOMPARE(all.size(), 5);
    QCOMPARE(all.at(0).id, 5u);
    QCOMPARE(all.at(2).details.value("url").toString(), QString("ws://c/"));
    QCOMPARE(log.size(), 5); // one Connection record each
}

void TestEventLog::recordChunkBoundaries()
{
    EventLog log;
    const qsizetype count = 2 * EventLog::RecordsPerChunk + 3;
    for (qsizetype i = 0; i < count; ++i) {
        EventRecord record = EventLog::frameRecordFrom(textFrame(i, 8));
        record.conn = quint32(i);
        log.appendRecord(record, payloadFor(i, 8));
    }
    QCOMPARE(log.size(), count);
    for (qsizetype i : {qsizetype(0), EventLog::RecordsPerChunk - 1, EventLog::RecordsPerChunk,
                        EventLog::RecordsPerChunk + 1, 2 * EventLog::RecordsPerChunk - 1,
                        2 * EventLog::RecordsPerChunk, count - 1}) {
        QCOMPARE(log.at(i).timeNs, i);
        QCOMPARE(log.at(i).conn, quint32(i));
        QCOMPARE(log.payload(i), payloadFor(i, 8));
    }
}

void TestEventLog::arenaChunkBoundaries()
{
    EventLog log;
    // 1000-byte payloads do not divide 4 MiB: some payload must start a new arena chunk.
    const qsizetype size = 1000;
    const qsizetype count = 3 * EventLog::ArenaChunkSize / size + 1;
    for (qsizetype i = 0; i < count; ++i)
        log.appendRecord(EventLog::frameRecordFrom(textFrame(i, size)), payloadFor(i, size));
    QCOMPARE(log.payloadBytes(), quint64(count * size));
    for (qsizetype i = 0; i < count; ++i) {
        const QByteArray payload = log.payload(i);
        if (payload != payloadFor(i, size))
            QFAIL(qPrintable(QString("payload %1 differs").arg(i)));
    }
    // A chunk holds 4194 of them, so one more than three chunks' worth needs a fourth block, no fifth.
    QVERIFY(log.memoryBytes() >= quint64(4 * EventLog::ArenaChunkSize));
    QVERIFY(log.memoryBytes() < quint64(5 * EventLog::ArenaChunkSize));
}

void TestEventLog::largePayloadGetsOwnBlock()
{
    EventLog log;
    log.appendRecord(EventLog::frameRecordFrom(textFrame(0, 10)), payloadFor(0, 10));
    const quint64 before = log.memoryBytes();
    const qsizetype big = 2 * EventLog::ArenaChunkSize + 17; // larger than a chunk
    const QByteArray bigPayload = payloadFor(1, big);
    log.appendRecord(EventLog::frameRecordFrom(textFrame(1, big)), bigPayload);
    log.appendRecord(EventLog::frameRecordFrom(textFrame(2, 10)), payloadFor(2, 10));
    QCOMPARE(log.payload(1), bigPayload);
    QCOMPARE(log.payload(0), payloadFor(0, 10));
    QCOMPARE(log.payload(2), payloadFor(2, 10));
    // The big payload has a block of its own size; the small one after it still fits the first chunk.
    QCOMPARE(log.memoryBytes() - before, quint64(big));
}

void TestEventLog::payloadIsNotCopied()
{
    EventLog log;
    log.appendRecord(EventLog::frameRecordFrom(textFrame(0, 4)), "abcd");
    const QByteArray a = log.payload(0);
    const QByteArray b = log.payload(0);
    QCOMPARE(a, QByteArray("abcd"));
    QCOMPARE(a.constData(), b.constData()); // both over the arena
    // An empty payload takes no arena space.
    const quint64 bytes = log.payloadBytes();
    log.appendRecord(EventLog::frameRecordFrom(textFrame(1, 0)), QByteArrayView());
    QVERIFY(log.payload(1).isEmpty());
    QCOMPARE(log.payloadBytes(), bytes);
}

void TestEventLog::detailsRoundTrip()
{
    EventLog log;
    const QJsonObject details{
        {"status", 101},
        {"reason", "Switching Protocols"},
        {"headers", QJsonArray{QJsonArray{"Upgrade", "websocket"}, QJsonArray{"Sec-WebSocket-Accept", "x"}}},
        {"ratio", 0.25},
        {"big", qint64(1) << 60},
        {"none", QJsonValue::Null},
        {"nested", QJsonObject{{"a", QJsonArray{1, 2.5, "three"}}}}};
    log.eventCaptured(1, EventKind::Handshake, Direction::In, 10, details);
    QCOMPARE(log.details(0), details);
    QCOMPARE(EventLog::decodeDetails(EventLog::encodeDetails(details)), details);
    log.eventCaptured(1, EventKind::State, Direction::Out, 11, {});
    QVERIFY(log.details(1).isEmpty());
    QCOMPARE(log.at(1).storedLength, 0u);
}

void TestEventLog::concurrentAppendAndRead()
{
    EventLog log;
    const qsizetype total = 300'000;
    std::atomic<bool> done{false};
    QThread *writer = QThread::create([&] {
        const quint32 conn = log.connectionOpened(0, {});
        for (qsizetype i = 1; i < total; ++i) {
            // Sizes vary so that records and arena chunks fill at different rates.
            log.frameCaptured(conn, Direction::In, textFrame(i, quint64(8 + i % 64)),
                              payloadFor(i, 8 + i % 64));
        }
        done = true;
    });
    writer->start();
    qsizetype checks = 0;
    qsizetype lastSize = 0;
    while (true) {
        const bool finished = done.load();
        const qsizetype n = log.size();
        QVERIFY(n >= lastSize);
        lastSize = n;
        if (n > 1) {
            // Every published record, and its payload, is complete: check the newest and a few others.
            for (qsizetype i : {n - 1, n / 2, (n * 7) / 8, qsizetype(1)}) {
                const EventRecord record = log.at(i);
                QCOMPARE(record.kind, EventKind::Frame);
                QCOMPARE(record.timeNs, i);
                QCOMPARE(qsizetype(record.storedLength), 8 + i % 64);
                QCOMPARE(log.payload(i), payloadFor(i, 8 + i % 64));
                ++checks;
            }
        }
        if (finished)
            break;
    }
    writer->wait();
    delete writer;
    QCOMPARE(log.size(), total);
    QVERIFY(checks > 4);
    qInfo("%lld consistency checks while appending", static_cast<long long>(checks));
}

namespace {

bool sameRecord(const EventRecord &a, const EventRecord &b)
{
    return a.timeNs == b.timeNs && a.length == b.length && a.storedLength == b.storedLength &&
           a.conn == b.conn && a.maskKey == b.maskKey && a.kind == b.kind && a.dir == b.dir &&
           a.opcode == b.opcode && a.flags == b.flags;
}

} // namespace

void TestEventLog::batchMatchesOneByOne()
{
    // Frames of varied shape, enough to cross a record chunk, interleaved with other events.
    const qint64 start = 5'000'000;
    std::vector<FrameInfo> frames;
    std::vector<QByteArray> payloads;
    for (qsizetype i = 0; i < EventLog::RecordsPerChunk + 100; ++i) {
        FrameInfo f = textFrame(start + 10 * i, quint64(i % 7 == 0 ? 0 : 1 + i % 300));
        f.opcode = i % 11 == 0 ? Opcode::Binary : Opcode::Text;
        f.fin = i % 5 != 0;
        f.masked = i % 2 == 0;
        f.maskKey = quint32(i * 2654435761u);
        f.rsv = i % 13 == 0 ? Rsv::Rsv1 : 0;
        f.lengthEncoding = f.payloadLength > 125 ? LengthEncoding::Bits16 : LengthEncoding::Bits7;
        QByteArray p = payloadFor(i, qsizetype(f.payloadLength));
        if (i % 17 == 0 && !p.isEmpty()) { // a capped payload: fewer bytes than announced
            p.chop(1);
            f.truncated = true;
        }
        frames.push_back(f);
        payloads.push_back(p);
    }

    EventLog single, batched;
    const quint32 c1 = single.connectionOpened(start, {{"url", "ws://a.test/"}});
    const quint32 c2 = batched.connectionOpened(start, {{"url", "ws://a.test/"}});
    QCOMPARE(c1, c2);
    std::vector<CapturedFrame> batch;
    qsizetype i = 0;
    int batches = 0;
    for (qsizetype size : {1, 3, 64, 1000, 30000, 40000}) {
        batch.clear();
        const Direction dir = batches % 2 ? Direction::In : Direction::Out;
        for (qsizetype k = 0; k < size && i < qsizetype(frames.size()); ++k, ++i) {
            single.frameCaptured(c1, dir, frames[size_t(i)], payloads[size_t(i)]);
            batch.push_back(CapturedFrame{frames[size_t(i)], payloads[size_t(i)]});
        }
        batched.framesCaptured(c2, dir, batch.data(), qsizetype(batch.size()));
        const QJsonObject details{{"rule", "x"}, {"batch", batches}};
        single.eventCaptured(c1, EventKind::Violation, dir, start + 10 * i, details);
        batched.eventCaptured(c2, EventKind::Violation, dir, start + 10 * i, details);
        ++batches;
    }
    batched.framesCaptured(c2, Direction::In, batch.data(), 0); // an empty batch adds nothing
    QCOMPARE(i, qsizetype(frames.size()));

    QCOMPARE(batched.size(), single.size());
    QCOMPARE(batched.payloadBytes(), single.payloadBytes());
    for (qsizetype r = 0; r < single.size(); ++r) {
        if (!sameRecord(batched.at(r), single.at(r)))
            QFAIL(qPrintable(QStringLiteral("record %1 differs").arg(r)));
        if (batched.payload(r) != single.payload(r))
            QFAIL(qPrintable(QStringLiteral("payload of record %1 differs").arg(r)));
    }
    QCOMPARE(batched.at(1).timeNs, 0);                      // rebased on the connection's start
    QCOMPARE(batched.details(6).value("batch").toInt(), 1); // conn, frame, event, 3 frames, event
}

void TestEventLog::batchDefaultLoops()
{
    // A sink without its own batch method gets one frameCaptured() per frame, in order.
    class Recorder : public CaptureSink
    {
    public:
        quint32 connectionOpened(qint64, const QJsonObject &) override { return 1; }
        void frameCaptured(quint32 conn, Direction dir, const FrameInfo &frame,
                           QByteArrayView payload) override
        {
            seen << QStringLiteral("%1 %2 %3 %4")
                        .arg(conn)
                        .arg(int(dir))
                        .arg(frame.timeNs)
                        .arg(QString::fromLatin1(payload.toByteArray()));
        }
        void eventCaptured(quint32, EventKind, Direction, qint64, const QJsonObject &) override {}
        QStringList seen;
    } sink;
    const CapturedFrame frames[] = {{textFrame(1, 2), "ab"}, {textFrame(2, 0), {}}, {textFrame(3, 1), "c"}};
    CaptureSink &base = sink;
    base.framesCaptured(9, Direction::In, frames, 3);
    QCOMPARE(sink.seen, QStringList({"9 1 1 ab", "9 1 2 ", "9 1 3 c"}));
}

void TestEventLog::appendedIsCoalesced()
{
    EventLog log;
    QSignalSpy spy(&log, &EventLog::appended);
    const qsizetype count = 100'000;
    for (qsizetype i = 0; i < count; ++i)
        log.frameCaptured(1, Direction::In, textFrame(i, 3), "abc");
    QCOMPARE(spy.count(), 0); // queued: nothing before the event loop turns
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<qsizetype>(), count);
    QTest::qWait(20);
    QCOMPARE(spy.count(), 1); // and no stale duplicate
}

void TestEventLog::appendedIsCoalescedAcrossThreads()
{
    EventLog log;
    QSignalSpy spy(&log, &EventLog::appended);
    const qsizetype count = 200'000;
    std::atomic<bool> done{false};
    QThread *writer = QThread::create([&] {
        for (qsizetype i = 0; i < count; ++i)
            log.frameCaptured(1, Direction::In, textFrame(i, 3), "abc");
        done = true;
    });
    writer->start();
    while (!done.load())
        QCoreApplication::processEvents();
    writer->wait();
    delete writer;
    QTRY_VERIFY(!spy.isEmpty() && spy.last().at(0).value<qsizetype>() == count);
    qsizetype previous = 0;
    for (const auto &arguments : spy) {
        const qsizetype size = arguments.at(0).value<qsizetype>();
        QVERIFY(size > previous); // each emission reports growth
        previous = size;
    }
    qInfo("%lld appends, %lld appended() emissions", static_cast<long long>(count),
          static_cast<long long>(spy.count()));
    // Coalescing promises one emission per turn of the log thread's event loop, not a fixed rate: this
    // loop does nothing but turn, so on an idle machine with a core each it sees a few thousand.
    // Without coalescing it would be one per append.
    QVERIFY(spy.count() < count / 10);
}

void TestEventLog::connectionAddedSignal()
{
    EventLog log;
    QSignalSpy spy(&log, &EventLog::connectionAdded);
    const quint32 a = log.connectionOpened(0, {{"url", "ws://a/"}});
    const quint32 b = log.addConnection(9, {{"url", "ws://b/"}});
    QTRY_COMPARE(spy.count(), 2);
    QCOMPARE(spy.at(0).at(0).value<quint32>(), a);
    QCOMPARE(spy.at(1).at(0).value<quint32>(), b);
    QCOMPARE(b, 9u);
}

void TestEventLog::opcodeNames()
{
    QCOMPARE(EventLog::opcodeName(Opcode::Text), QString("Text"));
    QCOMPARE(EventLog::opcodeName(Opcode::Binary), QString("Binary"));
    QCOMPARE(EventLog::opcodeName(Opcode::Continuation), QString("Continuation"));
    QCOMPARE(EventLog::opcodeName(Opcode::Close), QString("Close"));
    QCOMPARE(EventLog::opcodeName(Opcode::Ping), QString("Ping"));
    QCOMPARE(EventLog::opcodeName(Opcode::Pong), QString("Pong"));
    QCOMPARE(EventLog::opcodeName(0x3), QString("Reserved (0x3)"));
    QCOMPARE(EventLog::opcodeName(0xB), QString("Reserved (0xb)"));
}

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"
