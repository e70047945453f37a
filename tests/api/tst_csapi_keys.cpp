// Keys for the other API families on a real server on 127.0.0.1: POST, GET and
// DELETE /api/cs/tokens with "kind" sigv4, apikey and widget. What is stored
// (a sealed secret, a hash, a public key), what is listed (never a secret), and
// what the verifiers of core/api/auth make of a key through the engine's
// look-ups: accepted for its own company, refused once revoked or expired.
#include "tests/api/ApiTestSupport.h"

#include "core/api/auth/ApiKeyVerifier.h"
#include "core/api/auth/SigV4Verifier.h"
#include "core/api/auth/WidgetKeyVerifier.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// A GET signed the AWS way (as botocore would: host and x-amz-date signed).
SignedRequest signedGet(const QString &accessKeyId, const QString &secret, const QString &region, qint64 atMs)
{
    SignedRequest r;
    r.method = "GET";
    r.rawPath = "/analytics/summary";
    r.rawQuery = "range=7d";
    const QByteArray amzDate
        = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
    r.headers = {{"Host", "127.0.0.1:8080"}, {"X-Amz-Date", amzDate}};
    QByteArray missing;
    const QByteArray canonical = sigv4::canonicalRequest(r.method, sigv4::canonicalUri(r.rawPath),
        sigv4::canonicalQuery(r.rawQuery), sigv4::canonicalHeaders({"host", "x-amz-date"}, r.headers, &missing),
        "host;x-amz-date", sigv4::sha256Hex({}));
    const QByteArray date = amzDate.left(8);
    const QByteArray scope = date + '/' + region.toLatin1() + "/execute-api/aws4_request";
    const QByteArray signature
        = sigv4::signature(sigv4::signingKey(secret.toLatin1(), date, region.toLatin1(), "execute-api"),
            sigv4::stringToSign(amzDate, scope, canonical));
    r.headers.append({"Authorization",
        "AWS4-HMAC-SHA256 Credential=" + accessKeyId.toLatin1() + '/' + scope
            + ", SignedHeaders=host;x-amz-date, Signature=" + signature});
    return r;
}

} // namespace

class TestCsApiKeys : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sigv4KeyIsShownOnceAndSealed();
    void apiKeyIsStoredHashed();
    void widgetKeyIsPublic();
    void keyWithTtlExpires();
    void keyCreateRefusesBadInput();
    void keysStayInTheirCompany();
    void jwtStaysTheDefault();

private:
    KeyVerdict verifySigV4(const SignedRequest &r, qint64 nowMs);
    KeyVerdict verifyApiKey(const QByteArray &key);
    KeyVerdict verifyWidgetKey(const QByteArray &key);
    HttpResult create(const QJsonObject &body) { return m_admin->post(QStringLiteral("/api/cs/tokens"), body); }
    QJsonObject listed(const QString &id);

    std::unique_ptr<ServerFixture> m_fixture;
    ServerFixture &server() { return *m_fixture; }
    std::unique_ptr<HttpClient> m_admin;
};

void TestCsApiKeys::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    QString error;
    QVERIFY2(server().start({}, false, &error), qPrintable(error));
    m_admin = server().client(api::Role::Admin);
}

void TestCsApiKeys::cleanup()
{
    m_admin.reset();
    m_fixture.reset();
}

KeyVerdict TestCsApiKeys::verifySigV4(const SignedRequest &r, qint64 nowMs)
{
    ApiTokens &tokens = server().runtime().apiTokens();
    return SigV4Verifier([&tokens](const QString &id) { return tokens.sigv4Key(id); }).verify(r, nowMs);
}

KeyVerdict TestCsApiKeys::verifyApiKey(const QByteArray &key)
{
    ApiTokens &tokens = server().runtime().apiTokens();
    return ApiKeyVerifier([&tokens](const QByteArray &hash) {
        return tokens.apiKey(hash);
    }).verify(key, QDateTime::currentMSecsSinceEpoch());
}

KeyVerdict TestCsApiKeys::verifyWidgetKey(const QByteArray &key)
{
    ApiTokens &tokens = server().runtime().apiTokens();
    return WidgetKeyVerifier([&tokens](const QString &k) {
        return tokens.widgetKey(k);
    }).verify(key, QDateTime::currentMSecsSinceEpoch());
}

QJsonObject TestCsApiKeys::listed(const QString &id)
{
    const HttpResult list = m_admin->get(QStringLiteral("/api/cs/tokens"));
    for (const QJsonValue &v : list.json().value(QLatin1String("tokens")).toArray())
        if (str(v.toObject(), "id") == id)
            return v.toObject();
    return {};
}

void TestCsApiKeys::sigv4KeyIsShownOnceAndSealed()
{
    HttpResult r = create({{QStringLiteral("name"), QStringLiteral("Platform")},
        {QStringLiteral("kind"), QStringLiteral("sigv4")}, {QStringLiteral("region"), QStringLiteral("eu-central-1")}});
    QVERIFY2(r.status == 201, describe(r));
    const QJsonObject made = r.json();
    const QString id = str(made, "id"), accessKeyId = str(made, "accessKeyId"), secret = str(made, "secretAccessKey");
    QCOMPARE(str(made, "kind"), QStringLiteral("sigv4"));
    QCOMPARE(str(made, "role"), QStringLiteral("admin"));
    QCOMPARE(str(made, "region"), QStringLiteral("eu-central-1"));
    QVERIFY2(accessKeyId.size() == 20 && accessKeyId.startsWith(QLatin1String("TDAK")), qPrintable(accessKeyId));
    QCOMPARE(secret.size(), 40);
    QVERIFY(!made.contains(QLatin1String("expiresAt"))); // no ttl: it does not expire

    // Stored sealed, never in plain text; listed without it.
    const QString sealed
        = server().scalar(QStringLiteral("SELECT sealed_secret FROM api_tokens WHERE id = ?"), {id}).toString();
    QVERIFY2(sealed.startsWith(QLatin1String("sb1:")), qPrintable(sealed));
    QCOMPARE(
        server()
            .scalar(QStringLiteral(
                        "SELECT count(*) FROM api_tokens WHERE instr(id || name || lookup || sealed_secret, ?) > 0"),
                {secret})
            .toInt(),
        0);
    const HttpResult list = m_admin->get(QStringLiteral("/api/cs/tokens"));
    QVERIFY(!list.body.contains(secret.toLatin1()));
    const QJsonObject entry = listed(id);
    QCOMPARE(str(entry, "accessKeyId"), accessKeyId);
    QCOMPARE(str(entry, "region"), QStringLiteral("eu-central-1"));
    QVERIFY(!entry.contains(QLatin1String("secretAccessKey")));

    // The verifier finds it through the engine and opens its secret.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const SignedRequest get = signedGet(accessKeyId, secret, QStringLiteral("eu-central-1"), now);
    KeyVerdict v = verifySigV4(get, now);
    QVERIFY2(v.accepted(), qPrintable(v.reason));
    QCOMPARE(v.key->companyId, server().companyId());
    QCOMPARE(v.key->id, id);
    // One character changed (never to itself: the secret may end in 'x').
    const QString wrongSecret = secret.left(39) + QLatin1Char(secret.endsWith(QLatin1Char('x')) ? 'y' : 'x');
    QCOMPARE(verifySigV4(signedGet(accessKeyId, wrongSecret, QStringLiteral("eu-central-1"), now), now).refusal,
        KeyRefusal::WrongSignature);

    r = m_admin->del(QStringLiteral("/api/cs/tokens/") + id);
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("revoked")).toBool(), true);
    QCOMPARE(verifySigV4(get, now).refusal, KeyRefusal::Revoked);
    const QByteArray created
        = server().scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = 'token.create'")).toByteArray();
    QCOMPARE(
        QJsonDocument::fromJson(created).object().value(QLatin1String("kind")).toString(), QStringLiteral("sigv4"));
    QCOMPARE(
        server().scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'token.create'")).toInt(), 1);
    QCOMPARE(
        server().scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'token.revoke'")).toInt(), 1);
}

void TestCsApiKeys::apiKeyIsStoredHashed()
{
    HttpResult r = create({{QStringLiteral("name"), QStringLiteral("Agent API")},
        {QStringLiteral("kind"), QStringLiteral("apikey")}, {QStringLiteral("role"), QStringLiteral("supervisor")}});
    QVERIFY2(r.status == 201, describe(r));
    const QString id = str(r.json(), "id");
    const QByteArray key = str(r.json(), "key").toLatin1();
    QVERIFY2(key.startsWith("tdk_") && key.size() >= 40, key.constData());
    QCOMPARE(str(r.json(), "role"), QStringLiteral("supervisor"));
    QCOMPARE(str(r.json(), "keyPrefix"), QString::fromLatin1(key.left(12)));

    QCOMPARE(server().scalar(QStringLiteral("SELECT lookup FROM api_tokens WHERE id = ?"), {id}).toString(),
        QString::fromLatin1(apiKeyHash(key)));
    QCOMPARE(
        server()
            .scalar(QStringLiteral(
                        "SELECT count(*) FROM api_tokens WHERE instr(lookup || key_prefix || sealed_secret, ?) > 0"),
                {QString::fromLatin1(key)})
            .toInt(),
        0);
    const HttpResult list = m_admin->get(QStringLiteral("/api/cs/tokens"));
    QVERIFY(!list.body.contains(key));
    QCOMPARE(str(listed(id), "keyPrefix"), QString::fromLatin1(key.left(12)));
    QCOMPARE(str(listed(id), "kind"), QStringLiteral("apikey"));

    KeyVerdict v = verifyApiKey(key);
    QVERIFY2(v.accepted(), qPrintable(v.reason));
    QCOMPARE(v.key->companyId, server().companyId());
    QCOMPARE(v.key->role, QStringLiteral("supervisor"));
    QCOMPARE(verifyApiKey(key.left(key.size() - 1)).refusal, KeyRefusal::UnknownKey);
    QCOMPARE(m_admin->del(QStringLiteral("/api/cs/tokens/") + id).status, 200);
    QCOMPARE(verifyApiKey(key).refusal, KeyRefusal::Revoked);
}

void TestCsApiKeys::widgetKeyIsPublic()
{
    HttpResult r = create(
        {{QStringLiteral("name"), QStringLiteral("Web chat")}, {QStringLiteral("kind"), QStringLiteral("widget")}});
    QVERIFY2(r.status == 201, describe(r));
    const QString id = str(r.json(), "id");
    const QByteArray key = str(r.json(), "key").toLatin1();
    QVERIFY2(key.startsWith("tdw_"), key.constData());
    QCOMPARE(str(r.json(), "role"), QStringLiteral("visitor"));
    QCOMPARE(str(listed(id), "key"), QString::fromLatin1(key)); // public: listed for embedding again
    const KeyVerdict v = verifyWidgetKey(key);
    QVERIFY2(v.accepted(), qPrintable(v.reason));
    QCOMPARE(v.key->companyId, server().companyId());
    QCOMPARE(m_admin->del(QStringLiteral("/api/cs/tokens/") + id).status, 200);
    QCOMPARE(verifyWidgetKey(key).refusal, KeyRefusal::Revoked);
    QVERIFY(listed(id).value(QLatin1String("revoked")).toBool());
}

void TestCsApiKeys::keyWithTtlExpires()
{
    const HttpResult r = create({{QStringLiteral("name"), QStringLiteral("Short")},
        {QStringLiteral("kind"), QStringLiteral("sigv4")}, {QStringLiteral("ttlSeconds"), 600}});
    QVERIFY2(r.status == 201, describe(r));
    QCOMPARE(str(r.json(), "region"), QStringLiteral("us-east-1"));
    const QDateTime expires = QDateTime::fromString(str(r.json(), "expiresAt"), Qt::ISODateWithMs);
    QVERIFY2(expires.isValid(), qPrintable(str(r.json(), "expiresAt")));
    const qint64 late = expires.toMSecsSinceEpoch() + 1000;
    const SignedRequest get
        = signedGet(str(r.json(), "accessKeyId"), str(r.json(), "secretAccessKey"), QStringLiteral("us-east-1"), late);
    QCOMPARE(verifySigV4(get, late).refusal, KeyRefusal::Expired);
    const qint64 early = expires.toMSecsSinceEpoch() - 60000;
    QVERIFY(verifySigV4(
        signedGet(str(r.json(), "accessKeyId"), str(r.json(), "secretAccessKey"), QStringLiteral("us-east-1"), early),
        early)
                .accepted());
}

void TestCsApiKeys::keyCreateRefusesBadInput()
{
    struct Case {
        QJsonObject body;
        const char *field;
    };
    const QString name = QStringLiteral("name"), kind = QStringLiteral("kind");
    const QList<Case> cases{
        {{{name, QStringLiteral("k")}, {kind, QStringLiteral("oauth")}}, "kind"},
        {{{name, QStringLiteral("k")}, {kind, 4}}, "kind"},
        {{{name, QString()}, {kind, QStringLiteral("apikey")}}, "name"},
        {{{name, QStringLiteral("k")}, {kind, QStringLiteral("apikey")},
             {QStringLiteral("region"), QStringLiteral("eu-west-1")}},
            "region"},
        {{{name, QStringLiteral("k")}, {kind, QStringLiteral("sigv4")},
             {QStringLiteral("region"), QStringLiteral("EU_WEST")}},
            "region"},
        {{{name, QStringLiteral("k")}, {kind, QStringLiteral("sigv4")}, {QStringLiteral("region"), 1}}, "region"},
        {{{name, QStringLiteral("k")}, {kind, QStringLiteral("widget")},
             {QStringLiteral("role"), QStringLiteral("admin")}},
            "role"},
        {{{name, QStringLiteral("k")}, {kind, QStringLiteral("sigv4")},
             {QStringLiteral("role"), QStringLiteral("client")}},
            "role"},
        {{{name, QStringLiteral("k")}, {kind, QStringLiteral("apikey")},
             {QStringLiteral("customerId"), QStringLiteral("c")}},
            "customerId"},
        {{{name, QStringLiteral("k")}, {kind, QStringLiteral("apikey")}, {QStringLiteral("ttlSeconds"), 59}},
            "ttlSeconds"},
        {{{name, QStringLiteral("k")}, {QStringLiteral("role"), QStringLiteral("agent")},
             {QStringLiteral("region"), QStringLiteral("eu-west-1")}},
            "region"},
    };
    for (const Case &c : cases) {
        const HttpResult r = create(c.body);
        QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
        QCOMPARE(str(r.error().value(QLatin1String("details")).toObject(), "field"), QLatin1String(c.field));
    }
    QCOMPARE(server().scalar(QStringLiteral("SELECT count(*) FROM api_tokens")).toInt(), 0);
    HttpClient agent(server().port(), server().token(api::Role::Agent));
    QCOMPARE(
        agent.post(QStringLiteral("/api/cs/tokens"), {{name, QStringLiteral("k")}, {kind, QStringLiteral("apikey")}})
            .status,
        403);
}

void TestCsApiKeys::keysStayInTheirCompany()
{
    const QString other = server().createCompany(QStringLiteral("Other"));
    HttpClient otherAdmin(server().port(), server().token(api::Role::Admin, other));
    const HttpResult mine
        = create({{QStringLiteral("name"), QStringLiteral("k")}, {QStringLiteral("kind"), QStringLiteral("apikey")}});
    QCOMPARE(mine.status, 201);
    const HttpResult theirs = otherAdmin.post(QStringLiteral("/api/cs/tokens"),
        {{QStringLiteral("name"), QStringLiteral("k")}, {QStringLiteral("kind"), QStringLiteral("apikey")}});
    QCOMPARE(theirs.status, 201);
    QCOMPARE(
        otherAdmin.get(QStringLiteral("/api/cs/tokens")).json().value(QLatin1String("tokens")).toArray().size(), 1);
    QCOMPARE(otherAdmin.del(QStringLiteral("/api/cs/tokens/") + str(mine.json(), "id")).status, 404);
    QCOMPARE(verifyApiKey(str(mine.json(), "key").toLatin1()).key->companyId, server().companyId());
    QCOMPARE(verifyApiKey(str(theirs.json(), "key").toLatin1()).key->companyId, other);
}

void TestCsApiKeys::jwtStaysTheDefault()
{
    const HttpResult r
        = create({{QStringLiteral("name"), QStringLiteral("CRM")}, {QStringLiteral("role"), QStringLiteral("agent")}});
    QVERIFY2(r.status == 201, describe(r));
    QCOMPARE(str(r.json(), "kind"), QStringLiteral("jwt"));
    QVERIFY(!str(r.json(), "token").isEmpty());
    QVERIFY(r.json().contains(QLatin1String("expiresAt")));
    QVERIFY(!r.json().contains(QLatin1String("key")));
    // A JWT is no key: the key look-ups do not find it by its id.
    QVERIFY(!server().runtime().apiTokens().widgetKey(str(r.json(), "id")));
    // JWTs have no lookup, so any number of them are stored beside keys.
    const HttpResult second = create(
        {{QStringLiteral("name"), QStringLiteral("CRM 2")}, {QStringLiteral("role"), QStringLiteral("admin")}});
    QVERIFY2(second.status == 201, describe(second));
    QCOMPARE(create({{QStringLiteral("name"), QStringLiteral("k")}, {QStringLiteral("kind"), QStringLiteral("widget")}})
                 .status,
        201);
    QCOMPARE(m_admin->get(QStringLiteral("/api/cs/tokens")).json().value(QLatin1String("tokens")).toArray().size(), 3);
}

QTEST_MAIN(TestCsApiKeys)
#include "tst_csapi_keys.moc"
