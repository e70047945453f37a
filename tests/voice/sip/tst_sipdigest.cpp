// Digest authentication of INVITEs (SipDigest): the challenge's header lines, an answer computed as a
// trunk computes it with SHA-256 (RFC 8760) and MD5 (RFC 2617), a wrong password, a replayed nonce, a
// stale one, another realm and an algorithm not offered. RFC 2617 §3.5's and RFC 7616 §3.9.1's worked
// examples check the responses themselves.
#include "core/voice/sip/SipDigest.h"

#include <QRegularExpression>
#include <QTest>

using tierdesk::voice::sip::SipDigest;

namespace {

const QString kRealm = QStringLiteral("tierdesk");
const QString kUri = QStringLiteral("sip:+15550100@127.0.0.1:5060");

// The nonce of the challenge's first line.
QString nonceOf(const QByteArray &challenge)
{
    return QRegularExpression(QStringLiteral("nonce=\"([^\"]+)\"")).match(QString::fromLatin1(challenge)).captured(1);
}

// The Authorization a trunk sends for `nonce` (qop=auth, as the challenge asks).
QString answer(const QString &algorithm, const QString &nonce, const QString &username, const QString &password,
    const QString &realm = kRealm)
{
    QHash<QString, QString> p{{QStringLiteral("username"), username}, {QStringLiteral("realm"), realm},
        {QStringLiteral("nonce"), nonce}, {QStringLiteral("uri"), kUri},
        {QStringLiteral("qop"), QStringLiteral("auth")}, {QStringLiteral("nc"), QStringLiteral("00000001")},
        {QStringLiteral("cnonce"), QStringLiteral("0a4f113b")}};
    const QByteArray response = SipDigest::response(algorithm, p, password, QStringLiteral("INVITE"));
    return QStringLiteral("Digest username=\"%1\", realm=\"%2\", nonce=\"%3\", uri=\"%4\", response=\"%5\", "
                          "algorithm=%6, cnonce=\"0a4f113b\", qop=auth, nc=00000001")
        .arg(username, realm, nonce, kUri, QString::fromLatin1(response), algorithm);
}

const SipDigest::Credentials kTrunk{
    QStringLiteral("trunk"), QStringLiteral("s3cret-trunk"), {QStringLiteral("SHA-256"), QStringLiteral("MD5")}};

} // namespace

class TestSipDigest : public QObject {
    Q_OBJECT

private slots:
    void rfc2617Example()
    {
        // RFC 2617 §3.5: Mufasa's request for /dir/index.html (a GET, MD5, qop=auth).
        const QHash<QString, QString> p = SipDigest::parse(QStringLiteral(
            "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
            "uri=\"/dir/index.html\", qop=auth, nc=00000001, cnonce=\"0a4f113b\", "
            "response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""));
        QCOMPARE(p.value(QStringLiteral("username")), QStringLiteral("Mufasa"));
        QCOMPARE(p.value(QStringLiteral("nc")), QStringLiteral("00000001"));
        QCOMPARE(SipDigest::response(QStringLiteral("MD5"), p, QStringLiteral("Circle Of Life"), QStringLiteral("GET")),
            QByteArray("6629fae49393a05397450978507c4ef1"));
        QVERIFY(SipDigest::parse(QStringLiteral("Basic dXNlcjpwYXNz")).isEmpty());
        QVERIFY(SipDigest::parse(QStringLiteral("Digest username=\"unclosed")).isEmpty());
    }

    void rfc7616Examples()
    {
        // RFC 7616 §3.9.1: the same request answered with SHA-256 and with MD5.
        const QHash<QString, QString> p{{QStringLiteral("username"), QStringLiteral("Mufasa")},
            {QStringLiteral("realm"), QStringLiteral("http-auth@example.org")},
            {QStringLiteral("nonce"), QStringLiteral("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v")},
            {QStringLiteral("uri"), QStringLiteral("/dir/index.html")}, {QStringLiteral("qop"), QStringLiteral("auth")},
            {QStringLiteral("nc"), QStringLiteral("00000001")},
            {QStringLiteral("cnonce"), QStringLiteral("f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ")}};
        QCOMPARE(
            SipDigest::response(QStringLiteral("SHA-256"), p, QStringLiteral("Circle of Life"), QStringLiteral("GET")),
            QByteArray("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"));
        QCOMPARE(SipDigest::response(QStringLiteral("MD5"), p, QStringLiteral("Circle of Life"), QStringLiteral("GET")),
            QByteArray("8ca523f5e9506fed4657c9700eebdbec"));
    }

    void challengeOffersEachAlgorithmInOrder()
    {
        SipDigest digest;
        const QByteArray lines = digest.challenge(kRealm, kTrunk.algorithms, false, 1000);
        const QList<QByteArray> each = lines.trimmed().split('\n');
        QCOMPARE(each.size(), 2);
        QVERIFY2(each[0].startsWith("WWW-Authenticate: Digest realm=\"tierdesk\", nonce=\""), lines.constData());
        QVERIFY2(each[0].contains("algorithm=SHA-256, qop=\"auth\""), lines.constData());
        QVERIFY2(each[1].contains("algorithm=MD5, qop=\"auth\""), lines.constData());
        QVERIFY(!lines.contains("stale"));
        QVERIFY(nonceOf(lines).size() >= 20); // 128 random bits
        QVERIFY(nonceOf(digest.challenge(kRealm, kTrunk.algorithms, true, 1000)) != nonceOf(lines));
        QVERIFY(digest.challenge(kRealm, {QStringLiteral("MD5")}, true, 1000).contains("stale=true\r\n"));
    }

    void aRightAnswerIsValidOnce_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("SHA-256") << QStringLiteral("SHA-256");
        QTest::newRow("MD5") << QStringLiteral("MD5");
    }
    void aRightAnswerIsValidOnce()
    {
        QFETCH(QString, algorithm);
        SipDigest digest;
        const QString nonce = nonceOf(digest.challenge(kRealm, kTrunk.algorithms, false, 1000));
        const QString authorization = answer(algorithm, nonce, QStringLiteral("trunk"), QStringLiteral("s3cret-trunk"));
        QCOMPARE(
            digest.check({authorization}, kTrunk, kRealm, QStringLiteral("INVITE"), 2000), SipDigest::Outcome::Valid);
        // The same answer again (a replay): the nonce is used, so it is challenged afresh.
        QCOMPARE(
            digest.check({authorization}, kTrunk, kRealm, QStringLiteral("INVITE"), 2100), SipDigest::Outcome::Missing);
        QCOMPARE(digest.outstanding(), 0);
    }

    void aWrongAnswerIsRefusedAndUsesTheNonce()
    {
        SipDigest digest;
        const QString nonce = nonceOf(digest.challenge(kRealm, kTrunk.algorithms, false, 1000));
        QCOMPARE(
            digest.check({answer(QStringLiteral("SHA-256"), nonce, QStringLiteral("trunk"), QStringLiteral("guess"))},
                kTrunk, kRealm, QStringLiteral("INVITE"), 1500),
            SipDigest::Outcome::Wrong);
        // Guessing again on the same nonce gets nowhere: it is gone.
        QCOMPARE(digest.check({answer(QStringLiteral("SHA-256"), nonce, QStringLiteral("trunk"),
                                  QStringLiteral("s3cret-trunk"))},
                     kTrunk, kRealm, QStringLiteral("INVITE"), 1600),
            SipDigest::Outcome::Missing);
        const QString other = nonceOf(digest.challenge(kRealm, kTrunk.algorithms, false, 1700));
        QCOMPARE(digest.check(
                     {answer(QStringLiteral("MD5"), other, QStringLiteral("someone"), QStringLiteral("s3cret-trunk"))},
                     kTrunk, kRealm, QStringLiteral("INVITE"), 1800),
            SipDigest::Outcome::Wrong);
    }

    void aStaleNonceIsChallengedAgain()
    {
        SipDigest digest;
        const QString nonce = nonceOf(digest.challenge(kRealm, kTrunk.algorithms, false, 1000));
        const QString late
            = answer(QStringLiteral("MD5"), nonce, QStringLiteral("trunk"), QStringLiteral("s3cret-trunk"));
        QCOMPARE(digest.check({late}, kTrunk, kRealm, QStringLiteral("INVITE"), 1000 + SipDigest::kNonceLifetimeMs + 1),
            SipDigest::Outcome::Stale);
    }

    void anAnswerWeDidNotAskForIsNoAnswer()
    {
        SipDigest digest;
        const QString nonce = nonceOf(digest.challenge(kRealm, {QStringLiteral("SHA-256")}, false, 1000));
        const SipDigest::Credentials sha256Only{kTrunk.username, kTrunk.password, {QStringLiteral("SHA-256")}};
        // MD5 was not offered; another realm is another server's: both are as if nothing came.
        QCOMPARE(digest.check(
                     {answer(QStringLiteral("MD5"), nonce, QStringLiteral("trunk"), QStringLiteral("s3cret-trunk"))},
                     sha256Only, kRealm, QStringLiteral("INVITE"), 1100),
            SipDigest::Outcome::Missing);
        QCOMPARE(digest.check({answer(QStringLiteral("SHA-256"), nonce, QStringLiteral("trunk"),
                                  QStringLiteral("s3cret-trunk"), QStringLiteral("elsewhere"))},
                     sha256Only, kRealm, QStringLiteral("INVITE"), 1100),
            SipDigest::Outcome::Missing);
        QCOMPARE(digest.check({}, sha256Only, kRealm, QStringLiteral("INVITE"), 1100), SipDigest::Outcome::Missing);
        QCOMPARE(digest.check({answer(QStringLiteral("SHA-256"), nonce, QStringLiteral("trunk"),
                                  QStringLiteral("s3cret-trunk"))},
                     sha256Only, kRealm, QStringLiteral("INVITE"), 1200),
            SipDigest::Outcome::Valid);
    }

    void outstandingNoncesAreBounded()
    {
        SipDigest digest;
        for (int i = 0; i < SipDigest::kMaxNonces + 50; ++i)
            digest.challenge(kRealm, {QStringLiteral("MD5")}, false, 1000);
        QVERIFY(digest.outstanding() <= SipDigest::kMaxNonces);
        // Those long past their lifetime go too.
        digest.challenge(kRealm, {QStringLiteral("MD5")}, false, 1000 + 3 * SipDigest::kNonceLifetimeMs);
        QCOMPARE(digest.outstanding(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSipDigest)
#include "tst_sipdigest.moc"
