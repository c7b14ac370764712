#include "framedecoder.h"

#include <QCoreApplication>
#include <algorithm>
#include <cstring>

namespace wsscope {

namespace {

// Buffers larger than this are released after their frame so an idle connection does not keep
// a 16 MiB block alive because of one big message.
constexpr quint64 KeepBufferBytes = 256 * 1024;
// Unmasked bytes past the cap of a text frame still go through the UTF-8 check, in blocks this big.
constexpr quint64 ScratchBytes = 4096;

// RFC 6455 §5.2: 2 bytes, +2 or +8 for the extended length, +4 for the masking key.
inline quint8 headerSizeFor(quint8 secondByte)
{
    quint8 size = 2;
    const quint8 len7 = secondByte & 0x7F;
    if (len7 == 126)
        size += 2;
    else if (len7 == 127)
        size += 8;
    if (secondByte & 0x80)
        size += 4;
    return size;
}

// RFC 6455 §5.3: octet i of the payload is XORed with key[i mod 4]. phase is the index of the
// first byte of src within the payload. Eight bytes per step with a key rotated to the phase.
void unmask(char *dst, const char *src, quint64 size, const quint8 key[4], quint64 phase)
{
    quint8 rotated[8];
    for (int i = 0; i < 8; ++i)
        rotated[i] = key[(phase + i) & 3];
    quint64 key64;
    std::memcpy(&key64, rotated, sizeof key64);
    quint64 i = 0;
    for (; i + 32 <= size; i += 32) {
        quint64 w[4];
        std::memcpy(w, src + i, sizeof w);
        w[0] ^= key64;
        w[1] ^= key64;
        w[2] ^= key64;
        w[3] ^= key64;
        std::memcpy(dst + i, w, sizeof w);
    }
    for (; i + 8 <= size; i += 8) {
        quint64 w;
        std::memcpy(&w, src + i, sizeof w);
        w ^= key64;
        std::memcpy(dst + i, &w, sizeof w);
    }
    // i is a multiple of 8 here, so rotated[i & 7] is still key[(phase + i) mod 4].
    for (; i < size; ++i)
        dst[i] = char(quint8(src[i]) ^ rotated[i & 7]);
}

// RFC 6455 §7.4.1 and §7.4.2 with the IANA registry: 1004-1006 and 1015 are reserved or must not
// be sent; 1016-2999 are unassigned; 3000-4999 are for libraries, frameworks and applications.
bool closeCodeValidOnWire(quint16 code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

QString rsvNames(quint8 rsv)
{
    QStringList names;
    if (rsv & Rsv::Rsv1)
        names << QStringLiteral("RSV1");
    if (rsv & Rsv::Rsv2)
        names << QStringLiteral("RSV2");
    if (rsv & Rsv::Rsv3)
        names << QStringLiteral("RSV3");
    return names.join(QLatin1String(", "));
}

} // namespace

FrameDecoder::FrameDecoder(Direction direction, Handler *handler) : m_direction(direction), m_handler(handler)
{}

void FrameDecoder::feed(const char *data, qsizetype size, qint64 timeNs)
{
    if (!data || size <= 0)
        return;
    const auto *p = reinterpret_cast<const uchar *>(data);
    const uchar *const end = p + size;

    while (p < end) {
        if (m_state == State::Payload) {
            const quint64 want = m_frame.payloadLength - m_payloadSeen;
            const quint64 take = std::min<quint64>(want, quint64(end - p));
            consumePayload(p, take, timeNs);
            p += take;
            if (m_payloadSeen == m_frame.payloadLength)
                finishFrame(QByteArrayView(m_buffer.get(), qsizetype(m_stored)), timeNs);
            continue;
        }

        const quint64 avail = quint64(end - p);
        if (m_headerFill == 0 && avail >= 2) {
            const quint8 headerSize = headerSizeFor(p[1]);
            if (avail >= headerSize) {
                // Fast path: the whole header is in this chunk, read it in place.
                beginFrame(p, headerSize, m_offset, timeNs);
                p += headerSize;
                m_offset += headerSize;
                const quint64 length = m_frame.payloadLength;
                if (length > quint64(end - p)) {
                    m_state = State::Payload;
                    continue;
                }
                if (!m_frame.masked) {
                    // The whole unmasked frame is here: hand the payload over as a view, no copy.
                    if (m_checkUtf8)
                        validateText(reinterpret_cast<const char *>(p), length, timeNs);
                    m_payloadSeen = length;
                    m_offset += length;
                    const quint64 kept = std::min(length, capFor(m_frame.opcode));
                    finishFrame(QByteArrayView(reinterpret_cast<const char *>(p), qsizetype(kept)), timeNs);
                } else {
                    consumePayload(p, length, timeNs);
                    finishFrame(QByteArrayView(m_buffer.get(), qsizetype(m_stored)), timeNs);
                }
                p += length;
                continue;
            }
        }
        feedHeaderSlow(p, end, timeNs);
    }
}

void FrameDecoder::feedHeaderSlow(const uchar *&p, const uchar *end, qint64 timeNs)
{
    // The header is split across feed() calls: gather it in m_header.
    quint8 needed = m_headerFill >= 2 ? headerSizeFor(m_header[1]) : 2;
    while (p < end && m_headerFill < needed) {
        m_header[m_headerFill++] = *p++;
        ++m_offset;
        if (m_headerFill == 2)
            needed = headerSizeFor(m_header[1]);
    }
    if (m_headerFill < needed)
        return;
    m_headerFill = 0;
    beginFrame(m_header, needed, m_offset - needed, timeNs);
    if (m_frame.payloadLength == 0)
        finishFrame(QByteArrayView(), timeNs);
    else
        m_state = State::Payload;
}

void FrameDecoder::beginFrame(const uchar *h, quint8 headerSize, quint64 streamOffset, qint64 timeNs)
{
    FrameInfo &f = m_frame;
    f = FrameInfo();
    f.streamOffset = streamOffset;
    f.frameIndex = m_frameCount;
    f.headerSize = headerSize;
    f.fin = (h[0] & 0x80) != 0;
    f.rsv = (h[0] >> 4) & 0x7;
    f.opcode = h[0] & 0x0F;
    f.masked = (h[1] & 0x80) != 0;

    const quint8 len7 = h[1] & 0x7F;
    const uchar *q = h + 2;
    if (len7 == 126) {
        f.lengthEncoding = LengthEncoding::Bits16;
        f.payloadLength = (quint64(q[0]) << 8) | q[1];
        q += 2;
    } else if (len7 == 127) {
        f.lengthEncoding = LengthEncoding::Bits64;
        quint64 v = 0;
        for (int i = 0; i < 8; ++i)
            v = (v << 8) | q[i];
        f.payloadLength = v;
        q += 8;
    } else {
        f.payloadLength = len7;
    }
    if (f.masked) {
        std::memcpy(m_maskBytes, q, 4);
        f.maskKey = (quint32(q[0]) << 24) | (quint32(q[1]) << 16) | (quint32(q[2]) << 8) | q[3];
    }

    m_payloadSeen = 0;
    m_stored = 0;
    m_storeLimit = std::min(f.payloadLength, capFor(f.opcode));

    // Header rules, reported as soon as the header is complete so even a frame whose payload
    // never arrives (a 2^63-byte announcement) shows its violations.
    const quint8 op = f.opcode;
    const bool known = Opcode::isKnown(op);
    const bool control = Opcode::isControl(op);
    if (Q_UNLIKELY(m_closeSeen)) // §5.5.1: the close frame is the last one a peer sends
        report(ViolationKind::DataAfterClose,
               QCoreApplication::translate("FrameDecoder", "opcode 0x%1 after close").arg(op, 0, 16), timeNs);
    if (Q_UNLIKELY(!known))
        report(ViolationKind::ReservedOpcode,
               QCoreApplication::translate("FrameDecoder", "opcode 0x%1").arg(op, 0, 16), timeNs);
    if (Q_UNLIKELY(f.rsv & ~m_negotiatedRsv))
        report(ViolationKind::RsvWithoutExtension, rsvNames(quint8(f.rsv & ~m_negotiatedRsv)), timeNs);
    // RFC 7692 §6: permessage-deflate marks a message by RSV1 on its first frame only; control and
    // continuation frames must not carry it.
    else if (Q_UNLIKELY((f.rsv & Rsv::Rsv1) && (op == Opcode::Continuation || control)))
        report(
            ViolationKind::RsvWithoutExtension,
            QCoreApplication::translate("FrameDecoder", "RSV1 on opcode 0x%1 (RFC 7692 §6)").arg(op, 0, 16),
            timeNs);
    if (Q_UNLIKELY(f.lengthEncoding == LengthEncoding::Bits16 && f.payloadLength < 126))
        report(
            ViolationKind::NonMinimalLength,
            QCoreApplication::translate("FrameDecoder", "length %1 written in 16 bits").arg(f.payloadLength),
            timeNs);
    if (Q_UNLIKELY(f.lengthEncoding == LengthEncoding::Bits64 && f.payloadLength <= 0xFFFF &&
                   !(f.payloadLength >> 63)))
        report(
            ViolationKind::NonMinimalLength,
            QCoreApplication::translate("FrameDecoder", "length %1 written in 64 bits").arg(f.payloadLength),
            timeNs);
    if (Q_UNLIKELY(f.lengthEncoding == LengthEncoding::Bits64 && (f.payloadLength >> 63)))
        report(ViolationKind::LengthMsbSet,
               QCoreApplication::translate("FrameDecoder", "length 0x%1")
                   .arg(f.payloadLength, 16, 16, QLatin1Char('0')),
               timeNs);
    if (Q_UNLIKELY(m_direction == Direction::In && f.masked))
        report(ViolationKind::MaskedServerFrame,
               QCoreApplication::translate("FrameDecoder", "masking key 0x%1")
                   .arg(f.maskKey, 8, 16, QLatin1Char('0')),
               timeNs);
    if (Q_UNLIKELY(m_direction == Direction::Out && !f.masked))
        report(ViolationKind::UnmaskedClientFrame,
               QCoreApplication::translate("FrameDecoder", "opcode 0x%1 without mask").arg(op, 0, 16),
               timeNs);
    if (control && known) {
        if (Q_UNLIKELY(f.payloadLength > 125))
            report(ViolationKind::ControlFrameTooLong,
                   QCoreApplication::translate("FrameDecoder", "%1 bytes").arg(f.payloadLength), timeNs);
        if (Q_UNLIKELY(!f.fin))
            report(ViolationKind::FragmentedControlFrame,
                   QCoreApplication::translate("FrameDecoder", "opcode 0x%1 without FIN").arg(op, 0, 16),
                   timeNs);
    }

    // Reassembly (§5.4): control and reserved frames may sit between fragments and do not
    // belong to the message.
    m_frameInMessage = false;
    if (op == Opcode::Text || op == Opcode::Binary) {
        if (Q_UNLIKELY(m_inMessage))
            report(
                ViolationKind::DataFrameInsideFragmentedMessage,
                QCoreApplication::translate("FrameDecoder", "message %1 started at frame %2 was not finished")
                    .arg(m_message.messageIndex)
                    .arg(m_message.firstFrame),
                timeNs);
        m_message = MessageInfo();
        m_message.messageIndex = m_nextMessageIndex++;
        m_message.firstFrame = f.frameIndex;
        m_message.opcode = op;
        // RFC 7692 §6: RSV1 on the first frame marks a deflated message; its bytes are not UTF-8.
        m_message.compressed = (f.rsv & Rsv::Rsv1) != 0;
        m_inMessage = true;
        m_utf8.reset();
        m_frameInMessage = true;
    } else if (op == Opcode::Continuation) {
        if (Q_UNLIKELY(!m_inMessage))
            report(ViolationKind::ContinuationWithoutStart,
                   QCoreApplication::translate("FrameDecoder", "no message in progress"), timeNs);
        else
            m_frameInMessage = true;
    }
    f.messageIndex = m_frameInMessage || m_inMessage ? m_message.messageIndex : m_nextMessageIndex;
    m_checkUtf8 =
        m_frameInMessage && m_message.opcode == Opcode::Text && !m_message.compressed && m_message.validUtf8;
}

char *FrameDecoder::reserveStored(quint64 size)
{
    // Grow with the bytes that actually arrive, never past min(length, cap): a header announcing
    // 2^62 bytes costs nothing until the bytes come, and then at most the cap.
    const quint64 needed = m_stored + size;
    if (needed > m_bufferCapacity) {
        const quint64 capacity =
            std::min(m_storeLimit, std::max({needed, m_bufferCapacity * 2, quint64(4096)}));
        std::unique_ptr<char[]> grown(new char[capacity]);
        if (m_stored)
            std::memcpy(grown.get(), m_buffer.get(), m_stored);
        m_buffer = std::move(grown);
        m_bufferCapacity = capacity;
    }
    char *dst = m_buffer.get() + m_stored;
    m_stored = needed;
    return dst;
}

void FrameDecoder::consumePayload(const uchar *p, quint64 size, qint64 timeNs)
{
    const char *src = reinterpret_cast<const char *>(p);
    const quint64 keep = m_payloadSeen < m_storeLimit ? std::min(size, m_storeLimit - m_payloadSeen) : 0;
    if (keep) {
        char *dst = reserveStored(keep);
        if (m_frame.masked)
            unmask(dst, src, keep, m_maskBytes, m_payloadSeen);
        else
            std::memcpy(dst, src, keep);
        if (m_checkUtf8)
            validateText(dst, keep, timeNs);
    }
    const quint64 rest = size - keep;
    if (rest && m_checkUtf8) {
        // Past the cap nothing is stored, but the text is still checked as it passes.
        if (!m_frame.masked) {
            validateText(src + keep, rest, timeNs);
        } else {
            char scratch[ScratchBytes];
            for (quint64 done = 0; done < rest && m_checkUtf8; done += ScratchBytes) {
                const quint64 n = std::min(ScratchBytes, rest - done);
                unmask(scratch, src + keep + done, n, m_maskBytes, m_payloadSeen + keep + done);
                validateText(scratch, n, timeNs);
            }
        }
    }
    m_payloadSeen += size;
    m_offset += size;
}

void FrameDecoder::validateText(const char *data, quint64 size, qint64 timeNs)
{
    // §5.6: the message as a whole must be UTF-8, so the validator runs across fragments and a
    // code point may be split between them.
    if (m_utf8.feed(data, qsizetype(size)))
        return;
    m_checkUtf8 = false;
    m_message.validUtf8 = false;
    report(ViolationKind::InvalidUtf8,
           QCoreApplication::translate("FrameDecoder", "invalid byte sequence in message %1")
               .arg(m_message.messageIndex),
           timeNs);
}

void FrameDecoder::checkClosePayload(QByteArrayView payload, qint64 timeNs)
{
    // §5.5.1: an optional body made of a 2-byte code and a UTF-8 reason.
    if (m_frame.payloadLength == 1) {
        report(ViolationKind::OneByteClosePayload, QCoreApplication::translate("FrameDecoder", "1-byte body"),
               timeNs);
        return;
    }
    if (payload.size() < 2)
        return;
    const quint16 code = quint16((quint8(payload[0]) << 8) | quint8(payload[1]));
    if (!closeCodeValidOnWire(code))
        report(ViolationKind::InvalidCloseCode,
               QCoreApplication::translate("FrameDecoder", "close code %1").arg(code), timeNs);
    const QByteArrayView reason = payload.sliced(2);
    Utf8Validator utf8;
    // A reason cut by the payload cap may end inside a code point; only judge what is there.
    const bool ok = utf8.feed(reason.data(), reason.size()) && (m_frame.truncated || utf8.finish());
    if (!ok)
        report(ViolationKind::InvalidCloseReasonUtf8,
               QCoreApplication::translate("FrameDecoder", "reason is not UTF-8"), timeNs);
}

void FrameDecoder::finishFrame(QByteArrayView payload, qint64 timeNs)
{
    FrameInfo &f = m_frame;
    f.timeNs = timeNs;
    f.truncated = quint64(payload.size()) < f.payloadLength;

    if (f.opcode == Opcode::Close)
        checkClosePayload(payload, timeNs);
    if (m_frameInMessage) {
        if (f.fin && m_checkUtf8 && !m_utf8.finish()) {
            m_checkUtf8 = false;
            m_message.validUtf8 = false;
            report(ViolationKind::InvalidUtf8,
                   QCoreApplication::translate("FrameDecoder", "message %1 ends inside a code point")
                       .arg(m_message.messageIndex),
                   timeNs);
        }
        ++m_message.frameCount;
        m_message.length += f.payloadLength;
    }

    ++m_frameCount;
    m_state = State::Header;
    if (m_handler)
        m_handler->frameDecoded(f, payload);

    if (f.opcode == Opcode::Close)
        m_closeSeen = true;
    if (m_frameInMessage && f.fin) {
        m_inMessage = false;
        m_message.timeNs = timeNs;
        ++m_messageCount;
        if (m_handler)
            m_handler->messageCompleted(m_message);
    }
    m_frameInMessage = false;
    m_checkUtf8 = false;
    m_stored = 0;
    m_payloadSeen = 0;
    if (m_bufferCapacity > KeepBufferBytes) {
        m_buffer.reset();
        m_bufferCapacity = 0;
    }
}

void FrameDecoder::report(ViolationKind kind, QString detail, qint64 timeNs)
{
    if (!m_handler)
        return;
    Violation v;
    v.kind = kind;
    v.streamOffset = m_frame.streamOffset;
    v.timeNs = timeNs;
    v.frameIndex = m_frame.frameIndex;
    v.detail = std::move(detail);
    m_handler->violationFound(v);
}

} // namespace wsscope
