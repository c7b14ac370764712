#pragma once

#include <QByteArrayList>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace wsscope::test {

// A minimal HTTP CONNECT proxy on 127.0.0.1 that sends every tunnel to one local port, whatever
// host and port were asked for, and remembers the CONNECT targets. Lets tests use URLs with default
// ports (ws://host/, wss://host/) without binding ports 80 or 443.
class ConnectProxy : public QObject
{
public:
    explicit ConnectProxy(quint16 targetPort, QObject *parent = nullptr)
        : QObject(parent), m_targetPort(targetPort)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                accept(client);
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QByteArrayList targets() const { return m_targets; }

private:
    void accept(QTcpSocket *client)
    {
        client->setParent(this);
        auto *head = new QByteArray;
        connect(client, &QObject::destroyed, this, [head] { delete head; });
        connect(client, &QTcpSocket::readyRead, this, [this, client, head] {
            if (client->property("relaying").toBool())
                return;
            *head += client->readAll();
            const qsizetype end = head->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArrayList requestLine = head->left(head->indexOf("\r\n")).split(' ');
            m_targets << requestLine.value(1);
            const QByteArray rest = head->mid(end + 4);
            auto *upstream = new QTcpSocket(client);
            client->setProperty("relaying", true);
            connect(upstream, &QTcpSocket::connected, this, [client, upstream, rest] {
                client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                if (!rest.isEmpty())
                    upstream->write(rest);
                connect(client, &QTcpSocket::readyRead, upstream,
                        [client, upstream] { upstream->write(client->readAll()); });
                connect(upstream, &QTcpSocket::readyRead, client,
                        [client, upstream] { client->write(upstream->readAll()); });
                if (client->bytesAvailable())
                    upstream->write(client->readAll());
            });
            connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
            upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
        });
    }

    QTcpServer m_server;
    quint16 m_targetPort;
    QByteArrayList m_targets;
};

} // namespace wsscope::test
