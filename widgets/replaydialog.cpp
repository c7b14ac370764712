#include "replaydialog.h"

#include "eventlog.h"
#include "messages.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace wsscope {

namespace {

constexpr int RedactedRole = Qt::UserRole + 1;

QColor redactedTint(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor accent(0xff, 0xb3, 0x00);
    const float a = 0.3f;
    return QColor::fromRgbF(base.redF() * (1 - a) + accent.redF() * a,
                            base.greenF() * (1 - a) + accent.greenF() * a,
                            base.blueF() * (1 - a) + accent.blueF() * a);
}

} // namespace

ReplayDialog::ReplayDialog(EventLog *log, quint32 conn, QWidget *parent)
    : QDialog(parent), m_log(log), m_conn(conn)
{
    setWindowTitle(tr("Replay Connection #%1").arg(conn));
    setObjectName(QStringLiteral("replayDialog"));

    m_source = new QLabel(this);
    m_source->setWordWrap(true);
    m_url = new QLineEdit(this);
    m_url->setClearButtonEnabled(true);

    m_headers = new QTableWidget(0, 3, this);
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value"), tr("Note")});
    m_headers->verticalHeader()->hide();
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->setColumnWidth(HeaderNameColumn, 180);
    m_headers->setColumnWidth(HeaderValueColumn, 300);
    m_headers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_headers->setToolTip(tr("Checked headers are sent with the replay's upgrade request"));
    m_addHeader = new QPushButton(tr("&Add Header"), this);
    m_removeHeader = new QPushButton(tr("&Remove Header"), this);
    m_subprotocols = new QLineEdit(this);
    m_subprotocols->setPlaceholderText(tr("none; separate several with commas"));
    m_origin = new QLineEdit(this);
    m_origin->setPlaceholderText(tr("none"));

    m_timing = new QComboBox(this);
    m_timing->addItem(tr("Original timing"), int(Replayer::Timing::Original));
    m_timing->addItem(tr("Original timing, faster or slower"), int(Replayer::Timing::Speed));
    m_timing->addItem(tr("As fast as possible"), int(Replayer::Timing::AsFastAsPossible));
    m_timing->addItem(tr("Step by step (Send Next)"), int(Replayer::Timing::StepByStep));
    m_timing->addItem(tr("Wait for the server's responses"), int(Replayer::Timing::WaitForResponses));
    m_speed = new QDoubleSpinBox(this);
    m_speed->setRange(0.01, 1000);
    m_speed->setDecimals(2);
    m_speed->setValue(2);
    m_speed->setPrefix(QStringLiteral("\u00d7"));
    m_speed->setToolTip(tr("2 replays twice as fast as recorded, 0.5 at half speed"));
    m_timeout = new QSpinBox(this);
    m_timeout->setRange(100, 600000);
    m_timeout->setSingleStep(500);
    m_timeout->setValue(Replayer::DefaultResponseTimeoutMs);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setToolTip(tr("How long to wait for the server's messages before sending anyway (and before "
                             "closing)"));

    m_progress = new QProgressBar(this);
    m_progress->setFormat(tr("%v of %m messages sent"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_start = new QPushButton(tr("&Start"), this);
    m_start->setDefault(true);
    m_sendNext = new QPushButton(tr("Send &Next"), this);
    m_stop = new QPushButton(tr("St&op"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    buttons->addButton(m_sendNext, QDialogButtonBox::ActionRole);
    buttons->addButton(m_stop, QDialogButtonBox::ActionRole);
    buttons->button(QDialogButtonBox::Close)->setToolTip(tr("Closing stops a replay that still runs"));

    auto *target = new QFormLayout;
    target->addRow(tr("Target &URL:"), m_url);
    target->addRow(tr("Sub&protocols:"), m_subprotocols);
    target->addRow(tr("&Origin:"), m_origin);

    auto *headerBox = new QGroupBox(tr("Request headers"), this);
    auto *headerLayout = new QGridLayout(headerBox);
    headerLayout->addWidget(m_headers, 0, 0, 3, 1);
    headerLayout->addWidget(m_addHeader, 0, 1);
    headerLayout->addWidget(m_removeHeader, 1, 1);
    headerLayout->setRowStretch(2, 1);

    auto *timingBox = new QGroupBox(tr("Timing"), this);
    auto *timingLayout = new QFormLayout(timingBox);
    timingLayout->addRow(tr("&Send messages:"), m_timing);
    timingLayout->addRow(tr("Sp&eed:"), m_speed);
    timingLayout->addRow(tr("&Wait for responses at most:"), m_timeout);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    layout->addLayout(target);
    layout->addWidget(headerBox, 1);
    layout->addWidget(timingBox);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &ReplayDialog::reject);
    connect(m_start, &QPushButton::clicked, this, &ReplayDialog::start);
    connect(m_sendNext, &QPushButton::clicked, this, &ReplayDialog::sendNext);
    connect(m_stop, &QPushButton::clicked, this, &ReplayDialog::stop);
    connect(m_timing, &QComboBox::currentIndexChanged, this, &ReplayDialog::updateState);
    connect(m_url, &QLineEdit::textChanged, this, [this] { setStatus(QString()); });
    connect(m_addHeader, &QPushButton::clicked, this, [this] {
        addHeaderRow(QString(), QString(), false);
        m_headers->editItem(m_headers->item(m_headers->rowCount() - 1, HeaderNameColumn));
    });
    connect(m_removeHeader, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &index : m_headers->selectionModel()->selectedRows())
            rows << index.row();
        std::sort(rows.begin(), rows.end(), std::greater<int>());
        for (int row : rows)
            m_headers->removeRow(row);
    });
    connect(m_headers, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        // Typing a real value over a redacted one means it should be sent.
        if (item->column() != HeaderValueColumn)
            return;
        QTableWidgetItem *name = m_headers->item(item->row(), HeaderNameColumn);
        if (name && name->data(RedactedRole).toBool() && !item->text().isEmpty() &&
            !Replayer::isRedactedValue(item->text().toUtf8()))
            name->setCheckState(Qt::Checked);
    });

    m_replayer = new Replayer(m_log, this);
    m_loaded = m_replayer->load(*m_log, m_conn);
    const ConnectionRecord record = m_log->connection(m_conn);
    const QString url = record.details.value(QLatin1String("url")).toString();
    if (m_loaded) {
        m_total = m_replayer->total();
        m_source->setText(
            tr("Sends the %n client message(s) of connection #%1 (%2) again as a new connection, "
               "recorded like any other.",
               nullptr, m_total)
                .arg(m_conn)
                .arg(url));
        m_url->setText(m_replayer->targetUrl().toString());
        m_subprotocols->setText(m_replayer->connectionOptions().subprotocols.join(QStringLiteral(", ")));
        m_origin->setText(m_replayer->connectionOptions().origin);
        fillHeaders();
        m_progress->setRange(0, qMax(1, m_total));
    } else {
        m_source->setText(tr("Connection #%1 (%2)").arg(m_conn).arg(url));
        setStatus(m_replayer->errorString(), true);
    }
    m_timing->setCurrentIndex(m_timing->findData(int(Replayer::Timing::Original)));
    updateState();
    resize(760, 620);
}

ReplayDialog::~ReplayDialog() = default;

void ReplayDialog::fillHeaders()
{
    // The recorded request as it was, so redacted values can be shown (Replayer::load drops them).
    QJsonArray recorded;
    bool haveRequest = false;
    const qsizetype n = m_log->size();
    for (qsizetype i = 0; i < n && !haveRequest; ++i) {
        const EventRecord r = m_log->at(i);
        if (r.conn == m_conn && r.kind == EventKind::Handshake && r.dir == Direction::Out) {
            recorded = m_log->details(i).value(QLatin1String("headers")).toArray();
            haveRequest = true;
        }
    }
    if (!haveRequest)
        recorded = m_log->connection(m_conn).details.value(QLatin1String("headers")).toArray();
    const QSignalBlocker blocker(m_headers);
    m_headers->setRowCount(0);
    for (const QJsonValue &h : recorded) {
        const QString name = h.toArray().at(0).toString();
        const QString value = h.toArray().at(1).toString();
        if (Replayer::isHandshakeHeader(name.toLatin1()))
            continue;
        addHeaderRow(name, value, Replayer::isRedactedValue(value.toUtf8()));
    }
}

void ReplayDialog::addHeaderRow(const QString &name, const QString &value, bool redacted)
{
    const QSignalBlocker blocker(m_headers);
    const int row = m_headers->rowCount();
    m_headers->insertRow(row);
    auto *nameItem = new QTableWidgetItem(name);
    nameItem->setFlags(nameItem->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsEditable);
    nameItem->setCheckState(redacted ? Qt::Unchecked : Qt::Checked);
    nameItem->setData(RedactedRole, redacted);
    auto *valueItem = new QTableWidgetItem(value);
    auto *noteItem =
        new QTableWidgetItem(redacted ? tr("\u26a0 Redacted; type the value to send it") : QString());
    noteItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (redacted) {
        const QColor tint = redactedTint(palette());
        for (QTableWidgetItem *item : {nameItem, valueItem, noteItem})
            item->setBackground(tint);
        noteItem->setToolTip(
            tr("The recording hid this value, so the replay cannot send it as it was: type the real value."));
    }
    m_headers->setItem(row, HeaderNameColumn, nameItem);
    m_headers->setItem(row, HeaderValueColumn, valueItem);
    m_headers->setItem(row, HeaderNoteColumn, noteItem);
}

QList<QPair<QByteArray, QByteArray>> ReplayDialog::headers() const
{
    QList<QPair<QByteArray, QByteArray>> out;
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QTableWidgetItem *name = m_headers->item(row, HeaderNameColumn);
        const QTableWidgetItem *value = m_headers->item(row, HeaderValueColumn);
        if (!name || name->checkState() != Qt::Checked || name->text().trimmed().isEmpty())
            continue;
        out.append({name->text().trimmed().toLatin1(), value ? value->text().toUtf8() : QByteArray()});
    }
    return out;
}

QList<int> ReplayDialog::redactedRows() const
{
    QList<int> rows;
    for (int row = 0; row < m_headers->rowCount(); ++row)
        if (const QTableWidgetItem *name = m_headers->item(row, HeaderNameColumn))
            if (name->data(RedactedRole).toBool())
                rows << row;
    return rows;
}

void ReplayDialog::setTargetUrl(const QString &url)
{
    m_url->setText(url);
}

void ReplayDialog::setTiming(Replayer::Timing timing)
{
    m_timing->setCurrentIndex(m_timing->findData(int(timing)));
}

Replayer::Timing ReplayDialog::timing() const
{
    return Replayer::Timing(m_timing->currentData().toInt());
}

void ReplayDialog::setSpeed(double factor)
{
    m_speed->setValue(factor);
}

void ReplayDialog::setResponseTimeoutMs(int ms)
{
    m_timeout->setValue(ms);
}

bool ReplayDialog::isRunning() const
{
    return m_replayer && m_replayer->isRunning();
}

QString ReplayDialog::statusText() const
{
    return m_status->text();
}

void ReplayDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette p = palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_status->setPalette(p);
}

bool ReplayDialog::start()
{
    if (!m_loaded || isRunning())
        return false;
    const QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")) ||
        url.host().isEmpty()) {
        setStatus(tr("Enter a ws:// or wss:// URL with a host, such as ws://127.0.0.1:8080/chat."), true);
        m_url->setFocus();
        return false;
    }
    // Each run is a replayer of its own; the previous one's connection stays in the session.
    if (m_replayConn) {
        m_replayer->deleteLater();
        m_replayer = new Replayer(m_log, this);
        if (!m_replayer->load(*m_log, m_conn)) {
            setStatus(m_replayer->errorString(), true);
            return false;
        }
    }
    Replayer *replayer = m_replayer;
    replayer->setTargetUrl(url);
    ConnectionOptions &options = replayer->connectionOptions();
    options.headers = headers();
    options.subprotocols.clear();
    for (const QString &p : m_subprotocols->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty())
            options.subprotocols << p.trimmed();
    options.origin = m_origin->text().trimmed();
    replayer->setTiming(timing());
    replayer->setSpeed(m_speed->value());
    replayer->setResponseTimeoutMs(m_timeout->value());
    m_timeouts.clear();

    connect(replayer, &Replayer::progress, this, [this, replayer](int sent, int total) {
        if (replayer != m_replayer)
            return;
        m_progress->setMaximum(qMax(1, total));
        m_progress->setValue(sent);
        if (sent < total)
            setStatus(tr("Connected; %1 of %2 messages sent.").arg(sent).arg(total));
        else
            setStatus(tr("All %n message(s) sent; waiting for the server's last answers and the close.",
                         nullptr, total));
        updateState();
    });
    connect(replayer, &Replayer::waitTimedOut, this, [this, replayer](int index, int expected, int arrived) {
        if (replayer != m_replayer)
            return;
        m_timeouts << (index < m_total
                           ? tr("message %1 was sent after %2 of %3 expected server messages")
                                 .arg(index + 1)
                                 .arg(arrived)
                                 .arg(expected)
                           : tr("closed after %1 of %2 expected server messages").arg(arrived).arg(expected));
    });
    connect(replayer, &Replayer::finished, this, [this, replayer](bool ok, const QString &message) {
        if (replayer != m_replayer)
            return;
        QString text = message;
        if (!m_timeouts.isEmpty())
            text +=
                QLatin1Char('\n') + tr("Timed out waiting: %1.").arg(m_timeouts.join(QStringLiteral("; ")));
        setStatus(text, !ok);
        updateState();
        emit replayFinished(m_replayConn, ok, message);
    });

    replayer->start();
    m_replayConn = replayer->connectionId();
    if (!m_replayConn) {
        setStatus(replayer->errorString().isEmpty() ? tr("The replay could not be started.")
                                                    : replayer->errorString(),
                  true);
        updateState();
        return false;
    }
    m_progress->setMaximum(qMax(1, m_total));
    m_progress->setValue(0);
    setStatus(tr("Connecting to %1 as connection #%2\u2026").arg(url.toString()).arg(m_replayConn));
    updateState();
    emit replayStarted(m_replayConn);
    return true;
}

void ReplayDialog::sendNext()
{
    if (m_replayer && m_replayer->isRunning())
        m_replayer->sendNext();
}

void ReplayDialog::stop()
{
    if (m_replayer && m_replayer->isRunning())
        m_replayer->stop();
}

void ReplayDialog::reject()
{
    stop();
    QDialog::reject();
}

void ReplayDialog::updateState()
{
    const bool running = isRunning();
    const Replayer::Timing t = timing();
    for (QWidget *w : std::initializer_list<QWidget *>{m_url, m_headers, m_addHeader, m_removeHeader,
                                                       m_subprotocols, m_origin, m_timing})
        w->setEnabled(m_loaded && !running);
    m_speed->setEnabled(m_loaded && !running && t == Replayer::Timing::Speed);
    m_timeout->setEnabled(m_loaded && !running);
    m_start->setEnabled(m_loaded && !running);
    m_start->setText(m_replayConn ? tr("&Start Again") : tr("&Start"));
    m_stop->setEnabled(running);
    m_sendNext->setVisible(t == Replayer::Timing::StepByStep);
    m_sendNext->setEnabled(running && t == Replayer::Timing::StepByStep && m_replayer->connection() &&
                           m_replayer->connection()->state() == ClientConnection::State::Open &&
                           m_replayer->sent() < m_replayer->total());
}

} // namespace wsscope
