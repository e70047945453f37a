// A real gnome-keyring on a private session bus, started WITHOUT a login keyring:
// the Secret Service runs but has no "default" collection, as on a desktop where
// no keyring was ever unlocked. Opening the secret store must then use the 0600
// file without asking the keyring for anything (which would make gnome-keyring
// prompt for a new keyring), and moving the secrets into it waits for a default
// keyring (tst_secretstore moves them into an unlocked one). Its own binary: the
// session bus address must be set before QtDBus or libsecret first connect.
#include "core/integrations/SecretStore.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;

namespace {

const QString kService = QStringLiteral("Tierdesk-test-nodefault");

} // namespace

class TestSecretService : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void detectsMissingDefaultCollection();
    void openUsesFileWithoutTouchingTheKeyring();
    void migrationWaitsForADefaultKeyring();

private:
    QDBusConnection bus() const { return QDBusConnection(QStringLiteral("tst-secretservice")); }
    QStringList collections() const;
    QString defaultAlias() const;

    QTemporaryDir m_env; // XDG_RUNTIME_DIR and XDG_DATA_HOME of the private keyring
    QTemporaryDir m_data;
    QProcess m_busDaemon;
    QProcess m_keyring;
};

void TestSecretService::initTestCase()
{
    QVERIFY(m_env.isValid() && m_data.isValid());
    const QString runtime = m_env.filePath(QStringLiteral("run"));
    QVERIFY(QDir().mkpath(runtime));
    QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
    QVERIFY(QDir().mkpath(m_env.filePath(QStringLiteral("data")))); // gnome-keyring creates only keyrings/ in it
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_env.filePath(QStringLiteral("data"))));
    qunsetenv("DISPLAY"); // no prompter can show up
    qunsetenv("WAYLAND_DISPLAY");

    m_busDaemon.start(QStringLiteral("dbus-daemon"),
        {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
    QVERIFY2(m_busDaemon.waitForStarted(10000), "dbus-daemon is needed (Debian dbus-daemon)");
    while (!m_busDaemon.canReadLine() && m_busDaemon.waitForReadyRead(10000)) { }
    const QByteArray address = m_busDaemon.readLine().trimmed();
    QVERIFY2(!address.isEmpty(), "dbus-daemon printed no address");
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    QVERIFY(
        QDBusConnection::connectToBus(QString::fromLatin1(address), QStringLiteral("tst-secretservice")).isConnected());

    // The daemon only, no --unlock: no login keyring, so no default alias.
    m_keyring.start(QStringLiteral("gnome-keyring-daemon"),
        {QStringLiteral("--start"), QStringLiteral("--foreground"), QStringLiteral("--components=secrets")});
    QVERIFY2(m_keyring.waitForStarted(10000), "gnome-keyring-daemon is needed (Debian gnome-keyring)");
    QTRY_VERIFY_WITH_TIMEOUT(bus().interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")), 10000);
    QCOMPARE(defaultAlias(), QStringLiteral("/"));
}

void TestSecretService::cleanupTestCase()
{
    for (QProcess *p : {&m_keyring, &m_busDaemon}) {
        p->terminate();
        if (!p->waitForFinished(5000)) {
            p->kill();
            p->waitForFinished();
        }
    }
}

QString TestSecretService::defaultAlias() const
{
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"),
        QStringLiteral("/org/freedesktop/secrets"), QStringLiteral("org.freedesktop.Secret.Service"),
        QStringLiteral("ReadAlias"));
    call << QStringLiteral("default");
    const QDBusMessage reply = bus().call(call, QDBus::Block, 5000);
    return reply.arguments().isEmpty() ? QString() : reply.arguments().constFirst().value<QDBusObjectPath>().path();
}

QStringList TestSecretService::collections() const
{
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"),
        QStringLiteral("/org/freedesktop/secrets"), QStringLiteral("org.freedesktop.DBus.Properties"),
        QStringLiteral("Get"));
    call << QStringLiteral("org.freedesktop.Secret.Service") << QStringLiteral("Collections");
    const QDBusMessage reply = bus().call(call, QDBus::Block, 5000);
    QStringList out;
    if (reply.arguments().isEmpty())
        return out;
    const QVariant v = reply.arguments().constFirst().value<QDBusVariant>().variant();
    const auto arg = v.value<QDBusArgument>();
    arg.beginArray();
    while (!arg.atEnd()) {
        QDBusObjectPath p;
        arg >> p;
        out << p.path();
    }
    arg.endArray();
    return out;
}

void TestSecretService::detectsMissingDefaultCollection()
{
    QCOMPARE(probeSecretService(bus()), SecretServiceState::NoDefaultCollection);
    QCOMPARE(probeSecretService(), SecretServiceState::NoDefaultCollection); // the session bus is ours
    // A bus without any Secret Service.
    QCOMPARE(probeSecretService(QDBusConnection(QStringLiteral("never-connected"))), SecretServiceState::NotRunning);
}

void TestSecretService::openUsesFileWithoutTouchingTheKeyring()
{
    const QStringList before = collections();
    QString warning;
    auto store = openSecretStore(m_data.path(), kService, &warning);
    const QString path = m_data.filePath(QStringLiteral("secrets.json"));
    QVERIFY2(store->description().contains(path), qPrintable(store->description()));
    QVERIFY2(warning.contains(QLatin1String("no default collection")), qPrintable(warning));
    QVERIFY2(warning.contains(path), qPrintable(warning));
    qInfo("notice: %s", qPrintable(warning));
    QVERIFY(store->write(QStringLiteral("jwt-signing-key"), "signing").ok());
    QVERIFY(store->write(QStringLiteral("smtp/password"), "pw").ok());
    // The keyring was left alone: no collection created, still no default.
    QCOMPARE(defaultAlias(), QStringLiteral("/"));
    QCOMPARE(collections(), before);
}

void TestSecretService::migrationWaitsForADefaultKeyring()
{
    const Result<int> moved = migrateFileSecretsToKeyring(m_data.path(), kService);
    QVERIFY(!moved.ok());
    QCOMPARE(moved.error().kind, ErrorKind::Conflict);
    QVERIFY2(moved.error().message.contains(QLatin1String("no default collection")), qPrintable(moved.error().message));
    QCOMPARE(*FileSecretStore(m_data.filePath(QStringLiteral("secrets.json"))).read(QStringLiteral("smtp/password")),
        QByteArrayLiteral("pw"));
    QCOMPARE(defaultAlias(), QStringLiteral("/"));
}

QTEST_GUILESS_MAIN(TestSecretService)
#include "tst_secretservice.moc"
