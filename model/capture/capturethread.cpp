#include "capturethread.h"

#include <QCoreApplication>
#include <QMutex>
#include <QThread>

namespace wsscope {

namespace {

QMutex s_mutex;
QThread *s_thread = nullptr;

void stopCaptureThread()
{
    QMutexLocker locker(&s_mutex);
    if (!s_thread)
        return;
    s_thread->quit();
    s_thread->wait();
    delete s_thread;
    s_thread = nullptr;
}

} // namespace

QThread *captureThread()
{
    QMutexLocker locker(&s_mutex);
    if (!s_thread) {
        s_thread = new QThread;
        s_thread->setObjectName(QStringLiteral("wsscope-capture"));
        s_thread->start();
        // A QThread destroyed while running aborts the process; stop it with the application.
        qAddPostRoutine(stopCaptureThread);
    }
    return s_thread;
}

} // namespace wsscope
