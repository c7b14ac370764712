#pragma once

#include <QJsonObject>
#include <QList>
#include <QTextBrowser>

namespace wsscope {

class EventLog;

// The opening of one connection: the upgrade request (request line and headers in wire order),
// the server's answer (status, headers, the body of a non-101 answer), each handshake check with a
// tick or a cross, TLS details (protocol, cipher, certificate chain, errors) and timings.
class HandshakeView : public QTextBrowser
{
    Q_OBJECT
public:
    struct Verdict
    {
        QString id;
        bool ok = false;
        QString text;
    };

    explicit HandshakeView(QWidget *parent = nullptr);

    // Scans the log for the connection's Connection, Handshake and Tls events. 0 clears.
    void setConnection(const EventLog *log, quint32 conn);
    // The same from known event indices (-1: none yet), as a window that tracks them passes.
    // tcpIndex: the capture's "tcp-connected" State event, for the timings.
    void setEvents(const EventLog *log, quint32 conn, qsizetype requestIndex, qsizetype responseIndex,
                   const QList<qsizetype> &tlsIndices, qsizetype tcpIndex = -1);
    quint32 connection() const { return m_conn; }
    // The capture's "tcp-connected" State event (TCP up, before TLS and the upgrade).
    static bool isTcpConnected(const EventLog &log, qsizetype index);

    // What is shown, for tests and for copying.
    int responseStatus() const { return m_status; } // 0 when no answer yet
    QList<Verdict> verdicts() const { return m_verdicts; }
    bool hasRequest() const { return !m_request.isEmpty(); }

    static QString describe(const QJsonObject &connection, const QJsonObject &request, qint64 requestNs,
                            const QJsonObject &response, qint64 responseNs, const QList<QJsonObject> &tls,
                            const QList<qint64> &tlsNs, qint64 tcpNs = -1);

private:
    void render();

    quint32 m_conn = 0;
    QJsonObject m_connection;
    QJsonObject m_request;
    QJsonObject m_response;
    qint64 m_requestNs = -1;
    qint64 m_responseNs = -1;
    QList<QJsonObject> m_tls;
    QList<qint64> m_tlsNs;
    qint64 m_tcpNs = -1;
    int m_status = 0;
    QList<Verdict> m_verdicts;
};

} // namespace wsscope
