#include "core/engine/access/Totp.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace tierdesk;

// The staff's second factor: RFC 6238's own test vectors, and codes made by a second
// implementation (oathtool, Debian's package) for secrets made here.
class TestTotp : public QObject {
    Q_OBJECT

private slots:
    void rfc6238Vectors_data();
    void rfc6238Vectors();
    void base32RoundTrips();
    void oathtoolAgrees();
    void driftOfOneStepEitherSide();
    void otpauthUrlCarriesTheSecret();
};

namespace {
const QByteArray kRfcSecret = QByteArrayLiteral("12345678901234567890");

// oathtool's code for `secret` at `unixSeconds`; empty when it cannot run.
QString oathtool(const QByteArray &secret, qint64 unixSeconds)
{
    QProcess p;
    p.start(QStringLiteral("oathtool"),
        {QStringLiteral("--totp"), QStringLiteral("--base32"), totp::toBase32(secret), QStringLiteral("--now"),
            QStringLiteral("@%1").arg(unixSeconds)});
    if (!p.waitForFinished(10000) || p.exitCode() != 0)
        return {};
    return QString::fromLatin1(p.readAllStandardOutput()).trimmed();
}
} // namespace

void TestTotp::rfc6238Vectors_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<QString>("expected"); // RFC 6238 Appendix B (SHA-1), its last six digits
    QTest::newRow("59") << qint64(59) << QStringLiteral("287082");
    QTest::newRow("1111111109") << qint64(1111111109) << QStringLiteral("081804");
    QTest::newRow("1111111111") << qint64(1111111111) << QStringLiteral("050471");
    QTest::newRow("1234567890") << qint64(1234567890) << QStringLiteral("005924");
    QTest::newRow("2000000000") << qint64(2000000000) << QStringLiteral("279037");
    QTest::newRow("20000000000") << qint64(20000000000) << QStringLiteral("353130");
}

void TestTotp::rfc6238Vectors()
{
    QFETCH(qint64, time);
    QFETCH(QString, expected);
    QCOMPARE(totp::code(kRfcSecret, totp::stepAt(time)), expected);
}

void TestTotp::base32RoundTrips()
{
    QCOMPARE(totp::toBase32(kRfcSecret), QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    QCOMPARE(totp::toBase32(QByteArrayLiteral("f")), QStringLiteral("MY")); // RFC 4648's vectors, unpadded
    QCOMPARE(totp::toBase32(QByteArrayLiteral("foobar")), QStringLiteral("MZXW6YTBOI"));
    QCOMPARE(totp::fromBase32(QStringLiteral("mzxw 6ytb oi======")), QByteArrayLiteral("foobar"));
    QVERIFY(!totp::fromBase32(QStringLiteral("MZXW1")).has_value()); // 1 is not base32
    for (int i = 0; i < 20; ++i) {
        const QByteArray secret = totp::newSecret();
        QCOMPARE(secret.size(), totp::kSecretBytes);
        QCOMPARE(totp::fromBase32(totp::toBase32(secret)), secret);
    }
}

void TestTotp::oathtoolAgrees()
{
    if (QStandardPaths::findExecutable(QStringLiteral("oathtool")).isEmpty())
        QFAIL("oathtool is missing: scripts/install-deps.sh installs it");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (int i = 0; i < 5; ++i) {
        const QByteArray secret = totp::newSecret();
        const qint64 at = now + i * 7919; // steps apart
        const QString theirs = oathtool(secret, at);
        QCOMPARE(theirs.size(), totp::kDigits);
        QCOMPARE(totp::code(secret, totp::stepAt(at)), theirs);
        QCOMPARE(totp::matchingStep(secret, theirs, at), std::optional<qint64>(totp::stepAt(at)));
    }
}

void TestTotp::driftOfOneStepEitherSide()
{
    const QByteArray secret = totp::newSecret();
    const qint64 at = 1700000000;
    const qint64 step = totp::stepAt(at);
    const QString previous = totp::code(secret, step - 1);
    const QString next = totp::code(secret, step + 1);
    QCOMPARE(totp::matchingStep(secret, previous, at), std::optional<qint64>(step - 1));
    QCOMPARE(totp::matchingStep(secret, next, at), std::optional<qint64>(step + 1));
    QVERIFY(!totp::matchingStep(secret, totp::code(secret, step - 2), at).has_value());
    QVERIFY(!totp::matchingStep(secret, totp::code(secret, step + 2), at).has_value());
    QVERIFY(!totp::matchingStep(secret, QStringLiteral("12345"), at).has_value()); // too short
    const QString spaced = totp::code(secret, step).insert(3, QLatin1Char(' ')); // "123 456" as apps show it
    QCOMPARE(totp::matchingStep(secret, spaced, at), std::optional<qint64>(step));
}

void TestTotp::otpauthUrlCarriesTheSecret()
{
    const QUrl url(
        totp::otpauthUrl(QStringLiteral("Tierdesk Northwind"), QStringLiteral("ann@example.com"), kRfcSecret));
    QCOMPARE(url.scheme(), QStringLiteral("otpauth"));
    QCOMPARE(url.host(), QStringLiteral("totp"));
    QCOMPARE(url.path(), QStringLiteral("/Tierdesk Northwind:ann@example.com"));
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("secret")), QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    QCOMPARE(query.queryItemValue(QStringLiteral("digits")), QStringLiteral("6"));
    QCOMPARE(query.queryItemValue(QStringLiteral("period")), QStringLiteral("30"));
}

QTEST_GUILESS_MAIN(TestTotp)
#include "tst_totp.moc"
