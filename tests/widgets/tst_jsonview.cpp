#include "jsontreemodel.h"
#include "jsonview.h"
#include "orderedjson.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QTest>
#include <QTreeView>

using namespace wsscope;
using Type = OrderedJson::Type;

// The parser lives in model/protocol; its tests are here, beside the view that relies on it.
class TestJsonView : public QObject
{
    Q_OBJECT
private slots:
    void keyOrderAndDuplicates();
    void numbersKeepTheirSpelling_data();
    void numbersKeepTheirSpelling();
    void strings_data();
    void strings();
    void offsets();
    void prettyRoundTrip();
    void prettyPreservesEscapes();
    void errors_data();
    void errors();
    void depthBomb();
    void sizeAndNodeLimits();
    void modelShowsSourceOrder();
    void viewPrettyAndErrorPage();
    void hugeDocumentStaysLazy();
};

void TestJsonView::keyOrderAndDuplicates()
{
    const OrderedJson doc = OrderedJson::parse(R"({"zeta":1,"alpha":2,"zeta":3,"mid":{"b":0,"a":0}})");
    QVERIFY2(doc.isValid(), qPrintable(doc.error().toString()));
    const quint32 root = doc.root();
    QCOMPARE(doc.type(root), Type::Object);
    QCOMPARE(doc.childCount(root), 4);
    QStringList keys;
    for (int i = 0; i < doc.childCount(root); ++i)
        keys << doc.key(doc.child(root, i));
    QCOMPARE(keys, QStringList({"zeta", "alpha", "zeta", "mid"}));
    QCOMPARE(doc.raw(doc.child(root, 2)), QByteArray("3"));
    const quint32 mid = doc.child(root, 3);
    QCOMPARE(doc.key(doc.child(mid, 0)), QStringLiteral("b"));
    QCOMPARE(doc.key(doc.child(mid, 1)), QStringLiteral("a"));
    QCOMPARE(doc.parent(doc.child(mid, 1)), mid);
    QCOMPARE(doc.row(doc.child(mid, 1)), 1);
    QCOMPARE(doc.parent(root), OrderedJson::NoNode);
}

void TestJsonView::numbersKeepTheirSpelling_data()
{
    QTest::addColumn<QByteArray>("number");
    for (const char *n : {"1.0", "1e400", "12345678901234567890", "-0", "0", "-0.0", "1E+2", "2.50e-10",
                          "123456789012345678901234567890.123456789"})
        QTest::newRow(n) << QByteArray(n);
}

void TestJsonView::numbersKeepTheirSpelling()
{
    QFETCH(QByteArray, number);
    const OrderedJson doc = OrderedJson::parse("[" + number + ", {\"n\": " + number + "}]");
    QVERIFY2(doc.isValid(), qPrintable(doc.error().toString()));
    const quint32 first = doc.child(doc.root(), 0);
    QCOMPARE(doc.type(first), Type::Number);
    QCOMPARE(doc.raw(first), number);
    QCOMPARE(doc.raw(doc.child(doc.child(doc.root(), 1), 0)), number);
    // The top-level scalar form too.
    QCOMPARE(OrderedJson::parse(number).raw(0), number);
}

void TestJsonView::strings_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("decoded");
    QTest::newRow("plain") << QByteArray(R"("abc")") << QStringLiteral("abc");
    QTest::newRow("escapes") << QByteArray(R"("q\" b\\ s\/ \b\f\n\r\t")")
                             << QStringLiteral("q\" b\\ s/ \b\f\n\r\t");
    QTest::newRow("bmp") << QByteArray(R"("\u00e9\u20AC")") << QStringLiteral("é€");
    QTest::newRow("surrogate pair") << QByteArray(R"("\ud83d\ude00!")")
                                    << QString::fromUtf8("\xF0\x9F\x98\x80!");
    QTest::newRow("raw utf-8") << QByteArray("\"\xF0\x9F\x98\x80 \xC3\xA9\"")
                               << QString::fromUtf8("\xF0\x9F\x98\x80 é");
    QTest::newRow("lone high surrogate") << QByteArray(R"("a\ud800b")") << QStringLiteral("a\uFFFDb");
    QTest::newRow("lone low surrogate") << QByteArray(R"("\udc00")") << QStringLiteral("\uFFFD");
    QTest::newRow("nul escape") << QByteArray(R"("\u0000")") << QString(QChar(0));
}

void TestJsonView::strings()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, decoded);
    const OrderedJson doc = OrderedJson::parse(json);
    QVERIFY2(doc.isValid(), qPrintable(doc.error().toString()));
    QCOMPARE(doc.type(doc.root()), Type::String);
    QCOMPARE(doc.stringValue(doc.root()), decoded);
    // As a key the same decoding applies.
    const OrderedJson obj = OrderedJson::parse("{" + json + ":true}");
    QVERIFY(obj.isValid());
    QCOMPARE(obj.key(obj.child(obj.root(), 0)), decoded);
    QCOMPARE(obj.rawKey(obj.child(obj.root(), 0)), json);
}

void TestJsonView::offsets()
{
    const QByteArray src = R"( {"a": [true, null], "b" : "x"} )";
    const OrderedJson doc = OrderedJson::parse(src);
    QVERIFY(doc.isValid());
    QCOMPARE(doc.begin(doc.root()), 1);
    QCOMPARE(doc.end(doc.root()), src.size() - 1);
    const quint32 a = doc.child(doc.root(), 0);
    QCOMPARE(doc.keyBegin(a), src.indexOf("\"a\""));
    QCOMPARE(doc.begin(a), src.indexOf('['));
    QCOMPARE(doc.raw(doc.child(a, 1)), QByteArray("null"));
    QCOMPARE(doc.begin(doc.child(a, 1)), src.indexOf("null"));
    const quint32 b = doc.child(doc.root(), 1);
    QCOMPARE(doc.raw(b), QByteArray("\"x\""));
    QCOMPARE(doc.keyBegin(doc.root()), -1);
}

void TestJsonView::prettyRoundTrip()
{
    const QByteArray src =
        R"({"b":1.0,"a":[1e400,12345678901234567890,-0,{},[]],"b":"x","e":{"k":null,"t":true}})";
    const OrderedJson doc = OrderedJson::parse(src);
    QVERIFY(doc.isValid());
    const QByteArray pretty = doc.pretty(2);
    const QByteArray expected = "{\n"
                                "  \"b\": 1.0,\n"
                                "  \"a\": [\n"
                                "    1e400,\n"
                                "    12345678901234567890,\n"
                                "    -0,\n"
                                "    {},\n"
                                "    []\n"
                                "  ],\n"
                                "  \"b\": \"x\",\n"
                                "  \"e\": {\n"
                                "    \"k\": null,\n"
                                "    \"t\": true\n"
                                "  }\n"
                                "}\n";
    QCOMPARE(pretty, expected);
    // Pretty output parses back to the same structure, key order and spelling.
    const OrderedJson again = OrderedJson::parse(pretty);
    QVERIFY(again.isValid());
    QCOMPARE(again.nodeCount(), doc.nodeCount());
    QCOMPARE(again.pretty(2), pretty);
    bool truncated = false;
    const QByteArray cut = doc.pretty(2, 20, &truncated);
    QVERIFY(truncated);
    QVERIFY(cut.size() < pretty.size());
    QVERIFY(pretty.startsWith(cut.left(20)));
}

void TestJsonView::prettyPreservesEscapes()
{
    const QByteArray src = R"(["\u00e9\/", "\ud83d\ude00"])";
    const QByteArray pretty = OrderedJson::parse(src).pretty(4);
    QCOMPARE(pretty, QByteArray("[\n    \"\\u00e9\\/\",\n    \"\\ud83d\\ude00\"\n]\n"));
}

void TestJsonView::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray("") << 1 << 1 << qint64(0) << "expected a value";
    QTest::newRow("whitespace only") << QByteArray(" \n ") << 2 << 2 << qint64(3) << "expected a value";
    QTest::newRow("missing comma") << QByteArray("{\"a\":1\n \"b\":2}") << 2 << 2 << qint64(8)
                                   << "expected ',' or '}'";
    QTest::newRow("trailing comma") << QByteArray("[1,2,]") << 1 << 6 << qint64(5) << "expected a value";
    QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << 1 << 6 << qint64(5) << "expected ':'";
    QTest::newRow("single quotes") << QByteArray("{'a':1}") << 1 << 2 << qint64(1) << "expected a string key";
    QTest::newRow("leading zero") << QByteArray("[01]") << 1 << 3 << qint64(2) << "leading zeros";
    QTest::newRow("bare dot") << QByteArray("[1.]") << 1 << 4 << qint64(3) << "after the decimal point";
    QTest::newRow("exponent") << QByteArray("[1e]") << 1 << 4 << qint64(3) << "exponent";
    QTest::newRow("plus sign") << QByteArray("[+1]") << 1 << 2 << qint64(1) << "expected a value";
    QTest::newRow("NaN") << QByteArray("[NaN]") << 1 << 2 << qint64(1) << "expected a value";
    QTest::newRow("bad literal") << QByteArray("[tru]") << 1 << 5 << qint64(4) << "expected 'true'";
    QTest::newRow("bad escape") << QByteArray("[\"\\x\"]") << 1 << 4 << qint64(3) << "invalid escape";
    QTest::newRow("short unicode escape")
        << QByteArray("[\"\\u12\"]") << 1 << 7 << qint64(6) << "4 hex digits";
    QTest::newRow("raw newline in string")
        << QByteArray("[\"a\nb\"]") << 1 << 4 << qint64(3) << "control character";
    QTest::newRow("unterminated string")
        << QByteArray("[\"abc") << 1 << 6 << qint64(5) << "unterminated string";
    QTest::newRow("unclosed array") << QByteArray("[1, [2]") << 1 << 8 << qint64(7) << "expected ',' or ']'";
    QTest::newRow("trailing garbage") << QByteArray("{} x") << 1 << 4 << qint64(3) << "after the JSON value";
    QTest::newRow("two values") << QByteArray("1 2") << 1 << 3 << qint64(2) << "after the JSON value";
    // Column counts code points: "é" is two bytes but one column.
    QTest::newRow("column in code points")
        << QByteArray("[\"\xC3\xA9\" x]") << 1 << 6 << qint64(6) << "expected ','";
    QTest::newRow("invalid utf-8") << QByteArray("[\"\xC3\x28\"]") << 1 << 3 << qint64(2) << "UTF-8";
    QTest::newRow("overlong utf-8") << QByteArray("[\"\xC0\xAF\"]") << 1 << 3 << qint64(2) << "UTF-8";
    QTest::newRow("utf-8 surrogate") << QByteArray("[\"\xED\xA0\x80\"]") << 1 << 3 << qint64(2) << "UTF-8";
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF{}") << 1 << 1 << qint64(0) << "byte order mark";
    QTest::newRow("form feed is not whitespace")
        << QByteArray("[\f1]") << 1 << 2 << qint64(1) << "expected a value";
}

void TestJsonView::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(qint64, offset);
    QFETCH(QString, message);
    const OrderedJson doc = OrderedJson::parse(json);
    QVERIFY(!doc.isValid());
    QCOMPARE(doc.nodeCount(), 0);
    const OrderedJson::Error &e = doc.error();
    QVERIFY2(e.message.contains(message), qPrintable(e.message));
    QCOMPARE(e.offset, offset);
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, column);
    QVERIFY(e.toString().contains(QStringLiteral("line %1, column %2").arg(line).arg(column)));
}

void TestJsonView::depthBomb()
{
    // 10 million brackets: must be rejected at the depth limit, without recursion or a crash.
    const QByteArray bomb(10'000'000, '[');
    const OrderedJson doc = OrderedJson::parse(bomb);
    QVERIFY(!doc.isValid());
    QVERIFY(doc.error().message.contains(QLatin1String("512")));
    QCOMPARE(doc.error().offset, 512);
    // Exactly at the limit is fine, one more level is not.
    OrderedJson::Limits limits;
    limits.maxDepth = 64;
    const QByteArray ok = QByteArray(64, '[') + QByteArray(64, ']');
    QVERIFY(OrderedJson::parse(ok, limits).isValid());
    const QByteArray tooDeep = QByteArray(65, '[') + QByteArray(65, ']');
    QVERIFY(!OrderedJson::parse(tooDeep, limits).isValid());
    // Mixed objects and arrays count alike.
    QByteArray mixed;
    for (int i = 0; i < 1000; ++i)
        mixed += "{\"a\":[";
    QVERIFY(!OrderedJson::parse(mixed).isValid());
}

void TestJsonView::sizeAndNodeLimits()
{
    OrderedJson::Limits limits;
    limits.maxBytes = 10;
    const OrderedJson big = OrderedJson::parse("[1,2,3,4,5,6]", limits);
    QVERIFY(!big.isValid());
    QVERIFY(big.error().message.contains(QLatin1String("limit")));
    limits = OrderedJson::Limits();
    limits.maxNodes = 4;
    QVERIFY(OrderedJson::parse("[1,2,3]", limits).isValid()); // 3 numbers + the array
    const OrderedJson many = OrderedJson::parse("[1,2,3,4]", limits);
    QVERIFY(!many.isValid());
    QVERIFY(many.error().message.contains(QLatin1String("more than 4 values")));
}

void TestJsonView::modelShowsSourceOrder()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(OrderedJson::parse(R"({"z":"last?","a":[10,1.50,null],"m":false,"z":true})"));
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex root = model.index(0, 0);
    QCOMPARE(root.data().toString(), QStringLiteral("(root)"));
    QCOMPARE(model.rowCount(root), 4);
    QStringList keys;
    QStringList values;
    QStringList types;
    for (int r = 0; r < model.rowCount(root); ++r) {
        keys << model.index(r, JsonTreeModel::KeyColumn, root).data().toString();
        values << model.index(r, JsonTreeModel::ValueColumn, root).data().toString();
        types << model.index(r, JsonTreeModel::TypeColumn, root).data().toString();
    }
    QCOMPARE(keys, QStringList({"z", "a", "m", "z"}));
    QCOMPARE(values, QStringList({"last?", "[3 items]", "false", "true"}));
    QCOMPARE(types, QStringList({"string", "array", "boolean", "boolean"}));
    const QModelIndex array = model.index(1, 0, root);
    QCOMPARE(model.index(1, JsonTreeModel::KeyColumn, array).data().toString(), QStringLiteral("[1]"));
    QCOMPARE(model.index(1, JsonTreeModel::ValueColumn, array).data().toString(), QStringLiteral("1.50"));
    QCOMPARE(model.parent(model.index(2, 0, array)), array);
    // Values get distinct colours by type.
    const QColor str =
        model.index(0, JsonTreeModel::ValueColumn, root).data(Qt::ForegroundRole).value<QColor>();
    const QColor num =
        model.index(0, JsonTreeModel::ValueColumn, array).data(Qt::ForegroundRole).value<QColor>();
    const QColor nul =
        model.index(2, JsonTreeModel::ValueColumn, array).data(Qt::ForegroundRole).value<QColor>();
    const QColor boo =
        model.index(2, JsonTreeModel::ValueColumn, root).data(Qt::ForegroundRole).value<QColor>();
    const QColor key =
        model.index(0, JsonTreeModel::KeyColumn, root).data(Qt::ForegroundRole).value<QColor>();
    QCOMPARE(QSet<QRgb>({str.rgb(), num.rgb(), nul.rgb(), boo.rgb(), key.rgb()}).size(), 5);
    model.setDocument(OrderedJson::parse("not json"));
    QCOMPARE(model.rowCount(), 0);
}

void TestJsonView::viewPrettyAndErrorPage()
{
    JsonView view;
    view.resize(600, 400);
    view.setJson(R"({"b":1.0,"a":[1e400]})");
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.errorText().isEmpty());
    // Small documents open expanded, so the user sees the values at once.
    const QModelIndex root = view.model()->index(0, 0);
    QVERIFY(view.treeView()->isExpanded(root));
    QVERIFY(view.treeView()->isExpanded(view.model()->index(1, 0, root)));
    view.setMode(JsonView::Mode::Pretty);
    QCOMPARE(view.prettyView()->toPlainText(),
             QStringLiteral("{\n  \"b\": 1.0,\n  \"a\": [\n    1e400\n  ]\n}\n"));
    QVERIFY(view.prettyView()->isVisible());

    view.setMode(JsonView::Mode::Tree);
    view.setJson("{\"a\": 1,\n \"b\" 2}");
    QVERIFY(view.errorText().contains(QLatin1String("line 2, column 6")));
    // The source is shown with the cursor on the error.
    QVERIFY(view.prettyView()->isVisible());
    QCOMPARE(view.prettyView()->textCursor().blockNumber(), 1);
    QCOMPARE(view.prettyView()->textCursor().positionInBlock(), 5);
}

void TestJsonView::hugeDocumentStaysLazy()
{
    // About 16 MiB: an array of 300k small objects.
    QByteArray json = "[";
    for (int i = 0; i < 300'000; ++i) {
        if (i)
            json += ',';
        json += "{\"id\":" + QByteArray::number(i) + ",\"name\":\"item number " + QByteArray::number(i) +
                "\",\"tags\":[\"a\",\"b\"],\"ok\":true}";
    }
    json += "]";
    QElapsedTimer timer;
    timer.start();
    const OrderedJson doc = OrderedJson::parse(json);
    QVERIFY(doc.isValid());
    const qint64 parseMs = timer.restart();
    JsonView view;
    view.resize(800, 600);
    view.setDocument(doc);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.grab().isNull());
    const QModelIndex root = view.model()->index(0, 0);
    QCOMPARE(view.model()->rowCount(root), 300'000);
    // Large documents open with the root only expanded; each child is still collapsed.
    QVERIFY(view.treeView()->isExpanded(root));
    QVERIFY(!view.treeView()->isExpanded(view.model()->index(0, 0, root)));
    const QModelIndex last = view.model()->index(299'999, 0, root);
    view.treeView()->scrollTo(last);
    QVERIFY(!view.grab().isNull());
    QCOMPARE(view.model()->index(1, JsonTreeModel::ValueColumn, last).data().toString(),
             QStringLiteral("item number 299999"));
    const qint64 showMs = timer.restart();
    view.setMode(JsonView::Mode::Pretty);
    // Pretty text is cut at MaxPrettyBytes so the window stays responsive.
    const QString pretty = view.prettyView()->toPlainText();
    QVERIFY(pretty.startsWith(QLatin1String("[\n  {\n    \"id\": 0,\n    \"name\": \"item number 0\",")));
    QVERIFY(pretty.size() < JsonView::MaxPrettyBytes + 4096);
    qInfo("%.1f MiB, %lld nodes: parse %lld ms, tree shown %lld ms, pretty %lld ms", json.size() / 1048576.0,
          doc.nodeCount(), parseMs, showMs, timer.elapsed());
}

QTEST_MAIN(TestJsonView)
#include "tst_jsonview.moc"
