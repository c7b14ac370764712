#include "cborview.h"
#include "hexview.h"
#include "jsonview.h"
#include "payloadview.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTest>

using namespace wsscope;

namespace {
constexpr quint8 Text = 0x1;
constexpr quint8 Binary = 0x2;
constexpr quint8 Close = 0x8;
constexpr quint8 Ping = 0x9;

QByteArray cborSample()
{
    QCborMap map;
    map.insert(QStringLiteral("op"), 2);
    map.insert(QStringLiteral("d"), QCborArray({1, 2.5, QStringLiteral("x"), QByteArray("\x01\x02", 2)}));
    return QCborValue(map).toCbor();
}
} // namespace

Q_DECLARE_METATYPE(PayloadView::Tab)

class TestPayloadView : public QObject
{
    Q_OBJECT
private slots:
    void defaultTab_data();
    void defaultTab();
    void truncatedNote();
    void invalidUtf8TextFrame();
    void pagesFilledOnDemand();
    void cborViewShowsDiagnostics();
    void cborViewReportsErrors();
    void formatSize();
    void utf8Check();
};

void TestPayloadView::defaultTab_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("opcode");
    QTest::addColumn<PayloadView::Tab>("tab");
    QTest::addColumn<QString>("enabled"); // T J H C: which tabs are enabled

    QTest::newRow("text json object")
        << QByteArray(R"( {"a": [1, 2]} )") << int(Text) << PayloadView::JsonTab << "TJH-";
    QTest::newRow("text json array") << QByteArray("[1,2,3]") << int(Text) << PayloadView::JsonTab << "TJH-";
    QTest::newRow("text plain") << QByteArray("hello world") << int(Text) << PayloadView::TextTab << "T-H-";
    QTest::newRow("text scalar json stays text")
        << QByteArray("42") << int(Text) << PayloadView::TextTab << "T-H-";
    QTest::newRow("text broken json") << QByteArray("{\"a\":") << int(Text) << PayloadView::TextTab << "TJH-";
    QTest::newRow("binary json") << QByteArray(R"({"x":true})") << int(Binary) << PayloadView::JsonTab
                                 << "TJH-";
    QTest::newRow("binary cbor") << cborSample() << int(Binary) << PayloadView::CborTab << "--HC";
    QTest::newRow("binary cbor with trailing bytes")
        << cborSample() + QByteArray("\xff\xff", 2) << int(Binary) << PayloadView::HexTab << "--HC";
    QTest::newRow("binary random") << QByteArray("\xff\x00\xfe\x01\x80", 5) << int(Binary)
                                   << PayloadView::HexTab << "--H-";
    // '1' (0x31) is also a complete one-byte CBOR item (-18): CBOR applies, but text reads better.
    QTest::newRow("binary readable text")
        << QByteArray("12 monkeys") << int(Binary) << PayloadView::TextTab << "T-HC";
    QTest::newRow("binary control bytes")
        << QByteArray("\x01\x02\x03\x04", 4) << int(Binary) << PayloadView::HexTab << "T-HC";
    QTest::newRow("ping text") << QByteArray("keepalive") << int(Ping) << PayloadView::TextTab << "T-H-";
    QTest::newRow("close frame") << QByteArray("\x03\xe8"
                                               "bye",
                                               5)
                                 << int(Close) << PayloadView::HexTab << "--HC";
    QTest::newRow("empty") << QByteArray() << int(Text) << PayloadView::TextTab << "T-H-";
}

void TestPayloadView::defaultTab()
{
    QFETCH(QByteArray, data);
    QFETCH(int, opcode);
    QFETCH(PayloadView::Tab, tab);
    QFETCH(QString, enabled);
    PayloadView view;
    view.setPayload(data, quint8(opcode));
    QCOMPARE(view.currentTab(), tab);
    QString actual;
    for (int t = 0; t < 4; ++t)
        actual += view.isTabEnabled(PayloadView::Tab(t)) ? QChar("TJHC"[t]) : QChar('-');
    QCOMPARE(actual, enabled);
    // Disabled, not hidden: the four tabs are always there.
    QCOMPARE(view.tabWidget()->count(), 4);
    QVERIFY(view.tabWidget()->isTabVisible(PayloadView::CborTab));
}

void TestPayloadView::truncatedNote()
{
    PayloadView view;
    QByteArray data(16 << 20, 'a');
    data[0] = '{'; // cut JSON: not valid, and no complaint about it beyond the cap
    view.setPayload(data, Text, true, quint64(40) << 20);
    QCOMPARE(view.noteText(),
             QStringLiteral("Showing 16 MiB of 40 MiB: the rest was not stored (payload cap)."));
    QCOMPARE(view.currentTab(), PayloadView::TextTab);
    // Text is cut for layout's sake and says so.
    QVERIFY(view.textView()->toPlainText().contains(QLatin1String("Hex tab shows all 16 MiB")));
    view.setPayload("short", Text, false, 5);
    QCOMPARE(view.noteText(), QString());
    // A cut in the middle of a code point is the cap's doing, not bad UTF-8.
    view.setPayload(QByteArray("caf\xC3", 4), Text, true, 5);
    QVERIFY(!view.noteText().contains(QLatin1String("UTF-8")));
}

void TestPayloadView::invalidUtf8TextFrame()
{
    PayloadView view;
    view.setPayload(QByteArray("ok \xff\xfe end", 9), Text);
    QCOMPARE(view.currentTab(), PayloadView::TextTab);
    QVERIFY2(view.noteText().contains(QLatin1String("not valid UTF-8 (first bad byte at offset 3)")),
             qPrintable(view.noteText()));
    const QString text = view.textView()->toPlainText();
    QVERIFY(text.startsWith(QLatin1String("ok ")));
    QVERIFY(text.contains(QChar(QChar::ReplacementCharacter)));
    QVERIFY(text.endsWith(QLatin1String(" end")));
}

void TestPayloadView::pagesFilledOnDemand()
{
    PayloadView view;
    const QByteArray json = R"({"k":"v"})";
    view.setPayload(json, Text);
    QCOMPARE(view.jsonView()->document().source(), json);
    QVERIFY(view.hexView()->data().isEmpty()); // not looked at yet
    view.setCurrentTab(PayloadView::HexTab);
    QVERIFY(view.hexView()->data().isSharedWith(json));
    // The next payload must not leave the previous one on any page.
    view.setPayload(cborSample(), Binary);
    QVERIFY(view.hexView()->data().isEmpty());
    QVERIFY(!view.jsonView()->document().isValid());
    QVERIFY(view.cborView()->text().contains(QLatin1String("\"op\": 2")));
}

void TestPayloadView::cborViewShowsDiagnostics()
{
    CborView view;
    view.setData(cborSample());
    QCOMPARE(view.text(), QCborValue::fromCbor(cborSample()).toDiagnosticNotation(QCborValue::LineWrapped));
    QVERIFY(view.noteText().isEmpty());
    const CborView::Decoded d = CborView::decode(cborSample());
    QVERIFY(d.isSingleItem(cborSample().size()));
    // A CBOR sequence (RFC 8742) of three items.
    const QByteArray seq =
        QCborValue(1).toCbor() + QCborValue(QStringLiteral("a")).toCbor() + QCborValue(true).toCbor();
    view.setData(seq);
    QCOMPARE(view.text(), QStringLiteral("1,\n\"a\",\ntrue"));
    QVERIFY(view.noteText().contains(QLatin1String("3 items")));
}

void TestPayloadView::cborViewReportsErrors()
{
    CborView view;
    view.setData(QByteArray("\xff", 1)); // a lone "break" code
    QVERIFY(view.noteText().startsWith(QLatin1String("Not CBOR:")));
    QVERIFY(view.text().isEmpty());
    // A map that announces 3 pairs but holds one.
    const QByteArray cut("\xa3\x61\x61\x01", 4);
    const CborView::Decoded d = CborView::decode(cut);
    QCOMPARE(d.items, 0);
    QVERIFY(!d.error.isEmpty());
    QVERIFY(!CborView::firstItemDecodes(cut));
    // Hostile nesting: 100k nested arrays must fail cleanly.
    const QByteArray deep(100'000, '\x81');
    QVERIFY(!CborView::decode(deep).error.isEmpty());
    // Valid item then garbage: the item is shown and the stop offset reported.
    const QByteArray mixed = QCborValue(7).toCbor() + QByteArray("\xff", 1);
    view.setData(mixed);
    QCOMPARE(view.text(), QStringLiteral("7"));
    QVERIFY(view.noteText().contains(QLatin1String("stopped at byte 1")));
}

void TestPayloadView::formatSize()
{
    QCOMPARE(PayloadView::formatSize(0), QStringLiteral("0 bytes"));
    QCOMPARE(PayloadView::formatSize(1), QStringLiteral("1 byte"));
    QCOMPARE(PayloadView::formatSize(1023), QStringLiteral("1023 bytes"));
    QCOMPARE(PayloadView::formatSize(1536), QStringLiteral("1.5 KiB"));
    QCOMPARE(PayloadView::formatSize(quint64(16) << 20), QStringLiteral("16 MiB"));
    QCOMPARE(PayloadView::formatSize(quint64(3) << 30), QStringLiteral("3 GiB"));
}

void TestPayloadView::utf8Check()
{
    QCOMPARE(PayloadView::firstInvalidUtf8("plain", false), -1);
    QCOMPARE(PayloadView::firstInvalidUtf8("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", false), -1);
    QCOMPARE(PayloadView::firstInvalidUtf8("ab\xC0\xAF", false), 2);        // overlong
    QCOMPARE(PayloadView::firstInvalidUtf8("a\xED\xA0\x80", false), 1);     // surrogate
    QCOMPARE(PayloadView::firstInvalidUtf8("a\xF4\x90\x80\x80", false), 1); // above U+10FFFF
    QCOMPARE(PayloadView::firstInvalidUtf8("a\xE2\x82", false), 1);         // cut short
    QCOMPARE(PayloadView::firstInvalidUtf8("a\xE2\x82", true), -1);         // ... by the cap
}

QTEST_MAIN(TestPayloadView)
#include "tst_payloadview.moc"
