#pragma once

#include <QByteArray>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTimer;
class QToolButton;

namespace wsscope {

// Writes what the user sends: text or binary messages (optionally fragmented), pings and closes.
// Keeps a history browsed with Up/Down and named snippets saved per connection URL in QSettings.
class Composer : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Text, Binary };
    Q_ENUM(Mode)

    explicit Composer(QWidget *parent = nullptr);

    // Snippets belong to this URL; also clears the binary file selection.
    void setConnectionUrl(const QString &url);
    QString connectionUrl() const { return m_url; }
    // Disables the send buttons when no open connection is selected.
    void setConnected(bool connected);
    bool isConnected() const { return m_connected; }

    Mode mode() const;
    void setMode(Mode mode);
    QString text() const;
    void setText(const QString &text);
    // Binary mode: the bytes that Send would send (parsed hex, or the chosen file), and whether they parse.
    QByteArray binaryData(bool *ok = nullptr) const;
    void setBinaryData(const QByteArray &data);
    // 0 when "Fragment" is off.
    int fragmentSize() const;
    void setFragmentSize(int bytes); // 0 turns fragmenting off

    QStringList history() const { return m_history; }
    static constexpr int MaxHistory = 200;

    struct Snippet
    {
        QString name;
        Mode mode = Mode::Text;
        QString content; // text, or hex for binary snippets
    };
    QList<Snippet> snippets() const;
    void saveSnippet(const QString &name);
    void removeSnippet(const QString &name);
    void applySnippet(const QString &name);

    QPlainTextEdit *editor() const { return m_editor; }
    QLabel *hintLabel() const { return m_hint; }
    QPushButton *sendButton() const { return m_send; }
    QLineEdit *pingPayloadEdit() const { return m_pingPayload; }
    QComboBox *closeCodeCombo() const { return m_closeCode; }
    QLineEdit *closeReasonEdit() const { return m_closeReason; }

    // Parses "48 65 6c", "0x48,0x65", "48656c"; false on anything else.
    static QByteArray parseHex(const QString &text, bool *ok);

public slots:
    void send();
    void sendPing();
    void sendClose();
    void chooseFile();

signals:
    void sendTextRequested(const QString &text, int fragmentSize);
    void sendBinaryRequested(const QByteArray &data, int fragmentSize);
    void pingRequested(const QByteArray &payload);
    void closeRequested(int code, const QString &reason);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateHint();
    void updateSendState();
    void rememberHistory(const QString &entry);
    void browseHistory(int step);
    void rebuildSnippetMenu();
    void storeSnippets(const QList<Snippet> &list);
    QString settingsKey() const;

    QComboBox *m_mode = nullptr;
    QLabel *m_hint = nullptr;
    QCheckBox *m_fragment = nullptr;
    QSpinBox *m_frameSize = nullptr;
    QToolButton *m_fromFile = nullptr;
    QToolButton *m_snippetButton = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QPushButton *m_send = nullptr;
    QLineEdit *m_pingPayload = nullptr;
    QPushButton *m_ping = nullptr;
    QComboBox *m_closeCode = nullptr;
    QLineEdit *m_closeReason = nullptr;
    QPushButton *m_close = nullptr;
    QTimer *m_hintTimer = nullptr;

    QString m_url;
    bool m_connected = false;
    QStringList m_history;
    int m_historyPos = -1; // -1: editing a new entry
    QString m_draft;       // what was in the editor before browsing history
    QByteArray m_fileData; // binary mode: bytes of the chosen file (the editor then shows a summary)
    QString m_fileName;
};

} // namespace wsscope
