#include "eventformat.h"

#include "closecodes.h"
#include "utf8validator.h"

#include <QJsonArray>
#include <QtEndian>

namespace wsscope {

namespace {

const char HexDigits[] = "0123456789abcdef";

// Appends ch to out, escaped when it would break a one-line cell.
// Only what would break the one-line cell is escaped; a backslash stays as sent, so a JSON
// payload's own escapes ("\u2713") read exactly as they are on the wire.
void appendEscaped(QString &out, QChar ch)
{
    const char16_t u = ch.unicode();
    switch (u) {
    case u'\n':
        out += QLatin1String("\\n");
        return;
    case u'\r':
        out += QLatin1String("\\r");
        return;
    case u'\t':
        out += QLatin1String("\\t");
        return;
    default:
        break;
    }
    if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029) {
        out += QLatin1String(u > 0xff ? "\\u" : "\\x");
        const int digits = u > 0xff ? 4 : 2;
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
            out += QLatin1Char(HexDigits[(u >> shift) & 0xf]);
        return;
    }
    out += ch;
}

bool isPrintableAscii(QByteArrayView bytes)
{
    for (char c : bytes) {
        const uchar u = uchar(c);
        if (u < 0x20 || u >= 0x7f)
            return false;
    }
    return true;
}

QString jsonString(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

QString EventFormat::directionArrow(Direction dir)
{
    return dir == Direction::Out ? QStringLiteral("\u2192") : QStringLiteral("\u2190");
}

QString EventFormat::typeName(const EventRecord &record)
{
    if (record.kind == EventKind::Frame)
        return EventLog::opcodeName(record.opcode);
    return kindName(record.kind, record.dir);
}

QString EventFormat::kindName(EventKind kind, Direction dir)
{
    switch (kind) {
    case EventKind::Connection:
        return tr("Connection");
    case EventKind::Handshake:
        return dir == Direction::Out ? tr("Upgrade request") : tr("Upgrade response");
    case EventKind::Frame:
        return tr("Frame");
    case EventKind::Violation:
        return tr("Violation");
    case EventKind::Close:
        return tr("Closed");
    case EventKind::Error:
        return tr("Error");
    case EventKind::State:
        return tr("State");
    case EventKind::Tls:
        return tr("TLS");
    case EventKind::Rtt:
        return tr("RTT");
    case EventKind::Message:
        return tr("Message");
    }
    return QString();
}

QString EventFormat::rsvBits(quint8 rsv)
{
    QString s(3, QLatin1Char('0'));
    if (rsv & Rsv::Rsv1)
        s[0] = QLatin1Char('1');
    if (rsv & Rsv::Rsv2)
        s[1] = QLatin1Char('1');
    if (rsv & Rsv::Rsv3)
        s[2] = QLatin1Char('1');
    return s;
}

QString EventFormat::maskKey(quint32 key)
{
    return QStringLiteral("%1").arg(key, 8, 16, QLatin1Char('0'));
}

QString EventFormat::relativeMs(qint64 ns)
{
    // Integer arithmetic: a double would print 0.0005 ms steps inconsistently.
    const bool negative = ns < 0;
    const quint64 abs = negative ? quint64(-ns) : quint64(ns);
    const quint64 us = (abs + 500) / 1000;
    return QStringLiteral("%1%2.%3")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(us / 1000)
        .arg(us % 1000, 3, 10, QLatin1Char('0'));
}

QString EventFormat::wallTime(const QDateTime &start, qint64 ns)
{
    if (!start.isValid())
        return relativeMs(ns);
    const qint64 us = start.toMSecsSinceEpoch() * 1000 + (ns >= 0 ? (ns + 500) / 1000 : (ns - 500) / 1000);
    qint64 ms = us / 1000;
    qint64 micro = us % 1000;
    if (micro < 0) {
        micro += 1000;
        --ms;
    }
    // Local time whatever zone the session file wrote: the user reads it against their clock.
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms);
    return t.toString(QStringLiteral("HH:mm:ss.zzz")) +
           QStringLiteral("%1").arg(micro, 3, 10, QLatin1Char('0'));
}

QString EventFormat::textPreview(QByteArrayView bytes, bool truncated, int maxChars)
{
    // At most 4 bytes per character are needed; cut on a character boundary so the decoder does
    // not report a broken sequence at the end of what we kept.
    qsizetype take = qMin(bytes.size(), qsizetype(maxChars) * 4 + 4);
    bool cut = take < bytes.size();
    if (cut) {
        while (take > 0 && (uchar(bytes[take]) & 0xc0) == 0x80)
            --take;
    }
    const QString decoded = QString::fromUtf8(bytes.first(take));
    QString out;
    out.reserve(qMin(decoded.size(), qsizetype(maxChars)) + 8);
    int chars = 0;
    for (qsizetype i = 0; i < decoded.size(); ++i) {
        if (chars >= maxChars) {
            cut = true;
            break;
        }
        const QChar ch = decoded.at(i);
        appendEscaped(out, ch);
        if (ch.isHighSurrogate() && i + 1 < decoded.size())
            out += decoded.at(++i);
        ++chars;
    }
    if (cut || truncated)
        out += QChar(0x2026);
    return out;
}

QString EventFormat::hexPreview(QByteArrayView bytes, bool truncated, int maxBytes)
{
    const qsizetype n = qMin(bytes.size(), qsizetype(maxBytes));
    QString out;
    out.reserve(n * 3 + 2);
    for (qsizetype i = 0; i < n; ++i) {
        if (i)
            out += QLatin1Char(' ');
        out += QLatin1Char(HexDigits[uchar(bytes[i]) >> 4]);
        out += QLatin1Char(HexDigits[uchar(bytes[i]) & 0xf]);
    }
    if (n < bytes.size() || truncated)
        out += n ? QStringLiteral(" \u2026") : QStringLiteral("\u2026");
    return out;
}

int EventFormat::closeCode(QByteArrayView body)
{
    if (body.size() < 2)
        return -1;
    return qFromBigEndian<quint16>(body.data());
}

QByteArray EventFormat::closeReason(QByteArrayView body)
{
    return body.size() > 2 ? body.sliced(2).toByteArray() : QByteArray();
}

QString EventFormat::closeCodeText(int code)
{
    if (code < 0)
        return tr("(no status code)");
    const QString name = CloseCodes::name(code);
    return name.isEmpty() ? QString::number(code) : QStringLiteral("%1 %2").arg(code).arg(name);
}

qint64 EventFormat::rttNs(const QJsonObject &details)
{
    // The wire time (ping frame out to pong frame in) is what the peer costs; QWebSocket's own
    // measurement adds our event loop's latency.
    for (const char *key : {"rttWireNs", "rttNs", "rttQtNs"}) {
        const QJsonValue v = details.value(QLatin1String(key));
        if (v.isDouble() && v.toDouble() >= 0)
            return qint64(v.toDouble());
    }
    return -1;
}

QString EventFormat::closePreview(QByteArrayView body)
{
    const int code = closeCode(body);
    if (code < 0)
        return body.isEmpty() ? closeCodeText(-1) : tr("(1-byte body) %1").arg(hexPreview(body, false));
    QString out = closeCodeText(code);
    if (body.size() > 2)
        out += QStringLiteral(": ") + textPreview(body.sliced(2), false);
    return out;
}

QString EventFormat::framePreview(const EventRecord &record, QByteArrayView payload)
{
    const bool truncated = record.truncated();
    switch (record.opcode) {
    case Opcode::Text:
        return textPreview(payload, truncated);
    case Opcode::Close:
        return closePreview(payload);
    case Opcode::Ping:
    case Opcode::Pong:
        // Ping payloads are often short tokens; show them readable when they are.
        return isPrintableAscii(payload) ? textPreview(payload, truncated) : hexPreview(payload, truncated);
    case Opcode::Continuation:
        // A fragment does not say whether its message is text; valid UTF-8 reads better as text.
        // Cutting a code point at a fragment boundary is possible, so allow an incomplete tail.
        {
            Utf8Validator v;
            if (v.feed(payload.data(), payload.size()))
                return textPreview(payload, truncated);
        }
        return hexPreview(payload, truncated);
    default:
        return hexPreview(payload, truncated);
    }
}

QString EventFormat::detailsPreview(EventKind kind, Direction dir, const QJsonObject &d)
{
    switch (kind) {
    case EventKind::Connection: {
        const QString url = jsonString(d, "url");
        return url.isEmpty() ? jsonString(d, "name") : url;
    }
    case EventKind::Handshake: {
        if (dir == Direction::Out) {
            QString line = jsonString(d, "requestLine");
            if (line.isEmpty()) {
                line = QStringList{jsonString(d, "method"), jsonString(d, "target"), jsonString(d, "version")}
                           .join(QLatin1Char(' '))
                           .trimmed();
            }
            return line;
        }
        QString line = jsonString(d, "statusLine");
        if (line.isEmpty()) {
            const int status = d.value(QLatin1String("status")).toInt();
            line = QStringList{jsonString(d, "version"), status ? QString::number(status) : QString(),
                               jsonString(d, "reason")}
                       .join(QLatin1Char(' '))
                       .trimmed();
        }
        return line;
    }
    case EventKind::Violation: {
        QString text = jsonString(d, "text");
        if (text.isEmpty())
            text = jsonString(d, "rule");
        const QString section = jsonString(d, "section");
        const QString detail = jsonString(d, "detail");
        QString out = section.isEmpty() ? text : QStringLiteral("%1: %2").arg(section, text);
        if (!detail.isEmpty())
            out += QStringLiteral(" (%1)").arg(detail);
        return out;
    }
    case EventKind::Close: {
        const QJsonValue codeValue = d.value(QLatin1String("code"));
        QString out = closeCodeText(codeValue.isDouble() ? codeValue.toInt() : -1);
        const QString reason = jsonString(d, "reason");
        if (!reason.isEmpty())
            out += QStringLiteral(": ") + reason;
        QStringList notes;
        const QString initiator = jsonString(d, "initiator");
        if (!initiator.isEmpty())
            notes << tr("by %1").arg(initiator);
        if (d.contains(QLatin1String("clean")))
            notes << (d.value(QLatin1String("clean")).toBool() ? tr("clean") : tr("not clean"));
        if (!notes.isEmpty())
            out += QStringLiteral(" (%1)").arg(notes.join(QStringLiteral(", ")));
        return out;
    }
    case EventKind::Error: {
        const QString where = jsonString(d, "where");
        const QString message = jsonString(d, "message");
        return where.isEmpty() ? message : QStringLiteral("%1 (%2)").arg(message, where);
    }
    case EventKind::State: {
        QString out = jsonString(d, "state");
        const QJsonValue code = d.value(QLatin1String("code"));
        if (code.isDouble())
            out += QLatin1Char(' ') + closeCodeText(code.toInt());
        const QString reason = jsonString(d, "reason");
        if (!reason.isEmpty())
            out += QStringLiteral(": ") + reason;
        return out;
    }
    case EventKind::Tls: {
        if (jsonString(d, "event") == QLatin1String("alert"))
            return tr("alert %1").arg(jsonString(d, "name"));
        QStringList parts;
        for (const char *key : {"protocol", "cipher"}) {
            const QString v = jsonString(d, key);
            if (!v.isEmpty())
                parts << v;
        }
        const QJsonArray errors = d.value(QLatin1String("errors")).toArray();
        if (!errors.isEmpty())
            parts << tr("%n certificate error(s)", nullptr, int(errors.size()));
        return parts.join(QStringLiteral(", "));
    }
    case EventKind::Rtt: {
        const qint64 ns = rttNs(d);
        return ns < 0 ? QString() : tr("%1 ms").arg(relativeMs(ns));
    }
    case EventKind::Message:
    case EventKind::Frame:
        break;
    }
    return QString();
}

} // namespace wsscope
