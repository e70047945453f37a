#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tierdesk::ui {

// The first start of an embedded server with no agents: create the first
// admin. Submitting does not close it (see LoginDialog). Shown with open().
class SetupDialog : public QDialog {
    Q_OBJECT

public:
    // Passwords shorter than this are refused here (the server has its own rule).
    static constexpr int kMinPassword = 10;

    explicit SetupDialog(QWidget *parent = nullptr);

    QString name() const;
    QString email() const;
    QString password() const;
    void fill(const QString &name, const QString &email, const QString &password);
    void showError(const QString &text);
    QString errorText() const;
    void setBusy(bool busy);
    void accept() override;

signals:
    void submitted(const QString &name, const QString &email, const QString &password);

private:
    QLineEdit *m_name;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLabel *m_error;
    QPushButton *m_ok;
};

} // namespace tierdesk::ui
