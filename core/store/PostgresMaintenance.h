#pragma once

#include "core/store/Database.h"

namespace tierdesk {

// `db check` and `db backup` on a PostgreSQL store (DbMaintenance does SQLite's).
class PostgresMaintenance {
public:
    // The schema's version against this program's, and every table read through (a
    // sequential scan of each reads every page of its rows). The problems found.
    static Result<QStringList> check(const DatabaseTarget &target);
    // pg_dump --format=custom into the new file `destPath` (0600), or how to run it by hand
    // when pg_dump is not installed.
    static Status backup(const DatabaseTarget &target, const QString &destPath);
};

} // namespace tierdesk
