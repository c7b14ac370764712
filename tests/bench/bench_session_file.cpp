// Session file and EventLog figures: save and open a 1M-frame session, EventLog memory at 10M frames.
// Two payload mixes: quote-heavy chat-like JSON (most bytes need escaping work) and ticker JSON
// as market-data feeds send it (strings without escapes).
// Usage: bench_session_file [frames-for-file (1000000)] [frames-for-memory (10000000)]
#include "eventlog.h"
#include "sessionreader.h"
#include "sessionwriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <cstdio>
#include <ctime>

using namespace wsscope;

namespace {

// Resident memory of this process in bytes (Linux), so the log's own accounting can be checked.
quint64 residentBytes()
{
    QFile statm("/proc/self/statm");
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toULongLong() * 4096 : 0;
}

// CPU time of this thread: on a shared, loaded machine wall time says more about the neighbours.
double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// Chat-like traffic: text payloads of 32-200 bytes, JSON-ish, some non-ASCII.
QByteArray textPayload(QRandomGenerator &random)
{
    static const QByteArray words[] = {
        "{\"op\":\"msg\",", "\"user\":\"alice\",", "\"text\":\"h\xc3\xa9llo\",", "\"seq\":12345,",
        "\"ok\":true,",     "\"v\":[1,2,3],",      "\"\xe2\x82\xac\":9,",        "\"k\":\"\\\"q\\\"\","};
    const int length = 32 + int(random.bounded(169));
    QByteArray payload;
    payload.reserve(length + 24);
    while (payload.size() < length)
        payload += words[random.bounded(int(sizeof(words) / sizeof(words[0])))];
    // Cut on a character boundary so the payload stays valid UTF-8.
    qsizetype cut = length;
    while (cut > 0 && (uchar(payload.at(cut)) & 0xC0) == 0x80)
        --cut;
    payload.truncate(cut);
    return payload;
}

// Market-data traffic as exchanges send it: JSON ticker messages from the server, an occasional
// heartbeat from the client. Quotes appear only around keys and strings, no escapes are needed
// beyond them, all ASCII.
QByteArray tickerPayload(QRandomGenerator &random, qsizetype i)
{
    static const char *const symbols[] = {"BTC-USD", "ETH-USD", "SOL-USD", "ETH-BTC", "DOGE-USD", "ADA-EUR"};
    if (i % 20 == 19)
        return "{\"type\":\"heartbeat\",\"seq\":" + QByteArray::number(i) + "}";
    const double price = 100.0 + random.bounded(6'500'000) / 100.0;
    const double spread = 0.01 * (1 + random.bounded(5));
    QByteArray payload =
        "{\"type\":\"ticker\",\"seq\":" + QByteArray::number(i) + ",\"symbol\":\"" +
        symbols[random.bounded(int(sizeof(symbols) / sizeof(symbols[0])))] +
        "\",\"price\":" + QByteArray::number(price, 'f', 2) + ",\"best_bid\":\"" +
        QByteArray::number(price - spread, 'f', 2) + "\",\"best_ask\":\"" +
        QByteArray::number(price + spread, 'f', 2) +
        "\",\"volume_24h\":" + QByteArray::number(random.bounded(100'000'000) / 1000.0, 'f', 3) +
        ",\"side\":\"" + (random.bounded(2) ? "buy" : "sell") +
        "\",\"last_size\":" + QByteArray::number(random.bounded(1'000'000) / 1e6, 'f', 6) +
        ",\"time\":\"2024-05-01T10:" + QByteArray::number(10 + i / 60'000 % 50) + ":" +
        QByteArray::number(10 + i / 1000 % 50) + "." + QByteArray::number(100'000 + i % 900'000) + "Z\"}";
    return payload;
}

enum class Mix { QuoteHeavy, Ticker };

void fileFigures(qsizetype frames, Mix mix)
{
    QRandomGenerator random(1234);
    EventLog log;
    const quint32 conn = log.connectionOpened(0, {{"url", "ws://bench.test/"}, {"source", "client"}});
    qint64 t = 0;
    for (qsizetype i = 0; i < frames; ++i) {
        FrameInfo frame;
        t += 1000 + qint64(random.bounded(100000));
        frame.timeNs = t;
        frame.opcode = Opcode::Text;
        frame.fin = true;
        const QByteArray payload = mix == Mix::Ticker ? tickerPayload(random, i) : textPayload(random);
        frame.payloadLength = quint64(payload.size());
        frame.lengthEncoding = payload.size() < 126 ? LengthEncoding::Bits7 : LengthEncoding::Bits16;
        const Direction dir = mix == Mix::Ticker ? (i % 20 == 19 ? Direction::Out : Direction::In)
                              : (i & 1)          ? Direction::In
                                                 : Direction::Out;
        frame.masked = dir == Direction::Out;
        frame.maskKey = random.generate();
        log.frameCaptured(conn, dir, frame, payload);
    }

    QTemporaryDir dir;
    const QString path = dir.filePath("bench.wsscope");
    QElapsedTimer timer;
    timer.start();
    double cpu = threadCpuSeconds();
    QString error;
    if (!SessionWriter::save(log, path, &error)) {
        std::printf("save failed: %s\n", qPrintable(error));
        return;
    }
    const double saveSeconds = timer.nsecsElapsed() / 1e9;
    const double saveCpu = threadCpuSeconds() - cpu;
    const qint64 fileSize = QFileInfo(path).size();

    EventLog loaded;
    SessionReader reader;
    timer.restart();
    cpu = threadCpuSeconds();
    const bool ok = reader.read(path, &loaded);
    const double openSeconds = timer.nsecsElapsed() / 1e9;
    const double openCpu = threadCpuSeconds() - cpu;
    if (!ok || loaded.size() != log.size() || reader.problemCount() != 0) {
        std::printf("open failed: %s (%lld problems)\n", qPrintable(reader.errorString()),
                    static_cast<long long>(reader.problemCount()));
        return;
    }
    std::printf("session file, %lld text frames, %s (payload %.1f MiB):\n", static_cast<long long>(frames),
                mix == Mix::Ticker ? "ticker JSON of about 200 bytes" : "quote-heavy JSON of 32-200 bytes",
                log.payloadBytes() / 1048576.0);
    std::printf("  save   %.3f s wall, %.3f s CPU  (file %.1f MiB, %.1f bytes/frame)\n", saveSeconds, saveCpu,
                fileSize / 1048576.0, double(fileSize) / frames);
    std::printf("  open   %.3f s wall, %.3f s CPU\n", openSeconds, openCpu);
}

void memoryFigures(qsizetype frames)
{
    const quint64 residentBefore = residentBytes();
    auto log = std::make_unique<EventLog>();
    const quint32 conn = log->connectionOpened(0, {{"url", "ws://bench.test/"}});
    const QByteArray payload(16, 'x');
    FrameInfo frame;
    frame.opcode = Opcode::Binary;
    frame.fin = true;
    frame.payloadLength = quint64(payload.size());
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < frames; ++i) {
        frame.timeNs = i * 1000;
        log->frameCaptured(conn, Direction::In, frame, payload);
    }
    const double appendSeconds = timer.nsecsElapsed() / 1e9;
    const quint64 residentAfter = residentBytes();
    const double accounted = double(log->memoryBytes() - log->payloadBytes()) / frames;
    const double resident = (double(residentAfter - residentBefore) - double(log->payloadBytes())) / frames;
    std::printf("EventLog, %lld frames of 16 bytes:\n", static_cast<long long>(frames));
    std::printf("  append %.3f s  (%.1f M frames/s from one thread)\n", appendSeconds,
                frames / appendSeconds / 1e6);
    std::printf(
        "  memory beyond payload: %.1f bytes/frame (log's accounting), %.1f bytes/frame (resident set)\n",
        accounted, resident);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype fileFrames = args.size() > 1 ? args.at(1).toLongLong() : 1'000'000;
    const qsizetype memoryFrames = args.size() > 2 ? args.at(2).toLongLong() : 10'000'000;
    fileFigures(fileFrames, Mix::QuoteHeavy);
    fileFigures(fileFrames, Mix::Ticker);
    memoryFigures(memoryFrames);
    return 0;
}
