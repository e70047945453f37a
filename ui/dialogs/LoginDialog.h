#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace tierdesk::ui {

// Log in to a Tierdesk server: the server is shown, e-mail, password and
// "remember me". Submitting does not close it; the console closes it when the
// server says yes and shows the server's answer otherwise. Shown with open().
class LoginDialog : public QDialog {
    Q_OBJECT

public:
    explicit LoginDialog(const QString &server, QWidget *parent = nullptr);

    QString email() const;
    QString password() const;
    bool remember() const;
    void fill(const QString &email, const QString &password, bool remember);
    void showError(const QString &text);
    // Where a remembered login is kept when the keyring cannot be used ("" hides it).
    void setRememberNote(const QString &text);
    QString errorText() const;
    void setBusy(bool busy);
    void accept() override; // submits

signals:
    void submitted(const QString &email, const QString &password, bool remember);

private:
    QLineEdit *m_email;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_rememberNote;
    QLabel *m_error;
    QPushButton *m_ok;
};

} // namespace tierdesk::ui
