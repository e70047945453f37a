#include "core/runtime/WeeklySummaries.h"
#include "tests/api/ApiTestSupport.h"
#include "tests/integrations/SmtpSink.h"
#include "tests/support/FakeClock.h"

#include <QJsonArray>
#include <QtTest>

using namespace tierdesk;
using namespace tierdesk::test;

// notifications.weeklySummary: a supervisor who asks for it gets the past week's figures and the
// biggest knowledge gaps by e-mail on Monday morning, once. The real server on a clock moved by
// hand, a real SMTP server (aiosmtpd) on loopback.
class TestCsApiWeeklySummary : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void onlySupervisorsAndAdminsAsk();
    void theWeeksFiguresAndGapsGoOnceOnMonday();

private:
    Agent addAgent(const QString &id, const QString &role);
    QJsonObject api(const QString &path, const QList<QPair<QString, QString>> &query);

    FakeClock m_clock{QDateTime(QDate(2026, 11, 11), QTime(15, 0), Qt::UTC)}; // a Wednesday
    std::unique_ptr<SmtpSink> m_sink;
    ServerFixture m_server;
    QString m_company;
    std::unique_ptr<HttpClient> m_sue; // a supervisor
    std::unique_ptr<HttpClient> m_al; // an agent
};

void TestCsApiWeeklySummary::initTestCase()
{
    m_sink = std::make_unique<SmtpSink>();
    QVERIFY2(m_sink->isRunning(), qPrintable(m_sink->error()));
    const QByteArray ini = "[smtp]\nhost=127.0.0.1\nport=" + QByteArray::number(m_sink->port())
        + "\ntls=none\nfrom=Tierdesk <desk@example.com>\n";
    m_server.setClock(&m_clock);
    QString error;
    QVERIFY2(m_server.start(ini, false, &error), qPrintable(error));
    QVERIFY(m_server.host().weeklySummaries());
    // A company of its own (time zone UTC, no articles: what its customers ask is a gap).
    m_company = m_server.createCompany(QStringLiteral("Summary Supplies"));
    addAgent(QStringLiteral("agt_sue"), QStringLiteral("supervisor"));
    addAgent(QStringLiteral("agt_al"), QStringLiteral("agent"));
    addAgent(QStringLiteral("agt_ada"), QStringLiteral("admin")); // never asks: gets nothing
    m_sue = std::make_unique<HttpClient>(
        m_server.port(), m_server.token(api::Role::Supervisor, m_company, 30 * 86400, QStringLiteral("agt_sue")));
    m_al = std::make_unique<HttpClient>(
        m_server.port(), m_server.token(api::Role::Agent, m_company, 3600, QStringLiteral("agt_al")));
}

Agent TestCsApiWeeklySummary::addAgent(const QString &id, const QString &role)
{
    Agent a;
    a.id = id;
    a.companyId = m_company;
    a.email = id.mid(4) + QStringLiteral("@summary.example");
    a.name = id.mid(4);
    a.role = role;
    a.passwordHash = QStringLiteral("$argon2id$unused");
    Store &store = m_server.runtime().store();
    [&] { QVERIFY(store.batch().run([&] { return store.agents().insert(a); }) && store.batch().flush()); }();
    return a;
}

QJsonObject TestCsApiWeeklySummary::api(const QString &path, const QList<QPair<QString, QString>> &query)
{
    QList<QPair<QString, QString>> q{{QStringLiteral("companyId"), m_company}};
    return m_sue->get(withQuery(path, q + query)).json();
}

void TestCsApiWeeklySummary::onlySupervisorsAndAdminsAsk()
{
    const QString path = QStringLiteral("/api/cs/agents/me/notifications");
    QCOMPARE(m_al->put(path, {{QStringLiteral("weeklySummary"), true}}).status, 403);
    const HttpResult bad = m_sue->put(path, {{QStringLiteral("weeklySummary"), QStringLiteral("yes")}});
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(),
        QStringLiteral("weeklySummary"));
    const HttpResult on = m_sue->put(path, {{QStringLiteral("weeklySummary"), true}});
    QVERIFY2(on.status == 200, on.body.constData());
    const auto weeklyOf = [](const QJsonObject &agent) {
        return agent.value(QLatin1String("notifications")).toObject().value(QLatin1String("weeklySummary"));
    };
    QCOMPARE(weeklyOf(on.json().value(QLatin1String("agent")).toObject()), QJsonValue(true));
    const QJsonObject me
        = m_sue->get(QStringLiteral("/api/cs/auth/me")).json().value(QLatin1String("agent")).toObject();
    QCOMPARE(weeklyOf(me), QJsonValue(true));
}

void TestCsApiWeeklySummary::theWeeksFiguresAndGapsGoOnceOnMonday()
{
    auto admin = m_server.client(api::Role::Admin, m_company);
    for (const auto &[customer, question] :
        {std::pair{"cust_1", "Do you ship to Canada?"}, std::pair{"cust_2", "Can you ship my order to Canada?"},
            std::pair{"cust_3", "Do you offer gift wrapping?"}}) {
        m_clock.advanceSecs(60); // a group's label is its first question: one after the other
        QCOMPARE(admin
                     ->post(QStringLiteral("/api/cs/sessions"),
                         sessionBody(m_company, QLatin1String(customer), QLatin1String(question)))
                     .status,
            201);
    }
    api::WeeklySummaries &weekly = *m_server.host().weeklySummaries();
    QCOMPARE(weekly.sendDue(), 0); // Wednesday: last week's was due on Monday, not now

    m_clock.set(QDateTime(QDate(2026, 11, 16), QTime(6, 30), Qt::UTC)); // Monday, before seven
    QCOMPARE(weekly.sendDue(), 0);
    m_clock.set(QDateTime(QDate(2026, 11, 16), QTime(7, 30), Qt::UTC));
    QCOMPARE(weekly.sendDue(), 1); // Sue; not Al (an agent), not Ada (did not ask)
    QCOMPARE(weekly.sendDue(), 0); // once
    QTRY_COMPARE_WITH_TIMEOUT(m_sink->messages().size(), 1, 15000);

    const QJsonObject mail = m_sink->messages().first();
    QCOMPARE(mail.value(QLatin1String("rcptTos")).toArray(), QJsonArray{QStringLiteral("sue@summary.example")});
    const QString subject = mail.value(QLatin1String("headers")).toObject().value(QLatin1String("Subject")).toString();
    QCOMPARE(subject, QStringLiteral("Weekly summary for Summary Supplies (2026-W46)"));
    const QString body = mail.value(QLatin1String("text")).toString(); // the plain part beside the HTML
    QCOMPARE(mail.value(QLatin1String("contentType")).toString(), QStringLiteral("multipart/alternative"));
    // The figures are the API's for that week (Monday to Sunday, UTC), and the week before had none.
    const QList<QPair<QString, QString>> week{{QStringLiteral("startDate"), QStringLiteral("2026-11-09")},
        {QStringLiteral("endDate"), QStringLiteral("2026-11-15")}};
    const QJsonObject figures = api(QStringLiteral("/api/cs/analytics"), week);
    const int sessions
        = figures.value(QLatin1String("overview")).toObject().value(QLatin1String("totalSessions")).toInt();
    QCOMPARE(sessions, 3);
    QVERIFY2(body.contains(QStringLiteral("Sessions: 3 (week before: 0, +3)")), qPrintable(body));
    QVERIFY2(body.contains(QStringLiteral("Resolved by the AI alone: 0.0 % (—)")), qPrintable(body));
    const QJsonArray gaps = api(QStringLiteral("/api/cs/kb/gaps"), week).value(QLatin1String("gaps")).toArray();
    QVERIFY(gaps.size() >= 2);
    const QJsonObject biggest = gaps.first().toObject();
    QCOMPARE(biggest.value(QLatin1String("label")).toString(), QStringLiteral("Do you ship to Canada?"));
    QVERIFY2(body.contains(QStringLiteral("1. \"Do you ship to Canada?\": 2 questions in 2 sessions, 0 escalated")),
        qPrintable(body));
    QVERIFY2(body.contains(QStringLiteral("\"Do you offer gift wrapping?\"")), qPrintable(body));
    QVERIFY2(body.contains(QStringLiteral("Chat: ")), qPrintable(body)); // satisfaction by channel

    // Audited once the mailer reports back; Tuesday, nothing more.
    admin = m_server.client(api::Role::Admin, m_company); // the first one's token has expired by now
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QJsonArray rows
                = admin
                      ->get(withQuery(QStringLiteral("/api/cs/audit"),
                          {{QStringLiteral("companyId"), m_company}, {QStringLiteral("limit"), QStringLiteral("100")}}))
                      .json()
                      .value(QLatin1String("entries"))
                      .toArray();
            for (const QJsonValue &row : rows)
                if (row.toObject().value(QLatin1String("action")).toString()
                        == QLatin1String("notification.weekly_summary_sent")
                    && row.toObject().value(QLatin1String("resource")).toString() == QLatin1String("agent:agt_sue"))
                    return true;
            return false;
        }(),
        10000);
    m_clock.set(QDateTime(QDate(2026, 11, 17), QTime(8, 0), Qt::UTC));
    QCOMPARE(weekly.sendDue(), 0);
    QCOMPARE(m_sink->messages().size(), 1);
}

QTEST_GUILESS_MAIN(TestCsApiWeeklySummary)
#include "tst_csapi_weeklysummary.moc"
