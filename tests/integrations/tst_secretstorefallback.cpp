// openSecretStore with the real QtKeychain backend but no reachable session bus:
// the program must still get a working store and a clear warning. This is its own
// binary because the bus address has to be wrong before libsecret first connects.
#include "core/integrations/SecretStore.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;

class TestSecretStoreFallback : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // A bus that does not exist; DISPLAY unset so nothing tries to autolaunch one.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/tierdesk-test-bus");
        qunsetenv("DISPLAY");
    }

    void fallsBackToFile()
    {
        QTemporaryDir dir;
        QString warning;
        QElapsedTimer t;
        t.start();
        auto store = openSecretStore(dir.path(), QStringLiteral("Tierdesk-test-fallback"), &warning);
        QVERIFY2(t.elapsed() < 10000, "the keyring probe must give up quickly");
        const QString path = dir.filePath(QStringLiteral("secrets.json"));
        QVERIFY2(store->description().contains(path), qPrintable(store->description()));
        QVERIFY2(warning.startsWith(QStringLiteral("No system keyring is available")), qPrintable(warning));
        QVERIFY2(warning.contains(path), qPrintable(warning));
        qInfo("warning: %s", qPrintable(warning));

        QVERIFY(store->write(QStringLiteral("jwt-signing-key"), "k").ok());
        QCOMPARE(*store->read(QStringLiteral("jwt-signing-key")), QByteArrayLiteral("k"));
    }
};

QTEST_GUILESS_MAIN(TestSecretStoreFallback)
#include "tst_secretstorefallback.moc"
