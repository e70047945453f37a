// TwilioTextSender against a scripted Twilio Messages API on loopback, through the real libcurl
// sender: the exact request, the message's sid, and Twilio's refusals as errors.
#include "core/integrations/twilio/TwilioTextSender.h"

#include "tests/support/ScriptedTwilioServer.h"

#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

using namespace tierdesk;
using tierdesk::test::ScriptedTwilioServer;

namespace {

const QString kSid = QStringLiteral("AC0123456789abcdef0123456789abcdef");
const QString kToken = QStringLiteral("f0e1d2c3b4a5968778695a4b3c2d1e0f");
const QString kNumber = QStringLiteral("+15550100");
const QString kWhatsApp = QStringLiteral("whatsapp:+15550100");

// The form Twilio received, decoded.
QUrlQuery formOf(const QByteArray &body)
{
    QByteArray plusAsSpace = body;
    return QUrlQuery(QString::fromUtf8(plusAsSpace.replace('+', ' ')));
}

QString decoded(const QUrlQuery &form, const QString &name)
{
    return form.queryItemValue(name, QUrl::FullyDecoded);
}

// Records what it is asked and answers as told (for what a loopback server cannot show quickly:
// the timeout asked for).
class RecordingHttp final : public OutboundHttp {
public:
    OutboundResult post(const OutboundRequest &r) override
    {
        asked.append(r);
        return answer;
    }
    QList<OutboundRequest> asked;
    OutboundResult answer;
};

} // namespace

class TestTwilioTextSender : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_twilio = std::make_unique<ScriptedTwilioServer>(kSid, kToken, QStringList{kNumber, kWhatsApp});
        QVERIFY(m_twilio->isListening());
        m_sender = std::make_unique<TwilioTextSender>(std::make_shared<CurlOutboundHttp>(AddressPolicy(true)));
    }
    void cleanup()
    {
        m_sender.reset();
        m_twilio.reset();
    }

    void sendsTheExactRequest();
    void noStatusCallbackWhenNoneGiven();
    void whatsAppAddressesAsGiven();
    void wrongCredentialsAreRefused();
    void fromNotTheAccountsIsRefused();
    void twilioRefusalKeepsItsCodeAndMessage();
    void tooManyRequestsIsUnavailableWithRetryAfter();
    void serverErrorIsUnavailable();
    void noAnswerIsUnavailable();
    void forbiddenAddressIsPermanent();
    void badTextIsRefusedBeforeSending_data();
    void badTextIsRefusedBeforeSending();
    void timeoutIsTenSeconds();
    void answerThatIsNoMessage();

private:
    OutboundText text(const QString &body = QStringLiteral("Your order shipped.")) const
    {
        OutboundText t;
        t.companyId = QStringLiteral("c_1");
        t.sessionId = QStringLiteral("s_1");
        t.messageId = QStringLiteral("m_1");
        t.from = kNumber;
        t.to = QStringLiteral("+4915112345678");
        t.body = body;
        t.statusCallback = QStringLiteral("https://desk.example.com/api/v1/twilio/c_1/status");
        t.account.accountSid = kSid;
        t.account.authToken = kToken;
        t.account.numbers = {kNumber, kWhatsApp};
        t.account.apiUrl = m_twilio->apiUrl();
        return t;
    }

    std::unique_ptr<ScriptedTwilioServer> m_twilio;
    std::unique_ptr<TwilioTextSender> m_sender;
};

void TestTwilioTextSender::sendsTheExactRequest()
{
    const QString body = QStringLiteral("Grüße! 5+5=10 & 100% sure?\nSecond line 😀");
    const Result<QString> sid = m_sender->send(text(body));
    QVERIFY2(sid.ok(), sid.ok() ? "" : qPrintable(sid.error().message));
    QCOMPARE(m_twilio->count(), 1);
    const test::ReceivedRequest r = m_twilio->requests().first();
    QCOMPARE(r.method, QByteArrayLiteral("POST"));
    QCOMPARE(r.target, QByteArray("/2010-04-01/Accounts/" + kSid.toLatin1() + "/Messages.json"));
    QCOMPARE(
        r.header("authorization"), QByteArray("Basic " + (kSid + QLatin1Char(':') + kToken).toLatin1().toBase64()));
    QCOMPARE(r.header("content-type"), QByteArrayLiteral("application/x-www-form-urlencoded"));
    const QUrlQuery form = formOf(r.body);
    QCOMPARE(form.queryItems().size(), 4);
    QCOMPARE(decoded(form, QStringLiteral("To")), QStringLiteral("+4915112345678"));
    QCOMPARE(decoded(form, QStringLiteral("From")), kNumber);
    QCOMPARE(decoded(form, QStringLiteral("Body")), body);
    QCOMPARE(decoded(form, QStringLiteral("StatusCallback")),
        QStringLiteral("https://desk.example.com/api/v1/twilio/c_1/status"));

    const QList<ScriptedTwilioServer::Message> kept = m_twilio->messages();
    QCOMPARE(kept.size(), 1);
    QCOMPARE(*sid, kept.first().sid);
    QVERIFY(sid->startsWith(QLatin1String("SM")));
    QCOMPARE(sid->size(), 34);
    QCOMPARE(kept.first().body, body);
    QCOMPARE(kept.first().status, QStringLiteral("queued"));
}

void TestTwilioTextSender::noStatusCallbackWhenNoneGiven()
{
    OutboundText t = text();
    t.statusCallback.clear();
    t.account.apiUrl += QStringLiteral("/"); // a trailing slash is not doubled
    QVERIFY(m_sender->send(t).ok());
    const test::ReceivedRequest r = m_twilio->requests().first();
    QCOMPARE(r.target, QByteArray("/2010-04-01/Accounts/" + kSid.toLatin1() + "/Messages.json"));
    QVERIFY(!formOf(r.body).hasQueryItem(QStringLiteral("StatusCallback")));
}

void TestTwilioTextSender::whatsAppAddressesAsGiven()
{
    OutboundText t = text();
    t.from = kWhatsApp;
    t.to = QStringLiteral("whatsapp:+4915112345678");
    QVERIFY(m_sender->send(t).ok());
    QCOMPARE(m_twilio->messages().first().from, kWhatsApp);
    QCOMPARE(m_twilio->messages().first().to, QStringLiteral("whatsapp:+4915112345678"));
}

void TestTwilioTextSender::wrongCredentialsAreRefused()
{
    OutboundText t = text();
    t.account.authToken = QStringLiteral("not-the-token");
    const Result<QString> sid = m_sender->send(t);
    QVERIFY(!sid.ok());
    QCOMPARE(sid.error().kind, ErrorKind::InvalidArgument);
    QCOMPARE(sid.error().details.value(QLatin1String("status")).toInt(), 401);
    QCOMPARE(sid.error().details.value(QLatin1String("twilioCode")).toInt(), 20003);
    QVERIFY2(sid.error().message.contains(QLatin1String("20003 Authenticate")), qPrintable(sid.error().message));
    QVERIFY(!sid.error().message.contains(QLatin1String("not-the-token")));
    QVERIFY(m_twilio->messages().isEmpty());
}

void TestTwilioTextSender::fromNotTheAccountsIsRefused()
{
    OutboundText t = text();
    t.from = QStringLiteral("+15559999");
    const Result<QString> sid = m_sender->send(t);
    QVERIFY(!sid.ok());
    QCOMPARE(sid.error().kind, ErrorKind::InvalidArgument);
    QCOMPARE(sid.error().details.value(QLatin1String("twilioCode")).toInt(), 21606);
    QVERIFY2(sid.error().message.contains(QLatin1String("The From phone number +15559999 is not a valid")),
        qPrintable(sid.error().message));
}

void TestTwilioTextSender::twilioRefusalKeepsItsCodeAndMessage()
{
    m_twilio->failNext(400, 21211);
    const Result<QString> sid = m_sender->send(text());
    QVERIFY(!sid.ok());
    QCOMPARE(sid.error().kind, ErrorKind::InvalidArgument);
    QCOMPARE(sid.error().message,
        QStringLiteral("Twilio answered HTTP 400: 21211 The 'To' number is not a valid phone number."));
    QCOMPARE(sid.error().details.value(QLatin1String("twilioCode")).toInt(), 21211);
    QVERIFY(m_sender->send(text()).ok()); // only the next one was scripted to fail
}

void TestTwilioTextSender::tooManyRequestsIsUnavailableWithRetryAfter()
{
    m_twilio->failNext(429, 20429, 7);
    const Result<QString> sid = m_sender->send(text());
    QVERIFY(!sid.ok());
    QCOMPARE(sid.error().kind, ErrorKind::Unavailable);
    QCOMPARE(sid.error().details.value(QLatin1String("retryAfter")).toInt(), 7);
    QCOMPARE(sid.error().details.value(QLatin1String("twilioCode")).toInt(), 20429);
    QVERIFY(m_twilio->messages().isEmpty());
}

void TestTwilioTextSender::serverErrorIsUnavailable()
{
    m_twilio->failNext(500, 20500);
    const Result<QString> sid = m_sender->send(text());
    QVERIFY(!sid.ok());
    QCOMPARE(sid.error().kind, ErrorKind::Unavailable);
    QVERIFY(!sid.error().details.contains(QLatin1String("retryAfter")));
    QVERIFY2(sid.error().message.contains(QLatin1String("HTTP 500")), qPrintable(sid.error().message));
}

void TestTwilioTextSender::noAnswerIsUnavailable()
{
    QTcpServer closed; // a port nobody listens on any more
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    OutboundText t = text();
    t.account.apiUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
    const Result<QString> sid = m_sender->send(t);
    QVERIFY(!sid.ok());
    QCOMPARE(sid.error().kind, ErrorKind::Unavailable);
}

void TestTwilioTextSender::forbiddenAddressIsPermanent()
{
    TwilioTextSender publicOnly(std::make_shared<CurlOutboundHttp>(AddressPolicy(false)));
    const Result<QString> sid = publicOnly.send(text());
    QVERIFY(!sid.ok());
    QCOMPARE(sid.error().kind, ErrorKind::InvalidArgument);
    QCOMPARE(m_twilio->count(), 0);
}

void TestTwilioTextSender::badTextIsRefusedBeforeSending_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("field");
    QTest::newRow("account sid") << "sid"
                                 << "accountSid";
    QTest::newRow("auth token") << "token"
                                << "authToken";
    QTest::newRow("api url") << "api"
                             << "apiUrl";
    QTest::newRow("to") << "to"
                        << "to";
    QTest::newRow("from") << "from"
                          << "from";
    QTest::newRow("empty body") << "empty"
                                << "body";
    QTest::newRow("body over 1600") << "long"
                                    << "body";
    QTest::newRow("status callback") << "callback"
                                     << "statusCallback";
}

void TestTwilioTextSender::badTextIsRefusedBeforeSending()
{
    QFETCH(QString, what);
    QFETCH(QString, field);
    OutboundText t = text();
    if (what == QLatin1String("sid"))
        t.account.accountSid = QStringLiteral("AC123/../x");
    else if (what == QLatin1String("token"))
        t.account.authToken.clear();
    else if (what == QLatin1String("api"))
        t.account.apiUrl = QStringLiteral("file:///etc/passwd");
    else if (what == QLatin1String("to"))
        t.to.clear();
    else if (what == QLatin1String("from"))
        t.from.clear();
    else if (what == QLatin1String("empty"))
        t.body = QStringLiteral("  \n ");
    else if (what == QLatin1String("long"))
        t.body = QString(OutboundText::kMaxBodyChars + 1, QLatin1Char('x'));
    else
        t.statusCallback = QStringLiteral("javascript:alert(1)");
    const Result<QString> sid = m_sender->send(t);
    QVERIFY(!sid.ok());
    QCOMPARE(sid.error().kind, ErrorKind::InvalidArgument);
    QCOMPARE(sid.error().field, field);
    QCOMPARE(m_twilio->count(), 0);
}

void TestTwilioTextSender::timeoutIsTenSeconds()
{
    auto http = std::make_shared<RecordingHttp>();
    http->answer.timedOut = true;
    http->answer.error = QStringLiteral("Operation timed out");
    TwilioTextSender sender(http);
    const Result<QString> sid = sender.send(text());
    QCOMPARE(http->asked.size(), 1);
    QCOMPARE(http->asked.first().timeoutMs, 10000);
    QVERIFY(http->asked.first().keepResponseBytes > 0);
    QVERIFY(!sid.ok());
    QCOMPARE(sid.error().kind, ErrorKind::Unavailable);
    QVERIFY2(sid.error().message.contains(QLatin1String("no answer within 10 s")), qPrintable(sid.error().message));
}

void TestTwilioTextSender::answerThatIsNoMessage()
{
    OutboundResult ok;
    ok.status = 201;
    ok.body = QByteArrayLiteral(R"({"status":"queued"})");
    QCOMPARE(TwilioTextSender::answer(ok).error().kind, ErrorKind::Unavailable);
    ok.body = QByteArrayLiteral("<html>proxy</html>");
    QCOMPARE(TwilioTextSender::answer(ok).error().kind, ErrorKind::Unavailable);
    ok.body = QByteArrayLiteral(R"({"sid":"SM0123456789abcdef0123456789abcdef"})");
    QCOMPARE(*TwilioTextSender::answer(ok), QStringLiteral("SM0123456789abcdef0123456789abcdef"));
    OutboundResult moved;
    moved.status = 302;
    QCOMPARE(TwilioTextSender::answer(moved).error().kind, ErrorKind::Unavailable);
}

QTEST_GUILESS_MAIN(TestTwilioTextSender)
#include "tst_twiliotextsender.moc"
