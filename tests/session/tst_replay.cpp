#include "clientconnection.h"
#include "eventlog.h"
#include "messages.h"
#include "replayer.h"
#include "sessiondiff.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wsscope;

namespace {

// A python3-websockets server on 127.0.0.1 (tests/peers/ws_peer.py); gone with the test.
struct Peer
{
    QProcess process;
    quint16 port = 0;

    bool start(const QStringList &args)
    {
        process.start(QStringLiteral("/usr/bin/python3"),
                      QStringList{QStringLiteral(WSSCOPE_TEST_PEERS "/ws_peer.py"), QStringLiteral("--port"),
                                  QStringLiteral("0"), QStringLiteral("--lifetime"), QStringLiteral("120")} +
                          args);
        if (!process.waitForStarted(5000))
            return false;
        QByteArray line;
        QDeadlineTimer deadline(10000);
        while (!line.contains('\n') && !deadline.hasExpired())
            if (process.waitForReadyRead(int(deadline.remainingTime())))
                line += process.readAllStandardOutput();
        if (!line.startsWith("LISTENING "))
            return false;
        port = quint16(line.mid(10).trimmed().toUInt());
        return port != 0;
    }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/feed?x=1").arg(port)); }
    ~Peer()
    {
        process.closeWriteChannel(); // the peer exits when its stdin closes
        if (!process.waitForFinished(5000))
            process.kill();
        process.waitForFinished(2000);
    }
};

QList<QJsonObject> readJsonLines(const QString &path)
{
    QList<QJsonObject> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    return out;
}

const QByteArray Binary("\x00\x01\xfe\xff", 4);

} // namespace

class TestReplay : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Peer m_echo;
    QString m_echoLog;
    EventLog m_log;
    quint32 m_recorded = 0;

    // Runs a replay into m_log to its end and returns the replay's connection number.
    quint32 replay(Replayer &r, bool expectOk = true, int timeoutMs = 15000)
    {
        QSignalSpy finished(&r, &Replayer::finished);
        r.start();
        if (finished.isEmpty() && !finished.wait(timeoutMs)) {
            qWarning("the replay did not finish in time");
            return 0;
        }
        if (finished.at(0).at(0).toBool() != expectOk)
            qWarning("replay finished with %s", qPrintable(finished.at(0).at(1).toString()));
        return finished.at(0).at(0).toBool() == expectOk ? r.connectionId() : 0;
    }

    static qint64 clientSpanMs(const EventLog &log, quint32 conn)
    {
        const QList<DataMessage> out = Messages::extract(log, conn, Direction::Out);
        return out.isEmpty() ? -1 : (out.last().firstTimeNs - out.first().firstTimeNs) / 1000000;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_echoLog = m_dir.filePath(QStringLiteral("echo.jsonl"));
        QVERIFY(
            m_echo.start({QStringLiteral("--mode"), QStringLiteral("echo"), QStringLiteral("--subprotocol"),
                          QStringLiteral("chat"), QStringLiteral("--log"), m_echoLog}));

        // Record a live session first: four client messages 300 ms apart, echoed by the peer.
        ClientConnection client(&m_log);
        ConnectionOptions options;
        options.url = m_echo.url();
        options.headers = {{"X-Test", "kept"}, {"Authorization", "[redacted]"}};
        options.subprotocols = {QStringLiteral("chat")};
        QSignalSpy opened(&client, &ClientConnection::opened);
        client.open(options);
        QVERIFY(!opened.isEmpty() || opened.wait(10000));
        m_recorded = client.connectionId();
        client.sendText(QStringLiteral("ping x"));
        QTest::qWait(300);
        client.sendText(QStringLiteral(R"({"n":1,"items":[1,2]})"));
        QTest::qWait(300);
        client.sendBinary(Binary);
        QTest::qWait(300);
        client.sendText(QStringLiteral("last"));
        QTRY_COMPARE_WITH_TIMEOUT(Messages::extract(m_log, m_recorded, Direction::In).size(), 4, 5000);
        QSignalSpy closed(&client, &ClientConnection::closed);
        client.close(4000, QStringLiteral("done"));
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 5000); // may come before a wait() would start
        QCOMPARE(Messages::extract(m_log, m_recorded, Direction::Out).size(), 4);
    }

    void loadBuildsOptionsFromTheHandshake()
    {
        Replayer r(&m_log);
        QVERIFY(r.load(m_log, m_recorded));
        QCOMPARE(r.total(), 4);
        QCOMPARE(r.targetUrl(), m_echo.url());
        QCOMPARE(r.connectionOptions().subprotocols, QStringList{QStringLiteral("chat")});
        bool haveTest = false;
        for (const auto &h : r.connectionOptions().headers) {
            QVERIFY2(!Replayer::isHandshakeHeader(h.first), h.first.constData());
            QVERIFY(h.first.toLower() != "authorization");
            haveTest = haveTest || (h.first == "X-Test" && h.second == "kept");
        }
        QVERIFY(haveTest);
        QVERIFY(!r.load(m_log, 9999));
        QVERIFY(!r.errorString().isEmpty());
    }

    void asFastReplayDiffsEqualToTheRecording()
    {
        Replayer r(&m_log);
        QVERIFY(r.load(m_log, m_recorded));
        r.setTiming(Replayer::Timing::AsFastAsPossible);
        QSignalSpy progress(&r, &Replayer::progress);
        const quint32 conn = replay(r);
        QVERIFY(conn != 0 && conn != m_recorded);
        QCOMPARE(progress.last().at(0).toInt(), 4);
        QCOMPARE(m_log.connection(conn)
                     .details.value(QStringLiteral("replayOf"))
                     .toObject()
                     .value(QStringLiteral("conn"))
                     .toInt(),
                 int(m_recorded));

        const SessionDiff diff = SessionDiff::compare(m_log, m_recorded, m_log, conn);
        QVERIFY2(diff.identical(),
                 qPrintable(diff.entries().isEmpty() ? QString() : diff.entries().first().description));
        QCOMPARE(diff.summary().same, 8);
        QVERIFY2(clientSpanMs(m_log, conn) < 400, qPrintable(QString::number(clientSpanMs(m_log, conn))));

        // The server saw the recorded request again: same extra header and subprotocol, no
        // redacted value, the client's close code.
        const QList<QJsonObject> events = readJsonLines(m_echoLog);
        QJsonObject connected;
        int lastConn = 0;
        for (const QJsonObject &e : events)
            if (e.value(QStringLiteral("event")).toString() == QLatin1String("connected"))
                connected = e, lastConn = e.value(QStringLiteral("conn")).toInt();
        QCOMPARE(connected.value(QStringLiteral("subprotocol")).toString(), QStringLiteral("chat"));
        QCOMPARE(connected.value(QStringLiteral("path")).toString(), QStringLiteral("/feed?x=1"));
        bool haveTest = false;
        for (const QJsonValue &h : connected.value(QStringLiteral("request_headers")).toArray()) {
            const QString name = h.toArray().at(0).toString().toLower();
            QVERIFY(name != QLatin1String("authorization"));
            haveTest =
                haveTest || (name == QLatin1String("x-test") && h.toArray().at(1).toString() == "kept");
        }
        QVERIFY(haveTest);
        bool closeSeen = false;
        for (const QJsonObject &e : events)
            if (e.value(QStringLiteral("conn")).toInt() == lastConn &&
                e.value(QStringLiteral("event")).toString() == QLatin1String("close_received"))
                closeSeen = e.value(QStringLiteral("code")).toInt() == 4000 &&
                            e.value(QStringLiteral("reason")).toString() == QLatin1String("done");
        QVERIFY(closeSeen);
    }

    void originalTimingKeepsTheGaps()
    {
        Replayer original(&m_log);
        QVERIFY(original.load(m_log, m_recorded));
        original.setTiming(Replayer::Timing::Original);
        const quint32 a = replay(original);
        QVERIFY(a != 0);
        const qint64 recordedSpan = clientSpanMs(m_log, m_recorded);
        QVERIFY(recordedSpan >= 850);
        QVERIFY2(clientSpanMs(m_log, a) >= recordedSpan - 100,
                 qPrintable(QStringLiteral("%1 vs %2").arg(clientSpanMs(m_log, a)).arg(recordedSpan)));

        Replayer faster(&m_log);
        QVERIFY(faster.load(m_log, m_recorded));
        faster.setTiming(Replayer::Timing::Speed);
        faster.setSpeed(3.0);
        const quint32 b = replay(faster);
        QVERIFY(b != 0);
        const qint64 span = clientSpanMs(m_log, b);
        QVERIFY2(span >= recordedSpan / 3 - 60 && span < recordedSpan * 2 / 3,
                 qPrintable(QString::number(span)));
        QVERIFY(SessionDiff::compare(m_log, m_recorded, m_log, b).identical());
    }

    void waitForResponsesKeepsTheOrder()
    {
        Replayer r(&m_log);
        QVERIFY(r.load(m_log, m_recorded));
        r.setTiming(Replayer::Timing::WaitForResponses);
        QSignalSpy timeouts(&r, &Replayer::waitTimedOut);
        const quint32 conn = replay(r);
        QVERIFY(conn != 0);
        QCOMPARE(timeouts.size(), 0);
        // As recorded: each client message after the echo of the one before.
        const QList<DataMessage> out = Messages::extract(m_log, conn, Direction::Out);
        const QList<DataMessage> in = Messages::extract(m_log, conn, Direction::In);
        QCOMPARE(out.size(), 4);
        QCOMPARE(in.size(), 4);
        for (int i = 1; i < 4; ++i)
            QVERIFY(in.at(i - 1).lastEvent < out.at(i).firstEvent);
    }

    void waitForResponsesTimesOutAndGoesOn()
    {
        // The script peer answers "ping x" with a ping, not a message: the wait for the echo the
        // recording saw times out, and the replay goes on.
        Peer script;
        QVERIFY(script.start({QStringLiteral("--mode"), QStringLiteral("script"),
                              QStringLiteral("--subprotocol"), QStringLiteral("chat")}));
        Replayer r(&m_log);
        QVERIFY(r.load(m_log, m_recorded));
        r.setTargetUrl(script.url());
        r.setTiming(Replayer::Timing::WaitForResponses);
        r.setResponseTimeoutMs(300);
        QSignalSpy timeouts(&r, &Replayer::waitTimedOut);
        const quint32 conn = replay(r, false);
        QVERIFY(conn != 0);
        QVERIFY(timeouts.size() >= 1);
        QCOMPARE(timeouts.at(0).at(0).toInt(), 1); // message 1 waited for 1 server message, got 0
        QCOMPARE(timeouts.at(0).at(1).toInt(), 1);
        QCOMPARE(timeouts.at(0).at(2).toInt(), 0);
        QCOMPARE(r.sent(), 4);
        QCOMPARE(Messages::extract(m_log, conn, Direction::Out).size(), 4);
    }

    void stepByStep()
    {
        Replayer r(&m_log);
        QVERIFY(r.load(m_log, m_recorded));
        r.setTiming(Replayer::Timing::StepByStep);
        QSignalSpy progress(&r, &Replayer::progress);
        QSignalSpy finished(&r, &Replayer::finished);
        r.start();
        QTRY_COMPARE_WITH_TIMEOUT(progress.size(), 1, 10000); // (0, 4) once open
        QTest::qWait(300);
        QCOMPARE(r.sent(), 0);
        for (int i = 1; i <= 4; ++i) {
            r.sendNext();
            QCOMPARE(r.sent(), i);
            QCOMPARE(progress.last().at(0).toInt(), i);
        }
        QVERIFY(!finished.isEmpty() || finished.wait(10000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QVERIFY(SessionDiff::compare(m_log, m_recorded, m_log, r.connectionId()).identical());
    }

    void redactedValues()
    {
        QVERIFY(Replayer::isRedactedValue("[redacted]"));
        QVERIFY(Replayer::isRedactedValue(" *** "));
        QVERIFY(Replayer::isRedactedValue("\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2"));
        QVERIFY(!Replayer::isRedactedValue("Bearer abc"));
        QVERIFY(Replayer::isHandshakeHeader("Sec-WebSocket-Key"));
        QVERIFY(!Replayer::isHandshakeHeader("Cookie"));
    }
};

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
