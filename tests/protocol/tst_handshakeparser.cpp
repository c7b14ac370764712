#include "handshakeparser.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace wsscope;

Q_DECLARE_METATYPE(wsscope::HandshakeParser::Kind)
Q_DECLARE_METATYPE(wsscope::HandshakeParser::Status)
Q_DECLARE_METATYPE(wsscope::HttpResponse::BodyFraming)

namespace {

// RFC 6455 §1.2 / §1.3 example, with the subprotocol and extension offers the tests vary.
const QByteArray RfcKey = "dGhlIHNhbXBsZSBub25jZQ==";
const QByteArray RfcAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

QByteArray rfcRequest(const QByteArray &extra = QByteArray())
{
    return "GET /chat HTTP/1.1\r\n"
           "Host: server.example.com\r\n"
           "Upgrade: websocket\r\n"
           "Connection: Upgrade\r\n"
           "Sec-WebSocket-Key: " +
           RfcKey +
           "\r\n"
           "Origin: http://example.com\r\n"
           "Sec-WebSocket-Version: 13\r\n" +
           extra + "\r\n";
}

QByteArray rfcResponse(const QByteArray &extra = QByteArray())
{
    return "HTTP/1.1 101 Switching Protocols\r\n"
           "Upgrade: websocket\r\n"
           "Connection: Upgrade\r\n"
           "Sec-WebSocket-Accept: " +
           RfcAccept + "\r\n" + extra + "\r\n";
}

// Everything a parser exposes, so runs with different chunking can be compared as a whole.
struct Snapshot
{
    HandshakeParser::Status status;
    QString error;
    bool headComplete;
    QByteArray method, target, version, reason, raw, body, leftover;
    int code;
    HeaderList headers;
    qint64 bodySize;

    bool operator==(const Snapshot &o) const
    {
        return status == o.status && error == o.error && headComplete == o.headComplete &&
               method == o.method && target == o.target && version == o.version && reason == o.reason &&
               raw == o.raw && body == o.body && leftover == o.leftover && code == o.code &&
               headers == o.headers && bodySize == o.bodySize;
    }
};

Snapshot snapshot(const HandshakeParser &p, HandshakeParser::Kind kind)
{
    Snapshot s;
    s.status = p.status();
    s.error = p.errorString();
    s.headComplete = p.headComplete();
    s.leftover = p.leftover();
    if (kind == HandshakeParser::Kind::Request) {
        s.method = p.request().method;
        s.target = p.request().target;
        s.version = p.request().version;
        s.raw = p.request().raw;
        s.headers = p.request().headers;
        s.code = 0;
        s.bodySize = 0;
    } else {
        s.version = p.response().version;
        s.reason = p.response().reason;
        s.raw = p.response().raw;
        s.body = p.response().body;
        s.headers = p.response().headers;
        s.code = p.response().status;
        s.bodySize = p.response().bodySize;
    }
    return s;
}

// Feeds `bytes` cut at the given offsets (ascending), then signals EOF when asked.
Snapshot parseInPieces(HandshakeParser::Kind kind, const QByteArray &bytes, const QList<qsizetype> &cuts,
                       bool eof)
{
    HandshakeParser p(kind);
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        p.feed(bytes.constData() + from, cut - from);
        from = cut;
    }
    p.feed(bytes.constData() + from, bytes.size() - from);
    if (eof)
        p.finishAtEof();
    return snapshot(p, kind);
}

HttpRequest parseRequest(const QByteArray &bytes)
{
    HandshakeParser p(HandshakeParser::Kind::Request);
    p.feed(bytes);
    if (p.status() != HandshakeParser::Status::Done)
        qWarning() << "request did not parse:" << p.errorString();
    return p.request();
}

HttpResponse parseResponse(const QByteArray &bytes)
{
    HandshakeParser p(HandshakeParser::Kind::Response);
    p.feed(bytes);
    if (p.status() != HandshakeParser::Status::Done)
        qWarning() << "response did not parse:" << p.errorString();
    return p.response();
}

} // namespace

class TestHandshakeParser : public QObject
{
    Q_OBJECT

private slots:
    void computeAccept_data();
    void computeAccept();
    void rfcExample();
    void chunkingMakesNoDifference_data();
    void chunkingMakesNoDifference();
    void duplicatesAndOrderKept();
    void lfOnlyLineEnds();
    void responseBody_data();
    void responseBody();
    void leftoverAfter101();
    void malformed_data();
    void malformed();
    void headSizeCap();
    void parseExtensions_data();
    void parseExtensions();
    void verdict_data();
    void verdict();
    void verdictWithout101();
};

void TestHandshakeParser::computeAccept_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("accept");
    QTest::newRow("RFC 6455 §1.3") << RfcKey << RfcAccept;
    QTest::newRow("second key") << QByteArray("x3JJHMbDL1EzLkh9GBhXDw==")
                                << QByteArray("HSmrc0sMlYUkAGmm5OPpG2HaGWk=");
}

void TestHandshakeParser::computeAccept()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, accept);
    QCOMPARE(wsscope::computeAccept(key), accept);
}

void TestHandshakeParser::rfcExample()
{
    const QByteArray bytes = rfcRequest("Sec-WebSocket-Protocol: chat, superchat\r\n");
    HandshakeParser p(HandshakeParser::Kind::Request);
    QCOMPARE(p.feed(bytes), HandshakeParser::Status::Done);
    QVERIFY(p.headComplete());
    QCOMPARE(p.request().method, QByteArray("GET"));
    QCOMPARE(p.request().target, QByteArray("/chat"));
    QCOMPARE(p.request().version, QByteArray("HTTP/1.1"));
    QCOMPARE(p.request().headers.size(), 7);
    QCOMPARE(p.request().headers.at(0), qMakePair(QByteArray("Host"), QByteArray("server.example.com")));
    QCOMPARE(headerValue(p.request().headers, "sec-websocket-key"), RfcKey);
    QCOMPARE(p.request().raw, bytes);
    QVERIFY(p.leftover().isEmpty());

    HandshakeParser r(HandshakeParser::Kind::Response);
    const QByteArray response = rfcResponse("Sec-WebSocket-Protocol: chat\r\n");
    QCOMPARE(r.feed(response), HandshakeParser::Status::Done);
    QCOMPARE(r.response().status, 101);
    QCOMPARE(r.response().reason, QByteArray("Switching Protocols"));
    QCOMPARE(r.response().raw, response);

    const HandshakeVerdict v = verifyHandshake(p.request(), r.response());
    for (const auto &c : v.checks)
        QVERIFY2(c.ok, qPrintable(c.id + QLatin1String(": ") + c.text));
    QVERIFY(v.ok());
    QCOMPARE(v.checks.size(), 7);
    QCOMPARE(v.subprotocol, QString("chat"));
}

void TestHandshakeParser::chunkingMakesNoDifference_data()
{
    QTest::addColumn<HandshakeParser::Kind>("kind");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("eof");
    QTest::addColumn<HandshakeParser::Status>("expected");

    const auto Req = HandshakeParser::Kind::Request;
    const auto Resp = HandshakeParser::Kind::Response;
    const auto Done = HandshakeParser::Status::Done;
    const auto Error = HandshakeParser::Status::Error;
    QTest::newRow("request") << Req << rfcRequest("X-Dup: a\r\nx-dup: b\r\n") << false << Done;
    QTest::newRow("101 + frames") << Resp << rfcResponse() + QByteArray("\x81\x05hello\x89\x00", 9) << false
                                  << Done;
    QTest::newRow("401 content-length")
        << Resp
        << QByteArray(
               "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: 24\r\n\r\n"
               "{\"error\":\"bad token\"}\r\n\r\n")
        << false << Done;
    QTest::newRow("401 chunked")
        << Resp
        << QByteArray("HTTP/1.1 401 Unauthorized\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "a;note=x\r\n{\"error\":\"\r\n0d\r\nbad token\"}\r\n\r\n0\r\nX-Trailer: 1\r\n\r\nrest")
        << false << Done;
    QTest::newRow("403 until close") << Resp
                                     << QByteArray("HTTP/1.0 403 Forbidden\nServer: x\n\nno access\nat all\n")
                                     << true << Done;
    QTest::newRow("obs-fold") << Req << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << false << Error;
    QTest::newRow("cut content-length")
        << Resp << QByteArray("HTTP/1.1 500 Oops\r\nContent-Length: 50\r\n\r\nshort") << true << Error;
}

void TestHandshakeParser::chunkingMakesNoDifference()
{
    QFETCH(HandshakeParser::Kind, kind);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, eof);
    QFETCH(HandshakeParser::Status, expected);

    const Snapshot oneShot = parseInPieces(kind, bytes, {}, eof);
    QVERIFY2(oneShot.status == expected, qPrintable(oneShot.error));

    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < bytes.size(); ++i)
        everyByte << i;
    QVERIFY(parseInPieces(kind, bytes, everyByte, eof) == oneShot);

    for (qsizetype i = 0; i <= bytes.size(); ++i)
        QVERIFY2(parseInPieces(kind, bytes, {i}, eof) == oneShot, qPrintable(QString::number(i)));

    QRandomGenerator rng(4711);
    for (int round = 0; round < 200; ++round) {
        QList<qsizetype> cuts;
        for (qsizetype i = 1; i < bytes.size(); ++i)
            if (rng.bounded(6) == 0)
                cuts << i;
        QVERIFY(parseInPieces(kind, bytes, cuts, eof) == oneShot);
    }
}

void TestHandshakeParser::duplicatesAndOrderKept()
{
    const QByteArray bytes = "HTTP/1.1 101 Switching Protocols\r\n"
                             "set-cookie: a=1\r\n"
                             "Upgrade: websocket\r\n"
                             "Set-Cookie: b=2\r\n"
                             "CONNECTION: Upgrade\r\n"
                             "X-Empty:\r\n"
                             "Set-Cookie:   c=3  \r\n"
                             "\r\n";
    const HttpResponse r = parseResponse(bytes);
    const HeaderList expected = {{"set-cookie", "a=1"},     {"Upgrade", "websocket"}, {"Set-Cookie", "b=2"},
                                 {"CONNECTION", "Upgrade"}, {"X-Empty", ""},          {"Set-Cookie", "c=3"}};
    QCOMPARE(r.headers, expected);
    QCOMPARE(headerValues(r.headers, "SET-COOKIE"), QList<QByteArray>({"a=1", "b=2", "c=3"}));
    QCOMPARE(headerValue(r.headers, "Set-Cookie"), QByteArray("a=1, b=2, c=3"));
    QCOMPARE(headerValue(r.headers, "connection"), QByteArray("Upgrade"));
    QVERIFY(headerValue(r.headers, "Missing").isEmpty());
    QCOMPARE(r.raw, bytes);
}

void TestHandshakeParser::lfOnlyLineEnds()
{
    QByteArray crlf = rfcRequest();
    QByteArray lf = crlf;
    lf.replace("\r\n", "\n");
    const HttpRequest a = parseRequest(crlf);
    const HttpRequest b = parseRequest(lf);
    QCOMPARE(b.headers, a.headers);
    QCOMPARE(b.target, a.target);
    QCOMPARE(b.raw, lf);
    // Mixed line ends, and empty lines before the request line (RFC 7230 §3.5).
    const HttpRequest c = parseRequest("\r\n\nGET /x HTTP/1.1\nHost: h\r\nA: 1\n\r\n");
    QCOMPARE(c.target, QByteArray("/x"));
    QCOMPARE(c.headers.size(), 2);
}

void TestHandshakeParser::responseBody_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("needsEof");
    QTest::addColumn<int>("status");
    QTest::addColumn<HttpResponse::BodyFraming>("framing");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("leftover");

    const QByteArray json = "{\"error\":\"invalid token\",\"code\":401}";
    QTest::newRow("content-length")
        << QByteArray("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(json.size()) + "\r\n\r\n" + json + "EXTRA")
        << false << 401 << HttpResponse::BodyFraming::ContentLength << json << QByteArray("EXTRA");
    QTest::newRow("content-length repeated")
        << QByteArray("HTTP/1.1 401 Unauthorized\r\nContent-Length: 4\r\nContent-Length: 4, 4\r\n\r\nabcd")
        << false << 401 << HttpResponse::BodyFraming::ContentLength << QByteArray("abcd") << QByteArray();
    QTest::newRow("chunked")
        << QByteArray("HTTP/1.1 401 Unauthorized\r\nTransfer-Encoding: chunked\r\nContent-Length: 999\r\n\r\n"
                      "10\r\n{\"error\":\"invali\r\n"
                      "14;ext=\"a;b\"\r\nd token\",\"code\":401}\r\n"
                      "0\r\n\r\n")
        << false << 401 << HttpResponse::BodyFraming::Chunked << json << QByteArray();
    QTest::newRow("chunked, LF only, trailers")
        << QByteArray("HTTP/1.1 401 Unauthorized\nTransfer-Encoding: gzip, Chunked\n\n"
                      "24\n" +
                      json + "\n0\nExpires: never\nX-More: 1\n\nNEXT")
        << false << 401 << HttpResponse::BodyFraming::Chunked << json << QByteArray("NEXT");
    QTest::newRow("until close")
        << QByteArray("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n\r\n" + json) << true
        << 401 << HttpResponse::BodyFraming::UntilClose << json << QByteArray();
    QTest::newRow("transfer-encoding without chunked")
        << QByteArray("HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: gzip\r\n\r\nxyz") << true << 400
        << HttpResponse::BodyFraming::UntilClose << QByteArray("xyz") << QByteArray();
    QTest::newRow("empty body") << QByteArray("HTTP/1.1 426 Upgrade Required\r\nContent-Length: 0\r\n\r\n")
                                << false << 426 << HttpResponse::BodyFraming::ContentLength << QByteArray()
                                << QByteArray();
    QTest::newRow("204 has no body") << QByteArray("HTTP/1.1 204 No Content\r\n\r\nframes") << false << 204
                                     << HttpResponse::BodyFraming::None << QByteArray()
                                     << QByteArray("frames");
}

void TestHandshakeParser::responseBody()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, needsEof);
    QFETCH(int, status);
    QFETCH(HttpResponse::BodyFraming, framing);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, leftover);

    HandshakeParser p(HandshakeParser::Kind::Response);
    const auto afterFeed = p.feed(bytes);
    QVERIFY(p.headComplete());
    QCOMPARE(afterFeed, needsEof ? HandshakeParser::Status::NeedMore : HandshakeParser::Status::Done);
    QCOMPARE(p.finishAtEof(), HandshakeParser::Status::Done);
    QCOMPARE(p.response().status, status);
    QCOMPARE(p.response().bodyFraming, framing);
    QCOMPARE(p.response().body, body);
    QCOMPARE(p.response().bodySize, body.size());
    QVERIFY(!p.response().bodyTruncated);
    QCOMPARE(p.leftover(), leftover);
    QVERIFY(p.response().raw.endsWith("\n\n") || p.response().raw.endsWith("\r\n\r\n"));
    QVERIFY(bytes.startsWith(p.response().raw));
}

void TestHandshakeParser::leftoverAfter101()
{
    const QByteArray frames("\x81\x02hi\x88\x02\x03\xe8", 8);
    const QByteArray head = rfcResponse();
    HandshakeParser p(HandshakeParser::Kind::Response);
    // The head and the first frames in one segment, the rest arriving later.
    QCOMPARE(p.feed(head + frames.left(3)), HandshakeParser::Status::Done);
    QCOMPARE(p.leftover(), frames.left(3));
    QCOMPARE(p.feed(frames.mid(3)), HandshakeParser::Status::Done);
    QCOMPARE(p.leftover(), frames);
    QCOMPARE(p.response().raw, head);
    QVERIFY(p.response().body.isEmpty());
    QCOMPARE(p.response().bodyFraming, HttpResponse::BodyFraming::None);
    // A body-looking header does not turn the bytes after a 101 into a body (RFC 7230 §3.3.3 item 1).
    HandshakeParser q(HandshakeParser::Kind::Response);
    QCOMPARE(q.feed(rfcResponse("Content-Length: 5\r\n") + frames), HandshakeParser::Status::Done);
    QCOMPARE(q.leftover(), frames);
}

void TestHandshakeParser::malformed_data()
{
    QTest::addColumn<HandshakeParser::Kind>("kind");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("eof");
    QTest::addColumn<QString>("message"); // a part the error text must contain

    const auto Req = HandshakeParser::Kind::Request;
    const auto Resp = HandshakeParser::Kind::Response;
    QTest::newRow("obs-fold") << Req << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n two\r\n\r\n")
                              << false << "Line 4: the line starts with a space or tab";
    QTest::newRow("obs-fold tab") << Resp << QByteArray("HTTP/1.1 101 OK\nUpgrade: websocket\n\tmore\n\n")
                                  << false << "Line 3: the line starts with a space or tab";
    QTest::newRow("no colon")
        << Req << QByteArray("GET / HTTP/1.1\r\nHost example.com\r\n\r\n") << false
        << "Line 2: a header line needs a colon after the name, but reads \"Host example.com\"";
    QTest::newRow("space before colon") << Req << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << false
                                        << "Line 2: the header name \"Host \"";
    QTest::newRow("empty name") << Req << QByteArray("GET / HTTP/1.1\r\n: a\r\n\r\n") << false
                                << "Line 2: the header name \"\" is empty";
    QTest::newRow("request line parts")
        << Req << QByteArray("GET /a b HTTP/1.1\r\n\r\n") << false << "Line 1: the request line should read";
    QTest::newRow("request version") << Req << QByteArray("GET / HTTP/2\r\n\r\n") << false
                                     << "reads \"GET / HTTP/2\"";
    QTest::newRow("line number after blank lines")
        << Req << QByteArray("\r\n\r\nBAD\r\n\r\n") << false << "Line 3: the request line";
    QTest::newRow("not http")
        << Resp << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << false
        << "Line 1: the status line should read \"HTTP/1.1 101 Switching Protocols\" but "
           "reads \"SSH-2.0-OpenSSH_9.2\"";
    QTest::newRow("status letters") << Resp << QByteArray("HTTP/1.1 1O1 Switching\r\n\r\n") << false
                                    << "Line 1: the status line";
    QTest::newRow("status four digits")
        << Resp << QByteArray("HTTP/1.1 1010 X\r\n\r\n") << false << "Line 1: the status line";
    QTest::newRow("control bytes shown") << Resp << QByteArray("\x16\x03\x01\x02\x00\n\n", 7) << false
                                         << "reads \"\\x16\\x03\\x01\\x02\\x00\"";
    QTest::newRow("content-length text")
        << Resp << QByteArray("HTTP/1.1 401 No\r\nContent-Length: 12a\r\n\r\n") << false
        << "Content-Length \"12a\" is not a number";
    QTest::newRow("content-length negative")
        << Resp << QByteArray("HTTP/1.1 401 No\r\nContent-Length: -1\r\n\r\n") << false
        << "Content-Length \"-1\" is not a number";
    QTest::newRow("content-length disagree")
        << Resp << QByteArray("HTTP/1.1 401 No\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd")
        << false << "Content-Length headers that disagree (3, 4)";
    QTest::newRow("chunk size") << Resp
                                << QByteArray(
                                       "HTTP/1.1 401 No\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n")
                                << false << "the chunk size line \"zz\" is not a hexadecimal number";
    QTest::newRow("chunk too long")
        << Resp << QByteArray("HTTP/1.1 401 No\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n") << false
        << "a chunk is longer than its announced size";
    QTest::newRow("eof before head") << Resp << QByteArray() << true
                                     << "The connection closed before any HTTP head arrived.";
    QTest::newRow("eof in head") << Resp << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgr") << true
                                 << "before the HTTP head ended (38 bytes received";
    QTest::newRow("eof in body") << Resp << QByteArray("HTTP/1.1 401 No\r\nContent-Length: 10\r\n\r\n1234")
                                 << true << "after 4 of the 10 body bytes announced by Content-Length";
    QTest::newRow("eof in chunks") << Resp
                                   << QByteArray(
                                          "HTTP/1.1 401 No\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")
                                   << true << "in the middle of the chunked body, after 3 body bytes";
}

void TestHandshakeParser::malformed()
{
    QFETCH(HandshakeParser::Kind, kind);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, eof);
    QFETCH(QString, message);

    HandshakeParser p(kind);
    p.feed(bytes);
    if (eof)
        p.finishAtEof();
    QCOMPARE(p.status(), HandshakeParser::Status::Error);
    QVERIFY2(p.errorString().contains(message), qPrintable(p.errorString()));
    // Once failed, the parser stays failed and ignores what follows.
    QCOMPARE(p.feed(rfcResponse()), HandshakeParser::Status::Error);
    QCOMPARE(p.finishAtEof(), HandshakeParser::Status::Error);
}

void TestHandshakeParser::headSizeCap()
{
    // A head of exactly MaxHeadSize bytes is accepted, one byte more is not, however it arrives.
    const QByteArray start = "GET / HTTP/1.1\r\nX-Pad: ";
    const QByteArray end = "\r\n\r\n";
    const QByteArray exact =
        start + QByteArray(HandshakeParser::MaxHeadSize - start.size() - end.size(), 'a') + end;
    QCOMPARE(exact.size(), HandshakeParser::MaxHeadSize);
    {
        HandshakeParser p(HandshakeParser::Kind::Request);
        QCOMPARE(p.feed(exact + "tail"), HandshakeParser::Status::Done);
        QCOMPARE(p.leftover(), QByteArray("tail"));
    }
    QByteArray tooLong = exact;
    tooLong.insert(start.size(), 'b');
    for (int chunk : {1, 1000, int(tooLong.size())}) {
        HandshakeParser p(HandshakeParser::Kind::Request);
        for (qsizetype i = 0; i < tooLong.size(); i += chunk)
            p.feed(tooLong.constData() + i, std::min<qsizetype>(chunk, tooLong.size() - i));
        QCOMPARE(p.status(), HandshakeParser::Status::Error);
        QVERIFY2(p.errorString().contains("longer than 65536 bytes"), qPrintable(p.errorString()));
    }
    // Endless bytes without any line end stop at the cap too, not at the end of memory.
    HandshakeParser p(HandshakeParser::Kind::Response);
    const QByteArray junk(4096, 'x');
    int fed = 0;
    while (p.status() == HandshakeParser::Status::NeedMore && fed < 100) {
        p.feed(junk);
        ++fed;
    }
    QCOMPARE(p.status(), HandshakeParser::Status::Error);
    QCOMPARE(fed, HandshakeParser::MaxHeadSize / junk.size() + 1);
}

void TestHandshakeParser::parseExtensions_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("params"); // "extension:name=value" in order, value may be empty

    QTest::newRow("empty") << QByteArray() << QStringList() << QStringList();
    QTest::newRow("deflate with parameters")
        << QByteArray("permessage-deflate; server_no_context_takeover; client_max_window_bits=10")
        << QStringList{"permessage-deflate"}
        << QStringList{"permessage-deflate:server_no_context_takeover=",
                       "permessage-deflate:client_max_window_bits=10"};
    QTest::newRow("two offers, quoted value")
        << QByteArray("permessage-deflate;client_max_window_bits, x-webkit-deflate-frame ; max=\"1,5\" ,, ")
        << QStringList{"permessage-deflate", "x-webkit-deflate-frame"}
        << QStringList{"permessage-deflate:client_max_window_bits=", "x-webkit-deflate-frame:max=1,5"};
    QTest::newRow("escaped quote") << QByteArray("foo; a=\"x\\\"y\"; b = 2") << QStringList{"foo"}
                                   << QStringList{"foo:a=x\"y", "foo:b=2"};
}

void TestHandshakeParser::parseExtensions()
{
    QFETCH(QByteArray, header);
    QFETCH(QStringList, names);
    QFETCH(QStringList, params);

    QStringList gotNames, gotParams;
    for (const auto &e : wsscope::parseExtensions(header)) {
        gotNames << e.name;
        for (const auto &p : e.params)
            gotParams << e.name + QLatin1Char(':') + p.first + QLatin1Char('=') + p.second;
    }
    QCOMPARE(gotNames, names);
    QCOMPARE(gotParams, params);
}

void TestHandshakeParser::verdict_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QString>("failing"); // id of the only failing check, empty when all pass
    QTest::addColumn<QString>("text");    // a part of that check's text

    const QByteArray goodResponse = rfcResponse();
    auto responseWith = [&](const QByteArray &from, const QByteArray &to) {
        QByteArray r = goodResponse;
        return r.replace(from, to);
    };
    auto requestWith = [&](const QByteArray &from, const QByteArray &to) {
        QByteArray r = rfcRequest();
        return r.replace(from, to);
    };

    QTest::newRow("all good") << rfcRequest() << goodResponse << QString() << QString();
    QTest::newRow("connection list, odd case")
        << requestWith("Connection: Upgrade", "Connection: keep-alive, Upgrade")
        << responseWith("Upgrade: websocket\r\nConnection: Upgrade",
                        "UPGRADE: WebSocket\r\nconnection: upgrade")
        << QString() << QString();
    QTest::newRow("upgrade missing in response")
        << rfcRequest() << responseWith("Upgrade: websocket\r\n", "") << "upgrade"
        << "The response should carry Upgrade: websocket, but has no Upgrade header.";
    QTest::newRow("upgrade wrong in response")
        << rfcRequest() << responseWith("Upgrade: websocket", "Upgrade: h2c") << "upgrade"
        << "The response should carry Upgrade: websocket, but it says \"h2c\".";
    QTest::newRow("upgrade wrong in request")
        << requestWith("Upgrade: websocket", "Upgrade: websockets") << goodResponse << "upgrade"
        << "The request should carry Upgrade: websocket, but it says \"websockets\".";
    QTest::newRow("connection without upgrade")
        << rfcRequest() << responseWith("Connection: Upgrade", "Connection: keep-alive") << "connection"
        << "The response should carry Connection: Upgrade, but it says \"keep-alive\".";
    QTest::newRow("version 8") << requestWith("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 8")
                               << goodResponse << "version"
                               << "Expected Sec-WebSocket-Version: 13 in the request, but it says \"8\".";
    QTest::newRow("version missing") << requestWith("Sec-WebSocket-Version: 13\r\n", "") << goodResponse
                                     << "version"
                                     << "but the header is missing";
    QTest::newRow("wrong accept")
        << rfcRequest() << responseWith(RfcAccept, "HSmrc0sMlYUkAGmm5OPpG2HaGWk=") << "accept"
        << "Expected Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo= (computed from the key "
           "dGhlIHNhbXBsZSBub25jZQ==), but the server sent \"HSmrc0sMlYUkAGmm5OPpG2HaGWk=\".";
    QTest::newRow("accept missing")
        << rfcRequest() << responseWith("Sec-WebSocket-Accept: " + RfcAccept + "\r\n", "") << "accept"
        << "Expected Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo= in the response, "
           "but the header is missing.";
    QTest::newRow("key missing") << requestWith("Sec-WebSocket-Key: " + RfcKey + "\r\n", "") << goodResponse
                                 << "accept"
                                 << "The request has no Sec-WebSocket-Key";
    QTest::newRow("key not 16 bytes")
        << requestWith(RfcKey, "c2hvcnQ=") << responseWith(RfcAccept, wsscope::computeAccept("c2hvcnQ="))
        << "accept"
        << "is not 16 bytes in base64";
    QTest::newRow("subprotocol declined") << rfcRequest("Sec-WebSocket-Protocol: chat, superchat\r\n")
                                          << goodResponse << QString() << QString();
    QTest::newRow("subprotocol not offered")
        << rfcRequest("Sec-WebSocket-Protocol: chat, superchat\r\n")
        << rfcResponse("Sec-WebSocket-Protocol: mqtt\r\n") << "subprotocol"
        << "The server chose the subprotocol \"mqtt\", which the client did not offer (it offered chat, "
           "superchat).";
    QTest::newRow("subprotocol none offered")
        << rfcRequest() << rfcResponse("Sec-WebSocket-Protocol: chat\r\n") << "subprotocol"
        << "The server chose the subprotocol \"chat\" although the client offered none.";
    QTest::newRow("two subprotocols chosen")
        << rfcRequest("Sec-WebSocket-Protocol: chat, superchat\r\n")
        << rfcResponse("Sec-WebSocket-Protocol: chat, superchat\r\n") << "subprotocol"
        << "must choose exactly one subprotocol";
    QTest::newRow("subprotocol case differs")
        << rfcRequest("Sec-WebSocket-Protocol: chat\r\n") << rfcResponse("Sec-WebSocket-Protocol: Chat\r\n")
        << "subprotocol"
        << "which the client did not offer";
    QTest::newRow("deflate accepted")
        << rfcRequest("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n")
        << rfcResponse("Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; "
                       "client_max_window_bits=10\r\n")
        << QString() << QString();
    QTest::newRow("extension not offered")
        << rfcRequest() << rfcResponse("Sec-WebSocket-Extensions: permessage-deflate\r\n") << "extensions"
        << "The server accepted the extension \"permessage-deflate\", which the client did not offer.";
    QTest::newRow("extension accepted twice")
        << rfcRequest("Sec-WebSocket-Extensions: permessage-deflate\r\n")
        << rfcResponse("Sec-WebSocket-Extensions: permessage-deflate\r\nSec-WebSocket-Extensions: "
                       "permessage-deflate\r\n")
        << "extensions"
        << "accepted the extension \"permessage-deflate\" more than once";
    QTest::newRow("client window not offered")
        << rfcRequest("Sec-WebSocket-Extensions: permessage-deflate\r\n")
        << rfcResponse("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=10\r\n")
        << "extensions"
        << "client_max_window_bits although the client did not offer";
    QTest::newRow("window bits out of range")
        << rfcRequest("Sec-WebSocket-Extensions: permessage-deflate\r\n")
        << rfcResponse("Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=16\r\n")
        << "extensions"
        << "server_max_window_bits needs a value from 8 to 15, but has \"16\"";
    QTest::newRow("unknown deflate parameter")
        << rfcRequest("Sec-WebSocket-Extensions: permessage-deflate\r\n")
        << rfcResponse("Sec-WebSocket-Extensions: permessage-deflate; best_compression\r\n") << "extensions"
        << "unknown parameter best_compression";
}

void TestHandshakeParser::verdict()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, response);
    QFETCH(QString, failing);
    QFETCH(QString, text);

    const HandshakeVerdict v = verifyHandshake(parseRequest(request), parseResponse(response));
    QStringList ids;
    for (const auto &c : v.checks) {
        ids << c.id;
        QVERIFY(!c.text.isEmpty());
        if (c.id == failing) {
            QVERIFY2(!c.ok, qPrintable(c.text));
            QVERIFY2(c.text.contains(text), qPrintable(c.text));
        } else {
            QVERIFY2(c.ok, qPrintable(c.id + QLatin1String(": ") + c.text));
        }
    }
    QCOMPARE(ids, QStringList({"status-101", "version", "upgrade", "connection", "accept", "subprotocol",
                               "extensions"}));
    QCOMPARE(v.ok(), failing.isEmpty());
}

void TestHandshakeParser::verdictWithout101()
{
    HandshakeParser p(HandshakeParser::Kind::Response);
    p.feed("HTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\n\r\n{}");
    const HandshakeVerdict v = verifyHandshake(parseRequest(rfcRequest()), p.response());
    QCOMPARE(v.checks.size(), 2);
    QCOMPARE(v.checks.at(0).id, QString("status-101"));
    QVERIFY(!v.checks.at(0).ok);
    QCOMPARE(v.checks.at(0).text,
             QString("Expected status 101 Switching Protocols, but the server answered 401 Unauthorized."));
    QCOMPARE(v.checks.at(1).id, QString("version"));
    QVERIFY(v.checks.at(1).ok);
    QVERIFY(!v.ok());

    const HandshakeVerdict none = verifyHandshake(parseRequest(rfcRequest()), HttpResponse());
    QCOMPARE(none.checks.at(0).text,
             QString("Expected status 101 Switching Protocols, but no response arrived."));
}

QTEST_GUILESS_MAIN(TestHandshakeParser)
#include "tst_handshakeparser.moc"
