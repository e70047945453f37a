#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace tierdesk::ui {

// The first start of an embedded server with no agents: create the first
// admin. Submitting does not close it (see LoginDialog). Shown with open().
class SetupDialog : public QDialog {
    Q_OBJECT

public:
    explicit SetupDialog(QWidget *parent = nullptr);

    QString name() const;
    QString email() const;
    QString password() const;
    // "Remember me": off unless the person ticks it.
    bool remember() const;
    void fill(const QString &name, const QString &email, const QString &password, bool remember = false);
    void showError(const QString &text);
    // Where a remembered login is kept when the keyring cannot be used ("" hides it).
    void setRememberNote(const QString &text);
    QString errorText() const;
    void setBusy(bool busy);
    void accept() override;

signals:
    void submitted(const QString &name, const QString &email, const QString &password, bool remember);

private:
    QLineEdit *m_name;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QCheckBox *m_remember;
    QLabel *m_rememberNote;
    QLabel *m_error;
    QPushButton *m_ok;
};

} // namespace tierdesk::ui
