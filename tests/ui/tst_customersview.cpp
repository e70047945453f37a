// The console's Customers page against a real embedded server, offscreen: the demo company's
// customers a page at a time and searched; a customer's details and conversations (a
// double-click asks for the conversation); an admin's edit with a refused field shown under
// that field, a new customer, an import whose dry run reports first and writes nothing, and an
// erasure after its confirmation. An agent sees the customers but none of the admin's buttons; in
// the window a double-clicked conversation opens on the Conversation page.
// The models pass QAbstractItemModelTester.
#include "tests/api/ApiTestSupport.h"
#include "tests/ui/ChildWidget.h"
#include "tests/ui/ClientWait.h"
#include "ui/ConsoleLanguage.h"
#include "ui/MainWindow.h"
#include "ui/client/ApiClient.h"
#include "ui/dialogs/CustomerDialog.h"
#include "ui/dialogs/ImportCustomersDialog.h"
#include "ui/models/CustomersModel.h"
#include "ui/views/ConversationView.h"
#include "ui/views/CustomerDetails.h"
#include "ui/views/CustomersView.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

} // namespace

class TestCustomersView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void pagesSearchAndDetails();
    void adminEditsAndAddsCustomers();
    void importReportsItsDryRunFirst();
    void erasureAsksFirst();
    void agentsSeeNoAdminButtons();
    void theWindowOpensADoubleClickedConversation();

private:
    bool signIn(ApiClient &client, const QString &email);
    QJsonObject stored(const QString &id)
    {
        HttpClient http(m_server.port(), m_server.token(api::Role::Admin));
        return http
            .get(withQuery(
                QStringLiteral("/api/cs/customers/") + id, {{QStringLiteral("companyId"), m_server.companyId()}}))
            .json();
    }
    // The view's table row of `id` selected, and its details shown.
    static void select(CustomersView &view, const QString &id)
    {
        auto *table = child<QTableView>(view, "customersTable");
        QTRY_VERIFY(view.model().rowOf(id) >= 0);
        table->selectRow(view.model().rowOf(id));
        QTRY_COMPARE(view.details().customerId(), id);
    }

    ServerFixture m_server;
};

void TestCustomersView::initTestCase()
{
    ConsoleLanguage::install(qApp, QLocale(QLocale::English));
    QString error;
    QVERIFY2(m_server.start("[auth]\nloginFailuresPerWindow=1000\n", false, &error), qPrintable(error));
    for (const auto &[email, role] : {std::pair{"ada@example.com", "admin"}, std::pair{"ann@example.com", "agent"}}) {
        NewAgent a{m_server.companyId(), QLatin1String(email), QStringLiteral("Person"), QLatin1String(role), {}};
        QVERIFY(m_server.runtime().agents().create(a, kPassword, Actor{}));
    }
    QVERIFY(m_server.runtime().store().batch().flush());
}

bool TestCustomersView::signIn(ApiClient &client, const QString &email)
{
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    return waitFor(client.login(email, kPassword)).ok;
}

void TestCustomersView::pagesSearchAndDetails()
{
    HttpClient admin(m_server.port(), m_server.token(api::Role::Admin));
    const QString session = escalatedSession(admin, m_server.companyId(), QStringLiteral("cust_ben"),
        QStringLiteral("My kettle arrived with a cracked lid."));
    QVERIFY(!session.isEmpty());

    ApiClient client;
    QVERIFY(signIn(client, QStringLiteral("ada@example.com")));
    CustomersView view(client);
    QAbstractItemModelTester tester(&view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester sessionsTester(
        &view.details().sessions(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.resize(1100, 700);
    view.show();
    view.setPageSize(3);
    view.refresh();
    QTRY_COMPARE(view.model().rowCount(), 3);
    const int total = view.model().total();
    QVERIFY(total >= 8);
    auto *range = child<QLabel>(view, "customersRange");
    QCOMPARE(range->text(), QStringLiteral("1–3 of %1 customers").arg(total));
    auto *previous = child<QPushButton>(view, "customersPrevious");
    auto *next = child<QPushButton>(view, "customersNext");
    QVERIFY(!previous->isEnabled());
    QVERIFY(next->isEnabled());
    const QString first = view.model().keyOf(0);
    next->click();
    QTRY_COMPARE(view.model().offset(), 3);
    QCOMPARE(range->text(), QStringLiteral("4–6 of %1 customers").arg(total));
    QVERIFY(view.model().rowOf(first) < 0);
    QVERIFY(previous->isEnabled());
    previous->click();
    QTRY_COMPARE(view.model().offset(), 0);
    QCOMPARE(view.model().keyOf(0), first);

    // Searched as typed (by part of the e-mail address), from the first page.
    next->click();
    QTRY_COMPARE(view.model().offset(), 3);
    child<QLineEdit>(view, "customersSearch")->setText(QStringLiteral("OKAFOR@"));
    QTRY_COMPARE(view.model().total(), 1);
    QCOMPARE(view.model().offset(), 0);
    QCOMPARE(view.model().keyOf(0), QStringLiteral("cust_ben"));
    QCOMPARE(range->text(), QStringLiteral("1–1 of 1 customer"));

    select(view, QStringLiteral("cust_ben"));
    QCOMPARE(child<QLabel>(view, "customerName")->text(), QStringLiteral("Benjamin Okafor"));
    QCOMPARE(child<QLabel>(view, "customerEmail")->text(), QStringLiteral("ben.okafor@example.com"));
    QVERIFY2(child<QLabel>(view, "customerSubscription")->text().startsWith(QStringLiteral("basic · Active · $4.99")),
        qPrintable(child<QLabel>(view, "customerSubscription")->text()));
    QTRY_VERIFY(view.details().sessions().rowOf(session) >= 0);

    // A double-clicked conversation is asked to open (the main window opens it).
    QSignalSpy open(&view, &CustomersView::openSession);
    auto *sessions = child<QTableView>(view, "customerSessions");
    emit sessions->doubleClicked(view.details().sessions().index(view.details().sessions().rowOf(session), 0));
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.first().first().toString(), session);
}

void TestCustomersView::adminEditsAndAddsCustomers()
{
    ApiClient client;
    QVERIFY(signIn(client, QStringLiteral("ada@example.com")));
    CustomersView view(client);
    view.resize(1100, 700);
    view.show();
    QVERIFY(view.offersAdminActions());
    view.refresh();
    select(view, QStringLiteral("cust_alice"));

    child<QPushButton>(view, "customerEdit")->click();
    QPointer<CustomerDialog> dialog = view.customerDialog();
    QVERIFY(dialog);
    QVERIFY(!dialog->isNew());
    QCOMPARE(child<QLineEdit>(*dialog, "customerDialogName")->text(), QStringLiteral("Alice Moreno"));
    child<QLineEdit>(*dialog, "customerDialogEmail")->setText(QStringLiteral("alice at example"));
    dialog->save();
    QTRY_VERIFY(!dialog->errorOf(QStringLiteral("email")).isEmpty());
    QVERIFY2(dialog->errorOf(QStringLiteral("email")).contains(QLatin1String("e-mail")),
        qPrintable(dialog->errorOf(QStringLiteral("email"))));
    QVERIFY(dialog->isVisible()); // it stays open until the server took it
    QCOMPARE(stored(QStringLiteral("cust_alice")).value(QLatin1String("email")).toString(),
        QStringLiteral("alice.moreno@example.com"));

    child<QLineEdit>(*dialog, "customerDialogEmail")->setText(QStringLiteral("Alice@Moreno.example"));
    child<QLineEdit>(*dialog, "customerDialogPhone")->setText(QStringLiteral("+49 (30) 555-0100"));
    auto *attributes = child<QTableWidget>(*dialog, "customerDialogAttributes");
    child<QPushButton>(*dialog, "customerDialogAddAttribute")->click();
    attributes->item(attributes->rowCount() - 1, 0)->setText(QStringLiteral("loyaltyId"));
    attributes->item(attributes->rowCount() - 1, 1)->setText(QStringLiteral("NW-2231"));
    dialog->save();
    QTRY_VERIFY(!dialog);
    const QJsonObject alice = stored(QStringLiteral("cust_alice"));
    QCOMPARE(alice.value(QLatin1String("email")).toString(), QStringLiteral("alice@moreno.example"));
    QCOMPARE(alice.value(QLatin1String("phone")).toString(), QStringLiteral("+49305550100"));
    QCOMPARE(alice.value(QLatin1String("attributes")).toObject().value(QLatin1String("loyaltyId")).toString(),
        QStringLiteral("NW-2231"));
    QCOMPARE(alice.value(QLatin1String("subscription")).toObject().value(QLatin1String("plan")).toString(),
        QStringLiteral("plus")); // kept as it was
    QCOMPARE(child<QLabel>(view, "customerEmail")->text(), QStringLiteral("alice@moreno.example"));
    QCOMPARE(
        child<QTableWidget>(view, "customerAttributes")->findItems(QStringLiteral("NW-2231"), Qt::MatchExactly).size(),
        1);

    // A new one: its name is required, then it is in the list.
    child<QPushButton>(view, "customerNew")->click();
    dialog = view.customerDialog();
    QVERIFY(dialog && dialog->isNew());
    const QString id = dialog->customerId();
    QVERIFY(id.startsWith(QLatin1String("cus_")));
    dialog->save();
    QTRY_VERIFY(!dialog->errorOf(QStringLiteral("name")).isEmpty());
    child<QLineEdit>(*dialog, "customerDialogName")->setText(QStringLiteral("Hannah Fischer"));
    child<QCheckBox>(*dialog, "customerDialogVip")->setChecked(true);
    dialog->save();
    QTRY_VERIFY(!dialog);
    QCOMPARE(stored(id).value(QLatin1String("name")).toString(), QStringLiteral("Hannah Fischer"));
    QVERIFY(stored(id).value(QLatin1String("isVIP")).toBool());
    QTRY_VERIFY(view.model().rowOf(id) >= 0);
    QCOMPARE(view.details().customerId(), id);
}

void TestCustomersView::importReportsItsDryRunFirst()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("customers.csv"));
    QFile csv(path);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("id,name,email,phone,tier,isVIP,lifetimeValue,region\n"
              "imp_1,Ida Import,ida@import.example,,SILVER,no,120,north\n"
              "imp_2,Jon Import,jon@import.example,+44 20 7946 0000,,yes,,south\n"
              "cust_chloe,Chloe Martin,,,PLATINUM,,,\n"
              "imp_3,Kim Import,kim at import,,,,,\n");
    csv.close();

    ApiClient client;
    QVERIFY(signIn(client, QStringLiteral("ada@example.com")));
    CustomersView view(client);
    view.show();
    view.refresh();
    QTRY_VERIFY(view.model().rowCount() > 0);
    const int before = view.model().total();

    ImportCustomersDialog::setFileHook([path] { return path; });
    child<QPushButton>(view, "customersImport")->click();
    ImportCustomersDialog::setFileHook({});
    QPointer<ImportCustomersDialog> dialog = view.importDialog();
    QVERIFY(dialog);
    QTRY_COMPARE(dialog->stage(), ImportCustomersDialog::Stage::Checked);
    QCOMPARE(dialog->report().value(QLatin1String("created")).toInt(), 2);
    QCOMPARE(dialog->report().value(QLatin1String("updated")).toInt(), 1);
    QVERIFY2(dialog->summary().contains(QLatin1String("would create 2, update 1")), qPrintable(dialog->summary()));
    auto *failed = child<QTableWidget>(*dialog, "importFailed");
    QCOMPARE(failed->rowCount(), 1);
    QCOMPARE(failed->item(0, 0)->text(), QStringLiteral("5"));
    QCOMPARE(failed->item(0, 1)->text(), QStringLiteral("email"));
    QVERIFY(!failed->item(0, 2)->text().isEmpty());
    // The dry run wrote nothing.
    QCOMPARE(stored(QStringLiteral("imp_1"))
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
        QStringLiteral("CS_014"));

    QSignalSpy imported(dialog.data(), &ImportCustomersDialog::imported);
    child<QPushButton>(*dialog, "importRun")->click();
    QTRY_COMPARE(dialog->stage(), ImportCustomersDialog::Stage::Imported);
    QCOMPARE(imported.count(), 1);
    QVERIFY2(
        dialog->summary().startsWith(QLatin1String("Imported: 2 created, 1 updated")), qPrintable(dialog->summary()));
    QVERIFY(!child<QPushButton>(*dialog, "importRun")->isVisible());
    QCOMPARE(stored(QStringLiteral("imp_1"))
                 .value(QLatin1String("attributes"))
                 .toObject()
                 .value(QLatin1String("region"))
                 .toString(),
        QStringLiteral("north"));
    QCOMPARE(stored(QStringLiteral("cust_chloe")).value(QLatin1String("tier")).toString(), QStringLiteral("PLATINUM"));
    QTRY_COMPARE(view.model().total(), before + 2);
    dialog->close();
    QTRY_VERIFY(!dialog);
}

void TestCustomersView::erasureAsksFirst()
{
    HttpClient http(m_server.port(), m_server.token(api::Role::Admin));
    const HttpResult put = http.put(
        withQuery(QStringLiteral("/api/cs/customers/erase_me"), {{QStringLiteral("companyId"), m_server.companyId()}}),
        {{QStringLiteral("name"), QStringLiteral("Erin Eraseme")},
            {QStringLiteral("email"), QStringLiteral("erin@erase.example")},
            {QStringLiteral("phone"), QStringLiteral("+15550100999")}});
    QVERIFY2(put.status == 201, describe(put));

    ApiClient client;
    QVERIFY(signIn(client, QStringLiteral("ada@example.com")));
    CustomersView view(client);
    view.show();
    view.refresh();
    child<QLineEdit>(view, "customersSearch")->setText(QStringLiteral("eraseme"));
    select(view, QStringLiteral("erase_me"));

    auto *erase = child<QPushButton>(view, "customerErase");
    QVERIFY(erase->isEnabled());
    erase->click();
    QPointer<QMessageBox> box = view.eraseDialog();
    QVERIFY(box);
    QVERIFY(box->text().contains(QLatin1String("Erin Eraseme")));
    QVERIFY2(box->informativeText().contains(QLatin1String("cannot be undone")), qPrintable(box->informativeText()));
    // Cancel erases nothing.
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!box);
    QCOMPARE(
        stored(QStringLiteral("erase_me")).value(QLatin1String("name")).toString(), QStringLiteral("Erin Eraseme"));

    erase->click();
    box = view.eraseDialog();
    QVERIFY(box);
    child<QPushButton>(*box, "customerEraseConfirm")->click();
    QTRY_VERIFY(view.details().isErased());
    const QJsonObject erased = stored(QStringLiteral("erase_me"));
    QVERIFY(erased.contains(QLatin1String("erasedAt")));
    QVERIFY(erased.value(QLatin1String("name")).toString().isEmpty());
    QCOMPARE(child<QLabel>(view, "customerName")->text(), QStringLiteral("Erased customer"));
    QVERIFY(!erase->isEnabled());
    QVERIFY(!child<QPushButton>(view, "customerEdit")->isEnabled());
}

void TestCustomersView::agentsSeeNoAdminButtons()
{
    ApiClient client;
    QVERIFY(signIn(client, QStringLiteral("ann@example.com")));
    CustomersView view(client);
    view.show();
    view.refresh();
    QVERIFY(!view.offersAdminActions());
    select(view, QStringLiteral("cust_ben"));
    for (const char *name : {"customerNew", "customersImport", "customerEdit", "customerErase"})
        QVERIFY2(child<QPushButton>(view, name)->isHidden(), name);
    view.showEdit();
    view.askErase();
    ImportCustomersDialog::setFileHook([] { return QStringLiteral("/nonexistent.csv"); });
    view.chooseImport();
    ImportCustomersDialog::setFileHook({});
    QVERIFY(!view.customerDialog());
    QVERIFY(!view.eraseDialog());
    QVERIFY(!view.importDialog());
    // The details and conversations are theirs to read.
    QCOMPARE(child<QLabel>(view, "customerName")->text(), QStringLiteral("Benjamin Okafor"));
}

// The Customers page is in the window's navigation; a conversation double-clicked there opens
// on the Conversation page.
void TestCustomersView::theWindowOpensADoubleClickedConversation()
{
    HttpClient admin(m_server.port(), m_server.token(api::Role::Admin));
    const QString session = escalatedSession(
        admin, m_server.companyId(), QStringLiteral("cust_daniel"), QStringLiteral("I was charged twice."));
    QVERIFY(!session.isEmpty());
    ApiClient client;
    QVERIFY(signIn(client, QStringLiteral("ann@example.com")));
    MainWindow w(client);
    auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
    const QList<QListWidgetItem *> found = nav->findItems(QStringLiteral("Customers"), Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    QVERIFY(!found.first()->isHidden());
    nav->setCurrentItem(found.first()); // read when shown
    CustomersView &view = *w.customers();
    select(view, QStringLiteral("cust_daniel"));
    QTRY_VERIFY(view.details().sessions().rowOf(session) >= 0);
    auto *sessions = child<QTableView>(view, "customerSessions");
    emit sessions->doubleClicked(view.details().sessions().index(view.details().sessions().rowOf(session), 0));
    QCOMPARE(w.conversation()->sessionId(), session);
    QCOMPARE(nav->currentItem()->text(), QStringLiteral("Conversation"));
}

QTEST_MAIN(TestCustomersView)
#include "tst_customersview.moc"
