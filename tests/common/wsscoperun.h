#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace wsscope::test {

// What a run of the wsscope binary (WSSCOPE_EXE) printed and how it ended.
struct Run
{
    int exitCode = -1; // -1: did not start or timed out, -2: crashed
    QString out;
    QString err;
};

// The environment with a UTF-8 C locale, whatever the machine's locale is.
inline QProcessEnvironment utf8Environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

// Runs wsscope with a UTF-8 C locale while this process keeps its event loop turning, so servers
// living in the test answer meanwhile.
inline Run runWsscope(const QStringList &args, int timeoutMs = 60000)
{
    QProcess process;
    process.setProcessEnvironment(utf8Environment());
    process.start(QStringLiteral(WSSCOPE_EXE), args);
    Run run;
    if (!process.waitForStarted(10000))
        return run;
    QElapsedTimer clock;
    clock.start();
    while (process.state() != QProcess::NotRunning && clock.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        process.waitForFinished(20);
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace wsscope::test
