#include "core/store/SqliteStatement.h"

#include <sqlite3.h>

#include <algorithm>

namespace tierdesk {

SqliteStatement::SqliteStatement(sqlite3 *db, const QString &sql) : m_db(db)
{
    const QByteArray utf8 = sql.toUtf8();
    m_prepareCode = db
        ? sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr)
        : SQLITE_MISUSE;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

int SqliteStatement::bind(int index, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        return sqlite3_bind_null(m_stmt, index);
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return sqlite3_bind_int64(m_stmt, index, value.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return sqlite3_bind_double(m_stmt, index, value.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        return sqlite3_bind_blob(m_stmt, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
    }
    default: {
        if (value.isNull() && value.typeId() != QMetaType::QString)
            return sqlite3_bind_null(m_stmt, index);
        return bindText(index, value.toString());
    }
    }
}

int SqliteStatement::bindText(int index, const QString &text)
{
    // Bound as UTF-8, the database's encoding: UTF-16 was translated by SQLite at every step,
    // at several times the cost of Qt's conversion. Text with a surrogate stays UTF-16, where
    // SQLite writes a lone one as it always did (Qt's conversion would replace it).
    const bool surrogates = std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSurrogate(); });
    if (!surrogates) {
        const QByteArray utf8 = text.toUtf8();
        return sqlite3_bind_text(
            m_stmt, index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    return sqlite3_bind_text16(m_stmt, index, text.utf16(), int(text.size() * sizeof(char16_t)), SQLITE_TRANSIENT);
}

int SqliteStatement::run(std::initializer_list<QVariant> values)
{
    if (!m_stmt)
        return m_prepareCode != SQLITE_OK ? m_prepareCode : SQLITE_MISUSE;
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    int index = 1;
    for (const QVariant &v : values) {
        if (const int code = bind(index++, v); code != SQLITE_OK)
            return code & 0xff;
    }
    int code = sqlite3_step(m_stmt);
    while (code == SQLITE_ROW)
        code = sqlite3_step(m_stmt);
    sqlite3_reset(m_stmt); // ends the statement: a write must not stay open in the transaction
    return code & 0xff;
}

QString SqliteStatement::errorText() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no database connection");
}

} // namespace tierdesk
