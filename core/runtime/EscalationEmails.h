#pragma once

#include "core/integrations/EscalationMailer.h"
#include "core/integrations/SmtpMailer.h"
#include "core/runtime/Runtime.h"

#include <QObject>

#include <memory>

namespace tierdesk::api {

// tiers.humanAgent.notifyOnEscalation by e-mail: when the desk queues a session
// (it signals only for companies with the setting on), the queue's address in
// desk.queues gets a message through SMTP (smtp/* settings, password in the
// secret store). Outcomes are audited as desk.notify_sent / desk.notify_failed.
// On the engine thread; sending runs on the mailer's own pool.
class EscalationEmails : public QObject {
    Q_OBJECT

public:
    explicit EscalationEmails(Runtime &runtime, QObject *parent = nullptr);
    ~EscalationEmails() override;

    // Reads the SMTP settings; InvalidArgument ("E-mail settings: why") when they are set
    // but invalid. With no smtp/host nothing is sent and this is Ok.
    Status start();
    bool enabled() const { return m_mailer != nullptr; }
    // The SMTP client and sender, for other notifications (null / empty while not enabled).
    Mailer *mailer() const { return m_smtp.get(); }
    QString from() const { return m_smtp ? m_smtp->config().from : QString(); }

private:
    void onQueued(const QString &companyId, const QueueItem &item);
    void record(const QString &sessionId, const QString &action, AuditOutcome outcome, const QString &error = {});

    Runtime &m_runtime;
    std::unique_ptr<SmtpMailer> m_smtp;
    std::unique_ptr<EscalationMailer> m_mailer;
    QHash<QString, QString> m_companyOf; // session id → company, while a message is in flight
};

} // namespace tierdesk::api
