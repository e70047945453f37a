#pragma once

#include "core/common/Result.h"
#include "core/store/Database.h"

#include <optional>

namespace tierdesk {

// The settings table: values the installation keeps in its database, beside the data it
// describes (what every instance of a team must agree on, such as the keys' fingerprint).
class SettingsRepo {
public:
    explicit SettingsRepo(Database &db) : m_db(db) { }
    std::optional<QString> value(const QString &key);
    // Stores `value` unless the key has one already; returns the value kept (the first one
    // written wins, also when two instances write at once).
    Result<QString> keepFirst(const QString &key, const QString &value);

private:
    Database &m_db;
};

} // namespace tierdesk
