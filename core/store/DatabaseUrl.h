#pragma once

#include "core/common/Result.h"

#include <QString>

namespace tierdesk {

// Where the store is: a SQLite file in the data directory (the default) or a PostgreSQL
// database named by a URL, postgresql://user[:password]@host[:port]/db[?sslmode=...].
// Only the libpq options listed in kOptions are taken from the query; a password left out
// of the URL is found by libpq itself (PGPASSFILE, ~/.pgpass) or given by the caller.
struct DatabaseUrl {
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString name;
    // libpq connection options from the query, "sslmode=require;connect_timeout=5" (QPSQL's form).
    QString options;

    static constexpr const char *kEnvironment = "TIERDESK_DATABASE_URL";
    static bool isPostgres(const QString &text);
    static Result<DatabaseUrl> parse(const QString &text);
    // The URL without its password, for logs, --help and errors.
    QString redacted() const;
};

} // namespace tierdesk
