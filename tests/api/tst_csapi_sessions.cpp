// POST/GET /api/cs/sessions, messages, escalate and resolve against a real
// server on 127.0.0.1, checked field by field against seed 001.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/PgServer.h"

#include "core/common/Instance.h"

#include <QDateTime>
#include <QTest>
#include <QUuid>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

bool isIsoTime(const QJsonValue &v)
{
    return v.isString() && QDateTime::fromString(v.toString(), Qt::ISODateWithMs).isValid();
}

QString unique(const QString &prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

} // namespace

class TestCsApiSessions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void healthSaysTheBackendAndInstance();
    void createSessionHasSeedFields();
    void createWithInitialMessageAnswers();
    void unknownCustomerIsCreated();
    void getSessionHasEveryField();
    void listFilters();
    void postMessage();
    void escalate();
    void resolve();
    void resolveRefusesWhatTheTextRuleRefuses_data();
    void resolveRefusesWhatTheTextRuleRefuses();
    void repeatContactEscalates();

private:
    QString create(
        const QString &customer, const QString &initial = {}, const QString &channel = QStringLiteral("chat"));

    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_admin;
};

void TestCsApiSessions::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, true, &error), qPrintable(error));
    m_admin = m_server.client(api::Role::Admin);
}

void TestCsApiSessions::healthSaysTheBackendAndInstance()
{
    HttpClient anonymous(m_server.port());
    const HttpResult r = anonymous.get(QStringLiteral("/api/cs/health"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(r.json().value(QLatin1String("backend")).toString(),
        test::PgServer::wanted() ? QStringLiteral("postgresql") : QStringLiteral("sqlite"));
    QCOMPARE(r.json().value(QLatin1String("instance")).toString(), instanceName());
    QVERIFY(!instanceName().isEmpty());
}

void TestCsApiSessions::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

QString TestCsApiSessions::create(const QString &customer, const QString &initial, const QString &channel)
{
    const HttpResult r = m_admin->post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), customer, initial, channel));
    if (r.status != 201)
        qWarning("create session failed: %s", describe(r).constData());
    return r.json().value(QLatin1String("id")).toString();
}

void TestCsApiSessions::createSessionHasSeedFields()
{
    QJsonObject body = sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), {}, QStringLiteral("email"));
    body.insert(QStringLiteral("issueCategory"), QStringLiteral("SHIPPING"));
    body.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("source"), QStringLiteral("website")}});
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions"), body);
    QVERIFY2(r.status == 201, describe(r));
    QVERIFY(r.header("content-type").startsWith("application/json"));
    const QJsonObject s = r.json();
    QVERIFY(s.value(QLatin1String("id")).toString().startsWith(QLatin1String("sess_")));
    QCOMPARE(s.value(QLatin1String("companyId")).toString(), m_server.companyId());
    QCOMPARE(s.value(QLatin1String("customerId")).toString(), QStringLiteral("cust_ben"));
    QCOMPARE(s.value(QLatin1String("channel")).toString(), QStringLiteral("email"));
    QCOMPARE(s.value(QLatin1String("currentTier")).toString(), QStringLiteral("AI_REP"));
    QCOMPARE(s.value(QLatin1String("status")).toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(s.value(QLatin1String("customerSentiment")).toString(), QStringLiteral("NEUTRAL"));
    QVERIFY(s.value(QLatin1String("messages")).isArray());
    QVERIFY(s.value(QLatin1String("messages")).toArray().isEmpty());
    QVERIFY(isIsoTime(s.value(QLatin1String("createdAt"))));
    QCOMPARE(s.value(QLatin1String("issueCategory")).toString(), QStringLiteral("SHIPPING"));
    // The new session is stored: the Location header points at it.
    QCOMPARE(r.header("location"), "/api/cs/sessions/" + s.value(QLatin1String("id")).toString().toUtf8());
    const HttpResult got = m_admin->get(QString::fromUtf8(r.header("location")));
    QVERIFY2(got.status == 200, describe(got));
    QCOMPARE(got.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("source")).toString(),
        QStringLiteral("website"));
}

void TestCsApiSessions::createWithInitialMessageAnswers()
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions"),
        sessionBody(m_server.companyId(), unique(QStringLiteral("cust_first_")), QStringLiteral("Where is my order?")));
    QVERIFY2(r.status == 201, describe(r));
    // A first contact about an order stays with tier 1.
    QCOMPARE(r.json().value(QLatin1String("currentTier")).toString(), QStringLiteral("AI_REP"));
    const QJsonArray messages = r.json().value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    const QJsonObject customer = messages.at(0).toObject();
    QCOMPARE(customer.value(QLatin1String("role")).toString(), QStringLiteral("customer"));
    QCOMPARE(customer.value(QLatin1String("content")).toString(), QStringLiteral("Where is my order?"));
    QVERIFY(customer.value(QLatin1String("id")).toString().startsWith(QLatin1String("msg_")));
    QVERIFY(isIsoTime(customer.value(QLatin1String("timestamp"))));
    const QJsonObject ai = messages.at(1).toObject();
    QCOMPARE(ai.value(QLatin1String("role")).toString(), QStringLiteral("ai_rep"));
    QVERIFY(!ai.value(QLatin1String("content")).toString().trimmed().isEmpty());
    const QJsonObject meta = ai.value(QLatin1String("metadata")).toObject();
    QCOMPARE(meta.value(QLatin1String("aiGenerated")).toBool(false), true);
    QVERIFY(!meta.value(QLatin1String("model")).toString().isEmpty());
    const QJsonObject tokens = meta.value(QLatin1String("tokens")).toObject();
    QVERIFY(tokens.value(QLatin1String("input")).isDouble());
    QVERIFY(tokens.value(QLatin1String("output")).toDouble() > 0);
    QVERIFY(meta.value(QLatin1String("latencyMs")).isDouble());
    QVERIFY(meta.value(QLatin1String("latencyMs")).toDouble() >= 0);
    QVERIFY(meta.value(QLatin1String("actionsTaken")).isArray());
    QVERIFY(meta.value(QLatin1String("suggestedActions")).isArray());
}

void TestCsApiSessions::unknownCustomerIsCreated()
{
    const QString customer = unique(QStringLiteral("cust_new_"));
    const QString id = create(customer);
    QVERIFY(!id.isEmpty());
    const HttpResult r = m_admin->get(QStringLiteral("/api/cs/sessions/") + id);
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject c
        = r.json().value(QLatin1String("context")).toObject().value(QLatin1String("customer")).toObject();
    QCOMPARE(c.value(QLatin1String("id")).toString(), customer);
    QCOMPARE(c.value(QLatin1String("isVIP")).toBool(true), false);
    // The customer exists now: the list filter finds the session by it.
    const HttpResult list = m_admin->get(withQuery(QStringLiteral("/api/cs/sessions"),
        {{QStringLiteral("companyId"), m_server.companyId()}, {QStringLiteral("customerId"), customer}}));
    QVERIFY2(list.status == 200, describe(list));
    QCOMPARE(list.json().value(QLatin1String("total")).toInt(), 1);
}

void TestCsApiSessions::getSessionHasEveryField()
{
    const QString id = create(QStringLiteral("cust_alice"), QStringLiteral("Hi, where is my package? It is late."));
    QVERIFY(!id.isEmpty());
    const HttpResult r = m_admin->get(QStringLiteral("/api/cs/sessions/") + id);
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject s = r.json();
    for (const char *key : {"id", "companyId", "customerId", "channel", "currentTier", "status", "issueCategory",
             "issueSummary", "customerSentiment", "sentimentHistory", "escalationHistory", "messages", "context",
             "createdAt", "updatedAt"})
        QVERIFY2(s.contains(QLatin1String(key)), key);
    QCOMPARE(s.value(QLatin1String("id")).toString(), id);
    QVERIFY(s.value(QLatin1String("issueSummary")).isString());
    QVERIFY(isIsoTime(s.value(QLatin1String("createdAt"))));
    QVERIFY(isIsoTime(s.value(QLatin1String("updatedAt"))));
    const QJsonArray history = s.value(QLatin1String("sentimentHistory")).toArray();
    QVERIFY(!history.isEmpty());
    const QJsonObject point = history.at(0).toObject();
    QVERIFY(!point.value(QLatin1String("sentiment")).toString().isEmpty());
    QVERIFY(point.value(QLatin1String("score")).isDouble());
    QVERIFY(isIsoTime(point.value(QLatin1String("timestamp"))));
    QVERIFY(s.value(QLatin1String("escalationHistory")).isArray());
    QVERIFY(s.value(QLatin1String("messages")).toArray().size() >= 2);
    const QJsonObject c = s.value(QLatin1String("context")).toObject().value(QLatin1String("customer")).toObject();
    QCOMPARE(c.value(QLatin1String("id")).toString(), QStringLiteral("cust_alice"));
    QCOMPARE(c.value(QLatin1String("name")).toString(), QStringLiteral("Alice Moreno"));
    QCOMPARE(c.value(QLatin1String("email")).toString(), QStringLiteral("alice.moreno@example.com"));
    QCOMPARE(c.value(QLatin1String("tier")).toString(), QStringLiteral("GOLD"));
    QCOMPARE(c.value(QLatin1String("lifetimeValue")).toDouble(), 2450.0);
    QCOMPARE(c.value(QLatin1String("isVIP")).toBool(false), true);
}

void TestCsApiSessions::listFilters()
{
    const QString customer = unique(QStringLiteral("cust_list_"));
    const QString a = create(customer);
    const QString b = create(customer, {}, QStringLiteral("sms"));
    const QString c = create(customer);
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
    const HttpResult esc = m_admin->post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(b),
        {{QStringLiteral("reason"), QStringLiteral("COMPLEX_ISSUE")},
            {QStringLiteral("targetTier"), QStringLiteral("AI_MANAGER")}});
    QVERIFY2(esc.status == 200, describe(esc));
    const HttpResult res = m_admin->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(c),
        {{QStringLiteral("resolutionType"), QStringLiteral("INFORMATION_PROVIDED")}});
    QVERIFY2(res.status == 200, describe(res));

    auto list = [&](QList<QPair<QString, QString>> extra) {
        extra.prepend({QStringLiteral("companyId"), m_server.companyId()});
        extra.append({QStringLiteral("customerId"), customer});
        return m_admin->get(withQuery(QStringLiteral("/api/cs/sessions"), extra));
    };
    auto ids = [](const HttpResult &r) {
        QStringList out;
        for (const QJsonValue &v : r.json().value(QLatin1String("sessions")).toArray())
            out << v.toObject().value(QLatin1String("id")).toString();
        out.sort();
        return out;
    };
    auto sorted = [](QStringList l) {
        l.sort();
        return l;
    };

    HttpResult r = list({});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 3);
    QCOMPARE(r.json().value(QLatin1String("limit")).toInt(), 50);
    QCOMPARE(r.json().value(QLatin1String("offset")).toInt(), 0);
    QCOMPARE(ids(r), sorted({a, b, c}));
    for (const QJsonValue &v : r.json().value(QLatin1String("sessions")).toArray())
        QCOMPARE(v.toObject().value(QLatin1String("customerId")).toString(), customer);

    QCOMPARE(ids(list({{QStringLiteral("status"), QStringLiteral("ESCALATED")}})), QStringList{b});
    QCOMPARE(ids(list({{QStringLiteral("status"), QStringLiteral("RESOLVED")}})), QStringList{c});
    QCOMPARE(ids(list({{QStringLiteral("tier"), QStringLiteral("AI_MANAGER")}})), QStringList{b});
    QCOMPARE(ids(list({{QStringLiteral("tier"), QStringLiteral("AI_REP")}})), sorted({a, c}));
    QCOMPARE(ids(list({{QStringLiteral("tier"), QStringLiteral("HUMAN_AGENT")}})), QStringList{});

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString past = now.addDays(-1).toString(Qt::ISODate);
    const QString future = now.addDays(1).toString(Qt::ISODate);
    QCOMPARE(ids(list({{QStringLiteral("startDate"), past}, {QStringLiteral("endDate"), future}})), sorted({a, b, c}));
    r = list({{QStringLiteral("startDate"), future}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 0);
    r = list({{QStringLiteral("endDate"), past}});
    QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 0);
    // A bare end date covers that whole day.
    QCOMPARE(ids(list({{QStringLiteral("endDate"), now.date().toString(Qt::ISODate)}})), sorted({a, b, c}));

    // Paging: total counts every match, the page holds limit of them.
    QStringList paged;
    for (int offset = 0; offset < 3; ++offset) {
        r = list({{QStringLiteral("limit"), QStringLiteral("1")}, {QStringLiteral("offset"), QString::number(offset)}});
        QVERIFY2(r.status == 200, describe(r));
        QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 3);
        QCOMPARE(r.json().value(QLatin1String("limit")).toInt(), 1);
        QCOMPARE(r.json().value(QLatin1String("offset")).toInt(), offset);
        QCOMPARE(r.json().value(QLatin1String("sessions")).toArray().size(), 1);
        paged << ids(r);
    }
    QCOMPARE(sorted(paged), sorted({a, b, c}));
    r = list({{QStringLiteral("offset"), QStringLiteral("3")}});
    QCOMPARE(r.json().value(QLatin1String("sessions")).toArray().size(), 0);
    QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 3);
}

void TestCsApiSessions::postMessage()
{
    const QString id = create(unique(QStringLiteral("cust_msg_")));
    QVERIFY(!id.isEmpty());
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(id),
        {{QStringLiteral("message"), QStringLiteral("When will my order arrive?")}});
    QVERIFY2(r.status == 201, describe(r));
    const QJsonObject o = r.json();
    const QJsonObject cm = o.value(QLatin1String("customerMessage")).toObject();
    QVERIFY(cm.value(QLatin1String("id")).toString().startsWith(QLatin1String("msg_")));
    QCOMPARE(cm.value(QLatin1String("role")).toString(), QStringLiteral("customer"));
    QCOMPARE(cm.value(QLatin1String("content")).toString(), QStringLiteral("When will my order arrive?"));
    QVERIFY(isIsoTime(cm.value(QLatin1String("timestamp"))));
    QVERIFY(!cm.value(QLatin1String("sentiment")).toString().isEmpty());
    const QJsonObject ai = o.value(QLatin1String("aiResponse")).toObject();
    QCOMPARE(ai.value(QLatin1String("role")).toString(), QStringLiteral("ai_rep"));
    QVERIFY(!ai.value(QLatin1String("content")).toString().isEmpty());
    const QJsonObject meta = ai.value(QLatin1String("metadata")).toObject();
    for (const char *key : {"aiGenerated", "model", "tokens", "latencyMs", "actionsTaken", "suggestedActions"})
        QVERIFY2(meta.contains(QLatin1String(key)), key);
    const QJsonObject update = o.value(QLatin1String("sessionUpdate")).toObject();
    QCOMPARE(update.value(QLatin1String("currentTier")).toString(), QStringLiteral("AI_REP"));
    QVERIFY(!update.value(QLatin1String("customerSentiment")).toString().isEmpty());
    QVERIFY(update.value(QLatin1String("issueSummary")).isString());

    // Both messages are in the stored transcript, in order.
    const HttpResult got = m_admin->get(QStringLiteral("/api/cs/sessions/") + id);
    const QJsonArray messages = got.json().value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(QLatin1String("id")), cm.value(QLatin1String("id")));
    QCOMPARE(messages.at(1).toObject().value(QLatin1String("id")), ai.value(QLatin1String("id")));
}

void TestCsApiSessions::escalate()
{
    const QString id = create(QStringLiteral("cust_ben"));
    QVERIFY(!id.isEmpty());
    HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(id),
        {{QStringLiteral("reason"), QStringLiteral("CUSTOMER_REQUEST")},
            {QStringLiteral("targetTier"), QStringLiteral("AI_MANAGER")},
            {QStringLiteral("notes"), QStringLiteral("Asked for a manager")}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("success")).toBool(false), true);
    QJsonObject s = r.json().value(QLatin1String("session")).toObject();
    QCOMPARE(s.value(QLatin1String("id")).toString(), id);
    QCOMPARE(s.value(QLatin1String("currentTier")).toString(), QStringLiteral("AI_MANAGER"));
    QCOMPARE(s.value(QLatin1String("status")).toString(), QStringLiteral("ESCALATED"));
    QJsonArray history = s.value(QLatin1String("escalationHistory")).toArray();
    QCOMPARE(history.size(), 1);
    const QJsonObject e = history.at(0).toObject();
    QCOMPARE(e.value(QLatin1String("fromTier")).toString(), QStringLiteral("AI_REP"));
    QCOMPARE(e.value(QLatin1String("toTier")).toString(), QStringLiteral("AI_MANAGER"));
    QCOMPARE(e.value(QLatin1String("reason")).toString(), QStringLiteral("CUSTOMER_REQUEST"));
    QCOMPARE(e.value(QLatin1String("notes")).toString(), QStringLiteral("Asked for a manager"));
    QVERIFY(isIsoTime(e.value(QLatin1String("timestamp"))));

    r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(id),
        {{QStringLiteral("reason"), QStringLiteral("TECHNICAL_LIMITATION")},
            {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}});
    QVERIFY2(r.status == 200, describe(r));
    s = r.json().value(QLatin1String("session")).toObject();
    QCOMPARE(s.value(QLatin1String("currentTier")).toString(), QStringLiteral("HUMAN_AGENT"));
    history = s.value(QLatin1String("escalationHistory")).toArray();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(1).toObject().value(QLatin1String("fromTier")).toString(), QStringLiteral("AI_MANAGER"));

    const HttpResult got = m_admin->get(QStringLiteral("/api/cs/sessions/") + id);
    QCOMPARE(got.json().value(QLatin1String("escalationHistory")).toArray().size(), 2);
    QCOMPARE(got.json().value(QLatin1String("currentTier")).toString(), QStringLiteral("HUMAN_AGENT"));
}

void TestCsApiSessions::resolve()
{
    const QString id = create(QStringLiteral("cust_ben"), QStringLiteral("Where is my order?"));
    QVERIFY(!id.isEmpty());
    const QJsonArray actions{
        QStringLiteral("Provided tracking information"), QStringLiteral("Confirmed delivery date")};
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(id),
        {{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")},
            {QStringLiteral("summary"), QStringLiteral("Tracking update given")},
            {QStringLiteral("actionsTaken"), actions}, {QStringLiteral("followUpRequired"), true}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("success")).toBool(false), true);
    const QJsonObject s = r.json().value(QLatin1String("session")).toObject();
    QCOMPARE(s.value(QLatin1String("id")).toString(), id);
    QCOMPARE(s.value(QLatin1String("status")).toString(), QStringLiteral("RESOLVED"));
    const QJsonObject res = s.value(QLatin1String("resolution")).toObject();
    QCOMPARE(res.value(QLatin1String("type")).toString(), QStringLiteral("ISSUE_RESOLVED"));
    QCOMPARE(res.value(QLatin1String("summary")).toString(), QStringLiteral("Tracking update given"));
    QCOMPARE(res.value(QLatin1String("actionsTaken")).toArray(), actions);
    QCOMPARE(res.value(QLatin1String("followUpRequired")).toBool(false), true);
    QVERIFY(isIsoTime(s.value(QLatin1String("resolvedAt"))));

    const HttpResult got = m_admin->get(QStringLiteral("/api/cs/sessions/") + id);
    QCOMPARE(got.json().value(QLatin1String("status")).toString(), QStringLiteral("RESOLVED"));
    QCOMPARE(got.json().value(QLatin1String("resolution")).toObject(), res);
}

void TestCsApiSessions::resolveRefusesWhatTheTextRuleRefuses_data()
{
    // Raw JSON: a lone surrogate escape does not survive QJsonDocument's writer.
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<QString>("field");
    QTest::newRow("NUL and ESC") << QByteArray(R"("summary":"done\u0000\u001b[2J")") << "summary";
    QTest::newRow("BEL") << QByteArray(R"("summary":"done\u0007")") << "summary";
    QTest::newRow("lone surrogate") << QByteArray(R"("summary":"done \ud800 ok")") << "summary";
    QTest::newRow("action with ESC") << QByteArray(R"("summary":"done","actionsTaken":["cleared\u001b[2J"])")
                                     << "actionsTaken";
}

void TestCsApiSessions::resolveRefusesWhatTheTextRuleRefuses()
{
    QFETCH(QByteArray, fields);
    QFETCH(QString, field);
    const QString id = create(QStringLiteral("cust_ben"), QStringLiteral("Where is my order?"));
    QVERIFY(!id.isEmpty());
    const QString path = QStringLiteral("/api/cs/sessions/%1/resolve").arg(id);
    const HttpResult r = m_admin->send("POST", path, R"({"resolutionType":"ISSUE_RESOLVED",)" + fields + "}");
    const QString bad = checkErrorBody(r, 400, QStringLiteral("CS_011"));
    QVERIFY2(bad.isEmpty(), qPrintable(bad));
    QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(), field);

    // Nothing was stored: the session is open, without a resolution, and a clean summary resolves it.
    const HttpResult got = m_admin->get(QStringLiteral("/api/cs/sessions/") + id);
    QVERIFY(got.json().value(QLatin1String("status")).toString() != QLatin1String("RESOLVED"));
    QVERIFY(got.json().value(QLatin1String("resolution")).isNull()
        || got.json().value(QLatin1String("resolution")).isUndefined());
    const HttpResult clean = m_admin->post(path,
        {{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")},
            {QStringLiteral("summary"), QStringLiteral("done\tand\nchecked")}});
    QVERIFY2(clean.status == 200, describe(clean));
}

void TestCsApiSessions::repeatContactEscalates()
{
    // The same customer about the same kind of issue again within the window: REPEAT_CONTACT.
    const QString customer = unique(QStringLiteral("cust_repeat_"));
    QJsonObject body = sessionBody(m_server.companyId(), customer);
    body.insert(QStringLiteral("issueCategory"), QStringLiteral("SHIPPING"));
    QCOMPARE(m_admin->post(QStringLiteral("/api/cs/sessions"), body).status, 201);
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions"),
        sessionBody(m_server.companyId(), customer, QStringLiteral("Where is my order?")));
    QVERIFY2(r.status == 201, describe(r));
    QCOMPARE(r.json().value(QLatin1String("currentTier")).toString(), QStringLiteral("AI_MANAGER"));
    const HttpResult got
        = m_admin->get(QStringLiteral("/api/cs/sessions/") + r.json().value(QLatin1String("id")).toString());
    const QJsonArray history = got.json().value(QLatin1String("escalationHistory")).toArray();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0).toObject().value(QLatin1String("reason")).toString(), QStringLiteral("REPEAT_CONTACT"));
    QCOMPARE(history.at(0).toObject().value(QLatin1String("automatic")).toBool(false), true);
}

QTEST_GUILESS_MAIN(TestCsApiSessions)
#include "tst_csapi_sessions.moc"
