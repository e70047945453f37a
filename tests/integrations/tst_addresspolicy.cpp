// AddressPolicy: which addresses outbound webhooks may reach, and which URL
// hosts are IP literals (in every form the system resolver accepts).
#include "core/integrations/AddressPolicy.h"

#include <QTest>

using namespace tierdesk;

Q_DECLARE_METATYPE(AddressPolicy::Kind)

class TestAddressPolicy : public QObject {
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void privateNetworksFollowTheSetting();
    void refusalSaysWhy();
    void literals_data();
    void literals();
};

void TestAddressPolicy::classify_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<AddressPolicy::Kind>("kind");
    using K = AddressPolicy::Kind;
    const struct {
        const char *address;
        K kind;
    } table[] = {
        // never allowed
        {"169.254.169.254", K::Forbidden}, // AWS, GCP, Azure metadata
        {"100.100.100.200", K::Forbidden}, // Alibaba metadata, inside CGNAT space
        {"fd00:ec2::254", K::Forbidden}, // AWS metadata over IPv6, inside fc00::/7
        {"169.254.1.1", K::Forbidden},
        {"fe80::1", K::Forbidden},
        {"fe80::1%lo", K::Forbidden},
        {"febf:ffff::1", K::Forbidden},
        {"0.0.0.0", K::Forbidden},
        {"0.1.2.3", K::Forbidden},
        {"::", K::Forbidden},
        {"224.0.0.1", K::Forbidden},
        {"239.255.255.250", K::Forbidden},
        {"ff02::1", K::Forbidden},
        {"255.255.255.255", K::Forbidden},
        {"240.0.0.1", K::Forbidden},
        {"::ffff:169.254.169.254", K::Forbidden},
        {"::ffff:0.0.0.0", K::Forbidden},
        {"64:ff9b::169.254.169.254", K::Forbidden},
        {"::127.0.0.1", K::Forbidden}, // deprecated IPv4-compatible form
        // loopback and private networks
        {"127.0.0.1", K::Private},
        {"127.255.255.254", K::Private},
        {"::1", K::Private},
        {"10.0.0.1", K::Private},
        {"10.255.255.255", K::Private},
        {"172.16.0.1", K::Private},
        {"172.31.255.255", K::Private},
        {"192.168.1.1", K::Private},
        {"100.64.0.1", K::Private},
        {"100.127.255.255", K::Private},
        {"fc00::1", K::Private},
        {"fd12:3456::1", K::Private},
        {"fec0::1", K::Private},
        {"::ffff:127.0.0.1", K::Private},
        {"::ffff:10.1.2.3", K::Private},
        {"::ffff:192.168.0.1", K::Private},
        {"64:ff9b::10.0.0.1", K::Private},
        // public
        {"8.8.8.8", K::Public},
        {"93.184.215.14", K::Public},
        {"172.15.255.255", K::Public},
        {"172.32.0.1", K::Public},
        {"100.63.255.255", K::Public},
        {"100.128.0.1", K::Public},
        {"169.253.255.255", K::Public},
        {"223.255.255.255", K::Public},
        {"2001:4860:4860::8888", K::Public},
        {"::ffff:8.8.8.8", K::Public},
        {"64:ff9b::8.8.8.8", K::Public},
    };
    for (const auto &row : table)
        QTest::newRow(row.address) << QString::fromLatin1(row.address) << row.kind;
}

void TestAddressPolicy::classify()
{
    QFETCH(QString, address);
    QFETCH(AddressPolicy::Kind, kind);
    const QHostAddress a(address);
    QVERIFY2(!a.isNull(), qPrintable(address));
    QString what;
    QCOMPARE(AddressPolicy::classify(a, &what), kind);
    QVERIFY(!what.isEmpty());
    // The setting never lets a forbidden address through, and never stops a public one.
    QCOMPARE(AddressPolicy(true).allows(a), kind != AddressPolicy::Kind::Forbidden);
    QCOMPARE(AddressPolicy(false).allows(a), kind == AddressPolicy::Kind::Public);
}

void TestAddressPolicy::privateNetworksFollowTheSetting()
{
    const QHostAddress loopback(QStringLiteral("127.0.0.1"));
    QVERIFY(!AddressPolicy().allows(loopback)); // the default is strict
    QVERIFY(!AddressPolicy(false).allows(loopback));
    QVERIFY(AddressPolicy(true).allows(loopback));
    QVERIFY(!AddressPolicy(true).allows(QHostAddress(QStringLiteral("169.254.169.254"))));
    QVERIFY(!AddressPolicy().allows(QHostAddress()));
}

void TestAddressPolicy::refusalSaysWhy()
{
    const Status metadata = AddressPolicy(true).check(QHostAddress(QStringLiteral("169.254.169.254")));
    QVERIFY(!metadata);
    QCOMPARE(metadata.error().kind, ErrorKind::Forbidden);
    QCOMPARE(metadata.error().message, QStringLiteral("169.254.169.254 is a cloud metadata address"));
    const Status refused = AddressPolicy(false).check(QHostAddress(QStringLiteral("::1")));
    QVERIFY(!refused);
    const QString &loopback = refused.error().message;
    QVERIFY2(loopback.startsWith(QLatin1String("::1 is a loopback address")), qPrintable(loopback));
    QVERIFY2(loopback.contains(QLatin1String("webhooks/allowPrivateNetworks")), qPrintable(loopback));
    QVERIFY(AddressPolicy(false).check(QHostAddress(QStringLiteral("8.8.8.8"))).ok());
}

void TestAddressPolicy::literals_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("address"); // empty: a host name, not a literal
    QTest::newRow("dotted") << QStringLiteral("127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("hex") << QStringLiteral("0x7f000001") << QStringLiteral("127.0.0.1");
    QTest::newRow("decimal") << QStringLiteral("2130706433") << QStringLiteral("127.0.0.1");
    QTest::newRow("octal") << QStringLiteral("0177.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("short") << QStringLiteral("127.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("short metadata") << QStringLiteral("169.254.43518") << QStringLiteral("169.254.169.254");
    QTest::newRow("ipv6") << QStringLiteral("::1") << QStringLiteral("::1");
    QTest::newRow("ipv6 brackets") << QStringLiteral("[::1]") << QStringLiteral("::1");
    QTest::newRow("mapped") << QStringLiteral("[::ffff:127.0.0.1]") << QStringLiteral("::ffff:127.0.0.1");
    QTest::newRow("metadata v6") << QStringLiteral("fd00:ec2::254") << QStringLiteral("fd00:ec2::254");
    QTest::newRow("name") << QStringLiteral("hooks.example.com") << QString();
    QTest::newRow("localhost") << QStringLiteral("localhost") << QString();
    QTest::newRow("trailing dot") << QStringLiteral("127.0.0.1.") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestAddressPolicy::literals()
{
    QFETCH(QString, host);
    QFETCH(QString, address);
    const auto got = AddressPolicy::literal(host);
    if (address.isEmpty()) {
        QVERIFY2(!got, qPrintable(got ? got->toString() : QString()));
        return;
    }
    QVERIFY(got);
    QCOMPARE(*got, QHostAddress(address));
}

QTEST_GUILESS_MAIN(TestAddressPolicy)
#include "tst_addresspolicy.moc"
