// ConsoleApp's sign-in: the password, then the authenticator's code or a second factor's setup
// as the server asks, or single sign-on's answer from the browser; and the sessions that end
// with a sign-out.
#include "ui/ConsoleApp.h"

#include "ui/dialogs/MfaSetupPanel.h"

namespace tierdesk::ui {

void ConsoleApp::submitLogin(const QString &email, const QString &password, bool remember)
{
    ApiReply *r = m_client.login(email, password);
    connect(r, &ApiReply::succeeded, this, [this, remember](const QJsonObject &body) {
        if (!m_login)
            return;
        if (body.value(QLatin1String("mfaRequired")).toBool())
            return m_login->showCodeStep(body.value(QLatin1String("challenge")).toString());
        // The token may only set up a second factor: no session until it is set up (the one of
        // another company, open until now, comes back if this is cancelled).
        if (body.value(QLatin1String("mfaSetupRequired")).toBool()) {
            if (m_inSession) {
                m_inSession = false;
                m_window.stopSession();
            }
            return m_login->showSetup();
        }
        m_login->done(QDialog::Accepted);
        enter(remember);
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        if (!m_login)
            return;
        if (e.status == 429)
            return m_login->showError(tr("Too many failed logins: try again in %n second(s).", nullptr,
                e.details.value(QLatin1String("retryAfter")).toInt()));
        m_login->showError(e.status == 401 ? tr("Wrong e-mail or password.") : e.message);
    });
}

void ConsoleApp::submitCode(const QString &challenge, const QString &code, bool remember)
{
    ApiReply *r = m_client.loginMfa(challenge, code);
    connect(r, &ApiReply::succeeded, this, [this, remember](const QJsonObject &body) {
        if (m_login)
            m_login->done(QDialog::Accepted);
        enter(remember);
        if (body.contains(QLatin1String("recoveryCodesLeft")))
            m_window.showNotice(tr("You signed in with a recovery code; %n code(s) left. Under Settings › Sign-in "
                                   "you can set up your second factor again for new ones.",
                nullptr, body.value(QLatin1String("recoveryCodesLeft")).toInt()));
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        if (!m_login)
            return;
        if (e.status == 401 && e.details.value(QLatin1String("reason")).toString() == QLatin1String("challenge"))
            return m_login->showPasswordPage(tr("The sign-in took too long. Log in again."));
        if (e.status == 429)
            return m_login->showError(tr("Too many wrong codes: try again in %n second(s).", nullptr,
                e.details.value(QLatin1String("retryAfter")).toInt()));
        m_login->showError(e.status == 401
                ? (m_login->usesRecoveryCode() ? tr("That recovery code is wrong or was already used.")
                                               : tr("That code is wrong or was already used. Enter the code "
                                                    "your app shows now."))
                : e.message);
    });
}

void ConsoleApp::completeSetup(const QJsonObject &answer, bool remember)
{
    // The confirmation's answer is a full login: the client keeps it (ApiClient::confirmMfa).
    if (!answer.contains(QLatin1String("token")))
        return;
    if (m_login)
        m_login->done(QDialog::Accepted);
    enter(remember);
}

void ConsoleApp::completeSingleSignOn(const SsoAnswer &answer, const QString &companyId, bool remember)
{
    if (!answer.ok())
        return; // the dialog says why
    const QByteArray before = m_client.token();
    m_client.setToken(answer.token);
    ApiReply *r = m_client.me();
    connect(r, &ApiReply::succeeded, this, [this, remember] {
        if (m_login)
            m_login->done(QDialog::Accepted);
        enter(remember);
    });
    connect(r, &ApiReply::failed, this, [this, before, companyId](const ApiError &e) {
        m_client.setToken(before);
        if (m_login)
            m_login->showError(tr("Single sign-on into %1 did not work: %2").arg(companyId, e.message));
    });
}

void ConsoleApp::dropPendingLogin()
{
    if (m_inSession || m_client.token().isEmpty())
        return;
    endSessions({m_client.token()});
    m_client.setToken({});
    const auto before = m_logins.find(m_preferences.lastCompanyId());
    if (!before)
        return;
    m_client.setToken(before->token);
    ApiReply *r = m_client.me();
    connect(r, &ApiReply::succeeded, this, [this, remembered = before->remembered] { enter(remembered); });
}

QList<LoginDialog::Company> ConsoleApp::signInCompanies() const
{
    QList<LoginDialog::Company> out;
    const auto add = [&out](const QString &id, const QString &name) {
        LoginDialog::Company c;
        c.id = id;
        c.name = name;
        out.append(c);
    };
    if (const QString last = m_preferences.lastCompanyId(); !last.isEmpty())
        add(last, m_preferences.lastCompanyName());
    for (const CompanyLogin &l : m_logins.all())
        if (l.companyId != m_preferences.lastCompanyId())
            add(l.companyId, l.companyName);
    return out;
}

void ConsoleApp::endSessions(const QList<QByteArray> &tokens)
{
    for (const QByteArray &token : tokens)
        if (!token.isEmpty())
            m_client.logout(token);
}

} // namespace tierdesk::ui
