#include "core/store/CrmTicketRepo.h"
#include "core/store/Store.h"
#include "tests/support/TestStore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tierdesk;

// The crm_tickets table (migration 25): one row per escalation, replaced as its attempts go on;
// found by session and by the CRM's id (per company); the pending ones, oldest first.
class TestCrmTicketRepo : public QObject {
    Q_OBJECT

private slots:
    void init();
    void putReplacesTheEscalationsRow();
    void foundByTheCrmsIdInItsCompanyOnly();
    void pendingAreTheOnesWithAttemptsLeft();

private:
    static CrmTicket ticket(const QString &company, const QString &session, int escalation, qint64 at);

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
};

void TestCrmTicketRepo::init()
{
    m_store.reset();
    QVERIFY(m_dir.isValid());
    QFile::remove(m_dir.filePath(QStringLiteral("crm.db")));
    auto store = test::openTestStore(m_dir.filePath(QStringLiteral("crm.db")));
    QVERIFY(store.ok());
    m_store = std::move(store.value());
}

CrmTicket TestCrmTicketRepo::ticket(const QString &company, const QString &session, int escalation, qint64 at)
{
    CrmTicket t;
    t.companyId = company;
    t.sessionId = session;
    t.escalation = escalation;
    t.connector = QStringLiteral("crm");
    t.createdAt = t.updatedAt = at;
    return t;
}

void TestCrmTicketRepo::putReplacesTheEscalationsRow()
{
    CrmTicketRepo &repo = m_store->crmTickets();
    CrmTicket t = ticket(QStringLiteral("co_a"), QStringLiteral("sess_1"), 2, 100);
    QVERIFY(repo.put(t));
    t.attempts = 1;
    t.lastError = QStringLiteral("HTTP 503");
    QVERIFY(repo.put(t));
    t.attempts = 2;
    t.ticketId = QStringLiteral("CRM-1001");
    t.lastError.clear();
    QVERIFY(repo.put(t));
    QVERIFY(repo.put(ticket(QStringLiteral("co_a"), QStringLiteral("sess_1"), 1, 50)));
    const auto found = repo.find(QStringLiteral("co_a"), QStringLiteral("sess_1"), 2);
    QVERIFY(found);
    QCOMPARE(found->ticketId, QStringLiteral("CRM-1001"));
    QCOMPARE(found->attempts, 2);
    QVERIFY(found->lastError.isEmpty());
    QVERIFY(found->opened());
    const QList<CrmTicket> all = repo.ofSession(QStringLiteral("co_a"), QStringLiteral("sess_1"));
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).escalation, 1);
    QVERIFY(!all.at(0).opened());
    QCOMPARE(all.at(1).escalation, 2);
    QVERIFY(!repo.find(QStringLiteral("co_b"), QStringLiteral("sess_1"), 2));
}

void TestCrmTicketRepo::foundByTheCrmsIdInItsCompanyOnly()
{
    CrmTicketRepo &repo = m_store->crmTickets();
    CrmTicket t = ticket(QStringLiteral("co_a"), QStringLiteral("sess_1"), 1, 100);
    t.ticketId = QStringLiteral("CRM-7");
    QVERIFY(repo.put(t));
    const auto found = repo.byTicketId(QStringLiteral("co_a"), QStringLiteral("CRM-7"));
    QVERIFY(found);
    QCOMPARE(found->sessionId, QStringLiteral("sess_1"));
    QCOMPARE(found->escalation, 1);
    QVERIFY(!repo.byTicketId(QStringLiteral("co_b"), QStringLiteral("CRM-7")));
    QVERIFY(!repo.byTicketId(QStringLiteral("co_a"), QString())); // a pending row's empty id names nothing
}

void TestCrmTicketRepo::pendingAreTheOnesWithAttemptsLeft()
{
    CrmTicketRepo &repo = m_store->crmTickets();
    CrmTicket later = ticket(QStringLiteral("co_a"), QStringLiteral("sess_2"), 1, 200);
    later.attempts = 1;
    CrmTicket earlier = ticket(QStringLiteral("co_b"), QStringLiteral("sess_1"), 1, 100);
    CrmTicket spent = ticket(QStringLiteral("co_a"), QStringLiteral("sess_3"), 1, 50);
    spent.attempts = 4;
    CrmTicket opened = ticket(QStringLiteral("co_a"), QStringLiteral("sess_4"), 1, 10);
    opened.ticketId = QStringLiteral("CRM-1");
    for (const CrmTicket &t : {later, earlier, spent, opened})
        QVERIFY(repo.put(t));
    const QList<CrmTicket> pending = repo.pending(4, 10);
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.at(0).sessionId, QStringLiteral("sess_1"));
    QCOMPARE(pending.at(1).sessionId, QStringLiteral("sess_2"));
    QCOMPARE(repo.pending(4, 1).size(), 1);
}

QTEST_MAIN(TestCrmTicketRepo)
#include "tst_crmticketrepo.moc"
