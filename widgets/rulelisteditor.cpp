#include "rulelisteditor.h"

#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace wsscope {

RuleListEditor::RuleListEditor(const QString &placeholder, Validator validator, QWidget *parent)
    : QWidget(parent), m_validator(std::move(validator))
{
    m_edit = new QLineEdit(this);
    m_edit->setPlaceholderText(placeholder);
    m_edit->setClearButtonEnabled(true);
    m_add = new QPushButton(tr("Add"), this);
    m_add->setEnabled(false);
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setEnabled(false);
    m_list = new QListWidget(this);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 5 + 8);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    QPalette warn = m_error->palette();
    warn.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_error->setPalette(warn);
    m_error->hide();

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 0, 0);
    layout->addWidget(m_add, 0, 1);
    layout->addWidget(m_list, 1, 0);
    layout->addWidget(m_remove, 1, 1, Qt::AlignTop);
    layout->addWidget(m_error, 2, 0, 1, 2);

    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_add->setEnabled(!text.trimmed().isEmpty());
        m_error->hide();
    });
    // Return adds the rule; it must not also reach the dialog's default button.
    m_edit->installEventFilter(this);
    connect(m_add, &QPushButton::clicked, this, &RuleListEditor::addFromLine);
    connect(m_remove, &QPushButton::clicked, this, &RuleListEditor::removeSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_list->selectedItems().isEmpty()); });
}

bool RuleListEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            addFromLine();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QStringList RuleListEditor::rules() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

void RuleListEditor::setRules(const QStringList &rules)
{
    m_list->clear();
    for (const QString &rule : rules) {
        QString error;
        if (!rule.isEmpty() && (!m_validator || m_validator(rule, &error)))
            m_list->addItem(rule);
    }
    emit rulesChanged();
}

bool RuleListEditor::addRule(const QString &text)
{
    const QString rule = text.trimmed();
    if (rule.isEmpty())
        return false;
    QString error;
    if (m_validator && !m_validator(rule, &error)) {
        m_error->setText(error.isEmpty() ? tr("This rule cannot be used; correct it and add it again.")
                                         : error);
        m_error->show();
        return false;
    }
    m_error->hide();
    if (rules().contains(rule))
        return true;
    m_list->addItem(rule);
    emit rulesChanged();
    return true;
}

void RuleListEditor::removeSelected()
{
    const QList<QListWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty())
        return;
    qDeleteAll(selected);
    emit rulesChanged();
}

QString RuleListEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void RuleListEditor::addFromLine()
{
    if (addRule(m_edit->text()))
        m_edit->clear();
}

} // namespace wsscope
