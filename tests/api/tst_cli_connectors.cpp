// `tierdesk connector add | list | test | remove` against scripted company systems on
// loopback: the spec read from standard input, the secret sealed (in no file of the data
// directory and on no output), a test's call and a refund's dry run, and the refusals.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/ConnectorServer.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {
const QByteArray kToken = QByteArrayLiteral("shop-cli-token-98765");
}

class TestCliConnectors : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void addListTestRemove();
    void refusals();

private:
    QStringList connector(const QString &verb, const QStringList &more) const
    {
        return QStringList{QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("connector"), verb,
                   QStringLiteral("--company"), m_company}
        + more;
    }
    bool anyFileHolds(const QByteArray &bytes) const
    {
        QDirIterator files(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(bytes))
                return true;
        }
        return false;
    }

    QTemporaryDir m_dir;
    QString m_company;
};

void TestCliConnectors::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const CliResult made = runTierdesk({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("company"),
        QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Shop Co")});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    m_company = QString::fromUtf8(made.out).trimmed();
}

void TestCliConnectors::addListTestRemove()
{
    ConnectorServer shop(QStringLiteral("orders"), {QStringLiteral("--token"), QString::fromLatin1(kToken)});
    QVERIFY2(shop.isRunning(), qPrintable(shop.error()));
    const QByteArray spec = R"({"kind": "http", "purposes": ["order"], "url": ")" + shop.url().toUtf8()
        + R"(", "auth": {"type": "bearer", "token": ")" + kToken + R"("},
        "requests": {"order": {"method": "GET", "path": "/orders/{orderId}"}},
        "fields": {"order": {"id": "/number", "status": "/state", "customerId": "/customer/id"}}})";
    CliResult r = runTierdeskWithInput(
        connector(QStringLiteral("add"), {QStringLiteral("--name"), QStringLiteral("shop")}), spec);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out)
                 .object()
                 .value(QLatin1String("auth"))
                 .toObject()
                 .value(QLatin1String("hasSecret"))
                 .toBool(),
        true);
    QVERIFY(!r.out.contains(kToken));

    r = runTierdesk(connector(QStringLiteral("list"), {QStringLiteral("--json")}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 1);
    r = runTierdesk(connector(QStringLiteral("list"), {}));
    QVERIFY2(r.out.startsWith("shop\thttp\torder\t"), r.out.constData());

    r = runTierdesk(
        connector(QStringLiteral("test"),
            {QStringLiteral("--name"), QStringLiteral("shop"), QStringLiteral("--purpose"), QStringLiteral("order"),
                QStringLiteral("--input"), QStringLiteral(R"({"orderId": "ORD-10005"})")}),
        30000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject tested = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(tested.value(QLatin1String("result"))
                 .toObject()
                 .value(QLatin1String("order"))
                 .toObject()
                 .value(QLatin1String("customerId"))
                 .toString(),
        QStringLiteral("cust_1"));
    r = runTierdesk(
        connector(QStringLiteral("test"),
            {QStringLiteral("--name"), QStringLiteral("shop"), QStringLiteral("--purpose"), QStringLiteral("order"),
                QStringLiteral("--input"), QStringLiteral(R"({"orderId": "ERR-500"})")}),
        30000);
    QCOMPARE(r.exitCode, 1); // the system failed: said, and the exit code says so
    QCOMPARE(
        QJsonDocument::fromJson(r.out).object().value(QLatin1String("error")).toString(), QStringLiteral("HTTP 500"));
    QVERIFY(!anyFileHolds(kToken));

    r = runTierdesk(connector(QStringLiteral("remove"), {QStringLiteral("--name"), QStringLiteral("shop")}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runTierdesk(connector(QStringLiteral("list"), {}));
    QVERIFY(r.out.startsWith("No connectors"));
}

void TestCliConnectors::refusals()
{
    CliResult r = runTierdeskWithInput(
        connector(QStringLiteral("add"), {QStringLiteral("--name"), QStringLiteral("x")}), "not json");
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("JSON object"), r.err.constData());
    r = runTierdeskWithInput(connector(QStringLiteral("add"), {QStringLiteral("--name"), QStringLiteral("x")}),
        R"({"kind": "ftp", "purposes": ["order"], "url": "http://127.0.0.1:9"})");
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("kind must be one of"), r.err.constData());
    r = runTierdesk(connector(QStringLiteral("test"), {QStringLiteral("--name"), QStringLiteral("x")}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--purpose"), r.err.constData());
    r = runTierdesk(connector(QStringLiteral("remove"), {QStringLiteral("--name"), QStringLiteral("nope")}));
    QCOMPARE(r.exitCode, 1);
}

QTEST_GUILESS_MAIN(TestCliConnectors)
#include "tst_cli_connectors.moc"
