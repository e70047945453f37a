#pragma once

#include "ui/ConsolePreferences.h"
#include "ui/EngineController.h"
#include "ui/MainWindow.h"
#include "ui/client/ApiClient.h"
#include "ui/client/CompanyLogins.h"
#include "ui/client/TokenStore.h"
#include "ui/dialogs/LoginDialog.h"
#include "ui/dialogs/NewCompanyDialog.h"
#include "ui/dialogs/SetupDialog.h"

#include <QInputDialog>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QWidget;

namespace tierdesk::ui {

// The console's modal messages. A test sets a hook, which is called instead of
// showing the dialog (a modal dialog would block the test).
class ConsoleDialogs {
public:
    using Hook = std::function<void(const QString &title, const QString &text)>;
    static void setHook(Hook hook);
    static void critical(QWidget *parent, const QString &title, const QString &text);
};

struct ConsoleOptions {
    QString dataDir; // the embedded server's data directory ("" = default)
    quint16 port = 8080; // the embedded server's port (0: any free one)
    QUrl server; // set: a remote Tierdesk, no embedded server
    bool portGiven = false; // --port was given (else the stored preference applies)
};

// The console: the window, the API client, and (unless --server) the engine
// thread with the embedded server; then login (or first-admin setup) and the
// session. Dialogs are opened with open(), never exec(), and reachable here.
class ConsoleApp : public QObject {
    Q_OBJECT

public:
    explicit ConsoleApp(QObject *parent = nullptr);
    // Tests give their own token store (a file in a temporary directory).
    ConsoleApp(std::unique_ptr<TokenStore> tokens, QObject *parent = nullptr);
    ~ConsoleApp() override;

    MainWindow &window() { return m_window; }
    EngineController &engine() { return m_engine; }
    ApiClient &client() { return m_client; }
    TokenStore &tokens() { return *m_tokens; }
    void start(const QString &dataDir, quint16 port); // embedded
    void start(const ConsoleOptions &options);
    bool isRemote() const { return m_remote; }
    // Tests point the console's preferences at a file of their own.
    void setPreferences(const ConsolePreferences &preferences) { m_preferences = preferences; }

    // Leaves the session: every login kept for this server is forgotten, then the login dialog.
    void signOut();

    LoginDialog *loginDialog() const { return m_login.data(); }
    SetupDialog *setupDialog() const { return m_setup.data(); }
    NewCompanyDialog *newCompanyDialog() const { return m_newCompany.data(); }
    QInputDialog *renameCompanyDialog() const { return m_rename.data(); }
    const CompanyLogins &companyLogins() const { return m_logins; }

    // Companies (ConsoleCompanies.cpp): the switcher's entries.
    void switchCompany(const QString &companyId);
    void showNewCompany();
    void showRenameCompany();

signals:
    // The console cannot go on (the data directory is in use): leave with
    // `code`; `why` is the one-line reason.
    void exitRequested(int code, const QString &why);
    // Logged in and the session started (the queue is loading).
    void signedIn();

private:
    void onServerReady(const QString &baseUrl);
    void authenticate();
    void checkSetup();
    void showLogin(const QString &error = {});
    void showSetup();
    // Signed in (anew, or to another company): the login is kept for the switcher.
    void enter(bool remembered);
    void keepLogin(bool remembered);
    void forgetLogin(const QString &companyId);
    void submitNewCompany(const NewCompanyDialog::Request &request);
    // Signing in (ConsoleSignIn.cpp): the password, then the second step or a second factor's
    // setup as the server asks, or single sign-on's answer from the browser.
    void submitLogin(const QString &email, const QString &password, bool remember);
    void submitCode(const QString &challenge, const QString &code, bool remember);
    void completeSetup(const QJsonObject &answer, bool remember);
    void completeSingleSignOn(const SsoAnswer &answer, const QString &companyId, bool remember);
    // A login that is no session yet (it could only set up a second factor) ends with the dialog.
    void dropPendingLogin();
    // The companies "Sign in with single sign-on" offers: the last one first, then the remembered.
    QList<LoginDialog::Company> signInCompanies() const;
    // Each login's session on the server ends (POST /auth/logout), whatever the answer.
    void endSessions(const QList<QByteArray> &tokens);
    void submitSetup(const QString &name, const QString &email, const QString &password, bool remember);
    // The embedded server keeps its secrets in a file: admins are told once, until they close it.
    void offerSecretsNotice();
    QString serverKey() const { return m_client.baseUrl().toString(); }

    ApiClient m_client;
    MainWindow m_window;
    EngineController m_engine;
    std::unique_ptr<TokenStore> m_tokens;
    QPointer<LoginDialog> m_login;
    QPointer<SetupDialog> m_setup;
    QPointer<NewCompanyDialog> m_newCompany;
    QPointer<QInputDialog> m_rename;
    CompanyLogins m_logins; // every company this console is signed in to on the server
    QByteArray m_setupSecret;
    ConsolePreferences m_preferences;
    QString m_secretsWarning; // the embedded server's, shown to admins only
    bool m_secretsNoticeShown = false;
    QString m_tokenWarning; // where "remember me" keeps the token when not in the keyring
    bool m_remote = false;
    bool m_inSession = false;
};

// Starts the Qt Widgets console (with the engine and embedded server on their
// own thread unless options.server is set). Returns the process exit code.
int runConsole(int &argc, char **argv, const ConsoleOptions &options);

} // namespace tierdesk::ui
