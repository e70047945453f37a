#pragma once

#include "core/store/Database.h"

#include <QJsonObject>

namespace tierdesk {

enum class GroupBy { None, Day, Week, Month };

// The aggregates of seed 001 "Get Analytics", computed in SQL over the sessions
// created in [startMs, endMs].
class AnalyticsRepo
{
public:
    explicit AnalyticsRepo(Database &db) : m_db(db) {}
    QJsonObject compute(const QString &companyId, qint64 startMs, qint64 endMs, GroupBy groupBy);

private:
    QJsonObject overview(const QVariantList &range);
    QJsonArray byTier(const QVariantList &range);
    QJsonArray byChannel(const QVariantList &range);
    QJsonObject escalations(const QVariantList &range, int totalSessions);
    QJsonObject sentiment(const QVariantList &range);
    QJsonArray timeline(const QVariantList &range, GroupBy groupBy);
    QSqlQuery run(const QString &sql, const QVariantList &binds);

    Database &m_db;
};

} // namespace tierdesk
