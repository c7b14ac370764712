#include "eventlog.h"
#include "sessionformat.h"
#include "sessionreader.h"
#include "sessionwriter.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wsscope;

namespace {

FrameInfo frame(qint64 timeNs, quint8 opcode, quint64 length)
{
    FrameInfo info;
    info.timeNs = timeNs;
    info.opcode = opcode;
    info.payloadLength = length;
    info.fin = true;
    info.lengthEncoding = length < 126     ? LengthEncoding::Bits7
                          : length < 65536 ? LengthEncoding::Bits16
                                           : LengthEncoding::Bits64;
    return info;
}

// A log with every kind of event and the awkward frames: binary, invalid UTF-8 in a text frame,
// empty payload, truncated, 64-bit length, masks, odd nanoseconds.
void fillLog(EventLog &log)
{
    const qint64 start = 5'000'000'123;
    const quint32 c1 =
        log.connectionOpened(start, {{"url", "wss://echo.example.test/chat?x=1"},
                                     {"source", "client"},
                                     {"started", "2024-05-01T10:00:00.123Z"},
                                     {"options", QJsonObject{{"subprotocols", QJsonArray{"chat"}}}}});
    log.eventCaptured(
        c1, EventKind::Handshake, Direction::Out, start + 1001,
        {{"request", "GET /chat?x=1 HTTP/1.1"},
         {"headers", QJsonArray{QJsonArray{"Host", "echo.example.test"}, QJsonArray{"Upgrade", "websocket"},
                                QJsonArray{"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="}}}});
    log.eventCaptured(
        c1, EventKind::Handshake, Direction::In, start + 2'000'999,
        {{"status", 101},
         {"reason", "Switching Protocols"},
         {"headers", QJsonArray{QJsonArray{"Upgrade", "websocket"}, QJsonArray{"upgrade", "twice"}}}});
    log.eventCaptured(
        c1, EventKind::Tls, Direction::In, start + 3000,
        {{"protocol", "TLSv1.3"}, {"cipher", "TLS_AES_128_GCM_SHA256"}, {"errors", QJsonArray{}}});
    log.eventCaptured(c1, EventKind::State, Direction::Out, start + 3001, {{"state", "connected"}});

    FrameInfo text = frame(start + 4'000'001, Opcode::Text, 27);
    text.masked = true;
    text.maskKey = 0x0a0b0c0d;
    log.frameCaptured(c1, Direction::Out, text, "h\u00e9llo \"q\" \\ \n\t\x01 \xf0\x9f\x98\x80 \x7f");
    log.frameCaptured(c1, Direction::In, frame(start + 4'000'002, Opcode::Text, 0), QByteArrayView());
    const char invalid[] = {'o', 'k', char(0xc3), char(0x28), char(0xff), 0, 'z'};
    log.frameCaptured(c1, Direction::In, frame(start + 4'000'003, Opcode::Text, 7),
                      QByteArrayView(invalid, 7));
    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary.append(char(i));
    log.frameCaptured(c1, Direction::In, frame(start + 4'000'004, Opcode::Binary, 256), binary);
    // Valid UTF-8 in a binary frame stays binary.
    log.frameCaptured(c1, Direction::In, frame(start + 4'000'005, Opcode::Binary, 5), "plain");
    FrameInfo first = frame(start + 4'000'006, Opcode::Text, 3);
    first.fin = false;
    first.rsv = Rsv::Rsv1;
    log.frameCaptured(c1, Direction::In, first, "abc");
    log.frameCaptured(c1, Direction::In, frame(start + 4'000'007, Opcode::Continuation, 3), "def");
    // 5 GB announced, 16 bytes kept.
    FrameInfo huge = frame(start + 4'000'008, Opcode::Binary, 5'000'000'000ULL);
    huge.truncated = true;
    huge.masked = true;
    huge.maskKey = 0xffffffff;
    log.frameCaptured(c1, Direction::Out, huge, "0123456789abcdef");
    // A non-minimal 64-bit length for a short payload, as a broken peer might send.
    FrameInfo odd = frame(start + 4'000'009, Opcode::Ping, 2);
    odd.lengthEncoding = LengthEncoding::Bits64;
    odd.rsv = Rsv::Rsv1 | Rsv::Rsv2 | Rsv::Rsv3;
    log.frameCaptured(c1, Direction::In, odd, "hi");
    log.frameCaptured(c1, Direction::Out, frame(start + 4'000'010, 0x3, 1), "\x00");

    const quint32 c2 = log.connectionOpened(start + 10, {{"url", "ws://127.0.0.1:9/"}, {"source", "proxy"}});
    log.frameCaptured(c2, Direction::In, frame(start + 5, Opcode::Pong, 0), QByteArrayView()); // before start
    log.eventCaptured(c2, EventKind::Rtt, Direction::In, start + 999'999'999'999,
                      {{"payload", "AQI="}, {"rttWireNs", qint64(123456789)}, {"rttSocketNs", 123.5}});
    log.eventCaptured(c1, EventKind::Violation, Direction::In, start + 4'000'011,
                      {{"rule", "reserved-opcode"},
                       {"section", "RFC 6455 §5.2"},
                       {"detail", "opcode 0x3"},
                       {"offset", 77}});
    log.eventCaptured(c1, EventKind::Message, Direction::In, start + 4'000'012,
                      {{"firstFrame", 9}, {"frames", 2}, {"length", 6}});
    log.eventCaptured(c1, EventKind::Close, Direction::In, start + 4'000'013,
                      {{"initiator", "server"}, {"code", 1000}, {"reason", "bye \u00e9"}, {"clean", true}});
    log.eventCaptured(c2, EventKind::Error, Direction::Out, start + 4'000'014,
                      {{"message", "Connection refused"}, {"where", "tcp"}});
    // Details whose keys collide with the line's own keys.
    log.eventCaptured(c2, EventKind::State, Direction::In, start + 4'000'015,
                      {{"t", 1}, {"type", "x"}, {"details", QJsonObject{{"k", "v"}}}});
    log.eventCaptured(c2, EventKind::State, Direction::In, start + 4'000'016, {});
}

void compareLogs(const EventLog &actual, const EventLog &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const EventRecord a = actual.at(i);
        const EventRecord e = expected.at(i);
        const QByteArray where = "event " + QByteArray::number(i);
        QVERIFY2(a.kind == e.kind, where);
        QVERIFY2(a.conn == e.conn, where);
        QVERIFY2(a.timeNs == e.timeNs,
                 where + " t " + QByteArray::number(a.timeNs) + " != " + QByteArray::number(e.timeNs));
        QVERIFY2(a.dir == e.dir, where);
        QVERIFY2(a.length == e.length, where);
        QVERIFY2(a.storedLength == e.storedLength, where);
        QVERIFY2(a.maskKey == e.maskKey, where);
        QVERIFY2(a.opcode == e.opcode, where);
        QVERIFY2(a.flags == e.flags, where);
        QVERIFY2(actual.payload(i) == expected.payload(i), where);
        QVERIFY2(actual.details(i) == expected.details(i), where);
    }
    const QList<ConnectionRecord> a = actual.connections();
    const QList<ConnectionRecord> e = expected.connections();
    QCOMPARE(a.size(), e.size());
    for (qsizetype i = 0; i < e.size(); ++i) {
        QCOMPARE(a.at(i).id, e.at(i).id);
        QCOMPARE(a.at(i).details, e.at(i).details);
    }
}

QByteArrayList lines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArrayList result = file.readAll().split('\n');
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    return result;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestSessionFile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void microseconds_data();
    void microseconds();
    void utf8Strings();
    void roundTrip();
    void renamedConnection();
    void loneSurrogateInDetails();
    void headerAndFrameLine();
    void textOrBase64();
    void truncatedFile();
    void garbageLineInMiddle();
    void badLinesReported_data();
    void badLinesReported();
    void unknownConnection();
    void unknownVersion();
    void emptyFile();
    void notASession();
    void crlfAndMinorVersion();
    void incrementalWriter();
    void saveIsAtomic();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestSessionFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestSessionFile::microseconds_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("zero") << qint64(0) << QByteArray("0");
    QTest::newRow("one ns") << qint64(1) << QByteArray("0.001");
    QTest::newRow("whole us") << qint64(5000) << QByteArray("5");
    QTest::newRow("trailing zeros") << qint64(1234500) << QByteArray("1234.5");
    QTest::newRow("ns") << qint64(1234567) << QByteArray("1234.567");
    QTest::newRow("negative") << qint64(-1500) << QByteArray("-1.5");
    QTest::newRow("negative small") << qint64(-7) << QByteArray("-0.007");
    QTest::newRow("days") << qint64(8'640'000'000'000'123) << QByteArray("8640000000000.123");
    QTest::newRow("max") << std::numeric_limits<qint64>::max() << QByteArray("9223372036854775.807");
}

void TestSessionFile::microseconds()
{
    QFETCH(qint64, ns);
    QFETCH(QByteArray, text);
    QByteArray written;
    SessionFormat::appendMicroseconds(ns, written);
    QCOMPARE(written, text);
    qint64 back = -42;
    QVERIFY(SessionFormat::parseMicroseconds(written, &back));
    QCOMPARE(back, ns);
    // Other spellings of the same number still read.
    if (ns == 1234500) {
        QVERIFY(SessionFormat::parseMicroseconds("1.2345e3", &back));
        QCOMPARE(back, ns);
        QVERIFY(SessionFormat::parseMicroseconds("1234.50000", &back));
        QCOMPARE(back, ns);
    }
}

void TestSessionFile::utf8Strings()
{
    QByteArray out;
    QVERIFY(SessionFormat::appendUtf8String("a\"b\\c\n\x1f\xc3\xa9", out));
    QCOMPARE(out, QByteArray("\"a\\\"b\\\\c\\n\\u001f\xc3\xa9\""));
    out = "keep";
    QVERIFY(!SessionFormat::appendUtf8String("\xc0\xaf", out));         // overlong '/'
    QVERIFY(!SessionFormat::appendUtf8String("\xed\xa0\x80", out));     // surrogate
    QVERIFY(!SessionFormat::appendUtf8String("\xf4\x90\x80\x80", out)); // above U+10FFFF
    QVERIFY(!SessionFormat::appendUtf8String("\xe2\x82", out));         // cut short
    QCOMPARE(out, QByteArray("keep"));
    QVERIFY(SessionFormat::isValidUtf8("\xf4\x8f\xbf\xbf"));
    QVERIFY(!SessionFormat::isValidUtf8("\x80"));
}

void TestSessionFile::roundTrip()
{
    EventLog log;
    fillLog(log);
    QString error;
    QVERIFY2(SessionWriter::save(log, path("round.wsscope"), &error), qPrintable(error));
    EventLog loaded;
    SessionReader reader;
    QVERIFY2(reader.read(path("round.wsscope"), &loaded), qPrintable(reader.errorString()));
    for (const auto &problem : reader.problems())
        qWarning() << problem.line << problem.message;
    QCOMPARE(reader.problemCount(), 0);
    QCOMPARE(reader.formatVersion(), 1);
    QCOMPARE(reader.application(), QString("WsScope " WSSCOPE_VERSION));
    QVERIFY(QDateTime::fromString(reader.created(), Qt::ISODateWithMs).isValid());
    QCOMPARE(reader.eventsRead(), log.size());
    compareLogs(loaded, log);

    // Saving the loaded log gives the same lines (the header's creation time aside).
    QVERIFY(SessionWriter::save(loaded, path("round2.wsscope"), &error));
    QCOMPARE(lines(path("round2.wsscope")).mid(1), lines(path("round.wsscope")).mid(1));
}

void TestSessionFile::renamedConnection()
{
    EventLog log;
    const quint32 a = log.connectionOpened(0, QJsonObject{{"url", "ws://127.0.0.1:1/a"}, {"name", "first"}});
    const quint32 b = log.connectionOpened(0, QJsonObject{{"url", "ws://127.0.0.1:1/b"}});
    log.setConnectionName(a, QStringLiteral("login flow"));
    log.setConnectionName(b, QStringLiteral("\uD0A4 \"quoted\""));
    log.setConnectionName(99, QStringLiteral("no such connection")); // ignored
    QString error;
    QVERIFY2(SessionWriter::save(log, path("renamed.wsscope"), &error), qPrintable(error));
    EventLog loaded;
    SessionReader reader;
    QVERIFY2(reader.read(path("renamed.wsscope"), &loaded), qPrintable(reader.errorString()));
    QCOMPARE(reader.problemCount(), 0);
    QCOMPARE(loaded.connectionCount(), 2);
    QCOMPARE(loaded.connection(a).details.value("name").toString(), QStringLiteral("login flow"));
    QCOMPARE(loaded.connection(a).details.value("url").toString(), QStringLiteral("ws://127.0.0.1:1/a"));
    QCOMPARE(loaded.connection(b).details.value("name").toString(), QStringLiteral("\uD0A4 \"quoted\""));

    // An empty name removes it: the list shows the URL again.
    log.setConnectionName(a, QString());
    QVERIFY(SessionWriter::save(log, path("renamed.wsscope"), &error));
    EventLog again;
    QVERIFY(SessionReader().read(path("renamed.wsscope"), &again));
    QVERIFY(!again.connection(a).details.contains("name"));
}

// QJsonDocument writes a lone surrogate it is given (a HAR from mitmproxy can carry one in a URL) as an
// escape; reading it back costs the character (U+FFFD), not the line.
void TestSessionFile::loneSurrogateInDetails()
{
    EventLog log;
    const QString url = QStringLiteral("wss://h.test/a") + QChar(0xD800) + QStringLiteral("b");
    const quint32 conn = log.connectionOpened(0, QJsonObject{{"url", url}, {"source", "import"}});
    FrameInfo f;
    f.opcode = Opcode::Text;
    f.fin = true;
    f.payloadLength = 2;
    log.frameCaptured(conn, Direction::In, f, "ok");
    QString error;
    QVERIFY2(SessionWriter::save(log, path("surrogate.wsscope"), &error), qPrintable(error));
    EventLog loaded;
    SessionReader reader;
    QVERIFY(reader.read(path("surrogate.wsscope"), &loaded));
    QCOMPARE(reader.problemCount(), 0);
    QCOMPARE(loaded.connectionCount(), 1);
    QCOMPARE(loaded.connection(conn).details.value("url").toString(),
             QStringLiteral("wss://h.test/a\uFFFDb"));
    QCOMPARE(loaded.size(), log.size());
    QCOMPARE(loaded.at(1).conn, conn);
}

void TestSessionFile::headerAndFrameLine()
{
    EventLog log;
    const quint32 conn = log.connectionOpened(1000, {{"url", "ws://h/"}, {"source", "client"}});
    FrameInfo info = frame(2500, Opcode::Text, 2);
    info.masked = true;
    info.maskKey = 0x0a0b0c0d;
    info.rsv = Rsv::Rsv1;
    log.frameCaptured(conn, Direction::Out, info, "hi");
    log.eventCaptured(conn, EventKind::Close, Direction::In, 3000,
                      {{"initiator", "server"}, {"code", 1000}, {"reason", ""}, {"clean", true}});
    QVERIFY(SessionWriter::save(log, path("lines.wsscope")));
    const QByteArrayList all = lines(path("lines.wsscope"));
    QCOMPARE(all.size(), 4);
    QVERIFY(all.at(0).startsWith("{\"format\":\"wsscope-session\",\"version\":1,\"created\":\""));
    QVERIFY(all.at(0).endsWith("\"app\":\"WsScope " WSSCOPE_VERSION "\"}"));
    // Raw strings stay out of the test macros: moc cannot read them there.
    const QByteArray connectionLine = R"({"type":"connection","conn":1,"source":"client","url":"ws://h/"})";
    const QByteArray frameLine =
        R"({"type":"frame","conn":1,"t":1.5,"dir":"out","fin":true,"rsv":4,"opcode":1,)"
        R"("masked":true,"mask":"0a0b0c0d","len":2,"lenenc":7,"text":"hi","truncated":false})";
    const QByteArray closeLine = R"({"type":"close","conn":1,"t":2,"dir":"in","clean":true,"code":1000,)"
                                 R"("initiator":"server","reason":""})";
    QCOMPARE(all.at(1), connectionLine);
    QCOMPARE(all.at(2), frameLine);
    QCOMPARE(all.at(3), closeLine);
}

void TestSessionFile::textOrBase64()
{
    EventLog log;
    fillLog(log);
    QVERIFY(SessionWriter::save(log, path("kinds.wsscope")));
    const QByteArrayList all = lines(path("kinds.wsscope"));
    int text = 0, base64 = 0;
    for (const QByteArray &line : all) {
        if (!line.contains("\"type\":\"frame\""))
            continue;
        QVERIFY(line.contains("\"text\":") != line.contains("\"data_b64\":"));
        if (line.contains("\"text\":"))
            ++text;
        else
            ++base64;
        if (line.contains("\"opcode\":2,"))
            QVERIFY2(line.contains("\"data_b64\":"), line.constData()); // binary stays binary
    }
    QCOMPARE(text, 7);   // valid UTF-8: text, empty, two fragments, ping, pong, reserved opcode
    QCOMPARE(base64, 4); // invalid UTF-8, two binary, truncated binary
    const QByteArray stateStart = R"("type":"state","conn":2,"t":)";
    const QByteArray nestedDetails = R"("dir":"in","details":{"details":{"k":"v"},"t":1,"type":"x"}})";
    QVERIFY(all.join('\n').contains(stateStart));
    QVERIFY(all.join('\n').contains(nestedDetails));

    // Valid UTF-8 made of control characters would be six bytes a byte as escaped text: it goes as
    // base64, so the line stays under twice the payload, and the bytes come back the same. JSON full
    // of quotes stays readable text.
    EventLog controls;
    const quint32 conn = controls.connectionOpened(0, {});
    FrameInfo f;
    f.opcode = Opcode::Text;
    f.fin = true;
    const QByteArray payload(3000, '\x01');
    f.payloadLength = quint64(payload.size());
    controls.frameCaptured(conn, Direction::In, f, payload);
    QVERIFY(SessionWriter::save(controls, path("controls.wsscope")));
    const QByteArrayList controlLines = lines(path("controls.wsscope"));
    QCOMPARE(controlLines.size(), 3);
    QVERIFY(controlLines[2].contains("\"data_b64\":"));
    QVERIFY(controlLines[2].size() < payload.size() * 4 / 3 + 300);
    EventLog back;
    QVERIFY(SessionReader().read(path("controls.wsscope"), &back));
    QCOMPARE(back.payload(1), payload);
    QCOMPARE(back.at(1).opcode, quint8(Opcode::Text));

    EventLog quotes;
    const quint32 q = quotes.connectionOpened(0, {});
    const QByteArray json = R"({"a":"b","c":"d","e":["f","g","h"],"i":"\\"})";
    f.payloadLength = quint64(json.size());
    quotes.frameCaptured(q, Direction::In, f, json);
    QVERIFY(SessionWriter::save(quotes, path("quotes.wsscope")));
    QVERIFY(lines(path("quotes.wsscope"))[2].contains("\"text\":"));
}

void TestSessionFile::truncatedFile()
{
    EventLog log;
    fillLog(log);
    QVERIFY(SessionWriter::save(log, path("full.wsscope")));
    QFile file(path("full.wsscope"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    file.close();
    // Cut in the middle of the last line, as a crash while writing would.
    const qsizetype lastLineStart = bytes.lastIndexOf('\n', bytes.size() - 2) + 1;
    QVERIFY(writeFile(path("cut.wsscope"), bytes.left(lastLineStart + 20)));
    EventLog loaded;
    SessionReader reader;
    QVERIFY(reader.read(path("cut.wsscope"), &loaded));
    QCOMPARE(reader.problemCount(), 1);
    const qint64 lastLine = bytes.count('\n');
    QCOMPARE(reader.problems().at(0).line, lastLine);
    QVERIFY2(reader.problems().at(0).message.contains(QString("Line %1 is incomplete").arg(lastLine)),
             qPrintable(reader.problems().at(0).message));
    QCOMPARE(loaded.size(), log.size() - 1);
    for (qsizetype i = 0; i < loaded.size(); ++i)
        QCOMPARE(loaded.payload(i), log.payload(i));

    // A cut right after a newline loses nothing and reports nothing.
    QVERIFY(writeFile(path("cut2.wsscope"), bytes.left(lastLineStart)));
    EventLog loaded2;
    QVERIFY(reader.read(path("cut2.wsscope"), &loaded2));
    QCOMPARE(reader.problemCount(), 0);
    QCOMPARE(loaded2.size(), log.size() - 1);
}

void TestSessionFile::garbageLineInMiddle()
{
    EventLog log;
    fillLog(log);
    QVERIFY(SessionWriter::save(log, path("garbage.wsscope")));
    QByteArrayList all = lines(path("garbage.wsscope"));
    all.insert(5, "this is not json at all");
    all.insert(9, R"({"type":"frame","conn":1,"t":1,"dir":"out","opcode":1,"text":"x"} trailing)");
    QVERIFY(writeFile(path("garbage.wsscope"), all.join('\n') + '\n'));
    EventLog loaded;
    SessionReader reader;
    QVERIFY(reader.read(path("garbage.wsscope"), &loaded));
    QCOMPARE(reader.problemCount(), 2);
    QCOMPARE(reader.problems().at(0).line, 6);
    QCOMPARE(reader.problems().at(0).message,
             QString("Line 6 is not valid JSON (column 1); it was skipped."));
    QCOMPARE(reader.problems().at(1).line, 10);
    QVERIFY(reader.problems().at(1).message.startsWith("Line 10 is not valid JSON (column 67)"));
    compareLogs(loaded, log); // everything else kept
}

void TestSessionFile::badLinesReported_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("no type") << QByteArray(R"({"conn":1})") << QString("there is no \"type\"");
    QTest::newRow("unknown type") << QByteArray(R"({"type":"hologram","conn":1,"t":0})")
                                  << QString("event type this version does not know (\"hologram\")");
    QTest::newRow("no conn") << QByteArray(R"({"type":"frame","t":0,"dir":"in","opcode":1})")
                             << QString("\"conn\" is missing");
    QTest::newRow("bad time") << QByteArray(R"({"type":"frame","conn":1,"t":"soon","dir":"in","opcode":1})")
                              << QString("\"t\" is missing or not a time");
    QTest::newRow("bad dir") << QByteArray(R"({"type":"frame","conn":1,"t":0,"dir":"up","opcode":1})")
                             << QString("\"dir\" is neither");
    QTest::newRow("bad opcode") << QByteArray(R"({"type":"frame","conn":1,"t":0,"dir":"in","opcode":16})")
                                << QString("\"opcode\" is missing or not 0-15");
    QTest::newRow("bad base64")
        << QByteArray(R"({"type":"frame","conn":1,"t":0,"dir":"in","opcode":2,"data_b64":"@@"})")
        << QString("\"data_b64\" is not valid base64");
    QTest::newRow("len too short")
        << QByteArray(R"({"type":"frame","conn":1,"t":0,"dir":"in","opcode":1,"len":1,"text":"abc"})")
        << QString("\"len\" is not a length");
    QTest::newRow("mask missing")
        << QByteArray(R"({"type":"frame","conn":1,"t":0,"dir":"out","opcode":1,"masked":true})")
        << QString("\"mask\" is not 8 hexadecimal digits");
    QTest::newRow("bad lenenc") << QByteArray(
                                       R"({"type":"frame","conn":1,"t":0,"dir":"in","opcode":1,"lenenc":8})")
                                << QString("\"lenenc\" is not 7, 16 or 64");
    QTest::newRow("lone surrogate")
        << QByteArray(R"({"type":"frame","conn":1,"t":0,"dir":"in","opcode":1,"text":"\udc00"})")
        << QString("\"text\" holds a lone surrogate escape");
    QTest::newRow("rsv out of range")
        << QByteArray(R"({"type":"frame","conn":1,"t":0,"dir":"in","opcode":1,"rsv":8})")
        << QString("\"rsv\"");
    QTest::newRow("bad nested before a decimal")
        << QByteArray(R"({"type":"error","conn":1,"t":5,"dir":"in","a":[1,,2],"b":0.5})")
        << QString("its details are not valid JSON");
    QTest::newRow("bad nested") << QByteArray(R"({"type":"state","conn":1,"t":0,"dir":"in","x":[1,,2]})")
                                << QString("its details are not valid JSON");
}

void TestSessionFile::badLinesReported()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, message);
    QByteArray file = SessionFormat::headerLine();
    file += R"({"type":"connection","conn":1,"url":"ws://x/"})"
            "\n";
    file += line + '\n';
    file += R"({"type":"frame","conn":1,"t":0.5,"dir":"in","opcode":1,"text":"after"})"
            "\n";
    QBuffer buffer(&file);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    EventLog log;
    SessionReader reader;
    QVERIFY(reader.read(&buffer, &log));
    QCOMPARE(reader.problemCount(), 1);
    QCOMPARE(reader.problems().at(0).line, 3);
    QVERIFY2(reader.problems().at(0).message.contains(message), qPrintable(reader.problems().at(0).message));
    QVERIFY(reader.problems().at(0).message.startsWith("Line 3"));
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.payload(1), QByteArray("after"));
    QCOMPARE(log.at(1).timeNs, 500);
    QVERIFY(log.at(1).fin()); // defaults of optional keys
    QCOMPARE(log.at(1).length, 5u);
}

void TestSessionFile::unknownConnection()
{
    QByteArray file = SessionFormat::headerLine();
    file += R"({"type":"frame","conn":7,"t":1,"dir":"in","opcode":1,"text":"a"})"
            "\n";
    file += R"({"type":"frame","conn":7,"t":2,"dir":"in","opcode":1,"text":"b"})"
            "\n";
    QBuffer buffer(&file);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    EventLog log;
    SessionReader reader;
    QVERIFY(reader.read(&buffer, &log));
    QCOMPARE(reader.problemCount(), 1); // once per connection, not per line
    QCOMPARE(reader.problems().at(0).line, 2);
    QVERIFY(reader.problems().at(0).message.contains("connection 7"));
    QCOMPARE(log.connectionCount(), 1);
    QCOMPARE(log.connections().at(0).id, 7u);
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.at(2).conn, 7u);
}

void TestSessionFile::unknownVersion()
{
    QVERIFY(writeFile(path("v2.wsscope"),
                      "{\"format\":\"wsscope-session\",\"version\":2,\"created\":\"2030-01-01T00:00:00Z\"}\n"
                      "{\"type\":\"hologram\"}\n"));
    EventLog log;
    SessionReader reader;
    QVERIFY(!reader.read(path("v2.wsscope"), &log));
    QCOMPARE(
        reader.errorString(),
        QString(
            "This session was written by a newer WsScope (format version 2); update WsScope to open it."));
    QCOMPARE(log.size(), 0);
}

void TestSessionFile::emptyFile()
{
    QVERIFY(writeFile(path("empty.wsscope"), QByteArray()));
    EventLog log;
    SessionReader reader;
    QVERIFY(!reader.read(path("empty.wsscope"), &log));
    QCOMPARE(reader.errorString(), QString("The file is empty; it holds no session."));

    // A header and nothing else is an empty session, not an error.
    QVERIFY(writeFile(path("header.wsscope"), SessionFormat::headerLine()));
    QVERIFY(reader.read(path("header.wsscope"), &log));
    QCOMPARE(reader.problemCount(), 0);
    QCOMPARE(log.size(), 0);

    QVERIFY(!reader.read(path("does-not-exist.wsscope"), &log));
    QVERIFY(reader.errorString().startsWith("Could not open "));
}

void TestSessionFile::notASession()
{
    const QString expected("This file is not a WsScope session: its first line is not a session header.");
    const QByteArray samples[] = {
        "hello world\n",
        "{\"format\":\"har\",\"version\":1}\n",
        "{\"log\":{\"version\":\"1.2\",\"entries\":[]}}",
        QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16),
        QByteArray(200'000, 'x'), // a first line too long to be a header
    };
    for (const QByteArray &sample : samples) {
        QVERIFY(writeFile(path("other.bin"), sample));
        EventLog log;
        SessionReader reader;
        QVERIFY(!reader.read(path("other.bin"), &log));
        QCOMPARE(reader.errorString(), expected);
        QCOMPARE(log.size(), 0);
    }
}

void TestSessionFile::crlfAndMinorVersion()
{
    QByteArray file = "{\"format\":\"wsscope-session\",\"version\":1.3,\"app\":\"WsScope 9\"}\r\n"
                      "{\"type\":\"connection\",\"conn\":3,\"url\":\"ws://x/\",\"future\":[1]}\r\n"
                      "\r\n"
                      "{\"type\":\"frame\",\"conn\":3,\"t\":1e3,\"dir\":\"in\",\"opcode\":1,\"text\":"
                      "\"\\u00e9\\ud83d\\ude00\","
                      "\"newKey\":{\"a\":1}}\r\n";
    QBuffer buffer(&file);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    EventLog log;
    SessionReader reader;
    QVERIFY2(reader.read(&buffer, &log), qPrintable(reader.errorString()));
    QCOMPARE(reader.problemCount(), 0);
    QCOMPARE(reader.formatVersion(), 1);
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.connection(3).details.value("future").toArray().at(0).toInt(), 1);
    QCOMPARE(log.payload(1), QByteArray("\xc3\xa9\xf0\x9f\x98\x80"));
    QCOMPARE(log.at(1).timeNs, 1'000'000);
}

void TestSessionFile::incrementalWriter()
{
    EventLog log;
    const quint32 conn = log.connectionOpened(0, {{"url", "ws://live/"}});
    SessionWriter writer;
    QSignalSpy failed(&writer, &SessionWriter::failed);
    QVERIFY2(writer.start(&log, path("live.wsscope")), qPrintable(writer.errorString()));
    QVERIFY(writer.isActive());

    auto eventsOnDisk = [this] {
        EventLog onDisk;
        SessionReader reader;
        if (!reader.read(path("live.wsscope"), &onDisk))
            return qsizetype(-1);
        return onDisk.size();
    };
    QCOMPARE(eventsOnDisk(), 1); // what was in the log at start

    qint64 t = 0;
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 1000; ++i) {
            t += 1001;
            log.frameCaptured(conn, Direction::In, frame(t, Opcode::Text, 4), "tick");
        }
        // The log grows without any call to the writer: its own timer must put it on disk.
        QElapsedTimer elapsed;
        elapsed.start();
        QTRY_COMPARE_WITH_TIMEOUT(eventsOnDisk(), log.size(), 1200);
        qInfo("round %d: on disk after %lld ms", round, static_cast<long long>(elapsed.elapsed()));
    }
    writer.stop();
    QVERIFY(!writer.isActive());
    QCOMPARE(writer.writtenEvents(), log.size());
    QCOMPARE(failed.count(), 0);

    EventLog loaded;
    SessionReader reader;
    QVERIFY(reader.read(path("live.wsscope"), &loaded));
    QCOMPARE(reader.problemCount(), 0);
    compareLogs(loaded, log);

    // A place that cannot be written is reported with a sentence a user can act on.
    QVERIFY(!writer.start(&log, path("no-such-dir/live.wsscope")));
    QVERIFY(writer.errorString().startsWith("Could not create the session file"));
}

void TestSessionFile::saveIsAtomic()
{
    QVERIFY(writeFile(path("keep.wsscope"), "previous contents\n"));
    EventLog log;
    fillLog(log);
    QString error;
    QVERIFY(!SessionWriter::save(log, path("no-such-dir/x.wsscope"), &error));
    QVERIFY(error.startsWith("Could not save the session to "));
    QVERIFY(SessionWriter::save(log, path("keep.wsscope"), &error));
    QCOMPARE(lines(path("keep.wsscope")).size(), log.size() + 1);
}

QTEST_GUILESS_MAIN(TestSessionFile)
#include "tst_sessionfile.moc"
