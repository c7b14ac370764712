#include "commands.h"
#include "connectionoptions.h"
#include "demoserver.h"
#include "mainwindow.h"
#include "sessionfiles.h"

#include <QApplication>
#include <QMessageBox>
#include <QTimer>
#include <cstdio>

namespace wsscope {

int runGui(const QStringList &arguments)
{
    bool demo = false;
    QStringList files;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--demo"))
            demo = true;
        else if (!arg.startsWith(QLatin1String("-")))
            files.append(arg);
        else {
            std::fprintf(
                stderr, "wsscope: %s\n",
                qPrintable(
                    QCoreApplication::translate("Cli", "Unknown option %1 (see wsscope --help).").arg(arg)));
            return 2;
        }
    }

    // Lets Wayland docks match the window to its desktop entry (packaging/).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.wsscope.WsScope"));
    MainWindow window;
    window.show();

    DemoServer *server = nullptr;
    if (demo) {
        server = new DemoServer(&window);
        if (!server->listen()) {
            QMessageBox::critical(
                &window, QCoreApplication::translate("Cli", "Demo server"),
                QCoreApplication::translate("Cli", "The demo server could not listen on 127.0.0.1: %1")
                    .arg(server->errorString()));
        } else {
            // A quiet echo channel beside the feed, so the list shows more than one connection.
            ConnectionOptions echo;
            echo.url = server->echoUrl();
            echo.name = QCoreApplication::translate("Cli", "Demo echo");
            window.openConnection(echo);
            ConnectionOptions options;
            options.url = server->url();
            options.subprotocols = {QStringLiteral("demo.v1")};
            options.name = QCoreApplication::translate("Cli", "Demo feed");
            options.autoPingIntervalMs = 2000;
            window.openConnection(options);
        }
    }
    // Files from the command line open as read-only documents; problems show beside the window.
    window.sessionFiles()->openFiles(files);
    // After the window is up: a journal left by a crash is offered once the event loop runs.
    QTimer::singleShot(0, &window, [&window] { window.sessionFiles()->offerRecovery(); });
    return QApplication::exec();
}

} // namespace wsscope
