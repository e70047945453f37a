#include "ui/dialogs/SetupDialog.h"

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
    form->addRow(tr("Repeat"), m_repeat);
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

void SetupDialog::fill(const QString &name, const QString &email, const QString &password)
{
    m_name->setText(name);
    m_email->setText(email);
    m_password->setText(password);
    m_repeat->setText(password);
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
    if (password().size() < kMinPassword)
        return showError(tr("Choose a password of at least %1 characters.").arg(kMinPassword));
    if (password() != m_repeat->text())
        return showError(tr("The passwords differ."));
    setBusy(true);
    emit submitted(name(), email(), password());
}

} // namespace tierdesk::ui
