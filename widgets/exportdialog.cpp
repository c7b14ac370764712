// Read by lupdate only, never compiled: the context the tr() wrapper below translates in, which
// lupdate cannot see through the wrapper. It must come before the includes to take effect.
#if 0
namespace wsscope {
Q_DECLARE_TR_FUNCTIONS(wsscope::ExportDialog)
}
#endif
#include "exportdialog.h"

#include "eventlog.h"
#include "harexport.h"
#include "messageexport.h"
#include "redaction.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace wsscope {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("wsscope::ExportDialog", text, disambiguation, n);
}

// Query parameters whose values are usually credentials: checked from the start.
bool looksSecret(const QString &name)
{
    static const char *const words[] = {"token", "key",      "secret", "auth", "session",
                                        "sig",   "password", "pass",   "jwt",  "code"};
    const QString lower = name.toLower();
    for (const char *word : words) {
        if (lower.contains(QLatin1String(word)))
            return true;
    }
    return false;
}

bool writeMessages(MessageExport &exporter, const EventLog &log, ExportOptions::Format format,
                   const QString &path, QString *reason)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *reason = file.errorString();
        return false;
    }
    const bool ok = format == ExportOptions::Format::Ndjson ? exporter.writeNdjson(log, &file)
                                                            : exporter.writeCsv(log, &file);
    if (!ok) {
        file.cancelWriting();
        *reason = exporter.errorString();
        return false;
    }
    if (!file.commit()) {
        *reason = file.errorString();
        return false;
    }
    return true;
}

} // namespace

bool exportLog(const EventLog &log, const ExportOptions &options, QString *message)
{
    const QString target = QDir::toNativeSeparators(options.path);
    if (options.path.isEmpty()) {
        *message = tr("Choose where to write the export.");
        return false;
    }
    const QLocale locale;
    if (options.format == ExportOptions::Format::Har) {
        HarExport har;
        Redaction redaction = options.redact ? Redaction() : Redaction::none();
        if (options.redact) {
            redaction.setHeaderNames(options.redactHeaders);
            redaction.setQueryParameterNames(options.redactQueryParameters);
        }
        har.setRedaction(redaction);
        if (options.connection)
            har.setConnections({options.connection});
        if (!har.save(log, options.path)) {
            *message = tr("Could not write %1: %2").arg(target, har.errorString());
            return false;
        }
        *message = tr("Exported %1 connection(s) with %2 message(s) to %3.")
                       .arg(locale.toString(qint64(har.entriesWritten())),
                            locale.toString(qint64(har.messagesWritten())), target);
        return true;
    }

    MessageExport exporter;
    exporter.setConnection(options.connection);
    exporter.setDirection(options.direction);
    exporter.setIncludeControlFrames(options.includeControlFrames);
    QString reason;
    bool ok = false;
    if (options.format == ExportOptions::Format::PayloadFiles) {
        ok = exporter.writePayloadFiles(log, options.path);
        if (!ok)
            reason = exporter.errorString();
    } else {
        ok = writeMessages(exporter, log, options.format, options.path, &reason);
    }
    if (!ok) {
        *message = tr("Could not write %1: %2").arg(target, reason);
        return false;
    }
    *message =
        tr("Exported %1 message(s) to %2.").arg(locale.toString(qint64(exporter.messagesWritten())), target);
    return true;
}

ExportDialog::ExportDialog(const EventLog *log, quint32 selectedConnection, QWidget *parent)
    : QDialog(parent), m_log(log), m_selected(selectedConnection)
{
    setWindowTitle(tr("Export"));
    setObjectName(QStringLiteral("exportDialog"));

    m_format = new QComboBox(this);
    m_format->addItem(tr("HAR 1.2 (browsers and HAR viewers)"), int(ExportOptions::Format::Har));
    m_format->addItem(tr("NDJSON, one message a line"), int(ExportOptions::Format::Ndjson));
    m_format->addItem(tr("CSV, one message a row"), int(ExportOptions::Format::Csv));
    m_format->addItem(tr("Payload files in a folder"), int(ExportOptions::Format::PayloadFiles));

    m_all = new QRadioButton(tr("&All connections"), this);
    m_one = new QRadioButton(this);
    if (m_selected) {
        const QJsonObject details = m_log->connection(m_selected).details;
        QString name = details.value(QLatin1String("name")).toString();
        if (name.isEmpty())
            name = details.value(QLatin1String("url")).toString();
        // A URL's '&' would become a mnemonic.
        m_one->setText(tr("Only the &selected one: #%1 %2")
                           .arg(m_selected)
                           .arg(name.replace(QLatin1Char('&'), QLatin1String("&&"))));
        m_one->setChecked(true);
    } else {
        m_one->setText(tr("Only the &selected one (none is selected)"));
        m_one->setEnabled(false);
        m_all->setChecked(true);
    }
    auto *scope = new QVBoxLayout;
    scope->addWidget(m_all);
    scope->addWidget(m_one);

    m_direction = new QComboBox(this);
    m_direction->addItem(tr("Both directions"));
    m_direction->addItem(tr("Sent only (\u2192 to the server)"));
    m_direction->addItem(tr("Received only (\u2190 from the server)"));
    m_control = new QCheckBox(tr("Include close, ping and pong frames"), this);

    // HAR redaction: the names to hide, as check lists.
    m_redactGroup = new QGroupBox(tr("Hide values in the HAR file"), this);
    m_redact = new QCheckBox(tr("&Redact the checked headers and query parameters"), m_redactGroup);
    m_redact->setChecked(true);
    m_redact->setToolTip(tr("HAR files get shared: credentials in headers and URLs are replaced by "
                            "\"%1\". Message payloads are never changed.")
                             .arg(QLatin1String(Redaction::Placeholder)));
    m_headers = new QListWidget(m_redactGroup);
    m_headers->setObjectName(QStringLiteral("redactHeaders"));
    m_query = new QListWidget(m_redactGroup);
    m_query->setObjectName(QStringLiteral("redactQuery"));
    const QStringList defaults = Redaction::defaultHeaderNames();
    for (const QString &name : defaults)
        addName(m_headers, name, true);
    for (const QString &name : headerNamesIn(*m_log))
        addName(m_headers, name, false);
    for (const QString &name : queryNamesIn(*m_log))
        addName(m_query, name, looksSecret(name));
    m_headerEdit = new QLineEdit(m_redactGroup);
    m_headerEdit->setPlaceholderText(tr("Another header, e.g. X-Api-Key"));
    m_queryEdit = new QLineEdit(m_redactGroup);
    m_queryEdit->setPlaceholderText(tr("Another query parameter, e.g. token"));
    auto *addHeader = new QPushButton(tr("Add"), m_redactGroup);
    auto *addQuery = new QPushButton(tr("Add"), m_redactGroup);
    auto addFrom = [this](QLineEdit *edit, bool header) {
        const QString name = edit->text().trimmed();
        if (name.isEmpty())
            return;
        header ? addRedactedHeader(name) : addRedactedQueryParameter(name);
        edit->clear();
    };
    connect(addHeader, &QPushButton::clicked, this, [=] { addFrom(m_headerEdit, true); });
    connect(m_headerEdit, &QLineEdit::returnPressed, this, [=] { addFrom(m_headerEdit, true); });
    connect(addQuery, &QPushButton::clicked, this, [=] { addFrom(m_queryEdit, false); });
    connect(m_queryEdit, &QLineEdit::returnPressed, this, [=] { addFrom(m_queryEdit, false); });
    auto *headerColumn = new QVBoxLayout;
    headerColumn->addWidget(new QLabel(tr("Headers:"), m_redactGroup));
    headerColumn->addWidget(m_headers, 1);
    auto *headerAdd = new QHBoxLayout;
    headerAdd->addWidget(m_headerEdit, 1);
    headerAdd->addWidget(addHeader);
    headerColumn->addLayout(headerAdd);
    auto *queryColumn = new QVBoxLayout;
    queryColumn->addWidget(new QLabel(tr("Query parameters:"), m_redactGroup));
    queryColumn->addWidget(m_query, 1);
    auto *queryAdd = new QHBoxLayout;
    queryAdd->addWidget(m_queryEdit, 1);
    queryAdd->addWidget(addQuery);
    queryColumn->addLayout(queryAdd);
    auto *lists = new QHBoxLayout;
    lists->addLayout(headerColumn);
    lists->addLayout(queryColumn);
    auto *redactLayout = new QVBoxLayout(m_redactGroup);
    redactLayout->addWidget(m_redact);
    redactLayout->addLayout(lists, 1);
    connect(m_redact, &QCheckBox::toggled, this, &ExportDialog::updateState);

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("exportPath"));
    connect(m_path, &QLineEdit::textEdited, this, [this] { m_pathEdited = true; });
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("Connections:"), scope);
    form->addRow(tr("&Direction:"), m_direction);
    form->addRow(QString(), m_control);
    auto *pathLabel = new QLabel(tr("&Write to:"), this);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_exportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::exportNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_redactGroup, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_pathEdited || m_path->text().isEmpty())
            m_path->setText(suggestedPath(options().format));
        updateState();
    });
    m_path->setText(suggestedPath(ExportOptions::Format::Har));
    updateState();
    resize(640, 560);
}

void ExportDialog::addName(QListWidget *list, const QString &name, bool checked)
{
    for (int i = 0; i < list->count(); ++i) {
        QListWidgetItem *item = list->item(i);
        if (item->text().compare(name, Qt::CaseInsensitive) == 0) {
            if (checked)
                item->setCheckState(Qt::Checked);
            return;
        }
    }
    auto *item = new QListWidgetItem(name, list);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

QStringList ExportDialog::checkedNames(const QListWidget *list)
{
    QStringList names;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            names.append(list->item(i)->text());
    }
    return names;
}

void ExportDialog::addRedactedHeader(const QString &name)
{
    addName(m_headers, name, true);
}

void ExportDialog::addRedactedQueryParameter(const QString &name)
{
    addName(m_query, name, true);
}

QStringList ExportDialog::headerNamesIn(const EventLog &log)
{
    QStringList names;
    QSet<QString> seen;
    for (const QString &name : Redaction::defaultHeaderNames())
        seen.insert(name.toLower());
    // The mechanics of the upgrade (RFC 6455 §4) carry no secrets; leaving them out keeps the list short.
    for (const char *name : {"upgrade", "connection", "sec-websocket-key", "sec-websocket-accept",
                             "sec-websocket-version", "content-length"})
        seen.insert(QLatin1String(name));
    const qsizetype size = log.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (log.at(i).kind != EventKind::Handshake)
            continue;
        const QJsonArray headers = log.details(i).value(QLatin1String("headers")).toArray();
        for (const QJsonValue &header : headers) {
            const QString name = header.toArray().at(0).toString();
            if (!name.isEmpty() && !seen.contains(name.toLower())) {
                seen.insert(name.toLower());
                names.append(name);
            }
        }
    }
    return names;
}

QStringList ExportDialog::queryNamesIn(const EventLog &log)
{
    QStringList names;
    QSet<QString> seen;
    for (const ConnectionRecord &c : log.connections()) {
        const QUrl url(c.details.value(QLatin1String("url")).toString());
        const QUrlQuery query(url);
        for (const auto &item : query.queryItems()) {
            if (!seen.contains(item.first.toLower())) {
                seen.insert(item.first.toLower());
                names.append(item.first);
            }
        }
    }
    return names;
}

ExportOptions ExportDialog::options() const
{
    ExportOptions o;
    o.format = ExportOptions::Format(m_format->currentData().toInt());
    o.path = m_path->text().trimmed();
    o.connection = m_one->isChecked() ? m_selected : 0;
    switch (m_direction->currentIndex()) {
    case 1:
        o.direction = Direction::Out;
        break;
    case 2:
        o.direction = Direction::In;
        break;
    default:
        break;
    }
    o.includeControlFrames = m_control->isChecked();
    o.redact = m_redact->isChecked();
    o.redactHeaders = checkedNames(m_headers);
    o.redactQueryParameters = checkedNames(m_query);
    return o;
}

void ExportDialog::setFormat(ExportOptions::Format format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
    m_pathEdited = true;
}

void ExportDialog::setSelectedOnly(bool selectedOnly)
{
    if (selectedOnly && m_one->isEnabled())
        m_one->setChecked(true);
    else
        m_all->setChecked(true);
}

void ExportDialog::setDirection(std::optional<Direction> direction)
{
    m_direction->setCurrentIndex(!direction ? 0 : *direction == Direction::Out ? 1 : 2);
}

QString ExportDialog::suggestedPath(ExportOptions::Format format) const
{
    const QString current = m_path ? m_path->text() : QString();
    const QString folder = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
    QString name;
    switch (format) {
    case ExportOptions::Format::Har:
        name = QStringLiteral("wsscope-export.har");
        break;
    case ExportOptions::Format::Ndjson:
        name = QStringLiteral("wsscope-messages.ndjson");
        break;
    case ExportOptions::Format::Csv:
        name = QStringLiteral("wsscope-messages.csv");
        break;
    case ExportOptions::Format::PayloadFiles:
        name = QStringLiteral("wsscope-payloads");
        break;
    }
    return QDir(folder).filePath(name);
}

void ExportDialog::updateState()
{
    const ExportOptions::Format format = ExportOptions::Format(m_format->currentData().toInt());
    const bool har = format == ExportOptions::Format::Har;
    m_redactGroup->setEnabled(har);
    m_headers->setEnabled(m_redact->isChecked());
    m_query->setEnabled(m_redact->isChecked());
    m_headerEdit->setEnabled(m_redact->isChecked());
    m_queryEdit->setEnabled(m_redact->isChecked());
    // HAR keeps both directions and its own control frame array; the message formats choose.
    m_direction->setEnabled(!har);
    m_control->setEnabled(!har);
    m_redactGroup->setToolTip(har ? QString()
                                  : tr("NDJSON, CSV and payload files hold messages only, no headers "
                                       "or URLs, so there is nothing to redact."));
}

void ExportDialog::browse()
{
    const ExportOptions::Format format = options().format;
    QString path;
    if (format == ExportOptions::Format::PayloadFiles) {
        path = QFileDialog::getExistingDirectory(this, tr("Folder for the Payload Files"),
                                                 QFileInfo(m_path->text()).absolutePath());
    } else {
        const QString filter = format == ExportOptions::Format::Har      ? tr("HAR files (*.har)")
                               : format == ExportOptions::Format::Ndjson ? tr("NDJSON files (*.ndjson)")
                                                                         : tr("CSV files (*.csv)");
        path = QFileDialog::getSaveFileName(this, tr("Export To"), m_path->text(), filter);
    }
    if (!path.isEmpty())
        setPath(path);
}

bool ExportDialog::exportNow()
{
    QString message;
    if (!exportLog(*m_log, options(), &message)) {
        m_error->setText(message);
        m_error->show();
        return false;
    }
    m_error->hide();
    emit exported(message);
    accept();
    return true;
}

} // namespace wsscope
