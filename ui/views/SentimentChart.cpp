#include "ui/views/SentimentChart.h"

#include "ui/models/Display.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QJsonObject>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

namespace tierdesk::ui {
namespace {
constexpr int kLevels = 6;
} // namespace

SentimentChart::SentimentChart(QWidget *parent) : QChartView(parent)
{
    setObjectName(QStringLiteral("sentimentChart"));
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->setBackgroundBrush(palette().base());

    m_x = new QValueAxis(chart);
    m_x->setLabelFormat(QStringLiteral("%d"));
    m_x->setGridLineVisible(false);
    auto *y = new QCategoryAxis(chart);
    y->setRange(-0.5, kLevels - 0.5);
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    y->setGridLineVisible(false);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);

    // One pale band per level, so the line reads at a glance.
    for (int level = 0; level < kLevels; ++level) {
        y->append(display::sentimentName(level), level);
        auto *lower = new QLineSeries(chart);
        auto *upper = new QLineSeries(chart);
        lower->append({QPointF(0, level - 0.5), QPointF(1e6, level - 0.5)});
        upper->append({QPointF(0, level + 0.5), QPointF(1e6, level + 0.5)});
        auto *band = new QAreaSeries(upper, lower);
        QColor c = display::sentimentColor(level);
        c.setAlpha(40);
        band->setBrush(c);
        band->setPen(Qt::NoPen);
        chart->addSeries(band);
        band->attachAxis(m_x);
        band->attachAxis(y);
    }
    m_line = new QLineSeries(chart);
    m_line->setPen(QPen(QColor(0x33, 0x41, 0x55), 2));
    m_line->setPointsVisible(true);
    chart->addSeries(m_line);
    m_line->attachAxis(m_x);
    m_line->attachAxis(y);
    // setChart() releases the view's default chart without deleting it.
    QChart *defaultChart = this->chart();
    setChart(chart);
    delete defaultChart;
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(200, 170);
    rescale();
}

void SentimentChart::setHistory(const QJsonArray &history)
{
    m_line->clear();
    for (const QJsonValue &v : history) {
        const int level = display::sentimentLevel(v.toObject().value(QLatin1String("sentiment")).toString());
        if (level >= 0)
            m_line->append(m_line->count() + 1, level);
    }
    rescale();
}

void SentimentChart::addPoint(const QString &sentiment)
{
    const int level = display::sentimentLevel(sentiment);
    if (level < 0)
        return;
    m_line->append(m_line->count() + 1, level);
    rescale();
}

int SentimentChart::pointCount() const
{
    return m_line->count();
}

void SentimentChart::rescale()
{
    const int n = qMax(2, m_line->count());
    m_x->setRange(0.75, n + 0.25); // the first and last points whole
    m_x->setTickCount(qMin(n, 8));
}

} // namespace tierdesk::ui
