#include "core/runtime/EscalationEmails.h"

#include "core/api/cs/CsJson.h"

#include <QLoggingCategory>

namespace tierdesk::api {

EscalationEmails::EscalationEmails(Runtime &runtime, QObject *parent) : QObject(parent), m_runtime(runtime) { }

EscalationEmails::~EscalationEmails()
{
    m_mailer.reset(); // before the SMTP client it sends through
}

Status EscalationEmails::start()
{
    auto config = SmtpConfig::fromSettings(m_runtime.settings(), m_runtime.secrets());
    if (!config)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("E-mail settings: %1").arg(config.error().message));
    if (!config->isConfigured())
        return Ok{};
    if (const Status valid = config->validate(); !valid)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("E-mail settings: %1").arg(valid.error().message));
    const QString from = config->from;
    m_smtp = std::make_unique<SmtpMailer>(std::move(config.value()));
    m_mailer = std::make_unique<EscalationMailer>(*m_smtp, from);
    connect(m_mailer.get(), &EscalationMailer::sent, this, [this](const QString &sessionId) {
        record(sessionId, QStringLiteral("desk.notify_sent"), AuditOutcome::Done);
    });
    connect(m_mailer.get(), &EscalationMailer::failed, this, [this](const QString &sessionId, const QString &why) {
        qWarning("Escalation e-mail for %s failed: %s", qPrintable(sessionId), qPrintable(why));
        record(sessionId, QStringLiteral("desk.notify_failed"), AuditOutcome::NotDelivered, why);
    });
    connect(&m_runtime.desk(), &Desk::escalationQueued, this, &EscalationEmails::onQueued);
    return Ok{};
}

void EscalationEmails::onQueued(const QString &companyId, const QueueItem &item)
{
    const auto company = m_runtime.engine().company(companyId);
    if (!company)
        return;
    const QString queue = item.item.queue;
    QString address;
    for (const DeskQueue &q : company->config.desk.queues)
        if (q.name == queue)
            address = q.email;
    const QString sessionId = item.item.sessionId;
    m_companyOf.insert(sessionId, companyId);
    if (!m_mailer->notify(EscalationNotice::fromQueueItem(json::queueItem(item), company->name, address, {})))
        m_companyOf.remove(sessionId); // the queue has no address: nothing to send
}

void EscalationEmails::record(
    const QString &sessionId, const QString &action, AuditOutcome outcome, const QString &error)
{
    const QString companyId = m_companyOf.take(sessionId);
    QJsonObject details;
    if (!error.isEmpty())
        details.insert(QStringLiteral("error"), error);
    m_runtime.engine().audit(companyId, Actor{}, action, QStringLiteral("sessions/") + sessionId, outcome, details);
}

} // namespace tierdesk::api
