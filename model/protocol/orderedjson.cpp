#include "orderedjson.h"

namespace wsscope {

namespace {

inline bool isWs(char c)
{
    // RFC 8259 §2: only these four; no form feed, no vertical tab, no NBSP.
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QString describeByte(const char *p, const char *end)
{
    if (p >= end)
        return OrderedJson::tr("the end of the data");
    const uchar c = uchar(*p);
    if (c >= 0x20 && c < 0x7f)
        return QStringLiteral("'%1'").arg(QChar(c));
    return OrderedJson::tr("byte 0x%1").arg(c, 2, 16, QLatin1Char('0'));
}

} // namespace

class OrderedJson::Parser
{
public:
    Parser(const QByteArray &src, const Limits &limits, Data &d)
        : m_begin(src.constData()), m_end(src.constData() + src.size()), m_p(m_begin), m_limits(limits),
          m_d(d)
    {}

    bool run();

private:
    bool fail(const char *at, const QString &message)
    {
        m_d.error.offset = at - m_begin;
        m_d.error.message = message;
        return false;
    }
    void skipWs()
    {
        while (m_p < m_end && isWs(*m_p))
            ++m_p;
    }
    bool scanString();
    bool scanNumber();
    bool scanLiteral(const char *word, int len);
    bool addNode(Node node);
    quint32 off(const char *p) const { return quint32(p - m_begin); }

    const char *m_begin;
    const char *m_end;
    const char *m_p;
    Limits m_limits;
    Data &m_d;
    // The children of each open container wait here and are moved to the flat array when it closes,
    // which is what makes every container's children contiguous. Vectors are reused per depth.
    std::vector<std::vector<Node>> m_levels;
    std::vector<Node> m_open;
    quint32 m_pendingKeyBegin = 0;
    quint32 m_pendingKeyEnd = 0;
    qint64 m_nodeCount = 0;
    Node m_rootNode;
    bool m_haveRoot = false;
};

bool OrderedJson::Parser::scanString()
{
    // m_p is at the opening quote.
    const char *start = m_p;
    ++m_p;
    while (true) {
        // Fast path over plain ASCII.
        while (m_p < m_end) {
            const uchar c = uchar(*m_p);
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                break;
            ++m_p;
        }
        if (m_p >= m_end)
            return fail(m_p, tr("unterminated string (started at byte %1)").arg(start - m_begin));
        const uchar c = uchar(*m_p);
        if (c == '"') {
            ++m_p;
            return true;
        }
        if (c < 0x20)
            return fail(
                m_p,
                tr("control character 0x%1 inside a string must be escaped").arg(c, 2, 16, QLatin1Char('0')));
        if (c == '\\') {
            if (m_p + 1 >= m_end)
                return fail(m_p + 1, tr("unterminated escape sequence"));
            const char e = m_p[1];
            switch (e) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                m_p += 2;
                break;
            case 'u':
                for (int i = 0; i < 4; ++i) {
                    if (m_p + 2 + i >= m_end || hexValue(m_p[2 + i]) < 0)
                        return fail(m_p + 2 + i, tr("expected 4 hex digits after \\u"));
                }
                m_p += 6;
                break;
            default:
                return fail(m_p + 1, tr("invalid escape \\%1").arg(describeByte(m_p + 1, m_end)));
            }
            continue;
        }
        // Multi-byte UTF-8 (RFC 8259 §8.1 requires UTF-8; RFC 3629 forbids overlongs and surrogates).
        int len = 0;
        uint cp = 0;
        if (c >= 0xc2 && c <= 0xdf) {
            len = 2;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            len = 3;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return fail(m_p, tr("invalid UTF-8 byte 0x%1 in a string").arg(c, 2, 16, QLatin1Char('0')));
        }
        if (m_end - m_p < len)
            return fail(m_p, tr("truncated UTF-8 sequence in a string"));
        for (int i = 1; i < len; ++i) {
            const uchar cc = uchar(m_p[i]);
            if ((cc & 0xc0) != 0x80)
                return fail(m_p, tr("invalid UTF-8 sequence in a string"));
            cp = (cp << 6) | (cc & 0x3f);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
            return fail(m_p, tr("invalid UTF-8 sequence in a string"));
        m_p += len;
    }
}

bool OrderedJson::Parser::scanNumber()
{
    // RFC 8259 §6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    if (m_p < m_end && *m_p == '-')
        ++m_p;
    if (m_p >= m_end || !isDigit(*m_p))
        return fail(m_p, tr("expected a digit, found %1").arg(describeByte(m_p, m_end)));
    if (*m_p == '0') {
        ++m_p;
        if (m_p < m_end && isDigit(*m_p))
            return fail(m_p, tr("leading zeros are not allowed in numbers"));
    } else {
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    if (m_p < m_end && *m_p == '.') {
        ++m_p;
        if (m_p >= m_end || !isDigit(*m_p))
            return fail(
                m_p, tr("expected a digit after the decimal point, found %1").arg(describeByte(m_p, m_end)));
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (m_p >= m_end || !isDigit(*m_p))
            return fail(m_p, tr("expected a digit in the exponent, found %1").arg(describeByte(m_p, m_end)));
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    return true;
}

bool OrderedJson::Parser::scanLiteral(const char *word, int len)
{
    for (int i = 0; i < len; ++i) {
        if (m_p + i >= m_end || m_p[i] != word[i])
            return fail(m_p + i, tr("expected '%1'").arg(QLatin1String(word, len)));
    }
    m_p += len;
    return true;
}

bool OrderedJson::Parser::addNode(Node node)
{
    if (++m_nodeCount > m_limits.maxNodes)
        return fail(m_begin + node.begin,
                    tr("more than %1 values: too large to show as a tree").arg(m_limits.maxNodes));
    node.keyBegin = m_pendingKeyBegin;
    node.keyEnd = m_pendingKeyEnd;
    m_pendingKeyBegin = m_pendingKeyEnd = 0;
    if (m_open.empty()) {
        m_rootNode = node;
        m_haveRoot = true;
    } else {
        m_levels[m_open.size() - 1].push_back(node);
    }
    return true;
}

bool OrderedJson::Parser::run()
{
    if (m_end - m_begin > m_limits.maxBytes || m_end - m_begin >= qint64(0xffffffffu))
        return fail(
            m_begin,
            tr("%1 bytes exceed the limit of %2 bytes for JSON").arg(m_end - m_begin).arg(m_limits.maxBytes));
    // A UTF-8 byte order mark is not JSON (RFC 8259 §8.1: must not add one); say so plainly.
    if (m_end - m_begin >= 3 && uchar(m_begin[0]) == 0xef && uchar(m_begin[1]) == 0xbb &&
        uchar(m_begin[2]) == 0xbf)
        return fail(m_begin, tr("a byte order mark is not allowed before JSON text"));

    enum class State { Value, AfterValue, FirstMember, Member };
    State state = State::Value;
    while (true) {
        switch (state) {
        case State::Value: {
            skipWs();
            if (m_p >= m_end)
                return fail(m_p, tr("expected a value, found the end of the data"));
            Node node;
            node.begin = off(m_p);
            const char c = *m_p;
            if (c == '{' || c == '[') {
                if (int(m_open.size()) >= m_limits.maxDepth)
                    return fail(m_p, tr("nesting deeper than %1 levels").arg(m_limits.maxDepth));
                node.type = quint8(c == '{' ? Type::Object : Type::Array);
                node.keyBegin = m_pendingKeyBegin;
                node.keyEnd = m_pendingKeyEnd;
                m_pendingKeyBegin = m_pendingKeyEnd = 0;
                m_open.push_back(node);
                if (m_levels.size() < m_open.size())
                    m_levels.emplace_back();
                m_levels[m_open.size() - 1].clear();
                ++m_p;
                state = c == '{' ? State::FirstMember : State::Value;
                if (c == '[') {
                    skipWs();
                    if (m_p < m_end && *m_p == ']')
                        state = State::AfterValue; // AfterValue closes the empty array
                }
                continue;
            }
            bool ok = false;
            switch (c) {
            case '"':
                node.type = quint8(Type::String);
                ok = scanString();
                break;
            case 't':
                node.type = quint8(Type::True);
                ok = scanLiteral("true", 4);
                break;
            case 'f':
                node.type = quint8(Type::False);
                ok = scanLiteral("false", 5);
                break;
            case 'n':
                node.type = quint8(Type::Null);
                ok = scanLiteral("null", 4);
                break;
            default:
                if (c == '-' || isDigit(c)) {
                    node.type = quint8(Type::Number);
                    ok = scanNumber();
                } else {
                    return fail(m_p, tr("expected a value, found %1").arg(describeByte(m_p, m_end)));
                }
            }
            if (!ok)
                return false;
            node.end = off(m_p);
            if (!addNode(node))
                return false;
            state = State::AfterValue;
            continue;
        }
        case State::FirstMember:
        case State::Member: {
            skipWs();
            if (state == State::FirstMember && m_p < m_end && *m_p == '}') {
                state = State::AfterValue; // closes the empty object
                continue;
            }
            if (m_p >= m_end || *m_p != '"')
                return fail(m_p, tr("expected a string key, found %1").arg(describeByte(m_p, m_end)));
            const char *keyStart = m_p;
            if (!scanString())
                return false;
            m_pendingKeyBegin = off(keyStart);
            m_pendingKeyEnd = off(m_p);
            skipWs();
            if (m_p >= m_end || *m_p != ':')
                return fail(m_p,
                            tr("expected ':' after an object key, found %1").arg(describeByte(m_p, m_end)));
            ++m_p;
            state = State::Value;
            continue;
        }
        case State::AfterValue: {
            skipWs();
            if (m_open.empty()) {
                if (m_p != m_end)
                    return fail(m_p, tr("unexpected %1 after the JSON value").arg(describeByte(m_p, m_end)));
                if (!m_haveRoot)
                    return false;
                m_d.root = quint32(m_d.nodes.size());
                m_d.nodes.push_back(m_rootNode);
                return true;
            }
            const bool isObject = m_open.back().type == quint8(Type::Object);
            const char close = isObject ? '}' : ']';
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                state = isObject ? State::Member : State::Value;
                continue;
            }
            if (m_p >= m_end || *m_p != close) {
                return fail(m_p, isObject ? tr("expected ',' or '}' after an object member, found %1")
                                                .arg(describeByte(m_p, m_end))
                                          : tr("expected ',' or ']' after an array element, found %1")
                                                .arg(describeByte(m_p, m_end)));
            }
            ++m_p;
            Node node = m_open.back();
            m_open.pop_back();
            std::vector<Node> &children = m_levels[m_open.size()];
            node.end = off(m_p);
            node.childCount = quint32(children.size());
            node.firstChild = children.empty() ? NoNode : quint32(m_d.nodes.size());
            m_d.nodes.insert(m_d.nodes.end(), children.begin(), children.end());
            children.clear();
            // addNode consumes the pending key; the container carries its own.
            const quint32 kb = node.keyBegin, ke = node.keyEnd;
            m_pendingKeyBegin = kb;
            m_pendingKeyEnd = ke;
            if (!addNode(node))
                return false;
            state = State::AfterValue;
            continue;
        }
        }
    }
}

OrderedJson OrderedJson::parse(const QByteArray &json, const Limits &limits)
{
    auto d = std::make_shared<Data>();
    d->source = json;
    Parser parser(json, limits, *d);
    if (!parser.run()) {
        d->nodes.clear();
        d->nodes.shrink_to_fit();
        // Line and column are computed only on failure: counting them during the parse would tax
        // every valid payload.
        const char *p = json.constData();
        const char *at = p + qMin<qint64>(d->error.offset, json.size());
        int line = 1;
        int column = 1;
        for (; p < at; ++p) {
            if (*p == '\n') {
                ++line;
                column = 1;
            } else if ((uchar(*p) & 0xc0) != 0x80) {
                ++column; // continuation bytes belong to the code point already counted
            }
        }
        d->error.line = line;
        d->error.column = column;
    } else {
        d->nodes.shrink_to_fit();
        const quint32 count = quint32(d->nodes.size());
        for (quint32 i = 0; i < count; ++i) {
            const Node &node = d->nodes[i];
            for (quint32 c = 0; c < node.childCount; ++c)
                d->nodes[node.firstChild + c].parent = i;
        }
    }
    OrderedJson doc;
    doc.m_d = std::move(d);
    return doc;
}

const OrderedJson::Error &OrderedJson::error() const
{
    static const Error none;
    return m_d ? m_d->error : none;
}

const QByteArray &OrderedJson::source() const
{
    static const QByteArray empty;
    return m_d ? m_d->source : empty;
}

QString OrderedJson::Error::toString() const
{
    return tr("line %1, column %2 (byte %3): %4").arg(line).arg(column).arg(offset).arg(message);
}

int OrderedJson::row(quint32 node) const
{
    const quint32 p = n(node).parent;
    return p == NoNode ? 0 : int(node - n(p).firstChild);
}

QString OrderedJson::key(quint32 node) const
{
    const Node &nd = n(node);
    if (nd.keyEnd == 0)
        return QString();
    return decodeString(m_d->source.constData() + nd.keyBegin + 1, qsizetype(nd.keyEnd - nd.keyBegin - 2));
}

QByteArray OrderedJson::rawKey(quint32 node) const
{
    const Node &nd = n(node);
    if (nd.keyEnd == 0)
        return QByteArray();
    return m_d->source.mid(nd.keyBegin, nd.keyEnd - nd.keyBegin);
}

QByteArray OrderedJson::raw(quint32 node) const
{
    const Node &nd = n(node);
    return m_d->source.mid(nd.begin, nd.end - nd.begin);
}

QString OrderedJson::stringValue(quint32 node) const
{
    const Node &nd = n(node);
    if (nd.type != quint8(Type::String))
        return QString();
    return decodeString(m_d->source.constData() + nd.begin + 1, qsizetype(nd.end - nd.begin - 2));
}

QString OrderedJson::decodeString(const char *data, qsizetype size)
{
    const char *p = data;
    const char *end = data + size;
    const char *plain = static_cast<const char *>(memchr(p, '\\', size_t(size)));
    if (!plain)
        return QString::fromUtf8(data, size);
    QString out;
    out.reserve(size);
    while (p < end) {
        const char *bs = static_cast<const char *>(memchr(p, '\\', size_t(end - p)));
        if (!bs) {
            out += QString::fromUtf8(p, end - p);
            break;
        }
        if (bs > p)
            out += QString::fromUtf8(p, bs - p);
        if (bs + 1 >= end)
            break;
        const char e = bs[1];
        p = bs + 2;
        switch (e) {
        case 'b':
            out += QChar(0x08);
            break;
        case 'f':
            out += QChar(0x0c);
            break;
        case 'n':
            out += QChar(0x0a);
            break;
        case 'r':
            out += QChar(0x0d);
            break;
        case 't':
            out += QChar(0x09);
            break;
        case 'u': {
            auto hex4 = [end](const char *q, uint *value) {
                if (end - q < 4)
                    return false;
                uint v = 0;
                for (int i = 0; i < 4; ++i) {
                    const int h = hexValue(q[i]);
                    if (h < 0)
                        return false;
                    v = (v << 4) | uint(h);
                }
                *value = v;
                return true;
            };
            uint u = 0;
            if (!hex4(p, &u)) {
                out += QChar(QChar::ReplacementCharacter);
                break;
            }
            p += 4;
            if (QChar::isHighSurrogate(u)) {
                uint lo = 0;
                // A pair is two consecutive \u escapes (RFC 8259 §7).
                if (end - p >= 6 && p[0] == '\\' && p[1] == 'u' && hex4(p + 2, &lo) &&
                    QChar::isLowSurrogate(lo)) {
                    p += 6;
                    out += QChar(char16_t(u));
                    out += QChar(char16_t(lo));
                } else {
                    out += QChar(QChar::ReplacementCharacter);
                }
            } else if (QChar::isLowSurrogate(u)) {
                out += QChar(QChar::ReplacementCharacter);
            } else {
                out += QChar(char16_t(u));
            }
            break;
        }
        default: // '"', '\\', '/'
            out += QLatin1Char(e);
            break;
        }
    }
    return out;
}

QString OrderedJson::typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return tr("null");
    case Type::False:
    case Type::True:
        return tr("boolean");
    case Type::Number:
        return tr("number");
    case Type::String:
        return tr("string");
    case Type::Array:
        return tr("array");
    case Type::Object:
        return tr("object");
    }
    return QString();
}

QByteArray OrderedJson::pretty(int indent, qint64 maxBytes, bool *truncated) const
{
    if (truncated)
        *truncated = false;
    QByteArray out;
    if (!isValid())
        return out;
    const QByteArray &src = m_d->source;
    out.reserve(qMin<qint64>(src.size() * 2, maxBytes >= 0 ? maxBytes + 64 : src.size() * 2));
    auto newline = [&](int depth) {
        out += '\n';
        out.append(qsizetype(depth) * indent, ' ');
    };
    // Iterative walk: a stack of (container, next child row) so depth costs heap, not stack.
    struct Frame
    {
        quint32 node;
        quint32 next;
    };
    std::vector<Frame> stack;
    auto emitValue = [&](quint32 node) {
        const Node &nd = n(node);
        if (nd.keyEnd != 0) {
            out.append(src.constData() + nd.keyBegin, nd.keyEnd - nd.keyBegin);
            out += ": ";
        }
        if (nd.type == quint8(Type::Object) || nd.type == quint8(Type::Array)) {
            const char open = nd.type == quint8(Type::Object) ? '{' : '[';
            out += open;
            if (nd.childCount == 0) {
                out += nd.type == quint8(Type::Object) ? '}' : ']';
                return;
            }
            stack.push_back({node, 0});
            return;
        }
        out.append(src.constData() + nd.begin, nd.end - nd.begin);
    };
    emitValue(m_d->root);
    while (!stack.empty()) {
        if (maxBytes >= 0 && out.size() > maxBytes) {
            if (truncated)
                *truncated = true;
            break;
        }
        Frame &f = stack.back();
        const Node &nd = n(f.node);
        if (f.next == nd.childCount) {
            const bool isObject = nd.type == quint8(Type::Object);
            stack.pop_back();
            newline(int(stack.size()));
            out += isObject ? '}' : ']';
            continue;
        }
        if (f.next > 0)
            out += ',';
        const quint32 childNode = nd.firstChild + f.next;
        ++f.next; // before emitValue: it may grow the stack and invalidate f
        newline(int(stack.size()));
        emitValue(childNode);
    }
    out += '\n';
    return out;
}

} // namespace wsscope
