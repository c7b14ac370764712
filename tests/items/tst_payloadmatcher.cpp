#include "eventformat.h"
#include "payloadmatcher.h"

#include <QRandomGenerator>
#include <QTest>

using namespace wsscope;

namespace {

QByteArray asciiLower(QByteArray b)
{
    for (char &c : b) {
        if (c >= 'A' && c <= 'Z')
            c = char(c + ('a' - 'A'));
    }
    return b;
}

} // namespace

class TestPayloadMatcher : public QObject
{
    Q_OBJECT

private slots:
    void substring_data();
    void substring();
    void againstReference();
    void regex();
    void invalidRegex();
    void textPreview();
    void hexAndClosePreview();
    void times();
};

void TestPayloadMatcher::substring_data()
{
    QTest::addColumn<QByteArray>("hay");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("found");

    QTest::newRow("empty needle") << QByteArray("abc") << QString() << true << true;
    QTest::newRow("empty hay") << QByteArray() << "a" << true << false;
    QTest::newRow("longer than hay") << QByteArray("abc") << "abcd" << true << false;
    QTest::newRow("whole") << QByteArray("abc") << "abc" << true << true;
    QTest::newRow("one byte") << QByteArray("xyz") << "z" << true << true;
    QTest::newRow("one byte ci") << QByteArray("xyZ") << "z" << false << true;
    QTest::newRow("case differs cs") << QByteArray("Hello World") << "world" << true << false;
    QTest::newRow("case differs ci") << QByteArray("Hello World") << "wORLD" << false << true;
    // '@' (0x40) and '`' (0x60) differ from 'A'/'a' by one bit; folding must not confuse them.
    QTest::newRow("at sign is not a letter") << QByteArray("x@y") << "`" << false << false;
    QTest::newRow("bracket vs brace") << QByteArray("[x]") << "{x}" << false << false;
    QTest::newRow("utf-8 exact") << QByteArray("caf\xc3\xa9 au lait") << QString::fromUtf8("caf\xc3\xa9")
                                 << false << true;
    QTest::newRow("utf-8 not folded")
        << QByteArray("CAF\xc3\x89") << QString::fromUtf8("caf\xc3\xa9") << false << false;
    QTest::newRow("at the end of a long hay")
        << (QByteArray(100, 'a') + "needle") << "NEEDLE" << false << true;
    QTest::newRow("across a 16-byte block")
        << (QByteArray(13, '.') + "needle" + QByteArray(30, '.')) << "needle" << true << true;
    QTest::newRow("near miss") << QByteArray("needlX needle") << "needle" << true << true;
    QTest::newRow("zero bytes") << QByteArray("a\0b\0c", 5) << QString::fromLatin1("b\0c", 3) << true << true;
}

void TestPayloadMatcher::substring()
{
    QFETCH(QByteArray, hay);
    QFETCH(QString, needle);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, found);
    const PayloadMatcher m(needle, false, caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive);
    QVERIFY(m.isValid());
    QCOMPARE(m.matches(QByteArrayView(hay)), found);
}

void TestPayloadMatcher::againstReference()
{
    // Random haystacks of every length up to 80 over a small alphabet, so that partial matches
    // are frequent, against QByteArray::contains on ASCII-lower-cased copies.
    QRandomGenerator rng(42);
    const char alphabet[] = "abAB@`{[";
    for (int round = 0; round < 3000; ++round) {
        QByteArray hay(rng.bounded(81), Qt::Uninitialized);
        for (char &c : hay)
            c = alphabet[rng.bounded(8)];
        QByteArray needle(1 + rng.bounded(5), Qt::Uninitialized);
        for (char &c : needle)
            c = alphabet[rng.bounded(8)];
        const QString pattern = QString::fromLatin1(needle);
        const PayloadMatcher cs(pattern, false, Qt::CaseSensitive);
        const PayloadMatcher ci(pattern, false, Qt::CaseInsensitive);
        QCOMPARE(cs.matches(QByteArrayView(hay)), hay.contains(needle));
        QCOMPARE(ci.matches(QByteArrayView(hay)), asciiLower(hay).contains(asciiLower(needle)));
    }
}

void TestPayloadMatcher::regex()
{
    PayloadMatcher m(QStringLiteral("^\\{\"op\":\\s*\"(sub|unsub)\""), true, Qt::CaseSensitive);
    QVERIFY(m.isValid());
    QVERIFY(m.matches(QByteArrayView("{\"op\": \"sub\", \"ch\": 1}")));
    QVERIFY(!m.matches(QByteArrayView("{\"op\": \"SUB\"}")));
    QVERIFY(!m.matches(QByteArrayView(" {\"op\":\"sub\"")));
    PayloadMatcher ci(QStringLiteral("caf\u00e9"), true, Qt::CaseInsensitive);
    QVERIFY(ci.matches(QByteArrayView("CAF\xc3\x89"))); // a regex folds beyond ASCII
    QVERIFY(ci.matches(QStringLiteral("un caf\u00c9")));
    // Invalid UTF-8 must not stop the search in the valid part.
    PayloadMatcher tail(QStringLiteral("ok$"), true, Qt::CaseSensitive);
    QVERIFY(tail.matches(QByteArrayView("\xff\xfe ok")));
}

void TestPayloadMatcher::invalidRegex()
{
    const PayloadMatcher m(QStringLiteral("a(b"), true, Qt::CaseSensitive);
    QVERIFY(!m.isValid());
    QVERIFY(!m.errorString().isEmpty());
    QVERIFY(m.matches(QByteArrayView("anything"))); // the text criterion is ignored, not "nothing"
}

void TestPayloadMatcher::textPreview()
{
    // Line breaks and control characters are escaped; a backslash stays as sent (JSON escapes read as on the
    // wire).
    QCOMPARE(EventFormat::textPreview("a\r\nb\\c\x7f", false), QStringLiteral("a\\r\\nb\\c\\x7f"));
    QCOMPARE(EventFormat::textPreview("{\"n\":\"\\u2713\"}", false), QStringLiteral("{\"n\":\"\\u2713\"}"));
    const QByteArray long200(200, 'x');
    const QString p = EventFormat::textPreview(long200, false);
    QCOMPARE(p.size(), EventFormat::PreviewChars + 1);
    QVERIFY(p.endsWith(QChar(0x2026)));
    QCOMPARE(EventFormat::textPreview("short", true), QStringLiteral("short\u2026")); // stored bytes cut
    // 130 two-byte characters: the preview counts characters and does not split one.
    QByteArray e;
    for (int i = 0; i < 130; ++i)
        e.append("\xc3\xa9");
    const QString pe = EventFormat::textPreview(e, false);
    QCOMPARE(pe, QString(EventFormat::PreviewChars, QChar(0xe9)) + QChar(0x2026));
}

void TestPayloadMatcher::hexAndClosePreview()
{
    QCOMPARE(EventFormat::hexPreview(QByteArray::fromHex("00017f80ff"), false),
             QStringLiteral("00 01 7f 80 ff"));
    const QString h = EventFormat::hexPreview(QByteArray(50, '\x01'), false);
    QVERIFY(h.startsWith(QStringLiteral("01 01")));
    QVERIFY(h.endsWith(QStringLiteral(" \u2026")));
    QCOMPARE(h.size(), EventFormat::PreviewHexBytes * 3 - 1 + 2);
    QCOMPARE(EventFormat::closePreview(QByteArray("\x03\xe8", 2)), QStringLiteral("1000 Normal Closure"));
    QCOMPARE(EventFormat::closePreview(QByteArray("\x0f\xa0later", 7)),
             QStringLiteral("4000 Private use (4000-4999): later"));
    QCOMPARE(EventFormat::closePreview(QByteArray()), QStringLiteral("(no status code)"));
    QCOMPARE(EventFormat::closeCode(QByteArray("\x03", 1)), -1);
    QCOMPARE(EventFormat::rsvBits(Rsv::Rsv1 | Rsv::Rsv3), QStringLiteral("101"));
    QCOMPARE(EventFormat::maskKey(0x0a0b0c0d), QStringLiteral("0a0b0c0d"));
}

void TestPayloadMatcher::times()
{
    QCOMPARE(EventFormat::relativeMs(0), QStringLiteral("0.000"));
    QCOMPARE(EventFormat::relativeMs(1'234'567), QStringLiteral("1.235"));
    QCOMPARE(EventFormat::relativeMs(12'000'000'000), QStringLiteral("12000.000"));
    QCOMPARE(EventFormat::relativeMs(-1'500'000), QStringLiteral("-1.500"));
}

QTEST_GUILESS_MAIN(TestPayloadMatcher)
#include "tst_payloadmatcher.moc"
