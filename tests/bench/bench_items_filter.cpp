// Filtering the timeline of one connection with 1,000,000 frames: substring (case-sensitive and
// not), regular expression, and the per-row memory of TimelineModel. Prints figures; asserts nothing.
#include "eventlog.h"
#include "timelinemodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace wsscope;

namespace {

const char *const Words[] = {"order",   "price", "quantity", "symbol", "status", "filled", "cancel", "user",
                             "session", "token", "update",   "ticker", "volume", "bid",    "ask",    "event"};

QByteArray makePayload(QRandomGenerator &rng, int length, bool binary, bool needle)
{
    QByteArray p;
    p.reserve(length);
    if (binary) {
        for (int i = 0; i < length; ++i)
            p.append(char(rng.bounded(256)));
    } else {
        p.append("{\"");
        while (p.size() < length) {
            p.append(Words[rng.bounded(16)]);
            p.append("\":");
            p.append(QByteArray::number(rng.bounded(100000)));
            p.append(",\"");
        }
        p.truncate(length);
    }
    if (needle) // ~1% of rows carry the word searched for, at a random place
        p.replace(rng.bounded(qMax(1, length - 12)), 8, "Needle42");
    return p;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct Timing
{
    double wallMs;
    double cpuMs; // process CPU time: on a loaded machine the wall time also counts waiting
};

template <typename F> Timing timed(F f)
{
    QElapsedTimer t;
    const std::clock_t c0 = std::clock();
    t.start();
    f();
    return {double(t.nsecsElapsed()) / 1e6, double(std::clock() - c0) * 1000.0 / CLOCKS_PER_SEC};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int frames = argc > 1 ? QByteArray(argv[1]).toInt() : 1'000'000;
    const int runs = 5;
    QRandomGenerator rng(6455);

    EventLog log;
    const quint32 conn =
        log.connectionOpened(0, QJsonObject{{QStringLiteral("url"), QStringLiteral("ws://bench/")}});
    QElapsedTimer fill;
    fill.start();
    int withNeedle = 0;
    for (int i = 0; i < frames; ++i) {
        FrameInfo f;
        f.timeNs = qint64(i) * 10'000;
        const int kind = rng.bounded(100);
        f.opcode = kind < 80   ? Opcode::Text
                   : kind < 95 ? Opcode::Binary
                   : kind < 98 ? Opcode::Ping
                               : Opcode::Pong;
        const bool control = Opcode::isControl(f.opcode);
        const int length = control ? 8 : 20 + rng.bounded(181);
        const bool needle = !control && rng.bounded(100) == 0;
        withNeedle += needle;
        const QByteArray payload = makePayload(rng, length, f.opcode == Opcode::Binary, needle);
        f.payloadLength = quint64(payload.size());
        f.fin = true;
        const Direction dir = i % 2 ? Direction::In : Direction::Out;
        f.masked = dir == Direction::Out;
        f.maskKey = f.masked ? rng.generate() : 0;
        log.frameCaptured(conn, dir, f, payload);
    }
    std::printf(
        "log: %d frames (%d with the needle), %.1f MB payload, %.1f MB in the log, filled in %.0f ms\n",
        frames, withNeedle, double(log.payloadBytes()) / 1e6, double(log.memoryBytes()) / 1e6,
        double(fill.nsecsElapsed()) / 1e6);

    TimelineModel model(&log);
    QElapsedTimer t;
    t.start();
    model.setConnection(conn);
    std::printf("setConnection (index of %d rows): %.1f ms\n", model.rowCount(),
                double(t.nsecsElapsed()) / 1e6);
    std::printf("TimelineModel memory: %.2f bytes/row unfiltered (index vector capacity %lld bytes)\n",
                double(model.indexMemoryBytes()) / model.rowCount(),
                static_cast<long long>(model.indexMemoryBytes()));

    struct Case
    {
        const char *name;
        TimelineFilter filter;
    };
    auto substring = [](const char *text, Qt::CaseSensitivity cs) {
        TimelineFilter f;
        f.text = QString::fromLatin1(text);
        f.caseSensitivity = cs;
        return f;
    };
    TimelineFilter regex;
    regex.regularExpression = true;
    regex.text = QStringLiteral("needle\\d+");
    regex.caseSensitivity = Qt::CaseInsensitive;
    TimelineFilter direction;
    direction.directions = TimelineFilter::Directions::In;
    direction.hideControl = true;
    const Case cases[] = {
        {"substring, case-sensitive   \"Needle42\"", substring("Needle42", Qt::CaseSensitive)},
        {"substring, case-insensitive \"needle42\"", substring("needle42", Qt::CaseInsensitive)},
        {"substring, case-sensitive   \"e\" (1 byte)", substring("e", Qt::CaseSensitive)},
        {"substring, case-insensitive \"volume\":9\"", substring("VOLUME\":9", Qt::CaseInsensitive)},
        {"regex, case-insensitive     needle\\d+", regex},
        {"direction in + hide control", direction},
    };
    for (const Case &c : cases) {
        int shown = 0;
        std::vector<double> wall, cpu;
        for (int run = 0; run < runs; ++run) {
            model.setFilter(TimelineFilter()); // each run filters from scratch; clearing tests no row
            const Timing t = timed([&] { model.setFilter(c.filter); });
            shown = model.rowCount();
            wall.push_back(t.wallMs);
            cpu.push_back(t.cpuMs);
        }
        std::printf("%-46s %8d rows  wall median %7.1f ms (min %7.1f)  cpu median %7.1f ms\n", c.name, shown,
                    median(wall), *std::min_element(wall.begin(), wall.end()), median(cpu));
    }
    std::printf("TimelineModel memory with the last filter: %.2f bytes/row\n",
                double(model.indexMemoryBytes()) / model.totalCount());

    // Appending with a filter active: 100,000 more frames tested as they come, one flush.
    model.setFilter(substring("needle42", Qt::CaseInsensitive));
    for (int i = 0; i < 100'000; ++i) {
        FrameInfo f;
        f.opcode = Opcode::Text;
        f.fin = true;
        const QByteArray payload = makePayload(rng, 20 + rng.bounded(181), false, rng.bounded(100) == 0);
        f.payloadLength = quint64(payload.size());
        log.frameCaptured(conn, Direction::In, f, payload);
    }
    const Timing flush = timed([&] { model.flush(); });
    std::printf("flush of 100000 appended frames with a case-insensitive filter: wall %.1f ms, cpu %.1f ms "
                "(%d rows shown)\n",
                flush.wallMs, flush.cpuMs, model.rowCount());
    return 0;
}
