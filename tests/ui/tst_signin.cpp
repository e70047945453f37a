// Staff sign-in at the console against a real server (offscreen): the login dialog's second step
// with the authenticator's code (made by core/engine/access/Totp from the enrolment's secret) and
// its errors; the setup a company that requires a factor asks for first, its QR code read back by
// zbarimg, and the recovery codes before the console opens; Settings › Sign-in's sessions, one
// ended; the admin's "End sessions" and "Remove second factor"; Sign out ending the session; the
// single sign-on form's body and the loopback listener that takes the browser's redirect.
#include "core/engine/access/Totp.h"
#include "core/integrations/SecretStore.h"
#include "tests/api/ApiTestSupport.h"
#include "tests/support/FakeClock.h"
#include "tests/ui/ChildWidget.h"
#include "tests/ui/ClientWait.h"
#include "ui/ConsoleApp.h"
#include "ui/ConsoleLanguage.h"
#include "ui/client/LoopbackRedirect.h"
#include "ui/dialogs/LoginDialog.h"
#include "ui/dialogs/MfaSetupPanel.h"
#include "ui/models/AgentsModel.h"
#include "ui/models/SignInSessionsModel.h"
#include "ui/views/AgentsSettings.h"
#include "ui/views/ConfirmButton.h"
#include "ui/views/QrCode.h"
#include "ui/views/settings/SignInSettings.h"
#include "ui/views/settings/SsoSettings.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

std::unique_ptr<TokenStore> fileTokens(const QString &path)
{
    return std::make_unique<TokenStore>(
        [path](QString *) { return std::unique_ptr<SecretStore>(new FileSecretStore(path)); });
}

QString str(const HttpResult &r, const char *key)
{
    return r.json().value(QLatin1String(key)).toString();
}

} // namespace

class TestSignIn : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void theQrCodeReadsBack();
    void theLoopbackTakesOneRedirect();
    void theStartUrlCarriesTheRedirect();
    void loginWithASecondFactor();
    void setupWhenTheCompanyRequiresOne();
    void sessionsListedAndOneEnded();
    void adminEndsSessionsAndRemovesAFactor();
    void signOutEndsTheSession();
    void singleSignOnFormBody();
    void singleSignOnThroughTheLoopback();

private:
    QString totpNow(const QString &secret) const;
    HttpResult login(const QString &email);
    // `email` sets up a factor over the API; its secret.
    QString enrol(const QString &email);
    // A console against the fixture, its login dialog open.
    std::unique_ptr<ConsoleApp> console();
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_fixture->port())); }

    FakeClock m_clock{QDateTime(QDate(2026, 11, 11), QTime(15, 0, 5), Qt::UTC)};
    std::unique_ptr<ServerFixture> m_fixture;
    QTemporaryDir m_dir;
    QMap<QString, QString> m_ids; // e-mail -> agent id
};

void TestSignIn::initTestCase()
{
    ConsoleLanguage::install(qApp, QLocale(QLocale::English));
    QVERIFY(m_dir.isValid());
}

void TestSignIn::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    m_fixture->setClock(&m_clock);
    QString error;
    QVERIFY2(m_fixture->start("[auth]\nloginFailuresPerWindow=1000\n", false, &error), qPrintable(error));
    for (const auto &[email, role] : {std::pair{"ada@example.com", "admin"}, std::pair{"mia@example.com", "agent"},
             std::pair{"sue@example.com", "agent"}}) {
        NewAgent a;
        a.companyId = m_fixture->companyId();
        a.email = QLatin1String(email);
        a.name = QLatin1String(email).left(3);
        a.role = QLatin1String(role);
        const auto agent = m_fixture->runtime().agents().create(a, kPassword, Actor{});
        QVERIFY(agent);
        m_ids.insert(a.email, agent->id);
    }
    QVERIFY(m_fixture->runtime().store().batch().flush());
}

void TestSignIn::cleanup()
{
    LoginDialog::setBrowserOpener({});
    m_fixture.reset();
}

QString TestSignIn::totpNow(const QString &secret) const
{
    const auto bytes = totp::fromBase32(secret);
    return bytes ? totp::code(*bytes, totp::stepAt(m_clock.now().toSecsSinceEpoch())) : QString();
}

HttpResult TestSignIn::login(const QString &email)
{
    return HttpClient(m_fixture->port())
        .post(QStringLiteral("/api/cs/auth/login"),
            {{QStringLiteral("email"), email}, {QStringLiteral("password"), kPassword}});
}

QString TestSignIn::enrol(const QString &email)
{
    HttpClient who(m_fixture->port(), str(login(email), "token").toLatin1());
    const QString secret = str(who.post(QStringLiteral("/api/cs/agents/me/mfa"), {}), "secret");
    if (who.post(QStringLiteral("/api/cs/agents/me/mfa/confirm"), {{QStringLiteral("code"), totpNow(secret)}}).status
        != 200)
        return {};
    m_clock.advanceSecs(30); // the confirming code's step is used up
    return secret;
}

std::unique_ptr<ConsoleApp> TestSignIn::console()
{
    auto app = std::make_unique<ConsoleApp>(fileTokens(m_dir.filePath(QStringLiteral("tokens.json"))));
    app->setPreferences(ConsolePreferences(m_dir.filePath(QStringLiteral("console.ini"))));
    app->start(ConsoleOptions{{}, 0, url()});
    return app;
}

void TestSignIn::theQrCodeReadsBack()
{
    const QString text
        = QStringLiteral("otpauth://totp/Tierdesk:mia@example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
                         "&issuer=Tierdesk&algorithm=SHA1&digits=6&period=30");
    const int modules = QrCode::modules(text);
    QVERIFY(modules >= 21 && (modules - 17) % 4 == 0); // a QR version's width: 17 + 4 * version
    const QImage image = QrCode::image(text, 5);
    QCOMPARE(image.width(), (modules + 8) * 5); // with the quiet zone of four modules each side
    QCOMPARE(image.pixelColor(2, 2), QColor(Qt::white));
    QCOMPARE(image.pixelColor(4 * 5 + 2, 4 * 5 + 2), QColor(Qt::black)); // a finder pattern's corner
    const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
    QVERIFY2(!zbarimg.isEmpty(), "zbarimg is missing: scripts/install-deps.sh installs zbar-tools");
    const QString png = m_dir.filePath(QStringLiteral("qr.png"));
    QVERIFY(image.save(png));
    QProcess zbar;
    zbar.start(zbarimg, {QStringLiteral("--quiet"), QStringLiteral("--raw"), png});
    QVERIFY(zbar.waitForFinished(20000));
    QCOMPARE(QString::fromUtf8(zbar.readAllStandardOutput()).trimmed(), text);
}

void TestSignIn::theLoopbackTakesOneRedirect()
{
    LoopbackRedirect redirect;
    QVERIFY(redirect.listen());
    QCOMPARE(redirect.redirectUrl().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(redirect.redirectUrl().path(), QStringLiteral("/callback"));
    QSignalSpy answered(&redirect, &LoopbackRedirect::answered);
    QNetworkAccessManager nam;
    // A browser asks for its icon too: 404, and the listener waits on.
    QUrl icon = redirect.redirectUrl();
    icon.setPath(QStringLiteral("/favicon.ico"));
    QNetworkReply *other = nam.get(QNetworkRequest(icon));
    QTRY_VERIFY(other->isFinished());
    QCOMPARE(other->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    QVERIFY(answered.isEmpty());
    // Without the listener's state (another program's token): refused, and the listener waits on.
    QUrl forged = redirect.redirectUrl();
    forged.setQuery(QStringLiteral("token=forged.token.x&state=guess"));
    std::unique_ptr<QNetworkReply> refusedForged(nam.get(QNetworkRequest(forged)));
    QTRY_VERIFY(refusedForged->isFinished());
    QCOMPARE(refusedForged->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QVERIFY(answered.isEmpty());
    QVERIFY(redirect.isListening());
    QUrl callback = redirect.redirectUrl(); // as the server sends it: its answer added to the query
    callback.setQuery(
        callback.query() + QStringLiteral("&token=aaa.bbb.ccc&expiresAt=2026-11-11T23%3A00%3A00Z&sessionId=s-1"));
    QNetworkReply *reply = nam.get(QNetworkRequest(callback));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains("You can close this window."));
    QCOMPARE(answered.size(), 1);
    const auto answer = answered.first().first().value<SsoAnswer>();
    QVERIFY(answer.ok());
    QCOMPARE(answer.token, QByteArray("aaa.bbb.ccc"));
    QCOMPARE(answer.expiresAt, QStringLiteral("2026-11-11T23:00:00Z"));
    QCOMPARE(answer.sessionId, QStringLiteral("s-1"));
    QVERIFY(!redirect.isListening()); // one sign-in, one request
    delete other;
    delete reply;

    const SsoAnswer refused = LoopbackRedirect::answerOf(
        QUrlQuery(QStringLiteral("error=access_denied&message=Not%20one%20of%20the%20company%27s%20domains")));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error, QStringLiteral("access_denied"));
    QCOMPARE(refused.message, QStringLiteral("Not one of the company's domains"));
    QVERIFY(!LoopbackRedirect::answerOf(QUrlQuery()).ok());
}

void TestSignIn::theStartUrlCarriesTheRedirect()
{
    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("https://desk.example.com/tierdesk/")));
    const QUrl redirect(QStringLiteral("http://127.0.0.1:50123/callback"));
    const QUrl start = client.oidcStartUrl(QStringLiteral("co 1&x"), redirect, QStringLiteral(" mia+sso@example.com "));
    QCOMPARE(start.path(), QStringLiteral("/tierdesk/api/cs/auth/oidc/start"));
    const QUrlQuery q(start);
    QCOMPARE(q.queryItemValue(QStringLiteral("companyId"), QUrl::FullyDecoded), QStringLiteral("co 1&x"));
    QCOMPARE(q.queryItemValue(QStringLiteral("redirect"), QUrl::FullyDecoded), redirect.toString());
    QCOMPARE(q.queryItemValue(QStringLiteral("device"), QUrl::FullyDecoded), ApiClient::deviceName());
    QCOMPARE(q.queryItemValue(QStringLiteral("loginHint"), QUrl::FullyDecoded), QStringLiteral("mia+sso@example.com"));
    QVERIFY(!start.toString(QUrl::FullyEncoded).contains(QLatin1Char('+'))); // "+" would read as a space
}

void TestSignIn::loginWithASecondFactor()
{
    const QString secret = enrol(QStringLiteral("mia@example.com"));
    QVERIFY(!secret.isEmpty());
    const auto app = console();
    QSignalSpy signedIn(app.get(), &ConsoleApp::signedIn);
    QTRY_VERIFY_WITH_TIMEOUT(app->loginDialog() && app->loginDialog()->isVisible(), 10000);
    LoginDialog *dialog = app->loginDialog();
    dialog->fill(QStringLiteral("mia@example.com"), kPassword, false);
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->page(), LoginDialog::Page::Code, 10000);
    QVERIFY(app->client().token().isEmpty()); // no token before the second step

    dialog->fillCode(QStringLiteral("000000"));
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains(QLatin1String("wrong or was already used")), 10000);
    QCOMPARE(dialog->page(), LoginDialog::Page::Code);

    child<QPushButton>(*dialog, "loginUseRecovery")->click();
    QVERIFY(dialog->usesRecoveryCode());
    dialog->fillCode(QStringLiteral("abcd-efgh-ijkl"));
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains(QLatin1String("recovery code is wrong")), 10000);
    child<QPushButton>(*dialog, "loginUseRecovery")->click();
    QVERIFY(!dialog->usesRecoveryCode());

    dialog->fillCode(totpNow(secret));
    dialog->accept();
    QVERIFY(signedIn.wait(10000));
    QVERIFY(!app->loginDialog()->isVisible());
    QCOMPARE(app->client().agent().value(QLatin1String("email")).toString(), QStringLiteral("mia@example.com"));
    // The session names this machine and the two steps.
    const QJsonArray sessions = HttpClient(m_fixture->port(), app->client().token())
                                    .get(QStringLiteral("/api/cs/auth/sessions"))
                                    .json()
                                    .value(QLatin1String("sessions"))
                                    .toArray();
    bool found = false;
    for (const QJsonValue &v : sessions) {
        const QJsonObject s = v.toObject();
        if (s.value(QLatin1String("current")).toBool()) {
            found = true;
            QCOMPARE(s.value(QLatin1String("method")).toString(), QStringLiteral("mfa"));
            QCOMPARE(s.value(QLatin1String("device")).toString(), ApiClient::deviceName());
        }
    }
    QVERIFY(found);
}

void TestSignIn::setupWhenTheCompanyRequiresOne()
{
    auto admin = m_fixture->client(api::Role::Admin);
    QCOMPARE(admin
                 ->put(QStringLiteral("/api/cs/config"),
                     {{QStringLiteral("companyId"), m_fixture->companyId()},
                         {QStringLiteral("auth"), QJsonObject{{QStringLiteral("requireMfa"), true}}}})
                 .status,
        200);
    const auto app = console();
    QSignalSpy signedIn(app.get(), &ConsoleApp::signedIn);
    QTRY_VERIFY_WITH_TIMEOUT(app->loginDialog() && app->loginDialog()->isVisible(), 10000);
    LoginDialog *dialog = app->loginDialog();
    dialog->fill(QStringLiteral("sue@example.com"), kPassword, true);
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->page(), LoginDialog::Page::Setup, 10000);
    MfaSetupPanel *panel = dialog->setupPanel();
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->secret().isEmpty(), 10000);
    const QByteArray restricted = app->client().token();
    QVERIFY(panel->otpauthUrl().contains(QLatin1String("secret=") + panel->secret()));
    QCOMPARE(child<QLabel>(*panel, "mfaSecret")->text().remove(QLatin1Char(' ')), panel->secret());
    // The QR code on the page is the otpauth:// URL, as a scanner reads it.
    const QPixmap qr = child<QLabel>(*panel, "mfaQr")->pixmap();
    QVERIFY(!qr.isNull());
    const QString png = m_dir.filePath(QStringLiteral("setup-qr.png"));
    QVERIFY(qr.toImage().save(png));
    QProcess zbar;
    zbar.start(QStringLiteral("zbarimg"), {QStringLiteral("--quiet"), QStringLiteral("--raw"), png});
    QVERIFY(zbar.waitForFinished(20000));
    QCOMPARE(QString::fromUtf8(zbar.readAllStandardOutput()).trimmed(), panel->otpauthUrl());

    child<QLineEdit>(*panel, "mfaCode")->setText(QStringLiteral("123"));
    child<QPushButton>(*panel, "mfaConfirm")->click();
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(*panel, "mfaError")->isVisible(), 10000);
    QVERIFY(!panel->showsRecoveryCodes());
    child<QLineEdit>(*panel, "mfaCode")->setText(totpNow(panel->secret()));
    child<QPushButton>(*panel, "mfaConfirm")->click();
    QTRY_VERIFY_WITH_TIMEOUT(panel->showsRecoveryCodes(), 10000);
    QCOMPARE(panel->recoveryCodes().size(), 10);
    QCOMPARE(child<QPlainTextEdit>(*panel, "mfaRecoveryCodes")->toPlainText().split(QLatin1Char('\n')).size(), 10);
    const QString saved = m_dir.filePath(QStringLiteral("codes.txt"));
    QVERIFY(panel->saveCodesTo(saved));
    QFile file(saved);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(file.readAll()).contains(panel->recoveryCodes().last()));
    auto *cont = child<QPushButton>(*panel, "mfaContinue");
    QVERIFY(!cont->isEnabled()); // not before the person says the codes are saved
    QVERIFY(signedIn.isEmpty());
    child<QCheckBox>(*panel, "mfaSaved")->setChecked(true);
    QVERIFY(cont->isEnabled());
    cont->click(); // signs in at once: the login is in the confirmation's answer
    QCOMPARE(signedIn.size(), 1);
    // The full login replaced the restricted one, whose session ended.
    QVERIFY(app->client().token() != restricted);
    HttpClient sue(m_fixture->port(), app->client().token());
    QCOMPARE(sue.get(QStringLiteral("/api/cs/sessions?companyId=") + m_fixture->companyId()).status, 200);
    QCOMPARE(HttpClient(m_fixture->port(), restricted).get(QStringLiteral("/api/cs/auth/me")).status, 401);
    QTRY_VERIFY_WITH_TIMEOUT(
        app->client().agent().value(QLatin1String("mfa")).toObject().value(QLatin1String("enabled")).toBool(), 10000);
}

void TestSignIn::sessionsListedAndOneEnded()
{
    const QByteArray elsewhere = str(login(QStringLiteral("mia@example.com")), "token").toLatin1();
    ApiClient client;
    client.setBaseUrl(url());
    QVERIFY(waitFor(client.login(QStringLiteral("mia@example.com"), kPassword)).ok);
    SignInSettings page(client);
    page.resize(1000, 760);
    page.show();
    QSignalSpy loaded(&page, &SignInSettings::sessionsLoaded);
    page.refresh();
    QVERIFY(loaded.wait(10000));
    QVERIFY(!page.sso()->isVisibleTo(&page)); // the company's part is for admins
    SignInSessionsModel &model = page.sessions();
    QCOMPARE(model.rowCount(), 2);
    int current = -1;
    int other = -1;
    for (int row = 0; row < model.rowCount(); ++row)
        (model.isCurrent(row) ? current : other) = row;
    QVERIFY(current >= 0 && other >= 0);
    QCOMPARE(model.index(current, SignInSessionsModel::Device).data().toString(),
        QStringLiteral("%1 (this console)").arg(ApiClient::deviceName()));
    QCOMPARE(model.index(current, SignInSessionsModel::Method).data().toString(), QStringLiteral("Password"));
    QCOMPARE(model.index(current, SignInSessionsModel::Address).data().toString(), QStringLiteral("127.0.0.1"));
    auto *end = child<QPushButton>(page, "signInEndSession");
    page.sessionsTable()->selectRow(current);
    QVERIFY(!end->isEnabled()); // this console's: Sign out is the way
    page.sessionsTable()->selectRow(other);
    QVERIFY(end->isEnabled());
    loaded.clear();
    end->click();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.isCurrent(0));
    QCOMPARE(HttpClient(m_fixture->port(), elsewhere).get(QStringLiteral("/api/cs/auth/me")).status, 401);

    // End all other sessions: a confirming second click.
    const QByteArray third = str(login(QStringLiteral("mia@example.com")), "token").toLatin1();
    loaded.clear();
    page.refresh();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.rowCount(), 2);
    auto *others = child<ConfirmButton>(page, "signInEndOthers");
    others->click();
    QVERIFY(others->isArmed());
    loaded.clear();
    others->click();
    QVERIFY(loaded.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 10000);
    QCOMPARE(HttpClient(m_fixture->port(), third).get(QStringLiteral("/api/cs/auth/me")).status, 401);
    QCOMPARE(HttpClient(m_fixture->port(), client.token()).get(QStringLiteral("/api/cs/auth/me")).status, 200);
}

void TestSignIn::adminEndsSessionsAndRemovesAFactor()
{
    QVERIFY(!enrol(QStringLiteral("mia@example.com")).isEmpty());
    const QByteArray sue = str(login(QStringLiteral("sue@example.com")), "token").toLatin1();
    ApiClient client;
    client.setBaseUrl(url());
    QVERIFY(waitFor(client.login(QStringLiteral("ada@example.com"), kPassword)).ok);
    AgentsSettings page(client);
    page.resize(1200, 700);
    page.show();
    QSignalSpy loaded(&page, &AgentsSettings::loaded);
    page.refresh();
    QVERIFY(loaded.wait(10000));
    AgentsModel &model = page.model();
    const int mia = model.rowOf(m_ids.value(QStringLiteral("mia@example.com")));
    const int sueRow = model.rowOf(m_ids.value(QStringLiteral("sue@example.com")));
    QCOMPARE(model.index(mia, AgentsModel::SecondFactor).data().toString(), QStringLiteral("On"));
    QCOMPARE(model.index(sueRow, AgentsModel::SecondFactor).data().toString(), QStringLiteral("Off"));

    auto *remove = child<ConfirmButton>(page, "agentRemoveFactor");
    auto *endSessions = child<ConfirmButton>(page, "agentEndSessions");
    page.table()->selectRow(sueRow);
    QVERIFY(!remove->isEnabled()); // Sue has none
    endSessions->click();
    QCOMPARE(HttpClient(m_fixture->port(), sue).get(QStringLiteral("/api/cs/auth/me")).status, 200); // asked first
    endSessions->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(page, "agentsMessage")->text().contains(QLatin1String("signed out everywhere")), 10000);
    QCOMPARE(HttpClient(m_fixture->port(), sue).get(QStringLiteral("/api/cs/auth/me")).status, 401);

    page.table()->selectRow(model.rowOf(m_ids.value(QStringLiteral("mia@example.com"))));
    QVERIFY(remove->isEnabled());
    loaded.clear();
    remove->click();
    remove->click();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.index(model.rowOf(m_ids.value(QStringLiteral("mia@example.com"))), AgentsModel::SecondFactor)
                 .data()
                 .toString(),
        QStringLiteral("Off"));
    QVERIFY(login(QStringLiteral("mia@example.com")).json().contains(QLatin1String("token"))); // one step again

    // Settings › Sign-in: the admin requires a second factor of everyone.
    SignInSettings signIn(client);
    signIn.show();
    QVERIFY(signIn.sso()->isVisibleTo(&signIn));
    QSignalSpy saved(&signIn, &SignInSettings::saved);
    signIn.refresh();
    auto *require = child<QCheckBox>(signIn, "signInRequireMfa");
    QTRY_VERIFY_WITH_TIMEOUT(require->isEnabled(), 10000);
    QVERIFY(!require->isChecked());
    require->click();
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().first().toBool(), true);
    const QJsonObject config = m_fixture->client(api::Role::Admin)
                                   ->get(QStringLiteral("/api/cs/config?companyId=") + m_fixture->companyId())
                                   .json();
    QCOMPARE(config.value(QLatin1String("auth")).toObject().value(QLatin1String("requireMfa")).toBool(), true);
    QCOMPARE(login(QStringLiteral("mia@example.com")).json().value(QLatin1String("mfaSetupRequired")).toBool(), true);
}

void TestSignIn::signOutEndsTheSession()
{
    const auto app = console();
    QSignalSpy signedIn(app.get(), &ConsoleApp::signedIn);
    QTRY_VERIFY_WITH_TIMEOUT(app->loginDialog() && app->loginDialog()->isVisible(), 10000);
    app->loginDialog()->fill(QStringLiteral("sue@example.com"), kPassword, false);
    app->loginDialog()->accept();
    QVERIFY(signedIn.wait(10000));
    const QByteArray token = app->client().token();
    QCOMPARE(HttpClient(m_fixture->port(), token).get(QStringLiteral("/api/cs/auth/me")).status, 200);
    app->signOut();
    QTRY_COMPARE_WITH_TIMEOUT(
        HttpClient(m_fixture->port(), token).get(QStringLiteral("/api/cs/auth/me")).status, 401, 10000);
}

void TestSignIn::singleSignOnFormBody()
{
    ApiClient client;
    SsoSettings form(client);
    form.setSettings(QJsonObject{{QStringLiteral("issuer"), QStringLiteral("https://login.example.com")},
        {QStringLiteral("clientId"), QStringLiteral("tierdesk")}, {QStringLiteral("hasClientSecret"), true},
        {QStringLiteral("allowedDomains"), QJsonArray{QStringLiteral("example.com")}},
        {QStringLiteral("roleClaim"), QStringLiteral("groups")},
        {QStringLiteral("roleMap"), QJsonObject{{QStringLiteral("desk-leads"), QStringLiteral("supervisor")}}},
        {QStringLiteral("defaultRole"), QStringLiteral("agent")}, {QStringLiteral("createAgents"), true},
        {QStringLiteral("passwordLogin"), false}});
    QCOMPARE(form.roleMap()->rowCount(), 1);
    QCOMPARE(child<QLineEdit>(form, "ssoClientSecret")->placeholderText(), QStringLiteral("kept (type to replace)"));
    child<QLineEdit>(form, "ssoDomains")->setText(QStringLiteral("Example.com,  example.org"));
    form.addRoleMapRow(QStringLiteral("it-admins"), QStringLiteral("admin"));
    QJsonObject body = form.settings();
    QVERIFY(!body.contains(QLatin1String("clientSecret"))); // kept unless typed
    QCOMPARE(body.value(QLatin1String("allowedDomains")).toArray(),
        (QJsonArray{QStringLiteral("example.com"), QStringLiteral("example.org")}));
    QCOMPARE(body.value(QLatin1String("roleMap")).toObject(),
        (QJsonObject{{QStringLiteral("desk-leads"), QStringLiteral("supervisor")},
            {QStringLiteral("it-admins"), QStringLiteral("admin")}}));
    QCOMPARE(body.value(QLatin1String("createAgents")).toBool(), true);
    QCOMPARE(body.value(QLatin1String("passwordLogin")).toBool(), false);
    child<QLineEdit>(form, "ssoClientSecret")->setText(QStringLiteral("s3cret"));
    QCOMPARE(form.settings().value(QLatin1String("clientSecret")).toString(), QStringLiteral("s3cret"));
}

// The SSO button: the browser is sent to the server's start URL with the loopback redirect; what the
// browser brings back there (here: a login made over the API, as the server would redirect with it)
// signs the console in. The provider's side is tested with the server's OpenID Connect.
void TestSignIn::singleSignOnThroughTheLoopback()
{
    QUrl opened;
    LoginDialog::setBrowserOpener([&opened](const QUrl &url) { opened = url; });
    const auto app = console();
    QSignalSpy signedIn(app.get(), &ConsoleApp::signedIn);
    QTRY_VERIFY_WITH_TIMEOUT(app->loginDialog() && app->loginDialog()->isVisible(), 10000);
    LoginDialog *dialog = app->loginDialog();
    child<QPushButton>(*dialog, "loginSso")->click();
    QCOMPARE(dialog->page(), LoginDialog::Page::SingleSignOn);
    dialog->fillSingleSignOn(QString(), QString());
    dialog->accept();
    QVERIFY(dialog->errorText().contains(QLatin1String("company"))); // none chosen
    dialog->fillSingleSignOn(m_fixture->companyId(), QStringLiteral("sue@example.com"));
    dialog->accept();
    QVERIFY(dialog->redirect().isListening());
    const QUrlQuery start(opened);
    QCOMPARE(opened.path(), QStringLiteral("/api/cs/auth/oidc/start"));
    // Whole, to copy by hand when no browser opened.
    QCOMPARE(child<QLineEdit>(*dialog, "ssoAddress")->text(), opened.toString(QUrl::FullyEncoded));
    QCOMPARE(start.queryItemValue(QStringLiteral("companyId"), QUrl::FullyDecoded), m_fixture->companyId());
    QCOMPARE(start.queryItemValue(QStringLiteral("loginHint"), QUrl::FullyDecoded), QStringLiteral("sue@example.com"));
    const QUrl redirect(start.queryItemValue(QStringLiteral("redirect"), QUrl::FullyDecoded));
    QCOMPARE(redirect, dialog->redirect().redirectUrl());

    // A refusal is said in the dialog, which stays.
    QNetworkAccessManager nam;
    QUrl refused = redirect;
    refused.setQuery(
        refused.query() + QStringLiteral("&error=access_denied&message=Not%20one%20of%20the%20company%27s%20domains"));
    std::unique_ptr<QNetworkReply> no(nam.get(QNetworkRequest(refused)));
    QTRY_VERIFY_WITH_TIMEOUT(no->isFinished(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->errorText(), QStringLiteral("Not one of the company's domains"), 10000);
    QVERIFY(dialog->isVisible());

    dialog->accept(); // again: a new listener
    const HttpResult sue = login(QStringLiteral("sue@example.com"));
    QUrl back(QUrlQuery(opened).queryItemValue(QStringLiteral("redirect"), QUrl::FullyDecoded));
    QUrlQuery answer(back);
    answer.addQueryItem(QStringLiteral("token"), str(sue, "token"));
    answer.addQueryItem(QStringLiteral("expiresAt"), str(sue, "expiresAt"));
    answer.addQueryItem(QStringLiteral("sessionId"), str(sue, "sessionId"));
    back.setQuery(answer);
    std::unique_ptr<QNetworkReply> yes(nam.get(QNetworkRequest(back)));
    QVERIFY(signedIn.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(yes->isFinished(), 10000); // the page is sent before the console signs in
    QVERIFY(yes->readAll().contains("You can close this window."));
    QCOMPARE(app->client().agent().value(QLatin1String("email")).toString(), QStringLiteral("sue@example.com"));
    QVERIFY(!dialog->redirect().isListening());
}

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
