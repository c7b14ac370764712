#include "clientconnection.h"

#include "tap.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

namespace wsscope {

namespace {

constexpr int FirstReconnectDelayMs = 500;

// QWebSocket connects to the Tap directly, with the user's path and query; the Tap sends the request on
// with the Host header of the user's URL and does TLS itself for wss://. Going through QNetworkProxy
// instead (HTTP CONNECT) would work, but Qt 6.4's HTTP proxy socket engine costs ~7 us per write:
// 100k pipelined 32-byte messages take 680 ms to queue instead of 47 ms.
QUrl tapUrl(const QUrl &url, quint16 tapPort)
{
    QUrl u;
    u.setScheme(QStringLiteral("ws"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(tapPort);
    u.setPath(url.path(QUrl::FullyEncoded).isEmpty() ? QStringLiteral("/") : url.path(QUrl::FullyEncoded),
              QUrl::TolerantMode);
    if (url.hasQuery())
        u.setQuery(url.query(QUrl::FullyEncoded), QUrl::TolerantMode);
    return u;
}

QString payloadText(const QByteArray &payload)
{
    return QString::fromUtf8(payload);
}

} // namespace

struct ClientConnection::Private
{
    ClientConnection *q;
    CaptureSink *sink;
    Tap *tap = nullptr;
    QString tapError;
    ConnectionOptions options;
    State state = State::Idle;
    quint32 conn = 0;
    QString errorString;
    qint64 lastRtt = -1;
    int lastHttpStatus = 0;

    QWebSocket *ws = nullptr;
    bool wasOpen = false;
    bool attemptEnded = true;
    bool userClosed = false;
    bool aborted = false;
    bool closePending = false;
    int qtCloseCode = 0;
    QString qtCloseReason;
    QTimer closeWaitTimer;
    QTimer pingTimer;
    QTimer reconnectTimer;
    quint64 pingCounter = 0;
    int reconnectAttempt = 0;
    // A pong is timed twice: by QWebSocket (ms) and on the wire by the Tap (ns). Whichever comes
    // first waits here for the other, keyed by payload.
    QHash<QByteArray, qint64> wireRtt;
    QHash<QByteArray, qint64> qtRtt;

    explicit Private(ClientConnection *qq, CaptureSink *s) : q(qq), sink(s) {}

    void setState(State s)
    {
        if (state == s)
            return;
        state = s;
        emit q->stateChanged(s);
    }

    void record(EventKind kind, const QJsonObject &details)
    {
        if (conn != 0)
            sink->eventCaptured(conn, kind, Direction::Out, monotonicNs(), details);
    }

    void startAttempt();
    void onConnected();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void endAttempt();
    void finishClose();
    void dropSocket();
    void matchRtt(const QByteArray &payload);
    void fail(const QString &message);
};

ClientConnection::ClientConnection(CaptureSink *sink, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(this, sink))
{
    d->tap = Tap::create(sink, &d->tapError);
    if (d->tap) {
        connect(d->tap, &Tap::pingAnswered, this,
                [this](quint32 conn, const QByteArray &payload, qint64 pingNs, qint64 pongNs) {
                    if (conn != d->conn)
                        return;
                    d->wireRtt.insert(payload, pongNs - pingNs);
                    d->matchRtt(payload);
                });
        connect(d->tap, &Tap::tunnelFinished, this, [this](quint32 conn) {
            if (conn == d->conn)
                d->finishClose();
        });
    }
    d->closeWaitTimer.setSingleShot(true);
    d->closeWaitTimer.setInterval(3000);
    connect(&d->closeWaitTimer, &QTimer::timeout, this, [this] { d->finishClose(); });
    connect(&d->pingTimer, &QTimer::timeout, this, [this] {
        if (d->ws && d->state == State::Open)
            ping(QByteArrayLiteral("wsscope-") + QByteArray::number(++d->pingCounter));
    });
    d->reconnectTimer.setSingleShot(true);
    connect(&d->reconnectTimer, &QTimer::timeout, this, [this] { d->startAttempt(); });
}

ClientConnection::~ClientConnection()
{
    d->closeWaitTimer.stop();
    d->pingTimer.stop();
    d->reconnectTimer.stop();
    if (d->ws) {
        d->ws->disconnect(this);
        d->ws->abort();
        delete d->ws;
        d->ws = nullptr;
    }
    if (d->tap) {
        d->tap->disconnect(this);
        // Returns when the tap is gone: the sink is not called after this.
        Tap::destroy(d->tap);
    }
}

void ClientConnection::open(const ConnectionOptions &options)
{
    d->reconnectTimer.stop();
    d->dropSocket();
    d->options = options;
    d->reconnectAttempt = 0;
    d->userClosed = false;
    d->startAttempt();
}

void ClientConnection::Private::fail(const QString &message)
{
    errorString = message;
    emit q->failed(message);
}

void ClientConnection::Private::startAttempt()
{
    const QString scheme = options.url.scheme();
    if (!options.url.isValid() || options.url.host().isEmpty() ||
        (scheme != QLatin1String("ws") && scheme != QLatin1String("wss"))) {
        setState(State::Closed);
        fail(ClientConnection::tr("The URL must look like ws://host[:port]/path or wss://host[:port]/path."));
        return;
    }
    if (!tap) {
        setState(State::Closed);
        fail(tapError);
        return;
    }

    QJsonObject details;
    details.insert(QStringLiteral("url"), options.url.toString());
    details.insert(QStringLiteral("source"), QStringLiteral("client"));
    details.insert(QStringLiteral("started"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    details.insert(QStringLiteral("name"), options.name);
    details.insert(QStringLiteral("subprotocols"), QJsonArray::fromStringList(options.subprotocols));
    QJsonArray headers;
    for (const auto &h : options.headers)
        headers.append(QJsonArray{QString::fromLatin1(h.first), QString::fromUtf8(h.second)});
    details.insert(QStringLiteral("headers"), headers);
    details.insert(QStringLiteral("origin"), options.origin);
    if (reconnectAttempt > 0)
        details.insert(QStringLiteral("reconnectAttempt"), reconnectAttempt);
    conn = sink->connectionOpened(monotonicNs(), details);

    TapRoute route;
    route.conn = conn;
    route.url = options.url;
    route.tls = options.tls;
    route.upstreamProxy = options.upstreamProxy;
    route.payloadCap = options.payloadCap;
    route.connectTimeoutMs = options.connectTimeoutMs;
    tap->addRoute(route);

    wasOpen = false;
    attemptEnded = false;
    aborted = false;
    closePending = false;
    lastHttpStatus = 0;
    wireRtt.clear();
    qtRtt.clear();

    ws = new QWebSocket(options.origin, QWebSocketProtocol::VersionLatest, q);
    // Never through the application's proxy: the Tap is on loopback and applies the upstream proxy itself.
    ws->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    if (options.outgoingFrameSize > 0)
        ws->setOutgoingFrameSize(quint64(options.outgoingFrameSize));
    QObject::connect(ws, &QWebSocket::connected, q, [this] { onConnected(); });
    QObject::connect(ws, &QWebSocket::disconnected, q, [this] { onDisconnected(); });
    QObject::connect(ws, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), q,
                     [this](QAbstractSocket::SocketError e) { onError(e); });
    QObject::connect(ws, &QWebSocket::textMessageReceived, q, &ClientConnection::textMessageReceived);
    QObject::connect(ws, &QWebSocket::binaryMessageReceived, q, &ClientConnection::binaryMessageReceived);
    QObject::connect(ws, &QWebSocket::pong, q, [this](quint64 elapsedMs, const QByteArray &payload) {
        qtRtt.insert(payload, qint64(elapsedMs) * 1000000);
        matchRtt(payload);
    });

    QNetworkRequest request(tapUrl(options.url, tap->port()));
    for (const auto &h : options.headers)
        request.setRawHeader(h.first, h.second);
    QWebSocketHandshakeOptions handshake;
    handshake.setSubprotocols(options.subprotocols);
    setState(State::Connecting);
    ws->open(request, handshake);
}

void ClientConnection::Private::onConnected()
{
    wasOpen = true;
    reconnectAttempt = 0;
    const TapOutcome outcome = tap->outcome(conn);
    lastHttpStatus = outcome.httpStatus ? outcome.httpStatus : 101;
    QJsonObject details;
    details.insert(QStringLiteral("state"), QStringLiteral("connected"));
    details.insert(QStringLiteral("subprotocol"), ws->subprotocol());
    record(EventKind::State, details);
    setState(State::Open);
    if (options.autoPingIntervalMs > 0)
        pingTimer.start(options.autoPingIntervalMs);
    emit q->opened();
}

void ClientConnection::Private::onDisconnected()
{
    if (attemptEnded || closePending)
        return;
    if (wasOpen) {
        // QWebSocket closes its socket right after its own close frame, and reports 1000 when TCP died
        // with no close frame at all. The tunnel sees both close frames (or their absence): wait for
        // its verdict, which it reaches within its close grace period.
        closePending = true;
        qtCloseCode = int(ws->closeCode());
        qtCloseReason = ws->closeReason();
        pingTimer.stop();
        setState(State::Closing);
        if (tap->outcome(conn).finished) {
            // QWebSocket can report disconnected from inside close(): closed() is never emitted
            // before close() has returned to its caller.
            QMetaObject::invokeMethod(
                q, [this] { finishClose(); }, Qt::QueuedConnection);
        } else {
            closeWaitTimer.start();
        }
    } else {
        // QWebSocket reports disconnected before error() when the proxy refuses: wait one turn so the
        // error text is known before deciding what to tell the user.
        QTimer::singleShot(0, q, [this, w = QPointer<QWebSocket>(ws)] {
            if (w && w == ws)
                endAttempt();
        });
    }
}

void ClientConnection::Private::finishClose()
{
    if (!closePending)
        return;
    closePending = false;
    closeWaitTimer.stop();
    const TapOutcome outcome = tap->outcome(conn);
    int code;
    QString reason;
    bool clean;
    if (outcome.finished) {
        code = outcome.closeCode;
        reason = outcome.closeReason;
        clean = outcome.clean;
    } else {
        // RFC 6455 §7.1.5: with no close frame from the server the close code is 1006.
        code = outcome.closeReceived || outcome.closeSent ? qtCloseCode : 1006;
        reason = outcome.closeReceived || outcome.closeSent ? qtCloseReason : QString();
        clean = false;
    }
    QJsonObject details;
    details.insert(QStringLiteral("state"), QStringLiteral("disconnected"));
    details.insert(QStringLiteral("code"), code);
    details.insert(QStringLiteral("reason"), reason);
    details.insert(QStringLiteral("clean"), clean);
    details.insert(QStringLiteral("qtCode"), qtCloseCode);
    details.insert(QStringLiteral("qtReason"), qtCloseReason);
    record(EventKind::State, details);
    endAttempt();
    emit q->closed(code, reason, clean);
}

void ClientConnection::Private::onError(QAbstractSocket::SocketError error)
{
    QJsonObject details;
    details.insert(QStringLiteral("message"), ws->errorString());
    details.insert(QStringLiteral("where"), QStringLiteral("client"));
    details.insert(QStringLiteral("socketError"), int(error));
    record(EventKind::Error, details);
    if (!wasOpen && !attemptEnded) {
        QTimer::singleShot(0, q, [this, w = QPointer<QWebSocket>(ws)] {
            if (w && w == ws)
                endAttempt();
        });
    }
}

void ClientConnection::Private::endAttempt()
{
    if (attemptEnded)
        return;
    attemptEnded = true;
    pingTimer.stop();
    if (conn)
        tap->dropRoutes(conn); // one its QWebSocket never used must not route a later tunnel
    const bool opened = wasOpen;
    QString message;
    if (!opened) {
        const TapOutcome outcome = tap->outcome(conn);
        lastHttpStatus = outcome.httpStatus;
        if (!outcome.failure.isEmpty())
            message = outcome.failure;
        else if (ws && !ws->errorString().isEmpty())
            message = ClientConnection::tr("The WebSocket connection failed: %1").arg(ws->errorString());
        else
            message = ClientConnection::tr("The WebSocket connection failed before it was open.");
    }
    dropSocket();
    const bool retry = options.autoReconnect && !userClosed;
    if (retry) {
        const int delay = int(qMin<qint64>(qint64(FirstReconnectDelayMs) << qMin(reconnectAttempt, 20),
                                           options.reconnectMaxDelayMs));
        ++reconnectAttempt;
        QJsonObject details;
        details.insert(QStringLiteral("state"), QStringLiteral("reconnecting"));
        details.insert(QStringLiteral("delayMs"), delay);
        details.insert(QStringLiteral("attempt"), reconnectAttempt);
        record(EventKind::State, details);
        setState(State::Reconnecting);
        reconnectTimer.start(delay);
    } else {
        setState(State::Closed);
    }
    if (!opened && !userClosed)
        fail(message);
}

void ClientConnection::Private::dropSocket()
{
    pingTimer.stop();
    if (!ws)
        return;
    QWebSocket *old = ws;
    ws = nullptr;
    old->disconnect(q);
    if (old->state() != QAbstractSocket::UnconnectedState)
        old->abort();
    old->deleteLater();
}

void ClientConnection::Private::matchRtt(const QByteArray &payload)
{
    const auto wire = wireRtt.constFind(payload);
    const auto qt = qtRtt.constFind(payload);
    if (wire == wireRtt.cend() || qt == qtRtt.cend())
        return;
    const qint64 wireNs = wire.value();
    QJsonObject details;
    details.insert(QStringLiteral("payload"), payloadText(payload));
    details.insert(QStringLiteral("rttWireNs"), wireNs);
    details.insert(QStringLiteral("rttQtNs"), qt.value());
    wireRtt.erase(wire);
    qtRtt.erase(qt);
    sink->eventCaptured(conn, EventKind::Rtt, Direction::In, monotonicNs(), details);
    lastRtt = wireNs;
    emit q->rttMeasured(wireNs);
}

void ClientConnection::sendText(const QString &text)
{
    if (d->ws && d->state == State::Open)
        d->ws->sendTextMessage(text);
}

void ClientConnection::sendBinary(const QByteArray &data)
{
    if (d->ws && d->state == State::Open)
        d->ws->sendBinaryMessage(data);
}

void ClientConnection::ping(const QByteArray &payload)
{
    if (d->ws && d->state == State::Open)
        d->ws->ping(payload);
}

void ClientConnection::close(int code, const QString &reason)
{
    d->userClosed = true;
    d->reconnectTimer.stop();
    if (!d->ws) {
        d->setState(State::Closed);
        return;
    }
    if (d->state == State::Open) {
        d->setState(State::Closing);
        d->ws->close(QWebSocketProtocol::CloseCode(code), reason);
    } else {
        abort();
    }
}

void ClientConnection::abort()
{
    d->userClosed = true;
    d->reconnectTimer.stop();
    if (!d->ws) {
        d->setState(State::Closed);
        return;
    }
    d->aborted = true;
    d->ws->abort();
    // abort() reports disconnected() only for an open socket; end the attempt either way.
    if (!d->attemptEnded && !d->wasOpen)
        d->endAttempt();
}

void ClientConnection::setOutgoingFrameSize(int bytes)
{
    if (d->ws)
        d->ws->setOutgoingFrameSize(bytes > 0 ? quint64(bytes) : quint64(512 * 1024));
}

void ClientConnection::setAutoPingInterval(int intervalMs)
{
    d->options.autoPingIntervalMs = qMax(0, intervalMs);
    if (d->options.autoPingIntervalMs == 0)
        d->pingTimer.stop();
    else if (d->state == State::Open)
        d->pingTimer.start(d->options.autoPingIntervalMs);
}

ClientConnection::State ClientConnection::state() const
{
    return d->state;
}

quint32 ClientConnection::connectionId() const
{
    return d->conn;
}

const ConnectionOptions &ClientConnection::options() const
{
    return d->options;
}

QString ClientConnection::errorString() const
{
    return d->errorString;
}

qint64 ClientConnection::lastRttNs() const
{
    return d->lastRtt;
}

int ClientConnection::lastHttpStatus() const
{
    return d->lastHttpStatus;
}

quint16 ClientConnection::tapPort() const
{
    return d->tap ? d->tap->port() : 0;
}

} // namespace wsscope
