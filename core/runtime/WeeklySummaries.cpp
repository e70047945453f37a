#include "core/runtime/WeeklySummaries.h"

#include "core/engine/admin/WeeklySummary.h"

#include <QFutureWatcher>
#include <QJsonObject>

namespace tierdesk::api {
namespace {

bool wantsSummary(const Agent &a)
{
    return a.active && a.weeklySummary && !a.email.isEmpty()
        && (a.role == QLatin1String("supervisor") || a.role == QLatin1String("admin"));
}

} // namespace

WeeklySummaries::WeeklySummaries(Runtime &runtime, Mailer &mailer, QString from, QObject *parent)
    : QObject(parent), m_runtime(runtime), m_mailer(mailer), m_from(std::move(from))
{
    connect(&m_timer, &QTimer::timeout, this, &WeeklySummaries::sendDue);
}

void WeeklySummaries::start(int checkSeconds)
{
    m_timer.start(qMax(1, checkSeconds) * 1000);
}

int WeeklySummaries::sendDue()
{
    SessionEngine &engine = m_runtime.engine();
    const qint64 nowMs = engine.clock().nowMs();
    int sent = 0;
    for (const Company &company : engine.companies())
        sent += sendFor(company, nowMs);
    return sent;
}

int WeeklySummaries::sendFor(const Company &company, qint64 nowMs)
{
    const CompanyProfile &profile = company.config.company;
    const auto week = dueSummaryWeek(nowMs, profile.timeZone);
    if (!week)
        return 0;
    Store &store = m_runtime.store();
    // The figures are read only when someone is still owed this week's mail (checked every few minutes).
    const QStringList done = store.weeklySummaries().claimed(company.id, week->id);
    QList<Agent> recipients = store.agents().list(company.id);
    recipients.erase(std::remove_if(recipients.begin(), recipients.end(),
                         [&done](const Agent &a) { return !wantsSummary(a) || done.contains(a.id); }),
        recipients.end());
    if (recipients.isEmpty())
        return 0;
    SessionEngine &engine = m_runtime.engine();
    WeeklySummaryInput in{company.name, company.config.language, profile, *week, {}, {}, {}};
    const SummaryWeek before = weekBefore(*week, profile.timeZone);
    const auto current = engine.analytics(company.id, week->startMs, week->endMs - 1, GroupBy::None);
    const auto previous = engine.analytics(company.id, before.startMs, before.endMs - 1, GroupBy::None);
    const auto gaps = engine.gaps().list(company.id, week->startMs, week->endMs - 1);
    if (!current || !previous || !gaps) {
        qWarning("Weekly summary of %s: the week's figures could not be read", qPrintable(company.id));
        return 0;
    }
    in.current = *current;
    in.previous = *previous;
    in.gaps = gaps->mid(0, kSummaryGaps);
    int sent = 0;
    for (const Agent &agent : std::as_const(recipients)) {
        // Claimed and committed before the mail goes: another server, or this one after a restart, skips it.
        bool claimed = false;
        if (!store.batch().run([&] {
                const auto claim = store.weeklySummaries().claim(company.id, week->id, agent.id, nowMs);
                claimed = claim && *claim;
                return claim.ok();
            })
            || !store.batch().flush() || !claimed)
            continue;
        send(company.id, week->id, agent, composeWeeklySummary(in, m_from, agent.email));
        ++sent;
    }
    return sent;
}

void WeeklySummaries::send(const QString &companyId, const QString &week, const Agent &to, const MailMessage &mail)
{
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, companyId, week, agentId = to.id] {
        const Status result = watcher->result();
        watcher->deleteLater();
        QJsonObject details{{QStringLiteral("week"), week}};
        if (!result) {
            const QString &why = result.error().message;
            qWarning("Weekly summary to %s failed: %s", qPrintable(agentId), qPrintable(why));
            details.insert(QStringLiteral("error"), why);
            Store &store = m_runtime.store();
            store.batch().run([&] { return store.weeklySummaries().setError(companyId, week, agentId, why); });
        }
        m_runtime.engine().audit(companyId, Actor{},
            result ? QStringLiteral("notification.weekly_summary_sent")
                   : QStringLiteral("notification.weekly_summary_failed"),
            QStringLiteral("agent:") + agentId, result ? AuditOutcome::Done : AuditOutcome::NotDelivered, details);
        emit finished(companyId, agentId, result.ok());
    });
    watcher->setFuture(m_mailer.send(mail));
}

} // namespace tierdesk::api
