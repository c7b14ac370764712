// Pipelined echo through the capture path against bare QWebSocket, in one run.
//
//   bench_capture_echo [messages=100000] [size=32] [rounds=3] [both|bare|captured|relay|all|log]
//
// An in-process QWebSocketServer on its own thread echoes every text message. Each round sends all
// messages at once and waits for the last echo, first with a bare QWebSocket, then with a
// ClientConnection (QWebSocket -> Tap on the capture thread -> server) recording everything into an
// EventLog. Prints messages/s of the best round for each and their ratio, and the CPU time of the
// whole process per message (all threads), which a busy machine disturbs less than wall time.
// "log" times the EventLog alone: 2 x messages frames of size bytes appended one call per frame,
// then in batches as the Tunnel hands them over.

#include "clientconnection.h"
#include "eventlog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace wsscope;

namespace {

qint64 processCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// CPU time of the process during the last runRound(), all threads.
qint64 g_roundCpuNs = 0;

class EchoServer : public QObject
{
public:
    quint16 start()
    {
        m_server = new QWebSocketServer(QStringLiteral("bench"), QWebSocketServer::NonSecureMode, this);
        m_server->listen(QHostAddress::LocalHost, 0);
        connect(m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *s = m_server->nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QWebSocket::textMessageReceived, s,
                        [s](const QString &m) { s->sendTextMessage(m); });
                connect(s, &QWebSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        return m_server->serverPort();
    }

private:
    QWebSocketServer *m_server = nullptr;
};

// Returns seconds from the first send to the last echo, or -1 on failure.
template <typename Client, typename Base>
double runRound(Client &client, void (Base::*connectedSignal)(), int messages, const QString &payload,
                std::function<void()> open)
{
    QEventLoop loop;
    QElapsedTimer timer;
    int received = 0;
    double seconds = -1;
    qint64 cpuStart = 0;
    g_roundCpuNs = 0;
    auto conn1 = QObject::connect(&client, &Base::textMessageReceived, &loop, [&](const QString &) {
        if (++received == messages) {
            seconds = timer.nsecsElapsed() / 1e9;
            g_roundCpuNs = processCpuNs() - cpuStart;
            loop.quit();
        }
    });
    auto conn2 = QObject::connect(&client, connectedSignal, &loop, [&] {
        timer.start();
        cpuStart = processCpuNs();
        for (int i = 0; i < messages; ++i)
            client.sendTextMessage(payload);
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    open();
    loop.exec();
    QObject::disconnect(conn1);
    QObject::disconnect(conn2);
    if (seconds < 0)
        std::fprintf(stderr, "round timed out after %d of %d echoes\n", received, messages);
    return seconds;
}

// Takes everything and keeps nothing: the relay and decoders alone, without the EventLog.
class NullSink : public CaptureSink
{
public:
    quint32 connectionOpened(qint64, const QJsonObject &) override { return ++m_next; }
    void frameCaptured(quint32, Direction, const FrameInfo &, QByteArrayView) override
    {
        frames.fetch_add(1, std::memory_order_relaxed);
        calls.fetch_add(1, std::memory_order_relaxed);
    }
    void framesCaptured(quint32, Direction, const CapturedFrame *, qsizetype count) override
    {
        frames.fetch_add(quint64(count), std::memory_order_relaxed);
        calls.fetch_add(1, std::memory_order_relaxed);
    }
    void eventCaptured(quint32, EventKind, Direction, qint64, const QJsonObject &) override {}

    std::atomic<quint64> frames{0};
    std::atomic<quint64> calls{0}; // how well the Tunnel batches: frames / calls

private:
    std::atomic<quint32> m_next{0};
};

// EventLog alone: ns per frame, one call per frame and in batches of what one read typically decodes.
void benchLog(int frames, int size, int rounds)
{
    const QByteArray payload(size, 'm');
    FrameInfo frame;
    frame.opcode = Opcode::Text;
    frame.fin = true;
    frame.payloadLength = quint64(size);
    const int batch = 64;
    std::vector<CapturedFrame> captured(batch, CapturedFrame{frame, payload});
    QList<double> single, batched;
    for (int r = 0; r < rounds; ++r) {
        {
            EventLog log;
            const quint32 conn = log.connectionOpened(monotonicNs(), {});
            QElapsedTimer t;
            t.start();
            for (int i = 0; i < frames; ++i) {
                frame.timeNs = i;
                log.frameCaptured(conn, Direction::In, frame, payload);
            }
            single << double(t.nsecsElapsed()) / frames;
        }
        {
            EventLog log;
            const quint32 conn = log.connectionOpened(monotonicNs(), {});
            QElapsedTimer t;
            t.start();
            for (int i = 0; i < frames; i += batch) {
                const int n = qMin(batch, frames - i);
                for (int k = 0; k < n; ++k)
                    captured[size_t(k)].frame.timeNs = i + k;
                log.framesCaptured(conn, Direction::In, captured.data(), n);
            }
            batched << double(t.nsecsElapsed()) / frames;
        }
        QCoreApplication::processEvents(); // the coalesced appended() calls
    }
    std::sort(single.begin(), single.end());
    std::sort(batched.begin(), batched.end());
    std::printf("EventLog, %d x %d-byte frames into a new log, median of %d rounds (min-max):\n", frames,
                size, rounds);
    std::printf("  frameCaptured, one call a frame:  %.1f ns/frame (%.1f-%.1f)\n", single[single.size() / 2],
                single.first(), single.last());
    std::printf("  framesCaptured, %d frames a call: %.1f ns/frame (%.1f-%.1f)\n", batch,
                batched[batched.size() / 2], batched.first(), batched.last());
}

// ClientConnection with QWebSocket's send name so one template drives both.
class CapturedClient : public ClientConnection
{
public:
    using ClientConnection::ClientConnection;
    void sendTextMessage(const QString &text) { sendText(text); }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int messages = args.value(1, QStringLiteral("100000")).toInt();
    const int size = args.value(2, QStringLiteral("32")).toInt();
    const int rounds = args.value(3, QStringLiteral("3")).toInt();
    const QString only = args.value(4, QStringLiteral("both")); // profiling one side at a time
    const QString payload(size, QLatin1Char('m'));
    if (only == QLatin1String("log")) {
        benchLog(2 * messages, size, rounds);
        return 0;
    }

    QThread serverThread;
    serverThread.setObjectName(QStringLiteral("echo-server"));
    auto *server = new EchoServer;
    server->moveToThread(&serverThread);
    serverThread.start();
    quint16 port = 0;
    QMetaObject::invokeMethod(
        server, [&] { port = server->start(); }, Qt::BlockingQueuedConnection);
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/bench").arg(port));

    double bestBare = 1e9, bestCaptured = 1e9, bestRelay = 1e9;
    double lastBare = -1;
    QList<double> cpuBare, cpuCaptured, cpuRelay; // µs of process CPU per message
    QList<double> roundRatios; // captured / bare of the same round: less sensitive to load drifting
    quint64 logged = 0;
    for (int r = 0; r < rounds; ++r) {
        if (only != QLatin1String("captured") && only != QLatin1String("relay")) {
            QWebSocket bare;
            const double s =
                runRound(bare, &QWebSocket::connected, messages, payload, [&] { bare.open(url); });
            bare.close();
            if (s > 0) {
                bestBare = qMin(bestBare, s);
                cpuBare << g_roundCpuNs / 1e3 / messages;
            }
            lastBare = s;
            std::printf("round %d bare:     %.3f s  %.0f msg/s\n", r + 1, s, messages / s);
        }
        if (only != QLatin1String("bare") && only != QLatin1String("relay")) {
            EventLog log;
            CapturedClient captured(&log);
            ConnectionOptions options;
            options.url = url;
            const double s = runRound(captured, &ClientConnection::opened, messages, payload,
                                      [&] { captured.open(options); });
            captured.close();
            if (s > 0) {
                bestCaptured = qMin(bestCaptured, s);
                cpuCaptured << g_roundCpuNs / 1e3 / messages;
            }
            if (s > 0 && lastBare > 0)
                roundRatios << lastBare / s;
            logged = quint64(log.size());
            std::printf("round %d captured: %.3f s  %.0f msg/s  (%llu events logged)\n", r + 1, s,
                        messages / s, static_cast<unsigned long long>(logged));
        }
        if (only == QLatin1String("relay") || only == QLatin1String("all")) {
            NullSink sink;
            CapturedClient relayed(&sink);
            ConnectionOptions options;
            options.url = url;
            const double s = runRound(relayed, &ClientConnection::opened, messages, payload,
                                      [&] { relayed.open(options); });
            relayed.close();
            if (s > 0) {
                bestRelay = qMin(bestRelay, s);
                cpuRelay << g_roundCpuNs / 1e3 / messages;
            }
            std::printf("round %d relay:    %.3f s  %.0f msg/s  (null sink; %llu frames in %llu calls)\n",
                        r + 1, s, messages / s, static_cast<unsigned long long>(sink.frames.load()),
                        static_cast<unsigned long long>(sink.calls.load()));
        }
        std::fflush(stdout);
    }
    const double bareRate = messages / bestBare;
    const double capturedRate = messages / bestCaptured;
    std::printf("pipelined echo, %d x %d-byte text, best of %d rounds\n", messages, size, rounds);
    std::printf("bare QWebSocket:           %.0f msg/s\n", bareRate);
    std::printf("ClientConnection+EventLog: %.0f msg/s\n", capturedRate);
    std::printf("ratio:                     %.3f (target >= 0.85)\n", capturedRate / bareRate);
    if (!roundRatios.isEmpty()) {
        std::sort(roundRatios.begin(), roundRatios.end());
        std::printf("median ratio of rounds:    %.3f (min %.3f, max %.3f)\n",
                    roundRatios[roundRatios.size() / 2], roundRatios.first(), roundRatios.last());
    }
    if (bestRelay < 1e9 && bestBare < 1e9)
        std::printf("relay+decode, null sink:   %.0f msg/s (ratio %.3f)\n", messages / bestRelay,
                    messages / bestRelay / bareRate);
    else if (bestRelay < 1e9)
        std::printf("relay+decode, null sink:   %.0f msg/s\n", messages / bestRelay);
    const auto median = [](QList<double> v) {
        std::sort(v.begin(), v.end());
        return v.isEmpty() ? 0.0 : v[v.size() / 2];
    };
    std::printf(
        "process CPU per echo (median of rounds): bare %.2f us, captured %.2f us, null sink %.2f us\n",
        median(cpuBare), median(cpuCaptured), median(cpuRelay));

    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return 0;
}
