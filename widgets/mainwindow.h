#pragma once

#include "connectionoptions.h"
#include "messages.h"

#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <functional>

class QAction;
class QLabel;
class QSplitter;
class QTabWidget;
class QTableView;

namespace wsscope {

class ClientConnection;
class CloseBanner;
class Composer;
class ConnectDialog;
class ConnectionListModel;
class ConnectionListView;
class DiffDialog;
class EventLog;
class FilterBar;
class FrameDetailsView;
class HandshakeView;
class MockDialog;
class PayloadView;
class PingModel;
class PingView;
class SessionFiles;
class ReplayDialog;
class TimelineDelegate;
class TimelineModel;

// The window: connections on the left; the selected connection's timeline in the centre with the
// selected row's payload, frame details, the handshake and round trips in tabs below; the composer
// at the bottom. Every connection is one row of the EventLog's connections and keeps its history.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // log: the session to show and record into; nullptr makes the window own a new one.
    explicit MainWindow(EventLog *log = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    EventLog *eventLog() const { return m_log; }

    // Opens a client connection, selects its row and returns its connection number (0 on failure).
    quint32 openConnection(const ConnectionOptions &options);
    // Shows the connect dialog (window-modal, not blocking); accepting it opens the connection.
    ConnectDialog *showConnectDialog(const ConnectionOptions *prefill = nullptr);
    // Session tools on a recorded connection (0: the selected one); the dialogs are not blocking.
    ReplayDialog *showReplayDialog(quint32 conn = 0);
    MockDialog *showMockDialog(quint32 conn = 0);
    // a 0: the selected connection; b 0: a's replay, else the most recent other connection.
    DiffDialog *showDiffDialog(quint32 a = 0, quint32 b = 0);

    // Open, save, export, recent files, the crash journal and the question on quit.
    SessionFiles *sessionFiles() const { return m_files; }

    quint32 currentConnection() const { return m_current; }
    void selectConnection(quint32 conn);
    // The client that made a connection; nullptr for proxy or imported connections.
    ClientConnection *clientFor(quint32 conn) const;

    bool followTail() const { return m_followTail; }
    void setFollowTail(bool follow);
    // Selects the timeline row of an event of the current connection; false if it is not shown.
    bool selectEvent(qsizetype eventIndex);

    // Pieces, for main() and tests.
    ConnectionListView *connectionView() const { return m_connectionView; }
    ConnectionListModel *connectionModel() const { return m_connectionModel; }
    QTableView *timelineView() const { return m_timelineView; }
    TimelineModel *timelineModel() const { return m_timelineModel; }
    FilterBar *filterBar() const { return m_filterBar; }
    QTabWidget *detailTabs() const { return m_tabs; }
    PayloadView *payloadView() const { return m_payloadView; }
    QLabel *messageLabel() const { return m_messageLabel; }
    FrameDetailsView *frameDetailsView() const { return m_frameDetails; }
    HandshakeView *handshakeView() const { return m_handshakeView; }
    PingView *pingView() const { return m_pingView; }
    PingModel *pingModel() const { return m_pingModel; }
    CloseBanner *closeBanner() const { return m_closeBanner; }
    Composer *composer() const { return m_composer; }
    QLabel *rateLabel() const { return m_rateLabel; }
    QLabel *totalsLabel() const { return m_totalsLabel; }

    enum DetailTab { PayloadTab, FrameTab, HandshakeTab, PingTab };

    QAction *newConnectionAction() const { return m_actNew; }
    QAction *closeConnectionAction() const { return m_actClose; }
    QAction *reconnectAction() const { return m_actReconnect; }
    QAction *duplicateAction() const { return m_actDuplicate; }
    QAction *renameAction() const { return m_actRename; }
    QAction *removeAction() const { return m_actRemove; }
    QAction *followTailAction() const { return m_actFollow; }
    QAction *absoluteTimeAction() const { return m_actAbsolute; }
    QAction *findAction() const { return m_actFind; }
    QAction *replayAction() const { return m_actReplay; }
    QAction *mockAction() const { return m_actMock; }
    QAction *diffAction() const { return m_actDiff; }

    // The message the selected timeline row belongs to (its frames' log indices and the joined
    // payload); a single frame for unfragmented messages and control frames.
    // The message the frame at eventIndex belongs to (see Messages::containing).
    FrameMessage messageAt(qsizetype eventIndex) const;

public slots:
    void closeCurrentConnection();
    void reconnectCurrentConnection();
    void duplicateCurrentConnection();
    void renameCurrentConnection();
    void removeCurrentConnection();
    void copyPayload();
    void copyPayloadAsHex();
    void savePayload();
    void resendMessage();
    void saveSettings() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct Summary
    {
        qsizetype request = -1;
        qsizetype response = -1;
        QList<qsizetype> tls;
        qsizetype tcp = -1;
        qsizetype close = -1;
        qsizetype lastError = -1;
        // The last error the capture explained (TLS, handshake, upstream), rather than QWebSocket's
        // own generic one ("The remote host closed the connection") that usually follows it.
        qsizetype explainedError = -1;
    };

    void buildActions();
    void buildLayout();
    void buildSessionActions();
    void restoreSettings();
    void wireClient(ClientConnection *client);
    void onLogAppended(qsizetype size);
    void onConnectionCurrentChanged();
    void onTimelineCurrentChanged();
    void onTimelineRowsInserted();
    void refreshConnectionViews();
    void refreshCloseBanner();
    void refreshComposerState();
    void updateActions();
    void updateRates();
    void updateTotals();
    void showTimelineMenu(const QPoint &pos);
    void showConnectionMenu(const QPoint &pos);
    qsizetype currentEventIndex() const;
    void sendThroughCurrent(const std::function<void(ClientConnection *)> &send, int fragmentSize);

    EventLog *m_log = nullptr;
    bool m_ownsLog = false;
    SessionFiles *m_files = nullptr;
    quint32 m_current = 0;
    qsizetype m_scanned = 0;
    QHash<quint32, Summary> m_summaries;
    QHash<quint32, QPointer<ClientConnection>> m_clients; // every connection number a client made
    QHash<quint32, QString> m_failures;                   // failed() messages by connection
    bool m_followTail = true;
    bool m_scrollingToTail = false;
    int m_lastScrollValue = 0; // of the timeline's vertical scroll bar, to tell moves up from down

    ConnectionListModel *m_connectionModel = nullptr;
    ConnectionListView *m_connectionView = nullptr;
    TimelineModel *m_timelineModel = nullptr;
    QTableView *m_timelineView = nullptr;
    TimelineDelegate *m_timelineDelegate = nullptr;
    FilterBar *m_filterBar = nullptr;
    CloseBanner *m_closeBanner = nullptr;
    QTabWidget *m_tabs = nullptr;
    PayloadView *m_payloadView = nullptr;
    QLabel *m_messageLabel = nullptr;
    FrameDetailsView *m_frameDetails = nullptr;
    HandshakeView *m_handshakeView = nullptr;
    PingModel *m_pingModel = nullptr;
    PingView *m_pingView = nullptr;
    Composer *m_composer = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_centreSplitter = nullptr;
    QLabel *m_rateLabel = nullptr;
    QLabel *m_totalsLabel = nullptr;
    quint64 m_lastFrames = 0;
    quint64 m_lastBytes = 0;
    quint32 m_rateConn = 0;

    QAction *m_actNew = nullptr;
    QAction *m_actClose = nullptr;
    QAction *m_actReconnect = nullptr;
    QAction *m_actDuplicate = nullptr;
    QAction *m_actRename = nullptr;
    QAction *m_actRemove = nullptr;
    QAction *m_actFollow = nullptr;
    QAction *m_actAbsolute = nullptr;
    QAction *m_actFind = nullptr;
    QAction *m_actFindNext = nullptr;
    QAction *m_actFindPrevious = nullptr;
    QAction *m_actCopy = nullptr;
    QAction *m_actCopyHex = nullptr;
    QAction *m_actSave = nullptr;
    QAction *m_actResend = nullptr;
    QAction *m_actReplay = nullptr;
    QAction *m_actMock = nullptr;
    QAction *m_actDiff = nullptr;
};

} // namespace wsscope
