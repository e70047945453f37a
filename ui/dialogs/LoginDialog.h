#pragma once

#include "ui/client/LoopbackRedirect.h"

#include <QDialog>
#include <QJsonObject>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace tierdesk::ui {

class ApiClient;
class MfaSetupPanel;

// Log in to a Tierdesk server: the server is shown, e-mail, password and "remember me", or
// "Sign in with single sign-on" (the company's identity provider in the system browser). Then,
// as the server asks: the authenticator's 6-digit code (or a recovery code), or setting up a
// second factor when the company requires one. Submitting does not close it; the console closes
// it when the server says yes and shows the server's answer otherwise. Shown with open().
class LoginDialog : public QDialog {
    Q_OBJECT

public:
    enum class Page { Password, Code, Setup, SingleSignOn };
    // A company single sign-on can go to (the remembered ones, the last one first).
    struct Company {
        QString id;
        QString name;
    };
    using BrowserOpener = std::function<void(const QUrl &url)>;

    explicit LoginDialog(ApiClient &client, QWidget *parent = nullptr);

    QString email() const;
    QString password() const;
    bool remember() const;
    void fill(const QString &email, const QString &password, bool remember);
    void showError(const QString &text);
    // Where a remembered login is kept when the keyring cannot be used ("" hides it).
    void setRememberNote(const QString &text);
    QString errorText() const;
    void setBusy(bool busy);
    void accept() override; // submits the page shown
    Page page() const;

    // The second step: the code of the agent's authenticator (or a recovery code) for `challenge`.
    void showCodeStep(const QString &challenge);
    QString code() const;
    void fillCode(const QString &code);
    bool usesRecoveryCode() const { return m_recovery; }
    void setUseRecoveryCode(bool recovery);
    // The company requires a second factor and this person has none: set one up first.
    void showSetup();
    MfaSetupPanel *setupPanel() const { return m_setup; }
    // Back to e-mail and password (a challenge that expired).
    void showPasswordPage(const QString &error = {});

    // Single sign-on: the companies offered, the page, and the loopback listener while it waits.
    void setCompanies(const QList<Company> &companies);
    void showSingleSignOn();
    QString ssoCompanyId() const;
    void fillSingleSignOn(const QString &companyId, const QString &email);
    const LoopbackRedirect &redirect() const { return m_redirect; }
    // Tests open no browser: `opener` is given the URL instead (none: the system browser).
    static void setBrowserOpener(BrowserOpener opener);

signals:
    void submitted(const QString &email, const QString &password, bool remember);
    void codeSubmitted(const QString &challenge, const QString &code, bool remember);
    // The second factor is set up and its codes saved: the confirmation's answer holds the login.
    void setupCompleted(const QJsonObject &answer, bool remember);
    // The browser came back with a login (or a refusal, shown here already).
    void singleSignOnAnswered(const tierdesk::ui::SsoAnswer &answer, const QString &companyId, bool remember);

private:
    QWidget *buildPasswordPage();
    QWidget *buildCodePage();
    QWidget *buildSingleSignOnPage();
    void setPage(Page page);
    void startSingleSignOn();

    ApiClient &m_client;
    QStackedWidget *m_pages;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_rememberNote;
    QLabel *m_codeIntro;
    QLineEdit *m_code;
    QPushButton *m_recoveryToggle;
    QWidget *m_setupPage;
    MfaSetupPanel *m_setup = nullptr;
    QComboBox *m_ssoCompany;
    QLineEdit *m_ssoEmail;
    QLabel *m_ssoStatus;
    QLineEdit *m_ssoAddress;
    QLabel *m_error;
    QPushButton *m_ok;
    QPushButton *m_back;
    QString m_challenge;
    bool m_recovery = false;
    LoopbackRedirect m_redirect;
};

} // namespace tierdesk::ui
