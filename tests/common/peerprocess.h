#pragma once

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace wsscope::test {

// tests/peers/ws_peer.py as a child process: a real WebSocket server (python3-websockets) on loopback.
class PeerProcess
{
public:
    ~PeerProcess() { stop(); }

    // Debian's interpreter first: the websockets module is installed for it (python3-websockets).
    static QString python()
    {
        if (QFileInfo::exists(QStringLiteral("/usr/bin/python3")))
            return QStringLiteral("/usr/bin/python3");
        return QStandardPaths::findExecutable(QStringLiteral("python3"));
    }

    // Empty when the peer can run, else why not (for QSKIP).
    static QString unavailableReason()
    {
        const QString py = python();
        if (py.isEmpty())
            return QStringLiteral("python3 is not installed");
        QProcess probe;
        probe.start(py, {QStringLiteral("-c"),
                         QStringLiteral("import sys; sys.path.append('/usr/lib/python3/dist-packages'); "
                                        "import websockets")});
        if (!probe.waitForFinished(15000) || probe.exitCode() != 0)
            return QStringLiteral("the python3 websockets module is not installed (python3-websockets)");
        return {};
    }

    // Starts the peer and waits for its LISTENING line. Returns the port, 0 on failure (see error()).
    // Without a --lifetime in the arguments the peer gives up after 300 s even if this process hangs.
    quint16 start(const QStringList &arguments, int timeoutMs = 15000)
    {
        QStringList all{QStringLiteral(WSSCOPE_TEST_PEERS "/ws_peer.py"), QStringLiteral("--port"),
                        QStringLiteral("0")};
        if (!arguments.contains(QStringLiteral("--lifetime")))
            all << QStringLiteral("--lifetime") << QStringLiteral("300");
        m_process.setProgram(python());
        m_process.setArguments(all + arguments);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(timeoutMs)) {
            m_error = m_process.errorString();
            return 0;
        }
        QDeadlineTimer deadline(timeoutMs);
        QByteArray line;
        while (!deadline.hasExpired()) {
            if (m_process.canReadLine()) {
                line = m_process.readLine().trimmed();
                break;
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
            m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        }
        if (!line.startsWith("LISTENING ")) {
            m_error = QString::fromUtf8(line + m_process.readAllStandardError());
            return 0;
        }
        m_port = quint16(line.mid(10).toUInt());
        return m_port;
    }

    quint16 port() const { return m_port; }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel(); // the peer exits at stdin EOF
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    QString error() const { return m_error; }

    // The --log file, one JSON object per line.
    static QList<QJsonObject> readLog(const QString &path)
    {
        QList<QJsonObject> out;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return out;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            if (!line.isEmpty())
                out.append(QJsonDocument::fromJson(line).object());
        }
        return out;
    }

private:
    QProcess m_process;
    QString m_error;
    quint16 m_port = 0;
};

} // namespace wsscope::test
