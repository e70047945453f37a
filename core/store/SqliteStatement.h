#pragma once

#include <QString>
#include <QVariant>

#include <initializer_list>

struct sqlite3;
struct sqlite3_stmt;

namespace tierdesk {

// One prepared SQLite statement on the driver's own connection, for the writes on
// the message path: QtSql formats a placeholder name for every bound value
// (QSqlResult::bindValue), which costs more than the insert itself there. Rows
// are not read through it; queries go through QSqlQuery.
class SqliteStatement {
public:
    SqliteStatement(sqlite3 *db, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Binds the values in order and runs the statement to its end. Returns SQLite's
    // primary result code: SQLITE_DONE (or SQLITE_ROW) when it ran, else the error's.
    // A null QString binds as '' (columns take '' for "no text"); an invalid QVariant as NULL.
    int run(std::initializer_list<QVariant> values);
    // SQLite's words for the last error of this statement's connection.
    QString errorText() const;
    // The code of a failed prepare (SQLITE_OK when it was prepared).
    int prepareCode() const { return m_prepareCode; }

private:
    int bind(int index, const QVariant &value);
    int bindText(int index, const QString &text);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    int m_prepareCode = 0;
};

} // namespace tierdesk
