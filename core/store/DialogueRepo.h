#pragma once

#include "core/store/Database.h"

#include <QCache>
#include <QJsonObject>

#include <optional>

namespace tierdesk {

// The dialogue_states table (migration 6): one JSON document per session, owned
// by core/engine/dialogue, which gives it its meaning. States are cached (every
// message reads its session's): this repository is the table's only writer.
class DialogueRepo {
public:
    explicit DialogueRepo(Database &db) : m_db(db), m_cached(kCachedStates) { }
    std::optional<QJsonObject> load(const QString &sessionId);
    bool save(const QString &sessionId, const QJsonObject &state, qint64 nowMs);
    // After writes were undone (WriteBatch::writesUndone): states are read anew.
    void dropCached() { m_cached.clear(); }

private:
    static constexpr int kCachedStates = 20000;

    Database &m_db;
    // nullopt: the session has no state stored.
    QCache<QString, std::optional<QJsonObject>> m_cached;
};

} // namespace tierdesk
