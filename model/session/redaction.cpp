#include "redaction.h"

#include <QUrl>

namespace wsscope {

namespace {

bool containsName(const QStringList &names, QStringView name)
{
    for (const QString &n : names) {
        if (name.compare(n, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

Redaction::Redaction() : m_headers(defaultHeaderNames()) {}

Redaction Redaction::none()
{
    Redaction r;
    r.m_headers.clear();
    return r;
}

QStringList Redaction::defaultHeaderNames()
{
    return {QStringLiteral("Authorization"), QStringLiteral("Cookie"), QStringLiteral("Set-Cookie"),
            QStringLiteral("Proxy-Authorization")};
}

void Redaction::setHeaderNames(const QStringList &names)
{
    m_headers.clear();
    for (const QString &n : names) {
        if (!n.trimmed().isEmpty())
            m_headers.append(n.trimmed());
    }
}

void Redaction::setQueryParameterNames(const QStringList &names)
{
    m_query.clear();
    for (const QString &n : names) {
        if (!n.trimmed().isEmpty())
            m_query.append(n.trimmed());
    }
}

bool Redaction::redactsHeader(QStringView name) const
{
    return containsName(m_headers, name.trimmed());
}

bool Redaction::redactsQueryParameter(QStringView name) const
{
    return containsName(m_query, name);
}

QString Redaction::headerValue(QStringView name, const QString &value) const
{
    if (redactsHeader(name))
        return QString::fromLatin1(Placeholder);
    // Headers whose value is a URL carry its query parameters and credentials too.
    if (name.compare(QLatin1String("Location"), Qt::CaseInsensitive) == 0 ||
        name.compare(QLatin1String("Content-Location"), Qt::CaseInsensitive) == 0)
        return url(value);
    return value;
}

QString Redaction::query(QStringView query) const
{
    QString out;
    out.reserve(query.size());
    qsizetype start = 0;
    while (start <= query.size()) {
        qsizetype end = query.indexOf(QLatin1Char('&'), start);
        if (end < 0)
            end = query.size();
        const QStringView pair = query.mid(start, end - start);
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        const QStringView rawName = eq < 0 ? pair : pair.left(eq);
        // Names are compared decoded: "acc%65ss_token" is the same parameter to the server.
        const QString name = QUrl::fromPercentEncoding(rawName.toUtf8());
        if (start > 0)
            out += QLatin1Char('&');
        if (eq >= 0 && redactsQueryParameter(name)) {
            out += rawName;
            out += QLatin1Char('=');
            out += QLatin1String(Placeholder);
        } else {
            out += pair;
        }
        start = end + 1;
    }
    return out;
}

QString Redaction::url(const QString &input) const
{
    if (isEmpty())
        return input;
    QString url = input;
    // A password in the authority ("wss://user:secret@host/") is a credential like Authorization.
    const qsizetype scheme = url.indexOf(QLatin1String("://"));
    if (scheme > 0) {
        const qsizetype authority = scheme + 3;
        qsizetype authorityEnd = authority;
        while (authorityEnd < url.size() && url.at(authorityEnd) != QLatin1Char('/') &&
               url.at(authorityEnd) != QLatin1Char('?') && url.at(authorityEnd) != QLatin1Char('#'))
            ++authorityEnd;
        const qsizetype at = url.lastIndexOf(QLatin1Char('@'), authorityEnd - 1);
        if (at >= authority) {
            const qsizetype colon = url.indexOf(QLatin1Char(':'), authority);
            if (colon >= 0 && colon < at)
                url.replace(colon + 1, at - colon - 1, QLatin1String(Placeholder));
        }
    }
    if (m_query.isEmpty())
        return url;
    const qsizetype question = url.indexOf(QLatin1Char('?'));
    if (question < 0)
        return url;
    qsizetype hash = url.indexOf(QLatin1Char('#'), question);
    if (hash < 0)
        hash = url.size();
    const QStringView view(url);
    return view.left(question + 1).toString() + query(view.mid(question + 1, hash - question - 1)) +
           view.mid(hash).toString();
}

QString Redaction::rawHead(const QString &raw) const
{
    if (isEmpty())
        return raw;
    QString out;
    out.reserve(raw.size());
    qsizetype start = 0;
    bool first = true;
    bool redactingFolded = false; // the last header line was redacted: its folded lines are too
    while (start < raw.size()) {
        if (!first && (raw.at(start) == QLatin1Char('\n') || raw.at(start) == QLatin1Char('\r'))) {
            // The empty line ends the head; a body after it is not made of header lines.
            out += QStringView(raw).mid(start);
            break;
        }
        qsizetype end = raw.indexOf(QLatin1Char('\n'), start);
        end = end < 0 ? raw.size() : end + 1;
        const QStringView line = QStringView(raw).mid(start, end - start);
        // Keep the line ending exactly as it was (CRLF or a lone LF).
        qsizetype contentLength = line.size();
        while (contentLength > 0 &&
               (line[contentLength - 1] == QLatin1Char('\n') || line[contentLength - 1] == QLatin1Char('\r')))
            --contentLength;
        const QStringView content = line.left(contentLength);
        const QStringView ending = line.mid(contentLength);
        if (first) {
            // Request line "GET /path?query HTTP/1.1": the target is the second word.
            const qsizetype s1 = content.indexOf(QLatin1Char(' '));
            const qsizetype s2 = s1 < 0 ? -1 : content.indexOf(QLatin1Char(' '), s1 + 1);
            if (s1 >= 0 && s2 > s1 && !content.startsWith(QLatin1String("HTTP/"))) {
                out += content.left(s1 + 1);
                out += url(content.mid(s1 + 1, s2 - s1 - 1).toString());
                out += content.mid(s2);
            } else {
                out += content;
            }
            first = false;
        } else {
            const qsizetype colon = content.indexOf(QLatin1Char(':'));
            const bool continuation = !content.isEmpty() && (content.at(0) == QLatin1Char(' ') ||
                                                             content.at(0) == QLatin1Char('\t'));
            if (continuation && redactingFolded) {
                // An obsolete folded line (RFC 9112 §5.2) continues the redacted value above.
                out += content.at(0);
                out += QLatin1String(Placeholder);
            } else if (!continuation && colon > 0 && redactsHeader(content.left(colon))) {
                out += content.left(colon + 1);
                out += QLatin1Char(' ');
                out += QLatin1String(Placeholder);
                redactingFolded = true;
            } else {
                out += content;
                if (!continuation)
                    redactingFolded = false;
            }
        }
        out += ending;
        start = end;
    }
    return out;
}

} // namespace wsscope
