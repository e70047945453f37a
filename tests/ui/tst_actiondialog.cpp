// "Issue refund / credit" in the console against a real embedded server: the
// dialog is filled through its test hooks, asks to confirm, and only a
// confirmed refund reaches the ledger; cancelling at the confirmation sends
// nothing; a refusal's message shows in the view.
#include "tests/api/ApiTestSupport.h"
#include "tests/ui/ClientWait.h"
#include "ui/client/ApiClient.h"
#include "ui/dialogs/ActionDialog.h"
#include "ui/models/TranscriptModel.h"
#include "ui/views/ContextPanel.h"
#include "ui/views/ConversationView.h"

#include <QPointer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");
} // namespace

class TestActionDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void confirmRefundsCancelSendsNothing();

private:
    int ledger(const QString &sql);

    ServerFixture m_server;
};

void TestActionDialog::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    NewAgent a;
    a.companyId = m_server.companyId();
    a.email = QStringLiteral("ann@example.com");
    a.name = QStringLiteral("Ann Archer");
    QVERIFY(m_server.runtime().agents().create(a, kPassword, Actor{}).ok());
}

int TestActionDialog::ledger(const QString &where)
{
    Store &store = m_server.runtime().store();
    if (!store.batch().flush())
        return -1;
    QSqlQuery q(store.db().handle());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE ") + where) || !q.next())
        return -1;
    return q.value(0).toInt();
}

void TestActionDialog::confirmRefundsCancelSendsNothing()
{
    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    QVERIFY(waitFor(client.login(QStringLiteral("ann@example.com"), kPassword)).ok);
    HttpClient admin(m_server.port(), m_server.token(api::Role::Admin));
    const QString id = admin
                           .post(QStringLiteral("/api/cs/sessions"),
                               sessionBody(m_server.companyId(), QStringLiteral("cust_ben"),
                                   QStringLiteral("My order arrived late")))
                           .json()
                           .value(QLatin1String("id"))
                           .toString();
    QCOMPARE(admin
                 .post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(id),
                     {{QStringLiteral("reason"), QStringLiteral("CUSTOMER_REQUEST")},
                         {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}})
                 .status,
        200);
    const Outcome claimed = waitFor(client.claim(id));
    QVERIFY2(claimed.ok, claimed.describe().constData());

    ConversationView view(client);
    view.resize(1100, 700);
    view.show();
    QSignalSpy status(&view, &ConversationView::status);
    view.open(id);
    // The customer's orders, with their status, from GET session's context.
    QTRY_VERIFY_WITH_TIMEOUT(view.context()->customerText().contains(QLatin1String("ORD-10005")), 5000);
    QVERIFY(view.context()->customerText().contains(QLatin1String("Delivered")));
    const QString refundedBen = QStringLiteral("refund' AND session_id = '") + id + QLatin1Char('\'');
    const QString where = QStringLiteral("kind = '") + refundedBen;

    // Cancel at the confirmation: nothing is sent.
    view.showAction();
    QPointer<ActionDialog> dialog = view.findChild<ActionDialog *>(QStringLiteral("actionDialog"));
    QVERIFY(dialog);
    dialog->setType(QStringLiteral("refund"));
    dialog->setOrder(QStringLiteral("ORD-10004")); // pending: nothing owed, no review
    dialog->review();
    QVERIFY(!dialog->confirming());
    dialog->setOrder(QStringLiteral("ORD-10005"));
    QCOMPARE(dialog->amount(), 115.0); // what is left, by default
    dialog->setAmount(25);
    dialog->setReason(QStringLiteral("Late delivery"));
    dialog->review();
    QVERIFY(dialog->confirming());
    QCOMPARE(dialog->summary(), QStringLiteral("Refund $25.00 for ORD-10005 to Benjamin Okafor?"));
    dialog->reject();
    QTRY_VERIFY(dialog.isNull()); // closed and gone

    // Confirmed: the refund is in the ledger and the view says so.
    view.showAction();
    dialog = view.findChild<ActionDialog *>(QStringLiteral("actionDialog"));
    QVERIFY(dialog);
    dialog->setType(QStringLiteral("refund"));
    dialog->setOrder(QStringLiteral("ORD-10005"));
    dialog->setAmount(25);
    dialog->confirm(); // not yet reviewed: nothing happens
    QVERIFY(!dialog.isNull() && dialog->isVisible());
    dialog->review();
    dialog->confirm();
    QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty(), 5000);
    QCOMPARE(status.takeFirst().at(0).toString(), QStringLiteral("Refunded $25.00 for ORD-10005"));
    // One refund in all: the cancelled one never reached the server.
    QCOMPARE(ledger(where), 1);
    QCOMPARE(ledger(where + QStringLiteral(" AND amount = 25 AND tier = 'HUMAN_AGENT' AND order_id = 'ORD-10005'")), 1);
    // The confirmation to the customer appears in the transcript, the order shows what was refunded.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const TranscriptModel &t = view.transcript();
            for (int row = 0; row < t.rowCount(); ++row)
                if (t.index(row, 0).data().toString().contains(QLatin1String("I've refunded $25.00 for ORD-10005")))
                    return true;
            return false;
        }(),
        5000);
    QTRY_VERIFY_WITH_TIMEOUT(view.context()->customerText().contains(QLatin1String("25.00 refunded")), 5000);

    // A refusal's message shows in the view: only $90.00 is left.
    view.showAction();
    dialog = view.findChild<ActionDialog *>(QStringLiteral("actionDialog"));
    QVERIFY(dialog);
    dialog->setType(QStringLiteral("refund"));
    dialog->setOrder(QStringLiteral("ORD-10005"));
    dialog->setAmount(100);
    dialog->review();
    dialog->confirm();
    QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty(), 5000);
    const QString refused = status.takeFirst().at(0).toString();
    QVERIFY2(
        refused.contains(QLatin1String("refused")) && refused.contains(QLatin1String("$90.00")), qPrintable(refused));
    QCOMPARE(ledger(where), 1);
}

QTEST_MAIN(TestActionDialog)
#include "tst_actiondialog.moc"
