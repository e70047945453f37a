#include "core/api/cs/CsAdminJson.h"
#include "core/common/Time.h"
#include "core/store/Store.h"
#include "tests/support/FakeClock.h"
#include "tests/support/TestStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace tierdesk;

namespace {

constexpr qint64 kSec = 1000;
constexpr qint64 kHour = 3600 * kSec;
constexpr qint64 kDay = 24 * kHour;

} // namespace

// A known set of sessions written straight through the repositories, and every
// block of the seed's "Get Analytics" answer checked against hand-computed values.
class TestAnalytics : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void period();
    void overview();
    void byTier();
    void byChannel();
    void escalations();
    void sentiment();
    void timelineByDay();
    void resolution();
    void timelineByMonth();
    void noTimelineWithoutGroupBy();
    void emptyRange();
    void rangeIsInclusive();
    void storedFactsEqualTheSessions();
    void changesAreCountedOnTheNextCall();
    void ratingsReplaceTheEstimate();
    void factsWithRatingsAddUp();
    void periodNamesAreSqlites();

private:
    struct Spec {
        QString id;
        QString companyId;
        Channel channel;
        Tier tier;
        SessionStatus status;
        Sentiment sentiment;
        qint64 createdOffset; // from T0
        qint64 resolvedAfter; // from creation; 0 = not resolved
        int messages;
        QList<QPair<EscalationReason, qint64>> escalations; // reason, ms after creation
        QList<QPair<Sentiment, double>> points;
    };
    bool add(const Spec &spec);
    bool addRandomSessions(const QString &companyId, int count, qint64 from, qint64 span);
    bool rate(const QString &sessionId, const QString &companyId, int rating);
    // The answer read straight from the sessions, a day at a time: what the stored facts must give.
    QJsonObject fromSessions(const QString &companyId, qint64 start, qint64 end, GroupBy g);
    // The repository's answer in seed 001's body, as GET /api/cs/analytics writes it.
    QJsonObject analyticsOf(const QString &companyId, qint64 start, qint64 end, GroupBy g)
    {
        return api::cs::analyticsJson(m_store->analytics().compute(companyId, start, end, g));
    }
    QJsonObject compute(GroupBy g = GroupBy::None) { return analyticsOf(QStringLiteral("co"), m_start, m_end, g); }

    QTemporaryDir m_dir;
    test::FakeClock m_clock;
    std::unique_ptr<Store> m_store;
    qint64 m_t0 = 0;
    qint64 m_start = 0;
    qint64 m_end = 0;
};

bool TestAnalytics::add(const Spec &spec)
{
    Session s;
    s.id = spec.id;
    s.companyId = spec.companyId;
    s.customerId = QStringLiteral("cust");
    s.channel = spec.channel;
    s.currentTier = spec.tier;
    s.status = spec.status;
    s.customerSentiment = spec.sentiment;
    s.createdAt = s.updatedAt = s.lastActivityAt = m_t0 + spec.createdOffset;
    if (spec.resolvedAfter > 0)
        s.resolvedAt = s.createdAt + spec.resolvedAfter;
    s.messageCount = spec.messages;
    return m_store->batch().run([&] {
        if (!m_store->sessions().insert(s))
            return false;
        Tier from = Tier::AiRep;
        for (const auto &e : spec.escalations) {
            const Tier to = from == Tier::AiRep ? Tier::AiManager : Tier::HumanAgent;
            if (!m_store->sessions().appendEscalation(s, {from, to, e.first, s.createdAt + e.second, {}, true}))
                return false;
            from = to;
        }
        qint64 at = s.createdAt;
        for (const auto &p : spec.points)
            if (!m_store->sessions().appendSentiment(s.id, {p.first, p.second, at += kSec, {}}))
                return false;
        return true;
    });
}

bool TestAnalytics::rate(const QString &sessionId, const QString &companyId, int rating)
{
    SessionRating r;
    r.sessionId = sessionId;
    r.companyId = companyId;
    r.rating = rating;
    r.ratedAt = m_clock.nowMs();
    r.tier = QStringLiteral("AI_REP");
    r.channel = QStringLiteral("chat");
    r.ratedBy = QStringLiteral("tester");
    return m_store->batch().run([&] { return m_store->ratings().insert(r).ok(); });
}

void TestAnalytics::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto store = test::openTestStore(m_dir.filePath(QStringLiteral("a.db")));
    QVERIFY(store.ok());
    m_store = std::move(store.value());
    m_t0 = m_clock.nowMs(); // 2025-12-19T12:00:00Z
    m_start = m_t0 - kHour;
    m_end = m_t0 + 2 * kDay;
    QVERIFY(m_store->batch().run([&] {
        return m_store->companies().insert({QStringLiteral("co"), QStringLiteral("Co"), m_t0, CsConfig::defaults()})
            && m_store->companies().insert(
                {QStringLiteral("other"), QStringLiteral("Other"), m_t0, CsConfig::defaults()});
    }));
    using E = EscalationReason;
    using S = Sentiment;
    // In range, company "co":
    QVERIFY(add({QStringLiteral("s1"), QStringLiteral("co"), Channel::Chat, Tier::AiRep, SessionStatus::Resolved,
        S::Happy, 0, 300 * kSec, 4, {}, {{S::Frustrated, 0.3}, {S::Happy, 0.9}}}));
    QVERIFY(add({QStringLiteral("s2"), QStringLiteral("co"), Channel::Chat, Tier::AiManager, SessionStatus::Resolved,
        S::Satisfied, kHour, 600 * kSec, 6, {{E::IrateCustomer, 120 * kSec}},
        {{S::Neutral, 0.5}, {S::Satisfied, 0.7}}}));
    QVERIFY(add({QStringLiteral("s3"), QStringLiteral("co"), Channel::Voice, Tier::HumanAgent, SessionStatus::Escalated,
        S::Angry, 2 * kHour, 0, 2, {{E::RefundRequest, 60 * kSec}, {E::RefundOverThreshold, 180 * kSec}},
        {{S::Frustrated, 0.3}, {S::Irate, 0.05}, {S::Angry, 0.15}}}));
    QVERIFY(add({QStringLiteral("s4"), QStringLiteral("co"), Channel::Email, Tier::AiRep, SessionStatus::Abandoned,
        S::Frustrated, kDay, 0, 2, {}, {{S::Frustrated, 0.3}}}));
    // Out of range, or another company's: never counted.
    QVERIFY(add({QStringLiteral("old"), QStringLiteral("co"), Channel::Sms, Tier::AiManager, SessionStatus::Resolved,
        S::Irate, -10 * kDay, 60 * kSec, 9, {{E::LegalMention, kSec}}, {{S::Irate, 0.0}, {S::Irate, 0.01}}}));
    QVERIFY(add({QStringLiteral("late"), QStringLiteral("co"), Channel::Sms, Tier::AiRep, SessionStatus::Active,
        S::Irate, 2 * kDay + 1, 0, 9, {{E::ComplexIssue, kSec}}, {{S::Irate, 0.0}}}));
    QVERIFY(add({QStringLiteral("x1"), QStringLiteral("other"), Channel::Sms, Tier::HumanAgent, SessionStatus::Resolved,
        S::Irate, 0, 60 * kSec, 9, {{E::SocialMediaThreat, kSec}}, {{S::Irate, 0.0}, {S::Happy, 0.9}}}));
    QVERIFY(m_store->batch().flush());
}

void TestAnalytics::cleanupTestCase()
{
    m_store.reset();
}

void TestAnalytics::period()
{
    const QJsonObject p = compute().value(QLatin1String("period")).toObject();
    QCOMPARE(p.value(QLatin1String("start")).toString(), QStringLiteral("2025-12-19T11:00:00Z"));
    QCOMPARE(p.value(QLatin1String("end")).toString(), timefmt::iso(m_end));
    QVERIFY(p.value(QLatin1String("end")).toString().startsWith(QLatin1String("2025-12-21T12:00:00")));
}

void TestAnalytics::overview()
{
    const QJsonObject o = compute().value(QLatin1String("overview")).toObject();
    QCOMPARE(o.value(QLatin1String("totalSessions")).toInt(), 4);
    QCOMPARE(o.value(QLatin1String("resolvedSessions")).toInt(), 2);
    QCOMPARE(o.value(QLatin1String("resolutionRate")).toDouble(), 50.0);
    QCOMPARE(o.value(QLatin1String("avgResolutionTime")).toInt(), 450); // (300 + 600) / 2 seconds
    QCOMPARE(o.value(QLatin1String("avgMessagesPerSession")).toDouble(), 3.5); // (4 + 6 + 2 + 2) / 4
    QCOMPARE(o.value(QLatin1String("customerSatisfactionAvg")).toDouble(), 3.0); // (5 + 4 + 1 + 2) / 4
}

void TestAnalytics::byTier()
{
    const QJsonArray tiers = compute().value(QLatin1String("byTier")).toArray();
    QCOMPARE(tiers.size(), 3);
    const QJsonObject rep = tiers.at(0).toObject(), mgr = tiers.at(1).toObject(), human = tiers.at(2).toObject();
    QCOMPARE(rep.value(QLatin1String("tier")).toString(), QStringLiteral("AI_REP"));
    QCOMPARE(rep.value(QLatin1String("sessions")).toInt(), 2);
    QCOMPARE(rep.value(QLatin1String("resolved")).toInt(), 1);
    QCOMPARE(rep.value(QLatin1String("resolutionRate")).toDouble(), 50.0);
    QCOMPARE(rep.value(QLatin1String("avgTime")).toInt(), 300);
    QCOMPARE(mgr.value(QLatin1String("tier")).toString(), QStringLiteral("AI_MANAGER"));
    QCOMPARE(mgr.value(QLatin1String("sessions")).toInt(), 1);
    QCOMPARE(mgr.value(QLatin1String("resolved")).toInt(), 1);
    QCOMPARE(mgr.value(QLatin1String("resolutionRate")).toDouble(), 100.0);
    QCOMPARE(mgr.value(QLatin1String("avgTime")).toInt(), 600);
    QCOMPARE(human.value(QLatin1String("tier")).toString(), QStringLiteral("HUMAN_AGENT"));
    QCOMPARE(human.value(QLatin1String("sessions")).toInt(), 1);
    QCOMPARE(human.value(QLatin1String("resolved")).toInt(), 0);
    QCOMPARE(human.value(QLatin1String("resolutionRate")).toDouble(), 0.0);
    QCOMPARE(human.value(QLatin1String("avgTime")).toInt(), 0);
}

void TestAnalytics::byChannel()
{
    const QJsonArray channels = compute().value(QLatin1String("byChannel")).toArray();
    QCOMPARE(channels.size(), 3); // no sms in range
    const QJsonObject chat = channels.at(0).toObject();
    QCOMPARE(chat.value(QLatin1String("channel")).toString(), QStringLiteral("chat"));
    QCOMPARE(chat.value(QLatin1String("sessions")).toInt(), 2);
    QCOMPARE(chat.value(QLatin1String("resolved")).toInt(), 2);
    QCOMPARE(chat.value(QLatin1String("avgTime")).toInt(), 450);
    // Ties in count are ordered by name.
    QCOMPARE(channels.at(1).toObject().value(QLatin1String("channel")).toString(), QStringLiteral("email"));
    QCOMPARE(channels.at(2).toObject().value(QLatin1String("channel")).toString(), QStringLiteral("voice"));
    for (int i = 1; i < 3; ++i) {
        QCOMPARE(channels.at(i).toObject().value(QLatin1String("sessions")).toInt(), 1);
        QCOMPARE(channels.at(i).toObject().value(QLatin1String("resolved")).toInt(), 0);
        QCOMPARE(channels.at(i).toObject().value(QLatin1String("avgTime")).toInt(), 0);
    }
}

void TestAnalytics::escalations()
{
    const QJsonObject e = compute().value(QLatin1String("escalations")).toObject();
    QCOMPARE(e.value(QLatin1String("total")).toInt(), 3);
    const QJsonObject byReason = e.value(QLatin1String("byReason")).toObject();
    QCOMPARE(byReason,
        QJsonObject({{QStringLiteral("IRATE_CUSTOMER"), 1}, {QStringLiteral("REFUND_REQUEST"), 1},
            {QStringLiteral("REFUND_OVER_THRESHOLD"), 1}}));
    QCOMPARE(e.value(QLatin1String("avgEscalationTime")).toInt(), 90); // first escalations at 120 s and 60 s
    QCOMPARE(e.value(QLatin1String("escalationRate")).toDouble(), 50.0); // 2 of 4 sessions escalated
}

void TestAnalytics::sentiment()
{
    const QJsonObject s = compute().value(QLatin1String("sentiment")).toObject();
    QCOMPARE(s.value(QLatin1String("distribution")).toObject(),
        QJsonObject({{QStringLiteral("HAPPY"), 1}, {QStringLiteral("SATISFIED"), 1}, {QStringLiteral("NEUTRAL"), 0},
            {QStringLiteral("FRUSTRATED"), 1}, {QStringLiteral("ANGRY"), 1}, {QStringLiteral("IRATE"), 0}}));
    QCOMPARE(s.value(QLatin1String("irateIncidents")).toInt(), 1); // s3 only
    // s1 and s2 end better than they began, s3 does not; s4 has a single reading.
    QCOMPARE(s.value(QLatin1String("sentimentImprovement")).toDouble(), 66.7);
}

void TestAnalytics::timelineByDay()
{
    const QJsonArray t = compute(GroupBy::Day).value(QLatin1String("timeline")).toArray();
    QCOMPARE(t.size(), 2);
    QCOMPARE(t.at(0).toObject(),
        QJsonObject({{QStringLiteral("period"), QStringLiteral("2025-12-19")}, {QStringLiteral("sessions"), 3},
            {QStringLiteral("resolved"), 2}, {QStringLiteral("escalated"), 2},
            // happy, satisfied and angry: (5 + 4 + 1) / 3
            {QStringLiteral("customerSatisfactionAvg"), 3.3}, {QStringLiteral("ratings"), 0},
            {QStringLiteral("aiResolved"), 2}})); // s1, and s2 (escalated to the AI Manager only)
    QCOMPARE(t.at(1).toObject(),
        QJsonObject({{QStringLiteral("period"), QStringLiteral("2025-12-20")}, {QStringLiteral("sessions"), 1},
            {QStringLiteral("resolved"), 0}, {QStringLiteral("escalated"), 0},
            {QStringLiteral("customerSatisfactionAvg"), 2.0}, {QStringLiteral("ratings"), 0},
            {QStringLiteral("aiResolved"), 0}})); // frustrated
}

// s1 and s2 resolved with no person and nobody came back; s3 is with a person, s4 abandoned.
void TestAnalytics::resolution()
{
    QCOMPARE(compute().value(QLatin1String("resolution")).toObject(),
        QJsonObject({{QStringLiteral("sessions"), 4}, {QStringLiteral("aiResolved"), 2},
            {QStringLiteral("aiResolvedHeld"), 2}, {QStringLiteral("aiResolutionRate"), 50.0},
            {QStringLiteral("humanResolved"), 0}, {QStringLiteral("unresolved"), 2}, {QStringLiteral("reopened"), 0},
            {QStringLiteral("firstContactResolutionRate"), 50.0}}));
}

void TestAnalytics::timelineByMonth()
{
    const QJsonArray t = compute(GroupBy::Month).value(QLatin1String("timeline")).toArray();
    QCOMPARE(t.size(), 1);
    QCOMPARE(t.at(0).toObject().value(QLatin1String("period")).toString(), QStringLiteral("2025-12"));
    QCOMPARE(t.at(0).toObject().value(QLatin1String("sessions")).toInt(), 4);
    // Friday 19th and Saturday 20th December share a week.
    QCOMPARE(compute(GroupBy::Week).value(QLatin1String("timeline")).toArray().size(), 1);
}

void TestAnalytics::noTimelineWithoutGroupBy()
{
    QVERIFY(!compute().contains(QLatin1String("timeline")));
}

void TestAnalytics::emptyRange()
{
    const QJsonObject a = analyticsOf(QStringLiteral("co"), m_t0 + 100 * kDay, m_t0 + 101 * kDay, GroupBy::Day);
    const QJsonObject o = a.value(QLatin1String("overview")).toObject();
    QCOMPARE(o.value(QLatin1String("totalSessions")).toInt(-1), 0);
    QCOMPARE(o.value(QLatin1String("resolvedSessions")).toInt(-1), 0);
    QCOMPARE(o.value(QLatin1String("resolutionRate")).toDouble(-1), 0.0);
    QCOMPARE(o.value(QLatin1String("avgResolutionTime")).toInt(-1), 0);
    QCOMPARE(o.value(QLatin1String("customerSatisfactionAvg")).toDouble(-1), 0.0);
    QCOMPARE(a.value(QLatin1String("byTier")).toArray().size(), 3);
    QVERIFY(a.value(QLatin1String("byChannel")).toArray().isEmpty());
    QCOMPARE(a.value(QLatin1String("escalations")).toObject().value(QLatin1String("total")).toInt(-1), 0);
    QCOMPARE(a.value(QLatin1String("escalations")).toObject().value(QLatin1String("escalationRate")).toDouble(-1), 0.0);
    QCOMPARE(a.value(QLatin1String("sentiment")).toObject().value(QLatin1String("irateIncidents")).toInt(-1), 0);
    QCOMPARE(a.value(QLatin1String("sentiment")).toObject().value(QLatin1String("distribution")).toObject().size(), 6);
    QVERIFY(a.value(QLatin1String("timeline")).toArray().isEmpty());
    // An unknown company reads as empty, not as someone else's data.
    const QJsonObject none = analyticsOf(QStringLiteral("nobody"), m_start, m_end, GroupBy::None);
    QCOMPARE(none.value(QLatin1String("overview")).toObject().value(QLatin1String("totalSessions")).toInt(-1), 0);
}

void TestAnalytics::rangeIsInclusive()
{
    // Exactly [created of s1, created of s4]: both ends count.
    const QJsonObject a = analyticsOf(QStringLiteral("co"), m_t0, m_t0 + kDay, GroupBy::None);
    QCOMPARE(a.value(QLatin1String("overview")).toObject().value(QLatin1String("totalSessions")).toInt(), 4);
    const QJsonObject b = analyticsOf(QStringLiteral("co"), m_t0 + 1, m_t0 + kDay - 1, GroupBy::None);
    QCOMPARE(b.value(QLatin1String("overview")).toObject().value(QLatin1String("totalSessions")).toInt(), 2);
}

bool TestAnalytics::addRandomSessions(const QString &companyId, int count, qint64 from, qint64 span)
{
    QRandomGenerator rng(7);
    const QList<Tier> tiers{Tier::AiRep, Tier::AiManager, Tier::HumanAgent};
    const QList<Channel> channels{Channel::Chat, Channel::Email, Channel::Sms, Channel::Voice};
    const QList<SessionStatus> statuses{
        SessionStatus::Active, SessionStatus::Resolved, SessionStatus::Escalated, SessionStatus::Abandoned};
    const QList<Sentiment> sentiments{Sentiment::Happy, Sentiment::Satisfied, Sentiment::Neutral, Sentiment::Frustrated,
        Sentiment::Angry, Sentiment::Irate};
    const QList<EscalationReason> reasons{EscalationReason::IrateCustomer, EscalationReason::RefundRequest,
        EscalationReason::ComplexIssue, EscalationReason::LegalMention};
    for (int i = 0; i < count; ++i) {
        Spec spec{QStringLiteral("%1-%2").arg(companyId).arg(i), companyId, channels.at(rng.bounded(4)),
            tiers.at(rng.bounded(3)), statuses.at(rng.bounded(4)), sentiments.at(rng.bounded(6)),
            from - m_t0 + qint64(rng.bounded(double(span))), 0, 1 + rng.bounded(12), {}, {}};
        if (spec.status == SessionStatus::Resolved)
            spec.resolvedAfter = 1 + rng.bounded(7200) * kSec;
        for (int e = rng.bounded(3); e > 0; --e)
            spec.escalations.append({reasons.at(rng.bounded(4)), rng.bounded(600) * kSec});
        for (int p = rng.bounded(4); p > 0; --p)
            spec.points.append({sentiments.at(rng.bounded(6)), rng.bounded(100) / 100.0});
        if (!add(spec))
            return false;
        // A third of them rated by their customer: the rating replaces the sentiment's estimate.
        if (rng.bounded(3) == 0 && !rate(spec.id, companyId, 1 + rng.bounded(5)))
            return false;
    }
    return m_store->batch().flush();
}

QJsonObject TestAnalytics::fromSessions(const QString &companyId, qint64 start, qint64 end, GroupBy g)
{
    AnalyticsReport report(start, end, g);
    for (qint64 from = start; from <= end;) {
        const qint64 to = std::min(end, from / kDay * kDay + kDay - 1);
        report.add(from, m_store->analytics().scan(companyId, from, to));
        from = to + 1;
    }
    // The people's desk is read from desk_history either way (no stored facts).
    AnalyticsSummary out = report.summary();
    out.desk = m_store->analytics().desk(companyId, start, end);
    return api::cs::analyticsJson(out);
}

void TestAnalytics::storedFactsEqualTheSessions()
{
    const QString co = QStringLiteral("rnd");
    QVERIFY(m_store->batch().run([&] {
        return m_store->companies().insert({co, QStringLiteral("Rnd"), m_t0, CsConfig::defaults()});
    }));
    const qint64 from = m_t0 - 3 * kDay - 5 * kHour;
    const qint64 span = 6 * kDay;
    QVERIFY(addRandomSessions(co, 600, from, span));
    QVERIFY(m_store->analytics().changedHours(co) > 100);
    // Whole days, whole hours, parts of hours, single milliseconds, ranges past the data.
    QRandomGenerator rng(11);
    QList<QPair<qint64, qint64>> ranges{{from - kDay, from + span + kDay},
        {m_t0 / kDay * kDay, m_t0 / kDay * kDay + kDay - 1},
        {m_t0 / kDay * kDay - kDay, m_t0 / kDay * kDay + kDay - 1000},
        {m_t0 / kHour * kHour, m_t0 / kHour * kHour + kHour - 1}, {m_t0 - 10 * kSec, m_t0 + 50 * kHour}};
    for (int i = 0; i < 150; ++i) {
        const qint64 a = from - kHour + qint64(rng.bounded(double(span + 2 * kHour)));
        const qint64 length = i % 3 == 0 ? qint64(rng.bounded(double(kHour))) : qint64(rng.bounded(double(span)));
        ranges.append({a, a + length});
    }
    for (const auto &[start, end] : std::as_const(ranges)) {
        for (GroupBy g : {GroupBy::None, GroupBy::Day, GroupBy::Week}) {
            const QJsonObject expected = fromSessions(co, start, end, g);
            const QJsonObject actual = analyticsOf(co, start, end, g);
            if (actual != expected)
                qWarning().noquote() << timefmt::iso(start) << timefmt::iso(end) << "\nexpected"
                                     << QJsonDocument(expected).toJson() << "\nactual"
                                     << QJsonDocument(actual).toJson();
            QCOMPARE(actual, expected);
        }
    }
    QCOMPARE(m_store->analytics().changedHours(co), 0);
    QVERIFY(analyticsOf(co, from, from + span, GroupBy::None)
                .value(QLatin1String("overview"))
                .toObject()
                .value(QLatin1String("totalSessions"))
                .toInt()
        == 600);
}

void TestAnalytics::changesAreCountedOnTheNextCall()
{
    const QString co = QStringLiteral("rnd");
    const qint64 start = m_t0 - 4 * kDay, end = m_t0 + 4 * kDay;
    const auto overview
        = [&] { return analyticsOf(co, start, end, GroupBy::None).value(QLatin1String("overview")).toObject(); };
    const int resolvedBefore = overview().value(QLatin1String("resolvedSessions")).toInt();
    QCOMPARE(m_store->analytics().changedHours(co), 0);
    // Resolve an open session, the way the engine writes it.
    auto stored = m_store->sessions().find(QStringLiteral("rnd-0"), false);
    QVERIFY(stored.has_value());
    Session s = *stored;
    const bool wasResolved = s.status == SessionStatus::Resolved;
    s.status = SessionStatus::Resolved;
    s.resolvedAt = s.createdAt + 90 * kSec;
    QVERIFY(m_store->batch().run([&] { return m_store->sessions().update(s); }));
    QVERIFY(m_store->batch().run([&] {
        return m_store->sessions().appendEscalation(
            s, {Tier::AiRep, Tier::AiManager, EscalationReason::LegalMention, s.createdAt + kSec, {}, true});
    }));
    QCOMPARE(m_store->analytics().changedHours(co), 1);
    QCOMPARE(overview().value(QLatin1String("resolvedSessions")).toInt(), resolvedBefore + (wasResolved ? 0 : 1));
    QCOMPARE(analyticsOf(co, start, end, GroupBy::Day), fromSessions(co, start, end, GroupBy::Day));
    QCOMPARE(m_store->analytics().changedHours(co), 0);
    QVERIFY(m_store->batch().flush());
}

void TestAnalytics::ratingsReplaceTheEstimate()
{
    // s4 (email, AI_REP, FRUSTRATED: estimated 2) rated 5 by its customer.
    const auto overview = [this] { return compute().value(QLatin1String("overview")).toObject(); };
    // HAPPY 5, SATISFIED 4, ANGRY 1, FRUSTRATED 2.
    QCOMPARE(overview().value(QLatin1String("customerSatisfactionAvg")).toDouble(), 3.0);
    QCOMPARE(overview().value(QLatin1String("ratings")).toInt(), 0);
    const int changedBefore = m_store->analytics().changedHours(QStringLiteral("co"));
    QVERIFY(rate(QStringLiteral("s4"), QStringLiteral("co"), 5));
    // The trigger marked its hour, in the rating's transaction.
    QCOMPARE(m_store->analytics().changedHours(QStringLiteral("co")), changedBefore + 1);
    const QJsonObject after = compute();
    QCOMPARE(after.value(QLatin1String("overview")).toObject().value(QLatin1String("ratings")).toInt(), 1);
    // The rating replaces the estimate: (5 + 4 + 1 + 5) / 4.
    QCOMPARE(
        after.value(QLatin1String("overview")).toObject().value(QLatin1String("customerSatisfactionAvg")).toDouble(),
        3.8);
    for (const QJsonValue &v : after.value(QLatin1String("byChannel")).toArray())
        if (v.toObject().value(QLatin1String("channel")).toString() == QLatin1String("email")) {
            QCOMPARE(v.toObject().value(QLatin1String("ratings")).toInt(), 1);
            QCOMPARE(v.toObject().value(QLatin1String("customerSatisfactionAvg")).toDouble(), 5.0);
        }
    QCOMPARE(after, fromSessions(QStringLiteral("co"), m_start, m_end, GroupBy::None));
    QCOMPARE(analyticsOf(QStringLiteral("co"), m_start, m_end, GroupBy::Day),
        fromSessions(QStringLiteral("co"), m_start, m_end, GroupBy::Day));
}

void TestAnalytics::factsWithRatingsAddUp()
{
    AnalyticsFacts a;
    a.byTier[QStringLiteral("AI_REP")] = {3, 2, 2, 5000, 1, 4, 11};
    a.byChannel[QStringLiteral("chat")] = {3, 2, 2, 5000, 1, 4, 11};
    AnalyticsFacts b;
    b.byTier[QStringLiteral("AI_REP")] = {1, 1, 1, 700, 1, 1, 1};
    b.byChannel[QStringLiteral("email")] = {1, 1, 1, 700, 1, 1, 1};
    AnalyticsFacts sum = a;
    sum.add(b);
    QCOMPARE(sum.rated(), 2);
    QCOMPARE(sum.satisfaction(), 12);
    QCOMPARE(AnalyticsFacts::fromJson(sum.toJson()), sum);
    sum.add(b, -1);
    QCOMPARE(sum, a);
    sum.add(a, -1);
    QVERIFY(sum.isEmpty());
}

void TestAnalytics::periodNamesAreSqlites()
{
    if (m_store->db().postgres())
        QSKIP("compares the period names with SQLite's strftime");
    QSqlQuery q(m_store->db().handle());
    QVERIFY(q.prepare(
        QStringLiteral("SELECT strftime('%Y-%m-%d', ? / 1000, 'unixepoch'), strftime('%Y-W%W', ? / 1000, 'unixepoch'),"
                       " strftime('%Y-%m', ? / 1000, 'unixepoch')")));
    for (qint64 day = 0; day < 365 * 130; day += 1) {
        const qint64 at = day * kDay + (day % 24) * kHour;
        q.bindValue(0, at);
        q.bindValue(1, at);
        q.bindValue(2, at);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(AnalyticsReport::periodOf(at, GroupBy::Day), q.value(0).toString());
        QCOMPARE(AnalyticsReport::periodOf(at, GroupBy::Week), q.value(1).toString());
        QCOMPARE(AnalyticsReport::periodOf(at, GroupBy::Month), q.value(2).toString());
    }
}

QTEST_GUILESS_MAIN(TestAnalytics)
#include "tst_analytics.moc"
