#include "demoserver.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <cmath>

namespace wsscope {

namespace {
const char *const kSymbols[] = {"BTC-USD", "ETH-USD", "SOL-USD", "EUR-USD", "AAPL", "MSFT"};
constexpr int kSymbolCount = int(sizeof(kSymbols) / sizeof(kSymbols[0]));

// Prices are written as text so their spelling stays as a real feed sends it ("64123.50").
QByteArray tickerJson(quint64 seq, QRandomGenerator &rng)
{
    const int i = int(seq % kSymbolCount);
    const double base[] = {64000.0, 3400.0, 150.0, 1.08, 190.0, 420.0};
    const double price = base[i] * (1.0 + (rng.generateDouble() - 0.5) / 100.0);
    const int decimals = base[i] < 10 ? 5 : 2;
    return QByteArray("{\"type\":\"ticker\",\"seq\":") + QByteArray::number(seq) + ",\"symbol\":\"" +
           kSymbols[i] + "\",\"price\":" + QByteArray::number(price, 'f', decimals) +
           ",\"size\":" + QByteArray::number(rng.bounded(1, 500)) + ",\"side\":\"" +
           (rng.bounded(2) ? "buy" : "sell") +
           "\",\"ts\":" + QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + "}";
}

QByteArray bookCbor(quint64 seq, QRandomGenerator &rng)
{
    QCborArray bids, asks;
    for (int level = 0; level < 5; ++level) {
        bids.append(QCborArray{64000.0 - level * 0.5, rng.bounded(1, 100)});
        asks.append(QCborArray{64000.5 + level * 0.5, rng.bounded(1, 100)});
    }
    QCborMap book;
    book.insert(QStringLiteral("type"), QStringLiteral("book"));
    book.insert(QStringLiteral("seq"), qint64(seq));
    book.insert(QStringLiteral("bids"), bids);
    book.insert(QStringLiteral("asks"), asks);
    return book.toCborValue().toCbor();
}

QByteArray snapshotJson(quint64 seq)
{
    // Large enough to be split into several frames by the server's outgoing frame size.
    QByteArray out = "{\"type\":\"snapshot\",\"seq\":" + QByteArray::number(seq) + ",\"orders\":[";
    for (int i = 0; i < 40; ++i) {
        if (i)
            out += ',';
        out += "{\"id\":" + QByteArray::number(100000 + i) + ",\"symbol\":\"" + kSymbols[i % kSymbolCount] +
               "\",\"qty\":" + QByteArray::number(i + 1) + ",\"note\":\"order \\u2713 " +
               QByteArray::number(i) + "\"}";
    }
    return out + "]}";
}
} // namespace

DemoServer::DemoServer(QObject *parent)
    : QObject(parent),
      m_server(new QWebSocketServer(QStringLiteral("WsScope demo"), QWebSocketServer::NonSecureMode, this))
{
    // The demo speaks these subprotocols so the handshake view has something to show.
    m_server->setSupportedSubprotocols({QStringLiteral("demo.v1")});
    connect(m_server, &QWebSocketServer::newConnection, this, &DemoServer::onNewConnection);
}

DemoServer::~DemoServer()
{
    for (QWebSocket *client : std::as_const(m_clients))
        client->abort();
}

bool DemoServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

QUrl DemoServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(m_server->serverAddress().toString());
    url.setPort(m_server->serverPort());
    url.setPath(QStringLiteral("/feed"));
    return url;
}

QUrl DemoServer::echoUrl() const
{
    QUrl echo = url();
    echo.setPath(QStringLiteral("/echo"));
    return echo;
}

QString DemoServer::errorString() const
{
    return m_server->errorString();
}

void DemoServer::setTickRate(int perSecond)
{
    m_tickRate = qMax(1, perSecond);
}

void DemoServer::onNewConnection()
{
    while (QWebSocket *client = m_server->nextPendingConnection()) {
        client->setParent(this);
        client->setOutgoingFrameSize(1024);
        m_clients.append(client);
        connect(client, &QWebSocket::textMessageReceived, this,
                [this, client](const QString &text) { onText(client, text); });
        connect(client, &QWebSocket::binaryMessageReceived, client,
                [client](const QByteArray &data) { client->sendBinaryMessage(data); });
        connect(client, &QWebSocket::disconnected, this, [this, client] {
            m_clients.removeAll(client);
            client->deleteLater();
        });

        const bool echoOnly = client->requestUrl().path() == QLatin1String("/echo");
        if (!echoOnly) {
            auto *ticker = new QTimer(client);
            ticker->setInterval(1000 / m_tickRate);
            connect(ticker, &QTimer::timeout, client, [this, client] { tick(client); });
            ticker->start();
        }

        auto *pinger = new QTimer(client);
        pinger->setInterval(3000);
        connect(pinger, &QTimer::timeout, client,
                [client, n = 0]() mutable { client->ping("hb-" + QByteArray::number(++n)); });
        pinger->start();

        if (echoOnly) {
            client->sendTextMessage(
                QStringLiteral("{\"type\":\"welcome\",\"server\":\"WsScope demo\",\"channels\":[\"echo\"],"
                               "\"hint\":\"Send any text or binary message: it comes back as it is.\"}"));
            continue;
        }
        client->sendTextMessage(
            QStringLiteral("{\"type\":\"welcome\",\"server\":\"WsScope "
                           "demo\",\"channels\":[\"ticker\",\"book\",\"snapshot\",\"echo\"],"
                           "\"hint\":\"Send any text: it comes back as an echo. Send "
                           "{\\\"cmd\\\":\\\"close\\\"} to make the server close "
                           "with 4001.\"}"));
    }
}

void DemoServer::tick(QWebSocket *client)
{
    QRandomGenerator &rng = *QRandomGenerator::global();
    const quint64 seq = ++m_seq;
    client->sendTextMessage(QString::fromUtf8(tickerJson(seq, rng)));
    if (seq % (quint64(m_tickRate) * 2) == 0)
        client->sendBinaryMessage(bookCbor(seq, rng));
    if (seq % (quint64(m_tickRate) * 7) == 0)
        client->sendTextMessage(QString::fromUtf8(snapshotJson(seq)));
}

void DemoServer::onText(QWebSocket *client, const QString &text)
{
    const QJsonObject command = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString cmd = command.value(QStringLiteral("cmd")).toString();
    if (cmd == QLatin1String("close")) {
        client->close(QWebSocketProtocol::CloseCode(4001), QStringLiteral("closed on request"));
        return;
    }
    if (cmd == QLatin1String("ping")) {
        client->ping(command.value(QStringLiteral("payload")).toString().toUtf8());
        return;
    }
    client->sendTextMessage(text);
}

} // namespace wsscope
