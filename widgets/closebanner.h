#pragma once

#include <QDateTime>
#include <QFrame>

class QLabel;
class QToolButton;

namespace wsscope {

// A strip above the timeline that says how the selected connection ended: who closed first,
// the code with its name and meaning, the reason, and whether the close was clean.
class CloseBanner : public QFrame
{
    Q_OBJECT
public:
    struct CloseInfo
    {
        QString initiator; // "client", "server", or empty when no close frame was seen
        int code = -1;     // -1: none; 1005 no code in the frame; 1006 TCP died with no close frame
        QString reason;
        bool clean = false;
        qint64 timeNs = -1; // since the connection started; -1 unknown
        QDateTime wallTime; // invalid: unknown
        QString errorText;  // what went wrong, when the connection failed instead of closing
    };

    explicit CloseBanner(QWidget *parent = nullptr);

    void showClose(const CloseInfo &info);
    const CloseInfo &closeInfo() const { return m_info; }
    // The banner's text as shown (headline and details), for tests and copying.
    QString text() const;

    static QString headline(const CloseInfo &info);
    static QString details(const CloseInfo &info);

signals:
    void dismissed();

private:
    CloseInfo m_info;
    QLabel *m_icon = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_details = nullptr;
    QToolButton *m_dismiss = nullptr;
};

} // namespace wsscope
