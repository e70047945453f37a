#include "core/engine/desk/DemoLoad.h"

#include "core/engine/desk/DeskRules.h"

#include "core/common/Ids.h"
#include "core/engine/SessionEngine.h"
#include "core/store/DemoLoadRepo.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

namespace tierdesk {
namespace {

constexpr qint64 kDayMs = 86400000;
constexpr int kSessionsPerTransaction = 20000;

struct Topic {
    IssueCategory category;
    const char *question;
    const char *answer;
};

const Topic kTopics[] = {
    {IssueCategory::Shipping, "Where is my order? It was supposed to arrive yesterday.",
        "Your order shipped and is on its way; the tracking link is in your e-mail."},
    {IssueCategory::Refund, "I returned the jacket two weeks ago and still have no refund.",
        "I can see the return arrived; refunds take 5-10 business days to appear."},
    {IssueCategory::Billing, "I was charged twice for the same order.",
        "I'm sorry about that - let me look at both charges for you."},
    {IssueCategory::Cancellation, "Please cancel my order before it ships.",
        "I can help with that; let me check whether it has left the warehouse."},
    {IssueCategory::ProductQuality, "The kettle stopped working after three days.",
        "I'm sorry to hear that. A replacement or a refund are both possible."},
    {IssueCategory::Complaint, "This is the third time I'm writing about the same problem.",
        "I understand your frustration and I'm passing this on right away."},
    {IssueCategory::Subscription, "How do I pause my subscription for a month?",
        "You can pause it from your account page, or I can do it for you now."},
    {IssueCategory::Account, "I can't log in to my account.",
        "Let's reset your password; I've sent a link to your e-mail address."},
    {IssueCategory::Technical, "The app crashes when I open my order history.",
        "Thanks for reporting it; updating the app to the latest version fixes this."},
    {IssueCategory::GeneralInquiry, "Do you ship to Norway?",
        "Yes, we ship to Norway; delivery takes 4-6 business days."},
};

const char *const kFirstNames[] = {"Ada", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Hugo", "Iris", "Jonas",
    "Kara", "Liam", "Maya", "Noah", "Olivia", "Pablo", "Quinn", "Rosa", "Sam", "Tara"};
const char *const kLastNames[] = {"Archer", "Baker", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hansen",
    "Ivanova", "Jensen", "Kowalski", "Lopez", "Meyer", "Nakamura", "Okafor", "Patel"};
const Sentiment kSentiments[] = {Sentiment::Happy, Sentiment::Satisfied, Sentiment::Neutral, Sentiment::Neutral,
    Sentiment::Frustrated, Sentiment::Angry, Sentiment::Irate};
const EscalationReason kHumanReasons[] = {EscalationReason::CustomerRequest, EscalationReason::IrateCustomer,
    EscalationReason::RefundOverThreshold, EscalationReason::EscalatedComplaint, EscalationReason::LegalMention,
    EscalationReason::RepeatContact, EscalationReason::ComplexIssue};

// What the demo's knowledge does not answer, each in a few wordings: most unanswered questions
// are a few things asked again and again; the rest a long tail (gapQuestion()).
const char *const kGapTopics[][3] = {
    {"Do you ship to Canada?", "Can you ship my order to Canada?", "Is shipping to Canada possible?"},
    {"Do you offer gift wrapping?", "Can I get gift wrapping for a present?", "Is gift wrap available?"},
    {"Do you price match?", "Will you match a competitor's price?", "Price match policy?"},
    {"Is there a student discount?", "Do students get a discount?", "Student discount code?"},
    {"Can I buy a gift card?", "Do you sell gift cards?", "Where can I get a gift card?"},
    {"Can I pay with PayPal?", "Do you take PayPal?", "PayPal payment possible?"},
    {"Can I pay in instalments?", "Do you offer Klarna instalments?", "Pay later in instalments?"},
    {"Do you repair jackets?", "Is there a repair service for jackets?", "Can you repair my jacket zipper?"},
    {"What are your store opening hours?", "When is the store open?", "Store hours on Sunday?"},
    {"Can I collect my order in store?", "Do you have click and collect?", "Store pickup for online orders?"},
    {"Do you take bulk orders for teams?", "Team discount for bulk orders?", "Can we order 50 jackets for our team?"},
    {"Are your boots vegan?", "Which boots are vegan leather?", "Vegan materials in boots?"},
    {"Do you recycle old shoes?", "Can I bring old shoes for recycling?", "Shoe recycling programme?"},
    {"Is there a military discount?", "Do veterans get a discount?", "Military discount available?"},
    {"Is shipping carbon neutral?", "Do you offset shipping emissions?", "Carbon neutral delivery?"},
    {"Can you ship to a PO box?", "Do you deliver to PO boxes?", "PO box delivery possible?"},
    {"Do you have same-day delivery?", "Can I get same-day delivery?", "Same day shipping in London?"},
    {"Do you sell replacement laces?", "Where can I buy spare laces?", "Replacement laces for boots?"},
    {"Are the tents waterproof?", "How waterproof is the tent?", "Tent waterproof rating?"},
    {"Do you have a size chart for kids?", "Kids sizing chart?", "What size for a 7 year old?"},
};
const char *const kTailThings[] = {"kayak", "paddle", "ski wax", "snowshoes", "climbing rope", "harness", "headlamp",
    "stove", "fuel canister", "water filter", "hammock", "sleeping pad", "trekking poles", "gaiters", "crampons",
    "ice axe", "bike rack", "roof box", "dog harness", "camp chair"};
const char *const kTailAsks[] = {"Do you sell a %1?", "Do you rent a %1?", "Can I hire a %1 for a weekend?",
    "Is the %1 in stock in Oslo?", "Do you service a %1?", "Can I trade in my old %1?"};

class Loader {
public:
    Loader(Database &db, const Company &company, qint64 now, KnowledgeGaps &gaps)
        : m_company(company), m_now(now), m_repo(db), m_gaps(gaps)
    {
    }

    Status customers(int count)
    {
        for (int i = 0; i < count; ++i) {
            const QString id = QStringLiteral("cust_load_%1").arg(i, 6, 10, QLatin1Char('0'));
            const QString name = QStringLiteral("%1 %2").arg(
                QLatin1String(kFirstNames[i % 20]), QLatin1String(kLastNames[(i / 20) % 16]));
            const bool vip = i % 25 == 0;
            const char *tier = vip ? "PLATINUM" : i % 5 == 0 ? "GOLD" : i % 3 == 0 ? "SILVER" : "BRONZE";
            Status added = m_repo.addCustomer(m_company.id,
                {id, name, id + QStringLiteral("@example.com"), QLatin1String(tier),
                    double(m_rng.bounded(20000)) / 10.0 + (vip ? 5000 : 0), vip, m_now - 90 * kDayMs});
            if (!added)
                return added;
        }
        m_customers = count;
        return Ok{};
    }

    // One session; `waiting` ones sit in a human queue now; a `gap` asked something the knowledge does not answer.
    Status session(bool waiting, bool gap)
    {
        const Topic &topic = kTopics[m_rng.bounded(int(std::size(kTopics)))];
        const Sentiment sentiment = waiting ? kSentiments[2 + m_rng.bounded(5)] : kSentiments[m_rng.bounded(5)];
        const qint64 start
            = waiting ? m_now - m_rng.bounded(3 * 3600) * 1000LL : m_now - qint64(m_rng.bounded(30 * 86400)) * 1000;
        const QString id = ids::random(QStringLiteral("sess_"));
        const QString customer
            = QStringLiteral("cust_load_%1").arg(m_rng.bounded(m_customers), 6, 10, QLatin1Char('0'));
        const bool escalated = waiting || m_rng.bounded(10) == 0;
        const Tier tier = waiting ? Tier::HumanAgent : escalated ? Tier::AiManager : Tier::AiRep;
        const bool abandoned = !waiting && m_rng.bounded(12) == 0;
        const SessionStatus status = waiting ? SessionStatus::Escalated
            : abandoned                      ? SessionStatus::Abandoned
                                             : SessionStatus::Resolved;
        const qint64 last = start + 90000;
        const QString resolution = waiting || abandoned
            ? QString()
            : QStringLiteral(
                "{\"type\":\"INFORMATION_PROVIDED\",\"summary\":\"\",\"actionsTaken\":[],\"followUpRequired\":false}");
        const QString channel = QLatin1String(m_rng.bounded(4) == 0 ? "email" : "chat");
        const QString summary = QStringLiteral("Customer inquiry: ")
            + toString(topic.category).toLower().replace(QLatin1Char('_'), QLatin1Char(' '));
        if (Status added = m_repo.addSession(m_company.id,
                {id, customer, channel, tier, status, topic.category, summary, sentiment, start, last,
                    waiting || abandoned ? 0 : last, resolution, 2});
            !added)
            return added;
        const QString role = QLatin1String(tier == Tier::AiRep ? "ai_rep" : "ai_manager");
        Status added = m_repo.addMessage(id,
            {ids::random(QStringLiteral("msg_")), 0, QStringLiteral("customer"), QLatin1String(topic.question), start,
                sentiment});
        if (added)
            added = m_repo.addMessage(id,
                {ids::random(QStringLiteral("msg_")), 1, waiting ? QStringLiteral("ai_rep") : role,
                    QLatin1String(topic.answer), start + 1500, std::nullopt});
        if (added)
            added = m_repo.addSentiment(id, sentiment, 0.3 + double(m_rng.bounded(60)) / 100.0, start);
        if (added && gap)
            added = m_gaps.record(m_company.id, id, gapQuestion(), QLatin1String(gapreason::kNotKnown), start + 1000);
        if (!added || !escalated)
            return added;
        const EscalationReason reason
            = waiting ? kHumanReasons[m_rng.bounded(int(std::size(kHumanReasons)))] : EscalationReason::ComplexIssue;
        if (Status escalation = m_repo.addEscalation(id, m_company.id, Tier::AiRep, tier, reason, start + 1000);
            !escalation || !waiting)
            return escalation;
        return queueItem(id, topic.category, reason, sentiment, start + 1000);
    }

private:
    // Nine in ten of a few things asked again and again, in their wordings; the rest a long tail.
    QString gapQuestion()
    {
        if (m_rng.bounded(10) > 0) {
            const auto &topic = kGapTopics[m_rng.bounded(int(std::size(kGapTopics)))];
            return QLatin1String(topic[m_rng.bounded(3)]);
        }
        return QLatin1String(kTailAsks[m_rng.bounded(int(std::size(kTailAsks)))])
            .arg(QLatin1String(kTailThings[m_rng.bounded(int(std::size(kTailThings)))]));
    }

    // Priority and due times by the desk's own rules, as a live escalation gets them
    // (the load's customers are not VIPs).
    Status queueItem(
        const QString &id, IssueCategory category, EscalationReason reason, Sentiment sentiment, qint64 queuedAt)
    {
        const DeskConfig &config = m_company.config.desk;
        DeskItem item;
        item.sessionId = id;
        item.companyId = m_company.id;
        item.queue = config.queueFor(category);
        item.priority = desk::priorityFor(reason, sentiment, false);
        item.reason = reason;
        item.fromTier = Tier::AiRep;
        item.queuedAt = queuedAt;
        item.updatedAt = queuedAt;
        desk::setDueTimes(item, config);
        return m_repo.addDeskItem(item);
    }

    const Company &m_company;
    qint64 m_now;
    DemoLoadRepo m_repo;
    KnowledgeGaps &m_gaps;
    QRandomGenerator m_rng{20251219}; // the same data set each run
    int m_customers = 1;
};

} // namespace

Result<QJsonObject> seedDemoLoad(SessionEngine &engine, const QString &companyId, const DemoLoadRequest &request)
{
    if (request.sessions < 0 || request.sessions > DemoLoadRequest::kMaxSessions || request.escalations < 0
        || request.escalations > request.sessions || request.gaps < 0 || request.gaps > request.sessions)
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("sessions must be 0 to 1000000, escalations and gaps 0 to sessions"));
    const auto company = engine.company(companyId);
    if (!company)
        return company.error();
    QElapsedTimer timer;
    timer.start();
    Store &store = engine.core().store();
    if (!store.batch().flush()) // the load writes its own transactions
        return makeError(ErrorKind::Internal, QStringLiteral("could not commit pending writes"));
    Database &db = store.db();
    Loader loader(db, *company, engine.clock().nowMs(), engine.gaps());
    const int customers = qBound(1, request.sessions / 10, 20000);
    Status ok = db.status(db.begin());
    if (ok)
        ok = loader.customers(customers);
    // Waiting escalations are spread evenly through the load.
    for (int i = 0; ok && i < request.sessions; ++i) {
        const bool waiting = qint64(i + 1) * request.escalations / request.sessions
            > qint64(i) * request.escalations / request.sessions;
        const bool gap = qint64(i + 1) * request.gaps / request.sessions > qint64(i) * request.gaps / request.sessions;
        ok = loader.session(waiting, gap);
        if (ok && (i + 1) % kSessionsPerTransaction == 0)
            ok = db.status(db.commit() && db.begin());
    }
    if (!ok) {
        db.rollback();
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the demo load: ") + ok.error().message);
    }
    if (!db.commit())
        return makeError(ErrorKind::Internal, QStringLiteral("could not commit the demo load"));
    // The analytics facts of the hours just filled, so the first question about them is quick.
    const qint64 now = engine.clock().nowMs();
    if (!(db.begin() && store.analytics().refresh(company->id, now - 31 * AnalyticsRepo::kDayMs, now) && db.commit())) {
        db.rollback();
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the analytics of the demo load"));
    }
    return QJsonObject{{QStringLiteral("sessions"), request.sessions},
        {QStringLiteral("escalations"), request.escalations}, {QStringLiteral("gaps"), request.gaps},
        {QStringLiteral("customers"), customers}, {QStringLiteral("milliseconds"), timer.elapsed()}};
}

} // namespace tierdesk
