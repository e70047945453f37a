#pragma once

#include "core/common/Result.h"
#include "core/store/Database.h"

#include <QStringList>

namespace tierdesk {

// `tierdesk db check` and `db backup`: read-only work on a database file that
// need not be idle. They take no data-directory lock: under WAL a reader sees
// one consistent snapshot while a running Tierdesk goes on writing.
class DbMaintenance {
public:
    // Problems PRAGMA integrity_check reports at most.
    static constexpr int kMaxProblems = 100;

    // Runs the full integrity check (no time bound). The problems found, or
    // none when the database is sound; an error when it cannot be checked at all.
    static Result<QStringList> check(const QString &dbPath);

    // Copies a consistent snapshot of `dbPath` into the new file `destPath`
    // (mode 0600, one self-contained file) with SQLite's online backup, then
    // checks the copy. Refuses an existing `destPath`.
    static Status backup(const QString &dbPath, const QString &destPath);

    // Whether company `id` exists, read on a read-only connection of its own (a command
    // that must not take the data directory's lock while a server runs on it).
    static Result<bool> companyExists(const QString &dbPath, const QString &id);

    // The same on either backend (PostgreSQL: PostgresMaintenance).
    static Result<QStringList> check(const DatabaseTarget &target);
    static Status backup(const DatabaseTarget &target, const QString &destPath);
    static Result<bool> companyExists(const DatabaseTarget &target, const QString &id);
};

} // namespace tierdesk
