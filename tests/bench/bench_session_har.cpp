// HAR export of 100k messages: seconds for the whole file, to memory and to disk; and the time to
// import it again. Target: export <= 1 s.
#include "eventlog.h"
#include "harexport.h"
#include "harimport.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <cstdio>

using namespace wsscope;

namespace {

constexpr int Messages = 100'000;
constexpr int Rounds = 3;

// Chat-like traffic: JSON text both ways, every fourth message binary, every tenth in two fragments.
void fillLog(EventLog &log)
{
    const quint32 conn = log.addConnection(1, QJsonObject{{"url", "wss://example.com/chat?token=abc"},
                                                          {"source", "client"},
                                                          {"started", "2024-05-01T10:00:00.000Z"}});
    EventRecord h;
    h.kind = EventKind::Handshake;
    h.conn = conn;
    log.appendEvent(h, QJsonObject{{"method", "GET"},
                                   {"target", "/chat?token=abc"},
                                   {"version", "HTTP/1.1"},
                                   {"headers", QJsonArray{QJsonArray{"Host", "example.com"},
                                                          QJsonArray{"Authorization", "Bearer x"}}}});
    h.dir = Direction::In;
    log.appendEvent(h,
                    QJsonObject{{"version", "HTTP/1.1"}, {"status", 101}, {"reason", "Switching Protocols"}});
    QByteArray binary(96, '\0');
    for (int i = 0; i < binary.size(); ++i)
        binary[i] = char(i * 37);
    for (int i = 0; i < Messages; ++i) {
        EventRecord r;
        r.kind = EventKind::Frame;
        r.conn = conn;
        r.dir = i % 2 ? Direction::In : Direction::Out;
        r.timeNs = qint64(i) * 1'000'000 + 50'000'000;
        r.flags = EventRecord::Fin;
        QByteArray payload;
        if (i % 4 == 3) {
            r.opcode = Opcode::Binary;
            payload = binary;
        } else {
            r.opcode = Opcode::Text;
            payload = "{\"type\":\"message\",\"id\":" + QByteArray::number(i) +
                      ",\"user\":\"alice\",\"text\":\"Hello \\\"world\\\"\\n, message number " +
                      QByteArray::number(i) + "\"}";
        }
        if (i % 10 == 5) {
            const qsizetype half = payload.size() / 2;
            r.flags = 0;
            r.length = quint64(half);
            log.appendRecord(r, payload.left(half));
            r.opcode = Opcode::Continuation;
            r.flags = EventRecord::Fin;
            payload = payload.mid(half);
        }
        r.length = quint64(payload.size());
        log.appendRecord(r, payload);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    EventLog log;
    fillLog(log);
    std::printf("log: %lld events, %.1f MB of payload\n", static_cast<long long>(log.size()),
                double(log.payloadBytes()) / 1e6);

    double bestMemory = 1e9, bestDisk = 1e9, bestImport = 1e9;
    QByteArray har;
    QTemporaryDir dir;
    for (int round = 0; round < Rounds; ++round) {
        QElapsedTimer timer;
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        HarExport exporter;
        timer.start();
        if (!exporter.write(log, &buffer))
            return 1;
        bestMemory = qMin(bestMemory, timer.nsecsElapsed() / 1e9);
        har = buffer.data();
        if (exporter.messagesWritten() != Messages) {
            std::fprintf(stderr, "wrote %lld messages\n", static_cast<long long>(exporter.messagesWritten()));
            return 1;
        }

        timer.start();
        if (!exporter.save(log, dir.filePath(QStringLiteral("bench.har"))))
            return 1;
        bestDisk = qMin(bestDisk, timer.nsecsElapsed() / 1e9);

        EventLog imported;
        HarImport importer;
        timer.start();
        if (!importer.readData(har, &imported) || importer.messagesRead() != Messages)
            return 1;
        bestImport = qMin(bestImport, timer.nsecsElapsed() / 1e9);
    }
    std::printf("HAR file: %.1f MB\n", double(har.size()) / 1e6);
    std::printf("export 100k messages to memory: %.3f s (best of %d; target <= 1 s)\n", bestMemory, Rounds);
    std::printf("export 100k messages to a file: %.3f s\n", bestDisk);
    std::printf("import the same HAR:            %.3f s\n", bestImport);
    return bestMemory <= 1.0 ? 0 : 2;
}
