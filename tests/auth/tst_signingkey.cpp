// The JWT signing key: created once, then the same key on every start.
#include "core/api/auth/SigningKey.h"
#include "core/integrations/SecretStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;

namespace {

// A store whose reads fail for a reason other than "not found" (e.g. a locked keyring).
class FailingStore final : public SecretStore {
public:
    Result<QByteArray> read(const QString &) override
    {
        return makeError(ErrorKind::Internal, QStringLiteral("locked"));
    }
    Status write(const QString &, const QByteArray &) override
    {
        ++writes;
        return Ok{};
    }
    QString description() const override { return QStringLiteral("failing"); }
    int writes = 0;
};

} // namespace

class TestSigningKey : public QObject {
    Q_OBJECT

private slots:
    void createdOnceThenReused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.json"));
        QByteArray first;
        {
            FileSecretStore store(path);
            const auto key = loadOrCreateSigningKey(store);
            QVERIFY(key.ok());
            QCOMPARE(key->size(), kSigningKeyBytes);
            first = *key;
            QCOMPARE(*store.read(QString::fromLatin1(kSigningKeyName)), first);
        }
        FileSecretStore reopened(path);
        const auto again = loadOrCreateSigningKey(reopened);
        QVERIFY(again.ok());
        QCOMPARE(*again, first);
    }

    void keysAreRandom()
    {
        QTemporaryDir a, b;
        FileSecretStore sa(a.filePath(QStringLiteral("s.json")));
        FileSecretStore sb(b.filePath(QStringLiteral("s.json")));
        QVERIFY(*loadOrCreateSigningKey(sa) != *loadOrCreateSigningKey(sb));
    }

    void readFailureDoesNotReplaceKey()
    {
        FailingStore store;
        const auto key = loadOrCreateSigningKey(store);
        QVERIFY(!key.ok());
        QCOMPARE(store.writes, 0);
    }

    void tooShortStoredKeyIsAnError()
    {
        QTemporaryDir dir;
        FileSecretStore store(dir.filePath(QStringLiteral("s.json")));
        QVERIFY(store.write(QString::fromLatin1(kSigningKeyName), "short").ok());
        QVERIFY(!loadOrCreateSigningKey(store).ok());
        QCOMPARE(*store.read(QString::fromLatin1(kSigningKeyName)), QByteArrayLiteral("short"));
    }
};

QTEST_GUILESS_MAIN(TestSigningKey)
#include "tst_signingkey.moc"
