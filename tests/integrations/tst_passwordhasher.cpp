// PasswordHasher: Argon2id hashes of agent passwords (libsodium crypto_pwhash_str).
#include "core/integrations/PasswordHasher.h"

#include <QElapsedTimer>
#include <QTest>

using namespace tierdesk;

class TestPasswordHasher : public QObject {
    Q_OBJECT

private slots:
    void hashesAndVerifies()
    {
        QElapsedTimer timer;
        timer.start();
        const auto h = PasswordHasher::hash(QStringLiteral("correct horse battery"));
        // Reported, not asserted: the cost of one interactive Argon2id hash here.
        qInfo("one crypto_pwhash_str: %lld ms", static_cast<long long>(timer.elapsed()));
        QVERIFY(h.ok());
        QVERIFY2(h->startsWith(QLatin1String("$argon2id$")), qPrintable(*h));
        QVERIFY(PasswordHasher::verify(*h, QStringLiteral("correct horse battery")));
        QVERIFY(!PasswordHasher::verify(*h, QStringLiteral("correct horse batterY")));
        QVERIFY(!PasswordHasher::verify(*h, QString()));
    }

    void saltsEachHash()
    {
        const auto a = PasswordHasher::hash(QStringLiteral("same password"));
        const auto b = PasswordHasher::hash(QStringLiteral("same password"));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(*a != *b);
    }

    void nonAsciiPasswords()
    {
        const QString pw = QStringLiteral("pässwört-ключ-🔑");
        const auto h = PasswordHasher::hash(pw);
        QVERIFY(h.ok());
        QVERIFY(PasswordHasher::verify(*h, pw));
        QVERIFY(!PasswordHasher::verify(*h, QStringLiteral("passwort-ключ-🔑")));
    }

    void lengthLimits()
    {
        QVERIFY(!PasswordHasher::check(QStringLiteral("1234567")).ok());
        QVERIFY(PasswordHasher::check(QStringLiteral("12345678")).ok());
        QVERIFY(PasswordHasher::check(QString(256, QLatin1Char('x'))).ok());
        QVERIFY(!PasswordHasher::check(QString(257, QLatin1Char('x'))).ok());
        const auto shortOne = PasswordHasher::hash(QStringLiteral("short"));
        QVERIFY(!shortOne.ok());
        QCOMPARE(shortOne.error().kind, ErrorKind::InvalidArgument);
        QVERIFY(!PasswordHasher::hash(QString(257, QLatin1Char('x'))).ok());
    }

    void malformedHashesNeverMatch()
    {
        QVERIFY(!PasswordHasher::verify(QString(), QStringLiteral("anything at all")));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("$argon2id$v=19$garbage"), QStringLiteral("anything at all")));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("plain-text-password"), QStringLiteral("plain-text-password")));
        QVERIFY(!PasswordHasher::verify(QString(500, QLatin1Char('$')), QStringLiteral("anything at all")));
    }

    void decoyIsAValidHashOfNothingGuessable()
    {
        const QString &d = PasswordHasher::decoy();
        QVERIFY(d.startsWith(QLatin1String("$argon2id$")));
        QCOMPARE(&PasswordHasher::decoy(), &d);
        QVERIFY(!PasswordHasher::verify(d, QStringLiteral("password")));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
