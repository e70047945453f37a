// What the AI costs (issue "a manager's numbers", docs/api.md "Cost"): each model call's tokens at
// the price of its model on the provider, stored with the message, so GET /api/cs/analytics reports
// `cost` across a restart; the desk's assist calls apart; a reply the guard refused paid all the
// same; the prices checked and changed (PATCH /ai/providers/:name). A real server on 127.0.0.1 (and
// again on PostgreSQL), a scripted OpenAI-compatible provider on loopback that reports token counts.
#include "tests/api/ApiTestSupport.h"

#include "tests/support/ScriptedModelServer.h"

#include <QJsonArray>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

const QByteArray kKey = QByteArrayLiteral("sk-cost-0123456789");

double num(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toDouble(-99);
}

bool near(double a, double b)
{
    return qAbs(a - b) < 1e-9;
}

// The row of `rows` whose `key` is `name`.
QJsonObject rowOf(const QJsonArray &rows, const char *key, const QString &name)
{
    for (const QJsonValue &r : rows)
        if (r.toObject().value(QLatin1String(key)).toString() == name)
            return r.toObject();
    return {};
}

QJsonObject price(double input, double output, const QString &currency)
{
    return {{QStringLiteral("inputPerMillion"), input}, {QStringLiteral("outputPerMillion"), output},
        {QStringLiteral("currency"), currency}};
}

} // namespace

class TestCsApiCost : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void repliesAreCostedAtTheirModelsPricesAcrossARestart();
    void aReplyTheGuardRefusedIsPaidAllTheSame();
    void aCompanyWithNoCallsCostsNothingInItsCurrency();
    void pricesAreCheckedAndChanged();

private:
    bool restart();
    QString ask(const QString &customer, const QString &text);
    QJsonObject cost();

    ServerFixture m_server;
    std::unique_ptr<ScriptedModelServer> m_model;
    QString m_company;
    std::unique_ptr<HttpClient> m_admin;
};

bool TestCsApiCost::restart()
{
    m_admin.reset();
    m_server.stop();
    QString error;
    if (!m_server.start({}, false, &error)) {
        qWarning("restart: %s", qPrintable(error));
        return false;
    }
    m_admin = m_server.client(api::Role::Admin, m_company);
    return true;
}

QString TestCsApiCost::ask(const QString &customer, const QString &text)
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions"), sessionBody(m_company, customer, text));
    if (r.status != 201)
        qWarning("ask: %s", describe(r).constData());
    return r.json().value(QLatin1String("id")).toString();
}

QJsonObject TestCsApiCost::cost()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const HttpResult r = m_admin->get(withQuery(QStringLiteral("/api/cs/analytics"),
        {{QStringLiteral("companyId"), m_company}, {QStringLiteral("startDate"), now.addDays(-1).toString(Qt::ISODate)},
            {QStringLiteral("endDate"), now.addDays(1).toString(Qt::ISODate)}}));
    if (r.status != 200)
        qWarning("analytics: %s", describe(r).constData());
    return r.json().value(QLatin1String("cost")).toObject();
}

void TestCsApiCost::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_company = m_server.createCompany(QStringLiteral("Cost Outfitters"));
    QVERIFY(!m_company.isEmpty());
    m_admin = m_server.client(api::Role::Admin, m_company);
    m_model = std::make_unique<ScriptedModelServer>(ProviderKind::OpenAi, kKey);
    QVERIFY(m_model->isListening());
    // The AI Rep's and the assist model priced in euros; the AI Manager's model has no price.
    HttpResult r = m_admin->post(QStringLiteral("/api/cs/ai/providers"),
        {{QStringLiteral("companyId"), m_company}, {QStringLiteral("name"), QStringLiteral("scripted")},
            {QStringLiteral("kind"), QStringLiteral("openai")},
            {QStringLiteral("baseUrl"), m_model->baseUrl().toString()},
            {QStringLiteral("apiKey"), QString::fromLatin1(kKey)},
            {QStringLiteral("prices"),
                QJsonObject{{QStringLiteral("rep-model"), price(2, 10, QStringLiteral("EUR"))},
                    {QStringLiteral("writer-model"), price(1, 1, QStringLiteral("EUR"))}}}});
    QVERIFY2(r.status == 201, describe(r).constData());
    const QJsonObject listed = r.json().value(QLatin1String("prices")).toObject();
    QCOMPARE(listed.value(QLatin1String("rep-model")).toObject(), price(2, 10, QStringLiteral("EUR")));
    r = m_admin->put(QStringLiteral("/api/cs/config"),
        {{QStringLiteral("companyId"), m_company},
            {QStringLiteral("ai"),
                QJsonObject{{QStringLiteral("provider"), QStringLiteral("scripted")},
                    {QStringLiteral("models"),
                        QJsonObject{{QStringLiteral("aiRep"), QStringLiteral("rep-model")},
                            {QStringLiteral("aiManager"), QStringLiteral("manager-model")},
                            {QStringLiteral("assist"), QStringLiteral("writer-model")}}}}}});
    QVERIFY2(r.status == 200, describe(r).constData());
}

void TestCsApiCost::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

// Two conversations, the server restarted between them, one resolved by the AI; a summary asked
// at the desk. Each reply's model call is its provider's token counts at the AI Rep model's price.
void TestCsApiCost::repliesAreCostedAtTheirModelsPricesAcrossARestart()
{
    m_model->setAnswers({m_model->reply(QStringLiteral("We are open from 9 to 5 on weekdays."), 300, 40)});
    const QString first = ask(QStringLiteral("cust_a"), QStringLiteral("What are your opening hours?"));
    QVERIFY(!first.isEmpty());
    QCOMPARE(m_model->count(), 1);
    HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(first),
        {{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")}});
    QVERIFY2(r.status == 200, describe(r).constData());

    QVERIFY(restart());
    m_model->setAnswers({m_model->reply(QStringLiteral("Yes, we have a shop in the town centre."), 500, 60)});
    const QString second = ask(QStringLiteral("cust_b"), QStringLiteral("Do you have a shop I can visit?"));
    QVERIFY(!second.isEmpty());
    QCOMPARE(m_model->count(), 2);
    m_model->setAnswers({m_model->reply(QStringLiteral("The customer asked about a shop to visit."), 200, 50)});
    r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/assist").arg(second),
        {{QStringLiteral("task"), QStringLiteral("summary")}});
    QVERIFY2(r.status == 200, describe(r).constData());
    QCOMPARE(m_model->count(), 3);

    const QJsonObject c = cost();
    const double replies = (300 * 2.0 + 40 * 10.0 + 500 * 2.0 + 60 * 10.0) / 1e6; // EUR 0.0026
    QCOMPARE(c.value(QLatin1String("currency")).toString(), QStringLiteral("EUR"));
    QVERIFY2(near(num(c, "total"), replies), qPrintable(QString::number(num(c, "total"))));
    QCOMPARE(num(c, "calls"), 2.0);
    QCOMPARE(num(c, "inputTokens"), 800.0);
    QCOMPARE(num(c, "outputTokens"), 100.0);
    QVERIFY(near(num(c, "perSession"), replies / 2));
    QVERIFY(near(num(c, "perAiResolution"), replies)); // one AI resolution
    const QJsonObject model = rowOf(c.value(QLatin1String("byModel")).toArray(), "model", QStringLiteral("rep-model"));
    QCOMPARE(num(model, "calls"), 2.0);
    QVERIFY(near(num(model, "cost"), replies));
    const QJsonObject tier = rowOf(c.value(QLatin1String("byTier")).toArray(), "tier", QStringLiteral("AI_REP"));
    QCOMPARE(num(tier, "calls"), 2.0);
    QVERIFY(near(num(tier, "cost"), replies));
    // The desk's summary is counted apart, at the assist model's price.
    const QJsonObject assist = c.value(QLatin1String("assist")).toObject();
    QCOMPARE(num(assist, "calls"), 1.0);
    QVERIFY(near(num(assist, "total"), (200 + 50) / 1e6));
    QCOMPARE(rowOf(assist.value(QLatin1String("byModel")).toArray(), "model", QStringLiteral("writer-model"))
                 .value(QLatin1String("calls"))
                 .toInt(),
        1);
    QVERIFY(c.value(QLatin1String("otherCurrencies")).toArray().isEmpty());
}

// The model names a phone number the company never gave: the guard refuses its words (and the
// repair's), the local responder answers, and the calls the model made are in the cost.
void TestCsApiCost::aReplyTheGuardRefusedIsPaidAllTheSame()
{
    const QJsonObject before = cost();
    m_model->setAnswers({m_model->reply(QStringLiteral("Call us on +47 555 12345 any time."), 100, 10)});
    const int calls = m_model->count();
    const QString id = ask(QStringLiteral("cust_c"), QStringLiteral("Can I phone you about my delivery?"));
    QVERIFY(!id.isEmpty());
    const int made = m_model->count() - calls;
    QVERIFY(made >= 1);
    const HttpResult r = m_admin->get(QStringLiteral("/api/cs/sessions/%1?companyId=%2").arg(id, m_company));
    QVERIFY2(r.status == 200, describe(r).constData());
    const QJsonArray messages = r.json().value(QLatin1String("messages")).toArray();
    const QJsonObject meta = messages.last().toObject().value(QLatin1String("metadata")).toObject();
    QVERIFY2(!messages.last().toObject().value(QLatin1String("content")).toString().contains(QStringLiteral("555")),
        describe(r).constData());
    QCOMPARE(meta.value(QLatin1String("fallback")).toString(), QStringLiteral("guard"));

    const QJsonObject after = cost();
    QCOMPARE(num(after, "calls") - num(before, "calls"), double(made));
    QVERIFY(near(num(after, "total") - num(before, "total"), made * (100 * 2.0 + 10 * 10.0) / 1e6));
}

// A company whose AI called no model: zeros in its own currency, no cost per session without sessions.
void TestCsApiCost::aCompanyWithNoCallsCostsNothingInItsCurrency()
{
    const QString other = m_server.createCompany(QStringLiteral("Quiet Outfitters"));
    std::unique_ptr<HttpClient> admin = m_server.client(api::Role::Admin, other);
    HttpResult r = admin->put(QStringLiteral("/api/cs/config"),
        {{QStringLiteral("companyId"), other},
            {QStringLiteral("company"), QJsonObject{{QStringLiteral("currency"), QStringLiteral("NOK")}}}});
    QVERIFY2(r.status == 200, describe(r).constData());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    r = admin->get(withQuery(QStringLiteral("/api/cs/analytics"),
        {{QStringLiteral("companyId"), other}, {QStringLiteral("startDate"), now.addDays(-1).toString(Qt::ISODate)},
            {QStringLiteral("endDate"), now.addDays(1).toString(Qt::ISODate)}}));
    QVERIFY2(r.status == 200, describe(r).constData());
    const QJsonObject c = r.json().value(QLatin1String("cost")).toObject();
    QCOMPARE(c.value(QLatin1String("currency")).toString(), QStringLiteral("NOK"));
    QCOMPARE(num(c, "total"), 0.0);
    QVERIFY(c.value(QLatin1String("perSession")).isNull());
    QVERIFY(c.value(QLatin1String("perAiResolution")).isNull());
    QVERIFY(c.value(QLatin1String("byModel")).toArray().isEmpty());
}

void TestCsApiCost::pricesAreCheckedAndChanged()
{
    const QString path = QStringLiteral("/api/cs/ai/providers/scripted");
    const auto withCompany = [this](QJsonObject body) {
        body.insert(QStringLiteral("companyId"), m_company);
        return body;
    };
    // A currency that is no ISO code, a negative price, a field that cannot change: refused, nothing changed.
    for (const QJsonObject &body :
        {QJsonObject{{QStringLiteral("prices"),
             QJsonObject{{QStringLiteral("rep-model"), price(2, 10, QStringLiteral("euro"))}}}},
            QJsonObject{{QStringLiteral("prices"),
                QJsonObject{{QStringLiteral("rep-model"), price(-1, 10, QStringLiteral("EUR"))}}}},
            QJsonObject{{QStringLiteral("prices"), QStringLiteral("cheap")}},
            QJsonObject{{QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:1/v1")}}}) {
        const HttpResult r = m_admin->patch(path, withCompany(body));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
            QStringLiteral("CS_011"));
    }
    QCOMPARE(m_admin->patch(QStringLiteral("/api/cs/ai/providers/nobody"), withCompany({})).status, 404);
    QCOMPARE(m_server.client(api::Role::Supervisor, m_company)->patch(path, withCompany({})).status, 403);

    // The AI Rep's model now costs more: the next call at the new price, the earlier ones as they were.
    HttpResult r = m_admin->patch(path,
        withCompany({{QStringLiteral("prices"),
            QJsonObject{{QStringLiteral("rep-model"), price(4, 20, QStringLiteral("EUR"))}}}}));
    QVERIFY2(r.status == 200, describe(r).constData());
    QCOMPARE(r.json().value(QLatin1String("prices")).toObject(),
        (QJsonObject{{QStringLiteral("rep-model"), price(4, 20, QStringLiteral("EUR"))}}));
    const QJsonObject before = cost();
    m_model->setAnswers({m_model->reply(QStringLiteral("We are closed on Sundays."), 1000, 100)});
    QVERIFY(!ask(QStringLiteral("cust_d"), QStringLiteral("Are you open on Sundays?")).isEmpty());
    const QJsonObject after = cost();
    QVERIFY(near(num(after, "total") - num(before, "total"), (1000 * 4.0 + 100 * 20.0) / 1e6));
    r = m_admin->get(QStringLiteral("/api/cs/audit?companyId=%1").arg(m_company));
    QVERIFY2(r.status == 200 && r.body.contains("ai.provider.prices"), describe(r).constData());
}

QTEST_GUILESS_MAIN(TestCsApiCost)
#include "tst_csapi_cost.moc"
