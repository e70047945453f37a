// A provider's discovery document (OpenID Connect Discovery 1.0): what a sign-in needs of it, the
// issuer exactly the configured one, and endpoints on https (or plain http on loopback only).
#include "core/integrations/oidc/OidcDiscovery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tierdesk;

namespace {

const QString kIssuer = QStringLiteral("https://login.example.com/tenant");

QByteArray document(const QJsonObject &change = {})
{
    QJsonObject o{{QStringLiteral("issuer"), kIssuer},
        {QStringLiteral("authorization_endpoint"), QStringLiteral("https://login.example.com/tenant/authorize")},
        {QStringLiteral("token_endpoint"), QStringLiteral("https://login.example.com/tenant/token")},
        {QStringLiteral("jwks_uri"), QStringLiteral("https://keys.example.com/tenant/jwks")},
        {QStringLiteral("id_token_signing_alg_values_supported"), QJsonArray{QStringLiteral("RS256")}}};
    for (auto it = change.begin(); it != change.end(); ++it) {
        if (it.value().isNull())
            o.remove(it.key());
        else
            o.insert(it.key(), it.value());
    }
    return QJsonDocument(o).toJson();
}

} // namespace

class TestOidcDiscovery : public QObject {
    Q_OBJECT

private slots:
    void readsTheEndpoints()
    {
        const auto m = OidcDiscovery::parse(document(), kIssuer);
        QVERIFY2(m, qPrintable(m ? QString() : m.error().message));
        QCOMPARE(m->issuer, kIssuer);
        QCOMPARE(m->authorizationEndpoint, QUrl(QStringLiteral("https://login.example.com/tenant/authorize")));
        QCOMPARE(m->tokenEndpoint, QUrl(QStringLiteral("https://login.example.com/tenant/token")));
        QCOMPARE(m->jwksUri, QUrl(QStringLiteral("https://keys.example.com/tenant/jwks")));
    }

    void documentUrl()
    {
        QCOMPARE(OidcDiscovery::documentUrl(kIssuer),
            QUrl(QStringLiteral("https://login.example.com/tenant/.well-known/openid-configuration")));
        QCOMPARE(OidcDiscovery::documentUrl(QStringLiteral("https://a.example/")),
            QUrl(QStringLiteral("https://a.example/.well-known/openid-configuration")));
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("doc");
        QTest::addColumn<QString>("why");
        QTest::newRow("other issuer") << document({{QStringLiteral("issuer"), QStringLiteral("https://evil.example")}})
                                      << "issuer";
        QTest::newRow("issuer with slash")
            << document({{QStringLiteral("issuer"), QString(kIssuer + QLatin1Char('/'))}}) << "issuer";
        QTest::newRow("no token endpoint")
            << document({{QStringLiteral("token_endpoint"), QJsonValue::Null}}) << "token_endpoint";
        QTest::newRow("no jwks") << document({{QStringLiteral("jwks_uri"), QJsonValue::Null}}) << "jwks_uri";
        QTest::newRow("plain http") << document(
            {{QStringLiteral("jwks_uri"), QStringLiteral("http://keys.example.com/")}})
                                    << "jwks_uri";
        QTest::newRow("not a URL") << document({{QStringLiteral("authorization_endpoint"), 42}})
                                   << "authorization_endpoint";
        QTest::newRow("not JSON") << QByteArray("<html>") << "not a JSON object";
        QTest::newRow("too large") << QByteArray(OidcDiscovery::kMaxDocumentBytes + 1, ' ') << "too large";
    }

    void refuses()
    {
        QFETCH(QByteArray, doc);
        QFETCH(QString, why);
        const auto m = OidcDiscovery::parse(doc, kIssuer);
        QVERIFY(!m);
        QCOMPARE(m.error().kind, ErrorKind::Unavailable);
        QVERIFY2(m.error().message.contains(why), qPrintable(m.error().message));
    }

    void loopbackHttpOnly()
    {
        QVERIFY(OidcDiscovery::secureOrLoopback(QUrl(QStringLiteral("http://127.0.0.1:8080/x"))));
        QVERIFY(OidcDiscovery::secureOrLoopback(QUrl(QStringLiteral("http://[::1]:8080/x"))));
        QVERIFY(OidcDiscovery::secureOrLoopback(QUrl(QStringLiteral("http://localhost:8080/x"))));
        QVERIFY(OidcDiscovery::secureOrLoopback(QUrl(QStringLiteral("https://idp.example.com"))));
        QVERIFY(!OidcDiscovery::secureOrLoopback(QUrl(QStringLiteral("http://10.0.0.1/x"))));
        QVERIFY(!OidcDiscovery::secureOrLoopback(QUrl(QStringLiteral("http://idp.example.com"))));
        QVERIFY(!OidcDiscovery::secureOrLoopback(QUrl(QStringLiteral("https://user:pw@idp.example.com"))));
        QVERIFY(!OidcDiscovery::secureOrLoopback(QUrl(QStringLiteral("ftp://idp.example.com"))));
        const auto local
            = OidcDiscovery::parse(document({{QStringLiteral("issuer"), QStringLiteral("http://127.0.0.1:9000")},
                                       {QStringLiteral("jwks_uri"), QStringLiteral("http://127.0.0.1:9000/jwks")}}),
                QStringLiteral("http://127.0.0.1:9000"));
        QVERIFY(local);
    }
};

QTEST_APPLESS_MAIN(TestOidcDiscovery)
#include "tst_oidcdiscovery.moc"
