#pragma once

#include "capturesink.h"

#include <QDialog>
#include <QStringList>
#include <optional>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;

namespace wsscope {

class EventLog;

// What File > Export… writes; see docs/export-formats.md for the formats.
struct ExportOptions
{
    enum class Format { Har, Ndjson, Csv, PayloadFiles };
    Format format = Format::Har;
    QString path;                       // a file; a folder for PayloadFiles
    quint32 connection = 0;             // 0: every connection
    std::optional<Direction> direction; // messages only: empty for both directions
    bool includeControlFrames = false;  // messages only: close, ping and pong as messages too
    bool redact = true;                 // HAR only
    QStringList redactHeaders;          // HAR only, when redact is set
    QStringList redactQueryParameters;  // HAR only, when redact is set
};

// Writes a log as ExportOptions say. False with a one-sentence reason in *message; on success
// *message tells what was written.
bool exportLog(const EventLog &log, const ExportOptions &options, QString *message);

// File > Export…: the format, the connections (all or the selected one), the direction, and for HAR
// the header and query values to hide, as check lists filled from the log's handshakes and URLs.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(const EventLog *log, quint32 selectedConnection, QWidget *parent = nullptr);

    ExportOptions options() const;
    void setFormat(ExportOptions::Format format);
    void setPath(const QString &path);
    void setSelectedOnly(bool selectedOnly);
    void setDirection(std::optional<Direction> direction);
    // Adds a name to the header or query list (checked), as the Add buttons do.
    void addRedactedHeader(const QString &name);
    void addRedactedQueryParameter(const QString &name);

    QListWidget *headerList() const { return m_headers; }
    QListWidget *queryList() const { return m_query; }
    QCheckBox *redactBox() const { return m_redact; }
    QLabel *errorLabel() const { return m_error; }

    // Header names seen in the handshakes of the log (the defaults first) and query parameter names
    // seen in its URLs.
    static QStringList headerNamesIn(const EventLog &log);
    static QStringList queryNamesIn(const EventLog &log);

public slots:
    // Writes the export; accepts the dialog when it worked, otherwise shows why and stays open.
    bool exportNow();
    void browse();

signals:
    void exported(const QString &message);

private:
    void updateState();
    static void addName(QListWidget *list, const QString &name, bool checked);
    static QStringList checkedNames(const QListWidget *list);
    QString suggestedPath(ExportOptions::Format format) const;

    const EventLog *m_log;
    quint32 m_selected;
    QComboBox *m_format = nullptr;
    QRadioButton *m_all = nullptr;
    QRadioButton *m_one = nullptr;
    QComboBox *m_direction = nullptr;
    QCheckBox *m_control = nullptr;
    QGroupBox *m_redactGroup = nullptr;
    QCheckBox *m_redact = nullptr;
    QListWidget *m_headers = nullptr;
    QLineEdit *m_headerEdit = nullptr;
    QListWidget *m_query = nullptr;
    QLineEdit *m_queryEdit = nullptr;
    QLineEdit *m_path = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_exportButton = nullptr;
    bool m_pathEdited = false;
};

} // namespace wsscope
