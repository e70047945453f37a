#include "core/store/WebhookRepo.h"

#include "core/common/Ids.h"
#include "core/common/Time.h"

#include <QJsonDocument>

namespace tierdesk {

bool WebhookRepo::insert(const Webhook &w)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO webhooks(id, company_id, url, events, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    return m_db.exec(q, {w.id, w.companyId, w.url,
                         QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(w.events)).toJson(QJsonDocument::Compact)),
                         QString::fromUtf8(w.secret), w.createdAt});
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
        w.secret = q.value(3).toString().toUtf8();
        w.createdAt = q.value(4).toLongLong();
        out << w;
    }
    q.finish();
    return out;
}

bool WebhookRepo::remove(const QString &companyId, const QString &id)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("DELETE FROM webhooks WHERE company_id = ? AND id = ?"));
    if (!m_db.exec(q, {companyId, id}))
        return false;
    const bool removed = q.numRowsAffected() > 0;
    if (removed) // deliveries still queued for it have nowhere to go
        m_db.exec(QStringLiteral("UPDATE webhook_outbox SET state = 'dead', last_error = 'webhook deleted'"
                                 " WHERE webhook_id = ? AND state = 'pending'"),
                  {id});
    return removed;
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

QJsonArray WebhookRepo::deliveries(const QString &companyId, int limit)
{
    QJsonArray out;
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "SELECT o.delivery_id, o.webhook_id, o.event, o.state, o.attempts, o.last_status, o.last_error, o.created_at,"
        " o.delivered_at FROM webhook_outbox o JOIN webhooks w ON w.id = o.webhook_id WHERE w.company_id = ?"
        " ORDER BY o.id DESC LIMIT ?"));
    if (!m_db.exec(q, {companyId, limit}))
        return out;
    while (q.next())
        out.append(QJsonObject{{QStringLiteral("deliveryId"), q.value(0).toString()},
                               {QStringLiteral("webhookId"), q.value(1).toString()},
                               {QStringLiteral("event"), q.value(2).toString()},
                               {QStringLiteral("state"), q.value(3).toString()},
                               {QStringLiteral("attempts"), q.value(4).toInt()},
                               {QStringLiteral("lastStatus"), q.value(5).toInt()},
                               {QStringLiteral("lastError"), q.value(6).toString()},
                               {QStringLiteral("createdAt"), timefmt::iso(q.value(7).toLongLong())}});
    q.finish();
    return out;
}

QList<OutboxItem> WebhookRepo::due(qint64 nowMs, int limit)
{
    QList<OutboxItem> out;
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "SELECT o.id, w.url, w.secret, o.event, o.payload, o.attempts, o.delivery_id FROM webhook_outbox o"
        " JOIN webhooks w ON w.id = o.webhook_id WHERE o.state = 'pending' AND o.next_attempt_at <= ?"
        " ORDER BY o.next_attempt_at, o.id LIMIT ?"));
    if (!m_db.exec(q, {nowMs, limit + static_cast<int>(m_inFlight.size())}))
        return out;
    while (q.next() && out.size() < limit) {
        const qint64 id = q.value(0).toLongLong();
        if (m_inFlight.contains(id))
            continue;
        OutboxItem item;
        item.id = id;
        item.url = q.value(1).toString();
        item.secret = q.value(2).toString().toUtf8();
        item.event = q.value(3).toString();
        item.payload = q.value(4).toByteArray();
        item.attempts = q.value(5).toInt();
        item.deliveryId = q.value(6).toString();
        m_inFlight.insert(id);
        out << item;
    }
    q.finish();
    return out;
}

void WebhookRepo::markDelivered(qint64 id, qint64 nowMs, int httpStatus)
{
    m_inFlight.remove(id);
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "UPDATE webhook_outbox SET state = 'delivered', delivered_at = ?, last_status = ?, attempts = attempts + 1,"
        " last_error = NULL WHERE id = ?"));
    m_db.exec(q, {nowMs, httpStatus, id});
}

void WebhookRepo::markFailed(qint64 id, int attempts, qint64 nextAttemptMs, const QString &error, bool dead)
{
    m_inFlight.remove(id);
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "UPDATE webhook_outbox SET attempts = ?, next_attempt_at = ?, last_error = ?,"
        " state = CASE WHEN ? THEN 'dead' ELSE 'pending' END WHERE id = ?"));
    m_db.exec(q, {attempts, nextAttemptMs, error.left(500), dead ? 1 : 0, id});
}

} // namespace tierdesk
