// ApiKeyVerifier: keys are looked up by their SHA-256; revoked, expired,
// unknown and other kinds of key are refused.
#include "core/api/auth/ApiKeyVerifier.h"

#include <QHash>
#include <QTest>

using namespace tierdesk;

class TestApiKeyVerifier : public QObject {
    Q_OBJECT

private slots:
    void init();
    void keyIsFoundByItsHash();
    void refusals();

private:
    KeyVerdict verify(const QByteArray &key, qint64 now = 1000000) const;

    QHash<QByteArray, ApiTokenRecord> m_byHash;
    QList<QByteArray> m_asked;
};

void TestApiKeyVerifier::init()
{
    ApiTokenRecord t;
    t.id = QStringLiteral("tok_key");
    t.companyId = QStringLiteral("company-a");
    t.role = QStringLiteral("supervisor");
    t.kind = tokenkind::ApiKey;
    t.lookup = QString::fromLatin1(apiKeyHash("tdk_secret-key"));
    m_byHash = {{t.lookup.toLatin1(), t}};
    m_asked.clear();
}

KeyVerdict TestApiKeyVerifier::verify(const QByteArray &key, qint64 now) const
{
    auto *self = const_cast<TestApiKeyVerifier *>(this);
    const ApiKeyVerifier verifier([self](const QByteArray &hash) -> std::optional<ApiTokenRecord> {
        self->m_asked << hash;
        const auto it = self->m_byHash.constFind(hash);
        return it == self->m_byHash.constEnd() ? std::nullopt : std::optional<ApiTokenRecord>(*it);
    });
    return verifier.verify(key, now);
}

void TestApiKeyVerifier::keyIsFoundByItsHash()
{
    const KeyVerdict v = verify(" tdk_secret-key ");
    QVERIFY2(v.accepted(), qPrintable(v.reason));
    QCOMPARE(v.key->companyId, QStringLiteral("company-a"));
    QCOMPARE(v.key->role, QStringLiteral("supervisor"));
    QCOMPARE(v.key->id, QStringLiteral("tok_key"));
    // Only the hash is asked for, never the key itself.
    QCOMPARE(m_asked, QList<QByteArray>{apiKeyHash("tdk_secret-key")});
    QCOMPARE(apiKeyHash("abc"), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

void TestApiKeyVerifier::refusals()
{
    QCOMPARE(verify("").refusal, KeyRefusal::NoCredential);
    QCOMPARE(verify(QByteArray(300, 'k')).refusal, KeyRefusal::Malformed);
    QCOMPARE(verify("tdk_secret-kez").refusal, KeyRefusal::UnknownKey);
    QCOMPARE(verify("TDK_SECRET-KEY").refusal, KeyRefusal::UnknownKey);
    ApiTokenRecord &t = m_byHash[apiKeyHash("tdk_secret-key")];
    t.expiresAt = 1000000;
    QCOMPARE(verify("tdk_secret-key", 999999).refusal, KeyRefusal::None);
    QCOMPARE(verify("tdk_secret-key", 1000000).refusal, KeyRefusal::Expired);
    t.revokedAt = 5;
    QCOMPARE(verify("tdk_secret-key", 10).refusal, KeyRefusal::Revoked);
    t.revokedAt = 0;
    t.expiresAt = 0;
    t.kind = tokenkind::Widget;
    QCOMPARE(verify("tdk_secret-key").refusal, KeyRefusal::UnknownKey);
}

QTEST_GUILESS_MAIN(TestApiKeyVerifier)
#include "tst_apikeyverifier.moc"
