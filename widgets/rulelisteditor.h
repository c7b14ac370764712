#pragma once

#include <QStringList>
#include <QWidget>
#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace wsscope {

// A short list of text rules (JSON paths, regular expressions) with a line to type a new one. A rule
// is checked before it is added; a rejected one stays in the line with the reason shown beneath.
class RuleListEditor : public QWidget
{
    Q_OBJECT
public:
    // Returns whether rule is usable; otherwise sets *error to one sentence saying why.
    using Validator = std::function<bool(const QString &rule, QString *error)>;

    explicit RuleListEditor(const QString &placeholder, Validator validator, QWidget *parent = nullptr);

    QStringList rules() const;
    void setRules(const QStringList &rules); // invalid ones are left out
    // Adds a rule after checking it; false (and the reason in errorLabel()) when it was refused.
    bool addRule(const QString &rule);
    void removeSelected();

    QLineEdit *lineEdit() const { return m_edit; }
    QListWidget *listWidget() const { return m_list; }
    QLabel *errorLabel() const { return m_error; }
    QString errorText() const;

signals:
    void rulesChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addFromLine();

    Validator m_validator;
    QLineEdit *m_edit = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace wsscope
