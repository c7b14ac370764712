#pragma once

#include "orderedjson.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace wsscope {

class JsonHighlighter;
class JsonTreeModel;

// A JSON payload as a collapsible tree (key, value, type; keys in source order) or as pretty text.
// Invalid JSON shows the parse error, and the Pretty page shows the source with the error marked.
class JsonView : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Tree, Pretty };

    explicit JsonView(QWidget *parent = nullptr);

    void setJson(const QByteArray &json);
    void setDocument(const OrderedJson &document);
    const OrderedJson &document() const { return m_doc; }
    void clear();

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    // Expands the tree so that values down to depth levels below the root are visible.
    void expandToDepth(int depth);

    QTreeView *treeView() const { return m_tree; }
    JsonTreeModel *model() const { return m_model; }
    QPlainTextEdit *prettyView() const { return m_pretty; }
    QString errorText() const;

    // The pretty text is cut here: QPlainTextEdit takes about a second per MiB to take in
    // indented JSON (measured on Qt 6.4), so more would freeze the window. The tree shows all.
    static constexpr qint64 MaxPrettyBytes = qint64(1) << 20;
    static constexpr qint64 MaxHighlightedBytes = MaxPrettyBytes + 4096;

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillPretty();
    void copySelection();
    void applyColors();

    OrderedJson m_doc;
    Mode m_mode = Mode::Tree;
    bool m_prettyFilled = false;
    JsonTreeModel *m_model;
    JsonHighlighter *m_highlighter;
    QLabel *m_error;
    QLabel *m_prettyNote;
    QToolButton *m_treeButton;
    QToolButton *m_prettyButton;
    QSpinBox *m_depth;
    QToolButton *m_expand;
    QToolButton *m_collapse;
    QStackedWidget *m_stack;
    QTreeView *m_tree;
    QPlainTextEdit *m_pretty;
};

} // namespace wsscope
