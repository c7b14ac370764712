#pragma once

#include "mockserver.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace wsscope {

class EventLog;

// Serves the server side of a recorded connection on 127.0.0.1 as a mock server: the port, one
// client or many, the timing; shows the ws:// URL to copy. What the mock exchanges shows as live
// connections of the session (source "mock"). Closing the dialog stops the mock server.
class MockDialog : public QDialog
{
    Q_OBJECT
public:
    MockDialog(EventLog *log, quint32 conn, QWidget *parent = nullptr);
    ~MockDialog() override;

    quint32 sourceConnection() const { return m_conn; }
    bool isLoaded() const { return m_loaded; }

    void setPort(quint16 port); // 0: any free port
    void setOnce(bool once);
    void setTiming(MockServer::Timing timing);

    // Starts serving with the dialog's choices; false (with the reason shown) when it cannot.
    bool start();
    void stop();
    bool isServing() const;
    QUrl url() const; // empty when not serving
    MockServer *server() const { return m_server; }
    QList<quint32> servedConnections() const { return m_served; }
    QString statusText() const;

    QSpinBox *portBox() const { return m_port; }
    QRadioButton *onceButton() const { return m_once; }
    QRadioButton *keepServingButton() const { return m_keep; }
    QComboBox *timingCombo() const { return m_timing; }
    QLineEdit *urlEdit() const { return m_url; }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *stopButton() const { return m_stop; }

public slots:
    void reject() override;

signals:
    void clientConnected(quint32 conn);
    void serving(const QUrl &url);
    void stopped();

private:
    void updateState();
    void setStatus(const QString &text, bool error = false);
    QString servingText() const;

    EventLog *m_log;
    quint32 m_conn;
    bool m_loaded = false;
    bool m_stopping = false;
    QString m_loadError;
    QPointer<MockServer> m_server;
    QList<quint32> m_served;

    QLabel *m_source = nullptr;
    QSpinBox *m_port = nullptr;
    QRadioButton *m_once = nullptr;
    QRadioButton *m_keep = nullptr;
    QComboBox *m_timing = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
};

} // namespace wsscope
