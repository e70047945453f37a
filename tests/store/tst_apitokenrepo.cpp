#include "core/store/ApiTokenRepo.h"
#include "core/store/Store.h"
#include "tests/support/TestStore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tierdesk;

// The api_tokens table on a real SQLite file: JWT records as before keys
// existed, keys found by kind and lookup, one key per (kind, lookup).
class TestApiTokenRepo : public QObject {
    Q_OBJECT

private slots:
    void init();
    void rowsWrittenBeforeKindsAreJwts();
    void keysAreFoundByKindAndLookup();
    void aLookupIsUniquePerKind();
    void revokedUnexpiredNamesOnlyJwts();

private:
    ApiTokenRecord record(const QString &id, const QString &kind, const QString &lookup);

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
};

void TestApiTokenRepo::init()
{
    m_store.reset();
    QVERIFY(m_dir.isValid());
    QFile::remove(m_dir.filePath(QStringLiteral("tokens.db")));
    auto store = test::openTestStore(m_dir.filePath(QStringLiteral("tokens.db")));
    QVERIFY(store.ok());
    m_store = std::move(store.value());
    Company c;
    c.id = QStringLiteral("co_a");
    c.name = c.id;
    c.createdAt = 1;
    QVERIFY(m_store->companies().insert(c));
}

ApiTokenRecord TestApiTokenRepo::record(const QString &id, const QString &kind, const QString &lookup)
{
    ApiTokenRecord t;
    t.id = id;
    t.companyId = QStringLiteral("co_a");
    t.name = id;
    t.role = QStringLiteral("admin");
    t.createdBy = QStringLiteral("agt_1");
    t.createdAt = 100;
    t.kind = kind;
    t.lookup = lookup;
    return t;
}

void TestApiTokenRepo::rowsWrittenBeforeKindsAreJwts()
{
    // The columns migration 11 made, as a server of that version wrote them.
    QVERIFY(m_store->db().exec(
        QStringLiteral("INSERT INTO api_tokens(id, company_id, name, role, created_by, created_at,"
                       " expires_at) VALUES ('tok_old', 'co_a', 'CRM', 'agent', 'agt_1', 1, 5000)")));
    const auto old = ApiTokenRepo(m_store->db()).find(QStringLiteral("co_a"), QStringLiteral("tok_old"));
    QVERIFY(old);
    QCOMPARE(old->kind, tokenkind::Jwt);
    QVERIFY(old->lookup.isEmpty());
    QVERIFY(old->sealedSecret.isEmpty());
    // JWTs have no lookup: any number of them fit beside the unique index.
    ApiTokenRepo repo(m_store->db());
    QVERIFY(repo.insert(record(QStringLiteral("tok_1"), tokenkind::Jwt, QString())));
    QVERIFY(repo.insert(record(QStringLiteral("tok_2"), tokenkind::Jwt, QString())));
    QCOMPARE(repo.list(QStringLiteral("co_a"), 10).size(), 3);
}

void TestApiTokenRepo::keysAreFoundByKindAndLookup()
{
    ApiTokenRepo repo(m_store->db());
    ApiTokenRecord sigv4 = record(QStringLiteral("tok_s"), tokenkind::SigV4, QStringLiteral("TDAKABCDEFGHIJKLMNOP"));
    sigv4.region = QStringLiteral("eu-west-1");
    sigv4.sealedSecret = "sb1:c2VhbGVk";
    sigv4.secret = "never stored";
    QVERIFY(repo.insert(sigv4));
    ApiTokenRecord apikey
        = record(QStringLiteral("tok_k"), tokenkind::ApiKey, QString::fromLatin1(apiKeyHash("tdk_x")));
    apikey.keyPrefix = QStringLiteral("tdk_x");
    QVERIFY(repo.insert(apikey));

    const auto found = repo.findByLookup(tokenkind::SigV4, QStringLiteral("TDAKABCDEFGHIJKLMNOP"));
    QVERIFY(found);
    QCOMPARE(found->id, QStringLiteral("tok_s"));
    QCOMPARE(found->region, QStringLiteral("eu-west-1"));
    QCOMPARE(found->sealedSecret, QByteArray("sb1:c2VhbGVk"));
    QVERIFY(found->secret.isEmpty());
    QCOMPARE(repo.findByLookup(tokenkind::ApiKey, QString::fromLatin1(apiKeyHash("tdk_x")))->keyPrefix,
        QStringLiteral("tdk_x"));
    QVERIFY(!repo.findByLookup(tokenkind::ApiKey, QStringLiteral("TDAKABCDEFGHIJKLMNOP")));
    QVERIFY(!repo.findByLookup(tokenkind::Widget, QStringLiteral("nothing")));
    // Revoked keys are still found: the verifier says why it refuses them.
    QVERIFY(repo.revoke(QStringLiteral("co_a"), QStringLiteral("tok_s"), 200));
    QCOMPARE(repo.findByLookup(tokenkind::SigV4, QStringLiteral("TDAKABCDEFGHIJKLMNOP"))->revokedAt, 200);
}

void TestApiTokenRepo::aLookupIsUniquePerKind()
{
    ApiTokenRepo repo(m_store->db());
    QVERIFY(repo.insert(record(QStringLiteral("tok_w1"), tokenkind::Widget, QStringLiteral("tdw_same"))));
    QVERIFY(!repo.insert(record(QStringLiteral("tok_w2"), tokenkind::Widget, QStringLiteral("tdw_same"))));
    QVERIFY(repo.insert(record(QStringLiteral("tok_k1"), tokenkind::ApiKey, QStringLiteral("tdw_same"))));
}

void TestApiTokenRepo::revokedUnexpiredNamesOnlyJwts()
{
    ApiTokenRepo repo(m_store->db());
    ApiTokenRecord jwt = record(QStringLiteral("tok_j"), tokenkind::Jwt, QString());
    jwt.expiresAt = 10000;
    ApiTokenRecord key = record(QStringLiteral("tok_k"), tokenkind::ApiKey, QStringLiteral("hash"));
    key.expiresAt = 10000;
    QVERIFY(repo.insert(jwt) && repo.insert(key));
    QVERIFY(repo.revoke(QStringLiteral("co_a"), QStringLiteral("tok_j"), 200));
    QVERIFY(repo.revoke(QStringLiteral("co_a"), QStringLiteral("tok_k"), 200));
    QCOMPARE(repo.revokedUnexpired(300), QStringList{QStringLiteral("tok_j")});
}

QTEST_GUILESS_MAIN(TestApiTokenRepo)
#include "tst_apitokenrepo.moc"
