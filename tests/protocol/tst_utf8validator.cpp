#include "utf8validator.h"

#include <QRandomGenerator>
#include <QTest>

using namespace wsscope;

namespace {

// Straightforward reference: decode each code point and apply RFC 3629 §3 rules one by one.
bool referenceValid(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char b = p[i];
        int extra;
        quint32 cp;
        quint32 min;
        if (b < 0x80) {
            ++i;
            continue;
        } else if ((b & 0xE0) == 0xC0) {
            extra = 1;
            cp = b & 0x1F;
            min = 0x80;
        } else if ((b & 0xF0) == 0xE0) {
            extra = 2;
            cp = b & 0x0F;
            min = 0x800;
        } else if ((b & 0xF8) == 0xF0) {
            extra = 3;
            cp = b & 0x07;
            min = 0x10000;
        } else {
            return false;
        }
        if (i + extra >= n)
            return false;
        for (int k = 1; k <= extra; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

bool feedInParts(const QByteArray &bytes, const QList<qsizetype> &cuts)
{
    Utf8Validator v;
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        v.feed(bytes.constData() + from, cut - from);
        from = cut;
    }
    v.feed(bytes.constData() + from, bytes.size() - from);
    return v.finish();
}

} // namespace

class TestUtf8Validator : public QObject
{
    Q_OBJECT

private slots:
    void vectors_data();
    void vectors();
    void feedStopsAtFirstInvalidByte();
    void incompleteTailIsPendingNotInvalid();
    void resetClearsState();
    void randomAgainstReference();
    void firstInvalidOffsets();
};

void TestUtf8Validator::vectors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("ascii") << QByteArray("Hello") << true;
    QTest::newRow("long ascii") << QByteArray("The quick brown fox jumps over the lazy dog") << true;
    QTest::newRow("2-byte") << QByteArray("\xc3\xa9") << true;
    QTest::newRow("3-byte euro") << QByteArray("\xe2\x82\xac") << true;
    QTest::newRow("4-byte clef") << QByteArray("\xf0\x9d\x84\x9e") << true;
    QTest::newRow("kosme") << QByteArray("\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5") << true;
    QTest::newRow("ascii then multibyte after 8") << QByteArray("abcdefghij\xe2\x82\xac-klmnopqrstu") << true;
    QTest::newRow("U+0080") << QByteArray("\xc2\x80") << true;
    QTest::newRow("U+07FF") << QByteArray("\xdf\xbf") << true;
    QTest::newRow("U+0800") << QByteArray("\xe0\xa0\x80") << true;
    QTest::newRow("U+D7FF") << QByteArray("\xed\x9f\xbf") << true;
    QTest::newRow("U+E000") << QByteArray("\xee\x80\x80") << true;
    QTest::newRow("U+FFFF") << QByteArray("\xef\xbf\xbf") << true;
    QTest::newRow("U+10000") << QByteArray("\xf0\x90\x80\x80") << true;
    QTest::newRow("U+10FFFF") << QByteArray("\xf4\x8f\xbf\xbf") << true;
    QTest::newRow("NUL") << QByteArray("a\0b", 3) << true;

    QTest::newRow("lone continuation") << QByteArray("\x80") << false;
    QTest::newRow("continuation after ascii") << QByteArray("abcdefgh\xbf") << false;
    QTest::newRow("overlong 2-byte C0") << QByteArray("\xc0\x80") << false;
    QTest::newRow("overlong 2-byte C1") << QByteArray("\xc1\xbf") << false;
    QTest::newRow("overlong 3-byte") << QByteArray("\xe0\x80\x80") << false;
    QTest::newRow("overlong 3-byte max") << QByteArray("\xe0\x9f\xbf") << false;
    QTest::newRow("overlong 4-byte") << QByteArray("\xf0\x80\x80\x80") << false;
    QTest::newRow("overlong 4-byte max") << QByteArray("\xf0\x8f\xbf\xbf") << false;
    QTest::newRow("surrogate D800") << QByteArray("\xed\xa0\x80") << false;
    QTest::newRow("surrogate DFFF") << QByteArray("\xed\xbf\xbf") << false;
    QTest::newRow("U+110000") << QByteArray("\xf4\x90\x80\x80") << false;
    QTest::newRow("F5 lead") << QByteArray("\xf5\x80\x80\x80") << false;
    QTest::newRow("FE") << QByteArray("\xfe") << false;
    QTest::newRow("FF") << QByteArray("\xff") << false;
    QTest::newRow("truncated 2-byte") << QByteArray("\xc3") << false;
    QTest::newRow("truncated 3-byte") << QByteArray("ab\xe2\x82") << false;
    QTest::newRow("truncated 4-byte") << QByteArray("\xf0\x9d\x84") << false;
    QTest::newRow("lead then ascii") << QByteArray("\xe2\x82(") << false;
    const QByteArray kosme("\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5");
    QTest::newRow("kosme then surrogate")
        << kosme + QByteArray("\xed\xa0\x80") + QByteArray("edited") << false;
}

void TestUtf8Validator::vectors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);

    QCOMPARE(Utf8Validator::isValid(bytes.constData(), bytes.size()), valid);
    QCOMPARE(referenceValid(bytes), valid);
    QCOMPARE(feedInParts(bytes, {}), valid);
    // Every split into two parts, and into three parts, gives the same verdict.
    for (qsizetype i = 0; i <= bytes.size(); ++i) {
        QCOMPARE(feedInParts(bytes, {i}), valid);
        for (qsizetype j = i; j <= bytes.size(); ++j)
            QCOMPARE(feedInParts(bytes, {i, j}), valid);
    }
    // Byte by byte.
    QList<qsizetype> all;
    for (qsizetype i = 1; i < bytes.size(); ++i)
        all << i;
    QCOMPARE(feedInParts(bytes, all), valid);
}

void TestUtf8Validator::feedStopsAtFirstInvalidByte()
{
    Utf8Validator v;
    QVERIFY(v.feed("\xe2", 1));
    QVERIFY(v.feed("\x82", 1));
    QVERIFY(!v.feed("(", 1));
    QVERIFY(!v.valid());
    // Once invalid, stays invalid, whatever follows.
    QVERIFY(!v.feed("abc", 3));
    QVERIFY(!v.finish());
}

void TestUtf8Validator::incompleteTailIsPendingNotInvalid()
{
    Utf8Validator v;
    QVERIFY(v.feed("abc\xf0\x9d", 5));
    QVERIFY(v.valid());
    QVERIFY(!v.finish());
    QVERIFY(v.feed("\x84\x9e", 2));
    QVERIFY(v.finish());
}

void TestUtf8Validator::resetClearsState()
{
    Utf8Validator v;
    QVERIFY(!v.feed("\xff", 1));
    v.reset();
    QVERIFY(v.valid());
    QVERIFY(v.feed("\xc3", 1));
    v.reset();
    QVERIFY(v.finish());
}

void TestUtf8Validator::randomAgainstReference()
{
    // Bytes drawn mostly from lead/continuation ranges so that both verdicts occur often.
    QRandomGenerator rng(6455);
    static const quint8 pool[] = {0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0,
                                  0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff, 0x20, 0x30};
    int validSeen = 0;
    for (int iter = 0; iter < 20000; ++iter) {
        QByteArray bytes;
        const int n = int(rng.bounded(1, 24));
        for (int i = 0; i < n; ++i)
            bytes.append(rng.bounded(2) ? 'a' : char(pool[rng.bounded(int(sizeof pool))]));
        const bool expected = referenceValid(bytes);
        validSeen += expected;
        QCOMPARE(Utf8Validator::isValid(bytes.constData(), bytes.size()), expected);
        const qsizetype cut = rng.bounded(bytes.size() + 1);
        QCOMPARE(feedInParts(bytes, {cut}), expected);

        // firstInvalid: -1 exactly when valid; everything before it is valid, and it starts the
        // sequence that breaks (the bytes up to the next one are not valid on their own).
        const qsizetype bad = Utf8Validator::firstInvalid(bytes.constData(), bytes.size());
        QCOMPARE(bad == -1, expected);
        if (bad >= 0) {
            QVERIFY(bad < bytes.size());
            QVERIFY(referenceValid(bytes.left(bad)));
            QVERIFY(!referenceValid(bytes.left(bad + 4)));
        }
        // With an incomplete tail allowed: -1 exactly when a streaming validator has not rejected.
        Utf8Validator streaming;
        const bool notRejected = streaming.feed(bytes.constData(), bytes.size());
        QCOMPARE(Utf8Validator::firstInvalid(bytes.constData(), bytes.size(), true) == -1, notRejected);
    }
    QVERIFY(validSeen > 100);
}

void TestUtf8Validator::firstInvalidOffsets()
{
    auto first = [](const QByteArray &b, bool tail = false) {
        return Utf8Validator::firstInvalid(b.constData(), b.size(), tail);
    };
    QCOMPARE(first(""), -1);
    QCOMPARE(first("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 ok"), -1);
    QCOMPARE(first("ab\xC0\xAF"), 2);          // overlong
    QCOMPARE(first("a\xED\xA0\x80"), 1);       // surrogate
    QCOMPARE(first("a\xF4\x90\x80\x80"), 1);   // above U+10FFFF
    QCOMPARE(first("\xE2\x82\xACx\x80"), 4);   // stray continuation byte
    QCOMPARE(first("a\xE2\x82(b"), 1);         // sequence broken by ASCII
    QCOMPARE(first("a\xE2\x82"), 1);           // cut short ...
    QCOMPARE(first("a\xE2\x82", true), -1);    // ... by a cap: not an error
    QCOMPARE(first("a\xFF\xE2\x82", true), 1); // an error before the tail still is
}

QTEST_APPLESS_MAIN(TestUtf8Validator)
#include "tst_utf8validator.moc"
