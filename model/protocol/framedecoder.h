#pragma once

#include "frameinfo.h"
#include "utf8validator.h"
#include "violation.h"

#include <QByteArray>
#include <QByteArrayView>
#include <algorithm>
#include <memory>

namespace wsscope {

// Summary of one complete data message (text or binary), possibly made of several frames.
struct MessageInfo
{
    quint64 messageIndex = 0; // 0-based in this direction
    quint64 firstFrame = 0;   // index of its first frame in this direction
    quint64 frameCount = 0;   // data frames only; interleaved control frames are not counted
    quint64 length = 0;       // total payload length
    qint64 timeNs = 0;        // time of the final frame
    quint8 opcode = 0;        // Text or Binary
    bool validUtf8 = true;    // text messages only
    bool compressed = false;  // RSV1 on the first frame (permessage-deflate)
};

// Incremental RFC 6455 decoder for one direction of one connection.
// A pausable state machine: feed any chunking of the stream and the results are identical.
// For each frame the handler sees, in order: the violations its header breaks (as soon as the header
// is complete, with the time of that feed() call), an invalid-UTF-8 violation found in its payload,
// close-body violations, frameDecoded(), then messageCompleted() if it ended a data message. A message cut
// short by a new text/binary frame (RFC 6455 §5.4 violation) keeps its index but is never reported as
// completed.
class FrameDecoder
{
public:
    class Handler
    {
    public:
        virtual ~Handler() = default;
        // payload is unmasked and holds at most payloadCap() bytes; valid only during the call.
        virtual void frameDecoded(const FrameInfo &frame, QByteArrayView payload) = 0;
        virtual void violationFound(const Violation &violation) = 0;
        virtual void messageCompleted(const MessageInfo &message) { Q_UNUSED(message); }
    };

    static constexpr quint64 DefaultPayloadCap = 16u * 1024u * 1024u;

    FrameDecoder(Direction direction, Handler *handler);

    // RSV bits an agreed extension defines (Rsv::Rsv1 for permessage-deflate); others are violations.
    void setNegotiatedRsv(quint8 rsvMask) { m_negotiatedRsv = rsvMask; }
    // Takes effect from the next frame header on.
    // Bytes kept of a data frame's payload. Control frames always keep up to 125 bytes (their legal
    // maximum), whatever the cap: close codes, reasons and ping payloads are needed to understand
    // the connection even when only headers are recorded.
    void setPayloadCap(quint64 cap) { m_payloadCap = cap; }
    quint64 payloadCap() const { return m_payloadCap; }
    quint64 capFor(quint8 opcode) const
    {
        return (opcode & 0x8) ? std::max<quint64>(m_payloadCap, MaxControlPayload) : m_payloadCap;
    }
    static constexpr quint64 MaxControlPayload = 125; // RFC 6455 §5.5

    void feed(const char *data, qsizetype size, qint64 timeNs);
    void feed(QByteArrayView data, qint64 timeNs) { feed(data.data(), data.size(), timeNs); }

    Direction direction() const { return m_direction; }
    quint64 bytesFed() const { return m_offset; }
    quint64 framesDecoded() const { return m_frameCount; }
    quint64 messagesCompleted() const { return m_messageCount; }
    bool closeSeen() const { return m_closeSeen; }
    // True between frames: no partial header or payload is pending.
    bool atFrameBoundary() const { return m_state == State::Header && m_headerFill == 0; }

    // Bytes of memory held for the payload of the frame in progress (never more than payloadCap()).
    quint64 bufferCapacity() const { return m_bufferCapacity; }

private:
    enum class State : quint8 { Header, Payload };

    void feedHeaderSlow(const uchar *&p, const uchar *end, qint64 timeNs);
    void beginFrame(const uchar *header, quint8 headerSize, quint64 streamOffset, qint64 timeNs);
    void consumePayload(const uchar *p, quint64 size, qint64 timeNs);
    void validateText(const char *data, quint64 size, qint64 timeNs);
    void checkClosePayload(QByteArrayView payload, qint64 timeNs);
    void finishFrame(QByteArrayView payload, qint64 timeNs);
    void report(ViolationKind kind, QString detail, qint64 timeNs);
    char *reserveStored(quint64 size);

    Direction m_direction;
    Handler *m_handler;
    quint64 m_negotiatedRsv = 0;
    quint64 m_payloadCap = DefaultPayloadCap;

    State m_state = State::Header;
    quint8 m_header[14] = {};
    quint8 m_headerFill = 0;
    quint8 m_maskBytes[4] = {};
    FrameInfo m_frame;
    quint64 m_payloadSeen = 0;
    quint64 m_storeLimit = 0; // min(payloadLength, payloadCap) of the frame in progress
    quint64 m_stored = 0;     // bytes of it kept in m_buffer, unmasked
    quint64 m_bufferCapacity = 0;
    std::unique_ptr<char[]> m_buffer;

    quint64 m_offset = 0;
    quint64 m_frameCount = 0;
    quint64 m_messageCount = 0;
    quint64 m_nextMessageIndex = 0;
    bool m_closeSeen = false;

    // fragmented message in progress
    bool m_inMessage = false;
    bool m_frameInMessage = false; // the frame in progress belongs to m_message
    bool m_checkUtf8 = false;      // its payload goes through m_utf8
    MessageInfo m_message;
    Utf8Validator m_utf8;
};

} // namespace wsscope
