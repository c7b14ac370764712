#pragma once

#include "capturesink.h"
#include "connectionoptions.h"

#include <QAbstractSocket>
#include <QObject>
#include <memory>

namespace wsscope {

// One client connection: a QWebSocket (the protocol engine) that reaches the server through an
// in-process Tap, which records every byte both ways and decodes it (see docs and DESIGN).
// Lives in the thread that created it; the Tap relays and decodes on the capture thread,
// so capture never waits for the GUI.
class ClientConnection : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Open, Closing, Closed, Reconnecting };
    Q_ENUM(State)

    explicit ClientConnection(CaptureSink *sink, QObject *parent = nullptr);
    ~ClientConnection() override;

    void open(const ConnectionOptions &options);
    void sendText(const QString &text);
    void sendBinary(const QByteArray &data);
    void ping(const QByteArray &payload = {});
    void close(int code = 1000, const QString &reason = {});
    void abort();
    // Frames of at most bytes for the messages sent from now on; 0: one frame a message (up to
    // QWebSocket's default frame size). Does not change options().
    void setOutgoingFrameSize(int bytes);
    // Pings every intervalMs while open; 0 stops. Kept in options() for reconnects.
    void setAutoPingInterval(int intervalMs);

    State state() const;
    quint32 connectionId() const; // the number the sink gave; 0 before open()
    const ConnectionOptions &options() const;
    QString errorString() const; // last error in plain words
    qint64 lastRttNs() const;    // -1 when none yet
    int lastHttpStatus() const;  // status of the upgrade answer, 0 if none
    quint16 tapPort() const;     // the capture relay's port on 127.0.0.1, 0 if it could not listen

signals:
    void stateChanged(wsscope::ClientConnection::State state);
    void opened();
    void closed(int code, const QString &reason, bool clean);
    void failed(const QString &message); // DNS, refusal, TLS, non-101 answer...
    void rttMeasured(qint64 rttNs);
    // Complete messages as QWebSocket delivers them (the wire view is in the sink).
    void textMessageReceived(const QString &message);
    void binaryMessageReceived(const QByteArray &message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace wsscope
