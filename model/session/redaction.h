#pragma once

#include <QString>
#include <QStringList>

namespace wsscope {

// What an export hides: the values of some headers and of some query parameters. Names are compared
// without regard to case (header names are case-insensitive, RFC 9110 §5.1; query names usually are
// treated so by servers too, and hiding too much is the safe side). Values become Placeholder; the
// names stay, so a reader still sees that a credential was sent.
class Redaction
{
public:
    static constexpr char Placeholder[] = "[redacted]";

    // Redacts defaultHeaderNames() and no query parameter.
    Redaction();
    // Redacts nothing.
    static Redaction none();
    // Authorization, Cookie, Set-Cookie, Proxy-Authorization. Sec-WebSocket-Key is left alone: it is a
    // nonce, not a secret, and inspecting the handshake needs it.
    static QStringList defaultHeaderNames();

    void setHeaderNames(const QStringList &names);
    QStringList headerNames() const { return m_headers; }
    void setQueryParameterNames(const QStringList &names);
    QStringList queryParameterNames() const { return m_query; }

    bool isEmpty() const { return m_headers.isEmpty() && m_query.isEmpty(); }
    bool redactsHeader(QStringView name) const;
    bool redactsQueryParameter(QStringView name) const;

    // The value to export for a header.
    QString headerValue(QStringView name, const QString &value) const;
    // A URL or a request target ("/chat?token=x"): the values of redacted query parameters and a
    // password in the authority ("wss://user:secret@host") are replaced; everything else,
    // percent-encoding included, is kept as it was.
    QString url(const QString &url) const;
    // A raw HTTP head (request or response line, then header lines): redacted header values and
    // the query of the request target are replaced.
    QString rawHead(const QString &raw) const;

private:
    QString query(QStringView query) const;

    QStringList m_headers;
    QStringList m_query;
};

} // namespace wsscope
