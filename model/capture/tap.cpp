#include "tap.h"

#include "capturethread.h"
#include "tunnel.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace wsscope {

Tap::Tap(CaptureSink *sink) : m_sink(sink) {}

Tap::~Tap()
{
    // Tunnels first, while the tap (whose signals they emit) is still whole.
    const QList<Tunnel *> tunnels = findChildren<Tunnel *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(tunnels);
}

Tap *Tap::create(CaptureSink *sink, QString *error)
{
    auto *tap = new Tap(sink);
    QThread *thread = captureThread();
    tap->moveToThread(thread);
    bool ok = false;
    QString message;
    // The server's socket notifier must belong to the capture thread, so listen() runs there.
    if (QThread::currentThread() == thread)
        ok = tap->listen(&message);
    else
        QMetaObject::invokeMethod(
            tap, [&] { ok = tap->listen(&message); }, Qt::BlockingQueuedConnection);
    if (!ok) {
        destroy(tap);
        if (error)
            *error = message;
        return nullptr;
    }
    return tap;
}

void Tap::destroy(Tap *tap)
{
    if (!tap)
        return;
    QThread *thread = tap->thread();
    if (QThread::currentThread() == thread || !thread || !thread->isRunning())
        delete tap;
    else
        QMetaObject::invokeMethod(
            tap, [tap] { delete tap; }, Qt::BlockingQueuedConnection);
}

bool Tap::listen(QString *error)
{
    m_server = new QTcpServer(this);
    // The relay is for this process only: loopback, any free port.
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        *error =
            QCoreApplication::translate("wsscope::Tap", "The capture relay could not listen on 127.0.0.1: %1")
                .arg(m_server->errorString());
        return false;
    }
    m_port = m_server->serverPort();
    connect(m_server, &QTcpServer::newConnection, this, &Tap::onNewConnection);
    return true;
}

void Tap::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection())
        new Tunnel(this, socket);
}

void Tap::addRoute(const TapRoute &route)
{
    QMutexLocker locker(&m_mutex);
    m_routes.append(route);
    m_outcomes.insert(route.conn, TapOutcome());
}

bool Tap::takeRoute(TapRoute *route)
{
    QMutexLocker locker(&m_mutex);
    if (m_routes.isEmpty())
        return false;
    *route = m_routes.takeFirst();
    return true;
}

void Tap::dropRoutes(quint32 conn)
{
    QMutexLocker locker(&m_mutex);
    m_routes.removeIf([conn](const TapRoute &r) { return r.conn == conn; });
}

TapOutcome Tap::outcome(quint32 conn) const
{
    QMutexLocker locker(&m_mutex);
    return m_outcomes.value(conn);
}

} // namespace wsscope
