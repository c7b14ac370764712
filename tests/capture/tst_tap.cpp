#include "capturetesthelpers.h"
#include "clientconnection.h"
#include "connectproxy.h"
#include "eventlog.h"
#include "tap.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace wsscope;
using namespace wsscope::test;

namespace {
constexpr int Timeout = 5000;
}

// Drives ClientConnection (QWebSocket through the Tap) against an in-process QWebSocketServer on
// 127.0.0.1 and checks what the Tap recorded on the wire.
class TestTap : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void textEcho();
    void binaryEcho();
    void fragmentedFromServer();
    void bulkInOrder();
    void serverPingAndAutomaticPong();
    void clientPingRtt();
    void closeFromClient();
    void closeFromServer();
    void abruptServerReset();
    void non101Answer();
    void brokenAnswers_data();
    void brokenAnswers();
    void refusedRequestLeavesNoRoute();
    void refusedPort();
    void unknownHost();
    void handshakeHeadersInOrder();
    void subprotocolNegotiated();
    void upstreamProxyAndDefaultPort();
    void autoReconnectBacksOff();
    void proxyModeConnect();

private:
    ConnectionOptions optionsFor(const QString &path = QStringLiteral("/echo")) const;
    // Opens a connection and waits for both ends: returns the server side socket.
    QWebSocket *openConnected(ClientConnection &client, const ConnectionOptions &options);

    QWebSocketServer *m_server = nullptr;
    QList<QWebSocket *> m_serverSockets;
    EventLog *m_log = nullptr;
};

void TestTap::init()
{
    m_log = new EventLog(this);
    m_server = new QWebSocketServer(QStringLiteral("tst_tap"), QWebSocketServer::NonSecureMode, this);
    m_server->setSupportedSubprotocols({QStringLiteral("chat")});
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_serverSockets.clear();
    connect(m_server, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *s = m_server->nextPendingConnection()) {
            m_serverSockets.append(s);
            connect(s, &QWebSocket::textMessageReceived, s, [s](const QString &m) { s->sendTextMessage(m); });
            connect(s, &QWebSocket::binaryMessageReceived, s,
                    [s](const QByteArray &m) { s->sendBinaryMessage(m); });
        }
    });
}

void TestTap::cleanup()
{
    delete m_server;
    m_server = nullptr;
    qDeleteAll(m_serverSockets);
    m_serverSockets.clear();
    delete m_log;
    m_log = nullptr;
}

ConnectionOptions TestTap::optionsFor(const QString &path) const
{
    ConnectionOptions o;
    o.url = QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_server->serverPort()).arg(path));
    o.name = QStringLiteral("test");
    return o;
}

QWebSocket *TestTap::openConnected(ClientConnection &client, const ConnectionOptions &options)
{
    QSignalSpy opened(&client, &ClientConnection::opened);
    QSignalSpy failed(&client, &ClientConnection::failed);
    client.open(options);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1 || failed.count() > 0, Timeout); }();
    if (failed.count() > 0)
        qWarning() << "failed:" << failed.first().first().toString();
    if (opened.count() != 1 || m_serverSockets.isEmpty())
        return nullptr;
    return m_serverSockets.last();
}

void TestTap::textEcho()
{
    ClientConnection client(m_log);
    QVERIFY(client.tapPort() != 0);
    QWebSocket *server = openConnected(client, optionsFor());
    QVERIFY(server);
    QCOMPARE(client.state(), ClientConnection::State::Open);
    QCOMPARE(client.lastHttpStatus(), 101);
    const quint32 conn = client.connectionId();
    QVERIFY(conn != 0);

    client.sendText(QStringLiteral("hello, wire"));
    QTRY_COMPARE_WITH_TIMEOUT(framesOf(*m_log, conn, Direction::In).size(), 1, Timeout);
    const auto out = framesOf(*m_log, conn, Direction::Out);
    const auto in = framesOf(*m_log, conn, Direction::In);
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].record.opcode, quint8(Opcode::Text));
    QVERIFY(out[0].record.masked()); // RFC 6455 §5.1: client frames are masked
    QVERIFY(out[0].record.fin());
    QCOMPARE(out[0].payload, QByteArray("hello, wire")); // stored unmasked
    QCOMPARE(in[0].record.opcode, quint8(Opcode::Text));
    QVERIFY(!in[0].record.masked());
    QCOMPARE(in[0].payload, QByteArray("hello, wire"));

    // A single-frame message is its frame: no separate Message event (see fragmentedFromServer).
    QCOMPARE(countKind(*m_log, conn, EventKind::Message), 0);

    // Connection details as the client gave them, and the QWebSocket-level state event.
    const ConnectionRecord c = m_log->connection(conn);
    QCOMPARE(c.details.value("source").toString(), QStringLiteral("client"));
    QCOMPARE(c.details.value("url").toString(), optionsFor().url.toString());
    QCOMPARE(c.details.value("name").toString(), QStringLiteral("test"));
    QVERIFY(c.details.value("started").toString().endsWith(QLatin1Char('Z')));
    // The tunnel says when TCP to the server is up; then QWebSocket says the upgrade is done.
    const auto states = eventsOf(*m_log, conn, int(EventKind::State));
    QVERIFY(states.size() >= 2);
    QCOMPARE(states[0].details.value("state").toString(), QStringLiteral("tcp-connected"));
    QVERIFY(states[0].details.value("peer").toString().startsWith(QLatin1String("127.0.0.1:")));
    QCOMPARE(states[1].details.value("state").toString(), QStringLiteral("connected"));
    // In the order it happened: TCP up, then the upgrade request went out.
    const auto handshakes = eventsOf(*m_log, conn, int(EventKind::Handshake));
    QVERIFY(!handshakes.isEmpty());
    QVERIFY(states[0].index < handshakes.first().index);
    QVERIFY(states[0].record.timeNs <= handshakes.first().record.timeNs);
    QCOMPARE(countKind(*m_log, conn, EventKind::Violation), 0);
}

void TestTap::binaryEcho()
{
    ClientConnection client(m_log);
    QWebSocket *server = openConnected(client, optionsFor());
    QVERIFY(server);
    const quint32 conn = client.connectionId();
    QByteArray data(70000, Qt::Uninitialized); // 64-bit length encoding (RFC 6455 §5.2)
    for (int i = 0; i < data.size(); ++i)
        data[i] = char(i * 7);
    client.sendBinary(data);
    QTRY_COMPARE_WITH_TIMEOUT(framesOf(*m_log, conn, Direction::In).size(), 1, Timeout);
    const auto out = framesOf(*m_log, conn, Direction::Out);
    const auto in = framesOf(*m_log, conn, Direction::In);
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].record.opcode, quint8(Opcode::Binary));
    QCOMPARE(out[0].record.lengthEncoding(), LengthEncoding::Bits64);
    QCOMPARE(out[0].payload, data);
    QCOMPARE(in[0].payload, data);
    QCOMPARE(in[0].record.length, quint64(data.size()));
}

void TestTap::bulkInOrder()
{
    // 12.5 MiB each way, far above the Tap's high-water mark: reading pauses and resumes, and every
    // byte still arrives once and in order.
    ClientConnection client(m_log);
    QWebSocket *server = openConnected(client, optionsFor());
    QVERIFY(server);
    const quint32 conn = client.connectionId();
    constexpr int Count = 200;
    QList<QByteArray> echoed;
    connect(&client, &ClientConnection::binaryMessageReceived, this,
            [&](const QByteArray &m) { echoed << m; });
    QList<QByteArray> sent;
    for (int i = 0; i < Count; ++i) {
        QByteArray m(64 * 1024, char(i));
        m.replace(0, 4, QByteArray::number(i).rightJustified(4, '0'));
        sent << m;
        client.sendBinary(m);
    }
    QTRY_COMPARE_WITH_TIMEOUT(echoed.size(), Count, 20000);
    QCOMPARE(echoed, sent);
    const auto out = framesOf(*m_log, conn, Direction::Out);
    const auto in = framesOf(*m_log, conn, Direction::In);
    QCOMPARE(out.size(), Count);
    QCOMPARE(in.size(), Count);
    for (int i = 0; i < Count; ++i) {
        QCOMPARE(out[i].payload, sent[i]);
        QCOMPARE(in[i].payload, sent[i]);
    }
}

void TestTap::fragmentedFromServer()
{
    ClientConnection client(m_log);
    QWebSocket *server = openConnected(client, optionsFor());
    QVERIFY(server);
    const quint32 conn = client.connectionId();
    server->setOutgoingFrameSize(30);
    const QString text = QString(100, QLatin1Char('x'));
    server->sendTextMessage(text);
    QTRY_COMPARE_WITH_TIMEOUT(countKind(*m_log, conn, EventKind::Message), 1, Timeout);
    const auto in = framesOf(*m_log, conn, Direction::In);
    QCOMPARE(in.size(), 4);
    QCOMPARE(in[0].record.opcode, quint8(Opcode::Text));
    QVERIFY(!in[0].record.fin());
    for (int i = 1; i < 4; ++i)
        QCOMPARE(in[i].record.opcode, quint8(Opcode::Continuation));
    QVERIFY(!in[2].record.fin());
    QVERIFY(in[3].record.fin());
    QByteArray joined;
    for (const auto &f : in)
        joined += f.payload;
    QCOMPARE(joined, text.toUtf8());
    const auto message = eventsOf(*m_log, conn, int(EventKind::Message)).first();
    QCOMPARE(message.record.dir, Direction::In);
    QCOMPARE(message.details.value("frameCount").toInt(), 4);
    QCOMPARE(message.details.value("length").toInt(), 100);
}

void TestTap::serverPingAndAutomaticPong()
{
    ClientConnection client(m_log);
    QWebSocket *server = openConnected(client, optionsFor());
    QVERIFY(server);
    const quint32 conn = client.connectionId();
    QSignalSpy pong(server, &QWebSocket::pong);
    server->ping("from-server");
    QTRY_COMPARE_WITH_TIMEOUT(pong.count(), 1, Timeout);
    // QWebSocket answers pings itself and never shows them; the wire does.
    QTRY_COMPARE_WITH_TIMEOUT(framesOf(*m_log, conn, Direction::Out).size(), 1, Timeout);
    const auto in = framesOf(*m_log, conn, Direction::In);
    const auto out = framesOf(*m_log, conn, Direction::Out);
    QCOMPARE(in.size(), 1);
    QCOMPARE(in[0].record.opcode, quint8(Opcode::Ping));
    QCOMPARE(in[0].payload, QByteArray("from-server"));
    QCOMPARE(out[0].record.opcode, quint8(Opcode::Pong));
    QVERIFY(out[0].record.masked());
    QCOMPARE(out[0].payload, QByteArray("from-server"));
    QVERIFY(out[0].record.timeNs >= in[0].record.timeNs);
}

void TestTap::clientPingRtt()
{
    ClientConnection client(m_log);
    QWebSocket *server = openConnected(client, optionsFor());
    QVERIFY(server);
    const quint32 conn = client.connectionId();
    QSignalSpy rtt(&client, &ClientConnection::rttMeasured);
    QCOMPARE(client.lastRttNs(), qint64(-1));
    client.ping("p1");
    QTRY_COMPARE_WITH_TIMEOUT(rtt.count(), 1, Timeout);
    QVERIFY(client.lastRttNs() > 0);
    QVERIFY(client.lastRttNs() < qint64(Timeout) * 1000000);
    const auto events = eventsOf(*m_log, conn, int(EventKind::Rtt));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].details.value("payload").toString(), QStringLiteral("p1"));
    QVERIFY(events[0].details.value("rttWireNs").toInteger() > 0);
    QVERIFY(events[0].details.contains("rttQtNs"));
    const auto out = framesOf(*m_log, conn, Direction::Out);
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].record.opcode, quint8(Opcode::Ping));

    // Auto-ping: a timer pings with a counter payload and each answer is measured.
    ClientConnection pinger(m_log);
    ConnectionOptions o = optionsFor();
    o.autoPingIntervalMs = 50;
    QVERIFY(openConnected(pinger, o));
    QSignalSpy autoRtt(&pinger, &ClientConnection::rttMeasured);
    QTRY_VERIFY_WITH_TIMEOUT(autoRtt.count() >= 3, Timeout);
    const auto autoEvents = eventsOf(*m_log, pinger.connectionId(), int(EventKind::Rtt));
    QVERIFY(autoEvents.size() >= 3);
    QCOMPARE(autoEvents[0].details.value("payload").toString(), QStringLiteral("wsscope-1"));
}

void TestTap::closeFromClient()
{
    ClientConnection client(m_log);
    QWebSocket *server = openConnected(client, optionsFor());
    QVERIFY(server);
    const quint32 conn = client.connectionId();
    QSignalSpy closed(&client, &ClientConnection::closed);
    client.close(4000, QStringLiteral("bye now"));
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, Timeout);
    QCOMPARE(closed.first().at(0).toInt(), 4000);
    QCOMPARE(client.state(), ClientConnection::State::Closed);
    QTRY_COMPARE_WITH_TIMEOUT(countKind(*m_log, conn, EventKind::Close), 1, Timeout);
    const QJsonObject close = eventsOf(*m_log, conn, int(EventKind::Close)).first().details;
    QCOMPARE(close.value("initiator").toString(), QStringLiteral("client"));
    QCOMPARE(close.value("code").toInt(), 4000);
    QCOMPARE(close.value("reason").toString(), QStringLiteral("bye now"));
    QCOMPARE(close.value("clean").toBool(), true);
    const auto out = framesOf(*m_log, conn, Direction::Out);
    const auto in = framesOf(*m_log, conn, Direction::In);
    QCOMPARE(out.last().record.opcode, quint8(Opcode::Close));
    QCOMPARE(in.last().record.opcode, quint8(Opcode::Close));
}

void TestTap::closeFromServer()
{
    ClientConnection client(m_log);
    QWebSocket *server = openConnected(client, optionsFor());
    QVERIFY(server);
    const quint32 conn = client.connectionId();
    QSignalSpy closed(&client, &ClientConnection::closed);
    server->close(QWebSocketProtocol::CloseCode(4001), QStringLiteral("custom"));
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, Timeout);
    QCOMPARE(closed.first().at(0).toInt(), 4001);
    QCOMPARE(closed.first().at(1).toString(), QStringLiteral("custom"));
    QCOMPARE(closed.first().at(2).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(countKind(*m_log, conn, EventKind::Close), 1, Timeout);
    const QJsonObject close = eventsOf(*m_log, conn, int(EventKind::Close)).first().details;
    QCOMPARE(close.value("initiator").toString(), QStringLiteral("server"));
    QCOMPARE(close.value("code").toInt(), 4001);
    QCOMPARE(close.value("reason").toString(), QStringLiteral("custom"));
    QCOMPARE(close.value("replyCode").toInt(), 4001); // QWebSocket echoes the code (RFC 6455 §5.5.1)
    QCOMPARE(close.value("clean").toBool(), true);
}

void TestTap::abruptServerReset()
{
    ClientConnection client(m_log);
    QWebSocket *server = openConnected(client, optionsFor());
    QVERIFY(server);
    const quint32 conn = client.connectionId();
    QSignalSpy closed(&client, &ClientConnection::closed);
    server->abort();
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, Timeout);
    QCOMPARE(closed.first().at(0).toInt(), 1006);
    QCOMPARE(closed.first().at(2).toBool(), false);
    QTRY_COMPARE_WITH_TIMEOUT(countKind(*m_log, conn, EventKind::Close), 1, Timeout);
    const QJsonObject close = eventsOf(*m_log, conn, int(EventKind::Close)).first().details;
    QCOMPARE(close.value("initiator").toString(), QStringLiteral("none"));
    QCOMPARE(close.value("code").toInt(), 1006);
    QCOMPARE(close.value("clean").toBool(), false);
    for (const auto &f : eventsOf(*m_log, conn, int(EventKind::Frame)))
        QVERIFY(f.record.opcode != Opcode::Close);
    const auto states = eventsOf(*m_log, conn, int(EventKind::State));
    QCOMPARE(states.last().details.value("state").toString(), QStringLiteral("disconnected"));
    QCOMPARE(states.last().details.value("code").toInt(), 1006);
}

void TestTap::brokenAnswers_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<int>("status");      // of the recorded response, 0: none recorded
    QTest::addColumn<QString>("failure"); // start of the failure the client reports
    QTest::addColumn<QString>("error");   // start of an error event recorded, empty: none expected
    QTest::newRow("no answer") << QByteArray() << 0 << QStringLiteral("The server at 127.0.0.1:")
                               << QStringLiteral("The server at 127.0.0.1:");
    QTest::newRow("half a status line")
        << QByteArray("HTTP/1.1 40") << 0 << QStringLiteral("The server at 127.0.0.1:")
        << QStringLiteral("The server at 127.0.0.1:");
    // The head is complete; only the body's framing is broken: status and headers are still recorded.
    QTest::newRow("bad content-length")
        << QByteArray("HTTP/1.1 500 Oops\r\nContent-Length: abc\r\nX-Id: 7\r\n\r\nbody") << 500
        << QStringLiteral("The server answered 500 Oops instead of switching protocols.")
        << QStringLiteral("The body of the server's answer is malformed: ");
    QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << 0 << QString()
                              << QStringLiteral("The server's answer is not valid HTTP: ");
}

// Answers a server should not give: whatever is recognisable is recorded, and the failure says what
// happened instead of only "the remote host closed the connection".
void TestTap::brokenAnswers()
{
    QFETCH(QByteArray, answer);
    QFETCH(int, status);
    QFETCH(QString, failure);
    QFETCH(QString, error);
    QTcpServer http;
    QVERIFY(http.listen(QHostAddress::LocalHost, 0));
    connect(&http, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *s = http.nextPendingConnection();
        connect(s, &QTcpSocket::readyRead, s, [s, answer] {
            if (!s->readAll().contains("\r\n\r\n"))
                return;
            s->write(answer);
            s->disconnectFromHost();
        });
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
    });
    ClientConnection client(m_log);
    QSignalSpy failed(&client, &ClientConnection::failed);
    ConnectionOptions o;
    o.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/broken").arg(http.serverPort()));
    client.open(o);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, Timeout);
    const QString message = failed.first().first().toString();
    if (!failure.isEmpty())
        QVERIFY2(message.startsWith(failure), qPrintable(message));
    const quint32 conn = client.connectionId();
    QTRY_VERIFY_WITH_TIMEOUT(!eventsOf(*m_log, conn, int(EventKind::Error)).isEmpty(), Timeout);
    const auto hs = eventsOf(*m_log, conn, int(EventKind::Handshake));
    int recorded = 0;
    for (const auto &h : hs)
        if (h.record.dir == Direction::In)
            recorded = h.details.value("status").toInt();
    QCOMPARE(recorded, status);
    bool found = false;
    for (const auto &e : eventsOf(*m_log, conn, int(EventKind::Error)))
        found = found || e.details.value("message").toString().startsWith(error);
    QVERIFY2(found,
             qPrintable(
                 eventsOf(*m_log, conn, int(EventKind::Error)).first().details.value("message").toString()));
    if (status == 500) {
        QCOMPARE(client.lastHttpStatus(), 500);
        QCOMPARE(hs.last().details.value("headers").toArray().size(), 2);
    }
}

// An attempt whose request the Tap refuses unparsed (a header name with a space) never takes its
// route; the next attempt of the same ClientConnection must not be recorded under that old one.
void TestTap::refusedRequestLeavesNoRoute()
{
    ClientConnection client(m_log);
    QSignalSpy failed(&client, &ClientConnection::failed);
    QSignalSpy opened(&client, &ClientConnection::opened);
    ConnectionOptions bad = optionsFor(QStringLiteral("/bad"));
    bad.headers = {{"Bad Name", "x"}};
    client.open(bad);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, Timeout);
    const quint32 first = client.connectionId();
    client.open(optionsFor(QStringLiteral("/good")));
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, Timeout);
    const quint32 second = client.connectionId();
    QVERIFY(second != first);
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf(*m_log, second, int(EventKind::Handshake)).size(), 2, Timeout);
    QCOMPARE(eventsOf(*m_log, second, int(EventKind::Handshake)).first().details.value("target").toString(),
             QStringLiteral("/good"));
    QCOMPARE(countKind(*m_log, first, EventKind::Handshake), 0);
    client.close();
}

void TestTap::non101Answer()
{
    QTcpServer http;
    QVERIFY(http.listen(QHostAddress::LocalHost, 0));
    const QByteArray body = R"({"error":"token expired"})";
    connect(&http, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *s = http.nextPendingConnection();
        connect(s, &QTcpSocket::readyRead, s, [s, body] {
            if (!s->readAll().contains("\r\n\r\n"))
                return;
            s->write("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\nWWW-Authenticate: Bearer\r\n\r\n" + body);
            s->disconnectFromHost();
        });
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
    });

    ClientConnection client(m_log);
    QSignalSpy failed(&client, &ClientConnection::failed);
    QSignalSpy opened(&client, &ClientConnection::opened);
    ConnectionOptions o;
    o.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/private").arg(http.serverPort()));
    client.open(o);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, Timeout);
    QCOMPARE(opened.count(), 0);
    QCOMPARE(failed.first().first().toString(),
             QStringLiteral("The server answered 401 Unauthorized instead of switching protocols."));
    QCOMPARE(client.lastHttpStatus(), 401);
    QCOMPARE(client.errorString(), failed.first().first().toString());
    QCOMPARE(client.state(), ClientConnection::State::Closed);
    const quint32 conn = client.connectionId();
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf(*m_log, conn, int(EventKind::Handshake)).size(), 2, Timeout);
    const auto hs = eventsOf(*m_log, conn, int(EventKind::Handshake));
    QCOMPARE(hs[1].record.dir, Direction::In);
    QCOMPARE(hs[1].details.value("status").toInt(), 401);
    QCOMPARE(hs[1].details.value("reason").toString(), QStringLiteral("Unauthorized"));
    QCOMPARE(hs[1].details.value("body").toString(), QString::fromUtf8(body));
    bool statusVerdict = false;
    for (const auto v : hs[1].details.value("verdicts").toArray()) {
        if (v.toObject().value("id").toString() == QLatin1String("status-101")) {
            statusVerdict = true;
            QCOMPARE(v.toObject().value("ok").toBool(), false);
        }
    }
    QVERIFY(statusVerdict);
}

void TestTap::refusedPort()
{
    quint16 port;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    ClientConnection client(m_log);
    QSignalSpy failed(&client, &ClientConnection::failed);
    ConnectionOptions o;
    o.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port));
    client.open(o);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, Timeout);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("refused the connection")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(message));
    QCOMPARE(client.lastHttpStatus(), 0);
    const auto errors = eventsOf(*m_log, client.connectionId(), int(EventKind::Error));
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors.first().details.value("where").toString(), QStringLiteral("upstream"));
    QCOMPARE(errors.first().details.value("message").toString(), message);
}

void TestTap::unknownHost()
{
    // RFC 6761 §6.4: ".invalid" never resolves.
    ClientConnection client(m_log);
    QSignalSpy failed(&client, &ClientConnection::failed);
    ConnectionOptions o;
    o.url = QUrl(QStringLiteral("ws://wsscope-test.invalid/"));
    client.open(o);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 15000);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.startsWith(QStringLiteral("The host name wsscope-test.invalid could not be resolved")),
             qPrintable(message));
    QCOMPARE(client.state(), ClientConnection::State::Closed);
}

void TestTap::handshakeHeadersInOrder()
{
    ClientConnection client(m_log);
    ConnectionOptions o = optionsFor(QStringLiteral("/echo?room=1"));
    o.headers = {{"X-Zulu", "1"}, {"X-Alpha", "two"}, {"Authorization", "Bearer abc"}};
    o.origin = QStringLiteral("https://example.org");
    QVERIFY(openConnected(client, o));
    const quint32 conn = client.connectionId();
    const auto hs = eventsOf(*m_log, conn, int(EventKind::Handshake));
    QCOMPARE(hs.size(), 2);
    const QJsonObject req = hs[0].details;
    QCOMPARE(hs[0].record.dir, Direction::Out);
    QCOMPARE(req.value("method").toString(), QStringLiteral("GET"));
    QCOMPARE(req.value("target").toString(), QStringLiteral("/echo?room=1"));
    QCOMPARE(req.value("version").toString(), QStringLiteral("HTTP/1.1"));
    QStringList names;
    QString host, origin;
    for (const auto h : req.value("headers").toArray()) {
        const QJsonArray pair = h.toArray();
        names << pair[0].toString();
        if (pair[0].toString().compare(QLatin1String("Host"), Qt::CaseInsensitive) == 0)
            host = pair[1].toString();
        if (pair[0].toString().compare(QLatin1String("Origin"), Qt::CaseInsensitive) == 0)
            origin = pair[1].toString();
    }
    const qsizetype z = names.indexOf(QStringLiteral("X-Zulu"));
    const qsizetype a = names.indexOf(QStringLiteral("X-Alpha"));
    const qsizetype auth = names.indexOf(QStringLiteral("Authorization"));
    QVERIFY(z >= 0 && a > z && auth > a); // wire order, not sorted
    QCOMPARE(host, QStringLiteral("127.0.0.1:%1").arg(m_server->serverPort()));
    QCOMPARE(origin, QStringLiteral("https://example.org"));
    QVERIFY(req.value("raw").toString().startsWith(QStringLiteral("GET /echo?room=1 HTTP/1.1\r\n")));

    const QJsonObject resp = hs[1].details;
    QCOMPARE(hs[1].record.dir, Direction::In);
    QCOMPARE(resp.value("status").toInt(), 101);
    bool accept = false;
    for (const auto v : resp.value("verdicts").toArray()) {
        const QJsonObject check = v.toObject();
        QVERIFY2(check.value("ok").toBool(), qPrintable(check.value("text").toString()));
        if (check.value("id").toString() == QLatin1String("accept"))
            accept = true;
    }
    QVERIFY(accept);
    QVERIFY(hs[0].record.timeNs <= hs[1].record.timeNs);
}

void TestTap::subprotocolNegotiated()
{
    ClientConnection client(m_log);
    ConnectionOptions o = optionsFor();
    o.subprotocols = {QStringLiteral("v2.other"), QStringLiteral("chat")};
    QVERIFY(openConnected(client, o));
    const auto hs = eventsOf(*m_log, client.connectionId(), int(EventKind::Handshake));
    QCOMPARE(hs.size(), 2);
    QString offered;
    for (const auto h : hs[0].details.value("headers").toArray())
        if (h.toArray()[0].toString().compare(QLatin1String("Sec-WebSocket-Protocol"), Qt::CaseInsensitive) ==
            0)
            offered = h.toArray()[1].toString();
    QVERIFY2(offered.contains(QLatin1String("v2.other")) && offered.contains(QLatin1String("chat")),
             qPrintable(offered));
    QCOMPARE(hs[1].details.value("subprotocol").toString(), QStringLiteral("chat"));
    const auto states = eventsOf(*m_log, client.connectionId(), int(EventKind::State));
    QVERIFY(states.size() >= 2);
    QCOMPARE(states[1].details.value("state").toString(), QStringLiteral("connected"));
    QCOMPARE(states[1].details.value("subprotocol").toString(), QStringLiteral("chat"));
}

void TestTap::autoReconnectBacksOff()
{
    quint16 port;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    ClientConnection client(m_log);
    QSignalSpy failed(&client, &ClientConnection::failed);
    ConnectionOptions o;
    o.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port));
    o.autoReconnect = true;
    o.reconnectMaxDelayMs = 1000;
    QElapsedTimer timer;
    timer.start();
    client.open(o);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 3, Timeout);
    // 500 ms, then 1000 ms (the cap) between the three attempts.
    QVERIFY2(timer.elapsed() >= 1400, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(client.state(), ClientConnection::State::Reconnecting);
    QList<int> delays;
    for (const auto &c : m_log->connections())
        for (const auto &e : eventsOf(*m_log, c.id, int(EventKind::State)))
            if (e.details.value("state").toString() == QLatin1String("reconnecting"))
                delays << e.details.value("delayMs").toInt();
    QVERIFY(delays.size() >= 3);
    QCOMPARE(delays.mid(0, 3), (QList<int>{500, 1000, 1000}));
    client.close();
    QCOMPARE(client.state(), ClientConnection::State::Closed);
}

void TestTap::upstreamProxyAndDefaultPort()
{
    // The Tap reaches the server through an HTTP proxy; the URL has the default port, so the
    // Host header must carry none (RFC 6455 §4.1) while the proxy is asked for host:80.
    ConnectProxy proxy(m_server->serverPort());
    ClientConnection client(m_log);
    ConnectionOptions o;
    o.url = QUrl(QStringLiteral("ws://ws.example.test/echo"));
    o.upstreamProxy = QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy.port());
    QVERIFY(openConnected(client, o));
    QCOMPARE(proxy.targets(), (QByteArrayList{"ws.example.test:80"}));
    const auto hs = eventsOf(*m_log, client.connectionId(), int(EventKind::Handshake));
    QCOMPARE(hs.size(), 2);
    QString host;
    for (const auto h : hs[0].details.value("headers").toArray())
        if (h.toArray()[0].toString().compare(QLatin1String("Host"), Qt::CaseInsensitive) == 0)
            host = h.toArray()[1].toString();
    QCOMPARE(host, QStringLiteral("ws.example.test"));
    client.sendText(QStringLiteral("via proxy"));
    QTRY_COMPARE_WITH_TIMEOUT(framesOf(*m_log, client.connectionId(), Direction::In).size(), 1, Timeout);

    // An explicit default port is dropped as well.
    ClientConnection explicitPort(m_log);
    o.url = QUrl(QStringLiteral("ws://ws.example.test:80/echo"));
    QVERIFY(openConnected(explicitPort, o));
    const auto hs2 = eventsOf(*m_log, explicitPort.connectionId(), int(EventKind::Handshake));
    QVERIFY(hs2.first().details.value("raw").toString().contains(
        QStringLiteral("\r\nHost: ws.example.test\r\n")));
}

void TestTap::proxyModeConnect()
{
    // An outside client using the Tap as its HTTP proxy (CONNECT, RFC 9110 §9.3.6) is recorded as a
    // connection of its own, aimed at the CONNECT target.
    Tap *tap = Tap::create(m_log);
    QVERIFY(tap);
    QWebSocket outside;
    outside.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), tap->port()));
    QSignalSpy connected(&outside, &QWebSocket::connected);
    QSignalSpy echoed(&outside, &QWebSocket::textMessageReceived);
    outside.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/echo").arg(m_server->serverPort())));
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, Timeout);
    outside.sendTextMessage(QStringLiteral("through CONNECT"));
    QTRY_COMPARE_WITH_TIMEOUT(echoed.count(), 1, Timeout);
    const QList<ConnectionRecord> connections = m_log->connections();
    QCOMPARE(connections.size(), 1);
    QCOMPARE(connections.first().details.value("source").toString(), QStringLiteral("proxy"));
    QCOMPARE(connections.first().details.value("url").toString(),
             QStringLiteral("ws://127.0.0.1:%1").arg(m_server->serverPort()));
    const quint32 conn = connections.first().id;
    QTRY_COMPARE_WITH_TIMEOUT(framesOf(*m_log, conn, Direction::In).size(), 1, Timeout);
    QCOMPARE(framesOf(*m_log, conn, Direction::Out).first().payload, QByteArray("through CONNECT"));
    QCOMPARE(eventsOf(*m_log, conn, int(EventKind::Handshake)).size(), 2);
    outside.abort();
    Tap::destroy(tap);
}

QTEST_GUILESS_MAIN(TestTap)
#include "tst_tap.moc"
