// SecretBox: sealing webhook secrets for the database under a data key kept in
// the secret store.
#include "core/integrations/SecretBox.h"
#include "core/integrations/SecretStore.h"

#include <QHash>
#include <QTest>

using namespace tierdesk;

namespace {

class MemoryStore final : public SecretStore {
public:
    Result<QByteArray> read(const QString &key) override
    {
        ++reads;
        if (failReads)
            return makeError(ErrorKind::Internal, QStringLiteral("keyring locked"));
        if (!values.contains(key))
            return makeError(ErrorKind::NotFound, key);
        return values.value(key);
    }
    Status write(const QString &key, const QByteArray &value) override
    {
        values.insert(key, value);
        return Ok{};
    }
    QString description() const override { return QStringLiteral("memory"); }

    QHash<QString, QByteArray> values;
    bool failReads = false;
    int reads = 0;
};

const QByteArray kSecret = "whsec_plain_text_0123456789";

} // namespace

class TestSecretBox : public QObject {
    Q_OBJECT

private slots:
    void sealsAndOpens();
    void detectsTamperingAndWrongKey();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void keyIsCreatedOnceAndReused();
    void storeErrorsAreNotPapered();
};

void TestSecretBox::sealsAndOpens()
{
    const SecretBox box = SecretBox::ephemeral();
    const QByteArray sealed = box.seal(kSecret);
    QVERIFY(sealed.startsWith("sb1:"));
    QVERIFY(SecretBox::isSealed(sealed));
    QVERIFY(!SecretBox::isSealed(kSecret));
    QVERIFY(!sealed.contains(kSecret));
    QVERIFY(!sealed.contains(kSecret.toBase64()));
    const auto opened = box.open(sealed);
    QVERIFY(opened);
    QCOMPARE(*opened, kSecret);
    // A fresh nonce every time: equal secrets do not look equal in the database.
    QVERIFY(box.seal(kSecret) != sealed);
    QCOMPARE(*box.open(box.seal(QByteArray())), QByteArray());
}

void TestSecretBox::detectsTamperingAndWrongKey()
{
    const SecretBox box = SecretBox::ephemeral();
    const QByteArray sealed = box.seal(kSecret);
    QVERIFY(!SecretBox::ephemeral().open(sealed));

    QByteArray raw = QByteArray::fromBase64(sealed.mid(4));
    raw[raw.size() - 1] = static_cast<char>(raw.at(raw.size() - 1) ^ 1);
    QVERIFY(!box.open("sb1:" + raw.toBase64()));
}

void TestSecretBox::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("stored");
    QTest::newRow("plain") << kSecret;
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("prefix only") << QByteArray("sb1:");
    QTest::newRow("bad base64") << QByteArray("sb1:!!!!");
    QTest::newRow("too short") << QByteArray("sb1:" + QByteArray(20, 'a').toBase64());
}

void TestSecretBox::rejectsMalformed()
{
    QFETCH(QByteArray, stored);
    QVERIFY(!SecretBox::ephemeral().open(stored));
}

void TestSecretBox::keyIsCreatedOnceAndReused()
{
    MemoryStore store;
    const auto first = SecretBox::loadOrCreate(store, QString::fromLatin1(kWebhookDataKeyName));
    QVERIFY(first);
    QCOMPARE(store.values.value(QString::fromLatin1(kWebhookDataKeyName)).size(), SecretBox::kKeyBytes);
    const QByteArray sealed = first->seal(kSecret);
    // Another start reads the same key and opens what the first one sealed.
    const auto second = SecretBox::loadOrCreate(store, QString::fromLatin1(kWebhookDataKeyName));
    QVERIFY(second);
    QCOMPARE(*second->open(sealed), kSecret);
    QCOMPARE(store.values.size(), 1);

    QVERIFY(!SecretBox::withKey(QByteArray(16, 'k')));
    QVERIFY(SecretBox::withKey(QByteArray(32, 'k')));
}

void TestSecretBox::storeErrorsAreNotPapered()
{
    // A locked keyring must not lead to a new key (every sealed secret would be lost).
    MemoryStore store;
    store.failReads = true;
    QVERIFY(!SecretBox::loadOrCreate(store, QString::fromLatin1(kWebhookDataKeyName)));
    QVERIFY(store.values.isEmpty());

    store.failReads = false;
    store.values.insert(QString::fromLatin1(kWebhookDataKeyName), QByteArray(7, 'x'));
    QVERIFY(!SecretBox::loadOrCreate(store, QString::fromLatin1(kWebhookDataKeyName)));
}

QTEST_GUILESS_MAIN(TestSecretBox)
#include "tst_secretbox.moc"
