// The data directory under the whole runtime: private files whatever the
// umask, one owner at a time, and storage that fails at run time answered with
// CS_024 while reads go on.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/FileProbes.h"

#include "core/engine/demo/DemoSeeder.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <sys/stat.h>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

// Every entry of `dir` (not recursive) whose mode is not `fileMode`, as "name 0644".
QStringList wrongModes(const QString &dir, int fileMode)
{
    QStringList wrong;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString path = it.next();
        if (modeOf(path) != fileMode)
            wrong << QStringLiteral("%1 %2").arg(it.fileName(), QString::number(modeOf(path), 8));
    }
    return wrong;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// The root page of `table` and the page size, read on a connection of its own.
bool rootPage(const QString &db, const QString &table, int *pageSize, int *page)
{
    const QString name = QStringLiteral("probe");
    bool ok = false;
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        c.setDatabaseName(db);
        c.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery q(c);
        if (c.open() && q.exec(QStringLiteral("PRAGMA page_size")) && q.next()) {
            *pageSize = q.value(0).toInt();
            QSqlQuery r(c);
            ok = r.exec(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = '%1'").arg(table)) && r.next();
            *page = ok ? r.value(0).toInt() : 0;
        }
        c.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok && *pageSize > 0 && *page > 1;
}

// Overwrites the root page of `table` in the database of `dir` (closed, its log folded in)
// and switches the start-up check off, as if it had run out of time on a large file, so
// the damage shows at run time, at the first write that touches the table.
bool damageTable(const QString &dir, const QString &table)
{
    const QString db = dir + QStringLiteral("/tierdesk.db");
    int pageSize = 0;
    int page = 0;
    if (!rootPage(db, table, &pageSize, &page))
        return false;
    QFile f(db);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(qint64(page - 1) * pageSize)
        || f.write(QByteArray(pageSize, '\xa5')) != pageSize)
        return false;
    f.close();
    return writeFile(dir + QStringLiteral("/tierdesk.ini"), "[storage]\nstartupCheckSeconds=0\n");
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
        s_previous(type, context, message);
    }
    static inline int s_count = 0;
    static inline QtMessageHandler s_previous = nullptr;
};

} // namespace

class TestStorage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyFileIsPrivateWhateverTheUmask();
    void oneRuntimePerDataDirectory();
    void corruptionAtRunTimeAnswersCs024AndReadsGoOn();
    void writeOnDegradedStoreAnswersChatsUnavailableError();

private:
    mode_t m_umask = 0;
};

void TestStorage::initTestCase()
{
    m_umask = ::umask(022); // files 0644 and directories 0755 unless Tierdesk says otherwise
}

void TestStorage::cleanupTestCase()
{
    ::umask(m_umask);
}

void TestStorage::everyFileIsPrivateWhateverTheUmask()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("data"));
    {
        auto rt = api::Runtime::open(dir);
        QVERIFY2(rt.ok(), rt.ok() ? "" : qPrintable(rt.error().message));
        QVERIFY(seedDemo((*rt)->engine(), Actor{}).ok());
        QVERIFY((*rt)->store().batch().flush());
        QCOMPARE(QString::number(modeOf(dir), 8), QStringLiteral("700"));
        for (const char *name : {"tierdesk.db", "tierdesk.db-wal", "tierdesk.db-shm", "tierdesk.lock"})
            QVERIFY2(QFile::exists(dir + QLatin1Char('/') + QLatin1String(name)), name);
        const QStringList wrong = wrongModes(dir, 0600);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral(", "))));
    }

    // Files an older version (or a person) left readable are tightened at start.
    QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0755) == 0);
    QVERIFY(::chmod(QFile::encodeName(dir + QStringLiteral("/tierdesk.db")).constData(), 0644) == 0);
    QVERIFY(writeFile(dir + QStringLiteral("/tierdesk.ini"), "[http]\nmaxConnections=100\n"));
    if (!QFile::exists(dir + QStringLiteral("/secrets.json")))
        QVERIFY(writeFile(dir + QStringLiteral("/secrets.json"), "{}"));
    QVERIFY(::chmod(QFile::encodeName(dir + QStringLiteral("/secrets.json")).constData(), 0644) == 0);
    QCOMPARE(wrongModes(dir, 0600).size(), 3);
    {
        auto rt = api::Runtime::open(dir);
        QVERIFY2(rt.ok(), rt.ok() ? "" : qPrintable(rt.error().message));
        QCOMPARE(QString::number(modeOf(dir), 8), QStringLiteral("700"));
        const QStringList wrong = wrongModes(dir, 0600);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral(", "))));
    }
}

void TestStorage::oneRuntimePerDataDirectory()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto first = api::Runtime::open(tmp.path());
    QVERIFY(first.ok());
    auto second = api::Runtime::open(tmp.path());
    QVERIFY(!second.ok());
    QVERIFY(second.error().kind == ErrorKind::Conflict);
    QVERIFY2(second.error().message.contains(QStringLiteral("pid %1").arg(QCoreApplication::applicationPid())),
        qPrintable(second.error().message));
    first.value().reset();
    QVERIFY(api::Runtime::open(tmp.path()).ok());
}

void TestStorage::corruptionAtRunTimeAnswersCs024AndReadsGoOn()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.path();
    const QString db = dir + QStringLiteral("/tierdesk.db");
    QString company;
    QString sessionId;
    {
        auto rt = api::Runtime::open(dir);
        QVERIFY(rt.ok());
        auto seeded = seedDemo((*rt)->engine(), Actor{});
        QVERIFY(seeded.ok());
        company = seeded->value(QLatin1String("companyId")).toString();
        CreateSessionRequest req;
        req.companyId = company;
        req.customerId = QStringLiteral("cust_ben");
        req.initialMessage = QStringLiteral("Where is my order?");
        auto session = (*rt)->engine().createSession(req, Actor{});
        QVERIFY(session.ok());
        sessionId = session->id;
        QVERIFY((*rt)->store().batch().flush());
    }
    QVERIFY2(!QFile::exists(db + QStringLiteral("-wal")), "closing folds the log into the database file");
    // The audit log's root page goes bad.
    QVERIFY(damageTable(dir, QStringLiteral("audit_log")));

    auto rt = api::Runtime::open(dir);
    QVERIFY2(rt.ok(), rt.ok() ? "" : qPrintable(rt.error().message));
    api::ServerHost host(**rt, api::ServerOptions{QHostAddress::LocalHost, 0, false});
    const Status started = host.start();
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
    HttpClient http(host.port(), (*rt)->auth().issue(company, api::Role::Admin, QStringLiteral("tester"), 3600));
    const QString sessionPath = QStringLiteral("/api/cs/sessions/") + sessionId;
    HttpResult r = http.get(sessionPath);
    QVERIFY2(r.status == 200, describe(r));
    const int messages = r.json().value(QLatin1String("messages")).toArray().size();
    QVERIFY(messages > 0);
    QCOMPARE(http.get(QStringLiteral("/api/cs/health")).status, 200);
    const QString listPath = withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), company}});
    r = http.get(listPath);
    QVERIFY2(r.status == 200, describe(r));
    const int sessions = r.json().value(QLatin1String("total")).toInt();
    QVERIFY(sessions > 0);

    CriticalCounter criticals;
    const QJsonObject message{{QStringLiteral("message"), QStringLiteral("Any news about my order?")}};
    r = http.post(sessionPath + QStringLiteral("/messages"), message);
    QString problem = checkErrorBody(r, 503, QStringLiteral("CS_024"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char(' ') + QString::fromUtf8(describe(r))));
    QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("reason")).toString(),
        QStringLiteral("corrupt"));
    // Later writes are refused at once, with the same answer.
    r = http.post(sessionPath + QStringLiteral("/messages"), message);
    problem = checkErrorBody(r, 503, QStringLiteral("CS_024"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    r = http.post(QStringLiteral("/api/cs/sessions"), sessionBody(company, QStringLiteral("cust_alice")));
    QCOMPARE(r.errorCode(), QStringLiteral("CS_024"));

    // Reads go on, and show that nothing of the refused writes was kept.
    r = http.get(sessionPath);
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("messages")).toArray().size(), messages);
    r = http.get(listPath);
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("total")).toInt(), sessions);

    r = http.get(QStringLiteral("/api/cs/health"));
    QCOMPARE(r.status, 503);
    QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("degraded"));
    QCOMPARE(r.json().value(QLatin1String("storage")).toString(), QStringLiteral("corrupt"));
    QCOMPARE(criticals.count(), 1); // logged once, not once per request
    host.stop();
}

// The chat family checks no storage state before its writes: the store's own refusal
// (WriteBatch on a degraded database) must be its 503 storage_failure, not a 500.
void TestStorage::writeOnDegradedStoreAnswersChatsUnavailableError()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.path();
    QString company;
    QString chatSession;
    QByteArray visitorSecret;
    {
        auto rt = api::Runtime::open(dir);
        QVERIFY(rt.ok());
        auto seeded = seedDemo((*rt)->engine(), Actor{});
        QVERIFY(seeded.ok());
        company = seeded->value(QLatin1String("companyId")).toString();
        api::ServerHost host(**rt, api::ServerOptions{QHostAddress::LocalHost, 0, false});
        const Status started = host.start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        HttpClient admin(host.port(), (*rt)->auth().issue(company, api::Role::Admin, QStringLiteral("tester"), 3600));
        HttpResult r = admin.post(QStringLiteral("/api/cs/tokens"),
            {{QStringLiteral("kind"), QStringLiteral("widget")}, {QStringLiteral("name"), QStringLiteral("web")}});
        QVERIFY2(r.status == 201, describe(r));
        HttpClient visitor(host.port());
        r = visitor.send("POST", QStringLiteral("/api/v1/chat/session"),
            QJsonDocument(QJsonObject{{QStringLiteral("userId"), QStringLiteral("user123")}}).toJson(),
            {{"X-Widget-Key", r.json().value(QLatin1String("key")).toString().toUtf8()}}, false);
        QVERIFY2(r.status == 200 || r.status == 201, describe(r));
        const QJsonObject data = r.json().value(QLatin1String("data")).toObject();
        chatSession = data.value(QLatin1String("sessionId")).toString();
        visitorSecret = data.value(QLatin1String("visitorSecret")).toString().toUtf8();
        QVERIFY(!chatSession.isEmpty() && !visitorSecret.isEmpty());
        host.stop();
        QVERIFY((*rt)->store().batch().flush());
    }
    QVERIFY(damageTable(dir, QStringLiteral("audit_log")));

    auto rt = api::Runtime::open(dir);
    QVERIFY2(rt.ok(), rt.ok() ? "" : qPrintable(rt.error().message));
    api::ServerHost host(**rt, api::ServerOptions{QHostAddress::LocalHost, 0, false});
    const Status started = host.start();
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
    // A CS write meets the damage: the store is degraded from now on.
    HttpClient admin(host.port(), (*rt)->auth().issue(company, api::Role::Admin, QStringLiteral("tester"), 3600));
    HttpResult r = admin.post(QStringLiteral("/api/cs/sessions"), sessionBody(company, QStringLiteral("cust_alice")));
    QCOMPARE(r.errorCode(), QStringLiteral("CS_024"));
    QVERIFY(!(*rt)->engine().storageFailure().isEmpty());

    HttpClient visitor(host.port());
    const QJsonObject body{{QStringLiteral("sessionId"), chatSession},
        {QStringLiteral("message"), QStringLiteral("Where is my order?")},
        {QStringLiteral("userId"), QStringLiteral("user123")}};
    r = visitor.send("POST", QStringLiteral("/api/v1/chat/message"), QJsonDocument(body).toJson(),
        {{"X-Visitor-Secret", visitorSecret}}, false);
    QVERIFY2(r.status == 503, describe(r));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("code")).toString(), QStringLiteral("storage_failure"));
    QCOMPARE(o.value(QLatin1String("error")).toString(),
        QStringLiteral("Storage is unavailable (corrupt); try again later"));
    host.stop();
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
