#pragma once

#include "eventlog.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <functional>

namespace wsscope {

// One whole data message of a connection, reassembled from its frames (RFC 6455 §5.4).
struct DataMessage
{
    Direction dir = Direction::Out;
    int index = 0;             // 0-based among the messages of its direction
    qint64 timeNs = 0;         // time of its final frame, since the connection's start
    qint64 firstTimeNs = 0;    // time of its first frame
    quint8 opcode = 0;         // Opcode::Text or Opcode::Binary
    QByteArray payload;        // the stored bytes of all its frames, in order
    quint64 length = 0;        // the true length (payload may be shorter when truncated)
    int frameCount = 0;        // data frames; interleaved control frames are not counted
    qsizetype firstEvent = -1; // log index of its first frame
    qsizetype lastEvent = -1;  // log index of its final frame
    bool truncated = false;    // a frame's payload was cut at the capture's payload cap
    bool compressed = false;   // RSV1 on the first frame: payload is permessage-deflate data

    bool isText() const { return opcode == Opcode::Text; }
};

// One WebSocket message rebuilt from the frames of an EventLog (RFC 6455 §5.4): a text or binary
// frame and the continuation frames after it in the same direction, up to the frame with FIN.
// A control frame is a message of its own frame.
struct AssembledMessage
{
    quint32 conn = 0;
    Direction dir = Direction::Out;
    quint8 opcode = 0;      // of the first frame: Text, Binary, a control opcode, or Continuation
                            // for continuation frames that no text/binary frame began
    qint64 timeNs = 0;      // of the final frame, since the connection's start: when the message
                            // was complete, which is when a browser reports it
    qint64 firstTimeNs = 0; // of the first frame
    quint64 length = 0;     // sum of the lengths the frame headers announced
    QByteArray data;        // the stored payloads joined; shorter than length when truncated
    int frames = 0;
    bool truncated = false;  // a frame's payload was stored shorter than announced
    bool compressed = false; // RSV1 on the first frame (permessage-deflate): data is still compressed
    bool complete = true;    // false: the log ended, or a new message began, before a frame with FIN
    qsizetype firstIndex = -1;
    qsizetype lastIndex = -1;
};

// Rebuilds messages from frame records fed in log order; hands each one over when it is complete.
class MessageAssembler
{
public:
    using Handler = std::function<void(const AssembledMessage &)>;
    MessageAssembler(const EventLog &log, Handler handler);

    // Control frames (close, ping, pong) are dropped unless this is set.
    void setIncludeControlFrames(bool include) { m_includeControl = include; }
    // index must be a frame record of the log; other records are ignored.
    void addFrame(qsizetype index);
    // Hands over the messages still waiting for their final frame, marked incomplete.
    void finish();

private:
    void begin(AssembledMessage &m, const EventRecord &record, qsizetype index);
    void append(AssembledMessage &m, const EventRecord &record, qsizetype index);

    const EventLog &m_log;
    Handler m_handler;
    bool m_includeControl = false;
    QHash<quint64, AssembledMessage> m_pending; // by connection and direction
};

// The message one frame belongs to, found from that frame alone (a view's selected row): a frame
// of its own, or the fragmented message around it.
struct FrameMessage
{
    QList<qsizetype> frames; // log indices of its data frames, in order
    QByteArray payload;      // their stored payloads joined
    quint8 opcode = 0;       // of the first frame (Continuation when no start was found)
    quint64 length = 0;      // sum of the lengths the frame headers announced
    bool truncated = false;
    bool complete = true; // false: no final frame (yet), or a continuation that continues nothing
};

// What replaying or serving a recorded connection needs besides its messages: when it opened, the
// request, the subprotocol, the first close frame each way and how the connection closed.
struct ConnectionOutline
{
    qsizetype requestEvent = -1; // log index of the upgrade request sent, -1 when none was recorded
    bool opened = false;
    qint64 openNs = 0;   // the 101 response, or QWebSocket's "connected" state when no response
    QString subprotocol; // the one the server chose, empty when none
    qsizetype closeFrameEvent[2] = {-1, -1}; // first close frame by Direction (Out, In), -1: none
    qint64 closeFrameNs[2] = {-1, -1};
    QString closeInitiator; // of the Close event: "client", "server" or "none"; empty when none
    int closeCode = 1000;
    QString closeReason;

    // The first close frame either way: the start of the closing handshake.
    qsizetype firstCloseFrameEvent() const;
    qint64 firstCloseFrameNs() const;
};

// Extracting the data messages of one connection from an EventLog. Only complete messages are
// returned: a message whose final frame never came (connection lost, or cut short by a new data
// frame, an RFC 6455 §5.4 violation the decoder reports separately) is left out.
namespace Messages {

// Both directions, in the order their final frames were logged.
QList<DataMessage> extract(const EventLog &log, quint32 conn);
// One direction.
QList<DataMessage> extract(const EventLog &log, quint32 conn, Direction dir);
// The messages of one direction out of a list holding both.
QList<DataMessage> only(const QList<DataMessage> &messages, Direction dir);
// The message the frame at eventIndex belongs to (RFC 6455 §5.4: a Text/Binary frame with FIN clear,
// then continuations up to one with FIN; control frames between them are not part of it). Looks at
// most maxFrames data frames either way. Empty (no frames) when eventIndex is not a frame.
FrameMessage containing(const EventLog &log, qsizetype eventIndex, int maxFrames = 100000);
// The opening, subprotocol and closing of a connection, from its events.
ConnectionOutline outline(const EventLog &log, quint32 conn);
// Whether any message was recorded permessage-deflate compressed (RSV1): its payload is compressed bytes.
bool anyCompressed(const QList<DataMessage> &messages);

} // namespace Messages

} // namespace wsscope
