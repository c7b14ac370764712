#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <map>
#include <memory>

class QLockFile;

namespace wsscope {

class EventLog;
class SessionWriter;

// The crash journal of the window. While live traffic is recorded, a SessionWriter writes the log to
// a journal file in AppLocalDataLocation/journal/ (flushed every SessionWriter::FlushIntervalMs),
// beside a QLockFile holding the PID of the instance that writes it. A normal end removes both; after
// a crash the lock names a dead process, which is how the next start tells a journal to recover from
// the journal of another window still running.
class Recovery : public QObject
{
    Q_OBJECT
public:
    struct Journal
    {
        QString path;
        qint64 events = 0;   // complete event lines
        QDateTime lastWrite; // of the file: the last flush before the crash
        QString offerText;   // the question put to the user
    };

    explicit Recovery(EventLog *log, QObject *parent = nullptr);
    ~Recovery() override; // a normal end: removes the journal and the recovered ones

    static QString defaultDirectory();
    void setDirectory(const QString &directory); // before startJournal(); for tests
    QString directory() const { return m_directory; }

    // Starts writing the journal (every event of the log, then what is appended); does nothing when
    // it already runs. False with errorString() when the folder or file cannot be created.
    bool startJournal();
    bool isJournaling() const;
    QString journalPath() const { return m_journalPath; }
    QString errorString() const { return m_error; }
    // Stops and removes the journal; the lock goes too.
    void removeJournal();

    // Journals whose writer is gone (a lock with a dead PID, or none). Each one returned stays locked by
    // this instance until discard(), release() or the end, so two windows never recover the same one.
    // Journals holding no event are removed on the way.
    QList<Journal> findOrphans();
    // Recovered: kept (locked) until removeRecovered() or the end, so a second crash loses nothing.
    void keepRecovered(const Journal &journal);
    void removeRecovered();
    // Removes the journal for good.
    void discard(const Journal &journal);
    // Later: unlocks it, so the next start offers it again.
    void release(const Journal &journal);

    // Counts the complete event lines of a session file (the header not included).
    static qint64 countEvents(const QString &path);
    // "WsScope closed unexpectedly. Recover the 12,345 events recorded until 14:03:22?"
    static QString offerText(qint64 events, const QDateTime &lastWrite);

signals:
    // Writing the journal failed; recording goes on in memory.
    void journalFailed(const QString &message);

private:
    static QString lockPathFor(const QString &journalPath);
    void removeLocked(const QString &journalPath);

    EventLog *m_log;
    QString m_directory;
    QString m_journalPath;
    QString m_error;
    SessionWriter *m_writer = nullptr;
    std::unique_ptr<QLockFile> m_lock;
    std::map<QString, std::unique_ptr<QLockFile>> m_held; // orphans offered or recovered
    QList<QString> m_recovered;
};

} // namespace wsscope
