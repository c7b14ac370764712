#include "connectdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace wsscope {

namespace {
const char RecentUrlsKey[] = "connect/recentUrls";

enum ProxyChoice { ProxyNone = 0, ProxyHttp = 1, ProxySocks5 = 2 };
} // namespace

ConnectDialog::ConnectDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("New Connection"));

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildConnectionPage(), tr("Connection"));
    m_tabs->addTab(buildTlsPage(), tr("TLS"));
    m_tabs->addTab(buildNetworkPage(), tr("Network"));

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    const QStringList recent = recentUrls();
    m_url->addItems(recent);
    m_url->setEditText(recent.value(0));
    updateUrlState();
    updateProxyFields();
    resize(640, 480);
}

QWidget *ConnectDialog::buildConnectionPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);

    m_url = new QComboBox(page);
    m_url->setEditable(true);
    m_url->setInsertPolicy(QComboBox::NoInsert);
    m_url->setMinimumContentsLength(40);
    m_url->lineEdit()->setPlaceholderText(QStringLiteral("wss://example.org/socket"));
    m_url->setToolTip(tr("A ws:// or wss:// address. Recent addresses are in the list."));
    connect(m_url, &QComboBox::editTextChanged, this, &ConnectDialog::updateUrlState);
    form->addRow(tr("&URL:"), m_url);

    m_name = new QLineEdit(page);
    m_name->setPlaceholderText(tr("Optional label shown in the connection list"));
    form->addRow(tr("&Name:"), m_name);

    m_subprotocols = new QLineEdit(page);
    m_subprotocols->setPlaceholderText(tr("Comma-separated, e.g. graphql-ws, mqtt"));
    form->addRow(tr("&Subprotocols:"), m_subprotocols);

    m_origin = new QLineEdit(page);
    m_origin->setPlaceholderText(QStringLiteral("https://example.org"));
    form->addRow(tr("&Origin:"), m_origin);

    m_headers = new QTableWidget(0, 2, page);
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->horizontalHeader()->resizeSection(0, 180);
    m_headers->verticalHeader()->hide();
    m_headers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_headers->setToolTip(tr("Extra request headers, sent in this order."));

    auto *add = new QPushButton(tr("&Add Header"), page);
    auto *remove = new QPushButton(tr("&Remove Header"), page);
    connect(add, &QPushButton::clicked, this, [this] {
        addHeaderRow();
        m_headers->setCurrentCell(m_headers->rowCount() - 1, 0);
        m_headers->editItem(m_headers->item(m_headers->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        int row = m_headers->currentRow();
        if (row < 0)
            row = m_headers->rowCount() - 1;
        if (row >= 0)
            m_headers->removeRow(row);
    });
    auto *headerButtons = new QHBoxLayout;
    headerButtons->addWidget(add);
    headerButtons->addWidget(remove);
    headerButtons->addStretch();
    auto *headerBox = new QVBoxLayout;
    headerBox->addWidget(m_headers);
    headerBox->addLayout(headerButtons);
    form->addRow(tr("Headers:"), headerBox);
    return page;
}

QWidget *ConnectDialog::fileField(QLineEdit *edit, const QString &caption, const QString &filter)
{
    auto *box = new QWidget;
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(edit);
    auto *browse = new QToolButton(box);
    browse->setText(tr("Browse…"));
    row->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, edit, caption, filter] {
        const QString file = QFileDialog::getOpenFileName(this, caption, edit->text(), filter);
        if (!file.isEmpty())
            edit->setText(file);
    });
    return box;
}

QWidget *ConnectDialog::buildTlsPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);

    m_tlsNote = new QLabel(page);
    m_tlsNote->setWordWrap(true);
    form->addRow(m_tlsNote);

    const QString pem = tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)");
    m_caFile = new QLineEdit(page);
    m_caFile->setPlaceholderText(tr("System CAs only"));
    form->addRow(tr("Extra &CA file:"), fileField(m_caFile, tr("Trusted CA Certificates"), pem));
    m_clientCert = new QLineEdit(page);
    m_clientCert->setPlaceholderText(tr("None"));
    form->addRow(tr("Client c&ertificate:"), fileField(m_clientCert, tr("Client Certificate"), pem));
    m_clientKey = new QLineEdit(page);
    m_clientKey->setPlaceholderText(tr("None (unencrypted PEM key)"));
    form->addRow(tr("Client &key:"), fileField(m_clientKey, tr("Client Private Key"), pem));
    m_peerName = new QLineEdit(page);
    m_peerName->setPlaceholderText(tr("The URL's host"));
    m_peerName->setToolTip(tr("Server name sent in SNI and checked against the certificate."));
    form->addRow(tr("&Peer name:"), m_peerName);

    m_allowInsecure = new QCheckBox(tr("Allow &insecure certificates"), page);
    form->addRow(m_allowInsecure);
    m_insecureWarning =
        new QLabel(tr("Warning: certificate errors will be ignored, so anyone between you and the server "
                      "could read and change this traffic. The errors are still recorded in the "
                      "Handshake tab. Use this only for servers you control."),
                   page);
    m_insecureWarning->setWordWrap(true);
    m_insecureWarning->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4e5; color: #7a4100; border: 1px solid #f0b35a; "
                       "border-radius: 3px; padding: 6px; }"));
    m_insecureWarning->setVisible(false);
    form->addRow(m_insecureWarning);
    connect(m_allowInsecure, &QCheckBox::toggled, m_insecureWarning, &QWidget::setVisible);
    return page;
}

QWidget *ConnectDialog::buildNetworkPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);

    m_proxyType = new QComboBox(page);
    m_proxyType->addItem(tr("None (direct)"), ProxyNone);
    m_proxyType->addItem(tr("HTTP (CONNECT)"), ProxyHttp);
    m_proxyType->addItem(tr("SOCKS5"), ProxySocks5);
    connect(m_proxyType, &QComboBox::currentIndexChanged, this, &ConnectDialog::updateProxyFields);
    form->addRow(tr("Upstream &proxy:"), m_proxyType);
    m_proxyHost = new QLineEdit(page);
    m_proxyHost->setPlaceholderText(QStringLiteral("proxy.example.org"));
    m_proxyPort = new QSpinBox(page);
    m_proxyPort->setRange(1, 65535);
    m_proxyPort->setValue(3128);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_proxyHost, 1);
    hostRow->addWidget(new QLabel(tr("Port:"), page));
    hostRow->addWidget(m_proxyPort);
    form->addRow(tr("Proxy host:"), hostRow);
    m_proxyUser = new QLineEdit(page);
    form->addRow(tr("Proxy user:"), m_proxyUser);
    m_proxyPassword = new QLineEdit(page);
    m_proxyPassword->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Proxy password:"), m_proxyPassword);

    m_autoReconnect = new QCheckBox(tr("&Reconnect automatically when the connection drops"), page);
    form->addRow(m_autoReconnect);
    m_reconnectMax = new QSpinBox(page);
    m_reconnectMax->setRange(1, 3600);
    m_reconnectMax->setValue(30);
    m_reconnectMax->setSuffix(tr(" s"));
    m_reconnectMax->setToolTip(tr("Waits 0.5 s, 1 s, 2 s, … between attempts, never longer than this."));
    form->addRow(tr("Longest reconnect delay:"), m_reconnectMax);
    connect(m_autoReconnect, &QCheckBox::toggled, m_reconnectMax, &QWidget::setEnabled);
    m_reconnectMax->setEnabled(false);

    m_autoPing = new QSpinBox(page);
    m_autoPing->setRange(0, 3600);
    m_autoPing->setSuffix(tr(" s"));
    m_autoPing->setSpecialValueText(tr("Off"));
    m_autoPing->setToolTip(tr("Send a ping this often and chart the round-trip time."));
    form->addRow(tr("Auto-&ping every:"), m_autoPing);

    m_frameSize = new QSpinBox(page);
    m_frameSize->setRange(0, 64 * 1024 * 1024);
    m_frameSize->setSuffix(tr(" bytes"));
    m_frameSize->setSpecialValueText(tr("One frame a message"));
    m_frameSize->setToolTip(tr("Split every outgoing message into frames of at most this size."));
    form->addRow(tr("Outgoing &frame size:"), m_frameSize);

    m_payloadCap = new QSpinBox(page);
    // Up to 100 MiB: a session file line holds at most about twice its payload, inside the 256 MiB a
    // reader accepts per line (SessionReader::MaxLineLength).
    m_payloadCap->setRange(0, 100 * 1024);
    m_payloadCap->setSuffix(tr(" KiB"));
    m_payloadCap->setSpecialValueText(tr("Headers only"));
    m_payloadCap->setValue(16 * 1024);
    m_payloadCap->setToolTip(tr("Frames longer than this are recorded with their first bytes only."));
    form->addRow(tr("Stored payload &cap:"), m_payloadCap);
    return page;
}

void ConnectDialog::addHeaderRow(const QString &name, const QString &value)
{
    const int row = m_headers->rowCount();
    m_headers->insertRow(row);
    m_headers->setItem(row, 0, new QTableWidgetItem(name));
    m_headers->setItem(row, 1, new QTableWidgetItem(value));
}

QString ConnectDialog::validateUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the server's address, for example ws://localhost:8080/chat.");
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return tr("This address is not a valid URL (%1); check it for typing mistakes.")
            .arg(url.errorString());
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        return tr("WebSocket addresses start with ws:// or wss://; use %1:// instead of %2://.")
            .arg(scheme == QLatin1String("http") ? QStringLiteral("ws") : QStringLiteral("wss"), scheme);
    if (scheme != QLatin1String("ws") && scheme != QLatin1String("wss"))
        return tr("The address must start with ws:// or wss:// (for example ws://localhost:8080/chat).");
    if (url.host().isEmpty())
        return tr("The address has no host name; write it as %1://host[:port]/path.").arg(scheme);
    return {};
}

void ConnectDialog::updateUrlState()
{
    const QUrl url(m_url->currentText().trimmed());
    const bool tls = url.scheme().compare(QLatin1String("wss"), Qt::CaseInsensitive) == 0;
    m_tlsNote->setText(tls ? tr("These settings apply to this wss:// connection.")
                           : tr("These settings apply only to wss:// addresses; this one is plain ws://."));
    if (m_error->isVisible()) {
        const QString problem = validateUrl(m_url->currentText());
        m_error->setText(problem);
        m_error->setVisible(!problem.isEmpty());
    }
}

void ConnectDialog::updateProxyFields()
{
    const bool on = m_proxyType->currentData().toInt() != ProxyNone;
    m_proxyHost->setEnabled(on);
    m_proxyPort->setEnabled(on);
    m_proxyUser->setEnabled(on);
    m_proxyPassword->setEnabled(on);
}

void ConnectDialog::setOptions(const ConnectionOptions &o)
{
    m_base = o;
    m_url->setEditText(o.url.toString());
    m_name->setText(o.name);
    m_headers->setRowCount(0);
    for (const auto &h : o.headers)
        addHeaderRow(QString::fromLatin1(h.first), QString::fromUtf8(h.second));
    m_subprotocols->setText(o.subprotocols.join(QStringLiteral(", ")));
    m_origin->setText(o.origin);
    m_caFile->setText(o.tls.caFile);
    m_clientCert->setText(o.tls.clientCertFile);
    m_clientKey->setText(o.tls.clientKeyFile);
    m_peerName->setText(o.tls.peerName);
    m_allowInsecure->setChecked(o.tls.allowInsecure);
    int proxy = ProxyNone;
    if (o.upstreamProxy.type() == QNetworkProxy::HttpProxy)
        proxy = ProxyHttp;
    else if (o.upstreamProxy.type() == QNetworkProxy::Socks5Proxy)
        proxy = ProxySocks5;
    m_proxyType->setCurrentIndex(m_proxyType->findData(proxy));
    if (proxy != ProxyNone) {
        m_proxyHost->setText(o.upstreamProxy.hostName());
        m_proxyPort->setValue(o.upstreamProxy.port());
        m_proxyUser->setText(o.upstreamProxy.user());
        m_proxyPassword->setText(o.upstreamProxy.password());
    }
    m_autoReconnect->setChecked(o.autoReconnect);
    m_reconnectMax->setValue(qMax(1, o.reconnectMaxDelayMs / 1000));
    m_autoPing->setValue(o.autoPingIntervalMs / 1000);
    m_frameSize->setValue(o.outgoingFrameSize);
    m_payloadCap->setValue(int(qMin<quint64>(o.payloadCap / 1024u, quint64(m_payloadCap->maximum()))));
    updateUrlState();
}

ConnectionOptions ConnectDialog::options() const
{
    ConnectionOptions o = m_base;
    o.url = QUrl(m_url->currentText().trimmed());
    o.name = m_name->text().trimmed();
    o.headers.clear();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QTableWidgetItem *name = m_headers->item(row, 0);
        const QTableWidgetItem *value = m_headers->item(row, 1);
        const QString n = name ? name->text().trimmed() : QString();
        if (n.isEmpty())
            continue;
        o.headers.append({n.toLatin1(), value ? value->text().trimmed().toUtf8() : QByteArray()});
    }
    o.subprotocols.clear();
    const QStringList protocols = m_subprotocols->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &p : protocols) {
        if (!p.trimmed().isEmpty())
            o.subprotocols.append(p.trimmed());
    }
    o.origin = m_origin->text().trimmed();
    o.tls.caFile = m_caFile->text().trimmed();
    o.tls.clientCertFile = m_clientCert->text().trimmed();
    o.tls.clientKeyFile = m_clientKey->text().trimmed();
    o.tls.peerName = m_peerName->text().trimmed();
    o.tls.allowInsecure = m_allowInsecure->isChecked();
    switch (m_proxyType->currentData().toInt()) {
    case ProxyHttp:
    case ProxySocks5:
        o.upstreamProxy =
            QNetworkProxy(m_proxyType->currentData().toInt() == ProxyHttp ? QNetworkProxy::HttpProxy
                                                                          : QNetworkProxy::Socks5Proxy,
                          m_proxyHost->text().trimmed(), quint16(m_proxyPort->value()), m_proxyUser->text(),
                          m_proxyPassword->text());
        break;
    default:
        o.upstreamProxy = QNetworkProxy(QNetworkProxy::NoProxy);
        break;
    }
    o.autoReconnect = m_autoReconnect->isChecked();
    o.reconnectMaxDelayMs = m_reconnectMax->value() * 1000;
    o.autoPingIntervalMs = m_autoPing->value() * 1000;
    o.outgoingFrameSize = m_frameSize->value();
    o.payloadCap = quint64(m_payloadCap->value()) * 1024u;
    return o;
}

void ConnectDialog::accept()
{
    QString problem = validateUrl(m_url->currentText());
    if (problem.isEmpty() && m_proxyType->currentData().toInt() != ProxyNone &&
        m_proxyHost->text().trimmed().isEmpty()) {
        problem = tr("Enter the upstream proxy's host name, or choose no proxy on the Network page.");
        m_tabs->setCurrentIndex(2);
        m_proxyHost->setFocus();
    } else if (problem.isEmpty() &&
               m_clientCert->text().trimmed().isEmpty() != m_clientKey->text().trimmed().isEmpty()) {
        problem = tr("A client certificate needs its private key (and the key its certificate); fill in both "
                     "on the TLS page.");
        m_tabs->setCurrentIndex(1);
    } else if (!problem.isEmpty()) {
        m_tabs->setCurrentIndex(0);
        m_url->setFocus();
    }
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        return;
    addRecentUrl(m_url->currentText().trimmed());
    QDialog::accept();
}

QStringList ConnectDialog::recentUrls()
{
    return QSettings().value(QLatin1String(RecentUrlsKey)).toStringList();
}

void ConnectDialog::addRecentUrl(const QString &url)
{
    QSettings settings;
    QStringList list = settings.value(QLatin1String(RecentUrlsKey)).toStringList();
    list.removeAll(url);
    list.prepend(url);
    while (list.size() > MaxRecentUrls)
        list.removeLast();
    settings.setValue(QLatin1String(RecentUrlsKey), list);
}

} // namespace wsscope
