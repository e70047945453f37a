#include "core/runtime/PlatformEmails.h"

#include "core/engine/desk/DeskRules.h"

#include <QFutureWatcher>
#include <QJsonArray>

namespace tierdesk {

namespace {

QList<std::pair<QString, QString>> fields(const PlatformNotice &n)
{
    return {{QStringLiteral("Conversation"), n.sessionId}, {QStringLiteral("Customer"), n.customerId},
        {QStringLiteral("Reason"), n.reason}, {QStringLiteral("Priority"), n.priority},
        {QStringLiteral("From tier"), n.fromTier}, {QStringLiteral("To tier"), n.toTier},
        {QStringLiteral("Sentiment"), n.sentiment}, {QStringLiteral("Summary"), n.summary},
        {QStringLiteral("Events"), n.events.join(QStringLiteral(", "))}};
}

} // namespace

MailMessage composePlatformMail(const PlatformNotice &n, const QString &from, const QString &to, bool html)
{
    const bool urgent = n.events.contains(QLatin1String("high_priority_case"));
    MailMessage m;
    m.from = from;
    m.to = {to};
    // Customer data may hold line breaks; the subject must be one line.
    m.subject = (urgent ? QStringLiteral("High priority case: %1 (%2)") : QStringLiteral("New escalation: %1 (%2)"))
                    .arg(n.sessionId, n.reason)
                    .simplified();
    m.html = html;
    if (!html) {
        for (const auto &[label, value] : fields(n))
            m.body += label + QStringLiteral(": ") + value + QLatin1Char('\n');
        return m;
    }
    m.body = QStringLiteral("<!DOCTYPE html>\n<html><body>\n<h1>%1</h1>\n<table>\n")
                 .arg((urgent ? QStringLiteral("High priority case") : QStringLiteral("New escalation")));
    for (const auto &[label, value] : fields(n))
        m.body += QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>\n").arg(label, value.toHtmlEscaped());
    m.body += QStringLiteral("</table>\n</body></html>\n");
    return m;
}

PlatformEmails::PlatformEmails(SessionEngine &engine, Mailer &mailer, QString from, Desk *desk, QObject *parent)
    : QObject(parent), m_engine(engine), m_settings(engine), m_mailer(mailer), m_from(std::move(from)), m_desk(desk),
      m_events(engine, this, [this](const SessionEvent &event) { onEvent(event); })
{
    m_events.listenWhile([this] { return m_settings.anyConfigured(); });
}

PlatformNotice PlatformEmails::noticeFor(const QString &companyId, const Session &s, const EscalationRecord &e)
{
    PlatformNotice n;
    n.sessionId = s.id;
    n.customerId = s.customerId;
    n.reason = toString(e.reason);
    n.fromTier = toString(e.fromTier);
    n.toTier = toString(e.toTier);
    n.sentiment = toString(s.customerSentiment);
    n.summary = s.issueSummary;
    // The desk's item is committed with the escalation and any priority set beside it.
    if (const auto item = m_desk ? m_desk->item(n.sessionId) : std::nullopt) {
        n.priority = toString(item->item.priority);
        return n;
    }
    const auto customer = m_engine.customer(companyId, n.customerId);
    const Priority p = desk::priorityFor(e.reason, s.customerSentiment, customer && customer->isVIP);
    n.priority = toString(p);
    return n;
}

void PlatformEmails::onEvent(const SessionEvent &event)
{
    if (event.type != SessionEventType::Escalated || !event.session || !event.escalation || event.relayed)
        return;
    const QString companyId = event.companyId;
    const QString sessionId = event.sessionId;
    const auto config = m_settings.find(companyId);
    if (!config)
        return;
    PlatformNotice notice = noticeFor(companyId, *event.session, *event.escalation);
    if (config->events.contains(QLatin1String("escalation.created")))
        notice.events << QStringLiteral("escalation.created");
    const bool high = notice.priority == toString(Priority::High) || notice.priority == toString(Priority::Urgent);
    if (high && config->events.contains(QLatin1String("high_priority_case")))
        notice.events << QStringLiteral("high_priority_case");
    if (notice.events.isEmpty())
        return;

    const MailMessage message
        = composePlatformMail(notice, m_from, config->email, config->format == QLatin1String("html"));
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, companyId, sessionId, notice] {
        const Status result = watcher->result();
        watcher->deleteLater();
        QJsonObject details{{QStringLiteral("events"), QJsonArray::fromStringList(notice.events)}};
        if (!result) {
            const QString &why = result.error().message;
            qWarning("Notification e-mail for %s failed: %s", qPrintable(sessionId), qPrintable(why));
            details.insert(QStringLiteral("error"), why);
        }
        m_engine.audit(companyId, Actor{},
            result ? QStringLiteral("notification.email_sent") : QStringLiteral("notification.email_failed"),
            QStringLiteral("sessions/") + sessionId, result ? AuditOutcome::Done : AuditOutcome::NotDelivered, details);
        emit finished(companyId, sessionId, result.ok());
    });
    watcher->setFuture(m_mailer.send(message));
}

} // namespace tierdesk
