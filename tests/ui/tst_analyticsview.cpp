// The console's analytics page against a real embedded server: sessions made through the
// API (some escalated, one resolved and rated by its customer) show the same figures as GET
// /api/cs/analytics for the same range, ratings per tier and channel included; two sessions made
// eight days earlier (the engine's clock set back) are the previous range each tile's change is
// measured against; the reasons for contact are a chart whose bars list their sessions; the ratings
// per agent of an answer (a stand-in server) are listed by name; the table model passes
// QAbstractItemModelTester, and the CSV and PDF exports are written off the GUI thread with progress.
#include "tests/api/ApiTestSupport.h"
#include "tests/ui/StubApi.h"
#include "ui/client/ApiClient.h"
#include "ui/models/AnalyticsModel.h"
#include "ui/models/ReasonSessionsModel.h"
#include "ui/views/AnalyticsView.h"
#include "ui/views/ReasonSessionsDialog.h"

#include <QAbstractBarSeries>
#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QXYSeries>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {

// The system's time moved by a set amount: sessions made while it is set back are that much older.
class ShiftedClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc().addSecs(m_shift); }
    void setShift(qint64 secs) { m_shift = secs; }

private:
    qint64 m_shift = 0;
};

} // namespace

class TestAnalyticsView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void figuresEqualTheApi();
    void changesAgainstThePreviousRange();
    void changesAgainstAnEmptyRange();
    void reasonsForContactChart();
    void aReasonListsItsSessions();
    void exportsCsvAndPdf();
    void aRangeBackwardsIsRefusedHere();
    void ratingsPerTierAndChannelEqualTheApi();
    void ratingsPerAgentListedByName();

private:
    QJsonObject apiReport(const QString &groupBy, int firstDay = -6, int lastDay = 0);
    void load(AnalyticsView &view, ApiClient &client, int firstDay = -6, int lastDay = 0);

    ShiftedClock m_clock; // outlives the server that reads it
    ServerFixture m_server;
    QDate m_today;
};

void TestAnalyticsView::initTestCase()
{
    QString error;
    m_today = QDateTime::currentDateTimeUtc().date();
    // The previous range's sessions: two at noon eight days ago, one of them resolved.
    m_clock.setShift(QDateTime::currentDateTimeUtc().secsTo(QDateTime(m_today.addDays(-8), QTime(12, 0), Qt::UTC)));
    m_server.setClock(&m_clock);
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    {
        auto earlier = m_server.client(api::Role::Admin);
        QStringList ids;
        for (const QString &text :
            {QStringLiteral("Where is my order ORD-10002?"), QStringLiteral("How do I reset my password?")}) {
            const HttpResult r = earlier->post(QStringLiteral("/api/cs/sessions"),
                sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), text));
            QVERIFY2(r.status == 201, describe(r));
            ids.append(r.json().value(QLatin1String("id")).toString());
        }
        const HttpResult resolved = earlier->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(ids.first()),
            {{QStringLiteral("resolutionType"), QStringLiteral("INFORMATION_PROVIDED")},
                {QStringLiteral("summary"), QStringLiteral("Told where it is")}});
        QVERIFY2(resolved.status == 200, describe(resolved));
    }
    m_clock.setShift(0);
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

// The API's answer for days [today + firstDay, today + lastDay]; without groupBy when it is empty.
QJsonObject TestAnalyticsView::apiReport(const QString &groupBy, int firstDay, int lastDay)
{
    auto http = m_server.client(api::Role::Supervisor);
    QList<QPair<QString, QString>> query{{QStringLiteral("companyId"), m_server.companyId()},
        {QStringLiteral("startDate"), m_today.addDays(firstDay).toString(Qt::ISODate)},
        {QStringLiteral("endDate"), m_today.addDays(lastDay).toString(Qt::ISODate)}};
    if (!groupBy.isEmpty())
        query.append({QStringLiteral("groupBy"), groupBy});
    const HttpResult r = http->get(withQuery(QStringLiteral("/api/cs/analytics"), query));
    return r.json();
}

void TestAnalyticsView::load(AnalyticsView &view, ApiClient &client, int firstDay, int lastDay)
{
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    client.setToken(m_server.token(api::Role::Supervisor));
    view.resize(1600, 1000);
    view.show();
    view.setRange(m_today.addDays(firstDay), m_today.addDays(lastDay));
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

// Each tile's change is the current answer's figure less the previous range's (the 7 days before),
// worded in the figure's unit and coloured by whether it got better.
void TestAnalyticsView::changesAgainstThePreviousRange()
{
    ApiClient client;
    AnalyticsView view(client);
    QAbstractItemModelTester tester(&view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(view, client);
    const QJsonObject now = apiReport(QString());
    const QJsonObject before = apiReport(QString(), -13, -7);
    QCOMPARE(AnalyticsView::previousRange(m_today.addDays(-6), m_today),
        qMakePair(m_today.addDays(-13), m_today.addDays(-7)));
    QCOMPARE(view.model().previousReport(), before);
    const auto figure = [](const QJsonObject &report, const QString &key) {
        const int dot = int(key.indexOf(QLatin1Char('.')));
        return report.value(dot < 0 ? QStringLiteral("overview") : key.left(dot)).toObject().value(key.mid(dot + 1));
    };
    QCOMPARE(figure(before, QStringLiteral("totalSessions")).toInt(), 2);
    int compared = 0;
    for (int row : view.model().rowsOf(QStringLiteral("overview"))) {
        const QString key = view.model().index(row, AnalyticsModel::Name).data(AnalyticsModel::ValueRole).toString();
        const QJsonValue a = figure(now, key);
        const QJsonValue b = figure(before, key);
        const QVariant change = view.model().index(row, AnalyticsModel::Change).data(AnalyticsModel::ValueRole);
        QCOMPARE(
            view.model().index(row, AnalyticsModel::Previous).data(AnalyticsModel::ValueRole).isValid(), b.isDouble());
        if (!a.isDouble() || !b.isDouble()) {
            QVERIFY2(!change.isValid(), qPrintable(key));
            if (!view.change(key).isEmpty())
                QCOMPARE(view.change(key), QStringLiteral("—"));
            continue;
        }
        QVERIFY2(qFuzzyCompare(1 + change.toDouble(), 1 + (a.toDouble() - b.toDouble())), qPrintable(key));
        ++compared;
    }
    QVERIFY(compared >= 15);
    // Worded: a count as a count, a rate in percentage points, the tooltip with the previous range.
    const int sessions = figure(now, QStringLiteral("totalSessions")).toInt() - 2;
    QCOMPARE(view.change(QStringLiteral("totalSessions")), QStringLiteral("+%1").arg(sessions));
    const double rate = figure(now, QStringLiteral("resolutionRate")).toDouble()
        - figure(before, QStringLiteral("resolutionRate")).toDouble();
    QVERIFY(rate < 0); // one of five resolved now, one of two before
    QCOMPARE(view.change(QStringLiteral("resolutionRate")),
        QStringLiteral("\u2212%1 pts").arg(QString::number(-rate, 'f', 1)));
    QCOMPARE(view.change(QStringLiteral("desk.slaAttainment")), QStringLiteral("—"));
    auto *resolved = view.findChild<QLabel *>(QStringLiteral("change_resolutionRate"));
    QVERIFY(resolved);
    QVERIFY2(resolved->styleSheet().contains(QLatin1String("#b91c1c")), qPrintable(resolved->styleSheet())); // worse
    QVERIFY(resolved->toolTip().contains(
        QStringLiteral("%1 %").arg(figure(before, QStringLiteral("resolutionRate")).toDouble())));
    // More escalated now than before (none then): a higher escalation rate is worse too.
    QVERIFY(figure(now, QStringLiteral("escalations.escalationRate")).toDouble() > 0);
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("change_escalations.escalationRate"))
                ->styleSheet()
                .contains(QLatin1String("#b91c1c")));
    // A volume is neither: grey.
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("change_totalSessions"))
                ->styleSheet()
                .contains(QLatin1String("palette(mid)")));
    const QModelIndex change
        = view.model().index(view.model().rowsOf(QStringLiteral("overview")).first(), AnalyticsModel::Change);
    QVERIFY(!change.data(AnalyticsModel::TrendRole).isValid()); // more sessions: neither better nor worse
}

// The day of the earlier sessions against the empty day before it: the whole figure is the change,
// a rate with nothing to compare with is "—".
void TestAnalyticsView::changesAgainstAnEmptyRange()
{
    ApiClient client;
    AnalyticsView view(client);
    load(view, client, -8, -8);
    QCOMPARE(view.figure(QStringLiteral("totalSessions")), QStringLiteral("2"));
    QCOMPARE(view.change(QStringLiteral("totalSessions")), QStringLiteral("+2"));
    QCOMPARE(view.model().previousReport(), apiReport(QString(), -9, -9));
    QVERIFY(view.figure(QStringLiteral("resolution.aiResolutionRate")).endsWith(QLatin1String(" %")));
    QCOMPARE(view.change(QStringLiteral("resolution.aiResolutionRate")), QStringLiteral("—"));
    QCOMPARE(view.change(QStringLiteral("sentiment.irateIncidents")), QStringLiteral("±0"));
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("change_sentiment.irateIncidents"))
                ->styleSheet()
                .contains(QLatin1String("palette(mid)")));
}

// The reasons for contact as bars, most frequent first (at the top), as the API ranks them.
void TestAnalyticsView::reasonsForContactChart()
{
    ApiClient client;
    AnalyticsView view(client);
    load(view, client);
    const QJsonArray reasons = apiReport(QStringLiteral("day")).value(QLatin1String("contactReasons")).toArray();
    QVERIFY(!reasons.isEmpty());
    auto *chart = view.findChild<QChartView *>(QStringLiteral("analyticsChart6"));
    QVERIFY(chart && chart->chart());
    QCOMPARE(chart->chart()->title(), QStringLiteral("Reasons for contact"));
    auto *series = qobject_cast<QAbstractBarSeries *>(chart->chart()->series().value(0));
    QVERIFY(series && series->count() == 1);
    auto *axis = qobject_cast<QBarCategoryAxis *>(chart->chart()->axes(Qt::Vertical).value(0));
    QVERIFY(axis);
    QStringList names;
    for (int i = 0; i < std::min<int>(10, int(reasons.size())); ++i) {
        // Bars go up from the first category: the API's first reason is the last, at the top.
        names.prepend(reasons.at(i).toObject().value(QLatin1String("reason")).toString());
        QCOMPARE(series->barSets().first()->at(series->barSets().first()->count() - 1 - i),
            reasons.at(i).toObject().value(QLatin1String("sessions")).toDouble());
    }
    QCOMPARE(axis->categories(), names);
    QCOMPARE(series->barSets().first()->count(), names.size());
    // The AI's share of resolutions over time: a point a day.
    auto *share = view.findChild<QChartView *>(QStringLiteral("analyticsChart7"));
    QVERIFY(share && share->chart());
    auto *line = qobject_cast<QXYSeries *>(share->chart()->series().value(0));
    QVERIFY(line);
    QCOMPARE(line->count(), view.model().rowsOf(QStringLiteral("timeline")).size());
}

// A reason's bar clicked lists exactly the sessions the API has for that reason in the range; a
// session double-clicked there is to be opened read-only; the table's reason row does the same.
void TestAnalyticsView::aReasonListsItsSessions()
{
    ApiClient client;
    AnalyticsView view(client);
    load(view, client);
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QJsonObject first
        = apiReport(QStringLiteral("day")).value(QLatin1String("contactReasons")).toArray().first().toObject();
    const QString reason = first.value(QLatin1String("reason")).toString();
    auto http = m_server.client(api::Role::Supervisor);
    const HttpResult listed = http->get(withQuery(QStringLiteral("/api/cs/sessions"),
        {{QStringLiteral("companyId"), m_server.companyId()}, {QStringLiteral("reason"), reason},
            {QStringLiteral("startDate"), m_today.addDays(-6).toString(Qt::ISODate)},
            {QStringLiteral("endDate"), m_today.toString(Qt::ISODate)},
            {QStringLiteral("limit"), QStringLiteral("200")}}));
    QVERIFY2(listed.status == 200, describe(listed));
    const QJsonArray expected = listed.json().value(QLatin1String("sessions")).toArray();
    // The API lists as many as the analytics counted for the reason, none of the earlier range's.
    QCOMPARE(expected.size(), first.value(QLatin1String("sessions")).toInt());
    for (const QJsonValue &s : expected)
        QVERIFY(QDateTime::fromString(s.toObject().value(QLatin1String("createdAt")).toString(), Qt::ISODate).date()
            >= m_today.addDays(-6));

    // Click the first (top) bar.
    auto *chart = view.findChild<QChartView *>(QStringLiteral("analyticsChart6"));
    auto *series = qobject_cast<QAbstractBarSeries *>(chart->chart()->series().value(0));
    const int top = series->barSets().first()->count() - 1;
    const double sessions = series->barSets().first()->at(top);
    const QPointF inChart = chart->chart()->mapToPosition(QPointF(sessions / 2, top), series);
    const QPoint at = chart->mapFromScene(chart->chart()->mapToScene(inChart));
    QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, at);
    ReasonSessionsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = view.findChild<ReasonSessionsDialog *>()) != nullptr);
    QCOMPARE(dialog->reason(), reason);
    QSignalSpy loaded(dialog, &ReasonSessionsDialog::loaded);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(dialog->model().rowCount(), expected.size());
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(dialog->model().keyOf(i), expected.at(i).toObject().value(QLatin1String("id")).toString());
    auto *count = dialog->findChild<QLabel *>(QStringLiteral("reasonSessionsCount"));
    QVERIFY2(count->text().startsWith(QStringLiteral("%1 of %2 session")
                                          .arg(expected.size())
                                          .arg(listed.json().value(QLatin1String("total")).toInt())),
        qPrintable(count->text()));
    QCOMPARE(dialog->model().index(0, ReasonSessionsModel::Customer).data().toString(), QStringLiteral("cust_ben"));

    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QSignalSpy open(&view, &AnalyticsView::openSession);
    auto *table = dialog->findChild<QTableView *>(QStringLiteral("reasonSessionsTable"));
    const QRect cell = table->visualRect(dialog->model().index(0, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_COMPARE(open.count(), 1);
    QCOMPARE(open.first().at(0).toString(), expected.first().toObject().value(QLatin1String("id")).toString());
    QCOMPARE(open.first().at(1).toBool(), true);
    QTRY_VERIFY(view.findChild<ReasonSessionsDialog *>() == nullptr); // closed and gone

    // The table's "Reason for contact" row, double-clicked: the same list.
    auto *analytics = view.findChild<QTableView *>(QStringLiteral("analyticsTable"));
    const int row = view.model().rowsOf(QStringLiteral("contact")).first();
    analytics->scrollTo(view.model().index(row, AnalyticsModel::Name));
    const QRect reasonCell = analytics->visualRect(view.model().index(row, AnalyticsModel::Name));
    QTest::mouseClick(analytics->viewport(), Qt::LeftButton, {}, reasonCell.center());
    QTest::mouseDClick(analytics->viewport(), Qt::LeftButton, {}, reasonCell.center());
    QTRY_VERIFY((dialog = view.findChild<ReasonSessionsDialog *>()) != nullptr);
    QCOMPARE(dialog->reason(), reason);
    dialog->close();
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
    QCOMPARE(lines.first(),
        QByteArray("section,name,value,sessions,resolved,resolution_rate,avg_resolution_seconds,escalated,"
                   "satisfaction,ratings,previous,change,currency\r"));
    const QJsonObject api = apiReport(QStringLiteral("day"));
    const int total = api.value(QLatin1String("overview")).toObject().value(QLatin1String("totalSessions")).toInt();
    // The previous range's value and the change, raw.
    QVERIFY(lines.contains(QByteArray("overview,totalSessions,") + QByteArray::number(total) + ",,,,,,,,2,"
        + QByteArray::number(total - 2) + ",\r"));
    // The cost rows carry the currency, the value a plain number.
    const QJsonObject cost = api.value(QLatin1String("cost")).toObject();
    QVERIFY(!cost.value(QLatin1String("currency")).toString().isEmpty());
    const QByteArray costTotal
        = QByteArray("overview,cost.total,") + QByteArray::number(cost.value(QLatin1String("total")).toDouble()) + ",";
    const auto costLine
        = std::find_if(lines.begin(), lines.end(), [&](const QByteArray &l) { return l.startsWith(costTotal); });
    QVERIFY2(costLine != lines.end(), costTotal.constData());
    QVERIFY(costLine->endsWith(QByteArray("," + cost.value(QLatin1String("currency")).toString().toUtf8() + "\r")));
    // The reasons for contact and each channel's satisfaction with its ratings.
    const QJsonObject reason = api.value(QLatin1String("contactReasons")).toArray().first().toObject();
    QVERIFY(std::any_of(lines.begin(), lines.end(), [&](const QByteArray &l) {
        return l.startsWith(QByteArray("contact," + reason.value(QLatin1String("reason")).toString().toUtf8() + ",,"
            + QByteArray::number(reason.value(QLatin1String("sessions")).toInt()) + ","));
    }));
    for (const QJsonValue &v : api.value(QLatin1String("byChannel")).toArray()) {
        const QJsonObject channel = v.toObject();
        const QByteArray tail = ","
            + QByteArray::number(channel.value(QLatin1String("customerSatisfactionAvg")).toDouble()) + ","
            + QByteArray::number(channel.value(QLatin1String("ratings")).toInt()) + ",,,\r";
        QVERIFY(std::any_of(lines.begin(), lines.end(), [&](const QByteArray &l) {
            return l.startsWith(
                       QByteArray("channel," + channel.value(QLatin1String("channel")).toString().toUtf8() + ","))
                && l.endsWith(tail);
        }));
    }

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
    QVERIFY2(bytes.size() > 20000, QByteArray::number(bytes.size()).constData()); // eight chart images

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
    QVERIFY(view.model().toCsv().contains("agent,Ann Archer,,,,,,,4.7,3,,,\r\n"));
}

QTEST_MAIN(TestAnalyticsView)
#include "tst_analyticsview.moc"
