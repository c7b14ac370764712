#include "clientconnection.h"
#include "composer.h"
#include "connectionlistmodel.h"
#include "eventlog.h"
#include "exportdialog.h"
#include "harimport.h"
#include "mainwindow.h"
#include "messageexport.h"
#include "recovery.h"
#include "sessionfiles.h"
#include "sessionwriter.h"
#include "timelinemodel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QLockFile>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace wsscope;

// Echoes text and binary messages on loopback.
class EchoServer : public QObject
{
    Q_OBJECT
public:
    EchoServer() : m_server(QStringLiteral("tst_sessionfiles"), QWebSocketServer::NonSecureMode)
    {
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QWebSocket::textMessageReceived, socket,
                        [socket](const QString &text) { socket->sendTextMessage(text); });
                connect(socket, &QWebSocket::binaryMessageReceived, socket,
                        [socket](const QByteArray &data) { socket->sendBinaryMessage(data); });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &query = QString()) const
    {
        QUrl u(QStringLiteral("ws://127.0.0.1:%1/echo").arg(m_server.serverPort()));
        if (!query.isEmpty())
            u.setQuery(query);
        return u;
    }

private:
    QWebSocketServer m_server;
};

// The data messages of a log as (direction, opcode, payload), in order.
struct Msg
{
    Direction dir;
    quint8 opcode;
    QByteArray data;
    bool operator==(const Msg &o) const { return dir == o.dir && opcode == o.opcode && data == o.data; }
};

static QList<Msg> dataMessages(const EventLog &log, quint32 conn = 0)
{
    QList<Msg> out;
    MessageAssembler assembler(log, [&](const AssembledMessage &m) {
        if (!conn || m.conn == conn)
            out.append({m.dir, m.opcode, m.data});
    });
    for (qsizetype i = 0; i < log.size(); ++i) {
        if (log.at(i).kind == EventKind::Frame)
            assembler.addFrame(i);
    }
    assembler.finish();
    return out;
}

// The lines of a file, and a file made of lines: for damaging a saved session on purpose.
static QList<QByteArray> fileLines(const QString &path)
{
    QFile in(path);
    return in.open(QIODevice::ReadOnly) ? in.readAll().split('\n') : QList<QByteArray>();
}

static bool writeLines(const QString &path, const QList<QByteArray> &lines)
{
    QFile out(path);
    const QByteArray bytes = lines.join('\n');
    return out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size();
}

static QStringList rowTexts(QAbstractItemModel *model, int row, const QList<int> &skipColumns = {})
{
    QStringList texts;
    for (int c = 0; c < model->columnCount(); ++c) {
        if (!skipColumns.contains(c))
            texts << model->index(row, c).data().toString();
    }
    return texts;
}

class TestSessionFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void saveThenOpenRoundTrip();
    void loadedConnectionIsReadOnly();
    void corruptFileKeepsReadablePart();
    void openHarFixtures();
    void liveRecordingWritesJournal();
    void journalRecovery();
    void unsavedPrompt();
    void exportHarRedactsAndReimports();
    void exportMessageFormats();
    void recentFilesAndDrop();

private:
    // A window recording a few messages each way on one connection; returns its number.
    quint32 record(MainWindow *window, const QString &query = QString(),
                   const QList<QPair<QByteArray, QByteArray>> &headers = {});
    MainWindow *newWindow();

    EchoServer *m_server = nullptr;
    QTemporaryDir m_dir;
    QString m_savedPath;
    QList<MainWindow *> m_windows;
};

void TestSessionFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WsScopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_sessionfiles"));
    QSettings().clear();
    QDir(Recovery::defaultDirectory()).removeRecursively();
    QVERIFY(m_dir.isValid());
    m_server = new EchoServer;
    QVERIFY(m_server->listen());
}

void TestSessionFiles::cleanupTestCase()
{
    for (MainWindow *w : std::as_const(m_windows)) {
        w->sessionFiles()->setClosePrompt([] { return QMessageBox::Discard; });
        delete w;
    }
    delete m_server;
}

MainWindow *TestSessionFiles::newWindow()
{
    auto *window = new MainWindow;
    window->sessionFiles()->recovery()->setDirectory(m_dir.filePath(QStringLiteral("journal")));
    window->resize(1200, 800);
    window->show();
    m_windows.append(window);
    return window;
}

quint32 TestSessionFiles::record(MainWindow *window, const QString &query,
                                 const QList<QPair<QByteArray, QByteArray>> &headers)
{
    ConnectionOptions options;
    options.url = m_server->url(query);
    options.headers = headers;
    const quint32 conn = window->openConnection(options);
    if (!conn)
        return 0;
    ClientConnection *client = window->clientFor(conn);
    if (!QTest::qWaitFor([&] { return client->state() == ClientConnection::State::Open; }, 10000))
        return 0;
    client->sendText(QStringLiteral("hello"));
    client->sendText(QStringLiteral("{\"n\":2}"));
    client->sendBinary(QByteArray::fromHex("00ff10"));
    client->sendText(QStringLiteral("fin"));
    const auto framesIn = [&] { return window->connectionModel()->totals(conn).framesIn; };
    if (!QTest::qWaitFor(
            [&] {
                window->connectionModel()->flush();
                return framesIn() >= 4;
            },
            10000))
        return 0;
    return conn;
}

void TestSessionFiles::saveThenOpenRoundTrip()
{
    MainWindow *a = newWindow();
    const quint32 conn = record(a);
    QVERIFY(conn);
    ClientConnection *client = a->clientFor(conn);
    client->close(1000, QStringLiteral("done"));
    QVERIFY(QTest::qWaitFor([&] { return client->state() == ClientConnection::State::Closed; }, 10000));
    QVERIFY(a->sessionFiles()->hasUnsavedChanges());

    m_savedPath = m_dir.filePath(QStringLiteral("round.wsscope"));
    QVERIFY2(a->sessionFiles()->saveAs(m_savedPath), qPrintable(a->sessionFiles()->lastError()));
    QVERIFY(!a->sessionFiles()->hasUnsavedChanges());
    QCOMPARE(a->sessionFiles()->currentFile(), QFileInfo(m_savedPath).absoluteFilePath());

    MainWindow *b = newWindow();
    QVERIFY(b->sessionFiles()->openFile(m_savedPath));
    const SessionFiles::LoadResult &load = b->sessionFiles()->lastLoad();
    QVERIFY(load.ok);
    QCOMPARE(load.problemCount, 0);
    QCOMPARE(load.connections, QList<quint32>{conn});
    QCOMPARE(b->eventLog()->size(), a->eventLog()->size());
    QVERIFY(!b->sessionFiles()->hasUnsavedChanges());

    // Connection rows: the same totals, URL, close; the state column of a live row comes from the socket.
    a->connectionModel()->flush();
    b->connectionModel()->flush();
    QCOMPARE(b->connectionModel()->rowCount(), a->connectionModel()->rowCount());
    for (int row = 0; row < a->connectionModel()->rowCount(); ++row)
        QCOMPARE(rowTexts(b->connectionModel(), row, {ConnectionListModel::StateColumn}),
                 rowTexts(a->connectionModel(), row, {ConnectionListModel::StateColumn}));
    QCOMPARE(b->connectionModel()->totals(conn).state, ConnectionListModel::State::Closed);

    // Timeline rows, cell for cell.
    a->selectConnection(conn);
    QCOMPARE(b->currentConnection(), conn);
    a->timelineModel()->flush();
    b->timelineModel()->flush();
    QVERIFY(a->timelineModel()->rowCount() >= 10);
    QCOMPARE(b->timelineModel()->rowCount(), a->timelineModel()->rowCount());
    for (int row = 0; row < a->timelineModel()->rowCount(); ++row)
        QCOMPARE(rowTexts(b->timelineModel(), row), rowTexts(a->timelineModel(), row));
    QCOMPARE(dataMessages(*b->eventLog()), dataMessages(*a->eventLog()));

    // Nothing was recorded in b, so Save writes back to the file it came from.
    QCOMPARE(b->sessionFiles()->currentFile(), QFileInfo(m_savedPath).absoluteFilePath());
}

void TestSessionFiles::loadedConnectionIsReadOnly()
{
    QVERIFY(!m_savedPath.isEmpty());
    MainWindow *w = newWindow();
    const quint32 live = record(w);
    QVERIFY(live);
    QVERIFY(w->composer()->isEnabled());
    QVERIFY(w->reconnectAction()->isEnabled());

    QVERIFY(w->sessionFiles()->openFile(m_savedPath));
    const quint32 loaded = w->sessionFiles()->lastLoad().connections.value(0);
    QVERIFY(loaded && loaded != live);
    QCOMPARE(w->currentConnection(), loaded);
    QVERIFY(w->sessionFiles()->isReadOnly(loaded));
    QVERIFY(!w->sessionFiles()->isReadOnly(live));
    QVERIFY(!w->composer()->isEnabled());
    QVERIFY(!w->composer()->isConnected());
    QLabel *note = w->sessionFiles()->readOnlyNote();
    QVERIFY(note);
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), QStringLiteral("Loaded from round.wsscope: read-only"));
    QVERIFY(!w->reconnectAction()->isEnabled());
    QVERIFY(!w->duplicateAction()->isEnabled());
    QVERIFY(!w->closeConnectionAction()->isEnabled());
    // The log now holds more than the file: Save must ask for a name instead of overwriting it.
    QVERIFY(w->sessionFiles()->currentFile().isEmpty());

    // Browsable: timeline rows, payloads of the selected row.
    w->timelineModel()->flush();
    QVERIFY(w->timelineModel()->rowCount() >= 10);
    qsizetype firstText = -1;
    for (qsizetype i = 0; i < w->eventLog()->size() && firstText < 0; ++i) {
        const EventRecord r = w->eventLog()->at(i);
        if (r.conn == loaded && r.kind == EventKind::Frame && r.opcode == Opcode::Text)
            firstText = i;
    }
    QVERIFY(w->selectEvent(firstText));
    QCOMPARE(w->messageAt(firstText).payload, QByteArray("hello"));

    // Back on the live connection the composer works again.
    w->selectConnection(live);
    QVERIFY(w->composer()->isEnabled());
    QVERIFY(w->composer()->isConnected());
    QVERIFY(!note->isVisible());
    QVERIFY(w->reconnectAction()->isEnabled());
}

void TestSessionFiles::corruptFileKeepsReadablePart()
{
    QVERIFY(!m_savedPath.isEmpty());
    QList<QByteArray> lines = fileLines(m_savedPath);
    QVERIFY(lines.size() > 8);
    const int total = int(lines.size()) - 1;                               // the last split is the empty tail
    lines[5] = "{\"type\":\"frame\",\"conn\":1,\"t\":\"oops";              // line 6: broken JSON
    lines[total - 1] = lines[total - 1].left(lines[total - 1].size() / 2); // last line cut, as by a crash
    const QString corrupt = m_dir.filePath(QStringLiteral("corrupt.wsscope"));
    QVERIFY(writeLines(corrupt, lines));

    MainWindow *w = newWindow();
    QVERIFY(w->sessionFiles()->openFile(corrupt));
    const SessionFiles::LoadResult &load = w->sessionFiles()->lastLoad();
    QVERIFY(load.ok);
    QCOMPARE(load.problemCount, 2);
    QCOMPARE(load.problems.at(0).line, 6);
    QCOMPARE(load.problems.at(1).line, total);
    QCOMPARE(w->eventLog()->size(), qsizetype(total - 1 - 2)); // header and the two bad lines
    QCOMPARE(w->connectionModel()->rowCount(), 1);
    QVERIFY(w->timelineModel()->rowCount() > 5);
    // The report names the lines and does not block.
    auto *box = w->findChild<QMessageBox *>(QStringLiteral("sessionFilesReport"));
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("Line 6")), qPrintable(box->text()));
    QVERIFY(box->text().contains(QStringLiteral("Line %1").arg(total)));
    QVERIFY(!box->text().contains(QStringLiteral("Line 6: Line 6")));
    QVERIFY(box->text().contains(QStringLiteral("of corrupt.wsscope could not be read")));
    box->close();
    // A damaged file never becomes the Save target: saving would drop the damaged lines silently.
    QVERIFY(w->sessionFiles()->currentFile().isEmpty());

    {
        // From line 1,000 on, in a locale that groups digits, a line is still named once.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const auto restore = qScopeGuard([] { QLocale::setDefault(QLocale::c()); });
        QList<QByteArray> long_ = fileLines(m_savedPath);
        qsizetype frameLine = -1;
        for (qsizetype i = 0; i < long_.size() && frameLine < 0; ++i)
            if (long_[i].contains("\"type\":\"frame\""))
                frameLine = i;
        QVERIFY(frameLine > 0);
        for (int i = 0; i < 1200; ++i)
            long_.insert(frameLine, long_[frameLine]);
        long_.insert(frameLine + 1200, "not json"); // line frameLine + 1201
        const QString longPath = m_dir.filePath(QStringLiteral("long.wsscope"));
        QVERIFY(writeLines(longPath, long_));
        MainWindow *lw = newWindow();
        QVERIFY(lw->sessionFiles()->openFile(longPath));
        QCOMPARE(lw->sessionFiles()->lastLoad().problemCount, 1);
        QCOMPARE(lw->sessionFiles()->lastLoad().problems.at(0).line, frameLine + 1201);
        auto *report = lw->findChild<QMessageBox *>(QStringLiteral("sessionFilesReport"));
        QVERIFY(report);
        const QString number = QString::number(frameLine + 1201);
        QVERIFY2(report->text().contains(QStringLiteral("Line %1 is not valid JSON").arg(number)),
                 qPrintable(report->text()));
        QCOMPARE(report->text().count(number), 1);
        QVERIFY2(!report->text().contains(QLocale().toString(qint64(frameLine + 1201))), // "1,2xx: Line 12xx"
                 qPrintable(report->text()));
        report->close();
    }

    // Not a session at all: refused with a reason, nothing added.
    const QString garbage = m_dir.filePath(QStringLiteral("garbage.wsscope"));
    QFile g(garbage);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("this is not a session\n\x01\x02\x03");
    g.close();
    const qsizetype before = w->eventLog()->size();
    QVERIFY(!w->sessionFiles()->openFile(garbage));
    QVERIFY(!w->sessionFiles()->lastLoad().error.isEmpty());
    QCOMPARE(w->eventLog()->size(), before);
    QVERIFY(!w->sessionFiles()->openFile(m_dir.filePath(QStringLiteral("missing.wsscope"))));
    QVERIFY(w->sessionFiles()->lastLoad().error.contains(QStringLiteral("does not exist")));
}

void TestSessionFiles::openHarFixtures()
{
    const QString dir = QStringLiteral(WSSCOPE_TEST_DATA "/har/");
    MainWindow *w = newWindow();
    QCOMPARE(SessionFiles::detectKind(dir + QStringLiteral("chrome_websocket.har")),
             SessionFiles::FileKind::Har);
    QCOMPARE(SessionFiles::detectKind(m_savedPath), SessionFiles::FileKind::Session);

    QVERIFY(w->sessionFiles()->openFile(dir + QStringLiteral("chrome_websocket.har")));
    const SessionFiles::LoadResult &load = w->sessionFiles()->lastLoad();
    QCOMPARE(load.kind, SessionFiles::FileKind::Har);
    QVERIFY(!load.connections.isEmpty());
    QVERIFY(load.events > 0);
    const quint32 conn = load.connections.first();
    QCOMPARE(w->currentConnection(), conn);
    QVERIFY(w->sessionFiles()->isReadOnly(conn));
    QVERIFY(!w->composer()->isEnabled());
    QVERIFY(w->timelineModel()->rowCount() > 0);
    QCOMPARE(w->connectionModel()->totals(conn).source, QStringLiteral("import"));
    // A HAR is never written back as a session file under its own name.
    QVERIFY(w->sessionFiles()->currentFile().isEmpty());

    // Messages only (mitmproxy), no WebSocket entry, and a cut file.
    QVERIFY(w->sessionFiles()->openFile(dir + QStringLiteral("mitmproxy_messages_only.har")));
    const qsizetype before = w->eventLog()->size();
    QVERIFY(!w->sessionFiles()->openFile(dir + QStringLiteral("no_websocket.har")));
    QVERIFY2(w->sessionFiles()->lastLoad().error.contains(QStringLiteral("WebSocket")),
             qPrintable(w->sessionFiles()->lastLoad().error));
    QVERIFY(!w->sessionFiles()->openFile(dir + QStringLiteral("truncated.har")));
    QVERIFY2(w->sessionFiles()->lastLoad().error.contains(QStringLiteral("line")),
             qPrintable(w->sessionFiles()->lastLoad().error));
    QCOMPARE(w->eventLog()->size(), before);
}

void TestSessionFiles::liveRecordingWritesJournal()
{
    MainWindow *w = newWindow();
    Recovery *recovery = w->sessionFiles()->recovery();
    QVERIFY(!recovery->isJournaling());
    // A loaded file is in a file already: no journal for it.
    QVERIFY(w->sessionFiles()->openFile(m_savedPath));
    QTest::qWait(50);
    QVERIFY(!recovery->isJournaling());

    QVERIFY(record(w));
    QVERIFY(recovery->isJournaling());
    const QString journal = recovery->journalPath();
    QVERIFY(QFileInfo::exists(journal));
    QVERIFY(QFileInfo::exists(journal + QStringLiteral(".lock")));
    // Within a flush interval everything recorded is on disk.
    QTest::qWait(SessionWriter::FlushIntervalMs + 200);
    QCOMPARE(Recovery::countEvents(journal), qint64(w->eventLog()->size()));

    // Another instance looking at the same folder leaves a running window's journal alone.
    EventLog otherLog;
    Recovery other(&otherLog);
    other.setDirectory(recovery->directory());
    QVERIFY(other.findOrphans().isEmpty());

    // A normal quit removes it.
    w->sessionFiles()->setClosePrompt([] { return QMessageBox::Discard; });
    QVERIFY(w->close());
    QVERIFY(!QFileInfo::exists(journal));
    QVERIFY(!QFileInfo::exists(journal + QStringLiteral(".lock")));
}

// A journal as a crashed instance leaves it: events on disk, and a lock naming a process that is gone.
static void writeCrashedJournal(const QString &path, int frames, qint64 deadPid)
{
    EventLog log;
    QJsonObject details{{QStringLiteral("url"), QStringLiteral("ws://127.0.0.1:1/crashed")},
                        {QStringLiteral("source"), QStringLiteral("client")},
                        {QStringLiteral("started"), QStringLiteral("2024-05-01T10:00:00.000Z")}};
    const quint32 conn = log.addConnection(1, details);
    for (int i = 0; i < frames; ++i) {
        EventRecord r;
        r.conn = conn;
        r.kind = EventKind::Frame;
        r.dir = i % 2 ? Direction::In : Direction::Out;
        r.opcode = Opcode::Text;
        r.flags = EventRecord::Fin;
        r.timeNs = qint64(i) * 1000000;
        const QByteArray payload = "message " + QByteArray::number(i);
        r.length = quint64(payload.size());
        log.appendRecord(r, payload);
    }
    QVERIFY(SessionWriter::save(log, path));

    // QLockFile's own format, with the PID swapped for one that has exited.
    const QString lockPath = path + QStringLiteral(".lock");
    QByteArray contents;
    {
        QLockFile lock(lockPath);
        QVERIFY(lock.tryLock(0));
        QFile f(lockPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        contents = f.readAll();
    }
    QVERIFY(!QFileInfo::exists(lockPath));
    contents = QByteArray::number(deadPid) + contents.mid(contents.indexOf('\n'));
    QFile f(lockPath);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(contents);
}

void TestSessionFiles::journalRecovery()
{
    const QString dir = m_dir.filePath(QStringLiteral("crash"));
    QVERIFY(QDir().mkpath(dir));
    QProcess gone;
    gone.start(QStringLiteral("true"), {});
    QVERIFY(gone.waitForStarted());
    const qint64 deadPid = gone.processId();
    QVERIFY(gone.waitForFinished());
    QVERIFY(deadPid > 0);

    const QString crashed = dir + QStringLiteral("/20240501-100000-1.wsscope");
    const QString later = dir + QStringLiteral("/20240501-090000-2.wsscope");
    const QString discarded = dir + QStringLiteral("/20240501-080000-3.wsscope");
    const QString running = dir + QStringLiteral("/20240501-110000-4.wsscope");
    writeCrashedJournal(crashed, 41, deadPid);
    writeCrashedJournal(later, 5, deadPid);
    writeCrashedJournal(discarded, 7, deadPid);
    QVERIFY(QFile::copy(crashed, running));
    QLockFile runningLock(running + QStringLiteral(".lock")); // held by a live instance: this test
    QVERIFY(runningLock.tryLock(0));
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(Recovery::countEvents(crashed), qint64(42)); // the connection and 41 frames

    auto *w = new MainWindow;
    m_windows.append(w);
    w->sessionFiles()->recovery()->setDirectory(dir);
    QStringList offers;
    QHash<QString, QString> texts;
    w->sessionFiles()->setRecoveryPrompt([&](const Recovery::Journal &journal) {
        offers << QFileInfo(journal.path).fileName();
        texts.insert(QFileInfo(journal.path).fileName(), journal.offerText);
        if (journal.path == later)
            return SessionFiles::RecoveryChoice::Later;
        if (journal.path == discarded)
            return SessionFiles::RecoveryChoice::Discard;
        return SessionFiles::RecoveryChoice::Recover;
    });
    QCOMPARE(w->sessionFiles()->offerRecovery(), 1);
    offers.sort();
    QCOMPARE(offers, QStringList({QStringLiteral("20240501-080000-3.wsscope"),
                                  QStringLiteral("20240501-090000-2.wsscope"),
                                  QStringLiteral("20240501-100000-1.wsscope")}));
    const QString offer = texts.value(QStringLiteral("20240501-100000-1.wsscope"));
    QVERIFY2(offer.startsWith(QStringLiteral("WsScope closed unexpectedly. Recover the 42 event")),
             qPrintable(offer));
    QCOMPARE(offer, Recovery::offerText(42, QFileInfo(crashed).lastModified()));

    // Recovered as a read-only document that still needs saving.
    const SessionFiles::LoadResult &load = w->sessionFiles()->lastLoad();
    QCOMPARE(load.connections.size(), 1);
    const quint32 conn = load.connections.first();
    QVERIFY(w->sessionFiles()->isReadOnly(conn));
    QVERIFY(w->sessionFiles()->hasUnsavedChanges());
    QCOMPARE(w->eventLog()->size(), qsizetype(42));
    const QList<Msg> messages = dataMessages(*w->eventLog());
    QCOMPARE(messages.size(), 41);
    QCOMPARE(messages.at(40).data, QByteArray("message 40"));
    QCOMPARE(w->connectionModel()->totals(conn).framesOut, quint64(21));
    QVERIFY(w->sessionFiles()->currentFile().isEmpty());

    QVERIFY(!QFileInfo::exists(discarded));
    QVERIFY(QFileInfo::exists(later));
    QVERIFY(!QFileInfo::exists(later + QStringLiteral(".lock"))); // unlocked: asked again next start
    QVERIFY(QFileInfo::exists(running));
    // The recovered journal stays until its events are in a saved file: a second crash loses nothing.
    QVERIFY(QFileInfo::exists(crashed));
    QVERIFY(w->sessionFiles()->saveAs(m_dir.filePath(QStringLiteral("recovered.wsscope"))));
    QVERIFY(!QFileInfo::exists(crashed));
    QVERIFY(!w->sessionFiles()->hasUnsavedChanges());

    // The next start offers the one put off, and only that.
    MainWindow next;
    next.sessionFiles()->recovery()->setDirectory(dir);
    QStringList again;
    next.sessionFiles()->setRecoveryPrompt([&](const Recovery::Journal &journal) {
        again << QFileInfo(journal.path).fileName();
        return SessionFiles::RecoveryChoice::Discard;
    });
    QCOMPARE(next.sessionFiles()->offerRecovery(), 0);
    QCOMPARE(again, QStringList{QStringLiteral("20240501-090000-2.wsscope")});
    QVERIFY(!QFileInfo::exists(later));
}

void TestSessionFiles::unsavedPrompt()
{
    MainWindow *w = newWindow();
    int asked = 0;
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    w->sessionFiles()->setClosePrompt([&] {
        ++asked;
        return answer;
    });
    QVERIFY(!w->sessionFiles()->needsSavePrompt());
    QVERIFY(w->sessionFiles()->openFile(m_savedPath));
    QVERIFY(!w->sessionFiles()->needsSavePrompt()); // a loaded file is saved already

    const quint32 live = record(w);
    QVERIFY(live);
    QVERIFY(w->sessionFiles()->needsSavePrompt());
    QVERIFY(!w->close());
    QCOMPARE(asked, 1);
    QVERIFY(w->isVisible());
    QVERIFY(w->sessionFiles()->recovery()->isJournaling()); // Cancel keeps everything going

    // Save: to a named file, then the window closes.
    const QString path = m_dir.filePath(QStringLiteral("on-quit.wsscope"));
    QVERIFY(w->sessionFiles()->saveAs(path));
    QVERIFY(!w->sessionFiles()->needsSavePrompt());
    // More traffic after the save asks again.
    ClientConnection *client = w->clientFor(live);
    QVERIFY(client);
    client->sendText(QStringLiteral("after save"));
    QVERIFY(QTest::qWaitFor([&] { return w->sessionFiles()->needsSavePrompt(); }, 5000));
    const qsizetype events = w->eventLog()->size();
    answer = QMessageBox::Save;
    QVERIFY(w->close());
    QCOMPARE(asked, 2);
    QVERIFY(!w->isVisible());
    QVERIFY(Recovery::countEvents(path) >= events);
    QVERIFY(!w->sessionFiles()->recovery()->isJournaling());

    // Discard closes without writing.
    MainWindow *d = newWindow();
    d->sessionFiles()->setClosePrompt([&] {
        ++asked;
        return QMessageBox::Discard;
    });
    QVERIFY(record(d));
    QVERIFY(d->close());
    QCOMPARE(asked, 3);
}

void TestSessionFiles::exportHarRedactsAndReimports()
{
    MainWindow *w = newWindow();
    const quint32 conn = record(w, QStringLiteral("token=s3cr3t&room=7"),
                                {{"Authorization", "Bearer very-secret"}, {"X-Api-Key", "k-123"}});
    QVERIFY(conn);

    ExportDialog dialog(w->eventLog(), conn);
    // Defaults: HAR, the selected connection, credentials hidden; names found in the log are offered.
    const ExportOptions defaults = dialog.options();
    QCOMPARE(defaults.format, ExportOptions::Format::Har);
    QCOMPARE(defaults.connection, conn);
    QVERIFY(defaults.redact);
    QVERIFY(defaults.redactHeaders.contains(QStringLiteral("Authorization")));
    QVERIFY(defaults.redactHeaders.contains(QStringLiteral("Cookie")));
    QVERIFY(defaults.redactHeaders.contains(QStringLiteral("Set-Cookie")));
    QVERIFY(!defaults.redactHeaders.contains(QStringLiteral("X-Api-Key")));
    QVERIFY(!dialog.headerList()->findItems(QStringLiteral("X-Api-Key"), Qt::MatchExactly).isEmpty());
    QVERIFY(defaults.redactQueryParameters.contains(QStringLiteral("token"))); // looks like a secret
    QVERIFY(!defaults.redactQueryParameters.contains(QStringLiteral("room")));
    dialog.headerList()
        ->findItems(QStringLiteral("X-Api-Key"), Qt::MatchExactly)
        .first()
        ->setCheckState(Qt::Checked);
    dialog.addRedactedQueryParameter(QStringLiteral("room"));
    const QString har = m_dir.filePath(QStringLiteral("export.har"));
    dialog.setPath(har);
    QSignalSpy exported(&dialog, &ExportDialog::exported);
    QVERIFY(dialog.exportNow());
    QCOMPARE(exported.size(), 1);

    QFile file(har);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains("very-secret"));
    QVERIFY(!text.contains("k-123"));
    QVERIFY(!text.contains("s3cr3t"));
    QVERIFY(!text.contains("room=7"));
    QVERIFY(text.contains("[redacted]"));

    // Re-imported, the messages are the recorded ones.
    EventLog imported;
    HarImport importer;
    QVERIFY2(importer.read(har, &imported), qPrintable(importer.errorString()));
    QCOMPARE(importer.connections().size(), 1);
    QCOMPARE(dataMessages(imported), dataMessages(*w->eventLog(), conn));
    QCOMPARE(dataMessages(imported).size(), 8);

    // Unchecking redaction keeps the values.
    ExportDialog plain(w->eventLog(), conn);
    plain.redactBox()->setChecked(false);
    const QString plainHar = m_dir.filePath(QStringLiteral("plain.har"));
    plain.setPath(plainHar);
    QVERIFY(plain.exportNow());
    QFile plainFile(plainHar);
    QVERIFY(plainFile.open(QIODevice::ReadOnly));
    QVERIFY(plainFile.readAll().contains("very-secret"));

    // A place that cannot be written: the dialog stays open and says why.
    ExportDialog bad(w->eventLog(), conn);
    bad.setPath(m_dir.filePath(QStringLiteral("no/such/folder/x.har")));
    QVERIFY(!bad.exportNow());
    QVERIFY(!bad.errorLabel()->isHidden());
    QVERIFY(!bad.errorLabel()->text().isEmpty());
}

void TestSessionFiles::exportMessageFormats()
{
    MainWindow *w = newWindow();
    const quint32 first = record(w);
    const quint32 second = record(w);
    QVERIFY(first && second);
    const QList<Msg> all = dataMessages(*w->eventLog());
    QCOMPARE(all.size(), 16);

    // NDJSON, every connection: one line per message, the payloads as sent.
    ExportDialog dialog(w->eventLog(), second);
    dialog.setFormat(ExportOptions::Format::Ndjson);
    dialog.setSelectedOnly(false);
    const QString ndjson = m_dir.filePath(QStringLiteral("all.ndjson"));
    dialog.setPath(ndjson);
    QVERIFY(dialog.exportNow());
    QFile n(ndjson);
    QVERIFY(n.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = n.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), all.size());
    const QJsonObject firstLine = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(firstLine.value(QStringLiteral("text")).toString(), QStringLiteral("hello"));
    QCOMPARE(firstLine.value(QStringLiteral("dir")).toString(), QStringLiteral("out"));
    QCOMPARE(quint32(firstLine.value(QStringLiteral("conn")).toInt()), first);

    // CSV, the selected connection, received only.
    ExportDialog csvDialog(w->eventLog(), second);
    csvDialog.setFormat(ExportOptions::Format::Csv);
    csvDialog.setDirection(Direction::In);
    const QString csv = m_dir.filePath(QStringLiteral("second-in.csv"));
    csvDialog.setPath(csv);
    QVERIFY(csvDialog.exportNow());
    QFile c(csv);
    QVERIFY(c.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = c.readAll().trimmed().split('\n');
    QCOMPARE(rows.size(), 1 + 4); // header, four echoes
    QVERIFY(rows.at(1).contains("hello"));

    // Payload files, sent only, into a folder.
    ExportDialog payloadDialog(w->eventLog(), first);
    payloadDialog.setFormat(ExportOptions::Format::PayloadFiles);
    payloadDialog.setDirection(Direction::Out);
    const QString folder = m_dir.filePath(QStringLiteral("payloads"));
    payloadDialog.setPath(folder);
    QVERIFY(payloadDialog.exportNow());
    const QStringList files = QDir(folder).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 4);
    QFile p(QDir(folder).filePath(files.at(2)));
    QVERIFY(p.open(QIODevice::ReadOnly));
    QCOMPARE(p.readAll(), QByteArray::fromHex("00ff10"));
}

void TestSessionFiles::recentFilesAndDrop()
{
    MainWindow *w = newWindow();
    SessionFiles *files = w->sessionFiles();
    files->clearRecentFiles();
    QVERIFY(!files->recentMenu()->isEnabled());
    QVERIFY(files->openFile(m_savedPath));
    QCOMPARE(files->recentFiles(), QStringList{QFileInfo(m_savedPath).absoluteFilePath()});
    QVERIFY(files->recentMenu()->isEnabled());
    for (int i = 0; i < 12; ++i) {
        const QString copy = m_dir.filePath(QStringLiteral("copy%1.wsscope").arg(i));
        QVERIFY(QFile::copy(m_savedPath, copy));
        files->addRecentFile(copy);
    }
    QCOMPARE(files->recentFiles().size(), SessionFiles::MaxRecentFiles);
    QVERIFY(files->recentFiles().first().endsWith(QStringLiteral("copy11.wsscope")));
    // The menu opens its entries: ten files, a separator, Clear Menu.
    const QList<QAction *> actions = files->recentMenu()->actions();
    QCOMPARE(actions.size(), SessionFiles::MaxRecentFiles + 2);
    const int connections = w->connectionModel()->rowCount();
    actions.first()->trigger();
    QCOMPARE(w->connectionModel()->rowCount(), connections + 1);
    QVERIFY(files->loadedFrom(w->currentConnection()).endsWith(QStringLiteral("copy11.wsscope")));

    // Dropping a session file onto the window opens it; other files are refused.
    QVERIFY(SessionFiles::isOpenable(m_savedPath));
    QVERIFY(SessionFiles::isOpenable(QStringLiteral(WSSCOPE_TEST_DATA "/har/chrome_websocket.har")));
    const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile t(text);
    QVERIFY(t.open(QIODevice::WriteOnly));
    t.write("just notes\n");
    t.close();
    QVERIFY(!SessionFiles::isOpenable(text));

    QMimeData refused;
    refused.setUrls({QUrl::fromLocalFile(text)});
    QDragEnterEvent enterRefused(QPoint(10, 10), Qt::CopyAction, &refused, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w, &enterRefused);
    QVERIFY(!enterRefused.isAccepted());

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(QStringLiteral(WSSCOPE_TEST_DATA "/har/chrome_websocket.har"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w, &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(QTest::qWaitFor([&] { return w->connectionModel()->rowCount() > connections + 1; }, 5000));
    QCOMPARE(files->lastLoad().kind, SessionFiles::FileKind::Har);
}

QTEST_MAIN(TestSessionFiles)
#include "tst_sessionfiles.moc"
