// The translations embedded in wsscope: Korean for a Korean locale, real English plurals for an
// English one, and catalogs (translations/*.ts) with every message finished.
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Qt reads the locale from these variables itself, so no system locale needs to be installed.
Run runIn(const QString &locale, const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), locale + QStringLiteral(".UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), locale + QStringLiteral(".UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), locale.left(2));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(WSSCOPE_EXE), arguments);
    Run r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    QStringList forms; // the translation, or its numerus forms
};

QList<Message> readCatalog(const QString &path, QString *language)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = Message();
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const QXmlStreamAttributes a = xml.attributes();
            m.unfinished = a.value(QLatin1String("type")) == QLatin1String("unfinished");
            if (m.numerus) {
                while (xml.readNextStartElement())
                    m.forms << xml.readElementText();
            } else {
                m.forms << xml.readElementText();
            }
            messages << m;
        }
    }
    if (xml.hasError())
        qWarning("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

QString catalogPath(const char *name)
{
    return QStringLiteral(WSSCOPE_TEST_DATA "/../../translations/") + QLatin1String(name);
}

// Placeholders, which a translation must keep: %1..%99, %n, %Ln, and QProgressBar's %v and %m.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)|%[vm]"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

QString describe(const Message &m)
{
    return m.context + QStringLiteral(": ") + m.source.left(70);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void koreanHelp()
    {
        const Run r = runIn(QStringLiteral("ko_KR"), {QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("사용법:")), qPrintable(r.out.left(200)));
        QVERIFY(r.out.contains(QStringLiteral("세션 파일")));
        // Options stay as they are typed.
        QVERIFY(r.out.contains(QStringLiteral("--subprotocol P")));
        QVERIFY(!r.out.contains(QStringLiteral("Usage:")));
    }

    void englishHelp()
    {
        const Run r = runIn(QStringLiteral("en_US"), {QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Usage:")), qPrintable(r.out.left(200)));
    }

    void koreanError()
    {
        const Run r = runIn(QStringLiteral("ko_KR"), {QStringLiteral("show"), QStringLiteral("/nonexistent/x.wsscope")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QRegularExpression(QStringLiteral("[가-힣]{2}"))), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("/nonexistent/x.wsscope")), qPrintable(r.err));
    }

    // A numerus text written "(s)" in the source reads as real English, and as Korean.
    void plurals_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<int>("others");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en 1") << QStringLiteral("en_US") << 1 << QStringLiteral("(it has 1 other request).");
        QTest::newRow("en 3") << QStringLiteral("en_US") << 3 << QStringLiteral("(it has 3 other requests).");
        QTest::newRow("ko 3") << QStringLiteral("ko_KR") << 3 << QStringLiteral("다른 요청 3개");
    }

    void plurals()
    {
        QFETCH(QString, locale);
        QFETCH(int, others);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList entries;
        for (int i = 0; i < others; ++i)
            entries << QStringLiteral("{\"startedDateTime\":\"2024-01-01T00:00:00.000Z\",\"time\":1,"
                                      "\"request\":{\"method\":\"GET\",\"url\":\"http://127.0.0.1/%1\","
                                      "\"httpVersion\":\"HTTP/1.1\",\"headers\":[]},"
                                      "\"response\":{\"status\":200,\"statusText\":\"OK\","
                                      "\"httpVersion\":\"HTTP/1.1\",\"headers\":[]}}")
                           .arg(i);
        const QString har = dir.filePath(QStringLiteral("plain.har"));
        QFile f(har);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"t\",\"version\":\"1\"},"
                               "\"entries\":[%1]}}")
                    .arg(entries.join(QLatin1Char(',')))
                    .toUtf8());
        f.close();
        const Run r = runIn(locale, {QStringLiteral("import"), har, QStringLiteral("--out"),
                                     dir.filePath(QStringLiteral("out.wsscope"))});
        QVERIFY2(r.exitCode != 0, qPrintable(r.out));
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    }

    void koreanCatalogFinished()
    {
        QString language;
        const QList<Message> messages = readCatalog(catalogPath("wsscope_ko.ts"), &language);
        QCOMPARE(language, QStringLiteral("ko_KR"));
        QVERIFY(messages.size() > 100);
        QStringList problems;
        for (const Message &m : messages) {
            if (m.unfinished)
                problems << QStringLiteral("unfinished: ") + describe(m);
            else if (m.forms.size() != 1 || m.forms.first().isEmpty())
                problems << QStringLiteral("Korean has one form, not %1: ").arg(m.forms.size()) + describe(m);
            else if (placeholders(m.source) != placeholders(m.forms.first()))
                problems << QStringLiteral("placeholders differ: ") + describe(m);
            else if (m.source.count(QLatin1Char('&')) != m.forms.first().count(QLatin1Char('&')))
                problems << QStringLiteral("accelerator lost: ") + describe(m);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(QLatin1Char('\n'))));
    }

    void englishCatalogPlurals()
    {
        QString language;
        const QList<Message> messages = readCatalog(catalogPath("wsscope_en.ts"), &language);
        QCOMPARE(language, QStringLiteral("en_US"));
        QVERIFY(!messages.isEmpty());
        QStringList problems;
        for (const Message &m : messages) {
            if (!m.numerus)
                problems << QStringLiteral("only plural texts belong here: ") + describe(m);
            else if (m.unfinished || m.forms.size() != 2)
                problems << QStringLiteral("needs its singular and plural: ") + describe(m);
            else if (m.forms.join(QString()).contains(QLatin1String("(s)")))
                problems << QStringLiteral("still (s): ") + describe(m);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
