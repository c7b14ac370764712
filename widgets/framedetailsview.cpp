#include "framedetailsview.h"

#include "closecodes.h"
#include "eventlog.h"
#include "violation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace wsscope {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString hex(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.toByteArray().toHex(' '));
}

QString directionWords(Direction dir)
{
    return dir == Direction::Out ? FrameDetailsView::tr("client \u2192 server")
                                 : FrameDetailsView::tr("server \u2192 client");
}

QString opcodeName(quint8 opcode)
{
    switch (opcode) {
    case Opcode::Continuation:
        return FrameDetailsView::tr("Continuation");
    case Opcode::Text:
        return FrameDetailsView::tr("Text");
    case Opcode::Binary:
        return FrameDetailsView::tr("Binary");
    case Opcode::Close:
        return FrameDetailsView::tr("Close");
    case Opcode::Ping:
        return FrameDetailsView::tr("Ping");
    case Opcode::Pong:
        return FrameDetailsView::tr("Pong");
    default:
        return FrameDetailsView::tr("Reserved");
    }
}

QString opcodeMeaning(quint8 opcode)
{
    switch (opcode) {
    case Opcode::Continuation:
        return FrameDetailsView::tr(
            "continues the message begun by an earlier Text or Binary frame whose FIN "
            "bit was clear (RFC 6455 §5.4).");
    case Opcode::Text:
        return FrameDetailsView::tr(
            "starts a text message; its payload, once all fragments are joined, must be "
            "valid UTF-8 (RFC 6455 §5.6).");
    case Opcode::Binary:
        return FrameDetailsView::tr("starts a binary message; the application decides what the bytes mean "
                                    "(RFC 6455 §5.6).");
    case Opcode::Close:
        return FrameDetailsView::tr("a control frame that starts or answers the closing handshake; its body, "
                                    "if any, is a 2-byte status code and a UTF-8 reason (RFC 6455 §5.5.1).");
    case Opcode::Ping:
        return FrameDetailsView::tr(
            "a control frame asking the peer to answer with a Pong carrying the same "
            "payload, as a keep-alive or to measure the round trip (RFC 6455 §5.5.2).");
    case Opcode::Pong:
        return FrameDetailsView::tr("a control frame answering a Ping with its payload, or sent unasked as a "
                                    "one-way heartbeat (RFC 6455 §5.5.3).");
    default:
        return FrameDetailsView::tr(
            "a reserved opcode with no meaning defined; an endpoint receiving it must "
            "fail the connection (RFC 6455 §5.2).");
    }
}

QString row(const QString &field, const QString &value, const QString &explanation, bool bad = false)
{
    return QStringLiteral(
               "<tr><td style='padding:2px 10px 2px 0; white-space:nowrap;'><b>%1</b></td>"
               "<td style='padding:2px 10px 2px 0; white-space:nowrap; font-family:monospace;'>%2</td>"
               "<td style='padding:2px 0;%4'>%3</td></tr>")
        .arg(esc(field), esc(value), explanation, bad ? QStringLiteral(" color:#b3261e;") : QString());
}

QString violationText(const QJsonObject &d, QString *section)
{
    QString rule = d.value(QLatin1String("text")).toString();
    ViolationKind kind;
    const QString id = d.value(QLatin1String("rule")).toString();
    const bool known = violationFromId(id, &kind);
    if (known)
        rule = violationRule(kind);
    else if (rule.isEmpty())
        rule = id;
    *section = d.value(QLatin1String("section")).toString();
    if (section->isEmpty() && known)
        *section = violationSection(kind);
    const QString detail = d.value(QLatin1String("detail")).toString();
    if (!detail.isEmpty())
        rule += QStringLiteral(" (%1)").arg(detail);
    return rule;
}

QString detailsTable(const QJsonObject &d)
{
    QString html = QStringLiteral("<table cellspacing='0'>");
    for (auto it = d.begin(); it != d.end(); ++it) {
        QString value;
        if (it.value().isString())
            value = it.value().toString();
        else if (it.value().isObject())
            value = QString::fromUtf8(QJsonDocument(it.value().toObject()).toJson(QJsonDocument::Indented));
        else if (it.value().isArray())
            value = QString::fromUtf8(QJsonDocument(it.value().toArray()).toJson(QJsonDocument::Indented));
        else if (it.value().isBool())
            value = it.value().toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (it.value().isDouble())
            value = QString::number(it.value().toDouble(), 'g', 17);
        html += QStringLiteral("<tr><td style='padding:2px 10px 2px 0; vertical-align:top;'><b>%1</b></td>"
                               "<td style='padding:2px 0;'><pre style='margin:0;'>%2</pre></td></tr>")
                    .arg(esc(it.key()), esc(value));
    }
    return html + QStringLiteral("</table>");
}

QString timeText(const EventLog &log, const EventRecord &r)
{
    QString text = FrameDetailsView::tr("%1 ms after the connection started")
                       .arg(QLocale::c().toString(r.timeNs / 1e6, 'f', 3));
    const QDateTime started = QDateTime::fromString(
        log.connection(r.conn).details.value(QLatin1String("started")).toString(), Qt::ISODateWithMs);
    if (started.isValid()) {
        const QDateTime at = started.addMSecs(r.timeNs / 1000000).toLocalTime();
        text += QStringLiteral(" (%1)").arg(at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
    }
    return text;
}

} // namespace

FrameDetailsView::FrameDetailsView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setPlaceholderText(tr("Select a row of the timeline to see its frame explained."));
}

void FrameDetailsView::setEvent(const EventLog *log, qsizetype index)
{
    m_index = (log && index >= 0 && index < log->size()) ? index : -1;
    if (m_index < 0) {
        clear();
        return;
    }
    setHtml(describe(*log, m_index));
}

QByteArray FrameDetailsView::headerBytes(const EventRecord &r)
{
    QByteArray h;
    h.append(char((r.fin() ? 0x80 : 0) | (r.rsv() << 4) | (r.opcode & 0x0f)));
    const quint8 mask = r.masked() ? 0x80 : 0;
    switch (r.lengthEncoding()) {
    case LengthEncoding::Bits7:
        h.append(char(mask | quint8(r.length & 0x7f)));
        break;
    case LengthEncoding::Bits16:
        h.append(char(mask | 126));
        h.append(char((r.length >> 8) & 0xff));
        h.append(char(r.length & 0xff));
        break;
    case LengthEncoding::Bits64:
        h.append(char(mask | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            h.append(char((r.length >> shift) & 0xff));
        break;
    }
    if (r.masked()) {
        for (int shift = 24; shift >= 0; shift -= 8)
            h.append(char((r.maskKey >> shift) & 0xff));
    }
    return h;
}

QString FrameDetailsView::describe(const EventLog &log, qsizetype index)
{
    const EventRecord r = log.at(index);
    QString html = QStringLiteral("<html><body>");

    if (r.kind != EventKind::Frame) {
        const QJsonObject d = log.details(index);
        if (r.kind == EventKind::Violation) {
            QString section;
            const QString rule = violationText(d, &section);
            html += QStringLiteral("<h3 style='color:#b3261e;'>%1</h3>").arg(esc(tr("Protocol violation")));
            html += QStringLiteral("<p>%1</p>").arg(esc(rule));
            if (!section.isEmpty())
                html += QStringLiteral("<p>%1</p>").arg(esc(tr("Rule: %1").arg(section)));
            html +=
                QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("Seen in the %1 stream, %2.").arg(directionWords(r.dir), timeText(log, r))));
        } else {
            html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Event: not a frame")));
            html += QStringLiteral("<p>%1</p>").arg(esc(timeText(log, r)));
        }
        html += detailsTable(d);
        return html + QStringLiteral("</body></html>");
    }

    // Where the frame sits in its direction's byte stream, and which violations the decoder
    // reported for it (they come right before the frame, RFC 6455 decoding order in framedecoder.h).
    quint64 offset = 0;
    quint64 frameNumber = 0;
    qsizetype previousFrame = -1;
    for (qsizetype i = 0; i < index; ++i) {
        const EventRecord e = log.at(i);
        if (e.conn != r.conn || e.dir != r.dir || e.kind != EventKind::Frame)
            continue;
        offset += quint64(headerBytes(e).size()) + e.length;
        ++frameNumber;
        previousFrame = i;
    }
    QStringList violations;
    for (qsizetype i = previousFrame + 1; i < index; ++i) {
        const EventRecord e = log.at(i);
        if (e.conn != r.conn || e.dir != r.dir || e.kind != EventKind::Violation)
            continue;
        QString section;
        const QString rule = violationText(log.details(i), &section);
        violations << (section.isEmpty() ? esc(rule)
                                         : QStringLiteral("%1 <i>(%2)</i>").arg(esc(rule), esc(section)));
    }

    const bool client = r.dir == Direction::Out;
    html += QStringLiteral("<h3>%1</h3>")
                .arg(esc(tr("%1 frame #%2, %3")
                             .arg(opcodeName(r.opcode))
                             .arg(frameNumber + 1)
                             .arg(directionWords(r.dir))));
    html += QStringLiteral("<p>%1</p>").arg(esc(timeText(log, r)));

    html += QStringLiteral("<table cellspacing='0'>");
    html += row(tr("FIN"), r.fin() ? QStringLiteral("1") : QStringLiteral("0"),
                esc(r.fin() ? (r.opcode == Opcode::Continuation
                                   ? tr("FIN set: this frame ends a fragmented message.")
                                   : tr("FIN set: the final (here the only) frame of its message."))
                            : tr("FIN clear: more fragments of this message follow (RFC 6455 §5.4).")),
                !r.fin() && (r.opcode & 0x8));
    const quint8 rsv = r.rsv();
    html +=
        row(tr("RSV1"), (rsv & Rsv::Rsv1) ? QStringLiteral("1") : QStringLiteral("0"),
            esc((rsv & Rsv::Rsv1) ? tr("RSV1 set: compressed (permessage-deflate, RFC 7692 §6), when that "
                                       "extension was agreed in the handshake.")
                                  : tr("RSV1 clear: the payload is not compressed.")));
    html += row(tr("RSV2"), (rsv & Rsv::Rsv2) ? QStringLiteral("1") : QStringLiteral("0"),
                esc((rsv & Rsv::Rsv2) ? tr("RSV2 set: reserved for an extension; no common extension defines "
                                           "it (RFC 6455 §5.2).")
                                      : tr("RSV2 clear: reserved, unused.")),
                rsv & Rsv::Rsv2);
    html += row(tr("RSV3"), (rsv & Rsv::Rsv3) ? QStringLiteral("1") : QStringLiteral("0"),
                esc((rsv & Rsv::Rsv3) ? tr("RSV3 set: reserved for an extension; no common extension defines "
                                           "it (RFC 6455 §5.2).")
                                      : tr("RSV3 clear: reserved, unused.")),
                rsv & Rsv::Rsv3);
    html +=
        row(tr("Opcode"), QStringLiteral("0x%1").arg(r.opcode, 1, 16),
            esc(tr("%1: %2").arg(opcodeName(r.opcode), opcodeMeaning(r.opcode))), !Opcode::isKnown(r.opcode));

    const QString key = QStringLiteral("0x%1").arg(r.maskKey, 8, 16, QLatin1Char('0'));
    QString maskText;
    bool maskBad = false;
    if (r.masked() && client) {
        maskText = tr("MASK set: payload XORed with key %1 (RFC 6455 §5.3), as every client frame must be.")
                       .arg(key);
    } else if (r.masked()) {
        maskText = tr("MASK set: payload XORed with key %1, but a server must not mask its frames "
                      "(RFC 6455 §5.1).")
                       .arg(key);
        maskBad = true;
    } else if (client) {
        maskText = tr("MASK clear: the payload is sent as is, but a client must mask every frame "
                      "(RFC 6455 §5.1).");
        maskBad = true;
    } else {
        maskText = tr("MASK clear: not masked, as a server's frames must not be (RFC 6455 §5.1).");
    }
    html += row(tr("MASK"), r.masked() ? QStringLiteral("1") : QStringLiteral("0"), esc(maskText), maskBad);

    QString lengthText;
    switch (r.lengthEncoding()) {
    case LengthEncoding::Bits7:
        lengthText =
            tr("%Ln byte(s), written directly in the 7-bit length field (0-125).", nullptr, int(r.length));
        break;
    case LengthEncoding::Bits16:
        lengthText = tr("%1 bytes: the 7-bit field holds 126, and the length follows as a 16-bit number "
                        "(RFC 6455 §5.2).")
                         .arg(r.length);
        if (r.length < 126)
            lengthText += QLatin1Char(' ') + tr("Not minimal: a length under 126 fits the 7-bit field.");
        break;
    case LengthEncoding::Bits64:
        lengthText = tr("%1 bytes: the 7-bit field holds 127, and the length follows as a 64-bit number "
                        "(RFC 6455 §5.2).")
                         .arg(r.length);
        if (r.length < 65536)
            lengthText += QLatin1Char(' ') + tr("Not minimal: a length under 65536 fits in 16 bits.");
        break;
    }
    html += row(tr("Length"), QString::number(r.length), esc(lengthText),
                (r.lengthEncoding() == LengthEncoding::Bits16 && r.length < 126) ||
                    (r.lengthEncoding() == LengthEncoding::Bits64 && r.length < 65536));
    if (r.truncated()) {
        html += row(tr("Stored"), QString::number(r.storedLength),
                    esc(tr("Only the first %1 of %2 bytes were kept (the connection's stored-payload cap).")
                            .arg(r.storedLength)
                            .arg(r.length)));
    }
    const QByteArray header = headerBytes(r);
    html += row(tr("Header"), hex(header),
                esc(tr("%Ln byte(s) on the wire before the payload.", nullptr, int(header.size()))));
    html += row(tr("Offset"), QString::number(offset),
                esc(tr("Byte offset of the header in the %1 stream, counted from the first frame after "
                       "the handshake; frame %2 of that direction.")
                        .arg(directionWords(r.dir))
                        .arg(frameNumber + 1)));

    if (r.opcode == Opcode::Close) {
        const QByteArray body = log.payload(index);
        QString closeText;
        if (body.isEmpty()) {
            closeText = tr("No body: no status code given, which the other side reports as 1005 (No Status "
                           "Received).");
        } else if (body.size() == 1) {
            closeText = tr("A 1-byte body cannot hold a status code (RFC 6455 §5.5.1).");
        } else {
            const int code = (quint8(body.at(0)) << 8) | quint8(body.at(1));
            closeText =
                QStringLiteral("%1 %2: %3").arg(code).arg(CloseCodes::name(code), CloseCodes::meaning(code));
            if (body.size() > 2)
                closeText +=
                    QLatin1Char(' ') + tr("Reason: \u201c%1\u201d.").arg(QString::fromUtf8(body.mid(2)));
        }
        html += row(tr("Status"), QString(), esc(closeText));
    }
    html += QStringLiteral("</table>");

    if (!violations.isEmpty()) {
        html += QStringLiteral("<h4 style='color:#b3261e;'>%1</h4><ul>")
                    .arg(esc(tr("%n violation(s) of the protocol", nullptr, int(violations.size()))));
        for (const QString &v : std::as_const(violations))
            html += QStringLiteral("<li style='color:#b3261e;'>%1</li>").arg(v);
        html += QStringLiteral("</ul>");
    } else {
        html += QStringLiteral("<p style='color:#1b7f3b;'>%1</p>")
                    .arg(esc(tr("\u2713 No protocol violation in this frame.")));
    }
    return html + QStringLiteral("</body></html>");
}

} // namespace wsscope
