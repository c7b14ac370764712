#include "rttchart.h"

#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace wsscope {

namespace {
// 1, 2, 5 × 10^n at or above value: axis maxima that read well.
double niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double exponent = std::floor(std::log10(value));
    const double base = std::pow(10.0, exponent);
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * base >= value)
            return step * base;
    }
    return 10 * base;
}

QString axisNumber(double value)
{
    if (value == 0)
        return QStringLiteral("0");
    if (std::abs(value) < 10)
        return QString::number(value, 'g', 3);
    return QString::number(qRound64(value));
}
} // namespace

RttChart::RttChart(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void RttChart::setSamples(const QList<Sample> &samples)
{
    m_samples = samples;
    if (m_samples.size() > m_maxSamples)
        m_samples.remove(0, m_samples.size() - m_maxSamples);
    update();
}

void RttChart::addSample(const Sample &sample)
{
    m_samples.append(sample);
    if (m_samples.size() > m_maxSamples)
        m_samples.removeFirst();
    update();
}

void RttChart::clear()
{
    m_samples.clear();
    update();
}

void RttChart::setMaxSamples(int count)
{
    m_maxSamples = qMax(2, count);
    setSamples(m_samples);
}

void RttChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.base());

    const QFontMetrics fm(font());
    const int left = fm.horizontalAdvance(QStringLiteral("0000.0")) + 10;
    const int bottom = fm.height() + 8;
    const QRectF plot(left, 8 + fm.height() / 2.0, width() - left - 12,
                      height() - bottom - 8 - fm.height() / 2.0);
    if (plot.width() < 20 || plot.height() < 20)
        return;

    QColor gridColour = pal.color(QPalette::Text);
    gridColour.setAlpha(40);
    QColor axisText = pal.color(QPalette::Text);
    axisText.setAlpha(160);

    if (m_samples.isEmpty()) {
        p.setPen(axisText);
        p.drawText(rect(), Qt::AlignCenter, tr("No pings yet: send one, or set an auto-ping interval."));
        return;
    }

    qint64 t0 = m_samples.first().timeNs;
    qint64 t1 = m_samples.last().timeNs;
    double maxMs = 0;
    for (const Sample &s : m_samples) {
        t0 = qMin(t0, s.timeNs);
        t1 = qMax(t1, s.timeNs);
        if (s.rttNs >= 0)
            maxMs = qMax(maxMs, s.rttNs / 1e6);
    }
    // Four or five grid steps of 1, 2 or 5 × 10^n ms, with headroom above the highest dot.
    const double yStep = niceCeiling(qMax(maxMs * 1.1, 0.001) / 4);
    const int ySteps = qMax(1, int(std::ceil(maxMs * 1.1 / yStep)));
    const double yMax = yStep * ySteps;
    const double span = qMax<double>(t1 - t0, 1e9); // at least a second wide
    auto xOf = [&](qint64 t) { return plot.left() + (t - t0) / span * plot.width(); };
    auto yOf = [&](double ms) { return plot.bottom() - ms / yMax * plot.height(); };

    // Horizontal grid lines with millisecond labels.
    p.setFont(font());
    for (int i = 0; i <= ySteps; ++i) {
        const double ms = yStep * i;
        const double y = yOf(ms);
        p.setPen(gridColour);
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(axisText);
        p.drawText(QRectF(0, y - fm.height() / 2.0, left - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   axisNumber(ms));
    }
    p.setPen(axisText);
    p.drawText(QRectF(plot.left(), 0, plot.width(), fm.height() + 4), Qt::AlignLeft | Qt::AlignTop,
               tr("round trip (ms)"));

    // Time axis: seconds since the connection started.
    const double seconds0 = t0 / 1e9;
    const double secondsSpan = span / 1e9;
    const double step = niceCeiling(secondsSpan / 5);
    for (double s = std::ceil(seconds0 / step) * step; s <= seconds0 + secondsSpan + 1e-9; s += step) {
        const double x = plot.left() + (s - seconds0) / secondsSpan * plot.width();
        p.setPen(gridColour);
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        p.setPen(axisText);
        p.drawText(QRectF(x - 40, plot.bottom() + 2, 80, fm.height() + 4), Qt::AlignHCenter | Qt::AlignTop,
                   tr("%1 s").arg(axisNumber(s)));
    }

    // The line, broken where a ping went unanswered.
    const QColor lineColour(0x1f, 0x6f, 0xd1);
    QPainterPath path;
    bool penDown = false;
    for (const Sample &s : m_samples) {
        if (s.rttNs < 0) {
            penDown = false;
            continue;
        }
        const QPointF pt(xOf(s.timeNs), yOf(s.rttNs / 1e6));
        if (penDown)
            path.lineTo(pt);
        else
            path.moveTo(pt);
        penDown = true;
    }
    p.setPen(QPen(lineColour, 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    p.setBrush(lineColour);
    p.setPen(Qt::NoPen);
    const double radius = m_samples.size() > 120 ? 1.5 : 2.5;
    for (const Sample &s : m_samples) {
        if (s.rttNs >= 0)
            p.drawEllipse(QPointF(xOf(s.timeNs), yOf(s.rttNs / 1e6)), radius, radius);
    }
    p.setPen(QPen(QColor(0xc6, 0x28, 0x28), 2));
    for (const Sample &s : m_samples) {
        if (s.rttNs < 0) {
            const double x = xOf(s.timeNs);
            p.drawLine(QPointF(x - 3, plot.top() - 3), QPointF(x + 3, plot.top() + 3));
            p.drawLine(QPointF(x - 3, plot.top() + 3), QPointF(x + 3, plot.top() - 3));
        }
    }

    p.setPen(gridColour);
    p.setBrush(Qt::NoBrush);
    p.drawRect(plot);
}

} // namespace wsscope
