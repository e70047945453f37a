// The Twilio family on a real HTTP server on loopback: the scripted Twilio sends signed inbound
// SMS and WhatsApp webhooks and StatusCallbacks; a fake inbox stands for the engine.
#include "core/api/http/HttpServer.h"
#include "core/api/twilio/TwilioFamily.h"
#include "core/api/twilio/TwilioWebhookController.h"
#include "core/integrations/twilio/TwilioTextSender.h"
#include "tests/support/ScriptedTwilioServer.h"

#include <QTest>

#include <memory>

using namespace tierdesk;
using namespace tierdesk::api;
using tierdesk::test::ScriptedTwilioServer;

namespace {

const QString kCompany = QStringLiteral("c_1");
const QString kOther = QStringLiteral("c_2"); // no Twilio channel
const QString kSid = QStringLiteral("AC0123456789abcdef0123456789abcdef");
const QString kToken = QStringLiteral("f0e1d2c3b4a5968778695a4b3c2d1e0f");
const QString kNumber = QStringLiteral("+15550100");
const QString kWhatsApp = QStringLiteral("whatsapp:+15550100");
const QString kMessageSid = QStringLiteral("SM00000000000000000000000000000001");
const QByteArray kTwiml = QByteArrayLiteral(R"(<?xml version="1.0" encoding="UTF-8"?><Response/>)");

using Params = ScriptedTwilioServer::Params;

// The engine's side, as the family sees it: accounts by company, texts stored once per MessageSid
// (done on the next turn of the event loop, as the engine's thread answers), statuses kept.
class FakeInbox final : public TwilioInbox {
public:
    std::optional<TwilioSettings> twilioAccount(const QString &companyId) override
    {
        return accounts.contains(companyId) ? std::optional<TwilioSettings>(accounts.value(companyId)) : std::nullopt;
    }
    void receiveText(const InboundText &text, QObject *context, std::function<void(Status)> done) override
    {
        received.append(text);
        const Status outcome = nextOutcome;
        if (outcome && !storedSids.contains(text.messageSid))
            storedSids.append(text.messageSid);
        QMetaObject::invokeMethod(
            context, [done, outcome] { done(outcome); }, Qt::QueuedConnection);
    }
    void textStatus(const TextStatus &status) override { statuses.append(status); }

    QHash<QString, TwilioSettings> accounts;
    QList<InboundText> received;
    QStringList storedSids;
    QList<TextStatus> statuses;
    Status nextOutcome = Ok{};
};

// One server with the family on it, as the runtime installs a family.
struct Door {
    Door(TwilioInbox &inbox, const QString &publicBase, http::HttpLimits limits = {})
        : server(std::make_unique<http::HttpServer>(limits)), family(std::make_unique<TwilioFamily>(inbox, publicBase))
    {
        family->install(*server);
        for (const QString &prefix : family->pathPrefixes())
            server->setErrorFormatter(
                prefix, [f = family.get()](int status, const QString &message, const QString &path) {
                    return f->serverError(status, message, path);
                });
        listening = server->listen(QHostAddress::LocalHost, 0);
    }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(server->serverPort()); }
    QUrl url(const QString &path) const { return QUrl(base() + path); }
    QUrl messages(const QString &company = kCompany) const
    {
        return url(QStringLiteral("/api/v1/twilio/%1/messages").arg(company));
    }

    std::unique_ptr<http::HttpServer> server;
    std::unique_ptr<TwilioFamily> family;
    bool listening = false;
};

QString refusal(const ScriptedTwilioServer::Answer &a)
{
    return QStringLiteral("HTTP %1 %2 %3").arg(a.status).arg(QString::fromUtf8(a.body), a.networkError);
}

} // namespace

class TestTwilioRoutes : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void smsIsPassedOnAndAnsweredWithEmptyTwiml();
    void whatsAppWithMediaIsPassedOn();
    void badSignatureIsRefused();
    void missingSignatureIsRefused();
    void signatureForAnotherUrlIsRefused();
    void anotherAccountIsRefused();
    void companyWithoutTwilioIsNotFound();
    void repeatedMessageSidIsPassedOn();
    void inboxFailureIsUnavailable();
    void fieldsNotTwiliosAreRefused_data();
    void fieldsNotTwiliosAreRefused();
    void wrongContentTypeIs415();
    void bodyTooLargeIs413();
    void bodyTooLargeRefusedByTheServer();
    void unknownPathIs404InPlainText();
    void publicUrlIsWhatTwilioSigned();
    void statusCallbackReportsDelivery();
    void statusCallbackWithBadSignatureIsRefused();
    void callbackUrls();

private:
    Params sms(const QString &body = QStringLiteral("Where is my order?")) const
    {
        return {{QStringLiteral("From"), QStringLiteral("+4915112345678")}, {QStringLiteral("To"), kNumber},
            {QStringLiteral("Body"), body}, {QStringLiteral("MessageSid"), kMessageSid}};
    }

    FakeInbox m_inbox;
    std::unique_ptr<ScriptedTwilioServer> m_twilio;
    std::unique_ptr<Door> m_door;
};

void TestTwilioRoutes::init()
{
    m_inbox = FakeInbox();
    m_twilio = std::make_unique<ScriptedTwilioServer>(kSid, kToken, QStringList{kNumber, kWhatsApp});
    QVERIFY(m_twilio->isListening());
    TwilioSettings account;
    account.accountSid = kSid;
    account.authToken = kToken;
    account.numbers = {kNumber, kWhatsApp};
    account.apiUrl = m_twilio->apiUrl();
    m_inbox.accounts.insert(kCompany, account);
    m_door = std::make_unique<Door>(m_inbox, QString());
    QVERIFY(m_door->listening);
}

void TestTwilioRoutes::cleanup()
{
    m_door.reset();
    m_twilio.reset();
}

void TestTwilioRoutes::smsIsPassedOnAndAnsweredWithEmptyTwiml()
{
    const QString body = QStringLiteral("Where is my order #42? 5+5=10 & Grüße 😀");
    const ScriptedTwilioServer::Answer a = m_twilio->sendIncoming(m_door->messages(), sms(body));
    QVERIFY2(a.status == 200, qPrintable(refusal(a)));
    QCOMPARE(a.contentType, QByteArrayLiteral("text/xml"));
    QCOMPARE(a.body, kTwiml);
    QCOMPARE(m_inbox.received.size(), 1);
    const InboundText &text = m_inbox.received.first();
    QCOMPARE(text.companyId, kCompany);
    QCOMPARE(text.messageSid, kMessageSid);
    QCOMPARE(text.from, QStringLiteral("+4915112345678"));
    QCOMPARE(text.to, kNumber);
    QCOMPARE(text.body, body);
    QCOMPARE(text.profileName, QString());
    QCOMPARE(text.mediaUrls, QStringList());
    QVERIFY(!text.whatsapp());
}

void TestTwilioRoutes::whatsAppWithMediaIsPassedOn()
{
    const Params params{{QStringLiteral("From"), QStringLiteral("whatsapp:+4915112345678")},
        {QStringLiteral("To"), kWhatsApp}, {QStringLiteral("Body"), QStringLiteral("This came broken")},
        {QStringLiteral("ProfileName"), QStringLiteral("Zoë")}, {QStringLiteral("MessageSid"), kMessageSid},
        {QStringLiteral("MediaUrl0"),
            QStringLiteral("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")},
        {QStringLiteral("MediaContentType0"), QStringLiteral("image/jpeg")}};
    const ScriptedTwilioServer::Answer a = m_twilio->sendIncoming(m_door->messages(), params);
    QVERIFY2(a.status == 200, qPrintable(refusal(a)));
    QCOMPARE(a.body, kTwiml);
    QCOMPARE(m_inbox.received.size(), 1);
    const InboundText &text = m_inbox.received.first();
    QVERIFY(text.whatsapp());
    QCOMPARE(text.from, QStringLiteral("whatsapp:+4915112345678"));
    QCOMPARE(text.to, kWhatsApp);
    QCOMPARE(text.profileName, QStringLiteral("Zoë"));
    QCOMPARE(text.body, QStringLiteral("This came broken"));
    QCOMPARE(text.mediaUrls,
        QStringList{QStringLiteral("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")});
}

void TestTwilioRoutes::badSignatureIsRefused()
{
    ScriptedTwilioServer::Sending how;
    how.signing = ScriptedTwilioServer::Signing::WrongToken;
    const ScriptedTwilioServer::Answer a = m_twilio->sendIncoming(m_door->messages(), sms(), how);
    QCOMPARE(a.status, 403);
    QCOMPARE(a.contentType, QByteArrayLiteral("text/plain; charset=utf-8"));
    QVERIFY2(a.body.contains("X-Twilio-Signature does not match"), a.body.constData());
    QVERIFY(m_inbox.received.isEmpty());
}

void TestTwilioRoutes::missingSignatureIsRefused()
{
    ScriptedTwilioServer::Sending how;
    how.signing = ScriptedTwilioServer::Signing::Missing;
    const ScriptedTwilioServer::Answer a = m_twilio->sendIncoming(m_door->messages(), sms(), how);
    QCOMPARE(a.status, 403);
    QVERIFY2(a.body.contains("X-Twilio-Signature is missing"), a.body.constData());
    QVERIFY(m_inbox.received.isEmpty());
}

void TestTwilioRoutes::signatureForAnotherUrlIsRefused()
{
    // Signed for the status webhook (or a query added on the way): not this request's URL.
    ScriptedTwilioServer::Sending how;
    how.signedUrl = m_door->url(QStringLiteral("/api/v1/twilio/c_1/status")).toString();
    QCOMPARE(m_twilio->sendIncoming(m_door->messages(), sms(), how).status, 403);
    how.signedUrl = m_door->messages().toString();
    const QUrl withQuery(m_door->messages().toString() + QStringLiteral("?x=1"));
    QCOMPARE(m_twilio->sendIncoming(withQuery, sms(), how).status, 403);
    QVERIFY(m_inbox.received.isEmpty());
    // Signed for the URL with its query, as Twilio signs the URL it called: accepted.
    QCOMPARE(m_twilio->sendIncoming(withQuery, sms()).status, 200);
}

void TestTwilioRoutes::anotherAccountIsRefused()
{
    Params params = sms();
    params.append({QStringLiteral("AccountSid"), QStringLiteral("AC99999999999999999999999999999999")});
    const ScriptedTwilioServer::Answer a = m_twilio->sendIncoming(m_door->messages(), params); // signed with our token
    QCOMPARE(a.status, 403);
    QVERIFY2(a.body.contains("AccountSid"), a.body.constData());
    QVERIFY(m_inbox.received.isEmpty());
}

void TestTwilioRoutes::companyWithoutTwilioIsNotFound()
{
    const ScriptedTwilioServer::Answer a = m_twilio->sendIncoming(m_door->messages(kOther), sms());
    QCOMPARE(a.status, 404);
    QCOMPARE(a.contentType, QByteArrayLiteral("text/plain; charset=utf-8"));
    QCOMPARE(m_twilio->sendIncoming(m_door->messages(QString(200, QLatin1Char('c'))), sms()).status, 404);
    QVERIFY(m_inbox.received.isEmpty());
}

void TestTwilioRoutes::repeatedMessageSidIsPassedOn()
{
    QCOMPARE(m_twilio->sendIncoming(m_door->messages(), sms()).status, 200);
    const ScriptedTwilioServer::Answer again = m_twilio->sendIncoming(m_door->messages(), sms());
    QCOMPARE(again.status, 200); // Twilio sent it again: it is told it arrived
    QCOMPARE(again.body, kTwiml);
    QCOMPARE(m_inbox.received.size(), 2); // the inbox decides it is the same message
    QCOMPARE(m_inbox.received.at(1).messageSid, kMessageSid);
    QCOMPARE(m_inbox.storedSids, QStringList{kMessageSid});
}

void TestTwilioRoutes::inboxFailureIsUnavailable()
{
    m_inbox.nextOutcome = makeError(ErrorKind::Unavailable, QStringLiteral("The store is busy"));
    const ScriptedTwilioServer::Answer a = m_twilio->sendIncoming(m_door->messages(), sms());
    QCOMPARE(a.status, 503);
    QCOMPARE(a.body, QByteArrayLiteral("The store is busy\n"));
    m_inbox.nextOutcome = makeError(ErrorKind::Internal, QStringLiteral("secret detail"));
    const ScriptedTwilioServer::Answer b = m_twilio->sendIncoming(m_door->messages(), sms());
    QCOMPARE(b.status, 500);
    QVERIFY(!b.body.contains("secret"));
}

void TestTwilioRoutes::fieldsNotTwiliosAreRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::newRow("message sid") << "MessageSid"
                                 << "SM123";
    QTest::newRow("no from") << "From"
                             << "";
    QTest::newRow("long to") << "To" << QString(65, QLatin1Char('1'));
    QTest::newRow("num media") << "NumMedia"
                               << "11";
    QTest::newRow("media missing") << "NumMedia"
                                   << "2";
    QTest::newRow("no body nor media") << "Body"
                                       << " ";
    QTest::newRow("long body") << "Body" << QString(TwilioWebhookController::kMaxBodyChars + 1, QLatin1Char('b'));
    QTest::newRow("long field") << "FromCity" << QString(TwilioWebhookController::kMaxValueChars + 1, QLatin1Char('x'));
    QTest::newRow("long name") << QString(TwilioWebhookController::kMaxNameChars + 1, QLatin1Char('N')) << "x";
}

void TestTwilioRoutes::fieldsNotTwiliosAreRefused()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    Params params = sms();
    params.append({name, value}); // replaces Twilio's own field of that name
    const ScriptedTwilioServer::Answer a = m_twilio->sendIncoming(m_door->messages(), params);
    QVERIFY2(a.status == 400, qPrintable(refusal(a)));
    QVERIFY(m_inbox.received.isEmpty());
}

void TestTwilioRoutes::wrongContentTypeIs415()
{
    ScriptedTwilioServer::Sending how;
    how.contentType = QByteArrayLiteral("application/json");
    const ScriptedTwilioServer::Answer a = m_twilio->sendIncoming(m_door->messages(), sms(), how);
    QCOMPARE(a.status, 415);
    QCOMPARE(a.contentType, QByteArrayLiteral("text/plain; charset=utf-8"));
    QVERIFY(m_inbox.received.isEmpty());
    how.contentType = QByteArrayLiteral("Application/X-WWW-Form-URLEncoded; charset=utf-8");
    QCOMPARE(m_twilio->sendIncoming(m_door->messages(), sms(), how).status, 200);
}

void TestTwilioRoutes::bodyTooLargeIs413()
{
    // Past the family's limit but within the server's (1 MiB): the controller refuses it.
    Params params = sms();
    for (int i = 0; i < 70; ++i)
        params.append({QStringLiteral("Pad%1").arg(i), QString(1000, QLatin1Char('p'))});
    const ScriptedTwilioServer::Answer a = m_twilio->sendIncoming(m_door->messages(), params);
    QCOMPARE(a.status, 413);
    QCOMPARE(a.contentType, QByteArrayLiteral("text/plain; charset=utf-8"));
    QVERIFY(m_inbox.received.isEmpty());
}

void TestTwilioRoutes::bodyTooLargeRefusedByTheServer()
{
    http::HttpLimits limits;
    limits.pathBodyLimits.append(TwilioFamily::bodyLimit());
    Door limited(m_inbox, QString(), limits);
    QVERIFY(limited.listening);
    const QByteArray body = "Body=" + QByteArray(TwilioFamily::kMaxBodyBytes, 'x');
    const ScriptedTwilioServer::Answer a
        = ScriptedTwilioServer::post(limited.messages(), body, {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(a.status, 413);
    QCOMPARE(a.contentType, QByteArrayLiteral("text/plain; charset=utf-8"));
    QVERIFY(m_inbox.received.isEmpty());
    QCOMPARE(m_twilio->sendIncoming(limited.messages(), sms()).status, 200); // a webhook fits
}

void TestTwilioRoutes::unknownPathIs404InPlainText()
{
    const ScriptedTwilioServer::Answer a
        = ScriptedTwilioServer::post(m_door->url(QStringLiteral("/api/v1/twilio/c_1/calls")), "x=1",
            {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(a.status, 404);
    QCOMPARE(a.contentType, QByteArrayLiteral("text/plain; charset=utf-8"));
    QVERIFY2(a.body.startsWith("No such Twilio webhook: /api/v1/twilio/c_1/calls"), a.body.constData());
}

void TestTwilioRoutes::publicUrlIsWhatTwilioSigned()
{
    // Behind a proxy: Twilio calls https://desk.example.com/support/..., the server sees loopback.
    Door proxied(m_inbox, QStringLiteral("https://desk.example.com/support/"));
    QVERIFY(proxied.listening);
    ScriptedTwilioServer::Sending how;
    how.signedUrl = QStringLiteral("https://desk.example.com/support/api/v1/twilio/c_1/messages");
    QCOMPARE(m_twilio->sendIncoming(proxied.messages(), sms(), how).status, 200);
    QCOMPARE(m_inbox.received.size(), 1);
    // Signed for the address the server sees instead: not what Twilio would have signed.
    QCOMPARE(m_twilio->sendIncoming(proxied.messages(), sms()).status, 403);
    QCOMPARE(m_inbox.received.size(), 1);
}

void TestTwilioRoutes::statusCallbackReportsDelivery()
{
    // A reply sent with its StatusCallback on this server; Twilio reports back.
    TwilioTextSender sender(std::make_shared<CurlOutboundHttp>(AddressPolicy(true)));
    OutboundText text;
    text.companyId = kCompany;
    text.from = kNumber;
    text.to = QStringLiteral("+4915112345678");
    text.body = QStringLiteral("It ships today.");
    text.statusCallback = TwilioFamily::statusCallbackUrl(m_door->base(), kCompany);
    text.account = m_inbox.accounts.value(kCompany);
    const Result<QString> sid = sender.send(text);
    QVERIFY2(sid.ok(), sid.ok() ? "" : qPrintable(sid.error().message));

    const ScriptedTwilioServer::Answer delivered = m_twilio->deliver(*sid, QStringLiteral("delivered"));
    QVERIFY2(delivered.status == 204, qPrintable(refusal(delivered)));
    const ScriptedTwilioServer::Answer failed
        = m_twilio->deliver(*sid, QStringLiteral("undelivered"), QStringLiteral("30007"));
    QCOMPARE(failed.status, 204);
    QCOMPARE(m_inbox.statuses.size(), 2);
    const TextStatus first = m_inbox.statuses.at(0);
    QCOMPARE(first.companyId, kCompany);
    QCOMPARE(first.messageSid, *sid);
    QCOMPARE(first.status, QStringLiteral("delivered"));
    QCOMPARE(first.errorCode, QString());
    QCOMPARE(m_inbox.statuses.at(1).status, QStringLiteral("undelivered"));
    QCOMPARE(m_inbox.statuses.at(1).errorCode, QStringLiteral("30007"));
    QVERIFY(m_inbox.received.isEmpty());
}

void TestTwilioRoutes::statusCallbackWithBadSignatureIsRefused()
{
    const QUrl status = m_door->url(QStringLiteral("/api/v1/twilio/c_1/status"));
    const Params params{{QStringLiteral("MessageSid"), kMessageSid},
        {QStringLiteral("MessageStatus"), QStringLiteral("delivered")}, {QStringLiteral("AccountSid"), kSid}};
    const ScriptedTwilioServer::Answer forged = ScriptedTwilioServer::post(status,
        ScriptedTwilioServer::formBody(params),
        {{"Content-Type", "application/x-www-form-urlencoded"},
            {"X-Twilio-Signature", ScriptedTwilioServer::sign(QStringLiteral("guess"), status.toString(), params)}});
    QCOMPARE(forged.status, 403);
    QVERIFY(m_inbox.statuses.isEmpty());
    Params unknown = params;
    unknown[1].second = QStringLiteral("exploded");
    const ScriptedTwilioServer::Answer odd = ScriptedTwilioServer::post(status, ScriptedTwilioServer::formBody(unknown),
        {{"Content-Type", "application/x-www-form-urlencoded"},
            {"X-Twilio-Signature", ScriptedTwilioServer::sign(kToken, status.toString(), unknown)}});
    QCOMPARE(odd.status, 400);
    QVERIFY(m_inbox.statuses.isEmpty());
}

void TestTwilioRoutes::callbackUrls()
{
    QCOMPARE(TwilioFamily::statusCallbackUrl(QStringLiteral("https://desk.example.com/"), QStringLiteral("c 1")),
        QStringLiteral("https://desk.example.com/api/v1/twilio/c%201/status"));
    QCOMPARE(TwilioFamily::messagesUrl(QStringLiteral("https://desk.example.com/support"), kCompany),
        QStringLiteral("https://desk.example.com/support/api/v1/twilio/c_1/messages"));
    QCOMPARE(TwilioFamily::statusCallbackUrl(QString(), kCompany), QString());
}

QTEST_GUILESS_MAIN(TestTwilioRoutes)
#include "tst_twilioroutes.moc"
