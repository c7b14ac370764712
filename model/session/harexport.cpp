#include "harexport.h"

#include "eventlog.h"
#include "messageexport.h"
#include "utf8validator.h"

#include <QDateTime>
#include <QHash>
#include <QIODevice>
#include <QJsonArray>
#include <QSaveFile>
#include <QUrl>
#include <charconv>
#include <cstdio>
#include <vector>

#ifndef WSSCOPE_VERSION
#define WSSCOPE_VERSION "0.0.0"
#endif

namespace wsscope {

namespace {

constexpr qsizetype FlushSize = qsizetype(1) << 20;

struct ConnectionFrames
{
    std::vector<qsizetype> frames;
    qsizetype request = -1;  // first Handshake Out
    qsizetype response = -1; // first Handshake In
};

template <typename Int> void appendInt(Int value, QByteArray &out)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
    out.append(buffer, result.ptr - buffer);
}

void appendString(const QString &s, QByteArray &out)
{
    MessageExport::appendJsonString(s.toUtf8(), out);
}

// Milliseconds to the microsecond, "1500.250". Integer arithmetic only: printf's %f follows
// LC_NUMERIC, which would write "1500,250" (invalid JSON) under a decimal-comma locale.
void appendMilliseconds(qint64 ns, QByteArray &out)
{
    const bool negative = ns < 0;
    // Round half away from zero to whole microseconds, without overflowing at the extremes.
    const quint64 magnitude = negative ? quint64(0) - quint64(ns) : quint64(ns);
    const quint64 us = magnitude / 1000 + (magnitude % 1000 >= 500 ? 1 : 0);
    char buffer[40];
    const int n =
        std::snprintf(buffer, sizeof(buffer), "%s%llu.%03llu", negative && us ? "-" : "",
                      static_cast<unsigned long long>(us / 1000), static_cast<unsigned long long>(us % 1000));
    out.append(buffer, n);
}

// Chrome's message time: seconds since the epoch as a number, to the microsecond.
void appendEpochSeconds(qint64 epochUs, QByteArray &out)
{
    qint64 seconds = epochUs / 1000000;
    qint64 micro = epochUs % 1000000;
    if (micro < 0) {
        micro += 1000000;
        seconds -= 1;
    }
    char buffer[40];
    const int n = std::snprintf(buffer, sizeof(buffer), "%lld.%06lld", static_cast<long long>(seconds),
                                static_cast<long long>(micro));
    out.append(buffer, n);
}

QString headerValue(const QJsonArray &headers, QLatin1String name)
{
    for (const QJsonValue &h : headers) {
        const QJsonArray pair = h.toArray();
        if (pair.at(0).toString().compare(name, Qt::CaseInsensitive) == 0)
            return pair.at(1).toString();
    }
    return QString();
}

void appendHeaders(const QJsonArray &headers, const Redaction &redaction, QByteArray &out)
{
    out.append('[');
    bool first = true;
    for (const QJsonValue &h : headers) {
        const QJsonArray pair = h.toArray();
        const QString name = pair.at(0).toString();
        if (!first)
            out.append(',');
        first = false;
        out.append("{\"name\":");
        appendString(name, out);
        out.append(",\"value\":");
        appendString(redaction.headerValue(name, pair.at(1).toString()), out);
        out.append('}');
    }
    out.append(']');
}

// HAR queryString: the parameters of the (already redacted) URL, decoded.
void appendQueryString(const QString &url, QByteArray &out)
{
    out.append('[');
    const qsizetype question = url.indexOf(QLatin1Char('?'));
    if (question >= 0) {
        qsizetype hash = url.indexOf(QLatin1Char('#'), question);
        if (hash < 0)
            hash = url.size();
        const QStringView query = QStringView(url).mid(question + 1, hash - question - 1);
        bool first = true;
        for (const QStringView pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            const QStringView name = eq < 0 ? pair : pair.left(eq);
            const QStringView value = eq < 0 ? QStringView() : pair.mid(eq + 1);
            if (!first)
                out.append(',');
            first = false;
            out.append("{\"name\":");
            appendString(QUrl::fromPercentEncoding(name.toUtf8()), out);
            out.append(",\"value\":");
            appendString(QUrl::fromPercentEncoding(value.toUtf8()), out);
            out.append('}');
        }
    }
    out.append(']');
}

// Chrome writes the ws:// or wss:// URL the page opened. A proxy-mode connection only knows
// host:port from CONNECT; the request target of the handshake completes it.
QString requestUrl(const QString &connectionUrl, const QString &target)
{
    if (!target.startsWith(QLatin1Char('/')))
        return connectionUrl;
    const QUrl url(connectionUrl);
    if (!url.isValid() || url.scheme().isEmpty())
        return connectionUrl;
    return url.scheme() + QLatin1String("://") + url.authority(QUrl::FullyEncoded) + target;
}

qint64 rawSize(const QJsonObject &details)
{
    const QJsonValue raw = details.value(QLatin1String("raw"));
    return raw.isString() ? raw.toString().toUtf8().size() : -1;
}

bool isText(const AssembledMessage &m)
{
    return m.opcode == Opcode::Text && !m.compressed;
}

} // namespace

bool HarExport::write(const EventLog &log, QIODevice *device)
{
    m_error.clear();
    m_entries = 0;
    m_messages = 0;

    // One pass to find each connection's records; entries then read only their own.
    QHash<quint32, ConnectionFrames> byConnection;
    const qsizetype size = log.size();
    for (qsizetype i = 0; i < size; ++i) {
        const EventRecord record = log.at(i);
        if (record.kind == EventKind::Frame) {
            byConnection[record.conn].frames.push_back(i);
        } else if (record.kind == EventKind::Handshake) {
            ConnectionFrames &c = byConnection[record.conn];
            qsizetype &slot = record.dir == Direction::Out ? c.request : c.response;
            if (slot < 0)
                slot = i;
        }
    }

    QByteArray out;
    out.reserve(FlushSize + 65536);
    bool ok = true;
    auto flush = [&](bool force) {
        if (ok && (force || out.size() >= FlushSize)) {
            ok = device->write(out) == out.size();
            out.clear();
        }
    };

    out.append(
        "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"WsScope\",\"version\":\"" WSSCOPE_VERSION
        "\"},\"pages\":[],\"entries\":[");
    const QList<ConnectionRecord> connections = log.connections();
    for (const ConnectionRecord &connection : connections) {
        if (!ok)
            break;
        if (!m_connections.isEmpty() && !m_connections.contains(connection.id))
            continue;
        const ConnectionFrames records = byConnection.value(connection.id);
        const QJsonObject request = records.request >= 0 ? log.details(records.request) : QJsonObject();
        const QJsonObject response = records.response >= 0 ? log.details(records.response) : QJsonObject();
        const qint64 requestNs = records.request >= 0 ? log.at(records.request).timeNs : 0;
        const qint64 responseNs = records.response >= 0 ? log.at(records.response).timeNs : requestNs;

        const QString startedText = connection.details.value(QLatin1String("started")).toString();
        QDateTime started = QDateTime::fromString(startedText, Qt::ISODateWithMs);
        if (!started.isValid())
            started = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
        const qint64 startUs = started.toMSecsSinceEpoch() * 1000;

        if (m_entries > 0)
            out.append(',');
        ++m_entries;
        out.append("{\"startedDateTime\":\"");
        out.append(started.toUTC().toString(Qt::ISODateWithMs).toLatin1());
        out.append("\",\"time\":");
        appendMilliseconds(responseNs - requestNs, out);

        // request
        const QString url =
            m_redaction.url(requestUrl(connection.details.value(QLatin1String("url")).toString(),
                                       request.value(QLatin1String("target")).toString()));
        const QJsonArray requestHeaders = request.value(QLatin1String("headers")).toArray();
        out.append(",\"request\":{\"method\":");
        appendString(request.value(QLatin1String("method")).toString(QStringLiteral("GET")), out);
        out.append(",\"url\":");
        appendString(url, out);
        out.append(",\"httpVersion\":");
        appendString(request.value(QLatin1String("version")).toString(QStringLiteral("HTTP/1.1")), out);
        out.append(",\"headers\":");
        appendHeaders(requestHeaders, m_redaction, out);
        out.append(",\"queryString\":");
        appendQueryString(url, out);
        out.append(",\"cookies\":[],\"headersSize\":");
        appendInt(rawSize(request), out);
        out.append(",\"bodySize\":0}");

        // response
        const QJsonArray responseHeaders = response.value(QLatin1String("headers")).toArray();
        const int status = response.value(QLatin1String("status")).toInt(0);
        out.append(",\"response\":{\"status\":");
        appendInt(status, out);
        out.append(",\"statusText\":");
        appendString(response.value(QLatin1String("reason")).toString(), out);
        out.append(",\"httpVersion\":");
        appendString(response.value(QLatin1String("version")).toString(), out);
        out.append(",\"headers\":");
        appendHeaders(responseHeaders, m_redaction, out);
        out.append(",\"cookies\":[],\"content\":{\"size\":");
        const QJsonValue body = response.value(QLatin1String("body"));
        const bool base64Body =
            response.value(QLatin1String("bodyEncoding")).toString() == QLatin1String("base64");
        qint64 bodySize = response.value(QLatin1String("bodySize")).toInteger(-1);
        if (bodySize < 0)
            bodySize = base64Body ? QByteArray::fromBase64(body.toString().toLatin1()).size()
                                  : body.toString().toUtf8().size();
        appendInt(bodySize, out);
        QString mimeType = headerValue(responseHeaders, QLatin1String("Content-Type"));
        if (mimeType.isEmpty())
            mimeType = QStringLiteral("x-unknown"); // what Chrome writes for a 101
        out.append(",\"mimeType\":");
        appendString(mimeType, out);
        if (status != 101 && body.isString()) {
            out.append(",\"text\":");
            appendString(body.toString(), out);
            if (base64Body)
                out.append(",\"encoding\":\"base64\"");
        }
        out.append("},\"redirectURL\":");
        appendString(m_redaction.url(headerValue(responseHeaders, QLatin1String("Location"))), out);
        out.append(",\"headersSize\":");
        appendInt(rawSize(response), out);
        out.append(",\"bodySize\":");
        appendInt(bodySize, out);
        out.append('}');

        out.append(
            ",\"cache\":{},\"timings\":{\"blocked\":-1,\"dns\":-1,\"ssl\":-1,\"connect\":-1,\"send\":0,"
            "\"wait\":");
        appendMilliseconds(responseNs - requestNs, out);
        out.append(",\"receive\":0},\"_resourceType\":\"websocket\"");
        const QString name = connection.details.value(QLatin1String("name")).toString();
        if (!name.isEmpty()) {
            out.append(",\"_wsscopeName\":");
            appendString(name, out);
        }
        if (m_includeRaw && request.contains(QLatin1String("raw"))) {
            out.append(",\"_wsscopeRawRequest\":");
            appendString(m_redaction.rawHead(request.value(QLatin1String("raw")).toString()), out);
        }
        if (m_includeRaw && response.contains(QLatin1String("raw"))) {
            out.append(",\"_wsscopeRawResponse\":");
            appendString(m_redaction.rawHead(response.value(QLatin1String("raw")).toString()), out);
        }

        // Messages stream into out; control frames wait in their own buffer for the array after it.
        out.append(",\"_webSocketMessages\":[");
        QByteArray control;
        bool firstMessage = true;
        MessageAssembler assembler(log, [&](const AssembledMessage &m) {
            const qint64 epochUs = startUs + (m.timeNs >= 0 ? m.timeNs / 1000 : -((-m.timeNs + 999) / 1000));
            if (Opcode::isControl(m.opcode)) {
                control.append(control.isEmpty() ? "{\"type\":\"" : ",{\"type\":\"");
                control.append(m.dir == Direction::Out ? "send" : "receive");
                control.append("\",\"time\":");
                appendEpochSeconds(epochUs, control);
                control.append(",\"opcode\":");
                appendInt(int(m.opcode), control);
                control.append(",\"data\":\"");
                control.append(m.data.toBase64());
                control.append('"');
                if (m.truncated) {
                    control.append(",\"_wsscopeLength\":");
                    appendInt(m.length, control);
                }
                control.append('}');
                return;
            }
            out.append(firstMessage ? "{\"type\":\"" : ",{\"type\":\"");
            firstMessage = false;
            ++m_messages;
            out.append(m.dir == Direction::Out ? "send" : "receive");
            out.append("\",\"time\":");
            appendEpochSeconds(epochUs, out);
            out.append(",\"opcode\":");
            out.append(isText(m) || m.opcode == Opcode::Text ? '1' : '2');
            out.append(",\"data\":");
            if (isText(m) && Utf8Validator::isValid(m.data.constData(), m.data.size())) {
                MessageExport::appendJsonString(m.data, out);
            } else if (m.opcode == Opcode::Text) {
                // Chrome shows text with U+FFFD for bad sequences; the exact bytes go beside it.
                appendString(QString::fromUtf8(m.data), out);
                out.append(",\"_wsscopeDataBase64\":\"");
                out.append(m.data.toBase64());
                out.append('"');
            } else {
                out.append('"');
                out.append(m.data.toBase64());
                out.append('"');
            }
            if (m.truncated) {
                out.append(",\"_wsscopeLength\":");
                appendInt(m.length, out);
            }
            if (m.compressed)
                out.append(",\"_wsscopeCompressed\":true");
            if (!m.complete)
                out.append(",\"_wsscopeIncomplete\":true");
            out.append('}');
            flush(false);
        });
        assembler.setIncludeControlFrames(m_includeControl);
        for (const qsizetype index : records.frames) {
            assembler.addFrame(index);
            if (!ok)
                break;
        }
        assembler.finish();
        out.append(']');
        if (!control.isEmpty()) {
            out.append(",\"_wsscopeFrames\":[");
            out.append(control);
            out.append(']');
        }
        out.append('}');
        flush(false);
    }
    out.append("]}}\n");
    flush(true);
    if (!ok) {
        m_error = tr("Could not write the HAR file: %1.").arg(device->errorString());
        return false;
    }
    return true;
}

bool HarExport::save(const EventLog &log, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = tr("Could not create %1: %2.").arg(path, file.errorString());
        return false;
    }
    if (!write(log, &file)) {
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        m_error = tr("Could not save %1: %2.").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace wsscope
