#pragma once

#include <QList>
#include <QWidget>

namespace wsscope {

// Round-trip times over time as a line with dots, painted with QPainter. Unanswered pings are
// drawn as red marks along the top edge so a gap in the line is explained.
class RttChart : public QWidget
{
    Q_OBJECT
public:
    struct Sample
    {
        qint64 timeNs = 0; // when the ping left, since the connection started
        qint64 rttNs = -1; // -1: no pong (yet)
    };

    explicit RttChart(QWidget *parent = nullptr);

    void setSamples(const QList<Sample> &samples);
    void addSample(const Sample &sample);
    void clear();
    const QList<Sample> &samples() const { return m_samples; }
    // Samples older than the newest maxSamples are not drawn.
    void setMaxSamples(int count);
    int maxSamples() const { return m_maxSamples; }

    QSize sizeHint() const override { return {360, 160}; }
    QSize minimumSizeHint() const override { return {160, 90}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<Sample> m_samples;
    int m_maxSamples = 600;
};

} // namespace wsscope
