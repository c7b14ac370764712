#include "timelinedelegate.h"

#include "capturesink.h"
#include "itemroles.h"

#include <QPainter>

namespace wsscope {

namespace {
bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}
} // namespace

TimelineDelegate::TimelineDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

TimelineDelegate::Tone TimelineDelegate::toneOf(const QModelIndex &index)
{
    if (index.data(IsViolationRole).toBool())
        return Tone::Violation;
    if (index.data(IsErrorRole).toBool())
        return Tone::Error;
    const QVariant kindValue = index.data(KindRole);
    const EventKind kind = kindValue.isValid() ? EventKind(kindValue.toInt()) : EventKind::Frame;
    switch (kind) {
    case EventKind::Frame: {
        const int opcode = index.data(OpcodeRole).toInt();
        if (opcode == 0x8)
            return Tone::Closed;
        if (index.data(IsControlRole).toBool() || (opcode >= 0x8))
            return Tone::Control;
        return index.data(DirectionRole).toInt() == int(Direction::Out) ? Tone::OutData : Tone::InData;
    }
    case EventKind::Handshake:
    case EventKind::Tls:
    case EventKind::Connection:
        return Tone::Handshake;
    case EventKind::Close:
        return Tone::Closed;
    case EventKind::Error:
        return Tone::Error;
    case EventKind::Violation:
        return Tone::Violation;
    default:
        return Tone::Other;
    }
}

QColor TimelineDelegate::background(Tone tone, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const qreal strength = isDark(palette) ? 0.22 : 0.13;
    switch (tone) {
    case Tone::OutData:
        return mix(base, QColor(0x1f, 0x6f, 0xd1), strength * 0.8);
    case Tone::InData:
        return mix(base, QColor(0x1b, 0x9e, 0x4b), strength * 0.8);
    case Tone::Control:
        return mix(base, QColor(0x88, 0x88, 0x88), strength * 0.7);
    case Tone::Handshake:
        return mix(base, QColor(0x8e, 0x44, 0xad), strength);
    case Tone::Violation:
        return mix(base, QColor(0xe5, 0x39, 0x35), strength * 1.5);
    case Tone::Error:
        return mix(base, QColor(0xe5, 0x39, 0x35), strength * 2.2);
    case Tone::Closed:
        return mix(base, QColor(0xf5, 0x9e, 0x0b), strength * 1.4);
    case Tone::Other:
        break;
    }
    return base;
}

QColor TimelineDelegate::foreground(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Control:
        return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.35);
    case Tone::Violation:
    case Tone::Error:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xa3, 0x16, 0x0e);
    default:
        return palette.color(QPalette::Text);
    }
}

QColor TimelineDelegate::directionColour(int direction)
{
    return direction == int(Direction::Out) ? QColor(0x1f, 0x6f, 0xd1) : QColor(0x1b, 0x8e, 0x3b);
}

void TimelineDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const Tone tone = toneOf(index);
    option->backgroundBrush = background(tone, option->palette);
    QColor text = foreground(tone, option->palette);
    if (index.column() == m_directionColumn && index.data(DirectionRole).isValid())
        text = directionColour(index.data(DirectionRole).toInt());
    option->palette.setColor(QPalette::Text, text);
    if (tone == Tone::Control)
        option->font.setItalic(true);
    // Preview cells elide at the right, keeping the start of the payload readable.
    option->textElideMode = Qt::ElideRight;
}

void TimelineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    // A mark at the row's left edge for rows matching the find text (when rows are not hidden).
    if (index.column() == 0 && index.data(IsMatchRole).toBool()) {
        painter->save();
        painter->fillRect(QRect(option.rect.left(), option.rect.top(), 3, option.rect.height()),
                          QColor(0xf2, 0xb7, 0x05));
        painter->restore();
    }
}

} // namespace wsscope
