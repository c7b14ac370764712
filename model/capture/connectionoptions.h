#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkProxy>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace wsscope {

struct TlsOptions
{
    bool allowInsecure = false; // accept certificate errors (recorded all the same)
    QString caFile;             // PEM file of extra trusted CAs
    QString clientCertFile;     // PEM
    QString clientKeyFile;      // PEM, unencrypted
    QString peerName;           // SNI / verification name override; empty: the URL's host
};

struct ConnectionOptions
{
    QUrl url; // ws:// or wss://
    QList<QPair<QByteArray, QByteArray>> headers;
    QStringList subprotocols;
    QString origin;
    TlsOptions tls;
    QNetworkProxy upstreamProxy = QNetworkProxy(QNetworkProxy::NoProxy); // how the Tap reaches the server
    int autoPingIntervalMs = 0;                                          // 0: off
    bool autoReconnect = false;
    int reconnectMaxDelayMs = 30000; // exponential backoff 500 ms, 1 s, 2 s, ... capped here
    int outgoingFrameSize = 0;       // >0: fragment outgoing messages into frames of this many bytes
    quint64 payloadCap = 16u * 1024u * 1024u;
    int connectTimeoutMs = 30000; // TCP + TLS to the server, then the Tap gives up
    QString name;                 // user-given label
};

} // namespace wsscope
