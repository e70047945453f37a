// The queue in the console's window against a real embedded server: who has room follows a
// claim live, a snoozed conversation is listed with until when, a supervisor resolves several
// rows at once and the server has them resolved, the desk's business hours are read from the
// company's configuration, and the live desk's team shows the capacity an admin set.
#include "tests/api/ApiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/client/ApiClient.h"
#include "ui/models/QueueModel.h"
#include "ui/models/TeamModel.h"
#include "ui/models/TeamRoster.h"
#include "ui/views/DeskHoursLabel.h"
#include "ui/views/QueueBulkBar.h"
#include "ui/views/QueueView.h"
#include "ui/views/SupervisorView.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

class TestDeskQueue : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void supervisorWorksTheQueueLive();

private:
    QString escalatedSession(const QString &text);
    QString statusOf(const QString &sessionId);

    ServerFixture m_server;
};

void TestDeskQueue::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    QVERIFY(m_server.addAgent(
        QStringLiteral("agt_ann"), QStringLiteral("Ann Archer"), QStringLiteral("agent"), {QStringLiteral("orders")}));
    QVERIFY(
        m_server.addAgent(QStringLiteral("agt_sue"), QStringLiteral("Sue Stone"), QStringLiteral("supervisor"), {}));
}

QString TestDeskQueue::escalatedSession(const QString &text)
{
    return test::escalatedSession(*m_server.client(api::Role::Admin), m_server.companyId(), QStringLiteral("cust_ben"),
        text, QStringLiteral("REFUND_REQUEST"));
}

QString TestDeskQueue::statusOf(const QString &sessionId)
{
    return m_server.client(api::Role::Admin)
        ->get(QStringLiteral("/api/cs/sessions/%1").arg(sessionId))
        .json()
        .value(QLatin1String("status"))
        .toString();
}

void TestDeskQueue::supervisorWorksTheQueueLive()
{
    auto admin = m_server.client(api::Role::Admin);
    QCOMPARE(admin->send("PATCH", QStringLiteral("/api/cs/agents/agt_sue"), R"({"capacity": 4})").status, 200);
    // Wednesday to Friday 09:00-17:00 in Berlin.
    const QJsonObject hours = QJsonDocument::fromJson(R"({"timeZone": "Europe/Berlin", "weekly": {
        "wed": [["09:00","17:00"]], "thu": [["09:00","17:00"]], "fri": [["09:00","17:00"]]}})")
                                  .object();
    QCOMPARE(admin
                 ->put(QStringLiteral("/api/cs/config"),
                     {{QStringLiteral("companyId"), m_server.companyId()},
                         {QStringLiteral("desk"), QJsonObject{{QStringLiteral("businessHours"), hours}}}})
                 .status,
        200);

    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    client.setToken(m_server.token(api::Role::Supervisor, {}, 3600, QStringLiteral("agt_sue")));
    MainWindow w(client);
    QueueView *view = w.queueView();
    DeskHoursLabel &label = view->hoursLabel();
    label.setClock(
        [] { return QDateTime(QDate(2026, 11, 25), QTime(10, 0), QTimeZone("Europe/Berlin")).toMSecsSinceEpoch(); });
    w.show();
    QSignalSpy subscribed(&client.events(), &EventStream::subscribed);
    QSignalSpy hoursRead(&label, &DeskHoursLabel::hoursChanged);
    w.startSession();
    QVERIFY(subscribed.wait(5000));
    QSignalSpy agent(&client, &ApiClient::agentChanged);
    client.me();
    QVERIFY(agent.wait(5000));

    // The desk's hours, read from the configuration, in the company's wall clock.
    QTRY_VERIFY_WITH_TIMEOUT(!label.isHidden(), 5000);
    QVERIFY2(label.text().startsWith(QStringLiteral("● Open until 17:00")), qPrintable(label.text()));
    QVERIFY(w.queueModel()
                .headerData(QueueModel::Sla, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("Europe/Berlin")));

    // Sue is available (her console is connected) with the capacity the admin gave her; Ann is offline.
    QTRY_COMPARE_WITH_TIMEOUT(view->teamRoomText(), QStringLiteral("Available: Sue Stone 0 of 4"), 5000);

    const QString first = escalatedSession(QStringLiteral("Refund ORD-10001 please"));
    const QString second = escalatedSession(QStringLiteral("Refund ORD-10002 please"));
    const QString third = escalatedSession(QStringLiteral("Refund ORD-10003 please"));
    QVERIFY(!first.isEmpty() && !second.isEmpty() && !third.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(w.queueModel().rowOf(third) >= 0, 5000);

    // Sue takes one: the holder shows in the queue and her room shrinks, live.
    auto sue = std::make_unique<HttpClient>(m_server.port(), client.token());
    QCOMPARE(sue->post(QStringLiteral("/api/cs/sessions/%1/claim").arg(first), {}).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(w.queueModel().index(w.queueModel().rowOf(first), QueueModel::Assignee).data().toString(),
        QStringLiteral("Sue Stone"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(view->teamRoomText(), QStringLiteral("Available: Sue Stone 1 of 4"), 5000);

    // Snoozed for two hours: gone from the queue, listed with until when under Snoozed.
    const QDateTime until = QDateTime::currentDateTimeUtc().addSecs(2 * 3600);
    QCOMPARE(sue->post(QStringLiteral("/api/cs/sessions/%1/snooze").arg(second),
                    {{QStringLiteral("until"), until.toString(Qt::ISODateWithMs)}})
                 .status,
        200);
    QTRY_VERIFY_WITH_TIMEOUT(w.queueModel().rowOf(second) < 0, 5000);
    view->setShowSnoozed(true);
    QTRY_VERIFY_WITH_TIMEOUT(view->snoozedModel().rowOf(second) >= 0, 5000);
    const QString untilText
        = view->snoozedModel().index(view->snoozedModel().rowOf(second), QueueModel::SnoozedUntil).data().toString();
    QVERIFY2(untilText.startsWith(QLatin1String("until ")), qPrintable(untilText));
    QVERIFY(!view->table()->isColumnHidden(QueueModel::SnoozedUntil));
    view->setShowSnoozed(false);

    // The supervisor resolves the other two at once; the server has both resolved.
    QVERIFY(!view->bulkBar().isHidden());
    QVERIFY(view->selectSessions({first, third}));
    QSignalSpy finished(&view->bulkBar(), &QueueBulkBar::finished);
    view->bulkBar().resolve();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toString(), QStringLiteral("2 of 2 resolved"));
    QCOMPARE(statusOf(first), QStringLiteral("RESOLVED"));
    QCOMPARE(statusOf(third), QStringLiteral("RESOLVED"));
    QTRY_VERIFY_WITH_TIMEOUT(w.queueModel().rowOf(first) < 0 && w.queueModel().rowOf(third) < 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(view->teamRoomText(), QStringLiteral("Available: Sue Stone 0 of 4"), 5000);

    // The live desk's team: open against capacity, and the room left.
    QSignalSpy loaded(w.supervisor(), &SupervisorView::loaded);
    w.showSupervisor();
    QVERIFY(loaded.wait(5000));
    TeamModel &team = w.supervisor()->team();
    const int sueRow = team.rowOf(QStringLiteral("agt_sue"));
    QCOMPARE(team.index(sueRow, TeamModel::Sessions).data().toString(), QStringLiteral("0 of 4"));
    QCOMPARE(team.index(sueRow, TeamModel::Room).data().toString(), QStringLiteral("4"));
    QVERIFY(!w.supervisor()->hoursLabel().isHidden());
    w.stopSession();
}

QTEST_MAIN(TestDeskQueue)
#include "tst_deskqueue.moc"
