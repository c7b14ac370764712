#include "mockserver.h"

#include "eventlog.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QNetworkRequest>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtEndian>

namespace wsscope {

struct MockServer::Client
{
    QWebSocket *socket = nullptr;
    quint32 conn = 0;
    int received = 0;
    int sent = 0;
    bool closeSent = false;
    bool done = false;
    QElapsedTimer clock;
    QTimer timer; // Original timing: the next due message or close
    quint64 offset[2] = {0, 0};
    quint64 frames[2] = {0, 0};
};

MockServer::MockServer(CaptureSink *sink, QObject *parent) : QObject(parent), m_sink(sink) {}

MockServer::~MockServer()
{
    stop();
}

bool MockServer::load(const EventLog &log, quint32 conn)
{
    m_error.clear();
    const ConnectionRecord record = log.connection(conn);
    if (record.id == 0) {
        m_error = tr("Connection %1 is not in the session; choose a recorded connection to serve.").arg(conn);
        return false;
    }
    const QList<DataMessage> all = Messages::extract(log, conn);
    if (Messages::anyCompressed(all)) {
        m_error = tr("Connection %1 used permessage-deflate compression and its messages were recorded "
                     "compressed; a mock server cannot play them.")
                      .arg(conn);
        return false;
    }
    m_recordedConn = conn;
    m_recordedPath = QUrl(record.details.value(QStringLiteral("url")).toString()).path();
    const ConnectionOutline outline = Messages::outline(log, conn);
    m_subprotocol = outline.subprotocol;
    m_closeInitiator = outline.closeInitiator;
    m_closeCode = outline.closeCode;
    m_closeReason = outline.closeReason;
    m_openNs = outline.openNs;
    const qsizetype serverCloseEvent = outline.closeFrameEvent[int(Direction::In)];
    m_closeNs = outline.closeFrameNs[int(Direction::In)];

    // Log order is causal (the Tap records before it relays): a client message logged before a
    // server message began had reached the server before the server sent it.
    m_serverMessages.clear();
    m_clientMessages = 0;
    m_clientBeforeClose = 0;
    QList<qsizetype> clientEnds;
    for (const DataMessage &m : all)
        if (m.dir == Direction::Out)
            clientEnds.append(m.lastEvent);
    m_clientMessages = int(clientEnds.size());
    int before = 0;
    for (const DataMessage &m : all) {
        if (m.dir != Direction::In)
            continue;
        while (before < clientEnds.size() && clientEnds.at(before) < m.firstEvent)
            ++before;
        m_serverMessages.append(Step{m, before});
    }
    for (qsizetype end : clientEnds)
        if (serverCloseEvent >= 0 && end < serverCloseEvent)
            ++m_clientBeforeClose;
    return true;
}

bool MockServer::listen(quint16 port)
{
    return listen(QHostAddress(QHostAddress::LocalHost), port);
}

bool MockServer::listen(const QHostAddress &address, quint16 port)
{
    stop();
    m_server = new QWebSocketServer(tr("WsScope mock server"), QWebSocketServer::NonSecureMode, this);
    if (!m_subprotocol.isEmpty())
        m_server->setSupportedSubprotocols({m_subprotocol});
    const bool any =
        address == QHostAddress::Any || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6;
    m_host = any ? QStringLiteral("127.0.0.1") : address.toString();
    if (!m_server->listen(address, port)) {
        m_error = tr("The mock server cannot listen on %1:%2: %3. Choose another port.")
                      .arg(m_host)
                      .arg(port)
                      .arg(m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return false;
    }
    connect(m_server, &QWebSocketServer::newConnection, this, &MockServer::onNewConnection);
    return true;
}

void MockServer::stop()
{
    const QList<Client *> clients = m_clients;
    for (Client *c : clients) {
        if (c->socket->state() == QAbstractSocket::ConnectedState)
            c->socket->close(QWebSocketProtocol::CloseCodeGoingAway);
        onClientDisconnected(c);
    }
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
    }
}

bool MockServer::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 MockServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl MockServer::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("ws"));
    u.setHost(m_host);
    u.setPort(port());
    u.setPath(m_recordedPath);
    return u;
}

qint64 MockServer::dueMs(qint64 recordedNs) const
{
    return qMax<qint64>(0, (recordedNs - m_openNs) / 1000000);
}

void MockServer::onNewConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QWebSocket *socket = m_server->nextPendingConnection();
        if (m_once && m_served > 0) {
            socket->close(QWebSocketProtocol::CloseCode(1013)); // Try Again Later (RFC 6455 registry)
            socket->deleteLater();
            continue;
        }
        ++m_served;
        if (m_once)
            m_server->pauseAccepting();
        socket->setParent(this);
        auto *c = new Client;
        c->socket = socket;
        c->clock.start();
        c->timer.setSingleShot(true);
        c->timer.setTimerType(Qt::PreciseTimer);
        m_clients.append(c);

        const QNetworkRequest request = socket->request();
        QUrl url = request.url();
        url.setScheme(QStringLiteral("ws"));
        url.setHost(m_host);
        url.setPort(port());
        QJsonObject details;
        details.insert(QStringLiteral("url"), url.toString());
        details.insert(QStringLiteral("source"), QStringLiteral("mock"));
        details.insert(QStringLiteral("started"),
                       QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        details.insert(QStringLiteral("peer"),
                       QStringLiteral("%1:%2").arg(socket->peerAddress().toString()).arg(socket->peerPort()));
        details.insert(QStringLiteral("mockOf"), qint64(m_recordedConn));
        c->conn = m_sink->connectionOpened(monotonicNs(), details);

        // The server-side QWebSocket keeps the request's headers but not its bytes: the handshake
        // is recorded as reconstructed.
        QJsonArray headers;
        for (const QByteArray &name : request.rawHeaderList())
            headers.append(QJsonArray{QString::fromLatin1(name), QString::fromUtf8(request.rawHeader(name))});
        const qint64 now = monotonicNs();
        QJsonObject req;
        req.insert(QStringLiteral("method"), QStringLiteral("GET"));
        req.insert(QStringLiteral("target"),
                   request.url().path(QUrl::FullyEncoded) +
                       (request.url().hasQuery() ? QLatin1Char('?') + request.url().query(QUrl::FullyEncoded)
                                                 : QString()));
        req.insert(QStringLiteral("version"), QStringLiteral("HTTP/1.1"));
        req.insert(QStringLiteral("headers"), headers);
        req.insert(QStringLiteral("reconstructed"), true);
        m_sink->eventCaptured(c->conn, EventKind::Handshake, Direction::Out, now, req);
        QJsonObject resp;
        resp.insert(QStringLiteral("version"), QStringLiteral("HTTP/1.1"));
        resp.insert(QStringLiteral("status"), 101);
        resp.insert(QStringLiteral("reason"), QStringLiteral("Switching Protocols"));
        resp.insert(QStringLiteral("subprotocol"), socket->subprotocol());
        resp.insert(QStringLiteral("reconstructed"), true);
        m_sink->eventCaptured(c->conn, EventKind::Handshake, Direction::In, now, resp);
        QJsonObject state;
        state.insert(QStringLiteral("state"), QStringLiteral("connected"));
        state.insert(QStringLiteral("subprotocol"), socket->subprotocol());
        m_sink->eventCaptured(c->conn, EventKind::State, Direction::In, now, state);

        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, c](const QString &text) { onClientMessage(c, Opcode::Text, text.toUtf8()); });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, c](const QByteArray &data) { onClientMessage(c, Opcode::Binary, data); });
        // Queued: disconnected() can come from inside a send in pump(), which still uses the client.
        connect(
            socket, &QWebSocket::disconnected, this,
            [this, socket] {
                for (Client *client : m_clients)
                    if (client->socket == socket)
                        return onClientDisconnected(client);
            },
            Qt::QueuedConnection);
        connect(&c->timer, &QTimer::timeout, this, [this, c] { pump(c); });
        emit clientConnected(c->conn);
        pump(c);
    }
}

void MockServer::onClientMessage(Client *client, quint8 opcode, const QByteArray &payload)
{
    recordMessage(client, Direction::Out, opcode, payload);
    ++client->received;
    pump(client);
}

void MockServer::pump(Client *c)
{
    if (c->done || c->socket->state() != QAbstractSocket::ConnectedState)
        return;
    const int total = int(m_serverMessages.size());
    const bool timed = m_timing == Timing::Original;
    qint64 nextDue = -1;
    while (c->sent < total) {
        const Step &step = m_serverMessages.at(c->sent);
        if (timed) {
            const qint64 due = dueMs(step.message.firstTimeNs);
            if (due > c->clock.elapsed()) {
                nextDue = due;
                break;
            }
        } else if (c->received < step.clientBefore) {
            break;
        }
        if (step.message.isText())
            c->socket->sendTextMessage(QString::fromUtf8(step.message.payload));
        else
            c->socket->sendBinaryMessage(step.message.payload);
        recordMessage(c, Direction::In, step.message.opcode, step.message.payload);
        ++c->sent;
        emit progress(c->conn, c->sent, total);
    }
    if (c->sent < total) {
        if (nextDue >= 0)
            c->timer.start(int(nextDue - c->clock.elapsed()));
        return;
    }
    if (m_closeInitiator != QLatin1String("server") || c->closeSent)
        return;
    if (timed && m_closeNs >= 0) {
        const qint64 due = dueMs(m_closeNs);
        if (due > c->clock.elapsed()) {
            c->timer.start(int(due - c->clock.elapsed()));
            return;
        }
    } else if (!timed && c->received < m_clientBeforeClose) {
        return;
    }
    c->closeSent = true;
    // 1005 and 1006 only describe a close without code or without close frame (RFC 6455 §7.4.1).
    const bool sendable = m_closeCode != 1005 && m_closeCode != 1006 && m_closeCode != 1015;
    c->socket->close(QWebSocketProtocol::CloseCode(sendable ? m_closeCode : 1000),
                     sendable ? m_closeReason : QString());
}

void MockServer::recordMessage(Client *c, Direction dir, quint8 opcode, const QByteArray &payload)
{
    const int d = int(dir);
    FrameInfo f;
    f.streamOffset = c->offset[d];
    f.timeNs = monotonicNs();
    f.payloadLength = quint64(payload.size());
    f.messageIndex = c->frames[d]; // one frame per message: the counts agree
    f.frameIndex = c->frames[d];
    f.opcode = opcode;
    f.fin = true;
    // Not known at message level: whether and with which key the client masked. Left unset
    // rather than invented; docs/replay-and-diff.md says so.
    f.masked = false;
    f.lengthEncoding = payload.size() < 126     ? LengthEncoding::Bits7
                       : payload.size() < 65536 ? LengthEncoding::Bits16
                                                : LengthEncoding::Bits64;
    f.headerSize = quint8(2 + (f.lengthEncoding == LengthEncoding::Bits16   ? 2
                               : f.lengthEncoding == LengthEncoding::Bits64 ? 8
                                                                            : 0));
    m_sink->frameCaptured(c->conn, dir, f, payload);
    QJsonObject m;
    m.insert(QStringLiteral("index"), qint64(c->frames[d]));
    m.insert(QStringLiteral("firstFrame"), qint64(c->frames[d]));
    m.insert(QStringLiteral("frameCount"), 1);
    m.insert(QStringLiteral("length"), qint64(payload.size()));
    m.insert(QStringLiteral("opcode"), int(opcode));
    if (opcode == Opcode::Text)
        m.insert(QStringLiteral("validUtf8"), true); // QWebSocket refuses invalid UTF-8 text
    m_sink->eventCaptured(c->conn, EventKind::Message, dir, f.timeNs, m);
    c->offset[d] += f.headerSize + quint64(payload.size());
    ++c->frames[d];
}

void MockServer::onClientDisconnected(Client *c)
{
    if (c->done)
        return;
    c->done = true;
    c->timer.stop();
    const int code = int(c->socket->closeCode());
    const QString reason = c->socket->closeReason();
    QJsonObject details;
    details.insert(QStringLiteral("initiator"), c->closeSent   ? QStringLiteral("server")
                                                : code == 1006 ? QStringLiteral("none")
                                                               : QStringLiteral("client"));
    details.insert(QStringLiteral("code"), code);
    details.insert(QStringLiteral("reason"), reason);
    details.insert(QStringLiteral("clean"), code != 1006);
    details.insert(QStringLiteral("reconstructed"), true);
    const qint64 now = monotonicNs();
    m_sink->eventCaptured(c->conn, EventKind::Close, Direction::In, now, details);
    QJsonObject state;
    state.insert(QStringLiteral("state"), QStringLiteral("disconnected"));
    state.insert(QStringLiteral("code"), code);
    state.insert(QStringLiteral("reason"), reason);
    m_sink->eventCaptured(c->conn, EventKind::State, Direction::In, now, state);

    const QString summary = tr("Sent %1 of %2 server messages; received %3 client messages (%4 in the "
                               "recording).")
                                .arg(c->sent)
                                .arg(m_serverMessages.size())
                                .arg(c->received)
                                .arg(m_clientMessages);
    m_clients.removeOne(c);
    c->socket->disconnect(this);
    c->socket->deleteLater();
    const quint32 conn = c->conn;
    delete c;
    emit clientFinished(conn, summary);
    if (m_once && m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
        emit finished();
    }
}

} // namespace wsscope
