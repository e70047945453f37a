#include "core/store/ConnectorRepo.h"
#include "core/store/Store.h"
#include "tests/support/TestStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace tierdesk;

namespace {

// Seals by reversing and prefixing: enough to see that the database never holds the plain text.
class MarkSealer final : public SecretSealer {
public:
    QByteArray seal(const QByteArray &plain) const override
    {
        QByteArray out = plain;
        std::reverse(out.begin(), out.end());
        return "sealed:" + out.toBase64();
    }
    Result<QByteArray> open(const QByteArray &sealed) const override
    {
        if (!sealed.startsWith("sealed:"))
            return makeError(ErrorKind::Forbidden, QStringLiteral("not sealed here"));
        QByteArray out = QByteArray::fromBase64(sealed.mid(7));
        std::reverse(out.begin(), out.end());
        return out;
    }
};

} // namespace

// The connectors and connector_calls tables (migration 22): secrets sealed, the http kind's
// requests and pointers kept, replace versus create, the call log trimmed to its last 1,000.
class TestConnectorRepo : public QObject {
    Q_OBJECT

private slots:
    void init();
    void storesSealedAndReadsBack();
    void replacingKeepsCreatedAt();
    void removeTakesItsCalls();
    void callLogKeepsTheLastThousand();

private:
    Connector shop() const;

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    MarkSealer m_sealer;
};

void TestConnectorRepo::init()
{
    m_store.reset();
    QVERIFY(m_dir.isValid());
    QFile::remove(m_dir.filePath(QStringLiteral("connectors.db")));
    auto store = test::openTestStore(m_dir.filePath(QStringLiteral("connectors.db")));
    QVERIFY(store.ok());
    m_store = std::move(store.value());
    Company c;
    c.id = QStringLiteral("co_a");
    c.name = c.id;
    c.createdAt = 1;
    QVERIFY(m_store->companies().insert(c));
}

Connector TestConnectorRepo::shop() const
{
    Connector c;
    c.companyId = QStringLiteral("co_a");
    c.name = QStringLiteral("shop");
    c.kind = ConnectorKind::Http;
    c.purposes = {ConnectorPurpose::Order, ConnectorPurpose::Orders};
    c.url = QUrl(QStringLiteral("https://shop.example/api"));
    c.auth.type = ConnectorAuth::Type::Basic;
    c.auth.username = QStringLiteral("desk");
    c.auth.secret = "hunter2-password";
    c.timeoutMs = 4000;
    ConnectorRequest r;
    r.path = QStringLiteral("/orders/{orderId}");
    r.query = {{QStringLiteral("expand"), QStringLiteral("lines")}};
    c.requests.insert(ConnectorPurpose::Order, r);
    FieldPointers f;
    f.fields = {{QStringLiteral("id"), QStringLiteral("/number")}, {QStringLiteral("total"), QStringLiteral("/t")}};
    f.items = ItemPointers{QStringLiteral("/lines"), QStringLiteral("/title"), QStringLiteral("/qty"), QString()};
    c.fields.insert(ConnectorPurpose::Order, f);
    c.createdAt = 1000;
    return c;
}

void TestConnectorRepo::storesSealedAndReadsBack()
{
    ConnectorRepo &repo = m_store->connectors();
    Connector stripe;
    stripe.companyId = QStringLiteral("co_a");
    stripe.name = QStringLiteral("stripe");
    stripe.kind = ConnectorKind::Stripe;
    stripe.purposes = {ConnectorPurpose::Refund};
    stripe.url = QUrl(QStringLiteral("https://api.stripe.com"));
    stripe.auth.type = ConnectorAuth::Type::Bearer;
    stripe.auth.secret = "sk_live_secret";
    stripe.webhookSecret = "whsec_secret";
    bool created = false;
    QVERIFY(repo.put(shop(), m_sealer, &created));
    QVERIFY(created);
    QVERIFY(repo.put(stripe, m_sealer, &created));
    QCOMPARE(repo.count(QStringLiteral("co_a")), 2);
    // The database holds no secret in plain text.
    for (const char *column : {"sealed_secret", "sealed_webhook_secret", "auth_params", "requests"}) {
        QSqlQuery q(m_store->db().handle());
        QVERIFY(q.exec(QStringLiteral("SELECT %1 FROM connectors").arg(QLatin1String(column))));
        QString all;
        while (q.next())
            all += q.value(0).toString();
        QVERIFY2(!all.contains(QLatin1String("hunter2")) && !all.contains(QLatin1String("sk_live"))
                && !all.contains(QLatin1String("whsec")),
            column);
    }
    const std::optional<Connector> read = repo.find(QStringLiteral("co_a"), QStringLiteral("shop"), m_sealer);
    QVERIFY(read);
    QCOMPARE(read->auth.secret, QByteArray("hunter2-password"));
    QCOMPARE(read->auth.username, QStringLiteral("desk"));
    QVERIFY(read->purposes == shop().purposes);
    QCOMPARE(read->requests.value(ConnectorPurpose::Order).path, QStringLiteral("/orders/{orderId}"));
    QCOMPARE(read->requests.value(ConnectorPurpose::Order).query.at(0).second, QStringLiteral("lines"));
    QCOMPARE(read->fields.value(ConnectorPurpose::Order).fields.value(QStringLiteral("total")), QStringLiteral("/t"));
    QCOMPARE(read->fields.value(ConnectorPurpose::Order).items->name, QStringLiteral("/title"));
    QCOMPARE(read->timeoutMs, 4000);
    const auto all = repo.list(QStringLiteral("co_a"), m_sealer);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(1).webhookSecret, QByteArray("whsec_secret"));
    QVERIFY(repo.list(QStringLiteral("co_b"), m_sealer).isEmpty());
}

void TestConnectorRepo::replacingKeepsCreatedAt()
{
    ConnectorRepo &repo = m_store->connectors();
    bool created = false;
    QVERIFY(repo.put(shop(), m_sealer, &created));
    Connector changed = shop();
    changed.url = QUrl(QStringLiteral("https://erp.example"));
    changed.auth = ConnectorAuth{};
    changed.createdAt = 9999;
    QVERIFY(repo.put(changed, m_sealer, &created));
    QVERIFY(!created);
    const auto read = repo.find(QStringLiteral("co_a"), QStringLiteral("shop"), m_sealer);
    QCOMPARE(read->url, changed.url);
    QVERIFY(read->auth.secret.isEmpty());
    QCOMPARE(read->createdAt, qint64(1000));
    QCOMPARE(repo.count(QStringLiteral("co_a")), 1);
}

void TestConnectorRepo::removeTakesItsCalls()
{
    ConnectorRepo &repo = m_store->connectors();
    bool created = false;
    QVERIFY(repo.put(shop(), m_sealer, &created));
    QVERIFY(repo.recordCall(QStringLiteral("co_a"), QStringLiteral("shop"),
        ConnectorCall{5, ConnectorPurpose::Order, {}, true, 200, 12, {}}));
    QVERIFY(repo.remove(QStringLiteral("co_a"), QStringLiteral("shop")));
    QVERIFY(repo.calls(QStringLiteral("co_a"), QStringLiteral("shop"), 10).isEmpty());
    QCOMPARE(repo.remove(QStringLiteral("co_a"), QStringLiteral("shop")).error().kind, ErrorKind::NotFound);
}

void TestConnectorRepo::callLogKeepsTheLastThousand()
{
    ConnectorRepo &repo = m_store->connectors();
    QVERIFY(m_store->db().handle().transaction());
    for (int i = 1; i <= ConnectorRepo::kMaxCallsKept + 5; ++i) {
        const ConnectorCall call{i, ConnectorPurpose::Order, QStringLiteral("s%1").arg(i), i % 2 == 0,
            i % 2 ? 500 : 200, i, i % 2 ? QStringLiteral("HTTP 500") : QString()};
        QVERIFY(repo.recordCall(QStringLiteral("co_a"), QStringLiteral("shop"), call));
    }
    QVERIFY(repo.recordCall(QStringLiteral("co_a"), QStringLiteral("other"),
        ConnectorCall{1, ConnectorPurpose::Order, {}, true, 200, 1, {}}));
    QVERIFY(m_store->db().handle().commit());
    const auto calls = repo.calls(QStringLiteral("co_a"), QStringLiteral("shop"), 5000);
    QCOMPARE(calls.size(), ConnectorRepo::kMaxCallsKept);
    QCOMPARE(calls.first().at, qint64(ConnectorRepo::kMaxCallsKept + 5)); // newest first
    QCOMPARE(calls.last().at, qint64(6));
    QCOMPARE(calls.first().error, QStringLiteral("HTTP 500"));
    QCOMPARE(calls.first().status, 500);
    QVERIFY(!calls.first().ok);
    QCOMPARE(repo.calls(QStringLiteral("co_a"), QStringLiteral("other"), 10).size(), 1);
    QCOMPARE(repo.calls(QStringLiteral("co_a"), QStringLiteral("shop"), 3).size(), 3);
}

QTEST_GUILESS_MAIN(TestConnectorRepo)
#include "tst_connectorrepo.moc"
