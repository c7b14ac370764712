#pragma once

#include <QStringList>

namespace wsscope {

void installTranslations();
// record, show, demo-server, --version, --help; and --demo when built without the window.
int runHeadless(const QStringList &arguments);
int runRecord(const QStringList &arguments);
int runShow(const QStringList &arguments);
int runDemoServer(const QStringList &arguments);
#ifdef WSSCOPE_WITH_GUI
int runGui(const QStringList &arguments);
#endif

} // namespace wsscope
