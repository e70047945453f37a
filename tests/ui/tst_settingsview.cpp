// The console's Settings page against a real embedded server, offscreen: an admin creates
// an agent who then logs in over HTTP, deactivates them (their login is refused), makes an
// API token that is shown once and works over HTTP until it is revoked from the page,
// adds a webhook, sees its deliveries and deletes it; the console's own preferences are
// stored; the server's SMTP settings are saved from the E-mail tab; an AI provider (a scripted
// OpenAI-compatible server on loopback) is added with a write-only key, tested and removed;
// supervisors make, change and delete canned responses (the server checks their placeholders;
// the console hears of each change), Connection shows the port in use, and the password rule is
// the server's; other roles see no admin tabs. Every model passes QAbstractItemModelTester.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/ScriptedModelServer.h"
#include "tests/ui/ChildWidget.h"
#include "tests/ui/ClientWait.h"
#include "ui/ConsoleLanguage.h"
#include "ui/client/ApiClient.h"
#include "ui/models/AgentsModel.h"
#include "ui/models/AiProvidersModel.h"
#include "ui/models/CannedResponsesModel.h"
#include "ui/models/TokensModel.h"
#include "ui/models/WebhooksModel.h"
#include "ui/views/AgentsSettings.h"
#include "ui/views/EmailSettings.h"
#include "ui/views/SettingsView.h"
#include "ui/views/TokensSettings.h"
#include "ui/views/WebhooksSettings.h"
#include "ui/views/settings/AiProvidersSettings.h"
#include "ui/views/settings/CannedResponsesSettings.h"
#include "ui/views/settings/NotificationsSettings.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

int loginStatus(quint16 port, const QString &email, const QString &password)
{
    HttpClient anonymous(port);
    return anonymous
        .post(QStringLiteral("/api/cs/auth/login"),
            {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}})
        .status;
}

} // namespace

class TestSettingsView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void createAgentWhoLogsInThenDeactivate();
    void capacitySetForTheSelectedAgent();
    void tokenShownOnceWorksUntilRevoked();
    void webhookAddDeliveriesDelete();
    void emailSettingsSavedToTheServer();
    void aiProviderAddedTestedRemoved();
    void preferencesAreStored();
    void otherRolesSeeNoAdminTabs();
    void aSupervisorAsksForTheWeeklySummary();
    void cannedResponsesMadeChangedDeletedBySupervisor();
    void connectionShowsThePortInUse();
    void passwordFieldsSayTheServersRule();

private:
    // A client logged in as the admin agent, as the console is.
    bool signIn(ApiClient &client, const QString &email = QStringLiteral("ada@example.com"));

    ServerFixture m_server;
};

void TestSettingsView::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start("[auth]\nloginFailuresPerWindow=1000\n", false, &error), qPrintable(error));
    for (const auto &[email, role] :
        {std::pair{"ada@example.com", "admin"}, std::pair{"sue@example.com", "supervisor"}}) {
        NewAgent a{m_server.companyId(), QLatin1String(email), QStringLiteral("Person"), QLatin1String(role), {}};
        QVERIFY(m_server.runtime().agents().create(a, kPassword, Actor{}));
    }
    QVERIFY(m_server.runtime().store().batch().flush());
}

bool TestSettingsView::signIn(ApiClient &client, const QString &email)
{
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    return waitFor(client.login(email, kPassword)).ok;
}

void TestSettingsView::createAgentWhoLogsInThenDeactivate()
{
    ApiClient client;
    QVERIFY(signIn(client));
    SettingsView view(client);
    AgentsSettings &page = *view.agents();
    QAbstractItemModelTester tester(&page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.resize(1100, 700);
    view.show();
    view.refresh();
    QVERIFY(view.showsAdminTabs());
    QTRY_VERIFY(page.model().rowCount() >= 2);

    child<QLineEdit>(page, "agentName")->setText(QStringLiteral("Nia Newcomer"));
    child<QLineEdit>(page, "agentEmail")->setText(QStringLiteral("nia@example.com"));
    child<QLineEdit>(page, "agentPassword")->setText(QStringLiteral("short"));
    child<QPushButton>(page, "agentCreate")->click();
    auto *message = child<QLabel>(page, "agentsMessage");
    QTRY_VERIFY2(message->text().contains(QLatin1String("password")), qPrintable(message->text()));

    child<QLineEdit>(page, "agentPassword")->setText(kPassword);
    child<QPushButton>(page, "agentCreate")->click();
    QTRY_COMPARE(
        page.model()
            .match(page.model().index(0, AgentsModel::Email), Qt::DisplayRole, QStringLiteral("nia@example.com"))
            .size(),
        1);
    QCOMPARE(loginStatus(m_server.port(), QStringLiteral("nia@example.com"), kPassword), 200);

    // Deactivate her: the login is refused, the row says so, the button offers to reactivate.
    const int row
        = page.model()
              .match(page.model().index(0, AgentsModel::Email), Qt::DisplayRole, QStringLiteral("nia@example.com"))
              .first()
              .row();
    child<QTableView>(page, "agentsTable")->selectRow(row);
    auto *active = child<QPushButton>(page, "agentActive");
    QVERIFY(active->isEnabled());
    active->click();
    QTRY_VERIFY(!page.model().isActive(page.model().rowOf(page.selectedId())));
    QCOMPARE(active->text(), QStringLiteral("Reactivate"));
    QCOMPARE(loginStatus(m_server.port(), QStringLiteral("nia@example.com"), kPassword), 401);
    QCOMPARE(
        page.model().data(page.model().index(page.model().rowOf(page.selectedId()), AgentsModel::Status)).toString(),
        QStringLiteral("Deactivated"));

    // An admin cannot deactivate themselves: the button is off on their own row.
    child<QTableView>(page, "agentsTable")->selectRow(page.model().rowOf(client.agentId()));
    QVERIFY(!active->isEnabled());
}

void TestSettingsView::capacitySetForTheSelectedAgent()
{
    ApiClient client;
    QVERIFY(signIn(client));
    SettingsView view(client);
    AgentsSettings &page = *view.agents();
    view.resize(1100, 700);
    view.show();
    view.refresh();
    QTRY_VERIFY(page.model().rowCount() >= 2);
    const QModelIndexList sue = page.model().match(
        page.model().index(0, AgentsModel::Email), Qt::DisplayRole, QStringLiteral("sue@example.com"));
    QCOMPARE(sue.size(), 1);
    const int row = sue.first().row();
    QCOMPARE(page.model().data(page.model().index(row, AgentsModel::Capacity)).toString(), QStringLiteral("3"));

    auto *capacity = child<QSpinBox>(page, "agentCapacity");
    auto *set = child<QPushButton>(page, "agentSetCapacity");
    child<QTableView>(page, "agentsTable")->selectRow(row);
    QVERIFY(set->isEnabled());
    QCOMPARE(capacity->value(), 3);
    QCOMPARE(capacity->maximum(), 50);
    capacity->setValue(7);
    set->click();
    // The table is read again from the server after the change.
    QTRY_COMPARE(
        page.model().data(page.model().index(page.model().rowOf(page.selectedId()), AgentsModel::Capacity)).toString(),
        QStringLiteral("7"));
    QVERIFY2(child<QLabel>(page, "agentsMessage")->text().contains(QLatin1String("7")),
        qPrintable(child<QLabel>(page, "agentsMessage")->text()));
    QCOMPARE(capacity->value(), 7);
}

void TestSettingsView::tokenShownOnceWorksUntilRevoked()
{
    ApiClient client;
    QVERIFY(signIn(client));
    SettingsView view(client);
    TokensSettings &page = *view.tokens();
    QAbstractItemModelTester tester(&page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.show();
    view.refresh();
    QVERIFY(page.shownToken().isEmpty());

    child<QLineEdit>(page, "tokenName")->setText(QStringLiteral("CRM sync"));
    auto *role = child<QComboBox>(page, "tokenRole");
    role->setCurrentIndex(role->findData(QStringLiteral("supervisor")));
    child<QPushButton>(page, "tokenCreate")->click();
    QTRY_VERIFY(!page.shownToken().isEmpty());
    QTRY_COMPARE(page.model().rowCount(), 1);
    const QByteArray token = page.shownToken().toLatin1();
    QVERIFY(child<QLineEdit>(page, "tokenSecret")->isReadOnly());
    QVERIFY(child<QLabel>(page, "tokenWarning")->text().contains(QLatin1String("not be shown again")));

    // It works over HTTP; the list never holds it.
    HttpClient crm(m_server.port(), token);
    const QString audit = QStringLiteral("/api/cs/audit?companyId=") + m_server.companyId();
    QCOMPARE(crm.get(audit).status, 200);
    HttpClient admin(m_server.port(), client.token());
    QVERIFY(!admin.get(QStringLiteral("/api/cs/tokens")).body.contains(token));

    // Revoke from the page: the first click asks, the second revokes; the token is refused at once.
    child<QTableView>(page, "tokensTable")->selectRow(0);
    auto *revoke = child<QPushButton>(page, "tokenRevoke");
    QVERIFY(revoke->isEnabled());
    revoke->click();
    QCOMPARE(crm.get(audit).status, 200);
    revoke->click();
    QTRY_VERIFY(page.model().isRevoked(0));
    QCOMPARE(page.model().data(page.model().index(0, TokensModel::Status)).toString(), QStringLiteral("Revoked"));
    const HttpResult refused = crm.get(audit);
    QVERIFY2(checkErrorBody(refused, 401, QStringLiteral("CS_012")).isEmpty(), describe(refused));
    QVERIFY(!revoke->isEnabled());

    // Keys for the other API families are listed too, with their kind, and do not expire.
    const HttpResult key = admin.post(QStringLiteral("/api/cs/tokens"),
        {{QStringLiteral("name"), QStringLiteral("Platform")}, {QStringLiteral("kind"), QStringLiteral("sigv4")},
            {QStringLiteral("region"), QStringLiteral("eu-west-1")}});
    QVERIFY2(key.status == 201, describe(key));
    view.refresh();
    QTRY_COMPARE(page.model().rowCount(), 2);
    const QString accessKeyId = key.json().value(QLatin1String("accessKeyId")).toString();
    QCOMPARE(page.model().data(page.model().index(0, TokensModel::Role)).toString(),
        QStringLiteral("admin (SigV4 key %1, eu-west-1)").arg(accessKeyId));
    QCOMPARE(page.model().data(page.model().index(0, TokensModel::Expires)).toString(), QStringLiteral("Never"));
}

void TestSettingsView::webhookAddDeliveriesDelete()
{
    WebhookReceiver receiver;
    QVERIFY(receiver.listen());
    ApiClient client;
    QVERIFY(signIn(client));
    SettingsView view(client);
    WebhooksSettings &page = *view.webhooks();
    QAbstractItemModelTester hooks(&page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester deliveries(&page.deliveries(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.show();
    view.refresh();

    child<QLineEdit>(page, "webhookUrl")->setText(receiver.url());
    child<QLineEdit>(page, "webhookSecret")->setText(QStringLiteral("a signing secret of some length"));
    child<QPushButton>(page, "webhookCreate")->click();
    QTRY_COMPARE(page.model().rowCount(), 1);
    child<QTableView>(page, "webhooksTable")->selectRow(0);

    // An event for it: its delivery is listed under it.
    HttpClient http(m_server.port(), client.token());
    QCOMPARE(http.post(QStringLiteral("/api/cs/sessions"),
                     sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), QStringLiteral("hello")))
                 .status,
        201);
    page.refresh();
    QTRY_VERIFY(page.deliveries().rowCount() >= 1);
    QCOMPARE(page.deliveries().data(page.deliveries().index(0, DeliveriesModel::Created)).toString().isEmpty(), false);
    QCOMPARE(page.deliveries().data(page.deliveries().index(0, DeliveriesModel::Event)).toString(),
        QStringLiteral("session.created"));

    auto *remove = child<QPushButton>(page, "webhookDelete");
    remove->click();
    QCOMPARE(page.model().rowCount(), 1);
    remove->click();
    QTRY_COMPARE(page.model().rowCount(), 0);
    QCOMPARE(http.get(QStringLiteral("/api/cs/webhooks?companyId=") + m_server.companyId())
                 .json()
                 .value(QLatin1String("webhooks"))
                 .toArray()
                 .size(),
        0);
}

void TestSettingsView::emailSettingsSavedToTheServer()
{
    ApiClient client;
    QVERIFY(signIn(client));
    SettingsView view(client);
    EmailSettings &page = *view.email();
    view.show();
    QSignalSpy loaded(&page, &EmailSettings::loaded);
    view.refresh();
    QVERIFY(loaded.wait());
    QCOMPARE(child<QSpinBox>(page, "smtpPort")->value(), 587);

    child<QLineEdit>(page, "smtpHost")->setText(QStringLiteral("mail.example.com"));
    child<QLineEdit>(page, "smtpUser")->setText(QStringLiteral("desk"));
    child<QLineEdit>(page, "smtpFrom")->setText(QStringLiteral("desk@example.com"));
    QSignalSpy saved(&page, &EmailSettings::saved);
    child<QPushButton>(page, "smtpSave")->click();
    auto *message = child<QLabel>(page, "smtpMessage");
    QTRY_VERIFY2(message->text().contains(QLatin1String("password")), qPrintable(message->text())); // a user needs one

    child<QLineEdit>(page, "smtpPassword")->setText(QStringLiteral("mail password"));
    child<QPushButton>(page, "smtpSave")->click();
    QVERIFY(saved.wait());
    QVERIFY(child<QLineEdit>(page, "smtpPassword")->text().isEmpty());
    HttpClient http(m_server.port(), client.token());
    const HttpResult r = http.get(QStringLiteral("/api/cs/settings/smtp"));
    QCOMPARE(r.json().value(QLatin1String("host")).toString(), QStringLiteral("mail.example.com"));
    QCOMPARE(r.json().value(QLatin1String("passwordSet")).toBool(), true);
    QVERIFY(!r.body.contains("mail password"));
}

void TestSettingsView::aiProviderAddedTestedRemoved()
{
    const QByteArray key = "sk-console-test-key-0123456789";
    ScriptedModelServer provider(ProviderKind::OpenAi, key);
    QVERIFY(provider.isListening());
    ApiClient client;
    QVERIFY(signIn(client));
    SettingsView view(client);
    AiProvidersSettings &page = *view.aiProviders();
    QAbstractItemModelTester tester(&page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.resize(1100, 700);
    view.show();
    view.tabs()->setCurrentWidget(&page);
    QSignalSpy loaded(&page, &AiProvidersSettings::loaded);
    view.refresh();
    QVERIFY(loaded.wait());
    QCOMPARE(page.model().rowCount(), 0);

    // "local" names the built-in responder: the server's refusal is shown with its field.
    child<QLineEdit>(page, "aiProviderName")->setText(QStringLiteral("local"));
    child<QLineEdit>(page, "aiProviderBaseUrl")->setText(provider.baseUrl().toString());
    child<QPushButton>(page, "aiProviderAdd")->click();
    auto *message = child<QLabel>(page, "aiProvidersMessage");
    QTRY_VERIFY2(message->text().contains(QLatin1String("name")), qPrintable(message->text()));
    QCOMPARE(page.model().rowCount(), 0);

    // Added with a key, a timeout and prices: listed with "Set", the key never shown again.
    child<QLineEdit>(page, "aiProviderName")->setText(QStringLiteral("desk-llm"));
    auto *kind = child<QComboBox>(page, "aiProviderKind");
    kind->setCurrentIndex(kind->findData(QStringLiteral("openai")));
    child<QLineEdit>(page, "aiProviderKey")->setText(QString::fromLatin1(key));
    child<QSpinBox>(page, "aiProviderTimeout")->setValue(10);
    child<QDoubleSpinBox>(page, "aiProviderPriceInput")->setValue(0.15);
    child<QDoubleSpinBox>(page, "aiProviderPriceOutput")->setValue(0.6);
    QSignalSpy added(&page, &AiProvidersSettings::added);
    child<QPushButton>(page, "aiProviderAdd")->click();
    QVERIFY(added.wait());
    QCOMPARE(page.model().rowCount(), 1);
    QCOMPARE(page.selectedName(), QStringLiteral("desk-llm"));
    QCOMPARE(page.model().data(page.model().index(0, AiProvidersModel::Key)).toString(), QStringLiteral("Set"));
    QCOMPARE(page.model().data(page.model().index(0, AiProvidersModel::Kind)).toString(),
        QStringLiteral("OpenAI-compatible"));
    QCOMPARE(page.model().data(page.model().index(0, AiProvidersModel::Timeout)).toString(), QStringLiteral("10 s"));
    QCOMPARE(page.model().data(page.model().index(0, AiProvidersModel::Prices)).toString(),
        QStringLiteral("$0.15 / $0.60 per 1M tokens"));
    QVERIFY(child<QLineEdit>(page, "aiProviderKey")->text().isEmpty());
    HttpClient http(m_server.port(), client.token());
    const HttpResult listed = http.get(QStringLiteral("/api/cs/ai/providers"));
    QCOMPARE(listed.status, 200);
    QVERIFY(!listed.body.contains(key));
    const QJsonObject stored = listed.json().value(QLatin1String("providers")).toArray().first().toObject();
    QCOMPARE(stored.value(QLatin1String("timeoutMs")).toInt(), 10000);
    QCOMPARE(stored.value(QLatin1String("priceOutput")).toDouble(), 0.6);

    // Test asks for a model first, then sends one request with the key in its header.
    auto *test = child<QPushButton>(page, "aiProviderTest");
    QVERIFY(test->isEnabled());
    test->click();
    QVERIFY2(page.testResult().contains(QLatin1String("model")), qPrintable(page.testResult()));
    QCOMPARE(provider.count(), 0);
    child<QLineEdit>(page, "aiProviderTestModel")->setText(QStringLiteral("tiny-model"));
    QSignalSpy tested(&page, &AiProvidersSettings::tested);
    test->click();
    QVERIFY(!test->isEnabled()); // busy while the provider answers
    QVERIFY(tested.wait(30000));
    QVERIFY2(page.testResult().contains(QLatin1String("Hello from the model.")), qPrintable(page.testResult()));
    // The model named is the one asked; the result names the model that answered (as the provider reports it).
    QVERIFY2(page.testResult().contains(QLatin1String(" answered in ")), qPrintable(page.testResult()));
    QCOMPARE(provider.count(), 1);
    QCOMPARE(provider.requests().first().header("authorization"), QByteArray("Bearer " + key));
    QCOMPARE(provider.requests().first().json().value(QLatin1String("model")).toString(), QStringLiteral("tiny-model"));

    // The provider's refusal is shown as its error.
    provider.setAnswers({provider.error(500, QStringLiteral("the model is loading"))});
    test->click();
    QVERIFY(tested.wait(30000));
    QVERIFY2(page.testResult().contains(QLatin1String("the model is loading")), qPrintable(page.testResult()));

    // Remove: the first click asks, the second removes.
    auto *remove = child<QPushButton>(page, "aiProviderRemove");
    QSignalSpy removed(&page, &AiProvidersSettings::removed);
    remove->click();
    QCOMPARE(page.model().rowCount(), 1);
    remove->click();
    QVERIFY(removed.wait());
    QTRY_COMPARE(page.model().rowCount(), 0);
    QCOMPARE(
        http.get(QStringLiteral("/api/cs/ai/providers")).json().value(QLatin1String("providers")).toArray().size(), 0);
}

void TestSettingsView::preferencesAreStored()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("console.ini"));
    ApiClient client;
    QVERIFY(signIn(client));
    SettingsView view(client);
    view.setPreferences(ConsolePreferences(file));
    view.refresh();
    QCOMPARE(child<QLabel>(view, "connectionCurrent")->text(), client.baseUrl().toString());

    child<QRadioButton>(view, "connectionRemote")->setChecked(true);
    child<QLineEdit>(view, "connectionServer")->setText(QStringLiteral("ftp://nowhere"));
    child<QPushButton>(view, "connectionSave")->click();
    QVERIFY(ConsolePreferences(file).server().isEmpty());
    child<QLineEdit>(view, "connectionServer")->setText(QStringLiteral("https://desk.example.com:8443"));
    child<QPushButton>(view, "connectionSave")->click();
    QCOMPARE(ConsolePreferences(file).server(), QUrl(QStringLiteral("https://desk.example.com:8443")));

    child<QRadioButton>(view, "connectionEmbedded")->setChecked(true);
    child<QSpinBox>(view, "connectionPort")->setValue(9123);
    child<QPushButton>(view, "connectionSave")->click();
    QVERIFY(ConsolePreferences(file).server().isEmpty());
    QCOMPARE(ConsolePreferences(file).port(), quint16(9123));

    auto *language = child<QComboBox>(view, "languageCombo");
    QCOMPARE(language->currentData().toString(), QString());
    const int german = language->findData(QStringLiteral("de"));
    language->setCurrentIndex(german);
    emit language->activated(german);
    QCOMPARE(ConsolePreferences(file).language(), QStringLiteral("de"));

    // At start the choice installs the German translation and locale (ConsoleLanguage).
    const QLocale before;
    QCOMPARE(ConsoleLanguage::install(QCoreApplication::instance(), QLocale(ConsolePreferences(file).language()), true),
        QStringLiteral("de"));
    QCOMPARE(QLocale().language(), QLocale::German);
    QCOMPARE(QCoreApplication::translate("tierdesk::ui::MainWindow", "Settings"), QStringLiteral("Einstellungen"));
    ConsoleLanguage::install(QCoreApplication::instance(), QLocale(QLocale::English), true);
    QLocale::setDefault(before);
}

void TestSettingsView::otherRolesSeeNoAdminTabs()
{
    ApiClient client;
    QVERIFY(signIn(client, QStringLiteral("sue@example.com")));
    SettingsView view(client);
    view.refresh();
    QVERIFY(!view.showsAdminTabs());
    QVERIFY(view.tabs()->isTabVisible(0)); // Connection
}

// Settings > Notifications: the box is the server's notifications.weeklySummary, kept after a sign-in again.
void TestSettingsView::aSupervisorAsksForTheWeeklySummary()
{
    const auto stored = [this] {
        return m_server.runtime().store().agents().findByEmail(QStringLiteral("sue@example.com"))->weeklySummary;
    };
    ApiClient client;
    QVERIFY(signIn(client, QStringLiteral("sue@example.com")));
    SettingsView view(client);
    view.refresh();
    NotificationsSettings &page = *view.notifications();
    QVERIFY(view.tabs()->isTabVisible(view.tabs()->indexOf(&page)));
    QVERIFY(!page.weeklySummary()->isChecked());
    QSignalSpy saved(&page, &NotificationsSettings::saved);
    page.weeklySummary()->click();
    QVERIFY(saved.wait(5000));
    QCOMPARE(saved.first().first().toBool(), true);
    QVERIFY(stored());

    ApiClient again;
    QVERIFY(signIn(again, QStringLiteral("sue@example.com")));
    SettingsView second(again);
    second.refresh();
    QVERIFY(second.notifications()->weeklySummary()->isChecked());
    QSignalSpy off(second.notifications(), &NotificationsSettings::saved);
    second.notifications()->weeklySummary()->click();
    QVERIFY(off.wait(5000));
    QVERIFY(!stored());
    QVERIFY(!second.notifications()->weeklySummary()->isChecked());
}

void TestSettingsView::cannedResponsesMadeChangedDeletedBySupervisor()
{
    ApiClient client;
    QVERIFY(signIn(client, QStringLiteral("sue@example.com")));
    SettingsView view(client);
    CannedResponsesSettings &page = *view.cannedResponses();
    QAbstractItemModelTester tester(&page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.resize(1100, 700);
    view.show();
    QSignalSpy loaded(&page, &CannedResponsesSettings::loaded);
    view.refresh();
    QVERIFY(view.tabs()->isTabVisible(view.tabs()->indexOf(&page)));
    QVERIFY(loaded.wait(5000));
    const int before = page.model().rowCount();
    // The help names every placeholder the server fills.
    const QString help = child<QLabel>(page, "cannedHelp")->text();
    for (const char *placeholder : {"{{customer.name}}", "{{customer.firstName}}", "{{order.id}}", "{{agent.name}}",
             "{{company.name}}", "{{session.id}}"})
        QVERIFY2(help.contains(QLatin1String(placeholder)), placeholder);

    QSignalSpy changed(&client, &ApiClient::cannedResponsesChanged);
    QSignalSpy saved(&page, &CannedResponsesSettings::saved);
    child<QLineEdit>(page, "cannedShortcut")->setText(QStringLiteral("where-order"));
    child<QLineEdit>(page, "cannedTitle")->setText(QStringLiteral("Where is the order"));
    auto *content = child<QPlainTextEdit>(page, "cannedContent");
    content->setPlainText(QStringLiteral("Hello {{customer.firstName}}, order {{order.total}} is on its way."));
    QCOMPARE(page.unknownPlaceholders(), QStringList{QStringLiteral("{{order.total}}")});
    QVERIFY(child<QLabel>(page, "cannedMessage")->text().contains(QLatin1String("{{order.total}}")));
    child<QPushButton>(page, "cannedSave")->click();
    // The server refuses it too, naming the field; nothing is stored.
    QTRY_VERIFY(child<QLabel>(page, "cannedMessage")->text().contains(QLatin1String("(content)")));
    QCOMPARE(changed.count(), 0);

    content->setPlainText(QStringLiteral("Hello {{customer.firstName}}, order "));
    content->moveCursor(QTextCursor::End);
    auto *insert = child<QComboBox>(page, "cannedInsert");
    const int order = insert->findData(QStringLiteral("{{order.id}}"));
    QVERIFY(order > 0);
    insert->setCurrentIndex(order);
    emit insert->activated(order);
    QCOMPARE(content->toPlainText(), QStringLiteral("Hello {{customer.firstName}}, order {{order.id}}"));
    child<QPushButton>(page, "cannedSave")->click();
    QVERIFY(saved.wait(5000));
    QCOMPARE(changed.count(), 1);
    QTRY_COMPARE(page.model().rowCount(), before + 1);
    const QString id = page.editingId();
    QVERIFY(id.startsWith(QLatin1String("cr_")));
    const auto listed = [&] {
        HttpClient http(m_server.port(), client.token());
        return http.get(QStringLiteral("/api/cs/canned-responses/") + id).json();
    };
    QCOMPARE(listed().value(QLatin1String("content")).toString(), content->toPlainText());

    // Changed: the same one, not a second.
    child<QLineEdit>(page, "cannedTitle")->setText(QStringLiteral("Where is my order"));
    child<QPushButton>(page, "cannedSave")->click();
    QVERIFY(saved.wait(5000));
    QCOMPARE(page.editingId(), id);
    QCOMPARE(listed().value(QLatin1String("title")).toString(), QStringLiteral("Where is my order"));
    QCOMPARE(changed.count(), 2);
    QTRY_COMPARE(page.model().rowCount(), before + 1);

    // Picked from the list, deleted with a second click.
    child<QPushButton>(page, "cannedNew")->click();
    QVERIFY(page.editingId().isEmpty());
    child<QTableView>(page, "cannedTable")->selectRow(page.model().rowOf(id));
    QCOMPARE(page.editingId(), id);
    QCOMPARE(child<QLineEdit>(page, "cannedShortcut")->text(), QStringLiteral("where-order"));
    QSignalSpy deleted(&page, &CannedResponsesSettings::deleted);
    auto *remove = child<QPushButton>(page, "cannedDelete");
    remove->click();
    QCOMPARE(deleted.count(), 0); // the first click only asks
    remove->click();
    QVERIFY(deleted.wait(5000));
    QCOMPARE(changed.count(), 3);
    QTRY_COMPARE(page.model().rowCount(), before);
    QCOMPARE(listed().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
        QStringLiteral("CS_014"));
}

void TestSettingsView::connectionShowsThePortInUse()
{
    ApiClient client;
    QVERIFY(signIn(client));
    SettingsView view(client);
    view.refresh();
    const QString port = QString::number(m_server.port());
    QVERIFY2(child<QLabel>(view, "connectionPortInUse")->text().startsWith(port),
        qPrintable(child<QLabel>(view, "connectionPortInUse")->text()));
    QVERIFY(child<QLabel>(view, "connectionPortInUse")->text().contains(QLatin1String("built into")));
    view.setUsesEmbeddedServer(false);
    QVERIFY(child<QLabel>(view, "connectionPortInUse")->text().contains(QLatin1String("team shares")));
}

void TestSettingsView::passwordFieldsSayTheServersRule()
{
    ApiClient client;
    QVERIFY(signIn(client));
    SettingsView view(client);
    AgentsSettings &page = *view.agents();
    QVERIFY(child<QLineEdit>(page, "agentPassword")->placeholderText().contains(QLatin1String("8 to 256")));
    QVERIFY(child<QLineEdit>(page, "agentNewPassword")->placeholderText().contains(QLatin1String("8 to 256")));
    // What the server says for one character less.
    ApiClient admin;
    QVERIFY(signIn(admin));
    const Outcome refused = waitFor(admin.send("POST", QStringLiteral("/api/cs/agents"),
        {{QStringLiteral("email"), QStringLiteral("seven@example.com")}, {QStringLiteral("name"), QStringLiteral("S")},
            {QStringLiteral("password"), QStringLiteral("1234567")}},
        {}, true));
    QCOMPARE(refused.status, 400);
    QVERIFY2(refused.error.message.contains(QLatin1String("at least 8")), refused.describe().constData());
}

QTEST_MAIN(TestSettingsView)
#include "tst_settingsview.moc"
