// Companies in the console, on a real server on 127.0.0.1: an admin makes a company
// from the switcher and is signed in to it; switching back and forth shows each
// company's own data; the logins are remembered for the next start; a login that
// ended is dropped without ending the session; renaming; an agent signs in to a
// second company through the switcher.
#include "core/integrations/SecretStore.h"
#include "tests/api/ApiTestSupport.h"
#include "ui/ConsoleApp.h"
#include "ui/MainWindow.h"
#include "ui/client/CompanyLogins.h"
#include "ui/dialogs/LoginDialog.h"
#include "ui/dialogs/NewCompanyDialog.h"
#include "ui/views/ConfigView.h"

#include <QAction>
#include <QInputDialog>
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

QStringList companyActions(MainWindow &window)
{
    QStringList ids;
    for (QAction *a : window.companySwitcher()->menu()->actions())
        if (a->objectName().startsWith(QLatin1String("company:")))
            ids << a->objectName().mid(8) + (a->isChecked() ? QStringLiteral("*") : QString());
    return ids;
}

QAction *menuAction(MainWindow &window, const QString &name)
{
    for (QAction *a : window.companySwitcher()->menu()->actions())
        if (a->objectName() == name)
            return a;
    return nullptr;
}

} // namespace

class TestCompanies : public QObject {
    Q_OBJECT

private slots:
    void loginsWriteOutOnlyTheRememberedOnes();
    void init();
    void cleanup();
    void adminMakesACompanyAndSwitchesBetweenThem();
    void loginThatEndedIsDroppedAndTheSessionGoesOn();
    void adminRenamesTheCompany();
    void agentSignsInToASecondCompany();

private:
    // A console on the fixture's server, signed in as `email` (remember me on).
    std::unique_ptr<ConsoleApp> signIn(const QString &email);
    bool addAgent(const QString &company, const QString &email, const QString &role);

    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<QTemporaryDir> m_secrets;
    QString tokenFile() const { return m_secrets->filePath(QStringLiteral("tokens.json")); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port())); }
};

void TestCompanies::loginsWriteOutOnlyTheRememberedOnes()
{
    CompanyLogins logins;
    logins.put({QStringLiteral("c2"), QStringLiteral("Zeta"), QStringLiteral("z@x.io"), "tz", true});
    logins.put({QStringLiteral("c1"), QStringLiteral("alpha"), QStringLiteral("a@x.io"), "ta", true});
    logins.put({QStringLiteral("c3"), QStringLiteral("Mid"), QStringLiteral("m@x.io"), "tm", false});
    logins.put({QStringLiteral("c2"), QStringLiteral("Zeta"), QStringLiteral("z@x.io"), "tz2", true}); // replaces
    QCOMPARE(logins.all().size(), 3);
    QCOMPARE(logins.all().constFirst().companyId, QStringLiteral("c1")); // by name
    QCOMPARE(logins.find(QStringLiteral("c2"))->token, QByteArray("tz2"));
    const CompanyLogins read = CompanyLogins::fromJson(logins.toJson());
    QCOMPARE(read.all().size(), 2);
    QVERIFY(!read.find(QStringLiteral("c3")));
    QCOMPARE(read.find(QStringLiteral("c2"))->email, QStringLiteral("z@x.io"));
    QVERIFY(read.find(QStringLiteral("c1"))->remembered);
    QVERIFY(CompanyLogins::fromJson("not json").isEmpty());
    QVERIFY(CompanyLogins::fromJson(R"([{"companyId":"c9"}])").isEmpty()); // no token: not a login
}

void TestCompanies::init()
{
    if (qstrcmp(QTest::currentTestFunction(), "loginsWriteOutOnlyTheRememberedOnes") == 0)
        return;
    m_server = std::make_unique<ServerFixture>();
    m_secrets = std::make_unique<QTemporaryDir>();
    QString error;
    QVERIFY2(m_server->start({}, false, &error), qPrintable(error));
    QVERIFY(addAgent(m_server->companyId(), QStringLiteral("ada@example.com"), QStringLiteral("admin")));
}

void TestCompanies::cleanup()
{
    if (!m_server)
        return;
    m_server.reset();
    m_secrets.reset();
}

bool TestCompanies::addAgent(const QString &company, const QString &email, const QString &role)
{
    const NewAgent a{company, email, QStringLiteral("Ada Admin"), role, {}};
    return m_server->runtime().agents().create(a, kPassword, Actor{}).ok()
        && m_server->runtime().store().batch().flush();
}

std::unique_ptr<ConsoleApp> TestCompanies::signIn(const QString &email)
{
    auto console = std::make_unique<ConsoleApp>(fileTokens(tokenFile()));
    QSignalSpy signedIn(console.get(), &ConsoleApp::signedIn);
    console->start(ConsoleOptions{{}, 0, url()});
    if (!QTest::qWaitFor([&] { return console->loginDialog() && console->loginDialog()->isVisible(); }, 10000))
        return nullptr;
    console->loginDialog()->fill(email, kPassword, true);
    console->loginDialog()->accept();
    if (!signedIn.wait(10000))
        return nullptr;
    return console;
}

void TestCompanies::adminMakesACompanyAndSwitchesBetweenThem()
{
    auto console = signIn(QStringLiteral("ada@example.com"));
    QVERIFY(console);
    MainWindow &window = console->window();
    const QString demo = m_server->companyId();
    const QString demoName = m_server->demo().value(QLatin1String("companyName")).toString();
    QVERIFY(window.companySwitcher()->toolTip().contains(demoName));
    QCOMPARE(companyActions(window), QStringList{demo + QStringLiteral("*")});
    QVERIFY(menuAction(window, QStringLiteral("companyNew")));

    menuAction(window, QStringLiteral("companyNew"))->trigger();
    NewCompanyDialog *dialog = console->newCompanyDialog();
    QVERIFY(dialog && dialog->isVisible());
    NewCompanyDialog::Request request{QStringLiteral("Outfitters EU"), true, QStringLiteral("Ada Admin"),
        QStringLiteral("ada@example.com"), kPassword};
    dialog->fill(request); // an e-mail in use on the server: the API's answer, the dialog stays
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains(QLatin1String("e-mail")), 10000);
    QVERIFY(dialog->isVisible());
    QCOMPARE(console->client().companyId(), demo);

    QSignalSpy signedIn(console.get(), &ConsoleApp::signedIn);
    request.adminEmail = QStringLiteral("ada+eu@example.com");
    dialog->fill(request);
    dialog->accept();
    QVERIFY(signedIn.wait(10000));
    const QString eu = console->client().companyId();
    QVERIFY(!eu.isEmpty() && eu != demo);
    QCOMPARE(console->client().companyName(), QStringLiteral("Outfitters EU"));
    QVERIFY(window.companySwitcher()->toolTip().contains(QLatin1String("Outfitters EU")));
    QCOMPARE(companyActions(window).size(), 2);
    QVERIFY(companyActions(window).contains(eu + QStringLiteral("*")));
    QVERIFY(companyActions(window).contains(demo));
    // The new company's pages: its own (empty) queue and its config, under its name.
    QTRY_COMPARE_WITH_TIMEOUT(window.queueModel().rowCount(), 0, 10000);
    window.show();
    QSignalSpy configLoaded(window.configuration(), &ConfigView::loaded);
    window.showConfiguration();
    QVERIFY(configLoaded.wait(10000));
    QCOMPARE(window.configuration()->findChild<QLabel *>(QStringLiteral("configTitle"))->text(),
        QStringLiteral("Configuration · Outfitters EU"));

    // Back to the demo company through the switcher.
    menuAction(window, QStringLiteral("company:") + demo)->trigger();
    QVERIFY(signedIn.wait(10000));
    QCOMPARE(console->client().companyId(), demo);
    QVERIFY(window.companySwitcher()->toolTip().contains(demoName));
    QVERIFY(companyActions(window).contains(demo + QStringLiteral("*")));
    window.showConfiguration(); // read anew: the other company's config is not shown
    QVERIFY(configLoaded.wait(10000));
    QCOMPARE(window.configuration()->findChild<QLabel *>(QStringLiteral("configTitle"))->text(),
        QStringLiteral("Configuration · ") + demoName);

    // The next start opens the company used last, and the switcher knows both.
    console->tokens().waitForDone();
    console.reset();
    ConsoleApp again(fileTokens(tokenFile()));
    QSignalSpy againIn(&again, &ConsoleApp::signedIn);
    again.start(ConsoleOptions{{}, 0, url()});
    QVERIFY(againIn.wait(10000));
    QVERIFY(!again.loginDialog());
    QCOMPARE(again.client().companyId(), demo);
    QCOMPARE(companyActions(again.window()).size(), 2);
    menuAction(again.window(), QStringLiteral("company:") + eu)->trigger();
    QVERIFY(againIn.wait(10000));
    QCOMPARE(again.client().companyName(), QStringLiteral("Outfitters EU"));
}

// The other company's login was ended on the server (a new password there): choosing it
// says so, drops it from the switcher and keeps the session of the company in use.
void TestCompanies::loginThatEndedIsDroppedAndTheSessionGoesOn()
{
    auto console = signIn(QStringLiteral("ada@example.com"));
    QVERIFY(console);
    QSignalSpy signedIn(console.get(), &ConsoleApp::signedIn);
    console->showNewCompany();
    console->newCompanyDialog()->fill(
        {QStringLiteral("Short lived"), false, QStringLiteral("Ada"), QStringLiteral("sl@example.com"), kPassword});
    console->newCompanyDialog()->accept();
    QVERIFY(signedIn.wait(10000));
    const QString other = console->client().companyId();
    const QString agentId = console->client().agentId();
    console->switchCompany(m_server->companyId());
    QVERIFY(signedIn.wait(10000));
    QCOMPARE(console->client().companyId(), m_server->companyId());

    auto otherAdmin = m_server->client(api::Role::Admin, other);
    QCOMPARE(otherAdmin
                 ->post(QStringLiteral("/api/cs/agents/%1/password").arg(agentId),
                     {{QStringLiteral("password"), QStringLiteral("another long password")}})
                 .status,
        200);
    menuAction(console->window(), QStringLiteral("company:") + other)->trigger();
    QVERIFY(signedIn.wait(10000)); // back in the demo company
    QCOMPARE(console->client().companyId(), m_server->companyId());
    QVERIFY(console->window()
                .findChild<QLabel *>(QStringLiteral("noticeBar"))
                ->text()
                .contains(QLatin1String("has ended")));
    QCOMPARE(companyActions(console->window()), QStringList{m_server->companyId() + QStringLiteral("*")});
    QVERIFY(!console->loginDialog()->isVisible());
    // The session goes on: the demo company's queue is answered with its token.
    QSignalSpy queue(&console->window(), &MainWindow::queueLoaded);
    console->window().reloadQueue();
    QVERIFY(queue.wait(10000));
}

void TestCompanies::adminRenamesTheCompany()
{
    auto console = signIn(QStringLiteral("ada@example.com"));
    QVERIFY(console);
    menuAction(console->window(), QStringLiteral("companyRename"))->trigger();
    QInputDialog *rename = console->renameCompanyDialog();
    QVERIFY(rename && rename->isVisible());
    QCOMPARE(rename->textValue(), console->client().companyName());
    rename->setTextValue(QStringLiteral("  Trail & Summit "));
    rename->accept();
    QTRY_VERIFY_WITH_TIMEOUT(
        console->window().companySwitcher()->toolTip().contains(QLatin1String("Trail & Summit")), 10000);
    QCOMPARE(m_server->client(api::Role::Agent)
                 ->get(QStringLiteral("/api/cs/companies/") + m_server->companyId())
                 .json()
                 .value(QLatin1String("name"))
                 .toString(),
        QStringLiteral("Trail & Summit"));
    // The switcher's remembered entry has the new name too.
    QCOMPARE(console->companyLogins().find(m_server->companyId())->companyName, QStringLiteral("Trail & Summit"));
}

void TestCompanies::agentSignsInToASecondCompany()
{
    const QString second = m_server->createCompany(QStringLiteral("Second Brand"));
    QVERIFY(addAgent(m_server->companyId(), QStringLiteral("sam@example.com"), QStringLiteral("agent")));
    QVERIFY(addAgent(second, QStringLiteral("sam@second.example"), QStringLiteral("agent")));
    auto console = signIn(QStringLiteral("sam@example.com"));
    QVERIFY(console);
    MainWindow &window = console->window();
    QVERIFY(!menuAction(window, QStringLiteral("companyNew"))); // admins only
    QVERIFY(!menuAction(window, QStringLiteral("companyRename")));

    // Cancelled: nothing changes.
    menuAction(window, QStringLiteral("companySignIn"))->trigger();
    QVERIFY(console->loginDialog()->isVisible());
    console->loginDialog()->reject();
    QCOMPARE(console->client().companyId(), m_server->companyId());
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("noticeBar"))->text().isEmpty());

    // A wrong password there does not end the session here.
    menuAction(window, QStringLiteral("companySignIn"))->trigger();
    console->loginDialog()->fill(QStringLiteral("sam@second.example"), QStringLiteral("not the password"), true);
    console->loginDialog()->accept();
    QTRY_COMPARE_WITH_TIMEOUT(console->loginDialog()->errorText(), QStringLiteral("Wrong e-mail or password."), 10000);
    QCOMPARE(console->client().companyId(), m_server->companyId());

    QSignalSpy signedIn(console.get(), &ConsoleApp::signedIn);
    console->loginDialog()->fill(QStringLiteral("sam@second.example"), kPassword, true);
    console->loginDialog()->accept();
    QVERIFY(signedIn.wait(10000));
    QCOMPARE(console->client().companyId(), second);
    QCOMPARE(console->client().companyName(), QStringLiteral("Second Brand"));
    QCOMPARE(companyActions(window).size(), 2);
    QVERIFY(companyActions(window).contains(second + QStringLiteral("*")));
}

QTEST_MAIN(TestCompanies)
#include "tst_companies.moc"
