// VisitorSecret: 256-bit secrets, kept as their SHA-256, matched only by the right secret.
#include "core/api/auth/VisitorSecret.h"

#include <QSet>
#include <QTest>

using namespace tierdesk;

class TestVisitorSecret : public QObject {
    Q_OBJECT

private slots:
    void secretsAreLongRandomAndKeptHashed();
    void onlyTheRightSecretMatches();
};

void TestVisitorSecret::secretsAreLongRandomAndKeptHashed()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 100; ++i) {
        const IssuedVisitorSecret s = VisitorSecret::issue();
        QVERIFY2(s.secret.startsWith("tdv_") && s.secret.size() == 47, s.secret.constData());
        QCOMPARE(s.hashHex, VisitorSecret::hashOf(s.secret));
        QCOMPARE(s.hashHex.size(), 64);
        QVERIFY(!s.hashHex.contains(s.secret.mid(4, 8)));
        seen.insert(s.secret);
    }
    QCOMPARE(seen.size(), 100);
    QCOMPARE(
        VisitorSecret::hashOf("abc"), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

void TestVisitorSecret::onlyTheRightSecretMatches()
{
    const IssuedVisitorSecret s = VisitorSecret::issue();
    QVERIFY(VisitorSecret::matches(s.secret, s.hashHex));
    QVERIFY(VisitorSecret::matches(s.secret, s.hashHex.toUpper()));
    QVERIFY(!VisitorSecret::matches(s.secret.chopped(1) + 'x', s.hashHex));
    QVERIFY(!VisitorSecret::matches(VisitorSecret::issue().secret, s.hashHex));
    QVERIFY(!VisitorSecret::matches(s.hashHex, s.hashHex)); // the hash is no secret
    QVERIFY(!VisitorSecret::matches({}, VisitorSecret::hashOf({})));
    QVERIFY(!VisitorSecret::matches(s.secret, {}));
    const QByteArray longSecret(200, 'v');
    QVERIFY(!VisitorSecret::matches(longSecret, VisitorSecret::hashOf(longSecret)));
}

QTEST_GUILESS_MAIN(TestVisitorSecret)
#include "tst_visitorsecret.moc"
