#include "core/store/OidcSettingsRepo.h"
#include "core/store/Store.h"
#include "tests/support/TestStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace tierdesk;

namespace {

// Seals by prefixing base64: enough to see that the database never holds the plain text.
class MarkSealer final : public SecretSealer {
public:
    QByteArray seal(const QByteArray &plain) const override { return "sealed:" + plain.toBase64(); }
    Result<QByteArray> open(const QByteArray &sealed) const override
    {
        if (!sealed.startsWith("sealed:"))
            return makeError(ErrorKind::Forbidden, QStringLiteral("not sealed here"));
        return QByteArray::fromBase64(sealed.mid(7));
    }
};

} // namespace

// The oidc_settings table (migration 37): one row per company, the client secret sealed, the
// domains and the role map read back as written, a second put replacing the first.
class TestOidcSettingsRepo : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_store.reset();
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("oidc.db")));
        auto store = test::openTestStore(m_dir.filePath(QStringLiteral("oidc.db")));
        QVERIFY(store.ok());
        m_store = std::move(store.value());
    }

    void storesSealedAndReadsBack()
    {
        OidcSettings s;
        s.companyId = QStringLiteral("co_a");
        s.issuer = QStringLiteral("https://login.example.com");
        s.clientId = QStringLiteral("tierdesk");
        s.clientSecret = "client-secret-1";
        s.allowedDomains = {QStringLiteral("example.com"), QStringLiteral("example.org")};
        s.roleClaim = QStringLiteral("groups");
        s.roleMap = {
            {QStringLiteral("leads"), QStringLiteral("supervisor")}, {QStringLiteral("it"), QStringLiteral("admin")}};
        s.defaultRole = QStringLiteral("agent");
        s.createAgents = true;
        s.passwordLogin = false;
        s.breakGlassAgentId = QStringLiteral("agt_root");
        s.updatedAt = 1234;
        QVERIFY(m_store->oidcSettings().put(s, m_sealer));
        QSqlQuery q(m_store->db().handle());
        QVERIFY(q.exec(QStringLiteral("SELECT client_secret FROM oidc_settings")) && q.next());
        QVERIFY(!q.value(0).toString().contains(QLatin1String("client-secret-1")));
        q.finish();

        const auto read = m_store->oidcSettings().find(QStringLiteral("co_a"), m_sealer);
        QVERIFY(read);
        QCOMPARE(read->clientSecret, QByteArrayLiteral("client-secret-1"));
        QCOMPARE(read->allowedDomains, s.allowedDomains);
        QCOMPARE(read->roleMap, s.roleMap);
        QCOMPARE(read->roleClaim, s.roleClaim);
        QVERIFY(read->createAgents);
        QVERIFY(!read->passwordLogin);
        QCOMPARE(read->breakGlassAgentId, s.breakGlassAgentId);
        QCOMPARE(read->updatedAt, 1234);
        QVERIFY(!m_store->oidcSettings().find(QStringLiteral("co_b"), m_sealer));

        s.clientId = QStringLiteral("tierdesk-2");
        s.passwordLogin = true;
        s.roleMap.clear();
        QVERIFY(m_store->oidcSettings().put(s, m_sealer));
        const auto replaced = m_store->oidcSettings().find(QStringLiteral("co_a"), m_sealer);
        QCOMPARE(replaced->clientId, QStringLiteral("tierdesk-2"));
        QVERIFY(replaced->passwordLogin);
        QVERIFY(replaced->roleMap.isEmpty());
        QCOMPARE(*m_store->oidcSettings().remove(QStringLiteral("co_a")), true);
        QCOMPARE(*m_store->oidcSettings().remove(QStringLiteral("co_a")), false);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    MarkSealer m_sealer;
};

QTEST_GUILESS_MAIN(TestOidcSettingsRepo)
#include "tst_oidcsettingsrepo.moc"
