#include "ui/dialogs/SetupDialog.h"

#include "ui/dialogs/PasswordHint.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace tierdesk::ui {

SetupDialog::SetupDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("setupDialog"));
    setWindowTitle(tr("Welcome to Tierdesk"));
    auto *intro = new QLabel(tr("Create the first account. It is an administrator: it can add your team later."), this);
    intro->setWordWrap(true);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("setupName"));
    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("setupEmail"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("setupPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit(this);
    m_repeat->setObjectName(QStringLiteral("setupRepeat"));
    m_repeat->setEchoMode(QLineEdit::Password);
    auto *rule = new QLabel(PasswordHint::sentence(), this);
    rule->setObjectName(QStringLiteral("setupPasswordRule"));
    rule->setStyleSheet(QStringLiteral("color:#6b7280;"));
    m_remember = new QCheckBox(tr("Remember me on this computer"), this);
    m_remember->setObjectName(QStringLiteral("setupRemember"));
    m_remember->setChecked(false);
    m_rememberNote = new QLabel(this);
    m_rememberNote->setObjectName(QStringLiteral("setupRememberNote"));
    m_rememberNote->setWordWrap(true);
    m_rememberNote->setStyleSheet(QStringLiteral("color:#6b7280;"));
    m_rememberNote->hide();
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("setupError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#9b1c1c;"));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Create account"));
    auto *form = new QFormLayout(this);
    form->addRow(intro);
    form->addRow(tr("Your name"), m_name);
    form->addRow(tr("E-mail"), m_email);
    form->addRow(tr("Password"), m_password);
    form->addRow(QString(), rule);
    form->addRow(tr("Repeat"), m_repeat);
    form->addRow(m_remember);
    form->addRow(m_rememberNote);
    form->addRow(m_error);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SetupDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(400);
}

QString SetupDialog::name() const
{
    return m_name->text().trimmed();
}

QString SetupDialog::email() const
{
    return m_email->text().trimmed();
}

QString SetupDialog::password() const
{
    return m_password->text();
}

bool SetupDialog::remember() const
{
    return m_remember->isChecked();
}

void SetupDialog::fill(const QString &name, const QString &email, const QString &password, bool remember)
{
    m_remember->setChecked(remember);
    m_name->setText(name);
    m_email->setText(email);
    m_password->setText(password);
    m_repeat->setText(password);
}

void SetupDialog::setRememberNote(const QString &text)
{
    m_rememberNote->setText(text);
    m_rememberNote->setVisible(!text.isEmpty());
}

void SetupDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    setBusy(false);
}

QString SetupDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SetupDialog::setBusy(bool busy)
{
    m_ok->setEnabled(!busy);
}

void SetupDialog::accept()
{
    if (name().isEmpty() || !email().contains(QLatin1Char('@')))
        return showError(tr("Enter your name and e-mail."));
    if (const QString problem = PasswordHint::problem(password()); !problem.isEmpty())
        return showError(problem);
    if (password() != m_repeat->text())
        return showError(tr("The passwords differ."));
    setBusy(true);
    emit submitted(name(), email(), password(), remember());
}

} // namespace tierdesk::ui
