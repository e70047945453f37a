#include "core/store/OidcFlowRepo.h"
#include "core/store/Store.h"
#include "tests/support/TestStore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tierdesk;

// The oidc_flows table (migration 37): a sign-in under way is taken once, never after it expired,
// and expired ones are cleared; two stores on one database (two instances) cannot both take one.
class TestOidcFlowRepo : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_store.reset();
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("flows.db")));
        auto store = test::openTestStore(m_dir.filePath(QStringLiteral("flows.db")));
        QVERIFY(store.ok());
        m_store = std::move(store.value());
    }

    void takenOnce()
    {
        QVERIFY(m_store->oidcFlows().insert(flow(QStringLiteral("s1"), 1000)));
        QCOMPARE(m_store->oidcFlows().pending(QStringLiteral("co_a"), 0), 1);
        const auto taken = m_store->oidcFlows().take(QStringLiteral("s1"), 10);
        QVERIFY(taken);
        QCOMPARE(taken->nonce, QStringLiteral("nonce-s1"));
        QCOMPARE(taken->codeVerifier, QStringLiteral("verifier-s1"));
        QCOMPARE(taken->redirect, QStringLiteral("http://127.0.0.1:4000/cb"));
        QCOMPARE(taken->device, QStringLiteral("laptop"));
        QVERIFY(!m_store->oidcFlows().take(QStringLiteral("s1"), 10));
        QVERIFY(!m_store->oidcFlows().take(QStringLiteral("unknown"), 10));
    }

    void notAfterItExpired()
    {
        QVERIFY(m_store->oidcFlows().insert(flow(QStringLiteral("s2"), 1000)));
        QVERIFY(!m_store->oidcFlows().take(QStringLiteral("s2"), 1000));
        QVERIFY(!m_store->oidcFlows().take(QStringLiteral("s2"), 0)); // and it is gone
        QVERIFY(m_store->oidcFlows().insert(flow(QStringLiteral("s3"), 1000)));
        QVERIFY(m_store->oidcFlows().insert(flow(QStringLiteral("s4"), 5000)));
        QCOMPARE(m_store->oidcFlows().removeExpired(2000), 1);
        QCOMPARE(m_store->oidcFlows().pending(QStringLiteral("co_a"), 2000), 1);
    }

    void twoInstancesCannotBothTakeIt()
    {
        auto other = test::openTestStore(m_dir.filePath(QStringLiteral("flows.db")));
        QVERIFY(other.ok());
        QVERIFY(m_store->oidcFlows().insert(flow(QStringLiteral("s5"), 1000)));
        const bool first = m_store->oidcFlows().take(QStringLiteral("s5"), 10).has_value();
        const bool second = other.value()->oidcFlows().take(QStringLiteral("s5"), 10).has_value();
        QVERIFY(first);
        QVERIFY(!second);
    }

private:
    static OidcFlow flow(const QString &state, qint64 expiresAt)
    {
        OidcFlow f;
        f.state = state;
        f.companyId = QStringLiteral("co_a");
        f.nonce = QStringLiteral("nonce-") + state;
        f.codeVerifier = QStringLiteral("verifier-") + state;
        f.redirect = QStringLiteral("http://127.0.0.1:4000/cb");
        f.device = QStringLiteral("laptop");
        f.createdAt = 1;
        f.expiresAt = expiresAt;
        return f;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
};

QTEST_GUILESS_MAIN(TestOidcFlowRepo)
#include "tst_oidcflowrepo.moc"
