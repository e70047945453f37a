#pragma once

#include "core/common/Result.h"
#include "core/store/Database.h"

#include <QByteArray>
#include <QCache>

#include <optional>

namespace tierdesk {

// The dialogue_states table (migration 6): one document per session, owned by
// core/engine/dialogue, which gives it its form and meaning; here it is opaque
// bytes. States are cached (every message reads its session's): this repository
// is the table's only writer.
class DialogueRepo {
public:
    explicit DialogueRepo(Database &db) : m_db(db), m_cached(kCachedStates) { }
    std::optional<QByteArray> load(const QString &sessionId);
    Status save(const QString &sessionId, const QByteArray &state, qint64 nowMs);
    // After writes were undone (WriteBatch::writesUndone): states are read anew.
    void dropCached() { m_cached.clear(); }

private:
    static constexpr int kCachedStates = 20000;

    Database &m_db;
    // nullopt: the session has no state stored.
    QCache<QString, std::optional<QByteArray>> m_cached;
};

} // namespace tierdesk
