#include "connectionlistmodel.h"
#include "eventlog.h"
#include "itemroles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace wsscope;

namespace {

quint32 openConnection(EventLog &log, const QString &url, const QString &source)
{
    return log.connectionOpened(
        0, QJsonObject{{QStringLiteral("url"), url},
                       {QStringLiteral("source"), source},
                       {QStringLiteral("started"), QStringLiteral("2024-05-01T12:00:00Z")}});
}

void addFrame(EventLog &log, quint32 conn, Direction dir, quint8 opcode, const QByteArray &payload,
              qint64 timeNs, bool masked = false)
{
    FrameInfo f;
    f.timeNs = timeNs;
    f.payloadLength = quint64(payload.size());
    f.opcode = opcode;
    f.fin = true;
    f.lengthEncoding = payload.size() > 65535 ? LengthEncoding::Bits64
                       : payload.size() > 125 ? LengthEncoding::Bits16
                                              : LengthEncoding::Bits7;
    f.masked = masked;
    f.maskKey = masked ? 0x01020304 : 0;
    log.frameCaptured(conn, dir, f, payload);
}

void handshake(EventLog &log, quint32 conn, int status, qint64 timeNs)
{
    log.eventCaptured(conn, EventKind::Handshake, Direction::In, timeNs,
                      QJsonObject{{QStringLiteral("status"), status}});
}

QString cell(const ConnectionListModel &m, int row, int column)
{
    return m.index(row, column).data().toString();
}

} // namespace

class TestConnectionListModel : public QObject
{
    Q_OBJECT

private slots:
    void rowsAndTotals();
    void stateFromEvents();
    void closeCodes();
    void rttFromPings();
    void oneDataChangedPerFlush();
    void nameRemoveAndLiveState();
    void existingLogAtConstruction();
};

void TestConnectionListModel::rowsAndTotals()
{
    EventLog log;
    ConnectionListModel model(&log);
    model.setFlushInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    const quint32 a = openConnection(log, QStringLiteral("wss://a.test/feed"), QStringLiteral("client"));
    const quint32 b = openConnection(log, QStringLiteral("ws://b.test/"), QStringLiteral("proxy"));
    QCoreApplication::processEvents();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.connectionAt(0), a);
    QCOMPARE(model.rowForConnection(b), 1);
    QCOMPARE(cell(model, 0, ConnectionListModel::NameColumn), QStringLiteral("wss://a.test/feed"));
    QCOMPARE(cell(model, 0, ConnectionListModel::SourceColumn), QStringLiteral("Client"));
    QCOMPARE(cell(model, 1, ConnectionListModel::SourceColumn), QStringLiteral("Proxy"));
    QCOMPARE(cell(model, 0, ConnectionListModel::StateColumn), QStringLiteral("Connecting"));

    addFrame(log, a, Direction::Out, Opcode::Text, QByteArray(10, 'x'), 1, true); // 2 + 4 + 10 on the wire
    addFrame(log, a, Direction::In, Opcode::Text, QByteArray(200, 'y'), 2);       // 2 + 2 + 200
    addFrame(log, a, Direction::In, Opcode::Binary, QByteArray(5, 'z'), 3);
    addFrame(log, b, Direction::In, Opcode::Text, QByteArray(7, 'w'), 4);
    QCoreApplication::processEvents();
    QCOMPARE(cell(model, 0, ConnectionListModel::FramesInColumn), QStringLiteral("2"));
    QCOMPARE(cell(model, 0, ConnectionListModel::FramesOutColumn), QStringLiteral("1"));
    QCOMPARE(cell(model, 0, ConnectionListModel::BytesInColumn), QStringLiteral("205"));
    QCOMPARE(cell(model, 0, ConnectionListModel::BytesOutColumn), QStringLiteral("10"));
    QCOMPARE(cell(model, 1, ConnectionListModel::FramesInColumn), QStringLiteral("1"));
    QCOMPARE(cell(model, 1, ConnectionListModel::BytesInColumn), QStringLiteral("7"));
    const ConnectionListModel::Totals t = model.totals(a);
    QCOMPARE(t.wireBytesOut, quint64(16));
    QCOMPARE(t.wireBytesIn, quint64(204 + 7));
    // Later batches add to the totals.
    addFrame(log, a, Direction::In, Opcode::Text, QByteArray(1, 'y'), 5);
    QCoreApplication::processEvents();
    QCOMPARE(cell(model, 0, ConnectionListModel::FramesInColumn), QStringLiteral("3"));
    QCOMPARE(cell(model, 0, ConnectionListModel::BytesInColumn), QStringLiteral("206"));
    QCOMPARE(model.index(0, ConnectionListModel::BytesInColumn).data(SortRole).toULongLong(), 206ull);
}

void TestConnectionListModel::stateFromEvents()
{
    EventLog log;
    ConnectionListModel model(&log);
    model.setFlushInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const quint32 ok = openConnection(log, QStringLiteral("ws://ok.test/"), QStringLiteral("client"));
    const quint32 refused =
        openConnection(log, QStringLiteral("ws://refused.test/"), QStringLiteral("client"));
    const quint32 rejected = openConnection(log, QStringLiteral("ws://403.test/"), QStringLiteral("client"));
    QCoreApplication::processEvents();
    auto state = [&](quint32 c) { return model.index(model.rowForConnection(c), 0).data(StateRole).toInt(); };
    QCOMPARE(state(ok), int(ConnectionListModel::State::Connecting));

    handshake(log, ok, 101, 10);
    log.eventCaptured(refused, EventKind::Error, Direction::In, 10,
                      QJsonObject{{QStringLiteral("message"), QStringLiteral("Connection refused")}});
    handshake(log, rejected, 403, 10);
    QCoreApplication::processEvents();
    QCOMPARE(state(ok), int(ConnectionListModel::State::Open));
    QCOMPARE(cell(model, 0, 0), QStringLiteral("Open"));
    QCOMPARE(state(refused), int(ConnectionListModel::State::Failed));
    QCOMPARE(state(rejected), int(ConnectionListModel::State::Failed));
    QCOMPARE(model.index(1, 0).data(IsErrorRole).toBool(), true);

    addFrame(log, ok, Direction::Out, Opcode::Close, QByteArray("\x03\xe8", 2), 20, true);
    QCoreApplication::processEvents();
    QCOMPARE(state(ok), int(ConnectionListModel::State::Closing));
    log.eventCaptured(ok, EventKind::Close, Direction::Out, 30, QJsonObject{{QStringLiteral("code"), 1000}});
    QCoreApplication::processEvents();
    QCOMPARE(state(ok), int(ConnectionListModel::State::Closed));
    QCOMPARE(cell(model, 0, 0), QStringLiteral("Closed"));

    // A file without handshake records: frames prove the connection was open.
    const quint32 loaded = openConnection(log, QStringLiteral("ws://file.test/"), QStringLiteral("import"));
    addFrame(log, loaded, Direction::In, Opcode::Text, "x", 1);
    QCoreApplication::processEvents();
    QCOMPARE(state(loaded), int(ConnectionListModel::State::Open));
    QCOMPARE(cell(model, 3, ConnectionListModel::SourceColumn), QStringLiteral("File"));
    // State events from the client engine.
    log.eventCaptured(loaded, EventKind::State, Direction::Out, 2,
                      QJsonObject{{QStringLiteral("state"), QStringLiteral("disconnected")}});
    QCoreApplication::processEvents();
    QCOMPARE(state(loaded), int(ConnectionListModel::State::Closed));
}

void TestConnectionListModel::closeCodes()
{
    EventLog log;
    ConnectionListModel model(&log);
    model.setFlushInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const quint32 a = openConnection(log, QStringLiteral("ws://a.test/"), QStringLiteral("client"));
    const quint32 b = openConnection(log, QStringLiteral("ws://b.test/"), QStringLiteral("client"));
    QCoreApplication::processEvents();
    QCOMPARE(cell(model, 0, ConnectionListModel::CloseColumn), QString());
    QCOMPARE(model.index(0, 0).data(CloseCodeRole).toInt(), -1);
    // From the first close frame until the close summary says otherwise.
    addFrame(log, a, Direction::In, Opcode::Close, QByteArray("\x03\xe9going", 7), 1);
    QCoreApplication::processEvents();
    QCOMPARE(cell(model, 0, ConnectionListModel::CloseColumn), QStringLiteral("1001 Going Away: going"));
    QCOMPARE(model.index(0, 0).data(CloseCodeRole).toInt(), 1001);
    log.eventCaptured(b, EventKind::Close, Direction::In, 5,
                      QJsonObject{{QStringLiteral("initiator"), QStringLiteral("none")},
                                  {QStringLiteral("code"), 1006},
                                  {QStringLiteral("reason"), QString()}});
    QCoreApplication::processEvents();
    QCOMPARE(cell(model, 1, ConnectionListModel::CloseColumn), QStringLiteral("1006 Abnormal Closure"));
}

void TestConnectionListModel::rttFromPings()
{
    EventLog log;
    ConnectionListModel model(&log);
    model.setFlushInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const quint32 a = openConnection(log, QStringLiteral("ws://a.test/"), QStringLiteral("client"));
    addFrame(log, a, Direction::Out, Opcode::Ping, "p1", 1'000'000, true);
    addFrame(log, a, Direction::Out, Opcode::Ping, "p2", 2'000'000, true);
    // The server's own ping and our answer do not measure the server's round trip.
    addFrame(log, a, Direction::In, Opcode::Ping, "s", 2'100'000);
    addFrame(log, a, Direction::Out, Opcode::Pong, "s", 2'100'500, true);
    QCoreApplication::processEvents();
    QCOMPARE(cell(model, 0, ConnectionListModel::RttColumn), QString());
    addFrame(log, a, Direction::In, Opcode::Pong, "p2", 14'345'678);
    QCoreApplication::processEvents();
    QCOMPARE(cell(model, 0, ConnectionListModel::RttColumn), QStringLiteral("12.346"));
    QCOMPARE(model.index(0, 0).data(RttNsRole).toLongLong(), 12'345'678);
    // The capture's own measurement wins when it comes.
    log.eventCaptured(
        a, EventKind::Rtt, Direction::In, 15'000'000,
        QJsonObject{{QStringLiteral("rttWireNs"), 7'000'000}, {QStringLiteral("rttQtNs"), 8'000'000}});
    QCoreApplication::processEvents();
    QCOMPARE(cell(model, 0, ConnectionListModel::RttColumn), QStringLiteral("7.000"));
}

void TestConnectionListModel::oneDataChangedPerFlush()
{
    EventLog log;
    ConnectionListModel model(&log);
    model.setFlushInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<quint32> conns;
    for (int i = 0; i < 5; ++i)
        conns << openConnection(log, QStringLiteral("ws://c%1.test/").arg(i), QStringLiteral("client"));
    QCoreApplication::processEvents();
    QCOMPARE(model.rowCount(), 5);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 100; ++i)
        addFrame(log, conns[i % 2 ? 1 : 3], Direction::In, Opcode::Text, "x", i);
    const quint32 fresh = openConnection(log, QStringLiteral("ws://new.test/"), QStringLiteral("proxy"));
    addFrame(log, fresh, Direction::In, Opcode::Text, "x", 1);
    QCoreApplication::processEvents();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 3);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 5);
    QCOMPARE(inserted.first().at(2).toInt(), 5);
    QCOMPARE(cell(model, 5, ConnectionListModel::FramesInColumn), QStringLiteral("1"));
    QCOMPARE(cell(model, 1, ConnectionListModel::FramesInColumn), QStringLiteral("50"));

    // The default interval batches several loop turns into one flush.
    ConnectionListModel timed(&log);
    QAbstractItemModelTester tester2(&timed, QAbstractItemModelTester::FailureReportingMode::QtTest);
    timed.setFlushInterval(40);
    QSignalSpy timedChanged(&timed, &QAbstractItemModel::dataChanged);
    for (int turn = 0; turn < 3; ++turn) {
        addFrame(log, conns[0], Direction::Out, Opcode::Text, "y", 1000 + turn);
        QCoreApplication::processEvents();
    }
    QTRY_COMPARE(timedChanged.size(), 1);
    QCOMPARE(timed.index(0, ConnectionListModel::FramesOutColumn).data().toString(), QStringLiteral("3"));
}

void TestConnectionListModel::nameRemoveAndLiveState()
{
    EventLog log;
    ConnectionListModel model(&log);
    model.setFlushInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const quint32 a = openConnection(log, QStringLiteral("ws://a.test/"), QStringLiteral("client"));
    const quint32 b = openConnection(log, QStringLiteral("ws://b.test/"), QStringLiteral("client"));
    const quint32 c = openConnection(log, QStringLiteral("ws://c.test/"), QStringLiteral("client"));
    QCoreApplication::processEvents();

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setName(b, QStringLiteral("Feed"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(cell(model, 1, ConnectionListModel::NameColumn), QStringLiteral("Feed"));
    QCOMPARE(model.index(1, ConnectionListModel::NameColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("ws://b.test/"));

    model.setLiveState(c, ConnectionListModel::State::Open);
    QCOMPARE(cell(model, 2, ConnectionListModel::StateColumn), QStringLiteral("Open"));
    QCOMPARE(model.state(c), ConnectionListModel::State::Open);
    // The live state wins over what the events say until it is cleared.
    log.eventCaptured(c, EventKind::Error, Direction::In, 1,
                      QJsonObject{{QStringLiteral("message"), QString()}});
    QCoreApplication::processEvents();
    QCOMPARE(model.state(c), ConnectionListModel::State::Open);
    model.clearLiveState(c);
    QCOMPARE(model.state(c), ConnectionListModel::State::Failed);

    model.removeConnection(b);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowForConnection(b), -1);
    QCOMPARE(model.rowForConnection(c), 1);
    QCOMPARE(model.connectionAt(1), c);
    // Its later events do not bring it back.
    addFrame(log, b, Direction::In, Opcode::Text, "x", 1);
    addFrame(log, a, Direction::In, Opcode::Text, "x", 1);
    QCoreApplication::processEvents();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cell(model, 0, ConnectionListModel::FramesInColumn), QStringLiteral("1"));
}

void TestConnectionListModel::existingLogAtConstruction()
{
    EventLog log;
    const quint32 a = openConnection(log, QStringLiteral("ws://a.test/"), QStringLiteral("client"));
    for (int i = 0; i < 10; ++i)
        addFrame(log, a, Direction::In, Opcode::Text, "abc", i);
    ConnectionListModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, ConnectionListModel::BytesInColumn), QStringLiteral("30"));
    // The queued appended() of the frames above must not count them twice.
    QTest::qWait(150);
    QCOMPARE(cell(model, 0, ConnectionListModel::BytesInColumn), QStringLiteral("30"));
}

QTEST_GUILESS_MAIN(TestConnectionListModel)
#include "tst_connectionlistmodel.moc"
