#pragma once

#include "recovery.h"
#include "sessionreader.h"

#include <QHash>
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <functional>

class QAction;
class QLabel;
class QMenu;

namespace wsscope {

class EventLog;
class ExportDialog;
class MainWindow;

// The window's documents: opening session and HAR files (menu, recent files, drag and drop, the
// command line), saving the whole log, exports, the crash journal and its recovery, and the question
// on quit when live traffic was recorded since the last save. All connections live in the window's
// one EventLog; those that came from a file are read-only and remembered here with their file.
class SessionFiles : public QObject
{
    Q_OBJECT
public:
    enum class FileKind { Session, Har };
    enum class RecoveryChoice { Recover, Discard, Later };

    // What the last open did.
    struct LoadResult
    {
        QString path;
        FileKind kind = FileKind::Session;
        bool ok = false;        // something was read
        bool cancelled = false; // the user stopped it; what was read is kept
        QString error;          // why nothing (or only a part) could be read
        QList<quint32> connections;
        qsizetype events = 0;
        QList<SessionReader::Problem> problems; // session files: bad lines, skipped
        qint64 problemCount = 0;
    };

    static constexpr int MaxRecentFiles = 10;
    // Files bigger than this get a progress dialog while they load.
    static constexpr qint64 ProgressThreshold = qint64(4) << 20;

    explicit SessionFiles(MainWindow *window);
    ~SessionFiles() override;

    // Open, Open Recent, Save, Save As, Import HAR, Export (the window's File menu).
    void addFileActions(QMenu *menu);
    QAction *openAction() const { return m_actOpen; }
    QAction *saveAction() const { return m_actSave; }
    QAction *saveAsAction() const { return m_actSaveAs; }
    QAction *importHarAction() const { return m_actImportHar; }
    QAction *exportAction() const { return m_actExport; }
    QMenu *recentMenu() const { return m_recentMenu; }

    // Session file or HAR, by the first bytes, then by the extension.
    static FileKind detectKind(const QString &path);

    // Loads a file as read-only connections and selects the first one. Problems and errors are shown
    // in a message box that does not block (see lastLoad()); returns whether anything was read.
    bool openFile(const QString &path);
    bool openFiles(const QStringList &paths);
    const LoadResult &lastLoad() const { return m_lastLoad; }

    // Saves the whole log to currentFile(), or asks for a name first.
    bool save();
    // Empty path: asks for one.
    bool saveAs(const QString &path = QString());
    // The file the log was last saved to, or the one file it was opened from.
    QString currentFile() const { return m_currentFile; }
    QString lastError() const { return m_lastError; }

    bool isReadOnly(quint32 conn) const { return m_loadedFrom.contains(conn); }
    QString loadedFrom(quint32 conn) const { return m_loadedFrom.value(conn); }
    // Live traffic recorded (or a journal recovered) since the last save.
    bool hasUnsavedChanges() const { return m_unsaved; }
    // Something worth saving changed that is not new traffic (a connection was renamed).
    void markUnsaved() { m_unsaved = true; }
    // Whether quitting should ask Save / Discard / Cancel.
    bool needsSavePrompt() const;
    // Asks when needed; true when the window may close. The journal is removed then.
    bool confirmClose();
    // Replaces the question on quit (tests, or a different front end): returns Save, Discard or Cancel.
    void setClosePrompt(std::function<QMessageBox::StandardButton()> prompt)
    {
        m_closePrompt = std::move(prompt);
    }

    // Offers each journal left by a crashed instance: Recover loads it as a document, Discard
    // removes it, Later keeps it for the next start. Returns the number recovered.
    int offerRecovery();
    void setRecoveryPrompt(std::function<RecoveryChoice(const Recovery::Journal &)> prompt)
    {
        m_recoveryPrompt = std::move(prompt);
    }
    Recovery *recovery() const { return m_recovery; }

    QStringList recentFiles() const;
    void addRecentFile(const QString &path);
    void clearRecentFiles();

    // Shows File > Export… (not blocking) and returns it.
    ExportDialog *showExportDialog();

    // The window calls this when the selected connection or its state changes: a loaded connection
    // gets the composer disabled with a note naming its file.
    void refreshReadOnly(quint32 conn);
    QLabel *readOnlyNote() const { return m_note; }

    // Whether a dropped or given file looks like something openFile() reads.
    static bool isOpenable(const QString &path);

public slots:
    void open();
    void importHar();

signals:
    void fileLoaded(const QString &path);
    void saved(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool load(const QString &path, FileKind kind, const QString &label);
    void onLogAppended(qsizetype size);
    void rebuildRecentMenu();
    void report(QMessageBox::Icon icon, const QString &title, const QString &text,
                const QString &details = QString());

    MainWindow *m_window;
    EventLog *m_log;
    Recovery *m_recovery = nullptr;
    QHash<quint32, QString> m_loadedFrom;
    qsizetype m_scanned = 0;
    bool m_loading = false;
    bool m_unsaved = false;
    bool m_journalFailed = false;
    QString m_currentFile;
    QString m_lastError;
    LoadResult m_lastLoad;
    std::function<QMessageBox::StandardButton()> m_closePrompt;
    std::function<RecoveryChoice(const Recovery::Journal &)> m_recoveryPrompt;

    QAction *m_actOpen = nullptr;
    QAction *m_actSave = nullptr;
    QAction *m_actSaveAs = nullptr;
    QAction *m_actImportHar = nullptr;
    QAction *m_actExport = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_note = nullptr;
    QPointer<QMessageBox> m_report;
};

} // namespace wsscope
