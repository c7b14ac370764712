#pragma once

#include "capturesink.h"
#include "framedecoder.h"
#include "handshakeparser.h"
#include "tap.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSslError>
#include <memory>
#include <vector>

class QTcpSocket;
class QTimer;

namespace wsscope {

// One relayed connection: the client's proxy connection to the Tap and the Tap's connection to the
// server. Answers the client's CONNECT once the server is reached (TCP, and TLS for wss://), then
// relays bytes both ways unchanged and in order while recording them: the HTTP upgrade both ways,
// every frame, violations, complete messages and how the connection closed.
// Lives on the capture thread, owned by its Tap; deletes itself when both sides are closed.
class Tunnel : public QObject
{
    Q_OBJECT
public:
    Tunnel(Tap *tap, QTcpSocket *client);
    ~Tunnel() override;

    quint32 connectionId() const { return m_route.conn; }

    // The Host header value for a ws:// or wss:// URL: no port when it is the default one.
    static QByteArray hostHeaderFor(const QUrl &url);
    // The HTTP head with its Host header set to host (added after the request line if missing).
    static QByteArray rewriteHost(const QByteArray &head, const QByteArray &host);

    // A side stops reading while the other side has this much unsent: a slow reader slows its
    // writer down (TCP backpressure) instead of growing our buffers without bound.
    static constexpr qint64 HighWater = 1024 * 1024;
    static constexpr qint64 ReadBufferSize = 256 * 1024;
    // How long a side may take to answer a close frame after the other side's TCP connection ended.
    static constexpr int CloseGraceMs = 2000;
    // Frames decoded from one read go to the sink together, at most this many in one call; payloads
    // that do not point into the read buffer are copied into a batch buffer of BatchBytes.
    static constexpr qsizetype BatchFrames = 512;
    static constexpr qsizetype BatchBytes = 64 * 1024;

private:
    enum class Phase { ReadingConnect, ConnectingUpstream, Relaying, Failed, Done };

    class Side : public FrameDecoder::Handler
    {
    public:
        Side(Tunnel *tunnel, Direction dir) : m_tunnel(tunnel), m_dir(dir) {}
        void frameDecoded(const FrameInfo &frame, QByteArrayView payload) override
        {
            m_tunnel->onFrame(m_dir, frame, payload);
        }
        void violationFound(const Violation &violation) override { m_tunnel->onViolation(m_dir, violation); }
        void messageCompleted(const MessageInfo &message) override { m_tunnel->onMessage(m_dir, message); }

    private:
        Tunnel *m_tunnel;
        Direction m_dir;
    };

    struct CloseSeen
    {
        bool seen = false;
        int code = 1005;
        QString reason;
    };

    void readConnect();
    void handleConnect(qint64 timeNs);
    void startUpstream();
    void upstreamReady();
    void onUpstreamError();
    void onSslErrors(const QList<QSslError> &errors);
    void failUpstream(const QString &message, const QString &where);
    void answerClient(const QByteArray &statusLine, const QByteArray &body);

    void pumpOut(); // client -> server
    void pumpIn();  // server -> client
    QByteArrayView readChunk(QTcpSocket *socket);
    void processOut(QByteArrayView chunk, qint64 timeNs);
    void processIn(QByteArrayView chunk, qint64 timeNs);
    void responseHeadComplete();
    void recordResponse(qint64 timeNs);
    void onClientDisconnected();
    void onUpstreamDisconnected();
    void sideClosed(QTcpSocket *other, Direction closedDir);
    void closeIfAnswered(QTcpSocket *side, Direction sideDir);
    void maybeFinish();
    void finish();

    void decode(FrameDecoder &decoder, QByteArrayView bytes, qint64 timeNs);
    void flushFrames();
    void queueFrame(Direction dir, const FrameInfo &frame, QByteArrayView payload);
    void recordEvent(EventKind kind, Direction dir, qint64 timeNs, const QJsonObject &details);
    void onFrame(Direction dir, const FrameInfo &frame, QByteArrayView payload);
    void onViolation(Direction dir, const Violation &violation);
    void onMessage(Direction dir, const MessageInfo &message);
    void recordError(Direction dir, const QString &where, const QString &message, QJsonObject extra = {});
    QString endpoint() const;
    qint64 upstreamBacklog() const;

    Tap *m_tap;
    CaptureSink *m_sink;
    TapRoute m_route;
    Phase m_phase = Phase::ReadingConnect;
    QTcpSocket *m_client;
    QTcpSocket *m_upstream = nullptr;
    QTimer *m_connectTimer = nullptr;
    QString m_tlsRefusal;
    QString m_tlsAlert; // the reason for the server's fatal TLS alert, if one came

    HandshakeParser m_connectParser{HandshakeParser::Kind::Request};
    QByteArray m_pendingOut; // client bytes that came with the CONNECT head
    QByteArray m_readBuffer;
    HandshakeParser m_requestParser{HandshakeParser::Kind::Request};
    HandshakeParser m_responseParser{HandshakeParser::Kind::Response};
    bool m_direct = false; // the client sent its upgrade request straight to us, not CONNECT first
    bool m_requestDone = false;
    bool m_responseHeadSeen = false;
    bool m_responseRecorded = false;
    bool m_upgraded = false;
    bool m_decodeOut = false;
    bool m_decodeIn = false;
    qint64 m_responseTimeNs = 0;

    Side m_outSide{this, Direction::Out};
    Side m_inSide{this, Direction::In};
    FrameDecoder m_outDecoder{Direction::Out, &m_outSide};
    FrameDecoder m_inDecoder{Direction::In, &m_inSide};

    // Frames of the bytes being decoded, not yet handed to the sink (see decode()).
    std::vector<CapturedFrame> m_batch;
    Direction m_batchDir = Direction::Out;
    std::unique_ptr<char[]> m_batchBytes; // BatchBytes, for payloads outside the bytes being decoded
    qsizetype m_batchBytesUsed = 0;
    const char *m_decodingBegin = nullptr; // the bytes being decoded: payloads in there stay valid
    const char *m_decodingEnd = nullptr;

    CloseSeen m_close[2];
    int m_closeInitiator = -1;         // Direction of the first close frame
    QHash<QByteArray, qint64> m_pings; // ping payload (client -> server) -> wire time
};

} // namespace wsscope
