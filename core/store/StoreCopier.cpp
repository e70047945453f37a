#include "core/store/StoreCopier.h"

#include "core/store/Schema.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMultiHash>
#include <QSet>
#include <QSqlDriver>
#include <QSqlField>
#include <QStringDecoder>

#include <optional>

#include <algorithm>

namespace tierdesk {

struct StoreCopier::TableLayout {
    QString name;
    QList<Column> columns; // the PostgreSQL table's, but generated ones
    QString identity; // its identity column, if it has one
    bool identityAlways = false; // GENERATED ALWAYS: written only with OVERRIDING SYSTEM VALUE
};

namespace {

constexpr int kProgressRows = 100000;
constexpr int kFetchRows = 10000;

Error copyFailure(const QString &message)
{
    return makeError(ErrorKind::Internal, message);
}

QString sqlError(const QSqlQuery &q)
{
    return Database::errorText(q.lastError()).trimmed();
}

// Names come from PostgreSQL's catalogue; quoted all the same.
QString quotedName(QString name)
{
    return QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

// SQLite reads a rowid table's rowid under that name only when it is not quoted.
QString sqliteColumn(const QString &name)
{
    return name == QLatin1String("rowid") ? name : quotedName(name);
}

int newestVersion(const QList<schema::Migration> &all)
{
    int latest = 0;
    for (const schema::Migration &m : all)
        latest = std::max(latest, m.version);
    return latest;
}

QString secondsText(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1) + QStringLiteral(" s");
}

std::optional<StoreCopier::Column::Kind> kindOf(const QString &pgType)
{
    using Column = StoreCopier::Column;
    if (pgType == QLatin1String("bigint") || pgType == QLatin1String("integer") || pgType == QLatin1String("smallint"))
        return Column::Integer;
    if (pgType == QLatin1String("double precision") || pgType == QLatin1String("real"))
        return Column::Real;
    if (pgType == QLatin1String("text") || pgType == QLatin1String("character varying"))
        return Column::Text;
    if (pgType == QLatin1String("bytea"))
        return Column::Bytes;
    return std::nullopt;
}

// What a SQLite value is, for a refusal.
QString described(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::LongLong:
        return QStringLiteral("the integer ") + v.toString();
    case QMetaType::Double:
        return QStringLiteral("the real number ") + v.toString();
    case QMetaType::QByteArray:
        return QStringLiteral("a blob of %1 bytes").arg(v.toByteArray().size());
    default:
        return QStringLiteral("the text '%1'").arg(v.toString().left(40));
    }
}

// A SQLite value (its storage class as QSQLITE reads it) as the PostgreSQL column's type takes
// it, or false: integers stay integers, reals stay doubles, NULL stays NULL; nothing is guessed.
bool converted(const QVariant &v, StoreCopier::Column::Kind kind, QVariant *out)
{
    using Column = StoreCopier::Column;
    if (v.isNull()) {
        *out = QVariant();
        return true;
    }
    const int type = v.typeId();
    if (kind == Column::Integer && type == QMetaType::LongLong) {
        *out = v;
        return true;
    }
    if (kind == Column::Real && (type == QMetaType::Double || type == QMetaType::LongLong)) {
        *out = v.toDouble();
        return true;
    }
    if (kind == Column::Text && type == QMetaType::QString) {
        *out = v; // PostgreSQL's text takes no NUL character: its error names the table
        return true;
    }
    if (kind == Column::Text && type == QMetaType::QByteArray) { // text bound as bytes: if it is UTF-8
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString text = utf8(v.toByteArray());
        *out = text;
        return !utf8.hasError();
    }
    if (kind == Column::Bytes && (type == QMetaType::QByteArray || type == QMetaType::QString)) {
        *out = type == QMetaType::QString ? v.toString().toUtf8() : v.toByteArray();
        return true;
    }
    return false;
}

QSqlField fieldFor(StoreCopier::Column::Kind kind)
{
    using Column = StoreCopier::Column;
    switch (kind) {
    case Column::Integer:
        return QSqlField(QString(), QMetaType::fromType<qlonglong>());
    case Column::Real:
        return QSqlField(QString(), QMetaType::fromType<double>());
    case Column::Bytes:
        return QSqlField(QString(), QMetaType::fromType<QByteArray>());
    case Column::Text:
        break;
    }
    return QSqlField(QString(), QMetaType::fromType<QString>());
}

// One message row into the digest: each value tagged and its length said, so no two
// different rows hash alike. seq and timestamp (2 and 5) are integers, the rest text.
void hashMessage(QCryptographicHash &hash, const QSqlQuery &q)
{
    for (int i = 0; i < 8; ++i) {
        const QVariant v = q.value(i);
        if (v.isNull()) {
            hash.addData("N;");
            continue;
        }
        const QByteArray bytes = i == 2 || i == 5 ? QByteArray::number(v.toLongLong()) : v.toString().toUtf8();
        hash.addData(QByteArray("V" + QByteArray::number(bytes.size()) + ':'));
        hash.addData(bytes);
    }
}

} // namespace

StoreCopier::StoreCopier(QString sqlitePath, DatabaseTarget to, Progress progress)
    : m_sqlitePath(std::move(sqlitePath)), m_to(std::move(to)), m_progress(std::move(progress))
{
}

StoreCopier::~StoreCopier() = default;

void StoreCopier::say(const QString &line) const
{
    if (m_progress)
        m_progress(line);
}

Result<StoreCopier::Report> StoreCopier::run()
{
    QElapsedTimer timer;
    timer.start();
    if (const Status opened = openSource(); !opened)
        return opened.error();
    if (const Status opened = openTarget(); !opened)
        return opened.error();
    const auto tables = readLayout();
    if (!tables)
        return tables.error();
    QSqlDatabase &pg = m_target->handle();
    if (!pg.transaction())
        return copyFailure(QStringLiteral("cannot begin a transaction on %1: %2")
                               .arg(m_to.url.redacted(), Database::errorText(pg.lastError())));
    Report report;
    if (const Status filled = fill(*tables, report); !filled) {
        pg.rollback();
        return filled.error();
    }
    if (!pg.commit())
        return copyFailure(QStringLiteral("the copy was not committed to %1: %2")
                               .arg(m_to.url.redacted(), Database::errorText(pg.lastError())));
    m_source->handle().rollback(); // the read transaction: nothing was written
    report.elapsedMs = timer.elapsed();
    return report;
}

// The source in one read transaction: every table is read from the same snapshot while a
// server may go on writing (WAL).
Status StoreCopier::openSource()
{
    if (!QFileInfo(m_sqlitePath).isFile())
        return makeError(ErrorKind::NotFound, QStringLiteral("no database at %1").arg(m_sqlitePath));
    auto db = Database::openReadOnly(m_sqlitePath);
    if (!db)
        return db.error();
    m_source = std::move(db.value());
    if (!m_source->handle().transaction())
        return copyFailure(QStringLiteral("cannot begin reading %1: %2")
                               .arg(m_sqlitePath, Database::errorText(m_source->handle().lastError())));
    const int version = m_source->schemaVersion();
    const int latest = newestVersion(schema::migrations());
    if (version == 0)
        return makeError(ErrorKind::Conflict, QStringLiteral("%1 is not a Tierdesk database").arg(m_sqlitePath));
    if (version < latest)
        return makeError(ErrorKind::Conflict,
            QStringLiteral("%1 is at schema version %2 and this Tierdesk copies version %3: start Tierdesk once on it "
                           "(or run `tierdesk db migrate`), which migrates it, then copy again")
                .arg(m_sqlitePath)
                .arg(version)
                .arg(latest));
    if (version > latest)
        return makeError(ErrorKind::Conflict,
            QStringLiteral("%1 is at schema version %2, newer than this Tierdesk (%3): copy it with the Tierdesk that "
                           "wrote it")
                .arg(m_sqlitePath)
                .arg(version)
                .arg(latest));
    return Ok{};
}

// The target migrated (the schema created, under the instances' migration lock).
Status StoreCopier::openTarget()
{
    auto db = Database::openPostgres(m_to.url, DatabaseOptions{}, m_to.password);
    if (!db)
        return db.error();
    m_target = std::move(db.value());
    const int version = m_target->schemaVersion();
    const int latest = newestVersion(schema::postgresMigrations());
    if (version != latest)
        return makeError(ErrorKind::Conflict,
            QStringLiteral("%1 is at schema version %2, this Tierdesk writes version %3")
                .arg(m_to.url.redacted())
                .arg(version)
                .arg(latest));
    return Ok{};
}

// Every table of the target's schema with the columns to write, parents before the tables
// whose foreign keys name them.
Result<QList<StoreCopier::TableLayout>> StoreCopier::readLayout()
{
    QSqlQuery q(m_target->handle());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT c.table_name, c.column_name, c.data_type, c.is_identity, c.identity_generation"
            " FROM information_schema.columns c JOIN information_schema.tables t"
            " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
            " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'"
            // schema_version is the target's own; team_events and report_jobs are team mode's, with
            // nothing in SQLite (its report files stay in the data directory).
            " AND c.table_name NOT IN ('schema_version', 'team_events', 'report_jobs') ORDER BY c.table_name, "
            "c.ordinal_position")))
        return copyFailure(QStringLiteral("cannot read the tables of %1: %2").arg(m_to.url.redacted(), sqlError(q)));
    QList<TableLayout> tables;
    while (q.next()) {
        if (tables.isEmpty() || tables.constLast().name != q.value(0).toString())
            tables.append(TableLayout{q.value(0).toString(), {}, {}, false});
        TableLayout &table = tables.last();
        const auto kind = kindOf(q.value(2).toString());
        if (!kind)
            return copyFailure(QStringLiteral("column %1.%2 has the type %3, which db copy does not know")
                                   .arg(table.name, q.value(1).toString(), q.value(2).toString()));
        table.columns.append(Column{q.value(1).toString(), *kind});
        if (q.value(3).toString() == QLatin1String("YES")) {
            table.identity = q.value(1).toString();
            table.identityAlways = q.value(4).toString() == QLatin1String("ALWAYS");
        }
    }
    QSqlQuery refs(m_target->handle());
    if (!refs.exec(QStringLiteral("SELECT c.relname, r.relname FROM pg_constraint k"
                                  " JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid"
                                  " JOIN pg_namespace n ON n.oid = k.connamespace"
                                  " WHERE k.contype = 'f' AND n.nspname = current_schema()")))
        return copyFailure(
            QStringLiteral("cannot read the foreign keys of %1: %2").arg(m_to.url.redacted(), sqlError(refs)));
    QMultiHash<QString, QString> parents;
    while (refs.next())
        if (refs.value(0).toString() != refs.value(1).toString())
            parents.insert(refs.value(0).toString(), refs.value(1).toString());
    QList<TableLayout> ordered;
    QSet<QString> done;
    while (!tables.isEmpty()) {
        const auto ready = std::find_if(tables.begin(), tables.end(), [&](const TableLayout &t) {
            const QList<QString> needs = parents.values(t.name);
            return std::all_of(needs.cbegin(), needs.cend(), [&](const QString &p) { return done.contains(p); });
        });
        if (ready == tables.end())
            return copyFailure(QStringLiteral("the foreign keys of %1 go round in a circle").arg(tables.first().name));
        done.insert(ready->name);
        ordered.append(*ready);
        tables.erase(ready);
    }
    return ordered;
}

Status StoreCopier::pgExec(const QString &sql)
{
    QSqlQuery q(m_target->handle());
    if (!q.exec(sql))
        return copyFailure(QStringLiteral("%1 on %2 failed: %3").arg(sql.left(80), m_to.url.redacted(), sqlError(q)));
    return Ok{};
}

// The analytics triggers stay off while the rows go in: analytics_dirty and analytics_facts
// are copied as they are, so the target answers what the source did. ALTER TABLE also locks
// each table until the copy commits, so no instance writes into it meanwhile.
Status StoreCopier::setTriggers(const QList<TableLayout> &tables, bool enabled)
{
    for (const TableLayout &t : tables)
        if (const Status done
            = pgExec(QStringLiteral("ALTER TABLE %1 %2 TRIGGER USER")
                         .arg(quotedName(t.name), enabled ? QLatin1String("ENABLE") : QLatin1String("DISABLE")));
            !done)
            return done;
    return Ok{};
}

// A store already there is never added to (its ids and the copy's would collide).
Status StoreCopier::ensureEmpty(const QList<TableLayout> &tables)
{
    for (const TableLayout &t : tables) {
        QSqlQuery q(m_target->handle());
        if (!q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1)").arg(quotedName(t.name))) || !q.next())
            return copyFailure(
                QStringLiteral("cannot read table %1 of %2: %3").arg(t.name, m_to.url.redacted(), sqlError(q)));
        if (q.value(0).toBool())
            return makeError(ErrorKind::Conflict,
                QStringLiteral("%1 is not empty (table %2 holds rows): db copy fills a new database only "
                               "(createdb another one)")
                    .arg(m_to.url.redacted(), t.name));
    }
    return Ok{};
}

Status StoreCopier::fill(const QList<TableLayout> &tables, Report &report)
{
    if (const Status locked = setTriggers(tables, false); !locked)
        return locked;
    if (const Status empty = ensureEmpty(tables); !empty)
        return empty;
    for (const TableLayout &t : tables) {
        QElapsedTimer timer;
        timer.start();
        const auto rows = copyTable(t);
        if (!rows)
            return rows.error();
        if (const Status restarted = restartIdentity(t); !restarted)
            return restarted;
        report.tables.append(Table{t.name, *rows});
        report.rows += *rows;
        say(QStringLiteral("%1: %2 rows (%3)").arg(t.name).arg(*rows).arg(secondsText(timer.elapsed())));
    }
    if (const Status enabled = setTriggers(tables, true); !enabled)
        return enabled;
    say(QStringLiteral("verifying the counts of %1 tables and the messages").arg(tables.size()));
    return verify(report);
}

// Multi-row INSERTs, each value written by the driver's own escaping for the column's type.
Result<qint64> StoreCopier::copyTable(const TableLayout &table)
{
    QStringList from, to;
    QList<QSqlField> fields;
    for (const Column &c : table.columns) {
        from << sqliteColumn(c.name);
        to << quotedName(c.name);
        fields << fieldFor(c.kind);
    }
    QSqlQuery read(m_source->handle());
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT %1 FROM %2").arg(from.join(QStringLiteral(", ")), quotedName(table.name))))
        return copyFailure(
            QStringLiteral("cannot read table %1 of %2: %3").arg(table.name, m_sqlitePath, sqlError(read)));
    const QString head = QStringLiteral("INSERT INTO %1 (%2)%3 VALUES ")
                             .arg(quotedName(table.name), to.join(QStringLiteral(", ")),
                                 table.identityAlways ? QStringLiteral(" OVERRIDING SYSTEM VALUE") : QString());
    const QSqlDriver *driver = m_target->handle().driver();
    QString sql;
    int pending = 0;
    qint64 rows = 0;
    const auto send = [&]() -> Status {
        QSqlQuery write(m_target->handle());
        if (!write.exec(sql))
            return copyFailure(QStringLiteral("writing table %1 (rows up to %2) into %3 failed: %4")
                                   .arg(table.name)
                                   .arg(rows)
                                   .arg(m_to.url.redacted(), sqlError(write)));
        sql.clear();
        pending = 0;
        return Ok{};
    };
    while (read.next()) {
        ++rows;
        sql += pending++ == 0 ? head : QStringLiteral(",");
        sql += QLatin1Char('(');
        for (int i = 0; i < fields.size(); ++i) {
            const QVariant value = read.value(i);
            QVariant taken;
            if (!converted(value, table.columns.at(i).kind, &taken))
                return makeError(ErrorKind::Conflict,
                    QStringLiteral("table %1, row %2 (%3 %4), column %5 holds %6, which its type does not take; "
                                   "nothing was copied")
                        .arg(table.name)
                        .arg(rows)
                        .arg(table.columns.first().name, read.value(0).toString().left(40), table.columns.at(i).name,
                            described(value)));
            fields[i].setValue(taken);
            sql += (i == 0 ? QString() : QStringLiteral(",")) + driver->formatValue(fields.at(i));
        }
        sql += QLatin1Char(')');
        if (pending == kRowsPerInsert || sql.size() >= kCharsPerInsert)
            if (const Status sent = send(); !sent)
                return sent.error();
        if (rows % kProgressRows == 0)
            say(QStringLiteral("%1: %2 rows so far").arg(table.name).arg(rows));
    }
    if (read.lastError().isValid())
        return copyFailure(
            QStringLiteral("reading table %1 of %2 failed: %3").arg(table.name, m_sqlitePath, sqlError(read)));
    if (pending > 0)
        if (const Status sent = send(); !sent)
            return sent.error();
    return rows;
}

// The identity's next value past every id copied (and past SQLite's AUTOINCREMENT counter,
// which never hands an id out twice), so new rows go on after the old ones.
Status StoreCopier::restartIdentity(const TableLayout &table)
{
    if (table.identity.isEmpty())
        return Ok{};
    qint64 counter = 0;
    QSqlQuery seq(m_source->handle());
    seq.setForwardOnly(true);
    if (seq.prepare(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = ?"))) {
        seq.addBindValue(table.name);
        if (seq.exec() && seq.next())
            counter = seq.value(0).toLongLong();
    }
    return pgExec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', '%2'), GREATEST(max(%3), %4)) FROM %1"
                                 " HAVING GREATEST(max(%3), %4) > 0")
                      .arg(quotedName(table.name), table.identity, quotedName(table.identity))
                      .arg(counter));
}

// Before the commit: the rows of every table counted on both sides, and the messages hashed
// on both sides. A difference is named and nothing is committed.
Status StoreCopier::verify(Report &report)
{
    QStringList differences;
    for (const Table &t : std::as_const(report.tables)) {
        qint64 counts[2] = {-1, -1};
        Database *sides[2] = {m_source.get(), m_target.get()};
        for (int side = 0; side < 2; ++side) {
            QSqlQuery q(sides[side]->handle());
            q.setForwardOnly(true);
            if (q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(quotedName(t.name))) && q.next())
                counts[side] = q.value(0).toLongLong();
        }
        if (counts[0] != t.rows || counts[1] != t.rows)
            differences << QStringLiteral("table %1: %2 rows in SQLite, %3 copied, %4 in PostgreSQL")
                               .arg(t.name)
                               .arg(counts[0])
                               .arg(t.rows)
                               .arg(counts[1]);
    }
    qint64 sourceMessages = 0, targetMessages = 0;
    const auto source = messagesDigest(*m_source, &sourceMessages);
    if (!source)
        return source.error();
    const auto target = messagesDigest(*m_target, &targetMessages);
    if (!target)
        return target.error();
    if (*source != *target || sourceMessages != targetMessages)
        differences << QStringLiteral("messages: %1 in SQLite (sha256 %2), %3 in PostgreSQL (sha256 %4)")
                           .arg(sourceMessages)
                           .arg(*source)
                           .arg(targetMessages)
                           .arg(*target);
    if (!differences.isEmpty())
        return copyFailure(QStringLiteral("the copy differs from %1, nothing was committed: %2")
                               .arg(m_sqlitePath, differences.join(QStringLiteral("; "))));
    report.messages = sourceMessages;
    report.messagesSha256 = *source;
    return Ok{};
}

// SHA-256 over every message in (session_id, seq, id) order, byte order on both sides (C
// collation on PostgreSQL, SQLite's BINARY), read through a cursor on PostgreSQL so no result
// set is held whole.
Result<QString> StoreCopier::messagesDigest(Database &db, qint64 *rows)
{
    const QString columns = QStringLiteral("id, session_id, seq, role, content, timestamp, sentiment, metadata");
    QCryptographicHash hash(QCryptographicHash::Sha256);
    *rows = 0;
    QSqlQuery q(db.handle());
    q.setForwardOnly(true);
    const auto fail = [&] {
        return copyFailure(QStringLiteral("cannot read the messages of %1: %2").arg(db.location(), sqlError(q)));
    };
    if (!db.postgres()) {
        if (!q.exec(QStringLiteral("SELECT %1 FROM messages ORDER BY session_id, seq, id").arg(columns)))
            return fail();
        for (; q.next(); ++*rows)
            hashMessage(hash, q);
        return q.lastError().isValid() ? Result<QString>(fail()) : QString::fromLatin1(hash.result().toHex());
    }
    if (!q.exec(QStringLiteral("DECLARE tierdesk_copy_messages NO SCROLL CURSOR FOR SELECT %1 FROM messages"
                               " ORDER BY session_id COLLATE \"C\", seq, id COLLATE \"C\"")
                    .arg(columns)))
        return fail();
    for (qint64 fetched = kFetchRows; fetched == kFetchRows;) {
        if (!q.exec(QStringLiteral("FETCH FORWARD %1 FROM tierdesk_copy_messages").arg(kFetchRows)))
            return fail();
        for (fetched = 0; q.next(); ++fetched)
            hashMessage(hash, q);
        *rows += fetched;
    }
    if (!q.exec(QStringLiteral("CLOSE tierdesk_copy_messages")))
        return fail();
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace tierdesk
