// Settings › Company against a real embedded server (offscreen): the tab shows the demo company's
// profile, policies and plans; an admin's new currency and persona are saved (only these sections are
// sent, nothing else changes) and GET /api/cs/config shows them; a currency the server refuses is named
// under its field and nothing is saved, as is a refused plan (its cell selected) and a guidance over
// 4,000 characters, which the counter already shows in red. The tab is for admins only. After the
// currency changes, the configuration's caps, the refund dialog and the cap warnings are in euros,
// and an edit under way on the configuration page is kept and does not undo it. PlansModel passes
// QAbstractItemModelTester.
// With TIERDESK_COMPANY_SCREENSHOTS=DIR (under xvfb-run, QT_QPA_PLATFORM unset) it also writes
// settings-company.png and settings-company-de.png into DIR.
#include "tests/api/ApiTestSupport.h"
#include "tests/ui/ChildWidget.h"
#include "tests/ui/ClientWait.h"
#include "ui/ConsoleLanguage.h"
#include "ui/MainWindow.h"
#include "ui/client/ApiClient.h"
#include "ui/dialogs/ActionDialog.h"
#include "ui/models/PlansModel.h"
#include "ui/views/CapabilityOrder.h"
#include "ui/views/ConfigForm.h"
#include "ui/views/ConfigView.h"
#include "ui/views/SettingsView.h"
#include "ui/views/settings/CompanySettings.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

} // namespace

class TestCompanySettings : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void plansModelPassesTheTester();
    void theTabShowsTheDemoCompany();
    void hiddenFromAgents();
    void aRefusedCurrencyIsNamedAtItsFieldAndNothingIsSaved();
    void aRefusedPlanIsNamedUnderThePlans();
    void theGuidanceCounterAndItsLimit();
    void anAdminSavesCurrencyAndPersona();
    void amountsFollowTheCompanysCurrency();
    void screenshots();

private:
    bool signIn(ApiClient &client, const QString &email = QStringLiteral("ada@example.com"));
    // A signed-in admin's Settings page with the Company tab loaded.
    bool openTab(ApiClient &client, SettingsView &view);
    QJsonObject serverConfig();
    bool restoreDemo();

    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_http;
    QJsonObject m_demo; // the demo company's config as seeded
};

void TestCompanySettings::initTestCase()
{
    ConsoleLanguage::install(qApp, QLocale(QLocale::English));
    QString error;
    QVERIFY2(m_server.start("[auth]\nloginFailuresPerWindow=1000\n", false, &error), qPrintable(error));
    for (const auto &[email, name, role] :
        {std::tuple{"ada@example.com", "Ada Admin", "admin"}, std::tuple{"al@example.com", "Al Agent", "agent"}}) {
        NewAgent a{m_server.companyId(), QLatin1String(email), QLatin1String(name), QLatin1String(role), {}};
        QVERIFY(m_server.runtime().agents().create(a, kPassword, Actor{}));
    }
    QVERIFY(m_server.runtime().store().batch().flush());
    m_http = m_server.client(api::Role::Admin);
    m_demo = serverConfig();
    QCOMPARE(m_demo.value(QLatin1String("company")).toObject().value(QLatin1String("currency")).toString(),
        QStringLiteral("USD"));
}

bool TestCompanySettings::signIn(ApiClient &client, const QString &email)
{
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    return waitFor(client.login(email, kPassword)).ok;
}

bool TestCompanySettings::openTab(ApiClient &client, SettingsView &view)
{
    if (!signIn(client))
        return false;
    view.resize(1280, 800);
    view.show();
    QSignalSpy loaded(view.company(), &CompanySettings::loaded);
    view.refresh();
    view.tabs()->setCurrentWidget(view.company());
    return loaded.wait() || !loaded.isEmpty();
}

QJsonObject TestCompanySettings::serverConfig()
{
    return m_http
        ->get(withQuery(QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), m_server.companyId()}}))
        .json();
}

// The demo company's profile, policies and voice as seeded (other tests change them).
bool TestCompanySettings::restoreDemo()
{
    QJsonObject body{{QStringLiteral("companyId"), m_server.companyId()}};
    for (const char *section : {"company", "policies", "ai"})
        body.insert(QLatin1String(section), m_demo.value(QLatin1String(section)));
    return m_http->put(QStringLiteral("/api/cs/config"), body).status == 200;
}

void TestCompanySettings::plansModelPassesTheTester()
{
    PlansModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlans(QJsonArray{
        QJsonObject{{QStringLiteral("id"), QStringLiteral("basic")}, {QStringLiteral("name"), QStringLiteral("Basic")},
            {QStringLiteral("price"), 4.99}, {QStringLiteral("interval"), QStringLiteral("month")}},
        QJsonObject{{QStringLiteral("id"), QStringLiteral("premium")},
            {QStringLiteral("name"), QStringLiteral("Premium")}, {QStringLiteral("price"), 199.0},
            {QStringLiteral("interval"), QStringLiteral("year")}, {QStringLiteral("returnWindowDays"), 60}}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, PlansModel::Price).data().toString(), QStringLiteral("$4.99"));
    QCOMPARE(model.index(1, PlansModel::Interval).data().toString(), QStringLiteral("per year"));
    QCOMPARE(model.index(1, PlansModel::Interval).data(Qt::EditRole).toString(), QStringLiteral("year"));
    QCOMPARE(model.index(1, PlansModel::ReturnWindow).data().toString(), QStringLiteral("60 days"));
    QCOMPARE(model.index(0, PlansModel::ReturnWindow).data(Qt::EditRole).toString(), QString());
    model.setCurrency(QStringLiteral("EUR"));
    QCOMPARE(model.index(0, PlansModel::Price).data().toString(), QStringLiteral("€4.99"));

    const int row = model.addPlan();
    QCOMPARE(row, 2);
    QVERIFY(model.setData(model.index(row, PlansModel::Id), QStringLiteral(" family ")));
    QVERIFY(model.setData(model.index(row, PlansModel::Name), QStringLiteral("Family")));
    QVERIFY(model.setData(model.index(row, PlansModel::Price), 14.5));
    QVERIFY(model.setData(model.index(row, PlansModel::Interval), QStringLiteral("year")));
    QVERIFY(!model.setData(model.index(row, PlansModel::Interval), QStringLiteral("week")));
    QVERIFY(model.setData(model.index(row, PlansModel::ReturnWindow), QStringLiteral("45")));
    QVERIFY(!model.setData(model.index(row, PlansModel::ReturnWindow), QStringLiteral("soon")));
    QVERIFY(model.setData(model.index(1, PlansModel::ReturnWindow), QString())); // the company's window again
    model.removePlan(0);
    const QJsonArray plans = model.plans();
    QCOMPARE(plans.size(), 2);
    QVERIFY(!plans.at(0).toObject().contains(QLatin1String("returnWindowDays")));
    QCOMPARE(plans.at(1).toObject(),
        (QJsonObject{{QStringLiteral("id"), QStringLiteral("family")},
            {QStringLiteral("name"), QStringLiteral("Family")}, {QStringLiteral("price"), 14.5},
            {QStringLiteral("interval"), QStringLiteral("year")}, {QStringLiteral("returnWindowDays"), 45}}));
}

void TestCompanySettings::theTabShowsTheDemoCompany()
{
    ApiClient client;
    SettingsView view(client);
    QVERIFY(openTab(client, view));
    CompanySettings &page = *view.company();
    QVERIFY(view.tabs()->isTabVisible(view.tabs()->indexOf(&page)));
    QCOMPARE(child<QComboBox>(page, "companyCurrency")->currentText(), QStringLiteral("USD"));
    QCOMPARE(child<QComboBox>(page, "companyTimeZone")->currentText(), QStringLiteral("America/New_York"));
    QCOMPARE(child<QLineEdit>(page, "companyWebsite")->text(), QStringLiteral("https://northwind.example"));
    QCOMPARE(child<QLineEdit>(page, "companySupportEmail")->text(), QStringLiteral("support@northwind.example"));
    QCOMPARE(child<QLineEdit>(page, "policiesCancellable")->text(), QStringLiteral("pending, processing"));
    QCOMPARE(child<QLineEdit>(page, "policiesMembershipName")->text(), QStringLiteral("Trail Club"));
    QCOMPARE(child<QLineEdit>(page, "selfServiceSubscription")->text(),
        QStringLiteral("https://northwind.example/account/trail-club"));
    PlansModel &plans = page.plans();
    QCOMPARE(plans.rowCount(), 3);
    QStringList ids;
    for (int row = 0; row < plans.rowCount(); ++row)
        ids << plans.index(row, PlansModel::Id).data().toString();
    QCOMPARE(ids, (QStringList{QStringLiteral("basic"), QStringLiteral("plus"), QStringLiteral("premium")}));
    QCOMPARE(plans.index(2, PlansModel::Price).data().toString(), QStringLiteral("$19.99"));
    QCOMPARE(plans.index(2, PlansModel::ReturnWindow).data().toString(), QStringLiteral("60 days"));
    QCOMPARE(child<QLabel>(page, "companyCurrencySample")->text(), QStringLiteral("e.g. $1,234.50"));
    // What Save would send is what was read.
    const QJsonObject body = page.body();
    QCOMPARE(body.value(QLatin1String("company")), m_demo.value(QLatin1String("company")));
    QCOMPARE(body.value(QLatin1String("policies")), m_demo.value(QLatin1String("policies")));
}

void TestCompanySettings::hiddenFromAgents()
{
    ApiClient client;
    QVERIFY(signIn(client, QStringLiteral("al@example.com")));
    SettingsView view(client);
    view.refresh();
    QVERIFY(!view.tabs()->isTabVisible(view.tabs()->indexOf(view.company())));
}

void TestCompanySettings::aRefusedCurrencyIsNamedAtItsFieldAndNothingIsSaved()
{
    ApiClient client;
    SettingsView view(client);
    QVERIFY(openTab(client, view));
    CompanySettings &page = *view.company();
    auto *currency = child<QComboBox>(page, "companyCurrency");
    currency->lineEdit()->clear();
    QTest::keyClicks(currency->lineEdit(), QStringLiteral("XYZ"));
    QCOMPARE(currency->currentText(), QStringLiteral("XYZ"));
    child<QLineEdit>(page, "aiPersona")->setText(QStringLiteral("Max"));
    child<QPushButton>(page, "companySave")->click();
    QTRY_VERIFY(!page.fieldError(QStringLiteral("company.currency")).isEmpty());
    QVERIFY2(page.fieldError(QStringLiteral("company.currency")).contains(QLatin1String("ISO 4217")),
        qPrintable(page.fieldError(QStringLiteral("company.currency"))));
    QVERIFY(child<QLabel>(page, "error_company.currency")->isVisibleTo(&page));
    QVERIFY(page.fieldError(QStringLiteral("ai.persona")).isEmpty());
    QCOMPARE(child<QLabel>(page, "companyMessage")->text(), QStringLiteral("Not saved: see the field marked in red."));
    const QJsonObject stored = serverConfig();
    QCOMPARE(stored.value(QLatin1String("company")), m_demo.value(QLatin1String("company")));
    QCOMPARE(stored.value(QLatin1String("ai")), m_demo.value(QLatin1String("ai")));
    QCOMPARE(client.currency(), QStringLiteral("USD"));
}

void TestCompanySettings::aRefusedPlanIsNamedUnderThePlans()
{
    ApiClient client;
    SettingsView view(client);
    QVERIFY(openTab(client, view));
    CompanySettings &page = *view.company();
    PlansModel &plans = page.plans();
    QVERIFY(plans.setData(plans.index(1, PlansModel::Id), QStringLiteral("basic"))); // twice
    child<QPushButton>(page, "companySave")->click();
    QTRY_VERIFY(!page.fieldError(QStringLiteral("policies.plans")).isEmpty());
    QVERIFY2(page.fieldError(QStringLiteral("policies.plans")).contains(QLatin1String("policies.plans[1].id")),
        qPrintable(page.fieldError(QStringLiteral("policies.plans"))));
    const QModelIndex at = child<QTableView>(page, "policiesPlans")->currentIndex();
    QCOMPARE(at.row(), 1);
    QCOMPARE(at.column(), int(PlansModel::Id));
    QCOMPARE(serverConfig().value(QLatin1String("policies")), m_demo.value(QLatin1String("policies")));
}

void TestCompanySettings::theGuidanceCounterAndItsLimit()
{
    ApiClient client;
    SettingsView view(client);
    QVERIFY(openTab(client, view));
    CompanySettings &page = *view.company();
    auto *guidance = child<QPlainTextEdit>(page, "aiGuidance");
    auto *count = child<QLabel>(page, "aiGuidanceCount");
    guidance->setPlainText(QStringLiteral("Call customers riders."));
    QCOMPARE(count->text(), QStringLiteral("22 / 4000"));
    guidance->setPlainText(QString(4001, QLatin1Char('x')));
    QCOMPARE(count->text(), QStringLiteral("4001 / 4000"));
    QVERIFY(count->styleSheet().contains(QLatin1String("#b91c1c")));
    child<QPushButton>(page, "companySave")->click();
    QTRY_VERIFY(!page.fieldError(QStringLiteral("ai.guidance")).isEmpty());
    QCOMPARE(serverConfig().value(QLatin1String("ai")), m_demo.value(QLatin1String("ai")));
}

void TestCompanySettings::anAdminSavesCurrencyAndPersona()
{
    ApiClient client;
    SettingsView view(client);
    QVERIFY(openTab(client, view));
    CompanySettings &page = *view.company();
    auto *currency = child<QComboBox>(page, "companyCurrency");
    currency->setCurrentIndex(currency->findText(QStringLiteral("EUR")));
    QCOMPARE(child<QLabel>(page, "companyCurrencySample")->text(), QStringLiteral("e.g. €1,234.50"));
    QCOMPARE(page.plans().index(0, PlansModel::Price).data().toString(), QStringLiteral("€4.99"));
    child<QLineEdit>(page, "aiPersona")->setText(QStringLiteral("Ava"));
    QSignalSpy saved(&page, &CompanySettings::saved);
    QSignalSpy configChanged(&client, &ApiClient::configChanged);
    child<QPushButton>(page, "companySave")->click();
    QVERIFY(saved.wait());
    QCOMPARE(child<QLabel>(page, "companyMessage")->text(),
        QStringLiteral("Saved. The next replies to customers follow it."));
    QCOMPARE(client.currency(), QStringLiteral("EUR"));
    QCOMPARE(configChanged.size(), 1);

    const QJsonObject stored = serverConfig();
    const QJsonObject company = stored.value(QLatin1String("company")).toObject();
    QCOMPARE(company.value(QLatin1String("currency")).toString(), QStringLiteral("EUR"));
    QCOMPARE(company.value(QLatin1String("timeZone")).toString(), QStringLiteral("America/New_York"));
    QCOMPARE(
        stored.value(QLatin1String("ai")).toObject().value(QLatin1String("persona")).toString(), QStringLiteral("Ava"));
    QCOMPARE(stored.value(QLatin1String("policies")), m_demo.value(QLatin1String("policies")));
    // Nothing outside the three sections changed, nor the rest of "ai".
    QJsonObject rest = stored;
    QJsonObject before = m_demo;
    for (QJsonObject *o : {&rest, &before}) {
        o->remove(QStringLiteral("company"));
        QJsonObject ai = o->value(QLatin1String("ai")).toObject();
        ai.remove(QStringLiteral("persona"));
        o->insert(QStringLiteral("ai"), ai);
    }
    QCOMPARE(rest, before);
    QVERIFY(restoreDemo());
}

void TestCompanySettings::amountsFollowTheCompanysCurrency()
{
    ApiClient client;
    QVERIFY(signIn(client));
    MainWindow w(client);
    w.show();
    ConfigView *config = w.configuration();
    QSignalSpy loaded(config, &ConfigView::loaded);
    w.showConfiguration();
    QVERIFY(loaded.wait() || !loaded.isEmpty());
    auto *cap = qobject_cast<QDoubleSpinBox *>(
        config->form().field(QStringLiteral("tiers.humanAgent.capabilities.maxRefundAmount")));
    QVERIFY(cap);
    QCOMPARE(cap->prefix(), QStringLiteral("$"));
    // An edit under way on the configuration page while the currency changes elsewhere.
    auto *phone = qobject_cast<QLineEdit *>(config->form().field(QStringLiteral("tiers.humanAgent.escalationPhone")));
    phone->setText(QStringLiteral("+1 555 0199"));
    Q_EMIT phone->textEdited(phone->text());
    QVERIFY(config->canSave());

    w.showSettings();
    CompanySettings &page = *w.settings()->company();
    QTRY_COMPARE(child<QComboBox>(page, "companyCurrency")->currentText(), QStringLiteral("USD"));
    auto *currency = child<QComboBox>(page, "companyCurrency");
    currency->setCurrentIndex(currency->findText(QStringLiteral("EUR")));
    QSignalSpy saved(&page, &CompanySettings::saved);
    child<QPushButton>(page, "companySave")->click();
    QVERIFY(saved.wait());

    QCOMPARE(cap->prefix(), QStringLiteral("€"));
    QCOMPARE(cap->suffix(), QString());
    QCOMPARE(phone->text(), QStringLiteral("+1 555 0199")); // the edit is kept
    QVERIFY(config->canSave());
    QSignalSpy configSaved(config, &ConfigView::saved);
    w.showConfiguration();
    config->save();
    QVERIFY(configSaved.wait());
    const QJsonObject stored = serverConfig();
    QCOMPARE(stored.value(QLatin1String("company")).toObject().value(QLatin1String("currency")).toString(),
        QStringLiteral("EUR")); // the configuration page's Save did not undo it
    QCOMPARE(stored.value(QLatin1String("tiers"))
                 .toObject()
                 .value(QLatin1String("humanAgent"))
                 .toObject()
                 .value(QLatin1String("escalationPhone"))
                 .toString(),
        QStringLiteral("+1 555 0199"));

    // The refund dialog and the cap warnings write euros, in German after the number.
    ActionDialog dialog(QStringLiteral("Ben"), {}, client.currency());
    dialog.setType(QStringLiteral("credit"));
    dialog.setAmount(25);
    QCOMPARE(dialog.summary(), QStringLiteral("Credit €25.00 to Ben's account?"));
    QCOMPARE(dialog.findChild<QDoubleSpinBox *>(QStringLiteral("actionAmount"))->prefix(), QStringLiteral("€"));
    QJsonObject caps = stored;
    QJsonObject tiers = caps.value(QLatin1String("tiers")).toObject();
    QJsonObject aiRep = tiers.value(QLatin1String("aiRep")).toObject();
    aiRep.insert(QStringLiteral("capabilities"),
        QJsonObject{{QStringLiteral("canProcessRefunds"), true}, {QStringLiteral("maxRefundAmount"), 900}});
    tiers.insert(QStringLiteral("aiRep"), aiRep);
    caps.insert(QStringLiteral("tiers"), tiers);
    QVERIFY2(CapabilityOrder::warnings(caps).join(QLatin1Char('\n')).contains(QStringLiteral("€900.00")),
        qPrintable(CapabilityOrder::warnings(caps).join(QLatin1Char('\n'))));
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY2(CapabilityOrder::warnings(caps).join(QLatin1Char('\n')).contains(QStringLiteral("900,00 €")),
        qPrintable(CapabilityOrder::warnings(caps).join(QLatin1Char('\n'))));
    QLocale::setDefault(before);
    QVERIFY(restoreDemo());
}

void TestCompanySettings::screenshots()
{
    const QString out = qEnvironmentVariable("TIERDESK_COMPANY_SCREENSHOTS");
    if (out.isEmpty())
        QSKIP("TIERDESK_COMPANY_SCREENSHOTS is not set");
    QDir().mkpath(out);
    // Gold customers get longer to return an order.
    QJsonObject policies = m_demo.value(QLatin1String("policies")).toObject();
    policies.insert(QStringLiteral("returnWindowDaysByTier"), QJsonObject{{QStringLiteral("GOLD"), 60}});
    QCOMPARE(m_http
                 ->put(QStringLiteral("/api/cs/config"),
                     {{QStringLiteral("companyId"), m_server.companyId()}, {QStringLiteral("policies"), policies}})
                 .status,
        200);
    for (const QString &lang : {QString(), QStringLiteral("de")}) {
        ConsoleLanguage::install(qApp, lang.isEmpty() ? QLocale(QLocale::English) : QLocale(QLocale::German), true);
        ApiClient client;
        QVERIFY(signIn(client));
        MainWindow w(client);
        w.setGeometry(0, 0, 1280, 800);
        w.show();
        w.startSession();
        QSignalSpy loaded(w.settings()->company(), &CompanySettings::loaded);
        w.showSettings();
        w.settings()->tabs()->setCurrentWidget(w.settings()->company());
        QVERIFY(loaded.wait() || !loaded.isEmpty());
        child<QLineEdit>(*w.settings()->company(), "aiPersona")->setText(QStringLiteral("Ava"));
        child<QPlainTextEdit>(*w.settings()->company(), "aiGuidance")
            ->setPlainText(QStringLiteral("Call our customers hikers. Recommend the Trail Club only when a customer "
                                          "asks about delivery costs or returns."));
        QCoreApplication::processEvents(); // the layout settles before the picture
        const QString suffix = lang.isEmpty() ? QString() : QStringLiteral("-") + lang;
        QVERIFY(w.grab().save(QDir(out).filePath(QStringLiteral("settings-company%1.png").arg(suffix))));
    }
    ConsoleLanguage::install(qApp, QLocale(QLocale::English), true);
    QVERIFY(restoreDemo());
}

QTEST_MAIN(TestCompanySettings)
#include "tst_companysettings.moc"
