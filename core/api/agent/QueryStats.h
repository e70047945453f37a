#pragma once

#include <QHash>
#include <QMap>
#include <QString>

namespace tierdesk::api {

// What POST /api/query answered, per company and UTC hour, for /api/metrics: how
// many queries, from the cache or not, their response times and the models that
// answered. In memory since the server started, for at most kKeepHours.
class QueryStats {
public:
    static constexpr int kKeepHours = 31 * 24 + 1;

    struct Totals {
        qint64 queries = 0;
        qint64 cacheHits = 0;
        qint64 responseTimeMsTotal = 0;
        QHash<QString, qint64> byModel;
        double costUsd = 0;
        QHash<QString, double> costByModel; // USD, at the provider's prices
    };

    struct Query {
        QString model; // that answered
        qint64 responseTimeMs = 0;
        bool cached = false; // a cached answer calls no model and costs nothing
        double costUsd = 0;
    };

    void record(const QString &company, qint64 atMs, const Query &query);
    // The hours that overlap [startMs, endMs].
    Totals totals(const QString &company, qint64 startMs, qint64 endMs) const;

private:
    static constexpr qint64 kHourMs = 3600 * 1000;
    QHash<QString, QMap<qint64, Totals>> m_hours; // company -> hour start (ms) -> totals
};

} // namespace tierdesk::api
