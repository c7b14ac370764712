#pragma once

#include "replayer.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace wsscope {

class EventLog;

// Replays the client side of a recorded connection as a new live connection of the session: the
// target URL, the recorded request headers (editable; values the recording redacted are flagged and
// not sent until the user types them), the timing, then Start, Send Next (step by step) and Stop
// with the progress. Closing the dialog stops a replay that still runs.
class ReplayDialog : public QDialog
{
    Q_OBJECT
public:
    enum HeaderColumn { HeaderNameColumn, HeaderValueColumn, HeaderNoteColumn };

    ReplayDialog(EventLog *log, quint32 conn, QWidget *parent = nullptr);
    ~ReplayDialog() override;

    quint32 sourceConnection() const { return m_conn; }
    bool isLoaded() const { return m_loaded; } // false: nothing to replay, reason in statusText()

    void setTargetUrl(const QString &url);
    void setTiming(Replayer::Timing timing);
    Replayer::Timing timing() const;
    void setSpeed(double factor);
    void setResponseTimeoutMs(int ms);

    // The headers the replay will send: rows that are checked and have a name.
    QList<QPair<QByteArray, QByteArray>> headers() const;
    // Rows whose recorded value was redacted.
    QList<int> redactedRows() const;

    // Starts a replay with the dialog's choices; false (with the reason shown) when they are not usable.
    bool start();
    void sendNext();
    void stop();

    bool isRunning() const;
    quint32 replayConnection() const { return m_replayConn; } // of the latest replay, 0 before
    Replayer *replayer() const { return m_replayer; }
    QString statusText() const;

    QLineEdit *urlEdit() const { return m_url; }
    QTableWidget *headerTable() const { return m_headers; }
    QComboBox *timingCombo() const { return m_timing; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *sendNextButton() const { return m_sendNext; }
    QPushButton *stopButton() const { return m_stop; }
    QProgressBar *progressBar() const { return m_progress; }

public slots:
    void reject() override;

signals:
    void replayStarted(quint32 conn);
    void replayFinished(quint32 conn, bool ok, const QString &message);

private:
    void fillHeaders();
    void addHeaderRow(const QString &name, const QString &value, bool redacted);
    void updateState();
    void setStatus(const QString &text, bool error = false);

    EventLog *m_log;
    quint32 m_conn;
    bool m_loaded = false;
    int m_total = 0;
    QPointer<Replayer> m_replayer;
    quint32 m_replayConn = 0;
    QStringList m_timeouts;

    QLabel *m_source = nullptr;
    QLineEdit *m_url = nullptr;
    QTableWidget *m_headers = nullptr;
    QPushButton *m_addHeader = nullptr;
    QPushButton *m_removeHeader = nullptr;
    QLineEdit *m_subprotocols = nullptr;
    QLineEdit *m_origin = nullptr;
    QComboBox *m_timing = nullptr;
    QDoubleSpinBox *m_speed = nullptr;
    QSpinBox *m_timeout = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_sendNext = nullptr;
    QPushButton *m_stop = nullptr;
};

} // namespace wsscope
