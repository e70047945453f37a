#pragma once

#include <QList>
#include <QStringList>

namespace tierdesk::schema {

// Numbered migrations, applied in order, each in one transaction. Never edit a
// released migration: add a new one.
struct Migration {
    int version;
    QStringList statements;
};

// SQLite's migrations (Schema.cpp).
const QList<Migration> &migrations();
// SQLite's from 29 on (SchemaRecent.cpp), the tail of migrations().
QList<Migration> recentMigrations();
// PostgreSQL's (SchemaPostgres.cpp): 18 creates what SQLite's 1 to 18 made, in PostgreSQL's
// types; later ones are numbered on from there (19: team mode's tables, PostgreSQL only).
const QList<Migration> &postgresMigrations();

} // namespace tierdesk::schema
