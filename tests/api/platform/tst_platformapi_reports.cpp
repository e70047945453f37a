// The platform services' report files on a real server (seed 000): a ready report is
// deleted once past its retention, a company's oldest ready reports go first beyond its
// quota, and requests beyond the hourly budget get API Gateway's 429. The engine runs on
// a fake clock; the signing client's clock follows it. On PostgreSQL the reports are rows of
// report_jobs rather than files.
#include "tests/api/platform/PlatformTestSupport.h"
#include "tests/support/FakeClock.h"

#include <QDir>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestPlatformApiReports : public QObject {
    Q_OBJECT

private slots:
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void readyReportsExpire()
    {
        start({});
        if (QTest::currentTestFailed())
            return;
        const QString id = generateReady();
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_client->get(statusPath(id)).status, 200);
        advanceSecs(24 * 3600 - 60); // the default retention is 24 hours
        QCOMPARE(m_client->get(statusPath(id)).status, 200);
        QCOMPARE(m_client->get(statusPath(id) + QStringLiteral("/download")).status, 200);
        advanceSecs(120);
        for (const QString &path : QStringList{statusPath(id), statusPath(id) + QStringLiteral("/download")}) {
            const QString problem = checkPlatformError(m_client->get(path), 404, QStringLiteral("NotFoundException"));
            QVERIFY2(problem.isEmpty(), qPrintable(path + QStringLiteral(": ") + problem));
        }
        QVERIFY(reportFiles().isEmpty());
    }

    void oldestReadyReportsGoFirst()
    {
        start("[reports]\nmaxPerCompany=2\n");
        if (QTest::currentTestFailed())
            return;
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            ids << generateReady();
            QVERIFY(!ids.last().isEmpty());
            advanceSecs(60);
        }
        QCOMPARE(m_client->get(statusPath(ids.at(0))).status, 404);
        QCOMPARE(m_client->get(statusPath(ids.at(1))).status, 200);
        QCOMPARE(m_client->get(statusPath(ids.at(2))).status, 200);
        QCOMPARE(reportFiles().size(), 2);
    }

    void byteQuotaKeepsTheNewest()
    {
        start("[reports]\nmaxBytesPerCompany=1\n"); // every report is over it
        if (QTest::currentTestFailed())
            return;
        const QString first = generateReady();
        advanceSecs(60);
        const QString second = generateReady();
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        QCOMPARE(m_client->get(statusPath(first)).status, 404);
        QCOMPARE(m_client->get(statusPath(second) + QStringLiteral("/download")).status, 200);
        QCOMPARE(reportFiles(), QStringList{second + QStringLiteral(".csv")});
    }

    void requestsBeyondTheBudgetGet429()
    {
        start("[reports]\nrequestsPerHour=2\n");
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_client->post(QStringLiteral("/analytics/reports"), reportBody()).status, 202);
        advanceSecs(600);
        QCOMPARE(m_client->post(QStringLiteral("/analytics/reports"), reportBody()).status, 202);
        const HttpResult refused = m_client->post(QStringLiteral("/analytics/reports"), reportBody());
        const QString problem = checkPlatformError(refused, 429, QStringLiteral("TooManyRequestsException"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(refused.header("retry-after"), QByteArray("3000")); // when the first request leaves the hour
        advanceSecs(3000);
        QCOMPARE(m_client->post(QStringLiteral("/analytics/reports"), reportBody()).status, 202);
    }

private:
    void start(const QByteArray &ini)
    {
        m_clock = std::make_unique<FakeClock>(QDateTime::currentDateTimeUtc());
        m_server = std::make_unique<ServerFixture>();
        m_server->setClock(m_clock.get());
        QString error;
        QVERIFY2(m_server->start(ini, false, &error), qPrintable(error));
        const SigV4Key key = issueSigV4Key(*m_server);
        QVERIFY(key.isValid());
        m_client = std::make_unique<PlatformClient>(m_server->port(), key);
    }

    // The engine's clock moves on; the client signs with the same time.
    void advanceSecs(qint64 secs)
    {
        m_clock->advanceSecs(secs);
        m_client->setClockOffsetSecs(QDateTime::currentDateTimeUtc().secsTo(m_clock->now()));
    }

    static QJsonObject reportBody()
    {
        return {{QStringLiteral("report_type"), QStringLiteral("conversation_analysis")},
            {QStringLiteral("time_period"),
                QJsonObject{{QStringLiteral("start"), QStringLiteral("2025-01-01")},
                    {QStringLiteral("end"), QStringLiteral("2025-01-31")}}},
            {QStringLiteral("format"), QStringLiteral("csv")}};
    }

    static QString statusPath(const QString &id) { return QStringLiteral("/analytics/reports/") + id; }

    // POSTs a report and waits until it is ready; its id, or empty.
    QString generateReady()
    {
        const HttpResult created = m_client->post(QStringLiteral("/analytics/reports"), reportBody());
        if (created.status != 202) {
            qWarning("%s", describe(created).constData());
            return {};
        }
        const QString id = created.json().value(QLatin1String("report_id")).toString();
        QString status;
        const bool finished = QTest::qWaitFor(
            [&] {
                status = m_client->get(statusPath(id)).json().value(QLatin1String("status")).toString();
                return status != QLatin1String("generating");
            },
            30000);
        return finished && status == QLatin1String("ready") ? id : QString();
    }

    // The company's kept ready reports: "<id>.<format>", by name.
    QStringList reportFiles()
    {
        if (!m_server->runtime().store().db().postgres())
            return QDir(m_server->dataDir() + QStringLiteral("/reports/") + m_server->companyId())
                .entryList(QDir::Files, QDir::Name);
        const QString kept = m_server
                                 ->scalar(QStringLiteral("SELECT COALESCE(string_agg(id || '.' || format, ',' ORDER BY"
                                                         " id), '') FROM report_jobs WHERE company_id = ? AND"
                                                         " status = 'ready' AND content IS NOT NULL"),
                                     {m_server->companyId()})
                                 .toString();
        return kept.isEmpty() ? QStringList() : kept.split(QLatin1Char(','));
    }

    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<PlatformClient> m_client;
};

QTEST_GUILESS_MAIN(TestPlatformApiReports)
#include "tst_platformapi_reports.moc"
