#pragma once

#include "timelinefilter.h"
#include "timelinemodel.h"

#include <QPointer>
#include <QWidget>

class QAbstractItemView;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace wsscope {

class TimelineModel;

// Find and filter for the timeline (Ctrl+F shows it): text or regular expression, case,
// direction, hide control frames, problems only. Drives TimelineModel's built-in filter and
// moves the view's current row between matches (F3 / Shift+F3).
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(QWidget *parent = nullptr);

    void setModel(TimelineModel *model);
    void setView(QAbstractItemView *view);

    TimelineFilter filter() const;
    void setFilter(const TimelineFilter &filter);

    QLineEdit *textEdit() const { return m_text; }
    QLabel *countLabel() const { return m_count; }
    QCheckBox *regexCheck() const { return m_regex; }
    QCheckBox *caseCheck() const { return m_case; }
    QComboBox *directionCombo() const { return m_direction; }
    QCheckBox *hideControlCheck() const { return m_hideControl; }
    QCheckBox *problemsOnlyCheck() const { return m_problemsOnly; }
    QCheckBox *onlyMatchingCheck() const { return m_onlyMatching; }

public slots:
    // Shows the bar, focuses the text and selects it.
    void activate();
    // Hides the bar and shows every row again.
    void dismiss();
    void findNext();
    void findPrevious();
    // Sends the fields to the model now instead of after the typing pause.
    void apply();
    void updateCount();

signals:
    void filterChanged(const wsscope::TimelineFilter &filter);
    void dismissed();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void step(bool forward);

    QPointer<TimelineModel> m_model;
    QPointer<QAbstractItemView> m_view;
    QLineEdit *m_text = nullptr;
    QCheckBox *m_regex = nullptr;
    QCheckBox *m_case = nullptr;
    QComboBox *m_direction = nullptr;
    QCheckBox *m_hideControl = nullptr;
    QCheckBox *m_problemsOnly = nullptr;
    QCheckBox *m_onlyMatching = nullptr;
    QLabel *m_count = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QToolButton *m_close = nullptr;
    QTimer *m_typingTimer = nullptr;
};

} // namespace wsscope
