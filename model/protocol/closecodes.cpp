#include "closecodes.h"

#include <QCoreApplication>

namespace wsscope {
namespace CloseCodes {

namespace {

struct Entry
{
    int code;
    const char *name;
    const char *meaning;
};

// RFC 6455 §7.4.1 and the IANA "WebSocket Close Code Number Registry" (1012-1015 were added there).
constexpr Entry Registered[] = {
    {1000, QT_TRANSLATE_NOOP("wsscope::CloseCodes", "Normal Closure"),
     QT_TRANSLATE_NOOP("wsscope::CloseCodes", "The connection finished its work and was closed on purpose.")},
    {1001, QT_TRANSLATE_NOOP("wsscope::CloseCodes", "Going Away"),
     QT_TRANSLATE_NOOP(
         "wsscope::CloseCodes",
         "The side closing is going away: a server shutting down or a browser leaving the page.")},
    {1002, QT_TRANSLATE_NOOP("wsscope::CloseCodes", "Protocol Error"),
     QT_TRANSLATE_NOOP("wsscope::CloseCodes",
                       "The other side sent something that breaks the WebSocket protocol rules.")},
    {1003, QT_TRANSLATE_NOOP("wsscope::CloseCodes", "Unsupported Data"),
     QT_TRANSLATE_NOOP("wsscope::CloseCodes",
                       "A message of a kind the closing side cannot handle arrived, such as binary for a "
                       "text-only endpoint.")},
    {1004, QT_TRANSLATE_NOOP("wsscope::CloseCodes", "Reserved"),
     QT_TRANSLATE_NOOP("wsscope::CloseCodes", "Reserved for a future meaning; no endpoint should send it.")},
    {1005, QT_TRANSLATE_NOOP("wsscope::CloseCodes", "No Status Received"),
     QT_TRANSLATE_NOOP("wsscope::CloseCodes",
                       "The close frame carried no code; shown locally, never sent on the wire.")},
    {1006, QT_TRANSLATE_NOOP("wsscope::CloseCodes", "Abnormal Closure"),
     QT_TRANSLATE_NOOP(
         "wsscope::CloseCodes",
         "The connection dropped without a close frame: the TCP connection was lost or reset.")},
    {1007, QT_TRANSLATE_NOOP("wsscope::CloseCodes", "Invalid Frame Payload Data"),
     QT_TRANSLATE_NOOP(
         "wsscope::CloseCodes",
         "A message's content was not what its type promised, such as a text message that is not "
         "valid UTF-8.")},
    {1008, QT_TRANSLATE_NOOP("wsscope::CloseCodes", "Policy Violation"),
     QT_TRANSLATE_NOOP("wsscope::CloseCodes",
                       "A message broke the closing side's rules, for example a missing or wrong login.")},
    {1009, QT_TRANSLATE_NOOP("wsscope::CloseCodes", "Message Too Big"),
     QT_TRANSLATE_NOOP("wsscope::CloseCodes",
                       "A message was larger than the closing side is willing to handle.")},
    {1010, QT_TRANSLATE_NOOP("wsscope::CloseCodes", "Mandatory Extension"),
     QT_TRANSLATE_NOOP(
         "wsscope::CloseCodes",
         "The client needed an extension that the server did not agree to during the handshake.")},
    {1011, QT_TRANSLATE_NOOP("wsscope::CloseCodes", "Internal Error"),
     QT_TRANSLATE_NOOP("wsscope::CloseCodes",
                       "The server hit an unexpected problem of its own and could not go on.")},
    {1012, QT_TRANSLATE_NOOP("wsscope::CloseCodes", "Service Restart"),
     QT_TRANSLATE_NOOP("wsscope::CloseCodes", "The server is restarting; reconnecting shortly should work.")},
    {1013, QT_TRANSLATE_NOOP("wsscope::CloseCodes", "Try Again Later"),
     QT_TRANSLATE_NOOP("wsscope::CloseCodes",
                       "The server is overloaded or busy for now; try again after a while.")},
    {1014, QT_TRANSLATE_NOOP("wsscope::CloseCodes", "Bad Gateway"),
     QT_TRANSLATE_NOOP("wsscope::CloseCodes",
                       "A gateway or proxy in between got an invalid answer from the server behind it.")},
    {1015, QT_TRANSLATE_NOOP("wsscope::CloseCodes", "TLS Handshake"),
     QT_TRANSLATE_NOOP(
         "wsscope::CloseCodes",
         "The secure (TLS) connection could not be set up, for example because the certificate was "
         "not trusted; shown locally, never sent on the wire.")},
};

const Entry *find(int code)
{
    for (const auto &e : Registered)
        if (e.code == code)
            return &e;
    return nullptr;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("wsscope::CloseCodes", text);
}

} // namespace

QString name(int code)
{
    if (const Entry *e = find(code))
        return tr(e->name);
    // RFC 6455 §7.4.2: 3000-3999 are registered with IANA by libraries and frameworks,
    // 4000-4999 are for private use by applications.
    if (code >= 3000 && code <= 3999)
        return tr("Registered (3000-3999)");
    if (code >= 4000 && code <= 4999)
        return tr("Private use (4000-4999)");
    if (code >= 1016 && code <= 2999)
        return tr("Unassigned");
    return tr("Invalid");
}

QString meaning(int code)
{
    if (const Entry *e = find(code))
        return tr(e->meaning);
    if (code >= 3000 && code <= 3999)
        return tr("A code defined by a library or framework; its documentation says what it means.");
    if (code >= 4000 && code <= 4999)
        return tr("A code the application chose for itself; only its own documentation says what it means.");
    if (code >= 1016 && code <= 2999)
        return tr("A code kept for future versions of the WebSocket protocol; no meaning is defined yet.");
    return tr("Not a valid close code: codes start at 1000 and end at 4999.");
}

bool isValidOnWire(int code)
{
    // RFC 6455 §7.4.1: 1004 is reserved, 1005, 1006 and 1015 only report local conditions and must not be
    // sent. 1012-1014 were registered with IANA later and are sent by real servers. §7.4.2: 0-999 are never
    // used and 1016-2999 are kept for future revisions, so a peer cannot know them yet.
    if (code >= 1000 && code <= 1003)
        return true;
    if (code >= 1007 && code <= 1014)
        return true;
    return code >= 3000 && code <= 4999;
}

} // namespace CloseCodes
} // namespace wsscope
