#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace wsscope {

using HeaderList = QList<QPair<QByteArray, QByteArray>>; // in wire order, duplicates kept

struct ExtensionOffer
{
    QString name;                          // "permessage-deflate"
    QList<QPair<QString, QString>> params; // in order; value empty when the parameter has none
};

struct HttpRequest
{
    QByteArray method, target, version; // "GET", "/chat?x=1", "HTTP/1.1"
    HeaderList headers;
    QByteArray raw; // exact bytes of the request head, CRLFCRLF included
};

struct HttpResponse
{
    QByteArray version; // "HTTP/1.1"
    int status = 0;
    QByteArray reason;
    HeaderList headers;
    QByteArray body; // non-101 answers: the body (per Content-Length, or what arrived until close)
    QByteArray raw;  // exact bytes of the response head
};

// Values of the first header with that name (case-insensitive), all headers with that name joined by ", ".
QByteArray headerValue(const HeaderList &headers, const QByteArray &name);
QList<QByteArray> headerValues(const HeaderList &headers, const QByteArray &name);
QList<ExtensionOffer> parseExtensions(const QByteArray &headerValue);
// base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")), RFC 6455 §4.2.2
QByteArray computeAccept(const QByteArray &key);

// Incremental parser for one HTTP/1.1 head (request or response). Feed bytes until done();
// leftover() then holds bytes past the head (the first frames may arrive in the same segment).
class HandshakeParser
{
public:
    enum class Kind { Request, Response };
    enum class Status { NeedMore, Done, Error };

    explicit HandshakeParser(Kind kind);
    Status feed(const char *data, qsizetype size);
    Status status() const { return m_status; }
    QString errorString() const { return m_error; }
    const HttpRequest &request() const { return m_request; }
    const HttpResponse &response() const { return m_response; }
    QByteArray leftover() const { return m_leftover; }
    static constexpr int MaxHeadSize = 64 * 1024;

private:
    Kind m_kind;
    Status m_status = Status::NeedMore;
    QString m_error;
    QByteArray m_buffer;
    QByteArray m_leftover;
    HttpRequest m_request;
    HttpResponse m_response;
};

// What a correct upgrade must satisfy, checked one by one so the UI can show each verdict.
struct HandshakeVerdict
{
    struct Check
    {
        QString id;     // "status-101", "upgrade", "connection", "version", "accept", "subprotocol", "extensions"
        bool ok = false;
        QString text;   // plain words, translated: what was expected and what came
    };
    QList<Check> checks;
    QString subprotocol;             // chosen by the server, empty if none
    QList<ExtensionOffer> extensions; // accepted by the server
    bool ok() const
    {
        for (const auto &c : checks)
            if (!c.ok)
                return false;
        return true;
    }
};

HandshakeVerdict verifyHandshake(const HttpRequest &request, const HttpResponse &response);

} // namespace wsscope
