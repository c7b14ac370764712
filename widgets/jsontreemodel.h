#pragma once

#include "jsonhighlighter.h"
#include "orderedjson.h"

#include <QAbstractItemModel>

namespace wsscope {

// Tree of an OrderedJson document: one top-level row for the root value, then children in source
// order. Nothing is built per row: indexes carry the node number, and text is produced in data()
// only for the rows a view asks about, so a 16 MiB document costs no more to show than its parse.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };
    enum Role {
        NodeRole = Qt::UserRole + 1, // quint32 node number in document()
        OffsetRole,                  // qint64 byte offset of the value in the source
        RawRole,                     // QByteArray: the value as in the source
    };

    explicit JsonTreeModel(QObject *parent = nullptr);

    void setDocument(const OrderedJson &document);
    const OrderedJson &document() const { return m_doc; }
    void setColors(const JsonColors &colors);

    QModelIndex indexForNode(quint32 node, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString keyText(quint32 node) const;
    QString valueText(quint32 node) const;

    OrderedJson m_doc;
    JsonColors m_colors;
};

} // namespace wsscope
