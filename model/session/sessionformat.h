#pragma once

#include "eventlog.h"

#include <QByteArray>
#include <QByteArrayView>

namespace wsscope {

// Pieces of the session file v1 (docs/session-format.md) shared by SessionWriter and SessionReader.
namespace SessionFormat {

constexpr int Version = 1;
constexpr char FormatName[] = "wsscope-session";

// "frame", "handshake", ... as written in the "type" key.
QByteArray kindId(EventKind kind);
bool kindFromId(QByteArrayView id, EventKind *kind);

// The first line of a file, '\n' included.
QByteArray headerLine();

// Appends the line of event index of log, '\n' included.
void appendEventLine(const EventLog &log, qsizetype index, QByteArray &out);

// Times are written in microseconds with up to three decimals, so nanoseconds survive exactly.
void appendMicroseconds(qint64 ns, QByteArray &out);
// Parses a JSON number of microseconds back to nanoseconds; exact for up to three decimals.
bool parseMicroseconds(QByteArrayView number, qint64 *ns);

// Appends bytes as a JSON string when they are valid UTF-8 (RFC 3629) and returns true;
// otherwise leaves out unchanged and returns false.
bool appendUtf8String(QByteArrayView bytes, QByteArray &out);
bool isValidUtf8(QByteArrayView bytes);

} // namespace SessionFormat

} // namespace wsscope
