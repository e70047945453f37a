#include "core/store/WebhookRepo.h"

#include "core/common/Ids.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QScopeGuard>

#include <algorithm>

namespace tierdesk {

namespace {

Q_LOGGING_CATEGORY(lcWebhookRepo, "tierdesk.store.webhooks")

QString jsonList(const QList<QVariant> &values)
{
    QJsonArray a;
    for (const QVariant &v : values)
        a.append(QJsonValue::fromVariant(v));
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

// Before a sealer is given: nothing is sealed, nothing opened.
class NoSealer final : public SecretSealer {
public:
    QByteArray seal(const QByteArray &) const override { return {}; }
    Result<QByteArray> open(const QByteArray &) const override
    {
        return makeError(ErrorKind::Internal, QStringLiteral("the store was given no data key"));
    }
};

} // namespace

WebhookRepo::WebhookRepo(Database &db) : m_db(db), m_sealer(std::make_shared<NoSealer>()) { }

void WebhookRepo::setSealer(std::shared_ptr<const SecretSealer> sealer)
{
    m_sealer = std::move(sealer);
    m_hasSealer = true;
}

Result<int> WebhookRepo::sealPlainSecrets()
{
    if (!m_hasSealer)
        return makeError(ErrorKind::Internal, QStringLiteral("the store was given no data key"));
    QList<QPair<QString, QByteArray>> plain;
    {
        QSqlQuery q(m_db.handle());
        // "sb1:" begins every sealed value (SecretBox's sealed form).
        if (!q.exec(QStringLiteral("SELECT id, secret FROM webhooks WHERE substr(secret, 1, 4) <> 'sb1:'")))
            return makeError(ErrorKind::Internal, QStringLiteral("cannot read webhook secrets"));
        while (q.next())
            plain.append({q.value(0).toString(), q.value(1).toString().toUtf8()});
    }
    if (plain.isEmpty())
        return 0;
    const bool ownTransaction = !m_db.inTransaction();
    // secure_delete zeroes the space the plain values leave behind (this pass only).
    QString secureDelete = QStringLiteral("0");
    { // SQLite: secure_delete
        QSqlQuery q(m_db.handle());
        if (q.exec(QStringLiteral("PRAGMA secure_delete")) && q.next())
            secureDelete = q.value(0).toString();
    }
    m_db.exec(QStringLiteral("PRAGMA secure_delete=ON"));
    const auto restore = qScopeGuard([&] { m_db.exec(QStringLiteral("PRAGMA secure_delete=") + secureDelete); });
    if (ownTransaction && !m_db.begin())
        return makeError(ErrorKind::Internal, QStringLiteral("cannot seal webhook secrets: ") + m_db.lastError());
    for (const auto &row : std::as_const(plain)) {
        if (!m_db.exec(QStringLiteral("UPDATE webhooks SET secret = ? WHERE id = ?"),
                {QString::fromLatin1(m_sealer->seal(row.second)), row.first})) {
            if (ownTransaction)
                m_db.rollback();
            return makeError(ErrorKind::Internal, QStringLiteral("cannot seal webhook secrets: ") + m_db.lastError());
        }
    }
    if (ownTransaction && !m_db.commit())
        return makeError(ErrorKind::Internal, QStringLiteral("cannot seal webhook secrets: ") + m_db.lastError());
    // Older copies of the plain text may sit in free pages and in the log: a
    // one-time VACUUM and a truncating checkpoint leave none behind (SQLite: both).
    if (ownTransaction
        && (!m_db.exec(QStringLiteral("VACUUM")) || !m_db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"))))
        qCWarning(lcWebhookRepo) << "webhook secrets sealed, but the file could not be compacted:" << m_db.lastError();
    return static_cast<int>(plain.size());
}

QByteArray WebhookRepo::openSecret(const QByteArray &stored) const
{
    const Result<QByteArray> opened = m_sealer->open(stored);
    return opened ? *opened : QByteArray();
}

Status WebhookRepo::insert(const Webhook &w)
{
    const QByteArray sealed = m_sealer->seal(w.secret);
    if (sealed.isEmpty()) {
        qCWarning(lcWebhookRepo) << "webhook not stored: the store was given no data key to seal its secret";
        return makeError(
            ErrorKind::Internal, QStringLiteral("the store was given no data key to seal webhook secrets"));
    }
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "INSERT INTO webhooks(id, company_id, url, events, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    return m_db.status(m_db.exec(q,
        {w.id, w.companyId, w.url,
            QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(w.events)).toJson(QJsonDocument::Compact)),
            QString::fromLatin1(sealed), w.createdAt}));
}

QList<Webhook> WebhookRepo::list(const QString &companyId)
{
    QList<Webhook> out;
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "SELECT id, url, events, secret, created_at FROM webhooks WHERE company_id = ? ORDER BY created_at, id"));
    if (!m_db.exec(q, {companyId}))
        return out;
    while (q.next()) {
        Webhook w;
        w.id = q.value(0).toString();
        w.companyId = companyId;
        w.url = q.value(1).toString();
        for (const QJsonValue &e : QJsonDocument::fromJson(q.value(2).toByteArray()).array())
            w.events << e.toString();
        w.secret = openSecret(q.value(3).toString().toUtf8());
        w.createdAt = q.value(4).toLongLong();
        out << w;
    }
    q.finish();
    return out;
}

Status WebhookRepo::remove(const QString &companyId, const QString &id)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("DELETE FROM webhooks WHERE company_id = ? AND id = ?"));
    if (!m_db.exec(q, {companyId, id}))
        return m_db.lastFailure();
    const bool removed = q.numRowsAffected() > 0;
    if (removed) // deliveries still queued for it have nowhere to go
        m_db.exec(QStringLiteral("UPDATE webhook_outbox SET state = 'dead', last_error = 'webhook deleted'"
                                 " WHERE webhook_id = ? AND state = 'pending'"),
            {id});
    if (!removed)
        return makeError(ErrorKind::NotFound, QStringLiteral("no such webhook"));
    return Ok{};
}

int WebhookRepo::count(const QString &companyId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT COUNT(*) FROM webhooks WHERE company_id = ?"));
    if (!m_db.exec(q, {companyId}) || !q.next())
        return 0;
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

Result<bool> WebhookRepo::anySubscribedTo(const QStringList &events)
{
    // A few rows a company at most (20): read them all rather than match JSON in SQL.
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT events FROM webhooks"));
    if (!m_db.exec(q, {}))
        return m_db.lastFailure();
    bool found = false;
    while (!found && q.next()) {
        const QJsonArray subscribed = QJsonDocument::fromJson(q.value(0).toByteArray()).array();
        found = std::any_of(
            subscribed.begin(), subscribed.end(), [&](const QJsonValue &e) { return events.contains(e.toString()); });
    }
    q.finish();
    return found;
}

int WebhookRepo::enqueue(const QString &companyId, const QString &event, const QByteArray &payload, qint64 nowMs)
{
    int queued = 0;
    const QList<Webhook> hooks = list(companyId);
    for (const Webhook &w : hooks) {
        if (!w.events.contains(event))
            continue;
        QSqlQuery &q = m_db.statement(QStringLiteral(
            "INSERT INTO webhook_outbox(webhook_id, delivery_id, event, payload, next_attempt_at, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)"));
        if (m_db.exec(q, {w.id, ids::random(QStringLiteral("dlv_")), event, payload, nowMs, nowMs}))
            ++queued;
    }
    return queued;
}

QList<WebhookDelivery> WebhookRepo::deliveries(const QString &companyId, int limit)
{
    return deliveriesOf(companyId, QString(), limit);
}

QList<WebhookDelivery> WebhookRepo::deliveriesOf(const QString &companyId, const QString &webhookId, int limit)
{
    QList<WebhookDelivery> out;
    // An empty webhook id: every webhook of the company.
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "SELECT o.delivery_id, o.webhook_id, o.event, o.state, o.attempts, o.last_status, o.last_error, o.created_at,"
        " o.delivered_at FROM webhook_outbox o JOIN webhooks w ON w.id = o.webhook_id WHERE w.company_id = ?"
        " AND (? = '' OR o.webhook_id = ?) ORDER BY o.id DESC LIMIT ?"));
    if (!m_db.exec(q, {companyId, webhookId, webhookId, limit}))
        return out;
    while (q.next())
        out << WebhookDelivery{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), q.value(4).toInt(), q.value(5).toInt(), q.value(6).toString(),
            q.value(7).toLongLong()};
    q.finish();
    return out;
}

QList<OutboxItem> WebhookRepo::due(qint64 nowMs, const DueFilter &filter)
{
    QList<OutboxItem> out;
    if (filter.limit <= 0 || filter.perHook <= 0)
        return out;
    // Rank each hook's due rows (leaving out what the dispatcher has in hand),
    // keep each hook's first perHook, and take them round-robin across hooks.
    // Only ids are ranked; payloads are read for the rows returned.
    // The lists of ids left out come as JSON arrays.
    const SqlDialect sql = m_db.dialect();
    QSqlQuery &q = m_db.statement(
        QStringLiteral(
            "WITH ranked AS (SELECT id, next_attempt_at, ROW_NUMBER() OVER (PARTITION BY webhook_id"
            " ORDER BY next_attempt_at, id) AS rn FROM webhook_outbox WHERE state = 'pending' AND next_attempt_at <= ?"
            " AND id NOT IN (SELECT CAST(value AS BIGINT) FROM ")
        + sql.jsonArrayElements(QStringLiteral("?")) + QStringLiteral(") AND webhook_id NOT IN (SELECT value FROM ")
        + sql.jsonArrayElements(QStringLiteral("?"))
        + QStringLiteral(
            "))"
            " SELECT o.id, o.webhook_id, w.url, w.secret, o.event, o.payload, o.attempts, o.delivery_id FROM ranked r"
            " JOIN webhook_outbox o ON o.id = r.id JOIN webhooks w ON w.id = o.webhook_id WHERE r.rn <= ?"
            " ORDER BY r.rn, r.next_attempt_at, r.id LIMIT ?"));
    QList<QVariant> busy;
    for (const qint64 id : filter.busyIds)
        busy << id;
    QList<QVariant> full;
    for (const QString &hook : filter.fullHooks)
        full << hook;
    if (!m_db.exec(q, {nowMs, jsonList(busy), jsonList(full), filter.perHook, filter.limit}))
        return out;
    while (q.next()) {
        OutboxItem item;
        item.id = q.value(0).toLongLong();
        item.webhookId = q.value(1).toString();
        item.url = q.value(2).toString();
        item.secret = openSecret(q.value(3).toString().toUtf8());
        item.event = q.value(4).toString();
        item.payload = q.value(5).toByteArray();
        item.attempts = q.value(6).toInt();
        item.deliveryId = q.value(7).toString();
        out << item;
    }
    q.finish();
    return out;
}

void WebhookRepo::markDelivered(qint64 id, qint64 nowMs, int httpStatus)
{
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "UPDATE webhook_outbox SET state = 'delivered', delivered_at = ?, last_status = ?, attempts = attempts + 1,"
        " last_error = NULL WHERE id = ?"));
    m_db.exec(q, {nowMs, httpStatus, id});
}

void WebhookRepo::markFailed(qint64 id, int attempts, qint64 nextAttemptMs, const QString &error, bool dead)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("UPDATE webhook_outbox SET attempts = ?, next_attempt_at = ?, last_error = ?,"
                                        " state = CASE WHEN ? = 1 THEN 'dead' ELSE 'pending' END WHERE id = ?"));
    m_db.exec(q, {attempts, nextAttemptMs, error.left(500), dead ? 1 : 0, id});
}

} // namespace tierdesk
