// Paint cost of the hex view against payload size: it should not grow with the payload, because
// only visible lines are formatted. Prints milliseconds per frame and the 16 MiB / 16 KiB ratio.
#include "hexview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <cstdio>

using namespace wsscope;

static double msPerFrame(qint64 size, int frames)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        data[i] = char(i * 131);
    HexView view;
    view.resize(1000, 800);
    view.setData(data);
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < frames; ++i) {
        // Jump around the payload so each frame paints different lines.
        view.gotoOffset((qint64(i) * 7919 * 16) % size);
        view.render(&image);
    }
    return double(timer.nsecsElapsed()) / 1e6 / frames;
}

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const int frames = 200;
    const double small = msPerFrame(16 << 10, frames);
    const double large = msPerFrame(16 << 20, frames);
    std::printf("hexview paint 1000x800: 16 KiB %.3f ms/frame, 16 MiB %.3f ms/frame, ratio %.2f\n", small,
                large, large / small);
    return 0;
}
