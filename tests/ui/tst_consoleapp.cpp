// The console's start: first-admin setup on the embedded server, log in,
// remember me (an explicit choice; the token in the secret store, per server), a remembered
// token checked with GET /auth/me, sign out, a remote console (--server), and the notice
// that the secrets are kept in a file (admins only, once, closed for good).
#include "core/integrations/SecretStore.h"
#include "tests/api/ApiTestSupport.h"
#include "tests/ui/ClientWait.h"
#include "ui/ConsoleApp.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/LoginDialog.h"
#include "ui/dialogs/SetupDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
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

QByteArray storedToken(const QString &path, const QString &server)
{
    FileSecretStore store(path);
    auto value = store.read(TokenStore::keyFor(server));
    return value ? *value : QByteArray();
}

} // namespace

class TestConsoleApp : public QObject {
    Q_OBJECT

private slots:
    void firstStartCreatesTheAdmin();
    void loginWithoutRememberKeepsNothing();
    void remoteConsoleLogsInToAnotherServer();
    void secretsInTheFileAreMovedIntoTheKeyringOnRequest();
    void secretsNoticeForAdminsOnceUntilClosed();
    void signOutForgetsTheLoginAndAsksAgain();
};

namespace {

// A console's notice bar as a person sees it.
bool noticeShown(ConsoleApp &console)
{
    auto *bar = console.window().findChild<QLabel *>(QStringLiteral("noticeBar"));
    return bar && bar->isVisibleTo(&console.window()) && !bar->text().isEmpty();
}

bool logIn(ConsoleApp &console, const QString &email)
{
    if (!QTest::qWaitFor([&] { return console.loginDialog() && console.loginDialog()->isVisible(); }, 15000))
        return false;
    QSignalSpy signedIn(&console, &ConsoleApp::signedIn);
    console.loginDialog()->fill(email, kPassword, false);
    console.loginDialog()->accept();
    return signedIn.wait(15000);
}

// A data directory whose secrets sit in secrets.json (made without a keyring).
QString secretsInFile(const QTemporaryDir &data)
{
    const QString file = data.filePath(QStringLiteral("secrets.json"));
    FileSecretStore(file).write(QStringLiteral("probe"), "kept in the file");
    return file;
}

} // namespace

// Secrets that were kept in <data>/secrets.json (no keyring when they were made)
// stay there; the notice offers to move them, and the move empties the file.
// Needs the unlocked keyring scripts/run-tests.sh starts.
void TestConsoleApp::secretsInTheFileAreMovedIntoTheKeyringOnRequest()
{
    QTemporaryDir data;
    QTemporaryDir secrets;
    const QString file = secretsInFile(data);
    ConsoleApp console(fileTokens(secrets.filePath(QStringLiteral("tokens.json"))));
    console.setPreferences(ConsolePreferences(secrets.filePath(QStringLiteral("console.ini"))));
    QSignalSpy signedIn(&console, &ConsoleApp::signedIn);
    console.start(data.path(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(console.setupDialog() && console.setupDialog()->isVisible(), 15000);
    console.setupDialog()->fill(QStringLiteral("Ada Admin"), QStringLiteral("ada@example.com"), kPassword);
    console.setupDialog()->accept();
    QVERIFY(signedIn.wait(15000));
    auto *action = console.window().findChild<QPushButton *>(QStringLiteral("noticeAction"));
    QVERIFY(action);
    QTRY_VERIFY_WITH_TIMEOUT(!action->isHidden(), 15000);
    QSignalSpy moved(&console.engine(), &EngineController::secretsMoved);
    action->click();
    QTRY_VERIFY_WITH_TIMEOUT(!moved.isEmpty(), 15000); // emitted on the engine thread
    const QString error = moved.first().at(1).toString();
    if (error.contains(QLatin1String("default collection")) || error.contains(QLatin1String("keyring cannot be used")))
        QSKIP("this session has no usable keyring (run through scripts/run-tests.sh)");
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(moved.first().at(0).toInt() >= 2); // the probe, the signing key and the data key
    QVERIFY(!QFile::exists(file));
    // The console hears of it through a queued connection, after the spy did.
    QTRY_VERIFY_WITH_TIMEOUT(action->isHidden(), 5000);
    QVERIFY(console.window()
                .findChild<QLabel *>(QStringLiteral("noticeBar"))
                ->text()
                .contains(QLatin1String("moved into")));
}

void TestConsoleApp::firstStartCreatesTheAdmin()
{
    QTemporaryDir data;
    QTemporaryDir secrets;
    const QString tokenFile = secrets.filePath(QStringLiteral("tokens.json"));
    {
        ConsoleApp console(fileTokens(tokenFile));
        QSignalSpy signedIn(&console, &ConsoleApp::signedIn);
        console.start(data.path(), 0);
        // No agent yet: the first-admin dialog, not the login.
        QTRY_VERIFY_WITH_TIMEOUT(console.setupDialog() && console.setupDialog()->isVisible(), 15000);
        QVERIFY(!console.loginDialog());
        SetupDialog *setup = console.setupDialog();
        // The server's own rule, said before anything is typed; remembering is a choice.
        QVERIFY(setup->findChild<QLabel *>(QStringLiteral("setupPasswordRule"))
                    ->text()
                    .contains(QLatin1String("8 to 256")));
        QVERIFY(!setup->remember());
        QVERIFY(!setup->findChild<QCheckBox *>(QStringLiteral("setupRemember"))->isChecked());
        setup->fill(QStringLiteral("Ada Admin"), QStringLiteral("ada@example.com"), QStringLiteral("short"));
        setup->accept();
        QVERIFY2(setup->errorText().contains(QLatin1String("8 to 256")), qPrintable(setup->errorText()));
        setup->fill(QStringLiteral("Ada Admin"), QStringLiteral("ada@example.com"), kPassword, true);
        setup->accept();
        QVERIFY(signedIn.wait(15000));
        QVERIFY(!console.setupDialog() || !console.setupDialog()->isVisible());
        QCOMPARE(console.client().agent().value(QLatin1String("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(console.client().agent().value(QLatin1String("email")).toString(), QStringLiteral("ada@example.com"));
        console.tokens().waitForDone();
        QCOMPARE(storedToken(tokenFile, console.client().baseUrl().toString()), console.client().token());
    }
}

void TestConsoleApp::loginWithoutRememberKeepsNothing()
{
    ServerFixture fixture;
    QString error;
    QVERIFY2(fixture.start({}, false, &error), qPrintable(error));
    NewAgent a;
    a.companyId = fixture.companyId();
    a.email = QStringLiteral("sam@example.com");
    a.name = QStringLiteral("Sam Agent");
    QVERIFY(fixture.runtime().agents().create(a, kPassword, Actor{}).ok());
    QTemporaryDir secrets;
    const QString tokenFile = secrets.filePath(QStringLiteral("tokens.json"));
    const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(fixture.port()));
    // A remembered token that no longer works: forgotten, then the login dialog.
    {
        FileSecretStore store(tokenFile);
        QVERIFY(store.write(TokenStore::keyFor(url.toString()), "expired.token.value").ok());
    }
    ConsoleApp console(fileTokens(tokenFile));
    QSignalSpy signedIn(&console, &ConsoleApp::signedIn);
    console.start(ConsoleOptions{{}, 0, url});
    QTRY_VERIFY_WITH_TIMEOUT(console.loginDialog() && console.loginDialog()->isVisible(), 10000);
    QVERIFY(!console.setupDialog());
    LoginDialog *login = console.loginDialog();
    QVERIFY(login->findChild<QLabel *>(QStringLiteral("loginServer"))->text().contains(url.toString()));
    login->fill(QStringLiteral("sam@example.com"), QStringLiteral("wrong password!"), false);
    login->accept();
    QTRY_COMPARE_WITH_TIMEOUT(login->errorText(), QStringLiteral("Wrong e-mail or password."), 10000);
    login->fill(QStringLiteral("SAM@example.com"), kPassword, false);
    login->accept();
    QVERIFY(signedIn.wait(10000));
    QVERIFY(!login->isVisible());
    QCOMPARE(console.client().agent().value(QLatin1String("name")).toString(), QStringLiteral("Sam Agent"));
    QCOMPARE(console.client().companyId(), fixture.companyId());
    console.tokens().waitForDone();
    QVERIFY(storedToken(tokenFile, url.toString()).isEmpty()); // not remembered, and the stale one is gone
}

void TestConsoleApp::remoteConsoleLogsInToAnotherServer()
{
    ServerFixture fixture;
    QString error;
    QVERIFY2(fixture.start({}, false, &error), qPrintable(error));
    NewAgent a;
    a.companyId = fixture.companyId();
    a.email = QStringLiteral("kim@example.com");
    a.name = QStringLiteral("Kim");
    QVERIFY(fixture.runtime().agents().create(a, kPassword, Actor{}).ok());
    QTemporaryDir secrets;
    const QString tokenFile = secrets.filePath(QStringLiteral("tokens.json"));
    const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(fixture.port()));
    ConsoleApp console(fileTokens(tokenFile));
    QSignalSpy signedIn(&console, &ConsoleApp::signedIn);
    console.start(ConsoleOptions{{}, 0, url});
    QVERIFY(console.isRemote());
    QCOMPARE(console.window().findChild<QLabel *>(QStringLiteral("serverStatus"))->text(), url.toString());
    QTRY_VERIFY_WITH_TIMEOUT(console.loginDialog() && console.loginDialog()->isVisible(), 10000);
    QVERIFY(!console.loginDialog()->remember()); // unticked until the person ticks it
    console.loginDialog()->fill(QStringLiteral("kim@example.com"), kPassword, true);
    console.loginDialog()->accept();
    QVERIFY(signedIn.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(console.window().findChild<QLabel *>(QStringLiteral("connectionState"))->text(),
        QStringLiteral("● Live"), 10000);
    // Presence: the combo sets it on the server.
    auto http = fixture.client(api::Role::Agent);
    const auto presenceOf = [&] {
        for (const QJsonValue &v : http->get(QStringLiteral("/api/cs/agents?companyId=") + fixture.companyId())
                                       .json()
                                       .value(QLatin1String("agents"))
                                       .toArray())
            if (v.toObject().value(QLatin1String("email")).toString() == QLatin1String("kim@example.com"))
                return v.toObject().value(QLatin1String("presence")).toString();
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(presenceOf(), QStringLiteral("available"), 10000);
    auto *combo = console.window().findChild<QComboBox *>(QStringLiteral("presenceCombo"));
    QVERIFY(combo->isEnabled());
    QCOMPARE(combo->currentData().toString(), QStringLiteral("available"));
    // Set elsewhere (another console of Kim's): the combo follows the agent.presence event.
    console.client().setPresence(QStringLiteral("away"));
    QTRY_COMPARE_WITH_TIMEOUT(presenceOf(), QStringLiteral("away"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(combo->currentData().toString(), QStringLiteral("away"), 10000);
    console.tokens().waitForDone();
    QCOMPARE(storedToken(tokenFile, url.toString()), console.client().token());

    // The next start on the same server: the remembered token, no dialog at all.
    ConsoleApp again(fileTokens(tokenFile));
    QSignalSpy againIn(&again, &ConsoleApp::signedIn);
    again.start(ConsoleOptions{{}, 0, url});
    QVERIFY(againIn.wait(10000));
    QVERIFY(!again.loginDialog());
    QCOMPARE(again.client().agent().value(QLatin1String("name")).toString(), QStringLiteral("Kim"));
    QCOMPARE(again.window().findChild<QComboBox *>(QStringLiteral("presenceCombo"))->currentData().toString(),
        QStringLiteral("away")); // what Kim chose last time
}

// Only an admin is told that the server's secrets sit in a file, once a run, and a closed
// notice stays closed at the next start (the console's preferences remember it).
void TestConsoleApp::secretsNoticeForAdminsOnceUntilClosed()
{
    QTemporaryDir data;
    QTemporaryDir secrets;
    secretsInFile(data);
    const QString tokenFile = secrets.filePath(QStringLiteral("tokens.json"));
    const ConsolePreferences preferences(secrets.filePath(QStringLiteral("console.ini")));
    {
        ConsoleApp console(fileTokens(tokenFile));
        console.setPreferences(preferences);
        QSignalSpy signedIn(&console, &ConsoleApp::signedIn);
        console.start(data.path(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(console.setupDialog() && console.setupDialog()->isVisible(), 15000);
        QVERIFY(!noticeShown(console)); // nobody signed in yet
        console.setupDialog()->fill(QStringLiteral("Ada Admin"), QStringLiteral("ada@example.com"), kPassword);
        console.setupDialog()->accept();
        QVERIFY(signedIn.wait(15000));
        QVERIFY(noticeShown(console));
        const QJsonObject kim{{QStringLiteral("email"), QStringLiteral("kim@example.com")},
            {QStringLiteral("name"), QStringLiteral("Kim")}, {QStringLiteral("password"), kPassword}};
        QVERIFY(waitFor(console.client().send("POST", QStringLiteral("/api/cs/agents"), kim, {}, true)).ok);
    }
    {
        // An agent of the same desk: not a word of it.
        ConsoleApp console(fileTokens(tokenFile));
        console.setPreferences(preferences);
        console.start(data.path(), 0);
        QVERIFY(logIn(console, QStringLiteral("kim@example.com")));
        QVERIFY(!noticeShown(console));
        console.signOut();
        QVERIFY(logIn(console, QStringLiteral("ada@example.com")));
        QVERIFY(noticeShown(console));
        console.window().findChild<QPushButton *>(QStringLiteral("noticeClose"))->click();
        QVERIFY(!noticeShown(console));
        QVERIFY(preferences.secretsNoticeDismissed());
    }
    ConsoleApp console(fileTokens(tokenFile));
    console.setPreferences(preferences);
    console.start(data.path(), 0);
    QVERIFY(logIn(console, QStringLiteral("ada@example.com")));
    QVERIFY(!noticeShown(console));
}

// Sign out (the company menu's entry, Ctrl+Shift+Q): the token is forgotten on disk too, the
// login dialog comes back empty, and the next start asks again.
void TestConsoleApp::signOutForgetsTheLoginAndAsksAgain()
{
    ServerFixture fixture;
    QString error;
    QVERIFY2(fixture.start({}, false, &error), qPrintable(error));
    NewAgent a{
        fixture.companyId(), QStringLiteral("lee@example.com"), QStringLiteral("Lee"), QStringLiteral("agent"), {}};
    QVERIFY(fixture.runtime().agents().create(a, kPassword, Actor{}).ok());
    QVERIFY(fixture.runtime().store().batch().flush());
    QTemporaryDir secrets;
    const QString tokenFile = secrets.filePath(QStringLiteral("tokens.json"));
    const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(fixture.port()));
    ConsoleApp console(fileTokens(tokenFile));
    QSignalSpy signedIn(&console, &ConsoleApp::signedIn);
    console.start(ConsoleOptions{{}, 0, url});
    QTRY_VERIFY_WITH_TIMEOUT(console.loginDialog() && console.loginDialog()->isVisible(), 10000);
    console.loginDialog()->fill(QStringLiteral("lee@example.com"), kPassword, true);
    console.loginDialog()->accept();
    QVERIFY(signedIn.wait(10000));
    console.tokens().waitForDone();
    QVERIFY(!storedToken(tokenFile, url.toString()).isEmpty());

    auto *signOut = console.window().findChild<QAction *>(QStringLiteral("signOut"));
    QVERIFY(signOut);
    QCOMPARE(signOut->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    QVERIFY(console.window().findChild<QMenu *>(QStringLiteral("companyMenu"))->actions().contains(signOut));
    signOut->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(console.loginDialog() && console.loginDialog()->isVisible(), 10000);
    QVERIFY(console.loginDialog()->password().isEmpty());
    QVERIFY(!console.loginDialog()->remember());
    QVERIFY(console.client().token().isEmpty());
    console.tokens().waitForDone();
    QVERIFY(storedToken(tokenFile, url.toString()).isEmpty());

    ConsoleApp again(fileTokens(tokenFile));
    again.start(ConsoleOptions{{}, 0, url});
    QTRY_VERIFY_WITH_TIMEOUT(again.loginDialog() && again.loginDialog()->isVisible(), 10000);
}

QTEST_MAIN(TestConsoleApp)
#include "tst_consoleapp.moc"
