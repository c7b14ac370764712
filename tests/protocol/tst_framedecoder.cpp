#include "framedecoder.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace wsscope;

namespace {

struct Recorder : FrameDecoder::Handler
{
    struct Frame
    {
        FrameInfo info;
        QByteArray payload;
        const char *data = nullptr;
    };
    QList<Frame> frames;
    QList<Violation> violations;
    QList<MessageInfo> messages;
    QStringList log; // every callback in order, all fields, for comparing two decodes

    void frameDecoded(const FrameInfo &f, QByteArrayView payload) override
    {
        frames.append({f, payload.toByteArray(), payload.data()});
        const QByteArray digest = payload.size() <= 32
                                      ? payload.toByteArray().toHex()
                                      : QCryptographicHash::hash(payload, QCryptographicHash::Sha1).toHex();
        log << QStringLiteral("F i=%1 off=%2 t=%3 len=%4 msg=%5 key=%6 op=%7 rsv=%8 hs=%9 enc=%10 fin=%11 "
                              "mask=%12 trunc=%13 n=%14 %15")
                   .arg(f.frameIndex)
                   .arg(f.streamOffset)
                   .arg(f.timeNs)
                   .arg(f.payloadLength)
                   .arg(f.messageIndex)
                   .arg(f.maskKey)
                   .arg(f.opcode)
                   .arg(f.rsv)
                   .arg(f.headerSize)
                   .arg(int(f.lengthEncoding))
                   .arg(f.fin)
                   .arg(f.masked)
                   .arg(f.truncated)
                   .arg(payload.size())
                   .arg(QString::fromLatin1(digest));
    }
    void violationFound(const Violation &v) override
    {
        violations.append(v);
        log << QStringLiteral("V %1 i=%2 off=%3 t=%4 %5")
                   .arg(violationId(v.kind))
                   .arg(v.frameIndex)
                   .arg(v.streamOffset)
                   .arg(v.timeNs)
                   .arg(v.detail);
    }
    void messageCompleted(const MessageInfo &m) override
    {
        messages.append(m);
        log << QStringLiteral("M %1 first=%2 n=%3 len=%4 t=%5 op=%6 utf8=%7 z=%8")
                   .arg(m.messageIndex)
                   .arg(m.firstFrame)
                   .arg(m.frameCount)
                   .arg(m.length)
                   .arg(m.timeNs)
                   .arg(m.opcode)
                   .arg(m.validUtf8)
                   .arg(m.compressed);
    }
    QString violationList() const
    {
        QStringList out;
        for (const Violation &v : violations)
            out << QStringLiteral("%1@%2").arg(violationId(v.kind)).arg(v.frameIndex);
        return out.join(QLatin1Char(','));
    }
};

enum Encoding { Auto = -1, Force16 = 1, Force64 = 2 };

// Builds one frame as RFC 6455 §5.2 lays it out.
QByteArray makeFrame(quint8 opcode, const QByteArray &payload, bool fin = true, bool masked = false,
                     quint8 rsv = 0, int encoding = Auto, quint32 key = 0x37fa213d)
{
    QByteArray out;
    out.append(char((fin ? 0x80 : 0) | (rsv << 4) | opcode));
    const quint64 len = quint64(payload.size());
    const quint8 maskBit = masked ? 0x80 : 0;
    int enc = encoding;
    if (enc == Auto)
        enc = len < 126 ? 0 : len <= 0xFFFF ? 1 : 2;
    if (enc == 0) {
        out.append(char(maskBit | len));
    } else if (enc == 1) {
        out.append(char(maskBit | 126));
        out.append(char(len >> 8));
        out.append(char(len & 0xFF));
    } else {
        out.append(char(maskBit | 127));
        for (int i = 7; i >= 0; --i)
            out.append(char((len >> (8 * i)) & 0xFF));
    }
    if (masked) {
        const quint8 k[4] = {quint8(key >> 24), quint8(key >> 16), quint8(key >> 8), quint8(key)};
        out.append(reinterpret_cast<const char *>(k), 4);
        for (qsizetype i = 0; i < payload.size(); ++i)
            out.append(char(payload[i] ^ k[i % 4]));
    } else {
        out.append(payload);
    }
    return out;
}

QByteArray closeBody(quint16 code, const QByteArray &reason = {})
{
    QByteArray body;
    body.append(char(code >> 8));
    body.append(char(code & 0xFF));
    return body + reason;
}

void feedWhole(FrameDecoder &d, const QByteArray &bytes, qint64 t = 7)
{
    d.feed(bytes, t);
}

void feedBytewise(FrameDecoder &d, const QByteArray &bytes, qint64 t = 7)
{
    for (qsizetype i = 0; i < bytes.size(); ++i)
        d.feed(bytes.constData() + i, 1, t);
}

void feedRandomSplits(FrameDecoder &d, const QByteArray &bytes, QRandomGenerator &rng, qint64 t = 7)
{
    qsizetype i = 0;
    while (i < bytes.size()) {
        // Mostly short chunks so headers split often, sometimes long ones to take the fast path.
        const qsizetype max = rng.bounded(4) == 0 ? 70000 : 20;
        const qsizetype n = qMin(bytes.size() - i, qsizetype(rng.bounded(1, int(max))));
        d.feed(bytes.constData() + i, n, t);
        i += n;
    }
}

QByteArray repeated(char c, int n)
{
    return QByteArray(n, c);
}

} // namespace

Q_DECLARE_METATYPE(Direction)

class TestFrameDecoder : public QObject
{
    Q_OBJECT

private slots:
    void rfcExamples_data();
    void rfcExamples();
    void rfcFragmentedText();
    void violations_data();
    void violations();
    void closeCodes_data();
    void closeCodes();
    void lengthMsbSet();
    void negotiatedRsv1SkipsUtf8();
    void utf8SplitAcrossFragments();
    void invalidUtf8AcrossFragmentBoundary();
    void payloadCap_data();
    void payloadCap();
    void hugeAnnouncedLength();
    void controlFramesKeptWithoutPayloads();
    void arrivalTimeAndOffsets();
    void messageIndexOfControlFrames();
    void unmaskedWholeFrameIsNotCopied();
    void randomSplitsGiveIdenticalResults();
    void violationNames();
};

void TestFrameDecoder::rfcExamples_data()
{
    QTest::addColumn<Direction>("direction");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("opcode");
    QTest::addColumn<bool>("masked");
    QTest::addColumn<uint>("maskKey");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<int>("headerSize");

    // RFC 6455 §5.7, byte for byte.
    QTest::newRow("unmasked text Hello") << Direction::In << QByteArray::fromHex("810548656c6c6f") << 0x1
                                         << false << 0u << QByteArray("Hello") << 0 << 2;
    QTest::newRow("masked text Hello") << Direction::Out << QByteArray::fromHex("818537fa213d7f9f4d5158")
                                       << 0x1 << true << 0x37fa213du << QByteArray("Hello") << 0 << 6;
    QTest::newRow("unmasked ping Hello") << Direction::In << QByteArray::fromHex("890548656c6c6f") << 0x9
                                         << false << 0u << QByteArray("Hello") << 0 << 2;
    QTest::newRow("masked pong Hello") << Direction::Out << QByteArray::fromHex("8a8537fa213d7f9f4d5158")
                                       << 0xA << true << 0x37fa213du << QByteArray("Hello") << 0 << 6;
    QByteArray p256(256, '\0');
    for (int i = 0; i < p256.size(); ++i)
        p256[i] = char(i);
    QTest::newRow("256-byte binary") << Direction::In << QByteArray::fromHex("827e0100") + p256 << 0x2
                                     << false << 0u << p256 << 1 << 4;
    QByteArray p64k(65536, '\0');
    for (int i = 0; i < p64k.size(); ++i)
        p64k[i] = char(i * 7);
    QTest::newRow("64 KiB binary") << Direction::In << QByteArray::fromHex("827f0000000000010000") + p64k
                                   << 0x2 << false << 0u << p64k << 2 << 10;
}

void TestFrameDecoder::rfcExamples()
{
    QFETCH(Direction, direction);
    QFETCH(QByteArray, bytes);
    QFETCH(int, opcode);
    QFETCH(bool, masked);
    QFETCH(uint, maskKey);
    QFETCH(QByteArray, payload);
    QFETCH(int, encoding);
    QFETCH(int, headerSize);

    Recorder r;
    FrameDecoder d(direction, &r);
    QVERIFY(d.atFrameBoundary());
    d.feed(bytes, 1234);
    QCOMPARE(r.violationList(), QString());
    QCOMPARE(r.frames.size(), 1);
    const FrameInfo &f = r.frames[0].info;
    QCOMPARE(f.fin, true);
    QCOMPARE(f.rsv, quint8(0));
    QCOMPARE(int(f.opcode), opcode);
    QCOMPARE(f.masked, masked);
    QCOMPARE(f.maskKey, quint32(maskKey));
    QCOMPARE(f.payloadLength, quint64(payload.size()));
    QCOMPARE(int(f.lengthEncoding), encoding);
    QCOMPARE(int(f.headerSize), headerSize);
    QCOMPARE(f.streamOffset, quint64(0));
    QCOMPARE(f.timeNs, qint64(1234));
    QCOMPARE(f.frameIndex, quint64(0));
    QCOMPARE(f.messageIndex, quint64(0));
    QCOMPARE(f.truncated, false);
    QCOMPARE(r.frames[0].payload, payload);
    QCOMPARE(d.bytesFed(), quint64(bytes.size()));
    QCOMPARE(d.framesDecoded(), quint64(1));
    QVERIFY(d.atFrameBoundary());

    const bool data = !Opcode::isControl(quint8(opcode));
    QCOMPARE(r.messages.size(), data ? 1 : 0);
    if (data) {
        const MessageInfo &m = r.messages[0];
        QCOMPARE(m.messageIndex, quint64(0));
        QCOMPARE(m.firstFrame, quint64(0));
        QCOMPARE(m.frameCount, quint64(1));
        QCOMPARE(m.length, quint64(payload.size()));
        QCOMPARE(int(m.opcode), opcode);
        QCOMPARE(m.timeNs, qint64(1234));
        QVERIFY(m.validUtf8);
        QVERIFY(!m.compressed);
    }

    // Byte by byte, the same callbacks.
    Recorder r2;
    FrameDecoder d2(direction, &r2);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        QVERIFY(i == 0 || !d2.atFrameBoundary());
        d2.feed(bytes.constData() + i, 1, 1234);
    }
    QCOMPARE(r2.log, r.log);
}

void TestFrameDecoder::rfcFragmentedText()
{
    // RFC 6455 §5.7: a fragmented unmasked text message.
    const QByteArray first = QByteArray::fromHex("010348656c");
    const QByteArray second = QByteArray::fromHex("80026c6f");
    Recorder r;
    FrameDecoder d(Direction::In, &r);
    d.feed(first, 10);
    QCOMPARE(r.frames.size(), 1);
    QCOMPARE(r.messages.size(), 0);
    d.feed(second, 20);
    QCOMPARE(r.violationList(), QString());
    QCOMPARE(r.frames.size(), 2);

    const FrameInfo &a = r.frames[0].info;
    QCOMPARE(a.fin, false);
    QCOMPARE(a.opcode, quint8(Opcode::Text));
    QCOMPARE(a.payloadLength, quint64(3));
    QCOMPARE(a.headerSize, quint8(2));
    QCOMPARE(a.streamOffset, quint64(0));
    QCOMPARE(a.timeNs, qint64(10));
    QCOMPARE(a.messageIndex, quint64(0));
    QCOMPARE(r.frames[0].payload, QByteArray("Hel"));

    const FrameInfo &b = r.frames[1].info;
    QCOMPARE(b.fin, true);
    QCOMPARE(b.opcode, quint8(Opcode::Continuation));
    QCOMPARE(b.payloadLength, quint64(2));
    QCOMPARE(b.streamOffset, quint64(5));
    QCOMPARE(b.timeNs, qint64(20));
    QCOMPARE(b.frameIndex, quint64(1));
    QCOMPARE(b.messageIndex, quint64(0));
    QCOMPARE(r.frames[1].payload, QByteArray("lo"));

    QCOMPARE(r.messages.size(), 1);
    const MessageInfo &m = r.messages[0];
    QCOMPARE(m.firstFrame, quint64(0));
    QCOMPARE(m.frameCount, quint64(2));
    QCOMPARE(m.length, quint64(5));
    QCOMPARE(m.timeNs, qint64(20));
    QCOMPARE(m.opcode, quint8(Opcode::Text));
    QVERIFY(m.validUtf8);
    QCOMPARE(d.messagesCompleted(), quint64(1));
}

void TestFrameDecoder::violations_data()
{
    QTest::addColumn<Direction>("direction");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected"); // violation-id@frameIndex, in report order

    const auto in = [](quint8 op, const QByteArray &p, bool fin = true, quint8 rsv = 0, int enc = Auto) {
        return makeFrame(op, p, fin, false, rsv, enc);
    };
    QTest::newRow("reserved data opcode 0x3") << Direction::In << in(0x3, "x") << "reserved-opcode@0";
    QTest::newRow("reserved control opcode 0xB") << Direction::In << in(0xB, "x") << "reserved-opcode@0";
    QTest::newRow("RSV2 without extension")
        << Direction::In << in(Opcode::Text, "x", true, 0x2) << "rsv-without-extension@0";
    QTest::newRow("RSV1 not negotiated")
        << Direction::In << in(Opcode::Binary, "x", true, 0x4) << "rsv-without-extension@0";
    QTest::newRow("control frame too long")
        << Direction::In << in(Opcode::Ping, repeated('p', 126)) << "control-frame-too-long@0";
    QTest::newRow("fragmented control frame")
        << Direction::In << in(Opcode::Ping, "p", false) << "fragmented-control-frame@0";
    QTest::newRow("non-minimal 16-bit length")
        << Direction::In << in(Opcode::Text, "abc", true, 0, Force16) << "non-minimal-length@0";
    QTest::newRow("non-minimal 64-bit length")
        << Direction::In << in(Opcode::Binary, repeated('b', 300), true, 0, Force64)
        << "non-minimal-length@0";
    QTest::newRow("masked server frame")
        << Direction::In << makeFrame(Opcode::Text, "x", true, true) << "masked-server-frame@0";
    QTest::newRow("unmasked client frame")
        << Direction::Out << makeFrame(Opcode::Text, "x", true, false) << "unmasked-client-frame@0";
    QTest::newRow("continuation without start")
        << Direction::In << in(Opcode::Continuation, "x") << "continuation-without-start@0";
    QTest::newRow("data frame inside fragmented message")
        << Direction::In << in(Opcode::Text, "a", false) + in(Opcode::Binary, "b")
        << "data-frame-inside-fragmented-message@1";
    QTest::newRow("invalid UTF-8") << Direction::In << in(Opcode::Text, "ok\xff") << "invalid-utf8@0";
    QTest::newRow("invalid UTF-8 masked")
        << Direction::Out << makeFrame(Opcode::Text, "ok\xc0\xaf", true, true) << "invalid-utf8@0";
    QTest::newRow("UTF-8 ends inside a code point")
        << Direction::In << in(Opcode::Text, "\xe2\x82") << "invalid-utf8@0";
    QTest::newRow("one-byte close payload")
        << Direction::In << in(Opcode::Close, "\x03") << "one-byte-close-payload@0,data-after-close@1";
    QTest::newRow("invalid close code")
        << Direction::In << in(Opcode::Close, closeBody(1005)) << "invalid-close-code@0,data-after-close@1";
    QTest::newRow("invalid close reason UTF-8")
        << Direction::In << in(Opcode::Close, closeBody(1000, "\xc0\xaf"))
        << "invalid-close-reason-utf8@0,data-after-close@1";
    QTest::newRow("data after close")
        << Direction::In << in(Opcode::Close, closeBody(1000, "bye")) << "data-after-close@1";
}

void TestFrameDecoder::violations()
{
    QFETCH(Direction, direction);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);

    // A well-formed frame follows the offending one: decoding must go on and deliver it intact.
    const bool mask = direction == Direction::Out;
    const QByteArray next = makeFrame(Opcode::Text, "next", true, mask, 0, Auto, 0x01020304);
    const QByteArray stream = bytes + next;

    for (int mode = 0; mode < 2; ++mode) {
        Recorder r;
        FrameDecoder d(direction, &r);
        if (mode == 0)
            feedWhole(d, stream);
        else
            feedBytewise(d, stream);
        QCOMPARE(r.violationList(), expected);
        QVERIFY(!r.frames.isEmpty());
        const Recorder::Frame &last = r.frames.last();
        QCOMPARE(last.payload, QByteArray("next"));
        QCOMPARE(last.info.opcode, quint8(Opcode::Text));
        QCOMPARE(last.info.streamOffset, quint64(bytes.size()));
        QCOMPARE(d.bytesFed(), quint64(stream.size()));
        QVERIFY(d.atFrameBoundary());
        for (const Violation &v : r.violations) {
            QVERIFY(v.frameIndex < quint64(r.frames.size()));
            QCOMPARE(v.streamOffset, r.frames[int(v.frameIndex)].info.streamOffset);
            QVERIFY(!v.detail.isEmpty());
        }
    }
}

void TestFrameDecoder::closeCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("valid");
    // RFC 6455 §7.4: codes that may appear on the wire.
    for (int code : {0, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000, 65535})
        QTest::addRow("%d invalid", code) << code << false;
    for (int code : {1000, 1001, 1002, 1003, 1007, 1008, 1011, 1014, 3000, 3999, 4000, 4999})
        QTest::addRow("%d valid", code) << code << true;
}

void TestFrameDecoder::closeCodes()
{
    QFETCH(int, code);
    QFETCH(bool, valid);
    Recorder r;
    FrameDecoder d(Direction::In, &r);
    d.feed(makeFrame(Opcode::Close, closeBody(quint16(code), "reason")) + makeFrame(Opcode::Ping, "x"), 1);
    QCOMPARE(r.violationList(), valid ? QStringLiteral("data-after-close@1")
                                      : QStringLiteral("invalid-close-code@0,data-after-close@1"));
    QCOMPARE(r.frames.size(), 2);
    QVERIFY(d.closeSeen());
    if (!valid)
        QVERIFY(r.violations[0].detail.contains(QString::number(code)));
}

void TestFrameDecoder::lengthMsbSet()
{
    // A 64-bit length with its top bit set is reported as soon as the header is in, before any payload.
    Recorder r;
    FrameDecoder d(Direction::In, &r);
    d.setPayloadCap(1024);
    const QByteArray header = QByteArray::fromHex("827f8000000000000005");
    d.feed(header, 1);
    QCOMPARE(r.violationList(), QStringLiteral("length-msb-set@0"));
    QCOMPARE(r.violations[0].streamOffset, quint64(0));
    QCOMPARE(r.frames.size(), 0);
    QVERIFY(!d.atFrameBoundary());
    // Best effort: the decoder keeps counting what follows as that frame's payload, storing at most the cap.
    const QByteArray more(100000, 'z');
    d.feed(more, 2);
    QCOMPARE(d.bytesFed(), quint64(header.size() + more.size()));
    QVERIFY(d.bufferCapacity() <= 1024);
    QCOMPARE(r.frames.size(), 0);
    QCOMPARE(r.violations.size(), 1);
}

void TestFrameDecoder::negotiatedRsv1SkipsUtf8()
{
    Recorder r;
    FrameDecoder d(Direction::In, &r);
    d.setNegotiatedRsv(Rsv::Rsv1);
    // A deflated text message (RFC 7692) is not UTF-8 on the wire; RSV1 is only on its first frame.
    d.feed(makeFrame(Opcode::Text, "\xf2\x48\xcd\xc9", false, false, 0x4) +
               makeFrame(Opcode::Continuation, "\xff\x00") + makeFrame(Opcode::Text, "x", true, false, 0x2),
           1);
    QCOMPARE(r.violationList(), QStringLiteral("rsv-without-extension@2"));
    QCOMPARE(r.messages.size(), 2);
    QVERIFY(r.messages[0].compressed);
    QVERIFY(r.messages[0].validUtf8);
    QCOMPARE(r.messages[0].frameCount, quint64(2));
    QCOMPARE(r.frames[0].info.rsv, quint8(0x4));
    QVERIFY(!r.messages[1].compressed);

    // Negotiated RSV1 is still wrong on continuation and control frames.
    Recorder r2;
    FrameDecoder d2(Direction::In, &r2);
    d2.setNegotiatedRsv(Rsv::Rsv1);
    d2.feed(makeFrame(Opcode::Binary, "a", false, false, 0x4) +
                makeFrame(Opcode::Continuation, "b", true, false, 0x4) +
                makeFrame(Opcode::Ping, "c", true, false, 0x4) + makeFrame(Opcode::Binary, "d"),
            1);
    QCOMPARE(r2.violationList(), QStringLiteral("rsv-without-extension@1,rsv-without-extension@2"));
    QCOMPARE(r2.frames.size(), 4);
}

void TestFrameDecoder::utf8SplitAcrossFragments()
{
    // "a€𝄞é" split at every byte position, a ping between the fragments: always valid (§5.6, §5.4).
    const QByteArray text("a\xe2\x82\xac\xf0\x9d\x84\x9e\xc3\xa9");
    for (int cut = 0; cut <= text.size(); ++cut) {
        const QByteArray stream = makeFrame(Opcode::Text, text.left(cut), false) +
                                  makeFrame(Opcode::Ping, "p") +
                                  makeFrame(Opcode::Continuation, text.mid(cut));
        for (int mode = 0; mode < 2; ++mode) {
            Recorder r;
            FrameDecoder d(Direction::In, &r);
            mode ? feedBytewise(d, stream) : feedWhole(d, stream);
            QCOMPARE(r.violationList(), QString());
            QCOMPARE(r.messages.size(), 1);
            QVERIFY(r.messages[0].validUtf8);
            QCOMPARE(r.messages[0].length, quint64(text.size()));
            QCOMPARE(r.messages[0].frameCount, quint64(2));
            QCOMPARE(r.frames[0].payload + r.frames[2].payload, text);
        }
    }
}

void TestFrameDecoder::invalidUtf8AcrossFragmentBoundary()
{
    // E2 82 must be followed by a continuation byte; '(' at index 3 is not. Wherever the cut falls,
    // the violation names the frame holding the '('.
    const QByteArray text("x\xe2\x82(y");
    for (int cut = 0; cut <= text.size(); ++cut) {
        const QByteArray stream =
            makeFrame(Opcode::Text, text.left(cut), false) + makeFrame(Opcode::Pong, "") +
            makeFrame(Opcode::Continuation, text.mid(cut)) + makeFrame(Opcode::Text, "ok");
        Recorder r;
        FrameDecoder d(Direction::In, &r);
        d.feed(stream, 1);
        const int offending = cut <= 3 ? 2 : 0;
        QCOMPARE(r.violationList(), QStringLiteral("invalid-utf8@%1").arg(offending));
        QCOMPARE(r.messages.size(), 2);
        QVERIFY(!r.messages[0].validUtf8);
        QVERIFY(r.messages[1].validUtf8);
        QCOMPARE(r.frames.size(), 4);
    }
}

void TestFrameDecoder::payloadCap_data()
{
    QTest::addColumn<bool>("masked");
    QTest::addColumn<bool>("bytewise");
    QTest::newRow("unmasked whole") << false << false;
    QTest::newRow("unmasked bytewise") << false << true;
    QTest::newRow("masked whole") << true << false;
    QTest::newRow("masked bytewise") << true << true;
}

void TestFrameDecoder::payloadCap()
{
    QFETCH(bool, masked);
    QFETCH(bool, bytewise);
    QByteArray text;
    for (int i = 0; i < 300; ++i)
        text.append(char('a' + i % 26));
    QByteArray bad = text;
    bad[200] = '\xff'; // past the cap: not stored, still checked
    const Direction dir = masked ? Direction::Out : Direction::In;
    const QByteArray stream = makeFrame(Opcode::Text, text, true, masked) +
                              makeFrame(Opcode::Text, bad, true, masked) +
                              makeFrame(Opcode::Binary, "tail", true, masked);
    Recorder r;
    FrameDecoder d(dir, &r);
    d.setPayloadCap(10);
    QCOMPARE(d.payloadCap(), quint64(10));
    bytewise ? feedBytewise(d, stream) : feedWhole(d, stream);
    QCOMPARE(r.frames.size(), 3);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(r.frames[i].info.payloadLength, quint64(300));
        QVERIFY(r.frames[i].info.truncated);
        QCOMPARE(r.frames[i].payload, text.left(10));
    }
    QCOMPARE(r.frames[2].payload, QByteArray("tail"));
    QVERIFY(!r.frames[2].info.truncated);
    QCOMPARE(r.violationList(), QStringLiteral("invalid-utf8@1"));
    QCOMPARE(r.messages[0].length, quint64(300));
    QVERIFY(d.bufferCapacity() <= 10);
}

// "Headers only" (cap 0) still keeps control payloads: close code and reason, ping payloads.
void TestFrameDecoder::controlFramesKeptWithoutPayloads()
{
    for (const bool masked : {false, true}) {
        const QByteArray close = QByteArray::fromHex("0fa1") + "going away";
        const QByteArray stream = makeFrame(Opcode::Text, "not kept", true, masked) +
                                  makeFrame(Opcode::Ping, "p-17", true, masked) +
                                  makeFrame(Opcode::Close, close, true, masked);
        Recorder r;
        FrameDecoder d(masked ? Direction::Out : Direction::In, &r);
        d.setPayloadCap(0);
        feedWhole(d, stream);
        QCOMPARE(r.frames.size(), 3);
        QCOMPARE(r.frames[0].payload, QByteArray());
        QVERIFY(r.frames[0].info.truncated);
        QCOMPARE(r.frames[1].payload, QByteArray("p-17"));
        QVERIFY(!r.frames[1].info.truncated);
        QCOMPARE(r.frames[2].payload, close);
        QCOMPARE(r.violationList(), QString()); // the close body was checked, and is valid
    }
}

void TestFrameDecoder::hugeAnnouncedLength()
{
    // 2^62 bytes announced: nothing may be allocated for it up front, and never more than the cap.
    Recorder r;
    FrameDecoder d(Direction::In, &r);
    d.feed(QByteArray::fromHex("827f4000000000000000"), 1);
    QCOMPARE(r.violationList(), QString());
    QCOMPARE(d.bufferCapacity(), quint64(0));
    const QByteArray chunk(64 * 1024, 'q');
    for (int i = 0; i < 16; ++i)
        d.feed(chunk, 2);
    QVERIFY(d.bufferCapacity() >= quint64(1024 * 1024));
    QVERIFY(d.bufferCapacity() <= quint64(2 * 1024 * 1024));
    for (int i = 0; i < 16 * 19; ++i) // 20 MiB in all, past the default 16 MiB cap
        d.feed(chunk, 3);
    QCOMPARE(d.bufferCapacity(), FrameDecoder::DefaultPayloadCap);
    QCOMPARE(d.bytesFed(), quint64(10 + 20 * 1024 * 1024));
    QCOMPARE(r.frames.size(), 0);
    QVERIFY(!d.atFrameBoundary());
}

void TestFrameDecoder::arrivalTimeAndOffsets()
{
    Recorder r;
    FrameDecoder d(Direction::Out, &r);
    const QByteArray masked = QByteArray::fromHex("818537fa213d7f9f4d5158");
    d.feed(masked.left(1), 100);
    d.feed(masked.mid(1, 4), 200);
    QCOMPARE(r.frames.size(), 0);
    d.feed(masked.mid(5) + masked.left(3), 300); // completes frame 0, starts frame 1
    QCOMPARE(r.frames.size(), 1);
    QCOMPARE(r.frames[0].info.timeNs, qint64(300));
    d.feed(masked.mid(3), 400);
    QCOMPARE(r.frames.size(), 2);
    QCOMPARE(r.frames[1].info.timeNs, qint64(400));
    QCOMPARE(r.frames[1].info.streamOffset, quint64(masked.size()));
    QCOMPARE(r.frames[1].info.frameIndex, quint64(1));
    QCOMPARE(r.frames[1].payload, QByteArray("Hello"));
    QCOMPARE(r.messages[1].timeNs, qint64(400));
    QCOMPARE(r.messages[1].messageIndex, quint64(1));
}

void TestFrameDecoder::messageIndexOfControlFrames()
{
    Recorder r;
    FrameDecoder d(Direction::In, &r);
    d.feed(makeFrame(Opcode::Text, "a", false) + makeFrame(Opcode::Ping, "1") +
               makeFrame(Opcode::Continuation, "b") + makeFrame(Opcode::Pong, "2") +
               makeFrame(Opcode::Binary, "c"),
           5);
    QCOMPARE(r.violationList(), QString());
    QCOMPARE(r.frames.size(), 5);
    const quint64 expected[] = {0, 0, 0, 1, 1};
    for (int i = 0; i < 5; ++i)
        QCOMPARE(r.frames[i].info.messageIndex, expected[i]);
    QCOMPARE(r.messages.size(), 2);
    QCOMPARE(r.messages[0].firstFrame, quint64(0));
    QCOMPARE(r.messages[0].frameCount, quint64(2));
    QCOMPARE(r.messages[0].length, quint64(2));
    QCOMPARE(r.messages[1].messageIndex, quint64(1));
    QCOMPARE(r.messages[1].firstFrame, quint64(4));
    QCOMPARE(r.messages[1].opcode, quint8(Opcode::Binary));
}

void TestFrameDecoder::unmaskedWholeFrameIsNotCopied()
{
    Recorder r;
    FrameDecoder d(Direction::In, &r);
    const QByteArray bytes = makeFrame(Opcode::Binary, repeated('x', 1000)) + makeFrame(Opcode::Text, "hi");
    d.feed(bytes, 1);
    QCOMPARE(r.frames.size(), 2);
    QCOMPARE(r.frames[0].data, bytes.constData() + 4);
    QCOMPARE(r.frames[1].data, bytes.constData() + 1004 + 2);
    QCOMPARE(d.bufferCapacity(), quint64(0));
}

void TestFrameDecoder::randomSplitsGiveIdenticalResults()
{
    QRandomGenerator rng(20111211); // RFC 6455 publication date
    int fragmentedSeen = 0, len16Seen = 0, len64Seen = 0, interleavedSeen = 0;
    for (int iter = 0; iter < 300; ++iter) {
        const Direction dir = rng.bounded(2) ? Direction::In : Direction::Out;
        const bool wantMask = dir == Direction::Out;
        QByteArray stream;
        QList<QByteArray> payloads;

        const auto randomLength = [&rng]() -> int {
            const int pick = int(rng.bounded(100));
            if (pick < 70)
                return int(rng.bounded(126));
            if (pick < 92)
                return int(rng.bounded(126, 3000));
            return int(rng.bounded(65536, 70000));
        };
        const auto randomBody = [&rng](int n, bool text) {
            QByteArray b;
            while (b.size() < n) {
                if (!text) {
                    b.append(char(rng.bounded(256)));
                    continue;
                }
                static const char *const pieces[] = {
                    "a", "Z", " ", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9d\x84\x9e"};
                b.append(pieces[rng.bounded(6)]);
            }
            if (text && rng.bounded(20) == 0)
                b[rng.bounded(b.size())] = '\xff';
            return b;
        };
        const auto addFrame = [&](quint8 op, const QByteArray &p, bool fin) {
            const bool masked = rng.bounded(10) == 0 ? !wantMask : wantMask;
            const quint8 rsv = rng.bounded(15) == 0 ? quint8(rng.bounded(1, 8)) : 0;
            int enc = Auto;
            if (rng.bounded(15) == 0)
                enc = rng.bounded(2) ? Force16 : Force64;
            if (enc == Auto && p.size() > 125)
                (p.size() > 0xFFFF ? len64Seen : len16Seen)++;
            stream += makeFrame(op, p, fin, masked, rsv, enc, rng.generate());
            payloads << p;
        };

        const int messages = int(rng.bounded(1, 8));
        for (int m = 0; m < messages; ++m) {
            const int kind = int(rng.bounded(20));
            if (kind == 0) { // a stray or reserved frame
                addFrame(rng.bounded(2) ? quint8(Opcode::Continuation) : quint8(rng.bounded(3, 8)),
                         randomBody(5, false), true);
                continue;
            }
            const bool text = rng.bounded(2);
            const QByteArray body = randomBody(randomLength(), text);
            const int fragments = int(rng.bounded(1, 5));
            fragmentedSeen += fragments > 1;
            qsizetype from = 0;
            for (int i = 0; i < fragments; ++i) {
                const qsizetype to = i == fragments - 1 ? body.size() : rng.bounded(from, body.size() + 1);
                addFrame(i == 0 ? (text ? Opcode::Text : Opcode::Binary) : Opcode::Continuation,
                         body.mid(from, to - from), i == fragments - 1);
                from = to;
                if (i < fragments - 1 && rng.bounded(3) == 0) {
                    addFrame(rng.bounded(2) ? Opcode::Ping : Opcode::Pong,
                             randomBody(int(rng.bounded(126)), false), true);
                    ++interleavedSeen;
                }
            }
        }
        if (rng.bounded(5) == 0) {
            addFrame(Opcode::Close, closeBody(quint16(rng.bounded(999, 5001)), "bye"), true);
            addFrame(Opcode::Text, "late", true);
        }

        const quint64 cap =
            rng.bounded(4) == 0 ? quint64(rng.bounded(0, 200)) : FrameDecoder::DefaultPayloadCap;
        const auto decode = [&](int mode, Recorder &r) {
            FrameDecoder d(dir, &r);
            d.setPayloadCap(cap);
            if (mode == 0)
                feedWhole(d, stream);
            else if (mode == 1)
                feedBytewise(d, stream);
            else
                feedRandomSplits(d, stream, rng);
            QCOMPARE(d.bytesFed(), quint64(stream.size()));
            QVERIFY(d.atFrameBoundary());
        };
        Recorder whole;
        decode(0, whole);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(whole.frames.size(), payloads.size());
        for (int i = 0; i < payloads.size(); ++i) {
            // Control frames keep up to 125 bytes whatever the cap.
            const quint64 kept = (whole.frames[i].info.opcode & 0x8) ? qMax<quint64>(cap, 125) : cap;
            QCOMPARE(whole.frames[i].payload,
                     payloads[i].left(qsizetype(qMin<quint64>(kept, payloads[i].size()))));
            QCOMPARE(whole.frames[i].info.truncated, quint64(payloads[i].size()) > kept);
        }
        for (int mode = 1; mode <= 4; ++mode) {
            Recorder other;
            decode(qMin(mode, 2), other);
            if (QTest::currentTestFailed())
                return;
            if (other.log != whole.log) {
                for (int i = 0; i < qMin(other.log.size(), whole.log.size()); ++i)
                    QCOMPARE(other.log[i], whole.log[i]);
                QCOMPARE(other.log.size(), whole.log.size());
            }
        }
    }
    // The generator did exercise what the property is about.
    QVERIFY(fragmentedSeen > 50);
    QVERIFY(interleavedSeen > 20);
    QVERIFY(len16Seen > 20);
    QVERIFY(len64Seen > 5);
}

void TestFrameDecoder::violationNames()
{
    QSet<QString> ids;
    for (int k = 0; k <= int(ViolationKind::DataAfterClose); ++k) {
        const auto kind = ViolationKind(k);
        const QString id = violationId(kind);
        QVERIFY2(!id.isEmpty(), qPrintable(QString::number(k)));
        QVERIFY(!ids.contains(id));
        ids.insert(id);
        QCOMPARE(id, id.toLower());
        QVERIFY(!id.contains(QLatin1Char(' ')));
        ViolationKind back = ViolationKind::DataAfterClose;
        QVERIFY(violationFromId(id, &back));
        QCOMPARE(back, kind);
        QVERIFY(violationRule(kind).endsWith(QLatin1Char('.')));
        QVERIFY(violationSection(kind).startsWith(QStringLiteral("RFC 6455 §5.")) ||
                violationSection(kind).startsWith(QStringLiteral("RFC 6455 §7.")));
    }
    QCOMPARE(violationId(ViolationKind::ReservedOpcode), QStringLiteral("reserved-opcode"));
    QCOMPARE(violationSection(ViolationKind::ControlFrameTooLong), QStringLiteral("RFC 6455 §5.5"));
    QCOMPARE(violationSection(ViolationKind::InvalidCloseCode), QStringLiteral("RFC 6455 §7.4"));
    ViolationKind unused;
    QVERIFY(!violationFromId(QStringLiteral("no-such-rule"), &unused));
}

QTEST_APPLESS_MAIN(TestFrameDecoder)
#include "tst_framedecoder.moc"
