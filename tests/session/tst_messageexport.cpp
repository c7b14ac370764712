#include "eventlog.h"
#include "messageexport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wsscope;

namespace {

void addFrame(EventLog &log, quint32 conn, Direction dir, qint64 timeNs, quint8 opcode, bool fin,
              const QByteArray &payload, quint64 length = 0)
{
    EventRecord r;
    r.kind = EventKind::Frame;
    r.conn = conn;
    r.dir = dir;
    r.timeNs = timeNs;
    r.opcode = opcode;
    r.length = length ? length : quint64(payload.size());
    r.flags = quint8((fin ? EventRecord::Fin : 0) | (length ? EventRecord::Truncated : 0));
    log.appendRecord(r, payload);
}

// Two connections: a text, a binary, a text in two fragments with a ping between them, and
// a text that needs CSV quoting.
void fillSmallLog(EventLog &log)
{
    const quint32 a = log.addConnection(
        1, QJsonObject{{"url", "ws://example.com/"}, {"started", "2024-05-01T10:00:00.000Z"}});
    const quint32 b = log.addConnection(
        2, QJsonObject{{"url", "ws://example.com/b"}, {"started", "2024-05-01T10:00:01.000Z"}});
    addFrame(log, a, Direction::Out, 1'500'250, Opcode::Text, true, "hi");
    addFrame(log, a, Direction::In, 2'000'000, Opcode::Binary, true, QByteArray("\x00\xff", 2));
    addFrame(log, a, Direction::In, 3'000'000, Opcode::Text, false, "a");
    addFrame(log, a, Direction::In, 3'500'000, Opcode::Ping, true, "p");
    addFrame(log, a, Direction::In, 4'000'000, Opcode::Continuation, true, "b");
    addFrame(log, b, Direction::Out, 0, Opcode::Text, true, "say \"hi\", then\nbye");
}

QByteArray ndjson(MessageExport &exporter, const EventLog &log)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!exporter.writeNdjson(log, &buffer))
        return "failed: " + exporter.errorString().toUtf8();
    return buffer.data();
}

QByteArray csv(MessageExport &exporter, const EventLog &log)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!exporter.writeCsv(log, &buffer))
        return "failed: " + exporter.errorString().toUtf8();
    return buffer.data();
}

} // namespace

class TestMessageExport : public QObject
{
    Q_OBJECT
private slots:
    void ndjsonExact();
    void csvExact();
    void csvField_data();
    void csvField();
    void csvPrefixAndInvalidUtf8();
    void filterByConnectionAndDirection();
    void controlFramesOnRequest();
    void truncatedAndIncomplete();
    void payloadFiles();
    void isoTime_data();
    void isoTime();
    void jsonEscapes();
    void extractWholeMessages();
    void messageContainingFrame();
    void connectionOutline();
};

void TestMessageExport::ndjsonExact()
{
    EventLog log;
    fillSmallLog(log);
    MessageExport exporter;
    const QByteArray expected =
        "{\"conn\":1,\"t_us\":1500.25,\"time\":\"2024-05-01T10:00:00.001500Z\",\"dir\":\"out\",\"opcode\":1,"
        "\"type\":\"text\",\"length\":2,\"frames\":1,\"text\":\"hi\"}\n"
        "{\"conn\":1,\"t_us\":2000,\"time\":\"2024-05-01T10:00:00.002000Z\",\"dir\":\"in\",\"opcode\":2,"
        "\"type\":\"binary\",\"length\":2,\"frames\":1,\"data_b64\":\"AP8=\"}\n"
        "{\"conn\":1,\"t_us\":4000,\"time\":\"2024-05-01T10:00:00.004000Z\",\"dir\":\"in\",\"opcode\":1,"
        "\"type\":\"text\",\"length\":2,\"frames\":2,\"text\":\"ab\"}\n"
        "{\"conn\":2,\"t_us\":0,\"time\":\"2024-05-01T10:00:01.000000Z\",\"dir\":\"out\",\"opcode\":1,"
        "\"type\":\"text\",\"length\":18,\"frames\":1,\"text\":\"say \\\"hi\\\", then\\nbye\"}\n";
    QCOMPARE(ndjson(exporter, log), expected);
    QCOMPARE(exporter.messagesWritten(), 4);
}

void TestMessageExport::csvExact()
{
    EventLog log;
    fillSmallLog(log);
    MessageExport exporter;
    const QByteArray expected = "conn,time,dir,type,length,payload\r\n"
                                "1,2024-05-01T10:00:00.001500Z,out,text,2,hi\r\n"
                                "1,2024-05-01T10:00:00.002000Z,in,binary,2,base64:AP8=\r\n"
                                "1,2024-05-01T10:00:00.004000Z,in,text,2,ab\r\n"
                                "2,2024-05-01T10:00:01.000000Z,out,text,18,\"say \"\"hi\"\", then\nbye\"\r\n";
    QCOMPARE(csv(exporter, log), expected);
}

void TestMessageExport::csvField_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("abc") << QByteArray("abc");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("comma") << QByteArray("a,b") << QByteArray("\"a,b\"");
    QTest::newRow("quote") << QByteArray("say \"x\"") << QByteArray("\"say \"\"x\"\"\"");
    QTest::newRow("only quote") << QByteArray("\"") << QByteArray("\"\"\"\"");
    QTest::newRow("newline") << QByteArray("a\nb") << QByteArray("\"a\nb\"");
    QTest::newRow("crlf") << QByteArray("a\r\nb") << QByteArray("\"a\r\nb\"");
    QTest::newRow("spaces kept") << QByteArray(" a ") << QByteArray(" a ");
    QTest::newRow("utf8") << QByteArray("\xc3\xa9,") << QByteArray("\"\xc3\xa9,\"");
}

void TestMessageExport::csvField()
{
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, expected);
    QByteArray out;
    MessageExport::appendCsvField(field, out);
    QCOMPARE(out, expected);
}

void TestMessageExport::csvPrefixAndInvalidUtf8()
{
    EventLog log;
    const quint32 c = log.addConnection(1, QJsonObject{{"started", "2024-05-01T10:00:00.000Z"}});
    addFrame(log, c, Direction::In, 0, Opcode::Text, true, "base64:not really");
    addFrame(log, c, Direction::In, 0, Opcode::Text, true, QByteArray("\xc3\x28", 2));
    MessageExport exporter;
    // Text that looks like the prefix, and text that is not UTF-8, go as base64 so a reader is never misled.
    QCOMPARE(csv(exporter, log),
             QByteArray("conn,time,dir,type,length,payload\r\n"
                        "1,2024-05-01T10:00:00.000000Z,in,text,17,base64:YmFzZTY0Om5vdCByZWFsbHk=\r\n"
                        "1,2024-05-01T10:00:00.000000Z,in,text,2,base64:wyg=\r\n"));
    QVERIFY(ndjson(exporter, log).endsWith("\"data_b64\":\"wyg=\"}\n"));
}

void TestMessageExport::filterByConnectionAndDirection()
{
    EventLog log;
    fillSmallLog(log);
    MessageExport exporter;
    exporter.setConnection(1);
    exporter.setDirection(Direction::In);
    const QList<QByteArray> lines = csv(exporter, log).split('\n');
    QCOMPARE(lines.size(), 4); // header, two messages, and the empty piece after the last CRLF
    QVERIFY(lines.at(1).startsWith("1,2024-05-01T10:00:00.002000Z,in,binary"));
    QVERIFY(lines.at(2).startsWith("1,2024-05-01T10:00:00.004000Z,in,text,2,ab"));
    exporter.setConnection(2);
    exporter.setDirection(std::nullopt);
    QCOMPARE(ndjson(exporter, log).count('\n'), 1);
    exporter.setConnection(3);
    QCOMPARE(ndjson(exporter, log), QByteArray());
    QCOMPARE(exporter.messagesWritten(), 0);
}

void TestMessageExport::controlFramesOnRequest()
{
    EventLog log;
    fillSmallLog(log);
    MessageExport exporter;
    exporter.setIncludeControlFrames(true);
    exporter.setConnection(1);
    const QByteArray out = csv(exporter, log);
    // The ping came between the fragments, so it is complete before the fragmented message.
    QVERIFY2(out.contains("1,2024-05-01T10:00:00.003500Z,in,ping,1,base64:cA==\r\n"
                          "1,2024-05-01T10:00:00.004000Z,in,text,2,ab\r\n"),
             out.constData());
    QCOMPARE(exporter.messagesWritten(), 4);
}

void TestMessageExport::truncatedAndIncomplete()
{
    EventLog log;
    const quint32 c = log.addConnection(1, QJsonObject{{"started", "2024-05-01T10:00:00.000Z"}});
    addFrame(log, c, Direction::In, 1000, Opcode::Binary, true, "abc", 1000);
    addFrame(log, c, Direction::Out, 2000, Opcode::Text, false, "unfinished");
    MessageExport exporter;
    const QList<QByteArray> lines = ndjson(exporter, log).split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).endsWith(",\"length\":1000,\"frames\":1,\"data_b64\":\"YWJj\",\"truncated\":true}"),
             lines.at(0).constData());
    QVERIFY2(lines.at(1).endsWith(",\"text\":\"unfinished\",\"complete\":false}"), lines.at(1).constData());
}

void TestMessageExport::payloadFiles()
{
    EventLog log;
    fillSmallLog(log);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("payloads/nested"));
    MessageExport exporter;
    exporter.setConnection(1);
    QVERIFY2(exporter.writePayloadFiles(log, dir), qPrintable(exporter.errorString()));
    const QStringList names = QDir(dir).entryList(QDir::Files, QDir::Name);
    QCOMPARE(names, (QStringList{"000001-out-text.txt", "000002-in-binary.bin", "000003-in-text.txt"}));
    QFile binary(QDir(dir).filePath(names.at(1)));
    QVERIFY(binary.open(QIODevice::ReadOnly));
    QCOMPARE(binary.readAll(), QByteArray("\x00\xff", 2));
    QFile text(QDir(dir).filePath(names.at(2)));
    QVERIFY(text.open(QIODevice::ReadOnly));
    QCOMPARE(text.readAll(), QByteArray("ab"));

    QFile blocker(tmp.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QVERIFY(!exporter.writePayloadFiles(log, blocker.fileName() + QStringLiteral("/sub")));
    QVERIFY(exporter.errorString().startsWith(QStringLiteral("Could not create the folder")));
}

void TestMessageExport::isoTime_data()
{
    QTest::addColumn<QString>("started");
    QTest::addColumn<qint64>("timeNs");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("start") << "2024-05-01T10:00:00.000Z" << qint64(0)
                           << QByteArray("2024-05-01T10:00:00.000000Z");
    QTest::newRow("offset zone") << "2024-05-01T12:00:00.250+02:00" << qint64(1'999)
                                 << QByteArray("2024-05-01T10:00:00.250001Z");
    QTest::newRow("carry") << "2024-05-01T10:00:59.999Z" << qint64(1'500'000)
                           << QByteArray("2024-05-01T10:01:00.000500Z");
    QTest::newRow("before start") << "2024-05-01T10:00:00.000Z" << qint64(-1)
                                  << QByteArray("2024-05-01T09:59:59.999999Z");
}

void TestMessageExport::isoTime()
{
    QFETCH(QString, started);
    QFETCH(qint64, timeNs);
    QFETCH(QByteArray, expected);
    QCOMPARE(MessageExport::isoTime(MessageExport::epochMicroseconds(started, timeNs)), expected);
}

void TestMessageExport::jsonEscapes()
{
    QByteArray out;
    MessageExport::appendJsonString(QByteArray("a\"b\\c\n\r\t\x01\x1f\xe2\x9c\x93/", 14), out);
    QCOMPARE(out, QByteArray("\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u001f\xe2\x9c\x93/\""));
}

// Messages::extract: whole text/binary messages per connection in the order they completed, with
// control frames between fragments left out, and nothing for broken fragment sequences.
void TestMessageExport::extractWholeMessages()
{
    EventLog log;
    const quint32 a = log.addConnection(1, {});
    const quint32 b = log.addConnection(2, {});
    addFrame(log, a, Direction::Out, 10, Opcode::Text, false, "he");           // 0 (log index 2)
    addFrame(log, a, Direction::In, 20, Opcode::Binary, true, "\x01");         // 1
    addFrame(log, a, Direction::Out, 30, Opcode::Ping, true, "p");             // 2
    addFrame(log, b, Direction::Out, 35, Opcode::Text, true, "other conn");    // 3
    addFrame(log, a, Direction::Out, 40, Opcode::Continuation, true, "llo");   // 4
    addFrame(log, a, Direction::In, 50, Opcode::Continuation, true, "orphan"); // 5: continues nothing
    addFrame(log, a, Direction::In, 60, Opcode::Text, false, "cut");           // 6: never finished,
    addFrame(log, a, Direction::In, 70, Opcode::Text, true, "next", 9);        // 7: a new one began
    addFrame(log, a, Direction::Out, 80, Opcode::Text, false, "tail");         // 8: log ends first

    const QList<DataMessage> all = Messages::extract(log, a);
    QCOMPARE(all.size(), 3);
    QCOMPARE(all[0].dir, Direction::In);
    QCOMPARE(all[0].opcode, quint8(Opcode::Binary));
    QCOMPARE(all[0].index, 0);
    QCOMPARE(all[1].payload, QByteArray("hello"));
    QCOMPARE(all[1].frameCount, 2);
    QCOMPARE(all[1].firstTimeNs, 10);
    QCOMPARE(all[1].timeNs, 40);
    QCOMPARE(all[1].firstEvent, qsizetype(2));
    QCOMPARE(all[1].lastEvent, qsizetype(6));
    QCOMPARE(all[1].index, 0);
    QCOMPARE(all[2].payload, QByteArray("next"));
    QCOMPARE(all[2].length, quint64(9));
    QVERIFY(all[2].truncated);
    QCOMPARE(all[2].index, 1);
    QCOMPARE(Messages::extract(log, a, Direction::Out).size(), 1);
    QCOMPARE(Messages::extract(log, b).size(), 1);
}

// Messages::containing: from any frame of a fragmented message to the whole of it.
void TestMessageExport::messageContainingFrame()
{
    EventLog log;
    const quint32 a = log.addConnection(1, {});
    addFrame(log, a, Direction::In, 10, Opcode::Text, false, "{\"a\":");   // 1
    addFrame(log, a, Direction::Out, 15, Opcode::Text, true, "mine");      // 2: other direction
    addFrame(log, a, Direction::In, 20, Opcode::Ping, true, "p");          // 3: control between
    addFrame(log, a, Direction::In, 30, Opcode::Continuation, false, "1"); // 4
    addFrame(log, a, Direction::In, 40, Opcode::Continuation, true, "}");  // 5
    addFrame(log, a, Direction::In, 50, Opcode::Continuation, true, "x");  // 6: continues nothing
    addFrame(log, a, Direction::In, 60, Opcode::Binary, false, "ab");      // 7: unfinished

    for (qsizetype i : {1, 4, 5}) {
        const FrameMessage m = Messages::containing(log, i);
        QCOMPARE(m.frames, (QList<qsizetype>{1, 4, 5}));
        QCOMPARE(m.payload, QByteArray("{\"a\":1}"));
        QCOMPARE(m.opcode, quint8(Opcode::Text));
        QCOMPARE(m.length, quint64(7));
        QVERIFY(m.complete);
    }
    const FrameMessage ping = Messages::containing(log, 3);
    QCOMPARE(ping.frames, (QList<qsizetype>{3}));
    QCOMPARE(ping.opcode, quint8(Opcode::Ping));
    QVERIFY(ping.complete);
    const FrameMessage orphan = Messages::containing(log, 6);
    QCOMPARE(orphan.frames, (QList<qsizetype>{6}));
    QVERIFY(!orphan.complete);
    const FrameMessage unfinished = Messages::containing(log, 7);
    QCOMPARE(unfinished.payload, QByteArray("ab"));
    QVERIFY(!unfinished.complete);
    QVERIFY(Messages::containing(log, 0).frames.isEmpty()); // the connection record
    QVERIFY(Messages::containing(log, 99).frames.isEmpty());
    // A bounded look: with room for two frames only the first two are joined.
    QCOMPARE(Messages::containing(log, 1, 2).frames, (QList<qsizetype>{1, 4}));
}

// Messages::outline: the opening, subprotocol and closing that replay and mock server work from.
void TestMessageExport::connectionOutline()
{
    EventLog log;
    const quint32 a = log.addConnection(1, {});
    auto event = [&](EventKind kind, Direction dir, qint64 t, const QJsonObject &details) {
        EventRecord r;
        r.kind = kind;
        r.conn = a;
        r.dir = dir;
        r.timeNs = t;
        log.appendEvent(r, details);
    };
    QCOMPARE(Messages::outline(log, a).opened, false);
    QCOMPARE(Messages::outline(log, a).firstCloseFrameEvent(), qsizetype(-1));
    event(EventKind::Handshake, Direction::Out, 5, {{"method", "GET"}});                          // 1
    event(EventKind::Handshake, Direction::In, 9, {{"status", 101}, {"subprotocol", "chat.v2"}}); // 2
    addFrame(log, a, Direction::Out, 20, Opcode::Text, true, "hi");                               // 3
    addFrame(log, a, Direction::In, 30, Opcode::Close, true, QByteArray("\x0f\xa1bye", 5));       // 4
    addFrame(log, a, Direction::Out, 31, Opcode::Close, true, QByteArray("\x0f\xa1", 2));         // 5
    event(EventKind::Close, Direction::In, 32,
          {{"initiator", "server"}, {"code", 4001}, {"reason", "bye"}, {"clean", true}}); // 6
    const ConnectionOutline o = Messages::outline(log, a);
    QCOMPARE(o.requestEvent, qsizetype(1));
    QVERIFY(o.opened);
    QCOMPARE(o.openNs, 9);
    QCOMPARE(o.subprotocol, QStringLiteral("chat.v2"));
    QCOMPARE(o.closeFrameEvent[int(Direction::In)], qsizetype(4));
    QCOMPARE(o.closeFrameEvent[int(Direction::Out)], qsizetype(5));
    QCOMPARE(o.firstCloseFrameEvent(), qsizetype(4));
    QCOMPARE(o.firstCloseFrameNs(), 30);
    QCOMPARE(o.closeInitiator, QStringLiteral("server"));
    QCOMPARE(o.closeCode, 4001);
    QCOMPARE(o.closeReason, QStringLiteral("bye"));
    QVERIFY(!Messages::anyCompressed(Messages::extract(log, a)));
}

QTEST_GUILESS_MAIN(TestMessageExport)
#include "tst_messageexport.moc"
