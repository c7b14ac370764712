#pragma once

class QThread;

namespace wsscope {

// The thread every Tap relays and decodes on, started on first use and stopped when the
// QCoreApplication goes away. Capture never waits for the GUI thread: a busy view cannot stall
// the sockets, so arrival times stay true and the peers see no added latency.
QThread *captureThread();

} // namespace wsscope
