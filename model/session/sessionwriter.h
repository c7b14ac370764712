#pragma once

#include <QFile>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QIODevice;

namespace wsscope {

class EventLog;

// Writes an EventLog as a session file v1 (docs/session-format.md).
// While recording, start() attaches to a log and writes what is appended, at least every
// FlushIntervalMs, so a crash of WsScope loses at most that much. save() writes a whole log at once,
// through a temporary file renamed over the target, so an existing file is never left half-written.
class SessionWriter : public QObject
{
    Q_OBJECT
public:
    static constexpr int FlushIntervalMs = 500;

    explicit SessionWriter(QObject *parent = nullptr);
    ~SessionWriter() override; // stops, writing what is pending

    // Creates (or truncates) path, writes the header and every event already in the log.
    bool start(EventLog *log, const QString &path);
    // Writes the events appended since the last write and hands them to the operating system.
    bool writePending();
    // Writes what is pending and closes the file.
    void stop();
    bool isActive() const;

    QString fileName() const;
    qsizetype writtenEvents() const;
    QString errorString() const;

    static bool save(const EventLog &log, const QString &path, QString *errorString = nullptr);
    // The whole log to an open device: header, then every event in order.
    static bool write(const EventLog &log, QIODevice *device, QString *errorString = nullptr);

signals:
    // Writing failed (disk full, file removed...); the file is closed, the log is untouched.
    void failed(const QString &message);

private:
    bool fail(const QString &message);
    // What the timer does: writePending() in bounded slices, the rest queued after other events.
    void writeSlice();

    QPointer<EventLog> m_log;
    QFile m_file;
    QTimer m_timer;
    qsizetype m_written = 0;
    bool m_sliceQueued = false;
    QString m_error;
};

} // namespace wsscope
