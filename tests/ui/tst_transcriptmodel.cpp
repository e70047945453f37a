// TranscriptModel with a GET session body and `message` events as the API sends them.
#include "tests/ui/DeskJson.h"
#include "ui/models/TranscriptModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace tierdesk::ui;
using namespace tierdesk::test;

namespace {

QJsonObject aiMetadata()
{
    return {{QStringLiteral("aiGenerated"), true}, {QStringLiteral("model"), QStringLiteral("local")},
        {QStringLiteral("intent"), QStringLiteral("order_status")}, {QStringLiteral("confidence"), 0.873},
        {QStringLiteral("actionsTaken"), QJsonArray{QStringLiteral("order_lookup")}}};
}

QJsonObject sessionBody()
{
    return {{QStringLiteral("id"), QStringLiteral("sess_1")},
        {QStringLiteral("currentTier"), QStringLiteral("HUMAN_AGENT")},
        {QStringLiteral("messages"),
            QJsonArray{
                message(QStringLiteral("msg_1"), QStringLiteral("customer"), QStringLiteral("Where is my parcel?")),
                message(
                    QStringLiteral("msg_2"), QStringLiteral("ai_rep"), QStringLiteral("It ships today."), aiMetadata()),
                message(QStringLiteral("msg_3"), QStringLiteral("internal_note"), QStringLiteral("Carrier is late"),
                    {{QStringLiteral("agentId"), QStringLiteral("agt_1")},
                        {QStringLiteral("agentName"), QStringLiteral("Sam")}}),
                message(QStringLiteral("msg_3"), QStringLiteral("internal_note"), QStringLiteral("duplicate id"))}},
        {QStringLiteral("context"), QJsonObject{}}};
}

} // namespace

class TestTranscriptModel : public QObject {
    Q_OBJECT

private slots:
    void passesTheModelTester();
    void rolesDescribeEachMessage();
    void messageEventsAppendOnlyThisSessionsNewMessages();
};

void TestTranscriptModel::passesTheModelTester()
{
    TranscriptModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(sessionBody());
    model.applyEvents({wsEvent(QStringLiteral("message"), QStringLiteral("sess_1"),
        {{QStringLiteral("customerMessage"),
            message(QStringLiteral("msg_4"), QStringLiteral("customer"), QStringLiteral("Hello?"))}})});
    model.appendMessage(message(QStringLiteral("msg_5"), QStringLiteral("human_agent"), QStringLiteral("Looking now")));
    model.setSession({});
    QCOMPARE(model.rowCount(), 0);
}

void TestTranscriptModel::rolesDescribeEachMessage()
{
    TranscriptModel model;
    model.setSession(sessionBody());
    QCOMPARE(model.rowCount(), 3); // the duplicate id is dropped
    QCOMPARE(model.sessionId(), QStringLiteral("sess_1"));
    const QModelIndex customer = model.index(0);
    QVERIFY(customer.data(TranscriptModel::IsCustomerRole).toBool());
    QCOMPARE(customer.data(TranscriptModel::SentimentRole).toString(), QStringLiteral("ANGRY"));
    QCOMPARE(customer.data(TranscriptModel::AuthorRole).toString(), QStringLiteral("Customer"));
    QVERIFY(customer.data(TranscriptModel::TimestampRole).toLongLong() > 0);
    const QModelIndex ai = model.index(1);
    QVERIFY(ai.data(TranscriptModel::IsAiRole).toBool());
    QCOMPARE(ai.data(TranscriptModel::AuthorRole).toString(), QStringLiteral("AI Rep"));
    QCOMPARE(ai.data(TranscriptModel::AiSummaryRole).toString(),
        QStringLiteral("order_status · 87% · actions: order_lookup"));
    const QModelIndex note = model.index(2);
    QVERIFY(note.data(TranscriptModel::IsNoteRole).toBool());
    QCOMPARE(note.data(TranscriptModel::AuthorRole).toString(), QStringLiteral("Note · Sam"));
    QVERIFY(note.data(TranscriptModel::AiSummaryRole).toString().isEmpty());
    QCOMPARE(model.lastMessageId(), QStringLiteral("msg_3"));
    QVERIFY(model.roleNames().contains(TranscriptModel::IsNoteRole));
}

void TestTranscriptModel::messageEventsAppendOnlyThisSessionsNewMessages()
{
    TranscriptModel model;
    model.setSession(sessionBody());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const QJsonObject customer = message(QStringLiteral("msg_4"), QStringLiteral("customer"), QStringLiteral("Hello?"));
    const QJsonObject ai = message(
        QStringLiteral("msg_5"), QStringLiteral("ai_manager"), QStringLiteral("A person will answer"), aiMetadata());
    const QList<QJsonObject> fresh
        = model.applyEvents({wsEvent(QStringLiteral("message"), QStringLiteral("sess_1"),
                                 {{QStringLiteral("customerMessage"), customer}, {QStringLiteral("aiResponse"), ai}}),
            wsEvent(QStringLiteral("message"), QStringLiteral("sess_other"),
                {{QStringLiteral("customerMessage"),
                    message(QStringLiteral("msg_x"), QStringLiteral("customer"), QStringLiteral("not here"))}}),
            wsEvent(QStringLiteral("queue.updated"), QStringLiteral("sess_1"), {}),
            // An agent's reply as the desk publishes it, and the same customer message again.
            wsEvent(QStringLiteral("message"), QStringLiteral("sess_1"),
                {{QStringLiteral("message"),
                     message(QStringLiteral("msg_6"), QStringLiteral("human_agent"), QStringLiteral("Hi, Sam here"))},
                    {QStringLiteral("customerMessage"), customer}})});
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(fresh.size(), 1);
    QCOMPARE(fresh.first().value(QLatin1String("id")).toString(), QStringLiteral("msg_4"));
    QCOMPARE(model.index(5).data(TranscriptModel::AuthorRole).toString(), QStringLiteral("Agent"));
    QCOMPARE(model.lastMessageId(), QStringLiteral("msg_6"));
    // The reply the agent just sent comes back in the event too: no second copy.
    QVERIFY(!model.appendMessage(
        message(QStringLiteral("msg_6"), QStringLiteral("human_agent"), QStringLiteral("Hi, Sam here"))));
}

QTEST_MAIN(TestTranscriptModel)
#include "tst_transcriptmodel.moc"
