// Drives wsscope replay, mock, diff, export and import as a CI script would, on a session recorded by
// wsscope record against a real python3-websockets peer on 127.0.0.1.
#include "eventlog.h"
#include "messages.h"
#include "peerprocess.h"
#include "sessionreader.h"
#include "wsscoperun.h"

#include <QByteArray>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace wsscope;
using namespace wsscope::test;

namespace {

using Peer = PeerProcess;

// wsscope mock running beside the test; killed if a test leaves it behind.
class MockProcess
{
public:
    bool start(const QStringList &args)
    {
        m_process.setProcessEnvironment(utf8Environment());
        m_process.start(QStringLiteral(WSSCOPE_EXE), QStringList{QStringLiteral("mock")} + args);
        if (!m_process.waitForStarted(10000))
            return false;
        QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired()) {
            if (m_process.canReadLine()) {
                const QByteArray line = m_process.readLine().trimmed();
                if (line.startsWith("LISTENING ")) {
                    m_url = QString::fromUtf8(line.mid(10));
                    return true;
                }
            }
            if (m_process.state() == QProcess::NotRunning)
                return false;
            m_process.waitForReadyRead(100);
        }
        return false;
    }
    ~MockProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
    QProcess &process() { return m_process; }
    QString url() const { return m_url; }

private:
    QProcess m_process;
    QString m_url;
};

QList<QJsonObject> jsonLines(const QByteArray &text)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : text.split('\n'))
        if (!line.trimmed().isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

int lineCount(const QByteArray &data)
{
    return int(data.count('\n'));
}

} // namespace

class TestSessionCommands : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Peer> m_peer;
    QString m_original;
    bool m_havePeer = false;

    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(WSSCOPE_EXE)), WSSCOPE_EXE);
        QVERIFY(m_dir.isValid());
        // Bad-input rows that fail before the file is read name it even without a recording.
        m_original = path("original.wsscope");
        if (!PeerProcess::unavailableReason().isEmpty())
            return;
        m_peer = std::make_unique<Peer>();
        QVERIFY(m_peer->start({QStringLiteral("--mode"), QStringLiteral("echo")}));
        m_havePeer = true;
        const Run run = runWsscope(
            {QStringLiteral("record"), QStringLiteral("ws://127.0.0.1:%1/echo").arg(m_peer->port()),
             QStringLiteral("--out"), m_original, QStringLiteral("--send"),
             QStringLiteral("{\"id\":1,\"ts\":123}"), QStringLiteral("--send"),
             QStringLiteral("hello, \"you\""), QStringLiteral("--send-binary"), QStringLiteral("00ff10")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    }

    void replayAsFastThenDiffIsSame()
    {
        if (!m_havePeer)
            QSKIP("python3-websockets is not installed");
        const QString replay = path("replay.wsscope");
        const Run run = runWsscope({QStringLiteral("replay"), m_original, QStringLiteral("--as-fast"),
                                    QStringLiteral("--timeout"), QStringLiteral("5000"),
                                    QStringLiteral("--out"), replay});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("Replayed 3 of 3 messages")), qPrintable(run.out));
        QCOMPARE(run.out.trimmed().count(QLatin1Char('\n')), 0); // one summary line

        // The replay went over the wire again: its file holds a live connection marked as a replay.
        EventLog log;
        SessionReader reader;
        QVERIFY2(reader.read(replay, &log), qPrintable(reader.errorString()));
        QCOMPARE(log.connectionCount(), 1);
        QVERIFY(log.connections().first().details.contains(QStringLiteral("replayOf")));
        QCOMPARE(Messages::extract(log, log.connections().first().id, Direction::In).size(), 3);

        const Run diff = runWsscope({QStringLiteral("diff"), m_original, replay});
        QVERIFY2(diff.exitCode == 0, qPrintable(diff.err + diff.out));
        QVERIFY2(diff.out.contains(QStringLiteral("same 6, changed 0, missing 0, extra 0")),
                 qPrintable(diff.out));
    }

    void replayAgainstAClosedPortFails()
    {
        if (!m_havePeer)
            QSKIP("python3-websockets is not installed");
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        const Run run = runWsscope({QStringLiteral("replay"), m_original, QStringLiteral("--url"),
                                    QStringLiteral("ws://127.0.0.1:%1/").arg(port), QStringLiteral("--out"),
                                    path("refused.wsscope")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("refused")), qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("Replayed 0 of 3")), qPrintable(run.out));
    }

    void diffShowsAHandEditedMessage()
    {
        if (!m_havePeer)
            QSKIP("python3-websockets is not installed");
        // The echo of the JSON message gets another timestamp, as a server clock would give it.
        QByteArray edited;
        int changes = 0;
        for (const QByteArray &line : readAll(m_original).split('\n')) {
            QByteArray l = line;
            if (l.contains("\"dir\":\"in\"") && l.contains("\\\"ts\\\":123")) {
                l.replace("\\\"ts\\\":123", "\\\"ts\\\":456");
                ++changes;
            }
            edited += l + '\n';
        }
        edited.chop(1);
        QCOMPARE(changes, 1);
        const QString editedPath = path("edited.wsscope");
        QVERIFY(writeAll(editedPath, edited));

        const Run diff = runWsscope({QStringLiteral("diff"), m_original, editedPath});
        QVERIFY2(diff.exitCode == 1, qPrintable(diff.err + diff.out));
        QVERIFY2(diff.out.contains(QStringLiteral("Server to client:")), qPrintable(diff.out));
        QVERIFY2(!diff.out.contains(QStringLiteral("Client to server:")), qPrintable(diff.out));
        QVERIFY2(diff.out.contains(QStringLiteral("changed")), qPrintable(diff.out));
        QVERIFY2(diff.out.contains(QStringLiteral("$.ts: 123 → 456")), qPrintable(diff.out));
        QVERIFY2(diff.out.contains(QStringLiteral("same 5, changed 1, missing 0, extra 0")),
                 qPrintable(diff.out));

        const Run ignored = runWsscope({QStringLiteral("diff"), m_original, editedPath,
                                        QStringLiteral("--ignore"), QStringLiteral("$.ts")});
        QVERIFY2(ignored.exitCode == 0, qPrintable(ignored.err + ignored.out));
        QVERIFY2(ignored.out.contains(QStringLiteral("same 6, changed 0")), qPrintable(ignored.out));

        const Run byRegex = runWsscope({QStringLiteral("diff"), m_original, editedPath,
                                        QStringLiteral("--ignore-regex"), QStringLiteral("\"ts\":\\d+")});
        QVERIFY2(byRegex.exitCode == 0, qPrintable(byRegex.err + byRegex.out));

        const Run otherPath = runWsscope({QStringLiteral("diff"), m_original, editedPath,
                                          QStringLiteral("--ignore"), QStringLiteral("$.id")});
        QCOMPARE(otherPath.exitCode, 1);
    }

    void harExportImportRoundTrip()
    {
        if (!m_havePeer)
            QSKIP("python3-websockets is not installed");
        const QString har = path("original.har");
        const Run exported = runWsscope({QStringLiteral("export"), m_original, QStringLiteral("--har"), har,
                                         QStringLiteral("--redact-header"), QStringLiteral("User-Agent")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err + exported.out));
        QVERIFY2(exported.out.contains(QStringLiteral("1 connection(s) with 6 messages")),
                 qPrintable(exported.out));
        const QJsonObject doc = QJsonDocument::fromJson(readAll(har)).object();
        QVERIFY(doc.value(QStringLiteral("log")).isObject());

        const QString imported = path("imported.wsscope");
        const Run import = runWsscope({QStringLiteral("import"), har, QStringLiteral("--out"), imported});
        QVERIFY2(import.exitCode == 0, qPrintable(import.err + import.out));
        QVERIFY2(import.out.contains(QStringLiteral("1 WebSocket connection(s) with 6 messages")),
                 qPrintable(import.out));

        const Run diff = runWsscope({QStringLiteral("diff"), m_original, imported});
        QVERIFY2(diff.exitCode == 0, qPrintable(diff.err + diff.out));
        QVERIFY2(diff.out.contains(QStringLiteral("same 6, changed 0, missing 0, extra 0")),
                 qPrintable(diff.out));
    }

    void ndjsonCsvAndPayloadFiles()
    {
        if (!m_havePeer)
            QSKIP("python3-websockets is not installed");
        const QString ndjson = path("messages.ndjson");
        Run run = runWsscope({QStringLiteral("export"), m_original, QStringLiteral("--ndjson"), ndjson,
                              QStringLiteral("--redact"), QStringLiteral("--conn"), QStringLiteral("1")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        const QByteArray lines = readAll(ndjson);
        QCOMPARE(lineCount(lines), 6);
        const QList<QJsonObject> objects = jsonLines(lines);
        QCOMPARE(objects.size(), 6);
        QCOMPARE(objects.first().value(QStringLiteral("text")).toString(),
                 QStringLiteral("{\"id\":1,\"ts\":123}"));

        const QString csv = path("messages.csv");
        run = runWsscope({QStringLiteral("export"), m_original, QStringLiteral("--csv"), csv});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        const QByteArray table = readAll(csv);
        QCOMPARE(lineCount(table), 7); // the header row and one row per message
        QVERIFY(table.startsWith("conn,time,dir,type,length,payload\r\n"));
        QVERIFY(table.contains("\"hello, \"\"you\"\"\""));

        const QString dir = path("payloads");
        run = runWsscope({QStringLiteral("export"), m_original, QStringLiteral("--payloads"), dir});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        const QStringList files = QDir(dir).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 6);
        QCOMPARE(readAll(QDir(dir).filePath(files.at(2))), QByteArray::fromHex("00ff10"));
    }

    void mockOnceServesTheRecordedServerMessages()
    {
        if (!m_havePeer)
            QSKIP("python3-websockets is not installed");
        EventLog original;
        SessionReader reader;
        QVERIFY(reader.read(m_original, &original));
        const quint32 conn = original.connections().first().id;
        QByteArray send;
        for (const DataMessage &m : Messages::extract(original, conn, Direction::Out)) {
            const QJsonObject o{
                {QStringLiteral("type"), m.isText() ? QStringLiteral("text") : QStringLiteral("binary")},
                {QStringLiteral("data_b64"), QString::fromLatin1(m.payload.toBase64())}};
            send += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        }
        const QString sendFile = path("send.jsonl");
        QVERIFY(writeAll(sendFile, send));

        const QString served = path("served.wsscope");
        MockProcess mock;
        QVERIFY(mock.start({m_original, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--once"), QStringLiteral("--out"), served}));
        QVERIFY2(mock.url().startsWith(QStringLiteral("ws://127.0.0.1:")), qPrintable(mock.url()));

        // The recording ended with the client's close, so the mock waits for one: the client's
        // timeout makes it close after reading the answers.
        QProcess client;
        client.start(PeerProcess::python(), {QStringLiteral(WSSCOPE_TEST_PEERS "/mock_client.py"),
                                             QStringLiteral("--url"), mock.url(), QStringLiteral("--send"),
                                             sendFile, QStringLiteral("--timeout"), QStringLiteral("2")});
        QVERIFY(client.waitForFinished(20000));
        const QList<QJsonObject> events = jsonLines(client.readAllStandardOutput());
        QVERIFY2(client.exitCode() == 0, client.readAllStandardError().constData());

        QList<QByteArray> received;
        for (const QJsonObject &e : events)
            if (e.value(QStringLiteral("event")).toString() == QLatin1String("received"))
                received.append(
                    QByteArray::fromBase64(e.value(QStringLiteral("data_b64")).toString().toLatin1()));
        const QList<DataMessage> recorded = Messages::extract(original, conn, Direction::In);
        QCOMPARE(received.size(), recorded.size());
        for (int i = 0; i < recorded.size(); ++i)
            QCOMPARE(received.at(i), recorded.at(i).payload);

        QVERIFY(mock.process().waitForFinished(10000));
        QCOMPARE(mock.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(mock.process().exitCode(), 0);
        const QString out = QString::fromUtf8(mock.process().readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("Sent 3 of 3 server messages")), qPrintable(out));

        // What the mock served, recorded, is the original exchange again.
        const Run diff = runWsscope({QStringLiteral("diff"), m_original, served});
        QVERIFY2(diff.exitCode == 0, qPrintable(diff.err + diff.out));
    }

    void mockStopsCleanlyOnSigterm()
    {
        if (!m_havePeer)
            QSKIP("python3-websockets is not installed");
        const QString served = path("idle.wsscope");
        MockProcess mock;
        QVERIFY(mock.start({m_original, QStringLiteral("--listen"), QStringLiteral("localhost:0"),
                            QStringLiteral("--out"), served}));
        mock.process().terminate();
        QVERIFY(mock.process().waitForFinished(10000));
        QCOMPARE(mock.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(mock.process().exitCode(), 0);
        const QString out = QString::fromUtf8(mock.process().readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("served 0 client(s)")), qPrintable(out));
        // The file was finished: a header and nothing half-written.
        EventLog log;
        SessionReader reader;
        QVERIFY2(reader.read(served, &log), qPrintable(reader.errorString()));
        QCOMPARE(reader.problemCount(), 0);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected"); // part of the one-sentence error
        QTest::addColumn<bool>("needsSession");

        const QString missing = QStringLiteral("/nonexistent/none.wsscope");
        const QString corrupt = m_dir.filePath(QStringLiteral("corrupt.wsscope"));
        writeAll(corrupt, "this is not a session\n{\"type\":\"frame\"}\n");
        const QString s = m_original;
        const QString x = m_dir.filePath(QStringLiteral("x.out"));
        auto row = [](const char *name, const QStringList &args, const char *expected, bool needsSession) {
            QTest::newRow(name) << args << QString::fromUtf8(expected) << needsSession;
        };
        row("replay missing file", {"replay", missing, "--out", x}, "does not exist", false);
        row("diff missing file", {"diff", missing, missing}, "does not exist", false);
        row("export missing file", {"export", missing, "--csv", x}, "does not exist", false);
        row("mock missing file", {"mock", missing, "--listen", "127.0.0.1:0"}, "does not exist", false);
        row("replay corrupt session", {"replay", corrupt, "--out", x}, "not a WsScope session", false);
        row("diff corrupt session", {"diff", corrupt, corrupt}, "not a WsScope session", false);
        row("export corrupt session", {"export", corrupt, "--ndjson", x}, "not a WsScope session", false);
        row("import no websocket", {"import", WSSCOPE_TEST_DATA "/har/no_websocket.har", "--out", x},
            "no WebSocket connections", false);
        row("import truncated", {"import", WSSCOPE_TEST_DATA "/har/truncated.har", "--out", x},
            "line 28, column", false);
        row("import missing", {"import", missing, "--out", x}, "does not exist", false);
        row("import without out", {"import", WSSCOPE_TEST_DATA "/har/chrome_websocket.har"}, "--out", false);
        row("replay unknown option", {"replay", s, "--out", x, "--frobnicate"}, "Unknown option --frobnicate",
            false);
        row("mock unknown option", {"mock", s, "--listen", "127.0.0.1:0", "--bogus"}, "Unknown option",
            false);
        row("diff unknown option", {"diff", s, s, "--bogus"}, "Unknown option", false);
        row("export unknown option", {"export", s, "--har", x, "--bogus"}, "Unknown option", false);
        row("import unknown option", {"import", x, "--bogus"}, "Unknown option", false);
        row("replay without out", {"replay", s}, "--out", false);
        row("replay two timings", {"replay", s, "--as-fast", "--original", "--out", x}, "Choose one", false);
        row("replay bad speed", {"replay", s, "--speed", "0", "--out", x}, "--speed", false);
        row("replay bad url", {"replay", s, "--url", "http://127.0.0.1/", "--out", x}, "not a WebSocket URL",
            false);
        row("replay no such connection", {"replay", s, "--conn", "9", "--out", x}, "no connection 9", true);
        row("diff one file", {"diff", s}, "two session files", false);
        row("diff bad path", {"diff", s, s, "--ignore", "ts"}, "not a valid path", true);
        row("diff bad regex", {"diff", s, s, "--ignore-regex", "(unclosed"}, "not a valid regular expression",
            true);
        row("export two formats", {"export", s, "--har", x, "--csv", x}, "one of --har", false);
        row("export redact both ways", {"export", s, "--har", x, "--redact", "--no-redact"}, "contradict",
            false);
        row("mock remote address", {"mock", s, "--listen", "192.0.2.1:0"}, "--allow-remote", false);
        row("mock bad listen", {"mock", s, "--listen", "127.0.0.1"}, "--listen takes", false);
        row("mock no listen", {"mock", s}, "--listen", false);
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        QFETCH(bool, needsSession);
        if (needsSession && !m_havePeer)
            QSKIP("python3-websockets is not installed");
        const Run run = runWsscope(args, 20000);
        QVERIFY2(run.exitCode == 2, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY2(run.err.startsWith(QStringLiteral("wsscope: ")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestSessionCommands)
#include "tst_sessioncommands.moc"
