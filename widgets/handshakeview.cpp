#include "handshakeview.h"

#include "eventlog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QScrollBar>

namespace wsscope {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString ms(qint64 ns)
{
    return HandshakeView::tr("%1 ms").arg(QLocale::c().toString(ns / 1e6, 'f', 3));
}

const char Ok[] = "<span style='color:#1b7f3b; font-weight:bold;'>\u2714</span>";
const char Bad[] = "<span style='color:#b3261e; font-weight:bold;'>\u2718</span>";

QString headersTable(const QJsonArray &headers)
{
    if (headers.isEmpty())
        return QStringLiteral("<p><i>%1</i></p>").arg(esc(HandshakeView::tr("No headers.")));
    QString html = QStringLiteral("<table cellspacing='0' style='font-family:monospace;'>");
    for (const QJsonValue &h : headers) {
        QString name;
        QString value;
        if (h.isArray()) {
            name = h.toArray().at(0).toString();
            value = h.toArray().at(1).toString();
        } else {
            name = h.toObject().value(QLatin1String("name")).toString();
            value = h.toObject().value(QLatin1String("value")).toString();
        }
        html +=
            QStringLiteral("<tr><td style='padding:1px 12px 1px 0; white-space:nowrap; vertical-align:top;'>"
                           "<b>%1:</b></td><td style='padding:1px 0;'>%2</td></tr>")
                .arg(esc(name), esc(value));
    }
    return html + QStringLiteral("</table>");
}

QString section(const QString &title)
{
    return QStringLiteral("<h3 style='margin-top:14px; margin-bottom:4px;'>%1</h3>").arg(esc(title));
}

QString keyValue(const QString &key, const QString &value)
{
    return QStringLiteral(
               "<tr><td style='padding:1px 12px 1px 0; white-space:nowrap; vertical-align:top;'>%1</td>"
               "<td style='padding:1px 0;'>%2</td></tr>")
        .arg(esc(key), value);
}

QString certificateHtml(const QJsonObject &c, int position)
{
    QString html = QStringLiteral("<p style='margin-bottom:2px;'><b>%1</b></p><table cellspacing='0'>")
                       .arg(esc(position == 0 ? HandshakeView::tr("Server certificate")
                                              : HandshakeView::tr("Issuer certificate %1").arg(position)));
    html += keyValue(HandshakeView::tr("Subject"), esc(c.value(QLatin1String("subject")).toString()));
    html += keyValue(HandshakeView::tr("Issuer"), esc(c.value(QLatin1String("issuer")).toString()) +
                                                      (c.value(QLatin1String("selfSigned")).toBool()
                                                           ? esc(HandshakeView::tr(" (self-signed)"))
                                                           : QString()));
    const QDateTime notBefore =
        QDateTime::fromString(c.value(QLatin1String("notBefore")).toString(), Qt::ISODate);
    const QDateTime notAfter =
        QDateTime::fromString(c.value(QLatin1String("notAfter")).toString(), Qt::ISODate);
    QString validity = esc(HandshakeView::tr("%1 to %2")
                               .arg(notBefore.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                    notAfter.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (notAfter.isValid() && notAfter < now)
        validity += QStringLiteral(" ") + QString::fromUtf8(Bad) + esc(HandshakeView::tr(" expired"));
    else if (notBefore.isValid() && notBefore > now)
        validity += QStringLiteral(" ") + QString::fromUtf8(Bad) + esc(HandshakeView::tr(" not yet valid"));
    html += keyValue(HandshakeView::tr("Valid"), validity);
    const QJsonArray names = c.value(QLatin1String("altNames")).toArray();
    if (!names.isEmpty()) {
        QStringList list;
        for (const QJsonValue &n : names)
            list << n.toString();
        html += keyValue(HandshakeView::tr("Names"), esc(list.join(QStringLiteral(", "))));
    }
    html += keyValue(HandshakeView::tr("SHA-256"),
                     QStringLiteral("<span style='font-family:monospace;'>%1</span>")
                         .arg(esc(c.value(QLatin1String("sha256")).toString())));
    return html + QStringLiteral("</table>");
}

} // namespace

HandshakeView::HandshakeView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setPlaceholderText(tr("Select a connection to see its opening handshake."));
}

bool HandshakeView::isTcpConnected(const EventLog &log, qsizetype index)
{
    return log.at(index).kind == EventKind::State &&
           log.details(index).value(QLatin1String("state")).toString() == QLatin1String("tcp-connected");
}

void HandshakeView::setConnection(const EventLog *log, quint32 conn)
{
    qsizetype request = -1;
    qsizetype response = -1;
    QList<qsizetype> tls;
    qsizetype tcp = -1;
    if (log && conn) {
        const qsizetype n = log->size();
        for (qsizetype i = 0; i < n; ++i) {
            const EventRecord r = log->at(i);
            if (r.conn != conn)
                continue;
            if (r.kind == EventKind::Handshake) {
                // Reconnects make new handshakes; show the latest.
                if (r.dir == Direction::Out) {
                    request = i;
                    response = -1;
                    tls.clear();
                } else {
                    response = i;
                }
            } else if (r.kind == EventKind::Tls) {
                tls.append(i);
            } else if (isTcpConnected(*log, i)) {
                tcp = i;
            }
        }
    }
    setEvents(log, conn, request, response, tls, tcp);
}

void HandshakeView::setEvents(const EventLog *log, quint32 conn, qsizetype requestIndex,
                              qsizetype responseIndex, const QList<qsizetype> &tlsIndices, qsizetype tcpIndex)
{
    m_conn = log ? conn : 0;
    m_connection = {};
    m_request = {};
    m_response = {};
    m_requestNs = m_responseNs = -1;
    m_tls.clear();
    m_tlsNs.clear();
    m_tcpNs = -1;
    if (m_conn) {
        if (tcpIndex >= 0)
            m_tcpNs = log->at(tcpIndex).timeNs;
        m_connection = log->connection(conn).details;
        if (requestIndex >= 0) {
            m_request = log->details(requestIndex);
            m_requestNs = log->at(requestIndex).timeNs;
        }
        if (responseIndex >= 0) {
            m_response = log->details(responseIndex);
            m_responseNs = log->at(responseIndex).timeNs;
        }
        for (qsizetype i : tlsIndices) {
            m_tls.append(log->details(i));
            m_tlsNs.append(log->at(i).timeNs);
        }
    }
    m_status = m_response.value(QLatin1String("status")).toInt();
    m_verdicts.clear();
    const QJsonArray verdicts = m_response.value(QLatin1String("verdicts")).toArray();
    for (const QJsonValue &v : verdicts) {
        const QJsonObject o = v.toObject();
        m_verdicts.append({o.value(QLatin1String("id")).toString(), o.value(QLatin1String("ok")).toBool(),
                           o.value(QLatin1String("text")).toString()});
    }
    render();
}

void HandshakeView::render()
{
    if (!m_conn) {
        clear();
        return;
    }
    const int scroll = verticalScrollBar()->value();
    setHtml(
        describe(m_connection, m_request, m_requestNs, m_response, m_responseNs, m_tls, m_tlsNs, m_tcpNs));
    verticalScrollBar()->setValue(scroll);
}

QString HandshakeView::describe(const QJsonObject &connection, const QJsonObject &request, qint64 requestNs,
                                const QJsonObject &response, qint64 responseNs, const QList<QJsonObject> &tls,
                                const QList<qint64> &tlsNs, qint64 tcpNs)
{
    QString html = QStringLiteral("<html><body>");
    const QString url = connection.value(QLatin1String("url")).toString();
    if (!url.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p>").arg(esc(url));

    // Request
    html += section(tr("Request"));
    if (request.isEmpty()) {
        html += QStringLiteral("<p><i>%1</i></p>").arg(esc(tr("No upgrade request has been sent yet.")));
    } else {
        const QString line = QStringLiteral("%1 %2 %3")
                                 .arg(request.value(QLatin1String("method")).toString(),
                                      request.value(QLatin1String("target")).toString(),
                                      request.value(QLatin1String("version")).toString());
        html += QStringLiteral("<p style='font-family:monospace;'><b>%1</b></p>").arg(esc(line));
        html += headersTable(request.value(QLatin1String("headers")).toArray());
    }

    // Response
    html += section(tr("Response"));
    if (response.isEmpty()) {
        html += QStringLiteral("<p><i>%1</i></p>").arg(esc(tr("No answer from the server.")));
    } else {
        const int status = response.value(QLatin1String("status")).toInt();
        const QString line = QStringLiteral("%1 %2 %3")
                                 .arg(response.value(QLatin1String("version")).toString())
                                 .arg(status)
                                 .arg(response.value(QLatin1String("reason")).toString());
        html += QStringLiteral("<p style='font-family:monospace;'><b>%1</b> %2</p>")
                    .arg(esc(line), QString::fromUtf8(status == 101 ? Ok : Bad));
        html += headersTable(response.value(QLatin1String("headers")).toArray());

        const QJsonArray verdicts = response.value(QLatin1String("verdicts")).toArray();
        if (!verdicts.isEmpty()) {
            html += section(tr("Checks"));
            html += QStringLiteral("<table cellspacing='0'>");
            for (const QJsonValue &v : verdicts) {
                const QJsonObject o = v.toObject();
                html += QStringLiteral("<tr><td style='padding:1px 8px 1px 0; vertical-align:top;'>%1</td>"
                                       "<td style='padding:1px 0;'>%2</td></tr>")
                            .arg(QString::fromUtf8(o.value(QLatin1String("ok")).toBool() ? Ok : Bad),
                                 esc(o.value(QLatin1String("text")).toString()));
            }
            html += QStringLiteral("</table>");
        }
        const QString subprotocol = response.value(QLatin1String("subprotocol")).toString();
        const QJsonArray extensions = response.value(QLatin1String("extensions")).toArray();
        QStringList agreed;
        if (!subprotocol.isEmpty())
            agreed << tr("subprotocol %1").arg(subprotocol);
        for (const QJsonValue &e : extensions) {
            const QJsonObject ext = e.toObject();
            QString text = ext.value(QLatin1String("name")).toString();
            const QJsonArray params = ext.value(QLatin1String("params")).toArray();
            for (const QJsonValue &p : params) {
                if (p.isArray()) {
                    const QString value = p.toArray().at(1).toString();
                    text += QStringLiteral("; ") + p.toArray().at(0).toString() +
                            (value.isEmpty() ? QString() : QLatin1Char('=') + value);
                } else if (p.isString()) {
                    text += QStringLiteral("; ") + p.toString();
                }
            }
            agreed << tr("extension %1").arg(text);
        }
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(agreed.isEmpty() ? tr("Agreed: no subprotocol, no extension.")
                                              : tr("Agreed: %1.").arg(agreed.join(QStringLiteral(", ")))));

        if (status != 101 && response.contains(QLatin1String("body"))) {
            QString body = response.value(QLatin1String("body")).toString();
            const bool base64 =
                response.value(QLatin1String("bodyEncoding")).toString() == QLatin1String("base64");
            if (base64)
                body = QString::fromLatin1(QByteArray::fromBase64(body.toLatin1()).toHex(' '));
            html += section(tr("Body of the answer"));
            const qint64 size = response.value(QLatin1String("bodySize")).toInteger(body.size());
            html += QStringLiteral("<p>%1</p>")
                        .arg(esc(response.value(QLatin1String("bodyTruncated")).toBool()
                                     ? tr("%1 bytes; the first part is shown.").arg(size)
                                     : tr("%1 bytes%2.")
                                           .arg(size)
                                           .arg(base64 ? tr(", not text: shown as hex") : QString())));
            html += QStringLiteral("<pre style='background:#f4f4f4; padding:6px;'>%1</pre>").arg(esc(body));
        }
        if (response.contains(QLatin1String("bodyError")))
            html += QStringLiteral("<p style='color:#b3261e;'>%1</p>")
                        .arg(esc(tr("The body's framing is broken: %1")
                                     .arg(response.value(QLatin1String("bodyError")).toString())));
    }

    // TLS
    if (!tls.isEmpty()) {
        html += section(tr("TLS"));
        for (int i = 0; i < tls.size(); ++i) {
            const QJsonObject &t = tls.at(i);
            const QString event = t.value(QLatin1String("event")).toString();
            if (event == QLatin1String("certificateErrors")) {
                const bool accepted = t.value(QLatin1String("accepted")).toBool();
                html += QStringLiteral("<p style='color:#b3261e;'><b>%1</b></p><ul>")
                            .arg(esc(accepted ? tr("Certificate errors, ignored because insecure "
                                                   "certificates are allowed for this connection:")
                                              : tr("Certificate errors; the connection was refused:")));
                const QJsonArray errors = t.value(QLatin1String("errors")).toArray();
                for (const QJsonValue &e : errors)
                    html += QStringLiteral("<li>%1</li>")
                                .arg(esc(e.toObject().value(QLatin1String("text")).toString()));
                html += QStringLiteral("</ul>");
                if (!tls.constLast().contains(QLatin1String("protocol"))) {
                    const QJsonArray chain = t.value(QLatin1String("chain")).toArray();
                    for (int c = 0; c < chain.size(); ++c)
                        html += certificateHtml(chain.at(c).toObject(), c);
                }
                continue;
            }
            if (event == QLatin1String("alert")) {
                const bool fatal = t.value(QLatin1String("level")).toString() == QLatin1String("fatal");
                html +=
                    QStringLiteral("<p style='color:%1;'><b>%2</b> %3</p>")
                        .arg(fatal ? QStringLiteral("#b3261e") : QStringLiteral("#8a5a00"),
                             esc(fatal ? tr("Fatal TLS alert from the server:")
                                       : tr("TLS alert from the server:")),
                             esc(tr("%1, at %2")
                                     .arg(t.value(QLatin1String("name")).toString(), ms(tlsNs.value(i)))));
                continue;
            }
            html += QStringLiteral("<table cellspacing='0'>");
            html += keyValue(tr("Protocol"), esc(t.value(QLatin1String("protocol")).toString()));
            QString cipher = t.value(QLatin1String("cipher")).toString();
            if (t.contains(QLatin1String("cipherBits")))
                cipher += tr(" (%1-bit)").arg(t.value(QLatin1String("cipherBits")).toInt());
            html += keyValue(tr("Cipher"), esc(cipher));
            if (t.contains(QLatin1String("keyExchange")) &&
                !t.value(QLatin1String("keyExchange")).toString().isEmpty())
                html += keyValue(tr("Key exchange"), esc(t.value(QLatin1String("keyExchange")).toString()));
            if (t.contains(QLatin1String("peerName")))
                html += keyValue(tr("Server name (SNI)"), esc(t.value(QLatin1String("peerName")).toString()));
            html += keyValue(tr("Ready at"), esc(ms(tlsNs.value(i))));
            html += QStringLiteral("</table>");
            const QJsonArray chain = t.value(QLatin1String("chain")).toArray();
            for (int c = 0; c < chain.size(); ++c)
                html += certificateHtml(chain.at(c).toObject(), c);
        }
    }

    // Timings
    if (requestNs >= 0 || responseNs >= 0) {
        html += section(tr("Timings"));
        html += QStringLiteral("<table cellspacing='0'>");
        qint64 tlsReady = -1;
        for (int i = 0; i < tls.size(); ++i) {
            if (tls.at(i).contains(QLatin1String("protocol")))
                tlsReady = tlsNs.value(i);
        }
        if (tcpNs >= 0)
            html += keyValue(tr("TCP connected"), esc(ms(tcpNs)));
        if (tlsReady >= 0)
            html += keyValue(tcpNs >= 0 ? tr("TLS ready") : tr("TCP and TLS ready"), esc(ms(tlsReady)));
        if (tcpNs >= 0 && tlsReady >= tcpNs)
            html += keyValue(tr("TLS handshake"), esc(ms(tlsReady - tcpNs)));
        if (requestNs >= 0)
            html += keyValue(tr("Upgrade request sent"), esc(ms(requestNs)));
        if (responseNs >= 0)
            html += keyValue(tr("Answer received"), esc(ms(responseNs)));
        if (requestNs >= 0 && responseNs >= requestNs)
            html += keyValue(tr("Handshake round trip"),
                             QStringLiteral("<b>%1</b>").arg(esc(ms(responseNs - requestNs))));
        html += QStringLiteral("</table><p style='color:gray;'>%1</p>")
                    .arg(esc(tr("Times are counted from the moment the connection was opened.")));
    }
    return html + QStringLiteral("</body></html>");
}

} // namespace wsscope
