#include "connectionlistview.h"

#include "connectionlistmodel.h"
#include "itemroles.h"

#include <QHeaderView>
#include <QPainter>
#include <QStyledItemDelegate>

namespace wsscope {

namespace {

using ConnState = ConnectionListModel::State;

class StateDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != ConnectionListModel::StateColumn)
            return;
        const QVariant state = index.data(StateRole);
        if (!state.isValid())
            return;
        option->icon = ConnectionListView::stateIcon(state.toInt());
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(12, 12);
        const ConnState s = ConnState(state.toInt());
        if (s == ConnState::Failed)
            option->palette.setColor(QPalette::Text,
                                     ConnectionListView::stateColour(state.toInt()).darker(130));
        else if (s == ConnState::Closed)
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    }
};

} // namespace

ConnectionListView::ConnectionListView(QWidget *parent) : QTreeView(parent)
{
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setItemDelegate(new StateDelegate(this));
    setTextElideMode(Qt::ElideMiddle); // URLs differ at both ends
    header()->setStretchLastSection(false);
    header()->setSectionsMovable(true);
}

void ConnectionListView::setModel(QAbstractItemModel *model)
{
    QTreeView::setModel(model);
    if (!model)
        return;
    QHeaderView *h = header();
    // Never narrower than the column's title (translations differ in length), so a header such as
    // "Frames in" is not cut to "Frames i".
    auto fit = [h](int column, int minimum) {
        h->resizeSection(column, qMax(minimum, h->sectionSizeHint(column)));
    };
    fit(ConnectionListModel::StateColumn, 84);
    h->resizeSection(ConnectionListModel::NameColumn, 170);
    fit(ConnectionListModel::SourceColumn, 60);
    for (int c : {ConnectionListModel::FramesInColumn, ConnectionListModel::FramesOutColumn})
        fit(c, 60);
    for (int c : {ConnectionListModel::BytesInColumn, ConnectionListModel::BytesOutColumn})
        fit(c, 80);
    fit(ConnectionListModel::RttColumn, 70);
    fit(ConnectionListModel::CloseColumn, 160);
}

QColor ConnectionListView::stateColour(int state)
{
    switch (ConnState(state)) {
    case ConnState::Open:
        return QColor(0x1b, 0x9e, 0x4b);
    case ConnState::Connecting:
    case ConnState::Closing:
        return QColor(0xf0, 0x9d, 0x0a);
    case ConnState::Closed:
        return QColor(0x8a, 0x8f, 0x96);
    case ConnState::Failed:
        return QColor(0xd3, 0x2f, 0x2f);
    }
    return Qt::gray;
}

QIcon ConnectionListView::stateIcon(int state)
{
    // Painted once per state and DPR; every row reuses the same pixmaps.
    static QHash<int, QIcon> cache;
    const auto it = cache.constFind(state);
    if (it != cache.cend())
        return *it;
    QIcon icon;
    for (int size : {12, 16, 24, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor colour = stateColour(state);
        const QRectF r(1, 1, size - 2, size - 2);
        const ConnState s = ConnState(state);
        if (s == ConnState::Connecting || s == ConnState::Closing) {
            // A ring: something is in progress.
            p.setPen(QPen(colour, size / 6.0));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(r.adjusted(size / 12.0, size / 12.0, -size / 12.0, -size / 12.0));
            if (s == ConnState::Closing) {
                p.setBrush(colour);
                p.setPen(Qt::NoPen);
                p.drawEllipse(r.center(), size / 6.0, size / 6.0);
            }
        } else {
            p.setPen(QPen(colour.darker(130), 1));
            p.setBrush(colour);
            p.drawEllipse(r);
            if (s == ConnState::Failed) {
                p.setPen(QPen(Qt::white, size / 7.0, Qt::SolidLine, Qt::RoundCap));
                const qreal m = size * 0.32;
                p.drawLine(QPointF(m, m), QPointF(size - m, size - m));
                p.drawLine(QPointF(size - m, m), QPointF(m, size - m));
            }
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    cache.insert(state, icon);
    return icon;
}

} // namespace wsscope
