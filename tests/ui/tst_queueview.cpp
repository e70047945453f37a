// The queue view against a scripted API (StubApi): who of the team has room, the snoozed
// list with "until …", whether the desk is open and what the SLA column counts, saved
// filters per agent and company, and a supervisor's bulk actions with their report.
#include "tests/ui/DeskJson.h"
#include "tests/ui/StubApi.h"
#include "ui/client/ApiClient.h"
#include "ui/models/QueueFilterModel.h"
#include "ui/models/QueueModel.h"
#include "ui/models/TeamRoster.h"
#include "ui/views/DeskHoursLabel.h"
#include "ui/views/QueueBulkBar.h"
#include "ui/views/QueueView.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {

QJsonObject agentEntry(const char *id, const char *name, const char *presence, int open, int capacity)
{
    return {{QStringLiteral("id"), QString::fromLatin1(id)}, {QStringLiteral("name"), QString::fromLatin1(name)},
        {QStringLiteral("role"), QStringLiteral("agent")}, {QStringLiteral("presence"), QString::fromLatin1(presence)},
        {QStringLiteral("active"), true}, {QStringLiteral("activeSessions"), open},
        {QStringLiteral("capacity"), capacity}};
}

StubApi::Answer me(const char *role)
{
    return {200,
        {{QStringLiteral("agent"),
            QJsonObject{{QStringLiteral("id"), QStringLiteral("agt_me")},
                {QStringLiteral("name"), QStringLiteral("Mia Meyer")},
                {QStringLiteral("role"), QString::fromLatin1(role)},
                {QStringLiteral("companyId"), QStringLiteral("acme")}}}}};
}

QJsonObject errorBody(const char *code, const char *message)
{
    return {{QStringLiteral("error"),
        QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)},
            {QStringLiteral("message"), QString::fromLatin1(message)}}}};
}

// A console signed in against the stub as `role`, its queue holding three items.
struct Desk {
    StubApi api;
    ApiClient client;
    QueueModel model;
    QTemporaryDir dir;
    std::unique_ptr<QueueView> view;

    // The stub answers each route's scripted answers in turn, repeating the last one.
    explicit Desk(const char *role, const QJsonArray &agents = {}, const QJsonObject &desk = {})
    {
        api.script("GET /api/cs/auth/me", {me(role)});
        api.script("GET /api/cs/agents", {{200, {{QStringLiteral("agents"), agents}}}});
        api.script("GET /api/cs/config", {{200, {{QStringLiteral("desk"), desk}}}});
        client.setBaseUrl(QUrl(api.url()));
        view = std::make_unique<QueueView>(model, client);
        view->setFiltersFile(dir.filePath(QStringLiteral("console.ini")));
        QueueItemSpec a = spec(QStringLiteral("sess_a")), b = spec(QStringLiteral("sess_b")),
                      c = spec(QStringLiteral("sess_c"));
        b.customerName = QStringLiteral("Ada Lovelace");
        b.queue = QStringLiteral("complaints");
        c.customerName = QStringLiteral("Cy Young");
        c.priority = QStringLiteral("urgent");
        model.setItems({queueItem(a), queueItem(b), queueItem(c)});
    }

    bool signIn()
    {
        QSignalSpy changed(&client, &ApiClient::agentChanged);
        client.me();
        if (!changed.wait(5000))
            return false;
        view->setAgentId(client.agentId());
        return true;
    }
};

} // namespace

class TestQueueView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void showsWhoHasRoomLive();
    void snoozedListSaysUntilWhen();
    void businessHoursOnTheQueue();
    void savedFiltersPerAgentAndCompany();
    void bulkActionsReportEachOutcome();
    void agentsHaveNoBulkActions();
    void resolveAsksFirst();
};

void TestQueueView::showsWhoHasRoomLive()
{
    Desk desk("agent",
        {agentEntry("agt_ann", "Ann Archer", "available", 1, 3), agentEntry("agt_bob", "Bob Brook", "available", 3, 3),
            agentEntry("agt_cal", "Cal Cole", "away", 0, 3)});
    // The second time the team is read, Cal is back and Bob is gone.
    desk.api.script("GET /api/cs/agents",
        {{200,
            {{QStringLiteral("agents"),
                QJsonArray{agentEntry("agt_ann", "Ann Archer", "available", 1, 3),
                    agentEntry("agt_cal", "Cal Cole", "available", 0, 5)}}}}});
    QSignalSpy changed(&desk.view->roster(), &TeamRoster::changed);
    QVERIFY(desk.signIn());
    QVERIFY(changed.wait(5000));
    // Only available people, each with open conversations against capacity.
    QCOMPARE(desk.view->teamRoomText(), QStringLiteral("Available: Ann Archer 1 of 3 · Bob Brook 3 of 3 (full)"));

    // Cal comes back: a presence event reads the team again.
    const int before = int(desk.api.to("GET /api/cs/agents").size());
    emit desk.client.events().eventsArrived({QJsonObject{{QStringLiteral("type"), QStringLiteral("agent.presence")},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("agentId"), QStringLiteral("agt_cal")}}}}});
    QVERIFY(changed.wait(5000));
    QCOMPARE(desk.api.to("GET /api/cs/agents").size(), before + 1);
    QCOMPARE(desk.view->teamRoomText(), QStringLiteral("Available: Ann Archer 1 of 3 · Cal Cole 0 of 5"));
    // A customer's message changes nobody's load: no request.
    emit desk.client.events().eventsArrived({QJsonObject{{QStringLiteral("type"), QStringLiteral("message")}}});
    QVERIFY(!changed.wait(TeamRoster::kCoalesceMs * 3));
}

void TestQueueView::snoozedListSaysUntilWhen()
{
    Desk desk("agent");
    QVERIFY(desk.signIn());
    QJsonObject snoozed = queueItem(spec(QStringLiteral("sess_z")));
    const QDateTime until = QDateTime::currentDateTime().addDays(1);
    snoozed.insert(QStringLiteral("snoozedUntil"), until.toUTC().toString(Qt::ISODateWithMs));
    desk.api.script("GET /api/cs/queue", {{200, {{QStringLiteral("items"), QJsonArray{snoozed}}}}});
    QAbstractItemModelTester tester(
        desk.view->table()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTableView *table = desk.view->table();
    QVERIFY(table->isColumnHidden(QueueModel::SnoozedUntil));

    desk.view->findChild<QCheckBox *>(QStringLiteral("snoozedFilter"))->setChecked(true);
    QVERIFY(desk.view->showsSnoozed());
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 5000);
    QVERIFY(desk.api.to("GET /api/cs/queue").constLast().target.contains("snoozed=true"));
    QVERIFY(!table->isColumnHidden(QueueModel::SnoozedUntil));
    QCOMPARE(table->model()->index(0, QueueModel::SnoozedUntil).data().toString(),
        QStringLiteral("until tomorrow %1").arg(QLocale().toString(until.time(), QLocale::ShortFormat)));

    // Snoozing another one (queue.removed) reads the snoozed list again.
    const int before = int(desk.api.to("GET /api/cs/queue").size());
    emit desk.client.events().eventsArrived({QJsonObject{{QStringLiteral("type"), QStringLiteral("queue.removed")},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("sessionId"), QStringLiteral("sess_a")}}}}});
    QTRY_COMPARE_WITH_TIMEOUT(int(desk.api.to("GET /api/cs/queue").size()), before + 1, 5000);

    // Back to the waiting ones.
    desk.view->setShowSnoozed(false);
    QVERIFY(!desk.view->findChild<QCheckBox *>(QStringLiteral("snoozedFilter"))->isChecked());
    QCOMPARE(table->model()->rowCount(), 3);
    QVERIFY(table->isColumnHidden(QueueModel::SnoozedUntil));
}

void TestQueueView::businessHoursOnTheQueue()
{
    const QJsonObject weekdays{{QStringLiteral("timeZone"), QStringLiteral("Europe/Berlin")},
        {QStringLiteral("weekly"),
            QJsonObject{{QStringLiteral("wed"),
                QJsonArray{QJsonValue(QJsonArray{QStringLiteral("09:00"), QStringLiteral("17:00")})}}}}};
    Desk desk("agent", {}, {{QStringLiteral("businessHours"), weekdays}});
    // Read again later: the hours were taken away meanwhile.
    desk.api.script("GET /api/cs/config", {{200, {{QStringLiteral("desk"), QJsonObject{}}}}});
    DeskHoursLabel &label = desk.view->hoursLabel();
    // Wednesday 25 November 2026, 10:00 in Berlin.
    label.setClock(
        [] { return QDateTime(QDate(2026, 11, 25), QTime(10, 0), QTimeZone("Europe/Berlin")).toMSecsSinceEpoch(); });
    QSignalSpy hours(&label, &DeskHoursLabel::hoursChanged);
    QVERIFY(desk.signIn());
    QVERIFY(hours.wait(5000));
    QVERIFY(!label.isHidden());
    QVERIFY2(label.text().startsWith(QStringLiteral("● Open until 17:00")), qPrintable(label.text()));
    QVERIFY(desk.model.headerData(QueueModel::Sla, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("count only the desk's open hours (Europe/Berlin)")));
    label.setClock(
        [] { return QDateTime(QDate(2026, 11, 25), QTime(18, 0), QTimeZone("Europe/Berlin")).toMSecsSinceEpoch(); });
    QVERIFY2(label.text().startsWith(
                 QStringLiteral("○ Closed — opens %1")
                     .arg(QLocale().toString(QDateTime(QDate(2026, 12, 2), QTime(9, 0)), QLocale::ShortFormat))),
        qPrintable(label.text()));

    // Hours taken away: always open, nothing shown, the tooltip says every minute counts.
    label.reload();
    QVERIFY(hours.wait(5000));
    QVERIFY(label.isHidden());
    QVERIFY(!desk.model.headerData(QueueModel::Sla, Qt::Horizontal, Qt::ToolTipRole)
                 .toString()
                 .contains(QLatin1String("open hours")));
}

void TestQueueView::savedFiltersPerAgentAndCompany()
{
    Desk desk("agent");
    QVERIFY(desk.signIn());
    QueueView &view = *desk.view;
    QCOMPARE(view.savedFilterNames(), QStringList());
    view.findChild<QComboBox *>(QStringLiteral("queueFilter"))
        ->setCurrentIndex(
            view.findChild<QComboBox *>(QStringLiteral("queueFilter"))->findData(QStringLiteral("complaints")));
    view.findChild<QCheckBox *>(QStringLiteral("unassignedFilter"))->setChecked(true);
    view.findChild<QLineEdit *>(QStringLiteral("queueSearch"))->setText(QStringLiteral("ada"));
    view.saveFilterAs(QStringLiteral("My complaints"));
    view.applyFilterState({});
    view.saveFilterAs(QStringLiteral("all"));
    QCOMPARE(view.savedFilterNames(), (QStringList{QStringLiteral("all"), QStringLiteral("My complaints")}));
    QCOMPARE(view.table()->model()->rowCount(), 3);

    QVERIFY(view.applySavedFilter(QStringLiteral("My complaints")));
    const QueueFilterState f = view.filterState();
    QCOMPARE(f.queue, QStringLiteral("complaints"));
    QVERIFY(f.unassigned);
    QCOMPARE(f.search, QStringLiteral("ada"));
    QCOMPARE(view.filter().queue(), QStringLiteral("complaints"));
    QCOMPARE(view.table()->model()->rowCount(), 1);
    QVERIFY(!view.applySavedFilter(QStringLiteral("nope")));

    // Another agent, or the same agent in another company, has filters of their own.
    view.setAgentId(QStringLiteral("agt_other"));
    QCOMPARE(view.savedFilterNames(), QStringList());
    view.setAgentId(QStringLiteral("agt_me"));
    view.deleteSavedFilter(QStringLiteral("all"));
    QCOMPARE(view.savedFilterNames(), QStringList{QStringLiteral("My complaints")});
    QCOMPARE(SavedQueueFilters(
                 QStringLiteral("globex"), QStringLiteral("agt_me"), desk.dir.filePath(QStringLiteral("console.ini")))
                 .list()
                 .size(),
        0);
}

void TestQueueView::bulkActionsReportEachOutcome()
{
    Desk desk("supervisor", {agentEntry("agt_bob", "Bob Brook", "available", 0, 3)});
    QVERIFY(desk.signIn());
    QueueView &view = *desk.view;
    QueueBulkBar &bulk = view.bulkBar();
    QVERIFY(!bulk.isHidden());
    QCOMPARE(view.table()->selectionMode(), QAbstractItemView::ExtendedSelection);
    QVERIFY(view.selectSessions({QStringLiteral("sess_a"), QStringLiteral("sess_b"), QStringLiteral("sess_c")}));
    QCOMPARE(view.selectedSessions().size(), 3);
    QVERIFY(bulk.findChild<QPushButton *>(QStringLiteral("bulkResolve"))->isEnabled());

    desk.api.script("POST /api/cs/sessions/sess_a/resolve", {{200, {}}});
    desk.api.script("POST /api/cs/sessions/sess_b/resolve", {{409, errorBody("CS_026", "The session is not open")}});
    desk.api.script("POST /api/cs/sessions/sess_c/resolve", {{200, {}}});
    QSignalSpy finished(&bulk, &QueueBulkBar::finished);
    QSignalSpy status(&view, &QueueView::status);
    bulk.resolve();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().toString(),
        QStringLiteral("2 of 3 resolved; 1 failed: Ada Lovelace: The session is not open"));
    QCOMPARE(status.constLast().first().toString(), bulk.lastReport());
    for (const char *id : {"sess_a", "sess_b", "sess_c"}) {
        const QList<ReceivedRequest> calls = desk.api.to("POST /api/cs/sessions/" + QByteArray(id) + "/resolve");
        QCOMPARE(calls.size(), 1);
    }

    // Assign and transfer go through the single-session calls with their bodies.
    desk.api.script("POST /api/cs/sessions/sess_a/assign", {{200, {}}});
    desk.api.script("POST /api/cs/sessions/sess_c/assign", {{200, {}}});
    QVERIFY(view.selectSessions({QStringLiteral("sess_a"), QStringLiteral("sess_c")}));
    bulk.assignTo(QStringLiteral("agt_bob"), QStringLiteral("Bob Brook"));
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.constLast().first().toString(), QStringLiteral("2 of 2 assigned to Bob Brook"));
    QVERIFY(desk.api.to("POST /api/cs/sessions/sess_c/assign").first().body.contains("agt_bob"));

    desk.api.script("POST /api/cs/sessions/sess_a/transfer", {{200, {}}});
    desk.api.script("POST /api/cs/sessions/sess_c/transfer", {{404, errorBody("CS_002", "Unknown session")}});
    bulk.transferTo(QStringLiteral("complaints"));
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.constLast().first().toString(),
        QStringLiteral("1 of 2 moved to Complaints; 1 failed: Cy Young: Unknown session"));
    const QByteArray body = desk.api.to("POST /api/cs/sessions/sess_a/transfer").first().body;
    QVERIFY(body.contains("\"queue\":\"complaints\"") && body.contains("HUMAN_AGENT"));
}

void TestQueueView::agentsHaveNoBulkActions()
{
    Desk desk("agent");
    QVERIFY(desk.signIn());
    QVERIFY(desk.view->bulkBar().isHidden());
    QCOMPARE(desk.view->table()->selectionMode(), QAbstractItemView::SingleSelection);
}

// Answers the next message box with `button` once it is shown (it runs its own event loop).
static void answerNextBox(QMessageBox::StandardButton button, QString *text)
{
    auto *poll = new QTimer(qApp);
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, qApp, [poll, button, text] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            *text = box->text();
            poll->deleteLater();
            box->button(button)->click();
        }
    });
    poll->start();
}

void TestQueueView::resolveAsksFirst()
{
    Desk desk("supervisor");
    QVERIFY(desk.signIn());
    desk.view->show();
    QVERIFY(desk.view->selectSessions({QStringLiteral("sess_a"), QStringLiteral("sess_c")}));
    desk.api.script("POST /api/cs/sessions/sess_a/resolve", {{200, {}}});
    desk.api.script("POST /api/cs/sessions/sess_c/resolve", {{200, {}}});
    auto *resolve = desk.view->bulkBar().findChild<QPushButton *>(QStringLiteral("bulkResolve"));

    QString asked;
    answerNextBox(QMessageBox::Cancel, &asked);
    resolve->click();
    QCOMPARE(asked,
        QStringLiteral("Resolve 2 conversation(s)? Each customer gets the closing message, and the "
                       "conversations leave the queue."));
    QVERIFY(desk.api.to("POST /api/cs/sessions/sess_a/resolve").isEmpty());

    QSignalSpy finished(&desk.view->bulkBar(), &QueueBulkBar::finished);
    answerNextBox(QMessageBox::Yes, &asked);
    resolve->click();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().toString(), QStringLiteral("2 of 2 resolved"));
}

QTEST_MAIN(TestQueueView)
#include "tst_queueview.moc"
