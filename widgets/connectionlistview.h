#pragma once

#include <QIcon>
#include <QTreeView>

namespace wsscope {

// The session's connections as a flat list. The state column shows a dot painted from the model's
// StateRole (green open, amber connecting or closing, grey closed, red failed) next to its name.
class ConnectionListView : public QTreeView
{
    Q_OBJECT
public:
    explicit ConnectionListView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    // ConnectionListModel::State as int.
    static QColor stateColour(int state);
    static QIcon stateIcon(int state);
};

} // namespace wsscope
