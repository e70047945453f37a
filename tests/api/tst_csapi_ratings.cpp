// Customers rate resolved sessions on a real server: POST /api/cs/sessions/:id/satisfaction
// once per resolved session with the customer's client token (or an admin's), the family's
// refusals, the satisfaction.low event on a supervisor's WebSocket and its webhook, and the
// ratings in the analytics (overview, byTier, byChannel, the desk per agent).
#include "core/common/Time.h"
#include "tests/api/ApiTestSupport.h"
#include "tests/api/WsClient.h"
#include "tests/support/FakeClock.h"

#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

// The analytics test moves the clock on by days: tokens that outlive it.
constexpr qint64 kTokenSecs = 30 * 86400;

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject ratingBody(int rating, const QString &comment = {})
{
    QJsonObject body{{QStringLiteral("rating"), rating}};
    if (!comment.isEmpty())
        body.insert(QStringLiteral("comment"), comment);
    return body;
}

// The seed's sentiment scale, as docs/api.md "Analytics" estimates an unrated session.
int estimateOf(const QString &sentiment)
{
    static const QHash<QString, int> scores{{QStringLiteral("HAPPY"), 5}, {QStringLiteral("SATISFIED"), 4},
        {QStringLiteral("NEUTRAL"), 3}, {QStringLiteral("FRUSTRATED"), 2}};
    return scores.value(sentiment, 1);
}

QJsonObject rowOf(const QJsonArray &rows, const char *key, const QString &value)
{
    for (const QJsonValue &v : rows)
        if (str(v.toObject(), key) == value)
            return v.toObject();
    return {};
}

} // namespace

class TestCsApiRatings : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void ratedOnceAfterResolve();
    void onlyTheCustomerOrAnAdmin();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void lowRatingNotifiesSupervisors();
    void analyticsCarryTheRatings();

private:
    // A session of `customer` on `channel`; with `viaDesk` escalated, claimed by Ann and resolved
    // by her, else resolved by the admin at the AI tier.
    QString resolvedSession(const QString &channel, bool viaDesk, const QString &customer = QStringLiteral("cust_ben"));
    QString openSession(const QString &channel, const QString &customer = QStringLiteral("cust_ben"));
    QString path(const QString &sessionId, const char *what) const
    {
        return QStringLiteral("/api/cs/sessions/") + sessionId + QLatin1Char('/') + QLatin1String(what);
    }
    QJsonObject analytics(qint64 fromMs, qint64 toMs);

    FakeClock m_clock{QDateTime::fromString(QStringLiteral("2031-03-04T10:00:00Z"), Qt::ISODate)};
    ServerFixture m_server;
    WebhookReceiver m_receiver;
    std::unique_ptr<HttpClient> m_admin;
    std::unique_ptr<HttpClient> m_ann; // agent
    std::unique_ptr<HttpClient> m_sue; // supervisor
    std::unique_ptr<HttpClient> m_ben; // client token of cust_ben
    std::unique_ptr<HttpClient> m_alice; // client token of cust_alice
};

void TestCsApiRatings::initTestCase()
{
    m_server.setClock(&m_clock);
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    QVERIFY(m_receiver.listen());
    const qint64 now = m_clock.nowMs();
    QVERIFY(m_server.addAgent(QStringLiteral("agt_ann"), QStringLiteral("Ann Archer"), QStringLiteral("agent"),
        {QStringLiteral("orders"), QStringLiteral("inquiries"), QStringLiteral("complaints")}, now));
    QVERIFY(m_server.addAgent(
        QStringLiteral("agt_sue"), QStringLiteral("Sue Stone"), QStringLiteral("supervisor"), {}, now));
    m_admin = std::make_unique<HttpClient>(m_server.port(), m_server.token(api::Role::Admin, {}, kTokenSecs));
    m_ann = std::make_unique<HttpClient>(
        m_server.port(), m_server.token(api::Role::Agent, {}, kTokenSecs, QStringLiteral("agt_ann")));
    m_sue = std::make_unique<HttpClient>(
        m_server.port(), m_server.token(api::Role::Supervisor, {}, kTokenSecs, QStringLiteral("agt_sue")));
    m_ben = std::make_unique<HttpClient>(m_server.port(), m_server.token(api::Role::Client, {}, kTokenSecs));
    m_alice = std::make_unique<HttpClient>(m_server.port(),
        m_server.token(api::Role::Client, {}, kTokenSecs, QStringLiteral("tester"), QStringLiteral("cust_alice")));
}

void TestCsApiRatings::cleanupTestCase()
{
    m_admin.reset();
    m_ann.reset();
    m_sue.reset();
    m_ben.reset();
    m_alice.reset();
    m_server.stop();
}

QString TestCsApiRatings::openSession(const QString &channel, const QString &customer)
{
    const HttpResult created = m_admin->post(QStringLiteral("/api/cs/sessions"),
        sessionBody(m_server.companyId(), customer, QStringLiteral("Where is my order ORD-10001?"), channel));
    return created.status == 201 ? str(created.json(), "id") : QString();
}

QString TestCsApiRatings::resolvedSession(const QString &channel, bool viaDesk, const QString &customer)
{
    const QString id = openSession(channel, customer);
    const QJsonObject resolution{{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")},
        {QStringLiteral("summary"), QStringLiteral("Sorted")}};
    if (!viaDesk)
        return m_admin->post(path(id, "resolve"), resolution).status == 200 ? id : QString();
    const bool done = m_admin
                          ->post(path(id, "escalate"),
                              {{QStringLiteral("reason"), QStringLiteral("CUSTOMER_REQUEST")},
                                  {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}})
                          .status
            == 200
        && m_ann->post(path(id, "claim"), {}).status == 200
        && m_ann->post(path(id, "resolve"), resolution).status == 200;
    return done ? id : QString();
}

QJsonObject TestCsApiRatings::analytics(qint64 fromMs, qint64 toMs)
{
    return m_sue
        ->get(QStringLiteral("/api/cs/analytics?companyId=%1&startDate=%2&endDate=%3")
                  .arg(m_server.companyId(), timefmt::iso(fromMs), timefmt::iso(toMs)))
        .json();
}

void TestCsApiRatings::ratedOnceAfterResolve()
{
    const QString id = openSession(QStringLiteral("chat"));
    QVERIFY(!id.isEmpty());
    // Not resolved yet: the family's own conflict code.
    HttpResult r = m_ben->post(path(id, "satisfaction"), ratingBody(4));
    QString problem = checkErrorBody(r, 409, QStringLiteral("CS_032"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(
        m_admin->post(path(id, "resolve"), {{QStringLiteral("resolutionType"), QStringLiteral("INFORMATION_PROVIDED")}})
            .status,
        200);

    r = m_ben->post(path(id, "satisfaction"), ratingBody(4, QStringLiteral("  Quick and kind  ")));
    QVERIFY2(r.status == 201, describe(r));
    QCOMPARE(str(r.json(), "sessionId"), id);
    QCOMPARE(r.json().value(QLatin1String("rating")).toInt(), 4);
    QCOMPARE(str(r.json(), "comment"), QStringLiteral("Quick and kind"));
    QCOMPARE(str(r.json(), "ratedAt"), timefmt::iso(m_clock.nowMs()));
    QCOMPARE(str(r.json(), "tier"), QStringLiteral("AI_REP"));
    QCOMPARE(str(r.json(), "channel"), QStringLiteral("chat"));
    QVERIFY(r.json().value(QLatin1String("agent")).isNull()); // the AI ended it

    // Once per session, whoever asks.
    r = m_ben->post(path(id, "satisfaction"), ratingBody(1));
    problem = checkErrorBody(r, 409, QStringLiteral("CS_033"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(m_admin->post(path(id, "satisfaction"), ratingBody(1)).errorCode(), QStringLiteral("CS_033"));

    // GET session shows it to the customer and to staff; the audit log has it once.
    for (HttpClient *reader : {m_ben.get(), m_ann.get()}) {
        const QJsonObject satisfaction = reader->get(QStringLiteral("/api/cs/sessions/") + id)
                                             .json()
                                             .value(QLatin1String("satisfaction"))
                                             .toObject();
        QCOMPARE(satisfaction.value(QLatin1String("rating")).toInt(), 4);
    }
    QVERIFY(m_ben->get(QStringLiteral("/api/cs/sessions/") + openSession(QStringLiteral("chat")))
                .json()
                .value(QLatin1String("satisfaction"))
                .isNull());
    QCOMPARE(
        m_server
            .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'session.rate' AND resource = ?"),
                {QVariant(QStringLiteral("session:") + id)})
            .toInt(),
        1);
    QCOMPARE(
        m_server.scalar(QStringLiteral("SELECT rating FROM session_ratings WHERE session_id = ?"), {id}).toInt(), 4);
}

void TestCsApiRatings::onlyTheCustomerOrAnAdmin()
{
    const QString id = resolvedSession(QStringLiteral("chat"), false);
    QVERIFY(!id.isEmpty());
    // Another customer's client sees no such session; an agent may not speak for the customer.
    QString problem
        = checkErrorBody(m_alice->post(path(id, "satisfaction"), ratingBody(5)), 404, QStringLiteral("CS_002"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = checkErrorBody(m_ann->post(path(id, "satisfaction"), ratingBody(5)), 403, QStringLiteral("CS_013"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = checkErrorBody(
        m_ben->post(path(QStringLiteral("sess_nobody"), "satisfaction"), ratingBody(5)), 404, QStringLiteral("CS_002"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(
        m_server.scalar(QStringLiteral("SELECT count(*) FROM session_ratings WHERE session_id = ?"), {id}).toInt(), 0);
    // An admin may record it for the customer.
    const HttpResult r = m_admin->post(path(id, "satisfaction"), ratingBody(5));
    QVERIFY2(r.status == 201, describe(r));
}

void TestCsApiRatings::badInputIsRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("no rating") << QByteArray("{}") << QStringLiteral("rating");
    QTest::newRow("rating 0") << QByteArray(R"({"rating":0})") << QStringLiteral("rating");
    QTest::newRow("rating 6") << QByteArray(R"({"rating":6})") << QStringLiteral("rating");
    QTest::newRow("rating 4.5") << QByteArray(R"({"rating":4.5})") << QStringLiteral("rating");
    QTest::newRow("rating as text") << QByteArray(R"({"rating":"5"})") << QStringLiteral("rating");
    QTest::newRow("comment not text") << QByteArray(R"({"rating":3,"comment":7})") << QStringLiteral("comment");
    QTest::newRow("comment with NUL and ESC")
        << QByteArray(R"({"rating":3,"comment":"ok\u0000\u001b[2J"})") << QStringLiteral("comment");
    QTest::newRow("comment over 1000") << (QByteArray(R"({"rating":3,"comment":")") + QByteArray(1001, 'a') + "\"}")
                                       << QStringLiteral("comment");
    QTest::newRow("not an object") << QByteArray("[5]") << QString();
}

void TestCsApiRatings::badInputIsRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const QString id = resolvedSession(QStringLiteral("chat"), false);
    QVERIFY(!id.isEmpty());
    const HttpResult r = m_ben->send("POST", path(id, "satisfaction"), body, {{"Content-Type", "application/json"}});
    const QString problem = checkErrorBody(r, 400, QStringLiteral("CS_011"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    if (!field.isEmpty())
        QCOMPARE(str(r.error().value(QLatin1String("details")).toObject(), "field"), field);
    QCOMPARE(
        m_server.scalar(QStringLiteral("SELECT count(*) FROM session_ratings WHERE session_id = ?"), {id}).toInt(), 0);
}

void TestCsApiRatings::lowRatingNotifiesSupervisors()
{
    const HttpResult hook = m_admin->post(QStringLiteral("/api/cs/webhooks"),
        {{QStringLiteral("companyId"), m_server.companyId()},
            {QStringLiteral("url"), m_receiver.url(QStringLiteral("/low"))},
            {QStringLiteral("events"), QJsonArray{QStringLiteral("satisfaction.low")}},
            {QStringLiteral("secret"), QStringLiteral("0123456789abcdef0123")}});
    QVERIFY2(hook.status == 201, describe(hook));
    const QJsonObject wholeCompany{
        {QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("companyId"), m_server.companyId()}};
    WsClient supervisor;
    QVERIFY(supervisor.open(m_server.port(), m_sue->token(), wholeCompany));
    WsClient agent;
    QVERIFY(agent.open(m_server.port(), m_ann->token(), wholeCompany));

    const QString id = resolvedSession(QStringLiteral("chat"), true);
    QVERIFY(!id.isEmpty());
    const HttpResult r = m_ben->post(path(id, "satisfaction"), ratingBody(1, QStringLiteral("Nobody listened")));
    QVERIFY2(r.status == 201, describe(r));

    const QJsonObject low = supervisor.waitFor(QStringLiteral("satisfaction.low"), id);
    QVERIFY(!low.isEmpty());
    const QJsonObject rating = low.value(QLatin1String("data")).toObject().value(QLatin1String("rating")).toObject();
    QCOMPARE(rating.value(QLatin1String("rating")).toInt(), 1);
    QCOMPARE(str(rating, "comment"), QStringLiteral("Nobody listened"));
    QCOMPARE(str(rating.value(QLatin1String("agent")).toObject(), "id"), QStringLiteral("agt_ann"));
    QVERIFY(!supervisor.waitFor(QStringLiteral("satisfaction.rated"), id).isEmpty());
    // Every rating reaches the agents' company-wide view; the low one only the supervisors'.
    QVERIFY(!agent.waitFor(QStringLiteral("satisfaction.rated"), id).isEmpty());
    agent.send({{QStringLiteral("type"), QStringLiteral("ping")}});
    QVERIFY(!agent.waitFor(QStringLiteral("pong")).isEmpty());
    QCOMPARE(agent.find(QStringLiteral("satisfaction.low"), id), -1);

    // The webhook subscribed to satisfaction.low gets it in the seed's envelope.
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.withEvent(QStringLiteral("satisfaction.low")).size(), 1, 10000);
    const QJsonObject data
        = QJsonDocument::fromJson(m_receiver.withEvent(QStringLiteral("satisfaction.low")).first().body)
              .object()
              .value(QLatin1String("data"))
              .toObject();
    QCOMPARE(str(data, "sessionId"), id);
    QCOMPARE(data.value(QLatin1String("rating")).toInt(), 1);
    QCOMPARE(str(data, "agentId"), QStringLiteral("agt_ann"));
    // A good rating is no alarm.
    const QString happy = resolvedSession(QStringLiteral("chat"), true);
    QCOMPARE(m_ben->post(path(happy, "satisfaction"), ratingBody(5)).status, 201);
    QVERIFY(!supervisor.waitFor(QStringLiteral("satisfaction.rated"), happy).isEmpty());
    supervisor.send({{QStringLiteral("type"), QStringLiteral("ping")}});
    QVERIFY(!supervisor.waitFor(QStringLiteral("pong")).isEmpty());
    QCOMPARE(supervisor.find(QStringLiteral("satisfaction.low"), happy), -1);
}

void TestCsApiRatings::analyticsCarryTheRatings()
{
    // A day of its own: only this test's sessions are in it.
    m_clock.set(QDateTime::fromString(QStringLiteral("2031-03-10T09:30:00Z"), Qt::ISODate));
    const qint64 dayStart
        = QDateTime::fromString(QStringLiteral("2031-03-10T00:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
    const qint64 dayEnd = dayStart + 86400000 - 1;
    const QString chatByAnn = resolvedSession(QStringLiteral("chat"), true);
    const QString emailByAnn = resolvedSession(QStringLiteral("email"), true);
    const QString chatByAi = resolvedSession(QStringLiteral("chat"), false);
    QVERIFY(!chatByAnn.isEmpty() && !emailByAnn.isEmpty() && !chatByAi.isEmpty());
    const QJsonObject aiSession = m_admin->get(QStringLiteral("/api/cs/sessions/") + chatByAi).json();
    const int estimate = estimateOf(str(aiSession, "customerSentiment"));
    const QString aiTier = str(aiSession, "currentTier");
    QVERIFY(aiTier != QLatin1String("HUMAN_AGENT"));

    // Read once before the ratings: the day's stored facts exist, so the ratings must mark them changed.
    QCOMPARE(
        analytics(dayStart, dayEnd).value(QLatin1String("overview")).toObject().value(QLatin1String("ratings")).toInt(),
        0);
    m_clock.advanceSecs(600);
    QCOMPARE(m_ben->post(path(chatByAnn, "satisfaction"), ratingBody(5)).status, 201);
    QCOMPARE(m_ben->post(path(emailByAnn, "satisfaction"), ratingBody(2)).status, 201);

    const QJsonObject day = analytics(dayStart, dayEnd);
    const QJsonObject overview = day.value(QLatin1String("overview")).toObject();
    QCOMPARE(overview.value(QLatin1String("totalSessions")).toInt(), 3);
    QCOMPARE(overview.value(QLatin1String("ratings")).toInt(), 2);
    QCOMPARE(overview.value(QLatin1String("customerSatisfactionAvg")).toDouble(),
        qRound((5 + 2 + estimate) * 10.0 / 3) / 10.0);
    const QJsonObject human
        = rowOf(day.value(QLatin1String("byTier")).toArray(), "tier", QStringLiteral("HUMAN_AGENT"));
    QCOMPARE(human.value(QLatin1String("sessions")).toInt(), 2);
    QCOMPARE(human.value(QLatin1String("ratings")).toInt(), 2);
    QCOMPARE(human.value(QLatin1String("customerSatisfactionAvg")).toDouble(), 3.5);
    const QJsonObject ai = rowOf(day.value(QLatin1String("byTier")).toArray(), "tier", aiTier);
    QCOMPARE(ai.value(QLatin1String("ratings")).toInt(), 0);
    QCOMPARE(ai.value(QLatin1String("customerSatisfactionAvg")).toDouble(), double(estimate));
    const QJsonObject chat = rowOf(day.value(QLatin1String("byChannel")).toArray(), "channel", QStringLiteral("chat"));
    QCOMPARE(chat.value(QLatin1String("sessions")).toInt(), 2);
    QCOMPARE(chat.value(QLatin1String("ratings")).toInt(), 1);
    QCOMPARE(chat.value(QLatin1String("customerSatisfactionAvg")).toDouble(), qRound((5 + estimate) * 10.0 / 2) / 10.0);
    const QJsonObject email
        = rowOf(day.value(QLatin1String("byChannel")).toArray(), "channel", QStringLiteral("email"));
    QCOMPARE(email.value(QLatin1String("ratings")).toInt(), 1);
    QCOMPARE(email.value(QLatin1String("customerSatisfactionAvg")).toDouble(), 2.0);

    // The desk per agent: the person who held each session when it was resolved.
    const QJsonArray byAgent = day.value(QLatin1String("desk")).toObject().value(QLatin1String("byAgent")).toArray();
    QCOMPARE(byAgent.size(), 1);
    QCOMPARE(str(byAgent.at(0).toObject(), "agentId"), QStringLiteral("agt_ann"));
    QCOMPARE(str(byAgent.at(0).toObject(), "agentName"), QStringLiteral("Ann Archer"));
    QCOMPARE(byAgent.at(0).toObject().value(QLatin1String("ratings")).toInt(), 2);
    QCOMPARE(byAgent.at(0).toObject().value(QLatin1String("customerSatisfactionAvg")).toDouble(), 3.5);

    // Part of the hour is read from the sessions themselves: the same answer as the stored facts.
    const QJsonObject part = analytics(dayStart + 9 * 3600000 + 1000, dayStart + 9 * 3600000 + 3599000);
    QCOMPARE(part.value(QLatin1String("overview")), day.value(QLatin1String("overview")));
    QCOMPARE(part.value(QLatin1String("byChannel")), day.value(QLatin1String("byChannel")));
}

QTEST_GUILESS_MAIN(TestCsApiRatings)
#include "tst_csapi_ratings.moc"
