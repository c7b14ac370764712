#include "replayer.h"

#include "eventlog.h"

#include <QJsonArray>
#include <QMetaObject>
#include <QRegularExpression>

namespace wsscope {

namespace {

QString closeText(int code, const QString &reason)
{
    return reason.isEmpty() ? QString::number(code) : QStringLiteral("%1 \"%2\"").arg(code).arg(reason);
}

} // namespace

// Passes everything on to the caller's sink and tells the replayer, on its own thread, each time a
// whole server message was captured: WaitForResponses counts what really came over the wire.
class Replayer::CountingSink : public CaptureSink
{
public:
    CountingSink(CaptureSink *target, Replayer *replayer) : m_target(target), m_replayer(replayer) {}

    quint32 connectionOpened(qint64 timeNs, const QJsonObject &details) override
    {
        QJsonObject d = details;
        d.insert(QStringLiteral("replayOf"), m_replayOf);
        return m_target->connectionOpened(timeNs, d);
    }
    void frameCaptured(quint32 conn, Direction dir, const FrameInfo &frame, QByteArrayView payload) override
    {
        m_target->frameCaptured(conn, dir, frame, payload);
        // The final frame of a data message completes it (RFC 6455 §5.4). Counted from frames because
        // capture reports Message events only for fragmented messages.
        if (dir == Direction::In && frame.fin && frame.opcode <= Opcode::Binary) {
            Replayer *r = m_replayer;
            QMetaObject::invokeMethod(
                r, [r, conn] { r->onServerMessage(conn); }, Qt::QueuedConnection);
        }
    }
    void eventCaptured(quint32 conn, EventKind kind, Direction dir, qint64 timeNs,
                       const QJsonObject &details) override
    {
        m_target->eventCaptured(conn, kind, dir, timeNs, details);
    }

    QJsonObject m_replayOf; // set before the connection opens, read on the capture thread after

private:
    CaptureSink *m_target;
    Replayer *m_replayer;
};

Replayer::Replayer(CaptureSink *sink, QObject *parent)
    : QObject(parent), m_countingSink(std::make_unique<CountingSink>(sink, this))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timeout.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::Sending)
            sendMessage(m_sent);
        else if (m_phase == Phase::Closing)
            finishClosing();
    });
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::Sending) {
            ++m_timeouts;
            emit waitTimedOut(m_sent, m_serverBefore.value(m_sent), m_received);
            sendMessage(m_sent);
        } else if (m_phase == Phase::Closing) {
            ++m_timeouts;
            emit waitTimedOut(total(), m_serverTotalBeforeClose, m_received);
            finishClosing();
        } else if (m_phase == Phase::AwaitingServerClose && m_connection) {
            ++m_timeouts;
            emit waitTimedOut(total(), m_serverTotalBeforeClose, m_received);
            m_connection->close(1000);
        }
    });
}

Replayer::~Replayer()
{
    // The connection's capture thread calls the counting sink until the connection is gone.
    delete m_connection;
    m_connection = nullptr;
}

bool Replayer::isRedactedValue(const QByteArray &value)
{
    const QByteArray v = value.trimmed().toLower();
    if (v == "[redacted]" || v == "<redacted>" || v == "redacted" || v == "(redacted)")
        return true;
    // Masks such as "***" or "••••" (UTF-8 bullets) hide a secret that a replay cannot resend.
    static const QRegularExpression mask(QStringLiteral("^[*\\x{2022}]{3,}$"));
    return mask.match(QString::fromUtf8(v)).hasMatch();
}

bool Replayer::isHandshakeHeader(const QByteArray &name)
{
    static const QByteArray names[] = {"host", "upgrade", "connection", "sec-websocket-key",
                                       "sec-websocket-version", "sec-websocket-extensions",
                                       // Given to QWebSocket as subprotocols and origin instead.
                                       "sec-websocket-protocol", "origin"};
    const QByteArray lower = name.trimmed().toLower();
    for (const QByteArray &n : names)
        if (lower == n)
            return true;
    return false;
}

bool Replayer::load(const EventLog &log, quint32 conn)
{
    m_error.clear();
    const ConnectionRecord record = log.connection(conn);
    if (record.id == 0) {
        m_error =
            tr("Connection %1 is not in the session; choose a recorded connection to replay.").arg(conn);
        return false;
    }
    const QList<DataMessage> all = Messages::extract(log, conn);
    if (Messages::anyCompressed(all)) {
        m_error = tr("Connection %1 used permessage-deflate compression and its messages were recorded "
                     "compressed; it cannot be replayed.")
                      .arg(conn);
        return false;
    }

    m_options = ConnectionOptions();
    m_options.url = QUrl(record.details.value(QStringLiteral("url")).toString());
    m_options.name = tr("Replay of connection %1").arg(conn);
    const ConnectionOutline outline = Messages::outline(log, conn);
    m_openNs = outline.openNs;
    m_closeInitiator = outline.closeInitiator;
    m_closeCode = outline.closeCode;
    m_closeReason = outline.closeReason;
    const qsizetype closeFrameEvent = outline.firstCloseFrameEvent();
    m_closeNs = outline.firstCloseFrameNs();
    const bool haveRequest = outline.requestEvent >= 0;
    if (haveRequest) {
        const QJsonArray headers =
            log.details(outline.requestEvent).value(QStringLiteral("headers")).toArray();
        for (const QJsonValue &h : headers) {
            const QJsonArray pair = h.toArray();
            const QByteArray name = pair.at(0).toString().toLatin1();
            const QByteArray value = pair.at(1).toString().toUtf8();
            const QByteArray lower = name.toLower();
            if (lower == "sec-websocket-protocol") {
                for (const QByteArray &p : value.split(','))
                    if (!p.trimmed().isEmpty())
                        m_options.subprotocols.append(QString::fromLatin1(p.trimmed()));
            } else if (lower == "origin") {
                m_options.origin = QString::fromUtf8(value);
            } else if (!isHandshakeHeader(name) && !isRedactedValue(value)) {
                m_options.headers.append({name, value});
            }
        }
    }
    if (!haveRequest) {
        // An imported connection may have no handshake: use what the connection was opened with.
        const QJsonObject &d = record.details;
        for (const QJsonValue &h : d.value(QStringLiteral("headers")).toArray()) {
            const QByteArray name = h.toArray().at(0).toString().toLatin1();
            const QByteArray value = h.toArray().at(1).toString().toUtf8();
            if (!isHandshakeHeader(name) && !isRedactedValue(value))
                m_options.headers.append({name, value});
        }
        for (const QJsonValue &p : d.value(QStringLiteral("subprotocols")).toArray())
            m_options.subprotocols.append(p.toString());
        m_options.origin = d.value(QStringLiteral("origin")).toString();
    }

    m_messages.clear();
    m_serverBefore.clear();
    m_serverTotalBeforeClose = 0;
    m_truncated = 0;
    int server = 0;
    // Log order is causal: the Tap records a frame before relaying it, so a server message logged
    // before a client message's first frame was on its way before the client sent that message.
    QList<DataMessage> in;
    for (const DataMessage &m : all) {
        if (m.dir == Direction::In)
            in.append(m);
    }
    for (const DataMessage &m : all) {
        if (m.dir != Direction::Out)
            continue;
        while (server < in.size() && in.at(server).lastEvent < m.firstEvent)
            ++server;
        m_messages.append(m);
        m_serverBefore.append(server);
        if (m.truncated)
            ++m_truncated;
    }
    for (const DataMessage &m : in)
        if (closeFrameEvent < 0 || m.lastEvent < closeFrameEvent)
            ++m_serverTotalBeforeClose;

    m_countingSink->m_replayOf = QJsonObject{{QStringLiteral("conn"), qint64(conn)},
                                             {QStringLiteral("url"), m_options.url.toString()}};
    m_phase = Phase::Idle;
    return true;
}

quint32 Replayer::connectionId() const
{
    return m_connection ? m_connection->connectionId() : 0;
}

void Replayer::start()
{
    if (m_running)
        return;
    delete m_connection;
    m_connection = new ClientConnection(m_countingSink.get(), this);
    connect(m_connection, &ClientConnection::opened, this, &Replayer::onOpened);
    connect(m_connection, &ClientConnection::failed, this,
            [this](const QString &message) { finish(false, message); });
    connect(m_connection, &ClientConnection::closed, this, [this](int code, const QString &reason, bool) {
        if (m_phase == Phase::Done)
            return;
        if (m_sent < total()) {
            finish(false, tr("The server closed the connection (%1) after %2 of %3 messages.")
                              .arg(closeText(code, reason))
                              .arg(m_sent)
                              .arg(total()));
            return;
        }
        QString message = tr("Replayed %1 messages; %2 server messages arrived (%3 in the recording).")
                              .arg(m_sent)
                              .arg(m_received)
                              .arg(m_serverTotalBeforeClose);
        if (m_timeouts > 0)
            message +=
                QLatin1Char(' ') + tr("%n wait(s) for server messages timed out.", nullptr, m_timeouts);
        if (m_truncated > 0)
            message += QLatin1Char(' ') +
                       tr("%n message(s) had been cut at the payload cap and were sent shortened.", nullptr,
                          m_truncated);
        finish(m_timeouts == 0, message);
    });
    m_sent = 0;
    m_received = 0;
    m_timeouts = 0;
    m_running = true;
    m_phase = Phase::Connecting;
    m_connection->open(m_options);
}

void Replayer::onOpened()
{
    if (m_phase != Phase::Connecting)
        return;
    m_clock.start();
    m_phase = Phase::Sending;
    emit progress(0, total());
    scheduleNext();
}

void Replayer::onServerMessage(quint32 conn)
{
    if (!m_connection || conn != m_connection->connectionId() || m_phase == Phase::Done)
        return;
    ++m_received;
    if (!m_timeout.isActive())
        return;
    if (m_phase == Phase::Sending && m_received >= m_serverBefore.value(m_sent)) {
        m_timeout.stop();
        sendMessage(m_sent);
    } else if (m_phase == Phase::Closing && m_received >= m_serverTotalBeforeClose) {
        m_timeout.stop();
        finishClosing();
    }
}

qint64 Replayer::dueMs(qint64 recordedNs) const
{
    const double speed = m_timing == Timing::Speed ? m_speed : 1.0;
    return qMax<qint64>(0, qint64(double(recordedNs - m_openNs) / 1e6 / speed));
}

void Replayer::scheduleNext()
{
    if (m_sent >= total()) {
        startClosing();
        return;
    }
    const DataMessage &m = m_messages.at(m_sent);
    switch (m_timing) {
    case Timing::StepByStep:
        break;
    case Timing::AsFastAsPossible:
        m_timer.start(0);
        break;
    case Timing::Original:
    case Timing::Speed:
        // Against the start of the replay, not the previous send, so delays do not add up.
        m_timer.start(int(qMax<qint64>(0, dueMs(m.firstTimeNs) - m_clock.elapsed())));
        break;
    case Timing::WaitForResponses:
        if (m_received >= m_serverBefore.at(m_sent))
            m_timer.start(0);
        else
            m_timeout.start(m_responseTimeoutMs);
        break;
    }
}

void Replayer::sendNext()
{
    if (m_phase != Phase::Sending || m_sent >= total())
        return;
    m_timer.stop();
    m_timeout.stop();
    sendMessage(m_sent);
}

void Replayer::sendMessage(int index)
{
    if (m_phase != Phase::Sending || index != m_sent || index >= total())
        return;
    const DataMessage &m = m_messages.at(index);
    if (m.isText())
        m_connection->sendText(QString::fromUtf8(m.payload));
    else
        m_connection->sendBinary(m.payload);
    ++m_sent;
    emit progress(m_sent, total());
    scheduleNext();
}

void Replayer::startClosing()
{
    m_phase = Phase::Closing;
    // Closing at once would cut off the answers still on their way: wait for as many server
    // messages as the recording saw before its close, bounded by the response timeout.
    if (m_received < m_serverTotalBeforeClose) {
        m_timeout.start(m_responseTimeoutMs);
        return;
    }
    if ((m_timing == Timing::Original || m_timing == Timing::Speed) && m_closeNs >= 0 &&
        m_closeInitiator == QLatin1String("client")) {
        m_timer.start(int(qMax<qint64>(0, dueMs(m_closeNs) - m_clock.elapsed())));
        return;
    }
    finishClosing();
}

void Replayer::finishClosing()
{
    if (m_phase != Phase::Closing || !m_connection)
        return;
    if (m_closeInitiator == QLatin1String("server")) {
        // The server closed in the recording: give it the chance to do so again.
        m_phase = Phase::AwaitingServerClose;
        m_timeout.start(m_responseTimeoutMs);
        return;
    }
    // 1005 (no code) and 1006 (no close frame) cannot be sent (RFC 6455 §7.4.1).
    const bool sendable = m_closeInitiator == QLatin1String("client") && m_closeCode != 1005 &&
                          m_closeCode != 1006 && m_closeCode != 1015;
    m_connection->close(sendable ? m_closeCode : 1000, sendable ? m_closeReason : QString());
}

void Replayer::stop()
{
    if (!m_running)
        return;
    const int sentCount = m_sent;
    finish(false, tr("The replay was stopped after %1 of %2 messages.").arg(sentCount).arg(total()));
    if (m_connection)
        m_connection->close(1000);
}

void Replayer::finish(bool ok, const QString &message)
{
    if (m_phase == Phase::Done)
        return;
    m_phase = Phase::Done;
    m_running = false;
    m_timer.stop();
    m_timeout.stop();
    if (!ok)
        m_error = message;
    emit finished(ok, message);
}

} // namespace wsscope
