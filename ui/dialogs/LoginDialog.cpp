#include "ui/dialogs/LoginDialog.h"

#include "ui/client/ApiClient.h"
#include "ui/dialogs/MfaSetupPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

LoginDialog::BrowserOpener &browserOpener()
{
    static LoginDialog::BrowserOpener opener;
    return opener;
}

QLabel *greyNote(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color:#6b7280;"));
    return label;
}

} // namespace

LoginDialog::LoginDialog(ApiClient &client, QWidget *parent) : QDialog(parent), m_client(client)
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Log in to Tierdesk"));
    auto *where = new QLabel(tr("Server: <b>%1</b>").arg(client.baseUrl().toString().toHtmlEscaped()), this);
    where->setObjectName(QStringLiteral("loginServer"));
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildPasswordPage());
    m_pages->addWidget(buildCodePage());
    m_setupPage = new QWidget(this);
    auto *setupLayout = new QVBoxLayout(m_setupPage);
    setupLayout->setContentsMargins(0, 0, 0, 0);
    auto *why = greyNote(
        tr("Your company requires a second factor for every sign-in. Set one up now to continue."), m_setupPage);
    why->setObjectName(QStringLiteral("loginSetupWhy"));
    setupLayout->addWidget(why);
    m_pages->addWidget(m_setupPage);
    m_pages->addWidget(buildSingleSignOnPage());
    m_remember = new QCheckBox(tr("Remember me on this computer"), this);
    m_remember->setObjectName(QStringLiteral("loginRemember"));
    m_remember->setChecked(false); // a choice, every time: shared computers are common at desks
    m_rememberNote = greyNote(QString(), this);
    m_rememberNote->setObjectName(QStringLiteral("loginRememberNote"));
    m_rememberNote->hide();
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#9b1c1c;"));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_back = buttons->addButton(tr("Back"), QDialogButtonBox::ResetRole);
    m_back->setObjectName(QStringLiteral("loginBack"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(where);
    layout->addWidget(m_pages);
    layout->addWidget(m_remember);
    layout->addWidget(m_rememberNote);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_back, &QPushButton::clicked, this, [this] { showPasswordPage(); });
    connect(this, &QDialog::finished, this, [this] { m_redirect.close(); });
    connect(&m_redirect, &LoopbackRedirect::answered, this, [this](const SsoAnswer &answer) {
        m_ssoStatus->clear();
        m_ssoAddress->hide();
        setBusy(false);
        if (!answer.ok())
            showError(answer.message.isEmpty() ? tr("Single sign-on did not sign you in (%1).").arg(answer.error)
                                               : answer.message);
        emit singleSignOnAnswered(answer, ssoCompanyId(), remember());
    });
    setMinimumWidth(420);
    setPage(Page::Password);
}

QWidget *LoginDialog::buildPasswordPage()
{
    auto *page = new QWidget(this);
    m_email = new QLineEdit(page);
    m_email->setObjectName(QStringLiteral("loginEmail"));
    m_email->setPlaceholderText(tr("you@company.com"));
    m_password = new QLineEdit(page);
    m_password->setObjectName(QStringLiteral("loginPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    auto *sso = new QPushButton(tr("Sign in with single sign-on"), page);
    sso->setObjectName(QStringLiteral("loginSso"));
    connect(sso, &QPushButton::clicked, this, &LoginDialog::showSingleSignOn);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("E-mail"), m_email);
    form->addRow(tr("Password"), m_password);
    form->addRow(sso);
    return page;
}

QWidget *LoginDialog::buildCodePage()
{
    auto *page = new QWidget(this);
    m_codeIntro = new QLabel(page);
    m_codeIntro->setObjectName(QStringLiteral("loginCodeIntro"));
    m_codeIntro->setWordWrap(true);
    m_code = new QLineEdit(page);
    m_code->setObjectName(QStringLiteral("loginCode"));
    m_code->setMaxLength(32);
    m_recoveryToggle = new QPushButton(page);
    m_recoveryToggle->setObjectName(QStringLiteral("loginUseRecovery"));
    m_recoveryToggle->setFlat(true);
    m_recoveryToggle->setCursor(Qt::PointingHandCursor);
    m_recoveryToggle->setStyleSheet(QStringLiteral("text-align:left; color:#1d4ed8;"));
    connect(m_recoveryToggle, &QPushButton::clicked, this, [this] { setUseRecoveryCode(!m_recovery); });
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_codeIntro);
    layout->addWidget(m_code);
    layout->addWidget(m_recoveryToggle, 0, Qt::AlignLeft);
    setUseRecoveryCode(false);
    return page;
}

QWidget *LoginDialog::buildSingleSignOnPage()
{
    auto *page = new QWidget(this);
    auto *intro = new QLabel(tr("Sign in through your company's identity provider. Your browser opens; when you "
                                "are signed in there, come back here."),
        page);
    intro->setWordWrap(true);
    m_ssoCompany = new QComboBox(page);
    m_ssoCompany->setObjectName(QStringLiteral("ssoCompany"));
    m_ssoCompany->setEditable(true);
    m_ssoCompany->setInsertPolicy(QComboBox::NoInsert);
    m_ssoCompany->lineEdit()->setPlaceholderText(tr("the company's id, as your admin gave it"));
    m_ssoEmail = new QLineEdit(page);
    m_ssoEmail->setObjectName(QStringLiteral("ssoEmail"));
    m_ssoEmail->setPlaceholderText(tr("optional: fills in the provider's sign-in"));
    m_ssoStatus = new QLabel(page);
    m_ssoStatus->setObjectName(QStringLiteral("ssoStatus"));
    m_ssoStatus->setWordWrap(true);
    // The start address whole, to copy into a browser by hand: a label would cut it off.
    m_ssoAddress = new QLineEdit(page);
    m_ssoAddress->setObjectName(QStringLiteral("ssoAddress"));
    m_ssoAddress->setReadOnly(true);
    m_ssoAddress->hide();
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(intro);
    form->addRow(tr("Company"), m_ssoCompany);
    form->addRow(tr("E-mail"), m_ssoEmail);
    form->addRow(m_ssoStatus);
    form->addRow(m_ssoAddress);
    return page;
}

LoginDialog::Page LoginDialog::page() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

void LoginDialog::setPage(Page page)
{
    m_pages->setCurrentIndex(static_cast<int>(page));
    const bool start = page == Page::Password || page == Page::SingleSignOn;
    m_remember->setVisible(start);
    m_rememberNote->setVisible(start && !m_rememberNote->text().isEmpty());
    m_back->setVisible(page == Page::Code || page == Page::SingleSignOn);
    m_ok->setVisible(page != Page::Setup);
    m_ok->setText(page == Page::Code     ? tr("Verify")
            : page == Page::SingleSignOn ? tr("Continue in the browser")
                                         : tr("Log in"));
    if (page != Page::SingleSignOn)
        m_redirect.close();
    setBusy(false);
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
    m_rememberNote->setVisible(!text.isEmpty() && m_remember->isVisible());
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
    switch (page()) {
    case Page::Password:
        if (email().isEmpty() || password().isEmpty())
            return showError(tr("Enter your e-mail and password."));
        setBusy(true);
        emit submitted(email(), password(), remember());
        return;
    case Page::Code:
        if (code().isEmpty())
            return showError(m_recovery ? tr("Enter one of your recovery codes.")
                                        : tr("Enter the 6-digit code your authenticator app shows."));
        setBusy(true);
        emit codeSubmitted(m_challenge, code(), remember());
        return;
    case Page::SingleSignOn:
        return startSingleSignOn();
    case Page::Setup:
        return; // the panel's own buttons lead on
    }
}

void LoginDialog::showCodeStep(const QString &challenge)
{
    m_challenge = challenge;
    m_code->clear();
    setUseRecoveryCode(false);
    showError({});
    setPage(Page::Code);
    m_code->setFocus();
}

QString LoginDialog::code() const
{
    QString typed = m_code->text().trimmed();
    return m_recovery ? typed : typed.remove(QLatin1Char(' '));
}

void LoginDialog::fillCode(const QString &code)
{
    m_code->setText(code);
}

void LoginDialog::setUseRecoveryCode(bool recovery)
{
    m_recovery = recovery;
    m_codeIntro->setText(recovery ? tr("Enter one of the recovery codes you saved when you set up your second "
                                       "factor. Each code works once.")
                                  : tr("Enter the 6-digit code your authenticator app shows for Tierdesk."));
    m_code->setPlaceholderText(recovery ? tr("abcd-efgh-ijkl") : tr("123456"));
    m_recoveryToggle->setText(recovery ? tr("Use the authenticator's code") : tr("Use a recovery code"));
    m_code->clear();
}

void LoginDialog::showSetup()
{
    if (m_setup)
        m_setup->deleteLater();
    m_setup = new MfaSetupPanel(m_client, m_setupPage);
    m_setupPage->layout()->addWidget(m_setup);
    connect(m_setup, &MfaSetupPanel::completed, this,
        [this](const QJsonObject &answer) { emit setupCompleted(answer, remember()); });
    connect(m_setup, &MfaSetupPanel::failed, this, &LoginDialog::showError);
    showError({});
    setPage(Page::Setup);
    m_setup->start();
}

void LoginDialog::showPasswordPage(const QString &error)
{
    m_challenge.clear();
    setPage(Page::Password);
    showError(error);
}

void LoginDialog::setCompanies(const QList<Company> &companies)
{
    m_ssoCompany->clear();
    // A name with its id: the id is what the server takes, the name what a person knows.
    for (const Company &c : companies)
        m_ssoCompany->addItem(c.name.isEmpty() ? c.id : tr("%1 (%2)").arg(c.name, c.id), c.id);
}

void LoginDialog::showSingleSignOn()
{
    if (m_ssoEmail->text().isEmpty())
        m_ssoEmail->setText(email());
    showError({});
    m_ssoStatus->clear();
    m_ssoAddress->hide();
    setPage(Page::SingleSignOn);
    m_ssoCompany->setFocus();
}

QString LoginDialog::ssoCompanyId() const
{
    const int index = m_ssoCompany->currentIndex();
    // A company picked from the list is its id; anything typed is taken as an id.
    if (index >= 0 && m_ssoCompany->currentText() == m_ssoCompany->itemText(index))
        return m_ssoCompany->itemData(index).toString();
    return m_ssoCompany->currentText().trimmed();
}

void LoginDialog::fillSingleSignOn(const QString &companyId, const QString &email)
{
    const int index = m_ssoCompany->findData(companyId);
    if (index >= 0)
        m_ssoCompany->setCurrentIndex(index);
    else
        m_ssoCompany->setEditText(companyId);
    m_ssoEmail->setText(email);
}

void LoginDialog::setBrowserOpener(BrowserOpener opener)
{
    browserOpener() = std::move(opener);
}

void LoginDialog::startSingleSignOn()
{
    const QString company = ssoCompanyId();
    if (company.isEmpty())
        return showError(tr("Choose your company, or enter its id."));
    if (!m_redirect.listen())
        return showError(tr("This computer refused a local port for the browser's answer."));
    const QUrl url = m_client.oidcStartUrl(company, m_redirect.redirectUrl(), m_ssoEmail->text());
    showError({});
    m_ssoStatus->setText(
        tr("Waiting for the browser… Finish signing in there. If no browser opened, open this address:"));
    m_ssoAddress->setText(url.toString(QUrl::FullyEncoded));
    m_ssoAddress->setCursorPosition(0);
    m_ssoAddress->show();
    setBusy(true);
    if (browserOpener())
        browserOpener()(url);
    else if (!QDesktopServices::openUrl(url))
        setBusy(false); // the address above is the way then
}

} // namespace tierdesk::ui
