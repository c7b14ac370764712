#include "eventlog.h"
#include "harexport.h"
#include "harimport.h"
#include "messageexport.h"
#include "redaction.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <limits>

using namespace wsscope;

namespace {

const QString Started = QStringLiteral("2024-05-01T10:00:00.000Z");
constexpr qint64 StartedEpochSeconds = 1714557600;

void addFrame(EventLog &log, quint32 conn, Direction dir, qint64 timeNs, quint8 opcode, bool fin,
              const QByteArray &payload)
{
    EventRecord r;
    r.kind = EventKind::Frame;
    r.conn = conn;
    r.dir = dir;
    r.timeNs = timeNs;
    r.opcode = opcode;
    r.length = quint64(payload.size());
    r.flags = quint8((fin ? EventRecord::Fin : 0) | (dir == Direction::Out ? EventRecord::Masked : 0));
    r.maskKey = dir == Direction::Out ? 0x01020304 : 0;
    log.appendRecord(r, payload);
}

QJsonArray pair(const char *name, const char *value)
{
    return QJsonArray{QString::fromLatin1(name), QString::fromUtf8(value)};
}

quint32 addConnectionWithHandshake(EventLog &log, const QString &url, const QString &target)
{
    const quint32 conn = log.addConnection(
        0, QJsonObject{{"url", url}, {"source", "client"}, {"started", Started}, {"name", "demo"}});
    EventRecord h;
    h.kind = EventKind::Handshake;
    h.conn = conn;
    h.dir = Direction::Out;
    h.timeNs = 1'000'000;
    const QString raw =
        QStringLiteral("GET %1 HTTP/1.1\r\nHost: example.com\r\nAuthorization: Bearer s3cret\r\n"
                       "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
            .arg(target);
    log.appendEvent(
        h, QJsonObject{
               {"method", "GET"},
               {"target", target},
               {"version", "HTTP/1.1"},
               {"headers", QJsonArray{pair("Host", "example.com"), pair("Authorization", "Bearer s3cret"),
                                      pair("Cookie", "session=abc123"),
                                      pair("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")}},
               {"raw", raw}});
    h.dir = Direction::In;
    h.timeNs = 21'500'000;
    log.appendEvent(h, QJsonObject{{"version", "HTTP/1.1"},
                                   {"status", 101},
                                   {"reason", "Switching Protocols"},
                                   {"headers", QJsonArray{pair("Upgrade", "websocket"),
                                                          pair("Set-Cookie", "session=def456")}},
                                   {"raw", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                                           "Set-Cookie: session=def456\r\n\r\n"}});
    return conn;
}

// The source log of the round trip: every shape of message HAR must carry.
void fillRoundTripLog(EventLog &log)
{
    const quint32 a =
        addConnectionWithHandshake(log, QStringLiteral("wss://example.com/chat?token=abc&room=1"),
                                   QStringLiteral("/chat?token=abc&room=1"));
    const quint32 b =
        addConnectionWithHandshake(log, QStringLiteral("ws://127.0.0.1:9000"), QStringLiteral("/feed"));
    addFrame(log, a, Direction::Out, 30'000'000, Opcode::Text, true, "hello");
    addFrame(log, b, Direction::In, 30'500'000, Opcode::Text, true, "other connection");
    addFrame(log, a, Direction::In, 31'000'123, Opcode::Binary, true, QByteArray("\x00\xff\x10\x80", 4));
    // A fragmented text message with a ping between its fragments (RFC 6455 §5.4).
    addFrame(log, a, Direction::In, 32'000'000, Opcode::Text, false, "frag");
    addFrame(log, a, Direction::Out, 32'100'000, Opcode::Text, true, "interleaved out");
    addFrame(log, a, Direction::In, 32'500'000, Opcode::Ping, true, "p1");
    addFrame(log, a, Direction::In, 33'000'000, Opcode::Continuation, false, "ment");
    addFrame(log, a, Direction::In, 34'000'000, Opcode::Continuation, true, "ed \xe2\x9c\x93");
    addFrame(log, a, Direction::Out, 34'500'000, Opcode::Pong, true, "p1");
    // A fragmented binary message from the client.
    addFrame(log, a, Direction::Out, 35'000'000, Opcode::Binary, false, QByteArray("\x01\x02", 2));
    addFrame(log, a, Direction::Out, 36'000'000, Opcode::Continuation, true, QByteArray("\x00\x03", 2));
    addFrame(log, a, Direction::Out, 37'000'000, Opcode::Text, true,
             "quote \" backslash \\ nl \n tab \t ctl \x01");
    addFrame(log, a, Direction::In, 38'000'000, Opcode::Text, true, "");
    addFrame(log, a, Direction::In, 39'000'000, Opcode::Close, true, QByteArray("\x03\xe8", 2));
}

struct Message
{
    quint32 conn;
    Direction dir;
    quint8 opcode;
    qint64 timeUs;
    QByteArray data;
    bool operator==(const Message &o) const
    {
        return conn == o.conn && dir == o.dir && opcode == o.opcode && timeUs == o.timeUs && data == o.data;
    }
};

QList<Message> messagesOf(const EventLog &log, bool control)
{
    QList<Message> out;
    MessageAssembler assembler(log, [&](const AssembledMessage &m) {
        out.append(Message{m.conn, m.dir, m.opcode, m.timeNs / 1000, m.data});
    });
    assembler.setIncludeControlFrames(control);
    for (qsizetype i = 0; i < log.size(); ++i)
        assembler.addFrame(i);
    assembler.finish();
    return out;
}

QByteArray exportHar(const EventLog &log, HarExport &exporter)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!exporter.write(log, &buffer))
        return QByteArray();
    return buffer.data();
}

QJsonObject parse(const QByteArray &har)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(har, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "invalid JSON:" << error.errorString() << "at" << error.offset;
    return doc.object();
}

QString fixture(const char *name)
{
    return QStringLiteral(WSSCOPE_TEST_DATA "/har/") + QLatin1String(name);
}

} // namespace

class TestHar : public QObject
{
    Q_OBJECT
private slots:
    void exportHasChromeShape();
    void roundTripKeepsMessages();
    void roundTripKeepsConnectionAndHandshake();
    void importChromeFixture();
    void importMitmproxyFixture();
    void noWebSocketEntries();
    void truncatedFileReportsPosition();
    void notAHar();
    void redactionOnExport();
    void redactionUnits_data();
    void redactionUnits();
    void redactedRawHead();
    void nonUpgradeResponseHasBody();
    void saveToFile();
    void roundTripKeepsOddPayloads();
    void importToleratesOtherTools();
};

void TestHar::exportHasChromeShape()
{
    EventLog log;
    fillRoundTripLog(log);
    HarExport exporter;
    exporter.setRedaction(Redaction::none());
    const QJsonObject har = parse(exportHar(log, exporter)).value("log").toObject();
    QCOMPARE(har.value("version").toString(), QStringLiteral("1.2"));
    QCOMPARE(har.value("creator").toObject().value("name").toString(), QStringLiteral("WsScope"));
    QVERIFY(har.value("pages").isArray());
    const QJsonArray entries = har.value("entries").toArray();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(exporter.entriesWritten(), 2);

    const QJsonObject e = entries.at(0).toObject();
    QCOMPARE(e.value("_resourceType").toString(), QStringLiteral("websocket"));
    QCOMPARE(e.value("startedDateTime").toString(), Started);
    QCOMPARE(e.value("time").toDouble(), 20.5);
    QCOMPARE(e.value("timings").toObject().value("wait").toDouble(), 20.5);
    const QJsonObject request = e.value("request").toObject();
    QCOMPARE(request.value("method").toString(), QStringLiteral("GET"));
    QCOMPARE(request.value("url").toString(), QStringLiteral("wss://example.com/chat?token=abc&room=1"));
    QCOMPARE(request.value("httpVersion").toString(), QStringLiteral("HTTP/1.1"));
    QCOMPARE(request.value("headers").toArray().at(0).toObject(),
             (QJsonObject{{"name", "Host"}, {"value", "example.com"}}));
    QCOMPARE(request.value("queryString").toArray(),
             (QJsonArray{QJsonObject{{"name", "token"}, {"value", "abc"}},
                         QJsonObject{{"name", "room"}, {"value", "1"}}}));
    QVERIFY(request.value("cookies").isArray());
    QVERIFY(request.value("headersSize").toInt() > 0);
    const QJsonObject response = e.value("response").toObject();
    QCOMPARE(response.value("status").toInt(), 101);
    QCOMPARE(response.value("statusText").toString(), QStringLiteral("Switching Protocols"));
    QCOMPARE(response.value("content").toObject().value("mimeType").toString(), QStringLiteral("x-unknown"));
    QVERIFY(!response.value("content").toObject().contains("text"));
    QCOMPARE(response.value("redirectURL").toString(), QString());
    QVERIFY(e.value("cache").isObject());

    // Proxy-mode URL (host:port only) completed from the request target, as Chrome would show it.
    QCOMPARE(entries.at(1).toObject().value("request").toObject().value("url").toString(),
             QStringLiteral("ws://127.0.0.1:9000/feed"));

    const QJsonArray messages = e.value("_webSocketMessages").toArray();
    QCOMPARE(messages.size(), 7); // control frames are not messages
    QCOMPARE(exporter.messagesWritten(), 8);
    const QJsonObject first = messages.at(0).toObject();
    QCOMPARE(first.value("type").toString(), QStringLiteral("send"));
    QCOMPARE(first.value("opcode").toInt(), 1);
    QCOMPARE(first.value("data").toString(), QStringLiteral("hello"));
    QCOMPARE(first.value("time").toDouble(), StartedEpochSeconds + 0.030);
    const QJsonObject binary = messages.at(1).toObject();
    QCOMPARE(binary.value("type").toString(), QStringLiteral("receive"));
    QCOMPARE(binary.value("opcode").toInt(), 2);
    QCOMPARE(binary.value("data").toString(), QStringLiteral("AP8QgA=="));
    // The fragmented message is one message, at the time of its final frame.
    const QJsonObject fragmented = messages.at(3).toObject();
    QCOMPARE(fragmented.value("data").toString(), QString::fromUtf8("fragmented \xe2\x9c\x93"));
    QCOMPARE(fragmented.value("time").toDouble(), StartedEpochSeconds + 0.034);
    QCOMPARE(messages.at(4).toObject().value("data").toString(), QStringLiteral("AQIAAw=="));

    const QJsonArray frames = e.value("_wsscopeFrames").toArray();
    QCOMPARE(frames.size(), 3);
    QCOMPARE(frames.at(0).toObject().value("opcode").toInt(), 9);
    QCOMPARE(frames.at(2).toObject().value("data").toString(), QStringLiteral("A+g="));
}

void TestHar::roundTripKeepsMessages()
{
    EventLog source;
    fillRoundTripLog(source);
    HarExport exporter;
    exporter.setRedaction(Redaction::none());
    const QByteArray har = exportHar(source, exporter);
    QVERIFY(!har.isEmpty());

    EventLog imported;
    HarImport importer;
    QVERIFY2(importer.readData(har, &imported), qPrintable(importer.errorString()));
    QCOMPARE(importer.connections(), (QList<quint32>{1, 2}));
    QCOMPARE(importer.messagesRead(), 8);
    QCOMPARE(importer.skippedMessages(), 0);

    const QList<Message> expected = messagesOf(source, true);
    const QList<Message> actual = messagesOf(imported, true);
    QCOMPARE(actual.size(), expected.size());
    // Imported connections come entry by entry; compare each connection's sequence.
    for (quint32 conn : {1u, 2u}) {
        QList<Message> want, got;
        for (const Message &m : expected) {
            if (m.conn == conn)
                want.append(m);
        }
        for (const Message &m : actual) {
            if (m.conn == conn)
                got.append(m);
        }
        QCOMPARE(got.size(), want.size());
        for (qsizetype i = 0; i < want.size(); ++i) {
            QCOMPARE(got.at(i).dir, want.at(i).dir);
            QCOMPARE(got.at(i).opcode, want.at(i).opcode);
            QCOMPARE(got.at(i).timeUs, want.at(i).timeUs);
            QCOMPARE(got.at(i).data, want.at(i).data);
        }
    }
    // Every imported frame is a whole message: FIN, unmasked, length = payload.
    for (qsizetype i = 0; i < imported.size(); ++i) {
        const EventRecord r = imported.at(i);
        if (r.kind != EventKind::Frame)
            continue;
        QVERIFY(r.fin());
        QVERIFY(!r.masked());
        QCOMPARE(r.length, quint64(imported.payload(i).size()));
    }
}

void TestHar::roundTripKeepsConnectionAndHandshake()
{
    EventLog source;
    fillRoundTripLog(source);
    HarExport exporter;
    exporter.setRedaction(Redaction::none());
    EventLog imported;
    HarImport importer;
    QVERIFY(importer.readData(exportHar(source, exporter), &imported));

    const ConnectionRecord c = imported.connection(importer.connections().at(0));
    QCOMPARE(c.details.value("url").toString(), QStringLiteral("wss://example.com/chat?token=abc&room=1"));
    QCOMPARE(c.details.value("source").toString(), QStringLiteral("import"));
    QCOMPARE(c.details.value("started").toString(), Started);
    QCOMPARE(c.details.value("name").toString(), QStringLiteral("demo"));
    QCOMPARE(c.details.value("framing").toString(), QStringLiteral("message-only"));

    QJsonObject request, response;
    qint64 responseNs = -1;
    for (qsizetype i = 0; i < imported.size(); ++i) {
        const EventRecord r = imported.at(i);
        if (r.kind == EventKind::Handshake && r.conn == c.id) {
            if (r.dir == Direction::Out) {
                request = imported.details(i);
            } else {
                response = imported.details(i);
                responseNs = r.timeNs;
            }
        }
    }
    QCOMPARE(request.value("method").toString(), QStringLiteral("GET"));
    QCOMPARE(request.value("target").toString(), QStringLiteral("/chat?token=abc&room=1"));
    QCOMPARE(request.value("headers").toArray().at(1).toArray(), pair("Authorization", "Bearer s3cret"));
    QCOMPARE(response.value("status").toInt(), 101);
    QCOMPARE(response.value("headers").toArray().at(0).toArray(), pair("Upgrade", "websocket"));
    QCOMPARE(responseNs, qint64(20'500'000));
}

void TestHar::importChromeFixture()
{
    EventLog log;
    HarImport importer;
    QVERIFY2(importer.read(fixture("chrome_websocket.har"), &log), qPrintable(importer.errorString()));
    QCOMPARE(importer.connections().size(), 1);
    QCOMPARE(importer.otherEntries(), 1);
    QCOMPARE(importer.messagesRead(), 4);
    const ConnectionRecord c = log.connections().at(0);
    QCOMPARE(c.details.value("url").toString(), QStringLiteral("wss://chat.example.com/socket?room=lobby"));
    QCOMPARE(c.details.value("started").toString(), Started);
    QCOMPARE(c.details.value("framing").toString(), QStringLiteral("message-only"));
    QCOMPARE(c.details.value("importedFrom").toString(), QStringLiteral("WebInspector 537.36"));

    const QList<Message> messages = messagesOf(log, false);
    const QList<Message> expected{
        {c.id, Direction::Out, Opcode::Text, 250'000, "{\"join\":\"lobby\"}"},
        {c.id, Direction::In, Opcode::Text, 500'000, "welcome \xc3\xa9t\xc3\xa9 \xe2\x9c\x93\nline two"},
        {c.id, Direction::In, Opcode::Binary, 750'000, QByteArray("\x00\x01\x02\xff", 4)},
        {c.id, Direction::Out, Opcode::Binary, 1'125'000, QByteArray("\xde\xad\xbe\xef", 4)},
    };
    QCOMPARE(messages.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(messages.at(i) == expected.at(i), qPrintable(QString::number(i)));

    bool sawRequest = false, sawResponse = false;
    for (qsizetype i = 0; i < log.size(); ++i) {
        const EventRecord r = log.at(i);
        if (r.kind != EventKind::Handshake)
            continue;
        const QJsonObject d = log.details(i);
        if (r.dir == Direction::Out) {
            sawRequest = true;
            QCOMPARE(d.value("target").toString(), QStringLiteral("/socket?room=lobby"));
            QCOMPARE(d.value("headers").toArray().at(4).toArray(),
                     pair("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="));
        } else {
            sawResponse = true;
            QCOMPARE(d.value("status").toInt(), 101);
            QCOMPARE(d.value("reason").toString(), QStringLiteral("Switching Protocols"));
            QCOMPARE(r.timeNs, qint64(40'250'000)); // send + wait
        }
    }
    QVERIFY(sawRequest);
    QVERIFY(sawResponse);
}

void TestHar::importMitmproxyFixture()
{
    EventLog log;
    HarImport importer;
    QVERIFY2(importer.read(fixture("mitmproxy_messages_only.har"), &log), qPrintable(importer.errorString()));
    QCOMPARE(importer.connections().size(), 1);
    QCOMPARE(importer.otherEntries(), 0);
    const ConnectionRecord c = log.connections().at(0);
    // mitmproxy writes the http form; the connection shows the WebSocket URL.
    QCOMPARE(c.details.value("url").toString(), QStringLiteral("ws://127.0.0.1:8765/feed"));
    QCOMPARE(c.details.value("started").toString(), QStringLiteral("2024-05-01T12:30:00.123Z"));
    // Messages are put in time order; times are relative to the entry's start (to the millisecond).
    const QList<Message> messages = messagesOf(log, false);
    const QList<Message> expected{
        {c.id, Direction::Out, Opcode::Text, 127'000, "subscribe"},
        {c.id, Direction::In, Opcode::Text, 377'000, "tick 1"},
        {c.id, Direction::In, Opcode::Binary, 877'000, QByteArray("\x01\x02\x03", 3)},
    };
    QCOMPARE(messages.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(messages.at(i) == expected.at(i), qPrintable(QString::number(i)));
}

void TestHar::noWebSocketEntries()
{
    EventLog log;
    HarImport importer;
    QVERIFY(!importer.read(fixture("no_websocket.har"), &log));
    QCOMPARE(importer.errorString(),
             QStringLiteral("This HAR file has no WebSocket connections (it has 2 other requests)."));
    QCOMPARE(log.size(), 0);
}

void TestHar::truncatedFileReportsPosition()
{
    EventLog log;
    HarImport importer;
    QVERIFY(!importer.read(fixture("truncated.har"), &log));
    // The file stops inside a string on its 28th line, after 20 characters.
    QVERIFY2(
        importer.errorString().startsWith(QStringLiteral("The HAR file is damaged at line 28, column 21 (")),
        qPrintable(importer.errorString()));
    QCOMPARE(log.size(), 0);

    // A multi-byte character before the error counts as one column.
    QVERIFY(!importer.readData("{\"log\":\n  {\"\xc3\xa9\": x", &log));
    QVERIFY2(importer.errorString().contains(QStringLiteral("line 2, column 9")),
             qPrintable(importer.errorString()));
}

void TestHar::notAHar()
{
    EventLog log;
    HarImport importer;
    QVERIFY(!importer.readData("{\"hello\": []}", &log));
    QCOMPARE(importer.errorString(),
             QStringLiteral("This is not a HAR file: it has no \"log\" object with \"entries\"."));
    QVERIFY(!importer.read(QStringLiteral("/nonexistent/file.har"), &log));
    QVERIFY(importer.errorString().startsWith(QStringLiteral("Could not open file.har")));
}

void TestHar::redactionOnExport()
{
    EventLog log;
    fillRoundTripLog(log);
    HarExport exporter; // redaction is on by default
    Redaction redaction = exporter.redaction();
    redaction.setQueryParameterNames({QStringLiteral("token")});
    exporter.setRedaction(redaction);
    exporter.setIncludeRawHandshake(true);
    const QByteArray har = exportHar(log, exporter);
    QVERIFY(!har.contains("s3cret"));
    QVERIFY(!har.contains("abc123"));
    QVERIFY(!har.contains("def456"));
    QVERIFY(!har.contains("token=abc"));
    QVERIFY(har.contains("dGhlIHNhbXBsZSBub25jZQ==")); // Sec-WebSocket-Key is no secret

    const QJsonObject e = parse(har).value("log").toObject().value("entries").toArray().at(0).toObject();
    const QJsonObject request = e.value("request").toObject();
    QCOMPARE(request.value("url").toString(),
             QStringLiteral("wss://example.com/chat?token=[redacted]&room=1"));
    QCOMPARE(request.value("headers").toArray().at(1).toObject(),
             (QJsonObject{{"name", "Authorization"}, {"value", "[redacted]"}}));
    QCOMPARE(request.value("queryString").toArray().at(0).toObject(),
             (QJsonObject{{"name", "token"}, {"value", "[redacted]"}}));
    QCOMPARE(request.value("queryString").toArray().at(1).toObject(),
             (QJsonObject{{"name", "room"}, {"value", "1"}}));
    QCOMPARE(e.value("response").toObject().value("headers").toArray().at(1).toObject(),
             (QJsonObject{{"name", "Set-Cookie"}, {"value", "[redacted]"}}));
    const QString raw = e.value("_wsscopeRawRequest").toString();
    QVERIFY2(raw.startsWith(QStringLiteral("GET /chat?token=[redacted]&room=1 HTTP/1.1\r\n")),
             qPrintable(raw));
    QVERIFY(raw.contains(QStringLiteral("\r\nAuthorization: [redacted]\r\n")));
    QVERIFY(e.value("_wsscopeRawResponse").toString().contains(QStringLiteral("Set-Cookie: [redacted]\r\n")));
}

void TestHar::redactionUnits_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no query") << "wss://h/p"
                              << "wss://h/p";
    QTest::newRow("only token") << "wss://h/p?token=x"
                                << "wss://h/p?token=[redacted]";
    QTest::newRow("case and fragment") << "ws://h/?a=1&TOKEN=x%20y#frag"
                                       << "ws://h/?a=1&TOKEN=[redacted]#frag";
    QTest::newRow("encoded name") << "/p?tok%65n=x&key=k"
                                  << "/p?tok%65n=[redacted]&key=[redacted]";
    QTest::newRow("name without value") << "/p?token&b=2"
                                        << "/p?token&b=2";
    QTest::newRow("similar names kept") << "/p?tokens=1&my_token=2"
                                        << "/p?tokens=1&my_token=2";
    QTest::newRow("password in the authority") << "wss://user:s3cr%40t@h:8443/p?token=x"
                                               << "wss://user:[redacted]@h:8443/p?token=[redacted]";
    QTest::newRow("user without password kept") << "wss://user@h/p"
                                                << "wss://user@h/p";
    QTest::newRow("@ after the authority") << "wss://h/p?mail=a:b@c"
                                           << "wss://h/p?mail=a:b@c";
}

void TestHar::redactionUnits()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    Redaction r;
    r.setQueryParameterNames({QStringLiteral("token"), QStringLiteral(" key ")});
    QCOMPARE(r.url(url), expected);
    QVERIFY(r.redactsHeader(u"authorization"));
    QVERIFY(r.redactsHeader(u"SET-COOKIE"));
    QVERIFY(!r.redactsHeader(u"Sec-WebSocket-Key"));
    QVERIFY(!Redaction::none().redactsHeader(u"Authorization"));
    QCOMPARE(Redaction::none().url(url), url);
    // A Location header is a URL: its query and credentials are redacted as the request's are.
    QCOMPARE(r.headerValue(u"location", url), expected);
    QCOMPARE(r.headerValue(u"X-Other", url), url);
}

void TestHar::redactedRawHead()
{
    Redaction r;
    const QString raw =
        QStringLiteral("HTTP/1.1 403 Forbidden\r\nSet-Cookie: a=b\r\nContent-Type: text/plain\r\n\r\n"
                       "Authorization: this is body text\n");
    QCOMPARE(r.rawHead(raw),
             QStringLiteral("HTTP/1.1 403 Forbidden\r\nSet-Cookie: [redacted]\r\nContent-Type: "
                            "text/plain\r\n\r\nAuthorization: this is body text\n"));
    // Obsolete line folding: the continued value of a redacted header is redacted too.
    const QString folded =
        QStringLiteral("GET /?token=t HTTP/1.1\r\nAuthorization: Bearer\r\n  continued-secret\r\n"
                       "\tmore\r\nX-Trace: 1\r\n  folded-but-public\r\n\r\n");
    r.setQueryParameterNames({QStringLiteral("token")});
    QCOMPARE(r.rawHead(folded),
             QStringLiteral("GET /?token=[redacted] HTTP/1.1\r\nAuthorization: [redacted]\r\n [redacted]\r\n"
                            "\t[redacted]\r\nX-Trace: 1\r\n  folded-but-public\r\n\r\n"));
}

void TestHar::nonUpgradeResponseHasBody()
{
    EventLog log;
    const quint32 conn = log.addConnection(
        0, QJsonObject{{"url", "ws://example.com/x"}, {"source", "client"}, {"started", Started}});
    EventRecord h;
    h.kind = EventKind::Handshake;
    h.conn = conn;
    h.dir = Direction::In;
    log.appendEvent(h, QJsonObject{{"version", "HTTP/1.1"},
                                   {"status", 403},
                                   {"reason", "Forbidden"},
                                   {"headers", QJsonArray{pair("Content-Type", "application/json")}},
                                   {"body", "{\"error\":\"no\"}"},
                                   {"bodySize", 14}});
    HarExport exporter;
    const QJsonObject e =
        parse(exportHar(log, exporter)).value("log").toObject().value("entries").toArray().at(0).toObject();
    const QJsonObject response = e.value("response").toObject();
    QCOMPARE(response.value("status").toInt(), 403);
    QCOMPARE(response.value("bodySize").toInt(), 14);
    const QJsonObject content = response.value("content").toObject();
    QCOMPARE(content.value("size").toInt(), 14);
    QCOMPARE(content.value("mimeType").toString(), QStringLiteral("application/json"));
    QCOMPARE(content.value("text").toString(), QStringLiteral("{\"error\":\"no\"}"));
    QCOMPARE(e.value("request").toObject().value("url").toString(), QStringLiteral("ws://example.com/x"));
    QCOMPARE(e.value("_webSocketMessages").toArray().size(), 0);

    // Read back, the body stays with the response.
    EventLog imported;
    HarImport importer;
    QVERIFY(importer.readData(exportHar(log, exporter), &imported));
    bool found = false;
    for (qsizetype i = 0; i < imported.size(); ++i) {
        if (imported.at(i).kind == EventKind::Handshake && imported.at(i).dir == Direction::In) {
            QCOMPARE(imported.details(i).value("body").toString(), QStringLiteral("{\"error\":\"no\"}"));
            found = true;
        }
    }
    QVERIFY(found);
}

void TestHar::saveToFile()
{
    EventLog log;
    fillRoundTripLog(log);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("out.har"));
    HarExport exporter;
    exporter.setConnections({2});
    QVERIFY2(exporter.save(log, path), qPrintable(exporter.errorString()));
    QCOMPARE(exporter.entriesWritten(), 1);
    EventLog imported;
    HarImport importer;
    QVERIFY(importer.read(path, &imported));
    QCOMPARE(importer.connections().size(), 1);
    const QList<Message> messages = messagesOf(imported, false);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).data, QByteArray("other connection"));
    QVERIFY(!exporter.save(log, QStringLiteral("/nonexistent/dir/out.har")));
    QVERIFY(!exporter.errorString().isEmpty());
}

void TestHar::roundTripKeepsOddPayloads()
{
    EventLog source;
    const quint32 conn = source.addConnection(
        0, QJsonObject{{"url", "ws://example.com/"}, {"source", "client"}, {"started", Started}});
    addFrame(source, conn, Direction::In, 1'000, Opcode::Text, true, QByteArray("bad \xc3\x28 utf8", 11));
    EventRecord truncated;
    truncated.kind = EventKind::Frame;
    truncated.conn = conn;
    truncated.dir = Direction::In;
    truncated.timeNs = 2'000;
    truncated.opcode = Opcode::Binary;
    truncated.length = 70'000;
    truncated.flags = EventRecord::Fin | EventRecord::Truncated;
    source.appendRecord(truncated, "first bytes");
    EventRecord compressed = truncated; // permessage-deflate data, kept as recorded
    compressed.timeNs = 3'000;
    compressed.opcode = Opcode::Text;
    compressed.length = 5;
    compressed.flags = EventRecord::Fin | EventRecord::Rsv1;
    source.appendRecord(compressed, QByteArray("\xf2\x48\xcd\xc9\x00", 5));
    EventRecord reserved = compressed; // a reserved control opcode, seen on the wire
    reserved.timeNs = 4'000;
    reserved.opcode = 0xB;
    reserved.length = 1;
    reserved.flags = EventRecord::Fin;
    source.appendRecord(reserved, "r");
    EventRecord huge = reserved; // a bogus 64-bit length, as a broken peer may announce
    huge.timeNs = 5'000;
    huge.opcode = Opcode::Binary;
    huge.length = std::numeric_limits<quint64>::max();
    huge.flags = EventRecord::Fin | EventRecord::Truncated | EventRecord::LenMask;
    source.appendRecord(huge, "abc");
    EventRecord unfinished = reserved; // the log ends before the final frame
    unfinished.timeNs = 6'000;
    unfinished.opcode = Opcode::Text;
    unfinished.length = 4;
    unfinished.flags = 0;
    source.appendRecord(unfinished, "half");
    HarExport exporter;
    const QByteArray har = exportHar(source, exporter);
    const QJsonArray messages = parse(har)
                                    .value("log")
                                    .toObject()
                                    .value("entries")
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value("_webSocketMessages")
                                    .toArray();
    // What Chrome would show, with the exact bytes beside it.
    QCOMPARE(messages.at(0).toObject().value("data").toString(), QString::fromUtf8("bad \xef\xbf\xbd( utf8"));
    QCOMPARE(messages.at(1).toObject().value("_wsscopeLength").toInt(), 70'000);

    EventLog imported;
    HarImport importer;
    QVERIFY(importer.readData(har, &imported));
    QList<EventRecord> frames;
    QList<QByteArray> payloads;
    for (qsizetype i = 0; i < imported.size(); ++i) {
        if (imported.at(i).kind == EventKind::Frame) {
            frames.append(imported.at(i));
            payloads.append(imported.payload(i));
        }
    }
    QCOMPARE(frames.size(), 6);
    QCOMPARE(payloads.at(0), QByteArray("bad \xc3\x28 utf8", 11));
    QCOMPARE(payloads.at(1), QByteArray("first bytes"));
    QCOMPARE(frames.at(1).length, quint64(70'000));
    QVERIFY(frames.at(1).truncated());
    QCOMPARE(frames.at(1).lengthEncoding(), LengthEncoding::Bits64);
    // RSV1 (compressed) and the exact compressed bytes come back.
    QCOMPARE(payloads.at(2), QByteArray("\xf2\x48\xcd\xc9\x00", 5));
    QCOMPARE(frames.at(2).rsv(), quint8(Rsv::Rsv1));
    QCOMPARE(frames.at(2).opcode, quint8(Opcode::Text));
    // The reserved control opcode is a frame again, not a skipped message.
    QCOMPARE(frames.at(3).opcode, quint8(0xB));
    QCOMPARE(importer.skippedMessages(), 0);
    // 2^64 - 1 announced: the largest length, not an undefined conversion.
    QCOMPARE(frames.at(4).length, std::numeric_limits<quint64>::max());
    QCOMPARE(payloads.at(4), QByteArray("abc"));
    // The unfinished message stays unfinished.
    QVERIFY(!frames.at(5).fin());
    QCOMPARE(payloads.at(5), QByteArray("half"));
}

void TestHar::importToleratesOtherTools()
{
    // A ws:// URL alone marks a WebSocket entry; times as seconds since the start are accepted;
    // a message of unknown type is skipped and counted.
    const QByteArray har = R"({"log":{"version":"1.2","creator":{"name":"tool","version":"1"},"entries":[
        {"startedDateTime":"2024-05-01T10:00:00.000Z","request":{"method":"GET","url":"ws://h:81/a?b=c",
         "headers":[]},"response":{"status":101,"statusText":"","headers":[]},
         "_webSocketMessages":[{"type":"receive","time":0.5,"opcode":1,"data":"x"},
                               {"type":"sideways","time":0.6,"opcode":1,"data":"y"}]},
        {"startedDateTime":"2024-05-01T10:00:00.000Z","request":{"method":"GET","url":"wss://h/only-url"},
         "response":{"status":0}}]}})";
    EventLog log;
    HarImport importer;
    QVERIFY2(importer.readData(har, &log), qPrintable(importer.errorString()));
    QCOMPARE(importer.connections().size(), 2);
    QCOMPARE(importer.messagesRead(), 1);
    QCOMPARE(importer.skippedMessages(), 1);
    const QList<Message> messages = messagesOf(log, false);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).timeUs, qint64(500'000));
    QCOMPARE(messages.at(0).data, QByteArray("x"));
    QCOMPARE(log.connection(importer.connections().at(1)).details.value("url").toString(),
             QStringLiteral("wss://h/only-url"));
}

QTEST_GUILESS_MAIN(TestHar)
#include "tst_har.moc"
