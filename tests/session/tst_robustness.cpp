// What a file or a peer sends must never crash WsScope, and damage must cost no more than the damaged
// part. Each test takes a valid input, damages it thousands of times in random ways (fixed seeds, so a
// failure repeats) and checks what the reader made of it.
#include "eventlog.h"
#include "framedecoder.h"
#include "harexport.h"
#include "harimport.h"
#include "orderedjson.h"
#include "sessionreader.h"
#include "sessionwriter.h"

#include <QBuffer>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <algorithm>

using namespace wsscope;

namespace {

// One random change; [*lo, *hi) is the range of the original bytes it touched.
QByteArray damage(const QByteArray &in, QRandomGenerator &rng, qsizetype *lo, qsizetype *hi)
{
    static const char special[] = "{}[]\",:\\\n\r\t 0123456789eE+-.tfnu\x00\x7f\x80\xc3\xff";
    QByteArray out = in;
    const qsizetype n = in.size();
    const qsizetype at = qsizetype(rng.bounded(quint64(n)));
    switch (rng.bounded(6)) {
    case 0: { // change a few bytes
        const qsizetype count = qMin<qsizetype>(1 + rng.bounded(4), n - at);
        for (qsizetype i = 0; i < count; ++i)
            out[at + i] =
                rng.bounded(2) ? special[rng.bounded(int(sizeof special) - 1)] : char(rng.bounded(256));
        *lo = at;
        *hi = at + count;
        break;
    }
    case 1: { // delete a span
        const qsizetype count = qMin<qsizetype>(1 + rng.bounded(64), n - at);
        out.remove(at, count);
        *lo = at;
        *hi = at + count;
        break;
    }
    case 2: { // insert bytes
        QByteArray bytes;
        for (int i = 0, count = 1 + int(rng.bounded(16)); i < count; ++i)
            bytes.append(special[rng.bounded(int(sizeof special) - 1)]);
        out.insert(at, bytes);
        *lo = at;
        *hi = at + 1;
        break;
    }
    case 3: { // repeat a span
        const qsizetype count = qMin<qsizetype>(1 + rng.bounded(200), n - at);
        out.insert(at, in.mid(at, count));
        *lo = at;
        *hi = at + 1;
        break;
    }
    case 4: // cut the end off, as a crash while writing would
        out.truncate(at);
        *lo = at;
        *hi = n;
        break;
    default: { // swap two bytes far apart
        const qsizetype other = qsizetype(rng.bounded(quint64(n)));
        std::swap(out[at], out[other]);
        *lo = qMin(at, other);
        *hi = qMax(at, other) + 1;
        break;
    }
    }
    return out;
}

// Lines of text that [lo, hi) overlaps, counting a line's newline as part of it.
qsizetype linesTouched(const QByteArray &text, qsizetype lo, qsizetype hi)
{
    qsizetype count = 0;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        end = end < 0 ? text.size() : end + 1;
        if (end > lo && start < hi)
            ++count;
        start = end;
    }
    return count;
}

void fill(EventLog &log)
{
    QRandomGenerator rng(7692);
    for (quint32 c = 0; c < 3; ++c) {
        const quint32 conn = log.connectionOpened(
            0, QJsonObject{{"url", QStringLiteral("ws://127.0.0.1:9/c%1").arg(c)}, {"source", "client"}});
        for (int i = 0; i < 60; ++i) {
            FrameInfo f;
            f.fin = i % 7 != 3;
            f.opcode = i % 7 == 4 ? Opcode::Continuation : (i % 5 == 0 ? Opcode::Binary : Opcode::Text);
            f.timeNs = 1000 * i;
            f.masked = i % 2 == 0;
            f.maskKey = f.masked ? rng.generate() : 0;
            QByteArray payload;
            if (f.opcode == Opcode::Binary)
                for (int k = 0; k < 20; ++k)
                    payload.append(char(rng.bounded(256)));
            else
                payload = QStringLiteral("{\"i\":%1,\"t\":\"caf\u00e9 \\\"q\\\" \u2713\"}").arg(i).toUtf8();
            f.payloadLength = quint64(payload.size());
            log.frameCaptured(conn, f.masked ? Direction::Out : Direction::In, f, payload);
        }
        log.eventCaptured(
            conn, EventKind::Close, Direction::In, 70000,
            QJsonObject{{"initiator", "server"}, {"code", 4001}, {"reason", "bye"}, {"clean", true}});
    }
}

} // namespace

class TestRobustness : public QObject
{
    Q_OBJECT
private slots:
    void damagedSessionFiles();
    void damagedHarFiles();
    void damagedJson();
    void garbageFrames();
};

// Every damaged session file loads or is refused with a reason; the lines the damage did not touch
// all load, and each problem names a line that exists.
void TestRobustness::damagedSessionFiles()
{
    EventLog log;
    fill(log);
    QBuffer saved;
    saved.open(QIODevice::WriteOnly);
    QString error;
    QVERIFY2(SessionWriter::write(log, &saved, &error), qPrintable(error));
    const QByteArray original = saved.data();
    const qsizetype headerEnd = original.indexOf('\n') + 1;
    const qsizetype events = log.size();
    QCOMPARE(original.count('\n'), events + 1);

    QRandomGenerator rng(6455);
    int refused = 0, withProblems = 0;
    for (int round = 0; round < 3000; ++round) {
        qsizetype lo = 0, hi = 0;
        QByteArray damaged = damage(original, rng, &lo, &hi);
        if (round % 10 == 9) { // now and then, several changes at once
            qsizetype lo2 = 0, hi2 = 0;
            damaged = damage(damaged, rng, &lo2, &hi2);
            lo = 0; // positions no longer map onto the original: check only the general rules
            hi = original.size();
        }
        QBuffer in(&damaged);
        in.open(QIODevice::ReadOnly);
        EventLog loaded;
        SessionReader reader;
        const bool ok = reader.read(&in, &loaded);
        const QByteArray where = "round " + QByteArray::number(round);
        if (!ok) {
            ++refused;
            QVERIFY2(!reader.errorString().isEmpty(), where);
            QVERIFY2(lo < headerEnd, where + ": refused although the header line is intact");
            continue;
        }
        withProblems += reader.problemCount() > 0;
        const qsizetype lines = damaged.count('\n') + 1;
        for (const SessionReader::Problem &p : reader.problems()) {
            QVERIFY2(p.line >= 1 && p.line <= lines, where + " line " + QByteArray::number(p.line));
            QVERIFY2(!p.message.isEmpty(), where);
        }
        QVERIFY2(loaded.size() <= lines, where);
        if (lo >= headerEnd) {
            // Damage costs the lines it touched, and one more where it joined two lines.
            const qsizetype lost = linesTouched(original, lo, hi) + 1;
            QVERIFY2(loaded.size() >= events - lost, where + ": " + QByteArray::number(loaded.size()) +
                                                         " of " + QByteArray::number(events) + " events, " +
                                                         QByteArray::number(lost) + " lines touched");
        }
    }
    QVERIFY(refused > 0);         // the damage reached the header sometimes
    QVERIFY(withProblems > 1000); // and the events most of the time
}

// A damaged HAR file imports or is refused with a reason, never more than once per call.
void TestRobustness::damagedHarFiles()
{
    EventLog log;
    fill(log);
    QBuffer har;
    har.open(QIODevice::WriteOnly);
    HarExport exporter;
    QVERIFY2(exporter.write(log, &har), qPrintable(exporter.errorString()));
    const QByteArray original = har.data();
    {
        EventLog check;
        HarImport import;
        QVERIFY2(import.readData(original, &check), qPrintable(import.errorString()));
        QCOMPARE(import.connections().size(), 3);
    }
    QRandomGenerator rng(1945);
    int imported = 0, refused = 0;
    for (int round = 0; round < 1500; ++round) {
        qsizetype lo = 0, hi = 0;
        const QByteArray damaged = damage(original, rng, &lo, &hi);
        EventLog loaded;
        HarImport import;
        if (import.readData(damaged, &loaded)) {
            ++imported;
            QVERIFY(!import.connections().isEmpty());
            QVERIFY(loaded.size() > 0);
        } else {
            ++refused;
            QVERIFY(!import.errorString().isEmpty());
            QCOMPARE(loaded.size(), 0); // refused: the log is left as it was
        }
    }
    QVERIFY(imported > 0);
    QVERIFY(refused > 0);
}

// The order-keeping JSON parser: damaged documents parse or fail with a position inside the input;
// what parses pretty-prints and parses again to the same tree shape.
void TestRobustness::damagedJson()
{
    const QByteArray original = QByteArrayLiteral(
        "{\"type\":\"snapshot\",\"seq\":35,\"price\":64123.50,\"big\":12345678901234567890123,"
        "\"exp\":-1.5e-7,\"s\":\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" "
        "\\n\",\"orders\":[{\"id\":1,\"ok\":true},"
        "{\"id\":2,\"ok\":false,\"note\":null},[],{}],\"nested\":[[[[[[1]]]]]]}");
    QVERIFY(OrderedJson::parse(original).isValid());
    QRandomGenerator rng(8259);
    int valid = 0, invalid = 0;
    for (int round = 0; round < 5000; ++round) {
        qsizetype lo = 0, hi = 0;
        const QByteArray damaged = damage(original, rng, &lo, &hi);
        const OrderedJson json = OrderedJson::parse(damaged);
        if (json.isValid()) {
            ++valid;
            const OrderedJson again = OrderedJson::parse(json.pretty());
            QVERIFY(again.isValid());
            QCOMPARE(again.nodeCount(), json.nodeCount());
        } else {
            ++invalid;
            QVERIFY(json.error().offset >= 0 && json.error().offset <= damaged.size());
            QVERIFY(json.error().line >= 1);
            QVERIFY(!json.error().message.isEmpty());
        }
    }
    QVERIFY(valid > 50);
    QVERIFY(invalid > 1000);
}

// Random bytes both ways: the decoder reports frames and violations and never more payload than
// it was given.
void TestRobustness::garbageFrames()
{
    QRandomGenerator rng(1006);
    for (int round = 0; round < 300; ++round) {
        for (Direction dir : {Direction::Out, Direction::In}) {
            struct Counter : FrameDecoder::Handler
            {
                qint64 payloadSeen = 0;
                int frames = 0;
                int violations = 0;
                void frameDecoded(const FrameInfo &, QByteArrayView payload) override
                {
                    ++frames;
                    payloadSeen += payload.size();
                }
                void violationFound(const Violation &) override { ++violations; }
            } counter;
            FrameDecoder decoder(dir, &counter);
            decoder.setPayloadCap(1 << 16);
            qint64 fed = 0;
            for (int chunk = 0; chunk < 20; ++chunk) {
                QByteArray bytes(int(rng.bounded(1, 512)), Qt::Uninitialized);
                for (char &c : bytes)
                    c = char(rng.bounded(256));
                decoder.feed(bytes.constData(), bytes.size(), chunk);
                fed += bytes.size();
            }
            QVERIFY(counter.payloadSeen <= fed);
            QVERIFY(counter.violations > 0); // random bytes break a rule sooner or later
            QVERIFY(decoder.bufferCapacity() <= (1u << 16));
        }
    }
}

QTEST_GUILESS_MAIN(TestRobustness)
#include "tst_robustness.moc"
