// Ingest into a shown window: frames arrive at a paced rate for a fixed time while the window
// follows the tail, and a 1 ms probe timer on the GUI thread measures how long the event loop is
// kept from running. The producer thread does what the capture thread does after a socket read:
// it feeds wire bytes (masked client frames one way, server frames the other) to two FrameDecoders
// whose handler records every frame with EventLog::frameCaptured. Then, on the same log, the time to
// switch the window to the connection and to filter it through the filter bar.
//
// Usage: bench_gui_ingest [frames-per-second] [seconds]   (defaults 100000 and 10)
#include "eventlog.h"
#include "filterbar.h"
#include "framedecoder.h"
#include "mainwindow.h"
#include "timelinemodel.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QtEndian>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <sys/resource.h>
#include <vector>

using namespace wsscope;

namespace {

// Wire bytes of one direction: frames back to back, with where each one starts, so any run of
// consecutive frames is one contiguous slice (the pool wraps around).
struct FramePool
{
    QByteArray bytes;
    std::vector<qsizetype> starts; // starts.size() == frames + 1
    int frames() const { return int(starts.size()) - 1; }
};

void appendFrame(FramePool &pool, quint8 opcode, const QByteArray &payload, bool masked, quint32 key)
{
    pool.starts.push_back(pool.bytes.size());
    QByteArray &out = pool.bytes;
    out.append(char(0x80 | opcode));
    const quint8 maskBit = masked ? 0x80 : 0;
    const qsizetype n = payload.size();
    if (n < 126) {
        out.append(char(maskBit | n));
    } else {
        out.append(char(maskBit | 126));
        out.append(char(n >> 8));
        out.append(char(n & 0xff));
    }
    uchar k[4];
    qToBigEndian(key, k);
    if (masked)
        out.append(reinterpret_cast<const char *>(k), 4);
    for (qsizetype i = 0; i < n; ++i)
        out.append(masked ? char(payload[i] ^ char(k[i & 3])) : payload[i]);
}

// Chat-like traffic: mostly JSON text of 20-200 bytes, some binary; about 1% carry "Needle42".
FramePool makePool(Direction dir, int frames, quint32 seed)
{
    QRandomGenerator rng(seed);
    FramePool pool;
    for (int f = 0; f < frames; ++f) {
        const int len = 20 + int(rng.bounded(181));
        const bool binary = rng.bounded(100) < 15;
        QByteArray payload;
        if (binary) {
            payload.resize(len);
            for (char &c : payload)
                c = char(rng.bounded(256));
        } else {
            payload = QByteArrayLiteral("{\"seq\":") + QByteArray::number(f) +
                      QByteArrayLiteral(",\"type\":\"tick\",\"symbol\":\"WSS\",\"price\":") +
                      QByteArray::number(rng.bounded(100000)) + QByteArrayLiteral(",\"note\":\"");
            while (payload.size() < len - 2)
                payload.append(char('a' + rng.bounded(26)));
            payload.append("\"}");
            if (rng.bounded(100) == 0)
                payload.insert(payload.size() / 2, "Needle42");
        }
        appendFrame(pool, binary ? Opcode::Binary : Opcode::Text, payload, dir == Direction::Out,
                    rng.generate());
    }
    pool.starts.push_back(pool.bytes.size());
    return pool;
}

// CPU time of the calling thread, in seconds.
double threadCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

class Recorder : public FrameDecoder::Handler
{
public:
    Recorder(EventLog *log, quint32 conn, Direction dir) : m_log(log), m_conn(conn), m_dir(dir) {}
    void frameDecoded(const FrameInfo &frame, QByteArrayView payload) override
    {
        m_log->frameCaptured(m_conn, m_dir, frame, payload);
    }
    void violationFound(const Violation &) override { ++violations; }
    quint64 violations = 0;

private:
    EventLog *m_log;
    quint32 m_conn;
    Direction m_dir;
};

// One direction's decoder fed from its pool.
struct Stream
{
    Stream(EventLog *log, quint32 conn, Direction dir, quint32 seed)
        : pool(makePool(dir, 8192, seed)), recorder(log, conn, dir), decoder(dir, &recorder)
    {}
    // Feeds the next n frames, in slices of at most 64 KiB like socket reads.
    void feed(qint64 n)
    {
        while (n > 0) {
            const int take = int(std::min<qint64>(n, pool.frames() - next));
            qsizetype from = pool.starts[size_t(next)];
            const qsizetype to = pool.starts[size_t(next + take)];
            while (from < to) {
                const qsizetype chunk = std::min<qsizetype>(to - from, 64 * 1024);
                decoder.feed(pool.bytes.constData() + from, chunk, monotonicNs());
                from += chunk;
            }
            next = (next + take) % pool.frames();
            n -= take;
        }
    }
    FramePool pool;
    Recorder recorder;
    FrameDecoder decoder;
    int next = 0;
};

class Producer : public QThread
{
public:
    Producer(EventLog *log, quint32 conn, double rate, double seconds)
        : m_out(log, conn, Direction::Out, 1), m_in(log, conn, Direction::In, 2), m_rate(rate),
          m_seconds(seconds)
    {}
    std::atomic<qint64> produced{0};
    std::atomic<bool> finished{false};
    qint64 elapsedNs = 0;
    double cpuSeconds = 0;
    quint64 violations() const { return m_out.recorder.violations + m_in.recorder.violations; }

protected:
    void run() override
    {
        QElapsedTimer clock;
        clock.start();
        const qint64 total = qint64(m_rate * m_seconds);
        qint64 done = 0;
        while (done < total) {
            const qint64 due = std::min(total, qint64(double(clock.nsecsElapsed()) * m_rate / 1e9));
            // At most 5 ms worth in one go, like a socket read that hands over what arrived.
            const qint64 n = std::min<qint64>(due - done, qint64(m_rate / 200) + 1);
            if (n > 0) {
                m_out.feed(n / 2);
                m_in.feed(n - n / 2);
                done += n;
                produced.store(done, std::memory_order_relaxed);
            } else {
                QThread::usleep(200);
            }
        }
        elapsedNs = clock.nsecsElapsed();
        cpuSeconds = threadCpuSeconds();
        finished.store(true);
    }

private:
    Stream m_out;
    Stream m_in;
    double m_rate;
    double m_seconds;
};

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Gaps between consecutive timeouts of a 1 ms precise timer on the GUI thread, and the CPU time the
// GUI thread spent within each gap: on a machine where other processes take the CPU, a long gap
// with little CPU in it is time the thread waited to be scheduled, not work that blocked the loop.
class Probe : public QObject
{
public:
    Probe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            gaps.push_back(now - m_last);
            cpuGaps.push_back(cpu - m_lastCpu);
            m_last = now;
            m_lastCpu = cpu;
        });
    }
    void start()
    {
        gaps.clear();
        cpuGaps.clear();
        gaps.reserve(20000);
        cpuGaps.reserve(20000);
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuNs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    static double maxMs(const std::vector<qint64> &v)
    {
        return v.empty() ? 0 : double(*std::max_element(v.begin(), v.end())) / 1e6;
    }
    static double percentileMs(const std::vector<qint64> &v, double p)
    {
        if (v.empty())
            return 0;
        std::vector<qint64> sorted = v;
        std::sort(sorted.begin(), sorted.end());
        return double(sorted[std::min(sorted.size() - 1, size_t(double(sorted.size()) * p))]) / 1e6;
    }
    static int over(const std::vector<qint64> &v, double ms)
    {
        return int(std::count_if(v.begin(), v.end(), [ms](qint64 g) { return double(g) / 1e6 > ms; }));
    }
    std::vector<qint64> gaps;
    std::vector<qint64> cpuGaps;

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
};

QString statusField(const char *name)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(name))
            return QString::fromLatin1(line.mid(qsizetype(strlen(name)) + 1).simplified());
    }
    return QString();
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromLatin1(f.readAll().split(' ').mid(0, 3).join(' '));
}

quint32 openConnection(EventLog &log, const QString &url)
{
    QJsonObject details;
    details.insert(QStringLiteral("url"), url);
    details.insert(QStringLiteral("source"), QStringLiteral("client"));
    details.insert(QStringLiteral("started"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return log.connectionOpened(monotonicNs(), details);
}

// Runs the event loop until the window has taken in what the log holds and painted it.
void settle(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 10);
}

// Time of an operation on the GUI thread plus the event processing it caused (layout, paint).
template <typename F> double timeMs(F &&operation)
{
    QElapsedTimer t;
    t.start();
    operation();
    QApplication::processEvents();
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Settings and the window's crash journal go to ~/.qttest, not to a user's folders.
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("wsscope-bench"));
    const double rate = argc > 1 ? QByteArray(argv[1]).toDouble() : 100000;
    const double seconds = argc > 2 ? QByteArray(argv[2]).toDouble() : 10;

    EventLog log;
    const quint32 other = openConnection(log, QStringLiteral("ws://127.0.0.1:9001/other"));
    {
        Stream few(&log, other, Direction::In, 3);
        few.feed(1000);
    }
    const quint32 conn = openConnection(log, QStringLiteral("ws://127.0.0.1:9000/feed"));

    MainWindow window(&log);
    window.resize(1500, 920);
    window.show();
    window.selectConnection(conn);
    window.setFollowTail(true);
    settle(300);

    std::printf("platform %s, rate %.0f frames/s for %.1f s, load average %s\n",
                qPrintable(QApplication::platformName()), rate, seconds, qPrintable(loadAverage()));
    std::fflush(stdout);

    Probe probe;
    Producer producer(&log, conn, rate, seconds);
    const double guiCpuBefore = threadCpuSeconds();
    probe.start();
    producer.start();
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (producer.finished.load())
            loop.quit();
    });
    poll.start();
    loop.exec();
    producer.wait();
    settle(200); // the last flush and paint
    probe.stop();
    const double guiCpu = threadCpuSeconds() - guiCpuBefore;

    const qint64 ingested = producer.produced.load();
    TimelineModel *timeline = window.timelineModel();
    QScrollBar *bar = window.timelineView()->verticalScrollBar();
    std::printf("ingest: %lld frames in %.3f s = %.0f frames/s (decoder violations %llu)\n",
                static_cast<long long>(ingested), double(producer.elapsedNs) / 1e9,
                double(ingested) / (double(producer.elapsedNs) / 1e9),
                static_cast<unsigned long long>(producer.violations()));
    std::printf("event loop: max stall %.1f ms, p99 %.2f ms, p99.9 %.2f ms, gaps > 16 ms: %d, > 50 ms: %d "
                "(%zu probes)\n",
                Probe::maxMs(probe.gaps), Probe::percentileMs(probe.gaps, 0.99),
                Probe::percentileMs(probe.gaps, 0.999), Probe::over(probe.gaps, 16),
                Probe::over(probe.gaps, 50), probe.gaps.size());
    std::printf(
        "GUI thread CPU within a gap: max %.1f ms, p99 %.2f ms, p99.9 %.2f ms, > 16 ms: %d, > 50 ms: %d\n",
        Probe::maxMs(probe.cpuGaps), Probe::percentileMs(probe.cpuGaps, 0.99),
        Probe::percentileMs(probe.cpuGaps, 0.999), Probe::over(probe.cpuGaps, 16),
        Probe::over(probe.cpuGaps, 50));
    std::printf("cpu: GUI thread %.2f s, producer thread %.2f s (over %.1f s)\n", guiCpu, producer.cpuSeconds,
                double(producer.elapsedNs) / 1e9 + 0.2);
    std::printf("timeline: %d rows shown of %lld ingested (%s), follow tail %s, at bottom %s\n",
                timeline->rowCount(), static_cast<long long>(ingested),
                timeline->rowCount() == ingested ? "all" : "MISSING ROWS", window.followTail() ? "on" : "off",
                bar->value() == bar->maximum() ? "yes" : "no");
    std::printf("memory: RSS %s (peak %s), log %.1f MiB of which payload %.1f MiB\n",
                qPrintable(statusField("VmRSS:")), qPrintable(statusField("VmHWM:")),
                double(log.memoryBytes()) / 1048576.0, double(log.payloadBytes()) / 1048576.0);
    std::fflush(stdout);

    // The same log, now holding the ingested frames: switch away and back, then filter.
    const double toOther = timeMs([&] { window.selectConnection(other); });
    const double toBig = timeMs([&] { window.selectConnection(conn); });
    std::printf("switch connection: to the 1,000-frame one %.1f ms, back to the %d-row one %.1f ms\n",
                toOther, timeline->rowCount(), toBig);

    FilterBar *filter = window.filterBar();
    filter->activate();
    settle(50);
    auto applyText = [&](const QString &text) {
        return timeMs([&] {
            filter->textEdit()->setText(text); // as typed; apply() skips the typing pause
            filter->apply();
        });
    };
    const double needle = applyText(QStringLiteral("needle42"));
    const int needleRows = timeline->rowCount();
    const double oneByte = applyText(QStringLiteral("e"));
    const int oneByteRows = timeline->rowCount();
    const double cleared = applyText(QString());
    std::printf(
        "filter bar over %d rows: \"needle42\" %.1f ms (%d rows), \"e\" %.1f ms (%d rows), cleared %.1f "
        "ms (%d rows)\n",
        timeline->totalCount(), needle, needleRows, oneByte, oneByteRows, cleared, timeline->rowCount());
    std::printf("memory at end: RSS %s\n", qPrintable(statusField("VmRSS:")));
    return timeline->rowCount() == ingested ? 0 : 1;
}
