#include "core/store/DemoLoadRepo.h"

namespace tierdesk {

DemoLoadRepo::DemoLoadRepo(Database &db)
    : m_session(db.handle()), m_message(db.handle()), m_sentiment(db.handle()), m_escalation(db.handle()),
      m_desk(db.handle()), m_customer(db.handle())
{
    m_session.prepare(QStringLiteral("INSERT INTO sessions(id, company_id, customer_id, channel, current_tier, "
                                     "status, issue_category, issue_summary,"
                                     " customer_sentiment, metadata, created_at, updated_at, last_activity_at, "
                                     "resolved_at, resolution, message_count)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?)"));
    m_message.prepare(QStringLiteral("INSERT INTO messages(id, session_id, seq, role, content, timestamp, sentiment)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    m_sentiment.prepare(
        QStringLiteral("INSERT INTO sentiment_points(session_id, sentiment, score, timestamp) VALUES (?, ?, ?, ?)"));
    m_escalation.prepare(
        QStringLiteral("INSERT INTO escalations(session_id, company_id, from_tier, to_tier, reason, timestamp,"
                       " automatic) VALUES (?, ?, ?, ?, ?, ?, 1)"));
    m_desk.prepare(
        QStringLiteral("INSERT INTO desk_items(session_id, company_id, queue, priority, reason, from_tier, queued_at,"
                       " first_response_due, resolution_due, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    // ON CONFLICT DO NOTHING keeps a customer a previous load wrote.
    m_customer.prepare(QStringLiteral("INSERT INTO customers(company_id, id, name, email, tier, lifetime_value,"
                                      " is_vip, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
}

Status DemoLoadRepo::run(QSqlQuery &q, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec())
        return makeError(ErrorKind::Internal, q.lastError().text());
    return Ok{};
}

Status DemoLoadRepo::addCustomer(const QString &companyId, const LoadCustomer &c)
{
    return run(m_customer, {companyId, c.id, c.name, c.email, c.tier, c.lifetimeValue, c.vip ? 1 : 0, c.createdAt});
}

Status DemoLoadRepo::addSession(const QString &companyId, const LoadSession &s)
{
    return run(m_session,
        {s.id, companyId, s.customerId, s.channel, toString(s.tier), toString(s.status), toString(s.category),
            s.summary, toString(s.sentiment), s.createdAt, s.lastActivityAt, s.lastActivityAt, s.resolvedAt,
            s.resolution.isEmpty() ? QVariant() : QVariant(s.resolution), s.messageCount});
}

Status DemoLoadRepo::addMessage(const QString &sessionId, const LoadMessage &m)
{
    return run(m_message,
        {m.id, sessionId, m.seq, m.role, m.content, m.timestamp,
            m.sentiment ? QVariant(toString(*m.sentiment)) : QVariant()});
}

Status DemoLoadRepo::addSentiment(const QString &sessionId, Sentiment sentiment, double score, qint64 at)
{
    return run(m_sentiment, {sessionId, toString(sentiment), score, at});
}

Status DemoLoadRepo::addEscalation(
    const QString &sessionId, const QString &companyId, Tier from, Tier to, EscalationReason reason, qint64 at)
{
    return run(m_escalation, {sessionId, companyId, toString(from), toString(to), toString(reason), at});
}

Status DemoLoadRepo::addDeskItem(const DeskItem &d)
{
    return run(m_desk,
        {d.sessionId, d.companyId, d.queue, static_cast<int>(d.priority), toString(d.reason), toString(d.fromTier),
            d.queuedAt, d.firstResponseDue, d.resolutionDue, d.updatedAt});
}

} // namespace tierdesk
