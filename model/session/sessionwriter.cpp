#include "sessionwriter.h"

#include "eventlog.h"
#include "sessionformat.h"

#include <QElapsedTimer>
#include <QSaveFile>

namespace wsscope {

namespace {

// Lines are gathered into blocks of this size before each write: few system calls, bounded memory.
constexpr qsizetype WriteBlock = qsizetype(1) << 20;

bool writeAll(QIODevice *device, const QByteArray &bytes)
{
    return device->write(bytes) == bytes.size();
}

bool writeRange(const EventLog &log, qsizetype from, qsizetype to, QIODevice *device)
{
    QByteArray buffer;
    buffer.reserve(WriteBlock + 4096);
    for (qsizetype i = from; i < to; ++i) {
        SessionFormat::appendEventLine(log, i, buffer);
        if (buffer.size() >= WriteBlock) {
            if (!writeAll(device, buffer))
                return false;
            buffer.resize(0); // keeps the capacity, unlike clear()
        }
    }
    return buffer.isEmpty() || writeAll(device, buffer);
}

} // namespace

SessionWriter::SessionWriter(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(FlushIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_sliceQueued) // the queued slice goes on with what is pending
            writeSlice();
    });
}

SessionWriter::~SessionWriter()
{
    stop();
}

bool SessionWriter::start(EventLog *log, const QString &path)
{
    stop();
    m_error.clear();
    m_written = 0;
    m_log = log;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = tr("Could not create the session file %1: %2. Choose another folder.")
                      .arg(path, m_file.errorString());
        m_log.clear();
        return false;
    }
    if (!writeAll(&m_file, SessionFormat::headerLine()))
        return fail(m_file.errorString());
    if (!writePending())
        return false;
    m_timer.start();
    return true;
}

bool SessionWriter::writePending()
{
    if (!m_file.isOpen())
        return false;
    if (!m_log)
        return fail(tr("the recording was closed"));
    const qsizetype size = m_log->size();
    if (size > m_written) {
        if (!writeRange(*m_log, m_written, size, &m_file))
            return fail(m_file.errorString());
        m_written = size;
    }
    // Into the operating system's hands: a crash of WsScope no longer loses these lines.
    if (!m_file.flush())
        return fail(m_file.errorString());
    return true;
}

void SessionWriter::writeSlice()
{
    // A live journal at 100k events a second has 50k lines to format every flush interval, some
    // 50 ms of work on the thread of the window. Written in slices of a few milliseconds, with the
    // rest queued behind whatever else waits, the event loop keeps turning between them.
    m_sliceQueued = false;
    if (!m_file.isOpen() || !m_log) {
        writePending(); // fails, or does nothing, as it always did
        return;
    }
    constexpr qsizetype SliceEvents = 2048;
    constexpr qint64 SliceNs = 8 * 1000 * 1000;
    const qsizetype size = m_log->size();
    QElapsedTimer clock;
    clock.start();
    while (m_written < size && clock.nsecsElapsed() < SliceNs) {
        const qsizetype to = qMin(size, m_written + SliceEvents);
        if (!writeRange(*m_log, m_written, to, &m_file)) {
            fail(m_file.errorString());
            return;
        }
        m_written = to;
    }
    if (!m_file.flush()) {
        fail(m_file.errorString());
        return;
    }
    if (m_written < size) {
        m_sliceQueued = true;
        QMetaObject::invokeMethod(this, &SessionWriter::writeSlice, Qt::QueuedConnection);
    }
}

void SessionWriter::stop()
{
    m_timer.stop();
    if (m_file.isOpen()) {
        writePending();
        m_file.close();
    }
    m_log.clear();
}

bool SessionWriter::isActive() const
{
    return m_file.isOpen();
}

QString SessionWriter::fileName() const
{
    return m_file.fileName();
}

qsizetype SessionWriter::writtenEvents() const
{
    return m_written;
}

QString SessionWriter::errorString() const
{
    return m_error;
}

bool SessionWriter::fail(const QString &reason)
{
    m_timer.stop();
    m_error =
        tr("Writing the session file %1 failed: %2. The recording is still in memory; save it elsewhere.")
            .arg(m_file.fileName(), reason);
    m_file.close();
    m_log.clear();
    emit failed(m_error);
    return false;
}

bool SessionWriter::write(const EventLog &log, QIODevice *device, QString *errorString)
{
    const qsizetype size = log.size();
    if (!writeAll(device, SessionFormat::headerLine()) || !writeRange(log, 0, size, device)) {
        if (errorString)
            *errorString = device->errorString();
        return false;
    }
    return true;
}

bool SessionWriter::save(const EventLog &log, const QString &path, QString *errorString)
{
    QSaveFile file(path);
    QString reason;
    if (!file.open(QIODevice::WriteOnly))
        reason = file.errorString();
    else if (!write(log, &file, &reason))
        file.cancelWriting();
    else if (!file.commit())
        reason = file.errorString();
    else
        return true;
    if (errorString)
        *errorString = tr("Could not save the session to %1: %2. Choose another place or free some space.")
                           .arg(path, reason);
    return false;
}

} // namespace wsscope
