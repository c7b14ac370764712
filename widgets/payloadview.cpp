#include "payloadview.h"

#include "cborview.h"
#include "hexview.h"
#include "jsonview.h"
#include "utf8validator.h"

#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

namespace wsscope {

namespace {

constexpr quint8 kText = 0x1; // RFC 6455 §5.2 opcodes
constexpr quint8 kClose = 0x8;

// JSON worth a tree is an object or an array; "42" or "\"hi\"" read better as text.
bool looksLikeJson(const QByteArray &data)
{
    for (const char c : data) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

// Text that is also readable: no C0 controls besides tab and line breaks, no DEL.
bool isReadableText(const QByteArray &data)
{
    for (const char c : data) {
        const uchar u = uchar(c);
        if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7f)
            return false;
    }
    return true;
}

} // namespace

PayloadView::PayloadView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setContentsMargins(4, 2, 4, 2);
    m_note->hide();
    layout->addWidget(m_note);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_text = new QPlainTextEdit(m_tabs);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_json = new JsonView(m_tabs);
    m_hex = new HexView(m_tabs);
    m_cbor = new CborView(m_tabs);
    m_tabs->insertTab(TextTab, m_text, tr("Text"));
    m_tabs->insertTab(JsonTab, m_json, tr("JSON"));
    m_tabs->insertTab(HexTab, m_hex, tr("Hex"));
    m_tabs->insertTab(CborTab, m_cbor, tr("CBOR"));
    layout->addWidget(m_tabs, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, &PayloadView::fillPage);
    clear();
}

QString PayloadView::formatSize(quint64 bytes)
{
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024)
        return bytes == 1 ? tr("1 byte") : tr("%1 bytes").arg(bytes);
    double value = double(bytes);
    int unit = -1;
    while (value >= 1024.0 && unit < 3) {
        value /= 1024.0;
        ++unit;
    }
    const bool whole = value == double(qint64(value));
    return QStringLiteral("%1 %2").arg(QLocale().toString(value, 'f', whole ? 0 : 1),
                                       QLatin1String(units[unit]));
}

qint64 PayloadView::firstInvalidUtf8(const QByteArray &data, bool allowIncompleteTail)
{
    return Utf8Validator::firstInvalid(data.constData(), data.size(), allowIncompleteTail);
}

void PayloadView::clear()
{
    setPayload(QByteArray(), kText);
    // Nothing is selected: "Empty payload." would claim a frame without bytes.
    m_note->setText(tr("Select a frame in the timeline to see its payload."));
}

void PayloadView::setPayload(const QByteArray &data, quint8 opcode, bool truncated, quint64 trueLength)
{
    m_data = data;
    m_opcode = opcode;
    m_truncated = truncated;
    m_filled = 0;
    m_doc = OrderedJson();

    QStringList notes;
    if (truncated) {
        notes << tr("Showing %1 of %2: the rest was not stored (payload cap).")
                     .arg(formatSize(quint64(data.size())),
                          formatSize(qMax(trueLength, quint64(data.size()))));
    }

    const bool textFrame = opcode == kText;
    // A close frame's body is a 2-byte code then UTF-8 reason (RFC 6455 §5.5.1): bytes first.
    const bool closeFrame = opcode == kClose;
    const qint64 badUtf8 = firstInvalidUtf8(data, truncated);
    const bool utf8 = badUtf8 < 0;
    const bool jsonLike = utf8 && looksLikeJson(data);
    if (jsonLike)
        m_doc = OrderedJson::parse(data);
    const bool jsonValid = m_doc.isValid();
    qint64 firstCborEnd = 0;
    const bool cborDecodes =
        !textFrame && !jsonValid && !data.isEmpty() && CborView::firstItemDecodes(data, &firstCborEnd);
    const bool cborWhole = cborDecodes && firstCborEnd == data.size();

    const bool textEnabled = textFrame || (utf8 && !closeFrame) || data.isEmpty();
    m_tabs->setTabEnabled(TextTab, textEnabled);
    m_tabs->setTabEnabled(JsonTab, jsonLike);
    m_tabs->setTabEnabled(HexTab, true);
    m_tabs->setTabEnabled(CborTab, cborDecodes);

    Tab tab = HexTab;
    if (data.isEmpty()) {
        tab = TextTab;
        notes << tr("Empty payload.");
    } else if (jsonValid) {
        tab = JsonTab;
    } else if (textFrame) {
        tab = TextTab;
        if (!utf8)
            notes
                << tr("This text frame is not valid UTF-8 (first bad byte at offset %1); bad bytes are shown "
                      "as \uFFFD. The Hex tab shows the exact bytes.")
                       .arg(badUtf8);
    } else if (cborWhole) {
        tab = CborTab;
    } else if (utf8 && !closeFrame && isReadableText(data)) {
        tab = TextTab;
    }
    if (jsonLike && !jsonValid && !truncated)
        notes << tr("Looks like JSON but is not valid (%1); the JSON tab marks the spot.")
                     .arg(m_doc.error().toString());

    m_note->setText(notes.join(QLatin1Char('\n')));
    m_note->setVisible(!notes.isEmpty());

    // Empty the pages that will be filled lazily, so none shows the previous payload.
    m_text->clear();
    m_json->clear();
    m_hex->setData(QByteArray());
    m_cbor->setData(QByteArray());
    m_filled = 0;

    const QSignalBlocker blocker(m_tabs);
    m_tabs->setCurrentIndex(tab);
    fillPage(tab);
}

void PayloadView::fillPage(int tab)
{
    if (tab < 0 || (m_filled & (1u << tab)))
        return;
    m_filled |= 1u << tab;
    switch (Tab(tab)) {
    case TextTab: {
        const bool cut = m_data.size() > MaxTextBytes;
        // fromUtf8 turns every invalid sequence into U+FFFD, which is what the note promises.
        QString text = QString::fromUtf8(m_data.constData(), cut ? MaxTextBytes : m_data.size());
        if (cut)
            text += QLatin1Char('\n') +
                    tr("[The Text tab shows the first %1; the Hex tab shows all %2.]")
                        .arg(formatSize(quint64(MaxTextBytes)), formatSize(quint64(m_data.size())));
        m_text->setPlainText(text);
        break;
    }
    case JsonTab:
        m_json->setDocument(m_doc);
        break;
    case HexTab:
        m_hex->setData(m_data);
        break;
    case CborTab:
        m_cbor->setData(m_data);
        break;
    }
}

PayloadView::Tab PayloadView::currentTab() const
{
    return Tab(m_tabs->currentIndex());
}

void PayloadView::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

bool PayloadView::isTabEnabled(Tab tab) const
{
    return m_tabs->isTabEnabled(tab);
}

QString PayloadView::noteText() const
{
    return m_note->isHidden() ? QString() : m_note->text();
}

} // namespace wsscope
