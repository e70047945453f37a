#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

namespace tierdesk {

// What the analytics answer is made of, for the sessions created in one span of
// time: only counts and sums, so the facts of two spans add up to those of their
// union, and a span's facts less a part of it are the facts of the rest.
struct AnalyticsFacts {
    // Sessions of one tier or channel.
    struct Outcome {
        qint64 sessions = 0;
        qint64 resolved = 0;
        qint64 timed = 0; // resolved sessions with a resolution time
        qint64 timeMs = 0; // the sum of those times
        qint64 rated = 0; // sessions the customer rated
        qint64 ratingSum = 0; // the sum of their ratings
        // The sum of every session's satisfaction (1-5): its customer's rating, else the
        // estimate from its final sentiment (estimatedSatisfaction).
        qint64 satisfaction = 0;
        // Resolved with no person's message and no escalation to the human tier.
        qint64 aiResolved = 0;
        // Resolved sessions that held: their customer did not come back about the same reason within
        // the repeat-contact window (sessions.came_back); of those, the AI's.
        qint64 held = 0;
        qint64 aiHeld = 0;
        qint64 escalated = 0; // escalated at least once (transfers by a person are no escalation)
        bool operator==(const Outcome &o) const
        {
            return sessions == o.sessions && resolved == o.resolved && timed == o.timed && timeMs == o.timeMs
                && rated == o.rated && ratingSum == o.ratingSum && satisfaction == o.satisfaction
                && aiResolved == o.aiResolved && held == o.held && aiHeld == o.aiHeld && escalated == o.escalated;
        }
        Outcome &operator+=(const Outcome &o);
    };

    // The model calls made for these sessions (model_usage): their tokens and price.
    struct ModelUse {
        qint64 calls = 0;
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
        qint64 costNanos = 0; // billionths of the currency's unit, so that spans add up exactly
        bool operator==(const ModelUse &o) const
        {
            return calls == o.calls && inputTokens == o.inputTokens && outputTokens == o.outputTokens
                && costNanos == o.costNanos;
        }
        ModelUse &operator+=(const ModelUse &o);
    };
    static QString modelUseKey(
        const QString &purpose, const QString &tier, const QString &model, const QString &currency)
    {
        return purpose + QLatin1Char('\t') + tier + QLatin1Char('\t') + model + QLatin1Char('\t') + currency;
    }

    // A session's satisfaction on a 1-5 scale estimated from its final sentiment: HAPPY 5,
    // SATISFIED 4, NEUTRAL 3, FRUSTRATED 2, ANGRY and IRATE 1.
    static int estimatedSatisfaction(const QString &sentiment);

    QMap<QString, Outcome> byTier; // the tier that held the session last
    QMap<QString, Outcome> byChannel;
    // Why the customers got in touch (session_reasons): "<reason>\t<CATEGORY>"; sessions with no
    // understood message are in none.
    QMap<QString, Outcome> byContactReason;
    QMap<QString, ModelUse> byModelUse; // modelUseKey(purpose, tier, model, currency)
    QMap<QString, qint64> bySentiment; // the session's final sentiment
    QMap<QString, qint64> byReason; // escalations (not transfers) by reason
    qint64 messages = 0;
    qint64 escalatedSessions = 0; // sessions escalated at least once
    qint64 escalationDelayMs = 0; // the sum of their times to the first escalation
    qint64 irateSessions = 0; // sessions with an IRATE reading
    qint64 withTwoReadings = 0; // sessions with two or more readings
    qint64 improved = 0; // of those, the last reading beats the first

    // Adds (sign 1) or takes away (sign -1) another span's facts; entries that
    // fall to zero are dropped.
    void add(const AnalyticsFacts &other, int sign = 1);
    bool isEmpty() const;
    bool operator==(const AnalyticsFacts &o) const;

    qint64 sessions() const { return sumOverTiers(&Outcome::sessions); }
    qint64 resolved() const { return sumOverTiers(&Outcome::resolved); }
    qint64 satisfaction() const { return sumOverTiers(&Outcome::satisfaction); } // summed over every session
    qint64 rated() const { return sumOverTiers(&Outcome::rated); }
    qint64 aiResolved() const { return sumOverTiers(&Outcome::aiResolved); }

    qint64 sumOverTiers(qint64 Outcome::*figure) const;

    // Compact JSON, as stored in the aggregate tables.
    QByteArray toJson() const;
    static AnalyticsFacts fromJson(const QByteArray &json);
};

} // namespace tierdesk
