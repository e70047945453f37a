#pragma once

#include "core/engine/admin/EmailNotifications.h"
#include "core/engine/desk/Desk.h"
#include "core/engine/pipeline/SessionEventTap.h"
#include "core/integrations/Mailer.h"

#include <QObject>

namespace tierdesk {

// What a platform notification e-mail says about one escalation.
struct PlatformNotice {
    QString sessionId;
    QString customerId;
    QString reason; // e.g. LEGAL_MENTION
    QString priority; // urgent | high | normal | low (the agent desk's rule)
    QString fromTier;
    QString toTier;
    QString sentiment;
    QString summary;
    QStringList events; // the configured events it answers: escalation.created, high_priority_case
};

// "High priority case: …" when high_priority_case is among the events, else
// "New escalation: …"; a plain-text or an HTML body (values HTML-escaped).
MailMessage composePlatformMail(const PlatformNotice &notice, const QString &from, const QString &to, bool html);

// Sends the e-mail notifications companies configure through the platform
// services (POST /notifications/email/configure): when a session is escalated,
// `escalation.created` mails every escalation and `high_priority_case` those of
// high or urgent priority: the desk item's priority when the session is queued
// for a person (it holds a priority set since, e.g. POST /escalation/cases'
// "priority"), else the desk's rule (desk::priorityFor: the reason, the
// customer's sentiment, VIP). One message per escalation, listing the events it
// answers. Outcomes are audited as notification.email_sent / notification.email_failed.
// Listens to the engine only while some company has e-mail notifications.
// On the engine thread; the mailer sends on its own pool and must outlive this.
class PlatformEmails : public QObject {
    Q_OBJECT

public:
    // `desk` may be null (no queue priorities then); it must outlive this.
    PlatformEmails(
        SessionEngine &engine, Mailer &mailer, QString from, Desk *desk = nullptr, QObject *parent = nullptr);
    bool listening() const { return m_events.listening(); }

signals:
    void finished(const QString &companyId, const QString &sessionId, bool sent);

private:
    void onEvent(const SessionEvent &event);
    PlatformNotice noticeFor(const QString &companyId, const Session &s, const EscalationRecord &e);

    SessionEngine &m_engine;
    EmailNotifications m_settings;
    Mailer &m_mailer;
    QString m_from;
    Desk *m_desk = nullptr;
    SessionEventTap m_events;
};

} // namespace tierdesk
