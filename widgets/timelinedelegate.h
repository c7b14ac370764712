#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace wsscope {

// Colours timeline rows from the models' semantic roles (DirectionRole, KindRole, OpcodeRole,
// IsViolationRole, IsErrorRole, IsMatchRole): the models carry meaning, this class decides looks.
// Paints text only, no widget per row, so a million rows scroll as fast as ten.
class TimelineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit TimelineDelegate(QObject *parent = nullptr);

    enum class Tone { OutData, InData, Control, Handshake, Violation, Error, Closed, Other };
    // How a row reads, from its roles; public so other views (and tests) agree with the timeline.
    static Tone toneOf(const QModelIndex &index);
    static QColor background(Tone tone, const QPalette &palette);
    static QColor foreground(Tone tone, const QPalette &palette);
    static QColor directionColour(int direction); // 0 out, 1 in

    // Column that shows the direction arrow, drawn in the direction's colour; -1 for none.
    void setDirectionColumn(int column) { m_directionColumn = column; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_directionColumn = -1;
};

} // namespace wsscope
