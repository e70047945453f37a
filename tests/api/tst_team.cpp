// Team mode: two `tierdesk serve` on one PostgreSQL database (the test starts both, and the
// database server) behave as one server: tokens of one work on the other, a live event on
// one reaches a WebSocket client of the other, and the desk's claim is decided by the database.
#include "tests/api/ApiTestSupport.h"
#include "tests/api/WsClient.h"
#include "tests/api/platform/PlatformTestSupport.h"
#include "tests/support/PgServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>

using namespace tierdesk;
using namespace tierdesk::test;

class TestTeam : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void tokensOfOneWorkOnTheOther();
    void eventCrossesInstances();
    void claimRaceHasOneWinner();
    void oneSessionWrittenOnBothInstances();
    void companySettingsChangedOnOneHoldOnTheOther();
    void sessionEndedOnOneIsRefusedOnTheOther();
    void webhooksGoOutOnceFromTwoInstances();
    void reportsMoveToASurvivor();
    void timersMoveToASurvivor();
    void cleanupTestCase();

private:
    QByteArray agentToken(const QString &subject);
    static QNetworkReply *post(QNetworkAccessManager &nam, quint16 port, const QByteArray &token, const QString &path,
        const QJsonObject &body);
    QNetworkReply *claim(QNetworkAccessManager &nam, quint16 port, const QByteArray &token, const QString &id);
    bool startImportingKeys(ServeProcess &instance, const QString &dataDir, QString *error);
    bool importKeys(const QString &dataDir, QString *error);
    SigV4Key supervisorKey();
    QString reportColumn(const QString &id, const QString &column);

    QString database() const { return m_url.section(QLatin1Char('/'), -1); }
    bool runsTimers(ServeProcess &instance);

    QTemporaryDir m_dirA, m_dirB;
    QString m_url;
    ServeProcess m_a, m_b;
    bool m_aKilled = false;
};

void TestTeam::initTestCase()
{
    m_url = PgServer::shared().createDatabase();
    QVERIFY(!m_url.isEmpty());
    // The test's webhook receiver listens on 127.0.0.1, which webhooks may reach only with this.
    for (const QTemporaryDir *dir : {&m_dirA, &m_dirB}) {
        QFile ini(dir->filePath(QStringLiteral("tierdesk.ini")));
        QVERIFY(ini.open(QIODevice::WriteOnly) && ini.write("[webhooks]\nallowPrivateNetworks=true\n") > 0);
    }
    QString error;
    QVERIFY2(m_a.start(m_dirA.path(), {QStringLiteral("--demo"), QStringLiteral("--database"), m_url}, &error),
        qPrintable(error));
    QVERIFY2(startImportingKeys(m_b, m_dirB.path(), &error), qPrintable(error));
}

// Starts another instance on the database, with the keys of A's data directory.
bool TestTeam::startImportingKeys(ServeProcess &instance, const QString &dataDir, QString *error)
{
    return importKeys(dataDir, error) && instance.start(dataDir, {QStringLiteral("--database"), m_url}, error);
}

// A's keys into `dataDir`, for another instance or a command beside them.
bool TestTeam::importKeys(const QString &dataDir, QString *error)
{
    const CliResult keys = runTierdesk(
        {QStringLiteral("--data-dir"), m_dirA.path(), QStringLiteral("secrets"), QStringLiteral("export")});
    const CliResult imported = runTierdeskWithInput(
        {QStringLiteral("--data-dir"), dataDir, QStringLiteral("secrets"), QStringLiteral("import")}, keys.out);
    if (keys.exitCode == 0 && imported.exitCode == 0)
        return true;
    *error = QString::fromUtf8(keys.err + imported.err);
    return false;
}

void TestTeam::cleanupTestCase()
{
    QVERIFY(m_b.terminate());
    if (!m_aKilled)
        QVERIFY(m_a.terminate());
}

QByteArray TestTeam::agentToken(const QString &subject)
{
    const CliResult r = runTierdesk({QStringLiteral("--data-dir"), m_dirA.path(), QStringLiteral("--database"), m_url,
        QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--company"), m_a.companyId(),
        QStringLiteral("--role"), QStringLiteral("agent"), QStringLiteral("--subject"), subject});
    return r.exitCode == 0 ? r.out.trimmed() : QByteArray();
}

void TestTeam::tokensOfOneWorkOnTheOther()
{
    HttpClient onB(m_b.port(), m_a.adminToken());
    QCOMPARE(onB.get(QStringLiteral("/api/cs/sessions?companyId=") + m_a.companyId()).status, 200);
    const QByteArray agent = agentToken(QStringLiteral("agent-beside")); // signed beside A's server
    QVERIFY(!agent.isEmpty());
    onB.setToken(agent);
    QCOMPARE(onB.get(QStringLiteral("/api/cs/queue?companyId=") + m_a.companyId()).status, 200);
    // Each says who answered.
    HttpClient onA(m_a.port());
    const QString a = onA.get(QStringLiteral("/api/cs/health")).json().value(QLatin1String("instance")).toString();
    const QString b = onB.get(QStringLiteral("/api/cs/health")).json().value(QLatin1String("instance")).toString();
    QVERIFY(!a.isEmpty() && !b.isEmpty() && a != b);
}

void TestTeam::eventCrossesInstances()
{
    HttpClient onA(m_a.port(), m_a.adminToken());
    const HttpResult made
        = onA.post(QStringLiteral("/api/cs/sessions"), sessionBody(m_a.companyId(), QStringLiteral("cust_ben")));
    QVERIFY2(made.status == 201, describe(made));
    const QString id = made.json().value(QLatin1String("id")).toString();
    WsClient onB;
    QVERIFY(onB.open(m_b.port(), m_a.adminToken(),
        {{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("sessionId"), id}}));
    QElapsedTimer clock;
    clock.start();
    const HttpResult sent = onA.post(QStringLiteral("/api/cs/sessions/") + id + QStringLiteral("/messages"),
        {{QStringLiteral("message"), QStringLiteral("Where is my order ORD-10002?")}});
    QVERIFY2(sent.status == 201, describe(sent));
    const qint64 answeredMs = clock.elapsed();
    const QJsonObject message = onB.waitFor(QStringLiteral("message"), id);
    if (message.isEmpty()) {
        QString rows;
        PgServer::shared().psql(
            m_url.section(QLatin1Char('/'), -1), QStringLiteral("SELECT count(*) FROM team_events"), &rows);
        qWarning(
            "team_events rows: %s; B said: %s", qPrintable(rows), m_b.process().readAllStandardError().constData());
    }
    QVERIFY2(!message.isEmpty(), "the message written on A never reached B's client");
    const QJsonObject data = message.value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("customerMessage")).toObject().value(QLatin1String("content")).toString(),
        QStringLiteral("Where is my order ORD-10002?"));
    QCOMPARE(data.value(QLatin1String("aiResponse")).toObject().value(QLatin1String("id")),
        sent.json().value(QLatin1String("aiResponse")).toObject().value(QLatin1String("id")));
    QCOMPARE(message.value(QLatin1String("companyId")).toString(), m_a.companyId());
    qInfo("A answered the POST in %lld ms; B's client had the event %lld ms after that", answeredMs,
        clock.elapsed() - answeredMs);
}

// A POST left in flight, so several can race.
QNetworkReply *TestTeam::post(
    QNetworkAccessManager &nam, quint16 port, const QByteArray &token, const QString &path, const QJsonObject &body)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    request.setRawHeader("Authorization", "Bearer " + token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QNetworkReply *TestTeam::claim(QNetworkAccessManager &nam, quint16 port, const QByteArray &token, const QString &id)
{
    return post(nam, port, token, QStringLiteral("/api/cs/sessions/%1/claim").arg(id), {});
}

// Two people on two instances claim one session at the same moment, many times over:
// each time one gets 200 and the other 409 CS_025 naming the winner, who holds it.
void TestTeam::claimRaceHasOneWinner()
{
    const QByteArray first = agentToken(QStringLiteral("agent-1"));
    const QByteArray second = agentToken(QStringLiteral("agent-2"));
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    HttpClient admin(m_a.port(), m_a.adminToken());
    QNetworkAccessManager nam;
    for (int round = 0; round < 20; ++round) {
        const QString id = escalatedSession(admin, m_a.companyId(), QStringLiteral("cust_ben"));
        QVERIFY(!id.isEmpty());
        std::unique_ptr<QNetworkReply> onA(claim(nam, m_a.port(), first, id));
        std::unique_ptr<QNetworkReply> onB(claim(nam, m_b.port(), second, id));
        QTRY_VERIFY_WITH_TIMEOUT(onA->isFinished() && onB->isFinished(), 20000);
        const int a = onA->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const int b = onB->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QVERIFY2((a == 200 && b == 409) || (a == 409 && b == 200),
            qPrintable(QStringLiteral("round %1: %2 and %3").arg(round).arg(a).arg(b)));
        const QString winner = a == 200 ? QStringLiteral("agent-1") : QStringLiteral("agent-2");
        const HttpResult held = admin.get(QStringLiteral("/api/cs/sessions/") + id);
        QVERIFY2(held.status == 200, describe(held));
        const QJsonObject loser = QJsonDocument::fromJson((a == 409 ? onA : onB)->readAll()).object();
        QCOMPARE(loser.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
            QStringLiteral("CS_025"));
        QCOMPARE(loser.value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("details"))
                     .toObject()
                     .value(QLatin1String("holder"))
                     .toObject()
                     .value(QLatin1String("id"))
                     .toString(),
            winner);
    }
}

// A customer's messages reach both instances at once (two tabs behind a balancer): each is
// stored (201) or refused as a conflict to send again (409), never lost or stored twice, and the
// transcript stays one sequence: no two messages share a place, the count matches the rows.
void TestTeam::oneSessionWrittenOnBothInstances()
{
    HttpClient admin(m_a.port(), m_a.adminToken());
    const HttpResult made
        = admin.post(QStringLiteral("/api/cs/sessions"), sessionBody(m_a.companyId(), QStringLiteral("cust_ben")));
    QVERIFY2(made.status == 201, describe(made));
    const QString id = made.json().value(QLatin1String("id")).toString();
    QNetworkAccessManager nam;
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    QStringList texts;
    for (int i = 0; i < 24; ++i) {
        const quint16 port = i % 2 ? m_b.port() : m_a.port();
        texts << QStringLiteral("twin-%1 is my parcel on its way").arg(i);
        replies.emplace_back(post(nam, port, m_a.adminToken(), QStringLiteral("/api/cs/sessions/%1/messages").arg(id),
            {{QStringLiteral("message"), texts.last()}}));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(replies.begin(), replies.end(), [](const auto &r) { return r->isFinished(); }), 60000);
    QStringList acknowledged;
    int conflicts = 0;
    for (std::size_t i = 0; i < replies.size(); ++i) {
        const int status = replies[i]->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QVERIFY2(status == 201 || status == 409,
            qPrintable(QStringLiteral("%1: %2").arg(status).arg(QString::fromUtf8(replies[i]->readAll()))));
        if (status == 201)
            acknowledged << texts.at(static_cast<int>(i));
        conflicts += status == 409 ? 1 : 0;
    }
    QString rows;
    QVERIFY(PgServer::shared().psql(database(),
        QStringLiteral("SELECT (SELECT count(*) FROM messages WHERE session_id = '%1') || ' ' ||"
                       " (SELECT count(DISTINCT seq) FROM messages WHERE session_id = '%1') || ' ' ||"
                       " (SELECT message_count FROM sessions WHERE id = '%1') || ' ' ||"
                       " (SELECT count(*) FROM messages WHERE session_id = '%1' AND content LIKE 'twin-%%')")
            .arg(id),
        &rows));
    const QStringList counts = rows.trimmed().split(QLatin1Char(' '));
    QCOMPARE(counts.size(), 4);
    QCOMPARE(counts.at(1), counts.at(0)); // every message has a place of its own
    QCOMPARE(counts.at(2), counts.at(0)); // the session counts them all
    QCOMPARE(counts.at(3).toInt(), acknowledged.size()); // each acknowledged one once, none refused
    qInfo("%lld stored, %d refused as conflicts", static_cast<long long>(acknowledged.size()), conflicts);
}

// An admin changes the company's settings on B: A, which had them in memory, reads them again
// when the change commits (NOTIFY on tierdesk_companies) instead of going on with the old ones.
void TestTeam::companySettingsChangedOnOneHoldOnTheOther()
{
    HttpClient onA(m_a.port(), m_a.adminToken());
    HttpClient onB(m_b.port(), m_a.adminToken());
    const QString path = QStringLiteral("/api/cs/config?companyId=") + m_a.companyId();
    const auto assignmentOn = [&](HttpClient &http) {
        return http.get(path)
            .json()
            .value(QLatin1String("desk"))
            .toObject()
            .value(QLatin1String("assignment"))
            .toString();
    };
    const QString before = assignmentOn(onA); // now in A's memory
    QVERIFY(!before.isEmpty());
    const QString after = before == QLatin1String("automatic") ? QStringLiteral("manual") : QStringLiteral("automatic");
    const HttpResult changed = onB.put(QStringLiteral("/api/cs/config"),
        {{QStringLiteral("companyId"), m_a.companyId()},
            {QStringLiteral("desk"), QJsonObject{{QStringLiteral("assignment"), after}}}});
    QVERIFY2(changed.status == 200, describe(changed));
    QTRY_COMPARE_WITH_TIMEOUT(assignmentOn(onA), after, 5000);
}

// A person signed in on A, with a WebSocket open on B, logs out on A: B refuses the token and
// closes the socket as soon as it hears of it (NOTIFY), not a minute later.
void TestTeam::sessionEndedOnOneIsRefusedOnTheOther()
{
    const QString password = QStringLiteral("a long team password");
    QTemporaryDir beside; // A's own directory is held by A
    QString error;
    QVERIFY2(importKeys(beside.path(), &error), qPrintable(error));
    const CliResult created = runTierdeskWithInput(
        {QStringLiteral("--data-dir"), beside.path(), QStringLiteral("--database"), m_url, QStringLiteral("agent"),
            QStringLiteral("create"), QStringLiteral("--company"), m_a.companyId(), QStringLiteral("--email"),
            QStringLiteral("tess@team.example"), QStringLiteral("--name"), QStringLiteral("Tess"),
            QStringLiteral("--role"), QStringLiteral("agent"), QStringLiteral("--password-stdin")},
        password.toUtf8() + '\n');
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const auto login = [&](quint16 port) {
        return HttpClient(port).post(QStringLiteral("/api/cs/auth/login"),
            {{QStringLiteral("email"), QStringLiteral("tess@team.example")}, {QStringLiteral("password"), password}});
    };
    const HttpResult first = login(m_a.port());
    const HttpResult second = login(m_b.port());
    QVERIFY2(first.status == 200 && second.status == 200, describe(first).constData());
    const QByteArray token = first.json().value(QLatin1String("token")).toString().toLatin1();
    HttpClient onA(m_a.port(), token);
    HttpClient onB(m_b.port(), token);
    QCOMPARE(onB.get(QStringLiteral("/api/cs/auth/me")).status, 200); // verified on B, and cached there
    WsClient socketOnB;
    QVERIFY(socketOnB.open(m_b.port(), token));
    // Each lists both sessions, wherever they began.
    QCOMPARE(
        onB.get(QStringLiteral("/api/cs/auth/sessions")).json().value(QLatin1String("sessions")).toArray().size(), 2);

    QElapsedTimer clock;
    clock.start();
    QCOMPARE(onA.post(QStringLiteral("/api/cs/auth/logout"), {}).status, 204);
    const qint64 answeredMs = clock.elapsed();
    QTRY_VERIFY_WITH_TIMEOUT(socketOnB.closed, 5000);
    qInfo("B closed the ended session's socket %lld ms after A answered the logout", clock.elapsed() - answeredMs);
    const HttpResult refused = onB.get(QStringLiteral("/api/cs/auth/me"));
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.errorCode(), QStringLiteral("CS_012"));
    QCOMPARE(onA.get(QStringLiteral("/api/cs/auth/me")).status, 401);
    // The session begun on B holds on both.
    const QByteArray other = second.json().value(QLatin1String("token")).toString().toLatin1();
    QCOMPARE(HttpClient(m_a.port(), other).get(QStringLiteral("/api/cs/auth/me")).status, 200);
    // An admin on B ends it: refused on A as soon as A hears of it.
    const QString agentId
        = second.json().value(QLatin1String("agent")).toObject().value(QLatin1String("id")).toString();
    WsClient socketOnA;
    QVERIFY(socketOnA.open(m_a.port(), other));
    QCOMPARE(HttpClient(m_b.port(), m_a.adminToken())
                 .del(QStringLiteral("/api/cs/agents/") + agentId + QStringLiteral("/sessions"))
                 .status,
        204);
    QTRY_VERIFY_WITH_TIMEOUT(socketOnA.closed, 5000);
    QCOMPARE(HttpClient(m_a.port(), other).get(QStringLiteral("/api/cs/auth/me")).status, 401);
}

// Every delivery fails once, so each comes due again on both instances' rounds at once: each
// is still sent exactly twice (the failure and the success), never by both instances.
void TestTeam::webhooksGoOutOnceFromTwoInstances()
{
    WebhookReceiver receiver;
    QVERIFY(receiver.listen());
    constexpr int kSessions = 30;
    receiver.script("/hook", QList<int>(kSessions, 500));
    HttpClient onA(m_a.port(), m_a.adminToken());
    HttpClient onB(m_b.port(), m_a.adminToken());
    const HttpResult hook = onA.post(QStringLiteral("/api/cs/webhooks"),
        {{QStringLiteral("companyId"), m_a.companyId()}, {QStringLiteral("url"), receiver.url()},
            {QStringLiteral("events"), QJsonArray{QStringLiteral("session.created")}},
            {QStringLiteral("secret"), QStringLiteral("team-secret-0123456789")}});
    QVERIFY2(hook.status == 201, describe(hook));
    for (int i = 0; i < kSessions; ++i) {
        HttpClient &on = i % 2 ? onB : onA;
        const HttpResult made
            = on.post(QStringLiteral("/api/cs/sessions"), sessionBody(m_a.companyId(), QStringLiteral("cust_ben")));
        QVERIFY2(made.status == 201, describe(made));
    }
    const auto settled = [this] {
        QString pending;
        return PgServer::shared().psql(database(),
                   QStringLiteral("SELECT count(*) FROM webhook_outbox WHERE state <> 'delivered'"), &pending)
            && pending == QLatin1String("0");
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 60000);
    QHash<QByteArray, int> perDelivery;
    for (const ReceivedHttp &r : receiver.requests())
        ++perDelivery[r.header("x-tierdesk-delivery")];
    QCOMPARE(perDelivery.size(), kSessions);
    for (auto it = perDelivery.cbegin(); it != perDelivery.cend(); ++it)
        QVERIFY2(it.value() == 2,
            qPrintable(
                QStringLiteral("delivery %1 went out %2 times").arg(QString::fromLatin1(it.key())).arg(it.value())));
}

SigV4Key TestTeam::supervisorKey()
{
    const CliResult r = runTierdesk({QStringLiteral("--data-dir"), m_dirA.path(), QStringLiteral("--database"), m_url,
        QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--company"), m_a.companyId(),
        QStringLiteral("--kind"), QStringLiteral("sigv4"), QStringLiteral("--role"), QStringLiteral("supervisor")});
    const QJsonObject key = QJsonDocument::fromJson(r.out).object();
    return SigV4Key{key.value(QLatin1String("accessKeyId")).toString().toLatin1(),
        key.value(QLatin1String("secretAccessKey")).toString().toLatin1(),
        key.value(QLatin1String("region")).toString().toLatin1()};
}

QString TestTeam::reportColumn(const QString &id, const QString &column)
{
    QString value;
    PgServer::shared().psql(
        database(), QStringLiteral("SELECT %1 FROM report_jobs WHERE id = '%2'").arg(column, id), &value);
    return value.trimmed();
}

// A third instance is asked for a report and killed while its worker waits for the rows (the
// test holds a lock on session_ratings); one of the others takes the job over once its lease
// ends, and any instance then answers for it.
void TestTeam::reportsMoveToASurvivor()
{
    HttpClient onA(m_a.port(), m_a.adminToken());
    const HttpResult made
        = onA.post(QStringLiteral("/api/cs/sessions"), sessionBody(m_a.companyId(), QStringLiteral("cust_ben")));
    QVERIFY2(made.status == 201, describe(made)); // a conversation in the period: the report reads its rating
    const QString sessionId = made.json().value(QLatin1String("id")).toString();
    QTemporaryDir dirC;
    ServeProcess c;
    QString error;
    QVERIFY2(startImportingKeys(c, dirC.path(), &error), qPrintable(error));
    const SigV4Key key = supervisorKey();
    QVERIFY(key.isValid());

    const QUrl url(m_url);
    QSqlDatabase lock = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("ratings-lock"));
    lock.setHostName(url.host());
    lock.setPort(url.port());
    lock.setUserName(url.userName());
    lock.setPassword(url.password());
    lock.setDatabaseName(database());
    QVERIFY2(lock.open(), qPrintable(lock.lastError().text()));
    QSqlQuery q(lock);
    QVERIFY(q.exec(QStringLiteral("BEGIN")));
    QVERIFY(q.exec(QStringLiteral("LOCK TABLE session_ratings IN ACCESS EXCLUSIVE MODE")));

    const QDate today = QDateTime::currentDateTimeUtc().date();
    PlatformClient onC(c.port(), key);
    const HttpResult asked = onC.post(QStringLiteral("/analytics/reports"),
        {{QStringLiteral("report_type"), QStringLiteral("conversation_analysis")},
            {QStringLiteral("time_period"),
                QJsonObject{{QStringLiteral("start"), today.addDays(-1).toString(Qt::ISODate)},
                    {QStringLiteral("end"), today.addDays(1).toString(Qt::ISODate)}}},
            {QStringLiteral("format"), QStringLiteral("csv")}});
    QVERIFY2(asked.status == 202, describe(asked));
    const QString id = asked.json().value(QLatin1String("report_id")).toString();
    const QString firstOwner = reportColumn(id, QStringLiteral("owner"));
    QVERIFY(!firstOwner.isEmpty());
    QElapsedTimer clock;
    clock.start();
    c.kill();
    QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
    QCOMPARE(reportColumn(id, QStringLiteral("status")), QStringLiteral("generating"));

    PlatformClient onB(m_b.port(), key);
    const auto status = [&] {
        return onB.get(QStringLiteral("/analytics/reports/") + id).json().value(QLatin1String("status")).toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(status(), QStringLiteral("ready"), 60000);
    qInfo("another instance finished the report %lld ms after the one asked was killed", clock.elapsed());
    QVERIFY(reportColumn(id, QStringLiteral("owner")) != firstOwner);
    const HttpResult file
        = PlatformClient(m_a.port(), key).get(QStringLiteral("/analytics/reports/") + id + QStringLiteral("/download"));
    QVERIFY2(file.status == 200, describe(file));
    QVERIFY(file.body.contains(sessionId.toUtf8()));
    q.finish();
    lock.close();
}

bool TestTeam::runsTimers(ServeProcess &instance)
{
    HttpClient http(instance.port());
    return http.get(QStringLiteral("/api/cs/health")).json().value(QLatin1String("timers")).toBool();
}

// One instance runs the team's timers; when it is killed the other takes them over.
void TestTeam::timersMoveToASurvivor()
{
    QVERIFY(runsTimers(m_a) != runsTimers(m_b));
    ServeProcess &leader = runsTimers(m_a) ? m_a : m_b;
    ServeProcess &survivor = &leader == &m_a ? m_b : m_a;
    QElapsedTimer clock;
    clock.start();
    leader.kill();
    m_aKilled = &leader == &m_a;
    QTRY_VERIFY_WITH_TIMEOUT(runsTimers(survivor), 60000);
    qInfo("the survivor took the timers over %lld ms after the leader was killed", clock.elapsed());
    if (&leader == &m_b) { // keep one instance for cleanupTestCase
        QString error;
        QVERIFY2(m_b.start(m_dirB.path(), {QStringLiteral("--database"), m_url}, &error), qPrintable(error));
    }
}

QTEST_GUILESS_MAIN(TestTeam)
#include "tst_team.moc"
