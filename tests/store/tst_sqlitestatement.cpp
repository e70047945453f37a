// Database::write (statements run straight on SQLite) and the caches in front of the
// tables on the message path, on a real SQLite file.
#include "core/store/Store.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace tierdesk;

class TestSqliteStatement : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto opened = Store::open(m_dir.filePath(QStringLiteral("t%1.db").arg(++m_files)));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        m_store = std::move(opened.value());
        QVERIFY(m_store->db().exec(
            QStringLiteral("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT, u TEXT UNIQUE)")));
    }
    void cleanup() { m_store.reset(); }

    void bindsEachTypeAsQtSqlDid()
    {
        Database &db = m_store->db();
        const QString insert = QStringLiteral("INSERT INTO t (i, r, s, b, n, u) VALUES (?, ?, ?, ?, ?, ?)");
        QVERIFY(db.write(
            insert, {qint64(1) << 40, 2.5, QStringLiteral("grüße"), QByteArray("\x00\x01", 2), QVariant(), true}));
        // A null QString is '' (columns take '' for "no text"); an invalid QVariant is NULL.
        QVERIFY(db.write(insert, {7, 0.0, QString(), QByteArray(), QVariant(), QStringLiteral("x")}));
        QSqlQuery q(db.handle());
        QVERIFY(
            q.exec(QStringLiteral("SELECT i, typeof(i), r, s, typeof(s), hex(b), n IS NULL, u FROM t ORDER BY rowid")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), qint64(1) << 40);
        QCOMPARE(q.value(1).toString(), QStringLiteral("integer"));
        QCOMPARE(q.value(2).toDouble(), 2.5);
        QCOMPARE(q.value(3).toString(), QStringLiteral("grüße"));
        QCOMPARE(q.value(5).toString(), QStringLiteral("0001"));
        QCOMPARE(q.value(6).toInt(), 1);
        QCOMPARE(q.value(7).toString(), QStringLiteral("1")); // a bool is stored as 1, as QSQLITE stores it
        QVERIFY(q.next());
        QCOMPARE(q.value(3).toString(), QStringLiteral(""));
        QCOMPARE(q.value(4).toString(), QStringLiteral("text"));
    }

    // The bytes stored for any text are those QtSql stored, emoji and a lone surrogate included.
    void storesTheTextBytesQtSqlDid()
    {
        Database &db = m_store->db();
        const QList<QString> texts{QStringLiteral("plain ascii"), QStringLiteral("grüße – 25,50 €"),
            QStringLiteral("emoji 😀👍🏽"), QStringLiteral("lone ") + QChar(0xD800) + QStringLiteral(" high"),
            QStringLiteral("lone low ") + QChar(0xDC00), QStringLiteral("nul ") + QChar(0) + QStringLiteral(" inside")};
        for (const QString &text : texts) {
            QVERIFY(db.write(QStringLiteral("INSERT INTO t (i, s) VALUES (1, ?)"), {text}));
            QSqlQuery byQtSql(db.handle());
            QVERIFY(byQtSql.prepare(QStringLiteral("INSERT INTO t (i, s) VALUES (2, ?)")));
            byQtSql.addBindValue(text);
            QVERIFY(byQtSql.exec());
            QSqlQuery q(db.handle());
            QVERIFY(q.exec(QStringLiteral("SELECT hex(s) FROM t ORDER BY i")));
            QVERIFY(q.next());
            const QString written = q.value(0).toString();
            QVERIFY(q.next());
            QCOMPARE(written, q.value(0).toString());
            QVERIFY(!written.isEmpty());
            QVERIFY(q.exec(QStringLiteral("DELETE FROM t")));
        }
    }

    void reusesTheStatementAndReportsErrors()
    {
        Database &db = m_store->db();
        const QString insert = QStringLiteral("INSERT INTO t (u) VALUES (?)");
        QVERIFY(db.write(insert, {QStringLiteral("a")}));
        QVERIFY(!db.write(insert, {QStringLiteral("a")})); // UNIQUE
        QVERIFY2(db.lastError().contains(QLatin1String("UNIQUE")), qPrintable(db.lastError()));
        QVERIFY(!db.degraded()); // a constraint is the caller's problem, not the storage's
        QVERIFY(db.write(insert, {QStringLiteral("b")})); // the same statement, reset after its error
        QVERIFY(!db.write(QStringLiteral("INSERT INTO missing VALUES (?)"), {1}));
        QVERIFY(db.lastError().contains(QLatin1String("missing")));
        QSqlQuery q(db.handle());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM t")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }

    void savepointsUndoOnlyTheirPart()
    {
        Database &db = m_store->db();
        QVERIFY(db.begin());
        QVERIFY(db.write(QStringLiteral("INSERT INTO t (u) VALUES ('kept')")));
        QVERIFY(db.savepoint(QStringLiteral("w")));
        QVERIFY(db.write(QStringLiteral("INSERT INTO t (u) VALUES ('undone')")));
        QVERIFY(db.rollbackTo(QStringLiteral("w")));
        QVERIFY(db.commit());
        QSqlQuery q(db.handle());
        QVERIFY(q.exec(QStringLiteral("SELECT group_concat(u) FROM t")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("kept"));
    }

    void recentOrdersFollowWrites()
    {
        CustomerRepo &customers = m_store->customers();
        QVERIFY(m_store->db().exec(
            QStringLiteral("INSERT INTO companies(id, name, created_at, config) VALUES ('co', 'Co', 0, '{}')")));
        auto order = [](const QString &id, qint64 placedAt) {
            Order o;
            o.id = id;
            o.companyId = QStringLiteral("co");
            o.customerId = QStringLiteral("cust");
            o.status = QStringLiteral("processing");
            o.total = 10;
            o.placedAt = placedAt;
            return o;
        };
        QVERIFY(customers.upsertOrder(order(QStringLiteral("ORD-1"), 100)));
        QCOMPARE(customers.recentOrders(QStringLiteral("co"), QStringLiteral("cust"), 20).size(), 1);
        QVERIFY(customers.upsertOrder(order(QStringLiteral("ORD-2"), 200)));
        const QList<Order> two = customers.recentOrders(QStringLiteral("co"), QStringLiteral("cust"), 20);
        QCOMPARE(two.size(), 2);
        QCOMPARE(two.first().id, QStringLiteral("ORD-2")); // newest first
        QCOMPARE(customers.recentOrders(QStringLiteral("co"), QStringLiteral("cust"), 1).size(), 1);
        QVERIFY(customers.recordRefund(QStringLiteral("co"), QStringLiteral("ORD-1"), 4, false));
        QCOMPARE(customers.recentOrders(QStringLiteral("co"), QStringLiteral("cust"), 20).last().refundedAmount, 4.0);
    }

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    std::unique_ptr<Store> m_store;
};

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "tst_sqlitestatement.moc"
