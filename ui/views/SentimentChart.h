#pragma once

#include <QChartView>
#include <QJsonArray>

class QLineSeries;
class QValueAxis;

namespace tierdesk::ui {

// The customer's sentiment over the conversation: one point per analysed
// message, over the seed's six levels drawn as bands (happy at the bottom,
// irate at the top).
class SentimentChart : public QChartView {
    Q_OBJECT

public:
    explicit SentimentChart(QWidget *parent = nullptr);

    // GET session's sentimentHistory ([{sentiment, score, timestamp}]).
    void setHistory(const QJsonArray &history);
    void addPoint(const QString &sentiment);
    int pointCount() const;

private:
    void rescale();

    QLineSeries *m_line;
    QValueAxis *m_x;
};

} // namespace tierdesk::ui
