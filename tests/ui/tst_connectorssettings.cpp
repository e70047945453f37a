// Settings › Connectors against a real embedded server and a scripted shop on loopback,
// offscreen: an admin adds an `http` connector in its dialog (JSON the console cannot read and a
// field the server refuses are shown under that field), edits it keeping its write-only secret;
// tests one (the answer, latency and request; a refund's test is a dry run), reads its call log
// and removes it after a second click; the configuration names it for orders; agents see no
// Connectors tab. The context panel says when the orders could not be loaded, and the console
// goes on while a slow shop is asked. The models pass QAbstractItemModelTester.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/ConnectorServer.h"
#include "tests/ui/ChildWidget.h"
#include "tests/ui/ClientWait.h"
#include "ui/ConsoleLanguage.h"
#include "ui/client/ApiClient.h"
#include "ui/dialogs/ConnectorDialog.h"
#include "ui/models/ConnectorCallsModel.h"
#include "ui/models/ConnectorsModel.h"
#include "ui/views/ConfigForm.h"
#include "ui/views/ConfigView.h"
#include "ui/views/ConfirmButton.h"
#include "ui/views/ContextPanel.h"
#include "ui/views/SettingsView.h"
#include "ui/views/settings/ConnectorsSettings.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTextDocument>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

const char kRequests[] = R"({"order": {"method": "GET", "path": "/orders/{orderId}"},
 "orders": {"method": "GET", "path": "/customers/{customerId}/orders"}})";
const char kFields[] = R"({"order": {"id": "/number", "status": "/state", "total": "/amounts/total"},
 "orders": {"at": "/orders", "id": "/number", "status": "/state", "total": "/amounts/total"}})";

QString plain(const QString &html)
{
    QTextDocument d;
    d.setHtml(html);
    return d.toPlainText();
}

} // namespace

class TestConnectorsSettings : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void adminAddsAndEditsInTheDialog();
    void adminTestsReadsTheLogAndRemoves();
    void aRefundsTestIsADryRun();
    void theConfigurationNamesAConnector();
    void agentsSeeNoConnectorsTab();
    void theContextPanelSaysWhenOrdersFailed();

private:
    bool signIn(ApiClient &client, const QString &email = QStringLiteral("ada@example.com"));
    ConnectorDialog *openAdd(ConnectorsSettings &page);
    // The shop as an http connector with a bearer token (kRequests, kFields).
    QJsonObject shopConnector(int timeoutMs = 5000) const;

    ServerFixture m_server;
    std::unique_ptr<ConnectorServer> m_shop;
};

void TestConnectorsSettings::initTestCase()
{
    ConsoleLanguage::install(qApp, QLocale(QLocale::English));
    QString error;
    QVERIFY2(m_server.start("[auth]\nloginFailuresPerWindow=1000\n", false, &error), qPrintable(error));
    for (const auto &[email, role] : {std::pair{"ada@example.com", "admin"}, std::pair{"ann@example.com", "agent"}}) {
        NewAgent a{m_server.companyId(), QLatin1String(email), QStringLiteral("Person"), QLatin1String(role), {}};
        QVERIFY(m_server.runtime().agents().create(a, kPassword, Actor{}));
    }
    QVERIFY(m_server.runtime().store().batch().flush());
    m_shop = std::make_unique<ConnectorServer>(QStringLiteral("orders"));
    QVERIFY2(m_shop->isRunning(), qPrintable(m_shop->error()));
}

bool TestConnectorsSettings::signIn(ApiClient &client, const QString &email)
{
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    return waitFor(client.login(email, kPassword)).ok;
}

ConnectorDialog *TestConnectorsSettings::openAdd(ConnectorsSettings &page)
{
    child<QPushButton>(page, "connectorAdd")->click();
    return page.dialog();
}

QJsonObject TestConnectorsSettings::shopConnector(int timeoutMs) const
{
    return {{QStringLiteral("kind"), QStringLiteral("http")},
        {QStringLiteral("purposes"), QJsonArray{QStringLiteral("order"), QStringLiteral("orders")}},
        {QStringLiteral("url"), m_shop->url()}, {QStringLiteral("timeoutMs"), timeoutMs},
        {QStringLiteral("requests"), QJsonDocument::fromJson(kRequests).object()},
        {QStringLiteral("fields"), QJsonDocument::fromJson(kFields).object()}};
}

void TestConnectorsSettings::adminAddsAndEditsInTheDialog()
{
    ApiClient client;
    QVERIFY(signIn(client));
    SettingsView view(client);
    ConnectorsSettings &page = *view.connectors();
    QAbstractItemModelTester tester(&page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.resize(1200, 800);
    view.show();
    QSignalSpy loaded(&page, &ConnectorsSettings::loaded);
    view.refresh();
    QVERIFY(view.tabs()->isTabVisible(view.tabs()->indexOf(&page)));
    QVERIFY(loaded.wait());
    QCOMPARE(page.model().rowCount(), 0);

    ConnectorDialog *dialog = openAdd(page);
    QVERIFY(dialog && dialog->isVisible());
    child<QLineEdit>(*dialog, "connectorDialogName")->setText(QStringLiteral("shop"));
    child<QCheckBox>(*dialog, "connectorDialogPurpose_order")->setChecked(true);
    child<QCheckBox>(*dialog, "connectorDialogPurpose_orders")->setChecked(true);
    QVERIFY(!child<QCheckBox>(*dialog, "connectorDialogPurpose_ticket")->isHidden());
    child<QLineEdit>(*dialog, "connectorDialogUrl")->setText(m_shop->url());
    auto *auth = child<QComboBox>(*dialog, "connectorDialogAuthType");
    auth->setCurrentIndex(auth->findData(QStringLiteral("bearer")));
    child<QLineEdit>(*dialog, "connectorDialogSecret")->setText(QStringLiteral("shop-token-0123456789"));
    // JSON the console cannot read is said under its field, and nothing is sent.
    child<QPlainTextEdit>(*dialog, "connectorDialogRequests")->setPlainText(QStringLiteral("{\"order\": "));
    dialog->save();
    QVERIFY2(dialog->errorOf(QStringLiteral("requests")).startsWith(QLatin1String("Not JSON")),
        qPrintable(dialog->errorOf(QStringLiteral("requests"))));
    // The server's refusal (400 CS_011 naming "fields") is said under that field.
    child<QPlainTextEdit>(*dialog, "connectorDialogRequests")->setPlainText(QLatin1String(kRequests));
    child<QPlainTextEdit>(*dialog, "connectorDialogFields")
        ->setPlainText(QStringLiteral(R"({"order": {"id": "number"}, "orders": {"at": "/orders"}})"));
    dialog->save();
    QTRY_VERIFY(!dialog->errorOf(QStringLiteral("fields")).isEmpty());
    QVERIFY(dialog->errorOf(QStringLiteral("requests")).isEmpty());
    QVERIFY(dialog->isVisible());
    child<QPlainTextEdit>(*dialog, "connectorDialogFields")->setPlainText(QLatin1String(kFields));
    QSignalSpy saved(&page, &ConnectorsSettings::saved);
    dialog->save();
    QVERIFY(saved.wait());
    QTRY_VERIFY(!page.dialog());
    QCOMPARE(page.selectedName(), QStringLiteral("shop"));
    const int row = page.model().rowOf(QStringLiteral("shop"));
    QCOMPARE(page.model().index(row, ConnectorsModel::Kind).data().toString(), QStringLiteral("HTTP API"));
    QCOMPARE(page.model().index(row, ConnectorsModel::Purposes).data().toString(), QStringLiteral("order, orders"));
    QCOMPARE(page.model().index(row, ConnectorsModel::Secret).data().toString(), QStringLiteral("Set"));

    // Edited without the secret: the stored one is kept.
    child<QPushButton>(page, "connectorEdit")->click();
    dialog = page.dialog();
    QVERIFY(dialog);
    QVERIFY(child<QLineEdit>(*dialog, "connectorDialogName")->isReadOnly());
    QVERIFY(child<QLineEdit>(*dialog, "connectorDialogSecret")->text().isEmpty());
    QVERIFY(child<QLineEdit>(*dialog, "connectorDialogSecret")->placeholderText().startsWith(QLatin1String("set")));
    QVERIFY(child<QPlainTextEdit>(*dialog, "connectorDialogRequests")
                ->toPlainText()
                .contains(QLatin1String("/orders/{orderId}")));
    child<QSpinBox>(*dialog, "connectorDialogTimeout")->setValue(4000);
    dialog->save();
    QVERIFY(saved.wait());
    QCOMPARE(
        page.model().row(page.model().rowOf(QStringLiteral("shop"))).value(QLatin1String("timeoutMs")).toInt(), 4000);
    QCOMPARE(page.model().index(page.model().rowOf(QStringLiteral("shop")), ConnectorsModel::Secret).data().toString(),
        QStringLiteral("Set"));

    HttpClient admin(m_server.port(), m_server.token(api::Role::Admin));
    QCOMPARE(admin.del(QStringLiteral("/api/cs/connectors/shop")).status, 204);
}

void TestConnectorsSettings::adminTestsReadsTheLogAndRemoves()
{
    HttpClient admin(m_server.port(), m_server.token(api::Role::Admin));
    QCOMPARE(admin.put(QStringLiteral("/api/cs/connectors/shop"), shopConnector()).status, 201);
    ApiClient client;
    QVERIFY(signIn(client));
    ConnectorsSettings page(client);
    QAbstractItemModelTester callsTester(&page.calls(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1100, 700);
    page.show();
    QSignalSpy loaded(&page, &ConnectorsSettings::loaded);
    page.refresh();
    QVERIFY(loaded.wait());
    QCOMPARE(page.selectedName(), QStringLiteral("shop"));
    // Tested: the answer, its latency and the request it made; the call is in the log.
    auto *purpose = child<QComboBox>(page, "connectorTestPurpose");
    purpose->setCurrentIndex(purpose->findData(QStringLiteral("order")));
    page.setTestInput(QStringLiteral("orderId"), QStringLiteral("ORD-10005"));
    QSignalSpy tested(&page, &ConnectorsSettings::tested);
    QSignalSpy callsLoaded(&page, &ConnectorsSettings::callsLoaded);
    page.test();
    QVERIFY(tested.wait(15000));
    QVERIFY2(page.testResult().startsWith(QLatin1String("OK in ")), qPrintable(page.testResult()));
    QVERIFY2(page.testResult().contains(QStringLiteral("GET %1/orders/ORD-10005").arg(m_shop->url())),
        qPrintable(page.testResult()));
    QVERIFY(child<QPlainTextEdit>(page, "connectorTestAnswer")->toPlainText().contains(QLatin1String("delivered")));
    QTRY_COMPARE(page.calls().rowCount(), 1);
    QCOMPARE(page.calls().index(0, ConnectorCallsModel::Outcome).data().toString(), QStringLiteral("OK"));
    QCOMPARE(page.calls().index(0, ConnectorCallsModel::Session).data().toString(), QStringLiteral("test"));
    QCOMPARE(page.calls().index(0, ConnectorCallsModel::Status).data().toString(), QStringLiteral("200"));
    // A failing answer is said as such.
    page.setTestInput(QStringLiteral("orderId"), QStringLiteral("ERR-500"));
    page.test();
    QVERIFY(tested.wait(15000));
    QVERIFY2(page.testResult().startsWith(QLatin1String("Failed after ")), qPrintable(page.testResult()));
    QVERIFY(page.testResult().contains(QLatin1String("HTTP 500")));
    QTRY_COMPARE(page.calls().rowCount(), 2);
    QCOMPARE(page.calls().index(0, ConnectorCallsModel::Outcome).data().toString(), QStringLiteral("Failed"));

    // Removed after a second click.
    auto *remove = child<ConfirmButton>(page, "connectorRemove");
    remove->click();
    QVERIFY(remove->isArmed());
    QCOMPARE(page.model().rowCount(), 1);
    QSignalSpy removed(&page, &ConnectorsSettings::removed);
    remove->click();
    QVERIFY(removed.wait());
    QTRY_COMPARE(page.model().rowCount(), 0);
}

void TestConnectorsSettings::aRefundsTestIsADryRun()
{
    ApiClient client;
    QVERIFY(signIn(client));
    ConnectorsSettings page(client);
    page.resize(1100, 700);
    page.show();
    ConnectorDialog *dialog = openAdd(page);
    QVERIFY(dialog);
    child<QLineEdit>(*dialog, "connectorDialogName")->setText(QStringLiteral("stripe"));
    auto *kind = child<QComboBox>(*dialog, "connectorDialogKind");
    kind->setCurrentIndex(kind->findData(QStringLiteral("stripe")));
    QVERIFY(child<QLineEdit>(*dialog, "connectorDialogUrl")->text().startsWith(QLatin1String("https://")));
    QVERIFY(!child<QCheckBox>(*dialog, "connectorDialogPurpose_order")->isEnabled());
    child<QCheckBox>(*dialog, "connectorDialogPurpose_refund")->setChecked(true);
    child<QLineEdit>(*dialog, "connectorDialogUrl")->setText(m_shop->url());
    child<QLineEdit>(*dialog, "connectorDialogSecret")->setText(QStringLiteral("sk_test_tierdesk"));
    child<QLineEdit>(*dialog, "connectorDialogWebhookSecret")->setText(QStringLiteral("whsec_test"));
    QSignalSpy saved(&page, &ConnectorsSettings::saved);
    dialog->save();
    QVERIFY(saved.wait());
    QCOMPARE(page.selectedName(), QStringLiteral("stripe"));
    auto *purpose = child<QComboBox>(page, "connectorTestPurpose");
    QCOMPARE(purpose->currentData().toString(), QStringLiteral("refund"));
    page.setTestInput(QStringLiteral("paymentReference"), QStringLiteral("pi_paid_7900"));
    page.setTestInput(QStringLiteral("amountCents"), QStringLiteral("1500"));
    page.setTestInput(QStringLiteral("amount"), QStringLiteral("15.00"));
    page.setTestInput(QStringLiteral("orderId"), QStringLiteral("ORD-10005"));
    HttpClient shop(m_shop->port());
    const QByteArray before = shop.get(QStringLiteral("/_requests")).body;
    QSignalSpy tested(&page, &ConnectorsSettings::tested);
    page.test();
    QVERIFY(tested.wait(15000));
    QVERIFY2(page.testResult().startsWith(
                 QStringLiteral("Dry run: nothing was sent. It would send POST %1/v1/refunds").arg(m_shop->url())),
        qPrintable(page.testResult()));
    QCOMPARE(shop.get(QStringLiteral("/_requests")).body.count("/v1/refunds"), before.count("/v1/refunds"));
    HttpClient admin(m_server.port(), m_server.token(api::Role::Admin));
    QCOMPARE(admin.del(QStringLiteral("/api/cs/connectors/stripe")).status, 204);
}

void TestConnectorsSettings::theConfigurationNamesAConnector()
{
    HttpClient admin(m_server.port(), m_server.token(api::Role::Admin));
    QCOMPARE(admin.put(QStringLiteral("/api/cs/connectors/erp"), shopConnector()).status, 201);
    ApiClient client;
    QVERIFY(signIn(client));
    ConfigView view(client);
    QSignalSpy connectorsLoaded(&view, &ConfigView::connectorsLoaded);
    QSignalSpy loaded(&view, &ConfigView::loaded);
    view.resize(1200, 800);
    view.show();
    view.refresh();
    QVERIFY(loaded.count() > 0 || loaded.wait());
    QVERIFY(connectorsLoaded.count() > 0 || connectorsLoaded.wait());
    auto *orders = qobject_cast<QComboBox *>(view.form().field(QStringLiteral("connectors.orders")));
    auto *refund = qobject_cast<QComboBox *>(view.form().field(QStringLiteral("connectors.refund")));
    auto *ticket = qobject_cast<QComboBox *>(view.form().field(QStringLiteral("connectors.ticket")));
    QVERIFY(orders && refund && ticket);
    QCOMPARE(orders->currentData().toString(), QStringLiteral("builtin"));
    QVERIFY(orders->findData(QStringLiteral("erp")) > 0);
    QCOMPARE(refund->findData(QStringLiteral("erp")), -1); // erp does not serve refunds
    QCOMPARE(ticket->itemText(0), QStringLiteral("None (Tierdesk's own ticket ids)"));
    orders->setCurrentIndex(orders->findData(QStringLiteral("erp")));
    auto *pattern = qobject_cast<QLineEdit *>(view.form().field(QStringLiteral("connectors.orderNumberPattern")));
    pattern->setText(QStringLiteral("(["));
    Q_EMIT pattern->textEdited(pattern->text());
    QVERIFY2(view.problem().startsWith(QLatin1String("connectors.orderNumberPattern")), qPrintable(view.problem()));
    QVERIFY(!child<QLabel>(view, "error_connectors")->isHidden());
    pattern->setText(QStringLiteral("\\bSO-[0-9]{6}\\b"));
    Q_EMIT pattern->textEdited(pattern->text());
    QVERIFY(view.problem().isEmpty());
    QSignalSpy saved(&view, &ConfigView::saved);
    view.save();
    QVERIFY(saved.wait());
    const QJsonObject stored
        = admin.get(withQuery(QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), m_server.companyId()}}))
              .json()
              .value(QLatin1String("connectors"))
              .toObject();
    QCOMPARE(stored.value(QLatin1String("orders")).toString(), QStringLiteral("erp"));
    QCOMPARE(stored.value(QLatin1String("order")).toString(), QStringLiteral("builtin"));
    QCOMPARE(stored.value(QLatin1String("orderNumberPattern")).toString(), QStringLiteral("\\bSO-[0-9]{6}\\b"));
    QJsonObject back{{QStringLiteral("companyId"), m_server.companyId()},
        {QStringLiteral("connectors"),
            QJsonObject{{QStringLiteral("orders"), QStringLiteral("builtin")},
                {QStringLiteral("orderNumberPattern"), QString()}}}};
    QCOMPARE(admin.put(QStringLiteral("/api/cs/config"), back).status, 200);
    QCOMPARE(admin.del(QStringLiteral("/api/cs/connectors/erp")).status, 204);
}

void TestConnectorsSettings::agentsSeeNoConnectorsTab()
{
    ApiClient client;
    QVERIFY(signIn(client, QStringLiteral("ann@example.com")));
    SettingsView view(client);
    view.refresh();
    QVERIFY(!view.tabs()->isTabVisible(view.tabs()->indexOf(view.connectors())));
}

void TestConnectorsSettings::theContextPanelSaysWhenOrdersFailed()
{
    // The panel as the session's JSON tells it.
    QJsonObject context{{QStringLiteral("customer"), QJsonObject{{QStringLiteral("id"), QStringLiteral("c1")}}},
        {QStringLiteral("orders"), QJsonArray()}, {QStringLiteral("ordersError"), QStringLiteral("HTTP 500")}};
    QVERIFY(plain(ContextPanel::customerHtml(context)).contains(QLatin1String("Could not load orders: HTTP 500")));
    context.remove(QStringLiteral("ordersError"));
    context.insert(QStringLiteral("orders"),
        QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("SO-123456")},
            {QStringLiteral("status"), QStringLiteral("shipped")}, {QStringLiteral("total"), QJsonValue()}}});
    const QString shown = plain(ContextPanel::customerHtml(context));
    QVERIFY2(shown.contains(QLatin1String("SO-123456")) && shown.contains(QStringLiteral("—")), qPrintable(shown));
    QVERIFY(!shown.contains(QLatin1String("Could not load")));

    // Against the server: the company's orders come from a shop that fails, or is slow.
    HttpClient admin(m_server.port(), m_server.token(api::Role::Admin));
    QCOMPARE(admin.put(QStringLiteral("/api/cs/connectors/shop"), shopConnector(1000)).status, 201);
    const QJsonObject config{{QStringLiteral("companyId"), m_server.companyId()},
        {QStringLiteral("connectors"), QJsonObject{{QStringLiteral("orders"), QStringLiteral("shop")}}}};
    QCOMPARE(admin.put(QStringLiteral("/api/cs/config"), config).status, 200);
    const auto sessionOf = [&](const QString &customer) {
        return admin.post(QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), customer))
            .json()
            .value(QLatin1String("id"))
            .toString();
    };
    const QString failing = sessionOf(QStringLiteral("ERR-500"));
    const QString slow = sessionOf(QStringLiteral("SLOW-1"));
    ApiClient client;
    QVERIFY(signIn(client));
    ContextPanel panel;
    Outcome got = waitFor(client.session(failing));
    QVERIFY2(got.ok, got.describe().constData());
    panel.setSession(got.body);
    QVERIFY2(panel.customerText().contains(QLatin1String("Could not load orders: HTTP 500")),
        qPrintable(panel.customerText()));
    // While the slow shop is asked, the console's other requests come and go.
    auto slowDone = std::make_shared<Outcome>();
    ApiReply *pending = client.session(slow);
    connect(pending, &ApiReply::finished, this, [pending, slowDone] {
        slowDone->done = true;
        slowDone->body = pending->body();
    });
    QVERIFY(waitFor(client.connectors()).ok);
    QVERIFY(!slowDone->done);
    QTRY_VERIFY_WITH_TIMEOUT(slowDone->done, 15000);
    panel.setSession(slowDone->body);
    QVERIFY2(panel.customerText().contains(QLatin1String("Could not load orders: no answer within 1000 ms")),
        qPrintable(panel.customerText()));

    // In German.
    ConsoleLanguage::install(qApp, QLocale(QLocale::German));
    const QString german = plain(ContextPanel::customerHtml(got.body.value(QLatin1String("context")).toObject()));
    ConsoleLanguage::install(qApp, QLocale(QLocale::English));
    QVERIFY2(german.contains(QLatin1String("Bestellungen konnten nicht geladen werden: HTTP 500")), qPrintable(german));
    QJsonObject builtin{{QStringLiteral("companyId"), m_server.companyId()},
        {QStringLiteral("connectors"), QJsonObject{{QStringLiteral("orders"), QStringLiteral("builtin")}}}};
    QCOMPARE(admin.put(QStringLiteral("/api/cs/config"), builtin).status, 200);
}

QTEST_MAIN(TestConnectorsSettings)
#include "tst_connectorssettings.moc"
