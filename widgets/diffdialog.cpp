#include "diffdialog.h"

#include "connectionlistmodel.h"
#include "diffview.h"
#include "eventlog.h"
#include "messages.h"
#include "rulelisteditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>
#include <QVBoxLayout>

namespace wsscope {

DiffDialog::DiffDialog(EventLog *log, QWidget *parent) : QDialog(parent), m_log(log)
{
    setWindowTitle(tr("Compare Connections"));
    setObjectName(QStringLiteral("diffDialog"));

    m_comboA = new QComboBox(this);
    m_comboB = new QComboBox(this);
    for (QComboBox *combo : {m_comboA, m_comboB}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(40);
    }
    m_swap = new QPushButton(tr("S&wap"), this);
    m_swap->setToolTip(tr("Compare B with A instead"));
    m_keyOrder = new QCheckBox(tr("Ignore the order of &keys in JSON objects"), this);

    m_paths = new RuleListEditor(
        tr("JSON path to ignore, e.g. $.timestamp or $..id"),
        [](const QString &rule, QString *error) { return SessionDiff::isValidPath(rule, error); }, this);
    m_patterns = new RuleListEditor(
        tr("Regular expression to ignore, e.g. [0-9a-f]{32}"),
        [](const QString &rule, QString *error) {
            const QRegularExpression re(rule);
            if (re.isValid())
                return true;
            if (error)
                *error = tr("This is not a valid regular expression: %1 at "
                            "character %2.")
                             .arg(re.errorString())
                             .arg(re.patternErrorOffset() + 1);
            return false;
        },
        this);

    auto *pick = new QFormLayout;
    auto *rowA = new QHBoxLayout;
    rowA->addWidget(m_comboA, 1);
    rowA->addWidget(m_swap);
    auto *labelA = new QLabel(tr("Connection &A:"), this);
    labelA->setBuddy(m_comboA);
    pick->addRow(labelA, rowA);
    pick->addRow(tr("Connection &B:"), m_comboB);
    pick->addRow(QString(), m_keyOrder);

    auto *pathBox = new QGroupBox(tr("Ignore JSON paths"), this);
    (new QVBoxLayout(pathBox))->addWidget(m_paths);
    auto *patternBox = new QGroupBox(tr("Ignore text matching"), this);
    (new QVBoxLayout(patternBox))->addWidget(m_patterns);
    auto *rules = new QHBoxLayout;
    rules->addWidget(pathBox);
    rules->addWidget(patternBox);

    m_view = new DiffView(this);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *again = buttons->addButton(tr("Compare &Again"), QDialogButtonBox::ActionRole);
    again->setToolTip(tr("Compare once more, with the messages recorded since"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(again, &QPushButton::clicked, this, &DiffDialog::compare);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addLayout(rules);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);

    fillCombos();
    connect(m_log, &EventLog::connectionAdded, this, &DiffDialog::fillCombos);
    connect(m_comboA, &QComboBox::currentIndexChanged, this, &DiffDialog::scheduleCompare);
    connect(m_comboB, &QComboBox::currentIndexChanged, this, &DiffDialog::scheduleCompare);
    connect(m_swap, &QPushButton::clicked, this, [this] { setConnections(connectionB(), connectionA()); });
    connect(m_keyOrder, &QCheckBox::toggled, this, &DiffDialog::scheduleCompare);
    connect(m_paths, &RuleListEditor::rulesChanged, this, &DiffDialog::scheduleCompare);
    connect(m_patterns, &RuleListEditor::rulesChanged, this, &DiffDialog::scheduleCompare);
    connect(m_view, &DiffView::messageActivated, this, &DiffDialog::messageActivated);
    resize(1180, 780);
}

DiffDialog::~DiffDialog() = default;

QString DiffDialog::connectionLabel(const EventLog &log, quint32 conn)
{
    const QJsonObject d = log.connection(conn).details;
    QString label = tr("#%1 %2").arg(conn).arg(d.value(QLatin1String("url")).toString());
    const QJsonObject replayOf = d.value(QLatin1String("replayOf")).toObject();
    if (!replayOf.isEmpty())
        return label + QLatin1Char(' ') +
               tr("(replay of #%1)").arg(replayOf.value(QLatin1String("conn")).toInteger());
    if (d.contains(QLatin1String("mockOf")))
        return label + QLatin1Char(' ') +
               tr("(mock of #%1)").arg(d.value(QLatin1String("mockOf")).toInteger());
    const QString source = d.value(QLatin1String("source")).toString();
    if (!source.isEmpty() && source != QLatin1String("client"))
        label += QStringLiteral(" (%1)").arg(ConnectionListModel::sourceName(source));
    return label;
}

quint32 DiffDialog::defaultPartner(const EventLog &log, quint32 a)
{
    const QList<ConnectionRecord> all = log.connections();
    quint32 replay = 0;
    quint32 mock = 0;
    quint32 other = 0;
    for (const ConnectionRecord &c : all) {
        if (c.id == a)
            continue;
        if (quint32(c.details.value(QLatin1String("replayOf"))
                        .toObject()
                        .value(QLatin1String("conn"))
                        .toInteger()) == a)
            replay = qMax(replay, c.id);
        if (c.details.contains(QLatin1String("mockOf")) &&
            quint32(c.details.value(QLatin1String("mockOf")).toInteger()) == a)
            mock = qMax(mock, c.id);
        other = qMax(other, c.id);
    }
    if (replay)
        return replay;
    if (mock)
        return mock;
    const QJsonObject self = log.connection(a).details;
    const quint32 original =
        quint32(self.value(QLatin1String("replayOf")).toObject().value(QLatin1String("conn")).toInteger());
    if (original && log.connection(original).id == original)
        return original;
    return other;
}

void DiffDialog::fillCombos()
{
    const quint32 a = connectionA();
    const quint32 b = connectionB();
    {
        const QSignalBlocker blockA(m_comboA);
        const QSignalBlocker blockB(m_comboB);
        m_comboA->clear();
        m_comboB->clear();
        for (const ConnectionRecord &c : m_log->connections()) {
            const QString label = connectionLabel(*m_log, c.id);
            m_comboA->addItem(label, c.id);
            m_comboB->addItem(label, c.id);
        }
        m_comboA->setCurrentIndex(qMax(0, m_comboA->findData(a)));
        m_comboB->setCurrentIndex(qMax(0, m_comboB->findData(b)));
    }
    if (connectionA() != a || connectionB() != b)
        scheduleCompare();
}

void DiffDialog::setConnections(quint32 a, quint32 b)
{
    {
        const QSignalBlocker blockA(m_comboA);
        const QSignalBlocker blockB(m_comboB);
        if (a) {
            const int i = m_comboA->findData(a);
            if (i >= 0)
                m_comboA->setCurrentIndex(i);
        }
        if (b) {
            const int i = m_comboB->findData(b);
            if (i >= 0)
                m_comboB->setCurrentIndex(i);
        }
    }
    scheduleCompare();
}

quint32 DiffDialog::connectionA() const
{
    return m_comboA->currentData().toUInt();
}

quint32 DiffDialog::connectionB() const
{
    return m_comboB->currentData().toUInt();
}

SessionDiffOptions DiffDialog::options() const
{
    SessionDiffOptions o;
    o.ignoreKeyOrder = m_keyOrder->isChecked();
    o.ignorePaths = m_paths->rules();
    for (const QString &p : m_patterns->rules())
        o.ignorePatterns.append(QRegularExpression(p));
    return o;
}

void DiffDialog::setIgnoreKeyOrder(bool ignore)
{
    m_keyOrder->setChecked(ignore);
}

bool DiffDialog::addIgnorePath(const QString &path)
{
    return m_paths->addRule(path);
}

bool DiffDialog::addIgnorePattern(const QString &pattern)
{
    return m_patterns->addRule(pattern);
}

void DiffDialog::scheduleCompare()
{
    // Several choices often change together (swap, a new rule): compare once for all of them.
    if (m_comparePending)
        return;
    m_comparePending = true;
    QTimer::singleShot(0, this, [this] {
        if (m_comparePending)
            compare();
    });
}

void DiffDialog::compare()
{
    m_comparePending = false;
    const quint32 a = connectionA();
    const quint32 b = connectionB();
    if (!a || !b) {
        m_view->clear();
        emit compared();
        return;
    }
    const QList<DataMessage> messagesA = Messages::extract(*m_log, a);
    const QList<DataMessage> messagesB = Messages::extract(*m_log, b);
    m_view->setDiff(SessionDiff::compare(messagesA, messagesB, options()), messagesA, messagesB, a, b);
    emit compared();
}

} // namespace wsscope
