#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace tierdesk::ui {

// An admin makes another company: its name, whether it starts with this company's
// configuration, and its first admin (an account of its own: the e-mail must not be
// in use on the server). Submitting does not close it; ConsoleApp does on success.
class NewCompanyDialog : public QDialog {
    Q_OBJECT

public:
    struct Request {
        QString companyName;
        bool copyConfig = true;
        QString adminName;
        QString adminEmail;
        QString password;
    };

    // `adminName`: the signed-in admin's name, offered for the new account.
    NewCompanyDialog(const QString &currentCompany, const QString &adminName, QWidget *parent = nullptr);

    Request request() const;
    void fill(const Request &r);
    void showError(const QString &text);
    QString errorText() const;
    void accept() override;

signals:
    void submitted(const tierdesk::ui::NewCompanyDialog::Request &request);

private:
    QLineEdit *m_company;
    QCheckBox *m_copy;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLabel *m_error;
    QPushButton *m_ok;
};

} // namespace tierdesk::ui
