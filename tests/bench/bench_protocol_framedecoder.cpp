// Prints FrameDecoder throughput: frames/s on small server frames and GB/s on masked 64 KiB client
// frames. Each case runs several rounds and reports the best, to damp noise from a shared machine.

#include "framedecoder.h"

#include <QElapsedTimer>
#include <cstdio>

using namespace wsscope;

namespace {

struct Summer : FrameDecoder::Handler
{
    quint64 frames = 0;
    quint64 bytes = 0;
    quint64 sum = 0;
    void frameDecoded(const FrameInfo &frame, QByteArrayView payload) override
    {
        ++frames;
        bytes += frame.payloadLength;
        // Touch the payload so the work cannot be optimised away.
        if (!payload.isEmpty())
            sum += quint8(payload[0]) + quint8(payload[payload.size() - 1]);
    }
    void violationFound(const Violation &) override { ++sum; }
};

QByteArray frame(quint8 opcode, qsizetype length, bool masked, quint32 seed)
{
    QByteArray out;
    out.append(char(0x80 | opcode));
    const char maskBit = masked ? char(0x80) : char(0);
    if (length < 126) {
        out.append(char(maskBit | char(length)));
    } else if (length <= 0xFFFF) {
        out.append(char(maskBit | 126));
        out.append(char(length >> 8));
        out.append(char(length & 0xFF));
    } else {
        out.append(char(maskBit | 127));
        for (int i = 7; i >= 0; --i)
            out.append(char((quint64(length) >> (8 * i)) & 0xFF));
    }
    const char key[4] = {char(seed), char(seed >> 8), char(seed >> 16), char(seed >> 24)};
    if (masked)
        out.append(key, 4);
    for (qsizetype i = 0; i < length; ++i) {
        const char c = char('a' + (i + seed) % 26);
        out.append(masked ? char(c ^ key[i % 4]) : c);
    }
    return out;
}

struct Result
{
    double seconds = 0;
    quint64 frames = 0;
    quint64 payloadBytes = 0;
    quint64 wireBytes = 0;
};

Result run(Direction dir, const QByteArray &stream, qsizetype chunk, int repeat, int rounds)
{
    Result best;
    for (int round = 0; round < rounds; ++round) {
        Summer h;
        FrameDecoder d(dir, &h);
        QElapsedTimer timer;
        timer.start();
        for (int r = 0; r < repeat; ++r)
            for (qsizetype i = 0; i < stream.size(); i += chunk)
                d.feed(stream.constData() + i, qMin(chunk, stream.size() - i), i);
        const double s = double(timer.nsecsElapsed()) / 1e9;
        if (h.sum == 42) // keeps the sum alive
            std::printf(" ");
        if (round == 0 || s < best.seconds)
            best = {s, h.frames, h.bytes, d.bytesFed()};
    }
    return best;
}

void smallFrames(const char *label, quint8 opcode, qsizetype chunk)
{
    QByteArray stream;
    const int count = 1 << 20; // 1 Mi frames of 16 payload bytes, 18 bytes on the wire
    stream.reserve(count * 18);
    for (int i = 0; i < count; ++i)
        stream += frame(opcode, 16, false, quint32(i));
    const Result r = run(Direction::In, stream, chunk, 4, 5);
    std::printf("%-58s %8.2f M frames/s  (%6.1f MB/s wire, chunk %lld B)\n", label,
                r.frames / r.seconds / 1e6, r.wireBytes / r.seconds / 1e6, static_cast<long long>(chunk));
}

void bigMaskedFrames(const char *label, qsizetype chunk)
{
    QByteArray stream;
    const int count = 256; // 16 MiB of payload
    for (int i = 0; i < count; ++i)
        stream += frame(Opcode::Binary, 64 * 1024, true, quint32(0x9e3779b9u * (i + 1)));
    const Result r = run(Direction::Out, stream, chunk, 8, 5);
    std::printf("%-58s %8.2f GB/s payload (%6.0f frames/s, chunk %lld B)\n", label,
                r.payloadBytes / r.seconds / 1e9, r.frames / r.seconds, static_cast<long long>(chunk));
}

} // namespace

int main()
{
    std::printf("FrameDecoder benchmark (best of 5 rounds)\n");
    smallFrames("16-byte unmasked binary server frames", Opcode::Binary, 64 * 1024);
    smallFrames("16-byte unmasked text server frames (UTF-8 checked)", Opcode::Text, 64 * 1024);
    smallFrames("16-byte unmasked binary server frames, 1 KiB chunks", Opcode::Binary, 1024);
    bigMaskedFrames("masked 64 KiB binary client frames, 1 MiB chunks", 1024 * 1024);
    bigMaskedFrames("masked 64 KiB binary client frames, 16 KiB chunks", 16 * 1024);
    return 0;
}
