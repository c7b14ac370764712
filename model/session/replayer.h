#pragma once

#include "clientconnection.h"
#include "connectionoptions.h"
#include "messages.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>

namespace wsscope {

class EventLog;

// Replays the client's side of one recorded connection against a server: a new live
// ClientConnection, recorded into the given sink like any other, sends the recorded client messages
// with the chosen timing. See docs/replay-and-diff.md.
class Replayer : public QObject
{
    Q_OBJECT
public:
    enum class Timing {
        Original,         // the recorded gaps between client messages
        Speed,            // the recorded gaps divided by speed()
        AsFastAsPossible, // one after the other
        StepByStep,       // one message per sendNext()
        WaitForResponses, // each message once as many server messages arrived as preceded it
    };
    Q_ENUM(Timing)

    static constexpr int DefaultResponseTimeoutMs = 5000;

    explicit Replayer(CaptureSink *sink, QObject *parent = nullptr);
    ~Replayer() override;

    // Takes the client messages, handshake and close of connection conn of log. Returns false,
    // with errorString(), when there is nothing that can be replayed.
    bool load(const EventLog &log, quint32 conn);

    // Built by load() from the recording: URL, headers, subprotocols, origin. Adjust before start().
    ConnectionOptions &connectionOptions() { return m_options; }
    void setTargetUrl(const QUrl &url) { m_options.url = url; }
    QUrl targetUrl() const { return m_options.url; }

    void setTiming(Timing timing) { m_timing = timing; }
    Timing timing() const { return m_timing; }
    void setSpeed(double factor) { m_speed = factor > 0 ? factor : 1.0; }
    double speed() const { return m_speed; }
    // How long to wait for expected server messages (WaitForResponses, and before closing).
    void setResponseTimeoutMs(int ms) { m_responseTimeoutMs = ms; }
    int responseTimeoutMs() const { return m_responseTimeoutMs; }

    void start();
    void sendNext(); // StepByStep: sends the next message now
    void stop();     // closes the connection; finished(false, ...) follows

    int total() const { return int(m_messages.size()); }
    int sent() const { return m_sent; }
    int serverMessagesReceived() const { return m_received; }
    int timeouts() const { return m_timeouts; }
    bool isRunning() const { return m_running; }
    quint32 connectionId() const; // of the replay, 0 before start()
    ClientConnection *connection() const { return m_connection; }
    QString errorString() const { return m_error; }

    // Whether a recorded header value was redacted ("[redacted]", "<redacted>", "***"...).
    static bool isRedactedValue(const QByteArray &value);
    // Request headers QWebSocket writes itself; a replay must not send them twice.
    static bool isHandshakeHeader(const QByteArray &name);

signals:
    void progress(int sent, int total);
    // WaitForResponses (or the close step) gave up waiting: message index was sent with only
    // arrived of the expected server messages.
    void waitTimedOut(int index, int expected, int arrived);
    void finished(bool ok, const QString &message);

private:
    class CountingSink;
    enum class Phase { Idle, Connecting, Sending, Closing, AwaitingServerClose, Done };

    void onOpened();
    void onServerMessage(quint32 conn);
    void scheduleNext();
    void sendMessage(int index);
    void startClosing();
    void finishClosing();
    void finish(bool ok, const QString &message);
    qint64 dueMs(qint64 recordedNs) const;

    std::unique_ptr<CountingSink> m_countingSink;
    ClientConnection *m_connection = nullptr;
    ConnectionOptions m_options;
    QList<DataMessage> m_messages; // client messages
    QList<int> m_serverBefore;     // server messages that preceded each client message
    int m_serverTotalBeforeClose = 0;
    qint64 m_openNs = 0; // recorded time the connection opened (the 101 response)
    qint64 m_closeNs = -1;
    QString m_closeInitiator; // "client", "server", "none" or empty (still open)
    int m_closeCode = 1000;
    QString m_closeReason;

    Timing m_timing = Timing::Original;
    double m_speed = 1.0;
    int m_responseTimeoutMs = DefaultResponseTimeoutMs;

    Phase m_phase = Phase::Idle;
    bool m_running = false;
    int m_sent = 0;
    int m_received = 0;
    int m_timeouts = 0;
    int m_truncated = 0;
    QString m_error;
    QElapsedTimer m_clock;
    QTimer m_timer;   // next send, or the recorded delay before closing
    QTimer m_timeout; // waiting for server messages
};

} // namespace wsscope
