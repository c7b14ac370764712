// Drives the wsscope binary as a user or a CI script would, against real peers on 127.0.0.1.
#include "eventlog.h"
#include "peerprocess.h"
#include "sessionreader.h"
#include "wsscoperun.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace wsscope;
using namespace wsscope::test;

namespace {

using Peer = PeerProcess;

QList<qsizetype> framesOf(const EventLog &log, Direction dir, quint8 opcode)
{
    QList<qsizetype> out;
    for (qsizetype i = 0; i < log.size(); ++i) {
        const EventRecord r = log.at(i);
        if (r.kind == EventKind::Frame && r.dir == dir && r.opcode == opcode)
            out.append(i);
    }
    return out;
}

QList<qsizetype> eventsOf(const EventLog &log, EventKind kind)
{
    QList<qsizetype> out;
    for (qsizetype i = 0; i < log.size(); ++i) {
        if (log.at(i).kind == kind)
            out.append(i);
    }
    return out;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(WSSCOPE_EXE)), WSSCOPE_EXE);
        QVERIFY(m_dir.isValid());
    }

    void version()
    {
        const Run run = runWsscope({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QStringLiteral("WsScope " WSSCOPE_VERSION)), qPrintable(run.out));
    }

    void badArgumentsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no url") << QStringList{QStringLiteral("record"), QStringLiteral("--out"),
                                               QStringLiteral("x")};
        QTest::newRow("http url") << QStringList{QStringLiteral("record"),
                                                 QStringLiteral("http://127.0.0.1:1/"),
                                                 QStringLiteral("--out"), QStringLiteral("x")};
        QTest::newRow("bad hex") << QStringList{
            QStringLiteral("record"), QStringLiteral("ws://127.0.0.1:1/"), QStringLiteral("--out"),
            QStringLiteral("x"),      QStringLiteral("--send-binary"),     QStringLiteral("xyz")};
        QTest::newRow("bad close") << QStringList{
            QStringLiteral("record"), QStringLiteral("ws://127.0.0.1:1/"), QStringLiteral("--out"),
            QStringLiteral("x"),      QStringLiteral("--close"),           QStringLiteral("99")};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    }
    void badArgumentsExitTwo()
    {
        QFETCH(QStringList, args);
        const Run run = runWsscope(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.trimmed().isEmpty());
    }

    // Everything the real peer saw is in the session, message for message and byte for byte.
    void recordAgainstRealPeer()
    {
        if (!PeerProcess::unavailableReason().isEmpty())
            QSKIP("python3-websockets is not installed");
        const QString peerLog = m_dir.filePath(QStringLiteral("peer.log"));
        Peer peer;
        QVERIFY(
            peer.start({QStringLiteral("--mode"), QStringLiteral("echo"), QStringLiteral("--log"), peerLog}));
        const QString out = m_dir.filePath(QStringLiteral("echo.wsscope"));
        const QString url = QStringLiteral("ws://127.0.0.1:%1/echo").arg(peer.port());
        const Run run =
            runWsscope({QStringLiteral("record"), url, QStringLiteral("--out"), out,
                        QStringLiteral("--header"), QStringLiteral("X-Trace: 42"), QStringLiteral("--send"),
                        QStringLiteral("{\"b\":1,\"a\":[1.0,2]}"), QStringLiteral("--send-binary"),
                        QStringLiteral("00ff10"), QStringLiteral("--ping"), QStringLiteral("hello"),
                        QStringLiteral("--send"), QStringLiteral("Grüße ✓"), QStringLiteral("--close"),
                        QStringLiteral("4000:bye")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("Recorded")), qPrintable(run.out));

        EventLog log;
        SessionReader reader;
        QVERIFY2(reader.read(out, &log), qPrintable(reader.errorString()));
        QCOMPARE(reader.problemCount(), 0);

        const auto outText = framesOf(log, Direction::Out, 0x1);
        const auto inText = framesOf(log, Direction::In, 0x1);
        QCOMPARE(outText.size(), 2);
        QCOMPARE(inText.size(), 2);
        QCOMPARE(log.payload(outText[0]), QByteArray("{\"b\":1,\"a\":[1.0,2]}"));
        QCOMPARE(log.payload(outText[1]), QStringLiteral("Grüße ✓").toUtf8());
        QCOMPARE(log.payload(inText[0]), log.payload(outText[0]));
        QCOMPARE(log.payload(inText[1]), log.payload(outText[1]));
        for (qsizetype i : outText)
            QVERIFY(log.at(i).masked());
        for (qsizetype i : inText)
            QVERIFY(!log.at(i).masked());
        const auto outBinary = framesOf(log, Direction::Out, 0x2);
        QCOMPARE(outBinary.size(), 1);
        QCOMPARE(log.payload(outBinary[0]), QByteArray::fromHex("00ff10"));
        QCOMPARE(framesOf(log, Direction::In, 0x2).size(), 1);
        const auto pings = framesOf(log, Direction::Out, 0x9);
        const auto pongs = framesOf(log, Direction::In, 0xA);
        QCOMPARE(pings.size(), 1);
        QCOMPARE(pongs.size(), 1);
        QCOMPARE(log.payload(pongs[0]), QByteArray("hello"));

        const auto closes = eventsOf(log, EventKind::Close);
        QCOMPARE(closes.size(), 1);
        const QJsonObject close = log.details(closes[0]);
        QCOMPARE(close.value(QStringLiteral("code")).toInt(), 4000);
        QCOMPARE(close.value(QStringLiteral("reason")).toString(), QStringLiteral("bye"));
        QCOMPARE(close.value(QStringLiteral("initiator")).toString(), QStringLiteral("client"));
        QVERIFY(close.value(QStringLiteral("clean")).toBool());

        // What the peer received, in order, equals what the session says went out.
        QList<QByteArray> peerReceived;
        bool peerSawHeader = false;
        for (const QJsonObject &e : PeerProcess::readLog(peerLog)) {
            if (e.value(QStringLiteral("event")) == QLatin1String("received"))
                peerReceived.append(
                    QByteArray::fromBase64(e.value(QStringLiteral("data_b64")).toString().toLatin1()));
            if (e.value(QStringLiteral("event")) == QLatin1String("connected")) {
                for (const QJsonValue &h : e.value(QStringLiteral("request_headers")).toArray()) {
                    const QJsonArray pair = h.toArray();
                    if (pair.at(0).toString().compare(QLatin1String("X-Trace"), Qt::CaseInsensitive) == 0 &&
                        pair.at(1).toString() == QLatin1String("42"))
                        peerSawHeader = true;
                }
            }
        }
        QVERIFY(peerSawHeader);
        QCOMPARE(peerReceived.size(), 3);
        QCOMPARE(peerReceived[0], log.payload(outText[0]));
        QCOMPARE(peerReceived[1], log.payload(outBinary[0]));
        QCOMPARE(peerReceived[2], log.payload(outText[1]));

        // show prints the same session as a readable timeline.
        const Run shown = runWsscope({QStringLiteral("show"), out});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.contains(QStringLiteral("GET /echo HTTP/1.1")), qPrintable(shown.out));
        QVERIFY2(shown.out.contains(QStringLiteral("101")), qPrintable(shown.out));
        QVERIFY2(shown.out.contains(QStringLiteral("Grüße ✓")), qPrintable(shown.out));
        QVERIFY2(shown.out.contains(QStringLiteral("Ping")) && shown.out.contains(QStringLiteral("Pong")),
                 qPrintable(shown.out));
        QVERIFY2(shown.out.contains(QStringLiteral("4000")), qPrintable(shown.out));
    }

    void serverCloseIsRecorded()
    {
        if (!PeerProcess::unavailableReason().isEmpty())
            QSKIP("python3-websockets is not installed");
        Peer peer;
        QVERIFY(peer.start({QStringLiteral("--mode"), QStringLiteral("script")}));
        const QString out = m_dir.filePath(QStringLiteral("server-close.wsscope"));
        const Run run = runWsscope(
            {QStringLiteral("record"), QStringLiteral("ws://127.0.0.1:%1/").arg(peer.port()),
             QStringLiteral("--out"), out, QStringLiteral("--send"), QStringLiteral("close 4001 custom"),
             QStringLiteral("--linger"), QStringLiteral("3000")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        EventLog log;
        SessionReader reader;
        QVERIFY(reader.read(out, &log));
        const auto closes = eventsOf(log, EventKind::Close);
        QCOMPARE(closes.size(), 1);
        const QJsonObject close = log.details(closes[0]);
        QCOMPARE(close.value(QStringLiteral("code")).toInt(), 4001);
        QCOMPARE(close.value(QStringLiteral("reason")).toString(), QStringLiteral("custom"));
        QCOMPARE(close.value(QStringLiteral("initiator")).toString(), QStringLiteral("server"));
    }

    void refusedConnectionExitsOne()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        const QString out = m_dir.filePath(QStringLiteral("refused.wsscope"));
        const Run run = runWsscope({QStringLiteral("record"), QStringLiteral("ws://127.0.0.1:%1/").arg(port),
                                    QStringLiteral("--out"), out});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(run.err));
    }

    // A server that will not upgrade: the answer and its body are kept for the user to read.
    void non101AnswerIsRecorded()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        connect(&server, &QTcpServer::newConnection, this, [&server] {
            QTcpSocket *socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                if (!socket->readAll().contains("\r\n\r\n"))
                    return;
                const QByteArray body = "{\"error\":\"token expired\"}";
                socket->write(
                    "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        });
        const QString out = m_dir.filePath(QStringLiteral("401.wsscope"));
        const Run run = runWsscope({QStringLiteral("record"),
                                    QStringLiteral("ws://127.0.0.1:%1/private").arg(server.serverPort()),
                                    QStringLiteral("--out"), out});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("401")), qPrintable(run.err));
        EventLog log;
        SessionReader reader;
        QVERIFY(reader.read(out, &log));
        bool found = false;
        for (qsizetype i : eventsOf(log, EventKind::Handshake)) {
            const EventRecord r = log.at(i);
            const QJsonObject d = log.details(i);
            if (r.dir == Direction::In && d.value(QStringLiteral("status")).toInt() == 401) {
                found = true;
                QVERIFY2(d.value(QStringLiteral("body")).toString().contains(QStringLiteral("token expired")),
                         qPrintable(QJsonDocument(d).toJson()));
            }
        }
        QVERIFY(found);
    }

    void tlsNeedsTrust()
    {
        if (!PeerProcess::unavailableReason().isEmpty())
            QSKIP("python3-websockets is not installed");
        const QString certDir = m_dir.filePath(QStringLiteral("certs"));
        QCOMPARE(QProcess::execute(QStringLiteral("sh"),
                                   {QStringLiteral(WSSCOPE_TEST_PEERS "/make_cert.sh"), certDir}),
                 0);
        Peer peer;
        QVERIFY(peer.start({QStringLiteral("--tls"), certDir + QStringLiteral("/server.pem"),
                            certDir + QStringLiteral("/server.key"), QStringLiteral("--mode"),
                            QStringLiteral("echo")}));
        const QString url = QStringLiteral("wss://localhost:%1/secure").arg(peer.port());
        const QString out = m_dir.filePath(QStringLiteral("tls.wsscope"));

        const Run refused = runWsscope({QStringLiteral("record"), url, QStringLiteral("--out"), out,
                                        QStringLiteral("--send"), QStringLiteral("x")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
                 qPrintable(refused.err));

        const Run insecure =
            runWsscope({QStringLiteral("record"), url, QStringLiteral("--out"), out, QStringLiteral("--send"),
                        QStringLiteral("x"), QStringLiteral("--insecure")});
        QVERIFY2(insecure.exitCode == 0, qPrintable(insecure.err + insecure.out));

        const Run trusted = runWsscope({QStringLiteral("record"), url, QStringLiteral("--out"), out,
                                        QStringLiteral("--send"), QStringLiteral("over tls"),
                                        QStringLiteral("--cacert"), certDir + QStringLiteral("/ca.pem")});
        QVERIFY2(trusted.exitCode == 0, qPrintable(trusted.err + trusted.out));
        EventLog log;
        SessionReader reader;
        QVERIFY(reader.read(out, &log));
        const auto inText = framesOf(log, Direction::In, 0x1);
        QCOMPARE(inText.size(), 1);
        QCOMPARE(log.payload(inText[0]), QByteArray("over tls"));

        // A server that requires a client certificate: refused without one, with a hint; accepted
        // with --cert and --key.
        Peer mtls;
        QVERIFY(mtls.start({QStringLiteral("--tls"), certDir + QStringLiteral("/server.pem"),
                            certDir + QStringLiteral("/server.key"), QStringLiteral("--client-ca"),
                            certDir + QStringLiteral("/ca.pem"), QStringLiteral("--mode"),
                            QStringLiteral("echo")}));
        const QString mtlsUrl = QStringLiteral("wss://localhost:%1/mtls").arg(mtls.port());
        const QStringList base{QStringLiteral("record"),   mtlsUrl,
                               QStringLiteral("--out"),    out,
                               QStringLiteral("--send"),   QStringLiteral("mutual"),
                               QStringLiteral("--cacert"), certDir + QStringLiteral("/ca.pem")};
        const Run noCert = runWsscope(base);
        QCOMPARE(noCert.exitCode, 1);
        QVERIFY2(noCert.err.contains(QStringLiteral("--cert and --key")), qPrintable(noCert.err));
        const Run withCert =
            runWsscope(base + QStringList{QStringLiteral("--cert"), certDir + QStringLiteral("/client.pem"),
                                          QStringLiteral("--key"), certDir + QStringLiteral("/client.key")});
        QVERIFY2(withCert.exitCode == 0, qPrintable(withCert.err + withCert.out));
        const Run missing = runWsscope(
            base + QStringList{QStringLiteral("--cert"), certDir + QStringLiteral("/nothing.pem")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("nothing.pem")), qPrintable(missing.err));
    }

    void recordAgainstDemoServer()
    {
        QProcess demo;
        demo.start(QStringLiteral(WSSCOPE_EXE),
                   {QStringLiteral("demo-server"), QStringLiteral("--rate"), QStringLiteral("20"),
                    QStringLiteral("--seconds"), QStringLiteral("30")});
        QVERIFY(demo.waitForStarted());
        QVERIFY(demo.waitForReadyRead(10000));
        const QByteArray line = demo.readLine().trimmed();
        QVERIFY2(line.startsWith("LISTENING ws://127.0.0.1:"), line.constData());
        const QString url = QString::fromLatin1(line.mid(10));
        const QString out = m_dir.filePath(QStringLiteral("demo.wsscope"));
        const Run run = runWsscope({QStringLiteral("record"), url, QStringLiteral("--out"), out,
                                    QStringLiteral("--duration"), QStringLiteral("1.5")});
        // The /echo channel streams nothing: the welcome, then what it is sent.
        QString echoUrl = url;
        echoUrl.replace(QStringLiteral("/feed"), QStringLiteral("/echo"));
        const QString echoOut = m_dir.filePath(QStringLiteral("demo-echo.wsscope"));
        const Run echo = runWsscope({QStringLiteral("record"), echoUrl, QStringLiteral("--out"), echoOut,
                                     QStringLiteral("--send"), QStringLiteral("hello echo"),
                                     QStringLiteral("--duration"), QStringLiteral("1")});
        demo.kill();
        demo.waitForFinished();
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        EventLog log;
        SessionReader reader;
        QVERIFY(reader.read(out, &log));
        QVERIFY2(framesOf(log, Direction::In, 0x1).size() >= 10, "the demo streams ticker updates");

        QVERIFY2(echo.exitCode == 0, qPrintable(echo.err + echo.out));
        EventLog echoLog;
        QVERIFY(SessionReader().read(echoOut, &echoLog));
        const auto inText = framesOf(echoLog, Direction::In, 0x1);
        QCOMPARE(inText.size(), 2);
        QVERIFY(echoLog.payload(inText[0]).contains("\"channels\":[\"echo\"]"));
        QCOMPARE(echoLog.payload(inText[1]), QByteArray("hello echo"));
    }

    void showReportsBadLines()
    {
        const QString path = m_dir.filePath(QStringLiteral("garbage.wsscope"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "{\"format\":\"wsscope-session\",\"version\":1}\n"
            "{\"type\":\"connection\",\"conn\":1,\"url\":\"ws://x/\",\"source\":\"client\","
            "\"started\":\"2026-01-01T00:00:00.000Z\"}\n"
            "this is not json\n"
            "{\"type\":\"frame\",\"conn\":1,\"t\":5.5,\"dir\":\"in\",\"fin\":true,\"rsv\":0,\"opcode\":1,"
            "\"masked\":false,\"len\":2,\"text\":\"hi\",\"truncated\":false}\n");
        file.close();
        const Run run = runWsscope({QStringLiteral("show"), path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QStringLiteral("line 3")), qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("hi")), qPrintable(run.out));

        const QString notSession = m_dir.filePath(QStringLiteral("not-a-session.txt"));
        QFile other(notSession);
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("hello world\n");
        other.close();
        const Run refused = runWsscope({QStringLiteral("show"), notSession});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(!refused.err.isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
