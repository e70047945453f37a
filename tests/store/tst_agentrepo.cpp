#include "core/store/Store.h"
#include "tests/support/TestStore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tierdesk;

// The agents table on a real SQLite file.
class TestAgentRepo : public QObject {
    Q_OBJECT

private slots:
    void init();
    void insertedAgentIsFoundByIdAndEmail();
    void emailIsUniqueAcrossCompanies();
    void listIsPerCompanyAndByName();
    void passwordChangeIsKept();

private:
    Company addCompany(const QString &id);
    Agent agent(const QString &id, const QString &company, const QString &email, const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
};

void TestAgentRepo::init()
{
    m_store.reset();
    QVERIFY(m_dir.isValid());
    QFile::remove(m_dir.filePath(QStringLiteral("agents.db")));
    auto store = test::openTestStore(m_dir.filePath(QStringLiteral("agents.db")));
    QVERIFY(store.ok());
    m_store = std::move(store.value());
    addCompany(QStringLiteral("co_a"));
    addCompany(QStringLiteral("co_b"));
}

Company TestAgentRepo::addCompany(const QString &id)
{
    Company c;
    c.id = id;
    c.name = id;
    c.createdAt = 1;
    m_store->companies().insert(c);
    return c;
}

Agent TestAgentRepo::agent(const QString &id, const QString &company, const QString &email, const QString &name)
{
    Agent a;
    a.id = id;
    a.companyId = company;
    a.email = email;
    a.name = name;
    a.role = QStringLiteral("supervisor");
    a.queues = {QStringLiteral("orders"), QStringLiteral("complaints")};
    a.passwordHash = QStringLiteral("$argon2id$hash");
    a.createdAt = 42;
    return a;
}

void TestAgentRepo::insertedAgentIsFoundByIdAndEmail()
{
    QVERIFY(m_store->agents().insert(agent(
        QStringLiteral("agt_1"), QStringLiteral("co_a"), QStringLiteral("Ana@Example.com"), QStringLiteral("Ana"))));
    const auto byId = m_store->agents().find(QStringLiteral("co_a"), QStringLiteral("agt_1"));
    QVERIFY(byId);
    QCOMPARE(byId->email, QStringLiteral("ana@example.com"));
    QCOMPARE(byId->role, QStringLiteral("supervisor"));
    QCOMPARE(byId->queues, (QStringList{QStringLiteral("orders"), QStringLiteral("complaints")}));
    QCOMPARE(byId->passwordHash, QStringLiteral("$argon2id$hash"));
    QVERIFY(byId->active);
    QCOMPARE(byId->createdAt, 42);
    const auto byEmail = m_store->agents().findByEmail(QStringLiteral("ANA@example.COM"));
    QVERIFY(byEmail);
    QCOMPARE(byEmail->id, QStringLiteral("agt_1"));
    QVERIFY(!m_store->agents().find(QStringLiteral("co_b"), QStringLiteral("agt_1")));
    QCOMPARE(m_store->agents().count(), 1);
}

void TestAgentRepo::emailIsUniqueAcrossCompanies()
{
    QVERIFY(m_store->agents().insert(
        agent(QStringLiteral("agt_1"), QStringLiteral("co_a"), QStringLiteral("x@example.com"), QStringLiteral("X"))));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("UNIQUE|unique constraint")));
    QVERIFY(!m_store->agents().insert(
        agent(QStringLiteral("agt_2"), QStringLiteral("co_b"), QStringLiteral("X@example.com"), QStringLiteral("Y"))));
    QCOMPARE(m_store->agents().count(), 1);
}

void TestAgentRepo::listIsPerCompanyAndByName()
{
    m_store->agents().insert(
        agent(QStringLiteral("agt_1"), QStringLiteral("co_a"), QStringLiteral("z@a"), QStringLiteral("Zoe")));
    m_store->agents().insert(
        agent(QStringLiteral("agt_2"), QStringLiteral("co_a"), QStringLiteral("b@a"), QStringLiteral("Ben")));
    m_store->agents().insert(
        agent(QStringLiteral("agt_3"), QStringLiteral("co_b"), QStringLiteral("c@b"), QStringLiteral("Cy")));
    const QList<Agent> a = m_store->agents().list(QStringLiteral("co_a"));
    QCOMPARE(a.size(), 2);
    QCOMPARE(a[0].name, QStringLiteral("Ben"));
    QCOMPARE(a[1].name, QStringLiteral("Zoe"));
}

void TestAgentRepo::passwordChangeIsKept()
{
    m_store->agents().insert(
        agent(QStringLiteral("agt_1"), QStringLiteral("co_a"), QStringLiteral("z@a"), QStringLiteral("Zoe")));
    QVERIFY(m_store->agents().updatePassword(QStringLiteral("co_a"), QStringLiteral("agt_1"), QStringLiteral("$new")));
    QCOMPARE(
        m_store->agents().find(QStringLiteral("co_a"), QStringLiteral("agt_1"))->passwordHash, QStringLiteral("$new"));
}

QTEST_GUILESS_MAIN(TestAgentRepo)
#include "tst_agentrepo.moc"
