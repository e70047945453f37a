// The chat POC API (seed 003) on a real server on 127.0.0.1: a widget key starts a
// session and answers its visitor secret once; the secret sends and reads that
// session only; /api/v1/health; seed 003's error body for bad input.
#include "tests/api/ApiTestSupport.h"

#include "core/api/auth/VisitorSecret.h"

#include <QJsonArray>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject data(const HttpResult &r)
{
    return r.json().value(QLatin1String("data")).toObject();
}

// Seed 003's error body: {"success":false,"error":"<message>","code":"<word>"}, nothing else.
QString checkChatError(const HttpResult &r, int status, const QString &code)
{
    if (r.status != status)
        return QStringLiteral("status %1, expected %2").arg(r.status).arg(status);
    const QJsonObject o = r.json();
    if (o.value(QLatin1String("success")) != QJsonValue(false))
        return QStringLiteral("success is not false");
    if (str(o, "error").isEmpty())
        return QStringLiteral("no error message");
    if (str(o, "code") != code)
        return QStringLiteral("code %1, expected %2").arg(str(o, "code"), code);
    if (o.size() != 3)
        return QStringLiteral("unexpected fields");
    return {};
}

struct ChatSession {
    QString id;
    QByteArray secret;
};

} // namespace

class TestChatApi : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void healthAnswers();
    void sessionNeedsAValidWidgetKey();
    void sessionAnswersItsSecretOnceAndKeepsItHashed();
    void messageIsAnsweredByTheAiAndKeptInHistory();
    void escalationIsReported();
    void theDeskShowsTheVisitorByTheNameTheyGave();
    void twoRepliesWithoutConfidenceGoToAPerson();
    void secretOpensItsOwnSessionOnly();
    void anotherCompanysCredentialsSeeNothing();
    void badInputGetsTheSeedsErrorBody();
    void rateLimitsAnswer429();
    void pagesOnOtherOriginsMayCall();

private:
    bool startServer(const QByteArray &ini);
    QByteArray widgetKey(HttpClient &admin);
    HttpResult startSession(
        const QByteArray &key, const QJsonObject &body = {{QStringLiteral("userId"), QStringLiteral("user123")}});
    ChatSession newSession(const QByteArray &key);
    HttpResult sendMessage(
        const ChatSession &s, const QString &text, const QByteArray &secretHeader = "X-Visitor-Secret");
    HttpResult history(const QString &sessionId, const QByteArray &secret);

    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<HttpClient> m_admin;
    QByteArray m_key;
};

void TestChatApi::init()
{
    QVERIFY(startServer({}));
}

bool TestChatApi::startServer(const QByteArray &ini)
{
    cleanup();
    m_server = std::make_unique<ServerFixture>();
    if (!m_server->start(ini))
        return false;
    m_http = std::make_unique<HttpClient>(m_server->port());
    m_admin = m_server->client(api::Role::Admin);
    m_key = widgetKey(*m_admin);
    return !m_key.isEmpty();
}

void TestChatApi::cleanup()
{
    m_http.reset();
    m_admin.reset();
    m_server.reset();
}

QByteArray TestChatApi::widgetKey(HttpClient &admin)
{
    const HttpResult r = admin.post(QStringLiteral("/api/cs/tokens"),
        {{QStringLiteral("kind"), QStringLiteral("widget")}, {QStringLiteral("name"), QStringLiteral("web")}});
    return r.status == 201 ? str(r.json(), "key").toUtf8() : QByteArray();
}

HttpResult TestChatApi::startSession(const QByteArray &key, const QJsonObject &body)
{
    HeaderList headers;
    if (!key.isEmpty())
        headers.append({"X-Widget-Key", key});
    return m_http->send("POST", QStringLiteral("/api/v1/chat/session"), QJsonDocument(body).toJson(), headers, false);
}

ChatSession TestChatApi::newSession(const QByteArray &key)
{
    const HttpResult r = startSession(key);
    return {str(data(r), "sessionId"), str(data(r), "visitorSecret").toUtf8()};
}

HttpResult TestChatApi::sendMessage(const ChatSession &s, const QString &text, const QByteArray &secretHeader)
{
    const QJsonObject body{{QStringLiteral("sessionId"), s.id}, {QStringLiteral("message"), text},
        {QStringLiteral("userId"), QStringLiteral("user123")}};
    const QByteArray value = secretHeader == "Authorization" ? "Bearer " + s.secret : s.secret;
    return m_http->send(
        "POST", QStringLiteral("/api/v1/chat/message"), QJsonDocument(body).toJson(), {{secretHeader, value}}, false);
}

HttpResult TestChatApi::history(const QString &sessionId, const QByteArray &secret)
{
    HeaderList headers;
    if (!secret.isEmpty())
        headers.append({"X-Visitor-Secret", secret});
    return m_http->send("GET", QStringLiteral("/api/v1/chat/history/") + sessionId, {}, headers, false);
}

void TestChatApi::healthAnswers()
{
    const HttpResult r = m_http->get(QStringLiteral("/api/v1/health"));
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.json(), "status"), QStringLiteral("healthy"));
    QVERIFY(!str(r.json(), "timestamp").isEmpty());
}

void TestChatApi::sessionNeedsAValidWidgetKey()
{
    HttpResult r = startSession({});
    QVERIFY2(checkChatError(r, 401, QStringLiteral("unauthorized")).isEmpty(), describe(r).constData());
    r = startSession("tdw_not_a_key");
    QVERIFY2(checkChatError(r, 401, QStringLiteral("unauthorized")).isEmpty(), describe(r).constData());
    // An API key of the company is not a widget key.
    const HttpResult apiKey = m_admin->post(QStringLiteral("/api/cs/tokens"),
        {{QStringLiteral("kind"), QStringLiteral("apikey")}, {QStringLiteral("name"), QStringLiteral("k")}});
    r = startSession(str(apiKey.json(), "key").toUtf8());
    QVERIFY2(checkChatError(r, 401, QStringLiteral("unauthorized")).isEmpty(), describe(r).constData());
    // A revoked widget key starts nothing.
    const HttpResult made = m_admin->post(QStringLiteral("/api/cs/tokens"),
        {{QStringLiteral("kind"), QStringLiteral("widget")}, {QStringLiteral("name"), QStringLiteral("old")}});
    QCOMPARE(startSession(str(made.json(), "key").toUtf8()).status, 201);
    QCOMPARE(m_admin->del(QStringLiteral("/api/cs/tokens/") + str(made.json(), "id")).status, 200);
    r = startSession(str(made.json(), "key").toUtf8());
    QVERIFY2(checkChatError(r, 401, QStringLiteral("unauthorized")).isEmpty(), describe(r).constData());
    // The key may also come in the body.
    r = startSession({}, {{QStringLiteral("widgetKey"), QString::fromUtf8(m_key)}});
    QCOMPARE(r.status, 201);
    QCOMPARE(str(data(r), "userId"), QStringLiteral("anonymous"));
}

void TestChatApi::sessionAnswersItsSecretOnceAndKeepsItHashed()
{
    const HttpResult r = startSession(m_key,
        {{QStringLiteral("userId"), QStringLiteral("user123")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("page"), QStringLiteral("/pricing")}}}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(QLatin1String("success")), QJsonValue(true));
    const QJsonObject d = data(r);
    const QString id = str(d, "sessionId");
    const QString secret = str(d, "visitorSecret");
    QVERIFY(id.startsWith(QLatin1String("sess_")));
    QVERIFY(secret.startsWith(QLatin1String("tdv_")));
    QCOMPARE(str(d, "userId"), QStringLiteral("user123"));
    QCOMPARE(str(d, "tier"), QStringLiteral("AI_REP"));
    // Stored as its hash only; the session belongs to the key's company and to a customer of its own.
    const QString stored
        = m_server->scalar(QStringLiteral("SELECT secret_hash FROM chat_visitors WHERE session_id = ?"), {id})
              .toString();
    QCOMPARE(stored.toLatin1(), VisitorSecret::hashOf(secret.toLatin1()));
    QCOMPARE(m_server
                 ->scalar(QStringLiteral("SELECT COUNT(*) FROM chat_visitors WHERE secret_hash = ? OR user_id = ?"),
                     {secret, secret})
                 .toInt(),
        0);
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT company_id FROM sessions WHERE id = ?"), {id}).toString(),
        m_server->companyId());
    QVERIFY(m_server->scalar(QStringLiteral("SELECT customer_id FROM sessions WHERE id = ?"), {id})
                .toString()
                .startsWith(QLatin1String("visitor_")));
    QCOMPARE(
        m_server
            ->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'chat.visitor' AND resource = ?"),
                {QVariant(QStringLiteral("session:") + id)})
            .toInt(),
        1);
    // The history never shows the secret again.
    const HttpResult h = history(id, secret.toLatin1());
    QCOMPARE(h.status, 200);
    QVERIFY(!h.body.contains(secret.toLatin1()));
}

void TestChatApi::messageIsAnsweredByTheAiAndKeptInHistory()
{
    const ChatSession s = newSession(m_key);
    QVERIFY(!s.id.isEmpty());
    HttpResult r = sendMessage(s, QStringLiteral("Hello, I need help with my order"));
    QCOMPARE(r.status, 200);
    QVERIFY(!str(data(r), "response").isEmpty());
    QCOMPARE(data(r).value(QLatin1String("escalated")), QJsonValue(false));
    QCOMPARE(str(data(r).value(QLatin1String("reply")).toObject(), "role"), QStringLiteral("assistant"));
    // The secret may come as a bearer token too.
    r = sendMessage(s, QStringLiteral("Thanks"), "Authorization");
    QCOMPARE(r.status, 200);

    const HttpResult h = history(s.id, s.secret);
    QCOMPARE(h.status, 200);
    const QJsonArray messages = data(h).value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 4);
    QCOMPARE(str(messages.at(0).toObject(), "role"), QStringLiteral("user"));
    QCOMPARE(str(messages.at(0).toObject(), "content"), QStringLiteral("Hello, I need help with my order"));
    QCOMPARE(str(messages.at(1).toObject(), "role"), QStringLiteral("assistant"));
    QVERIFY(!str(messages.at(1).toObject(), "content").isEmpty());
    QCOMPARE(str(messages.at(3).toObject(), "content"), str(data(r), "response"));
    // ?limit= keeps the newest.
    const HttpResult last
        = m_http->send("GET", QStringLiteral("/api/v1/chat/history/") + s.id + QStringLiteral("?limit=1"), {},
            {{"X-Visitor-Secret", s.secret}}, false);
    QCOMPARE(data(last).value(QLatin1String("messages")).toArray().size(), 1);
}

void TestChatApi::escalationIsReported()
{
    const ChatSession s = newSession(m_key);
    const HttpResult r = sendMessage(s, QStringLiteral("I want to speak to a human agent"));
    QCOMPARE(r.status, 200);
    QCOMPARE(data(r).value(QLatin1String("escalated")), QJsonValue(true));
    QCOMPARE(data(r).value(QLatin1String("shouldEscalate")), QJsonValue(true));
    QCOMPARE(str(data(r), "tier"), QStringLiteral("HUMAN_AGENT"));
    QCOMPARE(str(data(r).value(QLatin1String("escalation")).toObject(), "reason"), QStringLiteral("CUSTOMER_REQUEST"));
    // An agent's internal note never reaches the visitor's history.
    QCOMPARE(
        m_admin
            ->post(QStringLiteral("/api/cs/sessions/") + s.id + QStringLiteral("/agent-messages"),
                {{QStringLiteral("content"), QStringLiteral("note for staff")}, {QStringLiteral("internal"), true}})
            .status,
        201);
    // A person's reply names them (senderName), as the desk knows them.
    QVERIFY(m_server->addAgent(QStringLiteral("agt_dana"), QStringLiteral("Dana Reyes"), QStringLiteral("agent"), {}));
    HttpClient dana(m_server->port(), m_server->token(api::Role::Agent, {}, 3600, QStringLiteral("agt_dana")));
    const QString session = QStringLiteral("/api/cs/sessions/") + s.id;
    QCOMPARE(dana.post(session + QStringLiteral("/claim"), {}).status, 200);
    QCOMPARE(dana.post(session + QStringLiteral("/agent-messages"),
                     {{QStringLiteral("content"), QStringLiteral("Hi, Dana here")}})
                 .status,
        201);
    const HttpResult h = history(s.id, s.secret);
    QCOMPARE(h.status, 200);
    QVERIFY(!h.body.contains("note for staff"));
    const QJsonArray messages = data(h).value(QLatin1String("messages")).toArray();
    QVERIFY(!messages.isEmpty());
    const QJsonObject reply = messages.last().toObject();
    QCOMPARE(str(reply, "content"), QStringLiteral("Hi, Dana here"));
    QCOMPARE(str(reply, "role"), QStringLiteral("agent"));
    QCOMPARE(str(reply, "sender"), QStringLiteral("human_agent"));
    QCOMPARE(str(reply, "senderName"), QStringLiteral("Dana Reyes"));
    // The visitor's and the AI's messages name no one.
    for (qsizetype i = 0; i + 1 < messages.size(); ++i)
        QVERIFY(!messages.at(i).toObject().contains(QLatin1String("senderName")));
}

// Seed 003: "AI confidence score falls below threshold (< 0.5)" escalates; twice in a row
// (the company's complexIssueAfterTurns, 2) hands the visitor to a person, not to the AI
// Manager that /api/cs's COMPLEX_ISSUE rule picks (tst_escalationpolicy, tst_sessionengine).
void TestChatApi::twoRepliesWithoutConfidenceGoToAPerson()
{
    const ChatSession s = newSession(m_key);
    HttpResult r = sendMessage(s, QStringLiteral("blorf zindle quaxx"));
    QCOMPARE(r.status, 200);
    QCOMPARE(data(r).value(QLatin1String("escalated")), QJsonValue(false));
    QCOMPARE(str(data(r), "tier"), QStringLiteral("AI_REP"));
    r = sendMessage(s, QStringLiteral("flimble wop snarg"));
    QCOMPARE(r.status, 200);
    QCOMPARE(data(r).value(QLatin1String("escalated")), QJsonValue(true));
    QCOMPARE(str(data(r), "tier"), QStringLiteral("HUMAN_AGENT"));
    QCOMPARE(str(data(r).value(QLatin1String("escalation")).toObject(), "reason"), QStringLiteral("COMPLEX_ISSUE"));
}

void TestChatApi::theDeskShowsTheVisitorByTheNameTheyGave()
{
    const HttpResult named = startSession(m_key, {{QStringLiteral("userId"), QStringLiteral("  Maria   Lopez ")}});
    const HttpResult anonymous = startSession(m_key, QJsonObject{});
    QCOMPARE(named.status, 201);
    QCOMPARE(anonymous.status, 201);
    const ChatSession maria{str(data(named), "sessionId"), str(data(named), "visitorSecret").toUtf8()};
    const ChatSession nobody{str(data(anonymous), "sessionId"), str(data(anonymous), "visitorSecret").toUtf8()};
    for (const ChatSession &s : {maria, nobody})
        QCOMPARE(
            data(sendMessage(s, QStringLiteral("I want to speak to a human agent"))).value(QLatin1String("escalated")),
            QJsonValue(true));
    QHash<QString, QString> names; // session -> the queue's customer name
    const HttpResult queue = m_admin->get(QStringLiteral("/api/cs/queue?companyId=") + m_server->companyId());
    QCOMPARE(queue.status, 200);
    for (const QJsonValue &v : queue.json().value(QLatin1String("items")).toArray())
        names.insert(
            str(v.toObject(), "sessionId"), str(v.toObject().value(QLatin1String("customer")).toObject(), "name"));
    QCOMPARE(names.value(maria.id, QStringLiteral("?")), QStringLiteral("Maria Lopez"));
    QCOMPARE(names.value(nobody.id, QStringLiteral("?")), QString());
    const QJsonObject context = m_admin->get(QStringLiteral("/api/cs/sessions/") + maria.id)
                                    .json()
                                    .value(QLatin1String("context"))
                                    .toObject();
    QCOMPARE(str(context.value(QLatin1String("customer")).toObject(), "name"), QStringLiteral("Maria Lopez"));
}

void TestChatApi::secretOpensItsOwnSessionOnly()
{
    const ChatSession a = newSession(m_key);
    const ChatSession b = newSession(m_key);
    QVERIFY(!a.id.isEmpty() && !b.id.isEmpty() && a.secret != b.secret);
    HttpResult r = history(a.id, {});
    QVERIFY2(checkChatError(r, 401, QStringLiteral("unauthorized")).isEmpty(), describe(r).constData());
    r = history(a.id, b.secret);
    QVERIFY2(checkChatError(r, 404, QStringLiteral("not_found")).isEmpty(), describe(r).constData());
    r = history(QStringLiteral("sess_unknown"), a.secret);
    QVERIFY2(checkChatError(r, 404, QStringLiteral("not_found")).isEmpty(), describe(r).constData());
    r = sendMessage({a.id, b.secret}, QStringLiteral("hello"));
    QVERIFY2(checkChatError(r, 404, QStringLiteral("not_found")).isEmpty(), describe(r).constData());
    // The widget key is not a visitor secret.
    r = history(a.id, m_key);
    QVERIFY2(checkChatError(r, 404, QStringLiteral("not_found")).isEmpty(), describe(r).constData());
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE session_id = ?"), {a.id}).toInt(), 0);
}

void TestChatApi::anotherCompanysCredentialsSeeNothing()
{
    const QString other = m_server->createCompany(QStringLiteral("Other Co"));
    auto otherAdmin = m_server->client(api::Role::Admin, other);
    const QByteArray otherKey = widgetKey(*otherAdmin);
    QVERIFY(!otherKey.isEmpty());
    const ChatSession mine = newSession(m_key);
    const ChatSession theirs = newSession(otherKey);
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT company_id FROM sessions WHERE id = ?"), {theirs.id}).toString(),
        other);
    HttpResult r = history(mine.id, theirs.secret);
    QVERIFY2(checkChatError(r, 404, QStringLiteral("not_found")).isEmpty(), describe(r).constData());
    // Company B's staff do not see company A's chat sessions either.
    r = otherAdmin->get(QStringLiteral("/api/cs/sessions/") + mine.id);
    QCOMPARE(r.status, 404);
    r = m_admin->get(QStringLiteral("/api/cs/sessions/") + mine.id);
    QCOMPARE(r.status, 200);
}

void TestChatApi::badInputGetsTheSeedsErrorBody()
{
    const ChatSession s = newSession(m_key);
    const auto post = [this, &s](const QString &path, const QByteArray &body) {
        return m_http->send("POST", path, body, {{"X-Widget-Key", m_key}, {"X-Visitor-Secret", s.secret}}, false);
    };
    const QString message = QStringLiteral("/api/v1/chat/message");
    const QList<std::tuple<QString, QByteArray, int, QString>> cases{
        {QStringLiteral("/api/v1/chat/session"), "{not json", 400, QStringLiteral("invalid_request")},
        {QStringLiteral("/api/v1/chat/session"), "[1]", 400, QStringLiteral("invalid_request")},
        {QStringLiteral("/api/v1/chat/session"), R"({"userId":5})", 400, QStringLiteral("invalid_request")},
        {QStringLiteral("/api/v1/chat/session"), "{\"userId\":\"" + QByteArray(129, 'u') + "\"}", 400,
            QStringLiteral("invalid_request")},
        {QStringLiteral("/api/v1/chat/session"), R"({"metadata":"x"})", 400, QStringLiteral("invalid_request")},
        {QStringLiteral("/api/v1/chat/session"), "{\"metadata\":{\"big\":\"" + QByteArray(9000, 'm') + "\"}}", 400,
            QStringLiteral("invalid_request")},
        {message, "{}", 400, QStringLiteral("invalid_request")},
        {message, "{\"sessionId\":\"" + s.id.toUtf8() + "\"}", 400, QStringLiteral("invalid_message")},
        {message, "{\"sessionId\":\"" + s.id.toUtf8() + "\",\"message\":7}", 400, QStringLiteral("invalid_message")},
        {message, "{\"sessionId\":\"" + s.id.toUtf8() + "\",\"message\":\"\"}", 400, QStringLiteral("invalid_message")},
        {message, "{\"sessionId\":\"" + s.id.toUtf8() + "\",\"message\":\"" + QByteArray(4001, 'x') + "\"}", 400,
            QStringLiteral("invalid_message")},
    };
    for (const auto &[path, body, status, code] : cases) {
        const HttpResult r = post(path, body);
        QVERIFY2(
            checkChatError(r, status, code).isEmpty(), QByteArray(body.left(40) + " -> " + describe(r)).constData());
    }
    HttpResult r = m_http->send("GET", QStringLiteral("/api/v1/chat/history/") + s.id + QStringLiteral("?limit=0"), {},
        {{"X-Visitor-Secret", s.secret}}, false);
    QVERIFY2(checkChatError(r, 400, QStringLiteral("invalid_request")).isEmpty(), describe(r).constData());
    r = m_http->get(QStringLiteral("/api/v1/nothing-here"));
    QVERIFY2(checkChatError(r, 404, QStringLiteral("not_found")).isEmpty(), describe(r).constData());
    r = m_http->send("DELETE", QStringLiteral("/api/v1/chat/session"), {}, {}, false);
    QCOMPARE(r.json().value(QLatin1String("success")), QJsonValue(false));
    QVERIFY(r.status == 404 || r.status == 405);
    // Nothing of that reached the session.
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE session_id = ?"), {s.id}).toInt(), 0);
}

void TestChatApi::rateLimitsAnswer429()
{
    QVERIFY(startServer("[rateLimit]\nwindowSeconds=86400\ncreateSession=2\nmessagesPerSession=2\n"));
    const ChatSession s = newSession(m_key);
    QCOMPARE(startSession(m_key).status, 201);
    HttpResult r = startSession(m_key);
    QVERIFY2(checkChatError(r, 429, QStringLiteral("rate_limited")).isEmpty(), describe(r).constData());
    QVERIFY(r.header("Retry-After").toInt() > 0);
    QCOMPARE(sendMessage(s, QStringLiteral("Hello")).status, 200);
    QCOMPARE(sendMessage(s, QStringLiteral("Hello again")).status, 200);
    r = sendMessage(s, QStringLiteral("And again"));
    QVERIFY2(checkChatError(r, 429, QStringLiteral("rate_limited")).isEmpty(), describe(r).constData());
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE session_id = ?"), {s.id}).toInt(), 4);
}

// A widget on a company's own site calls across origins: preflights and answers allow it.
void TestChatApi::pagesOnOtherOriginsMayCall()
{
    const HeaderList asked{{"Origin", "https://shop.example"}, {"Access-Control-Request-Method", "POST"},
        {"Access-Control-Request-Headers", "content-type, x-widget-key"}};
    HttpResult r = m_http->send("OPTIONS", QStringLiteral("/api/v1/chat/session"), {}, asked, false);
    QCOMPARE(r.status, 204);
    QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));
    QVERIFY(r.header("Access-Control-Allow-Methods").contains("POST"));
    QVERIFY(r.header("Access-Control-Allow-Headers").contains("X-Widget-Key"));
    r = m_http->send("OPTIONS", QStringLiteral("/api/v1/chat/history/sess_x"), {}, asked, false);
    QCOMPARE(r.status, 204);
    QVERIFY(r.header("Access-Control-Allow-Headers").contains("X-Visitor-Secret"));
    const ChatSession s = newSession(m_key);
    QCOMPARE(history(s.id, s.secret).header("Access-Control-Allow-Origin"), QByteArray("*"));
    QCOMPARE(history(s.id, {}).header("Access-Control-Allow-Origin"), QByteArray("*")); // errors too
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/health")).header("Access-Control-Allow-Origin"), QByteArray("*"));
    // The CS API is not opened to other origins by this.
    QVERIFY(!m_http->get(QStringLiteral("/api/cs/health")).hasHeader("Access-Control-Allow-Origin"));
}

QTEST_MAIN(TestChatApi)
#include "tst_chatapi.moc"
