#pragma once

#include <QTextBrowser>

namespace wsscope {

class EventLog;
struct EventRecord;

// Explains one timeline event in words. For a frame: every header bit (FIN, RSV1-3, opcode, MASK
// with its key, the length encoding), the header bytes as sent, where the frame starts in its
// direction's byte stream, and the violations the decoder reported for it, each with its RFC section.
// For other events: their recorded details.
class FrameDetailsView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit FrameDetailsView(QWidget *parent = nullptr);

    // Shows event index of log; -1 (or a null log) clears the view.
    void setEvent(const EventLog *log, qsizetype index);
    qsizetype eventIndex() const { return m_index; }

    // The HTML shown for an event; public so it can be tested without a widget.
    static QString describe(const EventLog &log, qsizetype index);

    // Header bytes as they were on the wire, reconstructed from the record (lengths are written in
    // the encoding the peer used, so non-minimal encodings come back as sent).
    static QByteArray headerBytes(const EventRecord &record);

private:
    qsizetype m_index = -1;
};

} // namespace wsscope
