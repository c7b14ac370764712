#pragma once

#include <QStringList>

namespace wsscope {

void installTranslations();
// record, show, demo-server, replay, mock, diff, export, import, --version, --help; and --demo when built
// without the window.
int runHeadless(const QStringList &arguments);
int runRecord(const QStringList &arguments);
int runShow(const QStringList &arguments);
int runDemoServer(const QStringList &arguments);
// Session files for CI (app/sessioncommands.cpp).
int runReplay(const QStringList &arguments);
int runMock(const QStringList &arguments);
int runDiff(const QStringList &arguments);
int runExport(const QStringList &arguments);
int runImport(const QStringList &arguments);
#ifdef WSSCOPE_WITH_GUI
int runGui(const QStringList &arguments);
#endif

} // namespace wsscope
