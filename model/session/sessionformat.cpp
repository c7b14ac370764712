#include "sessionformat.h"

#include <QDateTime>
#include <QJsonDocument>
#include <charconv>
#include <cmath>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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
    line += QByteArray::number(Version);
    line += ",\"created\":";
    appendUtf8String(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8(), line);
    line += ",\"app\":";
    appendUtf8String(QByteArrayLiteral("WsScope " WSSCOPE_VERSION), line);
    line += "}\n";
    return line;
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
#ifdef __SSE2__
        // ASCII runs 16 bytes at a time: only bytes with the high bit set need the sequence check.
        while (end - p >= 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const unsigned high = unsigned(_mm_movemask_epi8(v));
            if (high == 0) {
                p += 16;
                continue;
            }
            p += __builtin_ctz(high);
            break;
        }
        if (p >= end)
            break;
#endif
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

namespace {

// Lines are written through a raw pointer into room reserved beforehand: appending piece by piece
// to a QByteArray cost more than everything else when saving a million frames.
template <size_t N> inline char *put(char *o, const char (&literal)[N])
{
    std::memcpy(o, literal, N - 1);
    return o + N - 1;
}

template <typename Int> inline char *putInt(char *o, Int value)
{
    return std::to_chars(o, o + 24, value).ptr;
}

inline char *putBool(char *o, bool value)
{
    return value ? put(o, "true") : put(o, "false");
}

char *putMicroseconds(char *o, qint64 ns)
{
    // Split on the unsigned magnitude so that INT64_MIN does not overflow.
    const quint64 magnitude = ns < 0 ? quint64(0) - quint64(ns) : quint64(ns);
    if (ns < 0)
        *o++ = '-';
    o = putInt(o, magnitude / 1000);
    const unsigned fraction = unsigned(magnitude % 1000);
    if (fraction == 0)
        return o;
    const char digits[4] = {'.', char('0' + fraction / 100), char('0' + fraction / 10 % 10),
                            char('0' + fraction % 10)};
    int length = 4;
    while (digits[length - 1] == '0')
        --length;
    std::memcpy(o, digits, size_t(length));
    return o + length;
}

// Writes bytes as a JSON string (quotes included); nullptr when they are not valid UTF-8.
// Needs the room stringRoom() gives.
char *putUtf8String(char *o, const uchar *p, const uchar *const end)
{
    static const char hex[] = "0123456789abcdef";
    *o++ = '"';
    const uchar *run = p;
#ifdef __SSE2__
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
#endif
    while (p < end) {
#ifdef __SSE2__
        // Skips 16 bytes at a time that need neither an escape nor the UTF-8 check: a signed
        // comparison with 0x20 flags control characters and every byte >= 0x80 at once.
        while (end - p >= 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const __m128i special =
                _mm_or_si128(_mm_cmplt_epi8(v, space),
                             _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
            const unsigned bits = unsigned(_mm_movemask_epi8(special));
            if (bits == 0) {
                p += 16;
                continue;
            }
            p += __builtin_ctz(bits);
            break;
        }
        if (p >= end)
            break;
#endif
        const uchar c = *p;
        if (c >= 0x20 && c != '"' && c != '\\') {
            if (c < 0x80) {
                ++p;
                continue;
            }
            const int n = sequenceLength(p, end);
            if (n == 0)
                return nullptr;
            p += n;
            continue;
        }
        std::memcpy(o, run, size_t(p - run));
        o += p - run;
        *o++ = '\\';
        switch (c) {
        case '"':
        case '\\':
            *o++ = char(c);
            break;
        case '\n':
            *o++ = 'n';
            break;
        case '\r':
            *o++ = 'r';
            break;
        case '\t':
            *o++ = 't';
            break;
        default:
            o = put(o, "u00");
            *o++ = hex[c >> 4];
            *o++ = hex[c & 0xF];
        }
        run = ++p;
    }
    std::memcpy(o, run, size_t(p - run));
    o += p - run;
    *o++ = '"';
    return o;
}

// Standard alphabet with padding (RFC 4648 §4). Needs room for 4 * ((size + 2) / 3) bytes.
char *putBase64(char *o, const uchar *p, const uchar *const end)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (; end - p >= 3; p += 3) {
        const quint32 v = (quint32(p[0]) << 16) | (quint32(p[1]) << 8) | p[2];
        *o++ = alphabet[v >> 18];
        *o++ = alphabet[(v >> 12) & 0x3F];
        *o++ = alphabet[(v >> 6) & 0x3F];
        *o++ = alphabet[v & 0x3F];
    }
    if (end - p == 1) {
        const quint32 v = quint32(p[0]) << 16;
        *o++ = alphabet[v >> 18];
        *o++ = alphabet[(v >> 12) & 0x3F];
        o = put(o, "==");
    } else if (end - p == 2) {
        const quint32 v = (quint32(p[0]) << 16) | (quint32(p[1]) << 8);
        *o++ = alphabet[v >> 18];
        *o++ = alphabet[(v >> 12) & 0x3F];
        *o++ = alphabet[(v >> 6) & 0x3F];
        *o++ = '=';
    }
    return o;
}

// Room bytes need as a JSON string: a cheap upper bound for small ones, exact for big ones
// (a 16 MiB payload must not reserve 96 MiB).
qsizetype stringRoom(const uchar *p, const uchar *const end)
{
    const qsizetype size = end - p;
    if (size <= 65536)
        return 2 + 6 * size;
    qsizetype room = 2 + size;
    for (; p < end; ++p) {
        if (*p < 0x20)
            room += 5;
        else if (*p == '"' || *p == '\\')
            room += 1;
    }
    return room;
}

} // namespace

void appendMicroseconds(qint64 ns, QByteArray &out)
{
    const qsizetype start = out.size();
    out.resize(start + 32);
    out.truncate(putMicroseconds(out.data() + start, ns) - out.constData());
}

bool appendUtf8String(QByteArrayView bytes, QByteArray &out)
{
    const uchar *p = reinterpret_cast<const uchar *>(bytes.data());
    const uchar *const end = p + bytes.size();
    const qsizetype start = out.size();
    out.resize(start + stringRoom(p, end));
    char *o = putUtf8String(out.data() + start, p, end);
    out.truncate(o ? o - out.constData() : start);
    return o != nullptr;
}

void appendEventLine(const EventLog &log, qsizetype index, QByteArray &out)
{
    const EventRecord record = log.at(index);
    if (record.kind != EventKind::Frame) {
        out.append("{\"type\":\"");
        out.append(kindId(record.kind));
        out.append("\",\"conn\":");
        out.append(QByteArray::number(record.conn));
        if (record.kind != EventKind::Connection) {
            out.append(",\"t\":");
            appendMicroseconds(record.timeNs, out);
            out.append(record.dir == Direction::Out ? ",\"dir\":\"out\"" : ",\"dir\":\"in\"");
        }
        // A connection's details as they are now (a user may have named it since it opened).
        const QJsonObject details =
            record.kind == EventKind::Connection ? log.connection(record.conn).details : log.details(index);
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

    const QByteArray payload = log.payload(index);
    const uchar *data = reinterpret_cast<const uchar *>(payload.constData());
    const uchar *const dataEnd = data + payload.size();
    const bool binary = record.opcode == Opcode::Binary;
    const qsizetype base64Room = 4 * ((payload.size() + 2) / 3) + 2;
    const qsizetype start = out.size();
    out.resize(start + 256 + (binary ? base64Room : qMax(base64Room, stringRoom(data, dataEnd))));
    char *o = out.data() + start;
    o = put(o, "{\"type\":\"frame\",\"conn\":");
    o = putInt(o, record.conn);
    o = put(o, ",\"t\":");
    o = putMicroseconds(o, record.timeNs);
    o = record.dir == Direction::Out ? put(o, ",\"dir\":\"out\"") : put(o, ",\"dir\":\"in\"");
    o = put(o, ",\"fin\":");
    o = putBool(o, record.fin());
    o = put(o, ",\"rsv\":");
    o = putInt(o, int(record.rsv()));
    o = put(o, ",\"opcode\":");
    o = putInt(o, int(record.opcode));
    o = put(o, ",\"masked\":");
    o = putBool(o, record.masked());
    if (record.masked()) {
        static const char hex[] = "0123456789abcdef";
        o = put(o, ",\"mask\":\"");
        for (int i = 0; i < 8; ++i)
            *o++ = hex[(record.maskKey >> (28 - 4 * i)) & 0xF];
        *o++ = '"';
    }
    o = put(o, ",\"len\":");
    o = putInt(o, record.length);
    switch (record.lengthEncoding()) {
    case LengthEncoding::Bits7:
        o = put(o, ",\"lenenc\":7");
        break;
    case LengthEncoding::Bits16:
        o = put(o, ",\"lenenc\":16");
        break;
    case LengthEncoding::Bits64:
        o = put(o, ",\"lenenc\":64");
        break;
    }
    char *const textStart = put(o, ",\"text\":");
    char *text = binary ? nullptr : putUtf8String(textStart, data, dataEnd);
    // Text stays readable text, quotes and backslashes (two bytes each) included, unless escapes make it
    // more than twice its size (control characters take six bytes each, \u0001): then base64. A line
    // thus holds at most about twice its payload, inside the reader's line limit for any cap offered.
    if (text && text - textStart > 2 * (dataEnd - data) + 64)
        text = nullptr;
    if (text) {
        o = text;
    } else {
        o = put(o, ",\"data_b64\":\"");
        o = putBase64(o, data, dataEnd);
        *o++ = '"';
    }
    o = put(o, ",\"truncated\":");
    o = putBool(o, record.truncated());
    o = put(o, "}\n");
    out.truncate(o - out.constData());
}

} // namespace SessionFormat
} // namespace wsscope
