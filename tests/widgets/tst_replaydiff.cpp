#include "clientconnection.h"
#include "connectionlistmodel.h"
#include "diffdialog.h"
#include "diffmodel.h"
#include "diffview.h"
#include "eventlog.h"
#include "mainwindow.h"
#include "messages.h"
#include "mockdialog.h"
#include "replaydialog.h"
#include "rulelisteditor.h"
#include "timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace wsscope;

// A loopback peer that echoes text and binary messages and remembers the headers of the last
// upgrade request it accepted.
class EchoServer : public QObject
{
    Q_OBJECT
public:
    EchoServer() : m_server(QStringLiteral("tst_replaydiff"), QWebSocketServer::NonSecureMode)
    {
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                lastRequest = socket->request();
                connect(socket, &QWebSocket::textMessageReceived, socket,
                        [socket](const QString &text) { socket->sendTextMessage(text); });
                connect(socket, &QWebSocket::binaryMessageReceived, socket,
                        [socket](const QByteArray &data) { socket->sendBinaryMessage(data); });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/echo").arg(m_server.serverPort())); }

    QNetworkRequest lastRequest;

private:
    QWebSocketServer m_server;
};

class TestReplayDiff : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void replayDialogShowsRecordedRequest();
    void replayAsFastAsPossible();
    void replayStepByStep();
    void diffOfRecordingAndReplayIsIdentical();
    void diffShowsChangedRowsAndRulesApply();
    void doubleClickJumpsToTimeline();
    void mockServesRecordedServerMessages();
    void diffModelUnderTester();

private:
    // Opens a connection through the window, sends the messages, waits for every echo, closes.
    quint32 record(const QList<QByteArray> &texts, const QByteArray &binary);
    QList<QByteArray> payloads(quint32 conn, Direction dir) const;
    void grab(QWidget *widget, const QString &name) const;

    EchoServer *m_server = nullptr;
    MainWindow *m_window = nullptr;
    quint32 m_original = 0;
    quint32 m_other = 0;
    quint32 m_replay = 0;
};

void TestReplayDiff::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WsScopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_replaydiff"));
    QSettings().clear();
    m_server = new EchoServer;
    QVERIFY(m_server->listen());
    m_window = new MainWindow;
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));

    m_original =
        record({R"({"op":"hello","n":1,"ts":100})", R"({"op":"data","items":[1,2,3]})", "plain text 7f3a9c"},
               QByteArray::fromHex("deadbeef"));
    QVERIFY(m_original);
    m_other = record({R"({"op":"hello","n":2,"ts":200})", R"({"op":"data","items":[1,2,3]})",
                      "plain text 0b1e22", "one more"},
                     QByteArray::fromHex("deadbeef"));
    QVERIFY(m_other);
}

void TestReplayDiff::cleanupTestCase()
{
    delete m_window;
    delete m_server;
}

void TestReplayDiff::grab(QWidget *widget, const QString &name) const
{
    // For looking at the dialogs by eye: WSSCOPE_GRAB_DIR=/tmp/shots ./tst_replaydiff
    const QString dir = qEnvironmentVariable("WSSCOPE_GRAB_DIR");
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

quint32 TestReplayDiff::record(const QList<QByteArray> &texts, const QByteArray &binary)
{
    ConnectionOptions options;
    options.url = m_server->url();
    options.headers = {{"X-Trace", "trace-1"}, {"Authorization", "[redacted]"}};
    const quint32 conn = m_window->openConnection(options);
    if (!conn)
        return 0;
    ClientConnection *client = m_window->clientFor(conn);
    if (!QTest::qWaitFor([&] { return client->state() == ClientConnection::State::Open; }, 10000))
        return 0;
    for (const QByteArray &t : texts)
        client->sendText(QString::fromUtf8(t));
    client->sendBinary(binary);
    const int expected = int(texts.size()) + 1;
    if (!QTest::qWaitFor([&] { return payloads(conn, Direction::In).size() == expected; }, 10000))
        return 0;
    client->close(1000, QStringLiteral("done"));
    if (!QTest::qWaitFor([&] { return client->state() == ClientConnection::State::Closed; }, 10000))
        return 0;
    return conn;
}

QList<QByteArray> TestReplayDiff::payloads(quint32 conn, Direction dir) const
{
    QList<QByteArray> out;
    for (const DataMessage &m : Messages::extract(*m_window->eventLog(), conn, dir))
        out << m.payload;
    return out;
}

void TestReplayDiff::replayDialogShowsRecordedRequest()
{
    m_window->selectConnection(m_original);
    QVERIFY(m_window->replayAction()->isEnabled());
    ReplayDialog *dialog = m_window->showReplayDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->sourceConnection(), m_original);
    QVERIFY(dialog->isLoaded());
    QCOMPARE(dialog->urlEdit()->text(), m_server->url().toString());

    // Both recorded headers are listed; the redacted one is flagged and not sent as it was.
    QTableWidget *table = dialog->headerTable();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, ReplayDialog::HeaderNameColumn)->text(), QStringLiteral("X-Trace"));
    QCOMPARE(table->item(0, ReplayDialog::HeaderNameColumn)->checkState(), Qt::Checked);
    QCOMPARE(table->item(1, ReplayDialog::HeaderNameColumn)->text(), QStringLiteral("Authorization"));
    QCOMPARE(table->item(1, ReplayDialog::HeaderNameColumn)->checkState(), Qt::Unchecked);
    QVERIFY(!table->item(1, ReplayDialog::HeaderNoteColumn)->text().isEmpty());
    QCOMPARE(dialog->redactedRows(), QList<int>{1});
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    QCOMPARE(dialog->headers(), (Headers{{"X-Trace", "trace-1"}}));

    // Typing the real value over the redacted one sends it.
    table->item(1, ReplayDialog::HeaderValueColumn)->setText(QStringLiteral("Bearer real"));
    QCOMPARE(table->item(1, ReplayDialog::HeaderNameColumn)->checkState(), Qt::Checked);
    QCOMPARE(dialog->headers(), (Headers{{"X-Trace", "trace-1"}, {"Authorization", "Bearer real"}}));

    // A URL that is not ws:// is refused with a reason, and nothing starts.
    dialog->setTargetUrl(QStringLiteral("http://127.0.0.1/"));
    const int rows = m_window->connectionModel()->rowCount();
    QVERIFY(!dialog->start());
    QVERIFY(dialog->statusText().contains(QLatin1String("ws://")));
    QCOMPARE(m_window->connectionModel()->rowCount(), rows);
    dialog->setTiming(Replayer::Timing::Speed);
    grab(dialog, QStringLiteral("replaydialog"));
    dialog->close();
}

void TestReplayDiff::replayAsFastAsPossible()
{
    m_window->selectConnection(m_original);
    ReplayDialog *dialog = m_window->showReplayDialog();
    QVERIFY(dialog);
    QSignalSpy started(dialog, &ReplayDialog::replayStarted);
    QSignalSpy finished(dialog, &ReplayDialog::replayFinished);
    dialog->setTiming(Replayer::Timing::AsFastAsPossible);
    QVERIFY(dialog->sendNextButton()->isHidden());
    const int rows = m_window->connectionModel()->rowCount();
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QCOMPARE(started.count(), 1);
    const quint32 replay = started.at(0).at(0).toUInt();
    QVERIFY(replay != 0);
    QCOMPARE(dialog->replayConnection(), replay);
    QVERIFY(!dialog->startButton()->isEnabled());

    // The replay is a new row of the list, selected, recorded like any other connection.
    QTRY_COMPARE(m_window->connectionModel()->rowCount(), rows + 1);
    QCOMPARE(m_window->currentConnection(), replay);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
    QVERIFY2(finished.at(0).at(1).toBool(), qPrintable(finished.at(0).at(2).toString()));
    QCOMPARE(dialog->progressBar()->value(), 4);
    QCOMPARE(dialog->progressBar()->maximum(), 4);
    QVERIFY(dialog->startButton()->isEnabled());
    QCOMPARE(payloads(replay, Direction::Out), payloads(m_original, Direction::Out));
    QCOMPARE(payloads(replay, Direction::In), payloads(m_original, Direction::In));
    const QJsonObject details = m_window->eventLog()->connection(replay).details;
    QCOMPARE(details.value(QLatin1String("replayOf")).toObject().value(QLatin1String("conn")).toInteger(),
             qint64(m_original));
    QTRY_COMPARE(m_window->connectionModel()->state(replay), ConnectionListModel::State::Closed);

    // The server saw the kept header and not the redacted one.
    QCOMPARE(m_server->lastRequest.rawHeader("X-Trace"), QByteArray("trace-1"));
    QVERIFY(!m_server->lastRequest.hasRawHeader("Authorization"));
    grab(dialog, QStringLiteral("replaydialog-finished"));
    dialog->close();
    m_replay = replay;
}

void TestReplayDiff::replayStepByStep()
{
    ReplayDialog *dialog = m_window->showReplayDialog(m_original);
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &ReplayDialog::replayFinished);
    dialog->setTiming(Replayer::Timing::StepByStep);
    QVERIFY(!dialog->sendNextButton()->isHidden());
    QVERIFY(!dialog->sendNextButton()->isEnabled());
    QVERIFY(dialog->start());
    const quint32 replay = dialog->replayConnection();
    for (int i = 1; i <= 4; ++i) {
        QTRY_VERIFY(dialog->sendNextButton()->isEnabled());
        // Nothing goes out until asked.
        QTest::qWait(50);
        QCOMPARE(payloads(replay, Direction::Out).size(), i - 1);
        QTest::mouseClick(dialog->sendNextButton(), Qt::LeftButton);
        QCOMPARE(dialog->progressBar()->value(), i);
        QTRY_COMPARE(payloads(replay, Direction::In).size(), i);
    }
    QVERIFY(!dialog->sendNextButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
    QVERIFY2(finished.at(0).at(1).toBool(), qPrintable(finished.at(0).at(2).toString()));
    QCOMPARE(payloads(replay, Direction::Out), payloads(m_original, Direction::Out));
    dialog->close();
}

void TestReplayDiff::diffOfRecordingAndReplayIsIdentical()
{
    QVERIFY(m_replay);
    // The replay made first is compared explicitly; by default the most recent replay is chosen.
    m_window->selectConnection(m_original);
    DiffDialog *dialog = m_window->showDiffDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->connectionA(), m_original);
    QVERIFY(m_window->eventLog()
                ->connection(dialog->connectionB())
                .details.value(QLatin1String("replayOf"))
                .isObject());
    QVERIFY(dialog->connectionB() > m_replay);
    dialog->setConnections(m_original, m_replay);
    QTRY_COMPARE(dialog->connectionB(), m_replay);
    DiffView *view = dialog->view();
    QTRY_VERIFY(view->hasDiff() && view->model()->connectionB() == m_replay);
    QVERIFY(view->diff().identical());
    const SessionDiff::Summary s = view->diff().summary();
    QCOMPARE(s.same, 8);
    QVERIFY(view->summaryText().startsWith(QLatin1String("Identical")));
    QVERIFY(view->summaryText().contains(QLatin1String("8")));
    QVERIFY(view->firstDifferenceLabel()->isHidden());
    // Two headings and eight rows, all the same.
    DiffModel *model = view->model();
    QCOMPARE(model->rowCount(), 10);
    for (int row = 0; row < model->rowCount(); ++row) {
        const int status = model->index(row, 0).data(DiffModel::StatusRole).toInt();
        QVERIFY(status == -1 || status == int(SessionDiff::Status::Same));
    }
    QCOMPARE(model->index(1, DiffModel::MessageAColumn).data().toString(),
             model->index(1, DiffModel::MessageBColumn).data().toString());
    grab(dialog, QStringLiteral("diffdialog-identical"));
    dialog->close();
}

void TestReplayDiff::diffShowsChangedRowsAndRulesApply()
{
    DiffDialog *dialog = m_window->showDiffDialog(m_original, m_other);
    QVERIFY(dialog);
    DiffView *view = dialog->view();
    DiffModel *model = view->model();
    QTRY_VERIFY(view->hasDiff() && model->connectionB() == m_other);
    SessionDiff::Summary s = view->diff().summary();
    // hello (n, ts differ) and the plain text are changed in each direction; "one more" is extra.
    QCOMPARE(s.changed, 4);
    QCOMPARE(s.extra, 2);
    QCOMPARE(s.missing, 0);
    QCOMPARE(s.same, 4);
    QVERIFY(view->summaryText().contains(QLatin1String("4 changed")));
    QVERIFY(!view->firstDifferenceLabel()->isHidden());
    QVERIFY(view->firstDifferenceText().contains(QLatin1String("JSON path: $.n")));

    auto countStatus = [model](SessionDiff::Status status) {
        int n = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data(DiffModel::StatusRole).toInt() == int(status))
                ++n;
        return n;
    };
    QCOMPARE(countStatus(SessionDiff::Status::Changed), 4);
    QCOMPARE(countStatus(SessionDiff::Status::Extra), 2);
    // Changed rows are tinted, same ones are not.
    const int changedRow = model->rowForEntry(0);
    QCOMPARE(model->index(changedRow, 0).data(DiffModel::StatusRole).toInt(),
             int(SessionDiff::Status::Changed));
    QVERIFY(model->index(changedRow, DiffModel::MessageAColumn).data(Qt::BackgroundRole).isValid());
    QVERIFY(model->index(changedRow, DiffModel::DifferenceColumn)
                .data()
                .toString()
                .contains(QLatin1String("$.n")));
    // Selecting the row shows both payloads in full.
    view->tableView()->setCurrentIndex(model->index(changedRow, DiffModel::MessageAColumn));
    QVERIFY(view->payloadViewA()->toPlainText().contains(QLatin1String("\"n\": 1")));
    QVERIFY(view->payloadViewB()->toPlainText().contains(QLatin1String("\"n\": 2")));
    grab(dialog, QStringLiteral("diffdialog-changed"));

    // Only the differences: the same rows go, the headings stay.
    QTest::mouseClick(view->onlyDifferencesBox(), Qt::LeftButton, {}, QPoint(5, 5));
    QVERIFY(view->onlyDifferences());
    QCOMPARE(model->rowCount(), 2 + 6);
    QCOMPARE(countStatus(SessionDiff::Status::Same), 0);
    grab(dialog, QStringLiteral("diffdialog-onlydiff"));
    view->setOnlyDifferences(false);
    QCOMPARE(model->rowCount(), 2 + 10);

    // A malformed path is refused with its reason; valid rules make those differences vanish.
    QVERIFY(!dialog->addIgnorePath(QStringLiteral("items[0")));
    QVERIFY(!dialog->pathEditor()->errorText().isEmpty());
    QVERIFY(dialog->pathEditor()->rules().isEmpty());
    QVERIFY(!dialog->addIgnorePattern(QStringLiteral("([a-f")));
    QVERIFY(!dialog->patternEditor()->errorText().isEmpty());
    QVERIFY(dialog->addIgnorePath(QStringLiteral("$.n")));
    QVERIFY(dialog->addIgnorePath(QStringLiteral("$..ts")));
    QTRY_COMPARE(view->diff().summary().changed, 2);
    dialog->patternEditor()->lineEdit()->setText(QStringLiteral("[0-9a-f]{6}$"));
    QTest::keyClick(dialog->patternEditor()->lineEdit(), Qt::Key_Return);
    QCOMPARE(dialog->patternEditor()->rules(), QStringList{QStringLiteral("[0-9a-f]{6}$")});
    QTRY_COMPARE(view->diff().summary().changed, 0);
    s = view->diff().summary();
    QCOMPARE(s.same, 8);
    QCOMPARE(s.extra, 2);
    QVERIFY(view->summaryText().contains(QLatin1String("2 extra")));

    // Swapping turns what is extra in B into what is missing from it.
    dialog->setConnections(m_other, m_original);
    QTRY_COMPARE(view->diff().summary().missing, 2);
    dialog->close();
}

void TestReplayDiff::doubleClickJumpsToTimeline()
{
    m_window->selectConnection(m_original);
    DiffDialog *dialog = m_window->showDiffDialog(m_original, m_other);
    DiffView *view = dialog->view();
    DiffModel *model = view->model();
    QTRY_VERIFY(view->hasDiff() && model->connectionB() == m_other);
    const QList<DataMessage> other = Messages::extract(*m_window->eventLog(), m_other, Direction::In);
    // The server's "one more" is extra in B: its row jumps to B's message.
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        const int entry = model->entryAt(r);
        if (entry >= 0 && view->diff().entries().at(entry).dir == Direction::In &&
            view->diff().entries().at(entry).status == SessionDiff::Status::Extra)
            row = r;
    }
    QVERIFY(row >= 0);
    QTableView *table = view->tableView();
    table->scrollTo(model->index(row, DiffModel::MessageBColumn));
    const QRect rect = table->visualRect(model->index(row, DiffModel::MessageBColumn));
    QSignalSpy activated(view, &DiffView::messageActivated);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(m_window->currentConnection(), m_other);
    const QModelIndex current = m_window->timelineView()->currentIndex();
    QVERIFY(current.isValid());
    const int extraIndex = view->diff().entries().at(model->entryAt(row)).indexB;
    QCOMPARE(other.at(extraIndex).payload, QByteArray("one more"));
    QCOMPARE(m_window->timelineModel()->eventIndex(current.row()), other.at(extraIndex).firstEvent);

    // The A side of a changed row jumps to A's message.
    const QList<DataMessage> original = Messages::extract(*m_window->eventLog(), m_original, Direction::Out);
    view->activate(model->rowForEntry(0), DiffModel::MessageAColumn);
    QCOMPARE(m_window->currentConnection(), m_original);
    QCOMPARE(m_window->timelineModel()->eventIndex(m_window->timelineView()->currentIndex().row()),
             original.first().firstEvent);
    dialog->close();
}

void TestReplayDiff::mockServesRecordedServerMessages()
{
    m_window->selectConnection(m_original);
    MockDialog *dialog = m_window->showMockDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isLoaded());
    QVERIFY(!dialog->stopButton()->isEnabled());
    dialog->setPort(0);
    dialog->setOnce(true);
    QSignalSpy clients(dialog, &MockDialog::clientConnected);
    QSignalSpy stopped(dialog, &MockDialog::stopped);
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QVERIFY2(dialog->isServing(), qPrintable(dialog->statusText()));
    const QUrl url(dialog->urlEdit()->text());
    QCOMPARE(url.scheme(), QStringLiteral("ws"));
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(url.port() > 0);
    QCOMPARE(url.path(), QStringLiteral("/echo"));
    QVERIFY(dialog->stopButton()->isEnabled());
    QVERIFY(!dialog->portBox()->isEnabled());
    grab(dialog, QStringLiteral("mockdialog"));

    const QList<DataMessage> recorded = Messages::extract(*m_window->eventLog(), m_original);
    QList<QByteArray> expected;
    for (const DataMessage &m : recorded)
        if (m.dir == Direction::In)
            expected << m.payload;
    QCOMPARE(expected.size(), 4);

    QWebSocket client;
    QList<QByteArray> received;
    connect(&client, &QWebSocket::textMessageReceived, this,
            [&](const QString &text) { received << text.toUtf8(); });
    connect(&client, &QWebSocket::binaryMessageReceived, this,
            [&](const QByteArray &data) { received << data; });
    connect(&client, &QWebSocket::connected, this, [&] {
        for (const DataMessage &m : recorded) {
            if (m.dir != Direction::Out)
                continue;
            if (m.isText())
                client.sendTextMessage(QString::fromUtf8(m.payload));
            else
                client.sendBinaryMessage(m.payload);
        }
    });
    const int rows = m_window->connectionModel()->rowCount();
    client.open(url);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 4, 10000);
    QCOMPARE(received, expected);
    QCOMPARE(clients.count(), 1);

    // The mock's side shows as a connection of its own, source "mock", with the same messages.
    const quint32 mock = clients.at(0).at(0).toUInt();
    QTRY_COMPARE(m_window->connectionModel()->rowCount(), rows + 1);
    QCOMPARE(m_window->connectionModel()->totals(mock).source, QStringLiteral("mock"));
    QTRY_COMPARE(payloads(mock, Direction::In), expected);
    client.close();
    QTRY_COMPARE(stopped.count(), 1);
    QVERIFY(!dialog->isServing());
    QVERIFY(dialog->startButton()->isEnabled());
    QVERIFY(dialog->urlEdit()->text().isEmpty());
    QTRY_COMPARE(m_window->connectionModel()->state(mock), ConnectionListModel::State::Closed);
    // And it compares equal with the recording it was made from.
    DiffDialog *diff = m_window->showDiffDialog(m_original, mock);
    QTRY_VERIFY(diff->view()->hasDiff() && diff->view()->model()->connectionB() == mock);
    QVERIFY(diff->view()->diff().identical());
    diff->close();
    dialog->close();
}

// The diff model keeps Qt's model contract through set, filter to differences only, and clear.
void TestReplayDiff::diffModelUnderTester()
{
    auto message = [](Direction dir, int index, const QByteArray &payload) {
        DataMessage m;
        m.dir = dir;
        m.index = index;
        m.opcode = Opcode::Text;
        m.payload = payload;
        m.length = quint64(payload.size());
        m.frameCount = 1;
        return m;
    };
    const QList<DataMessage> a{message(Direction::Out, 0, "{\"x\":1}"), message(Direction::In, 0, "same"),
                               message(Direction::In, 1, "only in A")};
    const QList<DataMessage> b{message(Direction::Out, 0, "{\"x\":2}"), message(Direction::In, 0, "same"),
                               message(Direction::Out, 1, "only in B")};
    const SessionDiff diff = SessionDiff::compare(a, b);
    DiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(diff, a, b, 1, 2);
    const int all = model.rowCount();
    QCOMPARE(all, 2 + 4); // a heading per direction; changed, extra (out); same, missing (in)
    model.setOnlyDifferences(true);
    QCOMPARE(model.rowCount(), all - 1);
    for (int row = 0; row < model.rowCount(); ++row)
        if (!model.isHeading(row))
            QVERIFY(model.index(row, 0).data(DiffModel::StatusRole).toInt() !=
                    int(SessionDiff::Status::Same));
    model.setOnlyDifferences(false);
    QCOMPARE(model.rowCount(), all);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.setDiff(diff, a, b, 1, 2);
    QCOMPARE(model.rowCount(), all);
}

QTEST_MAIN(TestReplayDiff)
#include "tst_replaydiff.moc"
