#pragma once

#include "core/store/Database.h"

#include <QJsonObject>

#include <optional>

namespace tierdesk {

// The dialogue_states table (migration 6): one JSON document per session, owned
// by core/engine/dialogue, which gives it its meaning.
class DialogueRepo
{
public:
    explicit DialogueRepo(Database &db) : m_db(db) {}
    std::optional<QJsonObject> load(const QString &sessionId);
    bool save(const QString &sessionId, const QJsonObject &state, qint64 nowMs);

private:
    Database &m_db;
};

} // namespace tierdesk
