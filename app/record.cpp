// Read by lupdate only, never compiled: the context the tr() wrapper below translates in, which
// lupdate cannot see through the wrapper. It must come before the includes to take effect.
#if 0
namespace wsscope {
Q_DECLARE_TR_FUNCTIONS(Cli)
}
#endif
#include "clientconnection.h"
#include "closecodes.h"
#include "commands.h"
#include "eventlog.h"
#include "sessionwriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>
#include <cstdio>
#include <functional>

namespace wsscope {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

void fail(const QString &message)
{
    std::fprintf(stderr, "wsscope: %s\n", qPrintable(message));
}

// One step of what the user asked to send, kept in command-line order.
struct Action
{
    enum Kind { Text, Binary, Ping } kind;
    QByteArray data;
};

struct RecordOptions
{
    ConnectionOptions connection;
    QString out;
    QList<Action> actions;
    int closeCode = 1000;
    QString closeReason;
    int lingerMs = 500;
    double durationS = 0;
};

bool parse(const QStringList &args, RecordOptions *o)
{
    auto value = [&](int &i, const QString &name, QString *into) {
        if (i + 1 >= args.size()) {
            fail(tr("%1 needs a value.").arg(name));
            return false;
        }
        *into = args.at(++i);
        return true;
    };
    QString url;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        QString v;
        if (arg == QLatin1String("--out")) {
            if (!value(i, arg, &o->out))
                return false;
        } else if (arg == QLatin1String("--header")) {
            if (!value(i, arg, &v))
                return false;
            const int colon = v.indexOf(QLatin1Char(':'));
            if (colon <= 0) {
                fail(tr("--header takes 'Name: value', got '%1'.").arg(v));
                return false;
            }
            o->connection.headers.append(
                {v.left(colon).trimmed().toUtf8(), v.mid(colon + 1).trimmed().toUtf8()});
        } else if (arg == QLatin1String("--subprotocol")) {
            if (!value(i, arg, &v))
                return false;
            o->connection.subprotocols.append(v);
        } else if (arg == QLatin1String("--origin")) {
            if (!value(i, arg, &o->connection.origin))
                return false;
        } else if (arg == QLatin1String("--send")) {
            if (!value(i, arg, &v))
                return false;
            o->actions.append({Action::Text, v.toUtf8()});
        } else if (arg == QLatin1String("--send-binary")) {
            if (!value(i, arg, &v))
                return false;
            const QByteArray hex = v.toLatin1().replace(' ', "");
            const QByteArray bytes = QByteArray::fromHex(hex);
            if (hex.size() % 2 != 0 || bytes.toHex() != hex.toLower()) {
                fail(tr("--send-binary takes hexadecimal bytes such as 'deadbeef', got '%1'.").arg(v));
                return false;
            }
            o->actions.append({Action::Binary, bytes});
        } else if (arg == QLatin1String("--ping")) {
            if (!value(i, arg, &v))
                return false;
            if (v.toUtf8().size() > 125) {
                fail(tr("A ping payload may carry at most 125 bytes (RFC 6455 §5.5)."));
                return false;
            }
            o->actions.append({Action::Ping, v.toUtf8()});
        } else if (arg == QLatin1String("--close")) {
            if (!value(i, arg, &v))
                return false;
            const int colon = v.indexOf(QLatin1Char(':'));
            bool ok = false;
            o->closeCode = (colon < 0 ? v : v.left(colon)).toInt(&ok);
            if (!ok || o->closeCode < 1000 || o->closeCode > 4999) {
                fail(tr("--close takes CODE[:REASON] with a code from 1000 to 4999, got '%1'.").arg(v));
                return false;
            }
            if (colon >= 0)
                o->closeReason = v.mid(colon + 1);
        } else if (arg == QLatin1String("--linger")) {
            if (!value(i, arg, &v))
                return false;
            o->lingerMs = v.toInt();
        } else if (arg == QLatin1String("--duration")) {
            if (!value(i, arg, &v))
                return false;
            o->durationS = v.toDouble();
        } else if (arg == QLatin1String("--insecure")) {
            o->connection.tls.allowInsecure = true;
        } else if (arg == QLatin1String("--cacert")) {
            if (!value(i, arg, &o->connection.tls.caFile))
                return false;
            if (!QFileInfo::exists(o->connection.tls.caFile)) {
                fail(tr("The CA file %1 does not exist.").arg(o->connection.tls.caFile));
                return false;
            }
        } else if (arg == QLatin1String("--cert") || arg == QLatin1String("--key")) {
            QString &file = arg == QLatin1String("--cert") ? o->connection.tls.clientCertFile
                                                           : o->connection.tls.clientKeyFile;
            if (!value(i, arg, &file))
                return false;
            if (!QFileInfo::exists(file)) {
                fail(tr("The file %1 given to %2 does not exist.").arg(file, arg));
                return false;
            }
        } else if (arg == QLatin1String("--frame-size")) {
            if (!value(i, arg, &v))
                return false;
            o->connection.outgoingFrameSize = v.toInt();
        } else if (arg.startsWith(QLatin1String("--"))) {
            fail(tr("Unknown option %1 (see wsscope --help).").arg(arg));
            return false;
        } else if (url.isEmpty()) {
            url = arg;
        } else {
            fail(tr("Only one URL can be recorded at a time; got '%1' and '%2'.").arg(url, arg));
            return false;
        }
    }
    if (url.isEmpty() || o->out.isEmpty()) {
        fail(tr(
            "record needs a URL and --out FILE, e.g. wsscope record ws://127.0.0.1:8080/ --out run.wsscope"));
        return false;
    }
    o->connection.url = QUrl(url);
    const QString scheme = o->connection.url.scheme();
    if (!o->connection.url.isValid() || (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")) ||
        o->connection.url.host().isEmpty()) {
        fail(tr("'%1' is not a WebSocket URL: it must start with ws:// or wss:// and name a host.").arg(url));
        return false;
    }
    return true;
}

QString humanBytes(quint64 bytes)
{
    return QLocale::c().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

int runRecord(const QStringList &arguments)
{
    RecordOptions options;
    if (!parse(arguments, &options))
        return 2;

    EventLog log;
    SessionWriter writer;
    if (!writer.start(&log, options.out)) {
        fail(writer.errorString());
        return 2;
    }

    ClientConnection connection(&log);
    QElapsedTimer clock;
    clock.start();
    QString failure;
    bool closedSeen = false;
    int closeCode = 0;
    QString closeReason;
    bool closeClean = false;
    QEventLoop loop;

    QObject::connect(&connection, &ClientConnection::failed, &loop, [&](const QString &message) {
        failure = message;
        loop.quit();
    });
    QObject::connect(&connection, &ClientConnection::closed, &loop,
                     [&](int code, const QString &reason, bool clean) {
                         closedSeen = true;
                         closeCode = code;
                         closeReason = reason;
                         closeClean = clean;
                         loop.quit();
                     });
    QObject::connect(&connection, &ClientConnection::opened, &loop, [&] {
        for (const Action &action : std::as_const(options.actions)) {
            switch (action.kind) {
            case Action::Text:
                connection.sendText(QString::fromUtf8(action.data));
                break;
            case Action::Binary:
                connection.sendBinary(action.data);
                break;
            case Action::Ping:
                connection.ping(action.data);
                break;
            }
        }
        const int wait = qMax(options.lingerMs, int(options.durationS * 1000));
        QTimer::singleShot(wait, &loop, [&] { connection.close(options.closeCode, options.closeReason); });
    });

    // A connection that never settles must not hang a script.
    const int timeoutMs = 15000 + qMax(options.lingerMs, int(options.durationS * 1000));
    QTimer::singleShot(timeoutMs, &loop, [&] {
        if (failure.isEmpty() && !closedSeen)
            failure =
                tr("Gave up after %1 s: the connection neither opened nor closed.").arg(timeoutMs / 1000);
        loop.quit();
    });
    connection.open(options.connection);
    loop.exec();
    if (!closedSeen && failure.isEmpty())
        connection.abort();

    // Let the tap record the last bytes of the close handshake before the file is finished.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 200)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    writer.stop();
    if (!writer.errorString().isEmpty()) {
        fail(writer.errorString());
        return 2;
    }

    quint64 framesOut = 0, framesIn = 0, bytesOut = 0, bytesIn = 0;
    for (qsizetype i = 0; i < log.size(); ++i) {
        const EventRecord r = log.at(i);
        if (r.kind != EventKind::Frame)
            continue;
        (r.dir == Direction::Out ? framesOut : framesIn) += 1;
        (r.dir == Direction::Out ? bytesOut : bytesIn) += r.length;
    }
    const QString url = options.connection.url.toString();
    if (!failure.isEmpty()) {
        fail(failure);
        std::printf("%s\n", qPrintable(tr("Recorded the failed attempt on %1 (%2 events) to %3")
                                           .arg(url)
                                           .arg(log.size())
                                           .arg(options.out)));
        return 1;
    }
    std::printf(
        "%s\n",
        qPrintable(tr("Recorded %1 frames (%2 out, %3 in; %4 out, %5 in) on %6 in %7 s; closed %8 %9%10 "
                      "(%11) -> %12")
                       .arg(framesOut + framesIn)
                       .arg(framesOut)
                       .arg(framesIn)
                       .arg(humanBytes(bytesOut), humanBytes(bytesIn), url)
                       .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 2)
                       .arg(closeCode)
                       .arg(CloseCodes::name(closeCode),
                            closeReason.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(closeReason),
                            closeClean ? tr("clean") : tr("not clean"), options.out)));
    return 0;
}

} // namespace wsscope
