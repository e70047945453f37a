// Dialogue state: its words (answers, references, out-of-scope), its JSON, and
// that a confirmation asked for survives a restart of the program.
#include "EngineFixture.h"
#include "core/engine/dialogue/Answers.h"
#include "core/engine/dialogue/DialogueState.h"
#include "core/engine/dialogue/Questions.h"
#include "core/engine/dialogue/Requests.h"

#include <QJsonArray>

using namespace tierdesk;
using namespace tierdesk::dialogue;
using namespace tierdesk::test;

class TestDialogue : public QObject {
    Q_OBJECT

private slots:
    void answers_data();
    void answers();
    void references();
    void outOfScopeRequests();
    void clausesAndFollowUps();
    void requestsByMeaning();
    void stateRoundTrips();
    void confirmationSurvivesRestart();
    void otherMessageDropsConfirmation();
};

void TestDialogue::answers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("answer");
    const auto row = [](const char *text, Answer a) { QTest::newRow(text) << QString::fromUtf8(text) << int(a); };
    row("yes", Answer::Yes);
    row("Yes please!", Answer::Yes);
    row("yep go ahead", Answer::Yes);
    row("sure, do it", Answer::Yes);
    row("ok", Answer::Yes);
    row("no", Answer::No);
    row("nope", Answer::No);
    row("no actually never mind", Answer::No);
    row("don't do that", Answer::No);
    row("what is the tracking number?", Answer::Other);
    row("ok but can you tell me where my other order is?", Answer::Other);
    row("i want a refund for ORD-10005", Answer::Other);
    row("ok so when does it actually ship", Answer::Other);
    row("yes but also check ORD-10004", Answer::Other);
    row("yes?", Answer::Other);
    row("yes please go ahead thanks", Answer::Yes);
    // A yes that says the action again is a yes; one that limits or adds to it is not.
    row("yes please, go ahead with the refund", Answer::Yes);
    row("yes please go ahead and refund it", Answer::Yes);
    row("ok do it", Answer::Yes);
    row("sure i guess that's fine", Answer::Yes);
    row("yes but only $20", Answer::Other);
    row("yes and also refund ORD-10003", Answer::Other);
    row("yes, the socks too", Answer::Other);
    row("ok my daughter has the order number, i'll ask her", Answer::Other);
    row("no don't", Answer::No);
    row("no, not yet", Answer::No);
    row("not yet", Answer::No);
    row("hold on", Answer::No);
    row("ja bitte, machen Sie das", Answer::Yes);
    row("ja", Answer::Yes);
    row("nein, noch nicht", Answer::No);
    row("ja, aber nur 20 $", Answer::Other);
}

void TestDialogue::answers()
{
    QFETCH(QString, text);
    QFETCH(int, answer);
    QCOMPARE(int(answerTo(text)), answer);
}

void TestDialogue::references()
{
    const QStringList last{QStringLiteral("ORD-10008"), QStringLiteral("ORD-10009")};
    QCOMPARE(referencedOrder(QStringLiteral("whats the tracking for the second one"), last, last.first()), last.at(1));
    QCOMPARE(referencedOrder(QStringLiteral("and the first order?"), last, last.at(1)), last.first());
    QCOMPARE(referencedOrder(QStringLiteral("the last one please"), last, last.first()), last.at(1));
    QCOMPARE(referencedOrder(QStringLiteral("when will it arrive"), last, QStringLiteral("ORD-10009")),
        QStringLiteral("ORD-10009"));
    QCOMPARE(referencedOrder(QStringLiteral("hello there"), last, last.first()), QString());
    QVERIFY(asksAboutOrderFacts(QStringLiteral("ok so when does it actually ship")));
    QVERIFY(!asksAboutOrderFacts(QStringLiteral("thanks a lot")));
    QVERIFY(isCorrection(QStringLiteral("no, I asked about the refund")));
    QVERIFY(!isCorrection(QStringLiteral("no thanks")));
}

void TestDialogue::outOfScopeRequests()
{
    QVERIFY(!outOfScope(QStringLiteral("whats the weather in denver")).isEmpty());
    QVERIFY(!outOfScope(QStringLiteral("tell me a joke")).isEmpty());
    QVERIFY(!outOfScope(QStringLiteral("write me a poem about boots")).isEmpty());
    QVERIFY(!outOfScope(QStringLiteral("is it cheaper at REI")).isEmpty());
    QVERIFY(outOfScope(QStringLiteral("where is my order")).isEmpty());
    QVERIFY(outOfScope(QStringLiteral("is this jacket waterproof in heavy rain")).isEmpty());
}

void TestDialogue::clausesAndFollowUps()
{
    QCOMPARE(clausesOf(QStringLiteral("did ORD-10018 arrive? and can i swap the fleece")).size(), 2);
    QCOMPARE(clausesOf(QStringLiteral("whats the return window and how do i clean my boots")).size(), 2);
    QCOMPARE(clausesOf(QStringLiteral("if i return the socks will i get charged anything?")).size(),
        1); // one conditional question
    QCOMPARE(clausesOf(QStringLiteral("whats the difference between plus and premium")).size(), 1);
    QVERIFY(isFollowUp(QStringLiteral("and for a merino base layer?")));
    QVERIFY(isFollowUp(QStringLiteral("does it have to have tags on")));
    QVERIFY(isFollowUp(QStringLiteral("dryer ok?")));
    QVERIFY(!isFollowUp(QStringLiteral("how do i reset my password on the app")));
    QCOMPARE(beyondOrderFacts(
                 QStringLiteral("hey wheres my gloves?? ordered them like 5 days ago"), {QStringLiteral("gloves")}),
        QString());
    QCOMPARE(beyondOrderFacts(QStringLiteral("i put the wrong address on ORD-10014 can it be fixed"), {}),
        QStringLiteral("put wrong address fixed"));
    QVERIFY(asksContents(QStringLiteral("whats in it again")));
    QVERIFY(asksContents(QStringLiteral("what's on ORD-10009")));
    QVERIFY(pointsVaguely(QStringLiteral("no not that. the other thing")));
    QVERIFY(!pointsVaguely(QStringLiteral("no thanks")));
    QVERIFY(asksForEarlierOrder(QStringLiteral("and the one before that, did it arrive?")));
    // What "it" costs after the membership was talked about is the membership's price.
    QVERIFY(subjectReferredTo(
        QStringLiteral("oh i thought i had one. whats it cost"), QStringLiteral("cancel my subscription"))
                .contains(QLatin1String("membership")));
    QVERIFY(
        subjectReferredTo(QStringLiteral("so when does it start again"), QStringLiteral("pause my basic plan please"))
            .isEmpty());
    QVERIFY(subjectReferredTo(QStringLiteral("whats it cost"), QStringLiteral("how do i return my boots")).isEmpty());
}

void TestDialogue::requestsByMeaning()
{
    QVERIFY(asksForRefund(QStringLiteral("I am going to sue you if ORD-10015 isnt refunded")));
    QVERIFY(!asksForRefund(QStringLiteral("me again about the refund for ORD-10020, still not on my card")));
    QVERIFY(asksRefundStatus(QStringLiteral("me again about the refund for ORD-10020, still not on my card")));
    QCOMPARE(subscriptionChangeAsked(QStringLiteral("pause my basic plan please")), QStringLiteral("paused"));
    QCOMPARE(subscriptionChangeAsked(QStringLiteral("if i pause my plan will i get charged anything?")), QString());
    QVERIFY(aboutSomeoneElsesAccount(QStringLiteral("cancel alice morenos trail club membership, im her husband")));
    QVERIFY(!aboutSomeoneElsesAccount(QStringLiteral("cancel my trail club membership")));
    QVERIFY(asksForCredit(QStringLiteral("can i just get like a $5 credit")));
    QVERIFY(!asksForCredit(QStringLiteral("how does store credit work")));
    QVERIFY(correctsDetail(QStringLiteral("sorry i meant $8 not 5")));
    QVERIFY(asksForException(QStringLiteral("please make an exception")));
}

void TestDialogue::stateRoundTrips()
{
    DialogueState s;
    s.intent = QStringLiteral("refund_request");
    s.mention({QStringLiteral("ORD-10005"), QStringLiteral("ORD-10004")});
    s.amount = 36;
    s.awaitingSlot = QStringLiteral("order_id");
    PendingAction p;
    p.action = QStringLiteral("process_refund");
    p.orderId = QStringLiteral("ORD-10005");
    p.item = QStringLiteral("Hiker Wool Socks (2-pack)");
    p.amount = 36;
    p.summary = QStringLiteral("I'll refund $36.00 ...");
    p.tier = Tier::AiManager;
    s.pending = p;
    s.topic = QStringLiteral("how do i wash merino");
    s.topicIntent = QStringLiteral("product_issue");
    s.lastRequest = QStringLiteral("process_refund");
    s.refused = QStringLiteral("ORD-10010/Ridge Beanie");
    s.refunded = {QStringLiteral("ORD-10005/Switchback Hiking Pants")};
    PendingAction cancel;
    cancel.action = QStringLiteral("cancel_order");
    cancel.orderId = QStringLiteral("ORD-10004");
    s.alsoPending = {cancel};
    const DialogueState back = DialogueState::fromJson(s.toJson());
    QCOMPARE(back.topic, s.topic);
    QCOMPARE(back.topicIntent, s.topicIntent);
    QCOMPARE(back.lastRequest, s.lastRequest);
    QCOMPARE(back.refused, s.refused);
    QCOMPARE(back.refunded, s.refunded);
    QCOMPARE(back.alsoPending.size(), 1);
    QCOMPARE(back.alsoPending.first().orderId, QStringLiteral("ORD-10004"));
    QCOMPARE(back.orderId, QStringLiteral("ORD-10005"));
    QCOMPARE(back.lastMentioned, s.lastMentioned);
    QCOMPARE(back.mentionedOrders, s.mentionedOrders);
    QCOMPARE(back.amount.value_or(0), 36.0);
    QCOMPARE(back.awaitingSlot, s.awaitingSlot);
    QVERIFY(back.pending);
    QCOMPARE(back.pending->item, p.item);
    QCOMPARE(back.pending->amount, 36.0);
    QVERIFY(back.pending->tier == Tier::AiManager);
    QVERIFY(!DialogueState::fromJson(QJsonObject()).pending);
    QVERIFY(back == s);

    // A turn saves the state only when it compares unequal to the stored one: a change
    // to any stored field, nested ones too, must make it unequal.
    const QJsonObject stored = s.toJson();
    const auto changed = [](const QJsonValue &v) -> QJsonValue {
        if (v.isString())
            return QString(v.toString() + QStringLiteral("x"));
        if (v.isDouble())
            return v.toDouble() + 1;
        if (v.isArray()) {
            QJsonArray a = v.toArray();
            a.append(QStringLiteral("ORD-99999"));
            return a;
        }
        return QStringLiteral("x");
    };
    for (auto it = stored.begin(); it != stored.end(); ++it) {
        QJsonObject other = stored;
        if (it.value().isObject() || (it.value().isArray() && it.value().toArray().first().isObject())) {
            const bool list = it.value().isArray();
            const QJsonObject inner = list ? it.value().toArray().first().toObject() : it.value().toObject();
            for (auto field = inner.begin(); field != inner.end(); ++field) {
                QJsonObject mutated = inner;
                const bool rep = field.value() == QJsonValue(QStringLiteral("AI_REP"));
                mutated.insert(field.key(),
                    field.key() == QLatin1String("tier")
                        ? QJsonValue(rep ? QStringLiteral("AI_MANAGER") : QStringLiteral("AI_REP"))
                        : changed(field.value()));
                other.insert(it.key(), list ? QJsonValue(QJsonArray{mutated}) : QJsonValue(mutated));
                QVERIFY2(DialogueState::fromJson(other) != s, qPrintable(it.key() + QLatin1Char('.') + field.key()));
            }
            continue;
        }
        other.insert(it.key(), changed(it.value()));
        QVERIFY2(DialogueState::fromJson(other) != s, qPrintable(it.key()));
    }
}

void TestDialogue::confirmationSurvivesRestart()
{
    EngineFixture f;
    QVERIFY(f.setUp());
    auto s = f.open(QStringLiteral("cust_ben"));
    QVERIFY(s.ok());
    auto asked = f.say(s->id, QStringLiteral("can i get a refund for the socks from ORD-10005"));
    QVERIFY(asked.ok());
    QVERIFY2(asked->aiResponse->content.contains(QLatin1String("Shall I go ahead?")),
        qPrintable(asked->aiResponse->content));
    QCOMPARE(f.ledgerRows(QStringLiteral("refund")), 0);

    // The program stops and starts again on the same data directory.
    QVERIFY(f.store->batch().flush());
    f.engine.reset();
    f.store.reset();
    auto reopened = Store::open(f.dir.filePath(QStringLiteral("t.db")));
    QVERIFY(reopened.ok());
    f.store = std::move(reopened.value());
    f.engine = std::make_unique<SessionEngine>(*f.store, f.clock);

    auto yes = f.say(s->id, QStringLiteral("yes please"));
    QVERIFY(yes.ok());
    QVERIFY2(actionsOf(*yes).contains(QLatin1String("process_refund")), qPrintable(yes->aiResponse->content));
    QCOMPARE(f.refunded(QStringLiteral("ORD-10005")), 36.0);
    // A second yes finds nothing left to confirm.
    auto again = f.say(s->id, QStringLiteral("yes"));
    QVERIFY(again.ok());
    QVERIFY(!actionsOf(*again).contains(QLatin1String("process_refund")));
    QCOMPARE(f.refunded(QStringLiteral("ORD-10005")), 36.0);
}

void TestDialogue::otherMessageDropsConfirmation()
{
    EngineFixture f;
    QVERIFY(f.setUp());
    auto s = f.open(QStringLiteral("cust_ben"));
    QVERIFY(s.ok());
    QVERIFY(f.say(s->id, QStringLiteral("can i get a refund for the socks from ORD-10005")).ok());
    QVERIFY(f.say(s->id, QStringLiteral("actually where is ORD-10004?")).ok());
    auto yes = f.say(s->id, QStringLiteral("yes"));
    QVERIFY(yes.ok());
    QVERIFY(!actionsOf(*yes).contains(QLatin1String("process_refund")));
    QCOMPARE(f.ledgerRows(QStringLiteral("refund")), 0);
}

QTEST_GUILESS_MAIN(TestDialogue)
#include "tst_dialogue.moc"
