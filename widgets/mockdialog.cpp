#include "mockdialog.h"

#include "eventlog.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace wsscope {

MockDialog::MockDialog(EventLog *log, quint32 conn, QWidget *parent)
    : QDialog(parent), m_log(log), m_conn(conn)
{
    setWindowTitle(tr("Mock Server for Connection #%1").arg(conn));
    setObjectName(QStringLiteral("mockDialog"));

    m_source = new QLabel(this);
    m_source->setWordWrap(true);
    m_port = new QSpinBox(this);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    m_port->setValue(0);
    m_once = new QRadioButton(tr("Serve &one client, then stop"), this);
    m_keep = new QRadioButton(tr("&Keep serving until stopped"), this);
    m_keep->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_once);
    group->addButton(m_keep);
    m_timing = new QComboBox(this);
    m_timing->addItem(tr("Answer once the client sent what preceded it in the recording"),
                      int(MockServer::Timing::AfterClientMessages));
    m_timing->addItem(tr("Original timing from the client's arrival"), int(MockServer::Timing::Original));
    m_url = new QLineEdit(this);
    m_url->setReadOnly(true);
    m_url->setPlaceholderText(tr("not serving"));
    m_copy = new QPushButton(tr("&Copy URL"), this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_start = new QPushButton(tr("&Start"), this);
    m_start->setDefault(true);
    m_stop = new QPushButton(tr("St&op"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    buttons->addButton(m_stop, QDialogButtonBox::ActionRole);
    buttons->button(QDialogButtonBox::Close)->setToolTip(tr("Closing stops the mock server"));

    auto *clients = new QVBoxLayout;
    clients->addWidget(m_once);
    clients->addWidget(m_keep);
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_copy);
    auto *form = new QFormLayout;
    form->addRow(tr("&Port on 127.0.0.1:"), m_port);
    form->addRow(tr("Clients:"), clients);
    form->addRow(tr("&Timing:"), m_timing);
    form->addRow(tr("URL:"), urlRow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    layout->addLayout(form);
    layout->addWidget(m_status, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &MockDialog::reject);
    connect(m_start, &QPushButton::clicked, this, &MockDialog::start);
    connect(m_stop, &QPushButton::clicked, this, &MockDialog::stop);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_url->text());
        setStatus(tr("Copied %1.").arg(m_url->text()));
    });

    // A trial load tells what there is to serve (and whether it can be served at all).
    MockServer probe(m_log);
    m_loaded = probe.load(*m_log, m_conn);
    const QString url = m_log->connection(m_conn).details.value(QLatin1String("url")).toString();
    if (m_loaded) {
        QString text = tr("Answers clients with the %n server message(s) of connection #%1 (%2).", nullptr,
                          probe.serverMessageCount())
                           .arg(m_conn)
                           .arg(url);
        if (!probe.subprotocol().isEmpty())
            text += QLatin1Char(' ') + tr("It accepts the subprotocol %1.").arg(probe.subprotocol());
        m_source->setText(text);
    } else {
        m_loadError = probe.errorString();
        m_source->setText(tr("Connection #%1 (%2)").arg(m_conn).arg(url));
        setStatus(m_loadError, true);
    }
    updateState();
    resize(620, 340);
}

MockDialog::~MockDialog()
{
    // The mock records into the log as long as it exists; end it while the log surely does.
    delete m_server;
}

void MockDialog::setPort(quint16 port)
{
    m_port->setValue(port);
}

void MockDialog::setOnce(bool once)
{
    (once ? m_once : m_keep)->setChecked(true);
}

void MockDialog::setTiming(MockServer::Timing timing)
{
    m_timing->setCurrentIndex(m_timing->findData(int(timing)));
}

bool MockDialog::isServing() const
{
    return m_server && m_server->isListening();
}

QUrl MockDialog::url() const
{
    return isServing() ? m_server->url() : QUrl();
}

QString MockDialog::statusText() const
{
    return m_status->text();
}

void MockDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette p = palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_status->setPalette(p);
}

QString MockDialog::servingText() const
{
    if (!m_server)
        return QString();
    return tr("Listening on %1; %n client(s) so far.", nullptr, int(m_served.size()))
        .arg(m_server->url().toString());
}

bool MockDialog::start()
{
    if (!m_loaded || isServing())
        return false;
    delete m_server;
    m_served.clear();
    auto *server = new MockServer(m_log, this);
    m_server = server;
    if (!server->load(*m_log, m_conn)) {
        setStatus(server->errorString(), true);
        delete server;
        updateState();
        return false;
    }
    server->setOnce(m_once->isChecked());
    server->setTiming(MockServer::Timing(m_timing->currentData().toInt()));
    if (!server->listen(quint16(m_port->value()))) {
        setStatus(server->errorString(), true);
        delete server;
        updateState();
        return false;
    }
    connect(server, &MockServer::clientConnected, this, [this](quint32 conn) {
        m_served.append(conn);
        setStatus(servingText() + QLatin1Char(' ') + tr("Client connection #%1 arrived.").arg(conn));
        emit clientConnected(conn);
    });
    connect(server, &MockServer::clientFinished, this, [this](quint32 conn, const QString &summary) {
        const QString head = isServing() ? servingText() + QLatin1Char(' ') : QString();
        setStatus(head + tr("Connection #%1: %2").arg(conn).arg(summary));
    });
    connect(server, &MockServer::finished, this, [this] {
        if (m_stopping)
            return;
        setStatus(tr("Served one client; the mock server has stopped.") + QLatin1Char(' ') +
                  m_status->text());
        updateState();
        emit stopped();
    });
    m_url->setText(server->url().toString());
    setStatus(servingText());
    updateState();
    emit serving(server->url());
    return true;
}

void MockDialog::stop()
{
    if (!isServing())
        return;
    m_stopping = true;
    m_server->stop();
    m_stopping = false;
    setStatus(tr("Stopped; %n client(s) were served.", nullptr, int(m_served.size())));
    updateState();
    emit stopped();
}

void MockDialog::reject()
{
    stop();
    QDialog::reject();
}

void MockDialog::updateState()
{
    const bool serving = isServing();
    for (QWidget *w : std::initializer_list<QWidget *>{m_port, m_once, m_keep, m_timing})
        w->setEnabled(m_loaded && !serving);
    m_start->setEnabled(m_loaded && !serving);
    m_stop->setEnabled(serving);
    m_copy->setEnabled(serving);
    if (!serving)
        m_url->clear();
}

} // namespace wsscope
