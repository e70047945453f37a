#include "core/store/CustomerAdminRepo.h"

#include "core/store/CustomerRepo.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tierdesk {
namespace {

// `text` as a LIKE pattern that matches it anywhere, its wildcards taken literally (ESCAPE '\').
QString containsPattern(const QString &text)
{
    QString escaped = text.toLower();
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

using Where = CustomerAdminRepo::SessionText::Where;

// Per kind of text: how its cells are read (session id, key, text for a customer's sessions,
// bound to company and customer) and rewritten (new text, session id, key, old text).
struct TextColumn {
    Where where;
    const char *select;
    const char *update;
};

const TextColumn kTextColumns[] = {
    {Where::MessageContent,
        "SELECT m.session_id, m.id, m.content FROM messages m JOIN sessions s ON s.id = m.session_id"
        " WHERE s.company_id = ? AND s.customer_id = ?",
        "UPDATE messages SET content = ? WHERE session_id = ? AND id = ? AND content = ?"},
    {Where::MessageMetadata,
        "SELECT m.session_id, m.id, m.metadata FROM messages m JOIN sessions s ON s.id = m.session_id"
        " WHERE s.company_id = ? AND s.customer_id = ? AND m.metadata IS NOT NULL",
        "UPDATE messages SET metadata = ? WHERE session_id = ? AND id = ? AND metadata = ?"},
    {Where::SessionSummary, "SELECT id, id, issue_summary FROM sessions WHERE company_id = ? AND customer_id = ?",
        "UPDATE sessions SET issue_summary = ? WHERE id = ? AND id = ? AND issue_summary = ?"},
    {Where::SessionMetadata, "SELECT id, id, metadata FROM sessions WHERE company_id = ? AND customer_id = ?",
        "UPDATE sessions SET metadata = ? WHERE id = ? AND id = ? AND metadata = ?"},
    {Where::EscalationNotes,
        "SELECT e.session_id, e.timestamp, e.notes FROM escalations e JOIN sessions s ON s.id = e.session_id"
        " WHERE s.company_id = ? AND s.customer_id = ? AND e.notes IS NOT NULL",
        "UPDATE escalations SET notes = ? WHERE session_id = ? AND timestamp = ? AND notes = ?"},
    {Where::SentimentTrigger,
        "SELECT p.session_id, p.timestamp, p.trigger FROM sentiment_points p JOIN sessions s ON s.id = p.session_id"
        " WHERE s.company_id = ? AND s.customer_id = ? AND p.trigger IS NOT NULL",
        "UPDATE sentiment_points SET trigger = ? WHERE session_id = ? AND timestamp = ? AND trigger = ?"},
    {Where::MentionExcerpt,
        "SELECT n.session_id, n.id, n.excerpt FROM mentions n JOIN sessions s ON s.id = n.session_id"
        " WHERE s.company_id = ? AND s.customer_id = ?",
        "UPDATE mentions SET excerpt = ? WHERE session_id = ? AND id = ? AND excerpt = ?"},
    {Where::GapQuestion,
        "SELECT g.session_id, g.id, g.question FROM kb_gap_questions g JOIN sessions s ON s.id = g.session_id"
        " WHERE s.company_id = ? AND s.customer_id = ?",
        // Its terms go too (they are the words' stems): an erased customer's question joins no group.
        "UPDATE kb_gap_questions SET question = ?, terms = '' WHERE session_id = ? AND id = ? AND question = ?"},
};

const TextColumn &columnOf(Where where)
{
    for (const TextColumn &c : kTextColumns)
        if (c.where == where)
            return c;
    return kTextColumns[0];
}

// Timestamps are keys of their rows: bound as numbers, as stored.
QVariant keyValue(Where where, const QString &key)
{
    if (where == Where::EscalationNotes || where == Where::SentimentTrigger)
        return key.toLongLong();
    return key;
}

} // namespace

Result<QList<Customer>> CustomerAdminRepo::search(
    const QString &companyId, const QString &query, int limit, int offset, int *total)
{
    const QString match = QStringLiteral(
        " FROM customers WHERE company_id = ? AND (CAST(? AS TEXT) = '' OR lower(id) LIKE ? ESCAPE '\\'"
        " OR lower(name) LIKE ? ESCAPE '\\' OR lower(email) LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\')");
    const QString pattern = containsPattern(query);
    QSqlQuery &count = m_db.statement(QStringLiteral("SELECT COUNT(*)") + match);
    if (!m_db.exec(count, {companyId, query, pattern, pattern, pattern, pattern}) || !count.next())
        return m_db.lastFailure();
    *total = count.value(0).toInt();
    count.finish();
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT ") + kCustomerColumns + match + QStringLiteral(" ORDER BY name, id LIMIT ? OFFSET ?"));
    if (!m_db.exec(q, {companyId, query, pattern, pattern, pattern, pattern, limit, offset}))
        return m_db.lastFailure();
    QList<Customer> out;
    while (q.next())
        out.append(readCustomer(q));
    q.finish();
    return out;
}

Result<QList<Customer>> CustomerAdminRepo::findAny(
    const QString &companyId, const QStringList &ids, const QStringList &emails, const QStringList &phones)
{
    QList<Customer> out;
    const QPair<QString, QStringList> lookups[]
        = {{QStringLiteral("id"), ids}, {QStringLiteral("email"), emails}, {QStringLiteral("phone"), phones}};
    for (const auto &[column, values] : lookups) {
        if (values.isEmpty())
            continue;
        QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kCustomerColumns
            + QStringLiteral(" FROM customers WHERE company_id = ? AND %1 IN (SELECT value FROM %2)")
                  .arg(column, m_db.dialect().jsonArrayElements(QStringLiteral("?"))));
        const QString list
            = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
        if (!m_db.exec(q, {companyId, list}))
            return m_db.lastFailure();
        while (q.next())
            out.append(readCustomer(q));
        q.finish();
    }
    return out;
}

Result<QList<CustomerAdminRepo::SessionText>> CustomerAdminRepo::sessionTexts(
    const QString &companyId, const QString &customerId)
{
    QList<SessionText> out;
    for (const TextColumn &column : kTextColumns) {
        QSqlQuery &q = m_db.statement(QLatin1String(column.select));
        if (!m_db.exec(q, {companyId, customerId}))
            return m_db.lastFailure();
        while (q.next()) {
            const QString text = q.value(2).toString();
            if (!text.isEmpty())
                out.append({column.where, q.value(0).toString(), q.value(1).toString(), text});
        }
        q.finish();
    }
    return out;
}

Status CustomerAdminRepo::rewrite(const SessionText &cell, const QString &text)
{
    QSqlQuery &q = m_db.statement(QLatin1String(columnOf(cell.where).update));
    return m_db.status(m_db.exec(q, {text, cell.sessionId, keyValue(cell.where, cell.key), cell.text}));
}

Status CustomerAdminRepo::erase(const QString &companyId, const QString &customerId, qint64 nowMs)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE customers SET name = '', email = '', phone = '', attributes = '{}', updated_at = ?,"
                       " erased_at = ? WHERE company_id = ? AND id = ?"));
    return m_db.oneRow(m_db.exec(q, {nowMs, nowMs, companyId, customerId}), q);
}

Status CustomerAdminRepo::forgetDialogues(const QString &companyId, const QString &customerId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "DELETE FROM dialogue_states WHERE session_id IN (SELECT id FROM sessions WHERE company_id = ? AND "
        "customer_id = ?)"));
    return m_db.status(m_db.exec(q, {companyId, customerId}));
}

} // namespace tierdesk
