#include "capturesink.h"

#include <QElapsedTimer>

namespace wsscope {

qint64 monotonicNs()
{
    // One clock for every connection, so events of different connections can be ordered.
    static const QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.nsecsElapsed();
}

} // namespace wsscope
