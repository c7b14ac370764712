#pragma once

#include "diffmodel.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QTableView;

namespace wsscope {

// The result of a SessionDiff side by side: per direction, the messages of connection A on the left
// and of B on the right, aligned as the diff paired them, each row tinted by its status (same,
// changed, missing from B, extra in B). Above: the counts and the first difference with its JSON
// path; below: both payloads of the selected row in full. Double-clicking a message asks to show it
// in the timeline (messageActivated).
class DiffView : public QWidget
{
    Q_OBJECT
public:
    explicit DiffView(QWidget *parent = nullptr);
    ~DiffView() override;

    // a and b: the messages the diff was computed from (both directions, as Messages::extract gives
    // them); connA and connB name them for messageActivated.
    void setDiff(const SessionDiff &diff, const QList<DataMessage> &a, const QList<DataMessage> &b,
                 quint32 connA = 0, quint32 connB = 0);
    void clear();
    const SessionDiff &diff() const;
    bool hasDiff() const;

    void setOnlyDifferences(bool only);
    bool onlyDifferences() const;

    // Row of the table -> index into diff().entries(), -1 for a direction heading.
    int entryAt(int row) const;
    int rowForEntry(int entry) const; // -1 when hidden by "only differences"
    // What a double-click on this cell does: emits messageActivated for A's message in the A columns,
    // B's in the B columns, and otherwise whichever side has one (B first, the newer recording).
    void activate(int row, int column);

    QString summaryText() const;
    QString firstDifferenceText() const;
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *firstDifferenceLabel() const { return m_first; }
    QCheckBox *onlyDifferencesBox() const { return m_onlyDiff; }
    QTableView *tableView() const { return m_table; }
    DiffModel *model() const { return m_model; }
    QPlainTextEdit *payloadViewA() const { return m_payloadA; }
    QPlainTextEdit *payloadViewB() const { return m_payloadB; }

signals:
    void messageActivated(quint32 conn, qsizetype eventIndex);

private:
    void refreshSummary();
    void refreshSpans();
    void showCurrent();

    DiffModel *m_model = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_first = nullptr;
    QCheckBox *m_onlyDiff = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_rowDetail = nullptr;
    QPlainTextEdit *m_payloadA = nullptr;
    QPlainTextEdit *m_payloadB = nullptr;
};

} // namespace wsscope
