// openSecretStore with the real QtKeychain backend but no reachable session bus:
// the program must still get a working store and a clear warning. This is its own
// binary because the bus address has to be wrong before libsecret first connects.
#include "core/integrations/SecretStore.h"

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
        auto store = openSecretStore(dir.path(), QStringLiteral("Tierdesk-test-fallback"), &warning);
        const QString path = dir.filePath(QStringLiteral("secrets.json"));
        QVERIFY2(store->description().contains(path), qPrintable(store->description()));
        QVERIFY2(warning.startsWith(QStringLiteral("No system keyring is available")), qPrintable(warning));
        QVERIFY2(warning.contains(path), qPrintable(warning));
        // The probe gives up on the keyring's own refusal at once, not after waiting out its timeout.
        QVERIFY2(warning.contains(QLatin1String("system keyring error for probe")), qPrintable(warning));
        QVERIFY2(!warning.contains(QLatin1String("did not answer")), qPrintable(warning));
        qInfo("warning: %s", qPrintable(warning));

        QVERIFY(store->write(QStringLiteral("jwt-signing-key"), "k").ok());
        QCOMPARE(*store->read(QStringLiteral("jwt-signing-key")), QByteArrayLiteral("k"));
    }
};

QTEST_GUILESS_MAIN(TestSecretStoreFallback)
#include "tst_secretstorefallback.moc"
