#pragma once

#include "core/integrations/Mailer.h"
#include "core/runtime/Runtime.h"

#include <QObject>
#include <QTimer>

namespace tierdesk::api {

// notifications.weeklySummary: each Monday from 07:00 (for a day) in the company's time zone, every active
// supervisor or admin who asked for it gets the past week's analytics by e-mail (WeeklySummary),
// through the server's SMTP settings. Each person's mail of a week is claimed in the store before
// it goes, so it goes once, also after a restart or with several servers; a failed one is audited
// (notification.weekly_summary_failed) and not sent again. On the engine thread; the timer runs
// on the team's timer instance only (ServerHost::runTimers).
class WeeklySummaries : public QObject {
    Q_OBJECT

public:
    // The mailer must outlive this.
    WeeklySummaries(Runtime &runtime, Mailer &mailer, QString from, QObject *parent = nullptr);

    void start(int checkSeconds);
    void stop() { m_timer.stop(); }
    // Sends what is due now (the timer calls it); the number of mails handed to the mailer.
    int sendDue();

signals:
    void finished(const QString &companyId, const QString &agentId, bool sent);

private:
    int sendFor(const Company &company, qint64 nowMs);
    void send(const QString &companyId, const QString &week, const Agent &to, const MailMessage &mail);

    Runtime &m_runtime;
    Mailer &m_mailer;
    QString m_from;
    QTimer m_timer;
};

} // namespace tierdesk::api
