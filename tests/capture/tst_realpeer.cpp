#include "capturetesthelpers.h"
#include "clientconnection.h"
#include "eventlog.h"
#include "peerprocess.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wsscope;
using namespace wsscope::test;

namespace {

constexpr int Timeout = 10000;

struct Message
{
    QString type; // "text" | "binary"
    QByteArray data;
    bool operator==(const Message &o) const { return type == o.type && data == o.data; }
};

char *toString(const Message &m)
{
    return qstrdup(QStringLiteral("%1:%2").arg(m.type, QString::fromLatin1(m.data.toHex())).toUtf8());
}

// Complete data messages of one direction, reassembled from the recorded frames (RFC 6455 §5.4).
QList<Message> recordedMessages(const EventLog &log, quint32 conn, Direction dir)
{
    QList<Message> out;
    Message current;
    bool inMessage = false;
    for (const LoggedEvent &f : framesOf(log, conn, dir)) {
        const quint8 op = f.record.opcode;
        if (op == Opcode::Text || op == Opcode::Binary) {
            current =
                Message{op == Opcode::Text ? QStringLiteral("text") : QStringLiteral("binary"), f.payload};
            inMessage = true;
        } else if (op == Opcode::Continuation && inMessage) {
            current.data += f.payload;
        } else {
            continue;
        }
        if (f.record.fin()) {
            out.append(current);
            inMessage = false;
        }
    }
    return out;
}

QList<QByteArray> recordedControl(const EventLog &log, quint32 conn, Direction dir, quint8 opcode)
{
    QList<QByteArray> out;
    for (const LoggedEvent &f : framesOf(log, conn, dir))
        if (f.record.opcode == opcode)
            out.append(f.payload);
    return out;
}

QList<QJsonObject> peerEvents(const QList<QJsonObject> &log, const QString &event)
{
    QList<QJsonObject> out;
    for (const QJsonObject &o : log)
        if (o.value("event").toString() == event)
            out.append(o);
    return out;
}

QList<Message> peerMessages(const QList<QJsonObject> &log, const QString &event)
{
    QList<Message> out;
    for (const QJsonObject &o : peerEvents(log, event))
        out.append(Message{o.value("type").toString(),
                           QByteArray::fromBase64(o.value("data_b64").toString().toLatin1())});
    return out;
}

QList<QByteArray> peerPayloads(const QList<QJsonObject> &log, const QString &event)
{
    QList<QByteArray> out;
    for (const QJsonObject &o : peerEvents(log, event))
        out.append(QByteArray::fromBase64(o.value("data_b64").toString().toLatin1()));
    return out;
}

} // namespace

// Everything python3-websockets says it sent and received must be in the EventLog, count for count
// and byte for byte: the Tap neither loses, invents nor reorders anything.
class TestRealPeer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyFrameAccountedFor();
    void peerDropsConnection();

private:
    QString m_skip;
};

void TestRealPeer::initTestCase()
{
    m_skip = PeerProcess::unavailableReason();
}

void TestRealPeer::everyFrameAccountedFor()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString logPath = dir.filePath(QStringLiteral("peer.log"));
    PeerProcess peer;
    const quint16 port =
        peer.start({QStringLiteral("--mode"), QStringLiteral("script"), QStringLiteral("--ping-interval"),
                    QStringLiteral("0.1"), QStringLiteral("--log"), logPath, QStringLiteral("--lifetime"),
                    QStringLiteral("60")});
    QVERIFY2(port != 0, qPrintable(peer.error()));

    EventLog log;
    ClientConnection client(&log);
    QSignalSpy opened(&client, &ClientConnection::opened);
    QSignalSpy closed(&client, &ClientConnection::closed);
    ConnectionOptions o;
    o.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/room?id=7").arg(port));
    o.outgoingFrameSize = 1000; // larger client messages go out fragmented
    client.open(o);
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, Timeout);
    const quint32 conn = client.connectionId();

    client.sendText(QStringLiteral("hello"));
    client.sendText(QStringLiteral("ünïcödé ✓"));
    client.sendText(QString());
    QByteArray blob(5000, Qt::Uninitialized);
    for (int i = 0; i < blob.size(); ++i)
        blob[i] = char(i ^ (i >> 8));
    client.sendBinary(blob);
    client.sendText(QString(2500, QLatin1Char('t')));
    client.sendText(QStringLiteral("binary 00ff7f80"));
    client.sendText(QStringLiteral("fragments ab|cd|ef"));
    client.sendText(QStringLiteral("ping server-says-hi"));
    client.ping("client-ping");
    // Let the peer's own pings (every 100 ms) come and be answered.
    QTest::qWait(450);
    client.sendText(QStringLiteral("close 4001 custom"));
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, Timeout);
    QCOMPARE(closed.first().at(0).toInt(), 4001);
    QCOMPARE(closed.first().at(1).toString(), QStringLiteral("custom"));
    QCOMPARE(closed.first().at(2).toBool(), true);

    QList<QJsonObject> peerLog;
    QTRY_VERIFY_WITH_TIMEOUT(!peerEvents(peerLog = PeerProcess::readLog(logPath), "disconnected").isEmpty(),
                             Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(countKind(log, conn, EventKind::Close), 1, Timeout);

    // Data messages, both ways, in order.
    const QList<Message> peerReceived = peerMessages(peerLog, "received");
    const QList<Message> peerSent = peerMessages(peerLog, "sent");
    QCOMPARE(peerReceived.size(), 9);
    QCOMPARE(recordedMessages(log, conn, Direction::Out), peerReceived);
    QCOMPARE(recordedMessages(log, conn, Direction::In), peerSent);

    // The peer's fragmented message arrived as the fragments it logged (plus the library's empty final
    // frame).
    QByteArrayList fragments;
    for (const auto &f : framesOf(log, conn, Direction::In))
        if (f.record.opcode == Opcode::Continuation || (!f.record.fin() && f.record.opcode == Opcode::Text))
            fragments << f.payload;
    QCOMPARE(fragments, (QByteArrayList{"ab", "cd", "ef", ""}));
    // Ours went out in 1000-byte frames.
    int clientFrames = 0;
    for (const auto &f : framesOf(log, conn, Direction::Out))
        if (f.record.opcode <= Opcode::Binary)
            ++clientFrames;
    QCOMPARE(clientFrames, 7 + 5 + 3); // seven short messages, 5000 and 2500 bytes split

    // Control frames, count for count and byte for byte.
    const QList<QByteArray> serverPings = peerPayloads(peerLog, "ping_sent");
    QVERIFY(serverPings.size() >= 3); // "server-says-hi" and the periodic p1, p2, ...
    QCOMPARE(recordedControl(log, conn, Direction::In, Opcode::Ping), serverPings);
    QCOMPARE(recordedControl(log, conn, Direction::Out, Opcode::Pong),
             peerPayloads(peerLog, "pong_received"));
    QCOMPARE(recordedControl(log, conn, Direction::Out, Opcode::Ping),
             peerPayloads(peerLog, "ping_received"));
    QCOMPARE(recordedControl(log, conn, Direction::In, Opcode::Pong), peerPayloads(peerLog, "pong_sent"));
    QCOMPARE(recordedControl(log, conn, Direction::Out, Opcode::Ping), (QList<QByteArray>{"client-ping"}));

    // The closing handshake: the peer's close frame and QWebSocket's answer.
    const auto closeSent = peerEvents(peerLog, "close_sent");
    const auto closeReceived = peerEvents(peerLog, "close_received");
    QCOMPARE(closeSent.size(), 1);
    QCOMPARE(closeSent.first().value("code").toInt(), 4001);
    const QList<QByteArray> inClose = recordedControl(log, conn, Direction::In, Opcode::Close);
    const QList<QByteArray> outClose = recordedControl(log, conn, Direction::Out, Opcode::Close);
    QCOMPARE(inClose, (QList<QByteArray>{QByteArray("\x0f\xa1") + "custom"}));
    QCOMPARE(outClose.size(), closeReceived.size());
    QCOMPARE(outClose.size(), 1);
    QCOMPARE(int(quint8(outClose[0][0])) << 8 | quint8(outClose[0][1]),
             closeReceived.first().value("code").toInt());

    const QJsonObject close = eventsOf(log, conn, int(EventKind::Close)).first().details;
    QCOMPARE(close.value("initiator").toString(), QStringLiteral("server"));
    QCOMPARE(close.value("code").toInt(), 4001);
    QCOMPARE(close.value("reason").toString(), QStringLiteral("custom"));
    QCOMPARE(close.value("clean").toBool(), true);
    QCOMPARE(countKind(log, conn, EventKind::Violation), 0);

    // The peer saw the request as we recorded it.
    const auto connected = peerEvents(peerLog, "connected");
    QCOMPARE(connected.size(), 1);
    QCOMPARE(connected.first().value("path").toString(), QStringLiteral("/room?id=7"));
    const auto hs = eventsOf(log, conn, int(EventKind::Handshake));
    QCOMPARE(hs.size(), 2);
    QCOMPARE(hs[0].details.value("headers").toArray(), connected.first().value("request_headers").toArray());
}

void TestRealPeer::peerDropsConnection()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    PeerProcess peer;
    const quint16 port = peer.start({QStringLiteral("--mode"), QStringLiteral("script")});
    QVERIFY2(port != 0, qPrintable(peer.error()));
    EventLog log;
    ClientConnection client(&log);
    QSignalSpy opened(&client, &ClientConnection::opened);
    QSignalSpy closed(&client, &ClientConnection::closed);
    ConnectionOptions o;
    o.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port));
    client.open(o);
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, Timeout);
    client.sendText(QStringLiteral("drop"));
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, Timeout);
    QCOMPARE(closed.first().at(0).toInt(), 1006);
    QCOMPARE(closed.first().at(2).toBool(), false);
    const QJsonObject close = eventsOf(log, client.connectionId(), int(EventKind::Close)).first().details;
    QCOMPARE(close.value("initiator").toString(), QStringLiteral("none"));
    QCOMPARE(close.value("code").toInt(), 1006);
    QCOMPARE(close.value("clean").toBool(), false);
}

QTEST_GUILESS_MAIN(TestRealPeer)
#include "tst_realpeer.moc"
