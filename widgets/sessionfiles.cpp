#include "sessionfiles.h"

#include "composer.h"
#include "connectionlistmodel.h"
#include "eventlog.h"
#include "exportdialog.h"
#include "harimport.h"
#include "mainwindow.h"
#include "sessionwriter.h"
#include "timelinemodel.h"

#include <QAction>
#include <QBoxLayout>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

namespace wsscope {

namespace {

const char RecentKey[] = "files/recent";
const char LastFolderKey[] = "files/lastFolder";
// Problems listed in the message itself; the rest go to its details.
constexpr int ProblemsShown = 8;

QString displayName(const QString &path)
{
    return QFileInfo(path).fileName();
}

QStringList localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && SessionFiles::isOpenable(url.toLocalFile()))
            paths.append(url.toLocalFile());
    }
    return paths;
}

QString lastFolder()
{
    return QSettings().value(QLatin1String(LastFolderKey), QDir::homePath()).toString();
}

void rememberFolder(const QString &path)
{
    QSettings().setValue(QLatin1String(LastFolderKey), QFileInfo(path).absolutePath());
}

} // namespace

SessionFiles::SessionFiles(MainWindow *window) : QObject(window), m_window(window), m_log(window->eventLog())
{
    m_recovery = new Recovery(m_log, this);
    connect(m_recovery, &Recovery::journalFailed, this,
            [this](const QString &message) { m_window->statusBar()->showMessage(message, 15000); });

    m_actOpen = new QAction(tr("&Open…"), this);
    m_actOpen->setShortcut(QKeySequence::Open);
    m_actOpen->setToolTip(tr("Open a session file or a HAR file; its connections are read-only"));
    connect(m_actOpen, &QAction::triggered, this, &SessionFiles::open);
    m_actSave = new QAction(tr("&Save"), this);
    m_actSave->setShortcut(QKeySequence::Save);
    connect(m_actSave, &QAction::triggered, this, [this] { save(); });
    m_actSaveAs = new QAction(tr("Save &As…"), this);
    m_actSaveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_actSaveAs, &QAction::triggered, this, [this] { saveAs(); });
    m_actImportHar = new QAction(tr("&Import HAR…"), this);
    connect(m_actImportHar, &QAction::triggered, this, &SessionFiles::importHar);
    m_actExport = new QAction(tr("&Export…"), this);
    m_actExport->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_actExport, &QAction::triggered, this, [this] { showExportDialog(); });
    m_recentMenu = new QMenu(tr("Open &Recent"), window);
    rebuildRecentMenu();

    // Whatever a log handed to the window already holds is not traffic recorded here.
    m_scanned = m_log->size();
    connect(m_log, &EventLog::appended, this, &SessionFiles::onLogAppended);

    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

SessionFiles::~SessionFiles() = default;

void SessionFiles::addFileActions(QMenu *menu)
{
    menu->addSeparator();
    menu->addAction(m_actOpen);
    menu->addMenu(m_recentMenu);
    menu->addAction(m_actSave);
    menu->addAction(m_actSaveAs);
    menu->addSeparator();
    menu->addAction(m_actImportHar);
    menu->addAction(m_actExport);
}

// Opening --------------------------------------------------------------------------------------------

SessionFiles::FileKind SessionFiles::detectKind(const QString &path)
{
    QFile file(path);
    QByteArray head;
    if (file.open(QIODevice::ReadOnly))
        head = file.read(64 * 1024);
    const QByteArray firstLine = head.left(head.indexOf('\n'));
    if (firstLine.contains("wsscope-session"))
        return FileKind::Session;
    if (QFileInfo(path).suffix().compare(QLatin1String("har"), Qt::CaseInsensitive) == 0)
        return FileKind::Har;
    // A HAR is one JSON object with a "log" key near its start; a session file's first line says so.
    const QByteArray trimmed = head.trimmed();
    if (trimmed.startsWith('{') && trimmed.contains("\"log\"") && !firstLine.contains("\"type\""))
        return FileKind::Har;
    return FileKind::Session;
}

bool SessionFiles::isOpenable(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return false;
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("wsscope") || suffix == QLatin1String("har"))
        return true;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(4096);
    return head.contains("wsscope-session") || (head.trimmed().startsWith('{') && head.contains("\"log\""));
}

void SessionFiles::open()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        m_window, tr("Open Session"), lastFolder(),
        tr("Sessions and HAR files (*.wsscope *.har);;WsScope sessions (*.wsscope);;HAR files (*.har);;"
           "All files (*)"));
    if (paths.isEmpty())
        return;
    rememberFolder(paths.first());
    openFiles(paths);
}

void SessionFiles::importHar()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import HAR"), lastFolder(),
                                                      tr("HAR files (*.har);;All files (*)"));
    if (path.isEmpty())
        return;
    rememberFolder(path);
    if (load(path, FileKind::Har, path))
        addRecentFile(path);
}

bool SessionFiles::openFiles(const QStringList &paths)
{
    bool any = false;
    for (const QString &path : paths)
        any = openFile(path) || any;
    return any;
}

bool SessionFiles::openFile(const QString &path)
{
    const bool hadConnections = m_log->connectionCount() > 0;
    const bool ok = load(path, detectKind(path), path);
    if (ok) {
        addRecentFile(path);
        // Save writes back to the file only when the log holds nothing else.
        m_currentFile = !hadConnections && m_lastLoad.kind == FileKind::Session && !m_lastLoad.cancelled &&
                                m_lastLoad.problemCount == 0
                            ? QFileInfo(path).absoluteFilePath()
                            : QString();
    } else if (!QFileInfo::exists(path)) {
        QStringList recent = recentFiles();
        if (recent.removeAll(QFileInfo(path).absoluteFilePath()) > 0) {
            QSettings().setValue(QLatin1String(RecentKey), recent);
            rebuildRecentMenu();
        }
    }
    return ok;
}

bool SessionFiles::load(const QString &path, FileKind kind, const QString &label)
{
    if (m_loading)
        return false;
    m_lastLoad = LoadResult();
    m_lastLoad.path = path;
    m_lastLoad.kind = kind;
    const QString name = displayName(path);
    if (!QFileInfo(path).isFile()) {
        m_lastLoad.error = tr("%1 does not exist or is not a file.").arg(QDir::toNativeSeparators(path));
        report(QMessageBox::Critical, tr("Open"), m_lastLoad.error);
        return false;
    }

    m_loading = true;
    QSet<quint32> before;
    for (const ConnectionRecord &c : m_log->connections())
        before.insert(c.id);
    const qsizetype sizeBefore = m_log->size();

    if (kind == FileKind::Session) {
        SessionReader reader;
        std::unique_ptr<QProgressDialog> progress;
        if (QFileInfo(path).size() > ProgressThreshold) {
            progress = std::make_unique<QProgressDialog>(tr("Loading %1…").arg(name), tr("Cancel"), 0, 1000,
                                                         m_window);
            progress->setWindowTitle(tr("Open"));
            progress->setWindowModality(Qt::WindowModal);
            progress->setMinimumDuration(400);
            progress->setAutoClose(false);
            progress->setAutoReset(false);
            reader.setProgressFunction([&](qint64 done, qint64 total) {
                if (total > 0)
                    progress->setValue(int(qMin<qint64>(1000, done * 1000 / total)));
                if (progress->wasCanceled()) {
                    m_lastLoad.cancelled = true;
                    return false;
                }
                return true;
            });
        }
        m_lastLoad.ok = reader.read(path, m_log);
        progress.reset();
        m_lastLoad.error = reader.errorString();
        m_lastLoad.problems = reader.problems();
        m_lastLoad.problemCount = reader.problemCount();
        m_lastLoad.events = reader.eventsRead();
    } else {
        HarImport har;
        m_lastLoad.ok = har.read(path, m_log);
        m_lastLoad.error = har.errorString();
        m_lastLoad.events = har.messagesRead();
    }

    for (const ConnectionRecord &c : m_log->connections()) {
        if (!before.contains(c.id)) {
            m_lastLoad.connections.append(c.id);
            m_loadedFrom.insert(c.id, label);
        }
    }
    m_loading = false;
    if (m_lastLoad.cancelled)
        m_lastLoad.ok = m_log->size() > sizeBefore;
    onLogAppended(m_log->size());

    // Show it at once: the models would otherwise wait for their flush timers.
    m_window->connectionModel()->flush();
    if (!m_lastLoad.connections.isEmpty())
        m_window->selectConnection(m_lastLoad.connections.first());
    m_window->timelineModel()->flush();
    refreshReadOnly(m_window->currentConnection());

    const QLocale locale;
    if (!m_lastLoad.ok) {
        report(QMessageBox::Critical, tr("Open"),
               m_lastLoad.error.isEmpty() ? tr("%1 could not be read.").arg(name) : m_lastLoad.error);
        return false;
    }
    emit fileLoaded(path);
    const QString summary =
        tr("%1: %Ln connection(s), %2 event(s), read-only.", nullptr, int(m_lastLoad.connections.size()))
            .arg(name, locale.toString(qint64(m_lastLoad.events)));
    if (m_lastLoad.cancelled) {
        report(QMessageBox::Information, tr("Open"),
               tr("Loading %1 was cancelled; the %2 event(s) read until then are shown.")
                   .arg(name, locale.toString(qint64(m_lastLoad.events))));
    } else if (m_lastLoad.problemCount > 0) {
        QStringList lines;
        QStringList all;
        for (const SessionReader::Problem &p : std::as_const(m_lastLoad.problems)) {
            // The reader's messages usually name their line already.
            const QString prefix = tr("Line %1").arg(p.line); // unformatted, as the reader writes it
            const QString line =
                p.message.startsWith(prefix) ? p.message : tr("%1: %2").arg(prefix, p.message);
            if (lines.size() < ProblemsShown)
                lines.append(line);
            all.append(line);
        }
        QString text = tr("%Ln line(s) of %1 could not be read and were skipped; the rest is shown.", nullptr,
                          int(qMin<qint64>(m_lastLoad.problemCount, std::numeric_limits<int>::max())))
                           .arg(name);
        text += QLatin1String("\n\n") + lines.join(QLatin1Char('\n'));
        if (m_lastLoad.problemCount > lines.size())
            text +=
                QLatin1Char('\n') +
                tr("(%1 more in the details)").arg(locale.toString(m_lastLoad.problemCount - lines.size()));
        report(QMessageBox::Warning, tr("Open"), text, all.join(QLatin1Char('\n')));
    } else if (m_lastLoad.connections.isEmpty()) {
        report(QMessageBox::Information, tr("Open"), tr("%1 holds no connections.").arg(name));
    } else {
        m_window->statusBar()->showMessage(summary, 8000);
    }
    return true;
}

// Saving ---------------------------------------------------------------------------------------------

bool SessionFiles::save()
{
    if (m_currentFile.isEmpty())
        return saveAs();
    return saveAs(m_currentFile);
}

bool SessionFiles::saveAs(const QString &givenPath)
{
    QString path = givenPath;
    if (path.isEmpty()) {
        const QString suggested =
            m_currentFile.isEmpty()
                ? QDir(lastFolder())
                      .filePath(
                          QStringLiteral("session-%1.wsscope")
                              .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))))
                : m_currentFile;
        path = QFileDialog::getSaveFileName(m_window, tr("Save Session As"), suggested,
                                            tr("WsScope sessions (*.wsscope)"));
        if (path.isEmpty())
            return false;
        if (QFileInfo(path).suffix().isEmpty())
            path += QLatin1String(".wsscope");
        rememberFolder(path);
    }
    QString reason;
    if (!SessionWriter::save(*m_log, path, &reason)) {
        m_lastError =
            tr("Could not save %1: %2. Choose another place.").arg(QDir::toNativeSeparators(path), reason);
        report(QMessageBox::Critical, tr("Save"), m_lastError);
        return false;
    }
    m_lastError.clear();
    m_currentFile = QFileInfo(path).absoluteFilePath();
    m_unsaved = false;
    // What recovered journals held is in a saved file now.
    m_recovery->removeRecovered();
    addRecentFile(path);
    m_window->statusBar()->showMessage(
        tr("Saved %1 events to %2.").arg(QLocale().toString(qint64(m_log->size())), displayName(path)), 8000);
    emit saved(m_currentFile);
    return true;
}

// Live traffic, the journal, quitting ------------------------------------------------------------------

void SessionFiles::onLogAppended(qsizetype size)
{
    // While a file loads, its connections are not known yet: scan once it is done.
    if (m_loading)
        return;
    bool live = false;
    for (qsizetype i = m_scanned; i < size && !live; ++i) {
        const quint32 conn = m_log->at(i).conn;
        if (!m_loadedFrom.contains(conn))
            live = true;
    }
    m_scanned = size;
    if (!live)
        return;
    m_unsaved = true;
    if (!m_recovery->isJournaling() && m_recovery->journalPath().isEmpty() && !m_journalFailed &&
        !m_recovery->startJournal()) {
        m_journalFailed = true; // said once; recording goes on in memory
        m_window->statusBar()->showMessage(m_recovery->errorString(), 15000);
    }
}

bool SessionFiles::needsSavePrompt() const
{
    return m_unsaved && m_log->size() > 0;
}

bool SessionFiles::confirmClose()
{
    if (m_loading)
        return false;
    if (needsSavePrompt()) {
        QMessageBox::StandardButton answer = QMessageBox::Cancel;
        if (m_closePrompt) {
            answer = m_closePrompt();
        } else {
            QMessageBox box(QMessageBox::Warning, tr("Unsaved Traffic"),
                            tr("The traffic recorded since the last save is not in a file yet. Save it "
                               "before quitting?"),
                            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
            box.setDefaultButton(QMessageBox::Save);
            answer = QMessageBox::StandardButton(box.exec());
        }
        if (answer == QMessageBox::Cancel)
            return false;
        if (answer == QMessageBox::Save && !save())
            return false;
    }
    // A normal end: nothing to recover next time.
    m_recovery->removeJournal();
    m_recovery->removeRecovered();
    return true;
}

int SessionFiles::offerRecovery()
{
    int recovered = 0;
    const QList<Recovery::Journal> journals = m_recovery->findOrphans();
    for (const Recovery::Journal &journal : journals) {
        RecoveryChoice choice = RecoveryChoice::Later;
        if (m_recoveryPrompt) {
            choice = m_recoveryPrompt(journal);
        } else {
            QMessageBox box(QMessageBox::Question, tr("Recover Recording"), journal.offerText,
                            QMessageBox::NoButton, m_window);
            QPushButton *recover = box.addButton(tr("&Recover"), QMessageBox::AcceptRole);
            QPushButton *discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
            box.addButton(tr("&Later"), QMessageBox::RejectRole);
            box.setDefaultButton(recover);
            box.setInformativeText(tr("Later keeps the journal and asks again at the next start."));
            box.exec();
            choice = box.clickedButton() == recover   ? RecoveryChoice::Recover
                     : box.clickedButton() == discard ? RecoveryChoice::Discard
                                                      : RecoveryChoice::Later;
        }
        switch (choice) {
        case RecoveryChoice::Recover:
            if (load(journal.path, FileKind::Session,
                     tr("the journal of %1")
                         .arg(QLocale().toString(journal.lastWrite, QLocale::ShortFormat)))) {
                m_recovery->keepRecovered(journal);
                m_unsaved = true; // it is in no file the user chose
                ++recovered;
            } else {
                m_recovery->release(journal);
            }
            break;
        case RecoveryChoice::Discard:
            m_recovery->discard(journal);
            break;
        case RecoveryChoice::Later:
            m_recovery->release(journal);
            break;
        }
    }
    return recovered;
}

// Recent files --------------------------------------------------------------------------------------

QStringList SessionFiles::recentFiles() const
{
    return QSettings().value(QLatin1String(RecentKey)).toStringList();
}

void SessionFiles::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList recent = recentFiles();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > MaxRecentFiles)
        recent.removeLast();
    QSettings().setValue(QLatin1String(RecentKey), recent);
    rebuildRecentMenu();
}

void SessionFiles::clearRecentFiles()
{
    QSettings().remove(QLatin1String(RecentKey));
    rebuildRecentMenu();
}

void SessionFiles::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentFiles();
    int n = 0;
    for (const QString &path : recent) {
        ++n;
        const QString text = n < 10 ? QStringLiteral("&%1 %2").arg(n).arg(displayName(path))
                                    : QStringLiteral("1&0 %1").arg(displayName(path));
        QAction *action = m_recentMenu->addAction(text, this, [this, path] { openFile(path); });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear Menu"), this, &SessionFiles::clearRecentFiles);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

// Export, read-only note, events --------------------------------------------------------------------

ExportDialog *SessionFiles::showExportDialog()
{
    auto *dialog = new ExportDialog(m_log, m_window->currentConnection(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exported, this,
            [this](const QString &message) { m_window->statusBar()->showMessage(message, 10000); });
    dialog->open();
    return dialog;
}

void SessionFiles::refreshReadOnly(quint32 conn)
{
    Composer *composer = m_window->composer();
    if (!composer)
        return;
    if (!m_note) {
        m_note = new QLabel(composer);
        m_note->setObjectName(QStringLiteral("readOnlyNote"));
        m_note->setWordWrap(true);
        m_note->setContentsMargins(4, 2, 4, 2);
        // The composer is disabled under it; the note itself must stay readable.
        QPalette palette = m_note->palette();
        palette.setColor(QPalette::Disabled, QPalette::WindowText,
                         palette.color(QPalette::Active, QPalette::WindowText));
        m_note->setPalette(palette);
        if (auto *box = qobject_cast<QBoxLayout *>(composer->layout()))
            box->insertWidget(0, m_note);
        m_note->hide();
    }
    const bool readOnly = isReadOnly(conn);
    if (readOnly)
        m_note->setText(tr("Loaded from %1: read-only").arg(displayName(m_loadedFrom.value(conn))));
    m_note->setToolTip(readOnly ? QDir::toNativeSeparators(m_loadedFrom.value(conn)) : QString());
    m_note->setVisible(readOnly);
    composer->setEnabled(!readOnly);
}

void SessionFiles::report(QMessageBox::Icon icon, const QString &title, const QString &text,
                          const QString &details)
{
    if (icon == QMessageBox::Critical)
        m_lastError = text;
    // Not blocking: a file given on the command line or dropped shows its problems beside the window.
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("sessionFilesReport"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!details.isEmpty())
        box->setDetailedText(details);
    box->open();
    m_report = box;
}

bool SessionFiles::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window)
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (!localFiles(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
        break;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList paths = localFiles(drop->mimeData());
        if (!paths.isEmpty()) {
            drop->acceptProposedAction();
            // After the drop returns: the source application is not kept waiting on a big file.
            QMetaObject::invokeMethod(
                this, [this, paths] { openFiles(paths); }, Qt::QueuedConnection);
            return true;
        }
        break;
    }
    case QEvent::Close:
        if (!confirmClose()) {
            event->ignore();
            return true;
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace wsscope
