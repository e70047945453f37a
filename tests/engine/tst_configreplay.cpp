// replaySession / compareReplays: the what-if's replay of one conversation through the
// escalation policy, config by config, without a store.
#include "core/api/cs/CsConfigJson.h"
#include "core/engine/policy/ConfigReplay.h"
#include "core/engine/policy/ModelTrial.h"
#include "core/engine/policy/TrialTurns.h"

#include <QAtomicInt>

#include <QJsonArray>
#include <QTest>

using namespace tierdesk;

class TestConfigReplay : public QObject {
    Q_OBJECT

private slots:
    void calmConversationNeverEscalates();
    void irateCountedAcrossMessagesUntilAfterAttempts();
    void newKeywordEscalatesEarlier();
    void refundWithinAiRepAuthorityNoLongerEscalates();
    void disabledIrateProtocolNoLongerEscalates();
    void humanTierEndsTheReplay();
    void positionsComeFromTheTranscript();
    void compareKinds();
    // The model trial's turns (TrialTurns): built from the replay's steps, judged, summed up.
    void trialTurnsFollowTheReplay();
    void judgedCountsTheCallsOfARefusedReply();
    void summaryCountsVerdictsAndPercentiles();
    void aTrialWordsEveryTurnInOrder();
    void aCallerThatLeavesStopsTheTrial();

private:
    static ReplaySession session(const QStringList &texts)
    {
        ReplaySession s{QStringLiteral("sess_1"), QStringLiteral("cust_1"), 0, false, texts, {}};
        for (int i = 0; i < texts.size(); ++i)
            s.positions << 2 * i; // each customer message is followed by a reply
        return s;
    }
    static CsConfig with(const QJsonObject &patch) { return api::cs::mergeConfig(CsConfig::defaults(), patch).value(); }
    static ReplayResult run(const ReplaySession &s, const CsConfig &c)
    {
        return replaySession(s, c, analyzer(), QString());
    }
    static const MessageAnalyzer &analyzer()
    {
        static const MessageAnalyzer a;
        return a;
    }
};

void TestConfigReplay::calmConversationNeverEscalates()
{
    const ReplayResult r = run(session({QStringLiteral("Hello, what are your opening hours?")}), CsConfig::defaults());
    QVERIFY(!r.first);
    QCOMPARE(toString(r.finalTier), toString(Tier::AiRep));
}

void TestConfigReplay::irateCountedAcrossMessagesUntilAfterAttempts()
{
    const CsConfig config = with({{QStringLiteral("irateProtocol"),
        QJsonObject{{QStringLiteral("triggerKeywords"), QJsonArray{QStringLiteral("pineapple")}}}}});
    const ReplaySession s
        = session({QStringLiteral("my pineapple"), QStringLiteral("hello"), QStringLiteral("that pineapple")});
    const ReplayResult r = run(s, config);
    QVERIFY(r.first);
    QCOMPARE(r.first->messagePosition, 4); // the second irate message (afterAttempts 2)
    QCOMPARE(toString(r.first->reason), toString(EscalationReason::IrateCustomer));
    QCOMPARE(toString(r.first->tier), toString(Tier::AiManager));
}

void TestConfigReplay::newKeywordEscalatesEarlier()
{
    const ReplaySession s = session({QStringLiteral("my pineapple"), QStringLiteral("my pineapple again"),
        QStringLiteral("I want to speak to a manager")});
    const ReplayResult before = run(s, CsConfig::defaults());
    const ReplayResult after = run(s,
        with({{QStringLiteral("irateProtocol"),
            QJsonObject{{QStringLiteral("triggerKeywords"), QJsonArray{QStringLiteral("pineapple")}}}}}));
    QCOMPARE(toString(before.first->reason), toString(EscalationReason::CustomerRequest));
    QCOMPARE(before.first->messagePosition, 4);
    QCOMPARE(after.first->messagePosition, 2);
    QCOMPARE(toString(compareReplays(before, after)), toString(ReplayChange::Earlier));
    QCOMPARE(toString(compareReplays(after, before)), toString(ReplayChange::Later));
}

void TestConfigReplay::refundWithinAiRepAuthorityNoLongerEscalates()
{
    const ReplaySession s = session({QStringLiteral("I want a refund of $40 for order ORD-55501 please")});
    const ReplayResult before = run(s, CsConfig::defaults());
    QVERIFY(before.first);
    QCOMPARE(toString(before.first->reason), toString(EscalationReason::RefundRequest));
    const CsConfig allowed = with({{QStringLiteral("tiers"),
        QJsonObject{{QStringLiteral("aiRep"),
            QJsonObject{{QStringLiteral("capabilities"),
                QJsonObject{
                    {QStringLiteral("canProcessRefunds"), true}, {QStringLiteral("maxRefundAmount"), 100}}}}}}}});
    QCOMPARE(toString(compareReplays(before, run(s, allowed))), toString(ReplayChange::NoLonger));
    // Beyond every AI tier's authority it goes to a person instead.
    const CsConfig tight = with({{QStringLiteral("tiers"),
        QJsonObject{{QStringLiteral("aiManager"),
            QJsonObject{{QStringLiteral("capabilities"), QJsonObject{{QStringLiteral("maxRefundAmount"), 20}}}}}}}});
    const ReplayResult toPerson = run(s, tight);
    QCOMPARE(toString(toPerson.first->reason), toString(EscalationReason::RefundOverThreshold));
    QCOMPARE(toString(toPerson.first->tier), toString(Tier::HumanAgent));
    QCOMPARE(toString(compareReplays(before, toPerson)), toString(ReplayChange::Different));
}

void TestConfigReplay::disabledIrateProtocolNoLongerEscalates()
{
    const ReplaySession s
        = session({QStringLiteral("This is unacceptable"), QStringLiteral("Absolutely unacceptable")});
    const ReplayResult before = run(s, CsConfig::defaults());
    QVERIFY(before.first);
    QCOMPARE(toString(before.first->reason), toString(EscalationReason::IrateCustomer));
    const ReplayResult after
        = run(s, with({{QStringLiteral("irateProtocol"), QJsonObject{{QStringLiteral("enabled"), false}}}}));
    QCOMPARE(toString(compareReplays(before, after)), toString(ReplayChange::NoLonger));
    QCOMPARE(toString(compareReplays(after, before)), toString(ReplayChange::Newly));
}

void TestConfigReplay::humanTierEndsTheReplay()
{
    const ReplaySession s
        = session({QStringLiteral("Let me talk to a real person"), QStringLiteral("I want to speak to a manager")});
    const ReplayResult r = run(s, CsConfig::defaults());
    QCOMPARE(toString(r.first->reason), toString(EscalationReason::CustomerRequest));
    QCOMPARE(toString(r.first->tier), toString(Tier::HumanAgent));
    QCOMPARE(toString(r.finalTier), toString(Tier::HumanAgent));
}

void TestConfigReplay::positionsComeFromTheTranscript()
{
    ReplaySession s = session({QStringLiteral("hello"), QStringLiteral("I want to speak to a manager")});
    s.positions = {0, 7};
    QCOMPARE(run(s, CsConfig::defaults()).first->messagePosition, 7);
}

void TestConfigReplay::compareKinds()
{
    const ReplayResult none;
    ReplayResult a;
    a.first = ReplayEscalation{2, Tier::AiManager, EscalationReason::IrateCustomer};
    a.finalTier = Tier::AiManager;
    ReplayResult b = a;
    QCOMPARE(toString(compareReplays(none, none)), toString(ReplayChange::None));
    QCOMPARE(toString(compareReplays(a, b)), toString(ReplayChange::None));
    b.finalTier = Tier::HumanAgent; // escalated again later on
    QCOMPARE(toString(compareReplays(a, b)), toString(ReplayChange::Different));
    QCOMPARE(toString(ReplayChange::NoLonger), QStringLiteral("NO_LONGER"));
}

void TestConfigReplay::trialTurnsFollowTheReplay()
{
    const ReplaySession s = session({QStringLiteral("I want a refund of $40 for order ORD-55501 please"),
        QStringLiteral("Let me talk to a real person"), QStringLiteral("Are you still there?")});
    CsConfig config = CsConfig::defaults();
    config.ai.provider = QStringLiteral("scripted");
    config.ai.aiRepModel = QStringLiteral("small");
    config.ai.aiManagerModel = QStringLiteral("large");
    QList<ReplayStep> steps;
    const ReplayResult r = replaySession(s, config, analyzer(), QStringLiteral("comp_1"), &steps);
    QCOMPARE(toString(r.finalTier), toString(Tier::HumanAgent));
    QCOMPARE(steps.size(), 2); // a person has the session after the second message: the replay ends there
    QCOMPARE(toString(steps.at(0).escalation->reason), toString(EscalationReason::RefundRequest));
    QCOMPARE(toString(steps.at(0).session.currentTier), toString(Tier::AiManager));

    TrialSession facts;
    facts.customer.name = QStringLiteral("Jane Doe");
    for (int i = 0; i < 3; ++i)
        facts.turns << TrialFacts{i, {}, {}};
    facts.turns[1].history << Message{};
    const QList<TrialTurn> turns = trialTurns(s, facts, steps, config, nullptr);
    QCOMPARE(turns.size(), 2); // the third message is a person's to answer
    // The refund went to the AI Manager, which answers it with the larger model.
    QCOMPARE(turns.at(0).messageIndex, 0);
    QCOMPARE(toString(turns.at(0).input->tier), toString(Tier::AiManager));
    QCOMPARE(turns.at(0).model, QStringLiteral("large"));
    QVERIFY(turns.at(0).input->actions.actionsTaken.isEmpty()); // the replay acts on nothing
    QCOMPARE(turns.at(0).input->customer.name, QStringLiteral("Jane Doe"));
    // Handed to a person: the tier it left words the hand-over, with the escalation.
    QCOMPARE(turns.at(1).messageIndex, 2);
    QCOMPARE(toString(turns.at(1).input->tier), toString(Tier::AiManager));
    QCOMPARE(toString(turns.at(1).input->session.currentTier), toString(Tier::HumanAgent));
    QVERIFY(turns.at(1).input->escalation);
    QCOMPARE(turns.at(1).input->history.size(), 1);
    QCOMPARE(turns.at(1).input->message, QStringLiteral("Let me talk to a real person"));
}

void TestConfigReplay::judgedCountsTheCallsOfARefusedReply()
{
    ComposeInput in;
    in.message = QString(300, QLatin1Char('x'));
    const TrialTurn turn{
        QStringLiteral("sess_1"), 4, QStringLiteral("small"), std::make_shared<const ComposeInput>(in)};
    ComposedReply refused;
    refused.reply.content = QStringLiteral("The local responder's words.");
    refused.reply.outputTokens = 5; // approximated for the local words: not the provider's
    refused.fallback = true;
    refused.fallbackReason = QStringLiteral("guard");
    refused.guardNotes = {QStringLiteral("claims a refund that was not made: \"I've refunded you.\"")};
    Reply spent;
    spent.inputTokens = 84;
    spent.outputTokens = 14;
    spent.charge.amount = 0.5;
    spent.charge.currency = QStringLiteral("EUR");
    refused.discarded = spent;
    const TrialResult r = judged(turn, refused, 12);
    QCOMPARE(toString(r.verdict), QStringLiteral("fallback"));
    QCOMPARE(r.fallbackReason, QStringLiteral("guard"));
    QVERIFY(r.guardBroken);
    QCOMPARE(r.inputTokens, 84);
    QCOMPARE(r.outputTokens, 14);
    QCOMPARE(r.cost, 0.5);
    QCOMPARE(r.currency, QStringLiteral("EUR"));
    QCOMPARE(r.customerText.size(), TrialResult::kQuoteChars);
    QCOMPARE(r.model, QStringLiteral("small"));

    ComposedReply failed;
    failed.fallback = true;
    failed.fallbackReason = QStringLiteral("provider_error");
    failed.reply.outputTokens = 5;
    const TrialResult f = judged(turn, failed, 3);
    QVERIFY(!f.guardBroken);
    QCOMPARE(f.outputTokens, 0);

    ComposedReply repaired;
    repaired.repaired = true;
    repaired.reply.inputTokens = 84;
    QCOMPARE(toString(judged(turn, repaired, 1).verdict), QStringLiteral("repaired"));
    QVERIFY(judged(turn, repaired, 1).guardBroken);
}

void TestConfigReplay::summaryCountsVerdictsAndPercentiles()
{
    QList<TrialResult> turns;
    for (int i = 1; i <= 20; ++i) {
        TrialResult t;
        t.latencyMs = 21 - i; // in no particular order
        t.inputTokens = 10;
        t.outputTokens = 2;
        t.cost = 0.25;
        if (i == 3) {
            t.verdict = TrialVerdict::Repaired;
            t.guardBroken = true;
        } else if (i == 4 || i == 5) {
            t.verdict = TrialVerdict::Fallback;
            t.fallbackReason = i == 4 ? QStringLiteral("guard") : QStringLiteral("timeout");
            t.guardBroken = i == 4;
        }
        turns << t;
    }
    const TrialSummary s = summarise(turns);
    QCOMPARE(s.turns, 20);
    QCOMPARE(s.guardBreaks, 2);
    QCOMPARE(s.repaired, 1);
    QCOMPARE(s.fallbacks.value(QStringLiteral("guard")), 1);
    QCOMPARE(s.fallbacks.value(QStringLiteral("timeout")), 1);
    QCOMPARE(s.p50LatencyMs, qint64(10));
    QCOMPARE(s.p95LatencyMs, qint64(19));
    QCOMPARE(s.inputTokens, qint64(200));
    QCOMPARE(s.cost, 5.0);
    QCOMPARE(summarise({}).p95LatencyMs, qint64(0));
}

namespace {

// A model that answers at once with its call's number, counting its calls (any thread).
class CountingModel final : public Responder {
public:
    Reply compose(const ReplyContext &ctx) override
    {
        Reply r;
        r.content = QStringLiteral("Answer to: ") + ctx.message;
        r.inputTokens = 10;
        r.outputTokens = 3;
        calls.fetchAndAddOrdered(1);
        return r;
    }
    QAtomicInt calls;
};

QList<TrialTurn> turnsFor(const std::shared_ptr<Responder> &model, int count)
{
    QList<TrialTurn> out;
    for (int i = 0; i < count; ++i) {
        ComposeInput in;
        in.message = QStringLiteral("message %1").arg(i);
        in.caps = CsConfig::defaults().tier(Tier::AiRep);
        in.responder = model;
        out << TrialTurn{QStringLiteral("sess_1"), 2 * i, QStringLiteral("small"),
            std::make_shared<const ComposeInput>(std::move(in))};
    }
    return out;
}

} // namespace

void TestConfigReplay::aTrialWordsEveryTurnInOrder()
{
    auto model = std::make_shared<CountingModel>();
    ModelTrial trial;
    trial.setLimits(15000, 3);
    std::optional<QList<TrialResult>> results;
    trial.run(
        turnsFor(model, 7), [] { return true; }, [&](QList<TrialResult> r) { results = std::move(r); });
    QTRY_VERIFY(results.has_value());
    QCOMPARE(results->size(), 7);
    for (int i = 0; i < 7; ++i) {
        QCOMPARE(results->at(i).messageIndex, 2 * i);
        QCOMPARE(results->at(i).reply, QStringLiteral("Answer to: message %1").arg(i));
        QCOMPARE(toString(results->at(i).verdict), QStringLiteral("ok"));
        QCOMPARE(results->at(i).inputTokens, 10);
    }
    QCOMPARE(model->calls.loadAcquire(), 7);

    bool answered = false;
    trial.run(
        {}, [] { return true; }, [&](QList<TrialResult> r) { answered = r.isEmpty(); });
    QVERIFY(answered); // nothing to word: answered at once
}

// The caller has gone (its client closed the connection): the calls not yet sent are never sent.
void TestConfigReplay::aCallerThatLeavesStopsTheTrial()
{
    auto model = std::make_shared<CountingModel>();
    ModelTrial trial;
    trial.setLimits(15000, 1); // one call at a time
    int asked = 0;
    bool answered = false;
    // Asked before the first call (yes), then when it is back (no longer).
    trial.run(
        turnsFor(model, 5), [&] { return ++asked == 1; }, [&](QList<TrialResult>) { answered = true; });
    QTRY_COMPARE(asked, 2);
    QCoreApplication::processEvents();
    QCOMPARE(model->calls.loadAcquire(), 1);
    QVERIFY(!answered);
}

QTEST_GUILESS_MAIN(TestConfigReplay)
#include "tst_configreplay.moc"
