#include "pingview.h"

#include "itemroles.h"
#include "pingmodel.h"
#include "rttchart.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace wsscope {

namespace {
QString msText(double ms)
{
    return QLocale::c().toString(ms, 'f', ms < 10 ? 3 : 1);
}
} // namespace

PingView::PingView(QWidget *parent) : QWidget(parent)
{
    m_table = new QTableView(this);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QVariant event = index.data(EventIndexRole);
        if (event.isValid())
            emit rowActivated(qsizetype(event.toLongLong()));
    });

    m_chart = new RttChart(this);
    m_stats = new QLabel(this);
    m_stats->setTextFormat(Qt::PlainText);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_interval = new QSpinBox(this);
    m_interval->setRange(0, 3600);
    m_interval->setSuffix(tr(" s"));
    m_interval->setSpecialValueText(tr("Off"));
    m_interval->setToolTip(tr("Send a ping this often while the connection is open."));
    connect(m_interval, &QSpinBox::valueChanged, this, &PingView::autoPingIntervalChanged);
    auto *pingNow = new QPushButton(tr("Ping Now"), this);
    connect(pingNow, &QPushButton::clicked, this, &PingView::pingRequested);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_stats, 1);
    controls->addWidget(new QLabel(tr("Auto-ping every:"), this));
    controls->addWidget(m_interval);
    controls->addWidget(pingNow);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("pingSplitter"));
    split->addWidget(m_table);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(controls);
    layout->addWidget(split, 1);
    refresh();
}

void PingView::setModel(PingModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_table->setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &PingView::refresh);
        connect(model, &QAbstractItemModel::dataChanged, this, &PingView::refresh);
        connect(model, &QAbstractItemModel::modelReset, this, &PingView::refresh);
        QHeaderView *header = m_table->horizontalHeader();
        header->resizeSection(PingModel::DirectionColumn, 40);
        header->resizeSection(PingModel::SentColumn, 90);
        header->resizeSection(PingModel::PayloadColumn, 150);
        header->resizeSection(PingModel::RttColumn, 80);
    }
    refresh();
}

void PingView::setAutoPingInterval(int seconds)
{
    const QSignalBlocker blocker(m_interval);
    m_interval->setValue(seconds);
}

int PingView::autoPingInterval() const
{
    return m_interval->value();
}

void PingView::setAutoPingEnabled(bool enabled)
{
    m_interval->setEnabled(enabled);
}

void PingView::refresh()
{
    if (!m_model) {
        m_chart->clear();
        m_stats->setText(tr("No connection selected."));
        return;
    }
    QList<RttChart::Sample> samples;
    const int rows = m_model->rowCount();
    samples.reserve(rows);
    for (int i = 0; i < rows; ++i) {
        const PingModel::Row r = m_model->row(i);
        // The chart shows our own pings; the table lists the server's too.
        if (r.dir != Direction::Out || r.status == PingModel::Status::Unsolicited)
            continue;
        samples.append({r.sentNs, r.status == PingModel::Status::Answered ? r.rttNs : -1});
    }
    m_chart->setSamples(samples);
    const PingModel::Stats s = m_model->stats(Direction::Out);
    if (s.pings == 0) {
        m_stats->setText(tr("No pings sent yet."));
        return;
    }
    QString text = tr("%n ping(s), %1 answered", nullptr, s.pings).arg(s.answered);
    if (s.lost)
        text += tr(", %1 lost").arg(s.lost);
    if (s.pending)
        text += tr(", %1 waiting").arg(s.pending);
    if (s.answered)
        text += tr(" \u2014 min %1 / avg %2 / p95 %3 / max %4 ms")
                    .arg(msText(s.minMs), msText(s.avgMs), msText(s.p95Ms), msText(s.maxMs));
    m_stats->setText(text);
}

} // namespace wsscope
