// /api/cs/ai/providers on a real server: an admin registers, lists, tests and removes
// a company's language-model providers; the key is write-only and the test waits on
// the provider off the engine thread.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/ScriptedModelServer.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {
const QByteArray kKey = QByteArrayLiteral("sk-ant-api-key-0123456789");
}

class TestCsApiAi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void registerListTestRemove();
    void refusedInTheFamilysBody();
    void onlyAdminsManageProviders();
    void aSlowProviderHoldsUpNothingElse();
    void aRefusedReplyIsStillPaidFor();

private:
    QJsonObject anthropicBody(const QString &name) const
    {
        return {{QStringLiteral("companyId"), m_server.companyId()}, {QStringLiteral("name"), name},
            {QStringLiteral("kind"), QStringLiteral("anthropic")},
            {QStringLiteral("baseUrl"), m_model->baseUrl().toString()},
            {QStringLiteral("apiKey"), QString::fromLatin1(kKey)}, {QStringLiteral("timeoutMs"), 5000},
            {QStringLiteral("priceInput"), 3}, {QStringLiteral("priceOutput"), 15}};
    }

    ServerFixture m_server;
    std::unique_ptr<ScriptedModelServer> m_model;
    std::unique_ptr<HttpClient> m_admin;
};

void TestCsApiAi::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_model = std::make_unique<ScriptedModelServer>(ProviderKind::Anthropic, kKey);
    QVERIFY(m_model->isListening());
    m_admin = m_server.client(api::Role::Admin);
}

void TestCsApiAi::registerListTestRemove()
{
    HttpResult r = m_admin->get(QStringLiteral("/api/cs/ai/providers"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("providers")).toArray().size(), 0);

    r = m_admin->post(QStringLiteral("/api/cs/ai/providers"), anthropicBody(QStringLiteral("claude")));
    QVERIFY2(r.status == 201, describe(r).constData());
    QCOMPARE(r.json().value(QLatin1String("hasKey")).toBool(), true);
    QCOMPARE(r.json().value(QLatin1String("kind")).toString(), QStringLiteral("anthropic"));
    QCOMPARE(r.json().value(QLatin1String("priceOutput")).toDouble(), 15.0);
    QVERIFY(!r.body.contains(kKey));

    r = m_admin->get(QStringLiteral("/api/cs/ai/providers"));
    QCOMPARE(r.json().value(QLatin1String("providers")).toArray().size(), 1);
    QVERIFY(!r.body.contains(kKey));

    m_model->setAnswers({m_model->reply(QStringLiteral("Hello from Claude."), 12, 4)});
    r = m_admin->post(QStringLiteral("/api/cs/ai/providers/claude/test"),
        {{QStringLiteral("model"), QStringLiteral("claude-haiku")}});
    QVERIFY2(r.status == 200, describe(r).constData());
    QCOMPARE(r.json().value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(r.json().value(QLatin1String("answer")).toString(), QStringLiteral("Hello from Claude."));
    QCOMPARE(r.json().value(QLatin1String("tokens")).toObject().value(QLatin1String("input")).toInt(), 12);
    QCOMPARE(m_model->requests().constLast().header("x-api-key"), kKey);

    m_model->setAnswers({m_model->error(401, QStringLiteral("invalid x-api-key"))});
    r = m_admin->post(QStringLiteral("/api/cs/ai/providers/claude/test"),
        {{QStringLiteral("model"), QStringLiteral("claude-haiku")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("ok")).toBool(), false);
    QCOMPARE(r.json().value(QLatin1String("error")).toString(), QStringLiteral("HTTP 401: invalid x-api-key"));

    // Neither the audit log nor any file of the data directory holds the key.
    r = m_admin->get(withQuery(QStringLiteral("/api/cs/audit"), {{QStringLiteral("companyId"), m_server.companyId()}}));
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("ai.provider.create"));
    QVERIFY(!r.body.contains(kKey));

    QCOMPARE(m_admin->del(QStringLiteral("/api/cs/ai/providers/claude")).status, 204);
    r = m_admin->del(QStringLiteral("/api/cs/ai/providers/claude"));
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r).constData());
}

void TestCsApiAi::refusedInTheFamilysBody()
{
    QJsonObject body = anthropicBody(QStringLiteral("bad"));
    body.insert(QStringLiteral("kind"), QStringLiteral("gemini"));
    HttpResult r = m_admin->post(QStringLiteral("/api/cs/ai/providers"), body);
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
    QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(),
        QStringLiteral("kind"));

    body = anthropicBody(QStringLiteral("meta"));
    body.insert(QStringLiteral("baseUrl"), QStringLiteral("http://169.254.169.254/v1"));
    r = m_admin->post(QStringLiteral("/api/cs/ai/providers"), body);
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
    QVERIFY(r.error().value(QLatin1String("message")).toString().contains(QLatin1String("cloud metadata")));

    body = anthropicBody(QStringLiteral("slow"));
    body.insert(QStringLiteral("timeoutMs"), QStringLiteral("soon"));
    r = m_admin->post(QStringLiteral("/api/cs/ai/providers"), body);
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());

    QCOMPARE(m_admin->post(QStringLiteral("/api/cs/ai/providers"), anthropicBody(QStringLiteral("twice"))).status, 201);
    r = m_admin->post(QStringLiteral("/api/cs/ai/providers"), anthropicBody(QStringLiteral("twice")));
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_022")).isEmpty(), describe(r).constData());

    r = m_admin->post(
        QStringLiteral("/api/cs/ai/providers/none/test"), {{QStringLiteral("model"), QStringLiteral("m")}});
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r).constData());
    r = m_admin->post(QStringLiteral("/api/cs/ai/providers/twice/test"), {{QStringLiteral("model"), 7}});
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
}

void TestCsApiAi::onlyAdminsManageProviders()
{
    for (api::Role role : {api::Role::Agent, api::Role::Supervisor}) {
        auto client = m_server.client(role);
        QVERIFY(checkErrorBody(client->get(QStringLiteral("/api/cs/ai/providers")), 403, QStringLiteral("CS_013"))
                    .isEmpty());
        QVERIFY(checkErrorBody(client->post(QStringLiteral("/api/cs/ai/providers"), anthropicBody(QStringLiteral("x"))),
            403, QStringLiteral("CS_013"))
                    .isEmpty());
        QVERIFY(checkErrorBody(client->del(QStringLiteral("/api/cs/ai/providers/twice")), 403, QStringLiteral("CS_013"))
                    .isEmpty());
    }
}

void TestCsApiAi::aSlowProviderHoldsUpNothingElse()
{
    QCOMPARE(
        m_admin->post(QStringLiteral("/api/cs/ai/providers"), anthropicBody(QStringLiteral("slowpoke"))).status, 201);
    ScriptedModelServer::Answer slow = m_model->reply(QStringLiteral("Finally."));
    slow.delayMs = 3000; // the provider's own delay: the test waits on answers, not on time
    m_model->setAnswers({slow});
    QNetworkAccessManager nam;
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1/api/cs/ai/providers/slowpoke/test").arg(m_server.port())));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_admin->token());
    std::unique_ptr<QNetworkReply> pending(nam.post(request, QByteArrayLiteral("{\"model\":\"claude-haiku\"}")));
    QSignalSpy asked(m_model.get(), &ScriptedModelServer::received);
    QVERIFY(asked.wait(5000)); // the provider has the request now
    // The health check and another admin request are answered while the provider thinks.
    QCOMPARE(m_admin->get(QStringLiteral("/api/cs/health")).status, 200);
    QCOMPARE(m_admin->get(QStringLiteral("/api/cs/ai/providers")).status, 200);
    QVERIFY(!pending->isFinished());
    QSignalSpy done(pending.get(), &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    QCOMPARE(QJsonDocument::fromJson(pending->readAll()).object().value(QLatin1String("answer")).toString(),
        QStringLiteral("Finally."));
}

// The guard refuses the model's words twice and the local responder answers: the message's
// metadata still counts both calls' tokens (seed 002's costs are summed from them).
void TestCsApiAi::aRefusedReplyIsStillPaidFor()
{
    QCOMPARE(
        m_admin->post(QStringLiteral("/api/cs/ai/providers"), anthropicBody(QStringLiteral("overeager"))).status, 201);
    m_model->setAnswers({m_model->reply(QStringLiteral("Good news: I've refunded your $1000."), 42, 7)});
    const QJsonObject ai{{QStringLiteral("provider"), QStringLiteral("overeager")},
        {QStringLiteral("models"),
            QJsonObject{{QStringLiteral("aiRep"), QStringLiteral("claude-haiku")},
                {QStringLiteral("aiManager"), QStringLiteral("claude-sonnet")}}}};
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/cs/config"),
                     {{QStringLiteral("companyId"), m_server.companyId()}, {QStringLiteral("ai"), ai}})
                 .status,
        200);
    const HttpResult created = m_admin->post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), QStringLiteral("cust_paid")));
    QCOMPARE(created.status, 201);
    const QString id = created.json().value(QLatin1String("id")).toString();
    const int before = m_model->count();
    const HttpResult sent = m_admin->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(id),
        {{QStringLiteral("message"), QStringLiteral("Where is my tent? It was due on Monday.")}});
    QVERIFY2(sent.status == 201, describe(sent).constData());
    QCOMPARE(m_model->count() - before, 2); // the reply, and the repair it was sent back for

    const QJsonArray messages
        = m_admin->get(QStringLiteral("/api/cs/sessions/%1").arg(id)).json().value(QLatin1String("messages")).toArray();
    const QJsonObject reply = messages.last().toObject();
    QVERIFY(!reply.value(QLatin1String("content")).toString().contains(QLatin1String("refunded")));
    const QJsonObject meta = reply.value(QLatin1String("metadata")).toObject();
    QCOMPARE(meta.value(QLatin1String("fallback")).toString(), QStringLiteral("guard"));
    // The words are the local responder's; the tokens are the refused model calls', paid all the same.
    QCOMPARE(meta.value(QLatin1String("model")).toString(), QStringLiteral("tierdesk-local-1"));
    QVERIFY(!meta.value(QLatin1String("guardNotes")).toArray().isEmpty());
    const QJsonObject tokens = meta.value(QLatin1String("tokens")).toObject();
    QCOMPARE(tokens.value(QLatin1String("input")).toInt(), 84);
    QCOMPARE(tokens.value(QLatin1String("output")).toInt(), 14);
}

QTEST_GUILESS_MAIN(TestCsApiAi)
#include "tst_csapi_ai.moc"
