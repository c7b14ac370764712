#include "closebanner.h"

#include "closecodes.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

namespace wsscope {

namespace {
QPixmap stateGlyph(bool clean, qreal dpr)
{
    const int size = 22;
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(clean ? QColor(0x55, 0x6b, 0x7d) : QColor(0xc6, 0x28, 0x28));
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    p.setPen(QPen(Qt::white, 2.2, Qt::SolidLine, Qt::RoundCap));
    if (clean) {
        // A square "stop" for an orderly close.
        p.setBrush(Qt::white);
        p.setPen(Qt::NoPen);
        p.drawRect(QRectF(7, 7, 8, 8));
    } else {
        p.drawLine(QPointF(11, 5.5), QPointF(11, 12.5));
        p.drawPoint(QPointF(11, 16.5));
    }
    return pixmap;
}

QString codeText(int code)
{
    const QString name = CloseCodes::name(code);
    return name.isEmpty() ? QString::number(code) : QStringLiteral("%1 %2").arg(code).arg(name);
}
} // namespace

CloseBanner::CloseBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("closeBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignTop);
    m_headline = new QLabel(this);
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setWordWrap(true);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details = new QLabel(this);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dismiss = new QToolButton(this);
    m_dismiss->setText(QStringLiteral("\u2715"));
    m_dismiss->setAutoRaise(true);
    m_dismiss->setToolTip(tr("Hide this banner"));
    connect(m_dismiss, &QToolButton::clicked, this, [this] {
        hide();
        emit dismissed();
    });

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_headline);
    text->addWidget(m_details);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 4, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    layout->addWidget(m_dismiss, 0, Qt::AlignTop);
    hide();
}

QString CloseBanner::headline(const CloseInfo &info)
{
    if (!info.errorText.isEmpty() && info.initiator.isEmpty() && info.code < 0)
        return tr("Connection failed: %1").arg(info.errorText);
    const QString code = info.code >= 0 ? codeText(info.code) : codeText(1005);
    if (info.initiator == QLatin1String("server"))
        return tr("Closed by the server with %1").arg(code);
    if (info.initiator == QLatin1String("client"))
        return tr("Closed by this client with %1").arg(code);
    if (info.code == 1006 || info.code < 0)
        return tr("Connection lost: %1, no close frame was exchanged").arg(codeText(1006));
    return tr("Closed with %1").arg(code);
}

QString CloseBanner::details(const CloseInfo &info)
{
    QStringList parts;
    const int code = info.code >= 0 ? info.code : (info.initiator.isEmpty() ? 1006 : 1005);
    const QString meaning = CloseCodes::meaning(code);
    if (!meaning.isEmpty())
        parts << meaning;
    if (!info.reason.isEmpty())
        parts << tr("Reason: \u201c%1\u201d.").arg(info.reason);
    else if (!info.initiator.isEmpty())
        parts << tr("No reason given.");
    if (info.clean)
        parts << tr("Clean close: both sides exchanged close frames before TCP ended.");
    else if (!info.initiator.isEmpty())
        parts << tr("Not clean: the TCP connection ended before the closing handshake completed.");
    else
        parts << tr("Abnormal: the TCP connection ended with no close frame (RFC 6455 §7.1.5).");
    if (!info.errorText.isEmpty() && !(info.initiator.isEmpty() && info.code < 0))
        parts << info.errorText;
    QStringList when;
    if (info.wallTime.isValid())
        when << tr("at %1").arg(QLocale().toString(info.wallTime.time(), QStringLiteral("HH:mm:ss.zzz")));
    if (info.timeNs >= 0)
        when << tr("%1 s after connecting").arg(QString::number(info.timeNs / 1e9, 'f', 3));
    if (!when.isEmpty())
        parts << tr("Ended %1.").arg(when.join(QStringLiteral(", ")));
    return parts.join(QLatin1Char(' '));
}

void CloseBanner::showClose(const CloseInfo &info)
{
    m_info = info;
    m_headline->setText(headline(info));
    m_details->setText(details(info));
    QPalette pal = palette();
    const bool clean = info.clean && (info.code == 1000 || info.code == 1001);
    pal.setColor(QPalette::Window, clean ? QColor(0xe8, 0xee, 0xf3) : QColor(0xfd, 0xec, 0xea));
    pal.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    setPalette(pal);
    m_icon->setPixmap(stateGlyph(info.clean, devicePixelRatioF()));
    show();
}

QString CloseBanner::text() const
{
    return m_headline->text() + QLatin1Char('\n') + m_details->text();
}

} // namespace wsscope
