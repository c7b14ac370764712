#include "eventlog.h"
#include "itemroles.h"
#include "pingmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace wsscope;

namespace {

constexpr qint64 Ms = 1'000'000;

quint32 openConnection(EventLog &log)
{
    return log.connectionOpened(0, QJsonObject{{QStringLiteral("url"), QStringLiteral("ws://ping.test/")},
                                               {QStringLiteral("source"), QStringLiteral("client")}});
}

void addFrame(EventLog &log, quint32 conn, Direction dir, quint8 opcode, const QByteArray &payload,
              qint64 timeNs)
{
    FrameInfo f;
    f.timeNs = timeNs;
    f.payloadLength = quint64(payload.size());
    f.opcode = opcode;
    f.fin = true;
    f.masked = dir == Direction::Out;
    f.maskKey = f.masked ? 0xdeadbeef : 0;
    log.frameCaptured(conn, dir, f, payload);
}

QString cell(const PingModel &m, int row, int column)
{
    return m.index(row, column).data().toString();
}

} // namespace

class TestPingModel : public QObject
{
    Q_OBJECT

private slots:
    void matching();
    void batchesUpdateRows();
    void samePayloadInOrder();
    void statsEmpty();
};

void TestPingModel::matching()
{
    EventLog log;
    const quint32 conn = openConnection(log);
    const quint32 other = openConnection(log);
    addFrame(log, conn, Direction::Out, Opcode::Ping, "p1", 1 * Ms);
    addFrame(log, conn, Direction::Out, Opcode::Ping, "p2", 2 * Ms);
    addFrame(log, other, Direction::In, Opcode::Pong, "p1", 3 * Ms); // another connection: ignored
    addFrame(log, conn, Direction::In, Opcode::Pong, "p1", 11 * Ms);
    addFrame(log, conn, Direction::In, Opcode::Text, "p2", 12 * Ms); // not a pong
    addFrame(log, conn, Direction::In, Opcode::Pong, "p2", 22 * Ms);
    // The server pings, we answer: shown too, with the answer time.
    addFrame(log, conn, Direction::In, Opcode::Ping, "s1", 30 * Ms);
    addFrame(log, conn, Direction::Out, Opcode::Pong, "s1", 30 * Ms + 500'000);
    // A heartbeat pong that answers nothing (§5.5.3 allows unsolicited pongs).
    addFrame(log, conn, Direction::In, Opcode::Pong, "hb", 40 * Ms);
    // The server answers only the most recent of two pings: the first will not be answered.
    addFrame(log, conn, Direction::Out, Opcode::Ping, "a", 50 * Ms);
    addFrame(log, conn, Direction::Out, Opcode::Ping, "b", 51 * Ms);
    addFrame(log, conn, Direction::In, Opcode::Pong, "b", 60 * Ms);
    addFrame(log, conn, Direction::Out, Opcode::Ping, QByteArray("\x00\x01", 2), 70 * Ms);

    PingModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(conn);
    QCOMPARE(model.rowCount(), 7);
    auto row = [&](int r) {
        QStringList cells;
        for (int c = 0; c < PingModel::ColumnCount; ++c)
            cells << cell(model, r, c);
        return cells;
    };
    const QString out = QStringLiteral("\u2192"), in = QStringLiteral("\u2190");
    QCOMPARE(row(0), (QStringList{out, "1.000", "p1", "10.000", "Answered"}));
    QCOMPARE(row(1), (QStringList{out, "2.000", "p2", "20.000", "Answered"}));
    QCOMPARE(row(2), (QStringList{in, "30.000", "s1", "0.500", "Answered"}));
    QCOMPARE(row(3), (QStringList{in, "40.000", "hb", "", "Unsolicited pong"}));
    QCOMPARE(row(4), (QStringList{out, "50.000", "a", "", "Lost"}));
    QCOMPARE(row(5), (QStringList{out, "51.000", "b", "9.000", "Answered"}));
    QCOMPARE(row(6), (QStringList{out, "70.000", "00 01", "", "Pending"}));

    QCOMPARE(model.index(2, 0).data(DirectionRole).toInt(), int(Direction::In));
    QCOMPARE(model.index(3, 0).data(OpcodeRole).toInt(), int(Opcode::Pong));
    QCOMPARE(model.index(0, 0).data(RttNsRole).toLongLong(), 10 * Ms);
    QCOMPARE(model.index(4, 0).data(PingStatusRole).toInt(), int(PingModel::Status::Lost));
    QCOMPARE(model.index(6, 0).data(PayloadRole).toByteArray(), QByteArray("\x00\x01", 2));
    QCOMPARE(model.row(5).pongIndex, model.row(5).pingIndex + 1);

    PingModel::Stats s = model.stats();
    QCOMPARE(s.pings, 5);
    QCOMPARE(s.answered, 3);
    QCOMPARE(s.lost, 1);
    QCOMPARE(s.pending, 1);
    QCOMPARE(s.minMs, 9.0);
    QCOMPARE(s.maxMs, 20.0);
    QCOMPARE(s.avgMs, 13.0);
    QCOMPARE(s.p95Ms, 20.0);
    s = model.stats(Direction::In);
    QCOMPARE(s.pings, 1);
    QCOMPARE(s.answered, 1);
    QCOMPARE(s.avgMs, 0.5);

    // The end of the connection settles pending pings.
    model.setFlushInterval(0);
    log.eventCaptured(conn, EventKind::Close, Direction::Out, 80 * Ms,
                      QJsonObject{{QStringLiteral("code"), 1000}});
    QCoreApplication::processEvents();
    QCOMPARE(cell(model, 6, PingModel::StatusColumn), QStringLiteral("Lost"));
    QCOMPARE(model.stats().lost, 2);
    QCOMPARE(model.stats().pending, 0);
}

void TestPingModel::batchesUpdateRows()
{
    EventLog log;
    const quint32 conn = openConnection(log);
    PingModel model(&log);
    model.setFlushInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(conn);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    for (int i = 0; i < 5; ++i)
        addFrame(log, conn, Direction::Out, Opcode::Ping, QByteArray::number(i), i * Ms);
    QCoreApplication::processEvents();
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.last().at(2).toInt(), 4);
    QCOMPARE(changed.size(), 0);
    // Answers to rows 1 and 3 plus two new pings, one of them answered in the same batch.
    addFrame(log, conn, Direction::In, Opcode::Pong, "1", 10 * Ms);
    addFrame(log, conn, Direction::Out, Opcode::Ping, "5", 11 * Ms);
    addFrame(log, conn, Direction::In, Opcode::Pong, "3", 12 * Ms);
    addFrame(log, conn, Direction::Out, Opcode::Ping, "6", 13 * Ms);
    addFrame(log, conn, Direction::In, Opcode::Pong, "6", 15 * Ms);
    QCoreApplication::processEvents();
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.last().at(1).toInt(), 5);
    QCOMPARE(inserted.last().at(2).toInt(), 6);
    // One signal for rows 0..4: 1 and 3 answered; 0, 2 and 4 were skipped by later answers.
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.last().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.last().at(1).toModelIndex().row(), 4);
    QCOMPARE(cell(model, 1, PingModel::RttColumn), QStringLiteral("9.000"));
    QCOMPARE(cell(model, 3, PingModel::RttColumn), QStringLiteral("9.000"));
    QCOMPARE(cell(model, 6, PingModel::RttColumn), QStringLiteral("2.000"));
    QCOMPARE(cell(model, 5, PingModel::StatusColumn), QStringLiteral("Lost"));
    QCOMPARE(cell(model, 4, PingModel::StatusColumn), QStringLiteral("Lost"));
    QCOMPARE(cell(model, 2, PingModel::StatusColumn), QStringLiteral("Lost"));
    QCOMPARE(cell(model, 1, PingModel::StatusColumn), QStringLiteral("Answered"));

    // Switching connections rebuilds from the log.
    const quint32 other = openConnection(log);
    addFrame(log, other, Direction::Out, Opcode::Ping, "x", 1 * Ms);
    QCoreApplication::processEvents();
    model.setConnection(other);
    QCOMPARE(model.rowCount(), 1);
    model.setConnection(conn);
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(cell(model, 6, PingModel::RttColumn), QStringLiteral("2.000"));
}

void TestPingModel::samePayloadInOrder()
{
    // Empty payloads are common (QWebSocket::ping() without argument): pongs answer in order.
    EventLog log;
    const quint32 conn = openConnection(log);
    addFrame(log, conn, Direction::Out, Opcode::Ping, QByteArray(), 0);
    addFrame(log, conn, Direction::Out, Opcode::Ping, QByteArray(), 5 * Ms);
    addFrame(log, conn, Direction::In, Opcode::Pong, QByteArray(), 7 * Ms);
    addFrame(log, conn, Direction::In, Opcode::Pong, QByteArray(), 8 * Ms);
    addFrame(log, conn, Direction::In, Opcode::Pong, QByteArray(), 9 * Ms);
    PingModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(conn);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.row(0).rttNs, 7 * Ms);
    QCOMPARE(model.row(1).rttNs, 3 * Ms);
    QCOMPARE(model.row(2).status, PingModel::Status::Unsolicited);
}

void TestPingModel::statsEmpty()
{
    EventLog log;
    const quint32 conn = openConnection(log);
    PingModel model(&log);
    model.setConnection(conn);
    const PingModel::Stats s = model.stats();
    QCOMPARE(s.pings, 0);
    QCOMPARE(s.answered, 0);
    QCOMPARE(s.maxMs, 0.0);
    // p95 uses the nearest rank: with 20 samples of 1..20 ms it is the 19th.
    for (int i = 1; i <= 20; ++i) {
        addFrame(log, conn, Direction::Out, Opcode::Ping, QByteArray::number(i), i * 100 * Ms);
        addFrame(log, conn, Direction::In, Opcode::Pong, QByteArray::number(i), i * 100 * Ms + i * Ms);
    }
    model.flush();
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.stats().p95Ms, 19.0);
    QCOMPARE(model.stats().avgMs, 10.5);
}

QTEST_GUILESS_MAIN(TestPingModel)
#include "tst_pingmodel.moc"
