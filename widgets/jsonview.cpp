#include "jsonview.h"

#include "jsonhighlighter.h"
#include "jsontreemodel.h"

#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace wsscope {

namespace {
// Expanding every level of a large document would make the tree lay out all of it up front.
constexpr qint64 kAutoExpandNodes = 5000;
} // namespace

JsonView::JsonView(QWidget *parent) : QWidget(parent), m_model(new JsonTreeModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(2, 2, 2, 0);
    m_treeButton = new QToolButton(this);
    m_treeButton->setText(tr("Tree"));
    m_treeButton->setCheckable(true);
    m_treeButton->setChecked(true);
    m_prettyButton = new QToolButton(this);
    m_prettyButton->setText(tr("Pretty"));
    m_prettyButton->setCheckable(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_treeButton);
    group->addButton(m_prettyButton);
    group->setExclusive(true);
    bar->addWidget(m_treeButton);
    bar->addWidget(m_prettyButton);
    bar->addSpacing(12);
    auto *depthLabel = new QLabel(tr("Depth:"), this);
    m_depth = new QSpinBox(this);
    m_depth->setRange(0, 64);
    m_depth->setValue(2);
    m_depth->setToolTip(tr("How many levels below the root Expand opens"));
    depthLabel->setBuddy(m_depth);
    m_expand = new QToolButton(this);
    m_expand->setText(tr("Expand"));
    m_collapse = new QToolButton(this);
    m_collapse->setText(tr("Collapse All"));
    bar->addWidget(depthLabel);
    bar->addWidget(m_depth);
    bar->addWidget(m_expand);
    bar->addWidget(m_collapse);
    bar->addStretch(1);
    layout->addLayout(bar);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addWidget(m_error);

    m_stack = new QStackedWidget(this);
    m_tree = new QTreeView(m_stack);
    m_tree->setModel(m_model);
    // Uniform heights let the tree skip measuring rows: essential with a million-element array.
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tree->header()->resizeSection(JsonTreeModel::KeyColumn, 220);
    m_tree->header()->resizeSection(JsonTreeModel::TypeColumn, 80);
    auto *copy = new QAction(tr("Copy Value"), m_tree);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &JsonView::copySelection);
    m_tree->addAction(copy);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_stack->addWidget(m_tree);

    auto *prettyPage = new QWidget(m_stack);
    auto *prettyLayout = new QVBoxLayout(prettyPage);
    prettyLayout->setContentsMargins(0, 0, 0, 0);
    m_prettyNote = new QLabel(prettyPage);
    m_prettyNote->setWordWrap(true);
    m_prettyNote->hide();
    m_pretty = new QPlainTextEdit(prettyPage);
    m_pretty->setReadOnly(true);
    m_pretty->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_pretty->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_pretty->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    prettyLayout->addWidget(m_prettyNote);
    prettyLayout->addWidget(m_pretty);
    m_stack->addWidget(prettyPage);
    layout->addWidget(m_stack, 1);

    // Created without a document; it is attached only while the text is small enough to colour.
    m_highlighter = new JsonHighlighter(nullptr);
    m_highlighter->setParent(this);

    connect(m_treeButton, &QToolButton::clicked, this, [this] { setMode(Mode::Tree); });
    connect(m_prettyButton, &QToolButton::clicked, this, [this] { setMode(Mode::Pretty); });
    connect(m_expand, &QToolButton::clicked, this, [this] { expandToDepth(m_depth->value()); });
    connect(m_collapse, &QToolButton::clicked, m_tree, &QTreeView::collapseAll);
    applyColors();
}

void JsonView::clear()
{
    setDocument(OrderedJson());
}

void JsonView::setJson(const QByteArray &json)
{
    setDocument(OrderedJson::parse(json));
}

void JsonView::setDocument(const OrderedJson &document)
{
    m_doc = document;
    m_model->setDocument(document);
    m_prettyFilled = false;
    m_pretty->clear();
    m_prettyNote->hide();
    if (!document.isValid() && !document.error().isNull()) {
        m_error->setText(tr("Not valid JSON: %1.").arg(document.error().toString()));
        m_error->show();
    } else {
        m_error->hide();
    }
    if (document.isValid())
        expandToDepth(document.nodeCount() <= kAutoExpandNodes ? m_depth->value() : 0);
    setMode(m_mode);
}

QString JsonView::errorText() const
{
    return m_error->isVisible() || !m_doc.error().isNull() ? m_error->text() : QString();
}

void JsonView::setMode(Mode mode)
{
    m_mode = mode;
    m_treeButton->setChecked(mode == Mode::Tree);
    m_prettyButton->setChecked(mode == Mode::Pretty);
    // Invalid JSON has no tree; the source with the error marked is the useful page.
    const bool source = mode == Mode::Pretty || (!m_doc.isValid() && !m_doc.error().isNull());
    if (source)
        fillPretty();
    m_stack->setCurrentIndex(source ? 1 : 0);
    m_depth->setEnabled(!source);
    m_expand->setEnabled(!source);
    m_collapse->setEnabled(!source);
}

void JsonView::expandToDepth(int depth)
{
    if (!m_doc.isValid())
        return;
    m_tree->collapseAll();
    // The root is the single top-level row, so "depth below the root" is QTreeView's depth.
    if (depth > 0)
        m_tree->expandToDepth(depth - 1);
    else
        m_tree->expand(m_model->index(0, 0));
}

void JsonView::fillPretty()
{
    if (m_prettyFilled)
        return;
    m_prettyFilled = true;
    QString note;
    QString text;
    bool truncated = false;
    if (m_doc.isValid()) {
        text = QString::fromUtf8(m_doc.pretty(2, MaxPrettyBytes, &truncated));
    } else if (!m_doc.error().isNull()) {
        const QByteArray &src = m_doc.source();
        truncated = src.size() > MaxPrettyBytes;
        text = QString::fromUtf8(src.left(MaxPrettyBytes));
    }
    if (truncated)
        note = tr("Only the first %1 MiB are shown as text; the tree shows everything.")
                   .arg(MaxPrettyBytes >> 20);
    const bool colour = m_doc.isValid() && text.size() <= MaxHighlightedBytes;
    m_highlighter->setDocument(nullptr);
    m_pretty->setPlainText(text);
    if (colour)
        m_highlighter->setDocument(m_pretty->document());
    else if (m_doc.isValid() && note.isEmpty())
        note = tr("Large document: shown without colours.");

    if (!m_doc.isValid() && !m_doc.error().isNull()) {
        // Mark the line of the error and put the cursor on the offending character.
        const OrderedJson::Error &e = m_doc.error();
        QTextBlock block = m_pretty->document()->findBlockByNumber(e.line - 1);
        if (block.isValid()) {
            QTextCursor cursor(block);
            cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                                qMin(e.column - 1, block.length() - 1));
            QTextEdit::ExtraSelection line;
            line.format.setBackground(QColor(255, 80, 80, 60));
            line.format.setProperty(QTextFormat::FullWidthSelection, true);
            line.cursor = cursor;
            QTextEdit::ExtraSelection at;
            at.cursor = cursor;
            at.cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor);
            at.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            at.format.setUnderlineColor(Qt::red);
            at.format.setBackground(QColor(255, 80, 80, 140));
            m_pretty->setExtraSelections({line, at});
            m_pretty->setTextCursor(cursor);
            m_pretty->centerCursor();
        }
    } else {
        m_pretty->setExtraSelections({});
    }
    m_prettyNote->setText(note);
    m_prettyNote->setVisible(!note.isEmpty());
}

void JsonView::copySelection()
{
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows(JsonTreeModel::ValueColumn);
    QStringList parts;
    for (const QModelIndex &index : rows) {
        const OrderedJson::Type type = m_doc.type(quint32(index.internalId()));
        // A string is copied decoded (what the user reads); everything else as its JSON source.
        if (type == OrderedJson::Type::String)
            parts << m_doc.stringValue(quint32(index.internalId()));
        else
            parts << QString::fromUtf8(index.data(JsonTreeModel::RawRole).toByteArray());
    }
    if (!parts.isEmpty())
        QApplication::clipboard()->setText(parts.join(QLatin1Char('\n')));
}

void JsonView::applyColors()
{
    const JsonColors colors = JsonColors::forPalette(palette());
    m_model->setColors(colors);
    m_highlighter->setColors(colors);
    QPalette p = m_error->palette();
    p.setColor(QPalette::WindowText, palette().color(QPalette::Base).lightness() < 128
                                         ? QColor(0xff, 0x8a, 0x80)
                                         : QColor(0xb0, 0x00, 0x20));
    m_error->setPalette(p);
}

void JsonView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyColors();
    QWidget::changeEvent(event);
}

} // namespace wsscope
