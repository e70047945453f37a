// POST /api/cs/config/simulate: known sessions replayed with a proposed config;
// exactly the sessions that change are reported, with how.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/ScriptedModelServer.h"

#include "core/engine/desk/DemoLoad.h"

#include <QDateTime>
#include <QRegularExpression>
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
    // A candidate language model tried on the period's customer turns ("ai").
    void aSensibleModelPassesEveryTurn();
    void aHostileModelIsCaughtAndNothingChanges();
    void aFailingProviderFallsBackAndTheAnswerIs200();
    void anUnregisteredProviderIsRefusedAsPutConfig();
    void noWordingChangeTriesNoModel();

private:
    // A session of a new customer with these customer messages, each answered before the next.
    QString sessionWith(const QStringList &messages);
    QString sessionWith(const QString &company, HttpClient &admin, const QStringList &messages);
    QJsonObject simulate(const QJsonObject &patch, int expectedStatus = 200);
    // POST /config/simulate for the model trial's company with the candidate "ai" (status 200).
    QJsonObject tryCandidate(const QJsonObject &ai = candidateAi());
    static QJsonObject candidateAi();
    // What a what-if must not change: the config, the sessions, their messages and money.
    QByteArray storedState();

    ServerFixture m_server;
    QString m_company;
    std::unique_ptr<HttpClient> m_admin;
    QString m_calm; // never escalates
    QString m_pineapple; // asks for a manager on its third message; says "pineapple" before
    QString m_refund; // asks the AI Rep for a $40 refund at once
    int m_customers = 0;
    // The model trial's own company, with a scripted OpenAI-compatible provider registered.
    QString m_aiCompany;
    std::unique_ptr<HttpClient> m_aiAdmin;
    std::unique_ptr<ScriptedModelServer> m_model;
    QStringList m_aiSessions;
};

namespace {
const QString kEmail = QStringLiteral("jane.doe@mail.example");
const QString kAskHours = QStringLiteral("Hello, what are your opening hours? Please answer to ") + kEmail;
const QString kAskRefund = QStringLiteral("I want a refund of $40 for order ORD-55501 please");
const QString kPineapple = QStringLiteral("Hello, I ordered a pineapple");
const QString kStillNotHere = QStringLiteral("The pineapple is still not here");
} // namespace

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

    m_model = std::make_unique<ScriptedModelServer>(ProviderKind::OpenAi, QByteArrayLiteral("sk-trial"));
    QVERIFY(m_model->isListening());
    m_aiCompany = m_server.createCompany(QStringLiteral("Model trial Co"));
    QVERIFY(!m_aiCompany.isEmpty());
    m_aiAdmin = m_server.client(api::Role::Admin, m_aiCompany);
    const HttpResult added = m_aiAdmin->post(QStringLiteral("/api/cs/ai/providers"),
        {{QStringLiteral("companyId"), m_aiCompany}, {QStringLiteral("name"), QStringLiteral("scripted")},
            {QStringLiteral("kind"), QStringLiteral("openai")},
            {QStringLiteral("baseUrl"), m_model->baseUrl().toString()},
            {QStringLiteral("apiKey"), QStringLiteral("sk-trial")}, {QStringLiteral("timeoutMs"), 5000},
            {QStringLiteral("priceInput"), 2}, {QStringLiteral("priceOutput"), 10}});
    QVERIFY2(added.status == 201, describe(added).constData());
    // Oldest first: the trial takes the newest sessions first.
    for (const QStringList &messages :
        {QStringList{kAskHours}, QStringList{kAskRefund}, QStringList{kPineapple, kStillNotHere}})
        m_aiSessions << sessionWith(m_aiCompany, *m_aiAdmin, messages);
    QVERIFY(!m_aiSessions.contains(QString()));
}

void TestCsApiSimulate::cleanupTestCase()
{
    m_aiAdmin.reset();
    m_model.reset();
    m_admin.reset();
    m_server.stop();
}

QString TestCsApiSimulate::sessionWith(const QStringList &messages)
{
    return sessionWith(m_company, *m_admin, messages);
}

QString TestCsApiSimulate::sessionWith(const QString &company, HttpClient &admin, const QStringList &messages)
{
    const QString customer = QStringLiteral("cust_whatif_%1").arg(++m_customers);
    const HttpResult created = admin.post(QStringLiteral("/api/cs/sessions"), sessionBody(company, customer));
    if (created.status != 201)
        return {};
    const QString id = created.json().value(QLatin1String("id")).toString();
    for (const QString &m : messages) {
        const HttpResult r
            = admin.post(QStringLiteral("/api/cs/sessions/%1/messages").arg(id), {{QStringLiteral("message"), m}});
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
    QVERIFY(!report.contains(QLatin1String("ai"))); // no model change: no model tried
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

QJsonObject TestCsApiSimulate::candidateAi()
{
    return {{QStringLiteral("provider"), QStringLiteral("scripted")},
        {QStringLiteral("models"),
            QJsonObject{{QStringLiteral("aiRep"), QStringLiteral("small-model")},
                {QStringLiteral("aiManager"), QStringLiteral("large-model")}}}};
}

QJsonObject TestCsApiSimulate::tryCandidate(const QJsonObject &ai)
{
    const HttpResult r = m_aiAdmin->post(QStringLiteral("/api/cs/config/simulate"),
        {{QStringLiteral("companyId"), m_aiCompany}, {QStringLiteral("ai"), ai}});
    if (r.status != 200)
        qWarning("%s", describe(r).constData());
    return r.status == 200 ? r.json() : QJsonObject();
}

QByteArray TestCsApiSimulate::storedState()
{
    const HttpResult config
        = m_aiAdmin->get(withQuery(QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), m_aiCompany}}));
    QByteArray state = QJsonDocument(config.json()).toJson(QJsonDocument::Compact);
    const QVariantList company{m_aiCompany};
    for (const char *sql :
        {"SELECT group_concat(id || ':' || current_tier || ':' || status || ':' || message_count || ':' || updated_at"
         " || ':' || irate_count, ',') FROM sessions WHERE company_id = ?",
            "SELECT count(*) || ':' || group_concat(content, '|') FROM messages WHERE session_id IN"
            " (SELECT id FROM sessions WHERE company_id = ?)",
            "SELECT count(*) || ':' || coalesce(sum(amount), 0) FROM ledger WHERE company_id = ?",
            "SELECT group_concat(id || ':' || credit_balance, ',') FROM customers WHERE company_id = ?",
            "SELECT count(*) FROM escalations WHERE session_id IN (SELECT id FROM sessions WHERE company_id = ?)"}) {
        state += '\n';
        state += m_server.scalar(QString::fromLatin1(sql), company).toString().toUtf8();
    }
    return state;
}

// Every customer turn worded by the candidate: the provider is asked with the tier's model, personal data masked,
// and the answer counts its tokens at the provider's prices.
void TestCsApiSimulate::aSensibleModelPassesEveryTurn()
{
    m_model->setAnswers({m_model->reply(QStringLiteral("Thank you for writing to us."), 100, 20)});
    const int before = m_model->count();
    const QByteArray stored = storedState();
    const QJsonObject report = tryCandidate();
    const QJsonObject ai = report.value(QLatin1String("ai")).toObject();
    QCOMPARE(ai.value(QLatin1String("provider")).toString(), QStringLiteral("scripted"));
    QCOMPARE(ai.value(QLatin1String("models")).toObject().value(QLatin1String("aiRep")).toString(),
        QStringLiteral("small-model"));
    QCOMPARE(ai.value(QLatin1String("truncated")).toBool(true), false);
    const QJsonArray turns = ai.value(QLatin1String("turns")).toArray();
    QCOMPARE(turns.size(), 4); // every customer message of the three sessions
    QCOMPARE(m_model->count() - before, 4); // one call each: nothing to repair

    QHash<QString, QString> modelAsked; // the customer's last words -> the model the provider was asked for
    bool masked = false;
    for (const ReceivedRequest &r : m_model->requests().mid(before)) {
        QVERIFY2(!r.body.contains(kEmail.toUtf8()), r.body.constData());
        masked = masked || r.body.contains("[EMAIL_1]");
        QCOMPARE(r.header("authorization"), QByteArray("Bearer sk-trial"));
        // The placeholder's number depends on what was masked before it in the request.
        QString text = ScriptedModelServer::lastUserText(r);
        text.replace(QRegularExpression(QStringLiteral("\\[EMAIL_\\d+\\]")), QStringLiteral("[EMAIL]"));
        modelAsked.insert(text, r.json().value(QLatin1String("model")).toString());
    }
    QVERIFY(masked);
    QSet<QString> tiers;
    for (const QJsonValue &v : turns) {
        const QJsonObject t = v.toObject();
        QVERIFY2(m_aiSessions.contains(t.value(QLatin1String("sessionId")).toString()),
            qPrintable(t.value(QLatin1String("sessionId")).toString()));
        QCOMPARE(t.value(QLatin1String("verdict")).toString(), QStringLiteral("ok"));
        QVERIFY(t.value(QLatin1String("fallbackReason")).isNull());
        QCOMPARE(t.value(QLatin1String("reply")).toString(), QStringLiteral("Thank you for writing to us."));
        QCOMPARE(t.value(QLatin1String("tokens")).toObject(),
            (QJsonObject{{QStringLiteral("input"), 100}, {QStringLiteral("output"), 20}}));
        QVERIFY(qFuzzyCompare(t.value(QLatin1String("cost")).toDouble(), (100 * 2.0 + 20 * 10.0) / 1e6));
        QCOMPARE(t.value(QLatin1String("currency")).toString(), QStringLiteral("USD"));
        QVERIFY(t.value(QLatin1String("latencyMs")).toDouble() >= 0);
        const QString tier = t.value(QLatin1String("tier")).toString();
        const QString expected
            = tier == QLatin1String("AI_MANAGER") ? QStringLiteral("large-model") : QStringLiteral("small-model");
        QCOMPARE(t.value(QLatin1String("model")).toString(), expected);
        // As the provider received it: the e-mail address masked.
        QString text = t.value(QLatin1String("customerText")).toString();
        text.replace(kEmail, QStringLiteral("[EMAIL]"));
        QVERIFY2(modelAsked.contains(text),
            qPrintable(text + QStringLiteral(" not in: ") + modelAsked.keys().join(QLatin1Char('|'))));
        QCOMPARE(modelAsked.value(text), expected);
        tiers << tier;
    }
    // The $40 refund goes to the AI Manager (the AI Rep may not refund): its reply is the larger model's.
    QCOMPARE(tiers, (QSet<QString>{QStringLiteral("AI_REP"), QStringLiteral("AI_MANAGER")}));
    // Newest session first: the pineapple's two messages, oldest first.
    QCOMPARE(turns.at(0).toObject().value(QLatin1String("customerText")).toString(), kPineapple);
    QCOMPARE(turns.at(1).toObject().value(QLatin1String("customerText")).toString(), kStillNotHere);
    // The second pineapple message is worded with the conversation before it.
    for (const ReceivedRequest &r : m_model->requests().mid(before))
        if (ScriptedModelServer::lastUserText(r) == kStillNotHere)
            QVERIFY2(r.body.contains(kPineapple.toUtf8()), r.body.constData());

    const QJsonObject summary = ai.value(QLatin1String("summary")).toObject();
    QCOMPARE(summary.value(QLatin1String("turns")).toInt(), 4);
    QCOMPARE(summary.value(QLatin1String("guardBreaks")).toInt(), 0);
    QCOMPARE(summary.value(QLatin1String("repaired")).toInt(), 0);
    QCOMPARE(summary.value(QLatin1String("fallbacks")).toObject(),
        (QJsonObject{
            {QStringLiteral("guard"), 0}, {QStringLiteral("timeout"), 0}, {QStringLiteral("provider_error"), 0}}));
    QCOMPARE(summary.value(QLatin1String("tokens")).toObject(),
        (QJsonObject{{QStringLiteral("input"), 400}, {QStringLiteral("output"), 80}}));
    QVERIFY(qFuzzyCompare(summary.value(QLatin1String("cost")).toDouble(), 4 * (100 * 2.0 + 20 * 10.0) / 1e6));
    const QJsonObject latency = summary.value(QLatin1String("latencyMs")).toObject();
    QVERIFY(latency.value(QLatin1String("p95")).toDouble() >= latency.value(QLatin1String("p50")).toDouble());
    // A what-if stores nothing: the config (still the local responder) and the sessions are as they were.
    QCOMPARE(storedState(), stored);
}

// A model that claims a refund nobody made: refused at first and at the repair, the local responder's words stand,
// and nothing stored changes (no money moves).
void TestCsApiSimulate::aHostileModelIsCaughtAndNothingChanges()
{
    m_model->setAnswers({m_model->reply(QStringLiteral("Good news: I've refunded your $500."), 50, 10)});
    const int before = m_model->count();
    const QByteArray stored = storedState();
    const QJsonObject ai = tryCandidate().value(QLatin1String("ai")).toObject();
    const QJsonArray turns = ai.value(QLatin1String("turns")).toArray();
    QCOMPARE(turns.size(), 4);
    QCOMPARE(m_model->count() - before, 8); // each turn sent back once with the rule it broke
    for (const QJsonValue &v : turns) {
        const QJsonObject t = v.toObject();
        QCOMPARE(t.value(QLatin1String("verdict")).toString(), QStringLiteral("fallback"));
        QCOMPARE(t.value(QLatin1String("fallbackReason")).toString(), QStringLiteral("guard"));
        const QString reply = t.value(QLatin1String("reply")).toString();
        QVERIFY(!reply.isEmpty());
        QVERIFY2(!reply.contains(QLatin1String("refunded your $500")), qPrintable(reply));
        QString notes;
        for (const QJsonValue &n : t.value(QLatin1String("guardNotes")).toArray())
            notes += n.toString() + QLatin1Char('\n');
        QVERIFY2(notes.contains(QLatin1String("claims a refund that was not made")), qPrintable(notes));
        // Both calls were paid for.
        QCOMPARE(t.value(QLatin1String("tokens")).toObject(),
            (QJsonObject{{QStringLiteral("input"), 100}, {QStringLiteral("output"), 20}}));
    }
    const QJsonObject summary = ai.value(QLatin1String("summary")).toObject();
    QCOMPARE(summary.value(QLatin1String("guardBreaks")).toInt(), 4);
    QCOMPARE(summary.value(QLatin1String("fallbacks")).toObject().value(QLatin1String("guard")).toInt(), 4);
    QCOMPARE(storedState(), stored);
}

void TestCsApiSimulate::aFailingProviderFallsBackAndTheAnswerIs200()
{
    m_model->setAnswers({m_model->error(500, QStringLiteral("The server had an error"))});
    const QByteArray stored = storedState();
    const QJsonObject ai = tryCandidate().value(QLatin1String("ai")).toObject();
    const QJsonArray turns = ai.value(QLatin1String("turns")).toArray();
    QCOMPARE(turns.size(), 4);
    for (const QJsonValue &v : turns) {
        const QJsonObject t = v.toObject();
        QCOMPARE(t.value(QLatin1String("verdict")).toString(), QStringLiteral("fallback"));
        QCOMPARE(t.value(QLatin1String("fallbackReason")).toString(), QStringLiteral("provider_error"));
        QVERIFY(!t.value(QLatin1String("reply")).toString().isEmpty()); // the local responder's words
        QCOMPARE(t.value(QLatin1String("cost")).toDouble(), 0.0);
    }
    const QJsonObject summary = ai.value(QLatin1String("summary")).toObject();
    QCOMPARE(summary.value(QLatin1String("guardBreaks")).toInt(), 0);
    QCOMPARE(summary.value(QLatin1String("fallbacks")).toObject().value(QLatin1String("provider_error")).toInt(), 4);
    QCOMPARE(summary.value(QLatin1String("tokens")).toObject(),
        (QJsonObject{{QStringLiteral("input"), 0}, {QStringLiteral("output"), 0}}));
    QCOMPARE(storedState(), stored);
}

void TestCsApiSimulate::anUnregisteredProviderIsRefusedAsPutConfig()
{
    QJsonObject ai = candidateAi();
    ai.insert(QStringLiteral("provider"), QStringLiteral("nobody"));
    const QJsonObject body{{QStringLiteral("companyId"), m_aiCompany}, {QStringLiteral("ai"), ai}};
    const int calls = m_model->count();
    const HttpResult put = m_aiAdmin->put(QStringLiteral("/api/cs/config"), body);
    const HttpResult sim = m_aiAdmin->post(QStringLiteral("/api/cs/config/simulate"), body);
    QVERIFY2(checkErrorBody(sim, 400, QStringLiteral("CS_011")).isEmpty(), describe(sim).constData());
    QCOMPARE(sim.status, put.status);
    QCOMPARE(sim.json(), put.json());
    QCOMPARE(sim.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(),
        QStringLiteral("ai.provider"));
    QCOMPARE(m_model->count(), calls);
}

// The local responder is no model to try, and the assist model words no customer reply.
void TestCsApiSimulate::noWordingChangeTriesNoModel()
{
    const int calls = m_model->count();
    const QJsonObject local{{QStringLiteral("provider"), QStringLiteral("local")}};
    QVERIFY(!tryCandidate(local).contains(QLatin1String("ai")));
    const HttpResult put = m_aiAdmin->put(QStringLiteral("/api/cs/config"),
        {{QStringLiteral("companyId"), m_aiCompany}, {QStringLiteral("ai"), candidateAi()}});
    QVERIFY2(put.status == 200, describe(put).constData());
    const QJsonObject assistOnly{
        {QStringLiteral("models"), QJsonObject{{QStringLiteral("assist"), QStringLiteral("other-model")}}}};
    const QJsonObject report = tryCandidate(assistOnly);
    QVERIFY(report.contains(QLatin1String("sessions")));
    QVERIFY(!report.contains(QLatin1String("ai")));
    QVERIFY(!tryCandidate(candidateAi()).contains(QLatin1String("ai"))); // the model in use already
    QCOMPARE(m_model->count(), calls);
    QCOMPARE(m_aiAdmin
                 ->put(QStringLiteral("/api/cs/config"),
                     {{QStringLiteral("companyId"), m_aiCompany}, {QStringLiteral("ai"), local}})
                 .status,
        200);
}

QTEST_GUILESS_MAIN(TestCsApiSimulate)
#include "tst_csapi_simulate.moc"
