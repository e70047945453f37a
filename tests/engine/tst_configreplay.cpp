// replaySession / compareReplays: the what-if's replay of one conversation through the
// escalation policy, config by config, without a store.
#include "core/api/cs/CsConfigJson.h"
#include "core/engine/policy/ConfigReplay.h"

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

QTEST_GUILESS_MAIN(TestConfigReplay)
#include "tst_configreplay.moc"
