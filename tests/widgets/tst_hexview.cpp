#include "hexview.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTest>

using namespace wsscope;

class TestHexView : public QObject
{
    Q_OBJECT
private slots:
    void formatLine_data();
    void formatLine();
    void offsetDigits();
    void keyboardSelectionAndCopy();
    void mouseSelection();
    void gotoOffset();
    void hugePayloadPaints();
    void emptyPayload();
};

void TestHexView::formatLine_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("line");
    const QByteArray hello("Hello, world!\n\x00\x01\x7f\x80\xff", 19);
    QTest::newRow("full line") << hello << qint64(0)
                               << QStringLiteral(
                                      "00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a 00 01  "
                                      "|Hello, world!...|");
    QTest::newRow("short last line") << hello << qint64(16)
                                     << QStringLiteral(
                                            "00000010  7f 80 ff                                    "
                                            "      |...|");
}

void TestHexView::formatLine()
{
    QFETCH(QByteArray, data);
    QFETCH(qint64, offset);
    QFETCH(QString, line);
    QCOMPARE(HexView::formatLine(data, offset, 8), line);
    // Every line has the same width up to the ASCII column, so columns align on screen and when pasted.
    QCOMPARE(HexView::formatLine(data, offset, 8).indexOf(QLatin1Char('|')), 8 + 2 + 48 + 2);
}

void TestHexView::offsetDigits()
{
    QCOMPARE(HexView::offsetDigits(0), 8);
    QCOMPARE(HexView::offsetDigits(16), 8);
    QCOMPARE(HexView::offsetDigits(qint64(1) << 32), 8);        // last offset 0xffffffff
    QCOMPARE(HexView::offsetDigits((qint64(1) << 32) + 1), 10); // 0x100000000 needs 9 -> 10
    QCOMPARE(HexView::offsetDigits(std::numeric_limits<qint64>::max()), 16);
    QCOMPARE(HexView::formatLine(QByteArray(), qint64(0x123456789a0), 12).left(12),
             QStringLiteral("0123456789a0"));
}

void TestHexView::keyboardSelectionAndCopy()
{
    HexView view;
    view.resize(800, 400);
    view.setData(QByteArray("Hello, world!"));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_Right);
    QTest::keyClick(&view, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(&view, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(&view, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(view.selectionStart(), 1);
    QCOMPARE(view.selectionEnd(), 5);
    QCOMPARE(view.selectedHex(), QStringLiteral("65 6c 6c 6f"));
    QCOMPARE(view.selectedText(), QStringLiteral("ello"));
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("65 6c 6c 6f"));
    view.copyText();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("ello"));
    QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(view.selectionEnd(), 13);
    QTest::keyClick(&view, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(view.cursorOffset(), 0);
    QCOMPARE(view.selectionEnd(), 0); // moving without Shift drops the selection
    QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(view.selectedText(), QStringLiteral("Hello, world!"));
}

void TestHexView::mouseSelection()
{
    HexView view;
    view.resize(800, 400);
    QByteArray data;
    for (int i = 0; i < 64; ++i)
        data += char(i);
    view.setData(data);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Drag across the ASCII column of the first two lines. Positions come from the font metrics the
    // view uses, so the test does not depend on the font installed.
    const QFontMetrics fm(view.font());
    const int cw = fm.horizontalAdvance(QLatin1Char('0'));
    const int lh = fm.height() + 2;
    const int header = lh + 4;
    const int asciiX = cw / 2 + (8 + 2 + 48 + 3) * cw;
    QWidget *vp = view.viewport();
    QTest::mousePress(vp, Qt::LeftButton, {}, QPoint(asciiX + 2 * cw + 1, header + lh / 2));
    QTest::mouseMove(vp, QPoint(asciiX + 5 * cw + 1, header + lh + lh / 2));
    QTest::mouseRelease(vp, Qt::LeftButton, {}, QPoint(asciiX + 5 * cw + 1, header + lh + lh / 2));
    QCOMPARE(view.selectionStart(), 2);
    QCOMPARE(view.selectionEnd(), 16 + 5 + 1);
}

void TestHexView::gotoOffset()
{
    HexView view;
    view.resize(800, 300);
    view.setData(QByteArray(1 << 20, 'x'));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.gotoOffset(0x80000);
    QCOMPARE(view.cursorOffset(), 0x80000);
    const int line = 0x80000 / 16;
    QVERIFY(view.firstVisibleLine() <= line);
    QVERIFY(line < view.firstVisibleLine() + view.visibleLineCount());
    view.gotoOffset(qint64(1) << 40); // beyond the end: clamps to the last byte
    QCOMPARE(view.cursorOffset(), (1 << 20) - 1);
}

void TestHexView::hugePayloadPaints()
{
    HexView view;
    view.resize(900, 700);
    QByteArray data(16 << 20, Qt::Uninitialized);
    for (int i = 0; i < data.size(); ++i)
        data[i] = char(i * 131);
    QElapsedTimer timer;
    timer.start();
    view.setData(data);
    QVERIFY(data.isSharedWith(view.data())); // no copy of the payload
    view.show();
    view.gotoOffset(data.size() - 1);
    const QImage image = view.grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), view.size() * image.devicePixelRatio());
    // The last line is on screen after goto, and the scroll bar covers all million lines.
    QCOMPARE(view.verticalScrollBar()->maximum(), (16 << 20) / 16 - view.visibleLineCount());
    qInfo("16 MiB: setData + goto end + grab in %lld ms", timer.elapsed());
}

void TestHexView::emptyPayload()
{
    HexView view;
    view.setData(QByteArray());
    view.resize(400, 200);
    QVERIFY(!view.grab().isNull());
    view.selectAll();
    QCOMPARE(view.selectedHex(), QString());
    view.gotoOffset(10);
    QCOMPARE(view.cursorOffset(), 0);
}

QTEST_MAIN(TestHexView)
#include "tst_hexview.moc"
