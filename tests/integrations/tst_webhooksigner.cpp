// Webhook signatures: a known-answer vector computed with
//   printf '%s' '1766145600.<body>' | openssl dgst -sha256 -hmac 'whsec_test_secret'
// plus the rejections a receiver relies on.
#include "core/integrations/WebhookSigner.h"

#include <QTest>

using namespace tierdesk;

namespace {
const QByteArray kSecret = QByteArrayLiteral("whsec_test_secret");
const QByteArray kBody = QByteArrayLiteral(R"({"event":"session.escalated","data":{"sessionId":"sess_123"}})");
constexpr qint64 kT = 1766145600; // 2025-12-19T12:00:00Z
const QByteArray kExpected
    = QByteArrayLiteral("t=1766145600,v1=b7e4134cc8501d01161703b591ddbc7ea374f12af4eaf2a4faac2dc95307efe5");
} // namespace

class TestWebhookSigner : public QObject {
    Q_OBJECT

private slots:
    void knownAnswer() { QCOMPARE(webhookSignature(kSecret, kT, kBody), kExpected); }

    void verifiesOwnSignature()
    {
        QVERIFY(verifyWebhookSignature(kSecret, kExpected, kBody, kT));
        QVERIFY(verifyWebhookSignature(kSecret, kExpected, kBody, kT + 299));
        QVERIFY(verifyWebhookSignature(kSecret, kExpected, kBody, kT - 299)); // small clock skew
    }

    void rejectsTamperedBody()
    {
        QByteArray body = kBody;
        body.replace("sess_123", "sess_124");
        QVERIFY(!verifyWebhookSignature(kSecret, kExpected, body, kT));
        QVERIFY(!verifyWebhookSignature(kSecret, kExpected, kBody + ' ', kT));
    }

    void rejectsOldOrFutureTimestamp()
    {
        QVERIFY(!verifyWebhookSignature(kSecret, kExpected, kBody, kT + 301));
        QVERIFY(!verifyWebhookSignature(kSecret, kExpected, kBody, kT + 86400));
        QVERIFY(!verifyWebhookSignature(kSecret, kExpected, kBody, kT - 301));
        QVERIFY(verifyWebhookSignature(kSecret, kExpected, kBody, kT + 3000, 3600));
    }

    void rejectsReplayedSignatureWithNewTimestamp()
    {
        // Moving the timestamp forward without re-signing must fail.
        QByteArray forged = kExpected;
        forged.replace("t=1766145600", "t=1766149200");
        QVERIFY(!verifyWebhookSignature(kSecret, forged, kBody, kT + 3600));
    }

    void rejectsWrongSecret() { QVERIFY(!verifyWebhookSignature("other", kExpected, kBody, kT)); }

    void rejectsMalformedHeaders_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no v1") << QByteArrayLiteral("t=1766145600");
        QTest::newRow("no t") << QByteArrayLiteral(
            "v1=b7e4134cc8501d01161703b591ddbc7ea374f12af4eaf2a4faac2dc95307efe5");
        QTest::newRow("bad t") << QByteArrayLiteral(
            "t=abc,v1=b7e4134cc8501d01161703b591ddbc7ea374f12af4eaf2a4faac2dc95307efe5");
        QTest::newRow("truncated mac") << QByteArrayLiteral("t=1766145600,v1=b7e4134cc8501d01");
        QTest::newRow("garbage") << QByteArrayLiteral(",,,==");
    }

    void rejectsMalformedHeaders()
    {
        QFETCH(QByteArray, header);
        QVERIFY(!verifyWebhookSignature(kSecret, header, kBody, kT));
    }

    void acceptsAnyOfSeveralV1()
    {
        // During secret rotation a sender may include one v1 per secret.
        const QByteArray header
            = "t=1766145600,v1=" + QByteArray(64, '0') + ',' + kExpected.mid(kExpected.indexOf("v1="));
        QVERIFY(verifyWebhookSignature(kSecret, header, kBody, kT));
    }

    void constantTimeEqualsBasics()
    {
        QVERIFY(constantTimeEquals("abc", "abc"));
        QVERIFY(!constantTimeEquals("abc", "abd"));
        QVERIFY(!constantTimeEquals("abc", "abcd"));
        QVERIFY(constantTimeEquals({}, {}));
    }
};

QTEST_GUILESS_MAIN(TestWebhookSigner)
#include "tst_webhooksigner.moc"
