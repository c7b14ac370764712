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
    // How the body is delimited (RFC 7230 §3.3.3) and how much of it arrived. body holds at most
    // HandshakeParser::MaxBodySize bytes (decoded when chunked); bodySize counts all of them.
    enum class BodyFraming { None, ContentLength, Chunked, UntilClose };
    BodyFraming bodyFraming = BodyFraming::None;
    qint64 bodySize = 0;
    bool bodyTruncated = false;
};

// The values of all headers with that name (case-insensitive), joined by ", " as RFC 7230 §3.2.2 allows;
// empty when there is none.
QByteArray headerValue(const HeaderList &headers, const QByteArray &name);
// Each header with that name (case-insensitive) in wire order, one entry a header line.
QList<QByteArray> headerValues(const HeaderList &headers, const QByteArray &name);
// Splits a comma list (Upgrade, Connection, Sec-WebSocket-Protocol) into trimmed, non-empty elements.
QList<QByteArray> headerTokens(const HeaderList &headers, const QByteArray &name);
// RFC 6455 §9.1: extension *(";" param), param value a token or a quoted string (unquoted here).
QList<ExtensionOffer> parseExtensions(const QByteArray &headerValue);
// base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")), RFC 6455 §4.2.2
QByteArray computeAccept(const QByteArray &key);

// Incremental parser for one HTTP/1.1 head (request or response). Feed bytes until status() is Done;
// leftover() then holds bytes past the head (the first frames may arrive in the same segment).
// A response other than 101 is Done only after its body: per Content-Length, chunked, or (neither given)
// at finishAtEof(). headComplete() turns true as soon as the head itself has been read.
// Feeding any chunking of the same bytes gives the same result. Bytes fed after Done go to leftover().
class HandshakeParser
{
public:
    enum class Kind { Request, Response };
    enum class Status { NeedMore, Done, Error };

    explicit HandshakeParser(Kind kind);
    Status feed(const char *data, qsizetype size);
    Status feed(const QByteArray &data) { return feed(data.constData(), data.size()); }
    // The peer closed the connection: ends a body read until close, or reports what was cut short.
    Status finishAtEof();
    Status status() const { return m_status; }
    bool headComplete() const { return m_headComplete; }
    QString errorString() const { return m_error; }
    const HttpRequest &request() const { return m_request; }
    const HttpResponse &response() const { return m_response; }
    QByteArray leftover() const { return m_leftover; }
    static constexpr int MaxHeadSize = 64 * 1024;
    static constexpr int MaxBodySize = 1024 * 1024;

private:
    enum class State {
        StartLine,
        Headers,
        BodyLength,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        BodyUntilClose,
        Done,
        Error
    };

    bool takeLine(QByteArray &line, qsizetype maxLength, bool head);
    void parseStartLine(const QByteArray &line);
    void parseHeaderLine(const QByteArray &line);
    void headEnded();
    void appendBody(const char *data, qsizetype size);
    void fail(const QString &message);
    void finish();
    HeaderList &headers() { return m_kind == Kind::Request ? m_request.headers : m_response.headers; }
    QByteArray &raw() { return m_kind == Kind::Request ? m_request.raw : m_response.raw; }

    Kind m_kind;
    State m_state = State::StartLine;
    Status m_status = Status::NeedMore;
    QString m_error;
    QByteArray m_buffer; // bytes not yet consumed, starting at m_pos
    qsizetype m_pos = 0;
    qsizetype m_scan = 0;     // where the search for the next line end resumes, relative to m_buffer
    qsizetype m_headSize = 0; // head bytes consumed so far
    int m_line = 0;           // number of the line read last, 1-based
    qint64 m_remaining = 0;   // bytes left in the Content-Length body or the current chunk
    bool m_headComplete = false;
    QByteArray m_leftover;
    HttpRequest m_request;
    HttpResponse m_response;
};

// What a correct upgrade must satisfy, checked one by one so the UI can show each verdict.
struct HandshakeVerdict
{
    struct Check
    {
        // "status-101", "upgrade", "connection", "version", "accept", "subprotocol", "extensions".
        // When the status is not 101 only "status-101" and "version" are checked: there is no upgrade to
        // judge.
        QString id;
        bool ok = false;
        QString text; // plain words, translated: what was expected and what came
    };
    QList<Check> checks;
    QString subprotocol;              // chosen by the server, empty if none
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
