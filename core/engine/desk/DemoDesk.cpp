#include "core/engine/desk/DemoDesk.h"

#include "core/engine/desk/Desk.h"

namespace tierdesk {
namespace {

constexpr qint64 kMinuteMs = 60000;
constexpr int kMinutesBetweenMessages = 2;

// One demo customer's conversation. The customer's last message hands it to a person
// `queuedMinutesAgo`; `fallback` escalates it should the engine's rules ever answer
// it otherwise; `meanwhile` is written while they wait, `meanwhileAfter` minutes later.
struct DemoConversation {
    const char *customer;
    int queuedMinutesAgo;
    EscalationReason fallback;
    const char *messages[4];
    const char *meanwhile = nullptr;
    int meanwhileAfter = 0;
};

// SLA targets by default (first response): urgent 5 min, high 15, normal 60, at risk from 75 %.
const DemoConversation kConversations[] = {
    {"chloe", 2, EscalationReason::RefundOverThreshold,
        {"The tent from ORD-10007 arrived with a broken pole and a torn floor.",
            "I want my full $378 back, please. I can send photos.", "Yes please, refund the full $378 to my card."}},
    {"alice", 6, EscalationReason::CustomerRequest,
        {"My order ORD-10003 has been processing for over a week.",
            "I need it for a trip on Friday. Can you make sure it ships today?",
            "I'd like to talk to someone from your team please."}},
    {"hugo", 15, EscalationReason::CustomerRequest,
        {"My order ORD-10019 was supposed to arrive by now and the tracking hasn't moved for days.",
            "Please let a real person look at this, not a bot."}},
    {"daniel", 47, EscalationReason::CustomerRequest,
        {"Hi, my gloves from ORD-10011 were supposed to be here by now. Where are they?",
            "The tracking hasn't changed in four days. Is the parcel lost?",
            "Could I talk to a person about this, please?"}},
    {"ben", 50, EscalationReason::CustomerRequest,
        {"Can you cancel order ORD-10004? I ordered the wrong colour.",
            "It still says pending. I'd rather speak with a human agent about it."},
        "Hello? Is anyone there? Please cancel ORD-10004 before it ships.", 30},
    {"farid", 70, EscalationReason::EscalatedComplaint,
        {"You charged my card twice for order ORD-10016 and it still hasn't shipped.",
            "This is ridiculous. Two charges and still no jacket after a week!",
            "I am furious. This is the worst service I have ever had. Get me a manager now.",
            "I want to make a formal complaint. A real person, please."}},
    {"emma", 40, EscalationReason::RefundOverThreshold,
        {"I sent the Northstar sleeping bag and the pad from ORD-10012 back two weeks ago and the $268 refund never "
         "reached my account."},
        "If this is not sorted out today my lawyer will be in touch.", 20},
};

// The engine's clock, `back` minutes ago: the conversations happen in the past.
class PastClock final : public Clock {
public:
    explicit PastClock(const Clock &now) : m_now(now) { }
    QDateTime now() const override { return m_now.now().addMSecs(-m_backMs); }
    void setMinutesAgo(int minutes) { m_backMs = minutes * kMinuteMs; }

private:
    const Clock &m_now;
    qint64 m_backMs = 0;
};

int messageCount(const DemoConversation &c)
{
    int n = 0;
    while (n < int(std::size(c.messages)) && c.messages[n])
        ++n;
    return n;
}

// Plays one conversation on `engine` (whose clock is `clock`); false on a store error.
Status play(SessionEngine &engine, PastClock &clock, const QString &companyId, const DemoConversation &c)
{
    const Actor customer(QStringLiteral("demo"), QStringLiteral("system"));
    const int count = messageCount(c);
    clock.setMinutesAgo(c.queuedMinutesAgo + (count - 1) * kMinutesBetweenMessages);
    CreateSessionRequest request;
    request.companyId = companyId;
    request.customerId = QStringLiteral("cust_") + QLatin1String(c.customer);
    request.initialMessage = QString::fromUtf8(c.messages[0]);
    auto session = engine.createSession(request, customer);
    if (!session)
        return session.error();
    Tier tier = session->currentTier;
    for (int i = 1; i < count; ++i) {
        clock.setMinutesAgo(c.queuedMinutesAgo + (count - 1 - i) * kMinutesBetweenMessages);
        auto outcome = engine.postMessage(companyId, session->id, QString::fromUtf8(c.messages[i]), customer);
        if (!outcome)
            return outcome.error();
        tier = outcome->session.currentTier;
    }
    if (tier != Tier::HumanAgent) {
        auto escalated = engine.escalate(companyId, session->id, c.fallback, Tier::HumanAgent, {}, customer);
        if (!escalated)
            return escalated.error();
    }
    if (c.meanwhile) {
        clock.setMinutesAgo(c.queuedMinutesAgo - c.meanwhileAfter);
        if (auto outcome = engine.postMessage(companyId, session->id, QString::fromUtf8(c.meanwhile), customer);
            !outcome)
            return outcome.error();
    }
    return Ok{};
}

int waitingOn(Desk &desk, const QString &companyId)
{
    int waiting = 0;
    const auto counts = desk.repo().counts(companyId);
    for (const QueueCounts &c : counts)
        waiting += c.waiting + c.claimed;
    return waiting;
}

} // namespace

Result<QJsonObject> seedDemoDesk(SessionEngine &engine, const QString &companyId)
{
    const auto company = engine.company(companyId);
    if (!company)
        return company.error();
    // An engine and a desk of their own, on the same store, whose clock runs in the past.
    PastClock clock(engine.clock());
    SessionEngine past(engine.core().store(), clock);
    Desk desk(past);
    int added = 0;
    if (waitingOn(desk, companyId) == 0) {
        for (const DemoConversation &c : kConversations) {
            if (const Status played = play(past, clock, companyId, c); !played)
                return played.error();
            ++added;
        }
        clock.setMinutesAgo(0);
        desk.evaluateSla(); // now: on time, at risk or breached
    }
    if (!engine.core().store().batch().flush())
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the demo escalations"));
    return QJsonObject{{QStringLiteral("added"), added}, {QStringLiteral("waiting"), waitingOn(desk, companyId)}};
}

} // namespace tierdesk
