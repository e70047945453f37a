#pragma once

#include "core/integrations/Mailer.h"

#include <QJsonObject>
#include <QObject>

namespace tierdesk {

// What an escalation e-mail says. Values come from customer data (names,
// summaries): composeEscalationMail() flattens line breaks and control
// characters out of everything that ends up in a header.
struct EscalationNotice {
    QString companyName;
    QString queueName;
    QString queueAddress; // the queue's e-mail; several may be separated by commas
    QString sessionId;
    QString customerName;
    bool customerIsVip = false;
    QString reason; // e.g. REFUND_OVER_THRESHOLD
    QString priority; // urgent | high | normal | low
    QString fromTier;
    QString sentiment;
    QString summary;
    QString consoleLink; // where an agent opens the session; may be empty

    // From a desk QueueItem (GET /api/cs/queue, the escalationQueued signal).
    static EscalationNotice fromQueueItem(
        const QJsonObject &item, const QString &companyName, const QString &queueAddress, const QString &consoleLink);
};

// Subject "New escalation in <queue>: <customer> — <reason> (<priority>)" and a
// plain-text body with the details and the console link.
MailMessage composeEscalationMail(const EscalationNotice &notice, const QString &from);

// Sends escalation e-mail through a Mailer without blocking the owning thread;
// the outcome comes back as a signal on that thread. The mailer must outlive
// this object.
class EscalationMailer : public QObject {
    Q_OBJECT

public:
    EscalationMailer(Mailer &mailer, QString from, QObject *parent = nullptr);

    // false when there is nothing to send (the queue has no address).
    bool notify(const EscalationNotice &notice);

signals:
    void sent(const QString &sessionId);
    void failed(const QString &sessionId, const QString &error);

private:
    Mailer &m_mailer;
    QString m_from;
};

} // namespace tierdesk
