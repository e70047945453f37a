// WidgetKeyVerifier: a public key looked up as it is; revoked, expired,
// unknown and other kinds of key are refused.
#include "core/api/auth/WidgetKeyVerifier.h"

#include <QTest>

using namespace tierdesk;

class TestWidgetKeyVerifier : public QObject {
    Q_OBJECT

private slots:
    void init();
    void keyNamesItsCompany();
    void refusals();

private:
    KeyVerdict verify(const QByteArray &key, qint64 now = 1000000) const
    {
        const ApiTokenRecord known = m_key;
        const WidgetKeyVerifier verifier([known](const QString &key) -> std::optional<ApiTokenRecord> {
            return key == known.lookup ? std::optional<ApiTokenRecord>(known) : std::nullopt;
        });
        return verifier.verify(key, now);
    }

    ApiTokenRecord m_key;
};

void TestWidgetKeyVerifier::init()
{
    m_key = ApiTokenRecord{};
    m_key.id = QStringLiteral("tok_widget");
    m_key.companyId = QStringLiteral("company-b");
    m_key.role = QStringLiteral("visitor");
    m_key.kind = tokenkind::Widget;
    m_key.lookup = QStringLiteral("tdw_public-key");
}

void TestWidgetKeyVerifier::keyNamesItsCompany()
{
    const KeyVerdict v = verify("tdw_public-key");
    QVERIFY2(v.accepted(), qPrintable(v.reason));
    QCOMPARE(v.key->companyId, QStringLiteral("company-b"));
    QCOMPARE(v.key->role, QStringLiteral("visitor"));
}

void TestWidgetKeyVerifier::refusals()
{
    QCOMPARE(verify("").refusal, KeyRefusal::NoCredential);
    QCOMPARE(verify(QByteArray(129, 'w')).refusal, KeyRefusal::Malformed);
    QCOMPARE(verify("tdw_other").refusal, KeyRefusal::UnknownKey);
    m_key.revokedAt = 1;
    QCOMPARE(verify("tdw_public-key").refusal, KeyRefusal::Revoked);
    m_key.revokedAt = 0;
    m_key.expiresAt = 1000000;
    QCOMPARE(verify("tdw_public-key").refusal, KeyRefusal::Expired);
    m_key.expiresAt = 0;
    m_key.kind = tokenkind::SigV4;
    QCOMPARE(verify("tdw_public-key").refusal, KeyRefusal::UnknownKey);
}

QTEST_GUILESS_MAIN(TestWidgetKeyVerifier)
#include "tst_widgetkeyverifier.moc"
