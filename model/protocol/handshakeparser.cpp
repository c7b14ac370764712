// Read by lupdate only, never compiled: the contexts trParser() and trVerdict() below translate in
// (lupdate reads them as tr() through -tr-function-alias, see translations/README.md, but cannot see
// through the wrappers). It must come before the includes to take effect.
#if 0
namespace wsscope {
class HandshakeParser
{
    Q_DECLARE_TR_FUNCTIONS(wsscope::HandshakeParser)
};
Q_DECLARE_TR_FUNCTIONS(wsscope::HandshakeVerdict)
}
#endif
#include "handshakeparser.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <algorithm>
#include <cctype>

namespace wsscope {

namespace {

QString trParser(const char *text)
{
    return QCoreApplication::translate("wsscope::HandshakeParser", text);
}
QString trVerdict(const char *text)
{
    return QCoreApplication::translate("wsscope::HandshakeVerdict", text);
}

// RFC 7230 §3.2.6: tchar
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(const QByteArray &s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!isTokenChar(c))
            return false;
    return true;
}

bool isHttpVersion(const QByteArray &s)
{
    // RFC 7230 §2.6: HTTP-version = "HTTP/" DIGIT "." DIGIT
    return s.size() == 8 && s.startsWith("HTTP/") && std::isdigit(static_cast<unsigned char>(s[5])) &&
           s[6] == '.' && std::isdigit(static_cast<unsigned char>(s[7]));
}

QByteArray trimOws(const QByteArray &s)
{
    qsizetype b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t'))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        --e;
    return s.mid(b, e - b);
}

// A line as it can be shown inside an error message: control bytes escaped, long lines shortened.
QString printable(const QByteArray &line)
{
    constexpr qsizetype Max = 80;
    QString out;
    for (qsizetype i = 0; i < line.size() && i < Max; ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c < 0x20 || c == 0x7f)
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
        else
            out += QChar::fromLatin1(static_cast<char>(c));
    }
    if (line.size() > Max)
        out += QStringLiteral("…");
    return out;
}

// Splits at `sep` outside quoted strings (RFC 7230 §3.2.6 quoted-string, backslash escapes kept).
QList<QByteArray> splitOutsideQuotes(const QByteArray &s, char sep)
{
    QList<QByteArray> parts;
    QByteArray current;
    bool quoted = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted && c == '\\' && i + 1 < s.size()) {
            current += c;
            current += s[++i];
            continue;
        }
        if (c == '"')
            quoted = !quoted;
        if (c == sep && !quoted) {
            parts.append(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.append(current);
    return parts;
}

QByteArray unquote(const QByteArray &s)
{
    if (s.size() < 2 || !s.startsWith('"') || !s.endsWith('"'))
        return s;
    QByteArray out;
    for (qsizetype i = 1; i < s.size() - 1; ++i) {
        if (s[i] == '\\' && i + 1 < s.size() - 1)
            ++i;
        out += s[i];
    }
    return out;
}

bool containsTokenCi(const QList<QByteArray> &tokens, const QByteArray &token)
{
    for (const auto &t : tokens)
        if (t.compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QString formatExtension(const ExtensionOffer &e)
{
    QString s = e.name;
    for (const auto &p : e.params) {
        s += QStringLiteral("; ") + p.first;
        if (!p.second.isEmpty())
            s += QLatin1Char('=') + p.second;
    }
    return s;
}

QString formatExtensions(const QList<ExtensionOffer> &list)
{
    QStringList parts;
    for (const auto &e : list)
        parts << formatExtension(e);
    return parts.join(QStringLiteral(", "));
}

QString joinTokens(const QList<QByteArray> &tokens)
{
    QStringList parts;
    for (const auto &t : tokens)
        parts << QString::fromLatin1(t);
    return parts.join(QStringLiteral(", "));
}

} // namespace

QByteArray headerValue(const HeaderList &headers, const QByteArray &name)
{
    return headerValues(headers, name).join(", ");
}

QList<QByteArray> headerValues(const HeaderList &headers, const QByteArray &name)
{
    QList<QByteArray> values;
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            values.append(h.second);
    return values;
}

QList<QByteArray> headerTokens(const HeaderList &headers, const QByteArray &name)
{
    QList<QByteArray> tokens;
    for (const auto &value : headerValues(headers, name))
        for (const auto &part : value.split(',')) {
            const QByteArray t = trimOws(part);
            if (!t.isEmpty())
                tokens.append(t);
        }
    return tokens;
}

QList<ExtensionOffer> parseExtensions(const QByteArray &headerValue)
{
    QList<ExtensionOffer> result;
    for (const auto &element : splitOutsideQuotes(headerValue, ',')) {
        const QList<QByteArray> parts = splitOutsideQuotes(element, ';');
        const QByteArray name = trimOws(parts.first());
        if (name.isEmpty())
            continue;
        ExtensionOffer offer;
        offer.name = QString::fromLatin1(name);
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray param = trimOws(parts[i]);
            if (param.isEmpty())
                continue;
            const qsizetype eq = param.indexOf('=');
            if (eq < 0) {
                offer.params.append({QString::fromLatin1(param), QString()});
            } else {
                offer.params.append({QString::fromLatin1(trimOws(param.left(eq))),
                                     QString::fromLatin1(unquote(trimOws(param.mid(eq + 1))))});
            }
        }
        result.append(offer);
    }
    return result;
}

QByteArray computeAccept(const QByteArray &key)
{
    // RFC 6455 §4.2.2 item 5.4: the GUID is fixed by the protocol.
    return QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1)
        .toBase64();
}

// ---------------------------------------------------------------------------------------------------------

HandshakeParser::HandshakeParser(Kind kind) : m_kind(kind) {}

void HandshakeParser::fail(const QString &message)
{
    m_state = State::Error;
    m_status = Status::Error;
    m_error = message;
}

void HandshakeParser::finish()
{
    m_state = State::Done;
    m_status = Status::Done;
}

bool HandshakeParser::takeLine(QByteArray &line, qsizetype maxLength, bool head)
{
    // Body bytes may have been consumed since the last search.
    m_scan = std::max(m_scan, m_pos);
    const qsizetype nl = m_buffer.indexOf('\n', m_scan);
    if (nl < 0) {
        m_scan = m_buffer.size();
        const qsizetype pending = m_buffer.size() - m_pos;
        if (head && m_headSize + pending > MaxHeadSize)
            fail(trParser(
                     "The HTTP head is longer than %1 bytes without ending in an empty line; this is not a "
                     "WebSocket handshake or the peer sends far too many headers.")
                     .arg(MaxHeadSize));
        else if (!head && pending > maxLength)
            fail(trParser("Chunked body: a chunk size or trailer line is longer than %1 bytes; the body is "
                          "malformed.")
                     .arg(maxLength));
        return false;
    }
    const qsizetype length = nl + 1 - m_pos;
    if (head && m_headSize + length > MaxHeadSize) {
        fail(trParser("The HTTP head is longer than %1 bytes without ending in an empty line; this is not a "
                      "WebSocket handshake or the peer sends far too many headers.")
                 .arg(MaxHeadSize));
        return false;
    }
    if (!head && length > maxLength + 1) {
        fail(trParser(
                 "Chunked body: a chunk size or trailer line is longer than %1 bytes; the body is malformed.")
                 .arg(maxLength));
        return false;
    }
    line = m_buffer.mid(m_pos, nl - m_pos);
    // RFC 7230 §3.5: a bare LF may be accepted as a line end, so CR is optional.
    if (line.endsWith('\r'))
        line.chop(1);
    if (head) {
        raw().append(m_buffer.constData() + m_pos, length);
        m_headSize += length;
        ++m_line;
    }
    m_pos = nl + 1;
    m_scan = m_pos;
    return true;
}

void HandshakeParser::parseStartLine(const QByteArray &line)
{
    if (m_kind == Kind::Request) {
        // RFC 7230 §3.1.1: request-line = method SP request-target SP HTTP-version
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty() || !isHttpVersion(parts[2])) {
            fail(trParser("Line %1: the request line should read \"GET /path HTTP/1.1\" but reads \"%2\".")
                     .arg(m_line)
                     .arg(printable(line)));
            return;
        }
        m_request.method = parts[0];
        m_request.target = parts[1];
        m_request.version = parts[2];
        return;
    }
    // RFC 7230 §3.1.2: status-line = HTTP-version SP status-code SP reason-phrase (reason may be empty)
    const qsizetype sp = line.indexOf(' ');
    const QByteArray version = line.left(sp);
    const QByteArray code = sp < 0 ? QByteArray() : line.mid(sp + 1, 3);
    const bool codeOk = code.size() == 3 &&
                        std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
    const qsizetype after = sp + 4;
    if (sp < 0 || !isHttpVersion(version) || !codeOk || (line.size() > after && line[after] != ' ')) {
        fail(
            trParser(
                "Line %1: the status line should read \"HTTP/1.1 101 Switching Protocols\" but reads \"%2\".")
                .arg(m_line)
                .arg(printable(line)));
        return;
    }
    m_response.version = version;
    m_response.status = code.toInt();
    m_response.reason = line.size() > after ? line.mid(after + 1) : QByteArray();
}

void HandshakeParser::parseHeaderLine(const QByteArray &line)
{
    if (line.startsWith(' ') || line.startsWith('\t')) {
        // RFC 7230 §3.2.4: obs-fold is deprecated; a server must reject it in requests, and a proxy must not
        // pass it on, so we report it rather than guess how the peer meant it.
        fail(trParser(
                 "Line %1: the line starts with a space or tab, continuing the header above (obsolete line "
                 "folding, RFC 7230 §3.2.4), which is not allowed.")
                 .arg(m_line));
        return;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon < 0) {
        fail(trParser("Line %1: a header line needs a colon after the name, but reads \"%2\".")
                 .arg(m_line)
                 .arg(printable(line)));
        return;
    }
    const QByteArray name = line.left(colon);
    if (!isToken(name)) {
        // RFC 7230 §3.2.4: no whitespace is allowed between the header name and the colon.
        fail(
            trParser("Line %1: the header name \"%2\" is empty or contains characters not allowed in a name.")
                .arg(m_line)
                .arg(printable(name)));
        return;
    }
    headers().append({name, trimOws(line.mid(colon + 1))});
}

void HandshakeParser::headEnded()
{
    m_headComplete = true;
    if (m_kind == Kind::Request) {
        finish();
        return;
    }
    const int status = m_response.status;
    // RFC 7230 §3.3.3 item 1: 1xx, 204 and 304 have no body; after 101 the bytes are WebSocket frames.
    if ((status >= 100 && status < 200) || status == 204 || status == 304) {
        finish();
        return;
    }
    const QList<QByteArray> codings = headerTokens(m_response.headers, "Transfer-Encoding");
    if (!codings.isEmpty()) {
        // RFC 7230 §3.3.3 item 3: Transfer-Encoding wins over Content-Length; without a final "chunked" the
        // body of a response lasts until the connection closes.
        if (codings.last().compare("chunked", Qt::CaseInsensitive) == 0) {
            m_response.bodyFraming = HttpResponse::BodyFraming::Chunked;
            m_state = State::ChunkSize;
        } else {
            m_response.bodyFraming = HttpResponse::BodyFraming::UntilClose;
            m_state = State::BodyUntilClose;
        }
        return;
    }
    const QList<QByteArray> lengths = headerTokens(m_response.headers, "Content-Length");
    if (lengths.isEmpty()) {
        m_response.bodyFraming = HttpResponse::BodyFraming::UntilClose;
        m_state = State::BodyUntilClose;
        return;
    }
    // RFC 7230 §3.3.2: repeated Content-Length values must all be the same valid number.
    for (const auto &l : lengths) {
        if (l != lengths.first()) {
            fail(trParser("The response has Content-Length headers that disagree (%1), so its body cannot be "
                          "delimited.")
                     .arg(joinTokens(lengths)));
            return;
        }
    }
    bool ok = std::all_of(lengths.first().begin(), lengths.first().end(),
                          [](char c) { return c >= '0' && c <= '9'; });
    const qint64 length = ok ? lengths.first().toLongLong(&ok) : -1;
    if (!ok || length < 0) {
        fail(trParser("The response's Content-Length \"%1\" is not a number of bytes.")
                 .arg(printable(lengths.first())));
        return;
    }
    m_response.bodyFraming = HttpResponse::BodyFraming::ContentLength;
    m_remaining = length;
    if (length == 0)
        finish();
    else
        m_state = State::BodyLength;
}

void HandshakeParser::appendBody(const char *data, qsizetype size)
{
    m_response.bodySize += size;
    const qsizetype room = MaxBodySize - m_response.body.size();
    if (size > room) {
        m_response.bodyTruncated = true;
        size = room;
    }
    if (size > 0)
        m_response.body.append(data, size);
}

HandshakeParser::Status HandshakeParser::feed(const char *data, qsizetype size)
{
    if (m_status == Status::Error)
        return m_status;
    if (m_status == Status::Done) {
        m_leftover.append(data, size);
        return m_status;
    }
    m_buffer.append(data, size);

    QByteArray line;
    bool more = true;
    while (more) {
        switch (m_state) {
        case State::StartLine:
            more = takeLine(line, 0, true);
            // RFC 7230 §3.5: empty lines before the start line should be ignored.
            if (more && !line.isEmpty()) {
                parseStartLine(line);
                if (m_state != State::Error)
                    m_state = State::Headers;
            }
            break;
        case State::Headers:
            more = takeLine(line, 0, true);
            if (more) {
                if (line.isEmpty())
                    headEnded();
                else
                    parseHeaderLine(line);
            }
            break;
        case State::BodyLength:
        case State::ChunkData: {
            const qint64 n = std::min<qint64>(m_remaining, m_buffer.size() - m_pos);
            appendBody(m_buffer.constData() + m_pos, n);
            m_pos += n;
            m_remaining -= n;
            if (m_remaining > 0)
                more = false;
            else if (m_state == State::BodyLength)
                finish();
            else
                m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkSize: {
            more = takeLine(line, 8192, false);
            if (!more)
                break;
            // RFC 7230 §4.1: chunk-size [ chunk-ext ] CRLF
            const qsizetype semicolon = line.indexOf(';');
            const QByteArray hex = trimOws(semicolon < 0 ? line : line.left(semicolon));
            bool ok = !hex.isEmpty() && hex.size() <= 15;
            const qint64 chunk = ok ? hex.toLongLong(&ok, 16) : 0;
            if (!ok || hex.startsWith('+') || hex.startsWith('-')) {
                fail(trParser("Chunked body: the chunk size line \"%1\" is not a hexadecimal number.")
                         .arg(printable(line)));
                break;
            }
            m_remaining = chunk;
            m_state = chunk == 0 ? State::Trailers : State::ChunkData;
            break;
        }
        case State::ChunkDataEnd:
            more = takeLine(line, 8192, false);
            if (more && !line.isEmpty())
                fail(trParser(
                    "Chunked body: a chunk is longer than its announced size (no line end after it)."));
            else if (more)
                m_state = State::ChunkSize;
            break;
        case State::Trailers:
            more = takeLine(line, 8192, false);
            if (more && line.isEmpty())
                finish();
            break;
        case State::BodyUntilClose:
            appendBody(m_buffer.constData() + m_pos, m_buffer.size() - m_pos);
            m_pos = m_buffer.size();
            more = false;
            break;
        case State::Done:
            m_leftover.append(m_buffer.constData() + m_pos, m_buffer.size() - m_pos);
            m_buffer.clear();
            m_pos = m_scan = 0;
            more = false;
            break;
        case State::Error:
            more = false;
            break;
        }
    }
    // Drop consumed bytes only once they are the larger part, so feeding byte by byte stays linear.
    if (m_pos > 0 && m_pos * 2 >= m_buffer.size()) {
        m_buffer.remove(0, m_pos);
        m_scan -= m_pos;
        m_pos = 0;
    }
    return m_status;
}

HandshakeParser::Status HandshakeParser::finishAtEof()
{
    switch (m_state) {
    case State::Done:
    case State::Error:
        break;
    case State::StartLine:
    case State::Headers:
        if (m_headSize == 0 && m_buffer.size() == m_pos)
            fail(trParser("The connection closed before any HTTP head arrived."));
        else
            fail(
                trParser("The connection closed before the HTTP head ended (%1 bytes received, no empty line "
                         "after the headers).")
                    .arg(m_headSize + m_buffer.size() - m_pos));
        break;
    case State::BodyLength:
        fail(trParser("The connection closed after %1 of the %2 body bytes announced by Content-Length.")
                 .arg(m_response.bodySize)
                 .arg(m_response.bodySize + m_remaining));
        break;
    case State::ChunkSize:
    case State::ChunkData:
    case State::ChunkDataEnd:
    case State::Trailers:
        fail(trParser("The connection closed in the middle of the chunked body, after %1 body bytes.")
                 .arg(m_response.bodySize));
        break;
    case State::BodyUntilClose:
        // RFC 7230 §3.3.3 item 7: without Content-Length or chunked, the close ends the body.
        finish();
        break;
    }
    return m_status;
}

// ---------------------------------------------------------------------------------------------------------

namespace {

// Empty when `headers` list `token` in `name`; otherwise one sentence saying what was expected and what came.
QString expectToken(bool request, const HeaderList &headers, const QByteArray &name, const QByteArray &token)
{
    const QList<QByteArray> tokens = headerTokens(headers, name);
    if (containsTokenCi(tokens, token))
        return QString();
    const QString n = QString::fromLatin1(name), t = QString::fromLatin1(token);
    if (headerValues(headers, name).isEmpty())
        return (request ? trVerdict("The request should carry %1: %2, but has no %1 header.")
                        : trVerdict("The response should carry %1: %2, but has no %1 header."))
            .arg(n, t);
    return (request ? trVerdict("The request should carry %1: %2, but it says \"%3\".")
                    : trVerdict("The response should carry %1: %2, but it says \"%3\"."))
        .arg(n, t, printable(headerValue(headers, name)));
}

HandshakeVerdict::Check tokenCheck(const QString &id, const HttpRequest &request,
                                   const HttpResponse &response, const QByteArray &name,
                                   const QByteArray &token, const QString &okText)
{
    QStringList problems;
    for (const QString &p :
         {expectToken(true, request.headers, name, token), expectToken(false, response.headers, name, token)})
        if (!p.isEmpty())
            problems << p;
    return {id, problems.isEmpty(), problems.isEmpty() ? okText : problems.join(QLatin1Char(' '))};
}

bool isWindowBits(const QString &v)
{
    bool ok = false;
    const int bits = v.toInt(&ok);
    return ok && bits >= 8 && bits <= 15 && v == QString::number(bits);
}

// RFC 7692 §7.1: what a server may answer in a permessage-deflate extension.
QStringList deflateProblems(const ExtensionOffer &accepted, const QList<ExtensionOffer> &offered)
{
    QStringList problems;
    bool clientBitsOffered = false;
    for (const auto &o : offered)
        if (o.name.compare(accepted.name, Qt::CaseInsensitive) == 0)
            for (const auto &p : o.params)
                if (p.first == QLatin1String("client_max_window_bits"))
                    clientBitsOffered = true;
    QStringList seen;
    for (const auto &p : accepted.params) {
        if (seen.contains(p.first)) {
            problems
                << trVerdict("The server's permessage-deflate names the parameter %1 twice.").arg(p.first);
            continue;
        }
        seen << p.first;
        if (p.first == QLatin1String("server_no_context_takeover") ||
            p.first == QLatin1String("client_no_context_takeover")) {
            if (!p.second.isEmpty())
                problems << trVerdict(
                                "The server's permessage-deflate parameter %1 must have no value, but has "
                                "\"%2\".")
                                .arg(p.first, p.second);
        } else if (p.first == QLatin1String("server_max_window_bits") ||
                   p.first == QLatin1String("client_max_window_bits")) {
            if (!isWindowBits(p.second))
                problems << trVerdict(
                                "The server's permessage-deflate parameter %1 needs a value from 8 to 15, "
                                "but has \"%2\".")
                                .arg(p.first, p.second);
            else if (p.first == QLatin1String("client_max_window_bits") && !clientBitsOffered)
                // RFC 7692 §7.1.2.2: the client may not support a smaller window unless it said so.
                problems << trVerdict(
                    "The server set client_max_window_bits although the client did not offer "
                    "that parameter.");
        } else {
            problems
                << trVerdict("The server's permessage-deflate has the unknown parameter %1.").arg(p.first);
        }
    }
    return problems;
}

} // namespace

HandshakeVerdict verifyHandshake(const HttpRequest &request, const HttpResponse &response)
{
    HandshakeVerdict v;

    // RFC 6455 §4.1 item 1 (client side): anything but 101 means the upgrade did not happen.
    if (response.status == 101) {
        v.checks.append(
            {QStringLiteral("status-101"), true,
             trVerdict("The server switched protocols (101 %1).").arg(QString::fromLatin1(response.reason))});
    } else if (response.status == 0) {
        v.checks.append({QStringLiteral("status-101"), false,
                         trVerdict("Expected status 101 Switching Protocols, but no response arrived.")});
    } else {
        v.checks.append({QStringLiteral("status-101"), false,
                         trVerdict("Expected status 101 Switching Protocols, but the server answered %1 %2.")
                             .arg(response.status)
                             .arg(QString::fromLatin1(response.reason))});
    }

    // RFC 6455 §4.1 item 9 (request): the version this protocol defines is 13.
    const QList<QByteArray> versions = headerValues(request.headers, "Sec-WebSocket-Version");
    if (versions.size() == 1 && versions.first() == "13") {
        v.checks.append(
            {QStringLiteral("version"), true, trVerdict("The client asked for WebSocket version 13.")});
    } else if (versions.isEmpty()) {
        v.checks.append(
            {QStringLiteral("version"), false,
             trVerdict("Expected Sec-WebSocket-Version: 13 in the request, but the header is missing.")});
    } else {
        v.checks.append({QStringLiteral("version"), false,
                         trVerdict("Expected Sec-WebSocket-Version: 13 in the request, but it says \"%1\".")
                             .arg(printable(headerValue(request.headers, "Sec-WebSocket-Version")))});
    }

    if (response.status != 101)
        return v;

    // RFC 6455 §4.1 items 5-6 (request), §4.2.2 and §4.1 "the client MUST validate" items 2-3 (response).
    v.checks.append(tokenCheck(QStringLiteral("upgrade"), request, response, "Upgrade", "websocket",
                               trVerdict("Both sides name websocket in the Upgrade header.")));
    v.checks.append(tokenCheck(QStringLiteral("connection"), request, response, "Connection", "Upgrade",
                               trVerdict("Both sides list Upgrade in the Connection header.")));

    // RFC 6455 §4.1 item 7 and validation item 4: the accept value proves the server read this key.
    {
        const QByteArray key = headerValue(request.headers, "Sec-WebSocket-Key");
        const QByteArray accept = headerValue(response.headers, "Sec-WebSocket-Accept");
        const QByteArray expected = computeAccept(key);
        HandshakeVerdict::Check c{QStringLiteral("accept"), false, QString()};
        if (key.isEmpty()) {
            c.text =
                trVerdict("The request has no Sec-WebSocket-Key, so the server's Sec-WebSocket-Accept proves "
                          "nothing.");
        } else if (accept.isEmpty()) {
            c.text =
                trVerdict("Expected Sec-WebSocket-Accept: %1 in the response, but the header is missing.")
                    .arg(QString::fromLatin1(expected));
        } else if (accept != expected) {
            c.text =
                trVerdict("Expected Sec-WebSocket-Accept: %1 (computed from the key %2), but the server sent "
                          "\"%3\".")
                    .arg(QString::fromLatin1(expected), printable(key), printable(accept));
        } else if (QByteArray::fromBase64(key).size() != 16 ||
                   QByteArray::fromBase64(key).toBase64() != key) {
            c.text =
                trVerdict("Sec-WebSocket-Accept matches, but the key \"%1\" is not 16 bytes in base64 as "
                          "RFC 6455 §4.1 requires.")
                    .arg(printable(key));
        } else {
            c.ok = true;
            c.text = trVerdict("Sec-WebSocket-Accept %1 matches the key.").arg(QString::fromLatin1(accept));
        }
        v.checks.append(c);
    }

    // RFC 6455 §4.1 validation item 6: a subprotocol the client did not offer fails the connection.
    {
        const QList<QByteArray> offered = headerTokens(request.headers, "Sec-WebSocket-Protocol");
        const QList<QByteArray> chosen = headerTokens(response.headers, "Sec-WebSocket-Protocol");
        HandshakeVerdict::Check c{QStringLiteral("subprotocol"), false, QString()};
        if (chosen.isEmpty() && headerValues(response.headers, "Sec-WebSocket-Protocol").isEmpty()) {
            c.ok = true;
            c.text = offered.isEmpty()
                         ? trVerdict("No subprotocol was offered and none was chosen.")
                         : trVerdict("The client offered %1; the server chose none, which is allowed.")
                               .arg(joinTokens(offered));
        } else if (chosen.size() != 1) {
            c.text =
                trVerdict(
                    "The server must choose exactly one subprotocol, but its Sec-WebSocket-Protocol says "
                    "\"%1\".")
                    .arg(printable(headerValue(response.headers, "Sec-WebSocket-Protocol")));
        } else if (offered.isEmpty()) {
            c.text = trVerdict("The server chose the subprotocol \"%1\" although the client offered none.")
                         .arg(QString::fromLatin1(chosen.first()));
        } else if (!offered.contains(chosen.first())) {
            c.text =
                trVerdict(
                    "The server chose the subprotocol \"%1\", which the client did not offer (it offered "
                    "%2).")
                    .arg(QString::fromLatin1(chosen.first()), joinTokens(offered));
        } else {
            c.ok = true;
            c.text = trVerdict("The server chose the subprotocol \"%1\", one of those offered (%2).")
                         .arg(QString::fromLatin1(chosen.first()), joinTokens(offered));
        }
        if (chosen.size() == 1)
            v.subprotocol = QString::fromLatin1(chosen.first());
        v.checks.append(c);
    }

    // RFC 6455 §9.1: the server may only accept extensions the client offered, each at most once.
    {
        const QList<ExtensionOffer> offered =
            parseExtensions(headerValue(request.headers, "Sec-WebSocket-Extensions"));
        const QList<ExtensionOffer> accepted =
            parseExtensions(headerValue(response.headers, "Sec-WebSocket-Extensions"));
        v.extensions = accepted;
        QStringList problems;
        QStringList seen;
        for (const auto &a : accepted) {
            const bool wasOffered = std::any_of(offered.begin(), offered.end(), [&](const ExtensionOffer &o) {
                return o.name.compare(a.name, Qt::CaseInsensitive) == 0;
            });
            if (!wasOffered)
                problems << trVerdict(
                                "The server accepted the extension \"%1\", which the client did not offer.")
                                .arg(a.name);
            if (seen.contains(a.name.toLower()))
                problems << trVerdict("The server accepted the extension \"%1\" more than once.").arg(a.name);
            seen << a.name.toLower();
            if (wasOffered && a.name.compare(QLatin1String("permessage-deflate"), Qt::CaseInsensitive) == 0)
                problems << deflateProblems(a, offered);
        }
        HandshakeVerdict::Check c{QStringLiteral("extensions"), problems.isEmpty(), QString()};
        if (!problems.isEmpty())
            c.text = problems.join(QLatin1Char(' '));
        else if (accepted.isEmpty() && offered.isEmpty())
            c.text = trVerdict("No extensions were offered or accepted.");
        else if (accepted.isEmpty())
            c.text = trVerdict("The server accepted none of the offered extensions (%1).")
                         .arg(formatExtensions(offered));
        else
            c.text = trVerdict("The server accepted %1, as offered.").arg(formatExtensions(accepted));
        v.checks.append(c);
    }
    return v;
}

} // namespace wsscope
