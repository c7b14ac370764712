#include "tunnel.h"

#include "tlsinfo.h"
#include "utf8validator.h"
#include "violation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>
#include <cstring>

namespace wsscope {

namespace {

QJsonArray headersJson(const HeaderList &headers)
{
    QJsonArray a;
    for (const auto &h : headers)
        a.append(QJsonArray{QString::fromLatin1(h.first), QString::fromUtf8(h.second)});
    return a;
}

// Text stays readable in the session file; anything else goes as base64 beside an encoding key.
void insertBytes(QJsonObject &o, const QString &key, const QByteArray &bytes)
{
    if (Utf8Validator::isValid(bytes.constData(), bytes.size())) {
        o.insert(key, QString::fromUtf8(bytes));
    } else {
        o.insert(key, QString::fromLatin1(bytes.toBase64()));
        o.insert(key + QStringLiteral("Encoding"), QStringLiteral("base64"));
    }
}

QByteArray readPem(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QSslKey loadKey(const QString &path)
{
    const QByteArray pem = readPem(path);
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

} // namespace

QByteArray Tunnel::hostHeaderFor(const QUrl &url)
{
    // RFC 7230 §5.4 / RFC 6455 §4.1: host, and the port only when it is not the scheme's default.
    const bool secure = url.scheme() == QLatin1String("wss");
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']'; // IPv6 literal
    const int port = url.port(secure ? 443 : 80);
    if (port != (secure ? 443 : 80))
        host += ':' + QByteArray::number(port);
    return host;
}

QByteArray Tunnel::rewriteHost(const QByteArray &head, const QByteArray &host)
{
    // Only the Host line changes; every other byte, header order and case included, stays as sent.
    QByteArrayList lines = head.split('\n');
    bool replaced = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).trimmed().toLower() != "host")
            continue;
        line = line.left(colon + 1) + ' ' + host + (line.endsWith('\r') ? "\r" : "");
        replaced = true;
        break;
    }
    if (!replaced && lines.size() > 1)
        lines.insert(1, "Host: " + host + '\r');
    return lines.join('\n');
}

Tunnel::Tunnel(Tap *tap, QTcpSocket *client) : QObject(tap), m_tap(tap), m_sink(tap->sink()), m_client(client)
{
    m_client->setParent(this);
    m_client->setReadBufferSize(ReadBufferSize);
    // Frames are small and interactive: do not let Nagle hold a ping back behind a delayed ACK.
    m_client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_client, &QTcpSocket::readyRead, this, [this] {
        if (m_phase == Phase::ReadingConnect)
            readConnect();
        else
            pumpOut();
    });
    connect(m_client, &QTcpSocket::bytesWritten, this, &Tunnel::pumpIn);
    connect(m_client, &QTcpSocket::disconnected, this, &Tunnel::onClientDisconnected);
    if (m_client->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &Tunnel::readConnect, Qt::QueuedConnection);
}

Tunnel::~Tunnel()
{
    m_client->disconnect(this);
    if (m_upstream)
        m_upstream->disconnect(this);
    if (m_phase != Phase::Done)
        finish();
}

QString Tunnel::endpoint() const
{
    const bool secure = m_route.url.scheme() == QLatin1String("wss");
    return QStringLiteral("%1:%2").arg(m_route.url.host()).arg(m_route.url.port(secure ? 443 : 80));
}

void Tunnel::readConnect()
{
    if (m_phase != Phase::ReadingConnect)
        return;
    const qint64 t = monotonicNs();
    // Read only what the CONNECT head may need; bytes after it stay with the tunnel's payload.
    const QByteArray chunk = m_client->readAll();
    if (chunk.isEmpty())
        return;
    switch (m_connectParser.feed(chunk)) {
    case HandshakeParser::Status::NeedMore:
        return;
    case HandshakeParser::Status::Error:
        answerClient("HTTP/1.1 400 Bad Request", m_connectParser.errorString().toUtf8());
        m_phase = Phase::Failed;
        m_client->disconnectFromHost();
        return;
    case HandshakeParser::Status::Done:
        m_pendingOut = m_connectParser.leftover();
        handleConnect(t);
        return;
    }
}

void Tunnel::handleConnect(qint64 timeNs)
{
    const HttpRequest &req = m_connectParser.request();
    if (req.method != "CONNECT") {
        // A ClientConnection's QWebSocket talks to the Tap directly: its first request is the upgrade
        // itself, whose Host header names the Tap. It goes upstream with the Host of the route's URL.
        if (!m_tap->takeRoute(&m_route)) {
            answerClient("HTTP/1.1 405 Method Not Allowed",
                         "WsScope relays CONNECT requests (RFC 9110 section 9.3.6).\n");
            m_phase = Phase::Failed;
            m_client->disconnectFromHost();
            return;
        }
        m_direct = true;
        m_pendingOut = rewriteHost(req.raw, hostHeaderFor(m_route.url)) + m_connectParser.leftover();
        m_outDecoder.setPayloadCap(m_route.payloadCap);
        m_inDecoder.setPayloadCap(m_route.payloadCap);
        startUpstream();
        return;
    }
    if (!m_tap->takeRoute(&m_route)) {
        // Proxy mode: an outside client names its target; record it as a connection of its own.
        m_route = TapRoute();
        m_route.url = QUrl(QStringLiteral("ws://") + QString::fromLatin1(req.target));
        QJsonObject details;
        details.insert(QStringLiteral("url"), m_route.url.toString());
        details.insert(QStringLiteral("source"), QStringLiteral("proxy"));
        details.insert(QStringLiteral("started"),
                       QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        details.insert(
            QStringLiteral("peer"),
            QStringLiteral("%1:%2").arg(m_client->peerAddress().toString()).arg(m_client->peerPort()));
        m_route.conn = m_sink->connectionOpened(timeNs, details);
    }
    m_outDecoder.setPayloadCap(m_route.payloadCap);
    m_inDecoder.setPayloadCap(m_route.payloadCap);
    startUpstream();
}

void Tunnel::startUpstream()
{
    m_phase = Phase::ConnectingUpstream;
    const bool secure = m_route.url.scheme() == QLatin1String("wss");
    const QString host = m_route.url.host();
    const quint16 port = quint16(m_route.url.port(secure ? 443 : 80));

    if (secure) {
        auto *ssl = new QSslSocket(this);
        m_upstream = ssl;
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
        const TlsOptions &tls = m_route.tls;
        if (!tls.caFile.isEmpty()) {
            const QList<QSslCertificate> cas = QSslCertificate::fromData(readPem(tls.caFile), QSsl::Pem);
            if (cas.isEmpty()) {
                failUpstream(tr("No CA certificate could be read from %1; check the path and that it is PEM.")
                                 .arg(tls.caFile),
                             QStringLiteral("tls"));
                return;
            }
            conf.addCaCertificates(cas);
        }
        if (!tls.clientCertFile.isEmpty()) {
            const QList<QSslCertificate> certs =
                QSslCertificate::fromData(readPem(tls.clientCertFile), QSsl::Pem);
            const QSslKey key = loadKey(tls.clientKeyFile.isEmpty() ? tls.clientCertFile : tls.clientKeyFile);
            if (certs.isEmpty() || key.isNull()) {
                failUpstream(tr("The client certificate or its key could not be read from %1; both must be "
                                "unencrypted PEM.")
                                 .arg(tls.clientCertFile),
                             QStringLiteral("tls"));
                return;
            }
            conf.setLocalCertificate(certs.first());
            if (certs.size() > 1)
                conf.setLocalCertificateChain(certs);
            conf.setPrivateKey(key);
        }
        ssl->setSslConfiguration(conf);
        connect(ssl, &QSslSocket::encrypted, this, &Tunnel::upstreamReady);
        connect(ssl, &QSslSocket::sslErrors, this, &Tunnel::onSslErrors);
        // Encrypted bytes leaving for the network: room again below upstreamBacklog()'s high water.
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &Tunnel::pumpOut);
        // A server that refuses us after the TLS handshake (TLS 1.3 checks a client certificate only
        // then) says why in an alert; without it the user would see only a closed connection.
        connect(ssl, &QSslSocket::alertReceived, this,
                [this](QSsl::AlertLevel level, QSsl::AlertType type, const QString &description) {
                    if (type == QSsl::AlertType::CloseNotify)
                        return; // the ordinary end of a TLS connection
                    QJsonObject details;
                    details.insert(QStringLiteral("event"), QStringLiteral("alert"));
                    details.insert(QStringLiteral("level"),
                                   level == QSsl::AlertLevel::Fatal     ? QStringLiteral("fatal")
                                   : level == QSsl::AlertLevel::Warning ? QStringLiteral("warning")
                                                                        : QStringLiteral("unknown"));
                    details.insert(QStringLiteral("alert"), int(type));
                    details.insert(QStringLiteral("name"), TlsInfo::alertName(int(type), description));
                    recordEvent(EventKind::Tls, Direction::In, monotonicNs(), details);
                    if (level == QSsl::AlertLevel::Fatal)
                        m_tlsAlert = TlsInfo::alertMessage(int(type), description, endpoint());
                });
    } else {
        m_upstream = new QTcpSocket(this);
    }
    // The TCP connection on its own (before TLS and the upgrade), so the handshake view can split
    // the set-up time into TCP, TLS and upgrade.
    connect(m_upstream, &QTcpSocket::connected, this, [this] {
        QJsonObject details;
        details.insert(QStringLiteral("state"), QStringLiteral("tcp-connected"));
        details.insert(
            QStringLiteral("peer"),
            QStringLiteral("%1:%2").arg(m_upstream->peerAddress().toString()).arg(m_upstream->peerPort()));
        recordEvent(EventKind::State, Direction::Out, monotonicNs(), details);
    });
    if (!secure) // after the line above: slots run in the order they were connected
        connect(m_upstream, &QTcpSocket::connected, this, &Tunnel::upstreamReady);
    m_upstream->setProxy(m_route.upstreamProxy);
    m_upstream->setReadBufferSize(ReadBufferSize);
    connect(m_upstream, &QTcpSocket::errorOccurred, this, &Tunnel::onUpstreamError);
    connect(m_upstream, &QTcpSocket::readyRead, this, &Tunnel::pumpIn);
    connect(m_upstream, &QTcpSocket::bytesWritten, this, &Tunnel::pumpOut);
    connect(m_upstream, &QTcpSocket::disconnected, this, &Tunnel::onUpstreamDisconnected);

    m_connectTimer = new QTimer(this);
    m_connectTimer->setSingleShot(true);
    connect(m_connectTimer, &QTimer::timeout, this, [this] {
        if (m_phase != Phase::ConnectingUpstream)
            return;
        failUpstream(tr("The server at %1 did not answer within %2 seconds.")
                         .arg(endpoint())
                         .arg(m_route.connectTimeoutMs / 1000),
                     QStringLiteral("upstream"));
    });
    m_connectTimer->start(m_route.connectTimeoutMs);

    if (secure) {
        const QString peerName = m_route.tls.peerName.isEmpty() ? host : m_route.tls.peerName;
        static_cast<QSslSocket *>(m_upstream)->connectToHostEncrypted(host, port, peerName);
    } else {
        m_upstream->connectToHost(host, port);
    }
}

void Tunnel::upstreamReady()
{
    if (m_phase != Phase::ConnectingUpstream)
        return;
    m_connectTimer->stop();
    m_upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (auto *ssl = qobject_cast<QSslSocket *>(m_upstream)) {
        QJsonObject details = TlsInfo::session(ssl);
        details.insert(QStringLiteral("event"), QStringLiteral("encrypted"));
        recordEvent(EventKind::Tls, Direction::In, monotonicNs(), details);
    }
    m_tap->updateOutcome(m_route.conn, [](TapOutcome &o) { o.upstreamConnected = true; });
    m_phase = Phase::Relaying;
    m_decodeOut = m_decodeIn = true;
    if (!m_direct)
        m_client->write("HTTP/1.1 200 Connection established\r\n\r\n");
    if (!m_pendingOut.isEmpty()) {
        processOut(std::exchange(m_pendingOut, {}), monotonicNs());
    }
    pumpOut();
    pumpIn();
}

void Tunnel::onSslErrors(const QList<QSslError> &errors)
{
    auto *ssl = static_cast<QSslSocket *>(m_upstream);
    const bool accept = m_route.tls.allowInsecure;
    QJsonObject details;
    details.insert(QStringLiteral("event"), QStringLiteral("certificateErrors"));
    details.insert(QStringLiteral("errors"), TlsInfo::errors(errors));
    details.insert(QStringLiteral("certificate"), TlsInfo::certificate(ssl->peerCertificate()));
    details.insert(QStringLiteral("chain"), TlsInfo::chain(ssl->peerCertificateChain()));
    details.insert(QStringLiteral("accepted"), accept);
    recordEvent(EventKind::Tls, Direction::In, monotonicNs(), details);
    if (accept)
        ssl->ignoreSslErrors();
    else
        m_tlsRefusal = TlsInfo::refusalMessage(errors);
}

void Tunnel::onUpstreamError()
{
    const QAbstractSocket::SocketError error = m_upstream->error();
    if (m_phase == Phase::ConnectingUpstream) {
        QString message;
        QString where = QStringLiteral("upstream");
        switch (error) {
        case QAbstractSocket::HostNotFoundError:
            message = tr("The host name %1 could not be resolved; check the URL and your DNS.")
                          .arg(m_route.url.host());
            break;
        case QAbstractSocket::ConnectionRefusedError:
            message = tr("The server at %1 refused the connection; check the host and port and that the "
                         "server is running.")
                          .arg(endpoint());
            break;
        case QAbstractSocket::SocketTimeoutError:
        case QAbstractSocket::NetworkError:
            message =
                tr("The server at %1 could not be reached (%2).").arg(endpoint(), m_upstream->errorString());
            break;
        case QAbstractSocket::ProxyConnectionRefusedError:
        case QAbstractSocket::ProxyConnectionClosedError:
        case QAbstractSocket::ProxyConnectionTimeoutError:
        case QAbstractSocket::ProxyNotFoundError:
        case QAbstractSocket::ProxyProtocolError:
        case QAbstractSocket::ProxyAuthenticationRequiredError:
            message = tr("The upstream proxy failed to reach %1 (%2); check the proxy settings.")
                          .arg(endpoint(), m_upstream->errorString());
            where = QStringLiteral("proxy");
            break;
        case QAbstractSocket::SslHandshakeFailedError:
            where = QStringLiteral("tls");
            message =
                !m_tlsRefusal.isEmpty() ? m_tlsRefusal
                : !m_tlsAlert.isEmpty()
                    ? m_tlsAlert
                    : tr("The TLS handshake with %1 failed (%2).").arg(endpoint(), m_upstream->errorString());
            break;
        default:
            message =
                !m_tlsRefusal.isEmpty() ? m_tlsRefusal
                : !m_tlsAlert.isEmpty()
                    ? m_tlsAlert
                    : tr("The connection to %1 failed (%2).").arg(endpoint(), m_upstream->errorString());
            break;
        }
        failUpstream(message, where);
        return;
    }
    if (m_phase == Phase::Relaying && error != QAbstractSocket::RemoteHostClosedError) {
        QJsonObject extra;
        extra.insert(QStringLiteral("socketError"), int(error));
        recordError(Direction::In, QStringLiteral("upstream"), m_upstream->errorString(), extra);
    }
}

void Tunnel::failUpstream(const QString &message, const QString &where)
{
    if (m_phase != Phase::ConnectingUpstream)
        return;
    m_phase = Phase::Failed;
    if (m_connectTimer)
        m_connectTimer->stop();
    // Published before the client learns anything: ClientConnection reads it when its socket fails.
    m_tap->updateOutcome(m_route.conn, [&](TapOutcome &o) { o.failure = message; });
    QJsonObject extra;
    extra.insert(QStringLiteral("endpoint"), endpoint());
    if (m_upstream)
        extra.insert(QStringLiteral("socketError"), int(m_upstream->error()));
    recordError(Direction::In, where, message, extra);
    emit m_tap->upstreamFailed(m_route.conn, message);
    answerClient("HTTP/1.1 502 Bad Gateway", message.toUtf8() + '\n');
    m_client->disconnectFromHost();
    if (m_upstream && m_upstream->state() != QAbstractSocket::UnconnectedState)
        m_upstream->abort();
    maybeFinish();
}

void Tunnel::answerClient(const QByteArray &statusLine, const QByteArray &body)
{
    m_client->write(statusLine + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
}

// One buffer for every read: a fresh 256 KiB QByteArray per read would go through mmap/munmap
// (glibc's threshold is 128 KiB) and fault its pages in each time.
QByteArrayView Tunnel::readChunk(QTcpSocket *socket)
{
    if (m_readBuffer.isEmpty())
        m_readBuffer.resize(ReadBufferSize);
    const qint64 n = socket->read(m_readBuffer.data(), qMin(socket->bytesAvailable(), ReadBufferSize));
    return QByteArrayView(m_readBuffer.constData(), qMax<qint64>(n, 0));
}

// Bytes queued towards the server. For TLS, QSslSocket::bytesToWrite() counts only plaintext not yet
// encrypted; what is encrypted waits in the inner TCP socket's unbounded buffer, so count that too or
// a fast client would fill memory in front of a slow wss:// server.
qint64 Tunnel::upstreamBacklog() const
{
    qint64 backlog = m_upstream->bytesToWrite();
    if (const auto *ssl = qobject_cast<const QSslSocket *>(m_upstream))
        backlog += ssl->encryptedBytesToWrite();
    return backlog;
}

void Tunnel::pumpOut()
{
    if (m_phase != Phase::Relaying)
        return;
    while (m_client->bytesAvailable() > 0) {
        if (upstreamBacklog() > HighWater)
            return; // resumed by the upstream's bytesWritten
        processOut(readChunk(m_client), monotonicNs());
    }
    closeIfAnswered(m_client, Direction::Out);
}

void Tunnel::pumpIn()
{
    if (m_phase != Phase::Relaying)
        return;
    while (m_upstream->bytesAvailable() > 0) {
        if (m_client->bytesToWrite() > HighWater)
            return; // resumed by the client's bytesWritten
        processIn(readChunk(m_upstream), monotonicNs());
    }
    closeIfAnswered(m_upstream, Direction::In);
}

// Bytes are decoded and recorded before they are relayed, so an event is in the sink before the
// peer can react to what it describes.
void Tunnel::processOut(QByteArrayView chunk, qint64 timeNs)
{
    if (!m_requestDone) {
        const auto status = m_requestParser.feed(chunk.data(), chunk.size());
        if (status == HandshakeParser::Status::Done) {
            m_requestDone = true;
            const HttpRequest &req = m_requestParser.request();
            QJsonObject details;
            details.insert(QStringLiteral("method"), QString::fromLatin1(req.method));
            details.insert(QStringLiteral("target"), QString::fromUtf8(req.target));
            details.insert(QStringLiteral("version"), QString::fromLatin1(req.version));
            details.insert(QStringLiteral("headers"), headersJson(req.headers));
            details.insert(QStringLiteral("raw"), QString::fromUtf8(req.raw));
            recordEvent(EventKind::Handshake, Direction::Out, timeNs, details);
            const QByteArray rest = m_requestParser.leftover();
            if (!rest.isEmpty())
                decode(m_outDecoder, rest, timeNs);
        } else if (status == HandshakeParser::Status::Error) {
            m_requestDone = true;
            m_decodeOut = false;
            recordError(
                Direction::Out, QStringLiteral("handshake"),
                tr("The client's upgrade request is not valid HTTP: %1").arg(m_requestParser.errorString()));
        }
    } else if (m_decodeOut) {
        decode(m_outDecoder, chunk, timeNs);
    }
    if (m_upstream->state() == QAbstractSocket::ConnectedState)
        m_upstream->write(chunk.data(), chunk.size());
}

void Tunnel::processIn(QByteArrayView chunk, qint64 timeNs)
{
    if (!m_responseRecorded && !m_responseHeadSeen) {
        const auto status = m_responseParser.feed(chunk.data(), chunk.size());
        if (m_responseParser.headComplete()) {
            // Complete even when the parser then failed on the body's framing (a bad Content-Length,
            // a bad chunk size): the status line and headers are what the user debugs with.
            m_responseHeadSeen = true;
            m_responseTimeNs = timeNs;
            responseHeadComplete();
            if (status != HandshakeParser::Status::NeedMore)
                recordResponse(timeNs);
            if (m_upgraded) {
                const QByteArray rest = m_responseParser.leftover();
                if (!rest.isEmpty())
                    decode(m_inDecoder, rest, timeNs);
            }
        } else if (status == HandshakeParser::Status::Error) {
            m_responseRecorded = true;
            m_decodeIn = false;
            recordError(Direction::In, QStringLiteral("handshake"),
                        tr("The server's answer is not valid HTTP: %1").arg(m_responseParser.errorString()));
        }
    } else if (!m_responseRecorded) {
        // The body of a non-101 answer.
        if (m_responseParser.feed(chunk.data(), chunk.size()) != HandshakeParser::Status::NeedMore)
            recordResponse(timeNs);
    } else if (m_upgraded && m_decodeIn) {
        decode(m_inDecoder, chunk, timeNs);
    }
    if (m_client->state() == QAbstractSocket::ConnectedState)
        m_client->write(chunk.data(), chunk.size());
}

void Tunnel::responseHeadComplete()
{
    const HttpResponse &resp = m_responseParser.response();
    m_upgraded = resp.status == 101;
    QString failure;
    if (!m_upgraded) {
        m_decodeIn = m_decodeOut = false;
        failure = tr("The server answered %1 %2 instead of switching protocols.")
                      .arg(resp.status)
                      .arg(QString::fromUtf8(resp.reason));
    }
    m_tap->updateOutcome(m_route.conn, [&](TapOutcome &o) {
        o.httpStatus = resp.status;
        o.httpReason = resp.reason;
        if (!failure.isEmpty())
            o.failure = failure;
    });
    if (m_upgraded) {
        // The handshake is recorded as soon as the head is complete; frames may follow in the same chunk.
        recordResponse(m_responseTimeNs);
    }
}

void Tunnel::recordResponse(qint64 timeNs)
{
    if (m_responseRecorded)
        return;
    m_responseRecorded = true;
    const HttpResponse &resp = m_responseParser.response();
    const HandshakeVerdict verdict = verifyHandshake(m_requestParser.request(), resp);
    QJsonObject details;
    details.insert(QStringLiteral("version"), QString::fromLatin1(resp.version));
    details.insert(QStringLiteral("status"), resp.status);
    details.insert(QStringLiteral("reason"), QString::fromUtf8(resp.reason));
    details.insert(QStringLiteral("headers"), headersJson(resp.headers));
    details.insert(QStringLiteral("raw"), QString::fromUtf8(resp.raw));
    if (resp.status != 101) {
        insertBytes(details, QStringLiteral("body"), resp.body);
        details.insert(QStringLiteral("bodySize"), resp.bodySize);
        if (resp.bodyTruncated)
            details.insert(QStringLiteral("bodyTruncated"), true);
    }
    const bool bodyBroken = m_responseParser.status() == HandshakeParser::Status::Error;
    if (bodyBroken)
        details.insert(QStringLiteral("bodyError"), m_responseParser.errorString());
    QJsonArray verdicts;
    for (const auto &check : verdict.checks)
        verdicts.append(QJsonObject{{QStringLiteral("id"), check.id},
                                    {QStringLiteral("ok"), check.ok},
                                    {QStringLiteral("text"), check.text}});
    details.insert(QStringLiteral("verdicts"), verdicts);
    details.insert(QStringLiteral("subprotocol"), verdict.subprotocol);
    QJsonArray extensions;
    quint8 rsv = 0;
    for (const auto &ext : verdict.extensions) {
        QJsonArray params;
        for (const auto &p : ext.params)
            params.append(QJsonArray{p.first, p.second});
        extensions.append(
            QJsonObject{{QStringLiteral("name"), ext.name}, {QStringLiteral("params"), params}});
        if (ext.name == QLatin1String("permessage-deflate"))
            rsv |= Rsv::Rsv1; // RFC 7692 §6: RSV1 marks a compressed message
    }
    details.insert(QStringLiteral("extensions"), extensions);
    m_inDecoder.setNegotiatedRsv(rsv);
    m_outDecoder.setNegotiatedRsv(rsv);
    recordEvent(EventKind::Handshake, Direction::In, timeNs, details);
    if (bodyBroken)
        recordError(
            Direction::In, QStringLiteral("handshake"),
            tr("The body of the server's answer is malformed: %1").arg(m_responseParser.errorString()));
}

void Tunnel::onClientDisconnected()
{
    if (m_phase == Phase::Relaying) {
        // Whatever the client sent before it closed still goes to the server, backpressure or not.
        while (m_client->bytesAvailable() > 0)
            processOut(readChunk(m_client), monotonicNs());
        sideClosed(m_upstream, Direction::Out);
    } else if (m_upstream && m_upstream->state() != QAbstractSocket::UnconnectedState) {
        m_upstream->abort();
    }
    maybeFinish();
}

void Tunnel::onUpstreamDisconnected()
{
    if (m_phase == Phase::Relaying) {
        while (m_upstream->bytesAvailable() > 0)
            processIn(readChunk(m_upstream), monotonicNs());
        if (m_responseHeadSeen && !m_responseRecorded) {
            m_responseParser.finishAtEof();
            recordResponse(monotonicNs());
        }
        if (m_requestDone && !m_responseHeadSeen && !m_responseRecorded) {
            // Dropped before any answer to the upgrade: say why, or what it usually means. Over TLS
            // that is a refused client certificate (TLS 1.3 servers check it only after the handshake).
            const bool tls = qobject_cast<QSslSocket *>(m_upstream) != nullptr;
            QString reason = m_tlsAlert;
            if (reason.isEmpty() && !tls)
                reason = tr("The server at %1 closed the connection before answering the upgrade request.")
                             .arg(endpoint());
            else if (reason.isEmpty() && m_route.tls.clientCertFile.isEmpty())
                reason =
                    tr("The server at %1 closed the connection after the TLS handshake without answering "
                       "the upgrade request. A server that requires a client certificate does this when it "
                       "gets none: choose one in the connection's TLS options (--cert and --key).")
                        .arg(endpoint());
            else if (reason.isEmpty())
                reason =
                    tr("The server at %1 closed the connection after the TLS handshake without answering "
                       "the upgrade request. A server that requires a client certificate does this when it "
                       "does not trust the one sent.")
                        .arg(endpoint());
            m_tap->updateOutcome(m_route.conn, [&reason](TapOutcome &o) { o.failure = reason; });
            QJsonObject extra;
            extra.insert(QStringLiteral("endpoint"), endpoint());
            recordError(Direction::In, tls ? QStringLiteral("tls") : QStringLiteral("handshake"), reason,
                        extra);
        }
        sideClosed(m_client, Direction::In);
    }
    maybeFinish();
}

// One side's TCP connection ended (closedDir is the direction it sent in). Qt's QWebSocket, like many
// peers, closes its socket right after writing a close frame, whether it started the closing handshake
// or answered it. The other side may still be about to answer (RFC 6455 §5.5.1): keep reading it for a
// short while so its close frame is recorded, instead of resetting it at once.
void Tunnel::sideClosed(QTcpSocket *other, Direction closedDir)
{
    if (other->state() == QAbstractSocket::UnconnectedState)
        return;
    const Direction otherDir = closedDir == Direction::Out ? Direction::In : Direction::Out;
    const bool awaitingAnswer = m_upgraded && m_close[int(closedDir)].seen && !m_close[int(otherDir)].seen;
    if (!awaitingAnswer) {
        other->disconnectFromHost();
        return;
    }
    QTimer::singleShot(CloseGraceMs, other, [other] {
        if (other->state() == QAbstractSocket::ConnectedState)
            other->disconnectFromHost();
    });
}

void Tunnel::closeIfAnswered(QTcpSocket *side, Direction sideDir)
{
    QTcpSocket *other = side == m_client ? m_upstream : m_client;
    if (m_phase != Phase::Relaying || side->state() != QAbstractSocket::ConnectedState || !other ||
        other->state() != QAbstractSocket::UnconnectedState)
        return;
    // The other side is gone: once this side's close frame is in there is nothing left to wait for.
    if (m_close[int(sideDir)].seen && side->bytesAvailable() == 0)
        side->disconnectFromHost();
}

void Tunnel::maybeFinish()
{
    if (m_phase == Phase::Done)
        return;
    if (m_client->state() != QAbstractSocket::UnconnectedState)
        return;
    if (m_upstream && m_upstream->state() != QAbstractSocket::UnconnectedState)
        return;
    finish();
    deleteLater();
}

void Tunnel::finish()
{
    m_phase = Phase::Done;
    if (m_connectTimer)
        m_connectTimer->stop();
    const qint64 t = monotonicNs();
    if (m_responseHeadSeen && !m_responseRecorded) {
        m_responseParser.finishAtEof();
        recordResponse(t);
    }
    if (m_upgraded) {
        // RFC 6455 §7.1.5/§7.1.6: the connection's close code is the one in the first close frame;
        // 1005 when it had no code, 1006 when the TCP connection ended without any.
        QJsonObject details;
        const CloseSeen &client = m_close[int(Direction::Out)];
        const CloseSeen &server = m_close[int(Direction::In)];
        if (m_closeInitiator < 0) {
            details.insert(QStringLiteral("initiator"), QStringLiteral("none"));
            details.insert(QStringLiteral("code"), 1006);
            details.insert(QStringLiteral("reason"), QString());
        } else {
            const CloseSeen &first = m_close[m_closeInitiator];
            const CloseSeen &reply = m_close[1 - m_closeInitiator];
            details.insert(QStringLiteral("initiator"), m_closeInitiator == int(Direction::Out)
                                                            ? QStringLiteral("client")
                                                            : QStringLiteral("server"));
            details.insert(QStringLiteral("code"), first.code);
            details.insert(QStringLiteral("reason"), first.reason);
            if (reply.seen) {
                details.insert(QStringLiteral("replyCode"), reply.code);
                details.insert(QStringLiteral("replyReason"), reply.reason);
            }
        }
        // Clean (RFC 6455 §7.1.4): both close frames seen before TCP went down. Frames are decoded
        // as they arrive, so any close frame seen here came before the TCP close was noticed.
        details.insert(QStringLiteral("clean"), client.seen && server.seen);
        const Direction dir = m_closeInitiator < 0 ? Direction::In : Direction(m_closeInitiator);
        recordEvent(EventKind::Close, dir, t, details);
        m_tap->updateOutcome(m_route.conn, [&](TapOutcome &o) {
            o.closeInitiator = details.value(QLatin1String("initiator")).toString();
            o.closeCode = details.value(QLatin1String("code")).toInt();
            o.closeReason = details.value(QLatin1String("reason")).toString();
            o.clean = details.value(QLatin1String("clean")).toBool();
        });
    }
    if (m_route.conn != 0)
        m_tap->updateOutcome(m_route.conn, [](TapOutcome &o) { o.finished = true; });
    if (m_route.conn != 0)
        emit m_tap->tunnelFinished(m_route.conn);
}

// One read often holds hundreds of small frames: they reach the sink in one framesCaptured() call
// (one lock, one notification) instead of one call each. A payload the decoder hands over as a view into
// the bytes being decoded stays valid until decode() returns; one in the decoder's own buffer (unmasked,
// or gathered across reads) is valid only during its callback and is copied into m_batchBytes. Everything
// else the tunnel records flushes the batch first, so the sink sees events in wire order.
void Tunnel::decode(FrameDecoder &decoder, QByteArrayView bytes, qint64 timeNs)
{
    m_decodingBegin = bytes.data();
    m_decodingEnd = bytes.data() + bytes.size();
    decoder.feed(bytes, timeNs);
    flushFrames();
    m_decodingBegin = m_decodingEnd = nullptr;
}

void Tunnel::flushFrames()
{
    if (m_batch.empty())
        return;
    m_sink->framesCaptured(m_route.conn, m_batchDir, m_batch.data(), qsizetype(m_batch.size()));
    m_batch.clear();
    m_batchBytesUsed = 0;
}

void Tunnel::recordEvent(EventKind kind, Direction dir, qint64 timeNs, const QJsonObject &details)
{
    flushFrames();
    m_sink->eventCaptured(m_route.conn, kind, dir, timeNs, details);
}

void Tunnel::queueFrame(Direction dir, const FrameInfo &frame, QByteArrayView payload)
{
    if (m_batch.capacity() == 0)
        m_batch.reserve(BatchFrames);
    m_batchDir = dir;
    m_batch.push_back(CapturedFrame{frame, payload});
}

void Tunnel::onFrame(Direction dir, const FrameInfo &frame, QByteArrayView payload)
{
    if (!m_batch.empty() && (m_batchDir != dir || qsizetype(m_batch.size()) >= BatchFrames))
        flushFrames();
    const auto at = quintptr(payload.data());
    const bool inDecodedBytes =
        payload.isEmpty() ||
        (at >= quintptr(m_decodingBegin) && at + quintptr(payload.size()) <= quintptr(m_decodingEnd));
    if (inDecodedBytes) {
        queueFrame(dir, frame, payload);
    } else if (payload.size() > BatchBytes) {
        flushFrames();
        m_sink->frameCaptured(m_route.conn, dir, frame, payload);
    } else {
        if (payload.size() > BatchBytes - m_batchBytesUsed)
            flushFrames();
        if (!m_batchBytes)
            m_batchBytes.reset(new char[BatchBytes]);
        char *copy = m_batchBytes.get() + m_batchBytesUsed;
        std::memcpy(copy, payload.data(), size_t(payload.size()));
        m_batchBytesUsed += payload.size();
        queueFrame(dir, frame, QByteArrayView(copy, payload.size()));
    }
    // What follows a control frame (outcome updates, the RTT of a pong) must find it recorded.
    if (Opcode::isControl(frame.opcode))
        flushFrames();
    switch (frame.opcode) {
    case Opcode::Close: {
        CloseSeen &c = m_close[int(dir)];
        if (c.seen)
            break;
        c.seen = true;
        if (payload.size() >= 2) {
            c.code = qFromBigEndian<quint16>(payload.data());
            c.reason = QString::fromUtf8(payload.sliced(2));
        }
        if (m_closeInitiator < 0)
            m_closeInitiator = int(dir);
        m_tap->updateOutcome(m_route.conn, [dir](TapOutcome &o) {
            (dir == Direction::Out ? o.closeSent : o.closeReceived) = true;
        });
        break;
    }
    case Opcode::Ping:
        if (dir == Direction::Out && m_pings.size() < 256)
            m_pings.insert(payload.toByteArray(), frame.timeNs);
        break;
    case Opcode::Pong:
        if (dir == Direction::In) {
            const QByteArray key = payload.toByteArray();
            const auto it = m_pings.constFind(key);
            if (it != m_pings.cend()) {
                emit m_tap->pingAnswered(m_route.conn, key, it.value(), frame.timeNs);
                m_pings.erase(it);
            }
        }
        break;
    default:
        break;
    }
}

void Tunnel::onViolation(Direction dir, const Violation &v)
{
    QJsonObject details;
    details.insert(QStringLiteral("rule"), violationId(v.kind));
    details.insert(QStringLiteral("section"), violationSection(v.kind));
    details.insert(QStringLiteral("text"), violationRule(v.kind));
    details.insert(QStringLiteral("detail"), v.detail);
    details.insert(QStringLiteral("offset"), qint64(v.streamOffset));
    details.insert(QStringLiteral("frame"), qint64(v.frameIndex));
    recordEvent(EventKind::Violation, dir, v.timeNs, details);
}

void Tunnel::onMessage(Direction dir, const MessageInfo &m)
{
    // A single-frame message is fully described by its frame; a Message event is only needed to
    // tie fragments together. Skipping it keeps the per-message cost of capture to one record.
    if (m.frameCount <= 1)
        return;
    QJsonObject details;
    details.insert(QStringLiteral("index"), qint64(m.messageIndex));
    details.insert(QStringLiteral("firstFrame"), qint64(m.firstFrame));
    details.insert(QStringLiteral("frameCount"), qint64(m.frameCount));
    details.insert(QStringLiteral("length"), qint64(m.length));
    details.insert(QStringLiteral("opcode"), int(m.opcode));
    if (m.opcode == Opcode::Text)
        details.insert(QStringLiteral("validUtf8"), m.validUtf8);
    if (m.compressed)
        details.insert(QStringLiteral("compressed"), true);
    recordEvent(EventKind::Message, dir, m.timeNs, details);
}

void Tunnel::recordError(Direction dir, const QString &where, const QString &message, QJsonObject extra)
{
    extra.insert(QStringLiteral("message"), message);
    extra.insert(QStringLiteral("where"), where);
    recordEvent(EventKind::Error, dir, monotonicNs(), extra);
}

} // namespace wsscope
