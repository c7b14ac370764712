#include "mainwindow.h"

#include "clientconnection.h"
#include "closebanner.h"
#include "composer.h"
#include "connectdialog.h"
#include "connectionlistmodel.h"
#include "connectionlistview.h"
#include "diffdialog.h"
#include "eventlog.h"
#include "filterbar.h"
#include "framedetailsview.h"
#include "handshakeview.h"
#include "itemroles.h"
#include "mockdialog.h"
#include "payloadview.h"
#include "pingmodel.h"
#include "pingview.h"
#include "replaydialog.h"
#include "sessionfiles.h"
#include "timelinedelegate.h"
#include "timelinemodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace wsscope {

namespace {

enum class Glyph { New, Close, Reconnect, Duplicate, Rename, Remove, Follow, Clock, Find };

// Toolbar icons drawn with QPainter in the palette's text colour (no image plugins needed).
QIcon glyphIcon(Glyph glyph, const QColor &colour)
{
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(size / 24.0, size / 24.0);
        QPen pen(colour, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        switch (glyph) {
        case Glyph::New:
            p.setPen(QPen(QColor(0x1b, 0x9e, 0x4b), 2.6, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(12, 5), QPointF(12, 19));
            p.drawLine(QPointF(5, 12), QPointF(19, 12));
            break;
        case Glyph::Close:
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0xd3, 0x2f, 0x2f));
            p.drawRoundedRect(QRectF(6, 6, 12, 12), 2, 2);
            break;
        case Glyph::Reconnect: {
            p.drawArc(QRectF(5, 5, 14, 14), 60 * 16, 290 * 16);
            QPainterPath head;
            head.moveTo(19.5, 4);
            head.lineTo(19.5, 10);
            head.lineTo(13.5, 10);
            p.drawPath(head);
            break;
        }
        case Glyph::Duplicate:
            p.drawRoundedRect(QRectF(4, 8, 11, 12), 1.5, 1.5);
            p.drawPolyline(
                QPolygonF({QPointF(9, 8), QPointF(9, 4), QPointF(20, 4), QPointF(20, 16), QPointF(15, 16)}));
            break;
        case Glyph::Rename: {
            p.translate(12, 12);
            p.rotate(-45);
            p.drawRect(QRectF(-7, -2.5, 12, 5));
            QPainterPath tip;
            tip.moveTo(5, -2.5);
            tip.lineTo(9, 0);
            tip.lineTo(5, 2.5);
            p.drawPath(tip);
            break;
        }
        case Glyph::Remove:
            p.drawLine(QPointF(5, 7), QPointF(19, 7));
            p.drawLine(QPointF(10, 4.5), QPointF(14, 4.5));
            p.drawPolyline(QPolygonF({QPointF(7, 7), QPointF(8, 20), QPointF(16, 20), QPointF(17, 7)}));
            p.drawLine(QPointF(10.5, 10), QPointF(10.5, 17));
            p.drawLine(QPointF(13.5, 10), QPointF(13.5, 17));
            break;
        case Glyph::Follow:
            p.drawLine(QPointF(12, 4), QPointF(12, 16));
            p.drawPolyline(QPolygonF({QPointF(7, 11), QPointF(12, 16), QPointF(17, 11)}));
            p.drawLine(QPointF(5, 20), QPointF(19, 20));
            break;
        case Glyph::Clock:
            p.drawEllipse(QRectF(4, 4, 16, 16));
            p.drawPolyline(QPolygonF({QPointF(12, 7.5), QPointF(12, 12), QPointF(15.5, 14)}));
            break;
        case Glyph::Find:
            p.drawEllipse(QRectF(4, 4, 11, 11));
            p.setPen(QPen(colour, 2.6, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(13.5, 13.5), QPointF(19.5, 19.5));
            break;
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

// The window icon: two opposite arrows (the two directions of a WebSocket) on a blue tile.
QIcon appIcon()
{
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(size / 64.0, size / 64.0);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x1f, 0x6f, 0xd1));
        p.drawRoundedRect(QRectF(2, 2, 60, 60), 12, 12);
        p.setPen(QPen(Qt::white, 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawLine(QPointF(14, 24), QPointF(48, 24));
        p.drawPolyline(QPolygonF({QPointF(40, 16), QPointF(48, 24), QPointF(40, 32)}));
        p.setPen(QPen(QColor(0xa8, 0xe6, 0xb8), 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawLine(QPointF(50, 42), QPointF(16, 42));
        p.drawPolyline(QPolygonF({QPointF(24, 34), QPointF(16, 42), QPointF(24, 50)}));
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

ConnectionListModel::State liveState(ClientConnection::State s)
{
    switch (s) {
    case ClientConnection::State::Open:
        return ConnectionListModel::State::Open;
    case ClientConnection::State::Closing:
        return ConnectionListModel::State::Closing;
    case ClientConnection::State::Closed:
        return ConnectionListModel::State::Closed;
    case ClientConnection::State::Idle:
    case ClientConnection::State::Connecting:
    case ClientConnection::State::Reconnecting:
        break;
    }
    return ConnectionListModel::State::Connecting;
}

QString bytesText(double bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeTraditionalFormat);
}

const char SettingsGroup[] = "mainWindow";

} // namespace

MainWindow::MainWindow(EventLog *log, QWidget *parent) : QMainWindow(parent), m_log(log)
{
    if (!m_log) {
        m_log = new EventLog(this);
        m_ownsLog = true;
    }
    setWindowTitle(tr("WsScope"));
    setWindowIcon(appIcon());
    setObjectName(QStringLiteral("mainWindow"));

    m_connectionModel = new ConnectionListModel(m_log, this);
    m_timelineModel = new TimelineModel(m_log, this);
    m_pingModel = new PingModel(m_log, this);

    buildActions();
    buildLayout();

    connect(m_log, &EventLog::appended, this, &MainWindow::onLogAppended);
    onLogAppended(m_log->size());

    auto *rateTimer = new QTimer(this);
    rateTimer->start(1000);
    connect(rateTimer, &QTimer::timeout, this, &MainWindow::updateRates);

    restoreSettings();
    updateActions();
    refreshComposerState();
    updateRates();
}

MainWindow::~MainWindow()
{
    // Replays and mock servers record into the log too, and an owned log is an earlier child.
    qDeleteAll(findChildren<ReplayDialog *>(QString(), Qt::FindDirectChildrenOnly));
    qDeleteAll(findChildren<MockDialog *>(QString(), Qt::FindDirectChildrenOnly));
    // Clients record into the log until they are gone; delete them first.
    const auto clients = findChildren<ClientConnection *>(QString(), Qt::FindDirectChildrenOnly);
    for (ClientConnection *client : clients)
        delete client;
}

void MainWindow::buildActions()
{
    const QColor ink = palette().color(QPalette::WindowText);
    m_actNew = new QAction(glyphIcon(Glyph::New, ink), tr("&New Connection…"), this);
    m_actNew->setShortcut(QKeySequence::New);
    m_actNew->setToolTip(tr("Open a new WebSocket connection (Ctrl+N)"));
    connect(m_actNew, &QAction::triggered, this, [this] { showConnectDialog(); });

    m_actClose = new QAction(glyphIcon(Glyph::Close, ink), tr("&Close"), this);
    m_actClose->setToolTip(tr("Close the selected connection with 1000 Normal Closure"));
    connect(m_actClose, &QAction::triggered, this, &MainWindow::closeCurrentConnection);
    m_actReconnect = new QAction(glyphIcon(Glyph::Reconnect, ink), tr("Rec&onnect"), this);
    m_actReconnect->setToolTip(tr("Connect again with the same options; the old history stays in its row"));
    connect(m_actReconnect, &QAction::triggered, this, &MainWindow::reconnectCurrentConnection);
    m_actDuplicate = new QAction(glyphIcon(Glyph::Duplicate, ink), tr("&Duplicate"), this);
    m_actDuplicate->setToolTip(tr("Open a second connection with the same options"));
    connect(m_actDuplicate, &QAction::triggered, this, &MainWindow::duplicateCurrentConnection);
    m_actRename = new QAction(glyphIcon(Glyph::Rename, ink), tr("Re&name…"), this);
    m_actRename->setShortcut(Qt::Key_F2);
    connect(m_actRename, &QAction::triggered, this, &MainWindow::renameCurrentConnection);
    m_actRemove = new QAction(glyphIcon(Glyph::Remove, ink), tr("&Remove"), this);
    m_actRemove->setToolTip(tr("Close the connection and remove it from the list"));
    connect(m_actRemove, &QAction::triggered, this, &MainWindow::removeCurrentConnection);

    m_actFollow = new QAction(glyphIcon(Glyph::Follow, ink), tr("&Follow Tail"), this);
    m_actFollow->setCheckable(true);
    m_actFollow->setChecked(true);
    m_actFollow->setShortcut(Qt::Key_End | Qt::ControlModifier);
    m_actFollow->setToolTip(tr("Keep the newest frame in view; scrolling up pauses it, scrolling to the "
                               "bottom resumes it"));
    connect(m_actFollow, &QAction::toggled, this, &MainWindow::setFollowTail);
    m_actAbsolute = new QAction(glyphIcon(Glyph::Clock, ink), tr("&Absolute Times"), this);
    m_actAbsolute->setCheckable(true);
    m_actAbsolute->setToolTip(
        tr("Show wall-clock times instead of milliseconds since the connection started"));
    connect(m_actAbsolute, &QAction::toggled, this,
            [this](bool on) { m_timelineModel->setAbsoluteTime(on); });

    m_actFind = new QAction(glyphIcon(Glyph::Find, ink), tr("&Find…"), this);
    m_actFind->setShortcut(QKeySequence::Find);
    m_actFind->setToolTip(tr("Find and filter timeline rows (Ctrl+F)"));
    m_actFindNext = new QAction(tr("Find &Next"), this);
    m_actFindNext->setShortcut(Qt::Key_F3);
    m_actFindPrevious = new QAction(tr("Find &Previous"), this);
    m_actFindPrevious->setShortcut(Qt::Key_F3 | Qt::ShiftModifier);

    m_actCopy = new QAction(tr("&Copy Payload"), this);
    m_actCopy->setShortcut(QKeySequence::Copy);
    m_actCopy->setShortcutContext(Qt::WidgetShortcut);
    connect(m_actCopy, &QAction::triggered, this, &MainWindow::copyPayload);
    m_actCopyHex = new QAction(tr("Copy as &Hex"), this);
    connect(m_actCopyHex, &QAction::triggered, this, &MainWindow::copyPayloadAsHex);
    m_actSave = new QAction(tr("&Save Payload to File…"), this);
    connect(m_actSave, &QAction::triggered, this, &MainWindow::savePayload);
    m_actResend = new QAction(tr("&Resend This Message"), this);
    connect(m_actResend, &QAction::triggered, this, &MainWindow::resendMessage);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actNew);
    m_files = new SessionFiles(this);
    m_files->addFileActions(file);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    for (QAction *a : {m_actClose, m_actReconnect, m_actDuplicate, m_actRename, m_actRemove})
        connection->addAction(a);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QAction *a : {m_actFind, m_actFindNext, m_actFindPrevious})
        view->addAction(a);
    view->addSeparator();
    view->addAction(m_actFollow);
    view->addAction(m_actAbsolute);

    QToolBar *bar = addToolBar(tr("Connections"));
    bar->setObjectName(QStringLiteral("connectionsToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(18, 18));
    for (QAction *a : {m_actNew, m_actClose, m_actReconnect, m_actDuplicate, m_actRename, m_actRemove})
        bar->addAction(a);
    bar->addSeparator();
    bar->addAction(m_actFollow);
    bar->addAction(m_actAbsolute);
    bar->addAction(m_actFind);
    buildSessionActions();
}

void MainWindow::buildLayout()
{
    // Left: connections.
    m_connectionView = new ConnectionListView(this);
    m_connectionView->setObjectName(QStringLiteral("connectionView"));
    m_connectionView->setModel(m_connectionModel);
    connect(m_connectionView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onConnectionCurrentChanged);
    connect(m_connectionView, &QWidget::customContextMenuRequested, this, &MainWindow::showConnectionMenu);
    connect(m_connectionModel, &QAbstractItemModel::dataChanged, this, [this] {
        updateActions();
        refreshComposerState();
        updateTotals();
    });
    connect(m_connectionModel, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_current && m_connectionModel->rowCount() > 0)
            selectConnection(m_connectionModel->connectionAt(m_connectionModel->rowCount() - 1));
    });

    // Centre: close banner, find bar, timeline.
    m_closeBanner = new CloseBanner(this);
    m_filterBar = new FilterBar(this);
    m_filterBar->hide();
    m_timelineView = new QTableView(this);
    m_timelineView->setObjectName(QStringLiteral("timelineView"));
    m_timelineView->setModel(m_timelineModel);
    m_timelineDelegate = new TimelineDelegate(m_timelineView);
    m_timelineDelegate->setDirectionColumn(TimelineModel::DirectionColumn);
    m_timelineView->setItemDelegate(m_timelineDelegate);
    m_timelineView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_timelineView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_timelineView->setWordWrap(false);
    m_timelineView->setShowGrid(false);
    m_timelineView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_timelineView->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    QHeaderView *rows = m_timelineView->verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed); // uniform rows: no per-row size queries
    rows->setDefaultSectionSize(m_timelineView->fontMetrics().height() + 6);
    QHeaderView *columns = m_timelineView->horizontalHeader();
    columns->setStretchLastSection(true);
    columns->setSectionsMovable(true);
    columns->setHighlightSections(false);
    columns->resizeSection(TimelineModel::NumberColumn, 60);
    columns->resizeSection(TimelineModel::TimeColumn, 110);
    columns->resizeSection(TimelineModel::DirectionColumn, 34);
    columns->resizeSection(TimelineModel::TypeColumn, 120);
    columns->resizeSection(TimelineModel::FinColumn, 40);
    columns->resizeSection(TimelineModel::RsvColumn, 44);
    columns->resizeSection(TimelineModel::MaskColumn, 80);
    columns->resizeSection(TimelineModel::LengthColumn, 70);
    m_timelineView->addAction(m_actCopy);
    m_filterBar->setModel(m_timelineModel);
    m_filterBar->setView(m_timelineView);
    connect(m_actFind, &QAction::triggered, m_filterBar, &FilterBar::activate);
    connect(m_actFindNext, &QAction::triggered, m_filterBar, [this] {
        if (m_filterBar->isHidden())
            m_filterBar->activate();
        else
            m_filterBar->findNext();
    });
    connect(m_actFindPrevious, &QAction::triggered, m_filterBar, &FilterBar::findPrevious);
    connect(m_timelineView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onTimelineCurrentChanged);
    connect(m_timelineModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::onTimelineRowsInserted);
    connect(m_timelineModel, &QAbstractItemModel::modelReset, this, &MainWindow::onTimelineCurrentChanged);
    connect(m_timelineView, &QWidget::customContextMenuRequested, this, &MainWindow::showTimelineMenu);
    connect(m_timelineView->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_scrollingToTail) {
            m_lastScrollValue = value;
            return;
        }
        // The user scrolled: up pauses following, moving down to the bottom resumes it. A value
        // clamped to a smaller maximum (a filter left fewer rows) is not a move to the bottom.
        const int previous = m_lastScrollValue;
        m_lastScrollValue = value;
        if (value < m_timelineView->verticalScrollBar()->maximum())
            setFollowTail(false);
        else if (value > previous)
            setFollowTail(true);
    });

    auto *timelinePane = new QWidget(this);
    auto *timelineLayout = new QVBoxLayout(timelinePane);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->setSpacing(0);
    timelineLayout->addWidget(m_closeBanner);
    timelineLayout->addWidget(m_filterBar);
    timelineLayout->addWidget(m_timelineView, 1);

    // Tabs for the selected row and connection.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setDocumentMode(true);
    auto *payloadPane = new QWidget(this);
    auto *payloadLayout = new QVBoxLayout(payloadPane);
    payloadLayout->setContentsMargins(0, 2, 0, 0);
    m_messageLabel = new QLabel(payloadPane);
    m_messageLabel->setTextFormat(Qt::RichText);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setContentsMargins(6, 2, 6, 2);
    m_messageLabel->hide();
    connect(m_messageLabel, &QLabel::linkActivated, this, [this](const QString &link) {
        selectEvent(qsizetype(link.section(QLatin1Char(':'), 1).toLongLong()));
    });
    m_payloadView = new PayloadView(payloadPane);
    payloadLayout->addWidget(m_messageLabel);
    payloadLayout->addWidget(m_payloadView, 1);
    m_frameDetails = new FrameDetailsView(this);
    m_handshakeView = new HandshakeView(this);
    m_pingView = new PingView(this);
    m_pingView->setModel(m_pingModel);
    m_tabs->addTab(payloadPane, tr("&Payload"));
    m_tabs->addTab(m_frameDetails, tr("F&rame Details"));
    m_tabs->addTab(m_handshakeView, tr("&Handshake"));
    m_tabs->addTab(m_pingView, tr("Pin&g/Pong"));
    connect(m_pingView, &PingView::pingRequested, this, [this] {
        if (ClientConnection *c = clientFor(m_current))
            c->ping(QByteArrayLiteral("wsscope-manual"));
    });
    connect(m_pingView, &PingView::autoPingIntervalChanged, this, [this](int seconds) {
        if (ClientConnection *c = clientFor(m_current))
            c->setAutoPingInterval(seconds * 1000);
    });
    connect(m_pingView, &PingView::rowActivated, this, [this](qsizetype event) { selectEvent(event); });

    // Bottom: the composer.
    m_composer = new Composer(this);
    connect(m_composer, &Composer::sendTextRequested, this, [this](const QString &text, int fragment) {
        sendThroughCurrent([&](ClientConnection *c) { c->sendText(text); }, fragment);
    });
    connect(m_composer, &Composer::sendBinaryRequested, this, [this](const QByteArray &data, int fragment) {
        sendThroughCurrent([&](ClientConnection *c) { c->sendBinary(data); }, fragment);
    });
    connect(m_composer, &Composer::pingRequested, this, [this](const QByteArray &payload) {
        if (ClientConnection *c = clientFor(m_current))
            c->ping(payload);
    });
    connect(m_composer, &Composer::closeRequested, this, [this](int code, const QString &reason) {
        if (ClientConnection *c = clientFor(m_current))
            c->close(code, reason);
    });

    m_centreSplitter = new QSplitter(Qt::Vertical, this);
    m_centreSplitter->setObjectName(QStringLiteral("centreSplitter"));
    m_centreSplitter->addWidget(timelinePane);
    m_centreSplitter->addWidget(m_tabs);
    m_centreSplitter->addWidget(m_composer);
    m_centreSplitter->setStretchFactor(0, 3);
    m_centreSplitter->setStretchFactor(1, 2);
    m_centreSplitter->setStretchFactor(2, 0);
    m_centreSplitter->setChildrenCollapsible(false);
    m_centreSplitter->setSizes({420, 300, 150});

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(m_connectionView);
    m_mainSplitter->addWidget(m_centreSplitter);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({520, 1080});
    setCentralWidget(m_mainSplitter);

    m_rateLabel = new QLabel(this);
    m_totalsLabel = new QLabel(this);
    statusBar()->addWidget(m_totalsLabel, 1);
    statusBar()->addPermanentWidget(m_rateLabel);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QLatin1String(SettingsGroup));
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        resize(1500, 920);
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_mainSplitter->restoreState(settings.value(QStringLiteral("mainSplitter")).toByteArray());
    m_centreSplitter->restoreState(settings.value(QStringLiteral("centreSplitter")).toByteArray());
    m_timelineView->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("timelineHeader")).toByteArray());
    m_connectionView->header()->restoreState(
        settings.value(QStringLiteral("connectionHeader")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("detailTab"), 0).toInt());
    m_actAbsolute->setChecked(settings.value(QStringLiteral("absoluteTime"), false).toBool());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QLatin1String(SettingsGroup));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("centreSplitter"), m_centreSplitter->saveState());
    settings.setValue(QStringLiteral("timelineHeader"), m_timelineView->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("connectionHeader"), m_connectionView->header()->saveState());
    settings.setValue(QStringLiteral("detailTab"), m_tabs->currentIndex());
    settings.setValue(QStringLiteral("absoluteTime"), m_actAbsolute->isChecked());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

// Connections -------------------------------------------------------------------------------------

ConnectDialog *MainWindow::showConnectDialog(const ConnectionOptions *prefill)
{
    auto *dialog = new ConnectDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (prefill)
        dialog->setOptions(*prefill);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { openConnection(dialog->options()); });
    dialog->open();
    return dialog;
}

quint32 MainWindow::openConnection(const ConnectionOptions &options)
{
    auto *client = new ClientConnection(m_log, this);
    wireClient(client);
    client->open(options);
    const quint32 conn = client->connectionId();
    if (conn == 0) {
        const QString error = client->errorString();
        delete client;
        QMessageBox::warning(this, tr("New Connection"),
                             error.isEmpty() ? tr("The connection could not be started.") : error);
        return 0;
    }
    m_clients.insert(conn, client);
    m_connectionModel->flush();
    m_connectionModel->setLiveState(conn, liveState(client->state()));
    selectConnection(conn);
    return conn;
}

void MainWindow::wireClient(ClientConnection *client)
{
    // A client makes a new connection number on every attempt (reconnects); each keeps its row.
    auto track = [this, client] {
        const quint32 conn = client->connectionId();
        if (conn && !m_clients.contains(conn)) {
            // Someone watching the previous attempt (an automatic reconnect) goes on with the new one.
            const bool follow = m_current && m_clients.value(m_current) == client;
            m_clients.insert(conn, client);
            m_connectionModel->flush();
            if (follow)
                selectConnection(conn);
        }
        return conn;
    };
    connect(client, &ClientConnection::stateChanged, this, [this, client, track](ClientConnection::State s) {
        const quint32 conn = track();
        if (!conn)
            return;
        // Earlier rows of this client are history now.
        for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
            if (it.value() == client && it.key() != conn &&
                m_connectionModel->state(it.key()) != ConnectionListModel::State::Failed)
                m_connectionModel->setLiveState(it.key(), ConnectionListModel::State::Closed);
        }
        if (!(s == ClientConnection::State::Closed && m_failures.contains(conn)))
            m_connectionModel->setLiveState(conn, liveState(s));
        if (conn == m_current) {
            refreshComposerState();
            refreshCloseBanner();
        }
        updateActions();
    });
    connect(client, &ClientConnection::failed, this, [this, track](const QString &message) {
        const quint32 conn = track();
        if (!conn)
            return;
        m_failures.insert(conn, message);
        m_connectionModel->setLiveState(conn, ConnectionListModel::State::Failed);
        if (conn == m_current)
            refreshCloseBanner();
        statusBar()->showMessage(message, 10000);
    });
    connect(client, &ClientConnection::closed, this, [this, track](int, const QString &, bool) {
        const quint32 conn = track();
        if (conn == m_current)
            refreshCloseBanner();
    });
}

ClientConnection *MainWindow::clientFor(quint32 conn) const
{
    return m_clients.value(conn).data();
}

void MainWindow::selectConnection(quint32 conn)
{
    const int row = m_connectionModel->rowForConnection(conn);
    if (row < 0)
        return;
    m_connectionView->setCurrentIndex(m_connectionModel->index(row, ConnectionListModel::NameColumn));
}

void MainWindow::onConnectionCurrentChanged()
{
    const QModelIndex current = m_connectionView->currentIndex();
    const quint32 conn = current.isValid() ? m_connectionModel->connectionAt(current.row()) : 0;
    if (conn == m_current)
        return;
    m_current = conn;
    m_timelineModel->setConnection(conn);
    m_pingModel->setConnection(conn);
    m_rateConn = 0;
    setFollowTail(true);
    refreshConnectionViews();
    onTimelineCurrentChanged();
    updateActions();
    refreshComposerState();
    updateRates();
}

void MainWindow::refreshConnectionViews()
{
    const Summary s = m_summaries.value(m_current);
    m_handshakeView->setEvents(m_log, m_current, s.request, s.response, s.tls, s.tcp);
    refreshCloseBanner();
    const ConnectionRecord record = m_log->connection(m_current);
    const QString url = record.details.value(QLatin1String("url")).toString();
    m_composer->setConnectionUrl(url);
    ClientConnection *client = clientFor(m_current);
    m_pingView->setAutoPingInterval(client ? client->options().autoPingIntervalMs / 1000 : 0);
    const ConnectionListModel::Totals totals = m_connectionModel->totals(m_current);
    const QString name = totals.name.isEmpty() ? url : totals.name;
    setWindowTitle(m_current ? tr("%1 \u2014 WsScope").arg(name) : tr("WsScope"));
}

void MainWindow::refreshCloseBanner()
{
    if (!m_current) {
        m_closeBanner->hide();
        return;
    }
    const Summary s = m_summaries.value(m_current);
    const QJsonObject started = m_log->connection(m_current).details;
    const QDateTime start =
        QDateTime::fromString(started.value(QLatin1String("started")).toString(), Qt::ISODateWithMs);
    CloseBanner::CloseInfo info;
    if (s.close >= 0) {
        const QJsonObject d = m_log->details(s.close);
        QString initiator = d.value(QLatin1String("initiator")).toString();
        if (initiator == QLatin1String("none"))
            initiator.clear();
        info.initiator = initiator;
        info.code = d.value(QLatin1String("code")).toInt(-1);
        info.reason = d.value(QLatin1String("reason")).toString();
        info.clean = d.value(QLatin1String("clean")).toBool();
        info.timeNs = m_log->at(s.close).timeNs;
    } else if (m_failures.contains(m_current) ||
               m_connectionModel->state(m_current) == ConnectionListModel::State::Failed) {
        info.errorText = m_failures.value(m_current);
        const qsizetype error = s.explainedError >= 0 ? s.explainedError : s.lastError;
        if (info.errorText.isEmpty() && error >= 0)
            info.errorText = m_log->details(error).value(QLatin1String("message")).toString();
        if (s.lastError >= 0)
            info.timeNs = m_log->at(s.lastError).timeNs;
    } else {
        m_closeBanner->hide();
        return;
    }
    if (start.isValid() && info.timeNs >= 0)
        info.wallTime = start.addMSecs(info.timeNs / 1000000).toLocalTime();
    if (s.close >= 0 && m_failures.contains(m_current))
        info.errorText = m_failures.value(m_current);
    m_closeBanner->showClose(info);
}

void MainWindow::refreshComposerState()
{
    ClientConnection *client = clientFor(m_current);
    const bool open =
        client && client->connectionId() == m_current && client->state() == ClientConnection::State::Open;
    m_composer->setConnected(open);
    m_pingView->setAutoPingEnabled(client && client->connectionId() == m_current);
    m_files->refreshReadOnly(m_current);
}

void MainWindow::updateActions()
{
    ClientConnection *client = clientFor(m_current);
    const bool live = client && client->connectionId() == m_current;
    const bool active = live && client->state() != ClientConnection::State::Closed;
    m_actClose->setEnabled(active);
    m_actReconnect->setEnabled(client != nullptr);
    m_actDuplicate->setEnabled(client != nullptr);
    m_actRename->setEnabled(m_current != 0);
    m_actRemove->setEnabled(m_current != 0);
    for (QAction *a : {m_actReplay, m_actMock, m_actDiff})
        if (a)
            a->setEnabled(m_current != 0);
}

void MainWindow::closeCurrentConnection()
{
    ClientConnection *client = clientFor(m_current);
    if (client && client->connectionId() == m_current)
        client->close(1000, QString());
}

void MainWindow::reconnectCurrentConnection()
{
    ClientConnection *client = clientFor(m_current);
    if (!client)
        return;
    if (client->connectionId() != m_current || client->state() == ClientConnection::State::Closed ||
        client->state() == ClientConnection::State::Idle) {
        client->open(client->options());
    } else {
        // Still open: this row ends here and a new one begins.
        client->abort();
        client->open(client->options());
    }
    const quint32 conn = client->connectionId();
    m_clients.insert(conn, client);
    m_connectionModel->flush();
    selectConnection(conn);
}

void MainWindow::duplicateCurrentConnection()
{
    if (ClientConnection *client = clientFor(m_current))
        openConnection(client->options());
}

void MainWindow::renameCurrentConnection()
{
    if (!m_current)
        return;
    const ConnectionListModel::Totals totals = m_connectionModel->totals(m_current);
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename Connection"), tr("Name shown in the list:"), QLineEdit::Normal,
                              totals.name.isEmpty() ? totals.url : totals.name, &ok);
    if (!ok)
        return;
    m_connectionModel->setName(m_current, name.trimmed());
    m_log->setConnectionName(m_current, name.trimmed()); // saved with the session
    m_files->markUnsaved();
    refreshConnectionViews();
}

void MainWindow::removeCurrentConnection()
{
    const quint32 conn = m_current;
    if (!conn)
        return;
    ClientConnection *client = clientFor(conn);
    if (client && client->connectionId() == conn && client->state() != ClientConnection::State::Closed)
        client->abort();
    const int row = m_connectionModel->rowForConnection(conn);
    m_connectionModel->removeConnection(conn);
    // Nothing else refers to the client once its last row is gone.
    if (client) {
        bool stillListed = false;
        for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
            if (it.value() == client && m_connectionModel->rowForConnection(it.key()) >= 0)
                stillListed = true;
        }
        if (!stillListed) {
            for (auto it = m_clients.begin(); it != m_clients.end();) {
                if (it.value() == client)
                    it = m_clients.erase(it);
                else
                    ++it;
            }
            client->deleteLater();
        }
    }
    const int rows = m_connectionModel->rowCount();
    if (rows > 0)
        selectConnection(m_connectionModel->connectionAt(qBound(0, row, rows - 1)));
    else
        onConnectionCurrentChanged();
}

void MainWindow::showConnectionMenu(const QPoint &pos)
{
    const QModelIndex index = m_connectionView->indexAt(pos);
    if (index.isValid())
        m_connectionView->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(m_actNew);
    if (index.isValid()) {
        menu.addSeparator();
        for (QAction *a : {m_actClose, m_actReconnect, m_actDuplicate, m_actRename, m_actRemove})
            menu.addAction(a);
        menu.addSeparator();
        for (QAction *a : {m_actReplay, m_actMock, m_actDiff})
            menu.addAction(a);
    }
    menu.exec(m_connectionView->viewport()->mapToGlobal(pos));
}

// Log and timeline --------------------------------------------------------------------------------

void MainWindow::onLogAppended(qsizetype size)
{
    QSet<quint32> touched;
    for (qsizetype i = m_scanned; i < size; ++i) {
        const EventRecord r = m_log->at(i);
        switch (r.kind) {
        case EventKind::Handshake: {
            Summary &s = m_summaries[r.conn];
            if (r.dir == Direction::Out)
                s.request = i;
            else
                s.response = i;
            touched.insert(r.conn);
            break;
        }
        case EventKind::Tls:
            m_summaries[r.conn].tls.append(i);
            touched.insert(r.conn);
            break;
        case EventKind::State:
            if (HandshakeView::isTcpConnected(*m_log, i)) {
                m_summaries[r.conn].tcp = i;
                touched.insert(r.conn);
            }
            break;
        case EventKind::Close:
            m_summaries[r.conn].close = i;
            touched.insert(r.conn);
            break;
        case EventKind::Error:
            m_summaries[r.conn].lastError = i;
            if (m_log->details(i).value(QLatin1String("where")).toString() != QLatin1String("client"))
                m_summaries[r.conn].explainedError = i;
            touched.insert(r.conn);
            break;
        default:
            break;
        }
    }
    m_scanned = size;
    if (touched.contains(m_current)) {
        const Summary s = m_summaries.value(m_current);
        m_handshakeView->setEvents(m_log, m_current, s.request, s.response, s.tls, s.tcp);
        refreshCloseBanner();
    }
}

void MainWindow::setFollowTail(bool follow)
{
    if (m_followTail != follow) {
        m_followTail = follow;
        const QSignalBlocker blocker(m_actFollow);
        m_actFollow->setChecked(follow);
    }
    if (follow && m_timelineView) {
        m_scrollingToTail = true;
        m_timelineView->scrollToBottom();
        m_scrollingToTail = false;
    }
}

void MainWindow::onTimelineRowsInserted()
{
    if (!m_followTail)
        return;
    m_scrollingToTail = true;
    m_timelineView->scrollToBottom();
    m_scrollingToTail = false;
}

bool MainWindow::selectEvent(qsizetype eventIndex)
{
    m_timelineModel->flush();
    const int row = m_timelineModel->rowForEventIndex(eventIndex);
    if (row < 0)
        return false;
    const QModelIndex index = m_timelineModel->index(row, TimelineModel::PreviewColumn);
    m_timelineView->setCurrentIndex(index);
    m_timelineView->scrollTo(index);
    return true;
}

qsizetype MainWindow::currentEventIndex() const
{
    const QModelIndex current = m_timelineView->currentIndex();
    return current.isValid() ? m_timelineModel->eventIndex(current.row()) : -1;
}

FrameMessage MainWindow::messageAt(qsizetype eventIndex) const
{
    return Messages::containing(*m_log, eventIndex);
}

void MainWindow::onTimelineCurrentChanged()
{
    const qsizetype event = currentEventIndex();
    m_frameDetails->setEvent(m_log, event);
    if (event < 0) {
        m_payloadView->clear();
        m_messageLabel->hide();
        return;
    }
    const EventRecord r = m_log->at(event);
    if (r.kind != EventKind::Frame) {
        m_payloadView->clear();
        m_messageLabel->hide();
        if (r.kind == EventKind::Handshake || r.kind == EventKind::Tls)
            m_tabs->setCurrentIndex(HandshakeTab);
        return;
    }
    const FrameMessage m = messageAt(event);
    m_payloadView->setPayload(m.payload, m.opcode, m.truncated, m.length);
    if (m.frames.size() > 1 || !m.complete) {
        QStringList links;
        for (qsizetype f : m.frames) {
            const int row = m_timelineModel->rowForEventIndex(f);
            const QString label =
                row >= 0 ? QStringLiteral("#%1").arg(m_timelineModel->index(row, 0).data().toString())
                         : QStringLiteral("@%1").arg(f);
            links << (f == event ? QStringLiteral("<b>%1</b>").arg(label)
                                 : QStringLiteral("<a href='event:%1'>%2</a>").arg(f).arg(label));
        }
        QString text = m.complete
                           ? tr("Whole message of %n frame(s), %1:", nullptr, int(m.frames.size()))
                           : tr("Incomplete message, %n frame(s) so far, %1:", nullptr, int(m.frames.size()));
        text = text.arg(bytesText(double(m.length)).toHtmlEscaped());
        m_messageLabel->setText(text + QLatin1Char(' ') + links.join(QStringLiteral(", ")));
        m_messageLabel->show();
    } else {
        m_messageLabel->hide();
    }
}

void MainWindow::showTimelineMenu(const QPoint &pos)
{
    const QModelIndex index = m_timelineView->indexAt(pos);
    if (!index.isValid())
        return;
    m_timelineView->setCurrentIndex(index);
    const qsizetype event = currentEventIndex();
    const EventRecord r = m_log->at(event);
    const bool frame = r.kind == EventKind::Frame;
    const bool data = frame && !Opcode::isControl(r.opcode);
    m_actCopy->setEnabled(frame);
    m_actCopyHex->setEnabled(frame);
    m_actSave->setEnabled(frame);
    ClientConnection *client = clientFor(m_current);
    m_actResend->setEnabled(data && client && client->connectionId() == m_current &&
                            client->state() == ClientConnection::State::Open);
    QMenu menu(this);
    menu.addAction(m_actCopy);
    menu.addAction(m_actCopyHex);
    menu.addAction(m_actSave);
    menu.addSeparator();
    menu.addAction(m_actResend);
    menu.exec(m_timelineView->viewport()->mapToGlobal(pos));
}

void MainWindow::copyPayload()
{
    const FrameMessage m = messageAt(currentEventIndex());
    if (m.frames.isEmpty())
        return;
    if (m.opcode == Opcode::Binary)
        QApplication::clipboard()->setText(QString::fromLatin1(m.payload.toHex(' ')));
    else
        QApplication::clipboard()->setText(QString::fromUtf8(m.payload));
}

void MainWindow::copyPayloadAsHex()
{
    const FrameMessage m = messageAt(currentEventIndex());
    if (!m.frames.isEmpty())
        QApplication::clipboard()->setText(QString::fromLatin1(m.payload.toHex(' ')));
}

void MainWindow::savePayload()
{
    const FrameMessage m = messageAt(currentEventIndex());
    if (m.frames.isEmpty())
        return;
    const QString suggested =
        m.opcode == Opcode::Text ? QStringLiteral("payload.txt") : QStringLiteral("payload.bin");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Payload"), suggested);
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m.payload) != m.payload.size()) {
        QMessageBox::warning(
            this, tr("Save Payload"),
            tr("Could not write %1 (%2); choose another place.").arg(path, file.errorString()));
        return;
    }
    if (m.truncated)
        statusBar()->showMessage(
            tr("Saved the %1 stored bytes; the payload was cut at the capture's cap.").arg(m.payload.size()),
            8000);
}

void MainWindow::resendMessage()
{
    const FrameMessage m = messageAt(currentEventIndex());
    if (m.frames.isEmpty() || Opcode::isControl(m.opcode))
        return;
    if (m.truncated) {
        QMessageBox::information(
            this, tr("Resend"),
            tr("Only part of this message was stored, so it cannot be sent again as it was."));
        return;
    }
    const int fragment = m.frames.size() > 1 ? int(m_log->at(m.frames.first()).length) : 0;
    if (m.opcode == Opcode::Text)
        sendThroughCurrent([&](ClientConnection *c) { c->sendText(QString::fromUtf8(m.payload)); }, fragment);
    else
        sendThroughCurrent([&](ClientConnection *c) { c->sendBinary(m.payload); }, fragment);
}

void MainWindow::sendThroughCurrent(const std::function<void(ClientConnection *)> &send, int fragmentSize)
{
    ClientConnection *client = clientFor(m_current);
    if (!client || client->connectionId() != m_current || client->state() != ClientConnection::State::Open) {
        statusBar()->showMessage(tr("Not sent: the selected connection is not open. Reconnect it first."),
                                 8000);
        return;
    }
    if (fragmentSize > 0)
        client->setOutgoingFrameSize(fragmentSize);
    send(client);
    if (fragmentSize > 0)
        client->setOutgoingFrameSize(client->options().outgoingFrameSize);
    setFollowTail(true);
}

void MainWindow::updateRates()
{
    if (!m_current) {
        m_rateLabel->setText(QString());
        updateTotals();
        return;
    }
    const ConnectionListModel::Totals t = m_connectionModel->totals(m_current);
    const quint64 frames = t.framesIn + t.framesOut;
    const quint64 bytes = t.wireBytesIn + t.wireBytesOut;
    if (m_rateConn != m_current) {
        m_rateConn = m_current;
        m_lastFrames = frames;
        m_lastBytes = bytes;
    }
    m_rateLabel->setText(
        tr("%1 frames/s, %2/s")
            .arg(QLocale().toString(frames - m_lastFrames), bytesText(double(bytes - m_lastBytes))));
    m_lastFrames = frames;
    m_lastBytes = bytes;
    updateTotals();
}

void MainWindow::updateTotals()
{
    if (!m_current) {
        m_totalsLabel->setText(tr("No connection selected. Press Ctrl+N to open one."));
        return;
    }
    const ConnectionListModel::Totals t = m_connectionModel->totals(m_current);
    const QLocale locale;
    QString totals = tr("\u2192 %1 frames, %2 sent   \u2190 %3 frames, %4 received")
                         .arg(locale.toString(t.framesOut), bytesText(double(t.bytesOut)),
                              locale.toString(t.framesIn), bytesText(double(t.bytesIn)));
    if (t.violations)
        totals += tr("   %n violation(s)", nullptr, int(t.violations));
    if (t.errors)
        totals += tr("   %n error(s)", nullptr, int(t.errors));
    m_totalsLabel->setText(totals);
}

// Replay, mock server, diff ----------------------------------------------------------------------

void MainWindow::buildSessionActions()
{
    m_actReplay = new QAction(tr("&Replay\u2026"), this);
    m_actReplay->setToolTip(
        tr("Send the client messages of the selected connection again, as a new connection"));
    connect(m_actReplay, &QAction::triggered, this, [this] { showReplayDialog(); });
    m_actMock = new QAction(tr("Serve as &Mock Server\u2026"), this);
    m_actMock->setToolTip(
        tr("Answer clients on 127.0.0.1 with the server messages of the selected connection"));
    connect(m_actMock, &QAction::triggered, this, [this] { showMockDialog(); });
    m_actDiff = new QAction(tr("&Compare Connections\u2026"), this);
    m_actDiff->setToolTip(tr("Compare the messages of two connections, such as a recording and its replay"));
    connect(m_actDiff, &QAction::triggered, this, [this] { showDiffDialog(); });
    QMenu *session = menuBar()->addMenu(tr("&Session"));
    for (QAction *a : {m_actReplay, m_actMock, m_actDiff})
        session->addAction(a);
}

ReplayDialog *MainWindow::showReplayDialog(quint32 conn)
{
    if (!conn)
        conn = m_current;
    if (!conn)
        return nullptr;
    auto *dialog = new ReplayDialog(m_log, conn, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReplayDialog::replayStarted, this, [this](quint32 replay) {
        m_connectionModel->flush();
        selectConnection(replay);
    });
    connect(dialog, &ReplayDialog::replayFinished, this,
            [this](quint32, bool, const QString &message) { statusBar()->showMessage(message, 10000); });
    dialog->show();
    return dialog;
}

MockDialog *MainWindow::showMockDialog(quint32 conn)
{
    if (!conn)
        conn = m_current;
    if (!conn)
        return nullptr;
    auto *dialog = new MockDialog(m_log, conn, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

DiffDialog *MainWindow::showDiffDialog(quint32 a, quint32 b)
{
    if (!a)
        a = m_current;
    if (!a)
        return nullptr;
    if (!b)
        b = DiffDialog::defaultPartner(*m_log, a);
    auto *dialog = new DiffDialog(m_log, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setConnections(a, b);
    connect(dialog, &DiffDialog::messageActivated, this, [this](quint32 conn, qsizetype event) {
        selectConnection(conn);
        if (!selectEvent(event))
            statusBar()->showMessage(tr("That message is hidden by the timeline filter; clear it to see the "
                                        "message."),
                                     8000);
        activateWindow();
    });
    dialog->show();
    return dialog;
}

} // namespace wsscope
