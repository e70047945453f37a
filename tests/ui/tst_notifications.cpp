// What asks for a person's attention: a colleague's @mention of them (kept by the server until
// read) and, for supervisors, a customer's low rating. The model (newest first, each once,
// QAbstractItemModelTester) and the status bar's button against a stand-in API: the unread
// mentions at sign-in, live ones, and choosing one opens its conversation and marks it read.
#include "tests/ui/StubApi.h"
#include "ui/client/ApiClient.h"
#include "ui/models/NotificationsModel.h"
#include "ui/views/NotificationsButton.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QJsonArray>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>

using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {

QJsonObject mention(const QString &id, const QString &sessionId, const QString &createdAt)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("sessionId"), sessionId},
        {QStringLiteral("messageId"), QStringLiteral("msg_9")},
        {QStringLiteral("from"),
            QJsonObject{{QStringLiteral("agentId"), QStringLiteral("agt_bob")},
                {QStringLiteral("name"), QStringLiteral("Bob Baker")}}},
        {QStringLiteral("excerpt"), QStringLiteral("@Ann Archer can you take the refund?")},
        {QStringLiteral("createdAt"), createdAt}, {QStringLiteral("readAt"), QJsonValue::Null}};
}

QJsonObject mentionEvent(const QJsonObject &m)
{
    return {{QStringLiteral("type"), QStringLiteral("mention")}, {QStringLiteral("mention"), m}};
}

QJsonObject lowRating(const QString &sessionId, int stars, const QString &comment)
{
    const QJsonObject rating{{QStringLiteral("sessionId"), sessionId}, {QStringLiteral("rating"), stars},
        {QStringLiteral("comment"), comment.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(comment)},
        {QStringLiteral("ratedAt"), QStringLiteral("2026-03-04T10:05:00.000Z")},
        {QStringLiteral("agent"),
            QJsonObject{{QStringLiteral("id"), QStringLiteral("agt_ann")},
                {QStringLiteral("name"), QStringLiteral("Ann Archer")}}}};
    const QJsonObject session{{QStringLiteral("id"), sessionId},
        {QStringLiteral("context"),
            QJsonObject{{QStringLiteral("customer"),
                QJsonObject{{QStringLiteral("id"), QStringLiteral("visitor_4f2a9c1b0d")},
                    {QStringLiteral("name"), QStringLiteral("visitor_4f2a9c1b0d")}}}}}};
    return {{QStringLiteral("type"), QStringLiteral("satisfaction.low")}, {QStringLiteral("sessionId"), sessionId},
        {QStringLiteral("data"),
            QJsonObject{{QStringLiteral("rating"), rating}, {QStringLiteral("session"), session}}}};
}

} // namespace

class TestNotifications : public QObject {
    Q_OBJECT

private slots:
    void mentionsAndLowRatingsNewestFirstEachOnce();
    void buttonListsUnreadAndOpensTheChosenOne();
};

void TestNotifications::mentionsAndLowRatingsNewestFirstEachOnce()
{
    NotificationsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMentions(
        {mention(QStringLiteral("men_1"), QStringLiteral("sess_1"), QStringLiteral("2026-03-04T09:00:00.000Z"))});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data().toString(),
        QStringLiteral("Bob Baker mentioned you: “@Ann Archer can you take the refund?”"));

    const QStringList news = model.applyEvents({lowRating(QStringLiteral("sess_2"), 1, QStringLiteral("Too slow")),
        mentionEvent(
            mention(QStringLiteral("men_1"), QStringLiteral("sess_1"), QStringLiteral("2026-03-04T09:00:00.000Z"))),
        QJsonObject{{QStringLiteral("type"), QStringLiteral("queue.updated")}}});
    QCOMPARE(news.size(), 1); // the mention was listed already; a queue event is no notification
    QCOMPARE(news.first(),
        QStringLiteral("Web visitor 4f2a9c rated the conversation 1 of 5: “Too slow” (answered by Ann Archer)"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data(NotificationsModel::SessionIdRole).toString(), QStringLiteral("sess_2")); // newer
    QCOMPARE(model.index(0).data(NotificationsModel::KindRole).toInt(), int(NotificationsModel::LowRating));
    QCOMPARE(model.applyEvents({lowRating(QStringLiteral("sess_2"), 1, QStringLiteral("Too slow"))}).size(), 0);

    // Signing in again reads the mentions anew; the ratings seen live stay.
    model.setMentions({});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(NotificationsModel::SessionIdRole).toString(), QStringLiteral("sess_2"));
    model.remove(0);
    QCOMPARE(model.rowCount(), 0);
}

void TestNotifications::buttonListsUnreadAndOpensTheChosenOne()
{
    StubApi api;
    api.script("GET /api/cs/mentions",
        {{200,
            {{QStringLiteral("mentions"),
                QJsonArray{mention(QStringLiteral("men_2"), QStringLiteral("sess_2"),
                               QStringLiteral("2026-03-04T09:30:00.000Z")),
                    mention(QStringLiteral("men_1"), QStringLiteral("sess_1"),
                        QStringLiteral("2026-03-04T09:00:00.000Z"))}}}}});
    api.script(
        "POST /api/cs/mentions/men_2/read", {{200, mention(QStringLiteral("men_2"), QStringLiteral("sess_2"), {})}});
    ApiClient client;
    client.setBaseUrl(QUrl(api.url()));
    client.setToken("t");
    NotificationsButton button(client);
    QCOMPARE(button.text(), QStringLiteral("Notifications"));
    button.reload();
    QTRY_COMPARE_WITH_TIMEOUT(button.text(), QStringLiteral("Notifications (2)"), 5000);
    QCOMPARE(api.to("GET /api/cs/mentions").first().target.contains("unread=true"), true);

    // A live one: said at once (status bar, tray), listed first.
    QSignalSpy arrived(&button, &NotificationsButton::arrived);
    emit client.events().eventsArrived({lowRating(QStringLiteral("sess_3"), 2, {})});
    QCOMPARE(arrived.size(), 1);
    QCOMPARE(arrived.first().at(0).toString(), QStringLiteral("Low rating"));
    QTRY_COMPARE_WITH_TIMEOUT(button.text(), QStringLiteral("Notifications (3)"), 5000);
    QCOMPARE(button.menu()->actions().first()->text(),
        QStringLiteral("Web visitor 4f2a9c rated the conversation 2 of 5 (answered by Ann Archer)"));

    // Choosing the mention from the menu opens its conversation and marks it read.
    QSignalSpy open(&button, &NotificationsButton::openSession);
    button.menu()->actions().at(1)->trigger();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().first().toString(), QStringLiteral("sess_2"));
    QTRY_COMPARE_WITH_TIMEOUT(api.to("POST /api/cs/mentions/men_2/read").size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(button.text(), QStringLiteral("Notifications (2)"), 5000);
    button.clear();
    QTRY_COMPARE_WITH_TIMEOUT(button.text(), QStringLiteral("Notifications"), 5000);
}

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
