#include "core/api/agent/AgentJson.h"

#include "core/domain/DeskConfig.h"

#include <QRegularExpression>

namespace tierdesk::api::agentjson {

QString reasonName(EscalationReason reason)
{
    switch (reason) {
    case EscalationReason::IrateCustomer:
    case EscalationReason::SocialMediaThreat:
    case EscalationReason::EscalatedComplaint:
        return QStringLiteral("negative_sentiment");
    case EscalationReason::ComplexIssue:
    case EscalationReason::TechnicalLimitation:
    case EscalationReason::HighValueCustomer:
        return QStringLiteral("high_complexity");
    case EscalationReason::RepeatContact:
        return QStringLiteral("repeated_failures");
    case EscalationReason::CustomerRequest:
        return QStringLiteral("manual_request");
    case EscalationReason::LegalMention:
    case EscalationReason::PolicyException:
    case EscalationReason::RefundRequest:
    case EscalationReason::RefundOverThreshold:
        return QStringLiteral("policy_violation");
    }
    return QStringLiteral("high_complexity");
}

std::optional<EscalationReason> parseReason(const QString &seedReason)
{
    if (seedReason == QLatin1String("negative_sentiment"))
        return EscalationReason::IrateCustomer;
    if (seedReason == QLatin1String("high_complexity"))
        return EscalationReason::ComplexIssue;
    if (seedReason == QLatin1String("repeated_failures"))
        return EscalationReason::RepeatContact;
    if (seedReason == QLatin1String("manual_request"))
        return EscalationReason::CustomerRequest;
    if (seedReason == QLatin1String("policy_violation"))
        return EscalationReason::PolicyException;
    return std::nullopt;
}

QStringList reasonNames()
{
    return {QStringLiteral("negative_sentiment"), QStringLiteral("high_complexity"),
        QStringLiteral("repeated_failures"), QStringLiteral("manual_request"), QStringLiteral("policy_violation")};
}

double sentimentScore(double engineScore)
{
    return qRound((qBound(0.0, engineScore, 1.0) * 2.0 - 1.0) * 1000.0) / 1000.0;
}

bool stronglyNegative(Sentiment level)
{
    return level == Sentiment::Angry || level == Sentiment::Irate;
}

double complexityScore(const Message &reply)
{
    if (!reply.meta.ai)
        return 1.0;
    return qRound((1.0 - qBound(0.0, reply.meta.ai->confidence, 1.0)) * 1000.0) / 1000.0;
}

QString modelUsed(const Message &reply)
{
    if (reply.role == QLatin1String("human_agent"))
        return QStringLiteral("human_agent");
    const QString model = reply.meta.ai ? reply.meta.ai->model : QString();
    return model.isEmpty() ? QStringLiteral("unknown") : model;
}

QString seedPriority(const QString &deskPriority)
{
    const auto p = parsePriority(deskPriority);
    if (!p)
        return QStringLiteral("medium");
    switch (*p) {
    case Priority::Low:
        return QStringLiteral("low");
    case Priority::Normal:
        return QStringLiteral("medium");
    case Priority::High:
        return QStringLiteral("high");
    case Priority::Urgent:
        return QStringLiteral("urgent");
    }
    return QStringLiteral("medium");
}

QString ticketId(const QString &engineSessionId, int number)
{
    const QString hex = engineSessionId.startsWith(QLatin1String("sess_")) ? engineSessionId.mid(5) : engineSessionId;
    return QStringLiteral("TKT-%1-%2").arg(hex).arg(number);
}

std::optional<std::pair<QString, int>> parseTicketId(const QString &ticketId)
{
    static const QRegularExpression pattern(QStringLiteral("^TKT-([0-9a-f]{32})-([1-9][0-9]{0,5})$"));
    const QRegularExpressionMatch m = pattern.match(ticketId);
    if (!m.hasMatch())
        return std::nullopt;
    return std::pair{QStringLiteral("sess_") + m.captured(1), m.captured(2).toInt()};
}

QString sessionStatus(const Session &s)
{
    return s.isOpen() ? QStringLiteral("active") : QStringLiteral("closed");
}

} // namespace tierdesk::api::agentjson

namespace tierdesk::api::agentjson {

bool validSessionName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$"));
    return pattern.match(name).hasMatch();
}

} // namespace tierdesk::api::agentjson
