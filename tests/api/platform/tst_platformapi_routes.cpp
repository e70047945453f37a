// Seed 000's services on a real server on 127.0.0.1, signed with SigV4: chatbot
// conversations on the engine's message path, sentiment analysis, routing, the
// knowledge base (views counted), escalation cases on the desk; field names and
// shapes as in the seed's examples, errors in API Gateway's body.
#include "tests/api/platform/PlatformTestSupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestPlatformApiRoutes : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void conversationStartsWithTheEnginesReply();
    void messageGoesThroughTheEngine();
    void messageToAnUnknownConversationIsNotFound();
    void conversationIsReadByItsId();
    void badConversationBodyIsRefused();
    void sentimentOfAFrustratedText();
    void sentimentNeedsText();
    void inquiryIsRoutedToTheCategorysQueue();
    void knowledgeSearchPagesAndFilters();
    void knowledgeSearchNeedsAQuery();
    void articleCountsViews();
    void unknownArticleIsNotFound();
    void escalationCaseIsQueuedWithTheSla();
    void escalationOfAnotherCompanyIsNotFound();
    void escalationNeedsASupervisorKey();
    void claimedCaseIsInProgressWithItsAssignee();

private:
    QString startConversation(const QString &text);
    std::unique_ptr<ServerFixture> m_fixture;
    ServerFixture &server() { return *m_fixture; }
    std::unique_ptr<PlatformClient> m_client;
};

void TestPlatformApiRoutes::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    QString error;
    QVERIFY2(server().start({}, false, &error), qPrintable(error));
    const SigV4Key key = issueSigV4Key(server());
    QVERIFY(key.isValid());
    m_client = std::make_unique<PlatformClient>(server().port(), key);
}

void TestPlatformApiRoutes::cleanup()
{
    m_client.reset();
    m_fixture.reset();
}

QString TestPlatformApiRoutes::startConversation(const QString &text)
{
    const HttpResult r = m_client->post(QStringLiteral("/chatbot/conversation"),
        {{QStringLiteral("user_id"), QStringLiteral("cust_ben")}, {QStringLiteral("initial_message"), text},
            {QStringLiteral("channel"), QStringLiteral("web")}});
    if (r.status != 200)
        qWarning() << describe(r);
    return r.json().value(QLatin1String("conversation_id")).toString();
}

void TestPlatformApiRoutes::conversationStartsWithTheEnginesReply()
{
    const HttpResult r = m_client->post(QStringLiteral("/chatbot/conversation"),
        {{QStringLiteral("user_id"), QStringLiteral("cust_ben")},
            {QStringLiteral("initial_message"), QStringLiteral("I need help with my order")},
            {QStringLiteral("channel"), QStringLiteral("web")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("browser"), QStringLiteral("Chrome")}}}});
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    const QString id = o.value(QLatin1String("conversation_id")).toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(!o.value(QLatin1String("response")).toString().isEmpty());
    const QJsonArray actions = o.value(QLatin1String("suggested_actions")).toArray();
    QVERIFY(!actions.isEmpty());
    for (const QJsonValue &v : actions) {
        QCOMPARE(v.toObject().value(QLatin1String("type")).toString(), QStringLiteral("text"));
        QVERIFY(!v.toObject().value(QLatin1String("text")).toString().isEmpty());
    }
    // The conversation is the engine's session, with the message and the reply.
    auto admin = server().client(api::Role::Admin);
    const HttpResult s = admin->get(QStringLiteral("/api/cs/sessions/") + id);
    QVERIFY2(s.status == 200, describe(s));
    QCOMPARE(s.json().value(QLatin1String("messages")).toArray().size(), 2);
    QCOMPARE(s.json().value(QLatin1String("customerId")).toString(), QStringLiteral("cust_ben"));
}

void TestPlatformApiRoutes::messageGoesThroughTheEngine()
{
    const QString id = startConversation(QStringLiteral("Hello"));
    QVERIFY(!id.isEmpty());
    const HttpResult r = m_client->post(QStringLiteral("/chatbot/conversation/%1/message").arg(id),
        {{QStringLiteral("message"), QStringLiteral("Where is my order?")},
            {QStringLiteral("attachments"), QJsonArray()}});
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    QCOMPARE(o.keys(), (QStringList{QStringLiteral("response"), QStringLiteral("suggested_actions")}));
    QVERIFY(!o.value(QLatin1String("response")).toString().isEmpty());
    QVERIFY(!o.value(QLatin1String("suggested_actions")).toArray().isEmpty());
    auto admin = server().client(api::Role::Admin);
    const HttpResult s = admin->get(QStringLiteral("/api/cs/sessions/") + id);
    QCOMPARE(s.json().value(QLatin1String("messages")).toArray().size(), 4);
}

void TestPlatformApiRoutes::messageToAnUnknownConversationIsNotFound()
{
    const HttpResult r = m_client->post(QStringLiteral("/chatbot/conversation/sess_nothere/message"),
        {{QStringLiteral("message"), QStringLiteral("Hi")}});
    const QString problem = checkPlatformError(r, 404, QStringLiteral("NotFoundException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestPlatformApiRoutes::conversationIsReadByItsId()
{
    const QString id = startConversation(QStringLiteral("I need help with my order"));
    QVERIFY(!id.isEmpty());
    HttpResult r
        = m_client->get(withQuery(QStringLiteral("/chatbot/conversation"), {{QStringLiteral("conversation_id"), id}}));
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("conversation_id")).toString(), id);
    QCOMPARE(r.json().value(QLatin1String("user_id")).toString(), QStringLiteral("cust_ben"));
    const QJsonArray messages = r.json().value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(QLatin1String("role")).toString(), QStringLiteral("user"));
    QCOMPARE(messages.at(0).toObject().value(QLatin1String("content")).toString(),
        QStringLiteral("I need help with my order"));
    QCOMPARE(messages.at(1).toObject().value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
    r = m_client->get(withQuery(
        QStringLiteral("/chatbot/conversation"), {{QStringLiteral("conversation_id"), QStringLiteral("12345")}}));
    const QString problem = checkPlatformError(r, 404, QStringLiteral("NotFoundException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestPlatformApiRoutes::badConversationBodyIsRefused()
{
    HttpResult r = m_client->send("POST", QStringLiteral("/chatbot/conversation"), "not json");
    QString problem = checkPlatformError(r, 400, QStringLiteral("BadRequestException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    r = m_client->post(
        QStringLiteral("/chatbot/conversation"), {{QStringLiteral("initial_message"), QStringLiteral("Hi")}});
    problem = checkPlatformError(r, 400, QStringLiteral("BadRequestException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(r.json().value(QLatin1String("message")).toString().contains(QLatin1String("user_id")));
    r = m_client->post(QStringLiteral("/chatbot/conversation"),
        {{QStringLiteral("user_id"), QStringLiteral("u1")}, {QStringLiteral("channel"), QStringLiteral("fax")}});
    problem = checkPlatformError(r, 400, QStringLiteral("BadRequestException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestPlatformApiRoutes::sentimentOfAFrustratedText()
{
    const QString id = startConversation(QStringLiteral("Hello"));
    const HttpResult r = m_client->post(QStringLiteral("/sentiment/analyze"),
        {{QStringLiteral("text"),
             QStringLiteral("I've been waiting for 3 days and still haven't received any update on "
                            "my order. This is frustrating.")},
            {QStringLiteral("conversation_id"), id}, {QStringLiteral("user_id"), QStringLiteral("cust_ben")}});
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    QVERIFY(o.value(QLatin1String("analysis_id")).toString().startsWith(QLatin1String("sent-")));
    QCOMPARE(o.value(QLatin1String("sentiment")).toString(), QStringLiteral("negative"));
    const double score = o.value(QLatin1String("sentiment_score")).toDouble(-1);
    QVERIFY2(score >= 0 && score < 0.5, r.body.constData());
    QVERIFY(o.value(QLatin1String("dominant_emotions")).toArray().contains(QStringLiteral("frustration")));
    QVERIFY(o.value(QLatin1String("keywords")).toArray().contains(QStringLiteral("order")));
    const QJsonArray recs = o.value(QLatin1String("action_recommendations")).toArray();
    QVERIFY(!recs.isEmpty());
    const QJsonObject first = recs.first().toObject();
    QVERIFY(!first.value(QLatin1String("type")).toString().isEmpty());
    QVERIFY(first.value(QLatin1String("confidence")).toDouble() > 0);
    QVERIFY(!first.value(QLatin1String("reasoning")).toString().isEmpty());

    const HttpResult happy = m_client->post(QStringLiteral("/sentiment/analyze"),
        {{QStringLiteral("text"), QStringLiteral("Thank you so much, this is wonderful!")}});
    QVERIFY2(happy.status == 200, describe(happy));
    QCOMPARE(happy.json().value(QLatin1String("sentiment")).toString(), QStringLiteral("positive"));
    QVERIFY(happy.json().value(QLatin1String("sentiment_score")).toDouble() > 0.5);
}

void TestPlatformApiRoutes::sentimentNeedsText()
{
    HttpResult r
        = m_client->post(QStringLiteral("/sentiment/analyze"), {{QStringLiteral("user_id"), QStringLiteral("u")}});
    QString problem = checkPlatformError(r, 400, QStringLiteral("BadRequestException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    r = m_client->post(QStringLiteral("/sentiment/analyze"),
        {{QStringLiteral("text"), QStringLiteral("fine")},
            {QStringLiteral("conversation_id"), QStringLiteral("sess_nope")}});
    problem = checkPlatformError(r, 404, QStringLiteral("NotFoundException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestPlatformApiRoutes::inquiryIsRoutedToTheCategorysQueue()
{
    const HttpResult r = m_client->post(QStringLiteral("/routing/inquiries"),
        {{QStringLiteral("conversation_id"), QStringLiteral("conv-1")},
            {QStringLiteral("user_id"), QStringLiteral("cust_ben")},
            {QStringLiteral("source"), QStringLiteral("chatbot")},
            {QStringLiteral("inquiry_text"), QStringLiteral("I want a refund for my order, the item arrived damaged")},
            {QStringLiteral("sentiment_score"), 0.35},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("product_id"), QStringLiteral("PROD-1234")}}}});
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    QVERIFY(o.value(QLatin1String("routing_id")).toString().startsWith(QLatin1String("route-")));
    // The demo company's desk sends refunds to "orders" (desk config, queues by category).
    QCOMPARE(o.value(QLatin1String("destination")).toString(), QStringLiteral("orders"));
    QCOMPARE(o.value(QLatin1String("priority")).toString(), QStringLiteral("medium"));
    const int eta = o.value(QLatin1String("estimated_response_time")).toInt(-1);
    // Nobody is signed in at the desk: the SLA's first-response target for medium (normal).
    QCOMPARE(eta, 60 * 60);
    QVERIFY(!o.value(QLatin1String("suggested_responses")).toArray().isEmpty());
    QVERIFY(
        o.value(QLatin1String("suggested_responses")).toArray().first().toString().contains(QLatin1String("orders")));

    const HttpResult bad = m_client->post(QStringLiteral("/routing/inquiries"),
        {{QStringLiteral("inquiry_text"), QStringLiteral("x")}, {QStringLiteral("sentiment_score"), 1.5}});
    const QString problem = checkPlatformError(bad, 400, QStringLiteral("BadRequestException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestPlatformApiRoutes::knowledgeSearchPagesAndFilters()
{
    HttpResult r = m_client->get(
        withQuery(QStringLiteral("/knowledge/search"), {{QStringLiteral("query"), QStringLiteral("cancel order")}}));
    QVERIFY2(r.status == 200, describe(r));
    QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("page")).toInt(), 1);
    QCOMPARE(o.value(QLatin1String("limit")).toInt(), 10);
    const int total = o.value(QLatin1String("total")).toInt();
    const QJsonArray results = o.value(QLatin1String("results")).toArray();
    QVERIFY(total >= 2);
    QVERIFY(!results.isEmpty());
    const QJsonObject top = results.first().toObject();
    QVERIFY(top.value(QLatin1String("id")).toString().startsWith(QLatin1String("kb-")));
    QVERIFY(!top.value(QLatin1String("title")).toString().isEmpty());
    QVERIFY(!top.value(QLatin1String("content")).toString().isEmpty());
    const double relevance = top.value(QLatin1String("relevance_score")).toDouble(-1);
    QVERIFY(relevance > 0 && relevance <= 1);
    QVERIFY(top.value(QLatin1String("metadata")).toObject().value(QLatin1String("views")).isDouble());
    QVERIFY(top.value(QLatin1String("metadata")).toObject().contains(QLatin1String("last_updated")));
    for (int i = 1; i < results.size(); ++i)
        QVERIFY(results.at(i).toObject().value(QLatin1String("relevance_score")).toDouble() <= relevance);

    // The second page of one holds the second result.
    r = m_client->get(withQuery(QStringLiteral("/knowledge/search"),
        {{QStringLiteral("query"), QStringLiteral("cancel order")}, {QStringLiteral("limit"), QStringLiteral("1")},
            {QStringLiteral("offset"), QStringLiteral("1")}}));
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("page")).toInt(), 2);
    QCOMPARE(r.json().value(QLatin1String("results")).toArray().size(), 1);
    QCOMPARE(r.json().value(QLatin1String("results")).toArray().first().toObject().value(QLatin1String("id")),
        results.at(1).toObject().value(QLatin1String("id")));

    const QString category = top.value(QLatin1String("category")).toString();
    r = m_client->get(withQuery(QStringLiteral("/knowledge/search"),
        {{QStringLiteral("query"), QStringLiteral("cancel order")}, {QStringLiteral("category"), category}}));
    QVERIFY2(r.status == 200, describe(r));
    for (const QJsonValue &v : r.json().value(QLatin1String("results")).toArray())
        QCOMPARE(v.toObject().value(QLatin1String("category")).toString(), category);
    QVERIFY(r.json().value(QLatin1String("total")).toInt() <= total);
}

void TestPlatformApiRoutes::knowledgeSearchNeedsAQuery()
{
    HttpResult r = m_client->get(QStringLiteral("/knowledge/search"));
    QString problem = checkPlatformError(r, 400, QStringLiteral("BadRequestException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    r = m_client->get(withQuery(QStringLiteral("/knowledge/search"),
        {{QStringLiteral("query"), QStringLiteral("x")}, {QStringLiteral("limit"), QStringLiteral("0")}}));
    problem = checkPlatformError(r, 400, QStringLiteral("BadRequestException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestPlatformApiRoutes::articleCountsViews()
{
    const HttpResult found = m_client->get(
        withQuery(QStringLiteral("/knowledge/search"), {{QStringLiteral("query"), QStringLiteral("cancel order")}}));
    const QString id = found.json()
                           .value(QLatin1String("results"))
                           .toArray()
                           .first()
                           .toObject()
                           .value(QLatin1String("id"))
                           .toString();
    QVERIFY(!id.isEmpty());
    HttpResult r = m_client->get(QStringLiteral("/knowledge/articles/") + id);
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("id")).toString(), id);
    QVERIFY(!o.value(QLatin1String("content")).toString().isEmpty());
    const QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
    QVERIFY(meta.value(QLatin1String("related_articles")).isArray());
    QVERIFY(!meta.value(QLatin1String("author")).toString().isEmpty());
    QVERIFY(o.value(QLatin1String("steps")).isArray());
    for (const QJsonValue &v : o.value(QLatin1String("steps")).toArray()) {
        QVERIFY(v.toObject().value(QLatin1String("step")).toInt() >= 1);
        QVERIFY(!v.toObject().value(QLatin1String("title")).toString().isEmpty());
    }
    const qint64 views = meta.value(QLatin1String("views")).toInteger();
    r = m_client->get(QStringLiteral("/knowledge/articles/") + id);
    QCOMPARE(r.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("views")).toInteger(), views + 1);
    // Stored with the article: the count is there after a restart of the server's cache too.
    QCOMPARE(server()
                 .scalar(QStringLiteral("SELECT views FROM kb_articles WHERE id = ?"), {id.mid(3).toLongLong()})
                 .toLongLong(),
        views + 1);
}

void TestPlatformApiRoutes::unknownArticleIsNotFound()
{
    for (const QString &id : {QStringLiteral("kb-999999"), QStringLiteral("nonsense")}) {
        const HttpResult r = m_client->get(QStringLiteral("/knowledge/articles/") + id);
        const QString problem = checkPlatformError(r, 404, QStringLiteral("NotFoundException"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
}

void TestPlatformApiRoutes::escalationCaseIsQueuedWithTheSla()
{
    const QString conversation = startConversation(QStringLiteral("My package arrived damaged"));
    QVERIFY(!conversation.isEmpty());
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const HttpResult r = m_client->post(QStringLiteral("/escalation/cases"),
        {{QStringLiteral("conversation_id"), conversation}, {QStringLiteral("user_id"), QStringLiteral("cust_ben")},
            {QStringLiteral("priority"), QStringLiteral("high")},
            {QStringLiteral("issue_summary"),
                QStringLiteral("Customer received damaged product and needs immediate replacement")},
            {QStringLiteral("source"), QStringLiteral("chatbot")}, {QStringLiteral("sentiment_score"), 0.25},
            {QStringLiteral("relevant_data"), QJsonObject{{QStringLiteral("order_id"), QStringLiteral("ORD-9876")}}}});
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    const QString id = o.value(QLatin1String("escalation_id")).toString();
    QVERIFY(id.startsWith(QLatin1String("esc-")));
    QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("created"));
    QVERIFY(!o.value(QLatin1String("assigned_to")).toString().isEmpty());
    QVERIFY(o.value(QLatin1String("tracking_url")).toString().endsWith(QStringLiteral("/escalation/cases/") + id));
    // High priority: the demo company's SLA answers within 15 minutes.
    const QDateTime expected
        = QDateTime::fromString(o.value(QLatin1String("expected_response_time")).toString(), Qt::ISODateWithMs);
    QVERIFY2(expected.isValid(), r.body.constData());
    const qint64 dueIn = expected.toMSecsSinceEpoch() - before;
    QVERIFY2(dueIn > 14 * 60000 && dueIn <= 16 * 60000, r.body.constData());

    const HttpResult g = m_client->get(QStringLiteral("/escalation/cases/") + id);
    QVERIFY2(g.status == 200, describe(g));
    const QJsonObject c = g.json();
    QCOMPARE(c.value(QLatin1String("escalation_id")).toString(), id);
    QCOMPARE(c.value(QLatin1String("status")).toString(), QStringLiteral("open"));
    QCOMPARE(c.value(QLatin1String("priority")).toString(), QStringLiteral("high"));
    QCOMPARE(c.value(QLatin1String("issue_summary")).toString(),
        QStringLiteral("Customer received damaged product and needs immediate replacement"));
    QVERIFY(c.value(QLatin1String("resolution_notes")).isNull());
    QVERIFY(QDateTime::fromString(c.value(QLatin1String("created_at")).toString(), Qt::ISODateWithMs).isValid());
    QVERIFY(
        QDateTime::fromString(c.value(QLatin1String("expected_completion")).toString(), Qt::ISODateWithMs).isValid());
    const QJsonArray actions = c.value(QLatin1String("actions")).toArray();
    QVERIFY(!actions.isEmpty());
    QCOMPARE(actions.first().toObject().value(QLatin1String("action")).toString(), QStringLiteral("escalated"));
    // The session is at the human tier, in the desk's queue; the change is audited.
    auto admin = server().client(api::Role::Admin);
    QCOMPARE(admin->get(QStringLiteral("/api/cs/sessions/") + conversation)
                 .json()
                 .value(QLatin1String("currentTier"))
                 .toString(),
        QStringLiteral("HUMAN_AGENT"));
    QVERIFY(server()
                .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE resource LIKE ?"),
                    {QVariant(QStringLiteral("%") + conversation + QStringLiteral("%"))})
                .toLongLong()
        > 0);
}

void TestPlatformApiRoutes::escalationOfAnotherCompanyIsNotFound()
{
    const QString other = server().createCompany(QStringLiteral("Other Co"));
    const SigV4Key otherKey = issueSigV4Key(server(), other);
    QVERIFY(otherKey.isValid());
    const QString conversation = startConversation(QStringLiteral("Hello"));
    PlatformClient stranger(server().port(), otherKey);
    HttpResult r = stranger.post(QStringLiteral("/escalation/cases"),
        {{QStringLiteral("conversation_id"), conversation}, {QStringLiteral("issue_summary"), QStringLiteral("x")}});
    QString problem = checkPlatformError(r, 404, QStringLiteral("NotFoundException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    r = stranger.post(QStringLiteral("/chatbot/conversation/%1/message").arg(conversation),
        {{QStringLiteral("message"), QStringLiteral("hi")}});
    problem = checkPlatformError(r, 404, QStringLiteral("NotFoundException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    r = stranger.get(QStringLiteral("/escalation/cases/esc-%1-1").arg(conversation));
    problem = checkPlatformError(r, 404, QStringLiteral("NotFoundException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestPlatformApiRoutes::escalationNeedsASupervisorKey()
{
    const QString conversation = startConversation(QStringLiteral("Hello"));
    const SigV4Key agentKey = issueSigV4Key(server(), {}, {}, QStringLiteral("agent"));
    QVERIFY(agentKey.isValid());
    PlatformClient agent(server().port(), agentKey);
    const HttpResult r = agent.post(QStringLiteral("/escalation/cases"),
        {{QStringLiteral("conversation_id"), conversation}, {QStringLiteral("issue_summary"), QStringLiteral("x")}});
    const QString problem = checkPlatformError(r, 403, QStringLiteral("AccessDeniedException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Nothing changed: the conversation is still with the AI.
    auto admin = server().client(api::Role::Admin);
    QCOMPARE(admin->get(QStringLiteral("/api/cs/sessions/") + conversation)
                 .json()
                 .value(QLatin1String("currentTier"))
                 .toString(),
        QStringLiteral("AI_REP"));
}

void TestPlatformApiRoutes::claimedCaseIsInProgressWithItsAssignee()
{
    QVERIFY(server().addAgent(QStringLiteral("agt_ann"), QStringLiteral("Ann Archer"), QStringLiteral("agent"), {}));
    const QString conversation = startConversation(QStringLiteral("Hello"));
    const HttpResult created = m_client->post(QStringLiteral("/escalation/cases"),
        {{QStringLiteral("conversation_id"), conversation},
            {QStringLiteral("issue_summary"), QStringLiteral("Wants a replacement")}});
    QVERIFY2(created.status == 200, describe(created));
    const QString id = created.json().value(QLatin1String("escalation_id")).toString();
    HttpClient ann(server().port(), server().token(api::Role::Agent, {}, 3600, QStringLiteral("agt_ann")));
    const HttpResult claim = ann.post(QStringLiteral("/api/cs/sessions/%1/claim").arg(conversation), {});
    QVERIFY2(claim.status == 200, describe(claim));
    const HttpResult r = m_client->get(QStringLiteral("/escalation/cases/") + id);
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("in_progress"));
    QCOMPARE(r.json().value(QLatin1String("assigned_to")).toString(), QStringLiteral("Ann Archer"));
    QCOMPARE(r.json().value(QLatin1String("priority")).toString(), QStringLiteral("medium"));
    const QJsonArray actions = r.json().value(QLatin1String("actions")).toArray();
    QCOMPARE(actions.size(), 2);
    QCOMPARE(actions.at(1).toObject().value(QLatin1String("action")).toString(), QStringLiteral("assigned"));
    QCOMPARE(actions.at(1).toObject().value(QLatin1String("by")).toString(), QStringLiteral("Ann Archer"));
    // A person has it already: no second case.
    const HttpResult again = m_client->post(QStringLiteral("/escalation/cases"),
        {{QStringLiteral("conversation_id"), conversation},
            {QStringLiteral("issue_summary"), QStringLiteral("Again")}});
    const QString problem = checkPlatformError(again, 400, QStringLiteral("BadRequestException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestPlatformApiRoutes)
#include "tst_platformapi_routes.moc"
