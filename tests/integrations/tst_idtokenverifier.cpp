// ID token checks (OpenID Connect Core 3.1.3.7) with keys made here by OpenSSL: RS256 and ES256
// tokens that hold, then each refusal in turn, every one with its own reason.
#include "OidcTestKeys.h"
#include "core/integrations/oidc/IdTokenVerifier.h"
#include "core/integrations/oidc/JwkSet.h"

#include <QTest>

using namespace tierdesk;
using tierdesk::test::OidcTestKey;

namespace {

constexpr qint64 kNow = 1766145600;
const QString kIssuer = QStringLiteral("https://idp.example.com");
const QString kClient = QStringLiteral("tierdesk");
const QByteArray kNonce = QByteArrayLiteral("n-0S6_WzA2Mj");

QJsonObject claims()
{
    return {{QStringLiteral("iss"), kIssuer}, {QStringLiteral("sub"), QStringLiteral("248289761001")},
        {QStringLiteral("aud"), kClient}, {QStringLiteral("exp"), double(kNow + 300)},
        {QStringLiteral("iat"), double(kNow - 10)}, {QStringLiteral("nonce"), QString::fromLatin1(kNonce)},
        {QStringLiteral("email"), QStringLiteral("jane@example.com")}, {QStringLiteral("email_verified"), true}};
}

IdTokenCheck check()
{
    IdTokenCheck c;
    c.issuer = kIssuer;
    c.clientId = kClient;
    c.nonce = kNonce;
    c.nowSecs = kNow;
    return c;
}

} // namespace

class TestIdTokenVerifier : public QObject {
    Q_OBJECT

private:
    OidcTestKey m_rsa{QStringLiteral("RS256"), QStringLiteral("rsa-1")};
    OidcTestKey m_ec{QStringLiteral("ES256"), QStringLiteral("ec-1")};
    JwkSet m_keys;

    // The refusal's reason of `token`, empty when it holds.
    QString refusal(const QByteArray &token)
    {
        const auto r = IdTokenVerifier::verify(token, m_keys, check());
        if (r)
            return {};
        [&] { QCOMPARE(r.error().kind, ErrorKind::Unauthenticated); }();
        return r.error().message;
    }
    QString refusalOf(const QJsonObject &payload) { return refusal(m_rsa.sign(payload)); }

private slots:
    void initTestCase()
    {
        const auto keys = JwkSet::parse(OidcTestKey::jwks({&m_rsa, &m_ec}));
        QVERIFY2(keys, qPrintable(keys ? QString() : keys.error().message));
        m_keys = *keys;
        QCOMPARE(m_keys.size(), 2);
    }

    void rs256Holds()
    {
        const auto r = IdTokenVerifier::verify(m_rsa.sign(claims()), m_keys, check());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(r->value(QLatin1String("email")).toString(), QStringLiteral("jane@example.com"));
    }

    void es256Holds() { QCOMPARE(refusal(m_ec.sign(claims())), QString()); }

    void audienceListWithAuthorizedParty()
    {
        QJsonObject c = claims();
        c.insert(QStringLiteral("aud"), QJsonArray{kClient, QStringLiteral("api")});
        QCOMPARE(refusalOf(c), QStringLiteral("the ID token is for another client")); // no azp
        c.insert(QStringLiteral("azp"), kClient);
        QCOMPARE(refusalOf(c), QString());
    }

    void refusesEachClaim_data()
    {
        QTest::addColumn<QString>("claim");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("iss") << "iss" << QJsonValue(QStringLiteral("https://other.example.com"))
                             << "the ID token is from another issuer";
        QTest::newRow("aud") << "aud" << QJsonValue(QStringLiteral("someone-else"))
                             << "the ID token is for another client";
        QTest::newRow("aud list") << "aud" << QJsonValue(QJsonArray{QStringLiteral("a"), QStringLiteral("b")})
                                  << "the ID token is for another client";
        QTest::newRow("azp") << "azp" << QJsonValue(QStringLiteral("someone-else"))
                             << "the ID token is for another client";
        QTest::newRow("exp") << "exp" << QJsonValue(double(kNow - IdTokenVerifier::kLeewaySecs - 1))
                             << "the ID token expired";
        QTest::newRow("exp missing") << "exp" << QJsonValue() << "the ID token lacks exp or iat";
        QTest::newRow("iat") << "iat" << QJsonValue(double(kNow + IdTokenVerifier::kLeewaySecs + 5))
                             << "the ID token was issued in the future";
        QTest::newRow("nonce") << "nonce" << QJsonValue(QStringLiteral("n-other"))
                               << "the ID token's nonce is not this sign-in's";
        QTest::newRow("nonce missing") << "nonce" << QJsonValue() << "the ID token's nonce is not this sign-in's";
        QTest::newRow("sub") << "sub" << QJsonValue(QString()) << "the ID token names no subject";
    }

    void refusesEachClaim()
    {
        QFETCH(QString, claim);
        QFETCH(QJsonValue, value);
        QFETCH(QString, reason);
        QJsonObject c = claims();
        if (value.isNull())
            c.remove(claim);
        else
            c.insert(claim, value);
        QCOMPARE(refusalOf(c), reason);
    }

    void leewayAllowsSmallSkew()
    {
        QJsonObject c = claims();
        c.insert(QStringLiteral("exp"), double(kNow - 30));
        c.insert(QStringLiteral("iat"), double(kNow + 30));
        QCOMPARE(refusalOf(c), QString());
    }

    void refusesOtherAlgorithms()
    {
        const QByteArray header = base64Url(R"({"alg":"none","kid":"rsa-1"})");
        const QByteArray payload = base64Url(QJsonDocument(claims()).toJson(QJsonDocument::Compact));
        QCOMPARE(refusal(header + '.' + payload + '.'),
            QStringLiteral("the ID token is signed with 'none'; only RS256 and ES256 are accepted"));
        // HS256 with the client secret as the MAC key: never a way in.
        const QByteArray hs = base64Url(R"({"alg":"HS256","kid":"rsa-1"})") + '.' + payload + '.' + base64Url("mac");
        QCOMPARE(refusal(hs), QStringLiteral("the ID token is signed with 'HS256'; only RS256 and ES256 are accepted"));
        QCOMPARE(refusal(m_rsa.sign(claims(), QStringLiteral("RS512"))),
            QStringLiteral("the ID token is signed with 'RS512'; only RS256 and ES256 are accepted"));
    }

    void refusesUnknownKeys()
    {
        const OidcTestKey stranger(QStringLiteral("RS256"), QStringLiteral("rsa-2"));
        QCOMPARE(refusal(stranger.sign(claims())), QStringLiteral("the ID token was signed with an unknown key"));
        // A known kid, but a key of another type than the header's alg says.
        QCOMPARE(refusal(m_rsa.sign(claims(), QStringLiteral("ES256"), QStringLiteral("rsa-1"))),
            QStringLiteral("the ID token was signed with an unknown key"));
        // Another key under a known kid: the signature does not hold.
        const OidcTestKey impostor(QStringLiteral("RS256"), QStringLiteral("rsa-1"));
        QCOMPARE(refusal(impostor.sign(claims())), QStringLiteral("the ID token's signature does not hold"));
        const OidcTestKey ecImpostor(QStringLiteral("ES256"), QStringLiteral("ec-1"));
        QCOMPARE(refusal(ecImpostor.sign(claims())), QStringLiteral("the ID token's signature does not hold"));
    }

    void refusesChangedPayload()
    {
        const QList<QByteArray> parts = m_ec.sign(claims()).split('.');
        QJsonObject c = claims();
        c.insert(QStringLiteral("email"), QStringLiteral("mallory@example.com"));
        const QByteArray forged
            = parts[0] + '.' + base64Url(QJsonDocument(c).toJson(QJsonDocument::Compact)) + '.' + parts[2];
        QCOMPARE(refusal(forged), QStringLiteral("the ID token's signature does not hold"));
    }

    void refusesMalformedTokens()
    {
        for (const QByteArray &token : {QByteArray(), QByteArray("a.b"), QByteArray("a.b.c"), QByteArray("..."),
                 QByteArray(IdTokenVerifier::kMaxTokenBytes + 1, 'a')})
            QVERIFY(!refusal(token).isEmpty());
    }

    void keySetSkipsWhatItCannotUse()
    {
        QJsonObject enc = m_rsa.publicJwk();
        enc.insert(QStringLiteral("use"), QStringLiteral("enc"));
        QJsonObject p384 = m_ec.publicJwk();
        p384.insert(QStringLiteral("crv"), QStringLiteral("P-384"));
        QJsonObject offCurve = m_ec.publicJwk();
        offCurve.insert(QStringLiteral("y"), offCurve.value(QLatin1String("x")));
        const QJsonObject oct{
            {QStringLiteral("kty"), QStringLiteral("oct")}, {QStringLiteral("k"), QStringLiteral("c2VjcmV0")}};
        const QByteArray none
            = QJsonDocument(QJsonObject{{QStringLiteral("keys"), QJsonArray{enc, p384, offCurve, oct}}})
                  .toJson(QJsonDocument::Compact);
        QVERIFY(!JwkSet::parse(none));
        QVERIFY(!JwkSet::parse("not json"));
        QVERIFY(!JwkSet::parse(R"({"keys":{}})"));
    }
};

QTEST_APPLESS_MAIN(TestIdTokenVerifier)
#include "tst_idtokenverifier.moc"
