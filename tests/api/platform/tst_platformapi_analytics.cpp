// The platform services' analytics on a real server (seed 000): GET /analytics/dashboard
// with its period and metrics filter, and reports generated asynchronously into real
// CSV and PDF files, fetched through their download URL, all SigV4-signed.
#include "tests/api/platform/PlatformTestSupport.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace tierdesk;
using namespace tierdesk::test;

class TestPlatformApiAnalytics : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
        m_key = issueSigV4Key(m_server);
        QVERIFY(m_key.isValid());
        m_client = std::make_unique<PlatformClient>(m_server.port(), m_key);
        auto admin = m_server.client(api::Role::Admin);
        for (const QString &text : {QStringLiteral("Where is my order ORD-10001?"),
                 QStringLiteral("This is the worst service ever, I am furious!")}) {
            const HttpResult r = admin->post(QStringLiteral("/api/cs/sessions"),
                sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), text));
            QVERIFY2(r.status == 201, describe(r));
        }
    }

    void dashboardHasSeedShape()
    {
        const HttpResult r = m_client->get(QStringLiteral("/analytics/dashboard"));
        QVERIFY2(r.status == 200, describe(r));
        const QJsonObject o = r.json();
        const QJsonObject summary = o.value(QLatin1String("summary")).toObject();
        QVERIFY(summary.value(QLatin1String("total_conversations")).toInt() >= 2);
        const double score = summary.value(QLatin1String("average_sentiment_score")).toDouble(-1);
        QVERIFY(score >= 0 && score <= 1);
        QVERIFY(summary.contains(QLatin1String("average_resolution_time")));
        QVERIFY(summary.contains(QLatin1String("escalation_rate")));
        const QJsonArray days = o.value(QLatin1String("trends"))[QLatin1String("conversations")].toArray();
        QVERIFY(!days.isEmpty());
        QCOMPARE(days.last()[QLatin1String("date")].toString(),
            QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));
        QVERIFY(days.last()[QLatin1String("count")].toInt() >= 2);
        QVERIFY(o.value(QLatin1String("trends"))[QLatin1String("sentiment")]
                    .toArray()
                    .last()[QLatin1String("score")]
                    .isDouble());
        QVERIFY(o.value(QLatin1String("top_issues")).isArray());
        QVERIFY(o.value(QLatin1String("time_period"))[QLatin1String("end")].toString().endsWith(QLatin1Char('Z')));
    }

    void dashboardPeriodAndMetrics()
    {
        const HttpResult r = m_client->get(QStringLiteral(
            "/analytics/"
            "dashboard?start_date=2025-02-01T00:00:00Z&end_date=2025-02-28&metrics=conversations,resolution_time"));
        QVERIFY2(r.status == 200, describe(r));
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QLatin1String("time_period")).toObject(),
            (QJsonObject{{QStringLiteral("start"), QStringLiteral("2025-02-01T00:00:00Z")},
                {QStringLiteral("end"), QStringLiteral("2025-02-28T23:59:59Z")}}));
        const QJsonObject summary = o.value(QLatin1String("summary")).toObject();
        QCOMPARE(summary.keys(),
            (QStringList{QStringLiteral("average_resolution_time"), QStringLiteral("total_conversations")}));
        QCOMPARE(summary.value(QLatin1String("total_conversations")).toInt(), 0); // nothing in February 2025
        QCOMPARE(o.value(QLatin1String("trends")).toObject().keys(), QStringList{QStringLiteral("conversations")});
        QVERIFY(!o.contains(QLatin1String("top_issues")));
    }

    void dashboardRefusesBadQueries_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("metric") << QStringLiteral("metrics=conversations,weather");
        QTest::newRow("empty metrics") << QStringLiteral("metrics=,");
        QTest::newRow("date") << QStringLiteral("start_date=yesterday");
        QTest::newRow("reversed") << QStringLiteral("start_date=2025-03-01&end_date=2025-02-01");
        QTest::newRow("too long") << QStringLiteral("start_date=2020-01-01&end_date=2025-01-01");
    }
    void dashboardRefusesBadQueries()
    {
        QFETCH(QString, query);
        const HttpResult r = m_client->get(QStringLiteral("/analytics/dashboard?") + query);
        const QString problem = checkPlatformError(r, 400, QStringLiteral("BadRequestException"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void csvReportIsGeneratedAndDownloaded()
    {
        const QJsonObject ready = generate(QStringLiteral("csv"), {});
        const QByteArray csv = download(ready);
        QVERIFY2(csv.startsWith("conversation_id,created_at,channel,status,tier,sentiment,issue_category,messages,"
                                "resolution_time_s,rating,rating_comment\r\n"),
            csv.left(200).constData());
        QVERIFY(csv.count("\r\n") >= 3); // the header and the two conversations
    }

    void pdfReportWithFilters()
    {
        const QJsonObject ready = generate(QStringLiteral("pdf"),
            {{QStringLiteral("sentiment"), QStringLiteral("negative")}, {QStringLiteral("resolution_time_min"), 0}});
        const QByteArray pdf = download(ready);
        QVERIFY(pdf.startsWith("%PDF-1.4"));
        QVERIFY(pdf.contains("(Conversation analysis) Tj"));
        QVERIFY(pdf.contains("(Sentiment: negative) Tj"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    }

    void reportsAreTheCompanysOwn()
    {
        const QJsonObject ready = generate(QStringLiteral("csv"), {});
        const QString other = m_server.createCompany(QStringLiteral("Other Co"));
        PlatformClient stranger(m_server.port(), issueSigV4Key(m_server, other));
        const QString id = ready.value(QLatin1String("report_id")).toString();
        for (const QString &path : {QStringLiteral("/analytics/reports/%1").arg(id),
                 QStringLiteral("/analytics/reports/%1/download").arg(id)}) {
            const QString problem = checkPlatformError(stranger.get(path), 404, QStringLiteral("NotFoundException"));
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        const QString unknown = checkPlatformError(
            m_client->get(QStringLiteral("/analytics/reports/rep-nope")), 404, QStringLiteral("NotFoundException"));
        QVERIFY2(unknown.isEmpty(), qPrintable(unknown));
    }

    void reportRequestsAreChecked_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QByteArray period = R"("time_period":{"start":"2025-02-01T00:00:00Z","end":"2025-02-28T23:59:59Z"})";
        QTest::newRow("no type") << QByteArray("{" + period + "}");
        QTest::newRow("unknown type") << QByteArray(R"({"report_type":"everything",)" + period + "}");
        QTest::newRow("format") << QByteArray(
            R"({"report_type":"conversation_analysis","format":"docx",)" + period + "}");
        QTest::newRow("no period") << QByteArray(R"({"report_type":"conversation_analysis"})");
        QTest::newRow("bad date") << QByteArray(
            R"({"report_type":"conversation_analysis","time_period":{"start":"feb","end":"mar"}})");
        QTest::newRow("sentiment") << QByteArray(
            R"({"report_type":"conversation_analysis","filters":{"sentiment":"grumpy"},)" + period + "}");
        QTest::newRow("min time") << QByteArray(
            R"({"report_type":"conversation_analysis","filters":{"resolution_time_min":"x"},)" + period + "}");
        QTest::newRow("not json") << QByteArray("report please");
    }
    void reportRequestsAreChecked()
    {
        QFETCH(QByteArray, body);
        const QString problem = checkPlatformError(m_client->send("POST", QStringLiteral("/analytics/reports"), body),
            400, QStringLiteral("BadRequestException"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void unsignedIsRefused()
    {
        for (const QString &path :
            {QStringLiteral("/analytics/dashboard"), QStringLiteral("/analytics/reports/rep-x")}) {
            const QString problem = checkPlatformError(
                m_client->sendUnsigned("GET", path), 403, QStringLiteral("MissingAuthenticationTokenException"));
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

private:
    // POSTs a conversation analysis of today and waits until its status is ready.
    QJsonObject generate(const QString &format, const QJsonObject &filters)
    {
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        QJsonObject body{{QStringLiteral("report_type"), QStringLiteral("conversation_analysis")},
            {QStringLiteral("time_period"),
                QJsonObject{{QStringLiteral("start"), today}, {QStringLiteral("end"), today}}},
            {QStringLiteral("format"), format}};
        if (!filters.isEmpty())
            body.insert(QStringLiteral("filters"), filters);
        const HttpResult created = m_client->post(QStringLiteral("/analytics/reports"), body);
        if (created.status != 202) {
            qWarning("%s", describe(created).constData());
            return {};
        }
        const QJsonObject o = created.json();
        if (o.value(QLatin1String("status")).toString() != QLatin1String("generating")
            || !o.value(QLatin1String("download_url")).isNull()
            || !o.value(QLatin1String("estimated_completion_time")).toString().endsWith(QLatin1Char('Z')))
            return {};
        const QString path = QStringLiteral("/analytics/reports/") + o.value(QLatin1String("report_id")).toString();
        QJsonObject status;
        (void)QTest::qWaitFor(
            [&] { // the caller checks the status
                status = m_client->get(path).json();
                return status.value(QLatin1String("status")).toString() != QLatin1String("generating");
            },
            30000);
        return status;
    }

    QByteArray download(const QJsonObject &ready)
    {
        if (ready.value(QLatin1String("status")).toString() != QLatin1String("ready")) {
            qWarning("report not ready: %s", QJsonDocument(ready).toJson().constData());
            return {};
        }
        const QUrl url(ready.value(QLatin1String("download_url")).toString());
        if (url.host() != QLatin1String("127.0.0.1") || url.port() != m_server.port())
            return {};
        const HttpResult r = m_client->get(url.path());
        const QByteArray type = ready.value(QLatin1String("format")).toString() == QLatin1String("pdf")
            ? QByteArray("application/pdf")
            : QByteArray("text/csv; charset=utf-8");
        if (r.status != 200 || r.header("content-type") != type
            || !r.header("content-disposition").startsWith("attachment; filename=\"rep-"))
            return {};
        return r.body;
    }

    ServerFixture m_server;
    SigV4Key m_key;
    std::unique_ptr<PlatformClient> m_client;
};

QTEST_GUILESS_MAIN(TestPlatformApiAnalytics)
#include "tst_platformapi_analytics.moc"
