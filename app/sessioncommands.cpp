// The headless commands that work on session files: replay, mock, diff, export, import.
// They are meant for CI scripts, so every error is one sentence on stderr with a stable exit status
// (2: the command line or an input file is wrong; 1: the run itself failed or found a difference)
// and every wait has a bound.
// Read by lupdate only, never compiled: the context the tr() wrappers below translate in, which
// lupdate cannot see through the wrappers. It must come before the includes to take effect.
#if 0
namespace wsscope {
Q_DECLARE_TR_FUNCTIONS(Cli)
}
#endif
#include "commands.h"
#include "eventlog.h"
#include "harexport.h"
#include "harimport.h"
#include "messageexport.h"
#include "messages.h"
#include "mockserver.h"
#include "redaction.h"
#include "replayer.h"
#include "sessiondiff.h"
#include "sessionreader.h"
#include "sessionwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimer>
#include <csignal>
#include <cstdio>
#include <limits>

namespace wsscope {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

QString tr(const char *text, const char *disambiguation, int n)
{
    return QCoreApplication::translate("Cli", text, disambiguation, n);
}

void fail(const QString &message)
{
    std::fprintf(stderr, "wsscope: %s\n", qPrintable(message));
}

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    // Scripts read these lines through a pipe while the command may still run (mock).
    std::fflush(stdout);
}

// Walks the arguments of one command; options that take a value report a missing one.
class ArgWalker
{
public:
    explicit ArgWalker(const QStringList &args) : m_args(args) {}

    bool next()
    {
        ++m_i;
        return m_i < m_args.size();
    }
    const QString &current() const { return m_args.at(m_i); }
    bool is(const char *name) const { return current() == QLatin1String(name); }
    bool value(QString *into)
    {
        if (m_i + 1 >= m_args.size()) {
            fail(tr("%1 needs a value.").arg(current()));
            return false;
        }
        *into = m_args.at(++m_i);
        return true;
    }
    bool connection(quint32 *into)
    {
        const QString name = current();
        QString v;
        if (!value(&v))
            return false;
        bool ok = false;
        const uint n = v.toUInt(&ok);
        if (!ok || n == 0) {
            fail(tr("%1 takes a connection number (1, 2, ...), got '%2'.").arg(name, v));
            return false;
        }
        *into = n;
        return true;
    }
    bool isOption() const { return current().startsWith(QLatin1String("--")) && current().size() > 2; }
    void unknown(const char *command) const
    {
        fail(tr("Unknown option %1 for %2 (see wsscope --help).").arg(current(), QLatin1String(command)));
    }

private:
    const QStringList &m_args;
    int m_i = -1;
};

// Reads a session file; the lines it had to skip are reported but do not stop the command.
bool loadSession(const QString &path, EventLog *log)
{
    if (!QFileInfo(path).isFile()) {
        fail(tr("The session file %1 does not exist.").arg(path));
        return false;
    }
    SessionReader reader;
    if (!reader.read(path, log)) {
        fail(tr("%1: %2").arg(path, reader.errorString()));
        return false;
    }
    constexpr int Shown = 5;
    for (qsizetype i = 0; i < reader.problems().size() && i < Shown; ++i) {
        const SessionReader::Problem &p = reader.problems().at(i);
        fail(tr("%1 line %2: %3").arg(path).arg(p.line).arg(p.message));
    }
    if (reader.problemCount() > Shown)
        fail(tr("%1: %2 more line(s) could not be read and were skipped.")
                 .arg(path)
                 .arg(reader.problemCount() - Shown));
    return true;
}

// "The first client connection": the first one WsScope, the proxy or an import brought in. A file
// written by `wsscope mock --out` holds only mock connections; then the first of those.
quint32 defaultConnection(const EventLog &log)
{
    const QList<ConnectionRecord> all = log.connections();
    for (const ConnectionRecord &c : all) {
        if (c.details.value(QStringLiteral("source")).toString() != QLatin1String("mock"))
            return c.id;
    }
    return all.isEmpty() ? 0 : all.first().id;
}

// Picks the connection asked for (0: the default) and says what is wrong when there is none.
bool chooseConnection(const EventLog &log, const QString &path, quint32 *conn)
{
    if (*conn == 0) {
        *conn = defaultConnection(log);
        if (*conn == 0) {
            fail(tr("The session %1 holds no connection.").arg(path));
            return false;
        }
        return true;
    }
    if (log.connection(*conn).id == 0) {
        QStringList ids;
        for (const ConnectionRecord &c : log.connections())
            ids.append(QString::number(c.id));
        fail(tr("The session %1 has no connection %2; it has %3.")
                 .arg(path)
                 .arg(*conn)
                 .arg(ids.isEmpty() ? tr("none") : ids.join(QStringLiteral(", "))));
        return false;
    }
    return true;
}

bool isWebSocketUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == QLatin1String("ws") || url.scheme() == QLatin1String("wss")) &&
           !url.host().isEmpty();
}

// Lets the capture record the last bytes of a close handshake before a file is finished.
void settle(int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

volatile std::sig_atomic_t g_stopRequested = 0;

extern "C" void requestStop(int)
{
    g_stopRequested = 1;
}

} // namespace

// --- replay ------------------------------------------------------------------------------------

int runReplay(const QStringList &arguments)
{
    QString session, out, url;
    quint32 conn = 0;
    int timingFlags = 0;
    Replayer::Timing timing = Replayer::Timing::Original;
    double speed = 1.0;
    int timeoutMs = Replayer::DefaultResponseTimeoutMs;
    ArgWalker a(arguments);
    while (a.next()) {
        QString v;
        if (a.is("--out")) {
            if (!a.value(&out))
                return 2;
        } else if (a.is("--conn")) {
            if (!a.connection(&conn))
                return 2;
        } else if (a.is("--url")) {
            if (!a.value(&url))
                return 2;
        } else if (a.is("--speed")) {
            if (!a.value(&v))
                return 2;
            bool ok = false;
            speed = v.toDouble(&ok);
            if (!ok || !(speed > 0) || speed > 1e6) {
                fail(tr("--speed takes a factor above 0 such as 2 or 0.5, got '%1'.").arg(v));
                return 2;
            }
            timing = Replayer::Timing::Speed;
            ++timingFlags;
        } else if (a.is("--as-fast")) {
            timing = Replayer::Timing::AsFastAsPossible;
            ++timingFlags;
        } else if (a.is("--wait-responses")) {
            timing = Replayer::Timing::WaitForResponses;
            ++timingFlags;
        } else if (a.is("--original")) {
            timing = Replayer::Timing::Original;
            ++timingFlags;
        } else if (a.is("--timeout")) {
            if (!a.value(&v))
                return 2;
            bool ok = false;
            timeoutMs = v.toInt(&ok);
            if (!ok || timeoutMs <= 0) {
                fail(tr("--timeout takes a number of milliseconds above 0, got '%1'.").arg(v));
                return 2;
            }
        } else if (a.isOption()) {
            a.unknown("replay");
            return 2;
        } else if (session.isEmpty()) {
            session = a.current();
        } else {
            fail(tr("replay takes one session file; got '%1' and '%2'.").arg(session, a.current()));
            return 2;
        }
    }
    if (session.isEmpty() || out.isEmpty()) {
        fail(tr("replay needs a session file and --out FILE, e.g. wsscope replay run.wsscope --as-fast "
                "--out replay.wsscope"));
        return 2;
    }
    if (timingFlags > 1) {
        fail(tr("Choose one of --speed, --as-fast, --wait-responses and --original."));
        return 2;
    }
    if (!url.isEmpty() && !isWebSocketUrl(QUrl(url))) {
        fail(tr("'%1' is not a WebSocket URL: it must start with ws:// or wss:// and name a host.").arg(url));
        return 2;
    }
    if (QFileInfo(out).absoluteFilePath() == QFileInfo(session).absoluteFilePath()) {
        fail(tr("--out must name another file than the session being replayed."));
        return 2;
    }

    EventLog recorded;
    if (!loadSession(session, &recorded) || !chooseConnection(recorded, session, &conn))
        return 2;

    EventLog log;
    Replayer replayer(&log);
    if (!replayer.load(recorded, conn)) {
        fail(replayer.errorString());
        return 2;
    }
    if (!url.isEmpty())
        replayer.setTargetUrl(QUrl(url));
    if (!isWebSocketUrl(replayer.targetUrl())) {
        fail(
            tr("Connection %1 has no ws:// or wss:// URL to replay against; give one with --url.").arg(conn));
        return 2;
    }
    replayer.setTiming(timing);
    replayer.setSpeed(speed);
    replayer.setResponseTimeoutMs(timeoutMs);

    SessionWriter writer;
    if (!writer.start(&log, out)) {
        fail(writer.errorString());
        return 2;
    }

    // The replay cannot take longer than connecting, the recorded gaps (at this speed), and one
    // response timeout per message and for the close; past that something is stuck.
    qint64 spanMs = 0;
    const QList<DataMessage> messages = Messages::extract(recorded, conn);
    if (!messages.isEmpty() && (timing == Replayer::Timing::Original || timing == Replayer::Timing::Speed))
        spanMs = qint64(double(messages.last().timeNs - messages.first().firstTimeNs) / 1e6 /
                        (timing == Replayer::Timing::Speed ? speed : 1.0));
    const qint64 guardMs = 20000 + spanMs + qint64(timeoutMs) * (replayer.total() + 3);

    QEventLoop loop;
    bool finished = false;
    bool ok = false;
    QString message;
    QObject::connect(&replayer, &Replayer::finished, &loop, [&](bool success, const QString &text) {
        finished = true;
        ok = success;
        message = text;
        loop.quit();
    });
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, [&] {
        replayer.stop(); // reports "stopped" through finished(); the reason to give is this one
        message = tr("Gave up after %1 s: the replay did not finish.").arg(guardMs / 1000);
        loop.quit();
    });
    guard.start(int(qMin<qint64>(guardMs, std::numeric_limits<int>::max())));
    QElapsedTimer clock;
    clock.start();
    replayer.start();
    if (!finished)
        loop.exec();
    settle(200);
    writer.stop();
    if (!writer.errorString().isEmpty()) {
        fail(writer.errorString());
        return 1;
    }

    const bool success = ok && replayer.sent() == replayer.total() && replayer.timeouts() == 0;
    say(tr("Replayed %1 of %2 messages of connection %3 to %4 in %5 s; %6 server messages arrived, %7 "
           "wait(s) timed out -> %8")
            .arg(replayer.sent())
            .arg(replayer.total())
            .arg(conn)
            .arg(replayer.targetUrl().toString())
            .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 2)
            .arg(replayer.serverMessagesReceived())
            .arg(replayer.timeouts())
            .arg(out));
    if (!success) {
        fail(message.isEmpty() ? tr("The replay did not complete.") : message);
        return 1;
    }
    return 0;
}

// --- mock --------------------------------------------------------------------------------------

namespace {

// HOST:PORT, [IPv6]:PORT; "localhost" is 127.0.0.1. Port 0 picks a free one.
bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    QString host;
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const int close = text.indexOf(QLatin1String("]:"));
        if (close < 0)
            return false;
        host = text.mid(1, close - 1);
        portText = text.mid(close + 2);
    } else {
        const int colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0)
            return false;
        host = text.left(colon);
        portText = text.mid(colon + 1);
    }
    bool ok = false;
    const uint p = portText.toUInt(&ok);
    if (!ok || p > 65535)
        return false;
    *port = quint16(p);
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        *address = QHostAddress(QHostAddress::LocalHost);
        return true;
    }
    return address->setAddress(host);
}

} // namespace

int runMock(const QStringList &arguments)
{
    QString session, listen, out;
    quint32 conn = 0;
    bool once = false;
    bool allowRemote = false;
    ArgWalker a(arguments);
    while (a.next()) {
        if (a.is("--listen")) {
            if (!a.value(&listen))
                return 2;
        } else if (a.is("--conn")) {
            if (!a.connection(&conn))
                return 2;
        } else if (a.is("--out")) {
            if (!a.value(&out))
                return 2;
        } else if (a.is("--once")) {
            once = true;
        } else if (a.is("--allow-remote")) {
            allowRemote = true;
        } else if (a.isOption()) {
            a.unknown("mock");
            return 2;
        } else if (session.isEmpty()) {
            session = a.current();
        } else {
            fail(tr("mock takes one session file; got '%1' and '%2'.").arg(session, a.current()));
            return 2;
        }
    }
    if (session.isEmpty() || listen.isEmpty()) {
        fail(tr("mock needs a session file and --listen HOST:PORT, e.g. wsscope mock run.wsscope --listen "
                "127.0.0.1:8080"));
        return 2;
    }
    QHostAddress address;
    quint16 port = 0;
    if (!parseListen(listen, &address, &port)) {
        fail(tr("--listen takes an IP address and a port such as 127.0.0.1:8080 or [::1]:8080, got '%1'.")
                 .arg(listen));
        return 2;
    }
    if (!address.isLoopback() && !allowRemote) {
        fail(tr("Refusing to listen on %1: other machines could then fetch the recorded messages, which may "
                "hold private data; add --allow-remote if that is intended.")
                 .arg(listen));
        return 2;
    }
    if (!out.isEmpty() && QFileInfo(out).absoluteFilePath() == QFileInfo(session).absoluteFilePath()) {
        fail(tr("--out must name another file than the session being served."));
        return 2;
    }

    EventLog recorded;
    if (!loadSession(session, &recorded) || !chooseConnection(recorded, session, &conn))
        return 2;
    EventLog log;
    MockServer mock(&log);
    if (!mock.load(recorded, conn)) {
        fail(mock.errorString());
        return 2;
    }
    mock.setOnce(once);
    SessionWriter writer;
    if (!out.isEmpty() && !writer.start(&log, out)) {
        fail(writer.errorString());
        return 2;
    }

    // A flag the handler may set (async-signal-safe) and a timer that looks at it: the event loop
    // then ends normally, so the output file is completed.
    g_stopRequested = 0;
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);

    if (!mock.listen(address, port)) {
        fail(mock.errorString());
        return 1;
    }
    say(QStringLiteral("LISTENING %1").arg(mock.url().toString()));

    QEventLoop loop;
    bool stoppedBySignal = false;
    QObject::connect(&mock, &MockServer::clientFinished, &loop,
                     [&](quint32, const QString &summary) { say(summary); });
    QObject::connect(&mock, &MockServer::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (g_stopRequested) {
            stoppedBySignal = true;
            loop.quit();
        }
    });
    poll.start(100);
    loop.exec();
    poll.stop();
    mock.stop();
    settle(100);
    writer.stop();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    if (!writer.errorString().isEmpty()) {
        fail(writer.errorString());
        return 1;
    }
    if (stoppedBySignal)
        say(tr("Stopped; served %n client(s).", nullptr, mock.clientsServed()) +
            (out.isEmpty() ? QString() : QStringLiteral(" -> ") + out));
    else if (!out.isEmpty())
        say(tr("Wrote what was served to %1").arg(out));
    return 0;
}

// --- diff --------------------------------------------------------------------------------------

int runDiff(const QStringList &arguments)
{
    QStringList files;
    quint32 connA = 0, connB = 0;
    SessionDiff::Options options;
    ArgWalker a(arguments);
    while (a.next()) {
        QString v;
        if (a.is("--conn-a")) {
            if (!a.connection(&connA))
                return 2;
        } else if (a.is("--conn-b")) {
            if (!a.connection(&connB))
                return 2;
        } else if (a.is("--ignore")) {
            if (!a.value(&v))
                return 2;
            QString error;
            if (!SessionDiff::isValidPath(v, &error)) {
                fail(tr("--ignore '%1' is not a valid path: %2").arg(v, error));
                return 2;
            }
            options.ignorePaths.append(v);
        } else if (a.is("--ignore-regex")) {
            if (!a.value(&v))
                return 2;
            const QRegularExpression re(v);
            if (!re.isValid()) {
                fail(tr("--ignore-regex '%1' is not a valid regular expression: %2 at offset %3.")
                         .arg(v, re.errorString())
                         .arg(re.patternErrorOffset()));
                return 2;
            }
            options.ignorePatterns.append(re);
        } else if (a.is("--ignore-key-order")) {
            options.ignoreKeyOrder = true;
        } else if (a.isOption()) {
            a.unknown("diff");
            return 2;
        } else {
            files.append(a.current());
        }
    }
    if (files.size() != 2) {
        fail(tr("diff compares two session files: wsscope diff A.wsscope B.wsscope [options]"));
        return 2;
    }
    EventLog logA, logB;
    if (!loadSession(files.at(0), &logA) || !chooseConnection(logA, files.at(0), &connA))
        return 2;
    if (!loadSession(files.at(1), &logB) || !chooseConnection(logB, files.at(1), &connB))
        return 2;

    const SessionDiff diff = SessionDiff::compare(logA, connA, logB, connB, options);
    say(tr("Comparing connection %1 of %2 (A) with connection %3 of %4 (B)")
            .arg(connA)
            .arg(files.at(0))
            .arg(connB)
            .arg(files.at(1)));
    // Users count messages from 1; "-" where a message exists on one side only.
    auto index = [](int i) { return i < 0 ? QStringLiteral("-") : QString::number(i + 1); };
    for (const Direction dir : {Direction::Out, Direction::In}) {
        bool heading = false;
        for (const SessionDiff::Entry &e : diff.entries()) {
            if (e.dir != dir || e.status == SessionDiff::Status::Same)
                continue;
            if (!heading) {
                say(dir == Direction::Out ? tr("Client to server:") : tr("Server to client:"));
                heading = true;
            }
            QString line =
                QStringLiteral("  %1 A#%2 B#%3  %4")
                    .arg(SessionDiff::statusName(e.status).leftJustified(8), index(e.indexA).leftJustified(4),
                         index(e.indexB).leftJustified(4), e.description);
            if (!e.path.isEmpty())
                line += QStringLiteral("  [%1]").arg(e.path);
            say(line);
        }
    }
    const SessionDiff::Summary s = diff.summary();
    say(tr("same %1, changed %2, missing %3, extra %4")
            .arg(s.same)
            .arg(s.changed)
            .arg(s.missing)
            .arg(s.extra));
    return diff.identical() ? 0 : 1;
}

// --- export ------------------------------------------------------------------------------------

int runExport(const QStringList &arguments)
{
    enum class Format { None, Har, Ndjson, Csv, Payloads };
    Format format = Format::None;
    int formats = 0;
    QString session, out;
    quint32 conn = 0;
    bool redact = false, noRedact = false;
    QStringList headers, queries;
    ArgWalker a(arguments);
    while (a.next()) {
        QString v;
        auto take = [&](Format f) {
            format = f;
            ++formats;
            return a.value(&out);
        };
        if (a.is("--har")) {
            if (!take(Format::Har))
                return 2;
        } else if (a.is("--ndjson")) {
            if (!take(Format::Ndjson))
                return 2;
        } else if (a.is("--csv")) {
            if (!take(Format::Csv))
                return 2;
        } else if (a.is("--payloads")) {
            if (!take(Format::Payloads))
                return 2;
        } else if (a.is("--conn")) {
            if (!a.connection(&conn))
                return 2;
        } else if (a.is("--redact")) {
            redact = true;
        } else if (a.is("--no-redact")) {
            noRedact = true;
        } else if (a.is("--redact-header")) {
            if (!a.value(&v))
                return 2;
            headers.append(v);
        } else if (a.is("--redact-query")) {
            if (!a.value(&v))
                return 2;
            queries.append(v);
        } else if (a.isOption()) {
            a.unknown("export");
            return 2;
        } else if (session.isEmpty()) {
            session = a.current();
        } else {
            fail(tr("export takes one session file; got '%1' and '%2'.").arg(session, a.current()));
            return 2;
        }
    }
    if (session.isEmpty() || formats != 1) {
        fail(tr("export needs a session file and one of --har, --ndjson, --csv OUT or --payloads DIR, e.g. "
                "wsscope export run.wsscope --har run.har"));
        return 2;
    }
    if (redact && noRedact) {
        fail(tr("--redact and --no-redact contradict each other; give one of them."));
        return 2;
    }
    if (QFileInfo(out).absoluteFilePath() == QFileInfo(session).absoluteFilePath()) {
        fail(tr("The export must go to another file than the session itself."));
        return 2;
    }

    EventLog log;
    if (!loadSession(session, &log))
        return 2;
    if (conn != 0 && !chooseConnection(log, session, &conn))
        return 2;

    if (format == Format::Har) {
        // HAR files get shared: the credentials headers are hidden unless --no-redact says otherwise.
        Redaction redaction = noRedact ? Redaction::none() : Redaction();
        QStringList names = redaction.headerNames();
        for (const QString &h : std::as_const(headers))
            if (!names.contains(h, Qt::CaseInsensitive))
                names.append(h);
        redaction.setHeaderNames(names);
        redaction.setQueryParameterNames(queries);
        HarExport har;
        har.setRedaction(redaction);
        if (conn != 0)
            har.setConnections({conn});
        if (!har.save(log, out)) {
            fail(har.errorString());
            return 1;
        }
        QString hidden;
        if (redaction.isEmpty()) {
            hidden = tr("nothing redacted");
        } else {
            QStringList parts;
            if (!redaction.headerNames().isEmpty())
                parts.append(tr("headers %1").arg(redaction.headerNames().join(QStringLiteral(", "))));
            if (!redaction.queryParameterNames().isEmpty())
                parts.append(tr("query parameters %1")
                                 .arg(redaction.queryParameterNames().join(QStringLiteral(", "))));
            hidden = tr("redacted %1").arg(parts.join(QStringLiteral("; ")));
        }
        say(tr("Exported %1 connection(s) with %2 messages to %3 as HAR (%4)")
                .arg(har.entriesWritten())
                .arg(har.messagesWritten())
                .arg(out, hidden));
        return 0;
    }

    // NDJSON, CSV and payload files carry messages only, no headers or URLs: the redaction options
    // have nothing to act on there (and payloads are never redacted).
    MessageExport exporter;
    exporter.setConnection(conn);
    if (format == Format::Payloads) {
        if (!exporter.writePayloadFiles(log, out)) {
            fail(exporter.errorString());
            return 1;
        }
        say(tr("Wrote %1 message files to %2")
                .arg(exporter.messagesWritten())
                .arg(QDir::toNativeSeparators(out)));
        return 0;
    }
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly)) {
        fail(tr("Could not write %1: %2.").arg(out, file.errorString()));
        return 1;
    }
    const bool written =
        format == Format::Ndjson ? exporter.writeNdjson(log, &file) : exporter.writeCsv(log, &file);
    if (!written) {
        file.cancelWriting();
        fail(exporter.errorString());
        return 1;
    }
    if (!file.commit()) {
        fail(tr("Could not write %1: %2.").arg(out, file.errorString()));
        return 1;
    }
    say(tr("Exported %1 messages to %2 as %3")
            .arg(exporter.messagesWritten())
            .arg(out, format == Format::Ndjson ? QStringLiteral("NDJSON") : QStringLiteral("CSV")));
    return 0;
}

// --- import ------------------------------------------------------------------------------------

int runImport(const QStringList &arguments)
{
    QString har, out;
    ArgWalker a(arguments);
    while (a.next()) {
        if (a.is("--out")) {
            if (!a.value(&out))
                return 2;
        } else if (a.isOption()) {
            a.unknown("import");
            return 2;
        } else if (har.isEmpty()) {
            har = a.current();
        } else {
            fail(tr("import takes one HAR file; got '%1' and '%2'.").arg(har, a.current()));
            return 2;
        }
    }
    if (har.isEmpty() || out.isEmpty()) {
        fail(tr("import needs a HAR file and --out SESSION, e.g. wsscope import capture.har --out "
                "capture.wsscope"));
        return 2;
    }
    if (!QFileInfo(har).isFile()) {
        fail(tr("The HAR file %1 does not exist.").arg(har));
        return 2;
    }
    if (QFileInfo(out).absoluteFilePath() == QFileInfo(har).absoluteFilePath()) {
        fail(tr("--out must name another file than the HAR file."));
        return 2;
    }
    EventLog log;
    HarImport import;
    if (!import.read(har, &log)) {
        fail(tr("%1: %2").arg(har, import.errorString()));
        return 2;
    }
    QString error;
    if (!SessionWriter::save(log, out, &error)) {
        fail(error);
        return 1;
    }
    QString line = tr("Imported %1 WebSocket connection(s) with %2 messages from %3 -> %4")
                       .arg(import.connections().size())
                       .arg(import.messagesRead())
                       .arg(har, out);
    if (import.otherEntries() > 0)
        line += QStringLiteral("; ") + tr("%n other request(s) skipped", nullptr, int(import.otherEntries()));
    if (import.skippedMessages() > 0)
        line += QStringLiteral("; ") + tr("%n unreadable message(s) skipped", nullptr, int(import.skippedMessages()));
    say(line);
    return 0;
}

} // namespace wsscope
