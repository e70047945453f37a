#include "EngineFixture.h"
#include "core/engine/admin/ReportJobs.h"

#include <QRegularExpression>
#include <QSignalSpy>

#include <sqlite3.h>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

// sqlite3_trace_v2 callback: keeps the SQL of every statement the connection starts.
int keepStatement(unsigned, void *statements, void *statement, void *)
{
    static_cast<QStringList *>(statements)
        ->append(QString::fromUtf8(sqlite3_sql(static_cast<sqlite3_stmt *>(statement))));
    return 0;
}

} // namespace

// Reports generated off the engine thread into real files.
class TestReportJobs : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_fx = std::make_unique<EngineFixture>();
        QVERIFY(m_fx->setUp());
        m_start = m_fx->clock.nowMs();
        QVERIFY(m_fx->open(QStringLiteral("cust_1"), QStringLiteral("Where is my order ORD-10001?")));
        QVERIFY(m_fx->open(QStringLiteral("cust_2"), QStringLiteral("This is terrible, I am furious, nothing works!")));
        QVERIFY(m_fx->store->batch().flush());
        m_end = m_fx->clock.nowMs() + 1000;
    }
    void cleanup() { m_fx.reset(); }

    void csvBecomesReady()
    {
        ReportJobs jobs(*m_fx->engine, m_reports.path());
        QSignalSpy finished(&jobs, &ReportJobs::finished);
        const auto job
            = jobs.start(request(QStringLiteral("csv")), Actor{QStringLiteral("key-1"), QStringLiteral("admin")});
        QVERIFY2(job.ok(), qPrintable(job ? QString() : job.error().message));
        QCOMPARE(job->status, QStringLiteral("generating"));
        QVERIFY(job->id.startsWith(QLatin1String("rep-")));
        QVERIFY(finished.wait());
        QCOMPARE(finished.first().at(2).toString(), QStringLiteral("ready"));
        QCOMPARE(jobs.find(m_fx->companyId, job->id)->status, QStringLiteral("ready"));
        const QByteArray csv = jobs.content(*job).value();
        const QList<QByteArray> lines = csv.trimmed().split('\n');
        QVERIFY(lines.first().startsWith("conversation_id,created_at,channel,status,tier,sentiment"));
        QCOMPARE(lines.size(), 3); // the header and two conversations
        // Another company sees nothing of it.
        QVERIFY(!jobs.find(QStringLiteral("co_other"), job->id));
        // Audited when asked for and when ready.
        QVERIFY(m_fx->store->batch().flush());
        const QList<AuditEntry> audit = m_fx->engine->auditLog(m_fx->companyId, 2);
        QCOMPARE(audit.size(), 2);
        QCOMPARE(audit.at(0).action, QStringLiteral("report.ready"));
        QCOMPARE(audit.at(1).action, QStringLiteral("report.create"));
    }

    // The rows come from a connection of the report's worker, never from the engine's
    // own (which only the engine thread uses): the engine thread does not wait for them.
    void rowsAreReadOffTheEngineThread()
    {
        sqlite3 *engineConnection = Database::sqliteHandle(m_fx->store->db().handle());
        QVERIFY(engineConnection);
        QStringList engineStatements;
        sqlite3_trace_v2(engineConnection, SQLITE_TRACE_STMT, &keepStatement, &engineStatements);
        ReportJobs jobs(*m_fx->engine, m_reports.path());
        QSignalSpy finished(&jobs, &ReportJobs::finished);
        ReportRequest daily = request(QStringLiteral("csv"));
        daily.type = QStringLiteral("daily_summary");
        const auto conversations = jobs.start(request(QStringLiteral("csv")), Actor{});
        const auto summary = jobs.start(daily, Actor{});
        QVERIFY(conversations && summary);
        QTRY_COMPARE(finished.size(), 2);
        sqlite3_trace_v2(engineConnection, 0, nullptr, nullptr);
        const QStringList reads
            = engineStatements.filter(QRegularExpression(QStringLiteral("FROM (sessions|analytics_)")));
        QVERIFY2(reads.isEmpty(), qPrintable(QStringLiteral("read on the engine's connection: ") + reads.join(u'\n')));
        // And the worker's read found the rows.
        const QByteArray csv = jobs.content(*conversations).value();
        QCOMPARE(csv.trimmed().split('\n').size(), 3);
        const QByteArray days = jobs.content(*summary).value();
        QCOMPARE(days.trimmed().split('\n').size(), 2);
        QVERIFY(days.contains(",2,"));
    }

    void pdfAndFilters()
    {
        ReportJobs jobs(*m_fx->engine, m_reports.path());
        QSignalSpy finished(&jobs, &ReportJobs::finished);
        ReportRequest r = request(QStringLiteral("pdf"));
        r.sentiment = QStringLiteral("negative");
        const auto job = jobs.start(r, Actor{});
        QVERIFY(job.ok());
        QVERIFY(finished.wait());
        const QByteArray pdf = jobs.content(*job).value();
        QVERIFY(pdf.startsWith("%PDF-1.4"));
        QVERIFY(pdf.contains("(Sentiment: negative) Tj"));
        // The filter keeps the angry customer's conversation only.
        const auto table = jobs.collect(r);
        QCOMPARE(table->rows.size(), 1);
        QVERIFY(isNegative(fromStringSentiment(table->rows.first().at(5))));
    }

    void dailySummary()
    {
        ReportJobs jobs(*m_fx->engine, m_reports.path());
        ReportRequest r = request(QStringLiteral("csv"));
        r.type = QStringLiteral("daily_summary");
        const auto table = jobs.collect(r);
        QVERIFY(table.ok());
        QCOMPARE(table->columns.first(), QStringLiteral("date"));
        QCOMPARE(table->rows.size(), 1);
        QCOMPARE(table->rows.first().at(1), QStringLiteral("2"));
    }

    void readyAfterRestart()
    {
        QString id;
        {
            ReportJobs jobs(*m_fx->engine, m_reports.path());
            QSignalSpy finished(&jobs, &ReportJobs::finished);
            id = jobs.start(request(QStringLiteral("csv")), Actor{})->id;
            QVERIFY(finished.wait());
        }
        ReportJobs later(*m_fx->engine, m_reports.path());
        const auto found = later.find(m_fx->companyId, id);
        QVERIFY(found);
        QCOMPARE(found->status, QStringLiteral("ready"));
        QCOMPARE(found->format, QStringLiteral("csv"));
        QVERIFY(!later.find(m_fx->companyId, QStringLiteral("rep-unknown")));
    }

    void refusesBadRequests_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("sentiment");
        QTest::addColumn<QString>("field");
        QTest::newRow("type") << QStringLiteral("everything") << QStringLiteral("csv") << 1 << QString()
                              << QStringLiteral("report_type");
        QTest::newRow("format") << QStringLiteral("conversation_analysis") << QStringLiteral("xlsx") << 1 << QString()
                                << QStringLiteral("format");
        QTest::newRow("reversed") << QStringLiteral("conversation_analysis") << QStringLiteral("csv") << -1 << QString()
                                  << QStringLiteral("time_period");
        QTest::newRow("too long") << QStringLiteral("conversation_analysis") << QStringLiteral("csv") << 400
                                  << QString() << QStringLiteral("time_period");
        QTest::newRow("sentiment") << QStringLiteral("conversation_analysis") << QStringLiteral("csv") << 1
                                   << QStringLiteral("grumpy") << QStringLiteral("filters.sentiment");
    }
    void refusesBadRequests()
    {
        QFETCH(QString, type);
        QFETCH(QString, format);
        QFETCH(int, days);
        QFETCH(QString, sentiment);
        QFETCH(QString, field);
        ReportJobs jobs(*m_fx->engine, m_reports.path());
        ReportRequest r{m_fx->companyId, type, format, m_start, m_start + days * 86400000LL, sentiment, 0};
        const auto job = jobs.start(r, Actor{});
        QVERIFY(!job);
        QCOMPARE(job.error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(job.error().details.value(QLatin1String("field")).toString(), field);
    }

    void boundsReportsGenerating()
    {
        ReportJobs jobs(*m_fx->engine, m_reports.path());
        QSignalSpy finished(&jobs, &ReportJobs::finished);
        for (int i = 0; i < ReportJobs::kMaxGeneratingPerCompany; ++i)
            QVERIFY(jobs.start(request(QStringLiteral("csv")), Actor{}));
        // Their results come back through the engine thread's event loop, which has not run yet.
        const auto refused = jobs.start(request(QStringLiteral("csv")), Actor{});
        QCOMPARE(refused.error().kind, ErrorKind::Conflict);
        QTRY_COMPARE(finished.size(), ReportJobs::kMaxGeneratingPerCompany);
        QVERIFY(jobs.start(request(QStringLiteral("csv")), Actor{}));
        QVERIFY(finished.wait());
    }

private:
    ReportRequest request(const QString &format) const
    {
        return {m_fx->companyId, QStringLiteral("conversation_analysis"), format, m_start, m_end, {}, 0};
    }
    static Sentiment fromStringSentiment(const QString &name)
    {
        for (int i = 0; i <= static_cast<int>(Sentiment::Irate); ++i)
            if (toString(static_cast<Sentiment>(i)) == name)
                return static_cast<Sentiment>(i);
        return Sentiment::Neutral;
    }

    std::unique_ptr<EngineFixture> m_fx;
    QTemporaryDir m_reports;
    qint64 m_start = 0;
    qint64 m_end = 0;
};

QTEST_GUILESS_MAIN(TestReportJobs)
#include "tst_reportjobs.moc"
