#include "ui/ConsoleApp.h"

#include "ui/ConsoleLanguage.h"
#include "ui/ConsolePreferences.h"
#include "ui/dialogs/LoginDialog.h"
#include "ui/dialogs/SetupDialog.h"
#include "ui/views/SettingsView.h"
#include "ui/views/settings/ChannelsSettings.h"

#include "core/common/Settings.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTextStream>

namespace tierdesk::ui {
namespace {

ConsoleDialogs::Hook &dialogHook()
{
    static ConsoleDialogs::Hook hook;
    return hook;
}

QString defaultTokenDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("console"));
}

} // namespace

void ConsoleDialogs::setHook(Hook hook)
{
    dialogHook() = std::move(hook);
}

void ConsoleDialogs::critical(QWidget *parent, const QString &title, const QString &text)
{
    if (dialogHook()) {
        dialogHook()(title, text);
        return;
    }
    QMessageBox::critical(parent, title, text);
}

ConsoleApp::ConsoleApp(QObject *parent)
    : ConsoleApp(std::make_unique<TokenStore>(TokenStore::systemFactory(defaultTokenDir())), parent)
{
}

ConsoleApp::ConsoleApp(std::unique_ptr<TokenStore> tokens, QObject *parent)
    : QObject(parent), m_window(m_client), m_tokens(std::move(tokens))
{
    // The secrets warning is not for everyone: kept for the admins (offerSecretsNotice).
    connect(&m_engine, &EngineController::started, this,
        [this](const QString &baseUrl, const QString &dataDir, const QString &secrets, const QString &warning) {
            m_window.showStarted(baseUrl, dataDir, secrets, QString());
            // Twilio reaches the built-in server at its public address, when one is set.
            const QUrl publicUrl(
                AppSettings(dataDir + QStringLiteral("/tierdesk.ini")).value(settings::ServerPublicUrl).toString());
            m_window.settings()->channels()->setPublicBase(publicUrl);
            if (secrets.startsWith(QLatin1String("file")))
                m_secretsWarning = warning;
        });
    connect(&m_engine, &EngineController::failed, &m_window, &MainWindow::showFailed);
    connect(&m_engine, &EngineController::setupSecretReady, this,
        [this](const QByteArray &secret) { m_setupSecret = secret; });
    connect(&m_engine, &EngineController::started, this, [this](const QString &baseUrl) { onServerReady(baseUrl); });
    connect(&m_engine, &EngineController::secretsMoved, this, [this](int moved, const QString &error) {
        if (!error.isEmpty())
            return m_window.showNotice(tr("The secrets stay in the file: %1").arg(error));
        m_secretsWarning.clear();
        m_window.showNotice(
            tr("%n secret(s) moved into the system keyring; Tierdesk reads them there from the next start.", nullptr,
                moved));
    });
    connect(&m_window, &MainWindow::noticeDismissed, this, [this] {
        if (m_secretsNoticeShown && !m_secretsWarning.isEmpty())
            m_preferences.setSecretsNoticeDismissed(true);
    });
    connect(&m_window, &MainWindow::signOutRequested, this, &ConsoleApp::signOut);
    // A second console on the same data directory would deliver every event
    // twice: say who has it, then leave.
    connect(&m_engine, &EngineController::dataDirInUse, this, [this](const QString &message) {
        ConsoleDialogs::critical(&m_window, tr("Tierdesk is already running"), message);
        emit exitRequested(1, message);
    });
    // Said where the choice is made, beside "Remember me", not to everyone at start.
    connect(m_tokens.get(), &TokenStore::warning, this, [this](const QString &text) {
        m_tokenWarning = text;
        if (m_login)
            m_login->setRememberNote(text);
        if (m_setup)
            m_setup->setRememberNote(text);
    });
    // The token expired or was revoked while we worked: log in again.
    connect(&m_client, &ApiClient::unauthorized, this, [this] {
        if (!m_inSession)
            return;
        m_inSession = false;
        m_window.stopSession();
        m_tokens->forget(serverKey());
        forgetLogin(m_client.companyId());
        showLogin(tr("Your session has ended. Please log in again."));
    });
    connect(&m_window, &MainWindow::companyChosen, this, &ConsoleApp::switchCompany);
    connect(&m_window, &MainWindow::companyLoginRequested, this, [this] { showLogin(); });
    connect(&m_window, &MainWindow::newCompanyRequested, this, &ConsoleApp::showNewCompany);
    connect(&m_window, &MainWindow::renameCompanyRequested, this, &ConsoleApp::showRenameCompany);
}

ConsoleApp::~ConsoleApp()
{
    if (m_login)
        delete m_login.data();
    if (m_setup)
        delete m_setup.data();
}

void ConsoleApp::start(const QString &dataDir, quint16 port)
{
    start(ConsoleOptions{dataDir, port, {}});
}

void ConsoleApp::start(const ConsoleOptions &options)
{
    m_remote = options.server.isValid() && !options.server.isEmpty();
    m_window.settings()->setUsesEmbeddedServer(!m_remote);
    if (!m_remote) {
        m_engine.start(options.dataDir, options.port);
        return;
    }
    m_window.showStarted(options.server.toString(), QString(), QString(), QString());
    onServerReady(options.server.toString());
}

void ConsoleApp::onServerReady(const QString &baseUrl)
{
    m_client.setBaseUrl(QUrl(baseUrl));
    authenticate();
}

void ConsoleApp::authenticate()
{
    // The remembered companies first (for the switcher), then the login to start with.
    m_tokens->readLogins(serverKey(), this, [this](const QByteArray &logins) {
        m_logins = CompanyLogins::fromJson(logins);
        m_window.setCompanies(m_logins.all());
        m_tokens->read(serverKey(), this, [this](const QByteArray &token) {
            if (token.isEmpty())
                return checkSetup();
            // A remembered token: still good?
            m_client.setToken(token);
            ApiReply *r = m_client.me();
            connect(r, &ApiReply::succeeded, this, [this] { enter(true); });
            connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
                if (e.status == 401) {
                    m_tokens->forget(serverKey());
                    forgetLogin(m_client.companyId());
                }
                m_client.setToken({});
                showLogin(e.status == 401 ? QString() : e.message);
            });
        });
    });
}

void ConsoleApp::checkSetup()
{
    ApiReply *r = m_client.authStatus();
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        if (body.value(QLatin1String("needsSetup")).toBool() && !m_remote)
            showSetup();
        else
            showLogin(body.value(QLatin1String("needsSetup")).toBool()
                    ? tr("This server has no accounts yet: create the first one on the server's own console.")
                    : QString());
    });
    connect(
        r, &ApiReply::failed, this, [this](const ApiError &e) { showLogin(e.isNetwork() ? e.message : QString()); });
}

void ConsoleApp::showLogin(const QString &error)
{
    if (!m_login) {
        m_login = new LoginDialog(m_client, &m_window);
        m_login->setRememberNote(m_tokenWarning);
        connect(m_login, &LoginDialog::submitted, this, &ConsoleApp::submitLogin);
        connect(m_login, &LoginDialog::codeSubmitted, this, &ConsoleApp::submitCode);
        connect(m_login, &LoginDialog::setupCompleted, this, &ConsoleApp::completeSetup);
        connect(m_login, &LoginDialog::singleSignOnAnswered, this, &ConsoleApp::completeSingleSignOn);
        // Cancelled while signed in (signing in to another company): the session goes on.
        connect(m_login, &QDialog::rejected, this, [this] {
            dropPendingLogin();
            if (!m_inSession)
                m_window.showNotice(tr("Not logged in: close and start again to log in."));
        });
    }
    m_login->setCompanies(signInCompanies());
    m_login->showPasswordPage(error);
    m_login->open();
}

void ConsoleApp::showSetup()
{
    if (!m_setup) {
        m_setup = new SetupDialog(&m_window);
        m_setup->setRememberNote(m_tokenWarning);
        connect(m_setup, &SetupDialog::submitted, this, &ConsoleApp::submitSetup);
        connect(m_setup, &QDialog::rejected, this, [this] { showLogin(); });
    }
    m_setup->open();
}

void ConsoleApp::submitSetup(const QString &name, const QString &email, const QString &password, bool remember)
{
    ApiReply *r = m_client.setup(email, password, name, m_setupSecret);
    connect(r, &ApiReply::succeeded, this, [this, remember] {
        if (m_setup)
            m_setup->done(QDialog::Accepted);
        enter(remember);
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        if (m_setup)
            m_setup->showError(e.message);
    });
}

void ConsoleApp::enter(bool remembered)
{
    if (m_inSession)
        m_window.stopSession(); // the previous company's live events end here
    m_inSession = true;
    keepLogin(remembered);
    m_preferences.setLastCompany(m_client.companyId(), m_client.companyName());
    m_window.startSession();
    offerSecretsNotice();
    emit signedIn();
}

void ConsoleApp::offerSecretsNotice()
{
    const bool admin = m_client.agent().value(QLatin1String("role")).toString() == QLatin1String("admin");
    if (!admin || m_secretsWarning.isEmpty() || m_secretsNoticeShown || m_preferences.secretsNoticeDismissed())
        return;
    m_secretsNoticeShown = true; // once a run: not again at each company switch
    m_window.showNotice(m_secretsWarning);
    // Refused, with the reason, while the keyring has no default collection.
    m_window.offerNoticeAction(tr("Move secrets into the keyring"), [this] { m_engine.moveSecretsToKeyring(); });
}

void ConsoleApp::signOut()
{
    if (!m_inSession)
        return;
    m_inSession = false;
    m_window.stopSession();
    // Every company's login on this server: a shared computer keeps none of them, and their
    // sessions end on the server too (a copied token is of no use after).
    QList<QByteArray> tokens{m_client.token()};
    for (const CompanyLogin &l : m_logins.all())
        if (!tokens.contains(l.token))
            tokens << l.token;
    endSessions(tokens);
    m_logins = CompanyLogins();
    m_tokens->writeLogins(serverKey(), m_logins.toJson());
    m_tokens->forget(serverKey());
    m_window.setCompanies({});
    m_window.showNotice({});
    m_client.setToken({});
    if (m_login)
        m_login->deleteLater(); // the next one starts empty: no password left in it
    m_login = nullptr;
    showLogin(tr("Signed out."));
}

int runConsole(int &argc, char **argv, const ConsoleOptions &options)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        QTextStream(stderr) << "tierdesk: no display found; run 'tierdesk serve' for the headless server" << Qt::endl;
        return 1;
    }
    QApplication app(argc, argv);
    // The desktop entry's name (packaging/): Wayland's app id, so desktops show its name and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.tierdesk.Tierdesk"));
    // Before any widget exists: every text is translated when it is set.
    ConsoleLanguage::installChosen(&app);
    // The Settings page's choices (server, port), below the command line; its language
    // choice was read by ConsoleLanguage above.
    const ConsolePreferences preferences;
    ConsoleApp console;
    QObject::connect(&console, &ConsoleApp::exitRequested, &app, [](int code, const QString &why) {
        QTextStream(stderr) << "tierdesk: " << why << Qt::endl;
        QCoreApplication::exit(code);
    });
    ConsoleOptions o = options;
    // --server and --port win; then TIERDESK_PORT (it stays for scripts that set it); then the preferences.
    const int envPort = qEnvironmentVariableIntValue("TIERDESK_PORT");
    if (o.server.isEmpty() && !o.portGiven && envPort > 0 && envPort <= 65535) {
        o.port = static_cast<quint16>(envPort);
    } else if (o.server.isEmpty() && !o.portGiven) {
        o.server = preferences.server();
        if (o.server.isEmpty())
            o.port = preferences.port();
    }
    console.start(o);
    console.window().show();
    return QApplication::exec();
}

} // namespace tierdesk::ui
