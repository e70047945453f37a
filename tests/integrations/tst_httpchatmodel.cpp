// Each provider kind over real HTTP (libcurl) against a scripted server on
// loopback that speaks that provider's API: what it receives, what we read
// from its answers, and how every kind of failure comes back.

#include "core/integrations/models/HttpChatModel.h"
#include "tests/support/ScriptedModelServer.h"

#include <QJsonArray>
#include <QtTest>

using namespace tierdesk;
using tierdesk::test::ScriptedModelServer;

namespace {

const QByteArray kKey = QByteArrayLiteral("sk-test-0123456789abcdef");

ChatRequest sampleRequest()
{
    ChatRequest r;
    r.model = QStringLiteral("tier-model");
    r.system = QStringLiteral("You word the support team's replies.");
    r.messages = {{ChatMessage::Role::User, QStringLiteral("Where is my order?")},
        {ChatMessage::Role::Assistant, QStringLiteral("Which order do you mean?")},
        {ChatMessage::Role::User, QStringLiteral("ORD-10001")}};
    r.temperature = 0.3;
    r.maxOutputTokens = 120;
    return r;
}

HttpChatModel modelFor(const ScriptedModelServer &server, QByteArray key = kKey)
{
    return HttpChatModel({server.kind(), server.baseUrl(), std::move(key)},
        std::make_shared<CurlOutboundHttp>(AddressPolicy::forModelProviders(false)));
}

QDeadlineTimer seconds(int n)
{
    return QDeadlineTimer(n * 1000);
}

} // namespace

class TestHttpChatModel : public QObject {
    Q_OBJECT

private slots:
    void kinds_data();
    void answerIsRead_data() { kinds_data(); }
    void answerIsRead();
    void requestHasTheProvidersShape_data() { kinds_data(); }
    void requestHasTheProvidersShape();
    void wrongKeyIsTheProvidersErrorWithoutTheKey_data() { kinds_data(); }
    void wrongKeyIsTheProvidersErrorWithoutTheKey();
    void serverErrorCarriesTheProvidersMessage_data() { kinds_data(); }
    void serverErrorCarriesTheProvidersMessage();
    void rateLimitIsRetriedOnceWhenTimeAllows_data() { kinds_data(); }
    void rateLimitIsRetriedOnceWhenTimeAllows();
    void rateLimitBeyondTheDeadlineIsNotWaitedFor_data() { kinds_data(); }
    void rateLimitBeyondTheDeadlineIsNotWaitedFor();
    void malformedAndEmptyAnswersFail_data() { kinds_data(); }
    void malformedAndEmptyAnswersFail();
    void slowProviderTimesOut_data() { kinds_data(); }
    void slowProviderTimesOut();
    void forbiddenAddressesAreNeverContacted();
};

void TestHttpChatModel::kinds_data()
{
    QTest::addColumn<ProviderKind>("kind");
    QTest::newRow("openai") << ProviderKind::OpenAi;
    QTest::newRow("anthropic") << ProviderKind::Anthropic;
    QTest::newRow("ollama") << ProviderKind::Ollama;
}

void TestHttpChatModel::answerIsRead()
{
    QFETCH(ProviderKind, kind);
    ScriptedModelServer server(kind, kind == ProviderKind::Ollama ? QByteArray() : kKey);
    QVERIFY(server.isListening());
    server.setAnswers({server.reply(QStringLiteral("Your order ORD-10001 is on its way."), 321, 12)});
    HttpChatModel model = modelFor(server, kind == ProviderKind::Ollama ? QByteArray() : kKey);

    const Result<ChatCompletion> done = model.complete(sampleRequest(), seconds(10));
    QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().message));
    QCOMPARE(done->text, QStringLiteral("Your order ORD-10001 is on its way."));
    QCOMPARE(done->inputTokens, 321);
    QCOMPARE(done->outputTokens, 12);
    QVERIFY(done->model.endsWith(QLatin1String("-scripted"))); // as the provider named it
    QVERIFY(done->latencyMs >= 0);
    QCOMPARE(server.count(), 1);
}

void TestHttpChatModel::requestHasTheProvidersShape()
{
    QFETCH(ProviderKind, kind);
    ScriptedModelServer server(kind, kKey);
    HttpChatModel model = modelFor(server);
    QVERIFY(model.complete(sampleRequest(), seconds(10)).ok());

    const test::ReceivedRequest got = server.requests().value(0);
    const QJsonObject body = got.json();
    QCOMPARE(got.method, QByteArray("POST"));
    QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("tier-model"));
    QCOMPARE(server.systemPrompt(got), QStringLiteral("You word the support team's replies."));
    QCOMPARE(ScriptedModelServer::lastUserText(got), QStringLiteral("ORD-10001"));
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    const int offset = kind == ProviderKind::Anthropic ? 0 : 1; // the system prompt is a message but in Anthropic's
    QCOMPARE(messages.size(), 3 + offset);
    QCOMPARE(messages.at(offset + 1).toObject().value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
    switch (kind) {
    case ProviderKind::OpenAi:
        QCOMPARE(got.target, QByteArray("/v1/chat/completions"));
        QCOMPARE(got.header("authorization"), "Bearer " + kKey);
        QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 120);
        QCOMPARE(body.value(QLatin1String("temperature")).toDouble(), 0.3);
        break;
    case ProviderKind::Anthropic:
        QCOMPARE(got.target, QByteArray("/v1/messages"));
        QCOMPARE(got.header("x-api-key"), kKey);
        QCOMPARE(got.header("anthropic-version"), QByteArray("2023-06-01"));
        QVERIFY(!got.hasHeader("authorization"));
        QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 120);
        break;
    case ProviderKind::Ollama:
        QCOMPARE(got.target, QByteArray("/api/chat"));
        QCOMPARE(body.value(QLatin1String("stream")).toBool(true), false);
        QCOMPARE(body.value(QLatin1String("options")).toObject().value(QLatin1String("num_predict")).toInt(), 120);
        break;
    }
    QCOMPARE(got.header("content-type"), QByteArray("application/json"));
}

void TestHttpChatModel::wrongKeyIsTheProvidersErrorWithoutTheKey()
{
    QFETCH(ProviderKind, kind);
    ScriptedModelServer server(kind, kKey);
    const QByteArray wrong = QByteArrayLiteral("sk-wrong-key-999");
    // The scripted server quotes the key it refused, as some providers do.
    HttpChatModel model = modelFor(server, wrong);
    const Result<ChatCompletion> done = model.complete(sampleRequest(), seconds(10));
    QVERIFY(!done.ok());
    QCOMPARE(done.error().kind, ErrorKind::Unavailable);
    QCOMPARE(done.error().detail, ErrorDetail::AiFailed);
    QVERIFY2(done.error().message.startsWith(QLatin1String("HTTP 401: ")), qPrintable(done.error().message));
    QVERIFY2(done.error().message.endsWith(QLatin1String("[key]")), qPrintable(done.error().message));
    QVERIFY(!done.error().message.contains(QString::fromLatin1(wrong)));
}

void TestHttpChatModel::serverErrorCarriesTheProvidersMessage()
{
    QFETCH(ProviderKind, kind);
    ScriptedModelServer server(kind);
    server.setAnswers({server.error(500, QStringLiteral("The model\nis overloaded \x1b[2J"))});
    HttpChatModel model = modelFor(server, {});
    const Result<ChatCompletion> done = model.complete(sampleRequest(), seconds(10));
    QVERIFY(!done.ok());
    QCOMPARE(done.error().detail, ErrorDetail::AiFailed);
    QCOMPARE(done.error().message, QStringLiteral("HTTP 500: The model is overloaded [2J")); // one printable line
    QCOMPARE(server.count(), 1); // a 500 is not retried: the local responder answers at once
}

void TestHttpChatModel::rateLimitIsRetriedOnceWhenTimeAllows()
{
    QFETCH(ProviderKind, kind);
    ScriptedModelServer server(kind);
    ScriptedModelServer::Answer limited = server.error(429, QStringLiteral("Rate limit reached"));
    limited.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("0")});
    server.setAnswers({limited, server.reply(QStringLiteral("Second time lucky."))});
    HttpChatModel model = modelFor(server, {});
    const Result<ChatCompletion> done = model.complete(sampleRequest(), seconds(10));
    QVERIFY(done.ok());
    QCOMPARE(done->text, QStringLiteral("Second time lucky."));
    QCOMPARE(server.count(), 2);

    // Once only: two 429s in a row are the provider's answer.
    server.setAnswers({limited});
    const Result<ChatCompletion> again = model.complete(sampleRequest(), seconds(10));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind, ErrorKind::LimitExceeded);
    QCOMPARE(server.count(), 4);
}

void TestHttpChatModel::rateLimitBeyondTheDeadlineIsNotWaitedFor()
{
    QFETCH(ProviderKind, kind);
    ScriptedModelServer server(kind);
    ScriptedModelServer::Answer limited = server.error(429, QStringLiteral("Rate limit reached"));
    limited.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("3600")});
    server.setAnswers({limited});
    HttpChatModel model = modelFor(server, {});
    const Result<ChatCompletion> done = model.complete(sampleRequest(), seconds(10));
    QVERIFY(!done.ok());
    QCOMPARE(done.error().kind, ErrorKind::LimitExceeded);
    QCOMPARE(done.error().details.value(QLatin1String("retryAfter")).toInt(), 3600);
    QCOMPARE(server.count(), 1);
}

void TestHttpChatModel::malformedAndEmptyAnswersFail()
{
    QFETCH(ProviderKind, kind);
    ScriptedModelServer server(kind);
    ScriptedModelServer::Answer notJson;
    notJson.body = "<html>Bad gateway</html>";
    ScriptedModelServer::Answer wrongShape;
    wrongShape.body = R"({"unexpected": true})";
    server.setAnswers({notJson, wrongShape, server.reply(QStringLiteral("   "))});
    HttpChatModel model = modelFor(server, {});
    for (const char *why : {"not a JSON object", "", "no text"}) {
        const Result<ChatCompletion> done = model.complete(sampleRequest(), seconds(10));
        QVERIFY(!done.ok());
        QCOMPARE(done.error().kind, ErrorKind::Unavailable);
        QCOMPARE(done.error().detail, ErrorDetail::AiFailed);
        QVERIFY2(done.error().message.startsWith(QLatin1String("unreadable answer: ") + QLatin1String(why)),
            qPrintable(done.error().message));
    }
}

void TestHttpChatModel::slowProviderTimesOut()
{
    QFETCH(ProviderKind, kind);
    ScriptedModelServer server(kind);
    ScriptedModelServer::Answer slow = server.reply(QStringLiteral("Too late."));
    slow.hang = true;
    server.setAnswers({slow});
    HttpChatModel model = modelFor(server, {});
    const Result<ChatCompletion> done = model.complete(sampleRequest(), QDeadlineTimer(300));
    QVERIFY(!done.ok());
    QCOMPARE(done.error().kind, ErrorKind::Unavailable);
    QCOMPARE(done.error().detail, ErrorDetail::AiTimedOut);
}

void TestHttpChatModel::forbiddenAddressesAreNeverContacted()
{
    const AddressPolicy models = AddressPolicy::forModelProviders(false);
    QVERIFY(models.allows(QHostAddress(QStringLiteral("127.0.0.1")))); // Ollama, llama.cpp on this machine
    QVERIFY(models.allows(QHostAddress(QStringLiteral("::1"))));
    QVERIFY(models.allows(QHostAddress(QStringLiteral("::ffff:127.0.0.1"))));
    QVERIFY(models.check(QHostAddress(QStringLiteral("10.1.2.3")))
                .error()
                .message.contains(QLatin1String("ai/allowPrivateNetworks")));
    QVERIFY(!models.allows(QHostAddress(QStringLiteral("169.254.169.254"))));
    const AddressPolicy withPrivate = AddressPolicy::forModelProviders(true);
    QVERIFY(withPrivate.allows(QHostAddress(QStringLiteral("192.168.1.20"))));
    QVERIFY(!withPrivate.allows(QHostAddress(QStringLiteral("169.254.169.254"))));
    QVERIFY(!withPrivate.allows(QHostAddress(QStringLiteral("fe80::1"))));

    HttpChatModel metadata({ProviderKind::OpenAi, QUrl(QStringLiteral("http://169.254.169.254/v1")), kKey},
        std::make_shared<CurlOutboundHttp>(models));
    const Result<ChatCompletion> done = metadata.complete(sampleRequest(), seconds(5));
    QVERIFY(!done.ok());
    QVERIFY2(done.error().message.contains(QLatin1String("cloud metadata")), qPrintable(done.error().message));
}

QTEST_GUILESS_MAIN(TestHttpChatModel)
#include "tst_httpchatmodel.moc"
