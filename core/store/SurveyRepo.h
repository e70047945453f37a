#pragma once

#include "core/common/Result.h"
#include "core/domain/Survey.h"
#include "core/store/Database.h"

#include <optional>

namespace tierdesk {

// The surveys table: one rating asked per resolved session, answered at most once.
class SurveyRepo {
public:
    explicit SurveyRepo(Database &db) : m_db(db) { }
    Status insert(const Survey &survey);
    std::optional<Survey> find(const QString &id);
    bool existsFor(const QString &sessionId);
    // The newest survey sent to `peer` by `kind` since `sinceMs`, not answered and not expired at `nowMs`.
    std::optional<Survey> openFor(
        const QString &companyId, const QString &kind, const QString &peer, qint64 sinceMs, qint64 nowMs);
    // Marks it answered: false when it was answered already (the first answer wins).
    Result<bool> answer(const QString &id, int rating, qint64 at);

private:
    // The first row of `q` run with `binds`, if any.
    std::optional<Survey> first(QSqlQuery &q, std::initializer_list<QVariant> binds);

    Database &m_db;
};

} // namespace tierdesk
