#include "clientconnection.h"
#include "eventlog.h"
#include "messages.h"
#include "mockserver.h"
#include "sessiondiff.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wsscope;

namespace {

QList<QJsonObject> jsonLines(const QByteArray &text)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : text.split('\n'))
        if (!line.trimmed().isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    return out;
}

QByteArray messageLine(const DataMessage &m)
{
    QJsonObject o{{QStringLiteral("type"), m.isText() ? QStringLiteral("text") : QStringLiteral("binary")},
                  {QStringLiteral("data_b64"), QString::fromLatin1(m.payload.toBase64())}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

class TestMockServer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    EventLog m_log;
    quint32 m_recorded = 0;

    // Runs tests/peers/mock_client.py against url, sending the recorded client messages.
    QList<QJsonObject> runClient(const QUrl &url, const QStringList &extra = {})
    {
        QFile send(m_dir.filePath(QStringLiteral("send.jsonl")));
        if (!send.open(QIODevice::WriteOnly))
            return {};
        for (const DataMessage &m : Messages::extract(m_log, m_recorded, Direction::Out))
            send.write(messageLine(m));
        send.close();
        QProcess client;
        client.start(QStringLiteral("/usr/bin/python3"),
                     QStringList{QStringLiteral(WSSCOPE_TEST_PEERS "/mock_client.py"),
                                 QStringLiteral("--url"), url.toString(), QStringLiteral("--send"),
                                 send.fileName(), QStringLiteral("--timeout"), QStringLiteral("10")} +
                         extra);
        // The mock lives on this thread: keep the event loop turning while the client runs.
        QDeadlineTimer deadline(20000);
        while (client.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(20);
        if (client.state() != QProcess::NotRunning) {
            client.kill();
            client.waitForFinished(2000);
        }
        const QByteArray err = client.readAllStandardError();
        if (!err.isEmpty())
            qWarning("mock_client: %s", err.constData());
        return jsonLines(client.readAllStandardOutput());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Record a live session with a script peer: a text echo, a binary message, a message sent in
        // three fragments, then the server closes with 4001 "bye".
        QProcess peer;
        peer.start(QStringLiteral("/usr/bin/python3"),
                   {QStringLiteral(WSSCOPE_TEST_PEERS "/ws_peer.py"), QStringLiteral("--port"),
                    QStringLiteral("0"), QStringLiteral("--mode"), QStringLiteral("script"),
                    QStringLiteral("--subprotocol"), QStringLiteral("chat"), QStringLiteral("--lifetime"),
                    QStringLiteral("60")});
        QVERIFY(peer.waitForStarted(5000));
        QByteArray line;
        QDeadlineTimer deadline(10000);
        while (!line.contains('\n') && !deadline.hasExpired())
            if (peer.waitForReadyRead(int(deadline.remainingTime())))
                line += peer.readAllStandardOutput();
        QVERIFY2(line.startsWith("LISTENING "), line.constData());
        const quint16 port = quint16(line.mid(10).trimmed().toUInt());

        ClientConnection client(&m_log);
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/chat").arg(port));
        options.subprotocols = {QStringLiteral("chat")};
        QSignalSpy opened(&client, &ClientConnection::opened);
        QSignalSpy closed(&client, &ClientConnection::closed);
        client.open(options);
        QVERIFY(!opened.isEmpty() || opened.wait(10000));
        m_recorded = client.connectionId();
        client.sendText(QStringLiteral("hello"));
        client.sendText(QStringLiteral("binary 00ff10"));
        client.sendText(QStringLiteral("fragments a|bb|ccc"));
        QTRY_COMPARE_WITH_TIMEOUT(Messages::extract(m_log, m_recorded, Direction::In).size(), 3, 5000);
        client.sendText(QStringLiteral("close 4001 bye"));
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 5000); // may come before a wait() would start
        QCOMPARE(closed.at(0).at(0).toInt(), 4001);
        peer.closeWriteChannel();
        peer.waitForFinished(5000);

        const QList<DataMessage> in = Messages::extract(m_log, m_recorded, Direction::In);
        QCOMPARE(in.at(1).payload, QByteArray::fromHex("00ff10"));
        QCOMPARE(in.at(2).payload, QByteArray("abbccc"));
        QVERIFY(in.at(2).frameCount > 1);
    }

    void servesTheRecordedServerSide()
    {
        EventLog mockLog;
        MockServer mock(&mockLog);
        QVERIFY2(mock.load(m_log, m_recorded), qPrintable(mock.errorString()));
        QCOMPARE(mock.serverMessageCount(), 3);
        QCOMPARE(mock.subprotocol(), QStringLiteral("chat"));
        mock.setOnce(true);
        QVERIFY(mock.listen(0));
        QVERIFY(mock.port() != 0);
        QCOMPARE(mock.url().path(), QStringLiteral("/chat"));
        QSignalSpy finished(&mock, &MockServer::finished);

        const QList<QJsonObject> events =
            runClient(mock.url(), {QStringLiteral("--subprotocol"), QStringLiteral("chat")});
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.first().value(QStringLiteral("event")).toString(), QStringLiteral("connected"));
        QCOMPARE(events.first().value(QStringLiteral("subprotocol")).toString(), QStringLiteral("chat"));

        // Exactly the recorded server messages: order, count, type and bytes.
        const QList<DataMessage> recorded = Messages::extract(m_log, m_recorded, Direction::In);
        QList<QJsonObject> received;
        for (const QJsonObject &e : events)
            if (e.value(QStringLiteral("event")).toString() == QLatin1String("received"))
                received.append(e);
        QCOMPARE(received.size(), recorded.size());
        for (int i = 0; i < received.size(); ++i) {
            QCOMPARE(received.at(i).value(QStringLiteral("type")).toString(),
                     recorded.at(i).isText() ? QStringLiteral("text") : QStringLiteral("binary"));
            QCOMPARE(QByteArray::fromBase64(
                         received.at(i).value(QStringLiteral("data_b64")).toString().toLatin1()),
                     recorded.at(i).payload);
        }
        // Then closed as the server did in the recording.
        QCOMPARE(events.last().value(QStringLiteral("event")).toString(), QStringLiteral("closed"));
        QCOMPARE(events.last().value(QStringLiteral("code")).toInt(), 4001);
        QCOMPARE(events.last().value(QStringLiteral("reason")).toString(), QStringLiteral("bye"));

        // Once mode: the mock stops after its client.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QVERIFY(!mock.isListening());

        // The mock's traffic is a live connection of its own, message for message like the recording.
        QCOMPARE(mockLog.connectionCount(), 1);
        const ConnectionRecord c = mockLog.connections().first();
        QCOMPARE(c.details.value(QStringLiteral("source")).toString(), QStringLiteral("mock"));
        QTRY_VERIFY_WITH_TIMEOUT(!Messages::extract(mockLog, c.id, Direction::Out).isEmpty(), 2000);
        const SessionDiff diff = SessionDiff::compare(m_log, m_recorded, mockLog, c.id);
        QVERIFY2(diff.identical(),
                 qPrintable(diff.entries().isEmpty() ? QString() : diff.entries().first().description));
        QCOMPARE(diff.summary().same, 7);
        bool closeRecorded = false;
        for (qsizetype i = 0; i < mockLog.size(); ++i)
            if (mockLog.at(i).kind == EventKind::Close)
                closeRecorded = mockLog.details(i).value(QStringLiteral("code")).toInt() == 4001 &&
                                mockLog.details(i).value(QStringLiteral("initiator")).toString() == "server";
        QVERIFY(closeRecorded);
    }

    void waitsForTheClientMessages()
    {
        // A client that sends nothing gets only the server messages that came before any client
        // message in the recording: none here, and no close.
        EventLog mockLog;
        MockServer mock(&mockLog);
        QVERIFY(mock.load(m_log, m_recorded));
        QVERIFY(mock.listen(0));
        QFile empty(m_dir.filePath(QStringLiteral("empty.jsonl")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QProcess client;
        client.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(WSSCOPE_TEST_PEERS "/mock_client.py"), QStringLiteral("--url"),
                      mock.url().toString(), QStringLiteral("--timeout"), QStringLiteral("1")});
        QDeadlineTimer deadline(15000);
        while (client.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(20);
        const QList<QJsonObject> events = jsonLines(client.readAllStandardOutput());
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).value(QStringLiteral("event")).toString(), QStringLiteral("connected"));
        QCOMPARE(events.at(1).value(QStringLiteral("event")).toString(), QStringLiteral("timeout"));
    }

    void loadRefusesUnknownConnection()
    {
        MockServer mock(&m_log);
        QVERIFY(!mock.load(m_log, 4242));
        QVERIFY(!mock.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMockServer)
#include "tst_mockserver.moc"
