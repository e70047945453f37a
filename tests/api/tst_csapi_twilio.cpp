// SMS and WhatsApp end to end: the real server on loopback with the company's Twilio channel set
// through the CS API, the scripted Twilio (tests/support/ScriptedTwilioServer) sending signed
// webhooks as Twilio does and taking the AI's answers on its Messages API. What reaches the
// engine, what Twilio is sent, and what the desk sees of the deliveries.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/FakeClock.h"
#include "tests/support/ScriptedTwilioServer.h"

#include "core/api/twilio/TwilioFamily.h"
#include "core/runtime/Runtime.h"

#include <QJsonArray>
#include <QtTest>

#include <memory>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

const QString kSid = QStringLiteral("AC0123456789abcdef0123456789abcdef");
const QString kToken = QStringLiteral("f0e1d2c3b4a5968778695a4b3c2d1e0f");
const QString kNumber = QStringLiteral("+15550100");
const QString kWhatsApp = QStringLiteral("whatsapp:+15550100");
const QString kCustomerPhone = QStringLiteral("+14155550134");
constexpr int kWaitMs = 15000;

QString messageSid(int n)
{
    return QStringLiteral("SM%1").arg(n, 32, 10, QLatin1Char('0'));
}

} // namespace

class TestCsApiTwilio : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void anSmsIsAnsweredOnTheCustomersPhone();
    void aBadSignatureStoresNothing();
    void aRepeatedMessageSidIsStoredOnce();
    void whatsAppIsAChatFromWhatsApp();
    void aResolvedTextConversationAsksForARating();
    void aFloodOfTextsIsOneConversationAnsweredTenTimes();

private:
    void startServer(const Clock *clock);
    QUrl webhook(const QString &kind) const;
    int storedTexts(const QString &direction);
    QString sessionOfPeer(const QString &peer);

    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<ScriptedTwilioServer> m_twilio;
    std::unique_ptr<HttpClient> m_admin;
};

void TestCsApiTwilio::init()
{
    m_twilio = std::make_unique<ScriptedTwilioServer>(kSid, kToken, QStringList{kNumber, kWhatsApp});
    QVERIFY(m_twilio->isListening());
    startServer(nullptr);
}

void TestCsApiTwilio::startServer(const Clock *clock)
{
    m_admin.reset();
    m_server = std::make_unique<ServerFixture>();
    m_server->setClock(clock);
    QString error;
    QVERIFY2(m_server->start({}, false, &error), qPrintable(error));
    // server/publicUrl as a deployment sets it: where Twilio reports the replies' delivery.
    m_server->runtime().channels().outbox().setStatusCallbackUrl(
        [base = QStringLiteral("http://127.0.0.1:%1/").arg(m_server->port())](
            const QString &companyId) { return api::TwilioFamily::statusCallbackUrl(base, companyId); });
    m_admin = m_server->client(api::Role::Admin);
    const HttpResult put = m_admin->put(
        withQuery(QStringLiteral("/api/cs/channels/twilio"), {{QStringLiteral("companyId"), m_server->companyId()}}),
        QJsonObject{{QStringLiteral("accountSid"), kSid}, {QStringLiteral("authToken"), kToken},
            {QStringLiteral("numbers"), QJsonArray{kNumber, kWhatsApp}},
            {QStringLiteral("apiUrl"), m_twilio->apiUrl()}});
    QVERIFY2(put.status == 200 || put.status == 201, describe(put).constData());
    QVERIFY(!put.json().contains(QLatin1String("authToken")));
}

void TestCsApiTwilio::cleanup()
{
    m_admin.reset();
    m_server.reset();
    m_twilio.reset();
}

QUrl TestCsApiTwilio::webhook(const QString &kind) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2/%3")
                    .arg(m_server->port())
                    .arg(m_server->companyId(), kind));
}

int TestCsApiTwilio::storedTexts(const QString &direction)
{
    return m_server->scalar(QStringLiteral("SELECT COUNT(*) FROM channel_messages WHERE direction = ?"), {direction})
        .toInt();
}

QString TestCsApiTwilio::sessionOfPeer(const QString &peer)
{
    return m_server->scalar(QStringLiteral("SELECT session_id FROM channel_threads WHERE peer = ?"), {peer}).toString();
}

void TestCsApiTwilio::anSmsIsAnsweredOnTheCustomersPhone()
{
    const ScriptedTwilioServer::Answer in = m_twilio->sendIncoming(webhook(QStringLiteral("messages")),
        {{QStringLiteral("From"), kCustomerPhone}, {QStringLiteral("To"), kNumber},
            {QStringLiteral("Body"), QStringLiteral("Hi, where is my order?")},
            {QStringLiteral("MessageSid"), messageSid(1)}});
    QCOMPARE(in.status, 200);
    QVERIFY2(in.body.contains("<Response/>"), in.body.constData()); // empty TwiML: the answer is sent apart
    QVERIFY(in.contentType.startsWith("text/xml"));

    QTRY_COMPARE_WITH_TIMEOUT(m_twilio->messages().size(), 1, kWaitMs); // the AI's answer, at Twilio
    const ScriptedTwilioServer::Message out = m_twilio->messages().constFirst();
    QCOMPARE(out.to, kCustomerPhone);
    QCOMPARE(out.from, kNumber);
    QVERIFY(!out.body.trimmed().isEmpty());
    QVERIFY2(!out.body.contains(QLatin1String("**")) && !out.body.contains(QLatin1String("](")), qPrintable(out.body));
    QVERIFY(out.body.size() <= 1600);
    QCOMPARE(out.statusCallback, webhook(QStringLiteral("status")).toString());
    const ReceivedRequest sent = m_twilio->requests().constLast();
    QCOMPARE(sent.header("authorization"),
        "Basic " + QStringLiteral("%1:%2").arg(kSid, kToken).toUtf8().toBase64()); // the account's own keys

    const QString session = sessionOfPeer(kCustomerPhone);
    QVERIFY(!session.isEmpty());
    const HttpResult header = m_admin->get(QStringLiteral("/api/cs/sessions/") + session);
    QCOMPARE(header.status, 200);
    QCOMPARE(header.json().value(QLatin1String("channel")).toString(), QStringLiteral("sms"));

    // Twilio reports the answer delivered: the desk sees it.
    const ScriptedTwilioServer::Answer report = m_twilio->deliver(out.sid, QStringLiteral("delivered"));
    QCOMPARE(report.status, 204);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_server->scalar(QStringLiteral("SELECT status FROM channel_messages WHERE external_id = ?"), {out.sid})
            .toString(),
        QStringLiteral("delivered"), kWaitMs);
    const HttpResult channel = m_admin->get(QStringLiteral("/api/cs/sessions/%1/channel").arg(session));
    QCOMPARE(channel.status, 200);
    QCOMPARE(channel.json().value(QLatin1String("thread")).toObject().value(QLatin1String("kind")).toString(),
        QStringLiteral("sms"));
    bool delivered = false;
    for (const QJsonValue &m : channel.json().value(QLatin1String("messages")).toArray())
        delivered |= m.toObject().value(QLatin1String("externalId")).toString() == out.sid
            && m.toObject().value(QLatin1String("status")).toString() == QLatin1String("delivered");
    QVERIFY2(delivered, channel.body.constData());
}

void TestCsApiTwilio::aBadSignatureStoresNothing()
{
    const ScriptedTwilioServer::Params text{{QStringLiteral("From"), kCustomerPhone}, {QStringLiteral("To"), kNumber},
        {QStringLiteral("Body"), QStringLiteral("Refund me everything")},
        {QStringLiteral("MessageSid"), messageSid(2)}};
    ScriptedTwilioServer::Sending forged;
    forged.signing = ScriptedTwilioServer::Signing::WrongToken;
    QCOMPARE(m_twilio->sendIncoming(webhook(QStringLiteral("messages")), text, forged).status, 403);
    forged.signing = ScriptedTwilioServer::Signing::Missing;
    QCOMPARE(m_twilio->sendIncoming(webhook(QStringLiteral("messages")), text, forged).status, 403);
    QCOMPARE(storedTexts(QStringLiteral("in")), 0);
    QVERIFY(sessionOfPeer(kCustomerPhone).isEmpty());
    QCOMPARE(m_twilio->count(), 0); // nothing was answered either
}

void TestCsApiTwilio::aRepeatedMessageSidIsStoredOnce()
{
    const ScriptedTwilioServer::Params text{{QStringLiteral("From"), kCustomerPhone}, {QStringLiteral("To"), kNumber},
        {QStringLiteral("Body"), QStringLiteral("Do you ship to Canada?")},
        {QStringLiteral("MessageSid"), messageSid(3)}};
    QCOMPARE(m_twilio->sendIncoming(webhook(QStringLiteral("messages")), text).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_twilio->messages().size(), 1, kWaitMs);
    // Twilio sends a webhook again when it did not hear back in time: the same answer, nothing twice.
    QCOMPARE(m_twilio->sendIncoming(webhook(QStringLiteral("messages")), text).status, 200);
    QCOMPARE(storedTexts(QStringLiteral("in")), 1);
    const QString session = sessionOfPeer(kCustomerPhone);
    QCOMPARE(m_server
                 ->scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE session_id = ? AND role = ?"),
                     {session, QStringLiteral("customer")})
                 .toInt(),
        1);
    // A later text is answered: had the repeat been answered, it would be the third message at Twilio.
    QCOMPARE(
        m_twilio
            ->sendIncoming(webhook(QStringLiteral("messages")),
                {{QStringLiteral("From"), kCustomerPhone}, {QStringLiteral("To"), kNumber},
                    {QStringLiteral("Body"), QStringLiteral("Thanks!")}, {QStringLiteral("MessageSid"), messageSid(4)}})
            .status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(m_twilio->messages().size(), 2, kWaitMs);
    QCOMPARE(storedTexts(QStringLiteral("in")), 2);
}

void TestCsApiTwilio::whatsAppIsAChatFromWhatsApp()
{
    const QString from = QStringLiteral("whatsapp:") + kCustomerPhone;
    QCOMPARE(m_twilio
                 ->sendIncoming(webhook(QStringLiteral("messages")),
                     {{QStringLiteral("From"), from}, {QStringLiteral("To"), kWhatsApp},
                         {QStringLiteral("Body"), QStringLiteral("Hello, can I return my boots?")},
                         {QStringLiteral("ProfileName"), QStringLiteral("Rosa Diaz")},
                         {QStringLiteral("MessageSid"), messageSid(5)}})
                 .status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(m_twilio->messages().size(), 1, kWaitMs);
    const ScriptedTwilioServer::Message out = m_twilio->messages().constFirst();
    QCOMPARE(out.to, from);
    QCOMPARE(out.from, kWhatsApp);
    const QString session = m_server
                                ->scalar(QStringLiteral("SELECT session_id FROM channel_threads WHERE kind = ?"),
                                    {QStringLiteral("whatsapp")})
                                .toString();
    QVERIFY(!session.isEmpty());
    const HttpResult header = m_admin->get(QStringLiteral("/api/cs/sessions/") + session);
    QCOMPARE(header.status, 200);
    QCOMPARE(header.json().value(QLatin1String("channel")).toString(), QStringLiteral("chat"));
    QCOMPARE(header.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("source")).toString(),
        QStringLiteral("whatsapp"));
}

// Resolved, the texting customer is asked "How did we do? Reply 1 to 5" (docs/api.md, "Satisfaction
// surveys"): a "5" within 24 hours is the session's rating and no message, in no new conversation; a
// "5" that comes after the window is a message like any other, which starts a conversation.
void TestCsApiTwilio::aResolvedTextConversationAsksForARating()
{
    FakeClock clock(QDateTime::currentDateTimeUtc());
    startServer(&clock);
    const auto text = [&](int sid, const QString &body) {
        const ScriptedTwilioServer::Answer a = m_twilio->sendIncoming(webhook(QStringLiteral("messages")),
            {{QStringLiteral("From"), kCustomerPhone}, {QStringLiteral("To"), kNumber}, {QStringLiteral("Body"), body},
                {QStringLiteral("MessageSid"), messageSid(sid)}});
        if (a.status != 200)
            qWarning("text %d: %d %s", sid, a.status, a.body.constData());
        return a.status;
    };
    const auto resolve = [&](const QString &session) {
        return m_admin
            ->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(session),
                {{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")}})
            .status;
    };
    const auto scalar
        = [&](const char *sql, const QString &bind) { return m_server->scalar(QString::fromLatin1(sql), {bind}); };
    QCOMPARE(text(11, QStringLiteral("Do you sell gift cards?")), 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_twilio->messages().size(), 1, kWaitMs);
    const QString first = sessionOfPeer(kCustomerPhone);
    QCOMPARE(resolve(first), 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_twilio->messages().size(), 2, kWaitMs);
    const ScriptedTwilioServer::Message ask = m_twilio->messages().constLast();
    QCOMPARE(ask.to, kCustomerPhone);
    QCOMPARE(ask.body, QStringLiteral("How did we do? Reply 1 to 5 (5 is best)."));
    const int messagesBefore = scalar("SELECT COUNT(*) FROM messages WHERE session_id = ?", first).toInt();

    QCOMPARE(text(12, QStringLiteral(" 5 ")), 200);
    QTRY_COMPARE_WITH_TIMEOUT(
        scalar("SELECT COUNT(*) FROM session_ratings WHERE session_id = ?", first).toInt(), 1, kWaitMs);
    QCOMPARE(scalar("SELECT rating FROM session_ratings WHERE session_id = ?", first).toInt(), 5);
    QCOMPARE(scalar("SELECT COUNT(*) FROM messages WHERE session_id = ?", first).toInt(), messagesBefore);
    QCOMPARE(scalar("SELECT COUNT(*) FROM channel_threads WHERE peer = ?", kCustomerPhone).toInt(), 1);
    QCOMPARE(scalar("SELECT status FROM channel_messages WHERE external_id = ?", messageSid(12)).toString(),
        QStringLiteral("stored"));
    QCOMPARE(m_twilio->messages().size(), 2); // nothing answers a rating

    // Another conversation, resolved and asked; the "5" comes a day and an hour later.
    clock.advanceSecs(60);
    QCOMPARE(text(13, QStringLiteral("Can I change my delivery address?")), 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_twilio->messages().size(), 3, kWaitMs);
    const QString second
        = scalar("SELECT session_id FROM channel_threads WHERE peer = ? ORDER BY created_at DESC, session_id"
                 " LIMIT 1",
            kCustomerPhone)
              .toString();
    QVERIFY(second != first);
    clock.advanceSecs(60);
    QCOMPARE(resolve(second), 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_twilio->messages().size(), 4, kWaitMs);
    clock.advanceSecs(25 * 3600);
    QCOMPARE(text(14, QStringLiteral("5")), 200);
    QTRY_COMPARE_WITH_TIMEOUT(
        scalar("SELECT COUNT(*) FROM channel_threads WHERE peer = ?", kCustomerPhone).toInt(), 3, kWaitMs);
    QCOMPARE(scalar("SELECT COUNT(*) FROM session_ratings WHERE session_id = ?", second).toInt(), 0);
}

// One number sends 100 texts: all stored, in one conversation, the AI answers at most ten times (so
// Twilio is sent at most ten replies and the company's model called no more), and the conversation
// goes to a person once with the reason.
void TestCsApiTwilio::aFloodOfTextsIsOneConversationAnsweredTenTimes()
{
    for (int i = 0; i < 100; ++i) {
        const ScriptedTwilioServer::Answer in = m_twilio->sendIncoming(webhook(QStringLiteral("messages")),
            {{QStringLiteral("From"), kCustomerPhone}, {QStringLiteral("To"), kNumber},
                {QStringLiteral("Body"), QStringLiteral("Hello? Anyone there? (%1)").arg(i)},
                {QStringLiteral("MessageSid"), messageSid(1000 + i)}});
        QCOMPARE(in.status, 200);
    }
    const QString session = sessionOfPeer(kCustomerPhone);
    QVERIFY(!session.isEmpty());
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT COUNT(DISTINCT session_id) FROM channel_threads")).toInt(), 1);
    QCOMPARE(storedTexts(QStringLiteral("in")), 100);
    QCOMPARE(m_server
                 ->scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE session_id = ? AND role = 'customer'"),
                     {session})
                 .toInt(),
        100);
    const int answers = m_server
                            ->scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE session_id = ? AND role IN "
                                                    "('ai_rep', 'ai_manager')"),
                                {session})
                            .toInt();
    QVERIFY2(answers >= 1 && answers <= 10, qPrintable(QString::number(answers)));
    QTRY_COMPARE_WITH_TIMEOUT(m_twilio->messages().size(), answers, kWaitMs);
    QCOMPARE(m_server
                 ->scalar(QStringLiteral("SELECT COUNT(*) FROM escalations WHERE session_id = ? AND to_tier = "
                                         "'HUMAN_AGENT' AND notes LIKE 'Held back%'"),
                     {session})
                 .toInt(),
        1);
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT current_tier FROM sessions WHERE id = ?"), {session}).toString(),
        QStringLiteral("HUMAN_AGENT"));
}

QTEST_GUILESS_MAIN(TestCsApiTwilio)
#include "tst_csapi_twilio.moc"
