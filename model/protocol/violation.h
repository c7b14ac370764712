#pragma once

#include "frameinfo.h"

#include <QString>

namespace wsscope {

// Protocol rules a peer can break. Each is observed and reported, never fatal to WsScope.
enum class ViolationKind : quint8 {
    ReservedOpcode,                   // §5.2: opcodes 3-7 and 0xB-0xF are reserved
    RsvWithoutExtension,              // §5.2: RSV1-3 must be 0 unless an extension defines them
    ControlFrameTooLong,              // §5.5: control payload <= 125 bytes
    FragmentedControlFrame,           // §5.5: control frames must not be fragmented
    NonMinimalLength,                 // §5.2: the minimal number of bytes must be used for the length
    LengthMsbSet,                     // §5.2: most significant bit of a 64-bit length must be 0
    MaskedServerFrame,                // §5.1: a server must not mask frames it sends
    UnmaskedClientFrame,              // §5.1: a client must mask every frame it sends
    ContinuationWithoutStart,         // §5.4: continuation frame with no message in progress
    DataFrameInsideFragmentedMessage, // §5.4: new text/binary frame before the previous message ended
    InvalidUtf8,                      // §5.6 / §8.1: text message payload must be valid UTF-8
    OneByteClosePayload,              // §5.5.1: a close body, if any, starts with a 2-byte code
    InvalidCloseCode,                 // §7.4: code not allowed on the wire
    InvalidCloseReasonUtf8,           // §5.5.1: close reason must be valid UTF-8
    DataAfterClose,                   // §5.5.1: nothing may follow a close frame
};

struct Violation
{
    ViolationKind kind = ViolationKind::ReservedOpcode;
    quint64 streamOffset = 0; // offset of the offending frame header (or byte) in the stream
    qint64 timeNs = 0;
    quint64 frameIndex = 0; // 0-based index of the frame it concerns in this direction
    QString detail;         // concrete, e.g. "opcode 0x3", "close code 1005"
};

// Stable identifier written to session files, e.g. "reserved-opcode".
QString violationId(ViolationKind kind);
bool violationFromId(const QString &id, ViolationKind *kind);
// Plain-words statement of the rule, translated.
QString violationRule(ViolationKind kind);
// "RFC 6455 §5.5"
QString violationSection(ViolationKind kind);

} // namespace wsscope
