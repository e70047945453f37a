// The console's analytics page against a real embedded server: sessions made through the
// API (some escalated, one resolved and rated by its customer) show the same figures as GET
// /api/cs/analytics for the same range, ratings per tier and channel included; the ratings per
// agent of an answer (a stand-in server) are listed by name; the table model passes
// QAbstractItemModelTester, and the CSV and PDF exports are written off the GUI thread with progress.
#include "tests/api/ApiTestSupport.h"
#include "tests/ui/StubApi.h"
#include "ui/client/ApiClient.h"
#include "ui/models/AnalyticsModel.h"
#include "ui/views/AnalyticsView.h"

#include <QAbstractItemModelTester>
#include <QChartView>
#include <QDateTime>
#include <QFile>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QXYSeries>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

class TestAnalyticsView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void figuresEqualTheApi();
    void exportsCsvAndPdf();
    void aRangeBackwardsIsRefusedHere();
    void ratingsPerTierAndChannelEqualTheApi();
    void ratingsPerAgentListedByName();

private:
    QJsonObject apiReport(const QString &groupBy);
    void load(AnalyticsView &view, ApiClient &client);

    ServerFixture m_server;
    QDate m_today;
};

void TestAnalyticsView::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_today = QDateTime::currentDateTimeUtc().date();
    auto http = m_server.client(api::Role::Admin);
    const QStringList openings{QStringLiteral("Where is my order ORD-10001?"),
        QStringLiteral("This is unacceptable, I want a person now. AGENT"),
        QStringLiteral("I will post about this on twitter, you people are useless"),
        QStringLiteral("How do I reset my password?"), QStringLiteral("do u ship to canada")};
    QString firstId;
    for (int i = 0; i < openings.size(); ++i) {
        const HttpResult r = http->post(QStringLiteral("/api/cs/sessions"),
            sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), openings.at(i),
                i % 2 ? QStringLiteral("email") : QStringLiteral("chat")));
        QVERIFY2(r.status == 201, describe(r));
        if (firstId.isEmpty())
            firstId = r.json().value(QLatin1String("id")).toString();
    }
    QVERIFY(!firstId.isEmpty());
    const HttpResult resolved = http->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(firstId),
        {{QStringLiteral("resolutionType"), QStringLiteral("INFORMATION_PROVIDED")},
            {QStringLiteral("summary"), QStringLiteral("Told where it is")}});
    QVERIFY2(resolved.status == 200, describe(resolved));
    // Its customer says how it went (an admin may give the rating for them).
    const HttpResult rated = http->post(QStringLiteral("/api/cs/sessions/%1/satisfaction").arg(firstId),
        {{QStringLiteral("rating"), 2}, {QStringLiteral("comment"), QStringLiteral("Slow")}});
    QVERIFY2(rated.status == 201, describe(rated));
}

QJsonObject TestAnalyticsView::apiReport(const QString &groupBy)
{
    auto http = m_server.client(api::Role::Supervisor);
    const HttpResult r = http->get(withQuery(QStringLiteral("/api/cs/analytics"),
        {{QStringLiteral("companyId"), m_server.companyId()},
            {QStringLiteral("startDate"), m_today.addDays(-6).toString(Qt::ISODate)},
            {QStringLiteral("endDate"), m_today.toString(Qt::ISODate)}, {QStringLiteral("groupBy"), groupBy}}));
    return r.json();
}

void TestAnalyticsView::load(AnalyticsView &view, ApiClient &client)
{
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    client.setToken(m_server.token(api::Role::Supervisor));
    view.resize(1300, 900);
    view.show();
    view.setRange(m_today.addDays(-6), m_today);
    QSignalSpy loaded(&view, &AnalyticsView::loaded);
    view.refresh();
    QVERIFY(loaded.wait(10000));
}

void TestAnalyticsView::figuresEqualTheApi()
{
    ApiClient client;
    AnalyticsView view(client);
    QAbstractItemModelTester tester(&view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(view, client);
    const QJsonObject api = apiReport(QStringLiteral("day"));
    QCOMPARE(view.model().report(), api);
    const QJsonObject overview = api.value(QLatin1String("overview")).toObject();
    QVERIFY(overview.value(QLatin1String("totalSessions")).toInt() >= 5);
    QCOMPARE(view.figure(QStringLiteral("totalSessions")),
        QString::number(overview.value(QLatin1String("totalSessions")).toInt()));
    QCOMPARE(view.figure(QStringLiteral("resolutionRate")),
        QStringLiteral("%1 %").arg(overview.value(QLatin1String("resolutionRate")).toDouble()));
    // What the AI resolved alone and what held (Tierdesk's "resolution"), as rates.
    const QJsonObject resolution = api.value(QLatin1String("resolution")).toObject();
    QCOMPARE(
        resolution.value(QLatin1String("sessions")).toInt(), overview.value(QLatin1String("totalSessions")).toInt());
    for (const char *key : {"aiResolutionRate", "firstContactResolutionRate"})
        QCOMPARE(view.figure(QStringLiteral("resolution.") + QLatin1String(key)),
            QStringLiteral("%1 %").arg(resolution.value(QLatin1String(key)).toDouble()));
    const QJsonObject escalations = api.value(QLatin1String("escalations")).toObject();
    QVERIFY(escalations.value(QLatin1String("total")).toInt() >= 2);
    QCOMPARE(view.figure(QStringLiteral("escalations.escalationRate")),
        QStringLiteral("%1 %").arg(escalations.value(QLatin1String("escalationRate")).toDouble()));
    // The calls' figures (Tierdesk's "calls"): a count as it is.
    QVERIFY(api.value(QLatin1String("calls")).isObject());
    QCOMPARE(view.figure(QStringLiteral("calls.total")),
        QString::number(api.value(QLatin1String("calls")).toObject().value(QLatin1String("total")).toInt()));

    // Each tier's row holds the API's numbers.
    const QList<int> tiers = view.model().rowsOf(QStringLiteral("tier"));
    QCOMPARE(tiers.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QJsonObject tier = api.value(QLatin1String("byTier")).toArray().at(i).toObject();
        const auto cell
            = [&](int column) { return view.model().index(tiers.at(i), column).data(AnalyticsModel::ValueRole); };
        QCOMPARE(cell(AnalyticsModel::Name).toString(), tier.value(QLatin1String("tier")).toString());
        QCOMPARE(cell(AnalyticsModel::Sessions).toInt(), tier.value(QLatin1String("sessions")).toInt());
        QCOMPARE(cell(AnalyticsModel::Resolved).toInt(), tier.value(QLatin1String("resolved")).toInt());
    }
    // The timeline (by day) has today's sessions, and the reasons chart one bar per reason.
    const QList<int> periods = view.model().rowsOf(QStringLiteral("timeline"));
    QCOMPARE(periods.size(), api.value(QLatin1String("timeline")).toArray().size());
    QCOMPARE(view.model().index(periods.last(), AnalyticsModel::Name).data().toString(), m_today.toString(Qt::ISODate));
    QCOMPARE(view.model().rowsOf(QStringLiteral("reason")).size(),
        escalations.value(QLatin1String("byReason")).toObject().size());
    // Why the customers got in touch, most frequent first, as the API counts them.
    const QJsonArray contact = api.value(QLatin1String("contactReasons")).toArray();
    const QList<int> contactRows = view.model().rowsOf(QStringLiteral("contact"));
    QVERIFY(!contact.isEmpty());
    QCOMPARE(contactRows.size(), contact.size());
    QCOMPARE(view.model().index(contactRows.first(), AnalyticsModel::Name).data().toString(),
        contact.first().toObject().value(QLatin1String("reason")).toString());
    QCOMPARE(view.model().index(contactRows.first(), AnalyticsModel::Sessions).data(AnalyticsModel::ValueRole).toInt(),
        contact.first().toObject().value(QLatin1String("sessions")).toInt());
    auto *reasons = view.findChild<QChartView *>(QStringLiteral("analyticsChart3"));
    QVERIFY(reasons && reasons->chart() && !reasons->chart()->series().isEmpty());
    QCOMPARE(reasons->chart()->title(), QStringLiteral("Escalations by reason"));

    // The people's desk: nothing left it here, so no SLA figure, shown as such.
    const QJsonObject desk = api.value(QLatin1String("desk")).toObject();
    QCOMPARE(desk.value(QLatin1String("handled")).toInt(), 0);
    QVERIFY(desk.value(QLatin1String("slaAttainment")).isNull());
    QCOMPARE(view.figure(QStringLiteral("desk.slaAttainment")), QStringLiteral("—"));
    QCOMPARE(view.figure(QStringLiteral("desk.avgFirstResponseTime")), QStringLiteral("0s"));
    // Satisfaction over time: one point per period, the API's value.
    auto *trend = view.findChild<QChartView *>(QStringLiteral("analyticsChart1"));
    QVERIFY(trend && trend->chart() && trend->chart()->series().size() == 1);
    auto *line = qobject_cast<QXYSeries *>(trend->chart()->series().first());
    QVERIFY(line);
    QCOMPARE(line->count(), periods.size());
    QCOMPARE(line->at(line->count() - 1).y(),
        api.value(QLatin1String("timeline"))
            .toArray()
            .last()
            .toObject()
            .value(QLatin1String("customerSatisfactionAvg"))
            .toDouble());
    QCOMPARE(view.model().index(periods.last(), AnalyticsModel::Value).data(AnalyticsModel::ValueRole).toDouble(),
        line->at(line->count() - 1).y());
}

void TestAnalyticsView::exportsCsvAndPdf()
{
    ApiClient client;
    AnalyticsView view(client);
    load(view, client);
    QTemporaryDir dir;
    auto *progress = view.findChild<QProgressBar *>(QStringLiteral("analyticsProgress"));
    QSignalSpy exported(&view, &AnalyticsView::exported);

    view.exportCsv(dir.filePath(QStringLiteral("a.csv")));
    QVERIFY(exported.wait(10000));
    QCOMPARE(exported.last().at(1).toString(), QString());
    QFile csv(dir.filePath(QStringLiteral("a.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QVERIFY(lines.first().startsWith("section,name,value,sessions"));
    const int total = apiReport(QStringLiteral("day"))
                          .value(QLatin1String("overview"))
                          .toObject()
                          .value(QLatin1String("totalSessions"))
                          .toInt();
    QVERIFY(lines.contains(QByteArray("overview,totalSessions,") + QByteArray::number(total) + ",,,,,,,\r"));
    QVERIFY(lines.first().startsWith("section,name,value,sessions,resolved,resolution_rate,avg_resolution_seconds,"
                                     "escalated,satisfaction,ratings"));

    QSignalSpy steps(progress, &QProgressBar::valueChanged);
    view.exportPdf(dir.filePath(QStringLiteral("a.pdf")));
    QVERIFY(exported.wait(20000));
    QCOMPARE(exported.last().at(1).toString(), QString());
    QVERIFY(steps.count() >= 3); // the start, a step a chart, the end
    QCOMPARE(progress->value(), 100);
    QFile pdf(dir.filePath(QStringLiteral("a.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY2(bytes.size() > 20000, QByteArray::number(bytes.size()).constData()); // six chart images

    // A file that cannot be written is reported, not a crash.
    view.exportCsv(dir.filePath(QStringLiteral("missing/folder/a.csv")));
    QVERIFY(exported.wait(10000));
    QVERIFY(!exported.last().at(1).toString().isEmpty());
}

void TestAnalyticsView::aRangeBackwardsIsRefusedHere()
{
    ApiClient client;
    AnalyticsView view(client);
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    client.setToken(m_server.token(api::Role::Supervisor));
    view.setRange(m_today, m_today.addDays(-3));
    QSignalSpy status(&view, &AnalyticsView::status);
    view.refresh();
    QVERIFY(!status.isEmpty());
    QVERIFY(status.last().at(0).toString().contains(QLatin1String("after")));
    QCOMPARE(view.model().rowCount(), 0);
}

void TestAnalyticsView::ratingsPerTierAndChannelEqualTheApi()
{
    ApiClient client;
    AnalyticsView view(client);
    load(view, client);
    const QJsonObject api = apiReport(QStringLiteral("day"));
    QCOMPARE(api.value(QLatin1String("overview")).toObject().value(QLatin1String("ratings")).toInt(), 1);
    QCOMPARE(view.figure(QStringLiteral("ratings")), QStringLiteral("1"));
    QCOMPARE(view.figure(QStringLiteral("customerSatisfactionAvg")),
        QString::number(api.value(QLatin1String("overview"))
                            .toObject()
                            .value(QLatin1String("customerSatisfactionAvg"))
                            .toDouble()));
    int rated = 0;
    for (const char *section : {"tier", "channel"}) {
        const QJsonArray rows
            = api.value(QLatin1String(qstrcmp(section, "tier") == 0 ? "byTier" : "byChannel")).toArray();
        const QList<int> shown = view.model().rowsOf(QLatin1String(section));
        QCOMPARE(shown.size(), rows.size());
        for (int i = 0; i < rows.size(); ++i) {
            const QJsonObject row = rows.at(i).toObject();
            const auto cell = [&](int column) { return view.model().index(shown.at(i), column); };
            QCOMPARE(cell(AnalyticsModel::Ratings).data(AnalyticsModel::ValueRole).toInt(),
                row.value(QLatin1String("ratings")).toInt());
            QCOMPARE(cell(AnalyticsModel::Satisfaction).data(AnalyticsModel::ValueRole).toDouble(),
                row.value(QLatin1String("customerSatisfactionAvg")).toDouble());
            QCOMPARE(cell(AnalyticsModel::Satisfaction).data().toString(),
                QLocale().toString(row.value(QLatin1String("customerSatisfactionAvg")).toDouble(), 'f', 1));
            rated += row.value(QLatin1String("ratings")).toInt();
        }
    }
    QCOMPARE(rated, 2); // the one rating, once by its tier and once by its channel
    // The ratings table beside the figures: tiers and channels with satisfaction and ratings only.
    auto *ratings = view.findChild<QTableView *>(QStringLiteral("analyticsRatings"));
    QVERIFY(ratings);
    QCOMPARE(ratings->model()->columnCount(), 4);
    QCOMPARE(ratings->model()->rowCount(),
        api.value(QLatin1String("byTier")).toArray().size() + api.value(QLatin1String("byChannel")).toArray().size());
}

// desk.byAgent: the people, by their customers' ratings (a stand-in server answers).
void TestAnalyticsView::ratingsPerAgentListedByName()
{
    StubApi stub;
    const QJsonObject agent1{{QStringLiteral("agentId"), QStringLiteral("agt_ann")},
        {QStringLiteral("agentName"), QStringLiteral("Ann Archer")}, {QStringLiteral("ratings"), 3},
        {QStringLiteral("customerSatisfactionAvg"), 4.7}};
    const QJsonObject agent2{{QStringLiteral("agentId"), QStringLiteral("agt_bob")},
        {QStringLiteral("agentName"), QStringLiteral("Bob Baker")}, {QStringLiteral("ratings"), 1},
        {QStringLiteral("customerSatisfactionAvg"), 2.0}};
    const QJsonObject report{{QStringLiteral("overview"),
                                 QJsonObject{{QStringLiteral("totalSessions"), 4}, {QStringLiteral("ratings"), 4},
                                     {QStringLiteral("customerSatisfactionAvg"), 4.0}}},
        {QStringLiteral("desk"),
            QJsonObject{{QStringLiteral("handled"), 4}, {QStringLiteral("byAgent"), QJsonArray{agent1, agent2}}}}};
    stub.script("GET /api/cs/analytics", {{200, report}});
    ApiClient client;
    client.setBaseUrl(QUrl(stub.url()));
    client.setToken("x.e30.y");
    AnalyticsView view(client);
    QAbstractItemModelTester tester(&view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&view, &AnalyticsView::loaded);
    view.refresh();
    QVERIFY(loaded.wait(5000));
    const QList<int> agents = view.model().rowsOf(QStringLiteral("agent"));
    QCOMPARE(agents.size(), 2);
    const auto text = [&](int row, int column) { return view.model().index(row, column).data().toString(); };
    QCOMPARE(text(agents.at(0), AnalyticsModel::Section), QStringLiteral("Agent"));
    QCOMPARE(text(agents.at(0), AnalyticsModel::Name), QStringLiteral("Ann Archer"));
    QCOMPARE(text(agents.at(0), AnalyticsModel::Satisfaction), QLocale().toString(4.7, 'f', 1));
    QCOMPARE(text(agents.at(0), AnalyticsModel::Ratings), QStringLiteral("3"));
    QCOMPARE(text(agents.at(1), AnalyticsModel::Name), QStringLiteral("Bob Baker"));
    auto *ratings = view.findChild<QTableView *>(QStringLiteral("analyticsRatings"));
    QCOMPARE(ratings->model()->rowCount(), 2);
    QCOMPARE(ratings->model()->index(1, 1).data().toString(), QStringLiteral("Bob Baker"));
    QCOMPARE(view.figure(QStringLiteral("ratings")), QStringLiteral("4"));
    QVERIFY(view.model().toCsv().contains("agent,Ann Archer,,,,,,,4.7,3\r\n"));
}

QTEST_MAIN(TestAnalyticsView)
#include "tst_analyticsview.moc"
