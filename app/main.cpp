#include "commands.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>
#include <cstdio>
#include <cstring>

#ifdef WSSCOPE_WITH_GUI
#include <QApplication>
#endif

namespace {

bool isHeadless(int argc, char **argv)
{
    if (argc < 2)
        return false;
    const char *first = argv[1];
    for (const char *cmd : {"record", "show", "demo-server", "replay", "mock", "diff", "export", "import",
                            "--version", "-v", "--help", "-h", "help"}) {
        if (std::strcmp(first, cmd) == 0)
            return true;
    }
    // A word that is neither an option nor an existing file is a mistyped command: answer it on the
    // command line instead of opening a window about a file that is not there.
    return first[0] != '-' && !QFileInfo::exists(QString::fromLocal8Bit(first));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("WsScope"));
    QCoreApplication::setApplicationName(QStringLiteral("WsScope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WSSCOPE_VERSION));

#ifdef WSSCOPE_WITH_GUI
    if (!isHeadless(argc, argv)) {
        QApplication app(argc, argv);
        wsscope::installTranslations();
        return wsscope::runGui(app.arguments());
    }
#else
    if (!isHeadless(argc, argv) && argc >= 2 && std::strcmp(argv[1], "--demo") != 0) {
        std::fprintf(stderr,
                     "This WsScope was built without its window; see wsscope --help for its commands\n");
        return 2;
    }
#endif
    // Headless subcommands need no display: they run on QCoreApplication.
    QCoreApplication app(argc, argv);
    wsscope::installTranslations();
    return wsscope::runHeadless(app.arguments());
}
