// POST /api/cs/config/simulate: known sessions replayed with a proposed config;
// exactly the sessions that change are reported, with how.
#include "tests/api/ApiTestSupport.h"

#include "core/engine/desk/DemoLoad.h"

#include <QDateTime>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestCsApiSimulate : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void reportsExactlyTheChangedSessions();
    void unchangedConfigChangesNothing();
    void periodWithoutSessions();
    void invalidConfigAnsweredAsPutConfig_data();
    void invalidConfigAnsweredAsPutConfig();
    void badPeriod_data();
    void badPeriod();
    void adminsOnly();
    void putConfigAuditsEachChangedField();
    void busyPeriodIsTruncatedToTheNewestSessions();

private:
    // A session of a new customer with these customer messages, each answered before the next.
    QString sessionWith(const QStringList &messages);
    QJsonObject simulate(const QJsonObject &patch, int expectedStatus = 200);

    ServerFixture m_server;
    QString m_company;
    std::unique_ptr<HttpClient> m_admin;
    QString m_calm; // never escalates
    QString m_pineapple; // asks for a manager on its third message; says "pineapple" before
    QString m_refund; // asks the AI Rep for a $40 refund at once
    int m_customers = 0;
};

void TestCsApiSimulate::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_company = m_server.createCompany(QStringLiteral("What-if Co"));
    QVERIFY(!m_company.isEmpty());
    m_admin = m_server.client(api::Role::Admin, m_company);
    m_calm = sessionWith({QStringLiteral("Hello, what are your opening hours?")});
    m_pineapple = sessionWith({QStringLiteral("Hello, I ordered a pineapple"),
        QStringLiteral("The pineapple is still not here"), QStringLiteral("I want to speak to a manager")});
    m_refund = sessionWith({QStringLiteral("I want a refund of $40 for order ORD-55501 please")});
    QVERIFY(!m_calm.isEmpty() && !m_pineapple.isEmpty() && !m_refund.isEmpty());
}

void TestCsApiSimulate::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

QString TestCsApiSimulate::sessionWith(const QStringList &messages)
{
    const QString customer = QStringLiteral("cust_whatif_%1").arg(++m_customers);
    const HttpResult created = m_admin->post(QStringLiteral("/api/cs/sessions"), sessionBody(m_company, customer));
    if (created.status != 201)
        return {};
    const QString id = created.json().value(QLatin1String("id")).toString();
    for (const QString &m : messages) {
        const HttpResult r
            = m_admin->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(id), {{QStringLiteral("message"), m}});
        if (r.status != 201)
            return {};
    }
    return id;
}

QJsonObject TestCsApiSimulate::simulate(const QJsonObject &patch, int expectedStatus)
{
    QJsonObject body = patch;
    body.insert(QStringLiteral("companyId"), m_company);
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/config/simulate"), body);
    if (r.status != expectedStatus)
        qWarning("%s", describe(r).constData());
    return r.status == expectedStatus ? r.json() : QJsonObject();
}

static QJsonObject proposedChange()
{
    return {{QStringLiteral("irateProtocol"),
                QJsonObject{{QStringLiteral("triggerKeywords"),
                    QJsonArray{QStringLiteral("angry"), QStringLiteral("furious"), QStringLiteral("unacceptable"),
                        QStringLiteral("pineapple")}}}},
        {QStringLiteral("tiers"),
            QJsonObject{{QStringLiteral("aiRep"),
                QJsonObject{{QStringLiteral("capabilities"),
                    QJsonObject{
                        {QStringLiteral("canProcessRefunds"), true}, {QStringLiteral("maxRefundAmount"), 100}}}}}}}};
}

void TestCsApiSimulate::reportsExactlyTheChangedSessions()
{
    const QJsonObject report = simulate(proposedChange());
    QCOMPARE(report.value(QLatin1String("sessionsInPeriod")).toInt(), 3);
    QCOMPARE(report.value(QLatin1String("sessionsReplayed")).toInt(), 3);
    QCOMPARE(report.value(QLatin1String("messagesReplayed")).toInt(), 5);
    QCOMPARE(report.value(QLatin1String("truncated")).toBool(true), false);

    QHash<QString, QJsonObject> changed;
    for (const QJsonValue &v : report.value(QLatin1String("sessions")).toArray())
        changed.insert(v.toObject().value(QLatin1String("sessionId")).toString(), v.toObject());
    QCOMPARE(changed.size(), 2);
    QVERIFY(!changed.contains(m_calm));

    // The new keyword makes the second "pineapple" message the second irate one: escalated
    // there (transcript position 2) instead of at the request for a manager (position 4).
    const QJsonObject pineapple = changed.value(m_pineapple);
    QCOMPARE(pineapple.value(QLatin1String("change")).toString(), QStringLiteral("EARLIER"));
    const QJsonObject before = pineapple.value(QLatin1String("before")).toObject();
    QCOMPARE(before.value(QLatin1String("messageIndex")).toInt(), 4);
    QCOMPARE(before.value(QLatin1String("reason")).toString(), QStringLiteral("CUSTOMER_REQUEST"));
    QCOMPARE(before.value(QLatin1String("tier")).toString(), QStringLiteral("AI_MANAGER"));
    const QJsonObject after = pineapple.value(QLatin1String("after")).toObject();
    QCOMPARE(after.value(QLatin1String("messageIndex")).toInt(), 2);
    QCOMPARE(after.value(QLatin1String("reason")).toString(), QStringLiteral("IRATE_CUSTOMER"));
    QCOMPARE(after.value(QLatin1String("tier")).toString(), QStringLiteral("AI_MANAGER"));

    // The AI Rep may now refund $40: the refund no longer goes to the AI Manager.
    const QJsonObject refund = changed.value(m_refund);
    QCOMPARE(refund.value(QLatin1String("change")).toString(), QStringLiteral("NO_LONGER"));
    QCOMPARE(refund.value(QLatin1String("before")).toObject().value(QLatin1String("reason")).toString(),
        QStringLiteral("REFUND_REQUEST"));
    QCOMPARE(refund.value(QLatin1String("before")).toObject().value(QLatin1String("messageIndex")).toInt(), 0);
    QVERIFY(refund.value(QLatin1String("after")).isNull());

    const QJsonObject summary = report.value(QLatin1String("summary")).toObject();
    QCOMPARE(summary.value(QLatin1String("changedSessions")).toInt(), 2);
    QCOMPARE(summary.value(QLatin1String("byChange")).toObject(),
        (QJsonObject{{QStringLiteral("EARLIER"), 1}, {QStringLiteral("NO_LONGER"), 1}}));
    QHash<QString, QPair<int, int>> byReason;
    for (const QJsonValue &v : summary.value(QLatin1String("byReasonAndTier")).toArray()) {
        const QJsonObject o = v.toObject();
        byReason.insert(
            o.value(QLatin1String("reason")).toString() + QLatin1Char('/') + o.value(QLatin1String("tier")).toString(),
            {o.value(QLatin1String("before")).toInt(), o.value(QLatin1String("after")).toInt()});
    }
    QCOMPARE(byReason.size(), 3);
    QCOMPARE(byReason.value(QStringLiteral("CUSTOMER_REQUEST/AI_MANAGER")), qMakePair(1, 0));
    QCOMPARE(byReason.value(QStringLiteral("IRATE_CUSTOMER/AI_MANAGER")), qMakePair(0, 1));
    QCOMPARE(byReason.value(QStringLiteral("REFUND_REQUEST/AI_MANAGER")), qMakePair(1, 0));

    // A what-if stores nothing: the config is as it was.
    const HttpResult config
        = m_admin->get(withQuery(QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), m_company}}));
    QVERIFY(!config.json()
                 .value(QLatin1String("irateProtocol"))
                 .toObject()
                 .value(QLatin1String("triggerKeywords"))
                 .toArray()
                 .contains(QStringLiteral("pineapple")));
}

void TestCsApiSimulate::unchangedConfigChangesNothing()
{
    const QJsonObject report = simulate({});
    QCOMPARE(report.value(QLatin1String("sessionsReplayed")).toInt(), 3);
    QCOMPARE(report.value(QLatin1String("sessions")).toArray().size(), 0);
    QCOMPARE(report.value(QLatin1String("summary")).toObject().value(QLatin1String("changedSessions")).toInt(), 0);
}

void TestCsApiSimulate::periodWithoutSessions()
{
    QJsonObject body = proposedChange();
    body.insert(QStringLiteral("period"),
        QJsonObject{{QStringLiteral("start"), QStringLiteral("2020-01-01")},
            {QStringLiteral("end"), QStringLiteral("2020-01-31")}});
    const QJsonObject report = simulate(body);
    QCOMPARE(report.value(QLatin1String("sessionsInPeriod")).toInt(), 0);
    QCOMPARE(report.value(QLatin1String("sessions")).toArray().size(), 0);
    QCOMPARE(report.value(QLatin1String("period")).toObject().value(QLatin1String("start")).toString().left(10),
        QStringLiteral("2020-01-01"));
}

void TestCsApiSimulate::invalidConfigAnsweredAsPutConfig_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::newRow("threshold above 1") << QByteArray(R"({"irateProtocol":{"detectionThreshold":1.5}})");
    QTest::newRow("unknown key") << QByteArray(R"({"colour":"blue"})");
    QTest::newRow("empty keyword") << QByteArray(R"({"irateProtocol":{"triggerKeywords":[" "]}})");
}

void TestCsApiSimulate::invalidConfigAnsweredAsPutConfig()
{
    QFETCH(QByteArray, patch);
    QJsonObject body = QJsonDocument::fromJson(patch).object();
    body.insert(QStringLiteral("companyId"), m_company);
    const HttpResult put = m_admin->put(QStringLiteral("/api/cs/config"), body);
    const HttpResult sim = m_admin->post(QStringLiteral("/api/cs/config/simulate"), body);
    QCOMPARE(put.status, 400);
    QCOMPARE(sim.status, put.status);
    QCOMPARE(sim.json(), put.json());
    QVERIFY2(checkErrorBody(sim, 400, QStringLiteral("CS_011")).isEmpty(), describe(sim));
}

void TestCsApiSimulate::badPeriod_data()
{
    QTest::addColumn<QJsonValue>("period");
    QTest::newRow("not an object") << QJsonValue(QStringLiteral("last month"));
    QTest::newRow("bad date") << QJsonValue(QJsonObject{
        {QStringLiteral("start"), QStringLiteral("yesterday")}, {QStringLiteral("end"), QStringLiteral("2026-01-01")}});
    QTest::newRow("ends before it starts")
        << QJsonValue(QJsonObject{{QStringLiteral("start"), QStringLiteral("2026-02-01")},
               {QStringLiteral("end"), QStringLiteral("2026-01-01")}});
    QTest::newRow("longer than 92 days") << QJsonValue(
        QJsonObject{{QStringLiteral("start"), QStringLiteral("2026-01-01")},
            {QStringLiteral("end"), QStringLiteral("2026-06-01")}});
}

void TestCsApiSimulate::badPeriod()
{
    QFETCH(QJsonValue, period);
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/config/simulate"),
        {{QStringLiteral("companyId"), m_company}, {QStringLiteral("period"), period}});
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
    QCOMPARE(r.json()
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("details"))
                 .toObject()
                 .value(QLatin1String("field"))
                 .toString(),
        QStringLiteral("period"));
}

void TestCsApiSimulate::adminsOnly()
{
    auto supervisor = m_server.client(api::Role::Supervisor, m_company);
    const HttpResult r
        = supervisor->post(QStringLiteral("/api/cs/config/simulate"), {{QStringLiteral("companyId"), m_company}});
    QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r));
    // Another company's id is not found, as everywhere.
    const HttpResult other = m_admin->post(
        QStringLiteral("/api/cs/config/simulate"), {{QStringLiteral("companyId"), m_server.companyId()}});
    QVERIFY2(checkErrorBody(other, 404, QStringLiteral("CS_014")).isEmpty(), describe(other));
}

// The history of the console's config editor reads this: who, when, and each field's before and after.
void TestCsApiSimulate::putConfigAuditsEachChangedField()
{
    const HttpResult put = m_admin->put(QStringLiteral("/api/cs/config"),
        {{QStringLiteral("companyId"), m_company},
            {QStringLiteral("irateProtocol"), QJsonObject{{QStringLiteral("detectionThreshold"), 0.9}}},
            {QStringLiteral("tiers"),
                QJsonObject{{QStringLiteral("humanAgent"),
                    QJsonObject{{QStringLiteral("escalationPhone"), QStringLiteral("+1 555 0100")}}}}}});
    QVERIFY2(put.status == 200, describe(put));
    const HttpResult audit
        = m_admin->get(withQuery(QStringLiteral("/api/cs/audit"), {{QStringLiteral("companyId"), m_company}}));
    QVERIFY2(audit.status == 200, describe(audit));
    QJsonObject entry;
    for (const QJsonValue &v : audit.json().value(QLatin1String("entries")).toArray())
        if (v.toObject().value(QLatin1String("action")).toString() == QLatin1String("config.update")) {
            entry = v.toObject();
            break;
        }
    QCOMPARE(entry.value(QLatin1String("actor")).toString(), QStringLiteral("tester"));
    const QJsonArray expected{QJsonObject{{QStringLiteral("path"), QStringLiteral("irateProtocol.detectionThreshold")},
                                  {QStringLiteral("before"), 0.7}, {QStringLiteral("after"), 0.9}},
        QJsonObject{{QStringLiteral("path"), QStringLiteral("tiers.humanAgent.escalationPhone")},
            {QStringLiteral("before"), QString()}, {QStringLiteral("after"), QStringLiteral("+1 555 0100")}}};
    QCOMPARE(entry.value(QLatin1String("details")).toObject().value(QLatin1String("changes")).toArray(), expected);
}

// More sessions than the replay takes (200): the newest are replayed, copied over several
// passes of the engine's event loop, and the answer says it was cut.
void TestCsApiSimulate::busyPeriodIsTruncatedToTheNewestSessions()
{
    DemoLoadRequest load;
    load.sessions = 260;
    QVERIFY(seedDemoLoad(m_server.runtime().engine(), m_server.companyId(), load));
    auto admin = m_server.client(api::Role::Admin);
    // The demo's complaint reads "This is the third time I'm writing about the same problem."
    const HttpResult r = admin->post(QStringLiteral("/api/cs/config/simulate"),
        {{QStringLiteral("companyId"), m_server.companyId()},
            {QStringLiteral("irateProtocol"),
                QJsonObject{{QStringLiteral("triggerKeywords"), QJsonArray{QStringLiteral("third time")}},
                    {QStringLiteral("autoEscalate"), QJsonObject{{QStringLiteral("afterAttempts"), 1}}}}}});
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject report = r.json();
    QVERIFY(report.value(QLatin1String("sessionsInPeriod")).toInt() >= 260);
    QCOMPARE(report.value(QLatin1String("sessionsReplayed")).toInt(), 200);
    QCOMPARE(report.value(QLatin1String("truncated")).toBool(), true);
    const QJsonArray changed = report.value(QLatin1String("sessions")).toArray();
    QVERIFY(!changed.isEmpty());
    for (const QJsonValue &v : changed) {
        const QJsonObject after = v.toObject().value(QLatin1String("after")).toObject();
        QCOMPARE(after.value(QLatin1String("reason")).toString(), QStringLiteral("IRATE_CUSTOMER"));
        QCOMPARE(after.value(QLatin1String("messageIndex")).toInt(), 0);
    }
}

QTEST_GUILESS_MAIN(TestCsApiSimulate)
#include "tst_csapi_simulate.moc"
