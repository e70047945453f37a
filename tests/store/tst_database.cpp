#include "core/store/Schema.h"
#include "core/store/Store.h"
#include "tests/support/FileProbes.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

Company makeCompany(const QString &id)
{
    return Company{id, QStringLiteral("Company ") + id, 1000, CsConfig::defaults()};
}

// A second, independent connection to the same file: it sees only committed data.
class Observer {
public:
    explicit Observer(const QString &path)
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("observer"));
        m_db.setDatabaseName(path);
        m_ok = m_db.open();
    }
    ~Observer()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("observer"));
    }
    bool ok() const { return m_ok; }
    int count(const QString &sql)
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toInt();
    }

private:
    QSqlDatabase m_db;
    bool m_ok = false;
};

// The page size and the root page of `table`, read on a connection of their own.
bool pageOf(const QString &path, const QString &table, int *pageSize, int *rootPage)
{
    Observer o(path);
    *pageSize = o.count(QStringLiteral("PRAGMA page_size"));
    *rootPage = o.count(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = '%1'").arg(table));
    return o.ok() && *pageSize > 0 && *rootPage > 1;
}

QByteArray contentOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Counts critical messages of the store's category while it lives.
class CriticalCounter {
public:
    CriticalCounter()
    {
        s_count = 0;
        s_previous = qInstallMessageHandler(&handle);
    }
    ~CriticalCounter() { qInstallMessageHandler(s_previous); }
    int count() const { return s_count; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (type == QtCriticalMsg && qstrcmp(context.category, "tierdesk.store") == 0)
            ++s_count;
        else
            s_previous(type, context, message);
    }
    static inline int s_count = 0;
    static inline QtMessageHandler s_previous = nullptr;
};

} // namespace

class TestDatabase : public QObject {
    Q_OBJECT

private slots:
    void init();
    void migrationsReachLatestVersion();
    void aMigrationNumberedBelowTheLatestStillRuns();
    void reopenKeepsDataWithoutRerunningMigrations();
    void walModeIsOn();
    void theWriterStartsTheLogAgainOnlyOnceItIsLarge();
    void failedRunRollsBackOnlyItsOwnWork();
    void afterCommitRunsAfterFlush();
    void afterCommitWithNothingPendingRunsAtOnce();
    void flushMakesDataVisibleToAnotherConnection();
    void eventLoopFlushesTheBatch();
    void fullBatchFlushesItself();
    void openFailsOnUnusablePath();
    void damagedDatabaseIsRefusedAndLeftUntouched();
    void notADatabaseIsRefused();
    void corruptionAtRunTimeDegradesWritesOnly();
    void auditOutcomesKeepTheirStatusColumn();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(QStringLiteral("t.db")); }
};

void TestDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDatabase::migrationsReachLatestVersion()
{
    auto store = Store::open(path());
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
    const auto &all = schema::migrations();
    QVERIFY(!all.isEmpty());
    QCOMPARE((*store)->db().schemaVersion(), all.last().version);
    QSqlQuery q((*store)->db().handle());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version")) && q.next());
    QCOMPARE(q.value(0).toInt(), all.size());
    // The main tables exist.
    for (const char *table : {"companies", "customers", "orders", "sessions", "messages", "sentiment_points",
             "escalations", "ledger", "webhooks", "webhook_outbox", "audit_log", "kb_articles", "kb_fts", "settings"}) {
        QSqlQuery t((*store)->db().handle());
        QVERIFY(
            t.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = '%1'").arg(QLatin1String(table))));
        QVERIFY(t.next());
        QVERIFY2(t.value(0).toInt() == 1, table);
    }
}

void TestDatabase::aMigrationNumberedBelowTheLatestStillRuns()
{
    // A database that has the latest migration but not an earlier one (branches
    // merged in another order): simulated by forgetting migration 3 (agents).
    {
        auto store = Store::open(path());
        QVERIFY(store.ok());
        Database &db = (*store)->db();
        QVERIFY(db.exec(QStringLiteral("DROP TABLE agents")));
        QVERIFY(db.exec(QStringLiteral("DELETE FROM schema_version WHERE version = 3")));
        QCOMPARE(db.schemaVersion(), schema::migrations().last().version);
    }
    auto again = Store::open(path());
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
    QSqlQuery q((*again)->db().handle());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version WHERE version = 3")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QCOMPARE((*again)->agents().count(), 0); // the table is back
}

void TestDatabase::reopenKeepsDataWithoutRerunningMigrations()
{
    QString appliedAt;
    {
        auto store = Store::open(path());
        QVERIFY(store.ok());
        Store &s = **store;
        QVERIFY(s.batch().run([&] { return s.companies().insert(makeCompany(QStringLiteral("co-1"))); }));
        QVERIFY(s.batch().flush());
        QSqlQuery q(s.db().handle());
        QVERIFY(q.exec(QStringLiteral("SELECT applied_at FROM schema_version ORDER BY version LIMIT 1")) && q.next());
        appliedAt = q.value(0).toString();
        // Rewrite the recorded time so a re-run would be visible.
        QVERIFY(s.db().exec(QStringLiteral("UPDATE schema_version SET applied_at = 'marker'")));
    }
    auto again = Store::open(path());
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
    Store &s = **again;
    QVERIFY(!appliedAt.isEmpty());
    const auto company = s.companies().find(QStringLiteral("co-1"));
    QVERIFY(company.has_value());
    QCOMPARE(company->name, QStringLiteral("Company co-1"));
    QCOMPARE(s.db().schemaVersion(), schema::migrations().last().version);
    QSqlQuery q(s.db().handle());
    QVERIFY(
        q.exec(QStringLiteral("SELECT COUNT(*), MIN(applied_at), MAX(applied_at) FROM schema_version")) && q.next());
    QCOMPARE(q.value(0).toInt(), schema::migrations().size());
    QCOMPARE(q.value(1).toString(), QStringLiteral("marker"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("marker"));
}

void TestDatabase::walModeIsOn()
{
    auto store = Store::open(path());
    QVERIFY(store.ok());
    QSqlQuery q((*store)->db().handle());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString().toLower(), QStringLiteral("wal"));
    QSqlQuery fk((*store)->db().handle());
    QVERIFY(fk.exec(QStringLiteral("PRAGMA foreign_keys")) && fk.next());
    QCOMPARE(fk.value(0).toInt(), 1);
    // WAL is a property of the file: a fresh connection sees it too.
    Observer other(path());
    QVERIFY(other.ok());
    QVERIFY(QFile::exists(path() + QStringLiteral("-wal")));
}

void TestDatabase::theWriterStartsTheLogAgainOnlyOnceItIsLarge()
{
    // The writer's own checkpoint (after which its next transaction starts the log again)
    // runs inside a commit, on the engine thread, and waits for two fsyncs; so it waits for
    // a large log. At SQLite's usual 1,000 pages the log written here would have been
    // checkpointed and started again half way; here all of its 2,000 pages stay in it.
    auto db = Database::open(path());
    QVERIFY(db.ok());
    Database &d = **db;
    QVERIFY(d.exec(QStringLiteral("CREATE TABLE filler (x BLOB)")));
    const QByteArray pageOfData(4000, 'x'); // one row a page
    for (int commit = 0; commit < 20; ++commit) {
        QVERIFY(d.begin());
        for (int row = 0; row < 100; ++row)
            QVERIFY(d.exec(QStringLiteral("INSERT INTO filler (x) VALUES (?)"), {pageOfData}));
        QVERIFY(d.commit());
    }
    QSqlQuery q(d.handle());
    QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) && q.next());
    const int pagesInLog = q.value(1).toInt(); // columns: busy, log, checkpointed
    QVERIFY2(pagesInLog >= 2000, qPrintable(QStringLiteral("%1 pages in the log").arg(pagesInLog)));
}

void TestDatabase::failedRunRollsBackOnlyItsOwnWork()
{
    auto store = Store::open(path());
    QVERIFY(store.ok());
    Store &s = **store;
    QVERIFY(s.batch().run([&] { return s.companies().insert(makeCompany(QStringLiteral("kept-1"))); }));
    const bool failed = s.batch().run([&] {
        // Writes something, then fails: all of it must go.
        s.companies().insert(makeCompany(QStringLiteral("dropped")));
        s.db().exec(QStringLiteral("INSERT INTO settings(key, value) VALUES ('dropped', 'x')"));
        return false;
    });
    QVERIFY(!failed);
    // A failing statement inside work that reports failure: also rolled back.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("UNIQUE constraint failed")));
    QVERIFY(!s.batch().run([&] {
        s.companies().insert(makeCompany(QStringLiteral("dropped-2")));
        return s.companies().insert(makeCompany(QStringLiteral("kept-1"))); // duplicate key
    }));
    QVERIFY(s.batch().run([&] { return s.companies().insert(makeCompany(QStringLiteral("kept-2"))); }));
    QVERIFY(s.batch().flush());

    Observer other(path());
    QVERIFY(other.ok());
    QCOMPARE(other.count(QStringLiteral("SELECT COUNT(*) FROM companies WHERE id IN ('kept-1', 'kept-2')")), 2);
    QCOMPARE(other.count(QStringLiteral("SELECT COUNT(*) FROM companies WHERE id LIKE 'dropped%'")), 0);
    QCOMPARE(other.count(QStringLiteral("SELECT COUNT(*) FROM settings WHERE key = 'dropped'")), 0);
}

void TestDatabase::afterCommitRunsAfterFlush()
{
    auto store = Store::open(path());
    QVERIFY(store.ok());
    Store &s = **store;
    QList<bool> calls;
    QVERIFY(s.batch().run([&] { return s.companies().insert(makeCompany(QStringLiteral("c"))); }));
    s.batch().afterCommit([&](bool committed) { calls << committed; });
    s.batch().afterCommit([&](bool committed) { calls << committed; });
    QVERIFY(calls.isEmpty());
    const qint64 commitsBefore = s.batch().commits();
    QVERIFY(s.batch().flush());
    QCOMPARE(calls, QList<bool>({true, true}));
    QCOMPARE(s.batch().commits(), commitsBefore + 1);
    // Callbacks run once only.
    QVERIFY(s.batch().flush());
    QCOMPARE(calls.size(), 2);
}

void TestDatabase::afterCommitWithNothingPendingRunsAtOnce()
{
    auto store = Store::open(path());
    QVERIFY(store.ok());
    int called = 0;
    (*store)->batch().afterCommit([&](bool committed) { called += committed ? 1 : 100; });
    QCOMPARE(called, 1);
}

void TestDatabase::flushMakesDataVisibleToAnotherConnection()
{
    auto store = Store::open(path());
    QVERIFY(store.ok());
    Store &s = **store;
    Observer other(path());
    QVERIFY(other.ok());
    QCOMPARE(other.count(QStringLiteral("SELECT COUNT(*) FROM companies")), 0);
    QVERIFY(s.batch().run([&] { return s.companies().insert(makeCompany(QStringLiteral("v1"))); }));
    QVERIFY(s.batch().run([&] { return s.companies().insert(makeCompany(QStringLiteral("v2"))); }));
    // Written on our connection, not yet committed.
    QVERIFY(s.companies().find(QStringLiteral("v1")).has_value());
    QCOMPARE(other.count(QStringLiteral("SELECT COUNT(*) FROM companies")), 0);
    QVERIFY(s.db().inTransaction());
    QVERIFY(s.batch().flush());
    QVERIFY(!s.db().inTransaction());
    QCOMPARE(other.count(QStringLiteral("SELECT COUNT(*) FROM companies")), 2);
}

void TestDatabase::eventLoopFlushesTheBatch()
{
    auto store = Store::open(path());
    QVERIFY(store.ok());
    Store &s = **store;
    bool committed = false;
    QVERIFY(s.batch().run([&] { return s.companies().insert(makeCompany(QStringLiteral("loop"))); }));
    s.batch().afterCommit([&](bool ok) { committed = ok; });
    QVERIFY(!committed);
    // The flush is a short timer on the event loop (WriteBatch::kFlushDelayMs):
    // the batch commits once the loop runs it, with no explicit flush.
    QTRY_VERIFY_WITH_TIMEOUT(committed, 5000);
    QVERIFY(!s.db().inTransaction());
    Observer other(path());
    QCOMPARE(other.count(QStringLiteral("SELECT COUNT(*) FROM companies WHERE id = 'loop'")), 1);
}

void TestDatabase::fullBatchFlushesItself()
{
    auto db = Database::open(path());
    QVERIFY(db.ok());
    Database &d = **db;
    WriteBatch batch(d, 2);
    int done = 0;
    QVERIFY(batch.run([&] { return d.exec(QStringLiteral("INSERT INTO settings(key, value) VALUES ('a', '1')")); }));
    batch.afterCommit([&](bool ok) { done += ok; });
    QCOMPARE(done, 0);
    QVERIFY(batch.run([&] { return d.exec(QStringLiteral("INSERT INTO settings(key, value) VALUES ('b', '2')")); }));
    batch.afterCommit([&](bool ok) { done += ok; });
    // The second waiter fills the batch (maxPending = 2): it commits without the event loop.
    QCOMPARE(done, 2);
    QVERIFY(!d.inTransaction());
}

void TestDatabase::openFailsOnUnusablePath()
{
    // A directory where the file should be.
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("adir")));
    auto store = Store::open(m_dir->filePath(QStringLiteral("adir")));
    QVERIFY(!store.ok());
    QVERIFY(store.error().kind == ErrorKind::Internal);
}

void TestDatabase::damagedDatabaseIsRefusedAndLeftUntouched()
{
    {
        auto store = Store::open(path());
        QVERIFY(store.ok());
        Store &s = **store;
        for (int i = 0; i < 200; ++i)
            QVERIFY(s.batch().run([&] { return s.companies().insert(makeCompany(QStringLiteral("co-%1").arg(i))); }));
        QVERIFY(s.batch().flush());
    }
    QVERIFY2(!QFile::exists(path() + QStringLiteral("-wal")), "the last connection folds the log into the file");
    int pageSize = 0;
    int companies = 0;
    QVERIFY(pageOf(path(), QStringLiteral("companies"), &pageSize, &companies));
    QVERIFY(damagePages(path(), pageSize, companies, companies + 1));
    const QByteArray damaged = contentOf(path());

    auto again = Store::open(path());
    QVERIFY(!again.ok());
    QVERIFY2(again.error().message.contains(QLatin1String("is damaged (integrity check:")),
        qPrintable(again.error().message));
    QVERIFY(again.error().message.contains(QLatin1String("tierdesk db check")));
    QCOMPARE(contentOf(path()), damaged); // not a byte written: no migration, no repair
}

void TestDatabase::notADatabaseIsRefused()
{
    QFile f(path());
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, 'x'));
    f.close();
    auto store = Store::open(path());
    QVERIFY(!store.ok());
    QVERIFY2(
        store.error().message.contains(QLatin1String("not a Tierdesk database")), qPrintable(store.error().message));
}

// The audit log's status column keeps the numbers it held before outcomes existed: rows
// written then read back as outcomes, and an API family's own status comes back as it was.
void TestDatabase::auditOutcomesKeepTheirStatusColumn()
{
    auto store = Store::open(path());
    QVERIFY(store.ok());
    Store &s = **store;
    const QList<AuditOutcome> outcomes{AuditOutcome::System, AuditOutcome::Done, AuditOutcome::Created,
        AuditOutcome::Accepted, AuditOutcome::Removed, AuditOutcome::Unauthorized, AuditOutcome::Failed,
        AuditOutcome::NotDelivered};
    QVERIFY(s.companies().insert(makeCompany(QStringLiteral("co"))));
    for (int i = 0; i < outcomes.size(); ++i)
        QVERIFY(s.audit().append({i, QStringLiteral("co"), QStringLiteral("t"), QStringLiteral("admin"),
            QStringLiteral("a%1").arg(i), QStringLiteral("r"), {}, outcomes.at(i), {}}));
    AuditEntry refused{100, QStringLiteral("co"), QStringLiteral("t"), QStringLiteral("admin"),
        QStringLiteral("refused"), QStringLiteral("r"), {}, AuditOutcome::System, {}};
    refused.answeredStatus = 403;
    QVERIFY(s.audit().append(refused));
    // A row as an older version wrote it.
    QVERIFY(s.db().exec(QStringLiteral("INSERT INTO audit_log(at, company_id, actor, role, action, resource, "
                                       "client_address, status, details) VALUES (200, 'co', 't', 'admin', 'old', 'r', "
                                       "'', 204, '')")));
    QVERIFY(s.batch().flush());

    Observer o(path());
    const QList<int> columns{0, 200, 201, 202, 204, 401, 500, 502};
    for (int i = 0; i < columns.size(); ++i)
        QCOMPARE(o.count(QStringLiteral("SELECT status FROM audit_log WHERE action = 'a%1'").arg(i)), columns.at(i));
    QCOMPARE(o.count(QStringLiteral("SELECT status FROM audit_log WHERE action = 'refused'")), 403);

    const QList<AuditEntry> read = s.audit().recent(QStringLiteral("co"), 20);
    QCOMPARE(read.size(), outcomes.size() + 2);
    QCOMPARE(read.at(0).action, QStringLiteral("old"));
    QCOMPARE(read.at(0).outcome, AuditOutcome::Removed);
    QCOMPARE(read.at(0).answeredStatus, 0);
    QCOMPARE(read.at(1).answeredStatus, 403);
    for (int i = 0; i < outcomes.size(); ++i) {
        const AuditEntry &e = read.at(read.size() - 1 - i);
        QCOMPARE(e.action, QStringLiteral("a%1").arg(i));
        QCOMPARE(e.outcome, outcomes.at(i));
        QCOMPARE(e.answeredStatus, 0);
    }
}

void TestDatabase::corruptionAtRunTimeDegradesWritesOnly()
{
    {
        auto store = Store::open(path());
        QVERIFY(store.ok());
        Store &s = **store;
        QVERIFY(s.batch().run([&] {
            return s.companies().insert(makeCompany(QStringLiteral("kept")))
                && s.audit().append({1, QStringLiteral("kept"), QStringLiteral("t"), QStringLiteral("admin"),
                    QStringLiteral("company.create"), QStringLiteral("company:kept"), {}, AuditOutcome::System, {}});
        }));
        QVERIFY(s.batch().flush());
    }
    QVERIFY(!QFile::exists(path() + QStringLiteral("-wal")));
    int pageSize = 0;
    int audit = 0;
    QVERIFY(pageOf(path(), QStringLiteral("audit_log"), &pageSize, &audit));
    QVERIFY(damagePages(path(), pageSize, audit, audit));

    // Damage the start-up check does not look for (it was skipped) shows when
    // a write reaches the damaged page.
    DatabaseOptions unchecked;
    unchecked.startupCheckMs = 0;
    auto store = Store::open(path(), unchecked);
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
    Store &s = **store;
    QVERIFY(!s.db().degraded());
    CriticalCounter criticals;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("query failed.*malformed")));
    QVERIFY(s.batch().run([&] { return s.companies().insert(makeCompany(QStringLiteral("lost"))); }));
    QVERIFY(!s.batch().run([&] {
        return s.audit().append({2, QStringLiteral("kept"), QStringLiteral("t"), QStringLiteral("admin"),
            QStringLiteral("company.update"), QStringLiteral("company:kept"), {}, AuditOutcome::System, {}});
    }));
    QVERIFY(s.db().degraded());
    QCOMPARE(s.db().failure(), QStringLiteral("corrupt"));
    QCOMPARE(criticals.count(), 1);

    // The batch that was open is not committed to the damaged file.
    bool committed = true;
    s.batch().afterCommit([&](bool ok) { committed = ok; });
    QVERIFY(!s.batch().flush());
    QVERIFY(!committed);
    // Further writes are refused without touching the file...
    bool ran = false;
    QVERIFY(!s.batch().run([&] { return ran = true; }));
    QVERIFY(!ran);
    // ...and reads go on.
    QVERIFY(s.companies().find(QStringLiteral("kept")).has_value());
    QVERIFY(!s.companies().find(QStringLiteral("lost")).has_value());
    QCOMPARE(criticals.count(), 1); // logged once
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
