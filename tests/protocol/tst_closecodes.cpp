#include "closecodes.h"

#include <QSet>
#include <QtTest>

using namespace wsscope;

class TestCloseCodes : public QObject
{
    Q_OBJECT

private slots:
    void registered_data();
    void registered();
    void ranges_data();
    void ranges();
    void everyCodeHasText();
};

void TestCloseCodes::registered_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("onWire");

    // RFC 6455 §7.4.1 and the IANA registry.
    QTest::newRow("1000") << 1000 << "Normal Closure" << true;
    QTest::newRow("1001") << 1001 << "Going Away" << true;
    QTest::newRow("1002") << 1002 << "Protocol Error" << true;
    QTest::newRow("1003") << 1003 << "Unsupported Data" << true;
    QTest::newRow("1004") << 1004 << "Reserved" << false;
    QTest::newRow("1005") << 1005 << "No Status Received" << false;
    QTest::newRow("1006") << 1006 << "Abnormal Closure" << false;
    QTest::newRow("1007") << 1007 << "Invalid Frame Payload Data" << true;
    QTest::newRow("1008") << 1008 << "Policy Violation" << true;
    QTest::newRow("1009") << 1009 << "Message Too Big" << true;
    QTest::newRow("1010") << 1010 << "Mandatory Extension" << true;
    QTest::newRow("1011") << 1011 << "Internal Error" << true;
    QTest::newRow("1012") << 1012 << "Service Restart" << true;
    QTest::newRow("1013") << 1013 << "Try Again Later" << true;
    QTest::newRow("1014") << 1014 << "Bad Gateway" << true;
    QTest::newRow("1015") << 1015 << "TLS Handshake" << false;
}

void TestCloseCodes::registered()
{
    QFETCH(int, code);
    QFETCH(QString, name);
    QFETCH(bool, onWire);
    QCOMPARE(CloseCodes::name(code), name);
    QCOMPARE(CloseCodes::isValidOnWire(code), onWire);
    QVERIFY(CloseCodes::meaning(code).endsWith(QLatin1Char('.')));
}

void TestCloseCodes::ranges_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("onWire");

    QTest::newRow("negative") << -1 << "Invalid" << false;
    QTest::newRow("0") << 0 << "Invalid" << false;
    QTest::newRow("999") << 999 << "Invalid" << false;
    QTest::newRow("1016") << 1016 << "Unassigned" << false;
    QTest::newRow("2999") << 2999 << "Unassigned" << false;
    QTest::newRow("3000") << 3000 << "Registered (3000-3999)" << true;
    QTest::newRow("3999") << 3999 << "Registered (3000-3999)" << true;
    QTest::newRow("4000") << 4000 << "Private use (4000-4999)" << true;
    QTest::newRow("4999") << 4999 << "Private use (4000-4999)" << true;
    QTest::newRow("5000") << 5000 << "Invalid" << false;
    QTest::newRow("65535") << 65535 << "Invalid" << false;
}

void TestCloseCodes::ranges()
{
    QFETCH(int, code);
    QFETCH(QString, name);
    QFETCH(bool, onWire);
    QCOMPARE(CloseCodes::name(code), name);
    QCOMPARE(CloseCodes::isValidOnWire(code), onWire);
}

void TestCloseCodes::everyCodeHasText()
{
    // Every 16-bit value a close frame can carry gets a name and a one-sentence meaning; the registered
    // codes each get their own meaning, and the 1006 wording is the one users see for dropped connections.
    QSet<QString> registeredMeanings;
    for (int code = 0; code <= 65535; ++code) {
        QVERIFY(!CloseCodes::name(code).isEmpty());
        const QString meaning = CloseCodes::meaning(code);
        QVERIFY(meaning.endsWith(QLatin1Char('.')));
        QVERIFY(!meaning.contains(QLatin1Char('\n')));
        if (code >= 1000 && code <= 1015)
            registeredMeanings.insert(meaning);
    }
    QCOMPARE(registeredMeanings.size(), 16);
    QCOMPARE(CloseCodes::meaning(1006),
             QString("The connection dropped without a close frame: the TCP connection was lost or reset."));
    QVERIFY(CloseCodes::meaning(4001).contains("application"));
    QVERIFY(CloseCodes::meaning(3001).contains("library or framework"));
}

QTEST_GUILESS_MAIN(TestCloseCodes)
#include "tst_closecodes.moc"
