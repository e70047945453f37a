#include "core/store/AnalyticsFacts.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk {
namespace {

template <typename Value, typename Combine>
void merge(QMap<QString, Value> &into, const QMap<QString, Value> &from, Combine combine)
{
    for (auto it = from.cbegin(); it != from.cend(); ++it) {
        Value &v = into[it.key()];
        combine(v, it.value());
        if (v == Value{})
            into.remove(it.key());
    }
}

QJsonObject outcomesJson(const QMap<QString, AnalyticsFacts::Outcome> &outcomes)
{
    QJsonObject out;
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
        out.insert(it.key(),
            QJsonArray{it->sessions, it->resolved, it->timed, it->timeMs, it->rated, it->ratingSum, it->satisfaction,
                it->aiResolved, it->held, it->aiHeld, it->escalated});
    return out;
}

QMap<QString, AnalyticsFacts::Outcome> outcomesFrom(const QJsonObject &json)
{
    QMap<QString, AnalyticsFacts::Outcome> out;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QJsonArray a = it.value().toArray();
        out.insert(it.key(),
            {a.at(0).toInteger(), a.at(1).toInteger(), a.at(2).toInteger(), a.at(3).toInteger(), a.at(4).toInteger(),
                a.at(5).toInteger(), a.at(6).toInteger(), a.at(7).toInteger(), a.at(8).toInteger(), a.at(9).toInteger(),
                a.at(10).toInteger()});
    }
    return out;
}

QJsonObject modelUsesJson(const QMap<QString, AnalyticsFacts::ModelUse> &uses)
{
    QJsonObject out;
    for (auto it = uses.cbegin(); it != uses.cend(); ++it)
        out.insert(it.key(), QJsonArray{it->calls, it->inputTokens, it->outputTokens, it->costNanos});
    return out;
}

QMap<QString, AnalyticsFacts::ModelUse> modelUsesFrom(const QJsonObject &json)
{
    QMap<QString, AnalyticsFacts::ModelUse> out;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QJsonArray a = it.value().toArray();
        out.insert(it.key(), {a.at(0).toInteger(), a.at(1).toInteger(), a.at(2).toInteger(), a.at(3).toInteger()});
    }
    return out;
}

QJsonObject countsJson(const QMap<QString, qint64> &counts)
{
    QJsonObject out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

QMap<QString, qint64> countsFrom(const QJsonObject &json)
{
    QMap<QString, qint64> out;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it)
        out.insert(it.key(), it.value().toInteger());
    return out;
}

} // namespace

AnalyticsFacts::Outcome &AnalyticsFacts::Outcome::operator+=(const Outcome &o)
{
    sessions += o.sessions;
    resolved += o.resolved;
    timed += o.timed;
    timeMs += o.timeMs;
    rated += o.rated;
    ratingSum += o.ratingSum;
    satisfaction += o.satisfaction;
    aiResolved += o.aiResolved;
    held += o.held;
    aiHeld += o.aiHeld;
    escalated += o.escalated;
    return *this;
}

AnalyticsFacts::ModelUse &AnalyticsFacts::ModelUse::operator+=(const ModelUse &o)
{
    calls += o.calls;
    inputTokens += o.inputTokens;
    outputTokens += o.outputTokens;
    costNanos += o.costNanos;
    return *this;
}

void AnalyticsFacts::add(const AnalyticsFacts &other, int sign)
{
    const auto addOutcome = [sign](Outcome &a, const Outcome &b) {
        a += sign > 0 ? b
                      : Outcome{-b.sessions, -b.resolved, -b.timed, -b.timeMs, -b.rated, -b.ratingSum, -b.satisfaction,
                          -b.aiResolved, -b.held, -b.aiHeld, -b.escalated};
    };
    const auto addCount = [sign](qint64 &a, qint64 b) { a += sign * b; };
    const auto addUse = [sign](ModelUse &a, const ModelUse &b) {
        a += sign > 0 ? b : ModelUse{-b.calls, -b.inputTokens, -b.outputTokens, -b.costNanos};
    };
    merge(byModelUse, other.byModelUse, addUse);
    merge(byTier, other.byTier, addOutcome);
    merge(byChannel, other.byChannel, addOutcome);
    merge(byContactReason, other.byContactReason, addOutcome);
    merge(bySentiment, other.bySentiment, addCount);
    merge(byReason, other.byReason, addCount);
    messages += sign * other.messages;
    escalatedSessions += sign * other.escalatedSessions;
    escalationDelayMs += sign * other.escalationDelayMs;
    irateSessions += sign * other.irateSessions;
    withTwoReadings += sign * other.withTwoReadings;
    improved += sign * other.improved;
}

bool AnalyticsFacts::isEmpty() const
{
    return *this == AnalyticsFacts{};
}

bool AnalyticsFacts::operator==(const AnalyticsFacts &o) const
{
    return byTier == o.byTier && byChannel == o.byChannel && byContactReason == o.byContactReason
        && byModelUse == o.byModelUse && bySentiment == o.bySentiment && byReason == o.byReason
        && messages == o.messages && escalatedSessions == o.escalatedSessions
        && escalationDelayMs == o.escalationDelayMs && irateSessions == o.irateSessions
        && withTwoReadings == o.withTwoReadings && improved == o.improved;
}

// A figure of every session, summed over the tiers (each session counts for exactly one).
qint64 AnalyticsFacts::sumOverTiers(qint64 Outcome::*figure) const
{
    qint64 n = 0;
    for (const Outcome &o : byTier)
        n += o.*figure;
    return n;
}

int AnalyticsFacts::estimatedSatisfaction(const QString &sentiment)
{
    static const QHash<QString, int> scores{{QStringLiteral("HAPPY"), 5}, {QStringLiteral("SATISFIED"), 4},
        {QStringLiteral("NEUTRAL"), 3}, {QStringLiteral("FRUSTRATED"), 2}};
    return scores.value(sentiment, 1);
}

QByteArray AnalyticsFacts::toJson() const
{
    const QJsonObject json{{QStringLiteral("tier"), outcomesJson(byTier)},
        {QStringLiteral("channel"), outcomesJson(byChannel)},
        {QStringLiteral("contactReason"), outcomesJson(byContactReason)},
        {QStringLiteral("sentiment"), countsJson(bySentiment)}, {QStringLiteral("reason"), countsJson(byReason)},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("escalated"), QJsonArray{escalatedSessions, escalationDelayMs}},
        {QStringLiteral("irate"), irateSessions}, {QStringLiteral("readings"), QJsonArray{withTwoReadings, improved}},
        {QStringLiteral("models"), modelUsesJson(byModelUse)}};
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

AnalyticsFacts AnalyticsFacts::fromJson(const QByteArray &text)
{
    const QJsonObject json = QJsonDocument::fromJson(text).object();
    AnalyticsFacts f;
    f.byTier = outcomesFrom(json.value(QLatin1String("tier")).toObject());
    f.byChannel = outcomesFrom(json.value(QLatin1String("channel")).toObject());
    f.byContactReason = outcomesFrom(json.value(QLatin1String("contactReason")).toObject());
    f.bySentiment = countsFrom(json.value(QLatin1String("sentiment")).toObject());
    f.byReason = countsFrom(json.value(QLatin1String("reason")).toObject());
    f.byModelUse = modelUsesFrom(json.value(QLatin1String("models")).toObject());
    f.messages = json.value(QLatin1String("messages")).toInteger();
    const QJsonArray escalated = json.value(QLatin1String("escalated")).toArray();
    f.escalatedSessions = escalated.at(0).toInteger();
    f.escalationDelayMs = escalated.at(1).toInteger();
    f.irateSessions = json.value(QLatin1String("irate")).toInteger();
    const QJsonArray readings = json.value(QLatin1String("readings")).toArray();
    f.withTwoReadings = readings.at(0).toInteger();
    f.improved = readings.at(1).toInteger();
    return f;
}

} // namespace tierdesk
