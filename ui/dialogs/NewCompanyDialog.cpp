#include "ui/dialogs/NewCompanyDialog.h"

#include "ui/dialogs/PasswordHint.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace tierdesk::ui {
namespace {

QLineEdit *field(const char *name, QWidget *parent, bool secret = false)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(name));
    if (secret)
        edit->setEchoMode(QLineEdit::Password);
    return edit;
}

} // namespace

NewCompanyDialog::NewCompanyDialog(const QString &currentCompany, const QString &adminName, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("newCompanyDialog"));
    setWindowTitle(tr("New company"));
    auto *intro
        = new QLabel(tr("A company has its own queues, conversations, knowledge base and accounts. You are signed "
                        "in to it as its first administrator and can switch between companies at the top left."),
            this);
    intro->setWordWrap(true);
    m_company = field("newCompanyName", this);
    m_company->setMaxLength(200);
    m_copy = new QCheckBox(tr("Start with the configuration of %1").arg(currentCompany), this);
    m_copy->setObjectName(QStringLiteral("newCompanyCopyConfig"));
    m_copy->setChecked(true);
    m_name = field("newCompanyAdminName", this);
    m_name->setText(adminName);
    m_email = field("newCompanyAdminEmail", this);
    m_email->setPlaceholderText(tr("not used on this server yet, e.g. ann+eu@example.com"));
    m_password = field("newCompanyPassword", this, true);
    m_password->setPlaceholderText(PasswordHint::rule());
    m_repeat = field("newCompanyRepeat", this, true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("newCompanyError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#9b1c1c;"));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Create company"));
    auto *form = new QFormLayout(this);
    form->addRow(intro);
    form->addRow(tr("Company name"), m_company);
    form->addRow(m_copy);
    form->addRow(new QLabel(tr("<b>Its first administrator</b>"), this));
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("E-mail"), m_email);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Repeat"), m_repeat);
    form->addRow(m_error);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewCompanyDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(460);
}

NewCompanyDialog::Request NewCompanyDialog::request() const
{
    return {m_company->text().trimmed(), m_copy->isChecked(), m_name->text().trimmed(), m_email->text().trimmed(),
        m_password->text()};
}

void NewCompanyDialog::fill(const Request &r)
{
    m_company->setText(r.companyName);
    m_copy->setChecked(r.copyConfig);
    m_name->setText(r.adminName);
    m_email->setText(r.adminEmail);
    m_password->setText(r.password);
    m_repeat->setText(r.password);
}

void NewCompanyDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    m_ok->setEnabled(true);
}

QString NewCompanyDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void NewCompanyDialog::accept()
{
    const Request r = request();
    if (r.companyName.isEmpty())
        return showError(tr("Enter the company's name."));
    if (r.adminName.isEmpty() || !r.adminEmail.contains(QLatin1Char('@')))
        return showError(tr("Enter the administrator's name and e-mail."));
    if (const QString problem = PasswordHint::problem(r.password); !problem.isEmpty())
        return showError(problem);
    if (r.password != m_repeat->text())
        return showError(tr("The passwords differ."));
    m_ok->setEnabled(false);
    emit submitted(r);
}

} // namespace tierdesk::ui
