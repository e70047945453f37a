#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class QLabel;

namespace tierdesk::ui {

class SentimentChart;

// Beside the transcript: who the customer is (tier, lifetime value, VIP, their
// orders when the server sends them), the sentiment chart and how the session
// got here (escalation history).
class ContextPanel : public QWidget {
    Q_OBJECT

public:
    explicit ContextPanel(QWidget *parent = nullptr);

    // GET session's body.
    void setSession(const QJsonObject &session);
    void addSentiment(const QString &sentiment);
    SentimentChart *chart() const { return m_chart; }
    QString customerText() const;
    QString escalationText() const;

    static QString customerHtml(const QJsonObject &context);
    // context.orders, or "Could not load orders: ..." when context.ordersError says why not.
    static QString ordersHtml(const QJsonObject &context);
    static QString escalationsHtml(const QJsonArray &history);

private:
    QLabel *m_customer;
    QLabel *m_escalations;
    SentimentChart *m_chart;
};

} // namespace tierdesk::ui
