// A signed-in web visitor as the company's server vouches for them: the hash of the id under
// the identity secret (computed here as a company's server would, with Qt's HMAC), or an HS256
// JWT signed with it; and every way a claim fails.
#include "core/api/auth/Jwt.h"
#include "core/api/auth/VisitorIdentity.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QtTest>

using namespace tierdesk;

namespace {

const QByteArray kSecret("3f8a1c0e9b7d6a5f4e3d2c1b0a99887766554433221100ffeeddccbbaa998877");
constexpr qint64 kNow = 1795000000;

QByteArray b64(const QByteArray &raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A token as a company's server would sign it (or not sign it: alg "none").
QByteArray token(const QJsonObject &payload, const QByteArray &key = kSecret, const char *alg = "HS256")
{
    const QByteArray input = b64(QJsonDocument(QJsonObject{{QStringLiteral("alg"), QLatin1String(alg)},
                                                   {QStringLiteral("typ"), QStringLiteral("JWT")}})
                                     .toJson(QJsonDocument::Compact))
        + '.' + b64(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    if (QByteArray(alg) == "none")
        return input + '.';
    return input + '.' + b64(QMessageAuthenticationCode::hash(input, key, QCryptographicHash::Sha256));
}

QJsonObject claims(qint64 iat, qint64 exp)
{
    return {{QStringLiteral("sub"), QStringLiteral("cust_ben")},
        {QStringLiteral("email"), QStringLiteral("ben@example.com")}, {QStringLiteral("name"), QStringLiteral("Ben")},
        {QStringLiteral("iat"), iat}, {QStringLiteral("exp"), exp}};
}

} // namespace

class TestVisitorIdentity : public QObject {
    Q_OBJECT

private slots:
    void aHashOfTheIdProvesIt()
    {
        // What a company's server sends: hex HMAC-SHA256 of the id (Intercom's user_hash).
        const QString hash = QString::fromLatin1(
            QMessageAuthenticationCode::hash("cust_ben", kSecret, QCryptographicHash::Sha256).toHex());
        QCOMPARE(VisitorIdentity::userHash(QStringLiteral("cust_ben"), kSecret), hash);
        const auto ok = VisitorIdentity::verify(
            {QStringLiteral("cust_ben"), QStringLiteral("ben@example.com"), QStringLiteral("Ben"), hash, {}}, kSecret,
            kNow);
        QVERIFY(ok);
        QCOMPARE(ok->id, QStringLiteral("cust_ben"));
        QCOMPARE(ok->email, QStringLiteral("ben@example.com"));
    }

    void aWrongHashProvesNothing_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("hash");
        QTest::addColumn<QByteArray>("secret");
        const QString good = VisitorIdentity::userHash(QStringLiteral("cust_ben"), kSecret);
        QTest::newRow("another id") << QStringLiteral("cust_amy") << good << kSecret;
        QTest::newRow("upper case") << QStringLiteral("cust_ben") << good.toUpper() << kSecret;
        QTest::newRow("cut short") << QStringLiteral("cust_ben") << good.left(63) << kSecret;
        QTest::newRow("no hash") << QStringLiteral("cust_ben") << QString() << kSecret;
        QTest::newRow("no id") << QString() << good << kSecret;
        QTest::newRow("another secret") << QStringLiteral("cust_ben") << good << QByteArray("another");
        QTest::newRow("no secret made") << QStringLiteral("cust_ben") << good << QByteArray();
        QTest::newRow("id too long") << QString(129, QLatin1Char('x'))
                                     << VisitorIdentity::userHash(QString(129, QLatin1Char('x')), kSecret) << kSecret;
    }
    void aWrongHashProvesNothing()
    {
        QFETCH(QString, id);
        QFETCH(QString, hash);
        QFETCH(QByteArray, secret);
        const auto refused = VisitorIdentity::verify({id, {}, {}, hash, {}}, secret, kNow);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Unauthenticated);
    }

    void aTokenProvesItsSubject()
    {
        const auto ok = VisitorIdentity::verify({{}, {}, {}, {}, token(claims(kNow - 10, kNow + 3600))}, kSecret, kNow);
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
        QCOMPARE(ok->id, QStringLiteral("cust_ben"));
        QCOMPARE(ok->name, QStringLiteral("Ben"));
        // The id given beside it must be the token's.
        QVERIFY(VisitorIdentity::verify(
            {QStringLiteral("cust_ben"), {}, {}, {}, token(claims(kNow - 10, kNow + 3600))}, kSecret, kNow));
        QVERIFY(!VisitorIdentity::verify(
            {QStringLiteral("cust_amy"), {}, {}, {}, token(claims(kNow - 10, kNow + 3600))}, kSecret, kNow));
    }

    void aTokenThatDoesNotHoldProvesNothing_data()
    {
        QTest::addColumn<QByteArray>("jwt");
        QTest::newRow("expired") << token(claims(kNow - 7200, kNow - 1));
        QTest::newRow("wrong secret") << token(claims(kNow, kNow + 60), "another secret");
        QTest::newRow("alg none") << token(claims(kNow, kNow + 60), kSecret, "none");
        QTest::newRow("alg HS512") << token(claims(kNow, kNow + 60), kSecret, "HS512");
        QTest::newRow("more than a day") << token(claims(kNow, kNow + 24 * 3600 + 1));
        QTest::newRow("a day from long ago") << token(claims(kNow - 48 * 3600, kNow + 25 * 3600));
        QTest::newRow("from the future") << token(claims(kNow + 3600, kNow + 7200));
        QJsonObject noSub = claims(kNow, kNow + 60);
        noSub.remove(QStringLiteral("sub"));
        QTest::newRow("no sub") << token(noSub);
        QJsonObject noIat = claims(kNow, kNow + 60);
        noIat.remove(QStringLiteral("iat"));
        QTest::newRow("no iat") << token(noIat);
        QByteArray tampered = token(claims(kNow, kNow + 60));
        tampered.replace(tampered.indexOf('.') + 5, 1, tampered.at(tampered.indexOf('.') + 5) == 'A' ? "B" : "A");
        QTest::newRow("tampered") << tampered;
        QTest::newRow("garbage") << QByteArray("not.a.token");
    }
    void aTokenThatDoesNotHoldProvesNothing()
    {
        QFETCH(QByteArray, jwt);
        const auto refused = VisitorIdentity::verify({{}, {}, {}, {}, jwt}, kSecret, kNow);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Unauthenticated);
    }

    void staffTokensStillNeedACompanyAndRole()
    {
        // verifyJwt reads the same checked token and still asks for its own claims.
        QVERIFY(!verifyJwt(token(claims(kNow, kNow + 60)), kSecret, kNow));
        JwtClaims staff;
        staff.company = QStringLiteral("co_1");
        staff.role = QStringLiteral("agent");
        staff.issuedAt = kNow;
        staff.expiresAt = kNow + 60;
        const auto ok = verifyJwt(signJwt(staff, kSecret), kSecret, kNow);
        QVERIFY(ok);
        QCOMPARE(ok->issuedAt, kNow);
    }
};

QTEST_GUILESS_MAIN(TestVisitorIdentity)
#include "tst_visitoridentity.moc"
