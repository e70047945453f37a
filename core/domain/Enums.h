#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// The enums of the canonical CS API (seed 001) with their wire names.
namespace tierdesk {

enum class Tier { AiRep, AiManager, HumanAgent };
enum class SessionStatus { Active, WaitingCustomer, Escalated, Resolved, Abandoned };
enum class Channel { Voice, Chat, Email, Sms };
enum class IssueCategory {
    Billing,
    Shipping,
    ProductQuality,
    Subscription,
    Refund,
    Technical,
    Account,
    GeneralInquiry,
    Complaint,
    Cancellation
};
enum class Sentiment { Happy, Satisfied, Neutral, Frustrated, Angry, Irate };
enum class EscalationReason {
    IrateCustomer,
    RefundRequest,
    ComplexIssue,
    RepeatContact,
    HighValueCustomer,
    LegalMention,
    SocialMediaThreat,
    RefundOverThreshold,
    CustomerRequest,
    PolicyException,
    EscalatedComplaint,
    TechnicalLimitation
};
enum class ResolutionType {
    InformationProvided,
    IssueResolved,
    RefundProcessed,
    ReplacementSent,
    CreditApplied,
    SubscriptionModified,
    EscalatedToHuman,
    CustomerSatisfied,
    Unresolved
};

QString toString(Tier v);
QString toString(SessionStatus v);
QString toString(Channel v);
QString toString(IssueCategory v);
QString toString(Sentiment v);
QString toString(EscalationReason v);
QString toString(ResolutionType v);

// parse<E>("AI_REP") -> Tier::AiRep; std::nullopt for anything else (case-sensitive,
// except Channel which the seed writes in lower case).
template <typename E> std::optional<E> parse(const QString &text);
template <typename E> QStringList allNames();

// Tier order: AI_REP < AI_MANAGER < HUMAN_AGENT.
inline int rank(Tier t)
{
    return static_cast<int>(t);
}
// Negative sentiments: FRUSTRATED, ANGRY, IRATE.
inline bool isNegative(Sentiment s)
{
    return static_cast<int>(s) >= static_cast<int>(Sentiment::Frustrated);
}

} // namespace tierdesk
