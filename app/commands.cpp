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
               "      --frame-size N    split outgoing messages into frames of N bytes\n"
               "  wsscope show FILE                print a readable timeline of a session file\n"
               "  wsscope demo-server [--port N] [--rate N] [--seconds S]\n"
               "                                   run the built-in demo server on 127.0.0.1\n"
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
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        printUsage(stdout);
        return 0;
    }
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
