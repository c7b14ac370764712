#include "harimport.h"

#include "eventlog.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace wsscope {

namespace {

struct ImportedFrame
{
    qint64 timeNs = 0;
    Direction dir = Direction::Out;
    quint8 opcode = 0;
    quint64 length = 0;
    bool truncated = false;
    bool compressed = false; // RSV1: the payload is permessage-deflate data (our own export says so)
    bool incomplete = false; // the message's final frame never came (our own export says so)
    QByteArray payload;
};

bool isWebSocketEntry(const QJsonObject &entry)
{
    if (entry.value(QLatin1String("_resourceType"))
            .toString()
            .compare(QLatin1String("websocket"), Qt::CaseInsensitive) == 0)
        return true;
    if (entry.value(QLatin1String("_webSocketMessages")).isArray())
        return true;
    const QString url =
        entry.value(QLatin1String("request")).toObject().value(QLatin1String("url")).toString();
    return url.startsWith(QLatin1String("ws://"), Qt::CaseInsensitive) ||
           url.startsWith(QLatin1String("wss://"), Qt::CaseInsensitive);
}

// HAR headers [{name, value}] to the [[name, value], ...] of Handshake details.
QJsonArray headerPairs(const QJsonArray &headers)
{
    QJsonArray pairs;
    for (const QJsonValue &h : headers) {
        const QJsonObject o = h.toObject();
        pairs.append(QJsonArray{o.value(QLatin1String("name")).toString(),
                                o.value(QLatin1String("value")).toString()});
    }
    return pairs;
}

// mitmproxy writes the http(s) form of the URL; the connection is shown with the ws(s) one.
QString webSocketUrl(const QString &url)
{
    if (url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive))
        return QStringLiteral("wss://") + url.mid(8);
    if (url.startsWith(QLatin1String("http://"), Qt::CaseInsensitive))
        return QStringLiteral("ws://") + url.mid(7);
    return url;
}

// "/path?query" of an absolute URL, as the request line had it.
QString requestTarget(const QString &url)
{
    const qsizetype scheme = url.indexOf(QLatin1String("://"));
    if (scheme < 0)
        return url;
    qsizetype slash = url.indexOf(QLatin1Char('/'), scheme + 3);
    const qsizetype question = url.indexOf(QLatin1Char('?'), scheme + 3);
    if (slash < 0 || (question >= 0 && question < slash))
        return question < 0 ? QStringLiteral("/") : QLatin1Char('/') + url.mid(question);
    qsizetype hash = url.indexOf(QLatin1Char('#'), slash);
    return url.mid(slash, hash < 0 ? -1 : hash - slash);
}

// Message times are seconds since the epoch (Chrome converts its monotonic stamps to wall time;
// mitmproxy writes time.time()). A small number is taken as seconds since the entry started, as
// some tools write, so such files still keep their spacing.
qint64 messageTimeNs(double seconds, qint64 startMs)
{
    if (seconds < 1e8 && startMs > qint64(1e11))
        return std::llround(seconds * 1e9);
    // Whole microseconds first: an epoch time in a double is only exact to about 0.25 µs.
    return (std::llround(seconds * 1e6) - startMs * 1000) * 1000;
}

quint8 lengthFlags(quint64 length)
{
    // The encoding a sender must use (RFC 6455 §5.2); the HAR does not say what was used.
    return length > 0xFFFF ? 0x80 : length > 125 ? 0x08 : 0;
}

bool readMessage(const QJsonObject &o, qint64 startMs, bool control, ImportedFrame *frame)
{
    const QString type = o.value(QLatin1String("type")).toString();
    if (type == QLatin1String("send"))
        frame->dir = Direction::Out;
    else if (type == QLatin1String("receive"))
        frame->dir = Direction::In;
    else
        return false;
    const int opcode = o.value(QLatin1String("opcode")).toInt(-1);
    // Control opcodes 0x8-0xF (reserved ones included: our export keeps every control frame seen).
    if (control ? !(opcode >= Opcode::Close && opcode <= 0xF)
                : !(opcode == Opcode::Text || opcode == Opcode::Binary))
        return false;
    frame->opcode = quint8(opcode);
    const QJsonValue time = o.value(QLatin1String("time"));
    if (!time.isDouble())
        return false;
    frame->timeNs = messageTimeNs(time.toDouble(), startMs);
    const QJsonValue data = o.value(QLatin1String("data"));
    const QJsonValue exact = o.value(QLatin1String("_wsscopeDataBase64"));
    if (opcode == Opcode::Text && !exact.isString())
        frame->payload = data.toString().toUtf8();
    else
        frame->payload = QByteArray::fromBase64((exact.isString() ? exact : data).toString().toLatin1());
    frame->length = quint64(frame->payload.size());
    const QJsonValue length = o.value(QLatin1String("_wsscopeLength"));
    if (length.isDouble() && length.toDouble() > double(frame->length)) {
        // A 64-bit length read as a double can reach 2^64, which quint64 cannot hold.
        const double announced = length.toDouble();
        frame->length =
            announced >= 18446744073709551616.0 ? std::numeric_limits<quint64>::max() : quint64(announced);
        frame->truncated = true;
    }
    frame->compressed = o.value(QLatin1String("_wsscopeCompressed")).toBool();
    frame->incomplete = o.value(QLatin1String("_wsscopeIncomplete")).toBool();
    return true;
}

// 1-based line and column (in characters) of a byte offset.
void position(const QByteArray &data, qsizetype offset, qint64 *line, qint64 *column)
{
    offset = qBound(qsizetype(0), offset, data.size());
    *line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (data.at(i) == '\n') {
            ++*line;
            lineStart = i + 1;
        }
    }
    *column = 1;
    for (qsizetype i = lineStart; i < offset; ++i) {
        if ((uchar(data.at(i)) & 0xC0) != 0x80) // UTF-8 continuation bytes are not characters
            ++*column;
    }
}

} // namespace

bool HarImport::read(const QString &path, EventLog *log)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = tr("Could not open %1: %2.").arg(QFileInfo(path).fileName(), file.errorString());
        return false;
    }
    return read(&file, log);
}

bool HarImport::read(QIODevice *device, EventLog *log)
{
    return readData(device->readAll(), log);
}

bool HarImport::readData(const QByteArray &data, EventLog *log)
{
    m_error.clear();
    m_connections.clear();
    m_messages = 0;
    m_otherEntries = 0;
    m_skipped = 0;

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        qint64 line, column;
        position(data, parseError.offset, &line, &column);
        m_error = tr("The HAR file is damaged at line %1, column %2 (%3); it may be cut short, so export "
                     "it again.")
                      .arg(line)
                      .arg(column)
                      .arg(parseError.errorString());
        return false;
    }
    const QJsonValue entriesValue =
        document.object().value(QLatin1String("log")).toObject().value(QLatin1String("entries"));
    if (!entriesValue.isArray()) {
        m_error = tr("This is not a HAR file: it has no \"log\" object with \"entries\".");
        return false;
    }
    const QJsonArray entries = entriesValue.toArray();
    QList<QJsonObject> sockets;
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        if (isWebSocketEntry(entry))
            sockets.append(entry);
        else
            ++m_otherEntries;
    }
    if (sockets.isEmpty()) {
        m_error = tr("This HAR file has no WebSocket connections (it has %n other requests).", nullptr,
                     int(m_otherEntries));
        return false;
    }

    const QJsonObject creator =
        document.object().value(QLatin1String("log")).toObject().value(QLatin1String("creator")).toObject();
    const QString creatorName = (creator.value(QLatin1String("name")).toString() + QLatin1Char(' ') +
                                 creator.value(QLatin1String("version")).toString())
                                    .trimmed();

    for (const QJsonObject &entry : sockets) {
        const QJsonObject request = entry.value(QLatin1String("request")).toObject();
        const QJsonObject response = entry.value(QLatin1String("response")).toObject();
        const QString harUrl = request.value(QLatin1String("url")).toString();
        QDateTime started = QDateTime::fromString(entry.value(QLatin1String("startedDateTime")).toString(),
                                                  Qt::ISODateWithMs);
        if (!started.isValid())
            started = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
        const qint64 startMs = started.toMSecsSinceEpoch();

        QJsonObject details;
        details.insert(QStringLiteral("url"), webSocketUrl(harUrl));
        details.insert(QStringLiteral("source"), QStringLiteral("import"));
        details.insert(QStringLiteral("started"), started.toUTC().toString(Qt::ISODateWithMs));
        QString name = entry.value(QLatin1String("_wsscopeName")).toString();
        if (name.isEmpty()) {
            const QUrl url(harUrl);
            name = url.host() + url.path();
        }
        details.insert(QStringLiteral("name"), name);
        details.insert(QStringLiteral("framing"), QLatin1String(Framing));
        if (!creatorName.isEmpty())
            details.insert(QStringLiteral("importedFrom"), creatorName);
        const quint32 conn = log->addConnection(0, details);
        m_connections.append(conn);

        EventRecord handshake;
        handshake.conn = conn;
        handshake.kind = EventKind::Handshake;
        handshake.dir = Direction::Out;
        QJsonObject out;
        out.insert(QStringLiteral("method"),
                   request.value(QLatin1String("method")).toString(QStringLiteral("GET")));
        out.insert(QStringLiteral("target"), requestTarget(harUrl));
        out.insert(QStringLiteral("version"), request.value(QLatin1String("httpVersion")).toString());
        out.insert(QStringLiteral("headers"), headerPairs(request.value(QLatin1String("headers")).toArray()));
        if (entry.value(QLatin1String("_wsscopeRawRequest")).isString())
            out.insert(QStringLiteral("raw"), entry.value(QLatin1String("_wsscopeRawRequest")));
        log->appendEvent(handshake, out);

        if (!response.isEmpty()) {
            const QJsonObject timings = entry.value(QLatin1String("timings")).toObject();
            const double waited = qMax(0.0, timings.value(QLatin1String("send")).toDouble(0)) +
                                  qMax(0.0, timings.value(QLatin1String("wait")).toDouble(0));
            handshake.dir = Direction::In;
            handshake.timeNs = std::llround(waited * 1e6);
            QJsonObject in;
            in.insert(QStringLiteral("version"), response.value(QLatin1String("httpVersion")).toString());
            in.insert(QStringLiteral("status"), response.value(QLatin1String("status")).toInt());
            in.insert(QStringLiteral("reason"), response.value(QLatin1String("statusText")).toString());
            in.insert(QStringLiteral("headers"),
                      headerPairs(response.value(QLatin1String("headers")).toArray()));
            const QJsonObject content = response.value(QLatin1String("content")).toObject();
            if (content.value(QLatin1String("text")).isString()) {
                in.insert(QStringLiteral("body"), content.value(QLatin1String("text")));
                if (content.value(QLatin1String("encoding")).toString() == QLatin1String("base64"))
                    in.insert(QStringLiteral("bodyEncoding"), QStringLiteral("base64"));
                in.insert(QStringLiteral("bodySize"), content.value(QLatin1String("size")).toInteger());
            }
            if (entry.value(QLatin1String("_wsscopeRawResponse")).isString())
                in.insert(QStringLiteral("raw"), entry.value(QLatin1String("_wsscopeRawResponse")));
            log->appendEvent(handshake, in);
        }

        std::vector<ImportedFrame> frames;
        const QJsonArray messages = entry.value(QLatin1String("_webSocketMessages")).toArray();
        const QJsonArray controls = entry.value(QLatin1String("_wsscopeFrames")).toArray();
        frames.reserve(size_t(messages.size() + controls.size()));
        for (const bool control : {false, true}) {
            for (const QJsonValue &value : control ? controls : messages) {
                ImportedFrame frame;
                if (readMessage(value.toObject(), startMs, control, &frame)) {
                    frames.push_back(std::move(frame));
                    if (!control)
                        ++m_messages;
                } else {
                    ++m_skipped;
                }
            }
        }
        // Control frames come from their own array, and some tools do not sort: the log is in time order.
        std::stable_sort(frames.begin(), frames.end(),
                         [](const ImportedFrame &a, const ImportedFrame &b) { return a.timeNs < b.timeNs; });
        for (const ImportedFrame &frame : frames) {
            EventRecord record;
            record.conn = conn;
            record.kind = EventKind::Frame;
            record.dir = frame.dir;
            record.opcode = frame.opcode;
            record.timeNs = frame.timeNs;
            record.length = frame.length;
            record.flags = quint8((frame.incomplete ? 0 : EventRecord::Fin) | lengthFlags(frame.length) |
                                  (frame.truncated ? EventRecord::Truncated : 0) |
                                  (frame.compressed ? EventRecord::Rsv1 : 0));
            log->appendRecord(record, frame.payload);
        }
    }
    return true;
}

} // namespace wsscope
