// GET/PUT /api/cs/config (deep merge, validation) and GET /api/cs/analytics
// (every section, numbers consistent with the sessions the test created).
#include "tests/api/ApiTestSupport.h"

#include <QDateTime>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestCsApiConfigAnalytics : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void getConfigHasSeedShape();
    void putConfigDeepMerges();
    void putConfigValidates_data();
    void putConfigValidates();
    void voiceNumbersAreOneCompanys();
    void analyticsEmptyCompany();
    void analyticsCountsSessions();
    void analyticsGroupBy_data();
    void analyticsGroupBy();
    void analyticsBadDates_data();
    void analyticsBadDates();

private:
    QString configPath(const QString &company) const
    {
        return withQuery(QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), company}});
    }
    QString analyticsPath(const QString &company, const QString &groupBy = {}) const;

    ServerFixture m_server;
    QString m_company; // a fresh company, so its analytics hold only this test's sessions
    std::unique_ptr<HttpClient> m_admin;
};

void TestCsApiConfigAnalytics::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_company = m_server.createCompany(QStringLiteral("Analytics Test Co"));
    QVERIFY(!m_company.isEmpty());
    m_admin = m_server.client(api::Role::Admin, m_company);
}

void TestCsApiConfigAnalytics::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

QString TestCsApiConfigAnalytics::analyticsPath(const QString &company, const QString &groupBy) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QPair<QString, QString>> q{{QStringLiteral("companyId"), company},
        {QStringLiteral("startDate"), now.addDays(-1).toString(Qt::ISODate)},
        {QStringLiteral("endDate"), now.addDays(1).toString(Qt::ISODate)}};
    if (!groupBy.isEmpty())
        q.append({QStringLiteral("groupBy"), groupBy});
    return withQuery(QStringLiteral("/api/cs/analytics"), q);
}

void TestCsApiConfigAnalytics::getConfigHasSeedShape()
{
    auto agent = m_server.client(api::Role::Agent, m_company);
    const HttpResult r = agent->get(configPath(m_company));
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject c = r.json();
    QCOMPARE(c.value(QLatin1String("companyId")).toString(), m_company);
    QCOMPARE(c.value(QLatin1String("enabled")).toBool(false), true);
    const QJsonObject tiers = c.value(QLatin1String("tiers")).toObject();
    const QJsonObject rep = tiers.value(QLatin1String("aiRep")).toObject();
    const QJsonObject repCaps = rep.value(QLatin1String("capabilities")).toObject();
    for (const char *key :
        {"canProcessRefunds", "maxRefundAmount", "canModifySubscription", "canApplyCredits", "maxCreditAmount"})
        QVERIFY2(repCaps.contains(QLatin1String(key)), key);
    QCOMPARE(repCaps.value(QLatin1String("maxCreditAmount")).toDouble(), 10.0);
    QVERIFY(rep.value(QLatin1String("responseGuidelines")).toObject().contains(QLatin1String("tone")));
    QCOMPARE(tiers.value(QLatin1String("aiManager"))
                 .toObject()
                 .value(QLatin1String("capabilities"))
                 .toObject()
                 .value(QLatin1String("maxRefundAmount"))
                 .toDouble(),
        100.0);
    const QJsonObject human = tiers.value(QLatin1String("humanAgent")).toObject();
    QVERIFY(human.contains(QLatin1String("escalationPhone")));
    QVERIFY(human.contains(QLatin1String("notifyOnEscalation")));
    const QJsonObject irate = c.value(QLatin1String("irateProtocol")).toObject();
    QCOMPARE(irate.value(QLatin1String("detectionThreshold")).toDouble(), 0.7);
    QVERIFY(irate.value(QLatin1String("triggerKeywords")).toArray().contains(QStringLiteral("furious")));
    QCOMPARE(irate.value(QLatin1String("autoEscalate")).toObject().value(QLatin1String("targetTier")).toString(),
        QStringLiteral("AI_MANAGER"));
}

void TestCsApiConfigAnalytics::putConfigDeepMerges()
{
    const QJsonObject before = m_admin->get(configPath(m_company)).json();
    const QJsonObject patch{{QStringLiteral("companyId"), m_company},
        {QStringLiteral("tiers"),
            QJsonObject{{QStringLiteral("aiRep"),
                QJsonObject{{QStringLiteral("capabilities"), QJsonObject{{QStringLiteral("maxCreditAmount"), 15}}}}}}},
        {QStringLiteral("irateProtocol"), QJsonObject{{QStringLiteral("detectionThreshold"), 0.8}}}};
    HttpResult r = m_admin->put(QStringLiteral("/api/cs/config"), patch);
    QVERIFY2(r.status == 200, describe(r));

    // Exactly the two patched leaves changed; everything beside them is kept.
    QJsonObject expected = before;
    QJsonObject tiers = expected.value(QLatin1String("tiers")).toObject();
    QJsonObject rep = tiers.value(QLatin1String("aiRep")).toObject();
    QJsonObject caps = rep.value(QLatin1String("capabilities")).toObject();
    caps.insert(QStringLiteral("maxCreditAmount"), 15);
    rep.insert(QStringLiteral("capabilities"), caps);
    tiers.insert(QStringLiteral("aiRep"), rep);
    expected.insert(QStringLiteral("tiers"), tiers);
    QJsonObject irate = expected.value(QLatin1String("irateProtocol")).toObject();
    irate.insert(QStringLiteral("detectionThreshold"), 0.8);
    expected.insert(QStringLiteral("irateProtocol"), irate);
    QCOMPARE(r.json(), expected);
    QCOMPARE(m_admin->get(configPath(m_company)).json(), expected);

    // Arrays are replaced, not merged.
    r = m_admin->put(QStringLiteral("/api/cs/config"),
        {{QStringLiteral("companyId"), m_company},
            {QStringLiteral("irateProtocol"),
                QJsonObject{{QStringLiteral("triggerKeywords"), QJsonArray{QStringLiteral("livid")}}}}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(m_admin->get(configPath(m_company))
                 .json()
                 .value(QLatin1String("irateProtocol"))
                 .toObject()
                 .value(QLatin1String("triggerKeywords"))
                 .toArray(),
        QJsonArray{QStringLiteral("livid")});
}

void TestCsApiConfigAnalytics::putConfigValidates_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::newRow("negative credit") << QByteArray(R"({"tiers":{"aiRep":{"capabilities":{"maxCreditAmount":-1}}}})");
    QTest::newRow("negative refund") << QByteArray(
        R"({"tiers":{"aiManager":{"capabilities":{"maxRefundAmount":-100}}}})");
    QTest::newRow("unknown top key") << QByteArray(R"({"colour":"blue"})");
    QTest::newRow("unknown nested key") << QByteArray(R"({"tiers":{"aiRep":{"capabilities":{"canFly":true}}}})");
    QTest::newRow("unknown tier") << QByteArray(R"({"tiers":{"aiDirector":{"enabled":true}}})");
    QTest::newRow("threshold above 1") << QByteArray(R"({"irateProtocol":{"detectionThreshold":1.5}})");
    QTest::newRow("threshold below 0") << QByteArray(R"({"irateProtocol":{"detectionThreshold":-0.1}})");
    QTest::newRow("wrong type") << QByteArray(R"({"enabled":"yes"})");
    QTest::newRow("auto escalate to AI_REP")
        << QByteArray(R"({"irateProtocol":{"autoEscalate":{"targetTier":"AI_REP"}}})");
    QTest::newRow("unknown auto escalate tier")
        << QByteArray(R"({"irateProtocol":{"autoEscalate":{"targetTier":"CEO"}}})");
    QTest::newRow("bad tone") << QByteArray(R"({"tiers":{"aiRep":{"responseGuidelines":{"tone":"sarcastic"}}}})");
    QTest::newRow("voice number with letters") << QByteArray(R"({"voice":{"numbers":["+1555CALLME"]}})");
    QTest::newRow("voice number twice") << QByteArray(R"({"voice":{"numbers":["+15550100","+15550100"]}})");
    QTest::newRow("voice numbers not a list") << QByteArray(R"({"voice":{"numbers":"+15550100"}})");
    QTest::newRow("unknown voice") << QByteArray(R"({"voice":{"voice":"kal"}})");
    QTest::newRow("recordCalls not a boolean") << QByteArray(R"({"voice":{"recordCalls":"no"}})");
    QTest::newRow("SIP source a host name") << QByteArray(R"({"voice":{"sip":{"allowedSources":["trunk.example"]}}})");
    QTest::newRow("SIP source a bad range") << QByteArray(R"({"voice":{"sip":{"allowedSources":["10.0.0.0/40"]}}})");
    QTest::newRow("SIP sources not a list") << QByteArray(R"({"voice":{"sip":{"allowedSources":"10.0.0.1"}}})");
    QTest::newRow("digest unknown key") << QByteArray(
        R"({"voice":{"sip":{"digest":{"username":"t","password":"long-enough","realm":"x"}}}})");
    QTest::newRow("digest SHA-1") << QByteArray(
        R"({"voice":{"sip":{"digest":{"username":"t","password":"long-enough","algorithms":["SHA-1"]}}}})");
    QTest::newRow("digest password short")
        << QByteArray(R"({"voice":{"sip":{"digest":{"username":"t","password":"short"}}}})");
    QTest::newRow("digest user with a space")
        << QByteArray(R"({"voice":{"sip":{"digest":{"username":"a b","password":"long-enough"}}}})");
}

// A company's phone numbers, its AI's voice and recording: kept, and a number is one company's.
void TestCsApiConfigAnalytics::voiceNumbersAreOneCompanys()
{
    const QJsonObject patch{{QStringLiteral("companyId"), m_company},
        {QStringLiteral("voice"),
            QJsonObject{{QStringLiteral("numbers"), QJsonArray{QStringLiteral("+15550100"), QStringLiteral("4930123")}},
                {QStringLiteral("voice"), QStringLiteral("rms")}, {QStringLiteral("recordCalls"), false}}}};
    HttpResult r = m_admin->put(QStringLiteral("/api/cs/config"), patch);
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject voice = m_admin->get(configPath(m_company)).json().value(QLatin1String("voice")).toObject();
    QCOMPARE(voice.value(QLatin1String("numbers")).toArray(),
        (QJsonArray{QStringLiteral("+15550100"), QStringLiteral("4930123")}));
    QCOMPARE(voice.value(QLatin1String("voice")).toString(), QStringLiteral("rms"));
    QCOMPARE(voice.value(QLatin1String("recordCalls")).toBool(true), false);

    const QString other = m_server.createCompany(QStringLiteral("Other Line Co"));
    auto otherAdmin = m_server.client(api::Role::Admin, other);
    r = otherAdmin->put(QStringLiteral("/api/cs/config"),
        QJsonObject{{QStringLiteral("companyId"), other},
            {QStringLiteral("voice"),
                QJsonObject{{QStringLiteral("numbers"), QJsonArray{QStringLiteral("4930123")}}}}});
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_022")).isEmpty(), describe(r).constData());
    QVERIFY2(r.json()
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("message"))
                 .toString()
                 .contains(QLatin1String("4930123")),
        describe(r).constData());
    QVERIFY(otherAdmin->get(configPath(other))
                .json()
                .value(QLatin1String("voice"))
                .toObject()
                .value(QLatin1String("numbers"))
                .toArray()
                .isEmpty());
    // Given up by the first company, the number is free for the other.
    r = m_admin->put(QStringLiteral("/api/cs/config"),
        QJsonObject{{QStringLiteral("companyId"), m_company},
            {QStringLiteral("voice"),
                QJsonObject{{QStringLiteral("numbers"), QJsonArray{QStringLiteral("+15550100")}}}}});
    QVERIFY2(r.status == 200, describe(r));
    r = otherAdmin->put(QStringLiteral("/api/cs/config"),
        QJsonObject{{QStringLiteral("companyId"), other},
            {QStringLiteral("voice"),
                QJsonObject{{QStringLiteral("numbers"), QJsonArray{QStringLiteral("4930123")}}}}});
    QVERIFY2(r.status == 200, describe(r));
}

void TestCsApiConfigAnalytics::putConfigValidates()
{
    QFETCH(QByteArray, patch);
    const HttpResult before = m_admin->get(configPath(m_company));
    QVERIFY2(before.status == 200, describe(before));
    QJsonObject body = QJsonDocument::fromJson(patch).object();
    QVERIFY(!body.isEmpty());
    body.insert(QStringLiteral("companyId"), m_company);
    const HttpResult r = m_admin->put(QStringLiteral("/api/cs/config"), body);
    const QString problem = checkErrorBody(r, 400, QStringLiteral("CS_011"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(m_admin->get(configPath(m_company)).json(), before.json());
}

void TestCsApiConfigAnalytics::analyticsEmptyCompany()
{
    const QString empty = m_server.createCompany(QStringLiteral("Quiet Co"));
    auto supervisor = m_server.client(api::Role::Supervisor, empty);
    const HttpResult r = supervisor->get(analyticsPath(empty));
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("overview")).toObject().value(QLatin1String("totalSessions")).toInt(-1), 0);
    QCOMPARE(o.value(QLatin1String("overview")).toObject().value(QLatin1String("resolutionRate")).toDouble(-1), 0.0);
    QCOMPARE(o.value(QLatin1String("escalations")).toObject().value(QLatin1String("total")).toInt(-1), 0);
    QCOMPARE(o.value(QLatin1String("byTier")).toArray().size(), 3);
    QVERIFY(!o.contains(QLatin1String("timeline")));
}

void TestCsApiConfigAnalytics::analyticsCountsSessions()
{
    // Four sessions: chat x3 + voice x1; one escalated by hand to AI_MANAGER and resolved there,
    // one resolved at AI_REP, two left open at AI_REP.
    QStringList ids;
    const QStringList channels{
        QStringLiteral("chat"), QStringLiteral("chat"), QStringLiteral("chat"), QStringLiteral("voice")};
    for (int i = 0; i < 4; ++i) {
        const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions"),
            sessionBody(m_company, QStringLiteral("an_%1").arg(i), {}, channels.at(i)));
        QVERIFY2(r.status == 201, describe(r));
        ids << r.json().value(QLatin1String("id")).toString();
    }
    HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(ids[0]),
        {{QStringLiteral("reason"), QStringLiteral("REFUND_REQUEST")},
            {QStringLiteral("targetTier"), QStringLiteral("AI_MANAGER")}});
    QVERIFY2(r.status == 200, describe(r));
    for (const QString &id : {ids[0], ids[1]}) {
        r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(id),
            {{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")}});
        QVERIFY2(r.status == 200, describe(r));
    }

    auto supervisor = m_server.client(api::Role::Supervisor, m_company);
    r = supervisor->get(analyticsPath(m_company));
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    for (const char *key : {"period", "overview", "byTier", "byChannel", "escalations", "sentiment"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    const QJsonObject period = o.value(QLatin1String("period")).toObject();
    QVERIFY(QDateTime::fromString(period.value(QLatin1String("start")).toString(), Qt::ISODate).isValid());
    QVERIFY(QDateTime::fromString(period.value(QLatin1String("end")).toString(), Qt::ISODate).isValid());

    const QJsonObject ov = o.value(QLatin1String("overview")).toObject();
    QCOMPARE(ov.value(QLatin1String("totalSessions")).toInt(), 4);
    QCOMPARE(ov.value(QLatin1String("resolvedSessions")).toInt(), 2);
    QCOMPARE(ov.value(QLatin1String("resolutionRate")).toDouble(), 50.0);
    for (const char *key : {"avgResolutionTime", "avgMessagesPerSession", "customerSatisfactionAvg"})
        QVERIFY2(ov.value(QLatin1String(key)).isDouble(), key);
    QCOMPARE(ov.value(QLatin1String("avgMessagesPerSession")).toDouble(), 0.0);

    QHash<QString, QJsonObject> tiers;
    for (const QJsonValue &v : o.value(QLatin1String("byTier")).toArray())
        tiers.insert(v.toObject().value(QLatin1String("tier")).toString(), v.toObject());
    QCOMPARE(tiers.value(QStringLiteral("AI_REP")).value(QLatin1String("sessions")).toInt(), 3);
    QCOMPARE(tiers.value(QStringLiteral("AI_REP")).value(QLatin1String("resolved")).toInt(), 1);
    QCOMPARE(tiers.value(QStringLiteral("AI_MANAGER")).value(QLatin1String("sessions")).toInt(), 1);
    QCOMPARE(tiers.value(QStringLiteral("AI_MANAGER")).value(QLatin1String("resolved")).toInt(), 1);
    QCOMPARE(tiers.value(QStringLiteral("AI_MANAGER")).value(QLatin1String("resolutionRate")).toDouble(), 100.0);
    QCOMPARE(tiers.value(QStringLiteral("HUMAN_AGENT")).value(QLatin1String("sessions")).toInt(), 0);
    for (const QJsonObject &t : std::as_const(tiers))
        QVERIFY(t.value(QLatin1String("avgTime")).isDouble());

    QHash<QString, QJsonObject> channelRows;
    for (const QJsonValue &v : o.value(QLatin1String("byChannel")).toArray())
        channelRows.insert(v.toObject().value(QLatin1String("channel")).toString(), v.toObject());
    QCOMPARE(channelRows.value(QStringLiteral("chat")).value(QLatin1String("sessions")).toInt(), 3);
    QCOMPARE(channelRows.value(QStringLiteral("chat")).value(QLatin1String("resolved")).toInt(), 2);
    QCOMPARE(channelRows.value(QStringLiteral("voice")).value(QLatin1String("sessions")).toInt(), 1);
    QCOMPARE(channelRows.value(QStringLiteral("voice")).value(QLatin1String("resolved")).toInt(), 0);
    QVERIFY(channelRows.value(QStringLiteral("voice")).value(QLatin1String("avgTime")).isDouble());

    const QJsonObject esc = o.value(QLatin1String("escalations")).toObject();
    QCOMPARE(esc.value(QLatin1String("total")).toInt(), 1);
    QCOMPARE(esc.value(QLatin1String("byReason")).toObject(), (QJsonObject{{QStringLiteral("REFUND_REQUEST"), 1}}));
    QVERIFY(esc.value(QLatin1String("avgEscalationTime")).isDouble());
    QCOMPARE(esc.value(QLatin1String("escalationRate")).toDouble(), 25.0);

    const QJsonObject sentiment = o.value(QLatin1String("sentiment")).toObject();
    const QJsonObject dist = sentiment.value(QLatin1String("distribution")).toObject();
    int sum = 0;
    for (auto it = dist.begin(); it != dist.end(); ++it)
        sum += it->toInt();
    QCOMPARE(sum, 4);
    QCOMPARE(dist.value(QLatin1String("NEUTRAL")).toInt(), 4);
    QCOMPARE(sentiment.value(QLatin1String("irateIncidents")).toInt(-1), 0);
    QVERIFY(sentiment.value(QLatin1String("sentimentImprovement")).isDouble());
    QVERIFY(!o.contains(QLatin1String("timeline")));
}

void TestCsApiConfigAnalytics::analyticsGroupBy_data()
{
    QTest::addColumn<QString>("groupBy");
    QTest::addColumn<QString>("periodFormat");
    QTest::newRow("day") << QStringLiteral("day") << QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$");
    QTest::newRow("week") << QStringLiteral("week") << QStringLiteral("^\\d{4}-W\\d{2}$");
    QTest::newRow("month") << QStringLiteral("month") << QStringLiteral("^\\d{4}-\\d{2}$");
}

void TestCsApiConfigAnalytics::analyticsGroupBy()
{
    QFETCH(QString, groupBy);
    QFETCH(QString, periodFormat);
    auto supervisor = m_server.client(api::Role::Supervisor, m_company);
    const HttpResult r = supervisor->get(analyticsPath(m_company, groupBy));
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    const int total = o.value(QLatin1String("overview")).toObject().value(QLatin1String("totalSessions")).toInt();
    const int resolved = o.value(QLatin1String("overview")).toObject().value(QLatin1String("resolvedSessions")).toInt();
    QVERIFY(total > 0);
    const QJsonArray timeline = o.value(QLatin1String("timeline")).toArray();
    QVERIFY(!timeline.isEmpty());
    int sessions = 0, done = 0;
    const QRegularExpression format(periodFormat);
    for (const QJsonValue &v : timeline) {
        const QJsonObject bucket = v.toObject();
        QVERIFY2(format.match(bucket.value(QLatin1String("period")).toString()).hasMatch(),
            qPrintable(bucket.value(QLatin1String("period")).toString()));
        sessions += bucket.value(QLatin1String("sessions")).toInt();
        done += bucket.value(QLatin1String("resolved")).toInt();
    }
    QCOMPARE(sessions, total);
    QCOMPARE(done, resolved);
}

void TestCsApiConfigAnalytics::analyticsBadDates_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<QString>("groupBy");
    QTest::newRow("missing start") << QString() << QStringLiteral("2025-12-31") << QString();
    QTest::newRow("missing end") << QStringLiteral("2025-12-01") << QString() << QString();
    QTest::newRow("not a date") << QStringLiteral("last week") << QStringLiteral("2025-12-31") << QString();
    QTest::newRow("impossible date") << QStringLiteral("2025-02-30") << QStringLiteral("2025-12-31") << QString();
    QTest::newRow("end before start") << QStringLiteral("2025-12-31") << QStringLiteral("2025-12-01") << QString();
    QTest::newRow("bad groupBy") << QStringLiteral("2025-12-01") << QStringLiteral("2025-12-31")
                                 << QStringLiteral("year");
}

void TestCsApiConfigAnalytics::analyticsBadDates()
{
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(QString, groupBy);
    QList<QPair<QString, QString>> q{{QStringLiteral("companyId"), m_company}};
    if (!start.isEmpty())
        q.append({QStringLiteral("startDate"), start});
    if (!end.isEmpty())
        q.append({QStringLiteral("endDate"), end});
    if (!groupBy.isEmpty())
        q.append({QStringLiteral("groupBy"), groupBy});
    const HttpResult r = m_admin->get(withQuery(QStringLiteral("/api/cs/analytics"), q));
    const QString problem = checkErrorBody(r, 400, QStringLiteral("CS_011"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestCsApiConfigAnalytics)
#include "tst_csapi_config_analytics.moc"
