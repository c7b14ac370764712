#include "diffview.h"

#include "orderedjson.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace wsscope {

namespace {

// The whole payload for the panes below the table: JSON indented in its own key order (so a
// key-order difference stays visible), other text as is, binary as a hex dump.
QString fullText(const DataMessage &m)
{
    constexpr qint64 MaxBytes = 256 * 1024;
    QString text;
    if (m.isText()) {
        const OrderedJson json = OrderedJson::parse(m.payload);
        if (json.isValid() && json.isContainer(json.root()))
            text = QString::fromUtf8(json.pretty(2, MaxBytes));
        else
            text = QString::fromUtf8(m.payload.left(MaxBytes));
    } else {
        const QByteArray bytes = m.payload.left(MaxBytes / 4);
        QStringList lines;
        for (qsizetype off = 0; off < bytes.size(); off += 16)
            lines << QStringLiteral("%1  %2")
                         .arg(off, 8, 16, QLatin1Char('0'))
                         .arg(QString::fromLatin1(bytes.mid(off, 16).toHex(' ')));
        text = lines.join(QLatin1Char('\n'));
    }
    if (m.truncated)
        text += QLatin1Char('\n') +
                DiffView::tr("(cut at the capture's payload cap: %n byte(s) in all)", nullptr, int(m.length));
    return text;
}

QPlainTextEdit *payloadPane(QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    edit->setFont(mono);
    return edit;
}

} // namespace

DiffView::DiffView(QWidget *parent) : QWidget(parent)
{
    m_model = new DiffModel(this);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_first = new QLabel(this);
    m_first->setObjectName(QStringLiteral("diffFirstDifference"));
    m_first->setWordWrap(true);
    m_first->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_onlyDiff = new QCheckBox(tr("Show only &differences"), this);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("diffTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    columns->resizeSection(DiffModel::StatusColumn, 100);
    columns->resizeSection(DiffModel::IndexAColumn, 46);
    columns->resizeSection(DiffModel::MessageAColumn, 280);
    columns->resizeSection(DiffModel::IndexBColumn, 46);
    columns->resizeSection(DiffModel::MessageBColumn, 280);

    m_rowDetail = new QLabel(this);
    m_rowDetail->setWordWrap(true);
    m_rowDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_payloadA = payloadPane(this);
    m_payloadA->setObjectName(QStringLiteral("diffPayloadA"));
    m_payloadB = payloadPane(this);
    m_payloadB->setObjectName(QStringLiteral("diffPayloadB"));

    auto *top = new QHBoxLayout;
    auto *texts = new QVBoxLayout;
    texts->addWidget(m_summary);
    texts->addWidget(m_first);
    top->addLayout(texts, 1);
    top->addWidget(m_onlyDiff, 0, Qt::AlignTop);

    auto *panes = new QSplitter(Qt::Horizontal, this);
    auto pane = [panes](const QString &title, QPlainTextEdit *edit) {
        auto *box = new QWidget(panes);
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addWidget(new QLabel(title, box));
        layout->addWidget(edit, 1);
        panes->addWidget(box);
    };
    pane(tr("Message in A"), m_payloadA);
    pane(tr("Message in B"), m_payloadB);

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_rowDetail);
    bottomLayout->addWidget(panes, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_onlyDiff, &QCheckBox::toggled, this, &DiffView::setOnlyDifferences);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DiffView::refreshSpans);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DiffView::showCurrent);
    connect(m_table, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) { activate(index.row(), index.column()); });
    refreshSummary();
    showCurrent();
}

DiffView::~DiffView() = default;

void DiffView::setDiff(const SessionDiff &diff, const QList<DataMessage> &a, const QList<DataMessage> &b,
                       quint32 connA, quint32 connB)
{
    m_model->setDiff(diff, a, b, connA, connB);
    refreshSummary();
    showCurrent();
}

void DiffView::clear()
{
    m_model->clear();
    refreshSummary();
    showCurrent();
}

const SessionDiff &DiffView::diff() const
{
    return m_model->diff();
}

bool DiffView::hasDiff() const
{
    return m_model->hasDiff();
}

void DiffView::setOnlyDifferences(bool only)
{
    const int entry = m_model->entryAt(m_table->currentIndex().row());
    m_model->setOnlyDifferences(only);
    if (m_onlyDiff->isChecked() != only) {
        const QSignalBlocker blocker(m_onlyDiff);
        m_onlyDiff->setChecked(only);
    }
    // Keep the selected message selected when it is still shown.
    const int row = m_model->rowForEntry(entry);
    if (row >= 0) {
        m_table->setCurrentIndex(m_model->index(row, DiffModel::StatusColumn));
        m_table->scrollTo(m_table->currentIndex());
    }
    showCurrent();
}

bool DiffView::onlyDifferences() const
{
    return m_model->onlyDifferences();
}

int DiffView::entryAt(int row) const
{
    return m_model->entryAt(row);
}

int DiffView::rowForEntry(int entry) const
{
    return m_model->rowForEntry(entry);
}

void DiffView::activate(int row, int column)
{
    const int entry = m_model->entryAt(row);
    if (entry < 0)
        return;
    const DataMessage *a = m_model->messageOf(entry, false);
    const DataMessage *b = m_model->messageOf(entry, true);
    const bool sideA = column == DiffModel::IndexAColumn || column == DiffModel::MessageAColumn;
    const bool sideB = column == DiffModel::IndexBColumn || column == DiffModel::MessageBColumn;
    if ((sideA || !b) && a && !sideB)
        emit messageActivated(m_model->connectionA(), a->firstEvent);
    else if (b)
        emit messageActivated(m_model->connectionB(), b->firstEvent);
}

QString DiffView::summaryText() const
{
    return m_summary->text();
}

QString DiffView::firstDifferenceText() const
{
    return m_first->text();
}

void DiffView::refreshSummary()
{
    if (!m_model->hasDiff()) {
        m_summary->setText(tr("Choose two connections to compare."));
        m_first->clear();
        m_first->hide();
        return;
    }
    const SessionDiff &diff = m_model->diff();
    const SessionDiff::Summary s = diff.summary();
    if (diff.entries().isEmpty()) {
        m_summary->setText(tr("Neither connection has data messages to compare."));
        m_first->hide();
        return;
    }
    if (diff.identical()) {
        m_summary->setText(tr("Identical: all %n message(s) are the same.", nullptr, s.same));
        m_first->hide();
        return;
    }
    m_summary->setText(tr("%1 same, %2 changed, %3 missing in B, %4 extra in B")
                           .arg(s.same)
                           .arg(s.changed)
                           .arg(s.missing)
                           .arg(s.extra));
    for (const SessionDiff::Entry &e : diff.entries()) {
        if (e.status == SessionDiff::Status::Same)
            continue;
        const QString where = e.dir == Direction::Out
                                  ? tr("client message %1").arg(e.indexA >= 0 ? e.indexA + 1 : e.indexB + 1)
                                  : tr("server message %1").arg(e.indexA >= 0 ? e.indexA + 1 : e.indexB + 1);
        QString text = tr("First difference (%1, %2): %3")
                           .arg(where, DiffModel::statusText(e.status).toLower(), e.description);
        if (!e.path.isEmpty())
            text += QLatin1Char('\n') + tr("JSON path: %1").arg(e.path);
        m_first->setText(text);
        m_first->show();
        break;
    }
}

void DiffView::refreshSpans()
{
    m_table->clearSpans();
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->isHeading(row))
            m_table->setSpan(row, 0, 1, DiffModel::ColumnCount);
}

void DiffView::showCurrent()
{
    const int entry = m_model->entryAt(m_table->currentIndex().row());
    if (entry < 0) {
        m_rowDetail->setText(m_model->hasDiff() ? tr("Select a row to see both messages in full; "
                                                     "double-click a message to show it in the timeline.")
                                                : QString());
        m_payloadA->clear();
        m_payloadB->clear();
        return;
    }
    const SessionDiff::Entry &e = m_model->diff().entries().at(entry);
    QString detail = DiffModel::statusText(e.status);
    if (e.status != SessionDiff::Status::Same && !e.description.isEmpty())
        detail += QStringLiteral(": ") + e.description;
    if (!e.path.isEmpty())
        detail += QStringLiteral("  ") + tr("(JSON path %1)").arg(e.path);
    m_rowDetail->setText(detail);
    const DataMessage *a = m_model->messageOf(entry, false);
    const DataMessage *b = m_model->messageOf(entry, true);
    m_payloadA->setPlainText(a ? fullText(*a) : tr("(no message in A)"));
    m_payloadB->setPlainText(b ? fullText(*b) : tr("(no message in B)"));
}

} // namespace wsscope
