#pragma once

#include "ui/models/JsonRowsModel.h"

#include <QDateTime>

#include <functional>

namespace tierdesk::ui {

// The supervisor's per-queue figures from GET /api/cs/desk/overview ("queues"): what
// waits and for how long, what is held, at risk or breached, and today's SLA attainment.
// The longest wait goes on counting between refreshes (see touchColumn).
class QueueStatsModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Queue, Waiting, LongestWait, Claimed, AtRisk, Breached, SlaToday, ColumnCount };
    // The raw number of a cell (the percentage for SlaToday; -1 while nothing settled today).
    enum OwnRole { ValueRole = FirstOwnRole };

    explicit QueueStatsModel(QObject *parent = nullptr);
    // Milliseconds since the epoch on the server's clock.
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Where today's SLA figure starts counting ("since" of the overview; midnight UTC).
    void setSince(const QDateTime &since) { m_since = since; }
    // What "SLA today" measures, for the column's header and the live desk's summary.
    QString slaTodayExplained() const;
    // One queue's (or the desk's) figure: "94.4 % (17 of 18)", or "none settled yet".
    static QString slaTodayText(int met, int missed);

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;

private:
    QVariant value(const QJsonObject &q, int column) const;
    qint64 longestWaitSecs(const QJsonObject &q) const;

    std::function<qint64()> m_now;
    QDateTime m_since;
};

} // namespace tierdesk::ui
