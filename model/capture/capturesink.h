#pragma once

#include "frameinfo.h"
#include "violation.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace wsscope {

// Kinds of non-frame events capture reports. Their details travel as a JSON object whose
// keys are documented in docs/session-format.md (the session file writes them unchanged).
enum class EventKind : quint8 {
    Connection = 0, // conn opened: url, source, started (ISO-8601), options
    Handshake = 1,  // dir Out: request line + ordered headers; dir In: status, headers, body, verdicts
    Frame = 2,      // a frame (only through frameCaptured)
    Violation = 3,  // rule id, RFC section, detail, offset
    Close = 4,      // initiator, code, reason, clean
    Error = 5,      // message, where
    State = 6,      // QWebSocket-level: connected / disconnected (code, reason) / reconnecting
    Tls = 7,        // protocol, cipher, peer chain, errors
    Rtt = 8,        // a pong matched to a ping: payload, rtt (ns) from wire and from QWebSocket
    Message = 9,    // a complete data message (frames range), for reassembly views
};

// One decoded frame of a batch: the header and a view of its stored payload.
struct CapturedFrame
{
    FrameInfo frame;
    QByteArrayView payload;
};

// Where captured traffic goes. Called from the capture thread; implementations must be thread-safe.
// Times are monotonic nanoseconds from wsscope::monotonicNs().
class CaptureSink
{
public:
    virtual ~CaptureSink() = default;
    // Returns the new connection's number. details: url, source ("client"|"proxy"|"import"), started.
    virtual quint32 connectionOpened(qint64 timeNs, const QJsonObject &details) = 0;
    virtual void frameCaptured(quint32 conn, Direction dir, const FrameInfo &frame,
                               QByteArrayView payload) = 0;
    // Frames of one connection and direction, in wire order, as one read of the socket decoded them.
    // Same result as frameCaptured for each in turn; a sink that takes a lock per call can take it once.
    // Payload views are valid only during the call.
    virtual void framesCaptured(quint32 conn, Direction dir, const CapturedFrame *frames, qsizetype count)
    {
        for (qsizetype i = 0; i < count; ++i)
            frameCaptured(conn, dir, frames[i].frame, frames[i].payload);
    }
    virtual void eventCaptured(quint32 conn, EventKind kind, Direction dir, qint64 timeNs,
                               const QJsonObject &details) = 0;
};

// Process-wide monotonic clock in nanoseconds.
qint64 monotonicNs();

} // namespace wsscope
