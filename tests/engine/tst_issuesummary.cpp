// IssueSummary: the one line a queue shows for a session.
#include "core/engine/pipeline/IssueSummary.h"
#include "core/nlu/Intents.h"

#include <QtTest>

using namespace tierdesk;

namespace {

struct TurnParts {
    MessageAnalysis analysis;
    TurnPlan plan;
    ActionReport report;
    std::optional<EscalationDecision> escalation;

    explicit TurnParts(const char *intent) { analysis.intent.intent = QLatin1String(intent); }
    IssueSummary::Turn turn() const { return {analysis, plan, report, escalation}; }
};

Order order(const char *id)
{
    Order o;
    o.id = QLatin1String(id);
    return o;
}

} // namespace

class TestIssueSummary : public QObject {
    Q_OBJECT

private slots:
    void refundAskedForNamesAmountOrderAndItem();
    void escalationAddsItsReason();
    void smallTalkKeepsTheIssue();
    void outOfScopeIsNoTopic();
    void actionCarriedOutIsTheNewState();
    void intentWithItsOrder();
};

void TestIssueSummary::refundAskedForNamesAmountOrderAndItem()
{
    TurnParts t(nlu::intent::RefundRequest);
    t.plan.request.kind = RequestedAction::Refund;
    t.plan.request.amount = 79;
    t.plan.request.orderId = QStringLiteral("ORD-10005");
    t.plan.request.item = QStringLiteral("Switchback Hiking Pants");
    QCOMPARE(
        IssueSummary::update({}, t.turn()), QStringLiteral("Refund of $79.00 for ORD-10005 (Switchback Hiking Pants)"));
}

void TestIssueSummary::escalationAddsItsReason()
{
    // The classifier read a legal threat as out of scope: the refund asked for is still the topic.
    TurnParts t(nlu::intent::OutOfScope);
    t.plan.request.kind = RequestedAction::Refund;
    t.plan.request.amount = 378;
    t.plan.request.orderId = QStringLiteral("ORD-10007");
    t.escalation = EscalationDecision{EscalationReason::LegalMention, Tier::AiManager, QString()};
    QCOMPARE(IssueSummary::update(QStringLiteral("Order status (ORD-10007)"), t.turn()),
        QStringLiteral("Refund of $378.00 for ORD-10007 - legal action mentioned"));
}

void TestIssueSummary::smallTalkKeepsTheIssue()
{
    const QString before = QStringLiteral("Refund of $378.00 for ORD-10007 - legal action mentioned");
    TurnParts thanks(nlu::intent::Thanks);
    QCOMPARE(IssueSummary::update(before, thanks.turn()), before);
    TurnParts first(nlu::intent::Greeting);
    QCOMPARE(IssueSummary::update({}, first.turn()), QStringLiteral("Customer inquiry"));
}

void TestIssueSummary::outOfScopeIsNoTopic()
{
    TurnParts weather(nlu::intent::OutOfScope);
    QCOMPARE(IssueSummary::update(QStringLiteral("Order status (ORD-10001)"), weather.turn()),
        QStringLiteral("Order status (ORD-10001)"));
    QVERIFY(!IssueSummary::update({}, weather.turn()).contains(QLatin1String("out of scope")));
}

void TestIssueSummary::actionCarriedOutIsTheNewState()
{
    TurnParts yes(nlu::intent::GeneralQuestion);
    yes.report.refunded = 79;
    yes.report.order = order("ORD-10005");
    QCOMPARE(IssueSummary::update(QStringLiteral("Refund of $79.00 for ORD-10005"), yes.turn()),
        QStringLiteral("Refunded $79.00 for ORD-10005"));
    TurnParts cancel(nlu::intent::GeneralQuestion);
    cancel.report.cancelledOrder = QStringLiteral("ORD-10004");
    QCOMPARE(IssueSummary::update({}, cancel.turn()), QStringLiteral("Order ORD-10004 cancelled"));
}

void TestIssueSummary::intentWithItsOrder()
{
    TurnParts t(nlu::intent::OrderStatus);
    t.report.order = order("ORD-10001");
    QCOMPARE(IssueSummary::update({}, t.turn()), QStringLiteral("Order status (ORD-10001)"));
}

QTEST_APPLESS_MAIN(TestIssueSummary)
#include "tst_issuesummary.moc"
