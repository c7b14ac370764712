#include "capturetesthelpers.h"
#include "clientconnection.h"
#include "connectproxy.h"
#include "eventlog.h"
#include "peerprocess.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace wsscope;
using namespace wsscope::test;

namespace {
constexpr int Timeout = 10000;
}

// wss:// through the Tap: QWebSocket speaks ws:// to the Tap, the Tap does TLS upstream and
// verifies the server like a browser would.
class TestTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refusedWithoutTrust();
    void acceptedWhenInsecureAllowed();
    void acceptedWithCaFile();
    void wrongHostNameRefused();
    void defaultPortThroughProxy();
    void clientCertificateRequired();
    void serverAlertExplained();

private:
    ConnectionOptions options(const QString &host = QStringLiteral("localhost")) const;
    // Opens, echoes one message, closes; returns the connection id (0 on failure).
    quint32 roundTrip(EventLog &log, const ConnectionOptions &o);

    QString m_skip;
    QTemporaryDir m_dir;
    PeerProcess m_peer;
    quint16 m_port = 0;
};

void TestTls::initTestCase()
{
    m_skip = PeerProcess::unavailableReason();
    if (!m_skip.isEmpty())
        return;
    QVERIFY(m_dir.isValid());
    QProcess cert;
    cert.start(QStringLiteral("/bin/sh"), {QStringLiteral(WSSCOPE_TEST_PEERS "/make_cert.sh"), m_dir.path()});
    QVERIFY(cert.waitForFinished(30000));
    QVERIFY2(cert.exitCode() == 0, cert.readAllStandardError().constData());
    m_port = m_peer.start({QStringLiteral("--tls"), m_dir.filePath(QStringLiteral("server.pem")),
                           m_dir.filePath(QStringLiteral("server.key")), QStringLiteral("--lifetime"),
                           QStringLiteral("120")});
    QVERIFY2(m_port != 0, qPrintable(m_peer.error()));
}

ConnectionOptions TestTls::options(const QString &host) const
{
    ConnectionOptions o;
    o.url = QUrl(QStringLiteral("wss://%1:%2/secure").arg(host).arg(m_port));
    return o;
}

quint32 TestTls::roundTrip(EventLog &log, const ConnectionOptions &o)
{
    ClientConnection client(&log);
    QSignalSpy opened(&client, &ClientConnection::opened);
    QSignalSpy failed(&client, &ClientConnection::failed);
    QSignalSpy closed(&client, &ClientConnection::closed);
    client.open(o);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(opened.count() + failed.count() > 0, Timeout); }();
    if (opened.count() != 1) {
        qWarning() << "failed:" << (failed.isEmpty() ? QString() : failed.first().first().toString());
        return 0;
    }
    const quint32 conn = client.connectionId();
    client.sendText(QStringLiteral("over tls"));
    [&] { QTRY_COMPARE_WITH_TIMEOUT(framesOf(log, conn, Direction::In).size(), 1, Timeout); }();
    client.close();
    [&] { QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, Timeout); }();
    return conn;
}

void TestTls::refusedWithoutTrust()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    EventLog log;
    ClientConnection client(&log);
    QSignalSpy failed(&client, &ClientConnection::failed);
    QSignalSpy opened(&client, &ClientConnection::opened);
    client.open(options());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, Timeout);
    QCOMPARE(opened.count(), 0);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.startsWith(QStringLiteral("The server's certificate is not trusted (")),
             qPrintable(message));
    QVERIFY2(
        message.endsWith(QStringLiteral("Add its CA with --cacert or allow insecure for this connection.")),
        qPrintable(message));
    const quint32 conn = client.connectionId();

    // The certificate the server showed is recorded with its details.
    const auto tls = eventsOf(log, conn, int(EventKind::Tls));
    QCOMPARE(tls.size(), 1);
    const QJsonObject d = tls.first().details;
    QCOMPARE(d.value("event").toString(), QStringLiteral("certificateErrors"));
    QCOMPARE(d.value("accepted").toBool(), false);
    QVERIFY(!d.value("errors").toArray().isEmpty());
    QVERIFY(!d.value("errors").toArray().first().toObject().value("text").toString().isEmpty());
    const QJsonObject cert = d.value("certificate").toObject();
    QVERIFY2(cert.value("subject").toString().contains(QStringLiteral("CN=localhost")),
             qPrintable(cert.value("subject").toString()));
    QVERIFY2(cert.value("issuer").toString().contains(QStringLiteral("CN=WsScope Test CA")),
             qPrintable(cert.value("issuer").toString()));
    QCOMPARE(cert.value("sha256").toString().size(), 32 * 3 - 1);
    QVERIFY(!cert.value("notBefore").toString().isEmpty());
    QVERIFY(!cert.value("notAfter").toString().isEmpty());

    const auto errors = eventsOf(log, conn, int(EventKind::Error));
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors.first().details.value("where").toString(), QStringLiteral("tls"));
    QCOMPARE(errors.first().details.value("message").toString(), message);
    QCOMPARE(countKind(log, conn, EventKind::Handshake), 0); // nothing went to the server in clear
}

void TestTls::acceptedWhenInsecureAllowed()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    EventLog log;
    ConnectionOptions o = options();
    o.tls.allowInsecure = true;
    const quint32 conn = roundTrip(log, o);
    QVERIFY(conn != 0);
    const auto tls = eventsOf(log, conn, int(EventKind::Tls));
    QCOMPARE(tls.size(), 2); // the errors, accepted, then the session
    QCOMPARE(tls[0].details.value("accepted").toBool(), true);
    QCOMPARE(tls[1].details.value("event").toString(), QStringLiteral("encrypted"));
    QVERIFY(tls[1].details.value("protocol").toString().startsWith(QStringLiteral("TLS 1.")));
    QVERIFY(!tls[1].details.value("cipher").toString().isEmpty());
}

void TestTls::acceptedWithCaFile()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    EventLog log;
    ConnectionOptions o = options();
    o.tls.caFile = m_dir.filePath(QStringLiteral("ca.pem"));
    const quint32 conn = roundTrip(log, o);
    QVERIFY(conn != 0);
    const auto tls = eventsOf(log, conn, int(EventKind::Tls));
    QCOMPARE(tls.size(), 1); // verified: no certificate errors
    const QJsonObject session = tls.first().details;
    QCOMPARE(session.value("event").toString(), QStringLiteral("encrypted"));
    QVERIFY2(session.value("protocol").toString().startsWith(QStringLiteral("TLS 1.")),
             qPrintable(session.value("protocol").toString()));
    QVERIFY(!session.value("cipher").toString().isEmpty());
    QCOMPARE(session.value("peerName").toString(), QStringLiteral("localhost"));
    const QJsonArray chain = session.value("chain").toArray();
    QVERIFY(!chain.isEmpty());
    QVERIFY(chain.first().toObject().value("subject").toString().contains(QStringLiteral("CN=localhost")));

    // QWebSocket spoke ws:// to the Tap, but the server saw the handshake it expects: the Host header
    // names the wss:// host and port, and frames went through unchanged.
    const auto hs = eventsOf(log, conn, int(EventKind::Handshake));
    QCOMPARE(hs.size(), 2);
    QString host;
    for (const auto h : hs[0].details.value("headers").toArray())
        if (h.toArray()[0].toString().compare(QLatin1String("Host"), Qt::CaseInsensitive) == 0)
            host = h.toArray()[1].toString();
    QCOMPARE(host, QStringLiteral("localhost:%1").arg(m_port));
    QCOMPARE(hs[1].details.value("status").toInt(), 101);
    QCOMPARE(framesOf(log, conn, Direction::In).first().payload, QByteArray("over tls"));
    QCOMPARE(log.connection(conn).details.value("url").toString(), options().url.toString());
}

void TestTls::wrongHostNameRefused()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    // Trusted CA, but the certificate does not name this host (RFC 6125).
    EventLog log;
    ClientConnection client(&log);
    QSignalSpy failed(&client, &ClientConnection::failed);
    ConnectionOptions o = options(QStringLiteral("127.0.0.1"));
    o.tls.caFile = m_dir.filePath(QStringLiteral("ca.pem"));
    o.tls.peerName = QStringLiteral("example.org");
    client.open(o);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, Timeout);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("issued for another host name")), qPrintable(message));
}

void TestTls::defaultPortThroughProxy()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    // wss://localhost/ means port 443: QWebSocket gets ws://localhost/ so its Host header has no port,
    // which is what a server behind the default port expects (no added ":443").
    ConnectProxy proxy(m_port);
    EventLog log;
    ConnectionOptions o;
    o.url = QUrl(QStringLiteral("wss://localhost/secure"));
    o.tls.caFile = m_dir.filePath(QStringLiteral("ca.pem"));
    o.upstreamProxy = QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy.port());
    const quint32 conn = roundTrip(log, o);
    QVERIFY(conn != 0);
    QCOMPARE(proxy.targets(), (QByteArrayList{"localhost:443"}));
    const auto hs = eventsOf(log, conn, int(EventKind::Handshake));
    QVERIFY2(hs.first().details.value("raw").toString().contains(QStringLiteral("\r\nHost: localhost\r\n")),
             qPrintable(hs.first().details.value("raw").toString()));
}

QTEST_GUILESS_MAIN(TestTls)

// Mutual TLS: a second peer requires a client certificate signed by the test CA. Without one the server
// ends the TLS handshake and the connection fails with the reason recorded; with the certificate and key
// from the connection's options it is accepted.
void TestTls::clientCertificateRequired()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    PeerProcess mtls;
    const quint16 port = mtls.start({QStringLiteral("--tls"), m_dir.filePath(QStringLiteral("server.pem")),
                                     m_dir.filePath(QStringLiteral("server.key")),
                                     QStringLiteral("--client-ca"), m_dir.filePath(QStringLiteral("ca.pem")),
                                     QStringLiteral("--lifetime"), QStringLiteral("60")});
    QVERIFY2(port != 0, qPrintable(mtls.error()));
    ConnectionOptions o;
    o.url = QUrl(QStringLiteral("wss://localhost:%1/mtls").arg(port));
    o.tls.caFile = m_dir.filePath(QStringLiteral("ca.pem"));

    {
        EventLog log;
        ClientConnection client(&log);
        QSignalSpy failed(&client, &ClientConnection::failed);
        QSignalSpy opened(&client, &ClientConnection::opened);
        client.open(o);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, Timeout);
        QCOMPARE(opened.count(), 0);
        const QString message = failed.first().first().toString();
        // The Python peer's TLS layer drops the connection without an alert: the message says what
        // that usually means.
        QVERIFY2(message.startsWith(
                     QStringLiteral("The server at localhost:%1 closed the connection after the TLS "
                                    "handshake without answering the upgrade request.")
                         .arg(port)),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("--cert")), qPrintable(message));
        const auto errors = eventsOf(log, client.connectionId(), int(EventKind::Error));
        QVERIFY(!errors.isEmpty());
        for (const auto &hs : eventsOf(log, client.connectionId(), int(EventKind::Handshake)))
            QVERIFY(hs.details.value("status").toInt() != 101); // no upgrade without the certificate
    }

    {
        EventLog log;
        ConnectionOptions withCert = o;
        withCert.tls.clientCertFile = m_dir.filePath(QStringLiteral("client.pem"));
        withCert.tls.clientKeyFile = m_dir.filePath(QStringLiteral("client.key"));
        const quint32 conn = roundTrip(log, withCert);
        QVERIFY(conn != 0);
        const auto tls = eventsOf(log, conn, int(EventKind::Tls));
        QCOMPARE(tls.size(), 1);
        QCOMPARE(tls.first().details.value("event").toString(), QStringLiteral("encrypted"));
    }

    {
        // A client certificate file that is not there is said before anything is sent.
        EventLog log;
        ConnectionOptions missing = o;
        missing.tls.clientCertFile = m_dir.filePath(QStringLiteral("no-such.pem"));
        missing.tls.clientKeyFile = m_dir.filePath(QStringLiteral("client.key"));
        ClientConnection client(&log);
        QSignalSpy failed(&client, &ClientConnection::failed);
        client.open(missing);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, Timeout);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("no-such.pem")), qPrintable(message));
    }
}

// OpenSSL's own test server, which ends a TLS 1.3 connection without a client certificate with the
// certificate_required alert (RFC 8446 §6.2): the alert is recorded and named in the failure.
void TestTls::serverAlertExplained()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl is not installed");
    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(openssl,
                 {QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("-cert"), m_dir.filePath(QStringLiteral("server.pem")),
                  QStringLiteral("-key"), m_dir.filePath(QStringLiteral("server.key")),
                  QStringLiteral("-CAfile"), m_dir.filePath(QStringLiteral("ca.pem")),
                  QStringLiteral("-Verify"), QStringLiteral("1"), QStringLiteral("-verify_return_error"),
                  QStringLiteral("-naccept"), QStringLiteral("1")});
    QVERIFY(server.waitForStarted(Timeout));
    const auto stop = qScopeGuard([&] {
        server.kill();
        server.waitForFinished(Timeout);
    });
    const QRegularExpression accept(QStringLiteral("ACCEPT 127\\.0\\.0\\.1:(\\d+)"));
    QByteArray output;
    QRegularExpressionMatch match;
    QTRY_VERIFY_WITH_TIMEOUT(
        (output += server.readAll(), match = accept.match(QString::fromLatin1(output)), match.hasMatch()),
        Timeout);
    ConnectionOptions o;
    o.url = QUrl(QStringLiteral("wss://localhost:%1/alert").arg(match.captured(1)));
    o.tls.caFile = m_dir.filePath(QStringLiteral("ca.pem"));

    EventLog log;
    ClientConnection client(&log);
    QSignalSpy failed(&client, &ClientConnection::failed);
    client.open(o);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, Timeout);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.startsWith(
                 QStringLiteral("The server at localhost:%1 requires a client certificate (TLS alert: "
                                "certificate_required (116)). ")
                     .arg(match.captured(1))),
             qPrintable(message));
    bool alert = false;
    for (const auto &e : eventsOf(log, client.connectionId(), int(EventKind::Tls)))
        alert = alert || (e.details.value("event").toString() == QLatin1String("alert") &&
                          e.details.value("level").toString() == QLatin1String("fatal") &&
                          e.details.value("alert").toInt() == 116);
    QVERIFY(alert);
}

#include "tst_tls.moc"
