// The provider client over a scripted OutboundHttp: the code redeemed with PKCE and
// client_secret_basic, discovery kept, keys fetched again on an unknown kid (a rotation), and
// not again for every made-up kid of a flood.
#include "OidcTestKeys.h"
#include "core/integrations/oidc/OidcProviderClient.h"
#include "tests/support/FakeClock.h"

#include <QTest>
#include <QUrlQuery>

using namespace tierdesk;
using tierdesk::test::OidcTestKey;

namespace {

const QString kIssuer = QStringLiteral("https://idp.example.com");

// The provider's three endpoints; what it serves is set by the test.
class ScriptedProvider final : public OutboundHttp {
public:
    QByteArray jwks;
    QByteArray idToken;
    int status = 200;
    QList<OutboundRequest> requests;

    int fetchesOf(const QString &path) const
    {
        int n = 0;
        for (const OutboundRequest &r : requests)
            n += r.url.path() == path ? 1 : 0;
        return n;
    }

    OutboundResult post(const OutboundRequest &r) override
    {
        requests << r;
        OutboundResult out;
        out.status = 200;
        if (r.url.path() == QLatin1String("/.well-known/openid-configuration")) {
            out.body = QJsonDocument(
                QJsonObject{{QStringLiteral("issuer"), kIssuer},
                    {QStringLiteral("authorization_endpoint"), QString(kIssuer + QStringLiteral("/auth"))},
                    {QStringLiteral("token_endpoint"), QString(kIssuer + QStringLiteral("/token"))},
                    {QStringLiteral("jwks_uri"), QString(kIssuer + QStringLiteral("/jwks"))}})
                           .toJson();
        } else if (r.url.path() == QLatin1String("/jwks")) {
            out.body = jwks;
        } else if (status != 200) {
            out.status = status;
            out.body = R"({"error":"invalid_grant","error_description":"code expired"})";
        } else {
            out.body = QJsonDocument(QJsonObject{{QStringLiteral("id_token"), QString::fromLatin1(idToken)},
                                         {QStringLiteral("token_type"), QStringLiteral("Bearer")}})
                           .toJson();
        }
        return out;
    }
};

} // namespace

class TestOidcProviderClient : public QObject {
    Q_OBJECT

private:
    test::FakeClock m_clock;
    OidcTestKey m_first{QStringLiteral("RS256"), QStringLiteral("first")};
    OidcTestKey m_second{QStringLiteral("ES256"), QStringLiteral("second")};

    QJsonObject claims() const
    {
        const qint64 now = m_clock.nowSecs();
        return {{QStringLiteral("iss"), kIssuer}, {QStringLiteral("sub"), QStringLiteral("u1")},
            {QStringLiteral("aud"), QStringLiteral("tierdesk")}, {QStringLiteral("exp"), double(now + 300)},
            {QStringLiteral("iat"), double(now)}, {QStringLiteral("nonce"), QStringLiteral("the-nonce")}};
    }
    static CodeGrant grant()
    {
        CodeGrant g;
        g.issuer = kIssuer;
        g.clientId = QStringLiteral("tierdesk");
        g.clientSecret = "s3cret:+&";
        g.code = QStringLiteral("the code");
        g.redirectUri = QStringLiteral("https://desk.example.com/api/cs/auth/oidc/callback");
        g.codeVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        g.nonce = "the-nonce";
        return g;
    }

private slots:
    void redeemsTheCode()
    {
        auto idp = std::make_shared<ScriptedProvider>();
        idp->jwks = OidcTestKey::jwks({&m_first});
        idp->idToken = m_first.sign(claims());
        OidcProviderClient client(idp, m_clock);
        const auto out = client.redeem(grant());
        QVERIFY2(out, qPrintable(out ? QString() : out.error().message));
        QCOMPARE(out->value(QLatin1String("sub")).toString(), QStringLiteral("u1"));
        const OutboundRequest &token = idp->requests.at(1);
        QCOMPARE(token.method, QByteArrayLiteral("POST"));
        const QUrlQuery form(QString::fromLatin1(token.body));
        QCOMPARE(form.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("authorization_code"));
        QCOMPARE(form.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded), QStringLiteral("the code"));
        QCOMPARE(form.queryItemValue(QStringLiteral("code_verifier")), QString::fromLatin1(grant().codeVerifier));
        QCOMPARE(form.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded), grant().redirectUri);
        QVERIFY(!token.body.contains("s3cret"));
        QVERIFY(
            token.headers.contains({"Authorization", "Basic " + QByteArray("tierdesk:s3cret%3A%2B%26").toBase64()}));
        // Discovery and keys are kept for the next sign-in.
        idp->idToken = m_first.sign(claims());
        QVERIFY(client.redeem(grant()));
        QCOMPARE(idp->fetchesOf(QStringLiteral("/.well-known/openid-configuration")), 1);
        QCOMPARE(idp->fetchesOf(QStringLiteral("/jwks")), 1);
    }

    void fetchesKeysAgainAfterARotation()
    {
        auto idp = std::make_shared<ScriptedProvider>();
        idp->jwks = OidcTestKey::jwks({&m_first});
        idp->idToken = m_first.sign(claims());
        OidcProviderClient client(idp, m_clock);
        QVERIFY(client.redeem(grant()));
        idp->jwks = OidcTestKey::jwks({&m_second, &m_first});
        idp->idToken = m_second.sign(claims());
        const auto out = client.redeem(grant());
        QVERIFY2(out, qPrintable(out ? QString() : out.error().message));
        QCOMPARE(idp->fetchesOf(QStringLiteral("/jwks")), 2);
    }

    void unknownKidsDoNotHammerTheProvider()
    {
        auto idp = std::make_shared<ScriptedProvider>();
        idp->jwks = OidcTestKey::jwks({&m_first});
        idp->idToken = m_first.sign(claims());
        OidcProviderClient client(idp, m_clock);
        QVERIFY(client.redeem(grant()));
        const OidcTestKey stranger(QStringLiteral("RS256"), QStringLiteral("made-up"));
        for (int i = 0; i < 5; ++i) {
            idp->idToken = stranger.sign(claims(), {}, QStringLiteral("made-up-%1").arg(i));
            const auto out = client.redeem(grant());
            QVERIFY(!out);
            QCOMPARE(out.error().message, QStringLiteral("the ID token was signed with an unknown key"));
        }
        QCOMPARE(idp->fetchesOf(QStringLiteral("/jwks")), 2); // the first, then one refetch
        m_clock.advanceSecs(OidcProviderClient::kMinKeyRefetchSecs);
        QVERIFY(!client.redeem(grant()));
        QCOMPARE(idp->fetchesOf(QStringLiteral("/jwks")), 3);
    }

    void tellsWhyTheProviderRefusedTheCode()
    {
        auto idp = std::make_shared<ScriptedProvider>();
        idp->status = 400;
        OidcProviderClient client(idp, m_clock);
        const auto out = client.redeem(grant());
        QVERIFY(!out);
        QCOMPARE(out.error().kind, ErrorKind::Unauthenticated);
        QCOMPARE(out.error().message,
            QStringLiteral("The identity provider refused the code: invalid_grant (code expired)"));
    }
};

QTEST_APPLESS_MAIN(TestOidcProviderClient)
#include "tst_oidcproviderclient.moc"
