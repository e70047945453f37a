// SecretStore: the 0600 file store, a real Secret Service keyring (gnome-keyring on
// a private session bus, see `make test`), and openSecretStore's fallback decision.
#include "core/integrations/SecretStore.h"

#include "core/common/Ids.h"

#include <QDir>
#include <QFile>
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
class BrokenKeyring final : public SecretStore {
public:
    Result<QByteArray> read(const QString &) override
    {
        return makeError(ErrorKind::Internal, QStringLiteral("no backend"));
    }
    Status write(const QString &, const QByteArray &) override
    {
        return makeError(ErrorKind::Internal, QStringLiteral("The name org.freedesktop.secrets was not provided"));
    }
    QString description() const override { return QStringLiteral("broken"); }
};

// A keyring that works, in memory.
class MemoryKeyring final : public SecretStore {
public:
    Result<QByteArray> read(const QString &key) override
    {
        ++calls;
        if (!m_values.contains(key))
            return makeError(ErrorKind::NotFound, key);
        return m_values.value(key);
    }
    Status write(const QString &key, const QByteArray &value) override
    {
        ++calls;
        m_values.insert(key, value);
        return Ok{};
    }
    QString description() const override { return QStringLiteral("memory"); }

    int calls = 0; // reads and writes, to prove a keyring was never touched
    QHash<QString, QByteArray> m_values;
};

// Forwards to a keyring the test keeps, so its calls can be counted afterwards.
class BorrowedKeyring final : public SecretStore {
public:
    explicit BorrowedKeyring(MemoryKeyring &k) : m_k(k) { }
    Result<QByteArray> read(const QString &key) override { return m_k.read(key); }
    Status write(const QString &key, const QByteArray &v) override { return m_k.write(key, v); }
    QString description() const override { return QStringLiteral("borrowed"); }

private:
    MemoryKeyring &m_k;
};

bool keyringExpected()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

} // namespace

class TestSecretStore : public QObject {
    Q_OBJECT

private slots:
    void fileRoundtrip();
    void fileIsOwnerOnly();
    void fileMissingKeyIsNotFound();
    void fileCorruptIsAnError();
    void keychainRoundtrip();
    void openFallsBackWhenKeyringBroken();
    void openPrefersWorkingKeyring();
    void openSkipsKeyringWithoutDefaultCollection();
    void openKeepsSecretsAlreadyInTheFile();
    void migrateMovesEverything();
    void migrateKeepsFileWhenKeyringFails();
    void migrateIntoRealKeyring();
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

void TestSecretStore::openSkipsKeyringWithoutDefaultCollection()
{
    // This keyring would pass the probe; the state alone must send us to the file
    // without a single call, because any QtKeychain write would make gnome-keyring
    // ask for a new keyring.
    MemoryKeyring counting;
    QTemporaryDir dir;
    QString warning;
    auto store = openSecretStore(
        std::make_unique<BorrowedKeyring>(counting), dir.path(), &warning, SecretServiceState::NoDefaultCollection);
    QCOMPARE(counting.calls, 0);
    QVERIFY(store->description().contains(dir.filePath(QStringLiteral("secrets.json"))));
    QVERIFY2(warning.contains(QLatin1String("no default collection")), qPrintable(warning));
    QVERIFY2(warning.contains(QLatin1String("move them into it from Settings")), qPrintable(warning));
    // With a default collection the keyring is used as before.
    auto ready = openSecretStore(
        std::make_unique<BorrowedKeyring>(counting), dir.path(), &warning, SecretServiceState::HasDefaultCollection);
    QCOMPARE(ready->description(), QStringLiteral("borrowed"));
    QVERIFY(warning.isEmpty());
}

void TestSecretStore::openKeepsSecretsAlreadyInTheFile()
{
    // Secrets that went to the file (no keyring back then) stay there when a keyring
    // appears: switching would lose the signing key and the webhook data key.
    QTemporaryDir dir;
    QVERIFY(FileSecretStore(dir.filePath(QStringLiteral("secrets.json")))
                .write(QStringLiteral("jwt-signing-key"), "k1")
                .ok());
    QString warning;
    auto store = openSecretStore(
        std::make_unique<MemoryKeyring>(), dir.path(), &warning, SecretServiceState::HasDefaultCollection);
    QVERIFY2(
        store->description().contains(dir.filePath(QStringLiteral("secrets.json"))), qPrintable(store->description()));
    QCOMPARE(*store->read(QStringLiteral("jwt-signing-key")), QByteArrayLiteral("k1"));
    QVERIFY2(warning.contains(QLatin1String("A system keyring is available now")), qPrintable(warning));
    // Also when the probe would have worked and no Secret Service state is known.
    store = openSecretStore(std::make_unique<MemoryKeyring>(), dir.path(), &warning);
    QCOMPARE(*store->read(QStringLiteral("jwt-signing-key")), QByteArrayLiteral("k1"));
}

void TestSecretStore::migrateMovesEverything()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("secrets.json"));
    FileSecretStore file(path);
    const QByteArray binary("\x00\x01\xff key", 8);
    QVERIFY(file.write(QStringLiteral("jwt-signing-key"), binary).ok());
    QVERIFY(file.write(QStringLiteral("webhook-data-key"), "dk").ok());
    QVERIFY(file.write(QStringLiteral("smtp/password"), "pw").ok());
    MemoryKeyring keyring;
    const Result<int> moved = migrateFileSecretsToKeyring(file, keyring);
    QVERIFY2(moved.ok(), qPrintable(moved.ok() ? QString() : moved.error().message));
    QCOMPARE(*moved, 3);
    QCOMPARE(*keyring.read(QStringLiteral("jwt-signing-key")), binary);
    QCOMPARE(*keyring.read(QStringLiteral("smtp/password")), QByteArrayLiteral("pw"));
    QVERIFY(!QFile::exists(path));
    // Nothing left to keep the next start on the file.
    QString warning;
    auto reopened = openSecretStore(std::make_unique<MemoryKeyring>(), dir.path(), &warning);
    QCOMPARE(reopened->description(), QStringLiteral("memory"));
}

void TestSecretStore::migrateKeepsFileWhenKeyringFails()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("secrets.json"));
    FileSecretStore file(path);
    QVERIFY(file.write(QStringLiteral("jwt-signing-key"), "k").ok());
    BrokenKeyring broken;
    const Result<int> moved = migrateFileSecretsToKeyring(file, broken);
    QVERIFY(!moved.ok());
    QVERIFY2(moved.error().message.contains(QLatin1String("jwt-signing-key")), qPrintable(moved.error().message));
    QVERIFY(QFile::exists(path));
    QCOMPARE(*file.read(QStringLiteral("jwt-signing-key")), QByteArrayLiteral("k"));
}

void TestSecretStore::migrateIntoRealKeyring()
{
    if (!keyringExpected())
        QSKIP("no D-Bus session bus: run under scripts/run-tests.sh (private bus with an unlocked gnome-keyring)");
    QTemporaryDir dir;
    const QString service = QStringLiteral("Tierdesk-test-") + QString::fromLatin1(ids::randomHex(4));
    QVERIFY(FileSecretStore(dir.filePath(QStringLiteral("secrets.json")))
                .write(QStringLiteral("jwt-signing-key"), "real")
                .ok());
    QCOMPARE(probeSecretService(), SecretServiceState::HasDefaultCollection);
    const Result<int> moved = migrateFileSecretsToKeyring(dir.path(), service);
    QVERIFY2(moved.ok(), qPrintable(moved.ok() ? QString() : moved.error().message));
    QCOMPARE(*moved, 1);
    QString warning = QStringLiteral("unset");
    auto opened = openSecretStore(dir.path(), service, &warning);
    QVERIFY(warning.isEmpty());
    QVERIFY2(opened->description().startsWith(QStringLiteral("system keyring")), qPrintable(opened->description()));
    QCOMPARE(*opened->read(QStringLiteral("jwt-signing-key")), QByteArrayLiteral("real"));
    KeychainSecretStore cleanup(service);
    static_cast<void>(cleanup.remove(QStringLiteral("jwt-signing-key")));
    static_cast<void>(cleanup.remove(QStringLiteral("probe")));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
