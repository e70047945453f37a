#include "core/domain/Enums.h"

#include <array>

namespace tierdesk {
namespace {

template <typename E, size_t N> QString nameOf(const std::array<const char *, N> &names, E v)
{
    return QString::fromLatin1(names.at(static_cast<size_t>(v)));
}

template <typename E, size_t N> std::optional<E> valueOf(const std::array<const char *, N> &names, const QString &text)
{
    for (size_t i = 0; i < N; ++i)
        if (text == QLatin1String(names[i]))
            return static_cast<E>(i);
    return std::nullopt;
}

template <size_t N> QStringList namesOf(const std::array<const char *, N> &names)
{
    QStringList out;
    for (const char *n : names)
        out << QString::fromLatin1(n);
    return out;
}

const std::array<const char *, 3> kTiers{"AI_REP", "AI_MANAGER", "HUMAN_AGENT"};
const std::array<const char *, 5> kStatuses{"ACTIVE", "WAITING_CUSTOMER", "ESCALATED", "RESOLVED", "ABANDONED"};
const std::array<const char *, 4> kChannels{"voice", "chat", "email", "sms"};
const std::array<const char *, 10> kCategories{"BILLING", "SHIPPING", "PRODUCT_QUALITY", "SUBSCRIPTION", "REFUND",
    "TECHNICAL", "ACCOUNT", "GENERAL_INQUIRY", "COMPLAINT", "CANCELLATION"};
const std::array<const char *, 6> kSentiments{"HAPPY", "SATISFIED", "NEUTRAL", "FRUSTRATED", "ANGRY", "IRATE"};
const std::array<const char *, 12> kReasons{"IRATE_CUSTOMER", "REFUND_REQUEST", "COMPLEX_ISSUE", "REPEAT_CONTACT",
    "HIGH_VALUE_CUSTOMER", "LEGAL_MENTION", "SOCIAL_MEDIA_THREAT", "REFUND_OVER_THRESHOLD", "CUSTOMER_REQUEST",
    "POLICY_EXCEPTION", "ESCALATED_COMPLAINT", "TECHNICAL_LIMITATION"};
const std::array<const char *, 9> kResolutions{"INFORMATION_PROVIDED", "ISSUE_RESOLVED", "REFUND_PROCESSED",
    "REPLACEMENT_SENT", "CREDIT_APPLIED", "SUBSCRIPTION_MODIFIED", "ESCALATED_TO_HUMAN", "CUSTOMER_SATISFIED",
    "UNRESOLVED"};

} // namespace

QString toString(Tier v)
{
    return nameOf(kTiers, v);
}
QString toString(SessionStatus v)
{
    return nameOf(kStatuses, v);
}
QString toString(Channel v)
{
    return nameOf(kChannels, v);
}
QString toString(IssueCategory v)
{
    return nameOf(kCategories, v);
}
QString toString(Sentiment v)
{
    return nameOf(kSentiments, v);
}
QString toString(EscalationReason v)
{
    return nameOf(kReasons, v);
}
QString toString(ResolutionType v)
{
    return nameOf(kResolutions, v);
}

template <> std::optional<Tier> parse<Tier>(const QString &t)
{
    return valueOf<Tier>(kTiers, t);
}
template <> std::optional<SessionStatus> parse<SessionStatus>(const QString &t)
{
    return valueOf<SessionStatus>(kStatuses, t);
}
template <> std::optional<Channel> parse<Channel>(const QString &t)
{
    return valueOf<Channel>(kChannels, t);
}
template <> std::optional<IssueCategory> parse<IssueCategory>(const QString &t)
{
    return valueOf<IssueCategory>(kCategories, t);
}
template <> std::optional<Sentiment> parse<Sentiment>(const QString &t)
{
    return valueOf<Sentiment>(kSentiments, t);
}
template <> std::optional<EscalationReason> parse<EscalationReason>(const QString &t)
{
    return valueOf<EscalationReason>(kReasons, t);
}
template <> std::optional<ResolutionType> parse<ResolutionType>(const QString &t)
{
    return valueOf<ResolutionType>(kResolutions, t);
}

template <> QStringList allNames<Tier>()
{
    return namesOf(kTiers);
}
template <> QStringList allNames<SessionStatus>()
{
    return namesOf(kStatuses);
}
template <> QStringList allNames<Channel>()
{
    return namesOf(kChannels);
}
template <> QStringList allNames<IssueCategory>()
{
    return namesOf(kCategories);
}
template <> QStringList allNames<Sentiment>()
{
    return namesOf(kSentiments);
}
template <> QStringList allNames<EscalationReason>()
{
    return namesOf(kReasons);
}
template <> QStringList allNames<ResolutionType>()
{
    return namesOf(kResolutions);
}

} // namespace tierdesk
