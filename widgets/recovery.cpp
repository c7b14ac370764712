#include "recovery.h"

#include "eventlog.h"
#include "sessionwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLockFile>
#include <QStandardPaths>
#include <limits>

namespace wsscope {

namespace {

const char JournalSuffix[] = ".wsscope";

} // namespace

Recovery::Recovery(EventLog *log, QObject *parent)
    : QObject(parent), m_log(log), m_directory(defaultDirectory())
{}

Recovery::~Recovery()
{
    removeJournal();
    removeRecovered();
    // Offered but neither recovered nor discarded (the window closed first): offered again next time.
    m_held.clear();
}

QString Recovery::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QLatin1String("/journal");
}

void Recovery::setDirectory(const QString &directory)
{
    m_directory = directory;
}

QString Recovery::lockPathFor(const QString &journalPath)
{
    return journalPath + QLatin1String(".lock");
}

bool Recovery::startJournal()
{
    if (isJournaling())
        return true;
    if (!QDir().mkpath(m_directory)) {
        m_error = tr("Could not create the journal folder %1; recording goes on without a journal.")
                      .arg(QDir::toNativeSeparators(m_directory));
        return false;
    }
    const QString base =
        QDir(m_directory)
            .filePath(QStringLiteral("%1-%2")
                          .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))
                          .arg(QCoreApplication::applicationPid()));
    QString path = base + QLatin1String(JournalSuffix);
    for (int n = 2; QFileInfo::exists(path) || QFileInfo::exists(lockPathFor(path)); ++n)
        path = QStringLiteral("%1-%2%3").arg(base).arg(n).arg(QLatin1String(JournalSuffix));
    // The lock first: another instance looking for orphans must never see this journal unlocked.
    auto lock = std::make_unique<QLockFile>(lockPathFor(path));
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        m_error = tr("Could not lock the journal %1; recording goes on without a journal.")
                      .arg(QDir::toNativeSeparators(path));
        return false;
    }
    auto *writer = new SessionWriter(this);
    if (!writer->start(m_log, path)) {
        m_error = writer->errorString();
        delete writer;
        QFile::remove(path);
        return false;
    }
    connect(writer, &SessionWriter::failed, this, [this](const QString &message) {
        m_error = message;
        emit journalFailed(message);
    });
    m_writer = writer;
    m_lock = std::move(lock);
    m_journalPath = path;
    m_error.clear();
    return true;
}

bool Recovery::isJournaling() const
{
    return m_writer && m_writer->isActive();
}

void Recovery::removeJournal()
{
    if (m_writer) {
        m_writer->stop();
        delete m_writer;
        m_writer = nullptr;
    }
    if (!m_journalPath.isEmpty())
        QFile::remove(m_journalPath);
    m_lock.reset(); // unlocks, which removes the lock file
    m_journalPath.clear();
}

QList<Recovery::Journal> Recovery::findOrphans()
{
    QList<Journal> orphans;
    const QDir dir(m_directory);
    const QFileInfoList files =
        dir.entryInfoList({QLatin1String("*") + QLatin1String(JournalSuffix)}, QDir::Files, QDir::Time);
    for (const QFileInfo &info : files) {
        const QString path = info.absoluteFilePath();
        if (path == QFileInfo(m_journalPath).absoluteFilePath() || m_held.count(path))
            continue;
        auto lock = std::make_unique<QLockFile>(lockPathFor(path));
        // Age says nothing here: a window may record for days. Only a dead PID makes a lock stale.
        lock->setStaleLockTime(0);
        if (!lock->tryLock(0))
            continue; // its writer still runs
        const qint64 events = countEvents(path);
        if (events <= 0) {
            QFile::remove(path);
            continue; // nothing to recover
        }
        Journal journal;
        journal.path = path;
        journal.events = events;
        journal.lastWrite = info.lastModified();
        journal.offerText = offerText(events, journal.lastWrite);
        m_held[path] = std::move(lock);
        orphans.append(journal);
    }
    return orphans;
}

void Recovery::keepRecovered(const Journal &journal)
{
    if (!m_recovered.contains(journal.path))
        m_recovered.append(journal.path);
}

void Recovery::removeRecovered()
{
    for (const QString &path : std::as_const(m_recovered))
        removeLocked(path);
    m_recovered.clear();
}

void Recovery::discard(const Journal &journal)
{
    m_recovered.removeAll(journal.path);
    removeLocked(journal.path);
}

void Recovery::release(const Journal &journal)
{
    m_recovered.removeAll(journal.path);
    m_held.erase(journal.path);
}

void Recovery::removeLocked(const QString &journalPath)
{
    QFile::remove(journalPath);
    m_held.erase(journalPath);
}

qint64 Recovery::countEvents(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    qint64 lines = 0;
    QByteArray block;
    while (!file.atEnd()) {
        block = file.read(qint64(1) << 20);
        if (block.isEmpty())
            break;
        lines += block.count('\n');
    }
    // A crash can cut the last line; only complete lines are events. The first is the header.
    return qMax<qint64>(0, lines - 1);
}

QString Recovery::offerText(qint64 events, const QDateTime &lastWrite)
{
    const QLocale locale;
    const QString until = lastWrite.date() == QDate::currentDate()
                              ? locale.toString(lastWrite.time(), QStringLiteral("HH:mm:ss"))
                              : locale.toString(lastWrite, QLocale::ShortFormat);
    return tr("WsScope closed unexpectedly. Recover the %Ln event(s) recorded until %1?", nullptr,
              int(qMin<qint64>(events, std::numeric_limits<int>::max())))
        .arg(until);
}

} // namespace wsscope
