#include "ui/dialogs/LoginDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace tierdesk::ui {

LoginDialog::LoginDialog(const QString &server, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Log in to Tierdesk"));
    auto *where = new QLabel(tr("Server: <b>%1</b>").arg(server.toHtmlEscaped()), this);
    where->setObjectName(QStringLiteral("loginServer"));
    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("loginEmail"));
    m_email->setPlaceholderText(tr("you@company.com"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("loginPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember = new QCheckBox(tr("Remember me on this computer"), this);
    m_remember->setObjectName(QStringLiteral("loginRemember"));
    m_remember->setChecked(false); // a choice, every time: shared computers are common at desks
    m_rememberNote = new QLabel(this);
    m_rememberNote->setObjectName(QStringLiteral("loginRememberNote"));
    m_rememberNote->setWordWrap(true);
    m_rememberNote->setStyleSheet(QStringLiteral("color:#6b7280;"));
    m_rememberNote->hide();
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#9b1c1c;"));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Log in"));
    auto *form = new QFormLayout(this);
    form->addRow(where);
    form->addRow(tr("E-mail"), m_email);
    form->addRow(tr("Password"), m_password);
    form->addRow(m_remember);
    form->addRow(m_rememberNote);
    form->addRow(m_error);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(380);
}

QString LoginDialog::email() const
{
    return m_email->text().trimmed();
}

QString LoginDialog::password() const
{
    return m_password->text();
}

bool LoginDialog::remember() const
{
    return m_remember->isChecked();
}

void LoginDialog::fill(const QString &email, const QString &password, bool remember)
{
    m_email->setText(email);
    m_password->setText(password);
    m_remember->setChecked(remember);
}

void LoginDialog::setRememberNote(const QString &text)
{
    m_rememberNote->setText(text);
    m_rememberNote->setVisible(!text.isEmpty());
}

void LoginDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    setBusy(false);
}

QString LoginDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void LoginDialog::setBusy(bool busy)
{
    m_ok->setEnabled(!busy);
}

void LoginDialog::accept()
{
    if (email().isEmpty() || password().isEmpty()) {
        showError(tr("Enter your e-mail and password."));
        return;
    }
    setBusy(true);
    emit submitted(email(), password(), remember());
}

} // namespace tierdesk::ui
