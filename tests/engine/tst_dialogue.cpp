// Dialogue state: its words (answers, references, out-of-scope), its JSON, and
// that a confirmation asked for survives a restart of the program.
#include "EngineFixture.h"
#include "core/engine/dialogue/Answers.h"
#include "core/engine/dialogue/DialogueState.h"

using namespace tierdesk;
using namespace tierdesk::dialogue;
using namespace tierdesk::test;

class TestDialogue : public QObject
{
    Q_OBJECT

private slots:
    void answers_data();
    void answers();
    void references();
    void outOfScopeRequests();
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
    QCOMPARE(referencedOrder(QStringLiteral("when will it arrive"), last, QStringLiteral("ORD-10009")), QStringLiteral("ORD-10009"));
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
    const DialogueState back = DialogueState::fromJson(s.toJson());
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
}

void TestDialogue::confirmationSurvivesRestart()
{
    EngineFixture f;
    QVERIFY(f.setUp());
    auto s = f.open(QStringLiteral("cust_ben"));
    QVERIFY(s.ok());
    auto asked = f.say(s->id, QStringLiteral("can i get a refund for the socks from ORD-10005"));
    QVERIFY(asked.ok());
    QVERIFY2(asked->aiResponse->content.contains(QLatin1String("Shall I go ahead?")), qPrintable(asked->aiResponse->content));
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
