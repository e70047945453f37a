// The write-ahead log stays bounded under a steady stream of commits, and the
// background checkpointer copies committed pages into the database file.
#include "core/store/Store.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;

class TestCheckpointer : public QObject {
    Q_OBJECT

private slots:
    void logStaysBoundedUnderSteadyCommits();
    void backgroundCheckpointCopiesCommittedPages();
};

namespace {

bool commitAuditRows(Store &store, int commits, int rowsPerCommit)
{
    for (int c = 0; c < commits; ++c) {
        const bool ok = store.batch().run([&] {
            for (int r = 0; r < rowsPerCommit; ++r)
                if (!store.audit().append({c, QStringLiteral("co"), QStringLiteral("t"), QStringLiteral("agent"),
                        QStringLiteral("message.create"), QStringLiteral("session:%1").arg(r),
                        QStringLiteral("127.0.0.1"), AuditOutcome::Created, {}}))
                    return false;
            return true;
        });
        if (!ok || !store.batch().flush())
            return false;
    }
    return true;
}

} // namespace

void TestCheckpointer::logStaysBoundedUnderSteadyCommits()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.db"));
    auto store = Store::open(path);
    QVERIFY(store);
    // About 100 MB of pages pass through the log; it must be rewound as it goes. The writer
    // starts it again once it holds 16,000 pages (about 66 MB with the frames' headers).
    QVERIFY(commitAuditRows(*store.value(), 5000, 50));
    const qint64 walBytes = QFileInfo(path + QStringLiteral("-wal")).size();
    QVERIFY2(walBytes < 72 * 1024 * 1024, qPrintable(QString::number(walBytes)));
    QSqlQuery q(store.value()->db().handle());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log")) && q.next());
    QCOMPARE(q.value(0).toInt(), 5000 * 50);
}

void TestCheckpointer::backgroundCheckpointCopiesCommittedPages()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.db"));
    auto store = Store::open(path);
    QVERIFY(store);
    const qint64 before = QFileInfo(path).size();
    QVERIFY(commitAuditRows(*store.value(), 20, 200)); // well under the writer's own checkpoint size
    // Only the checkpointer's connection can have grown the database file.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > before + 100 * 1024, 5000);
}

QTEST_GUILESS_MAIN(TestCheckpointer)
#include "tst_checkpointer.moc"
