#include "clientconnection.h"
#include "closebanner.h"
#include "composer.h"
#include "connectdialog.h"
#include "connectionlistmodel.h"
#include "connectionlistview.h"
#include "eventlog.h"
#include "filterbar.h"
#include "framedetailsview.h"
#include "handshakeview.h"
#include "itemroles.h"
#include "jsonview.h"
#include "mainwindow.h"
#include "payloadview.h"
#include "pingmodel.h"
#include "pingview.h"
#include "rttchart.h"
#include "timelinemodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace wsscope;

// A loopback peer: echoes text and binary messages; "close-me" makes it close with 4001 "custom".
class EchoServer : public QObject
{
    Q_OBJECT
public:
    EchoServer() : m_server(QStringLiteral("tst_mainwindow"), QWebSocketServer::NonSecureMode)
    {
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QWebSocket::textMessageReceived, socket, [socket](const QString &text) {
                    if (text == QLatin1String("close-me"))
                        socket->close(QWebSocketProtocol::CloseCode(4001), QStringLiteral("custom"));
                    else
                        socket->sendTextMessage(text);
                });
                connect(socket, &QWebSocket::binaryMessageReceived, socket,
                        [socket](const QByteArray &data) { socket->sendBinaryMessage(data); });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/echo").arg(m_server.serverPort())); }

private:
    QWebSocketServer m_server;
};

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void connectDialogRejectsBadUrls();
    void connectDialogRoundTripsOptions();
    void connectThroughDialog();
    void handshakeTab();
    void sendJsonFromComposer();
    void frameDetailsExplainHeader();
    void fragmentedMessageShowsWholeMessage();
    void pingShowsRoundTrip();
    void filterBarFindsAndCounts();
    void timelineFollowsTailUntilScrolledUp();
    void composerHistoryAndSnippets();
    void serverCloseShowsBanner();
    void refusedUpgradeShowsStatusAndBody();
    void settingsAreSaved();

private:
    // Rows of the timeline with this direction and opcode, by payload.
    QList<QByteArray> payloads(Direction dir, int opcode) const;
    int rowOf(Direction dir, int opcode, const QByteArray &payload) const;

    EchoServer *m_server = nullptr;
    MainWindow *m_window = nullptr;
    quint32 m_conn = 0;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WsScopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QSettings().clear();
    m_server = new EchoServer;
    QVERIFY(m_server->listen());
    m_window = new MainWindow;
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestMainWindow::cleanupTestCase()
{
    delete m_window;
    delete m_server;
}

QList<QByteArray> TestMainWindow::payloads(Direction dir, int opcode) const
{
    QList<QByteArray> out;
    const TimelineModel *model = m_window->timelineModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(KindRole).toInt() == int(EventKind::Frame) &&
            index.data(DirectionRole).toInt() == int(dir) && index.data(OpcodeRole).toInt() == opcode)
            out << index.data(PayloadRole).toByteArray();
    }
    return out;
}

int TestMainWindow::rowOf(Direction dir, int opcode, const QByteArray &payload) const
{
    const TimelineModel *model = m_window->timelineModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(KindRole).toInt() == int(EventKind::Frame) &&
            index.data(DirectionRole).toInt() == int(dir) && index.data(OpcodeRole).toInt() == opcode &&
            index.data(PayloadRole).toByteArray() == payload)
            return row;
    }
    return -1;
}

void TestMainWindow::connectDialogRejectsBadUrls()
{
    QVERIFY(ConnectDialog::validateUrl(QStringLiteral("ws://localhost:8080/chat")).isEmpty());
    QVERIFY(ConnectDialog::validateUrl(QStringLiteral("wss://example.org")).isEmpty());
    QVERIFY(
        ConnectDialog::validateUrl(QStringLiteral("http://example.org")).contains(QLatin1String("ws://")));
    QVERIFY(
        ConnectDialog::validateUrl(QStringLiteral("https://example.org")).contains(QLatin1String("wss://")));
    QVERIFY(!ConnectDialog::validateUrl(QStringLiteral("ftp://example.org")).isEmpty());
    QVERIFY(!ConnectDialog::validateUrl(QString()).isEmpty());

    ConnectDialog dialog;
    dialog.show();
    dialog.urlCombo()->setEditText(QStringLiteral("http://127.0.0.1/"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.errorLabel()->isVisible());
    QVERIFY(dialog.errorLabel()->text().contains(QLatin1String("ws://")));

    // The insecure-TLS warning shows only while the box is ticked.
    QVERIFY(dialog.insecureWarning()->isHidden());
    dialog.allowInsecureCheck()->setChecked(true);
    QVERIFY(!dialog.insecureWarning()->isHidden());
    QVERIFY(dialog.insecureWarning()->text().contains(QLatin1String("Warning")));
}

void TestMainWindow::connectDialogRoundTripsOptions()
{
    ConnectionOptions o;
    o.url = QUrl(QStringLiteral("wss://example.org:8443/feed"));
    o.name = QStringLiteral("feed");
    o.headers = {{"Authorization", "Bearer x"}, {"X-Trace", "1"}};
    o.subprotocols = {QStringLiteral("graphql-ws"), QStringLiteral("mqtt")};
    o.origin = QStringLiteral("https://example.org");
    o.tls.allowInsecure = true;
    o.tls.caFile = QStringLiteral("/tmp/ca.pem");
    o.upstreamProxy = QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("proxy.local"), 3128);
    o.autoReconnect = true;
    o.autoPingIntervalMs = 5000;
    o.payloadCap = 64 * 1024;

    ConnectDialog dialog;
    dialog.setOptions(o);
    const ConnectionOptions back = dialog.options();
    QCOMPARE(back.url, o.url);
    QCOMPARE(back.name, o.name);
    QCOMPARE(back.headers, o.headers);
    QCOMPARE(back.subprotocols, o.subprotocols);
    QCOMPARE(back.origin, o.origin);
    QCOMPARE(back.tls.allowInsecure, true);
    QCOMPARE(back.tls.caFile, o.tls.caFile);
    QCOMPARE(back.upstreamProxy.type(), QNetworkProxy::HttpProxy);
    QCOMPARE(back.upstreamProxy.hostName(), QStringLiteral("proxy.local"));
    QCOMPARE(back.upstreamProxy.port(), quint16(3128));
    QCOMPARE(back.autoReconnect, true);
    QCOMPARE(back.autoPingIntervalMs, 5000);
    QCOMPARE(back.payloadCap, quint64(64 * 1024));
}

void TestMainWindow::connectThroughDialog()
{
    const int rowsBefore = m_window->connectionModel()->rowCount();
    ConnectDialog *dialog = m_window->showConnectDialog();
    QVERIFY(dialog);
    dialog->urlCombo()->setEditText(m_server->url().toString());
    dialog->nameEdit()->setText(QStringLiteral("echo"));
    dialog->addHeaderRow(QStringLiteral("X-Test"), QStringLiteral("yes"));
    dialog->accept();

    QTRY_COMPARE(m_window->connectionModel()->rowCount(), rowsBefore + 1);
    m_conn = m_window->currentConnection();
    QVERIFY(m_conn != 0);
    ClientConnection *client = m_window->clientFor(m_conn);
    QVERIFY(client);
    QTRY_COMPARE(client->state(), ClientConnection::State::Open);
    QTRY_VERIFY(m_window->composer()->isConnected());
    QTRY_COMPARE(m_window->connectionModel()->state(m_conn), ConnectionListModel::State::Open);
    // The accepted URL is remembered first in the recent list.
    QCOMPARE(ConnectDialog::recentUrls().value(0), m_server->url().toString());
    QCOMPARE(m_window->connectionModel()->totals(m_conn).name, QStringLiteral("echo"));
    QVERIFY(m_window->windowTitle().contains(QLatin1String("echo")));
}

void TestMainWindow::handshakeTab()
{
    HandshakeView *view = m_window->handshakeView();
    QTRY_COMPARE(view->responseStatus(), 101);
    QVERIFY(view->hasRequest());
    bool acceptChecked = false;
    const auto verdicts = view->verdicts();
    for (const HandshakeView::Verdict &v : verdicts) {
        QVERIFY2(v.ok, qPrintable(v.id + QLatin1String(": ") + v.text));
        if (v.id == QLatin1String("accept"))
            acceptChecked = true;
    }
    QVERIFY(acceptChecked);
    const QString text = view->toPlainText();
    QVERIFY(text.contains(QLatin1String("GET /echo HTTP/1.1")));
    QVERIFY(text.contains(QLatin1String("101")));
    QVERIFY(text.contains(QLatin1String("Sec-WebSocket-Accept")));
    QVERIFY(text.contains(QLatin1String("X-Test")));
    QVERIFY2(text.contains(QStringLiteral("\u2714")), qPrintable(text)); // ticks, no crosses
    QVERIFY(!text.contains(QStringLiteral("\u2718")));
    // Set-up timings: TCP on its own, then the upgrade round trip.
    QVERIFY2(text.contains(QLatin1String("TCP connected")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Handshake round trip")), qPrintable(text));
}

void TestMainWindow::sendJsonFromComposer()
{
    Composer *composer = m_window->composer();
    const QByteArray json = R"({"zeta":1,"alpha":{"y":2,"b":3},"mid":[3,"x"]})";
    composer->setText(QString::fromUtf8(json));
    QTRY_VERIFY(composer->hintLabel()->text().contains(QLatin1String("Valid JSON")));
    composer->setText(QStringLiteral("{\"a\":"));
    QTRY_VERIFY(composer->hintLabel()->text().contains(QLatin1String("Invalid JSON")));
    composer->setText(QString::fromUtf8(json));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    composer->editor()->setFocus();
    QTest::keyClick(composer->editor(), Qt::Key_Return, Qt::ControlModifier);

    QTRY_VERIFY(rowOf(Direction::Out, Opcode::Text, json) >= 0);
    QTRY_VERIFY(rowOf(Direction::In, Opcode::Text, json) >= 0);
    const int outRow = rowOf(Direction::Out, Opcode::Text, json);
    const int inRow = rowOf(Direction::In, Opcode::Text, json);
    QVERIFY(outRow < inRow);
    QVERIFY(m_window->timelineModel()->index(outRow, 0).data(MaskedRole).toBool());
    QVERIFY(!m_window->timelineModel()->index(inRow, 0).data(MaskedRole).toBool());

    m_window->timelineView()->setCurrentIndex(m_window->timelineModel()->index(inRow, 0));
    PayloadView *payload = m_window->payloadView();
    QCOMPARE(payload->payload(), json);
    QVERIFY(payload->isTabEnabled(PayloadView::JsonTab));
    payload->setCurrentTab(PayloadView::JsonTab);
    const OrderedJson doc = payload->jsonView()->document();
    QVERIFY(doc.isValid());
    QStringList keys;
    for (int i = 0; i < doc.childCount(doc.root()); ++i)
        keys << doc.key(doc.child(doc.root(), i));
    QCOMPARE(keys, (QStringList{QStringLiteral("zeta"), QStringLiteral("alpha"), QStringLiteral("mid")}));
    const quint32 alpha = doc.child(doc.root(), 1);
    QCOMPARE(doc.key(doc.child(alpha, 0)), QStringLiteral("y"));
    QCOMPARE(doc.key(doc.child(alpha, 1)), QStringLiteral("b"));
    QVERIFY(composer->history().contains(QString::fromUtf8(json)));
}

void TestMainWindow::frameDetailsExplainHeader()
{
    const QByteArray json = R"({"zeta":1,"alpha":{"y":2,"b":3},"mid":[3,"x"]})";
    const int outRow = rowOf(Direction::Out, Opcode::Text, json);
    QVERIFY(outRow >= 0);
    m_window->timelineView()->setCurrentIndex(m_window->timelineModel()->index(outRow, 0));
    const QString text = m_window->frameDetailsView()->toPlainText();
    QVERIFY2(text.contains(QLatin1String("MASK set: payload XORed with key 0x")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("RFC 6455 §5.3")));
    QVERIFY(text.contains(QLatin1String("FIN set")));
    QVERIFY(text.contains(QLatin1String("RSV1 clear")));
    QVERIFY(text.contains(QLatin1String("7-bit length field")));
    QVERIFY(text.contains(QLatin1String("No protocol violation")));

    // The header bytes are rebuilt as they were sent: FIN+Text, MASK + 7-bit length, 4 key bytes.
    const qsizetype event = m_window->timelineModel()->eventIndex(outRow);
    const EventRecord record = m_window->eventLog()->at(event);
    const QByteArray header = FrameDetailsView::headerBytes(record);
    QCOMPARE(header.size(), 6);
    QCOMPARE(quint8(header.at(0)), quint8(0x81));
    QCOMPARE(quint8(header.at(1)), quint8(0x80 | json.size()));
    QVERIFY(text.contains(QStringLiteral("0x%1").arg(record.maskKey, 8, 16, QLatin1Char('0'))));

    const int inRow = rowOf(Direction::In, Opcode::Text, json);
    m_window->timelineView()->setCurrentIndex(m_window->timelineModel()->index(inRow, 0));
    QVERIFY(m_window->frameDetailsView()->toPlainText().contains(
        QLatin1String("MASK clear: not masked, as a server's frames must not be")));
}

void TestMainWindow::fragmentedMessageShowsWholeMessage()
{
    Composer *composer = m_window->composer();
    composer->setFragmentSize(4);
    composer->setText(QStringLiteral("abcdefghij"));
    composer->send();
    composer->setFragmentSize(0);

    // Out: "abcd" (Text, FIN clear), "efgh", "ij" (Continuation, FIN set on the last).
    QTRY_VERIFY(rowOf(Direction::Out, Opcode::Continuation, "ij") >= 0);
    QVERIFY(rowOf(Direction::Out, Opcode::Text, "abcd") >= 0);
    QVERIFY(rowOf(Direction::Out, Opcode::Continuation, "efgh") >= 0);
    const int lastRow = rowOf(Direction::Out, Opcode::Continuation, "ij");
    QVERIFY(m_window->timelineModel()->index(lastRow, 0).data(FinRole).toBool());
    QVERIFY(!m_window->timelineModel()
                 ->index(rowOf(Direction::Out, Opcode::Text, "abcd"), 0)
                 .data(FinRole)
                 .toBool());

    m_window->timelineView()->setCurrentIndex(m_window->timelineModel()->index(lastRow, 0));
    QCOMPARE(m_window->payloadView()->payload(), QByteArray("abcdefghij"));
    QVERIFY(m_window->messageLabel()->isVisible());
    QVERIFY(m_window->messageLabel()->text().contains(QLatin1String("3 frame")));
    const FrameMessage message = m_window->messageAt(m_window->timelineModel()->eventIndex(lastRow));
    QCOMPARE(message.frames.size(), 3);
    QCOMPARE(message.opcode, quint8(Opcode::Text));
    QVERIFY(message.complete);
    // The echo comes back whole, as one frame.
    QTRY_VERIFY(rowOf(Direction::In, Opcode::Text, "abcdefghij") >= 0);
}

void TestMainWindow::pingShowsRoundTrip()
{
    Composer *composer = m_window->composer();
    composer->pingPayloadEdit()->setText(QStringLiteral("rtt-probe"));
    composer->sendPing();
    QTRY_VERIFY(rowOf(Direction::In, Opcode::Pong, "rtt-probe") >= 0);
    QVERIFY(rowOf(Direction::Out, Opcode::Ping, "rtt-probe") >= 0);

    PingModel *pings = m_window->pingModel();
    QTRY_VERIFY(pings->rowCount() >= 1);
    int answered = -1;
    QTRY_VERIFY([&] {
        for (int i = 0; i < pings->rowCount(); ++i) {
            if (pings->row(i).status == PingModel::Status::Answered && pings->row(i).dir == Direction::Out)
                answered = i;
        }
        return answered >= 0;
    }());
    QVERIFY(pings->row(answered).rttNs > 0);
    QVERIFY(pings->row(answered).rttNs < qint64(5) * 1000 * 1000 * 1000);
    QTRY_VERIFY(m_window->pingView()->statsLabel()->text().contains(QLatin1String("p95")));
    QVERIFY(!m_window->pingView()->chart()->samples().isEmpty());
    QVERIFY(m_window->pingView()->chart()->samples().constLast().rttNs > 0);
    QTRY_VERIFY(m_window->connectionModel()->totals(m_conn).lastRttNs > 0);
}

void TestMainWindow::filterBarFindsAndCounts()
{
    FilterBar *bar = m_window->filterBar();
    m_window->findAction()->trigger();
    QVERIFY(bar->isVisible());
    const int total = m_window->timelineModel()->totalCount();
    bar->textEdit()->setText(QStringLiteral("ALPHA"));
    bar->apply();
    // Case-insensitive by default: the JSON out and its echo.
    QCOMPARE(m_window->timelineModel()->rowCount(), 2);
    QVERIFY(bar->countLabel()->text().contains(QLatin1String("2")));
    bar->caseCheck()->setChecked(true);
    QCOMPARE(m_window->timelineModel()->rowCount(), 0);
    QCOMPARE(bar->countLabel()->text(), QStringLiteral("No match"));
    bar->caseCheck()->setChecked(false);

    // Marking instead of hiding: F3 walks the matches.
    bar->onlyMatchingCheck()->setChecked(false);
    QCOMPARE(m_window->timelineModel()->rowCount(), total);
    m_window->timelineView()->setCurrentIndex(QModelIndex());
    bar->findNext();
    const int first = m_window->timelineView()->currentIndex().row();
    QVERIFY(m_window->timelineModel()->isMatch(first));
    bar->findNext();
    const int second = m_window->timelineView()->currentIndex().row();
    QVERIFY(second != first);
    QVERIFY(m_window->timelineModel()->isMatch(second));

    bar->regexCheck()->setChecked(true);
    bar->textEdit()->setText(QStringLiteral("(unclosed"));
    bar->apply();
    QCOMPARE(bar->countLabel()->text(), QStringLiteral("Invalid pattern"));

    bar->dismiss();
    QVERIFY(!bar->isVisible());
    QCOMPARE(m_window->timelineModel()->rowCount(), total);
}

void TestMainWindow::timelineFollowsTailUntilScrolledUp()
{
    QTableView *view = m_window->timelineView();
    view->resize(view->width(), 120); // a few rows tall, so there is something to scroll
    for (int i = 0; i < 30; ++i)
        m_window->clientFor(m_conn)->sendText(QStringLiteral("line %1").arg(i));
    QTRY_VERIFY(rowOf(Direction::In, Opcode::Text, "line 29") >= 0);
    QVERIFY(m_window->followTail());
    QTRY_COMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());

    view->verticalScrollBar()->setValue(0); // the user scrolls up
    QVERIFY(!m_window->followTail());
    QVERIFY(!m_window->followTailAction()->isChecked());
    m_window->clientFor(m_conn)->sendText(QStringLiteral("while paused"));
    QTRY_VERIFY(rowOf(Direction::In, Opcode::Text, "while paused") >= 0);
    QCOMPARE(view->verticalScrollBar()->value(), 0);

    // A filter that leaves a few rows clamps the scroll bar to its new maximum: that is not the user
    // going back to the bottom, so following stays paused.
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
    QVERIFY(!m_window->followTail());
    FilterBar *bar = m_window->filterBar();
    m_window->findAction()->trigger();
    bar->regexCheck()->setChecked(false);
    bar->caseCheck()->setChecked(false);
    bar->onlyMatchingCheck()->setChecked(true);
    bar->textEdit()->setText(QStringLiteral("line 29"));
    bar->apply();
    QCOMPARE(m_window->timelineModel()->rowCount(), 2);    // sent and echoed
    QTRY_COMPARE(view->verticalScrollBar()->maximum(), 0); // the view lays out later
    QVERIFY(!m_window->followTail());
    bar->dismiss();
    QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0);
    QVERIFY(!m_window->followTail());

    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum()); // back at the bottom
    QVERIFY(m_window->followTail());
}

void TestMainWindow::composerHistoryAndSnippets()
{
    Composer *composer = m_window->composer();
    QVERIFY(composer->history().size() >= 2);
    composer->setText(QString());
    QTest::keyClick(composer->editor(), Qt::Key_Up);
    QCOMPARE(composer->text(), composer->history().constLast());
    QTest::keyClick(composer->editor(), Qt::Key_Up);
    QCOMPARE(composer->text(), composer->history().at(composer->history().size() - 2));
    QTest::keyClick(composer->editor(), Qt::Key_Down);
    QCOMPARE(composer->text(), composer->history().constLast());
    QTest::keyClick(composer->editor(), Qt::Key_Down);
    QCOMPARE(composer->text(), QString()); // back to the draft

    composer->setText(QStringLiteral("{\"op\":\"subscribe\"}"));
    composer->saveSnippet(QStringLiteral("subscribe"));
    composer->setText(QString());
    QCOMPARE(composer->snippets().size(), 1);
    composer->applySnippet(QStringLiteral("subscribe"));
    QCOMPARE(composer->text(), QStringLiteral("{\"op\":\"subscribe\"}"));
    // Snippets belong to the URL.
    const QString url = composer->connectionUrl();
    composer->setConnectionUrl(QStringLiteral("ws://elsewhere/"));
    QVERIFY(composer->snippets().isEmpty());
    composer->setConnectionUrl(url);
    QCOMPARE(composer->snippets().value(0).name, QStringLiteral("subscribe"));
    composer->removeSnippet(QStringLiteral("subscribe"));
    QVERIFY(composer->snippets().isEmpty());

    bool ok = false;
    QCOMPARE(Composer::parseHex(QStringLiteral("0x48 65,6c:6C 6f"), &ok), QByteArray("Hello"));
    QVERIFY(ok);
    Composer::parseHex(QStringLiteral("4"), &ok);
    QVERIFY(!ok);
    Composer::parseHex(QStringLiteral("zz"), &ok);
    QVERIFY(!ok);
}

void TestMainWindow::serverCloseShowsBanner()
{
    CloseBanner *banner = m_window->closeBanner();
    QVERIFY(!banner->isVisible());
    m_window->composer()->setText(QStringLiteral("close-me"));
    m_window->composer()->send();

    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->closeInfo().code, 4001);
    QCOMPARE(banner->closeInfo().initiator, QStringLiteral("server"));
    QCOMPARE(banner->closeInfo().reason, QStringLiteral("custom"));
    const QString text = banner->text();
    QVERIFY2(text.contains(QLatin1String("Closed by the server with 4001")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("custom")));
    QTRY_VERIFY(banner->closeInfo().clean);
    QVERIFY(banner->text().contains(QLatin1String("Clean close")));
    QTRY_COMPARE(m_window->connectionModel()->state(m_conn), ConnectionListModel::State::Closed);
    QTRY_COMPARE(m_window->connectionModel()->totals(m_conn).closeCode, 4001);
    QTRY_VERIFY(!m_window->composer()->isConnected());
    QVERIFY(!m_window->closeConnectionAction()->isEnabled());

    // Reconnect makes a new row; the old one keeps its history.
    const int rows = m_window->connectionModel()->rowCount();
    const int oldRows = m_window->timelineModel()->totalCount();
    m_window->reconnectAction()->trigger();
    QTRY_COMPARE(m_window->connectionModel()->rowCount(), rows + 1);
    QVERIFY(m_window->currentConnection() != m_conn);
    QTRY_VERIFY(m_window->composer()->isConnected());
    QVERIFY(!banner->isVisible());
    m_window->selectConnection(m_conn);
    QCOMPARE(m_window->timelineModel()->totalCount(), oldRows);
    QVERIFY(banner->isVisible());
}

void TestMainWindow::refusedUpgradeShowsStatusAndBody()
{
    // A plain HTTP server that refuses the upgrade with 403 and a body.
    QTcpServer http;
    QVERIFY(http.listen(QHostAddress::LocalHost, 0));
    connect(&http, &QTcpServer::newConnection, &http, [&http] {
        QTcpSocket *socket = http.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            if (!socket->readAll().contains("\r\n\r\n"))
                return;
            socket->write("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 14\r\n"
                          "Connection: close\r\n\r\nno token given");
            socket->disconnectFromHost();
        });
    });
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/private").arg(http.serverPort()));
    const quint32 conn = m_window->openConnection(options);
    QVERIFY(conn != 0);
    QCOMPARE(m_window->currentConnection(), conn);
    QTRY_COMPARE(m_window->connectionModel()->state(conn), ConnectionListModel::State::Failed);
    QTRY_COMPARE(m_window->handshakeView()->responseStatus(), 403);
    const QString text = m_window->handshakeView()->toPlainText();
    QVERIFY2(text.contains(QLatin1String("no token given")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("\u2718")));
    QTRY_VERIFY(m_window->closeBanner()->isVisible());
    QVERIFY2(m_window->closeBanner()->text().contains(QLatin1String("403")),
             qPrintable(m_window->closeBanner()->text()));
    QVERIFY(!m_window->composer()->isConnected());
}

void TestMainWindow::settingsAreSaved()
{
    m_window->saveSettings();
    QSettings settings;
    QVERIFY(!settings.value(QStringLiteral("mainWindow/geometry")).toByteArray().isEmpty());
    QVERIFY(!settings.value(QStringLiteral("mainWindow/timelineHeader")).toByteArray().isEmpty());
    QVERIFY(!settings.value(QStringLiteral("mainWindow/centreSplitter")).toByteArray().isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
