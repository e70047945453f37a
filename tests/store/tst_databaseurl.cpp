#include "core/store/DatabaseUrl.h"

#include <QtTest>

using namespace tierdesk;

// --database URLs: what is taken, what is refused, and that the password is never shown.
class TestDatabaseUrl : public QObject {
    Q_OBJECT

private slots:
    void parsesEveryPart();
    void defaultsAndPercentEncoding();
    void refusesWhatIsNotAPostgresUrl_data();
    void refusesWhatIsNotAPostgresUrl();
};

void TestDatabaseUrl::parsesEveryPart()
{
    const auto url = DatabaseUrl::parse(
        QStringLiteral("postgresql://desk:s3cret@db.example.com:6543/tierdesk?sslmode=require&connect_timeout=5"));
    QVERIFY(url.ok());
    QCOMPARE(url->host, QStringLiteral("db.example.com"));
    QCOMPARE(url->port, 6543);
    QCOMPARE(url->user, QStringLiteral("desk"));
    QCOMPARE(url->password, QStringLiteral("s3cret"));
    QCOMPARE(url->name, QStringLiteral("tierdesk"));
    QCOMPARE(url->options, QStringLiteral("sslmode=require;connect_timeout=5"));
    QCOMPARE(url->redacted(),
        QStringLiteral("postgresql://desk@db.example.com:6543/tierdesk?sslmode=require&connect_timeout=5"));
}

void TestDatabaseUrl::defaultsAndPercentEncoding()
{
    const auto url = DatabaseUrl::parse(QStringLiteral("postgres://desk:p%40ss%2Fw@127.0.0.1/support"));
    QVERIFY(url.ok());
    QCOMPARE(url->port, 5432);
    QCOMPARE(url->password, QStringLiteral("p@ss/w"));
    QVERIFY(url->options.isEmpty());
    QVERIFY(!url->redacted().contains(QLatin1String("p@ss")));
    QVERIFY(DatabaseUrl::isPostgres(QStringLiteral("postgresql://x")));
    QVERIFY(!DatabaseUrl::isPostgres(QStringLiteral("/var/lib/tierdesk/tierdesk.db")));
}

void TestDatabaseUrl::refusesWhatIsNotAPostgresUrl_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("why");
    QTest::newRow("other scheme") << QStringLiteral("mysql://u@h/db") << QStringLiteral("postgresql://");
    QTest::newRow("no host") << QStringLiteral("postgresql://u@/db") << QStringLiteral("no host");
    QTest::newRow("no user") << QStringLiteral("postgresql://h/db") << QStringLiteral("no user");
    QTest::newRow("no database") << QStringLiteral("postgresql://u@h/") << QStringLiteral("no database name");
    QTest::newRow("port 0") << QStringLiteral("postgresql://u@h:0/db") << QStringLiteral("port");
    QTest::newRow("unknown option") << QStringLiteral("postgresql://u@h/db?host=evil")
                                    << QStringLiteral("unknown option host");
    QTest::newRow("option with ;") << QStringLiteral("postgresql://u@h/db?sslmode=require%3Bhost%3Devil")
                                   << QStringLiteral("has a space or ';'");
}

void TestDatabaseUrl::refusesWhatIsNotAPostgresUrl()
{
    QFETCH(QString, text);
    QFETCH(QString, why);
    const auto url = DatabaseUrl::parse(text);
    QVERIFY(!url.ok());
    QCOMPARE(url.error().kind, ErrorKind::InvalidArgument);
    QVERIFY2(url.error().message.contains(why), qPrintable(url.error().message));
}

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
