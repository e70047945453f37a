// The supervisor's live desk in the console's window against a real embedded server: the
// queues' figures follow an escalation over the WebSocket without a reload, a claimed
// session shows under the person who holds it, a reassignment from the page reaches the
// server, a session opens read-only, and every model passes QAbstractItemModelTester.
#include "tests/api/ApiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/client/ApiClient.h"
#include "ui/models/HeldSessionsModel.h"
#include "ui/models/QueueStatsModel.h"
#include "ui/models/TeamModel.h"
#include "ui/models/TranscriptModel.h"
#include "ui/views/ConversationView.h"
#include "ui/views/ReplyBox.h"
#include "ui/views/SupervisorView.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

class TestSupervisorView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void followsTheDeskLive();
    void hiddenFromAgents();

private:
    QString escalatedSession(const QString &text);
    static int cell(const QAbstractItemModel &m, int row, int column, int role)
    {
        return m.index(row, column).data(role).toInt();
    }

    ServerFixture m_server;
};

void TestSupervisorView::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    QVERIFY(m_server.addAgent(
        QStringLiteral("agt_ann"), QStringLiteral("Ann Archer"), QStringLiteral("agent"), {QStringLiteral("orders")}));
    QVERIFY(m_server.addAgent(
        QStringLiteral("agt_bob"), QStringLiteral("Bob Brook"), QStringLiteral("agent"), {QStringLiteral("orders")}));
    QVERIFY(
        m_server.addAgent(QStringLiteral("agt_sue"), QStringLiteral("Sue Stone"), QStringLiteral("supervisor"), {}));
}

QString TestSupervisorView::escalatedSession(const QString &text)
{
    return test::escalatedSession(*m_server.client(api::Role::Admin), m_server.companyId(), QStringLiteral("cust_ben"),
        text, QStringLiteral("REFUND_REQUEST"));
}

void TestSupervisorView::followsTheDeskLive()
{
    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    client.setToken(m_server.token(api::Role::Supervisor, {}, 3600, QStringLiteral("agt_sue")));
    MainWindow w(client);
    SupervisorView *view = w.supervisor();
    QAbstractItemModelTester queues(&view->queues(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester team(&view->team(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester held(&view->held(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    w.show();
    QSignalSpy subscribed(&client.events(), &EventStream::subscribed);
    w.startSession();
    QVERIFY(subscribed.wait(5000));
    QSignalSpy loaded(view, &SupervisorView::loaded);
    w.showSupervisor();
    QVERIFY(loaded.wait(5000));

    // Every configured queue is listed, even an empty one; the team lists all three people.
    const int orders = view->queues().rowOf(QStringLiteral("orders"));
    QVERIFY(orders >= 0);
    QVERIFY(view->queues().rowOf(QStringLiteral("complaints")) >= 0);
    QCOMPARE(view->team().rowCount(), 3);
    // Nothing settled yet today: it says so instead of a percentage.
    QVERIFY2(view->summary().contains(QLatin1String("SLA today: none settled yet")), qPrintable(view->summary()));
    const int waitingBefore = cell(view->queues(), orders, QueueStatsModel::Waiting, QueueStatsModel::ValueRole);

    // An escalation arrives live: the waiting count rises and the longest wait is known.
    const QString id = escalatedSession(QStringLiteral("I want my money back for ORD-10001"));
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(
        cell(view->queues(), orders, QueueStatsModel::Waiting, QueueStatsModel::ValueRole), waitingBefore + 1, 5000);
    QVERIFY(
        view->queues().index(orders, QueueStatsModel::LongestWait).data(QueueStatsModel::ValueRole).toLongLong() >= 0);
    QCOMPARE(view->queues().index(orders, QueueStatsModel::Queue).data().toString(), QStringLiteral("Orders"));
    int waitingEverywhere = 0;
    for (int row = 0; row < view->queues().rowCount(); ++row)
        waitingEverywhere += cell(view->queues(), row, QueueStatsModel::Waiting, QueueStatsModel::ValueRole);
    QVERIFY2(
        view->summary().startsWith(QStringLiteral("%1 waiting").arg(waitingEverywhere)), qPrintable(view->summary()));
    // Sue herself is available: her console holds the live connection.
    QVERIFY2(view->summary().contains(QLatin1String("1 of 3 people available")), qPrintable(view->summary()));

    // Ann claims it: it moves from waiting to held, under her name.
    auto ann = std::make_unique<HttpClient>(
        m_server.port(), m_server.token(api::Role::Agent, {}, 3600, QStringLiteral("agt_ann")));
    QCOMPARE(ann->post(QStringLiteral("/api/cs/sessions/%1/claim").arg(id), {}).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(view->held().rowOf(id) >= 0, 5000);
    QCOMPARE(cell(view->queues(), orders, QueueStatsModel::Waiting, QueueStatsModel::ValueRole), waitingBefore);
    const int annRow = view->team().rowOf(QStringLiteral("agt_ann"));
    // Her open conversations against her capacity (3 by default), and the room left.
    QCOMPARE(view->team().index(annRow, TeamModel::Sessions).data().toString(), QStringLiteral("1 of 3"));
    QCOMPARE(view->team().index(annRow, TeamModel::Room).data().toString(), QStringLiteral("2"));
    QCOMPARE(view->held().index(view->held().rowOf(id), HeldSessionsModel::Agent).data().toString(),
        QStringLiteral("Ann Archer"));

    // The supervisor gives it to Bob from the page; the server holds it for him.
    QVERIFY(view->selectSession(id));
    auto *reassign = view->findChild<QPushButton *>(QStringLiteral("supervisorReassign"));
    view->setReassignTarget(QStringLiteral("agt_ann"));
    QVERIFY(!reassign->isEnabled()); // already hers
    view->setReassignTarget(QStringLiteral("agt_bob"));
    QVERIFY(reassign->isEnabled());
    reassign->click();
    QTRY_COMPARE_WITH_TIMEOUT(
        view->held().index(view->held().rowOf(id), 0).data(HeldSessionsModel::AgentIdRole).toString(),
        QStringLiteral("agt_bob"), 5000);
    auto sue = m_server.client(api::Role::Supervisor);
    const QJsonArray items = sue->get(QStringLiteral("/api/cs/queue?companyId=") + m_server.companyId())
                                 .json()
                                 .value(QLatin1String("items"))
                                 .toArray();
    QString holder;
    for (const QJsonValue &v : items)
        if (v.toObject().value(QLatin1String("sessionId")).toString() == id)
            holder = v.toObject().value(QLatin1String("assignee")).toObject().value(QLatin1String("id")).toString();
    QCOMPARE(holder, QStringLiteral("agt_bob"));

    // Opened read-only: the transcript shows, nothing can be sent or changed.
    QVERIFY(view->selectSession(id));
    view->findChild<QPushButton *>(QStringLiteral("supervisorOpen"))->click();
    QCOMPARE(w.findChild<QListWidget *>(QStringLiteral("navigation"))->currentRow(), 1);
    ConversationView *c = w.conversation();
    QCOMPARE(c->sessionId(), id);
    QVERIFY(c->isReadOnly());
    QTRY_VERIFY_WITH_TIMEOUT(c->transcript().rowCount() >= 1, 5000);
    QVERIFY(!c->replyBox()->isEnabled());
    // Opened from the queue again, it is workable.
    w.openConversation(id);
    QVERIFY(!c->isReadOnly());
    QVERIFY(c->replyBox()->isEnabled());

    // Resolved: it leaves the held list and counts as answered in time today.
    QCOMPARE(sue->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(id),
                    {{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")},
                        {QStringLiteral("summary"), QStringLiteral("Done")}})
                 .status,
        200);
    QTRY_VERIFY_WITH_TIMEOUT(view->held().rowOf(id) < 0, 5000);
    QVERIFY(view->queues().index(orders, QueueStatsModel::SlaToday).data(QueueStatsModel::ValueRole).toDouble() > 0);
    // The figure says what it counts: settled conversations, never a bare 0 % for "nothing yet".
    QTRY_VERIFY_WITH_TIMEOUT(view->summary().contains(QLatin1String("SLA today: 100 % (1 of 1)")), 5000);
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("supervisorSummary"))
                ->toolTip()
                .contains(QLatin1String("answered in time but still open")));
    w.stopSession();
}

void TestSupervisorView::hiddenFromAgents()
{
    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    client.setToken(m_server.token(api::Role::Supervisor));
    MainWindow w(client);
    auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
    const QList<QListWidgetItem *> found = nav->findItems(QStringLiteral("Live desk"), Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    const int page = nav->row(found.first());
    QVERIFY(!nav->item(page)->isHidden());
    // The agent a login answers with decides what the navigation offers.
    QSignalSpy changed(&client, &ApiClient::agentChanged);
    client.setToken(m_server.token(api::Role::Agent, {}, 3600, QStringLiteral("agt_ann")));
    client.me();
    QVERIFY(changed.wait(5000));
    QVERIFY(nav->item(page)->isHidden());
}

QTEST_MAIN(TestSupervisorView)
#include "tst_supervisorview.moc"
