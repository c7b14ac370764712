#include "filterbar.h"

#include "timelinemodel.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>

namespace wsscope {

FilterBar::FilterBar(QWidget *parent) : QWidget(parent)
{
    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("Find in payloads…"));
    m_text->setClearButtonEnabled(true);
    m_text->setMinimumWidth(220);
    m_text->setToolTip(tr("Searches the payload bytes of every frame (Enter: next match)."));

    m_regex = new QCheckBox(tr("Rege&x"), this);
    m_regex->setToolTip(tr("Treat the text as a regular expression."));
    m_case = new QCheckBox(tr("Match &case"), this);
    m_onlyMatching = new QCheckBox(tr("Only &matching"), this);
    m_onlyMatching->setChecked(true);
    m_onlyMatching->setToolTip(tr("Hide rows that do not match; when off, matches are marked and "
                                  "F3 moves between them."));
    m_direction = new QComboBox(this);
    m_direction->addItem(tr("Both directions"), int(TimelineFilter::Directions::Both));
    m_direction->addItem(tr("\u2192 Sent only"), int(TimelineFilter::Directions::Out));
    m_direction->addItem(tr("\u2190 Received only"), int(TimelineFilter::Directions::In));
    m_hideControl = new QCheckBox(tr("Hide &control frames"), this);
    m_hideControl->setToolTip(tr("Hide ping, pong and close frames."));
    m_problemsOnly = new QCheckBox(tr("&Violations only"), this);
    m_problemsOnly->setToolTip(tr("Show only protocol violations and errors."));

    m_count = new QLabel(this);
    m_count->setMinimumWidth(110);
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_previous = new QToolButton(this);
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setAutoRaise(true);
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_next = new QToolButton(this);
    m_next->setArrowType(Qt::DownArrow);
    m_next->setAutoRaise(true);
    m_next->setToolTip(tr("Next match (F3)"));
    m_close = new QToolButton(this);
    m_close->setText(QStringLiteral("\u2715"));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close the find bar and show every row (Esc)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_text, 2);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_count);
    layout->addWidget(m_regex);
    layout->addWidget(m_case);
    layout->addWidget(m_onlyMatching);
    layout->addWidget(m_direction);
    layout->addWidget(m_hideControl);
    layout->addWidget(m_problemsOnly);
    layout->addStretch(1);
    layout->addWidget(m_close);

    m_typingTimer = new QTimer(this);
    m_typingTimer->setSingleShot(true);
    m_typingTimer->setInterval(150);
    connect(m_typingTimer, &QTimer::timeout, this, &FilterBar::apply);
    connect(m_text, &QLineEdit::textChanged, m_typingTimer, qOverload<>(&QTimer::start));
    connect(m_text, &QLineEdit::returnPressed, this, [this] {
        apply();
        findNext();
    });
    for (QCheckBox *box : {m_regex, m_case, m_onlyMatching, m_hideControl, m_problemsOnly})
        connect(box, &QCheckBox::toggled, this, &FilterBar::apply);
    connect(m_direction, &QComboBox::currentIndexChanged, this, &FilterBar::apply);
    connect(m_previous, &QToolButton::clicked, this, &FilterBar::findPrevious);
    connect(m_next, &QToolButton::clicked, this, &FilterBar::findNext);
    connect(m_close, &QToolButton::clicked, this, &FilterBar::dismiss);
    updateCount();
}

void FilterBar::setModel(TimelineModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        connect(m_model, &TimelineModel::countsChanged, this, &FilterBar::updateCount);
        connect(m_model, &QAbstractItemModel::modelReset, this, &FilterBar::updateCount);
        if (isVisible())
            apply();
    }
    updateCount();
}

void FilterBar::setView(QAbstractItemView *view)
{
    m_view = view;
}

TimelineFilter FilterBar::filter() const
{
    TimelineFilter f;
    f.text = m_text->text();
    f.regularExpression = m_regex->isChecked();
    f.caseSensitivity = m_case->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    f.directions = TimelineFilter::Directions(m_direction->currentData().toInt());
    f.hideControl = m_hideControl->isChecked();
    f.problemsOnly = m_problemsOnly->isChecked();
    f.hideNonMatching = m_onlyMatching->isChecked();
    return f;
}

void FilterBar::setFilter(const TimelineFilter &f)
{
    const QSignalBlocker blockers[] = {QSignalBlocker(m_text),        QSignalBlocker(m_regex),
                                       QSignalBlocker(m_case),        QSignalBlocker(m_direction),
                                       QSignalBlocker(m_hideControl), QSignalBlocker(m_problemsOnly),
                                       QSignalBlocker(m_onlyMatching)};
    m_text->setText(f.text);
    m_regex->setChecked(f.regularExpression);
    m_case->setChecked(f.caseSensitivity == Qt::CaseSensitive);
    m_direction->setCurrentIndex(m_direction->findData(int(f.directions)));
    m_hideControl->setChecked(f.hideControl);
    m_problemsOnly->setChecked(f.problemsOnly);
    m_onlyMatching->setChecked(f.hideNonMatching);
    apply();
}

void FilterBar::apply()
{
    m_typingTimer->stop();
    const TimelineFilter f = filter();
    if (m_model && m_model->filter() != f) {
        m_model->setFilter(f);
        emit filterChanged(f);
    }
    updateCount();
}

void FilterBar::updateCount()
{
    if (!m_model) {
        m_count->clear();
        return;
    }
    const QString error = m_model->filterErrorString();
    if (!error.isEmpty()) {
        m_count->setText(tr("Invalid pattern"));
        m_count->setToolTip(error);
        m_count->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_text->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #b3261e; }"));
        return;
    }
    m_count->setToolTip(QString());
    m_text->setStyleSheet(QString());
    const TimelineFilter f = m_model->filter();
    if (f.hasText() && m_model->matchCount() == 0) {
        m_count->setText(tr("No match"));
        m_count->setStyleSheet(QStringLiteral("color: #b3261e;"));
    } else {
        m_count->setText(m_model->countText());
        m_count->setStyleSheet(QString());
    }
}

void FilterBar::activate()
{
    show();
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
    apply();
}

void FilterBar::dismiss()
{
    setFilter(TimelineFilter());
    hide();
    if (m_view)
        m_view->setFocus();
    emit dismissed();
}

void FilterBar::findNext()
{
    step(true);
}

void FilterBar::findPrevious()
{
    step(false);
}

void FilterBar::step(bool forward)
{
    if (m_typingTimer->isActive())
        apply();
    if (!m_model || !m_view)
        return;
    const int current = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
    int row = -1;
    if (m_model->filter().hasText())
        row = forward ? m_model->nextMatch(current) : m_model->previousMatch(current);
    else if (m_model->rowCount() > 0)
        row = forward ? (current + 1) % m_model->rowCount()
                      : (current <= 0 ? m_model->rowCount() - 1 : current - 1);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void FilterBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        dismiss();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace wsscope
