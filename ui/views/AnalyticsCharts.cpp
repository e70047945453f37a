#include "ui/views/AnalyticsCharts.h"

#include "ui/models/Display.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCoreApplication>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QJsonArray>
#include <QLineSeries>
#include <QPieSeries>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace tierdesk::ui::charts {
namespace {

QFont smaller(QFont font)
{
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setFont(smaller(chart->legend()->font())); // eight charts share the page's width
    return chart;
}

// Categories down the side (horizontal bars) or along the bottom, values on the other axis.
void attachAxes(QChart *chart, QAbstractBarSeries *series, const QStringList &categories, double max, bool horizontal)
{
    chart->addSeries(series);
    auto *names = new QBarCategoryAxis(chart);
    names->append(categories);
    if (horizontal) // names down the side leave the bars room in a quarter of the page's width
        names->setLabelsFont(smaller(names->labelsFont()));
    auto *values = new QValueAxis(chart);
    values->setLabelFormat(QStringLiteral("%d"));
    const double top = std::ceil(std::max(1.0, max));
    values->setRange(0, top);
    if (top <= 10) // a tick per whole count, not "0 0 1 1"
        values->setTickCount(int(top) + 1);
    else
        values->applyNiceNumbers();
    chart->addAxis(names, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(names);
    series->attachAxis(values);
}

// Lines over the timeline's periods, with at most about four period names along the bottom.
void attachLines(QChart *chart, const QJsonArray &timeline, QValueAxis *values, const QList<QLineSeries *> &lines)
{
    auto *periods = new QCategoryAxis(chart);
    periods->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int step = std::max<int>(1, int((timeline.size() + 3) / 4));
    for (int i = 0; i < timeline.size(); i += step) {
        const QString period = timeline.at(i).toObject().value(QLatin1String("period")).toString();
        periods->append(period.size() == 10 ? period.mid(5) : period, i); // a day as "11-24": the range gives the year
    }
    periods->setRange(0, std::max<double>(1, double(timeline.size() - 1)));
    periods->setLabelsFont(smaller(periods->labelsFont()));
    chart->addAxis(periods, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    for (QLineSeries *line : lines) {
        line->setPointsVisible(timeline.size() < 40);
        chart->addSeries(line);
        line->attachAxis(periods);
        line->attachAxis(values);
    }
}

} // namespace

QChart *sessionsOverTime(const QJsonObject &report)
{
    QChart *chart = newChart(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Sessions over time"));
    auto *sessions = new QLineSeries(chart);
    auto *resolved = new QLineSeries(chart);
    auto *escalated = new QLineSeries(chart);
    sessions->setName(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Sessions"));
    resolved->setName(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Resolved"));
    escalated->setName(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Escalated"));
    const QJsonArray timeline = report.value(QLatin1String("timeline")).toArray();
    double max = 0;
    for (int i = 0; i < timeline.size(); ++i) {
        const QJsonObject p = timeline.at(i).toObject();
        sessions->append(i, p.value(QLatin1String("sessions")).toDouble());
        resolved->append(i, p.value(QLatin1String("resolved")).toDouble());
        escalated->append(i, p.value(QLatin1String("escalated")).toDouble());
        max = std::max(max, p.value(QLatin1String("sessions")).toDouble());
    }
    auto *values = new QValueAxis(chart);
    values->setRange(0, std::max(1.0, max * 1.05));
    values->setLabelFormat(QStringLiteral("%d"));
    values->applyNiceNumbers();
    attachLines(chart, timeline, values, {sessions, resolved, escalated});
    return chart;
}

QChart *satisfactionOverTime(const QJsonObject &report)
{
    QChart *chart
        = newChart(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Satisfaction over time (1-5)"));
    auto *satisfaction = new QLineSeries(chart);
    satisfaction->setName(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Satisfaction"));
    satisfaction->setColor(display::sentimentColor(1));
    const QJsonArray timeline = report.value(QLatin1String("timeline")).toArray();
    for (int i = 0; i < timeline.size(); ++i)
        satisfaction->append(i, timeline.at(i).toObject().value(QLatin1String("customerSatisfactionAvg")).toDouble());
    auto *values = new QValueAxis(chart);
    values->setRange(1, 5);
    values->setTickCount(5);
    values->setLabelFormat(QStringLiteral("%d"));
    chart->legend()->hide();
    attachLines(chart, timeline, values, {satisfaction});
    return chart;
}

QChart *deskSla(const QJsonObject &report)
{
    const QJsonObject desk = report.value(QLatin1String("desk")).toObject();
    const double met = desk.value(QLatin1String("slaMet")).toDouble();
    const double missed = desk.value(QLatin1String("slaMissed")).toDouble();
    QChart *chart = newChart(met + missed > 0 ? QCoreApplication::translate("tierdesk::ui::AnalyticsCharts",
                                 "People's desk: SLA (%n handled)", nullptr, int(met + missed))
                                              : QCoreApplication::translate("tierdesk::ui::AnalyticsCharts",
                                                  "People's desk: nothing handled in this range"));
    auto *series = new QPieSeries(chart);
    series->append(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Met (%1)").arg(met), met)
        ->setColor(display::sentimentColor(1));
    series->append(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Missed (%1)").arg(missed), missed)
        ->setColor(display::sentimentColor(5));
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

QChart *resolutionRates(const QJsonObject &report)
{
    QChart *chart = newChart(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Resolution rate (%)"));
    auto *series = new QHorizontalBarSeries(chart);
    auto *rates = new QBarSet(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Resolved %"));
    QStringList names;
    for (const QJsonValue &v : report.value(QLatin1String("byTier")).toArray()) {
        names.append(display::tierLabel(v.toObject().value(QLatin1String("tier")).toString()));
        *rates << v.toObject().value(QLatin1String("resolutionRate")).toDouble();
    }
    for (const QJsonValue &v : report.value(QLatin1String("byChannel")).toArray()) {
        const QJsonObject c = v.toObject();
        const double sessions = c.value(QLatin1String("sessions")).toDouble();
        names.append(display::titleCase(c.value(QLatin1String("channel")).toString()));
        *rates << (sessions > 0 ? c.value(QLatin1String("resolved")).toDouble() * 100.0 / sessions : 0.0);
    }
    series->append(rates);
    chart->legend()->hide();
    attachAxes(chart, series, names, 100, true);
    return chart;
}

QChart *escalationReasons(const QJsonObject &report)
{
    QChart *chart = newChart(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Escalations by reason"));
    auto *series = new QHorizontalBarSeries(chart);
    auto *counts = new QBarSet(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Escalations"));
    QStringList names;
    double max = 0;
    const QJsonObject reasons
        = report.value(QLatin1String("escalations")).toObject().value(QLatin1String("byReason")).toObject();
    for (auto it = reasons.begin(); it != reasons.end(); ++it) {
        names.append(display::enumLabel(it.key()));
        *counts << it->toDouble();
        max = std::max(max, it->toDouble());
    }
    series->append(counts);
    chart->legend()->hide();
    attachAxes(chart, series, names, max * 1.05, true);
    return chart;
}

QChart *sentimentDistribution(const QJsonObject &report)
{
    QChart *chart = newChart(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Final sentiment"));
    auto *series = new QPieSeries(chart);
    const QJsonObject distribution
        = report.value(QLatin1String("sentiment")).toObject().value(QLatin1String("distribution")).toObject();
    for (int level = 0; level < 6; ++level) {
        const double count = distribution.value(display::sentimentCode(level)).toDouble();
        QPieSlice *slice
            = series->append(QStringLiteral("%1 (%2)").arg(display::sentimentName(level)).arg(count), count);
        slice->setColor(display::sentimentColor(level));
    }
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

QChart *contactReasons(const QJsonObject &report)
{
    QChart *chart = newChart(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Reasons for contact"));
    auto *series = new QHorizontalBarSeries(chart);
    auto *counts = new QBarSet(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Sessions"));
    QStringList names;
    QStringList tips;
    double max = 0;
    const QJsonArray reasons = report.value(QLatin1String("contactReasons")).toArray();
    for (const QJsonValue &v : reasons) {
        if (names.size() == kTopReasons)
            break;
        const QJsonObject r = v.toObject();
        const double sessions = r.value(QLatin1String("sessions")).toDouble();
        // Bars go up from the first category (bar series have no reversed axis): the most frequent last.
        names.prepend(r.value(QLatin1String("reason")).toString());
        counts->insert(0, sessions);
        max = std::max(max, sessions);
        const QJsonValue rate = r.value(QLatin1String("aiResolutionRate"));
        tips.prepend(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts",
            "%1: %n session(s), %2 resolved by the AI alone. Click to list them.", nullptr, int(sessions))
                         .arg(names.first(),
                             rate.isDouble() ? QStringLiteral("%1 %").arg(rate.toDouble()) : QStringLiteral("—")));
    }
    series->append(counts);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    chart->legend()->hide();
    attachAxes(chart, series, names, max, true);
    QObject::connect(series, &QAbstractBarSeries::hovered, chart, [tips](bool over, int index, QBarSet *) {
        if (over && index >= 0 && index < tips.size())
            QToolTip::showText(QCursor::pos(), tips.at(index));
        else
            QToolTip::hideText();
    });
    return chart;
}

QChart *aiResolutionShare(const QJsonObject &report)
{
    QChart *chart
        = newChart(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Resolved by the AI alone (%)"));
    auto *share = new QLineSeries(chart);
    share->setName(QCoreApplication::translate("tierdesk::ui::AnalyticsCharts", "Resolved by the AI alone"));
    const QJsonArray timeline = report.value(QLatin1String("timeline")).toArray();
    for (int i = 0; i < timeline.size(); ++i) {
        const QJsonObject p = timeline.at(i).toObject();
        const double sessions = p.value(QLatin1String("sessions")).toDouble();
        // A period without sessions has no share: the line goes on at 0 rather than leaving a gap.
        share->append(i, sessions > 0 ? p.value(QLatin1String("aiResolved")).toDouble() * 100.0 / sessions : 0.0);
    }
    auto *values = new QValueAxis(chart);
    values->setRange(0, 100);
    values->setTickCount(6);
    values->setLabelFormat(QStringLiteral("%d"));
    chart->legend()->hide();
    attachLines(chart, timeline, values, {share});
    return chart;
}

} // namespace tierdesk::ui::charts
