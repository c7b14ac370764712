#include "sessionformat.h"

#include <QDateTime>
#include <QJsonDocument>
#include <charconv>
#include <cmath>

#ifndef WSSCOPE_VERSION
#define WSSCOPE_VERSION "0.0.0"
#endif

namespace wsscope {
namespace SessionFormat {

namespace {

const char *const kindIds[] = {"connection", "handshake", "frame", "violation", "close",
                               "error",      "state",     "tls",   "rtt",       "message"};
constexpr int kindCount = int(sizeof(kindIds) / sizeof(kindIds[0]));

// Keys the line itself uses. Details holding one of them are written nested under "details"
// so that no key is written twice and a reader can tell them apart.
bool isReservedKey(const QString &key)
{
    return key == QLatin1String("type") || key == QLatin1String("conn") || key == QLatin1String("t") ||
           key == QLatin1String("dir") || key == QLatin1String("details");
}

template <typename Int> void appendInt(Int value, QByteArray &out)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
    out.append(buffer, result.ptr - buffer);
}

void appendBool(bool value, QByteArray &out)
{
    out.append(value ? "true" : "false");
}

// Length of the well-formed UTF-8 sequence at p (lead byte >= 0x80), 0 when ill-formed.
// Overlong forms, surrogates (ED A0..BF) and code points above U+10FFFF are ill-formed (RFC 3629 §4).
inline int sequenceLength(const uchar *p, const uchar *end)
{
    const uchar c = p[0];
    int n;
    uchar low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c == 0xE0) {
        n = 3;
        low = 0xA0;
    } else if (c == 0xED) {
        n = 3;
        high = 0x9F;
    } else if (c >= 0xE1 && c <= 0xEF) {
        n = 3;
    } else if (c == 0xF0) {
        n = 4;
        low = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3) {
        n = 4;
    } else if (c == 0xF4) {
        n = 4;
        high = 0x8F;
    } else {
        return 0;
    }
    if (end - p < n || p[1] < low || p[1] > high)
        return 0;
    for (int i = 2; i < n; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    }
    return n;
}

} // namespace

QByteArray kindId(EventKind kind)
{
    const int index = int(kind);
    return index < kindCount ? QByteArray(kindIds[index]) : QByteArray();
}

bool kindFromId(QByteArrayView id, EventKind *kind)
{
    for (int i = 0; i < kindCount; ++i) {
        if (id == kindIds[i]) {
            *kind = EventKind(i);
            return true;
        }
    }
    return false;
}

QByteArray headerLine()
{
    QByteArray line = "{\"format\":\"";
    line += FormatName;
    line += "\",\"version\":";
    appendInt(Version, line);
    line += ",\"created\":";
    appendUtf8String(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8(), line);
    line += ",\"app\":";
    appendUtf8String(QByteArrayLiteral("WsScope " WSSCOPE_VERSION), line);
    line += "}\n";
    return line;
}

void appendMicroseconds(qint64 ns, QByteArray &out)
{
    // Split on the unsigned magnitude so that INT64_MIN does not overflow.
    quint64 magnitude = ns < 0 ? quint64(0) - quint64(ns) : quint64(ns);
    if (ns < 0)
        out.append('-');
    appendInt(magnitude / 1000, out);
    unsigned fraction = unsigned(magnitude % 1000);
    if (fraction == 0)
        return;
    char digits[4] = {'.', char('0' + fraction / 100), char('0' + fraction / 10 % 10),
                      char('0' + fraction % 10)};
    int length = 4;
    while (digits[length - 1] == '0')
        --length;
    out.append(digits, length);
}

bool parseMicroseconds(QByteArrayView number, qint64 *ns)
{
    const char *p = number.data();
    const char *const end = p + number.size();
    const bool negative = p < end && *p == '-';
    if (negative)
        ++p;
    quint64 whole = 0;
    const char *digitsStart = p;
    while (p < end && *p >= '0' && *p <= '9' && p - digitsStart < 16)
        whole = whole * 10 + quint64(*p++ - '0');
    bool exact = p > digitsStart;
    quint64 fraction = 0;
    if (exact && p < end && *p == '.') {
        ++p;
        int digits = 0;
        while (p < end && *p >= '0' && *p <= '9' && digits < 3) {
            fraction = fraction * 10 + quint64(*p++ - '0');
            ++digits;
        }
        exact = digits > 0;
        for (; digits < 3; ++digits)
            fraction *= 10;
    }
    if (exact && p == end) {
        const quint64 magnitude = whole * 1000 + fraction; // whole < 1e16: no overflow
        if (magnitude > quint64(std::numeric_limits<qint64>::max()))
            return false;
        *ns = negative ? -qint64(magnitude) : qint64(magnitude);
        return true;
    }
    // Other spellings (exponent, more decimals) of a valid JSON number: nearest nanosecond.
    bool ok = false;
    const double micro = number.toByteArray().toDouble(&ok);
    if (!ok || !std::isfinite(micro) || std::fabs(micro) >= 9.2e15)
        return false;
    *ns = std::llround(micro * 1000.0);
    return true;
}

bool isValidUtf8(QByteArrayView bytes)
{
    const uchar *p = reinterpret_cast<const uchar *>(bytes.data());
    const uchar *const end = p + bytes.size();
    while (p < end) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const int n = sequenceLength(p, end);
        if (n == 0)
            return false;
        p += n;
    }
    return true;
}

bool appendUtf8String(QByteArrayView bytes, QByteArray &out)
{
    const qsizetype start = out.size();
    out.append('"');
    const uchar *p = reinterpret_cast<const uchar *>(bytes.data());
    const uchar *const end = p + bytes.size();
    const uchar *run = p;
    static const char hex[] = "0123456789abcdef";
    while (p < end) {
        const uchar c = *p;
        if (c >= 0x20 && c != '"' && c != '\\') {
            if (c < 0x80) {
                ++p;
                continue;
            }
            const int n = sequenceLength(p, end);
            if (n == 0) {
                out.truncate(start);
                return false;
            }
            p += n;
            continue;
        }
        out.append(reinterpret_cast<const char *>(run), p - run);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default: {
            const char escape[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            out.append(escape, 6);
        }
        }
        run = ++p;
    }
    out.append(reinterpret_cast<const char *>(run), p - run);
    out.append('"');
    return true;
}

void appendEventLine(const EventLog &log, qsizetype index, QByteArray &out)
{
    const EventRecord record = log.at(index);
    out.append("{\"type\":\"");
    out.append(kindId(record.kind));
    out.append("\",\"conn\":");
    appendInt(record.conn, out);
    if (record.kind != EventKind::Connection) {
        out.append(",\"t\":");
        appendMicroseconds(record.timeNs, out);
        out.append(record.dir == Direction::Out ? ",\"dir\":\"out\"" : ",\"dir\":\"in\"");
    }
    if (record.kind != EventKind::Frame) {
        const QJsonObject details = log.details(index);
        if (details.isEmpty()) {
            out.append("}\n");
            return;
        }
        const QByteArray json = QJsonDocument(details).toJson(QJsonDocument::Compact);
        bool nested = false;
        for (auto it = details.begin(); it != details.end() && !nested; ++it)
            nested = isReservedKey(it.key());
        if (nested) {
            out.append(",\"details\":");
            out.append(json);
            out.append("}\n");
        } else {
            out.append(',');
            out.append(QByteArrayView(json).sliced(1)); // the object's keys and its closing brace
            out.append('\n');
        }
        return;
    }
    out.append(",\"fin\":");
    appendBool(record.fin(), out);
    out.append(",\"rsv\":");
    appendInt(int(record.rsv()), out);
    out.append(",\"opcode\":");
    appendInt(int(record.opcode), out);
    out.append(",\"masked\":");
    appendBool(record.masked(), out);
    if (record.masked()) {
        char mask[9];
        static const char hex[] = "0123456789abcdef";
        for (int i = 0; i < 8; ++i)
            mask[i] = hex[(record.maskKey >> (28 - 4 * i)) & 0xF];
        out.append(",\"mask\":\"");
        out.append(mask, 8);
        out.append('"');
    }
    out.append(",\"len\":");
    appendInt(record.length, out);
    out.append(",\"lenenc\":");
    switch (record.lengthEncoding()) {
    case LengthEncoding::Bits7:
        out.append('7');
        break;
    case LengthEncoding::Bits16:
        out.append("16");
        break;
    case LengthEncoding::Bits64:
        out.append("64");
        break;
    }
    const QByteArray payload = log.payload(index);
    const qsizetype beforeText = out.size();
    out.append(",\"text\":");
    if (record.opcode == Opcode::Binary || !appendUtf8String(payload, out)) {
        out.truncate(beforeText);
        out.append(",\"data_b64\":\"");
        out.append(payload.toBase64());
        out.append('"');
    }
    out.append(",\"truncated\":");
    appendBool(record.truncated(), out);
    out.append("}\n");
}

} // namespace SessionFormat
} // namespace wsscope
