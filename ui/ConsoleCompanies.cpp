// ConsoleApp's companies: the logins the switcher lists, switching between them,
// making a company (with its first admin) and renaming the signed-in one.
#include "ui/ConsoleApp.h"

#include <QInputDialog>

namespace tierdesk::ui {

void ConsoleApp::keepLogin(bool remembered)
{
    m_logins.put({m_client.companyId(), m_client.companyName(),
        m_client.agent().value(QLatin1String("email")).toString(), m_client.token(), remembered});
    m_tokens->writeLogins(serverKey(), m_logins.toJson());
    // The next start opens the company used last, when its login is remembered.
    if (remembered)
        m_tokens->write(serverKey(), m_client.token());
    else
        m_tokens->forget(serverKey());
    m_window.setCompanies(m_logins.all());
}

void ConsoleApp::forgetLogin(const QString &companyId)
{
    if (!m_logins.find(companyId))
        return;
    m_logins.remove(companyId);
    m_tokens->writeLogins(serverKey(), m_logins.toJson());
    m_window.setCompanies(m_logins.all());
}

void ConsoleApp::switchCompany(const QString &companyId)
{
    const auto login = m_logins.find(companyId);
    if (!login || !m_inSession || companyId == m_client.companyId())
        return;
    const auto previous = m_logins.find(m_client.companyId());
    // Not in a session while the other login is tried: its 401 ends only that login.
    m_inSession = false;
    m_window.stopSession();
    m_client.setToken(login->token);
    ApiReply *r = m_client.me();
    connect(r, &ApiReply::succeeded, this, [this, remembered = login->remembered] { enter(remembered); });
    connect(r, &ApiReply::failed, this, [this, login = *login, previous](const ApiError &e) {
        if (e.status == 401)
            forgetLogin(login.companyId);
        if (!previous) {
            m_client.setToken({});
            return showLogin();
        }
        m_client.setToken(previous->token);
        enter(previous->remembered);
        const QString name = login.companyName.isEmpty() ? login.companyId : login.companyName;
        m_window.showNotice(e.status == 401 ? tr("Your login to %1 has ended: sign in to it again.").arg(name)
                                            : tr("%1 could not be opened: %2").arg(name, e.message));
        if (e.status == 401)
            m_window.offerNoticeAction(tr("Sign in…"), [this] { showLogin(); });
    });
}

void ConsoleApp::showNewCompany()
{
    if (!m_newCompany) {
        m_newCompany = new NewCompanyDialog(
            m_client.companyName(), m_client.agent().value(QLatin1String("name")).toString(), &m_window);
        connect(m_newCompany, &NewCompanyDialog::submitted, this, &ConsoleApp::submitNewCompany);
    }
    m_newCompany->open();
}

void ConsoleApp::submitNewCompany(const NewCompanyDialog::Request &request)
{
    const QJsonObject admin{{QStringLiteral("name"), request.adminName}, {QStringLiteral("email"), request.adminEmail},
        {QStringLiteral("password"), request.password}};
    ApiReply *r = m_client.createCompany(request.companyName, admin, request.copyConfig);
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        const QJsonObject company = body.value(QLatin1String("company")).toObject();
        const auto current = m_logins.find(m_client.companyId());
        // The new company's login is kept as the current one is.
        m_logins.put({company.value(QLatin1String("id")).toString(), company.value(QLatin1String("name")).toString(),
            body.value(QLatin1String("agent")).toObject().value(QLatin1String("email")).toString(),
            body.value(QLatin1String("token")).toString().toLatin1(), current && current->remembered});
        if (m_newCompany) {
            m_newCompany->done(QDialog::Accepted);
            m_newCompany->deleteLater(); // the next one starts empty
        }
        switchCompany(company.value(QLatin1String("id")).toString());
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        if (m_newCompany)
            m_newCompany->showError(e.message);
    });
}

void ConsoleApp::showRenameCompany()
{
    if (!m_rename) {
        m_rename = new QInputDialog(&m_window);
        m_rename->setObjectName(QStringLiteral("renameCompanyDialog"));
        m_rename->setWindowTitle(tr("Rename company"));
        m_rename->setLabelText(tr("The company's new name:"));
        connect(m_rename, &QInputDialog::textValueSelected, this, [this](const QString &name) {
            ApiReply *r = m_client.renameCompany(name.trimmed());
            connect(r, &ApiReply::succeeded, this,
                [this] { keepLogin(m_logins.find(m_client.companyId()).value_or(CompanyLogin{}).remembered); });
            connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
                m_window.showNotice(tr("The company was not renamed: %1").arg(e.message));
            });
        });
    }
    m_rename->setTextValue(m_client.companyName());
    m_rename->open();
}

} // namespace tierdesk::ui
