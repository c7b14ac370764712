#include "eventlog.h"
#include "itemroles.h"
#include "timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace wsscope;

namespace {

const QString Started = QStringLiteral("2024-05-01T12:00:00.000Z");

quint32 openConnection(EventLog &log, const QString &url = QStringLiteral("ws://example.test/chat"))
{
    // Start time 0: the times given to frames below are then relative to the start as they are.
    return log.connectionOpened(0, QJsonObject{{QStringLiteral("url"), url},
                                               {QStringLiteral("source"), QStringLiteral("client")},
                                               {QStringLiteral("started"), Started}});
}

void addFrame(EventLog &log, quint32 conn, Direction dir, quint8 opcode, const QByteArray &payload,
              qint64 timeNs, bool fin = true, quint8 rsv = 0, quint32 maskKey = 0)
{
    FrameInfo f;
    f.timeNs = timeNs;
    f.payloadLength = quint64(payload.size());
    f.opcode = opcode;
    f.fin = fin;
    f.rsv = rsv;
    f.masked = maskKey != 0;
    f.maskKey = maskKey;
    log.frameCaptured(conn, dir, f, payload);
}

QByteArray closeBody(quint16 code, const QByteArray &reason)
{
    QByteArray b;
    b.append(char(code >> 8)).append(char(code & 0xff)).append(reason);
    return b;
}

QString cell(const TimelineModel &m, int row, int column)
{
    return m.index(row, column).data().toString();
}

// Log indices of the rows, for comparing filter results as a whole.
QList<qsizetype> shownEvents(const TimelineModel &m)
{
    QList<qsizetype> out;
    for (int r = 0; r < m.rowCount(); ++r)
        out.append(m.eventIndex(r));
    return out;
}

} // namespace

class TestTimelineModel : public QObject
{
    Q_OBJECT

private slots:
    void cellTexts();
    void absoluteTime();
    void batchedInserts();
    void switchConnection();
    void filterSubstring_data();
    void filterSubstring();
    void filterRegex();
    void filterStructure();
    void filterKeepsAppending();
    void highlightNavigation();
    void filterKeepsCurrentRow();
    void invalidRegexShowsAll();
    void rowForEventIndex();

private:
    // One connection with one of each interesting row; returns its number.
    quint32 fillSample(EventLog &log);
};

quint32 TestTimelineModel::fillSample(EventLog &log)
{
    const quint32 conn = openConnection(log);
    log.eventCaptured(conn, EventKind::Handshake, Direction::Out, 100'000,
                      QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                                  {QStringLiteral("target"), QStringLiteral("/chat")},
                                  {QStringLiteral("version"), QStringLiteral("HTTP/1.1")}});
    log.eventCaptured(conn, EventKind::Handshake, Direction::In, 900'000,
                      QJsonObject{{QStringLiteral("version"), QStringLiteral("HTTP/1.1")},
                                  {QStringLiteral("status"), 101},
                                  {QStringLiteral("reason"), QStringLiteral("Switching Protocols")}});
    addFrame(log, conn, Direction::Out, Opcode::Text, "hello\nworld\t\x01", 1'500'000, true, 0, 0xa1b2c3d4);
    addFrame(log, conn, Direction::In, Opcode::Binary, QByteArray::fromHex("00ff10"), 2'000'400, true,
             Rsv::Rsv1);
    addFrame(log, conn, Direction::In, Opcode::Ping, "tick", 3'000'000);
    addFrame(log, conn, Direction::Out, Opcode::Pong, "tick", 3'250'000, true, 0, 0x01020304);
    log.eventCaptured(
        conn, EventKind::Violation, Direction::In, 4'000'000,
        QJsonObject{{QStringLiteral("rule"), QStringLiteral("masked-server-frame")},
                    {QStringLiteral("section"), QStringLiteral("RFC 6455 §5.1")},
                    {QStringLiteral("text"), QStringLiteral("A server must not mask its frames")},
                    {QStringLiteral("detail"), QStringLiteral("key 0badf00d")}});
    addFrame(log, conn, Direction::Out, Opcode::Text, "part one ", 5'000'000, false, 0, 0x11111111);
    addFrame(log, conn, Direction::Out, Opcode::Continuation, "part two", 5'100'000, true, 0, 0x22222222);
    addFrame(log, conn, Direction::Out, Opcode::Close, closeBody(1000, "bye"), 6'000'000, true, 0,
             0x33333333);
    log.eventCaptured(conn, EventKind::Error, Direction::In, 6'500'000,
                      QJsonObject{{QStringLiteral("message"), QStringLiteral("Connection reset by peer")},
                                  {QStringLiteral("where"), QStringLiteral("upstream")}});
    log.eventCaptured(conn, EventKind::Close, Direction::Out, 7'000'000,
                      QJsonObject{{QStringLiteral("initiator"), QStringLiteral("client")},
                                  {QStringLiteral("code"), 1000},
                                  {QStringLiteral("reason"), QStringLiteral("bye")},
                                  {QStringLiteral("clean"), true}});
    return conn;
}

void TestTimelineModel::cellTexts()
{
    EventLog log;
    const quint32 conn = fillSample(log);
    TimelineModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(conn);
    QCOMPARE(model.rowCount(), 12); // the Connection record is not a timeline row
    QCOMPARE(model.columnCount(), int(TimelineModel::ColumnCount));

    auto row = [&](int r) {
        QStringList cells;
        for (int c = 0; c < TimelineModel::ColumnCount; ++c)
            cells << cell(model, r, c);
        return cells;
    };
    const QString out = QStringLiteral("\u2192"), in = QStringLiteral("\u2190");
    QCOMPARE(row(0),
             (QStringList{"1", "0.100", out, "Upgrade request", "", "", "", "", "GET /chat HTTP/1.1"}));
    QCOMPARE(row(1), (QStringList{"2", "0.900", in, "Upgrade response", "", "", "", "",
                                  "HTTP/1.1 101 Switching Protocols"}));
    QCOMPARE(row(2),
             (QStringList{"3", "1.500", out, "Text", "1", "000", "a1b2c3d4", "13", "hello\\nworld\\t\\x01"}));
    QCOMPARE(row(3), (QStringList{"4", "2.000", in, "Binary", "1", "100", "", "3", "00 ff 10"}));
    QCOMPARE(row(4), (QStringList{"5", "3.000", in, "Ping", "1", "000", "", "4", "tick"}));
    QCOMPARE(row(5), (QStringList{"6", "3.250", out, "Pong", "1", "000", "01020304", "4", "tick"}));
    QCOMPARE(row(6), (QStringList{"7", "4.000", in, "Violation", "", "", "", "",
                                  "RFC 6455 §5.1: A server must not mask its frames (key 0badf00d)"}));
    QCOMPARE(row(7), (QStringList{"8", "5.000", out, "Text", "0", "000", "11111111", "9", "part one "}));
    QCOMPARE(row(8),
             (QStringList{"9", "5.100", out, "Continuation", "1", "000", "22222222", "8", "part two"}));
    QCOMPARE(row(9), (QStringList{"10", "6.000", out, "Close", "1", "000", "33333333", "5",
                                  "1000 Normal Closure: bye"}));
    QCOMPARE(row(10), (QStringList{"11", "6.500", "", "Error", "", "", "", "",
                                   "Connection reset by peer (upstream)"}));
    QCOMPARE(row(11), (QStringList{"12", "7.000", "", "Closed", "", "", "", "",
                                   "1000 Normal Closure: bye (by client, clean)"}));

    // Semantic roles for the delegates.
    const QModelIndex ping = model.index(4, TimelineModel::TypeColumn);
    QCOMPARE(ping.data(OpcodeRole).toInt(), int(Opcode::Ping));
    QCOMPARE(ping.data(IsControlRole).toBool(), true);
    QCOMPARE(ping.data(DirectionRole).toInt(), int(Direction::In));
    QCOMPARE(ping.data(KindRole).toInt(), int(EventKind::Frame));
    QCOMPARE(ping.data(PayloadRole).toByteArray(), QByteArray("tick"));
    QCOMPARE(ping.data(EventIndexRole).toLongLong(), 5); // after the connection, 2 handshakes, 2 frames
    const QModelIndex violation = model.index(6, 0);
    QCOMPARE(violation.data(IsViolationRole).toBool(), true);
    QCOMPARE(violation.data(OpcodeRole).toInt(), -1);
    QCOMPARE(model.index(10, 0).data(IsErrorRole).toBool(), true);
    QCOMPARE(model.index(3, 0).data(RsvRole).toInt(), int(Rsv::Rsv1));
    QCOMPARE(model.index(2, 0).data(TimeNsRole).toLongLong(), 1'500'000);
}

void TestTimelineModel::absoluteTime()
{
    EventLog log;
    const quint32 conn = openConnection(log);
    addFrame(log, conn, Direction::Out, Opcode::Text, "x", 1'234'567);
    TimelineModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(conn);
    QCOMPARE(cell(model, 0, TimelineModel::TimeColumn), QStringLiteral("1.235"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setAbsoluteTime(true);
    QCOMPARE(changed.size(), 1);
    // 12:00:00.001234567 UTC, shown in local time to the microsecond.
    const QDateTime start = QDateTime::fromString(Started, Qt::ISODateWithMs);
    const QString expected =
        start.addMSecs(1).toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")) + QStringLiteral("235");
    QCOMPARE(cell(model, 0, TimelineModel::TimeColumn), expected);
    model.setAbsoluteTime(false);
    QCOMPARE(cell(model, 0, TimelineModel::TimeColumn), QStringLiteral("1.235"));
}

void TestTimelineModel::batchedInserts()
{
    EventLog log;
    const quint32 conn = openConnection(log);
    const quint32 other = openConnection(log, QStringLiteral("ws://other.test/"));
    TimelineModel model(&log);
    model.setFlushInterval(0); // insert on every appended(), itself coalesced per loop turn
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(conn);
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    int expectedRows = 0;
    for (int batch = 0; batch < 3; ++batch) {
        const int n = 10 + batch * 7;
        for (int i = 0; i < n; ++i) {
            addFrame(log, conn, Direction::In, Opcode::Text, QByteArray::number(i), (batch * 100 + i) * 1000);
            addFrame(log, other, Direction::In, Opcode::Text, "not ours", (batch * 100 + i) * 1000);
        }
        QCoreApplication::processEvents();
        QCOMPARE(inserted.size(), batch + 1); // one insert per flush
        const QList<QVariant> args = inserted.last();
        QCOMPARE(args.at(1).toInt(), expectedRows);
        QCOMPARE(args.at(2).toInt(), expectedRows + n - 1);
        expectedRows += n;
        QCOMPARE(model.rowCount(), expectedRows);
        QCOMPARE(model.totalCount(), expectedRows);
    }
    QCOMPARE(cell(model, expectedRows - 1, TimelineModel::PreviewColumn), QStringLiteral("23"));

    // With the default interval the timer batches several appended() into one insert.
    TimelineModel timed(&log);
    QAbstractItemModelTester tester2(&timed, QAbstractItemModelTester::FailureReportingMode::QtTest);
    timed.setFlushInterval(30);
    timed.setConnection(conn);
    QSignalSpy timedInserted(&timed, &QAbstractItemModel::rowsInserted);
    for (int turn = 0; turn < 3; ++turn) {
        addFrame(log, conn, Direction::Out, Opcode::Text, "more", 1'000'000'000);
        QCoreApplication::processEvents();
    }
    QCOMPARE(timed.rowCount(), expectedRows);
    QTRY_COMPARE(timed.rowCount(), expectedRows + 3);
    QCOMPARE(timedInserted.size(), 1);
}

void TestTimelineModel::switchConnection()
{
    EventLog log;
    const quint32 a = openConnection(log);
    const quint32 b = openConnection(log, QStringLiteral("ws://b.test/"));
    for (int i = 0; i < 20; ++i)
        addFrame(log, i % 3 ? a : b, Direction::In, Opcode::Text, QByteArray::number(i), i * 1000);
    TimelineModel model(&log);
    model.setFlushInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(a);
    QCOMPARE(model.rowCount(), 13);
    model.setConnection(b);
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(cell(model, 1, TimelineModel::PreviewColumn), QStringLiteral("3"));
    model.setConnection(0);
    QCOMPARE(model.rowCount(), 0);
    addFrame(log, a, Direction::In, Opcode::Text, "late", 1);
    QCoreApplication::processEvents();
    QCOMPARE(model.rowCount(), 0);
    model.setConnection(a);
    QCOMPARE(model.rowCount(), 14);
    QCOMPARE(cell(model, 13, TimelineModel::PreviewColumn), QStringLiteral("late"));
}

void TestTimelineModel::filterSubstring_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<QList<int>>("rows"); // rows of the unfiltered sample that remain

    QTest::newRow("ci word") << "PART" << false << QList<int>{7, 8};
    QTest::newRow("cs word miss") << "PART" << true << QList<int>{};
    QTest::newRow("cs word") << "part t" << true << QList<int>{8};
    QTest::newRow("one byte") << "k" << false << QList<int>{4, 5, 6}; // tick, tick, "mask" in the rule text
    QTest::newRow("escape char") << "\n" << true << QList<int>{2};
    QTest::newRow("close name") << "normal closure" << false << QList<int>{9, 11};
    QTest::newRow("event text") << "reset by" << true << QList<int>{10};
    QTest::newRow("header") << "switching" << false << QList<int>{1};
    QTest::newRow("binary bytes") << QString::fromLatin1("\xff") << true << QList<int>{};
}

void TestTimelineModel::filterSubstring()
{
    QFETCH(QString, text);
    QFETCH(bool, caseSensitive);
    QFETCH(QList<int>, rows);
    EventLog log;
    const quint32 conn = fillSample(log);
    TimelineModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(conn);
    QList<qsizetype> all = shownEvents(model);
    TimelineFilter f;
    f.text = text;
    f.caseSensitivity = caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
    model.setFilter(f);
    QList<qsizetype> expected;
    for (int r : rows)
        expected.append(all.at(r));
    QCOMPARE(shownEvents(model), expected);
    QCOMPARE(model.countText(), QStringLiteral("%1 of 12").arg(rows.size()));
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY(model.index(r, 0).data(IsMatchRole).toBool());
}

void TestTimelineModel::filterRegex()
{
    EventLog log;
    const quint32 conn = fillSample(log);
    TimelineModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(conn);
    TimelineFilter f;
    f.regularExpression = true;
    f.text = QStringLiteral("^part (one|TWO)$");
    f.caseSensitivity = Qt::CaseSensitive;
    model.setFilter(f);
    QCOMPARE(model.rowCount(), 0); // "part one " has a trailing space, "TWO" is upper case
    f.caseSensitivity = Qt::CaseInsensitive;
    model.setFilter(f);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, TimelineModel::PreviewColumn), QStringLiteral("part two"));
    f.text = QStringLiteral("^(tick|hello)");
    model.setFilter(f);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(cell(model, 0, TimelineModel::NumberColumn), QStringLiteral("3")); // numbers stay unfiltered
    QCOMPARE(cell(model, 1, TimelineModel::NumberColumn), QStringLiteral("5"));
    QCOMPARE(cell(model, 2, TimelineModel::NumberColumn), QStringLiteral("6"));
    QVERIFY(model.filterErrorString().isEmpty());
}

void TestTimelineModel::filterStructure()
{
    EventLog log;
    const quint32 conn = fillSample(log);
    TimelineModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(conn);
    const QList<qsizetype> all = shownEvents(model);
    auto pick = [&](QList<int> rows) {
        QList<qsizetype> out;
        for (int r : rows)
            out.append(all.at(r));
        return out;
    };

    TimelineFilter f;
    f.directions = TimelineFilter::Directions::Out;
    model.setFilter(f);
    // Errors and the close summary have no direction and always show.
    QCOMPARE(shownEvents(model), pick({0, 2, 5, 7, 8, 9, 10, 11}));
    f.directions = TimelineFilter::Directions::In;
    model.setFilter(f);
    QCOMPARE(shownEvents(model), pick({1, 3, 4, 6, 10, 11}));
    f.directions = TimelineFilter::Directions::Both;
    f.hideControl = true;
    model.setFilter(f);
    QCOMPARE(shownEvents(model), pick({0, 1, 2, 3, 6, 7, 8, 10, 11}));
    f.hideControl = false;
    f.problemsOnly = true;
    model.setFilter(f);
    QCOMPARE(shownEvents(model), pick({6, 10}));
    QCOMPARE(model.countText(), QStringLiteral("2 of 12"));
    // Criteria combine.
    f.directions = TimelineFilter::Directions::In;
    f.text = QStringLiteral("MASK");
    model.setFilter(f);
    QCOMPARE(shownEvents(model), pick({6}));
    model.setFilter(TimelineFilter());
    QCOMPARE(shownEvents(model), all);
    QCOMPARE(model.countText(), QStringLiteral("12 of 12"));
}

void TestTimelineModel::filterKeepsAppending()
{
    EventLog log;
    const quint32 conn = openConnection(log);
    TimelineModel model(&log);
    model.setFlushInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(conn);
    TimelineFilter f;
    f.text = QStringLiteral("needle");
    model.setFilter(f);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy counts(&model, &TimelineModel::countsChanged);
    for (int i = 0; i < 30; ++i)
        addFrame(log, conn, Direction::In, Opcode::Text, i % 10 == 3 ? "a NEEDLE here" : "hay", i * 1000);
    QCoreApplication::processEvents();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.last().at(1).toInt(), 0);
    QCOMPARE(inserted.last().at(2).toInt(), 2);
    QCOMPARE(model.countText(), QStringLiteral("3 of 30"));
    // Nothing new matches: no insert, but the total moves on.
    addFrame(log, conn, Direction::In, Opcode::Text, "hay", 31'000);
    QCoreApplication::processEvents();
    QCOMPARE(inserted.size(), 1);
    QVERIFY(counts.size() >= 2);
    QCOMPARE(model.countText(), QStringLiteral("3 of 31"));
    addFrame(log, conn, Direction::Out, Opcode::Text, "needle", 32'000);
    QCoreApplication::processEvents();
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(cell(model, 3, TimelineModel::NumberColumn), QStringLiteral("32"));
}

void TestTimelineModel::highlightNavigation()
{
    EventLog log;
    const quint32 conn = openConnection(log);
    for (int i = 0; i < 10; ++i)
        addFrame(log, conn, Direction::In, Opcode::Text, i == 2 || i == 5 || i == 8 ? "match" : "other", i);
    TimelineModel model(&log);
    model.setFlushInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(conn);
    TimelineFilter f;
    f.text = QStringLiteral("MATCH");
    f.hideNonMatching = false;
    model.setFilter(f);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.matchCount(), 3);
    QCOMPARE(model.countText(), QStringLiteral("3 of 10"));
    QCOMPARE(model.index(2, 0).data(IsMatchRole).toBool(), true);
    QCOMPARE(model.index(3, 0).data(IsMatchRole).toBool(), false);
    QCOMPARE(model.nextMatch(-1), 2);
    QCOMPARE(model.nextMatch(2), 5);
    QCOMPARE(model.nextMatch(5), 8);
    QCOMPARE(model.nextMatch(8), 2); // wraps
    QCOMPARE(model.previousMatch(-1), 8);
    QCOMPARE(model.previousMatch(5), 2);
    QCOMPARE(model.previousMatch(2), 8);
    QCOMPARE(model.previousMatch(4), 2);
    addFrame(log, conn, Direction::In, Opcode::Text, "late match", 11);
    QCoreApplication::processEvents();
    QCOMPARE(model.matchCount(), 4);
    QCOMPARE(model.nextMatch(8), 10);
    // Highlighting combined with a hiding criterion: matches are counted among shown rows.
    f.directions = TimelineFilter::Directions::Out;
    model.setFilter(f);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.nextMatch(-1), -1);
    // In hide mode every shown row is a match and navigation steps row by row.
    f = TimelineFilter();
    f.text = QStringLiteral("match");
    model.setFilter(f);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.nextMatch(0), 1);
    QCOMPARE(model.nextMatch(3), 0);
    QCOMPARE(model.previousMatch(0), 3);
    model.setFilter(TimelineFilter());
    QCOMPARE(model.nextMatch(0), -1);
    QCOMPARE(model.index(2, 0).data(IsMatchRole).toBool(), false);
}

void TestTimelineModel::filterKeepsCurrentRow()
{
    EventLog log;
    const quint32 conn = openConnection(log);
    for (int i = 0; i < 10; ++i)
        addFrame(log, conn, i % 2 ? Direction::In : Direction::Out, Opcode::Text, QByteArray::number(i), i);
    TimelineModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(conn);
    const QPersistentModelIndex seven(model.index(7, TimelineModel::PreviewColumn));
    const QPersistentModelIndex four(model.index(4, TimelineModel::PreviewColumn));
    TimelineFilter f;
    f.directions = TimelineFilter::Directions::In;
    model.setFilter(f);
    QVERIFY(seven.isValid());
    QCOMPARE(seven.row(), 3);
    QCOMPARE(seven.data().toString(), QStringLiteral("7"));
    QVERIFY(!four.isValid()); // hidden
    model.setFilter(TimelineFilter());
    QCOMPARE(seven.row(), 7);
}

void TestTimelineModel::invalidRegexShowsAll()
{
    EventLog log;
    const quint32 conn = fillSample(log);
    TimelineModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(conn);
    TimelineFilter f;
    f.regularExpression = true;
    f.text = QStringLiteral("part(");
    model.setFilter(f);
    QVERIFY(!model.filterErrorString().isEmpty());
    QCOMPARE(model.rowCount(), 12);
    QCOMPARE(model.nextMatch(0), -1);
}

void TestTimelineModel::rowForEventIndex()
{
    EventLog log;
    const quint32 a = openConnection(log);
    const quint32 b = openConnection(log);
    for (int i = 0; i < 10; ++i)
        addFrame(log, i % 2 ? a : b, Direction::In, Opcode::Text, i < 5 ? "x" : "y", i);
    TimelineModel model(&log);
    model.setConnection(a);
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.rowForEventIndex(model.eventIndex(r)), r);
    QCOMPARE(model.eventIndex(0), 3);        // 2 connection records, then b's frame 0, then a's frame 1
    QCOMPARE(model.rowForEventIndex(2), -1); // b's frame
    QCOMPARE(model.rowForEventIndex(1000), -1);
    QCOMPARE(model.eventIndex(99), -1);
    TimelineFilter f;
    f.text = QStringLiteral("y");
    model.setFilter(f);
    QCOMPARE(model.rowForEventIndex(3), -1); // hidden
    QCOMPARE(model.rowForEventIndex(model.eventIndex(1)), 1);
}

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
