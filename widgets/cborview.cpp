#include "cborview.h"

#include <QCborStreamReader>
#include <QCborValue>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace wsscope {

CborView::CborView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setContentsMargins(4, 2, 4, 2);
    m_note->hide();
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_note);
    layout->addWidget(m_text, 1);
}

CborView::Decoded CborView::decode(const QByteArray &data, int maxItems, qint64 maxChars)
{
    Decoded d;
    QStringList parts;
    qint64 chars = 0;
    // QCborStreamReader stops after one top-level item, so each item of a sequence gets a reader
    // over the bytes that remain (a view, not a copy).
    while (d.consumed < data.size() && d.items < maxItems) {
        const qint64 start = d.consumed;
        QCborStreamReader reader(data.constData() + start, data.size() - start);
        const QCborValue value = QCborValue::fromCbor(reader);
        const QCborError err = reader.lastError();
        if (err != QCborError::NoError) {
            d.error = err.toString();
            d.errorOffset = start + reader.currentOffset();
            break;
        }
        if (reader.currentOffset() <= 0) { // no progress: never loop on a confused reader
            d.error = tr("the decoder made no progress");
            d.errorOffset = start;
            break;
        }
        ++d.items;
        d.consumed = start + reader.currentOffset();
        if (d.items == 1)
            d.firstItemEnd = d.consumed;
        if (chars < maxChars) {
            QString text = value.toDiagnosticNotation(QCborValue::LineWrapped);
            chars += text.size();
            parts << text;
        } else {
            d.truncatedOutput = true;
        }
    }
    if (d.items == maxItems && d.consumed < data.size())
        d.truncatedOutput = true;
    d.diagnostic = parts.join(QLatin1String(",\n"));
    return d;
}

bool CborView::firstItemDecodes(const QByteArray &data, qint64 *firstItemEnd)
{
    if (data.isEmpty())
        return false;
    QCborStreamReader reader(data);
    QCborValue::fromCbor(reader);
    if (reader.lastError() != QCborError::NoError)
        return false;
    if (firstItemEnd)
        *firstItemEnd = reader.currentOffset();
    return true;
}

void CborView::setData(const QByteArray &data)
{
    const Decoded d = decode(data);
    QStringList notes;
    if (d.items == 0) {
        notes << tr("Not CBOR: %1 at byte %2.").arg(d.error).arg(qMax<qint64>(0, d.errorOffset));
    } else {
        if (d.items > 1)
            notes << tr("A CBOR sequence of %1 items.").arg(d.items);
        if (!d.error.isEmpty())
            notes << tr("Decoding stopped at byte %1: %2. The bytes from there on are shown in the Hex tab.")
                         .arg(d.errorOffset)
                         .arg(d.error);
        if (d.truncatedOutput)
            notes << tr("Only the first items are shown; the Hex tab shows every byte.");
    }
    m_note->setText(notes.join(QLatin1Char('\n')));
    m_note->setVisible(!notes.isEmpty());
    m_text->setPlainText(d.diagnostic);
}

QString CborView::text() const
{
    return m_text->toPlainText();
}

QString CborView::noteText() const
{
    return m_note->isHidden() ? QString() : m_note->text();
}

} // namespace wsscope
