// Read by lupdate only, never compiled: the context the tr() wrapper below translates in, which
// lupdate cannot see through the wrapper. It must come before the includes to take effect.
#if 0
namespace wsscope {
Q_DECLARE_TR_FUNCTIONS(Cli)
}
#endif
#include "closecodes.h"
#include "commands.h"
#include "eventformat.h"
#include "eventlog.h"
#include "sessionreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>
#include <cstdio>

namespace wsscope {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

void printHeaders(QTextStream &out, const QJsonArray &headers)
{
    for (const QJsonValue &header : headers) {
        const QJsonArray pair = header.toArray();
        out << "      " << pair.at(0).toString() << ": " << pair.at(1).toString() << '\n';
    }
}

void printHandshake(QTextStream &out, const EventRecord &r, const QJsonObject &d)
{
    if (r.dir == Direction::Out) {
        out << "  " << d.value(QStringLiteral("method")).toString() << ' '
            << d.value(QStringLiteral("target")).toString() << ' '
            << d.value(QStringLiteral("version")).toString() << '\n';
        printHeaders(out, d.value(QStringLiteral("headers")).toArray());
        return;
    }
    out << "  " << d.value(QStringLiteral("version")).toString() << ' '
        << d.value(QStringLiteral("status")).toInt() << ' ' << d.value(QStringLiteral("reason")).toString()
        << '\n';
    printHeaders(out, d.value(QStringLiteral("headers")).toArray());
    const QString body = d.value(QStringLiteral("body")).toString();
    if (!body.isEmpty())
        out << "      " << tr("body:") << ' ' << body.left(500) << '\n';
    for (const QJsonValue &value : d.value(QStringLiteral("verdicts")).toArray()) {
        const QJsonObject check = value.toObject();
        out << "      " << (check.value(QStringLiteral("ok")).toBool() ? "[ok]   " : "[FAIL] ")
            << check.value(QStringLiteral("text")).toString() << '\n';
    }
}

} // namespace

int runShow(const QStringList &arguments)
{
    if (arguments.size() != 1) {
        std::fprintf(stderr, "wsscope: %s\n",
                     qPrintable(tr("show takes one session file: wsscope show FILE")));
        return 2;
    }
    EventLog log;
    SessionReader reader;
    const bool ok = reader.read(arguments.first(), &log);
    for (const SessionReader::Problem &problem : reader.problems())
        std::fprintf(
            stderr, "wsscope: %s\n",
            qPrintable(tr("%1 line %2: %3").arg(arguments.first()).arg(problem.line).arg(problem.message)));
    if (!ok) {
        std::fprintf(stderr, "wsscope: %s\n", qPrintable(reader.errorString()));
        return 1;
    }

    QTextStream out(stdout);
    for (qsizetype i = 0; i < log.size(); ++i) {
        const EventRecord r = log.at(i);
        if (r.kind == EventKind::Connection) {
            const ConnectionRecord c = log.connection(r.conn);
            out << '\n'
                << tr("Connection %1: %2 (%3, started %4)")
                       .arg(r.conn)
                       .arg(c.details.value(QStringLiteral("url")).toString(),
                            c.details.value(QStringLiteral("source")).toString(),
                            c.details.value(QStringLiteral("started")).toString())
                << '\n';
            continue;
        }
        const QString time = EventFormat::relativeMs(r.timeNs).rightJustified(12);
        const QString arrow = EventFormat::directionArrow(r.dir);
        if (r.kind == EventKind::Frame) {
            const QByteArray payload = log.payload(i);
            out << QStringLiteral("%1 ms %2 %3 %4 rsv=%5 %6 %7  %8")
                       .arg(time, arrow, EventFormat::typeName(r).leftJustified(12),
                            r.fin() ? QStringLiteral("FIN") : QStringLiteral("   "),
                            EventFormat::rsvBits(r.rsv()),
                            (r.masked() ? QStringLiteral("mask=") + EventFormat::maskKey(r.maskKey)
                                        : QStringLiteral("unmasked"))
                                .leftJustified(13),
                            tr("%1 B").arg(r.length).rightJustified(10),
                            EventFormat::framePreview(r, payload))
                << '\n';
            continue;
        }
        const QJsonObject details = log.details(i);
        // A message of one frame is that frame, already printed; only reassembled ones say more.
        if (r.kind == EventKind::Message && details.value(QStringLiteral("frameCount")).toInt() <= 1 &&
            details.value(QStringLiteral("validUtf8")).toBool(true))
            continue;
        out << QStringLiteral("%1 ms %2 %3 %4")
                   .arg(time, arrow, EventFormat::typeName(r).leftJustified(12),
                        EventFormat::detailsPreview(r.kind, r.dir, details))
            << '\n';
        if (r.kind == EventKind::Handshake)
            printHandshake(out, r, details);
        if (r.kind == EventKind::Close) {
            const int code = details.value(QStringLiteral("code")).toInt();
            out << "      " << CloseCodes::name(code) << ": " << CloseCodes::meaning(code) << '\n';
        }
    }
    out.flush();
    if (reader.problemCount() > 0) {
        std::fprintf(stderr, "wsscope: %s\n",
                     qPrintable(tr("%1 line(s) could not be read and were skipped; the rest is shown above.")
                                    .arg(reader.problemCount())));
    }
    return 0;
}

} // namespace wsscope
