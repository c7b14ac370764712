#pragma once

#include "connectionoptions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace wsscope {

// Asks for everything a client connection needs and produces a ConnectionOptions.
// Recent URLs are kept in QSettings ("connect/recentUrls"), most recent first.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    void setOptions(const ConnectionOptions &options);
    ConnectionOptions options() const;

    // Empty when the URL can be connected to; otherwise one sentence saying what is wrong and what to do.
    static QString validateUrl(const QString &text);

    static QStringList recentUrls();
    static void addRecentUrl(const QString &url);
    static constexpr int MaxRecentUrls = 20;

    // The fields, for tests and for callers that pre-fill them.
    QComboBox *urlCombo() const { return m_url; }
    QLineEdit *nameEdit() const { return m_name; }
    QTableWidget *headersTable() const { return m_headers; }
    QLineEdit *subprotocolsEdit() const { return m_subprotocols; }
    QLineEdit *originEdit() const { return m_origin; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QLineEdit *clientCertEdit() const { return m_clientCert; }
    QLineEdit *clientKeyEdit() const { return m_clientKey; }
    QLineEdit *peerNameEdit() const { return m_peerName; }
    QCheckBox *allowInsecureCheck() const { return m_allowInsecure; }
    QLabel *insecureWarning() const { return m_insecureWarning; }
    QComboBox *proxyTypeCombo() const { return m_proxyType; }
    QLineEdit *proxyHostEdit() const { return m_proxyHost; }
    QSpinBox *proxyPortSpin() const { return m_proxyPort; }
    QCheckBox *autoReconnectCheck() const { return m_autoReconnect; }
    QSpinBox *autoPingSpin() const { return m_autoPing; }
    QSpinBox *payloadCapSpin() const { return m_payloadCap; }
    QLabel *errorLabel() const { return m_error; }

    void addHeaderRow(const QString &name = {}, const QString &value = {});

public slots:
    void accept() override;

private:
    QWidget *buildConnectionPage();
    QWidget *buildTlsPage();
    QWidget *buildNetworkPage();
    QWidget *fileField(QLineEdit *edit, const QString &caption, const QString &filter);
    void updateUrlState();
    void updateProxyFields();

    QTabWidget *m_tabs = nullptr;
    QComboBox *m_url = nullptr;
    QLineEdit *m_name = nullptr;
    QTableWidget *m_headers = nullptr;
    QLineEdit *m_subprotocols = nullptr;
    QLineEdit *m_origin = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_clientCert = nullptr;
    QLineEdit *m_clientKey = nullptr;
    QLineEdit *m_peerName = nullptr;
    QCheckBox *m_allowInsecure = nullptr;
    QLabel *m_insecureWarning = nullptr;
    QLabel *m_tlsNote = nullptr;
    QComboBox *m_proxyType = nullptr;
    QLineEdit *m_proxyHost = nullptr;
    QSpinBox *m_proxyPort = nullptr;
    QLineEdit *m_proxyUser = nullptr;
    QLineEdit *m_proxyPassword = nullptr;
    QCheckBox *m_autoReconnect = nullptr;
    QSpinBox *m_reconnectMax = nullptr;
    QSpinBox *m_autoPing = nullptr;
    QSpinBox *m_payloadCap = nullptr;
    QSpinBox *m_frameSize = nullptr;
    QLabel *m_error = nullptr;
    // Options the dialog has no field for survive a setOptions()/options() round trip.
    ConnectionOptions m_base;
};

} // namespace wsscope
