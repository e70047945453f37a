// Every answer of the real server carries X-Content-Type-Options: nosniff, exactly once: JSON
// successes and errors of each family (cs, platform, agent, chat), a report download, the
// Socket.IO long-polling answers and the chat page. A browser must never take a JSON error, a
// CSV report or a polling payload for HTML or script.
#include "tests/api/ApiTestSupport.h"
#include "tests/api/agent/AgentTestSupport.h"
#include "tests/api/platform/PlatformTestSupport.h"

#include <QTest>
#include <QUrl>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

// Empty when the answer has the header once, with "nosniff"; else what is wrong.
QString checkNosniff(const HttpResult &r, int status)
{
    if (r.status != status)
        return QStringLiteral("status %1, not %2: %3").arg(r.status).arg(status).arg(QString::fromUtf8(describe(r)));
    QByteArrayList values;
    for (const auto &[name, value] : r.headers) {
        if (name.compare("x-content-type-options", Qt::CaseInsensitive) == 0)
            values.append(value);
    }
    if (values != QByteArrayList{"nosniff"})
        return QStringLiteral("X-Content-Type-Options: [%1]").arg(QString::fromLatin1(values.join(" | ")));
    return {};
}

} // namespace

class TestNosniffEverywhere : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void csAnswers();
    void platformAnswers();
    void agentAnswers();
    void chatAnswers();
    void reportDownload();
    void socketIoPollingAnswers();
    void chatPageHasItOnce();

private:
    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_anonymous;
    std::unique_ptr<PlatformClient> m_platform;
};

void TestNosniffEverywhere::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_anonymous = std::make_unique<HttpClient>(m_server.port());
    const SigV4Key key = issueSigV4Key(m_server);
    QVERIFY(key.isValid());
    m_platform = std::make_unique<PlatformClient>(m_server.port(), key);
}

void TestNosniffEverywhere::csAnswers()
{
    auto admin = m_server.client(api::Role::Admin);
    const QString list
        = withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), m_server.companyId()}});
    QString problem = checkNosniff(admin->get(list), 200);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = checkNosniff(m_anonymous->get(QStringLiteral("/api/cs/sessions")), 401);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = checkNosniff(admin->get(QStringLiteral("/api/cs/sessions/no-such-session")), 404);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestNosniffEverywhere::platformAnswers()
{
    QString problem = checkNosniff(m_platform->get(QStringLiteral("/analytics/dashboard")), 200);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = checkNosniff(m_platform->sendUnsigned("GET", QStringLiteral("/analytics/dashboard")), 403);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = checkNosniff(m_platform->get(QStringLiteral("/analytics/dashboard?metrics=weather")), 400);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestNosniffEverywhere::agentAnswers()
{
    const QByteArray key = issueApiKey(m_server);
    QVERIFY(!key.isEmpty());
    AgentClient agent(m_server.port(), key);
    QString problem = checkNosniff(agent.get(QStringLiteral("/api/status")), 200);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    AgentClient keyless(m_server.port(), {});
    problem = checkNosniff(keyless.get(QStringLiteral("/api/status")), 401);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestNosniffEverywhere::chatAnswers()
{
    QString problem = checkNosniff(m_anonymous->get(QStringLiteral("/api/v1/health")), 200);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = checkNosniff(m_anonymous->post(QStringLiteral("/api/v1/chat/session"), {}), 401);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestNosniffEverywhere::reportDownload()
{
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    const HttpResult created = m_platform->post(QStringLiteral("/analytics/reports"),
        {{QStringLiteral("report_type"), QStringLiteral("conversation_analysis")},
            {QStringLiteral("time_period"),
                QJsonObject{{QStringLiteral("start"), today}, {QStringLiteral("end"), today}}},
            {QStringLiteral("format"), QStringLiteral("csv")}});
    QVERIFY2(created.status == 202, describe(created));
    const QString statusPath
        = QStringLiteral("/analytics/reports/") + created.json().value(QLatin1String("report_id")).toString();
    QJsonObject status;
    QTRY_VERIFY_WITH_TIMEOUT((status = m_platform->get(statusPath).json()).value(QLatin1String("status")).toString()
            == QLatin1String("ready"),
        30000);
    const QUrl url(status.value(QLatin1String("download_url")).toString());
    const HttpResult csv = m_platform->get(url.path());
    const QString problem = checkNosniff(csv, 200);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(csv.header("content-type"), QByteArray("text/csv; charset=utf-8"));
}

void TestNosniffEverywhere::socketIoPollingAnswers()
{
    const HttpResult open = m_anonymous->get(QStringLiteral("/socket.io/?EIO=4&transport=polling"));
    QString problem = checkNosniff(open, 200);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(open.body.startsWith('0'), open.body.constData()); // the open packet
    problem = checkNosniff(m_anonymous->get(QStringLiteral("/socket.io/?EIO=4&transport=carrier-pigeon")), 400);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

// The page set the header itself before the server did: still once.
void TestNosniffEverywhere::chatPageHasItOnce()
{
    const QString problem = checkNosniff(m_anonymous->send("GET", QStringLiteral("/chat"), {}, {}, false), 200);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestNosniffEverywhere)
#include "tst_nosniffeverywhere.moc"
