// SecretStore: the 0600 file store, a real Secret Service keyring (gnome-keyring on
// a private session bus, see `make test`), and openSecretStore's fallback decision.
#include "core/integrations/SecretStore.h"

#include "core/common/Ids.h"

#include <QFile>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace tierdesk;

namespace {

mode_t fileMode(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 0777;
}

// A keyring that is never there, for the fallback decision.
class BrokenKeyring final : public SecretStore
{
public:
    Result<QByteArray> read(const QString &) override { return makeError(ErrorKind::Internal, QStringLiteral("no backend")); }
    Status write(const QString &, const QByteArray &) override
    {
        return makeError(ErrorKind::Internal, QStringLiteral("The name org.freedesktop.secrets was not provided"));
    }
    QString description() const override { return QStringLiteral("broken"); }
};

// A keyring that works, in memory.
class MemoryKeyring final : public SecretStore
{
public:
    Result<QByteArray> read(const QString &key) override
    {
        if (!m_values.contains(key))
            return makeError(ErrorKind::NotFound, key);
        return m_values.value(key);
    }
    Status write(const QString &key, const QByteArray &value) override
    {
        m_values.insert(key, value);
        return Ok{};
    }
    QString description() const override { return QStringLiteral("memory"); }

private:
    QHash<QString, QByteArray> m_values;
};

bool keyringExpected()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void fileRoundtrip();
    void fileIsOwnerOnly();
    void fileMissingKeyIsNotFound();
    void fileCorruptIsAnError();
    void keychainRoundtrip();
    void openFallsBackWhenKeyringBroken();
    void openPrefersWorkingKeyring();
};

void TestSecretStore::fileRoundtrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/secrets.json"));
    {
        FileSecretStore store(path);
        QVERIFY(store.write(QStringLiteral("jwt-signing-key"), QByteArray("\x00\x01\xff binary", 10)).ok());
        QVERIFY(store.write(QStringLiteral("webhook:1"), "whsec_abc").ok());
        QVERIFY(store.write(QStringLiteral("webhook:1"), "whsec_def").ok()); // overwrite
        QVERIFY(store.description().contains(path));
    }
    FileSecretStore reopened(path);
    const auto key = reopened.read(QStringLiteral("jwt-signing-key"));
    QVERIFY(key.ok());
    QCOMPARE(*key, QByteArray("\x00\x01\xff binary", 10));
    QCOMPARE(*reopened.read(QStringLiteral("webhook:1")), QByteArrayLiteral("whsec_def"));
}

void TestSecretStore::fileIsOwnerOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("secrets.json"));
    FileSecretStore store(path);
    QVERIFY(store.write(QStringLiteral("a"), "1").ok());
    QCOMPARE(fileMode(path), mode_t(0600));
    // Still 0600 after a rewrite, even if someone loosened it in between.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    QVERIFY(store.write(QStringLiteral("b"), "2").ok());
    QCOMPARE(fileMode(path), mode_t(0600));
    // No temporary file left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestSecretStore::fileMissingKeyIsNotFound()
{
    QTemporaryDir dir;
    FileSecretStore store(dir.filePath(QStringLiteral("secrets.json")));
    auto r = store.read(QStringLiteral("nope"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::NotFound);
    QVERIFY(store.write(QStringLiteral("x"), "1").ok());
    r = store.read(QStringLiteral("nope"));
    QCOMPARE(r.error().kind, ErrorKind::NotFound);
}

void TestSecretStore::fileCorruptIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("secrets.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{not json");
    f.close();
    FileSecretStore store(path);
    const auto r = store.read(QStringLiteral("x"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Internal);
    // A write must not silently replace a file it cannot read (it may hold the only copy of a key).
    QVERIFY(!store.write(QStringLiteral("x"), "1").ok());
}

void TestSecretStore::keychainRoundtrip()
{
    if (!keyringExpected())
        QSKIP("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS unset): run under `make test`, which starts "
              "dbus-run-session with an unlocked gnome-keyring");
    // A per-run service name so parallel runs and a real desktop keyring never collide.
    KeychainSecretStore store(QStringLiteral("Tierdesk-test-") + QString::fromLatin1(ids::randomHex(4)));
    const QByteArray secret("\x00\x10 binary \xfe", 12);
    const Status w = store.write(QStringLiteral("jwt-signing-key"), secret);
    QVERIFY2(w.ok(), qPrintable(w.ok() ? QString() : w.error().message));
    const auto r = store.read(QStringLiteral("jwt-signing-key"));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(*r, secret);

    const auto missing = store.read(QStringLiteral("never-written"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, ErrorKind::NotFound);

    QVERIFY(store.remove(QStringLiteral("jwt-signing-key")).ok());
    QCOMPARE(store.read(QStringLiteral("jwt-signing-key")).error().kind, ErrorKind::NotFound);

    // The real decision picks the keyring when it works.
    QTemporaryDir dir;
    QString warning = QStringLiteral("unset");
    auto opened = openSecretStore(dir.path(), store.service(), &warning);
    QVERIFY(warning.isEmpty());
    QVERIFY2(opened->description().startsWith(QStringLiteral("system keyring")), qPrintable(opened->description()));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("secrets.json"))));
    static_cast<void>(store.remove(QStringLiteral("probe")));
}

void TestSecretStore::openFallsBackWhenKeyringBroken()
{
    QTemporaryDir dir;
    QString warning;
    auto store = openSecretStore(std::make_unique<BrokenKeyring>(), dir.path(), &warning);
    const QString path = dir.filePath(QStringLiteral("secrets.json"));
    QVERIFY(store->description().contains(path));
    QVERIFY2(warning.contains(path), qPrintable(warning));
    QVERIFY2(warning.contains(QStringLiteral("org.freedesktop.secrets")), qPrintable(warning));
    QVERIFY(store->write(QStringLiteral("k"), "v").ok());
    QCOMPARE(fileMode(path), mode_t(0600));
}

void TestSecretStore::openPrefersWorkingKeyring()
{
    QTemporaryDir dir;
    QString warning = QStringLiteral("unset");
    auto store = openSecretStore(std::make_unique<MemoryKeyring>(), dir.path(), &warning);
    QCOMPARE(store->description(), QStringLiteral("memory"));
    QVERIFY(warning.isEmpty());
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
