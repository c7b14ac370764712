#include "violation.h"

#include <QCoreApplication>

namespace wsscope {

namespace {

struct Entry
{
    ViolationKind kind;
    const char *id;
    const char *rule;
    const char *section;
};

// Ids are written to session files: never change one, only add.
constexpr Entry Entries[] = {
    {ViolationKind::ReservedOpcode, "reserved-opcode",
     QT_TRANSLATE_NOOP("Violation", "Opcodes 0x3-0x7 and 0xB-0xF are reserved and must not be sent."),
     "RFC 6455 §5.2"},
    {ViolationKind::RsvWithoutExtension, "rsv-without-extension",
     QT_TRANSLATE_NOOP("Violation",
                       "RSV1, RSV2 and RSV3 must be 0 unless a negotiated extension gives them a meaning."),
     "RFC 6455 §5.2"},
    {ViolationKind::ControlFrameTooLong, "control-frame-too-long",
     QT_TRANSLATE_NOOP("Violation", "A control frame must carry at most 125 bytes of payload."),
     "RFC 6455 §5.5"},
    {ViolationKind::FragmentedControlFrame, "fragmented-control-frame",
     QT_TRANSLATE_NOOP("Violation", "A control frame must not be fragmented: its FIN bit must be set."),
     "RFC 6455 §5.5"},
    {ViolationKind::NonMinimalLength, "non-minimal-length",
     QT_TRANSLATE_NOOP("Violation", "The payload length must be written with the fewest bytes possible."),
     "RFC 6455 §5.2"},
    {ViolationKind::LengthMsbSet, "length-msb-set",
     QT_TRANSLATE_NOOP("Violation", "The most significant bit of a 64-bit payload length must be 0."),
     "RFC 6455 §5.2"},
    {ViolationKind::MaskedServerFrame, "masked-server-frame",
     QT_TRANSLATE_NOOP("Violation", "A server must not mask the frames it sends to the client."),
     "RFC 6455 §5.1"},
    {ViolationKind::UnmaskedClientFrame, "unmasked-client-frame",
     QT_TRANSLATE_NOOP("Violation", "A client must mask every frame it sends to the server."),
     "RFC 6455 §5.1"},
    {ViolationKind::ContinuationWithoutStart, "continuation-without-start",
     QT_TRANSLATE_NOOP("Violation",
                       "A continuation frame may only follow an unfinished text or binary frame."),
     "RFC 6455 §5.4"},
    {ViolationKind::DataFrameInsideFragmentedMessage, "data-frame-inside-fragmented-message",
     QT_TRANSLATE_NOOP("Violation",
                       "A new text or binary frame must not start before the fragmented message has ended."),
     "RFC 6455 §5.4"},
    {ViolationKind::InvalidUtf8, "invalid-utf8",
     QT_TRANSLATE_NOOP("Violation", "The payload of a text message must be valid UTF-8."), "RFC 6455 §5.6"},
    {ViolationKind::OneByteClosePayload, "one-byte-close-payload",
     QT_TRANSLATE_NOOP("Violation", "A close frame body, if present, must start with a 2-byte status code."),
     "RFC 6455 §5.5.1"},
    {ViolationKind::InvalidCloseCode, "invalid-close-code",
     QT_TRANSLATE_NOOP("Violation", "The close status code is not one that may be sent on the wire."),
     "RFC 6455 §7.4"},
    {ViolationKind::InvalidCloseReasonUtf8, "invalid-close-reason-utf8",
     QT_TRANSLATE_NOOP("Violation", "The reason in a close frame must be valid UTF-8."), "RFC 6455 §5.5.1"},
    {ViolationKind::DataAfterClose, "data-after-close",
     QT_TRANSLATE_NOOP("Violation", "No frame may be sent after a close frame."), "RFC 6455 §5.5.1"},
};

const Entry *entryFor(ViolationKind kind)
{
    for (const Entry &e : Entries)
        if (e.kind == kind)
            return &e;
    return nullptr;
}

} // namespace

QString violationId(ViolationKind kind)
{
    const Entry *e = entryFor(kind);
    return e ? QString::fromLatin1(e->id) : QString();
}

bool violationFromId(const QString &id, ViolationKind *kind)
{
    for (const Entry &e : Entries) {
        if (id == QLatin1String(e.id)) {
            if (kind)
                *kind = e.kind;
            return true;
        }
    }
    return false;
}

QString violationRule(ViolationKind kind)
{
    const Entry *e = entryFor(kind);
    return e ? QCoreApplication::translate("Violation", e->rule) : QString();
}

QString violationSection(ViolationKind kind)
{
    const Entry *e = entryFor(kind);
    return e ? QString::fromUtf8(e->section) : QString();
}

} // namespace wsscope
