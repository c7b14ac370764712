#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <functional>

class QIODevice;

namespace wsscope {

class EventLog;

// Reads a session file v1 (docs/session-format.md) into an EventLog, line by line: the file is never
// held in memory as a whole. A bad line is reported with its number and skipped; the rest is kept.
// Only a file that is not a session at all, or one from a newer major format version, is refused.
class SessionReader
{
    Q_DECLARE_TR_FUNCTIONS(wsscope::SessionReader)
public:
    struct Problem
    {
        qint64 line = 0; // 1-based
        QString message;
    };
    // More problems than this are counted but not kept: a file of garbage must not fill the memory.
    static constexpr int MaxProblems = 1000;
    // A line longer than this is reported and skipped (a 16 MiB payload in base64 is about 22 MiB).
    static constexpr qsizetype MaxLineLength = qsizetype(256) << 20;

    // Called after each block read; return false to cancel (what was read stays in the log).
    using ProgressFunction = std::function<bool(qint64 bytesRead, qint64 bytesTotal)>;
    void setProgressFunction(ProgressFunction progress) { m_progress = std::move(progress); }

    // Returns false when nothing could be read (see errorString()); problems with single lines
    // do not make it fail (see problems()).
    bool read(const QString &path, EventLog *log);
    bool read(QIODevice *device, EventLog *log);

    QString errorString() const { return m_error; }
    const QList<Problem> &problems() const { return m_problems; }
    qint64 problemCount() const { return m_problemCount; }

    // From the header line.
    int formatVersion() const { return m_version; }
    QString created() const { return m_created; }
    QString application() const { return m_application; }

    qint64 linesRead() const { return m_lines; }
    qsizetype eventsRead() const { return m_events; }

private:
    struct State;
    bool readHeader(QByteArrayView line);
    void readEvent(QByteArrayView line, bool complete, State &state);
    void addProblem(qint64 line, const QString &message);

    ProgressFunction m_progress;
    QString m_error;
    QList<Problem> m_problems;
    qint64 m_problemCount = 0;
    int m_version = 0;
    QString m_created;
    QString m_application;
    qint64 m_lines = 0;
    qsizetype m_events = 0;
};

} // namespace wsscope
