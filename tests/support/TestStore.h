#pragma once

#include "core/store/Store.h"

namespace tierdesk::test {

// The store a test runs on: the SQLite file at `sqlitePath`, or, when the test runs on
// PostgreSQL (PgServer::wanted()), a database of its own on the tests' server. Opening
// the same path again opens the same database, as reopening a file would.
Result<std::unique_ptr<Store>> openTestStore(const QString &sqlitePath, const DatabaseOptions &options = {});
// The backend's URL for `sqlitePath` (creating its database on first use); empty on SQLite.
QString testDatabaseUrl(const QString &sqlitePath);

} // namespace tierdesk::test
