#include "jsontreemodel.h"

#include <QGuiApplication>
#include <QPalette>

namespace wsscope {

namespace {
// Long strings are cut in the cell; the full value is in the tooltip (also bounded) and RawRole.
constexpr int kMaxCellChars = 500;
constexpr int kMaxTooltipChars = 4000;

QString visible(QString s, int max)
{
    const bool cut = s.size() > max;
    if (cut)
        s.truncate(max);
    // Line breaks and tabs would make a row taller or hide text; show them as symbols.
    s.replace(QLatin1Char('\n'), QChar(0x21b5));
    s.replace(QLatin1Char('\r'), QChar(0x240d));
    s.replace(QLatin1Char('\t'), QChar(0x2192));
    if (cut)
        s += QChar(0x2026);
    return s;
}
} // namespace

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent), m_colors(JsonColors::forPalette(QGuiApplication::palette()))
{}

void JsonTreeModel::setDocument(const OrderedJson &document)
{
    beginResetModel();
    m_doc = document;
    endResetModel();
}

void JsonTreeModel::setColors(const JsonColors &colors)
{
    m_colors = colors;
    if (m_doc.isValid())
        emit dataChanged(index(0, 0), index(0, ColumnCount - 1), {Qt::ForegroundRole});
}

QModelIndex JsonTreeModel::indexForNode(quint32 node, int column) const
{
    if (!m_doc.isValid() || node >= quint64(m_doc.nodeCount()))
        return QModelIndex();
    return createIndex(m_doc.row(node), column, quintptr(node));
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_doc.isValid() || row < 0 || column < 0 || column >= ColumnCount)
        return QModelIndex();
    if (!parent.isValid())
        return row == 0 ? createIndex(0, column, quintptr(m_doc.root())) : QModelIndex();
    const quint32 p = quint32(parent.internalId());
    if (row >= m_doc.childCount(p))
        return QModelIndex();
    return createIndex(row, column, quintptr(m_doc.child(p, row)));
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return QModelIndex();
    const quint32 p = m_doc.parent(quint32(child.internalId()));
    if (p == OrderedJson::NoNode)
        return QModelIndex();
    return createIndex(m_doc.row(p), 0, quintptr(p));
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_doc.isValid())
        return 0;
    if (!parent.isValid())
        return 1;
    if (parent.column() != 0)
        return 0;
    return m_doc.childCount(quint32(parent.internalId()));
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QString JsonTreeModel::keyText(quint32 node) const
{
    if (m_doc.hasKey(node))
        return visible(m_doc.key(node), kMaxCellChars);
    const quint32 p = m_doc.parent(node);
    if (p == OrderedJson::NoNode)
        return tr("(root)");
    return QStringLiteral("[%1]").arg(m_doc.row(node));
}

QString JsonTreeModel::valueText(quint32 node) const
{
    switch (m_doc.type(node)) {
    case OrderedJson::Type::Object:
        return m_doc.childCount(node) == 1 ? tr("{1 member}")
                                           : tr("{%1 members}").arg(m_doc.childCount(node));
    case OrderedJson::Type::Array:
        return m_doc.childCount(node) == 1 ? tr("[1 item]") : tr("[%1 items]").arg(m_doc.childCount(node));
    case OrderedJson::Type::String:
        return visible(m_doc.stringValue(node), kMaxCellChars);
    default:
        return QString::fromUtf8(m_doc.raw(node));
    }
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_doc.isValid())
        return QVariant();
    const quint32 node = quint32(index.internalId());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            return keyText(node);
        case ValueColumn:
            return valueText(node);
        case TypeColumn:
            return OrderedJson::typeName(m_doc.type(node));
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == KeyColumn)
            return m_doc.hasKey(node) ? m_colors.key : m_colors.punctuation;
        if (index.column() == ValueColumn) {
            switch (m_doc.type(node)) {
            case OrderedJson::Type::String:
                return m_colors.string;
            case OrderedJson::Type::Number:
                return m_colors.number;
            case OrderedJson::Type::True:
            case OrderedJson::Type::False:
                return m_colors.boolean;
            case OrderedJson::Type::Null:
                return m_colors.null;
            default:
                return m_colors.punctuation;
            }
        }
        if (index.column() == TypeColumn)
            return m_colors.punctuation;
        break;
    case Qt::ToolTipRole: {
        QString tip = tr("Bytes %1 to %2").arg(m_doc.begin(node)).arg(m_doc.end(node) - 1);
        if (index.column() == ValueColumn && m_doc.type(node) == OrderedJson::Type::String)
            tip = m_doc.stringValue(node).left(kMaxTooltipChars) + QLatin1Char('\n') + tip;
        return tip;
    }
    case NodeRole:
        return node;
    case OffsetRole:
        return m_doc.begin(node);
    case RawRole:
        return m_doc.raw(node);
    default:
        break;
    }
    return QVariant();
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    }
    return QVariant();
}

} // namespace wsscope
