#pragma once

#include <QtGlobal>

namespace wsscope {

// Direction on the wire. Out is client -> server (frames must be masked, RFC 6455 §5.1),
// In is server -> client (frames must not be masked).
enum class Direction : quint8 { Out = 0, In = 1 };

namespace Opcode {
enum : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};
inline bool isControl(quint8 opcode)
{
    return (opcode & 0x8) != 0;
}
inline bool isKnown(quint8 opcode)
{
    return opcode <= 2 || (opcode >= 8 && opcode <= 10);
}
} // namespace Opcode

// How the payload length was written in the header (RFC 6455 §5.2).
enum class LengthEncoding : quint8 { Bits7 = 0, Bits16 = 1, Bits64 = 2 };

namespace Rsv {
enum : quint8 { Rsv1 = 0x4, Rsv2 = 0x2, Rsv3 = 0x1 };
}

// One decoded frame header plus where and when it was seen. Payload bytes travel beside it.
struct FrameInfo
{
    quint64 streamOffset = 0;  // offset of the first header byte in this direction's byte stream
    qint64 timeNs = 0;         // monotonic arrival time of the chunk that completed the frame
    quint64 payloadLength = 0; // the length the header announced
    quint64 messageIndex = 0;  // data messages: 0-based message number in this direction; control: the
                               // number of the message it was interleaved into (or the next one)
    quint32 maskKey = 0;       // big-endian value of the 4 key bytes, valid when masked
    quint8 opcode = 0;
    quint8 rsv = 0; // Rsv::Rsv1 | Rsv::Rsv2 | Rsv::Rsv3
    quint8 headerSize = 0;
    LengthEncoding lengthEncoding = LengthEncoding::Bits7;
    bool fin = false;
    bool masked = false;
    bool truncated = false; // payload handed over is shorter than payloadLength (stored-payload cap)
    quint64 frameIndex =
        0; // 0-based index of the frame in this direction (Violation::frameIndex refers to it)
};

} // namespace wsscope
