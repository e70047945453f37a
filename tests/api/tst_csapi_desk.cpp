// The agent desk on a real server: queue, claim (also two at once), replies
// reaching the customer's WebSocket, notes hidden from client tokens, basedOn,
// transfer back to the AI, a person's resolve, SLA warning and breach on a
// FakeClock, and the events the console lives on.
#include "core/common/Time.h"
#include "tests/api/ApiTestSupport.h"
#include "tests/api/WsClient.h"
#include "tests/support/FakeClock.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestCsApiDesk : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void queueClaimReplyNoteTransferResolve();
    void simultaneousClaimsOneWins();
    void staleReplyNeedsForce();
    void repliesAreChecked();
    void agentCannotWriteAsTheCustomer();
    void supervisorAssignsAndReleases();
    void replyClaimsAnUnclaimedSession();
    void transferToAnotherQueue();
    void handoverTellsWhenAPersonAnswers();
    void notifyOnEscalationSignal();
    void slaWarningThenBreachFirstInQueue();
    void queueParamsAreChecked();
    void supervisorOverview();
    void analyticsCountThePeoplesDesk();

private:
    // A session of cust_ben, escalated to HUMAN_AGENT through the API.
    QString escalatedSession(const QString &reason = QStringLiteral("CUSTOMER_REQUEST"),
        const QString &text = QStringLiteral("Where is my order ORD-10001?"));
    QString path(const QString &sessionId, const char *what) const
    {
        return QStringLiteral("/api/cs/sessions/") + sessionId + QLatin1Char('/') + QLatin1String(what);
    }
    QJsonObject queueItem(HttpClient &client, const QString &sessionId, QString query = {});
    bool addAgent(const QString &id, const QString &name, const QString &role, const QStringList &queues)
    {
        return m_server.addAgent(id, name, role, queues, m_clock.nowMs());
    }

    FakeClock m_clock;
    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_admin;
    std::unique_ptr<HttpClient> m_ann; // agent, queues orders
    std::unique_ptr<HttpClient> m_bob; // agent, queues complaints
    std::unique_ptr<HttpClient> m_sue; // supervisor
    std::unique_ptr<HttpClient> m_ben; // client token of cust_ben
};

void TestCsApiDesk::initTestCase()
{
    m_server.setClock(&m_clock);
    QString error;
    QVERIFY2(m_server.start("[desk]\nslaCheckSeconds=1\n", false, &error), qPrintable(error));
    QVERIFY(addAgent(
        QStringLiteral("agt_ann"), QStringLiteral("Ann Archer"), QStringLiteral("agent"), {QStringLiteral("orders")}));
    QVERIFY(addAgent(QStringLiteral("agt_bob"), QStringLiteral("Bob Baker"), QStringLiteral("agent"),
        {QStringLiteral("complaints")}));
    QVERIFY(addAgent(QStringLiteral("agt_sue"), QStringLiteral("Sue Stone"), QStringLiteral("supervisor"), {}));
    m_admin = m_server.client(api::Role::Admin);
    m_ann = std::make_unique<HttpClient>(
        m_server.port(), m_server.token(api::Role::Agent, {}, 3600, QStringLiteral("agt_ann")));
    m_bob = std::make_unique<HttpClient>(
        m_server.port(), m_server.token(api::Role::Agent, {}, 3600, QStringLiteral("agt_bob")));
    m_sue = std::make_unique<HttpClient>(
        m_server.port(), m_server.token(api::Role::Supervisor, {}, 3600, QStringLiteral("agt_sue")));
    m_ben = std::make_unique<HttpClient>(m_server.port(), m_server.token(api::Role::Client));
}

void TestCsApiDesk::cleanupTestCase()
{
    m_admin.reset();
    m_ann.reset();
    m_bob.reset();
    m_sue.reset();
    m_ben.reset();
    m_server.stop();
}

QString TestCsApiDesk::escalatedSession(const QString &reason, const QString &text)
{
    const HttpResult created = m_admin->post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), text));
    const QString id = str(created.json(), "id");
    const HttpResult esc = m_admin->post(path(id, "escalate"),
        {{QStringLiteral("reason"), reason}, {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}});
    return created.status == 201 && esc.status == 200 ? id : QString();
}

QJsonObject TestCsApiDesk::queueItem(HttpClient &client, const QString &sessionId, QString query)
{
    const HttpResult r = client.get(QStringLiteral("/api/cs/queue?companyId=") + m_server.companyId() + query);
    for (const QJsonValue &v : r.json().value(QLatin1String("items")).toArray())
        if (str(v.toObject(), "sessionId") == sessionId)
            return v.toObject();
    return {};
}

void TestCsApiDesk::queueClaimReplyNoteTransferResolve()
{
    WsClient console;
    QVERIFY(console.open(m_server.port(), m_ann->token(),
        {{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("companyId"), m_server.companyId()}}));
    const QString id = escalatedSession();
    QVERIFY(!id.isEmpty());
    QVERIFY(!console.waitFor(QStringLiteral("queue.added"), id).isEmpty());

    // The queue lists it, in the orders queue (a shipping question), waiting.
    QJsonObject item = queueItem(*m_ann, id);
    QCOMPARE(str(item, "queue"), QStringLiteral("orders"));
    QCOMPARE(str(item, "reason"), QStringLiteral("CUSTOMER_REQUEST"));
    QCOMPARE(str(item, "fromTier"), QStringLiteral("AI_REP"));
    QVERIFY(item.value(QLatin1String("assignee")).isNull());
    QCOMPARE(str(item.value(QLatin1String("sla")).toObject(), "state"), QStringLiteral("ok"));
    QCOMPARE(str(item.value(QLatin1String("customer")).toObject(), "id"), QStringLiteral("cust_ben"));
    QVERIFY(!str(item.value(QLatin1String("lastMessage")).toObject(), "content").isEmpty());

    WsClient customer;
    QVERIFY(customer.open(m_server.port(), m_ben->token(),
        {{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("sessionId"), id}}));

    // Claim; a second agent's claim is refused and names the holder.
    HttpResult r = m_ann->post(path(id, "claim"), {});
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.json().value(QLatin1String("desk")).toObject().value(QLatin1String("assignee")).toObject(), "id"),
        QStringLiteral("agt_ann"));
    QCOMPARE(m_ann->post(path(id, "claim"), {}).status, 200); // again: still hers
    r = m_bob->post(path(id, "claim"), {});
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_025")).isEmpty(), describe(r).constData());
    QCOMPARE(
        str(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("holder")).toObject(), "name"),
        QStringLiteral("Ann Archer"));
    r = m_bob->post(path(id, "agent-messages"), {{QStringLiteral("content"), QStringLiteral("Hi, Bob here")}});
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_028")).isEmpty(), describe(r).constData());

    // Ann's reply reaches the customer's WebSocket and is in GET session as human_agent.
    r = m_ann->post(path(id, "agent-messages"), {{QStringLiteral("content"), QStringLiteral("Hello Ben, Ann here.")}});
    QCOMPARE(r.status, 201);
    const QJsonObject sent = r.json().value(QLatin1String("message")).toObject();
    QCOMPARE(str(sent, "role"), QStringLiteral("human_agent"));
    QCOMPARE(str(sent.value(QLatin1String("metadata")).toObject(), "agentName"), QStringLiteral("Ann Archer"));
    const QJsonObject live = customer.waitMessage(QStringLiteral("human_agent"));
    QCOMPARE(str(live.value(QLatin1String("data")).toObject().value(QLatin1String("message")).toObject(), "content"),
        QStringLiteral("Hello Ben, Ann here."));
    QJsonArray messages
        = m_ben->get(QStringLiteral("/api/cs/sessions/") + id).json().value(QLatin1String("messages")).toArray();
    QCOMPARE(str(messages.last().toObject(), "role"), QStringLiteral("human_agent"));
    item = queueItem(*m_ann, id);
    QVERIFY(!item.value(QLatin1String("sla")).toObject().value(QLatin1String("firstResponseAt")).isNull());

    // A note: agents see it (GET and WebSocket), the customer's client never does.
    r = m_ann->post(path(id, "agent-messages"),
        {{QStringLiteral("content"), QStringLiteral("Customer sounds patient.")}, {QStringLiteral("internal"), true}});
    QCOMPARE(r.status, 201);
    QCOMPARE(str(r.json().value(QLatin1String("message")).toObject(), "role"), QStringLiteral("internal_note"));
    QVERIFY(!console.waitMessage(QStringLiteral("internal_note")).isEmpty());
    QCOMPARE(
        m_ann->post(path(id, "agent-messages"), {{QStringLiteral("content"), QStringLiteral("One moment please.")}})
            .status,
        201);
    QVERIFY(!customer
                 .waitFor([](const QJsonObject &f) {
                     return f.value(QLatin1String("data"))
                                .toObject()
                                .value(QLatin1String("message"))
                                .toObject()
                                .value(QLatin1String("content"))
                         == QLatin1String("One moment please.");
                 })
                 .isEmpty());
    QCOMPARE(
        customer.find([](const QJsonObject &f) { return WsClient::messageRole(f) == QLatin1String("internal_note"); }),
        -1);
    const auto roles = [](const QJsonArray &list) {
        QStringList out;
        for (const QJsonValue &m : list)
            out << str(m.toObject(), "role");
        return out;
    };
    QVERIFY(
        !roles(m_ben->get(QStringLiteral("/api/cs/sessions/") + id).json().value(QLatin1String("messages")).toArray())
             .contains(QStringLiteral("internal_note")));
    QVERIFY(
        roles(m_ann->get(QStringLiteral("/api/cs/sessions/") + id).json().value(QLatin1String("messages")).toArray())
            .contains(QStringLiteral("internal_note")));

    // The customer writes to the person: stored, pushed, the AI stays silent.
    r = m_ben->post(path(id, "messages"), {{QStringLiteral("message"), QStringLiteral("Thanks, I'll wait.")}});
    QCOMPARE(r.status, 201);
    QVERIFY(r.json().value(QLatin1String("aiResponse")).isNull());
    QVERIFY(!console.waitMessage(QStringLiteral("customer")).isEmpty() || console.find([](const QJsonObject &f) {
        return f.value(QLatin1String("type")) == QLatin1String("message")
            && f.value(QLatin1String("data")).toObject().contains(QLatin1String("customerMessage"));
    }) >= 0);

    // Back to the AI manager: out of the queue, recorded as a transfer, and the AI answers again.
    r = m_ann->post(path(id, "transfer"),
        {{QStringLiteral("targetTier"), QStringLiteral("AI_MANAGER")},
            {QStringLiteral("notes"), QStringLiteral("Only needs tracking details")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.json(), "currentTier"), QStringLiteral("AI_MANAGER"));
    const QJsonObject transfer = r.json().value(QLatin1String("escalationHistory")).toArray().last().toObject();
    QCOMPARE(transfer.value(QLatin1String("transfer")).toBool(), true);
    QCOMPARE(str(transfer, "toTier"), QStringLiteral("AI_MANAGER"));
    QCOMPARE(str(transfer, "reason"), QStringLiteral("CUSTOMER_REQUEST"));
    QVERIFY(!console.waitFor(QStringLiteral("queue.removed"), id).isEmpty());
    QVERIFY(queueItem(*m_ann, id).isEmpty());
    r = m_ben->post(path(id, "messages"), {{QStringLiteral("message"), QStringLiteral("Where is order ORD-10001?")}});
    QCOMPARE(r.status, 201);
    QCOMPARE(str(r.json().value(QLatin1String("aiResponse")).toObject(), "role"), QStringLiteral("ai_manager"));
    QCOMPARE(m_ann->post(path(id, "agent-messages"), {{QStringLiteral("content"), QStringLiteral("x")}}).errorCode(),
        QStringLiteral("CS_026"));

    // Up to a person again, and resolved by her: closing message, resolvedBy, out of the queue.
    QCOMPARE(m_admin
                 ->post(path(id, "escalate"),
                     {{QStringLiteral("reason"), QStringLiteral("COMPLEX_ISSUE")},
                         {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}})
                 .status,
        200);
    QCOMPARE(m_ann->post(path(id, "claim"), {}).status, 200);
    r = m_ann->post(path(id, "resolve"),
        {{QStringLiteral("resolutionType"), QStringLiteral("INFORMATION_PROVIDED")},
            {QStringLiteral("summary"), QStringLiteral("Tracking sent")}});
    QCOMPARE(r.status, 200);
    const QJsonObject by = r.json()
                               .value(QLatin1String("session"))
                               .toObject()
                               .value(QLatin1String("resolution"))
                               .toObject()
                               .value(QLatin1String("resolvedBy"))
                               .toObject();
    QCOMPARE(str(by, "id"), QStringLiteral("agt_ann"));
    QCOMPARE(str(by, "name"), QStringLiteral("Ann Archer"));
    const QJsonObject after = m_ben->get(QStringLiteral("/api/cs/sessions/") + id).json();
    const QJsonObject closing = after.value(QLatin1String("messages")).toArray().last().toObject();
    QCOMPARE(str(closing, "role"), QStringLiteral("human_agent"));
    QVERIFY(closing.value(QLatin1String("metadata")).toObject().value(QLatin1String("closing")).toBool());
    QCOMPARE(
        str(after.value(QLatin1String("resolution")).toObject().value(QLatin1String("resolvedBy")).toObject(), "id"),
        QStringLiteral("agt_ann"));
    QVERIFY(queueItem(*m_ann, id).isEmpty());

    // Every step is in the audit log.
    const HttpResult audit
        = m_sue->get(QStringLiteral("/api/cs/audit?companyId=") + m_server.companyId() + QStringLiteral("&limit=200"));
    QStringList actions;
    for (const QJsonValue &e : audit.json().value(QLatin1String("entries")).toArray())
        actions << str(e.toObject(), "action");
    for (const char *a : {"desk.claim", "desk.reply", "desk.note", "desk.transfer", "desk.resolve"})
        QVERIFY2(actions.contains(QLatin1String(a)), a);
}

void TestCsApiDesk::simultaneousClaimsOneWins()
{
    const QString id = escalatedSession();
    QVERIFY(!id.isEmpty());
    QNetworkAccessManager nam;
    QList<QNetworkReply *> replies;
    for (const QByteArray &token : {m_ann->token(), m_bob->token()}) {
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()) + path(id, "claim")));
        req.setRawHeader("Authorization", "Bearer " + token);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        replies << nam.post(req, QByteArray("{}"));
    }
    QTRY_VERIFY_WITH_TIMEOUT(replies[0]->isFinished() && replies[1]->isFinished(), 10000);
    QList<int> statuses;
    for (QNetworkReply *reply : replies) {
        statuses << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
    }
    std::sort(statuses.begin(), statuses.end());
    QCOMPARE(statuses, (QList<int>{200, 409}));
}

void TestCsApiDesk::staleReplyNeedsForce()
{
    const QString id = escalatedSession();
    QCOMPARE(m_ann->post(path(id, "claim"), {}).status, 200);
    HttpResult r
        = m_ann->post(path(id, "agent-messages"), {{QStringLiteral("content"), QStringLiteral("Looking into it.")}});
    const QString seen = str(r.json().value(QLatin1String("message")).toObject(), "id");
    QCOMPARE(
        m_ben->post(path(id, "messages"), {{QStringLiteral("message"), QStringLiteral("Actually it arrived!")}}).status,
        201);
    r = m_ann->post(path(id, "agent-messages"),
        {{QStringLiteral("content"), QStringLiteral("It ships tomorrow.")}, {QStringLiteral("basedOn"), seen}});
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_027")).isEmpty(), describe(r).constData());
    const QJsonArray newer
        = r.error().value(QLatin1String("details")).toObject().value(QLatin1String("newMessages")).toArray();
    QCOMPARE(newer.size(), 1);
    QCOMPARE(str(newer.first().toObject(), "content"), QStringLiteral("Actually it arrived!"));
    r = m_ann->post(path(id, "agent-messages"),
        {{QStringLiteral("content"), QStringLiteral("Great, glad it arrived.")}, {QStringLiteral("basedOn"), seen},
            {QStringLiteral("force"), true}});
    QCOMPARE(r.status, 201);
    // Based on the newest message: nothing unread, no force needed.
    const QString newest = str(r.json().value(QLatin1String("message")).toObject(), "id");
    QCOMPARE(
        m_ann
            ->post(path(id, "agent-messages"),
                {{QStringLiteral("content"), QStringLiteral("Anything else?")}, {QStringLiteral("basedOn"), newest}})
            .status,
        201);
    r = m_ann->post(path(id, "agent-messages"),
        {{QStringLiteral("content"), QStringLiteral("x")}, {QStringLiteral("basedOn"), QStringLiteral("msg_nope")}});
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
}

void TestCsApiDesk::repliesAreChecked()
{
    const QString id = escalatedSession();
    QCOMPARE(m_ann->post(path(id, "claim"), {}).status, 200);
    HttpResult r = m_ann->post(
        path(id, "agent-messages"), {{QStringLiteral("content"), QStringLiteral("Your order {{order.id}} ships")}});
    QVERIFY2(checkErrorBody(r, 422, QStringLiteral("CS_029")).isEmpty(), describe(r).constData());
    QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("placeholders")).toArray(),
        QJsonArray{QStringLiteral("{{order.id}}")});
    for (const QString &bad : {QString(), QStringLiteral("   "), QString(4001, QLatin1Char('a'))}) {
        r = m_ann->post(path(id, "agent-messages"), {{QStringLiteral("content"), bad}});
        QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
    }
    QCOMPARE(
        m_ann->post(path(id, "agent-messages"), {{QStringLiteral("content"), QString(4000, QLatin1Char('a'))}}).status,
        201);
    r = m_ann->post(path(id, "agent-messages"),
        {{QStringLiteral("content"), QStringLiteral("x")}, {QStringLiteral("internal"), 1}});
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
    // A customer's client has no desk routes; an unknown session is CS_002.
    QCOMPARE(m_ben->post(path(id, "claim"), {}).status, 403);
    QCOMPARE(m_ann->post(path(QStringLiteral("sess_missing"), "claim"), {}).errorCode(), QStringLiteral("CS_002"));
    // A session still with the AI is not in the queue.
    const HttpResult fresh = m_admin->post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), QStringLiteral("cust_ben")));
    r = m_ann->post(path(str(fresh.json(), "id"), "claim"), {});
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_026")).isEmpty(), describe(r).constData());
}

void TestCsApiDesk::agentCannotWriteAsTheCustomer()
{
    // Once, an agent's text posted to /messages was stored as the customer's.
    const QString id = escalatedSession();
    QCOMPARE(m_ann->post(path(id, "claim"), {}).status, 200);
    const HttpResult r = m_ann->post(path(id, "messages"), {{QStringLiteral("message"), QStringLiteral("Agent text")}});
    QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r).constData());
    for (const QJsonValue &m :
        m_ann->get(QStringLiteral("/api/cs/sessions/") + id).json().value(QLatin1String("messages")).toArray())
        QVERIFY(str(m.toObject(), "content") != QLatin1String("Agent text"));
}

void TestCsApiDesk::supervisorAssignsAndReleases()
{
    const QString id = escalatedSession();
    HttpResult r = m_ann->post(path(id, "assign"), {{QStringLiteral("agentId"), QStringLiteral("agt_bob")}});
    QCOMPARE(r.status, 403);
    r = m_sue->post(path(id, "assign"), {{QStringLiteral("agentId"), QStringLiteral("agt_nobody")}});
    QCOMPARE(r.status, 404);
    r = m_sue->post(path(id, "assign"), {{QStringLiteral("agentId"), QStringLiteral("agt_bob")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(
        str(queueItem(*m_bob, id, QStringLiteral("&assignee=me")).value(QLatin1String("assignee")).toObject(), "id"),
        QStringLiteral("agt_bob"));
    QVERIFY(queueItem(*m_bob, id, QStringLiteral("&assignee=none")).isEmpty());
    // Only the holder (or a supervisor) releases.
    r = m_ann->post(path(id, "release"), {});
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_028")).isEmpty(), describe(r).constData());
    QCOMPARE(m_bob->post(path(id, "release"), {}).status, 200);
    QVERIFY(queueItem(*m_bob, id).value(QLatin1String("assignee")).isNull());
    QVERIFY(!queueItem(*m_bob, id, QStringLiteral("&assignee=none")).isEmpty());
    QCOMPARE(m_ann->post(path(id, "claim"), {}).status, 200);
    QCOMPARE(m_sue->post(path(id, "release"), {}).status, 200);
    // Nobody holds it: a note claims nothing.
    QCOMPARE(m_ann
                 ->post(path(id, "agent-messages"),
                     {{QStringLiteral("content"), QStringLiteral("note")}, {QStringLiteral("internal"), true}})
                 .status,
        201);
    QVERIFY(queueItem(*m_ann, id).value(QLatin1String("assignee")).isNull());
}

// Once, a reply to a session nobody held was sent and left it unclaimed
// (desk.assignee null), so a second person could answer the same customer.
void TestCsApiDesk::replyClaimsAnUnclaimedSession()
{
    const QString id = escalatedSession();
    QVERIFY(!id.isEmpty());
    QVERIFY(queueItem(*m_sue, id).value(QLatin1String("assignee")).isNull());
    const auto claimedCount = [this] {
        const QJsonObject counts = m_sue->get(QStringLiteral("/api/cs/queue?companyId=") + m_server.companyId())
                                       .json()
                                       .value(QLatin1String("counts"))
                                       .toObject();
        return counts.value(QLatin1String("orders")).toObject().value(QLatin1String("claimed")).toInt();
    };
    const int claimedBefore = claimedCount();

    // The supervisor's reply claims it for her: GET session, the queue and its counts say so.
    HttpResult r = m_sue->post(path(id, "agent-messages"), {{QStringLiteral("content"), QStringLiteral("Sue here.")}});
    QVERIFY2(r.status == 201, describe(r).constData());
    const QJsonObject desk
        = m_sue->get(QStringLiteral("/api/cs/sessions/") + id).json().value(QLatin1String("desk")).toObject();
    QCOMPARE(str(desk.value(QLatin1String("assignee")).toObject(), "id"), QStringLiteral("agt_sue"));
    QCOMPARE(str(desk.value(QLatin1String("assignee")).toObject(), "name"), QStringLiteral("Sue Stone"));
    QVERIFY(!desk.value(QLatin1String("claimedAt")).isNull());
    QCOMPARE(claimedCount(), claimedBefore + 1);
    QCOMPARE(str(queueItem(*m_ann, id, QStringLiteral("&assignee=agt_sue")), "sessionId"), id);

    // Now it is hers: another person's reply is refused with the holder named, and not stored.
    for (HttpClient *other : {m_ann.get(), m_admin.get()}) {
        r = other->post(path(id, "agent-messages"), {{QStringLiteral("content"), QStringLiteral("Me too!")}});
        QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_028")).isEmpty(), describe(r).constData());
        QCOMPARE(
            str(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("holder")).toObject(), "id"),
            QStringLiteral("agt_sue"));
    }
    for (const QJsonValue &m :
        m_sue->get(QStringLiteral("/api/cs/sessions/") + id).json().value(QLatin1String("messages")).toArray())
        QVERIFY(str(m.toObject(), "content") != QLatin1String("Me too!"));
    // A note needs no claim; her next reply goes through; the claim is audited.
    QCOMPARE(m_ann
                 ->post(path(id, "agent-messages"),
                     {{QStringLiteral("content"), QStringLiteral("FYI")}, {QStringLiteral("internal"), true}})
                 .status,
        201);
    QCOMPARE(
        m_sue->post(path(id, "agent-messages"), {{QStringLiteral("content"), QStringLiteral("Still here.")}}).status,
        201);
    int claims = 0;
    const QJsonArray audit
        = m_admin->get(
                     QStringLiteral("/api/cs/audit?companyId=") + m_server.companyId() + QStringLiteral("&limit=1000"))
              .json()
              .value(QLatin1String("entries"))
              .toArray();
    for (const QJsonValue &e : audit)
        if (str(e.toObject(), "action") == QLatin1String("desk.claim")
            && str(e.toObject(), "resource") == QStringLiteral("session:") + id)
            ++claims;
    QCOMPARE(claims, 1);
}

void TestCsApiDesk::transferToAnotherQueue()
{
    const QString id = escalatedSession();
    QCOMPARE(m_ann->post(path(id, "claim"), {}).status, 200);
    HttpResult r = m_ann->post(path(id, "transfer"),
        {{QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")},
            {QStringLiteral("queue"), QStringLiteral("nowhere")}});
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
    r = m_ann->post(path(id, "transfer"), {{QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}});
    QCOMPARE(r.status, 400);
    r = m_ann->post(path(id, "transfer"),
        {{QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")},
            {QStringLiteral("queue"), QStringLiteral("complaints")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.json(), "currentTier"), QStringLiteral("HUMAN_AGENT"));
    const QJsonObject item = queueItem(*m_bob, id);
    QCOMPARE(str(item, "queue"), QStringLiteral("complaints"));
    QVERIFY(item.value(QLatin1String("assignee")).isNull());
    QCOMPARE(m_bob->post(path(id, "claim"), {}).status, 200);
}

void TestCsApiDesk::handoverTellsWhenAPersonAnswers()
{
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/cs/config"),
                     {{QStringLiteral("companyId"), m_server.companyId()},
                         {QStringLiteral("tiers"),
                             QJsonObject{{QStringLiteral("humanAgent"),
                                 QJsonObject{{QStringLiteral("escalationPhone"), QStringLiteral("+1 555 0100")}}}}}})
                 .status,
        200);
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions"),
        sessionBody(m_server.companyId(), QStringLiteral("cust_ben"),
            QStringLiteral("I want to talk to a real person please")));
    QCOMPARE(r.status, 201);
    QCOMPARE(str(r.json(), "currentTier"), QStringLiteral("HUMAN_AGENT"));
    const QString reply = str(r.json().value(QLatin1String("messages")).toArray().last().toObject(), "content");
    QVERIFY2(reply.contains(QLatin1String("within an hour")) && reply.contains(QLatin1String("+1 555 0100")),
        qPrintable(reply));
    QVERIFY(!queueItem(*m_ann, str(r.json(), "id")).isEmpty());
}

void TestCsApiDesk::notifyOnEscalationSignal()
{
    QSignalSpy queued(&m_server.runtime().desk(), &Desk::escalationQueued);
    const QString first = escalatedSession();
    QTRY_COMPARE(queued.size(), 1);
    QCOMPARE(queued.first().at(1).toJsonObject().value(QLatin1String("sessionId")).toString(), first);
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/cs/config"),
                     {{QStringLiteral("companyId"), m_server.companyId()},
                         {QStringLiteral("tiers"),
                             QJsonObject{{QStringLiteral("humanAgent"),
                                 QJsonObject{{QStringLiteral("notifyOnEscalation"), false}}}}}})
                 .status,
        200);
    const QString second = escalatedSession();
    QVERIFY(!queueItem(*m_ann, second).isEmpty()); // committed and listed, yet no signal
    QCOMPARE(queued.size(), 1);
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/cs/config"),
                     {{QStringLiteral("companyId"), m_server.companyId()},
                         {QStringLiteral("tiers"),
                             QJsonObject{{QStringLiteral("humanAgent"),
                                 QJsonObject{{QStringLiteral("notifyOnEscalation"), true}}}}}})
                 .status,
        200);
}

void TestCsApiDesk::slaWarningThenBreachFirstInQueue()
{
    // Normal items must answer within a minute here; urgent ones keep 5 minutes.
    HttpResult r = m_admin->put(QStringLiteral("/api/cs/config"),
        {{QStringLiteral("companyId"), m_server.companyId()},
            {QStringLiteral("desk"),
                QJsonObject{{QStringLiteral("sla"),
                    QJsonObject{
                        {QStringLiteral("normal"), QJsonObject{{QStringLiteral("firstResponseMinutes"), 1}}}}}}}});
    QCOMPARE(r.status, 200);
    r = m_admin->put(QStringLiteral("/api/cs/config"),
        {{QStringLiteral("companyId"), m_server.companyId()},
            {QStringLiteral("desk"), QJsonObject{{QStringLiteral("warningAt"), 2}}}});
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());

    WsClient console;
    QVERIFY(console.open(m_server.port(), m_ann->token(),
        {{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("companyId"), m_server.companyId()}}));
    const QString urgent = escalatedSession(QStringLiteral("LEGAL_MENTION"));
    m_clock.advanceSecs(1);
    const QString normal = escalatedSession(QStringLiteral("CUSTOMER_REQUEST"));
    QCOMPARE(str(queueItem(*m_ann, urgent), "priority"), QStringLiteral("urgent"));
    QCOMPARE(str(queueItem(*m_ann, normal), "priority"), QStringLiteral("normal"));

    m_clock.advanceSecs(46); // 0.75 of a minute
    const QJsonObject warning = console.waitFor(QStringLiteral("sla.warning"), normal);
    QCOMPARE(str(warning.value(QLatin1String("data")).toObject().value(QLatin1String("sla")).toObject(), "state"),
        QStringLiteral("warning"));
    m_clock.advanceSecs(15);
    const QJsonObject breached = console.waitFor(QStringLiteral("sla.breached"), normal);
    QVERIFY(!breached.isEmpty());
    QCOMPARE(str(queueItem(*m_ann, urgent).value(QLatin1String("sla")).toObject(), "state"), QStringLiteral("ok"));

    // Breached sorts before a more urgent item that is on time.
    const QJsonArray items = m_ann->get(QStringLiteral("/api/cs/queue?companyId=") + m_server.companyId())
                                 .json()
                                 .value(QLatin1String("items"))
                                 .toArray();
    QStringList order;
    for (const QJsonValue &v : items)
        order << str(v.toObject(), "sessionId");
    QVERIFY(order.indexOf(normal) >= 0 && order.indexOf(normal) < order.indexOf(urgent));
    const HttpResult q = m_ann->get(QStringLiteral("/api/cs/queue?companyId=") + m_server.companyId());
    QVERIFY(q.json()
                .value(QLatin1String("counts"))
                .toObject()
                .value(QLatin1String("orders"))
                .toObject()
                .value(QLatin1String("breached"))
                .toInt()
        >= 1);

    // Each state is announced once.
    m_clock.advanceSecs(60);
    QCOMPARE(m_ann->post(path(normal, "claim"), {}).status, 200); // an event after the next SLA rounds
    QVERIFY(!console.waitFor(QStringLiteral("queue.updated"), normal).isEmpty());
    QVERIFY(console.waitFor(QStringLiteral("sla.breached"), normal, 1500).isEmpty());
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/cs/config"),
                     {{QStringLiteral("companyId"), m_server.companyId()},
                         {QStringLiteral("desk"),
                             QJsonObject{{QStringLiteral("sla"),
                                 QJsonObject{{QStringLiteral("normal"),
                                     QJsonObject{{QStringLiteral("firstResponseMinutes"), 60}}}}}}}})
                 .status,
        200);
}

void TestCsApiDesk::queueParamsAreChecked()
{
    const QString base = QStringLiteral("/api/cs/queue?companyId=") + m_server.companyId();
    HttpResult r = m_ann->get(base + QStringLiteral("&limit=0"));
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
    r = m_ann->get(base + QStringLiteral("&queue=nope"));
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
    r = m_ann->get(QStringLiteral("/api/cs/queue"));
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_005")).isEmpty(), describe(r).constData());
    QCOMPARE(m_ben->get(base).status, 403);
    r = m_ann->get(base + QStringLiteral("&queue=orders&limit=2"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.json().value(QLatin1String("items")).toArray().size() <= 2);
    for (const QJsonValue &v : r.json().value(QLatin1String("items")).toArray())
        QCOMPARE(str(v.toObject(), "queue"), QStringLiteral("orders"));
    QVERIFY(r.json().value(QLatin1String("total")).toInt() >= r.json().value(QLatin1String("items")).toArray().size());
}

void TestCsApiDesk::supervisorOverview()
{
    const QString overviewPath = QStringLiteral("/api/cs/desk/overview?companyId=") + m_server.companyId();
    QCOMPARE(m_ann->get(overviewPath).status, 403); // supervisors and admins only
    const auto queueOf = [](const QJsonObject &overview, const QString &name) {
        for (const QJsonValue &v : overview.value(QLatin1String("queues")).toArray())
            if (str(v.toObject(), "queue") == name)
                return v.toObject();
        return QJsonObject();
    };
    const auto sessionsOf = [](const QJsonObject &overview, const QString &agentId) {
        for (const QJsonValue &v : overview.value(QLatin1String("agents")).toArray())
            if (str(v.toObject(), "id") == agentId)
                return v.toObject().value(QLatin1String("sessions")).toArray();
        return QJsonArray();
    };
    const QJsonObject before = m_sue->get(overviewPath).json();
    const QJsonObject ordersBefore = queueOf(before, QStringLiteral("orders"));
    QVERIFY2(!ordersBefore.isEmpty(), QJsonDocument(before).toJson().constData());
    QVERIFY(!queueOf(before, QStringLiteral("complaints")).isEmpty()); // every configured queue, even empty
    // The breach of the SLA test counts as missed today.
    QVERIFY(ordersBefore.value(QLatin1String("slaToday")).toObject().value(QLatin1String("missed")).toInt() >= 1);

    const QString id = escalatedSession();
    QVERIFY(!id.isEmpty());
    m_clock.advanceSecs(30);
    QJsonObject now = m_sue->get(overviewPath).json();
    QJsonObject orders = queueOf(now, QStringLiteral("orders"));
    QCOMPARE(orders.value(QLatin1String("waiting")).toInt(), ordersBefore.value(QLatin1String("waiting")).toInt() + 1);
    QVERIFY(orders.value(QLatin1String("longestWaitSeconds")).toInt() >= 30);
    QVERIFY(!orders.value(QLatin1String("oldestWaitingSince")).isNull());

    // Claimed: Ann holds it, with the customer's name.
    QCOMPARE(m_ann->post(path(id, "claim"), {}).status, 200);
    now = m_sue->get(overviewPath).json();
    bool found = false;
    for (const QJsonValue &v : sessionsOf(now, QStringLiteral("agt_ann")))
        if (str(v.toObject(), "sessionId") == id) {
            found = true;
            QCOMPARE(str(v.toObject(), "queue"), QStringLiteral("orders"));
            QVERIFY(!str(v.toObject(), "customerName").isEmpty());
            QCOMPARE(str(v.toObject(), "slaState"), QStringLiteral("ok"));
        }
    QVERIFY2(found, QJsonDocument(now).toJson().constData());
    QVERIFY(!str(now.value(QLatin1String("agents")).toArray().at(0).toObject(), "presence").isEmpty());

    // Resolved on time: one more SLA met today, and the attainment follows.
    QCOMPARE(m_ann
                 ->post(path(id, "resolve"),
                     {{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")},
                         {QStringLiteral("summary"), QStringLiteral("Sorted")}})
                 .status,
        200);
    now = m_sue->get(overviewPath).json();
    const QJsonObject slaBefore = ordersBefore.value(QLatin1String("slaToday")).toObject();
    const QJsonObject sla = queueOf(now, QStringLiteral("orders")).value(QLatin1String("slaToday")).toObject();
    QCOMPARE(sla.value(QLatin1String("met")).toInt(), slaBefore.value(QLatin1String("met")).toInt() + 1);
    QCOMPARE(sla.value(QLatin1String("missed")).toInt(), slaBefore.value(QLatin1String("missed")).toInt());
    const int met = sla.value(QLatin1String("met")).toInt(), missed = sla.value(QLatin1String("missed")).toInt();
    QCOMPARE(sla.value(QLatin1String("attainment")).toDouble(), qRound(met * 1000.0 / (met + missed)) / 10.0);
    QCOMPARE(m_sue->get(QStringLiteral("/api/cs/desk/overview?companyId=nope")).status, 404);
}

void TestCsApiDesk::analyticsCountThePeoplesDesk()
{
    // Queued, answered by Ann a minute later, resolved two minutes after that: one item
    // handled within its SLA, first response 60 s, handled in 180 s.
    const QString id = escalatedSession();
    QVERIFY(!id.isEmpty());
    m_clock.advanceSecs(60);
    QCOMPARE(m_ann->post(path(id, "claim"), {}).status, 200);
    QCOMPARE(
        m_ann->post(path(id, "agent-messages"), {{QStringLiteral("content"), QStringLiteral("Ann here, looking now.")}})
            .status,
        201);
    m_clock.advanceSecs(120);
    QCOMPARE(m_ann
                 ->post(path(id, "resolve"),
                     {{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")},
                         {QStringLiteral("summary"), QStringLiteral("Sorted")}})
                 .status,
        200);
    const auto analytics = [this](qint64 fromMs, qint64 toMs, const QString &extra = {}) {
        return m_sue
            ->get(QStringLiteral("/api/cs/analytics?companyId=%1&startDate=%2&endDate=%3%4")
                      .arg(m_server.companyId(), timefmt::iso(fromMs), timefmt::iso(toMs), extra))
            .json();
    };
    const qint64 now = m_clock.nowMs();
    QJsonObject desk = analytics(now - 1000, now + 1000).value(QLatin1String("desk")).toObject();
    QCOMPARE(desk.value(QLatin1String("handled")).toInt(), 1);
    QCOMPARE(desk.value(QLatin1String("slaMet")).toInt(), 1);
    QCOMPARE(desk.value(QLatin1String("slaMissed")).toInt(), 0);
    QCOMPARE(desk.value(QLatin1String("slaAttainment")).toDouble(), 100.0);
    QCOMPARE(desk.value(QLatin1String("avgFirstResponseTime")).toInt(), 60);
    QCOMPARE(desk.value(QLatin1String("avgHandleTime")).toInt(), 180);
    // Before it left the desk nothing was handled; the range is by when items left it.
    desk = analytics(now - 10000, now - 5000).value(QLatin1String("desk")).toObject();
    QCOMPARE(desk.value(QLatin1String("handled")).toInt(), 0);
    QVERIFY(desk.value(QLatin1String("slaAttainment")).isNull());
    // Over the whole test every item that left the desk is met or missed.
    desk = analytics(0, now + 1000).value(QLatin1String("desk")).toObject();
    QVERIFY(desk.value(QLatin1String("handled")).toInt() >= 2);
    QCOMPARE(desk.value(QLatin1String("slaMet")).toInt() + desk.value(QLatin1String("slaMissed")).toInt(),
        desk.value(QLatin1String("handled")).toInt());

    // The timeline carries each period's satisfaction: one day's equals the overview's.
    const QJsonObject day
        = analytics(now - now % 86400000, now - now % 86400000 + 86399999, QStringLiteral("&groupBy=day"));
    const QJsonArray timeline = day.value(QLatin1String("timeline")).toArray();
    QCOMPARE(timeline.size(), 1);
    QCOMPARE(timeline.at(0).toObject().value(QLatin1String("customerSatisfactionAvg")).toDouble(),
        day.value(QLatin1String("overview")).toObject().value(QLatin1String("customerSatisfactionAvg")).toDouble());
    QVERIFY(timeline.at(0).toObject().value(QLatin1String("customerSatisfactionAvg")).toDouble() >= 1.0);
}

QTEST_GUILESS_MAIN(TestCsApiDesk)
#include "tst_csapi_desk.moc"
