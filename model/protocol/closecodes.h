#pragma once

#include <QString>

namespace wsscope {

// Close status codes (RFC 6455 §7.4, IANA registry) with names and one-line meanings.
namespace CloseCodes {
// "Normal Closure", "Going Away", ... ; ranges: "Registered (3000-3999)", "Private use (4000-4999)".
QString name(int code);
// One sentence in plain words, translated.
QString meaning(int code);
// May this code appear in a close frame on the wire? (1005, 1006, 1015 and <1000 may not.)
bool isValidOnWire(int code);
} // namespace CloseCodes

} // namespace wsscope
