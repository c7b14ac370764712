#pragma once

#include "frameinfo.h"
#include "pingmodel.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QSpinBox;
class QTableView;

namespace wsscope {

class PingModel;
class RttChart;

// Round trips of the selected connection: the ping/pong table, a chart of the round-trip times,
// min/avg/p95/max, and the auto-ping interval.
class PingView : public QWidget
{
    Q_OBJECT
public:
    explicit PingView(QWidget *parent = nullptr);

    void setModel(PingModel *model);
    PingModel *model() const { return m_model; }

    // Seconds between automatic pings; 0 is off. Setting it does not emit autoPingIntervalChanged.
    void setAutoPingInterval(int seconds);
    int autoPingInterval() const;
    void setAutoPingEnabled(bool enabled); // false when no live connection is selected

    QTableView *tableView() const { return m_table; }
    RttChart *chart() const { return m_chart; }
    QLabel *statsLabel() const { return m_stats; }

public slots:
    // Re-reads the model into the chart and the statistics line.
    void refresh();

signals:
    void autoPingIntervalChanged(int seconds);
    void pingRequested();
    void rowActivated(qsizetype eventIndex);

private:
    QPointer<PingModel> m_model;
    QTableView *m_table = nullptr;
    RttChart *m_chart = nullptr;
    QLabel *m_stats = nullptr;
    QSpinBox *m_interval = nullptr;
};

} // namespace wsscope
