#pragma once

#include "core/domain/CallRecord.h"
#include "core/domain/SessionRating.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace tierdesk {

enum class GroupBy { None, Day, Week, Month };

// The people's desk over the items that left it in a span of time.
struct DeskSummary {
    qint64 handled = 0;
    qint64 slaMet = 0;
    qint64 slaMissed = 0;
    std::optional<double> slaAttainment; // percent, one decimal; none when nothing was handled
    int avgFirstResponseTime = 0; // seconds
    int avgHandleTime = 0; // seconds
    // The customers' ratings of the sessions each person held when they were resolved,
    // for the ratings given in the span.
    QList<AgentSatisfaction> byAgent;
};

// Seed 001's analytics over the sessions created in [startMs, endMs]
// (docs/api.md "Analytics" gives the definitions). Rates are percents with one
// decimal, times whole seconds, satisfaction on a 1-5 scale with one decimal.
struct AnalyticsSummary {
    struct Overview {
        qint64 totalSessions = 0;
        qint64 resolvedSessions = 0;
        double resolutionRate = 0;
        int avgResolutionTime = 0;
        double avgMessagesPerSession = 0;
        double customerSatisfactionAvg = 0;
        qint64 ratings = 0; // sessions their customer rated
    };
    // What the AI resolved and what held (docs/api.md, "Resolutions"). Rates in percent with one
    // decimal of the sessions; none (null) without sessions.
    struct Resolution {
        qint64 sessions = 0;
        qint64 aiResolved = 0; // resolved with no person's message and no escalation to the human tier
        qint64 aiResolvedHeld = 0; // of those, the customer did not come back about the same reason
        std::optional<double> aiResolutionRate;
        qint64 humanResolved = 0;
        qint64 unresolved = 0;
        qint64 reopened = 0; // AI resolutions whose customer came back about the same reason
        std::optional<double> firstContactResolutionRate; // resolved and held, of all sessions
    };
    // Why customers got in touch: their first understood message's intent and its category.
    struct ContactReason {
        QString reason;
        QString category;
        qint64 sessions = 0;
        std::optional<double> aiResolutionRate;
        std::optional<double> escalationRate;
        double customerSatisfactionAvg = 0;
        int avgHandleTime = 0; // seconds from start to resolution, over the resolved ones
    };
    static constexpr int kMaxContactReasons = 50;
    struct TierRow {
        QString tier;
        qint64 sessions = 0;
        qint64 resolved = 0;
        double resolutionRate = 0;
        int avgTime = 0;
        double customerSatisfactionAvg = 0;
        qint64 ratings = 0;
        std::optional<double> aiResolutionRate;
        std::optional<double> firstContactResolutionRate;
    };
    struct ChannelRow {
        QString channel;
        qint64 sessions = 0;
        qint64 resolved = 0;
        int avgTime = 0;
        double customerSatisfactionAvg = 0;
        qint64 ratings = 0;
        std::optional<double> aiResolutionRate;
        std::optional<double> firstContactResolutionRate;
    };
    // What the language models cost for the sessions of the range (docs/api.md, "Cost"): a row by
    // tier or by model.
    struct CostRow {
        QString name; // the tier or the model
        qint64 calls = 0;
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
        double cost = 0;
    };
    struct Cost {
        double total = 0; // the replies' calls, in `currency`
        QString currency; // of the prices; empty when no call was priced (the API says the company's)
        std::optional<double> perSession; // none without sessions
        std::optional<double> perAiResolution; // none without AI resolutions
        qint64 calls = 0;
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
        QList<CostRow> byTier; // the tiers whose replies called a model
        QList<CostRow> byModel; // costliest first
        CostRow assist; // the desk's calls (agent assist, hand-over summaries), counted apart; name empty
        QList<CostRow> assistByModel;
        // Calls priced in another currency than `currency`: their totals, not added in (name: the currency).
        QList<CostRow> otherCurrencies;
    };

    struct Escalations {
        qint64 total = 0;
        QMap<QString, qint64> byReason; // only the reasons that occurred
        int avgEscalationTime = 0;
        double escalationRate = 0;
    };
    struct Sentiments {
        QMap<QString, qint64> distribution; // every sentiment, zeros included
        qint64 irateIncidents = 0;
        double sentimentImprovement = 0;
    };
    struct Period {
        QString period; // "2025-12-19", "2025-W50" or "2025-12"
        qint64 sessions = 0;
        qint64 resolved = 0;
        qint64 escalated = 0;
        double customerSatisfactionAvg = 0;
        qint64 ratings = 0;
        qint64 aiResolved = 0;
    };

    qint64 startMs = 0;
    qint64 endMs = 0;
    Overview overview;
    Resolution resolution;
    QList<ContactReason> contactReasons; // most frequent first, at most kMaxContactReasons
    QList<TierRow> byTier; // every tier, in the tiers' order
    QList<ChannelRow> byChannel; // the channels that had sessions, busiest first
    Cost cost;
    Escalations escalations;
    Sentiments sentiment;
    GroupBy groupBy = GroupBy::None;
    QList<Period> timeline; // by period; empty when not grouped
    DeskSummary desk;
    CallsSummary calls; // the calls started in the range (docs/calls.md, "Call analytics")
};

} // namespace tierdesk
