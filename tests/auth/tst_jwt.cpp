// HS256 JWT signing and the verifier's rejections.
#include "core/api/auth/Jwt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace tierdesk;

namespace {

const QByteArray kKey = QByteArrayLiteral("0123456789abcdef0123456789abcdef");
constexpr qint64 kNow = 1766145600; // 2025-12-19T12:00:00Z, as FakeClock starts

JwtClaims sampleClaims()
{
    JwtClaims c;
    c.company = QStringLiteral("c0ffee00-0000-4000-8000-000000000001");
    c.role = QStringLiteral("agent");
    c.subject = QStringLiteral("user_42");
    c.tokenId = QStringLiteral("jti_abc");
    c.issuedAt = kNow;
    c.expiresAt = kNow + 3600;
    return c;
}

QByteArray b64(const QByteArray &raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Builds a token by hand, so the tests do not trust signJwt to build attacks.
QByteArray handMade(const QJsonObject &header, const QJsonObject &payload, const QByteArray &key)
{
    const QByteArray input = b64(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + b64(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return input + '.' + b64(QMessageAuthenticationCode::hash(input, key, QCryptographicHash::Sha256));
}

QJsonObject hs256()
{
    return {{QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
}

QJsonObject payloadOf(const JwtClaims &c)
{
    return {{QStringLiteral("company"), c.company}, {QStringLiteral("role"), c.role},
        {QStringLiteral("sub"), c.subject}, {QStringLiteral("jti"), c.tokenId}, {QStringLiteral("iat"), c.issuedAt},
        {QStringLiteral("exp"), c.expiresAt}};
}

// Why verifyJwt refuses `token` at kNow; empty when it accepts it.
QString rejection(const QByteArray &token)
{
    const auto r = verifyJwt(token, kKey, kNow);
    return r.ok() ? QString() : r.error().message;
}

} // namespace

class TestJwt : public QObject {
    Q_OBJECT

private slots:
    void roundtrip()
    {
        const JwtClaims c = sampleClaims();
        const QByteArray token = signJwt(c, kKey);
        QCOMPARE(token.count('.'), 2);
        QVERIFY(!token.contains('='));
        QVERIFY(!token.contains('+') && !token.contains('/'));
        const auto r = verifyJwt(token, kKey, kNow);
        QVERIFY2(r.ok(), qPrintable(rejection(token)));
        QCOMPARE(r->company, c.company);
        QCOMPARE(r->role, c.role);
        QCOMPARE(r->subject, c.subject);
        QCOMPARE(r->tokenId, c.tokenId);
        QCOMPARE(r->issuedAt, c.issuedAt);
        QCOMPARE(r->expiresAt, c.expiresAt);
    }

    void headerAndClaimNames()
    {
        const QList<QByteArray> parts = signJwt(sampleClaims(), kKey).split('.');
        const auto header
            = QJsonDocument::fromJson(QByteArray::fromBase64(parts[0], QByteArray::Base64UrlEncoding)).object();
        QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
        QCOMPARE(header.value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
        const auto payload
            = QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
        for (const char *name : {"company", "role", "sub", "jti", "iat", "exp"})
            QVERIFY2(payload.contains(QLatin1String(name)), name);
        QCOMPARE(payload.value(QStringLiteral("exp")).toInteger(), kNow + 3600);
    }

    void acceptsHandMadeToken()
    {
        // Interoperability: a token built by another HS256 implementation verifies.
        const QByteArray token = handMade(hs256(), payloadOf(sampleClaims()), kKey);
        QVERIFY(verifyJwt(token, kKey, kNow).ok());
    }

    void expiry()
    {
        const QByteArray token = signJwt(sampleClaims(), kKey);
        QVERIFY(verifyJwt(token, kKey, kNow + 3599).ok());
        const auto atExp = verifyJwt(token, kKey, kNow + 3600); // exp <= now is expired
        QVERIFY(!atExp.ok());
        QCOMPARE(atExp.error().kind, ErrorKind::Unauthenticated);
        QCOMPARE(atExp.error().message, QStringLiteral("token expired"));
        QVERIFY(!verifyJwt(token, kKey, kNow + 86400).ok());
    }

    void notYetValid_data()
    {
        QTest::addColumn<QString>("claim");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("iat an hour ahead") << QStringLiteral("iat") << qint64(3600) << false;
        QTest::newRow("nbf an hour ahead") << QStringLiteral("nbf") << qint64(3600) << false;
        QTest::newRow("iat just past the leeway") << QStringLiteral("iat") << kJwtLeewaySecs + 1 << false;
        QTest::newRow("nbf just past the leeway") << QStringLiteral("nbf") << kJwtLeewaySecs + 1 << false;
        QTest::newRow("iat within the leeway") << QStringLiteral("iat") << kJwtLeewaySecs << true;
        QTest::newRow("nbf within the leeway") << QStringLiteral("nbf") << qint64(30) << true;
        QTest::newRow("nbf in the past") << QStringLiteral("nbf") << qint64(-600) << true;
    }

    void notYetValid()
    {
        QFETCH(QString, claim);
        QFETCH(qint64, offset);
        QFETCH(bool, accepted);
        QJsonObject p = payloadOf(sampleClaims());
        p.insert(QStringLiteral("exp"), kNow + 7200);
        p.insert(claim, kNow + offset);
        const QString reason = rejection(handMade(hs256(), p, kKey));
        QCOMPARE(reason.isEmpty(), accepted);
        if (!accepted)
            QVERIFY2(reason.contains(QLatin1String("not yet valid")), qPrintable(reason));
    }

    void nonNumericNbfIsRejected()
    {
        QJsonObject p = payloadOf(sampleClaims());
        p.insert(QStringLiteral("nbf"), QStringLiteral("soon"));
        QVERIFY(!verifyJwt(handMade(hs256(), p, kKey), kKey, kNow).ok());
    }

    void customerClaimRoundtrips()
    {
        JwtClaims c = sampleClaims();
        c.role = QStringLiteral("client");
        c.customer = QStringLiteral("cust_ben");
        const auto r = verifyJwt(signJwt(c, kKey), kKey, kNow);
        QVERIFY(r.ok());
        QCOMPARE(r->customer, QStringLiteral("cust_ben"));
    }

    void nameClaimRoundtrips()
    {
        JwtClaims c = sampleClaims();
        c.name = QStringLiteral("Ann Lée");
        const QByteArray token = signJwt(c, kKey);
        const auto r = verifyJwt(token, kKey, kNow);
        QVERIFY(r.ok());
        QCOMPARE(r->name, QStringLiteral("Ann Lée"));
        // Absent unless set: other tokens keep their shape.
        const QByteArray plain = signJwt(sampleClaims(), kKey).split('.').value(1);
        QVERIFY(!QJsonDocument::fromJson(QByteArray::fromBase64(plain, QByteArray::Base64UrlEncoding))
                     .object()
                     .contains(QLatin1String("name")));
        QCOMPARE(verifyJwt(signJwt(sampleClaims(), kKey), kKey, kNow)->name, QString());
    }

    void missingExpIsRejected()
    {
        QJsonObject p = payloadOf(sampleClaims());
        p.remove(QStringLiteral("exp"));
        QVERIFY(!verifyJwt(handMade(hs256(), p, kKey), kKey, kNow).ok());
        p.insert(QStringLiteral("exp"), QStringLiteral("9999999999")); // a string is not a number
        QVERIFY(!verifyJwt(handMade(hs256(), p, kKey), kKey, kNow).ok());
    }

    // Found by fuzz_jwt: a fraction or a number beyond qint64 was read as 0, so an iat or nbf
    // far in the future passed the leeway check as if it were long ago.
    void timeClaimsMustBeWholeSeconds_data()
    {
        QTest::addColumn<QString>("claim");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("nbf beyond qint64") << QStringLiteral("nbf") << 1e19 << QStringLiteral("malformed nbf");
        QTest::newRow("iat beyond qint64") << QStringLiteral("iat") << 1e19 << QStringLiteral("malformed iat");
        QTest::newRow("nbf fraction in the future")
            << QStringLiteral("nbf") << double(kNow + 3600) + 0.5 << QStringLiteral("malformed nbf");
        QTest::newRow("iat fraction in the future")
            << QStringLiteral("iat") << double(kNow + 3600) + 0.5 << QStringLiteral("malformed iat");
        QTest::newRow("exp fraction") << QStringLiteral("exp") << double(kNow + 3600) + 0.5
                                      << QStringLiteral("malformed exp");
        QTest::newRow("exp beyond qint64") << QStringLiteral("exp") << 1e19 << QStringLiteral("malformed exp");
    }

    void timeClaimsMustBeWholeSeconds()
    {
        QFETCH(QString, claim);
        QFETCH(double, value);
        QFETCH(QString, reason);
        QJsonObject p = payloadOf(sampleClaims());
        p.insert(claim, value);
        QCOMPARE(rejection(handMade(hs256(), p, kKey)), reason);
    }

    void futureIatOrNbfBeyondLeeway()
    {
        for (const QString &claim : {QStringLiteral("iat"), QStringLiteral("nbf")}) {
            QJsonObject p = payloadOf(sampleClaims());
            p.insert(claim, kNow + kJwtLeewaySecs);
            QVERIFY2(verifyJwt(handMade(hs256(), p, kKey), kKey, kNow).ok(), qPrintable(claim));
            p.insert(claim, kNow + kJwtLeewaySecs + 1);
            QCOMPARE(rejection(handMade(hs256(), p, kKey)),
                QStringLiteral("token not yet valid (%1 in the future)").arg(claim));
        }
    }

    void tamperedPayload()
    {
        const QList<QByteArray> parts = signJwt(sampleClaims(), kKey).split('.');
        QJsonObject p = payloadOf(sampleClaims());
        p.insert(QStringLiteral("role"), QStringLiteral("admin"));
        const QByteArray forged
            = parts[0] + '.' + b64(QJsonDocument(p).toJson(QJsonDocument::Compact)) + '.' + parts[2];
        QCOMPARE(rejection(forged), QStringLiteral("bad signature"));

        // One flipped signature character.
        QByteArray token = signJwt(sampleClaims(), kKey);
        token[token.size() - 2] = token.at(token.size() - 2) == 'A' ? 'B' : 'A';
        QVERIFY(!verifyJwt(token, kKey, kNow).ok());
    }

    void algNone()
    {
        const QJsonObject none{
            {QStringLiteral("alg"), QStringLiteral("none")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
        const QByteArray input = b64(QJsonDocument(none).toJson(QJsonDocument::Compact)) + '.'
            + b64(QJsonDocument(payloadOf(sampleClaims())).toJson(QJsonDocument::Compact));
        QVERIFY(!rejection(input + '.').isEmpty());
        QVERIFY(!verifyJwt(input + '.', kKey, kNow).ok());
        QVERIFY(!verifyJwt(input, kKey, kNow).ok()); // two segments
        // Even "none" with a valid HS256 MAC is refused: the header decides nothing but must say HS256.
        QCOMPARE(rejection(handMade(none, payloadOf(sampleClaims()), kKey)), QStringLiteral("unsupported algorithm"));
        const QJsonObject hs512{{QStringLiteral("alg"), QStringLiteral("HS512")}};
        QVERIFY(!verifyJwt(handMade(hs512, payloadOf(sampleClaims()), kKey), kKey, kNow).ok());
        QVERIFY(!verifyJwt(handMade(QJsonObject{}, payloadOf(sampleClaims()), kKey), kKey, kNow).ok());
    }

    void wrongKey()
    {
        const QByteArray token = signJwt(sampleClaims(), kKey);
        QVERIFY(!verifyJwt(token, QByteArrayLiteral("another key another key another!"), kNow).ok());
        QVERIFY(!verifyJwt(token, QByteArray(), kNow).ok()); // no key configured never verifies
    }

    void missingCompanyOrRole()
    {
        JwtClaims c = sampleClaims();
        c.company.clear();
        QVERIFY(!verifyJwt(signJwt(c, kKey), kKey, kNow).ok());
        c = sampleClaims();
        c.role.clear();
        QVERIFY(!verifyJwt(signJwt(c, kKey), kKey, kNow).ok());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("token");
        const QList<QByteArray> good = signJwt(sampleClaims(), kKey).split('.');
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("one segment") << good[0];
        QTest::newRow("two segments") << good[0] + '.' + good[1];
        QTest::newRow("four segments") << good[0] + '.' + good[1] + '.' + good[2] + ".x";
        QTest::newRow("empty segments") << QByteArrayLiteral("..");
        QTest::newRow("garbage base64") << QByteArrayLiteral("!!!.@@@.###");
        QTest::newRow("garbage signature") << good[0] + '.' + good[1] + ".%%%%";
        QTest::newRow("padded") << good[0] + "==." + good[1] + '.' + good[2];
        QTest::newRow("std base64 chars")
            << good[0] + '.' + good[1] + '.' + QByteArray(good[2]).replace('_', '/').replace('-', '+') + "+/";
        QTest::newRow("header not json") << b64("not json") + '.' + good[1] + '.' + good[2];
        QTest::newRow("header json array") << b64("[1,2]") + '.' + good[1] + '.' + good[2];
        QTest::newRow("bearer prefix") << "Bearer " + good[0] + '.' + good[1] + '.' + good[2];
    }

    void malformed()
    {
        QFETCH(QByteArray, token);
        const auto r = verifyJwt(token, kKey, kNow);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Unauthenticated);
        QVERIFY(!r.error().message.isEmpty());
    }

    void payloadNotJsonButSigned()
    {
        // A correctly signed token whose payload is not JSON is still rejected.
        const QByteArray input = b64(QJsonDocument(hs256()).toJson(QJsonDocument::Compact)) + '.' + b64("hello");
        const QByteArray token
            = input + '.' + b64(QMessageAuthenticationCode::hash(input, kKey, QCryptographicHash::Sha256));
        QCOMPARE(rejection(token), QStringLiteral("malformed payload"));
    }

    void oversize()
    {
        JwtClaims c = sampleClaims();
        c.subject = QString(kMaxJwtSize, QLatin1Char('x'));
        const QByteArray token = signJwt(c, kKey);
        QVERIFY(token.size() > kMaxJwtSize);
        QCOMPARE(rejection(token), QStringLiteral("token too large"));
        // Just under the limit is fine.
        c.subject = QString(4000, QLatin1Char('x'));
        QVERIFY(verifyJwt(signJwt(c, kKey), kKey, kNow).ok());
    }
};

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
