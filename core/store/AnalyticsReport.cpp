#include "core/store/AnalyticsReport.h"

#include "core/common/Time.h"
#include "core/domain/Enums.h"
#include "core/domain/ModelUsage.h"

#include <QDateTime>

#include <algorithm>

namespace tierdesk {
namespace {

double rate(double part, double whole)
{
    return whole > 0 ? qRound(part * 1000.0 / whole) / 10.0 : 0.0;
}
double round1(double v)
{
    return qRound(v * 10.0) / 10.0;
}
// The mean in whole seconds of `count` times summing to `totalMs`; 0 without any.
int meanSeconds(qint64 totalMs, qint64 count)
{
    return count > 0 ? qRound(double(totalMs) / 1000.0 / double(count)) : 0;
}

// A rate in percent with one decimal; none without sessions (the API's null).
std::optional<double> rateOrNone(qint64 part, qint64 whole)
{
    return whole > 0 ? std::optional<double>(rate(double(part), double(whole))) : std::nullopt;
}

// The mean satisfaction (1-5, one decimal) of an outcome's sessions; 0 without any.
double satisfactionAvg(const AnalyticsFacts::Outcome &o)
{
    return o.sessions > 0 ? round1(double(o.satisfaction) / double(o.sessions)) : 0.0;
}

} // namespace

QString AnalyticsReport::periodOf(qint64 atMs, GroupBy groupBy)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).date();
    switch (groupBy) {
    case GroupBy::Day:
        return day.toString(QStringLiteral("yyyy-MM-dd"));
    case GroupBy::Week: {
        const int week = (day.dayOfYear() - 1 + 7 - (day.dayOfWeek() - 1)) / 7;
        return QStringLiteral("%1-W%2").arg(day.year(), 4, 10, QLatin1Char('0')).arg(week, 2, 10, QLatin1Char('0'));
    }
    case GroupBy::Month:
        return day.toString(QStringLiteral("yyyy-MM"));
    case GroupBy::None:
        break;
    }
    return {};
}

void AnalyticsReport::add(qint64 atMs, const AnalyticsFacts &facts)
{
    m_total.add(facts);
    const qint64 sessions = facts.sessions();
    if (m_groupBy == GroupBy::None || sessions == 0)
        return;
    Period &p = m_periods[periodOf(atMs, m_groupBy)];
    p.sessions += sessions;
    p.resolved += facts.resolved();
    p.escalated += sessions - facts.byTier.value(QStringLiteral("AI_REP")).sessions;
    p.satisfaction += facts.satisfaction();
    p.rated += facts.rated();
    p.aiResolved += facts.aiResolved();
}

AnalyticsSummary AnalyticsReport::summary() const
{
    AnalyticsSummary out;
    out.startMs = m_startMs;
    out.endMs = m_endMs;
    out.overview = overview();
    out.resolution = resolution();
    out.contactReasons = contactReasons();
    out.byTier = byTier();
    out.byChannel = byChannel();
    out.cost = cost();
    out.escalations = escalations();
    out.sentiment = sentiment();
    out.groupBy = m_groupBy;
    if (m_groupBy != GroupBy::None)
        out.timeline = timeline();
    return out;
}

AnalyticsSummary::Overview AnalyticsReport::overview() const
{
    const qint64 total = m_total.sessions();
    const qint64 resolved = m_total.resolved();
    qint64 timed = 0, timeMs = 0;
    for (const AnalyticsFacts::Outcome &o : m_total.byTier) {
        timed += o.timed;
        timeMs += o.timeMs;
    }
    const qint64 satisfaction = m_total.satisfaction();
    return {total, resolved, rate(resolved, total), meanSeconds(timeMs, timed),
        total > 0 ? round1(double(m_total.messages) / double(total)) : 0.0,
        total > 0 ? round1(double(satisfaction) / double(total)) : 0.0, m_total.rated()};
}

AnalyticsSummary::Resolution AnalyticsReport::resolution() const
{
    const qint64 sessions = m_total.sessions();
    const qint64 resolved = m_total.resolved();
    const qint64 ai = m_total.aiResolved();
    const qint64 aiHeld = m_total.sumOverTiers(&AnalyticsFacts::Outcome::aiHeld);
    const qint64 held = m_total.sumOverTiers(&AnalyticsFacts::Outcome::held);
    return {sessions, ai, aiHeld, rateOrNone(ai, sessions), resolved - ai, sessions - resolved, ai - aiHeld,
        rateOrNone(held, sessions)};
}

QList<AnalyticsSummary::ContactReason> AnalyticsReport::contactReasons() const
{
    QList<QString> keys = m_total.byContactReason.keys();
    std::stable_sort(keys.begin(), keys.end(), [this](const QString &a, const QString &b) {
        return m_total.byContactReason.value(a).sessions > m_total.byContactReason.value(b).sessions;
    });
    QList<AnalyticsSummary::ContactReason> out;
    for (const QString &key : keys.mid(0, AnalyticsSummary::kMaxContactReasons)) {
        const AnalyticsFacts::Outcome o = m_total.byContactReason.value(key);
        out << AnalyticsSummary::ContactReason{key.section(QLatin1Char('\t'), 0, 0), key.section(QLatin1Char('\t'), 1),
            o.sessions, rateOrNone(o.aiResolved, o.sessions), rateOrNone(o.escalated, o.sessions), satisfactionAvg(o),
            meanSeconds(o.timeMs, o.timed)};
    }
    return out;
}

QList<AnalyticsSummary::TierRow> AnalyticsReport::byTier() const
{
    // Every tier, with zeros where none ended there.
    QList<AnalyticsSummary::TierRow> out;
    for (const QString &tier : allNames<Tier>()) {
        const AnalyticsFacts::Outcome o = m_total.byTier.value(tier);
        out << AnalyticsSummary::TierRow{tier, o.sessions, o.resolved, rate(o.resolved, o.sessions),
            meanSeconds(o.timeMs, o.timed), satisfactionAvg(o), o.rated, rateOrNone(o.aiResolved, o.sessions),
            rateOrNone(o.held, o.sessions)};
    }
    return out;
}

QList<AnalyticsSummary::ChannelRow> AnalyticsReport::byChannel() const
{
    // The channels that had sessions, busiest first, ties by name.
    QList<QString> channels = m_total.byChannel.keys();
    std::stable_sort(channels.begin(), channels.end(), [this](const QString &a, const QString &b) {
        return m_total.byChannel.value(a).sessions > m_total.byChannel.value(b).sessions;
    });
    QList<AnalyticsSummary::ChannelRow> out;
    for (const QString &channel : channels) {
        const AnalyticsFacts::Outcome o = m_total.byChannel.value(channel);
        out << AnalyticsSummary::ChannelRow{channel, o.sessions, o.resolved, meanSeconds(o.timeMs, o.timed),
            satisfactionAvg(o), o.rated, rateOrNone(o.aiResolved, o.sessions), rateOrNone(o.held, o.sessions)};
    }
    return out;
}

AnalyticsSummary::Cost AnalyticsReport::cost() const
{
    // The currency most was spent in is the report's; calls priced in another are listed apart.
    QMap<QString, AnalyticsFacts::ModelUse> byCurrency;
    for (auto it = m_total.byModelUse.cbegin(); it != m_total.byModelUse.cend(); ++it)
        byCurrency[it.key().section(QLatin1Char('\t'), 3)] += *it;
    AnalyticsSummary::Cost out;
    qint64 most = -1;
    for (auto it = byCurrency.cbegin(); it != byCurrency.cend(); ++it)
        if (it->costNanos > most && !it.key().isEmpty()) {
            most = it->costNanos;
            out.currency = it.key();
        }
    const auto money = [](qint64 nanos) { return double(nanos) / 1e9; };
    QMap<QString, AnalyticsFacts::ModelUse> tiers, models, assistModels;
    AnalyticsFacts::ModelUse replies, assist;
    for (auto it = m_total.byModelUse.cbegin(); it != m_total.byModelUse.cend(); ++it) {
        const QStringList key = it.key().split(QLatin1Char('\t'));
        const QString &currency = key.value(3);
        if (!currency.isEmpty() && currency != out.currency)
            continue; // in otherCurrencies
        if (key.value(0) == QLatin1String(modelpurpose::kReply)) {
            replies += *it;
            tiers[key.value(1)] += *it;
            models[key.value(2)] += *it;
        } else {
            assist += *it;
            assistModels[key.value(2)] += *it;
        }
    }
    const auto rows = [&money](const QMap<QString, AnalyticsFacts::ModelUse> &uses) {
        QList<AnalyticsSummary::CostRow> list;
        for (auto it = uses.cbegin(); it != uses.cend(); ++it)
            list << AnalyticsSummary::CostRow{
                it.key(), it->calls, it->inputTokens, it->outputTokens, money(it->costNanos)};
        std::stable_sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.cost > b.cost; });
        return list;
    };
    out.total = money(replies.costNanos);
    out.calls = replies.calls;
    out.inputTokens = replies.inputTokens;
    out.outputTokens = replies.outputTokens;
    const qint64 sessions = m_total.sessions(), aiResolved = m_total.aiResolved();
    if (sessions > 0)
        out.perSession = out.total / double(sessions);
    if (aiResolved > 0)
        out.perAiResolution = out.total / double(aiResolved);
    out.byTier = rows(tiers);
    out.byModel = rows(models);
    out.assist = {QString(), assist.calls, assist.inputTokens, assist.outputTokens, money(assist.costNanos)};
    out.assistByModel = rows(assistModels);
    for (auto it = byCurrency.cbegin(); it != byCurrency.cend(); ++it)
        if (!it.key().isEmpty() && it.key() != out.currency)
            out.otherCurrencies << AnalyticsSummary::CostRow{
                it.key(), it->calls, it->inputTokens, it->outputTokens, money(it->costNanos)};
    return out;
}

AnalyticsSummary::Escalations AnalyticsReport::escalations() const
{
    qint64 total = 0;
    for (const qint64 n : m_total.byReason)
        total += n;
    return {total, m_total.byReason, meanSeconds(m_total.escalationDelayMs, m_total.escalatedSessions),
        rate(m_total.escalatedSessions, m_total.sessions())};
}

AnalyticsSummary::Sentiments AnalyticsReport::sentiment() const
{
    QMap<QString, qint64> distribution;
    for (const QString &s : allNames<Sentiment>())
        distribution.insert(s, m_total.bySentiment.value(s));
    return {distribution, m_total.irateSessions, rate(m_total.improved, m_total.withTwoReadings)};
}

QList<AnalyticsSummary::Period> AnalyticsReport::timeline() const
{
    QList<AnalyticsSummary::Period> out;
    for (auto it = m_periods.cbegin(); it != m_periods.cend(); ++it)
        out << AnalyticsSummary::Period{it.key(), it->sessions, it->resolved, it->escalated,
            round1(double(it->satisfaction) / double(it->sessions)), it->rated, it->aiResolved};
    return out;
}

} // namespace tierdesk
