#include "commands.h"

#include "demoserver.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>
#include <cstdio>

namespace wsscope {

namespace {

void printUsage(FILE *to)
{
    const QString text = QCoreApplication::translate(
        "Cli", "Usage:\n"
               "  wsscope [--demo] [FILE]         open the window (on the built-in demo server with --demo)\n"
               "  wsscope record URL --out FILE [options]\n"
               "      --header 'K: V'   extra handshake header (repeatable)\n"
               "      --subprotocol P   offer a subprotocol (repeatable)\n"
               "      --origin O        Origin header\n"
               "      --send TEXT       send a text message (repeatable, in order)\n"
               "      --send-binary HEX send a binary message (repeatable, in order)\n"
               "      --ping PAYLOAD    send a ping (repeatable, in order)\n"
               "      --close CODE[:REASON]  close with this code (default 1000)\n"
               "      --linger MS       wait this long after the last send before closing (default 500)\n"
               "      --duration S      stay connected this many seconds before closing\n"
               "      --insecure        accept an untrusted TLS certificate (still recorded)\n"
               "      --cacert FILE     trust the CA certificates in this PEM file\n"
               "      --cert FILE       client certificate (PEM) for servers that ask for one\n"
               "      --key FILE        its private key (PEM, unencrypted; default: in --cert)\n"
               "      --frame-size N    split outgoing messages into frames of N bytes\n"
               "  wsscope show FILE                print a readable timeline of a session file\n"
               "  wsscope demo-server [--port N] [--rate N] [--seconds S]\n"
               "                                   run the built-in demo server on 127.0.0.1\n"
               "  wsscope replay SESSION --out FILE [options]\n"
               "                                   replay a recorded connection as a client, recording the\n"
               "                                   replay (exit 1: a message unsent or a wait timed out)\n"
               "      --conn N          the connection to replay (default: the first client connection)\n"
               "      --url URL         replay against this server instead of the recorded URL\n"
               "      --original        keep the recorded gaps between messages (the default)\n"
               "      --speed X         the recorded gaps divided by X\n"
               "      --as-fast         send the messages one after the other\n"
               "      --wait-responses  send each message once the server messages that preceded it\n"
               "                        in the recording arrived\n"
               "      --timeout MS      how long to wait for expected server messages (default 5000)\n"
               "  wsscope mock SESSION --listen 127.0.0.1:PORT [options]\n"
               "                                   serve the recorded server side; prints LISTENING URL\n"
               "                                   when ready, runs until SIGINT or SIGTERM (port 0: any)\n"
               "      --conn N          the connection to serve (default: the first client connection)\n"
               "      --once            exit after one client\n"
               "      --out FILE        record what was served into this session file\n"
               "      --allow-remote    accept an address other than loopback: anyone who can reach it\n"
               "                        then gets the recorded messages\n"
               "  wsscope diff A B [options]       compare the messages of two sessions per direction;\n"
               "                                   exit 0 same, 1 different, 2 error\n"
               "      --conn-a N, --conn-b N  the connections to compare (default: the first client one)\n"
               "      --ignore PATH     leave out JSON values: $.ts, $.items[*].id, $..ts (repeatable)\n"
               "      --ignore-regex RE remove matches of RE from text payloads first (repeatable)\n"
               "      --ignore-key-order  JSON objects with the same members in another order are equal\n"
               "  wsscope export SESSION (--har|--ndjson|--csv) OUT [options]\n"
               "  wsscope export SESSION --payloads DIR [options]   one file per message\n"
               "      --conn N          export only this connection (default: all)\n"
               "      --redact          HAR: hide the values of Authorization, Cookie, Set-Cookie and\n"
               "                        Proxy-Authorization (the default for HAR)\n"
               "      --no-redact       HAR: keep those values\n"
               "      --redact-header NAME  HAR: hide this header's value too (repeatable)\n"
               "      --redact-query NAME   HAR: hide this query parameter's value (repeatable)\n"
               "                        NDJSON, CSV and payload files hold messages only, no headers or\n"
               "                        URLs: the redaction options are accepted there and change nothing;\n"
               "                        message payloads are never redacted\n"
               "  wsscope import FILE.har --out SESSION\n"
               "                                   turn the WebSocket connections of a HAR file into a\n"
               "                                   session file\n"
               "  wsscope --version\n");
    std::fputs(text.toLocal8Bit().constData(), to);
}

} // namespace

void installTranslations()
{
    const QLocale locale;
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(QCoreApplication::instance());
    if (own->load(locale, QStringLiteral("wsscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

int runHeadless(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        std::printf("WsScope %s (Qt %s)\n", WSSCOPE_VERSION, qVersion());
        return 0;
    }
    if (command == QLatin1String("record"))
        return runRecord(arguments.mid(2));
    if (command == QLatin1String("show"))
        return runShow(arguments.mid(2));
    if (command == QLatin1String("demo-server"))
        return runDemoServer(arguments.mid(2));
    if (command == QLatin1String("replay"))
        return runReplay(arguments.mid(2));
    if (command == QLatin1String("mock"))
        return runMock(arguments.mid(2));
    if (command == QLatin1String("diff"))
        return runDiff(arguments.mid(2));
    if (command == QLatin1String("export"))
        return runExport(arguments.mid(2));
    if (command == QLatin1String("import"))
        return runImport(arguments.mid(2));
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        printUsage(stdout);
        return 0;
    }
    if (!command.isEmpty())
        std::fprintf(
            stderr, "wsscope: %s\n",
            qPrintable(QCoreApplication::translate("Cli", "'%1' is neither a command nor an existing file.")
                           .arg(command)));
    printUsage(stderr);
    return 2;
}

int runDemoServer(const QStringList &arguments)
{
    quint16 port = 0;
    int rate = 5;
    int seconds = 0;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--port") && i + 1 < arguments.size())
            port = quint16(arguments.at(++i).toUInt());
        else if (arg == QLatin1String("--rate") && i + 1 < arguments.size())
            rate = arguments.at(++i).toInt();
        else if (arg == QLatin1String("--seconds") && i + 1 < arguments.size())
            seconds = arguments.at(++i).toInt();
        else {
            std::fprintf(
                stderr, "%s\n",
                qPrintable(
                    QCoreApplication::translate("Cli", "Unknown option for demo-server: %1").arg(arg)));
            return 2;
        }
    }
    DemoServer server;
    server.setTickRate(rate);
    if (!server.listen(QHostAddress::LocalHost, port)) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("Cli", "Cannot listen on 127.0.0.1:%1: %2")
                                    .arg(port)
                                    .arg(server.errorString())));
        return 1;
    }
    std::printf("LISTENING %s\n", qPrintable(server.url().toString()));
    std::fflush(stdout);
    if (seconds > 0)
        QTimer::singleShot(seconds * 1000, qApp, &QCoreApplication::quit);
    return QCoreApplication::exec();
}

} // namespace wsscope
