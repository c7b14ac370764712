#pragma once

#include "eventlog.h"

#include <QByteArray>
#include <QList>

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

} // namespace Messages

} // namespace wsscope
