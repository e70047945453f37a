// Signed-in web visitors over HTTP (issue "The company's website", docs/chat-api.md): the company's
// server vouches for a visitor with the hex HMAC-SHA256 of their id or an HS256 JWT under the web
// channel's identity secret; POST /api/v1/chat/session's "identity" makes the visitor that customer
// (their orders, their earlier conversations), and anything that does not hold is 401 with nothing
// stored. A real server on 127.0.0.1 with the demo store.
#include "tests/api/ApiTestSupport.h"

#include "core/api/auth/VisitorIdentity.h"

#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QJsonObject data(const HttpResult &r)
{
    return r.json().value(QLatin1String("data")).toObject();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QByteArray b64(const QByteArray &raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A token as a company's server signs it (or does not: alg "none").
QString jwt(const QJsonObject &payload, const QByteArray &key, const char *alg = "HS256")
{
    const QByteArray input = b64(QJsonDocument(QJsonObject{{QStringLiteral("alg"), QLatin1String(alg)},
                                                   {QStringLiteral("typ"), QStringLiteral("JWT")}})
                                     .toJson(QJsonDocument::Compact))
        + '.' + b64(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    if (QByteArray(alg) == "none")
        return QString::fromLatin1(input + '.');
    return QString::fromLatin1(
        input + '.' + b64(QMessageAuthenticationCode::hash(input, key, QCryptographicHash::Sha256)));
}

struct Visit {
    QString id;
    QByteArray secret;
};

} // namespace

class TestChatIdentity : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void offTakesNoIdentity();
    void aVerifiedVisitorIsTheCompanysCustomer();
    void aNewCustomerIsMadeWithTheirNameAndEmail();
    void whatDoesNotHoldIsRefusedAndNothingStored_data();
    void whatDoesNotHoldIsRefusedAndNothingStored();
    void requiredLetsNoAnonymousVisitorIn();
    void earlierConversationsAreTheCustomersOnly();

private:
    void setIdentity(const char *mode);
    HttpResult start(const QJsonObject &body);
    Visit visit(const QJsonObject &identity);
    QJsonObject hashed(const QString &id, const QByteArray &secret) const;
    HttpResult get(const QString &path, const QByteArray &secret);
    int sessionCount();

    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<HttpClient> m_admin;
    QByteArray m_key;
    QByteArray m_secret;
};

void TestChatIdentity::init()
{
    m_server = std::make_unique<ServerFixture>();
    QVERIFY(m_server->start({}));
    m_http = std::make_unique<HttpClient>(m_server->port());
    m_admin = m_server->client(api::Role::Admin);
    m_key = newWidgetKey(*m_admin);
    QVERIFY(!m_key.isEmpty());
    const HttpResult secret = m_admin->post(withQuery(QStringLiteral("/api/cs/channels/web/identity-secret"),
                                                {{QStringLiteral("companyId"), m_server->companyId()}}),
        {});
    QCOMPARE(secret.status, 201);
    m_secret = str(secret.json(), "secret").toUtf8();
}

void TestChatIdentity::cleanup()
{
    m_http.reset();
    m_admin.reset();
    m_server.reset();
}

void TestChatIdentity::setIdentity(const char *mode)
{
    const HttpResult r = m_admin->put(
        withQuery(QStringLiteral("/api/cs/channels/web"), {{QStringLiteral("companyId"), m_server->companyId()}}),
        {{QStringLiteral("identity"), QLatin1String(mode)}});
    QCOMPARE(r.status, 200);
}

HttpResult TestChatIdentity::start(const QJsonObject &body)
{
    return m_http->send(
        "POST", QStringLiteral("/api/v1/chat/session"), QJsonDocument(body).toJson(), {{"X-Widget-Key", m_key}}, false);
}

Visit TestChatIdentity::visit(const QJsonObject &identity)
{
    const HttpResult r = start({{QStringLiteral("identity"), identity}});
    if (r.status != 201)
        qWarning("%d %s", r.status, r.body.constData());
    return {str(data(r), "sessionId"), str(data(r), "visitorSecret").toUtf8()};
}

QJsonObject TestChatIdentity::hashed(const QString &id, const QByteArray &secret) const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("userHash"), VisitorIdentity::userHash(id, secret)}};
}

HttpResult TestChatIdentity::get(const QString &path, const QByteArray &secret)
{
    return m_http->send("GET", path, {}, {{"X-Visitor-Secret", secret}}, false);
}

int TestChatIdentity::sessionCount()
{
    const HttpResult r = m_admin->get(
        withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), m_server->companyId()}}));
    return r.json().value(QLatin1String("total")).toInt(-1);
}

// The default: an identity is no key to anyone's data while the company has not turned it on.
void TestChatIdentity::offTakesNoIdentity()
{
    const int before = sessionCount();
    const HttpResult r = start({{QStringLiteral("identity"), hashed(QStringLiteral("cust_alice"), m_secret)}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("error")).toString(), QStringLiteral("identity could not be verified"));
    QCOMPARE(sessionCount(), before);
    // Anonymous visitors chat as before.
    const HttpResult anonymous = start({});
    QCOMPARE(anonymous.status, 201);
    QCOMPARE(data(anonymous).value(QLatin1String("identified")).toBool(), false);
}

// Verified, the visitor is the demo store's Alice: the AI answers about her own order.
void TestChatIdentity::aVerifiedVisitorIsTheCompanysCustomer()
{
    setIdentity("optional");
    const HttpResult r = start({{QStringLiteral("identity"), hashed(QStringLiteral("cust_alice"), m_secret)}});
    QCOMPARE(r.status, 201);
    QCOMPARE(data(r).value(QLatin1String("identified")).toBool(), true);
    const QString id = str(data(r), "sessionId");
    const HttpResult session = m_admin->get(
        withQuery(QStringLiteral("/api/cs/sessions/") + id, {{QStringLiteral("companyId"), m_server->companyId()}}));
    QCOMPARE(str(session.json(), "customerId"), QStringLiteral("cust_alice"));
    const HttpResult reply = m_http->send("POST", QStringLiteral("/api/v1/chat/message"),
        QJsonDocument(QJsonObject{{QStringLiteral("sessionId"), id},
                          {QStringLiteral("message"), QStringLiteral("where is my order?")}})
            .toJson(),
        {{"X-Visitor-Secret", str(data(r), "visitorSecret").toUtf8()}}, false);
    QCOMPARE(reply.status, 200);
    const QString said = str(data(reply), "response");
    const QStringList alices{QStringLiteral("ORD-10001"), QStringLiteral("ORD-10002"), QStringLiteral("ORD-10003")};
    QVERIFY2(std::any_of(alices.cbegin(), alices.cend(), [&said](const QString &o) { return said.contains(o); }),
        qPrintable(said));
    // An anonymous visitor asking the same is never told Alice's orders.
    const HttpResult stranger = start({});
    const HttpResult strangerReply = m_http->send("POST", QStringLiteral("/api/v1/chat/message"),
        QJsonDocument(QJsonObject{{QStringLiteral("sessionId"), str(data(stranger), "sessionId")},
                          {QStringLiteral("message"), QStringLiteral("where is my order?")}})
            .toJson(),
        {{"X-Visitor-Secret", str(data(stranger), "visitorSecret").toUtf8()}}, false);
    for (const QString &order : alices)
        QVERIFY2(
            !str(data(strangerReply), "response").contains(order), qPrintable(str(data(strangerReply), "response")));
}

// A customer the company has not told Tierdesk of yet: made from the token's name and e-mail.
void TestChatIdentity::aNewCustomerIsMadeWithTheirNameAndEmail()
{
    setIdentity("optional");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString token = jwt(
        {{QStringLiteral("sub"), QStringLiteral("shop-4711")}, {QStringLiteral("name"), QStringLiteral("Rita Novak")},
            {QStringLiteral("email"), QStringLiteral("rita@example.com")}, {QStringLiteral("iat"), now},
            {QStringLiteral("exp"), now + 3600}},
        m_secret);
    const Visit v = visit({{QStringLiteral("token"), token}});
    QVERIFY(!v.id.isEmpty());
    const HttpResult customer = m_admin->get(withQuery(
        QStringLiteral("/api/cs/customers/shop-4711"), {{QStringLiteral("companyId"), m_server->companyId()}}));
    QCOMPARE(customer.status, 200);
    QCOMPARE(str(customer.json(), "name"), QStringLiteral("Rita Novak"));
    QCOMPARE(str(customer.json(), "email"), QStringLiteral("rita@example.com"));
    // A known customer is kept as the company keeps them: a claim's name changes nothing.
    const Visit again = visit(
        {{QStringLiteral("id"), QStringLiteral("cust_alice")}, {QStringLiteral("name"), QStringLiteral("Mallory")},
            {QStringLiteral("userHash"), VisitorIdentity::userHash(QStringLiteral("cust_alice"), m_secret)}});
    QVERIFY(!again.id.isEmpty());
    const HttpResult alice = m_admin->get(withQuery(
        QStringLiteral("/api/cs/customers/cust_alice"), {{QStringLiteral("companyId"), m_server->companyId()}}));
    QCOMPARE(str(alice.json(), "name"), QStringLiteral("Alice Moreno"));
}

void TestChatIdentity::whatDoesNotHoldIsRefusedAndNothingStored_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("wrong hash") << QStringLiteral("wrong hash");
    QTest::newRow("hash of another id") << QStringLiteral("hash of another id");
    QTest::newRow("no hash") << QStringLiteral("no hash");
    QTest::newRow("token expired") << QStringLiteral("token expired");
    QTest::newRow("token of another secret") << QStringLiteral("token of another secret");
    QTest::newRow("token alg none") << QStringLiteral("token alg none");
    QTest::newRow("token living two days") << QStringLiteral("token living two days");
}

void TestChatIdentity::whatDoesNotHoldIsRefusedAndNothingStored()
{
    QFETCH(QString, kind);
    setIdentity("optional");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString id = QStringLiteral("shop-9001");
    QJsonObject claims{{QStringLiteral("sub"), id}, {QStringLiteral("name"), QStringLiteral("Eve")},
        {QStringLiteral("iat"), now - 7200}, {QStringLiteral("exp"), now - 3600}};
    QJsonObject identity{{QStringLiteral("id"), id}};
    if (kind == QLatin1String("wrong hash"))
        identity.insert(QStringLiteral("userHash"), QString(64, QLatin1Char('a')));
    else if (kind == QLatin1String("hash of another id"))
        identity.insert(QStringLiteral("userHash"), VisitorIdentity::userHash(QStringLiteral("cust_alice"), m_secret));
    else if (kind == QLatin1String("token expired"))
        identity.insert(QStringLiteral("token"), jwt(claims, m_secret));
    else if (kind == QLatin1String("token of another secret")) {
        claims.insert(QStringLiteral("exp"), now + 600);
        identity.insert(QStringLiteral("token"), jwt(claims, "not the company's secret"));
    } else if (kind == QLatin1String("token alg none")) {
        claims.insert(QStringLiteral("exp"), now + 600);
        identity.insert(QStringLiteral("token"), jwt(claims, m_secret, "none"));
    } else if (kind == QLatin1String("token living two days")) {
        claims.insert(QStringLiteral("iat"), now);
        claims.insert(QStringLiteral("exp"), now + 2 * 86400);
        identity.insert(QStringLiteral("token"), jwt(claims, m_secret));
    }
    const int before = sessionCount();
    const HttpResult r = start({{QStringLiteral("identity"), identity}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("error")).toString(), QStringLiteral("identity could not be verified"));
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("unauthorized"));
    QCOMPARE(sessionCount(), before);
    const HttpResult customer = m_admin->get(
        withQuery(QStringLiteral("/api/cs/customers/") + id, {{QStringLiteral("companyId"), m_server->companyId()}}));
    QCOMPARE(customer.status, 404);
}

void TestChatIdentity::requiredLetsNoAnonymousVisitorIn()
{
    setIdentity("required");
    const int before = sessionCount();
    QCOMPARE(start({}).status, 401);
    QCOMPARE(start({{QStringLiteral("userId"), QStringLiteral("cust_alice")}}).status, 401);
    QCOMPARE(sessionCount(), before);
    QVERIFY(!visit(hashed(QStringLiteral("cust_ben"), m_secret)).id.isEmpty());
    // Malformed is 400, not a refusal of who the visitor is.
    QCOMPARE(start({{QStringLiteral("identity"), QStringLiteral("cust_ben")}}).status, 400);
}

// The panel lists the customer's last conversations and reads an earlier one with the current
// session's secret; nobody else reads them.
void TestChatIdentity::earlierConversationsAreTheCustomersOnly()
{
    setIdentity("optional");
    const Visit first = visit(hashed(QStringLiteral("cust_alice"), m_secret));
    const Visit second = visit(hashed(QStringLiteral("cust_alice"), m_secret)); // another browser, later
    const Visit ben = visit(hashed(QStringLiteral("cust_ben"), m_secret));
    const HttpResult anonymous = start({});
    const Visit stranger{str(data(anonymous), "sessionId"), str(data(anonymous), "visitorSecret").toUtf8()};
    QVERIFY(!first.id.isEmpty() && !second.id.isEmpty() && !ben.id.isEmpty() && !stranger.id.isEmpty());

    HttpResult r = get(QStringLiteral("/api/v1/chat/conversations?sessionId=") + second.id, second.secret);
    QCOMPARE(r.status, 200);
    QStringList listed;
    for (const QJsonValue &c : data(r).value(QLatin1String("conversations")).toArray())
        listed << str(c.toObject(), "sessionId");
    QVERIFY2(listed.contains(first.id) && listed.contains(second.id), qPrintable(listed.join(QLatin1Char(','))));
    QVERIFY(!listed.contains(ben.id));
    QVERIFY(listed.size() <= 10);

    // The earlier one, read with the current one's secret.
    r = get(QStringLiteral("/api/v1/chat/history/%1?session=%2").arg(first.id, second.id), second.secret);
    QCOMPARE(r.status, 200);
    QCOMPARE(str(data(r), "sessionId"), first.id);
    // Ben's secret, another session's secret, an anonymous visitor's: as if it did not exist.
    QCOMPARE(get(QStringLiteral("/api/v1/chat/history/%1?session=%2").arg(first.id, ben.id), ben.secret).status, 404);
    QCOMPARE(
        get(QStringLiteral("/api/v1/chat/history/%1?session=%2").arg(first.id, second.id), ben.secret).status, 404);
    // An anonymous visitor (as after Tierdesk("logout")) lists their own conversation only.
    r = get(QStringLiteral("/api/v1/chat/conversations?sessionId=") + stranger.id, stranger.secret);
    QCOMPARE(r.status, 200);
    const QJsonArray own = data(r).value(QLatin1String("conversations")).toArray();
    QCOMPARE(own.size(), 1);
    QCOMPARE(str(own.first().toObject(), "sessionId"), stranger.id);
    QCOMPARE(
        get(QStringLiteral("/api/v1/chat/history/%1?session=%2").arg(first.id, stranger.id), stranger.secret).status,
        404);
}

QTEST_GUILESS_MAIN(TestChatIdentity)
#include "tst_chatidentity.moc"
