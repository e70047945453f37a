// What customers asked that the company's knowledge did not answer (issue "a manager's numbers",
// docs/api.md "Knowledge gaps"): GET /api/cs/kb/gaps groups the questions a new company's AI
// could not answer, biggest first, with what became of their sessions; a group drafted from the
// questions and a person's reply; gone once an article answers it; dismissed; roles and errors.
// A real server on 127.0.0.1 (and again on PostgreSQL), conversations held through the API.
#include "tests/api/ApiTestSupport.h"

#include "core/common/Time.h"
#include "core/store/Store.h"
#include "tests/support/ScriptedModelServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestCsApiKbGaps : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void similarQuestionsAreOneGapBiggestFirst();
    void aGapCountsWhatBecameOfItsSessions();
    void theRangeCountsItsQuestions();
    void rolesAndErrors();
    void aDraftQuotesTheQuestionsAndThePeoplesReplies();
    void anArticleThatAnswersAGapClosesIt();
    void aDismissedGapIsHiddenAndANewOneMayBegin();
    void aModelWordsTheDraftAndTheGuardChecksIt();

private:
    // A conversation a person answered and resolved (escalated to the human tier first).
    void answerAsAPerson(const QString &sessionId, const QString &reply);
    QString ask(const QString &customer, const QString &text);
    QJsonArray gaps(const QList<QPair<QString, QString>> &range = {});
    QJsonObject gapLabelled(const QString &words);
    QString gapsPath(const QString &id, const char *action) const
    {
        return QStringLiteral("/api/cs/kb/gaps/%1/%2?companyId=%3").arg(id, QLatin1String(action), m_company);
    }

    ServerFixture m_server;
    QString m_company;
    QString m_canadaWithPerson;
    std::unique_ptr<HttpClient> m_admin;
    std::unique_ptr<HttpClient> m_supervisor;
    std::unique_ptr<HttpClient> m_agent;
};

QString TestCsApiKbGaps::ask(const QString &customer, const QString &text)
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions"), sessionBody(m_company, customer, text));
    if (r.status != 201)
        qWarning("ask: %s", describe(r).constData());
    return r.json().value(QLatin1String("id")).toString();
}

QJsonArray TestCsApiKbGaps::gaps(const QList<QPair<QString, QString>> &range)
{
    QList<QPair<QString, QString>> q{{QStringLiteral("companyId"), m_company}};
    q += range;
    const HttpResult r = m_supervisor->get(withQuery(QStringLiteral("/api/cs/kb/gaps"), q));
    if (r.status != 200)
        qWarning("gaps: %s", describe(r).constData());
    return r.json().value(QLatin1String("gaps")).toArray();
}

QJsonObject TestCsApiKbGaps::gapLabelled(const QString &words)
{
    for (const QJsonValue &g : gaps())
        if (g.toObject().value(QLatin1String("label")).toString().contains(words, Qt::CaseInsensitive))
            return g.toObject();
    return {};
}

void TestCsApiKbGaps::initTestCase()
{
    QVERIFY(m_server.start({}));
    m_company = m_server.createCompany(QStringLiteral("Gaps Outfitters"));
    QVERIFY(!m_company.isEmpty());
    m_admin = m_server.client(api::Role::Admin, m_company);
    m_supervisor = m_server.client(api::Role::Supervisor, m_company);
    // A person of the company's desk, to answer one of the conversations.
    Agent ann;
    ann.id = QStringLiteral("agt_ann");
    ann.companyId = m_company;
    ann.email = QStringLiteral("ann@gaps.example");
    ann.name = QStringLiteral("Ann Archer");
    ann.role = QStringLiteral("agent");
    ann.passwordHash = QStringLiteral("$argon2id$unused");
    Store &store = m_server.runtime().store();
    QVERIFY(store.batch().run([&] { return store.agents().insert(ann); }) && store.batch().flush());
    m_agent = std::make_unique<HttpClient>(
        m_server.port(), m_server.token(api::Role::Agent, m_company, 3600, QStringLiteral("agt_ann")));

    // The company's one article: returns. What it answers is no gap.
    const HttpResult article = m_admin->post(QStringLiteral("/api/cs/kb"),
        {{QStringLiteral("companyId"), m_company}, {QStringLiteral("title"), QStringLiteral("Returning an item")},
            {QStringLiteral("category"), QStringLiteral("REFUND")},
            {QStringLiteral("content"),
                QStringLiteral("You can return any unworn item within 30 days of delivery. Print the return label "
                               "from your account and drop the parcel at any post office.")}});
    QVERIFY2(article.status == 201, describe(article).constData());

    // Shipping to Canada, four times in other words; gift wrapping twice; and what is no gap.
    m_canadaWithPerson = ask(QStringLiteral("cust_a"), QStringLiteral("Do you ship to Canada?"));
    QVERIFY(!ask(QStringLiteral("cust_b"), QStringLiteral("do you ship to canada")).isEmpty());
    QVERIFY(!ask(QStringLiteral("cust_c"), QStringLiteral("Can you ship my order to Canada?")).isEmpty());
    QVERIFY(!ask(QStringLiteral("cust_d"), QStringLiteral("Is shipping to Canada possible?")).isEmpty());
    QVERIFY(!ask(QStringLiteral("cust_e"), QStringLiteral("Do you offer gift wrapping?")).isEmpty());
    QVERIFY(!ask(QStringLiteral("cust_f"), QStringLiteral("Can I get gift wrapping for a present?")).isEmpty());
    QVERIFY(!ask(QStringLiteral("cust_g"), QStringLiteral("How do I return an item?")).isEmpty());
    QVERIFY(!ask(QStringLiteral("cust_h"), QStringLiteral("Hello!")).isEmpty());

    // A person answers the first Canada question and resolves it.
    answerAsAPerson(m_canadaWithPerson, QStringLiteral("Yes, we ship to Canada: 5 to 7 days, CA$15."));
}

void TestCsApiKbGaps::answerAsAPerson(const QString &id, const QString &reply)
{
    HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(id),
        {{QStringLiteral("reason"), QStringLiteral("CUSTOMER_REQUEST")},
            {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}});
    QVERIFY2(r.status == 200, describe(r).constData());
    r = m_agent->post(QStringLiteral("/api/cs/sessions/%1/claim").arg(id), {});
    QVERIFY2(r.status == 200, describe(r).constData());
    r = m_agent->post(
        QStringLiteral("/api/cs/sessions/%1/agent-messages").arg(id), {{QStringLiteral("content"), reply}});
    QVERIFY2(r.status == 201, describe(r).constData());
    r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(id),
        {{QStringLiteral("resolutionType"), QStringLiteral("INFORMATION_PROVIDED")}});
    QVERIFY2(r.status == 200, describe(r).constData());
}

void TestCsApiKbGaps::cleanupTestCase()
{
    m_admin.reset();
    m_supervisor.reset();
    m_agent.reset();
    m_server.stop();
}

void TestCsApiKbGaps::similarQuestionsAreOneGapBiggestFirst()
{
    const QJsonArray all = gaps();
    QCOMPARE(all.size(), 2);
    const QJsonObject canada = all.at(0).toObject();
    QCOMPARE(canada.value(QLatin1String("questions")).toInt(), 4);
    QCOMPARE(canada.value(QLatin1String("sessions")).toInt(), 4);
    QCOMPARE(canada.value(QLatin1String("label")).toString(), QStringLiteral("Do you ship to Canada?"));
    QStringList examples;
    for (const QJsonValue &e : canada.value(QLatin1String("examples")).toArray())
        examples << e.toString();
    // The latest first, each wording once ("do you ship to canada" is the label's).
    QCOMPARE(examples,
        QStringList({QStringLiteral("Is shipping to Canada possible?"),
            QStringLiteral("Can you ship my order to Canada?"), QStringLiteral("do you ship to canada")}));
    QVERIFY(!timefmt::parseIso(canada.value(QLatin1String("lastSeenAt")).toString()).isNull());
    const QJsonObject gift = all.at(1).toObject();
    QCOMPARE(gift.value(QLatin1String("questions")).toInt(), 2);
    QCOMPARE(gift.value(QLatin1String("label")).toString(), QStringLiteral("Do you offer gift wrapping?"));
    // The returns question was answered, the greeting asked nothing: neither is anywhere.
    const QByteArray body = QJsonDocument(all).toJson();
    QVERIFY(!body.contains("return"));
    QVERIFY(!body.contains("Hello"));
}

void TestCsApiKbGaps::aGapCountsWhatBecameOfItsSessions()
{
    const QJsonObject canada = gapLabelled(QStringLiteral("canada"));
    QCOMPARE(canada.value(QLatin1String("escalated")).toInt(), 1);
    QCOMPARE(canada.value(QLatin1String("resolvedByPeople")).toInt(), 1);
    const QJsonObject gift = gapLabelled(QStringLiteral("gift"));
    QCOMPARE(gift.value(QLatin1String("escalated")).toInt(), 0);
    QCOMPARE(gift.value(QLatin1String("resolvedByPeople")).toInt(), 0);
}

void TestCsApiKbGaps::theRangeCountsItsQuestions()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(gaps({{QStringLiteral("from"), now.addDays(1).toString(Qt::ISODate)}}).size(), 0);
    QCOMPARE(gaps({{QStringLiteral("to"), now.addDays(-1).toString(Qt::ISODate)}}).size(), 0);
    // A bare date: the whole of that day.
    const QJsonArray today = gaps({{QStringLiteral("from"), now.date().toString(Qt::ISODate)},
        {QStringLiteral("to"), now.date().toString(Qt::ISODate)}});
    QCOMPARE(today.size(), 2);
    QCOMPARE(today.at(0).toObject().value(QLatin1String("questions")).toInt(), 4);
}

void TestCsApiKbGaps::rolesAndErrors()
{
    const QString path = QStringLiteral("/api/cs/kb/gaps?companyId=") + m_company;
    HttpResult r = m_agent->get(path);
    QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r).constData());
    r = m_supervisor->get(QStringLiteral("/api/cs/kb/gaps?companyId=other"));
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r).constData());
    r = m_supervisor->get(path + QStringLiteral("&from=yesterday"));
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
    QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(),
        QStringLiteral("from"));
    r = m_supervisor->post(gapsPath(QStringLiteral("kbq_none"), "draft"), {});
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r).constData());
    r = m_agent->post(gapsPath(QStringLiteral("kbq_none"), "dismiss"), {});
    QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r).constData());
}

void TestCsApiKbGaps::aDraftQuotesTheQuestionsAndThePeoplesReplies()
{
    const QString id = gapLabelled(QStringLiteral("canada")).value(QLatin1String("id")).toString();
    QVERIFY(!id.isEmpty());
    const HttpResult r = m_supervisor->post(gapsPath(id, "draft"), {});
    QVERIFY2(r.status == 200, describe(r).constData());
    const QJsonObject draft = r.json();
    QCOMPARE(draft.value(QLatin1String("gapId")).toString(), id);
    QCOMPARE(draft.value(QLatin1String("title")).toString(), QStringLiteral("Do you ship to Canada?"));
    const QString content = draft.value(QLatin1String("content")).toString();
    QVERIFY2(content.contains(QStringLiteral("Can you ship my order to Canada?")), qPrintable(content));
    QVERIFY2(content.contains(QStringLiteral("Yes, we ship to Canada: 5 to 7 days, CA$15.")), qPrintable(content));
    QCOMPARE(draft.value(QLatin1String("replies")).toArray().size(), 1);
    QVERIFY(draft.value(QLatin1String("keywords")).toArray().contains(QStringLiteral("canada")));
    // A draft saves nothing: the gap is still there.
    QCOMPARE(gapLabelled(QStringLiteral("canada")).value(QLatin1String("id")).toString(), id);
}

void TestCsApiKbGaps::anArticleThatAnswersAGapClosesIt()
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/kb"),
        {{QStringLiteral("companyId"), m_company}, {QStringLiteral("title"), QStringLiteral("Shipping to Canada")},
            {QStringLiteral("category"), QStringLiteral("SHIPPING")},
            {QStringLiteral("content"),
                QStringLiteral("Yes, we ship to Canada. Orders to Canada arrive in 5 to 7 business days and "
                               "shipping to Canada costs CA$15.")}});
    QVERIFY2(r.status == 201, describe(r).constData());
    const QJsonArray left = gaps();
    QCOMPARE(left.size(), 1);
    QCOMPARE(
        left.at(0).toObject().value(QLatin1String("label")).toString(), QStringLiteral("Do you offer gift wrapping?"));
    // Asked again, it is answered from the article: no new gap.
    QVERIFY(!ask(QStringLiteral("cust_i"), QStringLiteral("Do you ship to Canada?")).isEmpty());
    QCOMPARE(gaps().size(), 1);
}

void TestCsApiKbGaps::aDismissedGapIsHiddenAndANewOneMayBegin()
{
    const QString id = gapLabelled(QStringLiteral("gift")).value(QLatin1String("id")).toString();
    QVERIFY(!id.isEmpty());
    HttpResult r = m_supervisor->post(gapsPath(id, "dismiss"), {});
    QVERIFY2(r.status == 200, describe(r).constData());
    QCOMPARE(r.json().value(QLatin1String("dismissed")).toBool(), true);
    QCOMPARE(gaps().size(), 0);
    r = m_supervisor->post(gapsPath(id, "dismiss"), {}); // gone
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r).constData());
    QCOMPARE(
        m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'kb.gap.dismiss'")).toInt(), 1);
    // Asked again after, it is a gap again, with an id of its own.
    QVERIFY(!ask(QStringLiteral("cust_j"), QStringLiteral("Do you do gift wrapping?")).isEmpty());
    const QJsonArray again = gaps();
    QCOMPARE(again.size(), 1);
    QVERIFY(again.at(0).toObject().value(QLatin1String("id")).toString() != id);
    QCOMPARE(again.at(0).toObject().value(QLatin1String("questions")).toInt(), 1);
}

void TestCsApiKbGaps::aModelWordsTheDraftAndTheGuardChecksIt()
{
    // Asked and answered by a person while the AI is the local responder.
    const QString sunday = ask(QStringLiteral("cust_k"), QStringLiteral("Do you deliver on Sundays?"));
    QVERIFY(!ask(QStringLiteral("cust_l"), QStringLiteral("Can you deliver on Sundays too?")).isEmpty());
    answerAsAPerson(sunday, QStringLiteral("We deliver on Sundays in Oslo only, for NOK 99."));
    const QString id = gapLabelled(QStringLiteral("sunday")).value(QLatin1String("id")).toString();
    QVERIFY(!id.isEmpty());

    // The company's model: a scripted provider on loopback.
    const QByteArray key("sk-gaps");
    ScriptedModelServer model(ProviderKind::OpenAi, key);
    QVERIFY(model.isListening());
    HttpResult r = m_admin->post(QStringLiteral("/api/cs/ai/providers"),
        {{QStringLiteral("companyId"), m_company}, {QStringLiteral("name"), QStringLiteral("scripted")},
            {QStringLiteral("kind"), QStringLiteral("openai")}, {QStringLiteral("baseUrl"), model.baseUrl().toString()},
            {QStringLiteral("apiKey"), QString::fromLatin1(key)}, {QStringLiteral("timeoutMs"), 10000}});
    QVERIFY2(r.status == 201, describe(r).constData());
    const auto useProvider = [&](const QString &provider) {
        return m_admin->put(QStringLiteral("/api/cs/config"),
            {{QStringLiteral("companyId"), m_company},
                {QStringLiteral("ai"),
                    QJsonObject{{QStringLiteral("provider"), provider},
                        {QStringLiteral("models"),
                            QJsonObject{{QStringLiteral("aiRep"), QStringLiteral("rep-model")},
                                {QStringLiteral("aiManager"), QStringLiteral("rep-model")},
                                {QStringLiteral("assist"), QStringLiteral("writer-model")}}}}}});
    };
    r = useProvider(QStringLiteral("scripted"));
    QVERIFY2(r.status == 200, describe(r).constData());

    // Worded from the person's answer: the model's words are the draft.
    const QString worded = QStringLiteral("Sunday delivery: we deliver on Sundays in Oslo only, for NOK 99.");
    model.setAnswers({model.reply(worded, 300, 40)});
    r = m_supervisor->post(gapsPath(id, "draft"), {});
    QVERIFY2(r.status == 200, describe(r).constData());
    QJsonObject draft = r.json();
    QCOMPARE(draft.value(QLatin1String("wordedBy")).toString(), QStringLiteral("model"));
    QCOMPARE(draft.value(QLatin1String("content")).toString(), worded);
    QCOMPARE(draft.value(QLatin1String("guardNotes")).toArray().size(), 0);
    // It was asked with the questions, the person's answer as its facts, for the assist model.
    const ReceivedRequest asked = model.requests().constLast();
    QVERIFY2(ScriptedModelServer::lastUserText(asked).contains(QStringLiteral("Can you deliver on Sundays too?")),
        qPrintable(ScriptedModelServer::lastUserText(asked) + QString::fromUtf8(QJsonDocument(gaps()).toJson())));
    QVERIFY(model.systemPrompt(asked).contains(QStringLiteral("We deliver on Sundays in Oslo only, for NOK 99.")));
    QVERIFY(asked.body.contains("writer-model"));

    // A phone number nobody gave: the guard refuses the words, the quotes stay.
    model.setAnswers({model.reply(QStringLiteral("Call us on +47 555 12345 to book Sunday delivery."))});
    r = m_supervisor->post(gapsPath(id, "draft"), {});
    QVERIFY2(r.status == 200, describe(r).constData());
    draft = r.json();
    QCOMPARE(draft.value(QLatin1String("wordedBy")).toString(), QStringLiteral("quotes"));
    QVERIFY(!draft.value(QLatin1String("guardNotes")).toArray().isEmpty());
    QVERIFY(draft.value(QLatin1String("content")).toString().contains(QStringLiteral("Customers asked:")));
    QVERIFY(!draft.value(QLatin1String("content")).toString().contains(QStringLiteral("555")));

    // A provider that fails: the quotes, and why.
    model.setAnswers({model.error(500, QStringLiteral("model crashed"))});
    r = m_supervisor->post(gapsPath(id, "draft"), {});
    QVERIFY2(r.status == 200, describe(r).constData());
    draft = r.json();
    QCOMPARE(draft.value(QLatin1String("wordedBy")).toString(), QStringLiteral("quotes"));
    QVERIFY(!draft.value(QLatin1String("modelError")).toString().isEmpty());
    QVERIFY2(useProvider(QStringLiteral("local")).status == 200, "back to the local responder");
}

QTEST_GUILESS_MAIN(TestCsApiKbGaps)
#include "tst_csapi_kbgaps.moc"
