#include "sessionreader.h"

#include "eventlog.h"
#include "sessionformat.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QVarLengthArray>
#include <cmath>
#include <cstring>
#include <memory>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace wsscope {

namespace {

constexpr qsizetype ReadBlock = qsizetype(1) << 20;
// A header is short; a first line longer than this without an end is not one.
constexpr qsizetype MaxHeaderLength = qsizetype(64) << 10;

// One member of the top-level object of a line. Strings without escapes and nested values stay
// views into the line; only escaped strings are decoded into storage of their own.
struct Field
{
    enum Type { String, Number, True, False, Null, Object, Array };
    QByteArrayView rawKey;
    QByteArray decodedKey;
    bool keyEscaped = false;
    Type type = Null;
    QByteArrayView raw; // number text, nested value text, or string contents between the quotes
    QByteArray decoded;
    bool escaped = false;
    bool loneSurrogate = false; // the string had an escaped lone surrogate, decoded as U+FFFD

    QByteArrayView key() const { return keyEscaped ? QByteArrayView(decodedKey) : rawKey; }
    QByteArrayView string() const { return escaped ? QByteArrayView(decoded) : raw; }
};

using Fields = QVarLengthArray<Field, 16>;

char *putUtf8(char32_t cp, char *o)
{
    if (cp < 0x80) {
        *o++ = char(cp);
    } else if (cp < 0x800) {
        *o++ = char(0xC0 | (cp >> 6));
        *o++ = char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = char(0xE0 | (cp >> 12));
        *o++ = char(0x80 | ((cp >> 6) & 0x3F));
        *o++ = char(0x80 | (cp & 0x3F));
    } else {
        *o++ = char(0xF0 | (cp >> 18));
        *o++ = char(0x80 | ((cp >> 12) & 0x3F));
        *o++ = char(0x80 | ((cp >> 6) & 0x3F));
        *o++ = char(0x80 | (cp & 0x3F));
    }
    return o;
}

// The first '"', '\\' or control character (< 0x20) in [p, end), or end: the bytes a JSON string
// may hold as they are stop there.
inline const char *findSpecial(const char *p, const char *const end)
{
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i control = _mm_set1_epi8(0x1F);
    for (; end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        // max(v, 0x1F) == 0x1F exactly for the bytes 0x00-0x1F (unsigned).
        const __m128i special =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                         _mm_cmpeq_epi8(_mm_max_epu8(v, control), control));
        const unsigned bits = unsigned(_mm_movemask_epi8(special));
        if (bits != 0)
            return p + __builtin_ctz(bits);
    }
#endif
    while (p < end && *p != '"' && *p != '\\' && uchar(*p) >= 0x20)
        ++p;
    return p;
}

// The first '"' or '\\' in [p, end), or end.
inline const char *findQuoteOrBackslash(const char *p, const char *const end)
{
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    for (; end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const unsigned bits =
            unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash))));
        if (bits != 0)
            return p + __builtin_ctz(bits);
    }
#endif
    while (p < end && *p != '"' && *p != '\\')
        ++p;
    return p;
}

// A strict scanner of one JSON object per line (RFC 8259). Nested values are only delimited here;
// they are parsed by QJsonDocument when an event keeps them.
class LineScanner
{
public:
    bool scan(QByteArrayView line, Fields &fields)
    {
        m_begin = line.data();
        m_p = m_begin;
        m_end = m_begin + line.size();
        skipSpace();
        if (!expect('{'))
            return false;
        skipSpace();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            return finish();
        }
        for (;;) {
            Field field;
            skipSpace();
            if (m_p >= m_end || *m_p != '"')
                return error();
            if (!scanString(&field.rawKey, &field.decodedKey, &field.keyEscaped))
                return false;
            skipSpace();
            if (!expect(':'))
                return false;
            skipSpace();
            if (!scanValue(field))
                return false;
            fields.append(std::move(field));
            skipSpace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                continue;
            }
            if (!expect('}'))
                return false;
            return finish();
        }
    }

    qsizetype errorColumn() const { return m_errorAt - m_begin + 1; }

private:
    bool error()
    {
        m_errorAt = m_p;
        return false;
    }
    bool expect(char c)
    {
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return error();
    }
    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\r' || *m_p == '\n'))
            ++m_p;
    }
    bool finish()
    {
        skipSpace();
        return m_p == m_end || error();
    }

    bool scanHex4(char32_t *value)
    {
        if (m_end - m_p < 4)
            return error();
        char32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_p[i];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= char32_t(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= char32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= char32_t(c - 'A' + 10);
            else
                return error();
        }
        m_p += 4;
        *value = v;
        return true;
    }

    // At the opening quote.
    bool scanString(QByteArrayView *raw, QByteArray *decoded, bool *escaped)
    {
        const char *start = ++m_p;
        const char *p = findSpecial(start, m_end);
        if (p < m_end && *p == '"') {
            *raw = QByteArrayView(start, p - start);
            m_p = p + 1;
            return true;
        }
        *escaped = true;
        // Find the closing quote first: decoded, a string is never longer than its escaped form,
        // so it is written through a pointer into room reserved once.
        const char *close = p;
        for (;;) {
            close = findQuoteOrBackslash(close, m_end);
            if (close >= m_end || *close == '"')
                break;
            close += 2; // the escaped character cannot close the string
        }
        if (close >= m_end) {
            m_p = m_end;
            return error();
        }
        decoded->resize(close - start);
        char *const out = decoded->data();
        char *o = out;
        m_p = start;
        while (m_p < close) {
            // Runs without escapes are copied whole.
            const char *special = findSpecial(m_p, close);
            std::memcpy(o, m_p, size_t(special - m_p));
            o += special - m_p;
            m_p = special;
            if (m_p >= close)
                break;
            if (uchar(*m_p) < 0x20)
                return error();
            if (*m_p != '\\') { // a quote the pre-scan saw as escaped: kept as it is
                *o++ = *m_p++;
                continue;
            }
            const char e = *++m_p;
            ++m_p;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                *o++ = e;
                break;
            case 'b':
                *o++ = '\b';
                break;
            case 'f':
                *o++ = '\f';
                break;
            case 'n':
                *o++ = '\n';
                break;
            case 'r':
                *o++ = '\r';
                break;
            case 't':
                *o++ = '\t';
                break;
            case 'u': {
                char32_t cp;
                if (!scanHex4(&cp))
                    return false;
                // A surrogate pair is one character. A lone surrogate is none; QJsonDocument (which
                // wrote the details of most events) writes one it was given as an escape, so it
                // becomes U+FFFD, as Qt and browsers decode it, rather than costing the whole line.
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    char32_t low = 0;
                    const char *const afterHigh = m_p;
                    if (m_end - m_p >= 6 && m_p[0] == '\\' && m_p[1] == 'u') {
                        m_p += 2;
                        if (!scanHex4(&low))
                            return false;
                    }
                    if (low >= 0xDC00 && low <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else {
                        m_p = afterHigh; // whatever follows is read on its own
                        cp = 0xFFFD;
                        m_loneSurrogate = true;
                    }
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    cp = 0xFFFD;
                    m_loneSurrogate = true;
                }
                o = putUtf8(cp, o);
                break;
            }
            default:
                --m_p;
                return error();
            }
        }
        if (m_p != close) // an escape ran over the quote the pre-scan took as closing
            return error();
        decoded->truncate(o - out);
        *raw = QByteArrayView(start, close - start);
        m_p = close + 1;
        return true;
    }

    bool scanNumber(Field &field)
    {
        const char *start = m_p;
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        auto digits = [this] {
            const char *s = m_p;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            return m_p - s;
        };
        if (m_p < m_end && *m_p == '0')
            ++m_p;
        else if (digits() == 0)
            return error();
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (digits() == 0)
                return error();
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (digits() == 0)
                return error();
        }
        field.type = Field::Number;
        field.raw = QByteArrayView(start, m_p - start);
        return true;
    }

    // Delimits an object or array, strings inside included; QJsonDocument validates it if it is used.
    bool skipNested(Field &field)
    {
        const char *start = m_p;
        int depth = 0;
        while (m_p < m_end) {
            const char c = *m_p++;
            if (c == '"') {
                while (m_p < m_end && *m_p != '"') {
                    if (*m_p == '\\')
                        ++m_p;
                    ++m_p;
                }
                if (m_p >= m_end)
                    return error();
                ++m_p;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    field.type = *start == '{' ? Field::Object : Field::Array;
                    field.raw = QByteArrayView(start, m_p - start);
                    return true;
                }
            }
        }
        return error();
    }

    bool literal(const char *word, Field &field, Field::Type type)
    {
        const qsizetype n = qsizetype(std::strlen(word));
        if (m_end - m_p < n || std::memcmp(m_p, word, size_t(n)) != 0)
            return error();
        field.raw = QByteArrayView(m_p, n);
        field.type = type;
        m_p += n;
        return true;
    }

    bool scanValue(Field &field)
    {
        if (m_p >= m_end)
            return error();
        switch (*m_p) {
        case '"':
            field.type = Field::String;
            m_loneSurrogate = false;
            if (!scanString(&field.raw, &field.decoded, &field.escaped))
                return false;
            field.loneSurrogate = m_loneSurrogate;
            return true;
        case '{':
        case '[':
            return skipNested(field);
        case 't':
            return literal("true", field, Field::True);
        case 'f':
            return literal("false", field, Field::False);
        case 'n':
            return literal("null", field, Field::Null);
        default:
            return scanNumber(field);
        }
    }

    const char *m_begin = nullptr;
    bool m_loneSurrogate = false; // set by scanString
    const char *m_p = nullptr;
    const char *m_end = nullptr;
    const char *m_errorAt = nullptr;
};

const Field *findField(const Fields &fields, const char *key)
{
    const QByteArrayView wanted(key, qsizetype(std::strlen(key)));
    for (const Field &field : fields) {
        if (field.key() == wanted)
            return &field;
    }
    return nullptr;
}

// Keys of event lines, looked up once per line instead of once per use.
enum Key {
    KeyType,
    KeyConn,
    KeyT,
    KeyDir,
    KeyFin,
    KeyRsv,
    KeyOpcode,
    KeyMasked,
    KeyMask,
    KeyLen,
    KeyLenenc,
    KeyText,
    KeyDataB64,
    KeyTruncated,
    KeyDetails,
    KeyCount
};
const char *const keyNames[KeyCount] = {"type",   "conn",   "t",        "dir",       "fin",
                                        "rsv",    "opcode", "masked",   "mask",      "len",
                                        "lenenc", "text",   "data_b64", "truncated", "details"};

void classify(const Fields &fields, const Field *(&known)[KeyCount])
{
    for (auto &slot : known)
        slot = nullptr;
    for (const Field &field : fields) {
        const QByteArrayView key = field.key();
        for (int k = 0; k < KeyCount; ++k) {
            if (!known[k] && key.size() == qsizetype(std::strlen(keyNames[k])) &&
                std::memcmp(key.data(), keyNames[k], size_t(key.size())) == 0) {
                known[k] = &field; // the first of duplicate keys wins
                break;
            }
        }
    }
}

bool toUnsigned(const Field *field, quint64 max, quint64 *value)
{
    if (!field || field->type != Field::Number || field->raw.isEmpty() || field->raw.size() > 20)
        return false;
    quint64 v = 0;
    for (const char c : field->raw) {
        if (c < '0' || c > '9')
            return false;
        const quint64 digit = quint64(c - '0');
        if (digit > max || v > (max - digit) / 10) // digit > max: max - digit would wrap around
            return false;
        v = v * 10 + digit;
    }
    *value = v;
    return true;
}

bool toBool(const Field *field, bool fallback, bool *value)
{
    if (!field) {
        *value = fallback;
        return true;
    }
    if (field->type != Field::True && field->type != Field::False)
        return false;
    *value = field->type == Field::True;
    return true;
}

QJsonValue toJsonValue(const Field &field, bool *ok)
{
    switch (field.type) {
    case Field::String:
        return QString::fromUtf8(field.string());
    case Field::True:
        return true;
    case Field::False:
        return false;
    case Field::Null:
        return QJsonValue::Null;
    case Field::Number: {
        quint64 magnitude;
        const bool negative = field.raw.startsWith('-');
        Field digits = field;
        digits.raw = negative ? field.raw.sliced(1) : field.raw;
        // Integers stay integers, as QJsonDocument keeps them (up to 2^63).
        if (toUnsigned(&digits, quint64(std::numeric_limits<qint64>::max()), &magnitude))
            return negative ? -qint64(magnitude) : qint64(magnitude);
        // A number that is not an integer: must not clear a failure found earlier in the line.
        bool valid = false;
        const double d = field.raw.toByteArray().toDouble(&valid);
        if (!valid)
            *ok = false;
        return d;
    }
    case Field::Object:
    case Field::Array: {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(field.raw.toByteArray(), &error);
        if (error.error != QJsonParseError::NoError) {
            *ok = false;
            return QJsonValue();
        }
        return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    }
    }
    return QJsonValue();
}

// Frame lines exactly as SessionFormat::appendEventLine writes them: keys in its order, no spaces.
// They are nearly all of a file, and reading them without the general scanner (no field list, no key
// lookups) halves the time to open one. Anything else, or anything the general path would report,
// makes parse() return false and the line goes the general way, so the results are the same.
class FrameLineParser
{
public:
    static bool applies(QByteArrayView line) { return line.startsWith(Prefix); }

    // fileConn is the connection number as written; payload views the line or the parser's buffers.
    bool parse(QByteArrayView line, EventRecord *record, quint32 *fileConn, QByteArrayView *payload)
    {
        m_p = line.data();
        m_end = m_p + line.size();
        quint64 conn, rsv, opcode, length, lenenc;
        QByteArrayView time;
        bool fin, masked, truncated;
        quint32 maskKey = 0;
        if (!literal(Prefix) || !unsignedNumber(0xFFFFFFFFu, &conn) || !literal(",\"t\":") ||
            !number(&time) || !SessionFormat::parseMicroseconds(time, &record->timeNs))
            return false;
        if (literal(",\"dir\":\"out\""))
            record->dir = Direction::Out;
        else if (literal(",\"dir\":\"in\""))
            record->dir = Direction::In;
        else
            return false;
        if (!literal(",\"fin\":") || !boolean(&fin) || !literal(",\"rsv\":") || !unsignedNumber(7, &rsv) ||
            !literal(",\"opcode\":") || !unsignedNumber(15, &opcode) || !literal(",\"masked\":") ||
            !boolean(&masked))
            return false;
        if (masked && (!literal(",\"mask\":\"") || !hex8(&maskKey) || !literal("\"")))
            return false;
        if (!literal(",\"len\":") || !unsignedNumber(std::numeric_limits<quint64>::max(), &length) ||
            !literal(",\"lenenc\":") || !unsignedNumber(64, &lenenc))
            return false;
        const bool text = literal(",\"text\":");
        if (!text && !literal(",\"data_b64\":"))
            return false;
        QByteArrayView string;
        if (!literal("\"") || !(m_p = decodeString(m_p, &string)))
            return false;
        if (text) {
            if (!SessionFormat::isValidUtf8(string))
                return false;
            *payload = string;
        } else {
            QByteArray::FromBase64Result result =
                QByteArray::fromBase64Encoding(string.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
            if (!result)
                return false;
            m_binary = std::move(result.decoded);
            *payload = m_binary;
        }
        if (!literal(",\"truncated\":") || !boolean(&truncated) || !literal("}") || m_p != m_end ||
            length < quint64(payload->size()))
            return false;
        quint8 flags = quint8(rsv << 4);
        if (fin)
            flags |= EventRecord::Fin;
        if (masked)
            flags |= EventRecord::Masked;
        if (truncated)
            flags |= EventRecord::Truncated;
        if (lenenc == 16)
            flags |= 0x08;
        else if (lenenc == 64)
            flags |= 0x80;
        else if (lenenc != 7)
            return false;
        record->kind = EventKind::Frame;
        record->opcode = quint8(opcode);
        record->flags = flags;
        record->maskKey = maskKey;
        record->length = length;
        *fileConn = quint32(conn);
        return true;
    }

private:
    static constexpr char Prefix[] = "{\"type\":\"frame\",\"conn\":";

    template <size_t N> bool literal(const char (&text)[N])
    {
        if (m_end - m_p < qsizetype(N - 1) || std::memcmp(m_p, text, N - 1) != 0)
            return false;
        m_p += N - 1;
        return true;
    }

    bool boolean(bool *value)
    {
        if (literal("true"))
            *value = true;
        else if (literal("false"))
            *value = false;
        else
            return false;
        return true;
    }

    // Digits only, as toUnsigned() takes them; a leading zero is not JSON.
    bool unsignedNumber(quint64 max, quint64 *value)
    {
        const char *start = m_p;
        quint64 v = 0;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9') {
            const quint64 digit = quint64(*m_p - '0');
            if (digit > max || v > (max - digit) / 10) // digit > max: max - digit would wrap around
                return false;
            v = v * 10 + digit;
            ++m_p;
        }
        if (m_p == start || (*start == '0' && m_p - start > 1))
            return false;
        *value = v;
        return true;
    }

    // A JSON number (RFC 8259 §6), delimited as LineScanner::scanNumber does.
    bool number(QByteArrayView *raw)
    {
        const char *start = m_p;
        auto digits = [this] {
            const char *s = m_p;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            return m_p - s;
        };
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        if (m_p < m_end && *m_p == '0')
            ++m_p;
        else if (digits() == 0)
            return false;
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (digits() == 0)
                return false;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (digits() == 0)
                return false;
        }
        *raw = QByteArrayView(start, m_p - start);
        return true;
    }

    // The string after its opening quote at p, in one pass into a buffer kept between lines: it needs
    // no more room than the rest of the line. Returns the end of the string; nullptr for anything
    // unusual (surrogate escapes, control characters, no closing quote), left to the general path.
    const char *decodeString(const char *p, QByteArrayView *string)
    {
        const char *run = findSpecial(p, m_end);
        if (run < m_end && *run == '"') {
            *string = QByteArrayView(p, run - p);
            return run + 1;
        }
        if (m_decoded.size() < m_end - p)
            m_decoded.resize(m_end - p);
        char *const begin = m_decoded.data();
        char *o = begin;
        for (;;) {
            std::memcpy(o, p, size_t(run - p));
            o += run - p;
            p = run;
            if (p >= m_end)
                return nullptr;
            if (*p == '"') {
                *string = QByteArrayView(begin, o - begin);
                return p + 1;
            }
            if (*p != '\\' || m_end - p < 2)
                return nullptr;
            const char e = p[1];
            p += 2;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                *o++ = e;
                break;
            case 'b':
                *o++ = '\b';
                break;
            case 'f':
                *o++ = '\f';
                break;
            case 'n':
                *o++ = '\n';
                break;
            case 'r':
                *o++ = '\r';
                break;
            case 't':
                *o++ = '\t';
                break;
            case 'u': {
                quint32 cp = 0;
                if (!hex(p, 4, &cp) || (cp >= 0xD800 && cp <= 0xDFFF))
                    return nullptr;
                p += 4;
                o = putUtf8(char32_t(cp), o);
                break;
            }
            default:
                return nullptr;
            }
            run = findSpecial(p, m_end);
        }
    }

    bool hex(const char *p, int digits, quint32 *value) const
    {
        if (m_end - p < digits)
            return false;
        quint32 v = 0;
        for (int i = 0; i < digits; ++i) {
            const char c = p[i];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= quint32(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= quint32(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= quint32(c - 'A' + 10);
            else
                return false;
        }
        *value = v;
        return true;
    }

    bool hex8(quint32 *value)
    {
        if (!hex(m_p, 8, value))
            return false;
        m_p += 8;
        return true;
    }

    const char *m_p = nullptr;
    const char *m_end = nullptr;
    QByteArray m_decoded; // kept between lines: its room is reused
    QByteArray m_binary;
};

} // namespace

struct SessionReader::State
{
    EventLog *log = nullptr;
    qint64 line = 0;
    QHash<quint32, quint32> connections; // number in the file -> number in the log
    Fields fields;
    LineScanner scanner;
    FrameLineParser frameParser;
};

bool SessionReader::read(const QString &path, EventLog *log)
{
    QFile file(path);
    // Blocks go straight into the reader's buffer, not through QIODevice's.
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        m_error = tr("Could not open %1: %2.").arg(path, file.errorString());
        return false;
    }
    return read(&file, log);
}

bool SessionReader::read(QIODevice *device, EventLog *log)
{
    m_error.clear();
    m_problems.clear();
    m_problemCount = 0;
    m_version = 0;
    m_created.clear();
    m_application.clear();
    m_lines = 0;
    m_events = 0;

    State state;
    state.log = log;
    bool headerRead = false;
    bool skippingLongLine = false;
    // Blocks are read straight behind the partial line left from the previous one: no copy of a
    // block, no allocation per block once the buffer has its size.
    // Not zero-filled (as a vector would be): a small file touches only the pages it needs.
    qsizetype capacity = 2 * ReadBlock;
    std::unique_ptr<char[]> buffer(new char[size_t(capacity)]);
    qsizetype filled = 0;
    qsizetype pos = 0;
    const qint64 total = device->isSequential() ? -1 : device->size();

    // Handles one line; returns false when reading must stop.
    auto handleLine = [&](QByteArrayView line, bool complete) {
        ++m_lines;
        if (line.endsWith('\r'))
            line.chop(1);
        if (!headerRead) {
            if (!readHeader(line))
                return false;
            headerRead = true;
            return true;
        }
        readEvent(line, complete, state);
        return true;
    };
    auto longLine = [&] {
        ++m_lines;
        addProblem(
            m_lines,
            tr("Line %1 is longer than %2 MiB; it was skipped.").arg(m_lines).arg(MaxLineLength >> 20));
    };

    for (;;) {
        const char *data = buffer.get();
        const void *newline = pos < filled ? std::memchr(data + pos, '\n', size_t(filled - pos)) : nullptr;
        if (newline) {
            const qsizetype end = static_cast<const char *>(newline) - data;
            if (skippingLongLine) {
                skippingLongLine = false;
                longLine();
            } else if (!handleLine(QByteArrayView(data + pos, end - pos), true)) {
                return false;
            }
            pos = end + 1;
            continue;
        }
        // No complete line left in the buffer: keep the partial one and read more.
        filled -= pos;
        std::memmove(buffer.get(), data + pos, size_t(filled));
        pos = 0;
        const qsizetype limit = headerRead ? MaxLineLength : MaxHeaderLength;
        if (filled > limit) {
            if (!headerRead) {
                m_error = tr("This file is not a WsScope session: its first line is not a session header.");
                return false;
            }
            skippingLongLine = true;
            filled = 0;
        }
        if (capacity - filled < ReadBlock) {
            capacity = qMax(2 * capacity, filled + ReadBlock);
            std::unique_ptr<char[]> grown(new char[size_t(capacity)]);
            std::memcpy(grown.get(), buffer.get(), size_t(filled));
            buffer = std::move(grown);
        }
        const qint64 count = device->read(buffer.get() + filled, ReadBlock);
        if (count <= 0) {
            if (skippingLongLine)
                longLine();
            else if (filled > 0 && !handleLine(QByteArrayView(buffer.get(), filled), false))
                return false;
            break;
        }
        filled += qsizetype(count);
        if (m_progress && !m_progress(device->pos(), total)) {
            m_error = tr("Opening the session was cancelled; the events read so far are shown.");
            return false;
        }
    }
    if (!headerRead) {
        m_error = tr("The file is empty; it holds no session.");
        return false;
    }
    return true;
}

bool SessionReader::readHeader(QByteArrayView line)
{
    const QString notASession =
        tr("This file is not a WsScope session: its first line is not a session header.");
    Fields fields;
    LineScanner scanner;
    const Field *format = nullptr;
    const Field *version = nullptr;
    if (scanner.scan(line, fields)) {
        format = findField(fields, "format");
        version = findField(fields, "version");
    }
    if (!format || format->type != Field::String || format->string() != SessionFormat::FormatName ||
        !version || version->type != Field::Number) {
        m_error = line.trimmed().isEmpty() && m_lines == 1 ? tr("The file is empty; it holds no session.")
                                                           : notASession;
        return false;
    }
    bool ok = false;
    const double number = version->raw.toByteArray().toDouble(&ok);
    // The major version is the integer part: a 1.x file may add keys a 1.0 reader ignores.
    const double major = std::floor(number);
    if (!ok || major < 1 || major > 1e6) {
        m_error = notASession;
        return false;
    }
    m_version = int(major);
    if (m_version > SessionFormat::Version) {
        m_error =
            tr("This session was written by a newer WsScope (format version %1); update WsScope to open it.")
                .arg(m_version);
        return false;
    }
    if (const Field *created = findField(fields, "created"))
        m_created = QString::fromUtf8(created->string());
    if (const Field *app = findField(fields, "app"))
        m_application = QString::fromUtf8(app->string());
    return true;
}

void SessionReader::addProblem(qint64 line, const QString &message)
{
    ++m_problemCount;
    if (m_problems.size() < MaxProblems)
        m_problems.append(Problem{line, message});
}

void SessionReader::readEvent(QByteArrayView line, bool complete, State &state)
{
    const qint64 number = state.line = m_lines;
    // Adds the event once its line has been read, either way.
    auto append = [&](quint32 fileConn, EventRecord &record, QByteArrayView payload,
                      const QJsonObject &details) {
        auto mapped = state.connections.constFind(fileConn);
        if (mapped == state.connections.cend()) {
            addProblem(number,
                       tr("Line %1 refers to connection %2, which the file does not open before; an empty "
                          "connection was added for it.")
                           .arg(number)
                           .arg(fileConn));
            mapped = state.connections.insert(fileConn, state.log->addConnection(fileConn, {}));
        }
        record.conn = *mapped;
        if (record.kind == EventKind::Frame)
            state.log->appendRecord(record, payload);
        else
            state.log->appendEvent(record, details);
        ++m_events;
    };
    if (FrameLineParser::applies(line)) {
        EventRecord record;
        quint32 fileConn = 0;
        QByteArrayView payload;
        if (state.frameParser.parse(line, &record, &fileConn, &payload)) {
            append(fileConn, record, payload, QJsonObject());
            return;
        }
    }
    if (line.trimmed().isEmpty())
        return;
    state.fields.clear();
    if (!state.scanner.scan(line, state.fields)) {
        if (!complete)
            addProblem(number,
                       tr("Line %1 is incomplete: the file ends in the middle of it (the recording was "
                          "probably interrupted). Everything before it was loaded.")
                           .arg(number));
        else
            addProblem(number, tr("Line %1 is not valid JSON (column %2); it was skipped.")
                                   .arg(number)
                                   .arg(state.scanner.errorColumn()));
        return;
    }
    const Fields &fields = state.fields;
    const Field *known[KeyCount];
    classify(fields, known);
    auto bad = [&](const QString &what) {
        addProblem(number, tr("Line %1: %2; it was skipped.").arg(number).arg(what));
    };

    const Field *type = known[KeyType];
    EventKind kind;
    if (!type || type->type != Field::String) {
        bad(tr("there is no \"type\""));
        return;
    }
    if (!SessionFormat::kindFromId(type->string(), &kind)) {
        // A newer 1.x writer may add kinds; they are skipped, not fatal.
        addProblem(number,
                   tr("Line %1 has an event type this version does not know (\"%2\"); it was skipped.")
                       .arg(number)
                       .arg(QString::fromUtf8(type->string())));
        return;
    }
    quint64 fileConn = 0;
    if (!toUnsigned(known[KeyConn], 0xFFFFFFFFu, &fileConn)) {
        bad(tr("\"conn\" is missing or not a connection number"));
        return;
    }

    auto detailsOf = [&](bool *ok) {
        QJsonObject details;
        if (const Field *nested = known[KeyDetails]) {
            const QJsonValue value = toJsonValue(*nested, ok);
            if (!value.isObject())
                *ok = false;
            return value.toObject();
        }
        for (const Field &field : fields) {
            const QByteArrayView key = field.key();
            if (key == "type" || key == "conn" || key == "t" || key == "dir")
                continue;
            details.insert(QString::fromUtf8(key), toJsonValue(field, ok));
        }
        return details;
    };

    if (kind == EventKind::Connection) {
        bool ok = true;
        const QJsonObject details = detailsOf(&ok);
        if (!ok) {
            bad(tr("its details are not valid JSON"));
            return;
        }
        if (state.connections.contains(quint32(fileConn))) {
            addProblem(number,
                       tr("Line %1 opens connection %2 a second time; its events that follow go to a new "
                          "connection.")
                           .arg(number)
                           .arg(fileConn));
        }
        state.connections.insert(quint32(fileConn), state.log->addConnection(quint32(fileConn), details));
        ++m_events;
        return;
    }

    EventRecord record;
    record.kind = kind;
    const Field *time = known[KeyT];
    if (!time || time->type != Field::Number ||
        !SessionFormat::parseMicroseconds(time->raw, &record.timeNs)) {
        bad(tr("\"t\" is missing or not a time"));
        return;
    }
    const Field *dir = known[KeyDir];
    if (dir && dir->type == Field::String && dir->string() == "in") {
        record.dir = Direction::In;
    } else if (dir && !(dir->type == Field::String && dir->string() == "out")) {
        bad(tr("\"dir\" is neither \"out\" nor \"in\""));
        return;
    } else if (!dir && kind == EventKind::Frame) {
        bad(tr("\"dir\" is missing"));
        return;
    }

    QByteArray decodedPayload;
    QByteArrayView payload;
    QJsonObject details;
    if (kind == EventKind::Frame) {
        quint64 value = 0;
        if (!toUnsigned(known[KeyOpcode], 15, &value)) {
            bad(tr("\"opcode\" is missing or not 0-15"));
            return;
        }
        record.opcode = quint8(value);
        quint64 rsv = 0;
        if (const Field *field = known[KeyRsv]; field && !toUnsigned(field, 7, &rsv)) {
            bad(tr("\"rsv\" is not 0-7"));
            return;
        }
        bool fin, masked, truncated;
        if (!toBool(known[KeyFin], true, &fin) || !toBool(known[KeyMasked], false, &masked) ||
            !toBool(known[KeyTruncated], false, &truncated)) {
            bad(tr("\"fin\", \"masked\" or \"truncated\" is not true or false"));
            return;
        }
        if (masked) {
            const Field *mask = known[KeyMask];
            bool ok = mask && mask->type == Field::String && mask->string().size() == 8;
            if (ok)
                record.maskKey = mask->string().toByteArray().toUInt(&ok, 16);
            if (!ok) {
                bad(tr("the frame is masked but \"mask\" is not 8 hexadecimal digits"));
                return;
            }
        }
        if (const Field *text = known[KeyText]) {
            if (text->loneSurrogate) {
                // A payload is bytes: replacing what the escape stood for would change them.
                bad(tr("\"text\" holds a lone surrogate escape (such as \\udc00), which is no character"));
                return;
            }
            if (text->type != Field::String || !SessionFormat::isValidUtf8(text->string())) {
                bad(tr("\"text\" is not a valid UTF-8 string"));
                return;
            }
            payload = text->string();
        } else if (const Field *data = known[KeyDataB64]) {
            QByteArray::FromBase64Result result;
            if (data->type == Field::String)
                result = QByteArray::fromBase64Encoding(data->string().toByteArray(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
            if (data->type != Field::String || !result) {
                bad(tr("\"data_b64\" is not valid base64"));
                return;
            }
            decodedPayload = result.decoded;
            payload = decodedPayload;
        }
        record.length = quint64(payload.size());
        if (const Field *len = known[KeyLen];
            len && (!toUnsigned(len, std::numeric_limits<quint64>::max(), &record.length) ||
                    record.length < quint64(payload.size()))) {
            bad(tr("\"len\" is not a length at least as long as the stored payload"));
            return;
        }
        LengthEncoding encoding = record.length < 126     ? LengthEncoding::Bits7
                                  : record.length < 65536 ? LengthEncoding::Bits16
                                                          : LengthEncoding::Bits64;
        if (const Field *lenenc = known[KeyLenenc]) {
            quint64 bits = 0;
            toUnsigned(lenenc, 64, &bits);
            if (bits == 7)
                encoding = LengthEncoding::Bits7;
            else if (bits == 16)
                encoding = LengthEncoding::Bits16;
            else if (bits == 64)
                encoding = LengthEncoding::Bits64;
            else {
                bad(tr("\"lenenc\" is not 7, 16 or 64"));
                return;
            }
        }
        quint8 flags = quint8(rsv << 4);
        if (fin)
            flags |= EventRecord::Fin;
        if (masked)
            flags |= EventRecord::Masked;
        if (truncated)
            flags |= EventRecord::Truncated;
        if (encoding == LengthEncoding::Bits16)
            flags |= 0x08;
        else if (encoding == LengthEncoding::Bits64)
            flags |= 0x80;
        record.flags = flags;
    } else {
        bool ok = true;
        details = detailsOf(&ok);
        if (!ok) {
            bad(tr("its details are not valid JSON"));
            return;
        }
    }

    append(quint32(fileConn), record, payload, details);
}

} // namespace wsscope
