#pragma once

#include "sessiondiff.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QPushButton;

namespace wsscope {

class DiffView;
class EventLog;
class RuleListEditor;

// Compares two connections of the session: A and B, the rules that make differences not count
// (JSON key order, JSON paths, regular expressions over text), and the result in a DiffView. It
// compares again whenever a choice changes.
class DiffDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DiffDialog(EventLog *log, QWidget *parent = nullptr);
    ~DiffDialog() override;

    // a or b 0: keep the current choice.
    void setConnections(quint32 a, quint32 b);
    quint32 connectionA() const;
    quint32 connectionB() const;
    // What to compare a with when nobody said: its most recent replay (or mock), the recording a
    // replay was made from, else the most recent other connection. 0 when there is none.
    static quint32 defaultPartner(const EventLog &log, quint32 a);
    // "#3 ws://host/path (replay of #1)"
    static QString connectionLabel(const EventLog &log, quint32 conn);

    SessionDiffOptions options() const;
    void setIgnoreKeyOrder(bool ignore);
    bool addIgnorePath(const QString &path);       // false: refused, reason in the editor
    bool addIgnorePattern(const QString &pattern); // likewise

    QComboBox *comboA() const { return m_comboA; }
    QComboBox *comboB() const { return m_comboB; }
    QCheckBox *keyOrderBox() const { return m_keyOrder; }
    RuleListEditor *pathEditor() const { return m_paths; }
    RuleListEditor *patternEditor() const { return m_patterns; }
    DiffView *view() const { return m_view; }

public slots:
    void compare();

signals:
    // A message was double-clicked in the result: show it in the timeline.
    void messageActivated(quint32 conn, qsizetype eventIndex);
    void compared();

private:
    void fillCombos();
    void scheduleCompare();

    EventLog *m_log;
    QComboBox *m_comboA = nullptr;
    QComboBox *m_comboB = nullptr;
    QPushButton *m_swap = nullptr;
    QCheckBox *m_keyOrder = nullptr;
    RuleListEditor *m_paths = nullptr;
    RuleListEditor *m_patterns = nullptr;
    DiffView *m_view = nullptr;
    bool m_comparePending = false;
};

} // namespace wsscope
