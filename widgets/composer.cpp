#include "composer.h"

#include "closecodes.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace wsscope {

namespace {
// Where a JSON parse error sits, as "line 3, column 7" (QJsonParseError gives only an offset).
QString lineColumn(const QString &text, int offset)
{
    offset = qBound(0, offset, int(text.size()));
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset; ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return Composer::tr("line %1, column %2").arg(line).arg(column);
}

QString toHex(const QByteArray &data)
{
    return QString::fromLatin1(data.toHex(' '));
}
} // namespace

Composer::Composer(QWidget *parent) : QWidget(parent)
{
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("Text"), int(Mode::Text));
    m_mode->addItem(tr("Binary (hex)"), int(Mode::Binary));
    m_mode->setToolTip(tr("Send a text message, or a binary message written as hex bytes."));

    m_hint = new QLabel(this);
    m_hint->setTextFormat(Qt::PlainText);

    m_fromFile = new QToolButton(this);
    m_fromFile->setText(tr("From File…"));
    m_fromFile->setToolTip(tr("Send the bytes of a file as one binary message."));
    connect(m_fromFile, &QToolButton::clicked, this, &Composer::chooseFile);

    m_fragment = new QCheckBox(tr("Fragment into frames of"), this);
    m_fragment->setToolTip(tr("Send the message as several frames (RFC 6455 §5.4)."));
    m_frameSize = new QSpinBox(this);
    m_frameSize->setRange(1, 16 * 1024 * 1024);
    m_frameSize->setValue(16);
    m_frameSize->setSuffix(tr(" bytes"));
    m_frameSize->setEnabled(false);
    connect(m_fragment, &QCheckBox::toggled, m_frameSize, &QWidget::setEnabled);

    m_snippetButton = new QToolButton(this);
    m_snippetButton->setText(tr("Snippets"));
    m_snippetButton->setPopupMode(QToolButton::InstantPopup);
    m_snippetButton->setMenu(new QMenu(m_snippetButton));
    m_snippetButton->setToolTip(tr("Messages saved for this URL."));
    connect(m_snippetButton->menu(), &QMenu::aboutToShow, this, &Composer::rebuildSnippetMenu);

    auto *top = new QHBoxLayout;
    top->addWidget(m_mode);
    top->addWidget(m_fromFile);
    top->addWidget(m_hint, 1);
    top->addWidget(m_fragment);
    top->addWidget(m_frameSize);
    top->addWidget(m_snippetButton);

    m_editor = new QPlainTextEdit(this);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setTabChangesFocus(true);
    m_editor->setPlaceholderText(tr("Message to send. Ctrl+Enter sends; Up/Down on the first/last line "
                                    "browse what you sent before."));
    m_editor->installEventFilter(this);
    m_editor->setMinimumHeight(48);

    m_send = new QPushButton(tr("&Send"), this);
    m_send->setToolTip(tr("Send the message (Ctrl+Enter)"));
    m_send->setDefault(true);
    connect(m_send, &QPushButton::clicked, this, &Composer::send);
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &Composer::send);
    }

    m_pingPayload = new QLineEdit(this);
    m_pingPayload->setPlaceholderText(tr("ping payload (text)"));
    m_pingPayload->setMaxLength(125); // RFC 6455 §5.5: control payloads are at most 125 bytes
    m_pingPayload->setMaximumWidth(180);
    m_ping = new QPushButton(tr("P&ing"), this);
    m_ping->setToolTip(tr("Send a ping; the pong's round-trip time shows in the Ping/Pong tab."));
    connect(m_ping, &QPushButton::clicked, this, &Composer::sendPing);
    connect(m_pingPayload, &QLineEdit::returnPressed, this, &Composer::sendPing);

    m_closeCode = new QComboBox(this);
    m_closeCode->setEditable(true);
    m_closeCode->setInsertPolicy(QComboBox::NoInsert);
    for (int code : {1000, 1001, 1008, 1011, 4000})
        m_closeCode->addItem(QStringLiteral("%1 %2").arg(code).arg(CloseCodes::name(code)), code);
    m_closeCode->setMinimumContentsLength(18);
    m_closeCode->setToolTip(tr("Close code: pick one or type any number from 1000 to 4999."));
    m_closeReason = new QLineEdit(this);
    m_closeReason->setPlaceholderText(tr("reason"));
    m_closeReason->setMaximumWidth(200);
    m_close = new QPushButton(tr("C&lose"), this);
    m_close->setToolTip(tr("Start the closing handshake with this code and reason."));
    connect(m_close, &QPushButton::clicked, this, &Composer::sendClose);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_send);
    bottom->addStretch(1);
    bottom->addWidget(m_pingPayload);
    bottom->addWidget(m_ping);
    bottom->addSpacing(16);
    bottom->addWidget(m_closeCode);
    bottom->addWidget(m_closeReason);
    bottom->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_editor, 1);
    layout->addLayout(bottom);

    m_hintTimer = new QTimer(this);
    m_hintTimer->setSingleShot(true);
    m_hintTimer->setInterval(120); // large pastes are parsed once, not on every keystroke
    connect(m_hintTimer, &QTimer::timeout, this, &Composer::updateHint);
    connect(m_editor, &QPlainTextEdit::textChanged, m_hintTimer, qOverload<>(&QTimer::start));
    connect(m_editor, &QPlainTextEdit::textChanged, this, &Composer::updateSendState);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        m_fileData.clear();
        m_fileName.clear();
        m_editor->setReadOnly(false);
        m_fromFile->setVisible(mode() == Mode::Binary);
        m_fromFile->setText(tr("From File…"));
        updateHint();
        updateSendState();
    });
    m_fromFile->setVisible(false);
    updateHint();
    setConnected(false);
}

void Composer::setConnectionUrl(const QString &url)
{
    m_url = url;
}

void Composer::setConnected(bool connected)
{
    m_connected = connected;
    m_ping->setEnabled(connected);
    m_close->setEnabled(connected);
    updateSendState();
}

void Composer::updateSendState()
{
    bool ok = true;
    if (mode() == Mode::Binary)
        binaryData(&ok);
    m_send->setEnabled(m_connected && ok);
}

Composer::Mode Composer::mode() const
{
    return Mode(m_mode->currentData().toInt());
}

void Composer::setMode(Mode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

QString Composer::text() const
{
    return m_editor->toPlainText();
}

void Composer::setText(const QString &text)
{
    m_editor->setPlainText(text);
    m_editor->moveCursor(QTextCursor::End);
    updateHint();
}

QByteArray Composer::parseHex(const QString &text, bool *ok)
{
    QString digits;
    digits.reserve(text.size());
    static const QRegularExpression prefix(QStringLiteral("0[xX]"));
    QString cleaned = text;
    cleaned.replace(prefix, QString());
    for (QChar c : std::as_const(cleaned)) {
        if (c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char(':'))
            continue;
        if (!QStringLiteral("0123456789abcdefABCDEF").contains(c)) {
            if (ok)
                *ok = false;
            return {};
        }
        digits.append(c);
    }
    if (digits.size() % 2 != 0) {
        if (ok)
            *ok = false;
        return {};
    }
    if (ok)
        *ok = true;
    return QByteArray::fromHex(digits.toLatin1());
}

QByteArray Composer::binaryData(bool *ok) const
{
    if (!m_fileName.isEmpty()) {
        if (ok)
            *ok = true;
        return m_fileData;
    }
    return parseHex(m_editor->toPlainText(), ok);
}

void Composer::setBinaryData(const QByteArray &data)
{
    setMode(Mode::Binary);
    setText(toHex(data));
}

int Composer::fragmentSize() const
{
    return m_fragment->isChecked() ? m_frameSize->value() : 0;
}

void Composer::setFragmentSize(int bytes)
{
    m_fragment->setChecked(bytes > 0);
    if (bytes > 0)
        m_frameSize->setValue(bytes);
}

void Composer::updateHint()
{
    QString hint;
    QString colour = QStringLiteral("palette(mid)");
    if (mode() == Mode::Binary) {
        if (!m_fileName.isEmpty()) {
            hint = tr("%1: %Ln byte(s) from the file", nullptr, int(m_fileData.size())).arg(m_fileName);
        } else {
            bool ok = false;
            const QByteArray data = parseHex(m_editor->toPlainText(), &ok);
            if (ok) {
                hint = tr("%Ln byte(s)", nullptr, int(data.size()));
            } else {
                hint = tr("Not hex: write byte pairs such as 48 65 6c 6c 6f");
                colour = QStringLiteral("#b3261e");
            }
        }
    } else {
        const QString text = m_editor->toPlainText();
        const QString trimmed = text.trimmed();
        if (trimmed.startsWith(QLatin1Char('{')) || trimmed.startsWith(QLatin1Char('['))) {
            QJsonParseError error;
            QJsonDocument::fromJson(text.toUtf8(), &error);
            if (error.error == QJsonParseError::NoError) {
                hint = tr("✓ Valid JSON");
                colour = QStringLiteral("#1b7f3b");
            } else {
                // The offset is in UTF-8 bytes; convert it back to characters for the line/column.
                const int chars = int(QString::fromUtf8(text.toUtf8().left(error.offset)).size());
                hint = tr("✗ Invalid JSON: %1 at %2").arg(error.errorString(), lineColumn(text, chars));
                colour = QStringLiteral("#b3261e");
            }
        } else if (!text.isEmpty()) {
            hint = tr("Text, %Ln byte(s) of UTF-8", nullptr, int(text.toUtf8().size()));
        }
    }
    m_hint->setText(hint);
    m_hint->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
}

void Composer::send()
{
    if (!m_connected)
        return;
    const int fragment = fragmentSize();
    if (mode() == Mode::Text) {
        const QString text = m_editor->toPlainText();
        rememberHistory(text);
        emit sendTextRequested(text, fragment);
        return;
    }
    bool ok = false;
    const QByteArray data = binaryData(&ok);
    if (!ok)
        return;
    if (m_fileName.isEmpty())
        rememberHistory(m_editor->toPlainText());
    emit sendBinaryRequested(data, fragment);
}

void Composer::sendPing()
{
    if (m_connected)
        emit pingRequested(m_pingPayload->text().toUtf8().left(125));
}

void Composer::sendClose()
{
    if (!m_connected)
        return;
    const QString text = m_closeCode->currentText().trimmed();
    bool ok = false;
    int code = text.section(QLatin1Char(' '), 0, 0).toInt(&ok);
    if (!ok) {
        const int index = m_closeCode->findText(text);
        code = index >= 0 ? m_closeCode->itemData(index).toInt() : 1000;
    }
    emit closeRequested(code, m_closeReason->text());
}

void Composer::chooseFile()
{
    if (!m_fileName.isEmpty()) {
        m_fileData.clear();
        m_fileName.clear();
        m_editor->setReadOnly(false);
        m_editor->clear();
        m_fromFile->setText(tr("From File…"));
        updateHint();
        updateSendState();
        return;
    }
    const QString path = QFileDialog::getOpenFileName(this, tr("Send File as Binary Message"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Send File"),
                             tr("Could not read %1 (%2); check that it exists and you may read it.")
                                 .arg(QFileInfo(path).fileName(), file.errorString()));
        return;
    }
    m_fileData = file.readAll();
    m_fileName = QFileInfo(path).fileName();
    setMode(Mode::Binary);
    // Shows the start of the file; the whole file is sent.
    m_editor->setPlainText(toHex(m_fileData.left(4096)) +
                           (m_fileData.size() > 4096 ? QStringLiteral(" …") : QString()));
    m_editor->setReadOnly(true);
    m_fromFile->setText(tr("Clear File"));
    updateHint();
    updateSendState();
}

void Composer::rememberHistory(const QString &entry)
{
    if (entry.isEmpty())
        return;
    m_history.removeAll(entry);
    m_history.append(entry);
    while (m_history.size() > MaxHistory)
        m_history.removeFirst();
    m_historyPos = -1;
    m_draft.clear();
}

void Composer::browseHistory(int step)
{
    if (m_history.isEmpty())
        return;
    int pos = m_historyPos;
    if (pos < 0) {
        if (step > 0)
            return;
        m_draft = m_editor->toPlainText();
        pos = int(m_history.size());
    }
    pos += step;
    if (pos < 0)
        return;
    if (pos >= m_history.size()) {
        m_historyPos = -1;
        setText(m_draft);
        return;
    }
    m_historyPos = pos;
    setText(m_history.at(pos));
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress && !m_editor->isReadOnly()) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::NoModifier || key->modifiers() == Qt::KeypadModifier) {
            const QTextCursor cursor = m_editor->textCursor();
            // Like a shell: Up on the first line goes back, Down on the last line comes forward;
            // elsewhere the keys move the cursor as usual.
            if (key->key() == Qt::Key_Up && cursor.block() == m_editor->document()->firstBlock() &&
                !cursor.hasSelection()) {
                browseHistory(-1);
                return true;
            }
            if (key->key() == Qt::Key_Down && cursor.block() == m_editor->document()->lastBlock() &&
                !cursor.hasSelection() && m_historyPos >= 0) {
                browseHistory(+1);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString Composer::settingsKey() const
{
    return QStringLiteral("snippets/") +
           QString::fromLatin1(QUrl::toPercentEncoding(m_url.isEmpty() ? QStringLiteral("-") : m_url));
}

QList<Composer::Snippet> Composer::snippets() const
{
    QList<Snippet> list;
    const QJsonArray array =
        QJsonDocument::fromJson(QSettings().value(settingsKey()).toString().toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        Snippet s;
        s.name = o.value(QLatin1String("name")).toString();
        s.mode =
            o.value(QLatin1String("mode")).toString() == QLatin1String("binary") ? Mode::Binary : Mode::Text;
        s.content = o.value(QLatin1String("content")).toString();
        if (!s.name.isEmpty())
            list.append(s);
    }
    return list;
}

void Composer::storeSnippets(const QList<Snippet> &list)
{
    QJsonArray array;
    for (const Snippet &s : list) {
        array.append(QJsonObject{{QLatin1String("name"), s.name},
                                 {QLatin1String("mode"),
                                  s.mode == Mode::Binary ? QStringLiteral("binary") : QStringLiteral("text")},
                                 {QLatin1String("content"), s.content}});
    }
    QSettings settings;
    if (array.isEmpty())
        settings.remove(settingsKey());
    else
        settings.setValue(settingsKey(),
                          QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
}

void Composer::saveSnippet(const QString &name)
{
    QList<Snippet> list = snippets();
    Snippet s;
    s.name = name;
    s.mode = mode();
    s.content =
        (mode() == Mode::Binary && !m_fileName.isEmpty()) ? toHex(m_fileData) : m_editor->toPlainText();
    bool replaced = false;
    for (Snippet &existing : list) {
        if (existing.name == name) {
            existing = s;
            replaced = true;
        }
    }
    if (!replaced)
        list.append(s);
    storeSnippets(list);
}

void Composer::removeSnippet(const QString &name)
{
    QList<Snippet> list = snippets();
    list.removeIf([&](const Snippet &s) { return s.name == name; });
    storeSnippets(list);
}

void Composer::applySnippet(const QString &name)
{
    const QList<Snippet> list = snippets();
    for (const Snippet &s : list) {
        if (s.name == name) {
            setMode(s.mode);
            setText(s.content);
            return;
        }
    }
}

void Composer::rebuildSnippetMenu()
{
    QMenu *menu = m_snippetButton->menu();
    menu->clear();
    const QList<Snippet> list = snippets();
    QAction *save = menu->addAction(tr("Save Message as Snippet…"));
    save->setEnabled(!m_editor->toPlainText().isEmpty());
    connect(save, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("Save Snippet"), tr("Name of the snippet for %1:").arg(m_url),
                                  QLineEdit::Normal, QString(), &ok)
                .trimmed();
        if (ok && !name.isEmpty())
            saveSnippet(name);
    });
    if (list.isEmpty()) {
        menu->addSection(tr("No snippets for this URL"));
        return;
    }
    menu->addSection(tr("Insert"));
    for (const Snippet &s : list) {
        QAction *a = menu->addAction(s.name);
        a->setToolTip(s.content.left(200));
        connect(a, &QAction::triggered, this, [this, name = s.name] { applySnippet(name); });
    }
    QMenu *remove = menu->addMenu(tr("Delete"));
    for (const Snippet &s : list) {
        QAction *a = remove->addAction(s.name);
        connect(a, &QAction::triggered, this, [this, name = s.name] { removeSnippet(name); });
    }
}

} // namespace wsscope
