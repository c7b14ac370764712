#include "messageexport.h"

#include "utf8validator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QIODevice>
#include <algorithm>
#include <charconv>
#include <cstdio>

namespace wsscope {

namespace {

constexpr qsizetype FlushSize = qsizetype(1) << 20;

template <typename Int> void appendInt(Int value, QByteArray &out)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
    out.append(buffer, result.ptr - buffer);
}

// Microseconds with up to three decimals, so nanoseconds survive exactly.
void appendMicroseconds(qint64 ns, QByteArray &out)
{
    const quint64 magnitude = ns < 0 ? quint64(0) - quint64(ns) : quint64(ns);
    if (ns < 0)
        out.append('-');
    appendInt(magnitude / 1000, out);
    const unsigned fraction = unsigned(magnitude % 1000);
    if (fraction == 0)
        return;
    char digits[4] = {'.', char('0' + fraction / 100), char('0' + fraction / 10 % 10),
                      char('0' + fraction % 10)};
    int length = 4;
    while (digits[length - 1] == '0')
        --length;
    out.append(digits, length);
}

bool isValidUtf8(QByteArrayView bytes)
{
    return Utf8Validator::isValid(bytes.data(), bytes.size());
}

} // namespace

QByteArray MessageExport::typeName(quint8 opcode)
{
    switch (opcode) {
    case Opcode::Continuation:
        return QByteArrayLiteral("continuation");
    case Opcode::Text:
        return QByteArrayLiteral("text");
    case Opcode::Binary:
        return QByteArrayLiteral("binary");
    case Opcode::Close:
        return QByteArrayLiteral("close");
    case Opcode::Ping:
        return QByteArrayLiteral("ping");
    case Opcode::Pong:
        return QByteArrayLiteral("pong");
    default:
        return "0x" + QByteArray::number(opcode, 16);
    }
}

void MessageExport::appendCsvField(QByteArrayView field, QByteArray &out)
{
    bool quote = false;
    for (const char c : field) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        out.append(field);
        return;
    }
    out.append('"');
    qsizetype run = 0;
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field[i] == '"') {
            out.append(field.sliced(run, i + 1 - run));
            out.append('"');
            run = i + 1;
        }
    }
    out.append(field.sliced(run));
    out.append('"');
}

void MessageExport::appendJsonString(QByteArrayView utf8, QByteArray &out)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    const char *p = utf8.data();
    const char *const end = p + utf8.size();
    const char *run = p;
    for (; p < end; ++p) {
        const uchar c = uchar(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        default: {
            const char escape[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            out.append(escape, 6);
        }
        }
        run = p + 1;
    }
    out.append(run, end - run);
    out.append('"');
}

qint64 MessageExport::epochMicroseconds(const QString &started, qint64 timeNs)
{
    const QDateTime start = QDateTime::fromString(started, Qt::ISODateWithMs);
    const qint64 startUs = start.isValid() ? start.toMSecsSinceEpoch() * 1000 : 0;
    // Floor, so that a time just before the start does not round up to it.
    const qint64 us = timeNs >= 0 ? timeNs / 1000 : -((-timeNs + 999) / 1000);
    return startUs + us;
}

QByteArray MessageExport::isoTime(qint64 epochUs)
{
    qint64 seconds = epochUs / 1000000;
    qint64 micro = epochUs % 1000000;
    if (micro < 0) {
        micro += 1000000;
        seconds -= 1;
    }
    QByteArray out = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC)
                         .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
                         .toLatin1();
    char digits[8];
    std::snprintf(digits, sizeof(digits), ".%06lld", static_cast<long long>(micro));
    out.append(digits, 7);
    out.append('Z');
    return out;
}

bool MessageExport::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool MessageExport::forEachMessage(const EventLog &log,
                                   const std::function<bool(const AssembledMessage &)> &write)
{
    m_written = 0;
    m_error.clear();
    bool ok = true;
    MessageAssembler assembler(log, [&](const AssembledMessage &m) {
        if (ok && !write(m))
            ok = false;
        else if (ok)
            ++m_written;
    });
    assembler.setIncludeControlFrames(m_includeControl);
    const qsizetype n = log.size();
    for (qsizetype i = 0; i < n && ok; ++i) {
        const EventRecord record = log.at(i);
        if (record.kind != EventKind::Frame || (m_conn != 0 && record.conn != m_conn) ||
            (m_dir && record.dir != *m_dir))
            continue;
        assembler.addFrame(i);
    }
    if (ok)
        assembler.finish();
    return ok;
}

namespace {

// Start times of the connections, looked up once per connection rather than once per message.
class StartTimes
{
public:
    explicit StartTimes(const EventLog &log)
    {
        for (const ConnectionRecord &c : log.connections())
            m_started.insert(c.id, c.details.value(QLatin1String("started")).toString());
    }
    qint64 epochUs(quint32 conn, qint64 timeNs) const
    {
        return MessageExport::epochMicroseconds(m_started.value(conn), timeNs);
    }

private:
    QHash<quint32, QString> m_started;
};

bool flush(QIODevice *device, QByteArray &buffer, bool force)
{
    if (buffer.size() < FlushSize && !force)
        return true;
    const bool ok = device->write(buffer) == buffer.size();
    buffer.clear();
    return ok;
}

} // namespace

bool MessageExport::writeNdjson(const EventLog &log, QIODevice *device)
{
    const StartTimes starts(log);
    QByteArray out;
    out.reserve(FlushSize + 4096);
    const bool ok = forEachMessage(log, [&](const AssembledMessage &m) {
        out.append("{\"conn\":");
        appendInt(m.conn, out);
        out.append(",\"t_us\":");
        appendMicroseconds(m.timeNs, out);
        out.append(",\"time\":\"");
        out.append(isoTime(starts.epochUs(m.conn, m.timeNs)));
        out.append(m.dir == Direction::Out ? "\",\"dir\":\"out\"" : "\",\"dir\":\"in\"");
        out.append(",\"opcode\":");
        appendInt(int(m.opcode), out);
        out.append(",\"type\":\"");
        out.append(typeName(m.opcode));
        out.append("\",\"length\":");
        appendInt(m.length, out);
        out.append(",\"frames\":");
        appendInt(m.frames, out);
        if (m.opcode == Opcode::Text && !m.compressed && isValidUtf8(m.data)) {
            out.append(",\"text\":");
            appendJsonString(m.data, out);
        } else {
            out.append(",\"data_b64\":\"");
            out.append(m.data.toBase64());
            out.append('"');
        }
        if (m.truncated)
            out.append(",\"truncated\":true");
        if (m.compressed)
            out.append(",\"compressed\":true");
        if (!m.complete)
            out.append(",\"complete\":false");
        out.append("}\n");
        return flush(device, out, false);
    });
    if (!ok || !flush(device, out, true))
        return fail(tr("Could not write the messages: %1.").arg(device->errorString()));
    return true;
}

bool MessageExport::writeCsv(const EventLog &log, QIODevice *device)
{
    const StartTimes starts(log);
    // RFC 4180 §2: CRLF ends every record, the header included.
    QByteArray out = "conn,time,dir,type,length,payload\r\n";
    out.reserve(FlushSize + 4096);
    const bool ok = forEachMessage(log, [&](const AssembledMessage &m) {
        appendInt(m.conn, out);
        out.append(',');
        out.append(isoTime(starts.epochUs(m.conn, m.timeNs)));
        out.append(m.dir == Direction::Out ? ",out," : ",in,");
        out.append(typeName(m.opcode));
        out.append(',');
        appendInt(m.length, out);
        out.append(',');
        // Text that itself begins with the prefix goes as base64 too, so a reader is never misled.
        if (m.opcode == Opcode::Text && !m.compressed && isValidUtf8(m.data) && !m.data.startsWith("base64:"))
            appendCsvField(m.data, out);
        else
            out.append("base64:" + m.data.toBase64());
        out.append("\r\n");
        return flush(device, out, false);
    });
    if (!ok || !flush(device, out, true))
        return fail(tr("Could not write the messages: %1.").arg(device->errorString()));
    return true;
}

bool MessageExport::writePayloadFiles(const EventLog &log, const QString &directory)
{
    QDir dir(directory);
    if (!dir.mkpath(QStringLiteral(".")))
        return fail(tr("Could not create the folder %1; choose a folder you can write to.")
                        .arg(QDir::toNativeSeparators(directory)));
    qsizetype number = 0;
    QString error;
    const bool ok = forEachMessage(log, [&](const AssembledMessage &m) {
        ++number;
        const bool text = m.opcode == Opcode::Text && !m.compressed;
        const QString name = QStringLiteral("%1-%2-%3.%4")
                                 .arg(number, 6, 10, QLatin1Char('0'))
                                 .arg(m.dir == Direction::Out ? QLatin1String("out") : QLatin1String("in"))
                                 .arg(QString::fromLatin1(typeName(m.opcode)))
                                 .arg(text ? QLatin1String("txt") : QLatin1String("bin"));
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(m.data) != m.data.size()) {
            error = tr("Could not write %1: %2.")
                        .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
            return false;
        }
        return true;
    });
    return ok ? true : fail(error);
}

} // namespace wsscope
