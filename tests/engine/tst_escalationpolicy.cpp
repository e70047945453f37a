#include "core/api/cs/CsConfigJson.h"
#include "core/engine/policy/EscalationPolicy.h"

#include <QJsonDocument>
#include <QtTest>

using namespace tierdesk;

namespace {

// One message's situation, built fluently: Scenario(Tier::AiRep).legal().vip()...
struct Scenario {
    Tier tier = Tier::AiRep;
    QString humanCue, managerCue, legalCue, socialCue;
    bool irate = false;
    int irateCount = 0; // including this message, as the engine counts
    RequestedAction requested;
    bool vip = false;
    Sentiment sentiment = Sentiment::Neutral;
    bool repeat = false;
    int unconfident = 0;
    bool doubtToPerson = false; // seed 003's chat door
    QByteArray configPatch;

    explicit Scenario(Tier t = Tier::AiRep) : tier(t) { }
    Scenario &human()
    {
        humanCue = QStringLiteral("talk to a real person");
        return *this;
    }
    Scenario &manager()
    {
        managerCue = QStringLiteral("your manager");
        return *this;
    }
    Scenario &legal()
    {
        legalCue = QStringLiteral("lawyer");
        return *this;
    }
    Scenario &social()
    {
        socialCue = QStringLiteral("twitter");
        return *this;
    }
    Scenario &irateTimes(int n)
    {
        irate = true;
        irateCount = n;
        sentiment = Sentiment::Irate;
        return *this;
    }
    Scenario &refund(double a)
    {
        requested = {RequestedAction::Refund, a};
        return *this;
    }
    Scenario &credit(double a)
    {
        requested = {RequestedAction::Credit, a};
        return *this;
    }
    Scenario &subscription()
    {
        requested = {RequestedAction::Subscription, 0};
        return *this;
    }
    Scenario &vipCustomer()
    {
        vip = true;
        return *this;
    }
    Scenario &feeling(Sentiment s)
    {
        sentiment = s;
        return *this;
    }
    Scenario &repeatContact()
    {
        repeat = true;
        return *this;
    }
    Scenario &unconfidentTurns(int n)
    {
        unconfident = n;
        return *this;
    }
    Scenario &fromWebChat()
    {
        doubtToPerson = true;
        return *this;
    }
    Scenario &config(const char *json)
    {
        configPatch = json;
        return *this;
    }
};

} // namespace

Q_DECLARE_METATYPE(Scenario)

class TestEscalationPolicy : public QObject {
    Q_OBJECT

private slots:
    void decide_data();
    void decide();
    void notesExplainTheDecision();
    void tierAllowsChecksEveryCapability();
    void tierAllowedForFindsTheLowestAiTier();
    void enabledTierFromSkipsDisabledTiers();

private:
    static std::optional<EscalationDecision> run(const Scenario &sc);
};

std::optional<EscalationDecision> TestEscalationPolicy::run(const Scenario &sc)
{
    CsConfig config = CsConfig::defaults();
    if (!sc.configPatch.isEmpty()) {
        auto merged = api::cs::mergeConfig(config, QJsonDocument::fromJson(sc.configPatch).object());
        if (!merged)
            qFatal("bad config patch in test: %s", sc.configPatch.constData());
        config = merged.value();
    }
    Session session;
    session.id = QStringLiteral("sess_test");
    session.currentTier = sc.tier;
    session.status = sc.tier == Tier::AiRep ? SessionStatus::Active : SessionStatus::Escalated;
    session.irateCount = sc.irateCount;
    session.unconfidentTurns = sc.unconfident;
    Customer customer;
    customer.id = QStringLiteral("cust");
    customer.isVIP = sc.vip;
    MessageAnalysis a;
    a.sentiment.level = sc.sentiment;
    a.sentiment.score = sc.sentiment == Sentiment::Irate ? 0.05 : 0.5;
    a.sentiment.irateScore = sc.irate ? 0.9 : 0.0;
    a.intent.intent = QStringLiteral("order_status");
    a.intent.confidence = 0.9;
    a.humanCue = sc.humanCue;
    a.managerCue = sc.managerCue;
    a.legalCue = sc.legalCue;
    a.socialCue = sc.socialCue;
    a.irate = sc.irate;
    return decideEscalation({session, &customer, config, a, sc.requested, sc.repeat, sc.unconfident, sc.doubtToPerson});
}

void TestEscalationPolicy::decide_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QString>("reason"); // empty: no escalation
    QTest::addColumn<QString>("target");
    const Tier rep = Tier::AiRep, mgr = Tier::AiManager, human = Tier::HumanAgent;
    const QString none;

    // IRATE_CUSTOMER: the count reaching afterAttempts, to autoEscalate.targetTier.
    QTest::newRow("irate once") << Scenario(rep).irateTimes(1) << none << none;
    QTest::newRow("irate twice") << Scenario(rep).irateTimes(2) << "IRATE_CUSTOMER"
                                 << "AI_MANAGER";
    QTest::newRow("irate to human") << Scenario(rep).irateTimes(2).config(
        R"({"irateProtocol":{"autoEscalate":{"targetTier":"HUMAN_AGENT"}}})")
                                    << "IRATE_CUSTOMER"
                                    << "HUMAN_AGENT";
    QTest::newRow("irate after 3, twice")
        << Scenario(rep).irateTimes(2).config(R"({"irateProtocol":{"autoEscalate":{"afterAttempts":3}}})") << none
        << none;
    QTest::newRow("irate after 3, thrice")
        << Scenario(rep).irateTimes(3).config(R"({"irateProtocol":{"autoEscalate":{"afterAttempts":3}}})")
        << "IRATE_CUSTOMER"
        << "AI_MANAGER";
    QTest::newRow("irate after 1") << Scenario(rep).irateTimes(1).config(
        R"({"irateProtocol":{"autoEscalate":{"afterAttempts":1}}})")
                                   << "IRATE_CUSTOMER"
                                   << "AI_MANAGER";
    QTest::newRow("irate, auto-escalate off")
        << Scenario(rep).irateTimes(5).config(R"({"irateProtocol":{"autoEscalate":{"enabled":false}}})") << none
        << none;
    QTest::newRow("irate, protocol off") << Scenario(rep).irateTimes(5).config(R"({"irateProtocol":{"enabled":false}})")
                                         << none << none;
    // At the manager, irate again is an escalated complaint for a person.
    QTest::newRow("irate at manager") << Scenario(mgr).irateTimes(2) << "ESCALATED_COMPLAINT"
                                      << "HUMAN_AGENT";

    // Refunds against each tier's authority.
    QTest::newRow("refund 50 at rep") << Scenario(rep).refund(50) << "REFUND_REQUEST"
                                      << "AI_MANAGER";
    QTest::newRow("refund 100 at rep") << Scenario(rep).refund(100) << "REFUND_REQUEST"
                                       << "AI_MANAGER";
    QTest::newRow("refund 100.01 at rep") << Scenario(rep).refund(100.01) << "REFUND_OVER_THRESHOLD"
                                          << "HUMAN_AGENT";
    QTest::newRow("refund 500 at rep") << Scenario(rep).refund(500) << "REFUND_OVER_THRESHOLD"
                                       << "HUMAN_AGENT";
    QTest::newRow("refund 500 at manager") << Scenario(mgr).refund(500) << "REFUND_OVER_THRESHOLD"
                                           << "HUMAN_AGENT";
    QTest::newRow("refund 50 at manager") << Scenario(mgr).refund(50) << none << none;
    QTest::newRow("refund 5, rep may refund 10") << Scenario(rep).refund(5).config(
        R"({"tiers":{"aiRep":{"capabilities":{"canProcessRefunds":true,"maxRefundAmount":10}}}})")
                                                 << none << none;
    QTest::newRow("refund 5, rep may not refund") << Scenario(rep).refund(5).config(
        R"({"tiers":{"aiRep":{"capabilities":{"canProcessRefunds":false,"maxRefundAmount":1000}}}})")
                                                  << "REFUND_REQUEST"
                                                  << "AI_MANAGER";
    QTest::newRow("refund, manager may not refund")
        << Scenario(rep).refund(5).config(R"({"tiers":{"aiManager":{"capabilities":{"canProcessRefunds":false}}}})")
        << "REFUND_OVER_THRESHOLD"
        << "HUMAN_AGENT";

    // Credits and subscriptions.
    QTest::newRow("credit 10 at rep") << Scenario(rep).credit(10) << none << none;
    QTest::newRow("credit 30 at rep") << Scenario(rep).credit(30) << "COMPLEX_ISSUE"
                                      << "AI_MANAGER";
    QTest::newRow("credit 80 at rep") << Scenario(rep).credit(80) << "POLICY_EXCEPTION"
                                      << "HUMAN_AGENT";
    QTest::newRow("credit 80 at manager") << Scenario(mgr).credit(80) << "POLICY_EXCEPTION"
                                          << "HUMAN_AGENT";
    QTest::newRow("credit 5, rep credits off")
        << Scenario(rep).credit(5).config(R"({"tiers":{"aiRep":{"capabilities":{"canApplyCredits":false}}}})")
        << "COMPLEX_ISSUE"
        << "AI_MANAGER";
    QTest::newRow("subscription at rep") << Scenario(rep).subscription() << "COMPLEX_ISSUE"
                                         << "AI_MANAGER";
    QTest::newRow("subscription at manager") << Scenario(mgr).subscription() << none << none;
    QTest::newRow("subscription, no AI tier may") << Scenario(rep).subscription().config(
        R"({"tiers":{"aiManager":{"capabilities":{"canModifySubscription":false}}}})")
                                                  << "POLICY_EXCEPTION"
                                                  << "HUMAN_AGENT";

    // Legal and public threats.
    QTest::newRow("legal at rep") << Scenario(rep).legal() << "LEGAL_MENTION"
                                  << "AI_MANAGER";
    QTest::newRow("legal at manager") << Scenario(mgr).legal() << "ESCALATED_COMPLAINT"
                                      << "HUMAN_AGENT";
    QTest::newRow("social at rep") << Scenario(rep).social() << "SOCIAL_MEDIA_THREAT"
                                   << "AI_MANAGER";
    QTest::newRow("social at manager") << Scenario(mgr).social() << "ESCALATED_COMPLAINT"
                                       << "HUMAN_AGENT";

    // VIPs.
    QTest::newRow("vip frustrated") << Scenario(rep).vipCustomer().feeling(Sentiment::Frustrated)
                                    << "HIGH_VALUE_CUSTOMER"
                                    << "AI_MANAGER";
    QTest::newRow("vip angry") << Scenario(rep).vipCustomer().feeling(Sentiment::Angry) << "HIGH_VALUE_CUSTOMER"
                               << "AI_MANAGER";
    QTest::newRow("vip neutral") << Scenario(rep).vipCustomer().feeling(Sentiment::Neutral) << none << none;
    QTest::newRow("vip happy") << Scenario(rep).vipCustomer().feeling(Sentiment::Happy) << none << none;
    QTest::newRow("regular frustrated") << Scenario(rep).feeling(Sentiment::Frustrated) << none << none;
    QTest::newRow("vip frustrated at manager")
        << Scenario(mgr).vipCustomer().feeling(Sentiment::Frustrated) << none << none;

    // Repeat contact.
    QTest::newRow("repeat at rep") << Scenario(rep).repeatContact() << "REPEAT_CONTACT"
                                   << "AI_MANAGER";
    QTest::newRow("repeat at manager") << Scenario(mgr).repeatContact() << none << none;

    // Explicit requests.
    QTest::newRow("human at rep") << Scenario(rep).human() << "CUSTOMER_REQUEST"
                                  << "HUMAN_AGENT";
    QTest::newRow("human at manager") << Scenario(mgr).human() << "CUSTOMER_REQUEST"
                                      << "HUMAN_AGENT";
    QTest::newRow("manager at rep") << Scenario(rep).manager() << "CUSTOMER_REQUEST"
                                    << "AI_MANAGER";
    QTest::newRow("manager at manager") << Scenario(mgr).manager() << "CUSTOMER_REQUEST"
                                        << "HUMAN_AGENT";

    // Turns without a confident answer.
    QTest::newRow("unconfident once") << Scenario(rep).unconfidentTurns(1) << none << none;
    QTest::newRow("unconfident twice at rep") << Scenario(rep).unconfidentTurns(2) << "COMPLEX_ISSUE"
                                              << "AI_MANAGER";
    QTest::newRow("unconfident twice at manager") << Scenario(mgr).unconfidentTurns(2) << "TECHNICAL_LIMITATION"
                                                  << "HUMAN_AGENT";
    // Seed 003's chat has no AI Manager to hand doubt to: twice unsure goes to a person.
    QTest::newRow("unconfident once, web chat") << Scenario(rep).unconfidentTurns(1).fromWebChat() << none << none;
    QTest::newRow("unconfident twice, web chat") << Scenario(rep).unconfidentTurns(2).fromWebChat() << "COMPLEX_ISSUE"
                                                 << "HUMAN_AGENT";
    QTest::newRow("unconfident twice, rule 3")
        << Scenario(rep).unconfidentTurns(2).config(R"({"escalationRules":{"complexIssueAfterTurns":3}})") << none
        << none;

    // Disabled tiers are skipped to the next enabled one; with none left, no escalation.
    const char *noManager = R"({"tiers":{"aiManager":{"enabled":false}}})";
    const char *noAbove = R"({"tiers":{"aiManager":{"enabled":false},"humanAgent":{"enabled":false}}})";
    QTest::newRow("legal, manager off") << Scenario(rep).legal().config(noManager) << "LEGAL_MENTION"
                                        << "HUMAN_AGENT";
    QTest::newRow("refund, manager off") << Scenario(rep).refund(50).config(noManager) << "REFUND_REQUEST"
                                         << "HUMAN_AGENT";
    QTest::newRow("irate, manager off") << Scenario(rep).irateTimes(2).config(noManager) << "IRATE_CUSTOMER"
                                        << "HUMAN_AGENT";
    QTest::newRow("vip, manager off") << Scenario(rep).vipCustomer().feeling(Sentiment::Angry).config(noManager)
                                      << "HIGH_VALUE_CUSTOMER"
                                      << "HUMAN_AGENT";
    QTest::newRow("legal, nothing above") << Scenario(rep).legal().config(noAbove) << none << none;
    QTest::newRow("human asked, human off")
        << Scenario(mgr).human().config(R"({"tiers":{"humanAgent":{"enabled":false}}})") << none << none;

    // A person has the session: nothing escalates from there.
    Scenario everything(human);
    everything.human().legal().social().irateTimes(9).refund(1e6).vipCustomer().repeatContact().unconfidentTurns(9);
    QTest::newRow("everything at human") << everything << none << none;

    // Calm, confident, nothing asked.
    QTest::newRow("calm") << Scenario(rep) << none << none;
    QTest::newRow("calm happy vip") << Scenario(rep).vipCustomer().feeling(Sentiment::Happy) << none << none;

    // Precedence: the first rule that applies wins.
    QTest::newRow("human beats legal") << Scenario(rep).human().legal() << "CUSTOMER_REQUEST"
                                       << "HUMAN_AGENT";
    QTest::newRow("legal beats irate") << Scenario(rep).legal().irateTimes(2) << "LEGAL_MENTION"
                                       << "AI_MANAGER";
    QTest::newRow("irate beats refund") << Scenario(rep).irateTimes(2).refund(50) << "IRATE_CUSTOMER"
                                        << "AI_MANAGER";
    QTest::newRow("refund beats vip") << Scenario(rep).refund(50).vipCustomer().feeling(Sentiment::Angry)
                                      << "REFUND_REQUEST"
                                      << "AI_MANAGER";
    // A refund beyond every AI tier's cap goes to a person as such, whatever else fires.
    const QString overCap = QStringLiteral("REFUND_OVER_THRESHOLD");
    QTest::newRow("over cap beats human") << Scenario(rep).refund(378).human() << overCap << "HUMAN_AGENT";
    QTest::newRow("over cap beats manager") << Scenario(rep).refund(378).manager() << overCap << "HUMAN_AGENT";
    QTest::newRow("over cap beats legal") << Scenario(rep).refund(378).legal() << overCap << "HUMAN_AGENT";
    QTest::newRow("over cap beats social") << Scenario(rep).refund(378).social() << overCap << "HUMAN_AGENT";
    QTest::newRow("over cap beats irate") << Scenario(rep).refund(378).irateTimes(2) << overCap << "HUMAN_AGENT";
    QTest::newRow("over cap beats vip") << Scenario(rep).refund(378).vipCustomer().feeling(Sentiment::Angry) << overCap
                                        << "HUMAN_AGENT";
    QTest::newRow("over cap beats repeat") << Scenario(rep).refund(378).repeatContact() << overCap << "HUMAN_AGENT";
    QTest::newRow("over cap beats legal at manager") << Scenario(mgr).refund(378).legal() << overCap << "HUMAN_AGENT";
    QTest::newRow("over cap, human off: legal")
        << Scenario(rep).refund(378).legal().config(R"({"tiers":{"humanAgent":{"enabled":false}}})") << "LEGAL_MENTION"
        << "AI_MANAGER";
    QTest::newRow("vip beats repeat") << Scenario(rep).vipCustomer().feeling(Sentiment::Angry).repeatContact()
                                      << "HIGH_VALUE_CUSTOMER"
                                      << "AI_MANAGER";
}

void TestEscalationPolicy::decide()
{
    QFETCH(Scenario, scenario);
    QFETCH(QString, reason);
    QFETCH(QString, target);
    const auto d = run(scenario);
    if (reason.isEmpty()) {
        QVERIFY2(!d.has_value(), d ? qPrintable(toString(d->reason) + QLatin1Char(' ') + toString(d->target)) : "");
        return;
    }
    QVERIFY(d.has_value());
    QCOMPARE(toString(d->reason), reason);
    QCOMPARE(toString(d->target), target);
    QVERIFY(rank(d->target) > rank(scenario.tier));
    QVERIFY(!d->notes.isEmpty());
}

void TestEscalationPolicy::notesExplainTheDecision()
{
    auto legal = run(Scenario(Tier::AiRep).legal());
    QVERIFY(legal && legal->notes.contains(QLatin1String("lawyer")));
    auto refund = run(Scenario(Tier::AiRep).refund(50));
    QVERIFY(refund && refund->notes.contains(QLatin1String("$50.00")));
    auto irate = run(Scenario(Tier::AiRep).irateTimes(2));
    QVERIFY(irate && irate->notes.contains(QLatin1Char('2')));
}

void TestEscalationPolicy::tierAllowsChecksEveryCapability()
{
    TierCapabilities caps;
    caps.canProcessRefunds = true;
    caps.maxRefundAmount = 100;
    caps.canApplyCredits = true;
    caps.maxCreditAmount = 10;
    caps.canModifySubscription = false;
    QVERIFY(tierAllows(caps, {RequestedAction::None, 0}));
    QVERIFY(tierAllows(caps, {RequestedAction::Refund, 100}));
    QVERIFY(!tierAllows(caps, {RequestedAction::Refund, 100.01}));
    QVERIFY(tierAllows(caps, {RequestedAction::Credit, 10}));
    QVERIFY(!tierAllows(caps, {RequestedAction::Credit, 10.5}));
    QVERIFY(!tierAllows(caps, {RequestedAction::Subscription, 0}));
    caps.canProcessRefunds = false;
    caps.canApplyCredits = false;
    caps.canModifySubscription = true;
    QVERIFY(!tierAllows(caps, {RequestedAction::Refund, 0}));
    QVERIFY(!tierAllows(caps, {RequestedAction::Credit, 0}));
    QVERIFY(tierAllows(caps, {RequestedAction::Subscription, 0}));
}

void TestEscalationPolicy::tierAllowedForFindsTheLowestAiTier()
{
    const CsConfig c = CsConfig::defaults();
    QVERIFY(tierAllowedFor(c, Tier::AiRep, {RequestedAction::Credit, 5}) == Tier::AiRep);
    QVERIFY(tierAllowedFor(c, Tier::AiRep, {RequestedAction::Credit, 50}) == Tier::AiManager);
    QVERIFY(tierAllowedFor(c, Tier::AiRep, {RequestedAction::Credit, 51}) == Tier::HumanAgent);
    QVERIFY(tierAllowedFor(c, Tier::AiRep, {RequestedAction::Refund, 1}) == Tier::AiManager);
    QVERIFY(tierAllowedFor(c, Tier::AiManager, {RequestedAction::Credit, 5}) == Tier::AiManager);
    QVERIFY(tierAllowedFor(c, Tier::AiRep, {RequestedAction::Refund, 101}) == Tier::HumanAgent);
}

void TestEscalationPolicy::enabledTierFromSkipsDisabledTiers()
{
    const CsConfig c = CsConfig::defaults();
    QVERIFY(enabledTierFrom(c, Tier::AiManager) == Tier::AiManager);
    QVERIFY(enabledTierFrom(c, Tier::HumanAgent) == Tier::HumanAgent);
    auto noManager
        = api::cs::mergeConfig(c, QJsonDocument::fromJson(R"({"tiers":{"aiManager":{"enabled":false}}})").object());
    QVERIFY(noManager.ok());
    QVERIFY(enabledTierFrom(*noManager, Tier::AiManager) == Tier::HumanAgent);
    auto none = api::cs::mergeConfig(
        *noManager, QJsonDocument::fromJson(R"({"tiers":{"humanAgent":{"enabled":false}}})").object());
    QVERIFY(none.ok());
    QVERIFY(!enabledTierFrom(*none, Tier::AiManager).has_value());
}

QTEST_GUILESS_MAIN(TestEscalationPolicy)
#include "tst_escalationpolicy.moc"
