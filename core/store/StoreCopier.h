#pragma once

#include "core/common/Result.h"
#include "core/store/Database.h"

#include <QList>

#include <functional>

namespace tierdesk {

// `tierdesk db copy`: a data directory's SQLite store into an empty PostgreSQL database.
// The source is read on a read-only connection in one read transaction (one consistent
// snapshot, beside a running server); the target is migrated, then every table of its
// schema is filled in one transaction and checked before it commits: the row count of every
// table on both sides, and a SHA-256 over the messages. Any difference rolls it all back.
class StoreCopier {
public:
    struct Table {
        QString name;
        qint64 rows = 0;
    };
    struct Report {
        QList<Table> tables; // in the order they were copied
        qint64 rows = 0;
        qint64 messages = 0;
        QString messagesSha256; // hex, the same on both sides
        qint64 elapsedMs = 0;
    };
    // A column as written: its PostgreSQL type's kind.
    struct Column {
        enum Kind { Integer, Real, Text, Bytes };
        QString name;
        Kind kind = Text;
    };
    // A line of progress (a table begun, done), for stderr.
    using Progress = std::function<void(const QString &line)>;

    StoreCopier(QString sqlitePath, DatabaseTarget to, Progress progress = {});
    ~StoreCopier();
    StoreCopier(const StoreCopier &) = delete;
    StoreCopier &operator=(const StoreCopier &) = delete;

    Result<Report> run();

    // Rows in one INSERT statement, and the most text one takes before it is sent.
    static constexpr int kRowsPerInsert = 500;
    static constexpr qsizetype kCharsPerInsert = 4 * 1024 * 1024;

private:
    struct TableLayout;

    Status openSource();
    Status openTarget();
    Result<QList<TableLayout>> readLayout();
    Status fill(const QList<TableLayout> &tables, Report &report);
    Status ensureEmpty(const QList<TableLayout> &tables);
    Status setTriggers(const QList<TableLayout> &tables, bool enabled);
    Result<qint64> copyTable(const TableLayout &table);
    Status restartIdentity(const TableLayout &table);
    Status verify(Report &report);
    static Result<QString> messagesDigest(Database &db, qint64 *rows);
    Status pgExec(const QString &sql);
    void say(const QString &line) const;

    QString m_sqlitePath;
    DatabaseTarget m_to;
    Progress m_progress;
    std::unique_ptr<Database> m_source;
    std::unique_ptr<Database> m_target;
};

} // namespace tierdesk
