#pragma once

#include "core/common/Result.h"
#include "core/common/SecretSealer.h"
#include "core/domain/KbSource.h"
#include "core/store/Database.h"

#include <QList>

#include <optional>

namespace tierdesk {

// A company's help-center sources (kb_sources, migration 28). The credentials' secret is sealed
// on its way in and opened on its way out (a secret that no longer opens reads as none).
class KbSourceRepo {
public:
    explicit KbSourceRepo(Database &db) : m_db(db) { }

    Result<qint64> insert(const KbSource &source, const SecretSealer &sealer, qint64 nowMs);
    std::optional<KbSource> find(const QString &companyId, qint64 id, const SecretSealer &sealer);
    QList<KbSource> list(const QString &companyId);
    int count(const QString &companyId);
    // Every company's sources to sync now: queued ones, and those whose next sync is due.
    QList<KbSource> due(qint64 nowMs, const SecretSealer &sealer);
    // The sync's status and figures (and, when it ended, when it did and when the next one is due).
    Status saveState(const KbSource &source, qint64 nowMs);
    Status remove(const QString &companyId, qint64 id);
    // At start: a sync cut off (the process ended while it ran) is queued again.
    Status requeueRunning(qint64 nowMs);

private:
    Database &m_db;
};

} // namespace tierdesk
