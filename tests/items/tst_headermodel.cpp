#include "eventlog.h"
#include "headermodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTest>

using namespace wsscope;

class TestHeaderModel : public QObject
{
    Q_OBJECT

private slots:
    void fromHeaderList();
    void fromHandshakeEvent();
};

void TestHeaderModel::fromHeaderList()
{
    HeaderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setHeaders({{"Upgrade", "websocket"},
                      {"Sec-WebSocket-Extensions", "permessage-deflate"},
                      {"sec-websocket-extensions", "x-custom"},
                      {"X-Name", "caf\xc3\xa9"}});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(1, HeaderModel::NameColumn).data().toString(),
             QStringLiteral("Sec-WebSocket-Extensions"));
    QCOMPARE(model.index(2, HeaderModel::ValueColumn).data().toString(), QStringLiteral("x-custom"));
    QCOMPARE(model.index(3, HeaderModel::ValueColumn).data().toString(), QStringLiteral("caf\u00e9"));
    QCOMPARE(model.rowsNamed("SEC-WEBSOCKET-EXTENSIONS"), (QList<int>{1, 2}));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Header"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestHeaderModel::fromHandshakeEvent()
{
    EventLog log;
    const quint32 conn =
        log.connectionOpened(0, QJsonObject{{QStringLiteral("url"), QStringLiteral("ws://h.test/")}});
    const QJsonArray headers{QJsonArray{QStringLiteral("Upgrade"), QStringLiteral("websocket")},
                             QJsonArray{QStringLiteral("Connection"), QStringLiteral("Upgrade")}};
    log.eventCaptured(conn, EventKind::Handshake, Direction::In, 1,
                      QJsonObject{{QStringLiteral("status"), 101}, {QStringLiteral("headers"), headers}});
    FrameInfo f;
    f.opcode = Opcode::Text;
    log.frameCaptured(conn, Direction::In, f, "x");

    HeaderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setHandshakeEvent(&log, 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, HeaderModel::NameColumn).data().toString(), QStringLiteral("Connection"));
    QCOMPARE(model.headers().at(0).second, QByteArray("websocket"));
    model.setHandshakeEvent(&log, 2); // a frame: nothing to show
    QCOMPARE(model.rowCount(), 0);
    // The object form of a header list is read as well.
    model.setDetails(
        QJsonObject{{QStringLiteral("headers"),
                     QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Host")},
                                            {QStringLiteral("value"), QStringLiteral("h.test")}}}}});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, HeaderModel::ValueColumn).data().toString(), QStringLiteral("h.test"));
}

QTEST_GUILESS_MAIN(TestHeaderModel)
#include "tst_headermodel.moc"
