#include "core/engine/knowledge/KbSources.h"

#include "core/engine/knowledge/KbSyncRun.h"

#include "core/common/Validation.h"

#include "core/engine/SessionEngine.h"
#include "core/engine/admin/KnowledgeBase.h"
#include "core/engine/knowledge/WebsiteCrawl.h"
#include "core/engine/knowledge/ZendeskHelpCenter.h"
#include "core/engine/pipeline/Actor.h"

namespace tierdesk {
namespace {

Status checkPaths(const QStringList &paths, const QString &field)
{
    if (paths.size() > KbSourceSettings::kMaxPatterns)
        return invalidField(
            field, QStringLiteral("%1 takes at most %2 paths").arg(field).arg(KbSourceSettings::kMaxPatterns));
    for (const QString &p : paths)
        if (!p.startsWith(QLatin1Char('/')) || p.size() > KbSourceSettings::kMaxPatternChars)
            return invalidField(field,
                QStringLiteral("each of %1 is a path starting with / (at most %2 characters)")
                    .arg(field)
                    .arg(KbSourceSettings::kMaxPatternChars));
    return Ok{};
}

} // namespace

KbSources::KbSources(SessionEngine &engine, std::shared_ptr<OutboundHttp> http, QObject *parent)
    : QObject(parent), m_engine(engine), m_http(std::move(http))
{
    connect(&m_tick, &QTimer::timeout, this, &KbSources::tick);
}

KbSources::~KbSources()
{
    stop();
}

void KbSources::start(int tickMs)
{
    m_stopping = false;
    m_engine.core().store().kbSources().requeueRunning(m_engine.clock().nowMs());
    m_tick.start(tickMs);
    QTimer::singleShot(0, this, &KbSources::tick);
}

void KbSources::stop()
{
    m_stopping = true;
    m_tick.stop();
    for (const auto &run : std::as_const(m_runs)) {
        if (run->crawl)
            run->crawl->cancel();
        if (run->zendesk)
            run->zendesk->cancel();
    }
    for (const auto &run : std::as_const(m_runs))
        if (run->thread.joinable())
            run->thread.join();
    m_runs.clear(); // left "running" in the store: queued again at the next start
}

Status KbSources::check(const KbSource &d)
{
    const QUrl url(d.url, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty() || d.url.size() > 2000)
        return invalidField(QStringLiteral("url"), QStringLiteral("url must be an http(s) address"));
    if (d.settings.maxPages < 1 || d.settings.maxPages > KbSourceSettings::kMaxMaxPages)
        return invalidField(QStringLiteral("maxPages"),
            QStringLiteral("maxPages must be from 1 to %1").arg(KbSourceSettings::kMaxMaxPages));
    if (d.settings.syncHours < 0 || d.settings.syncHours > KbSourceSettings::kMaxSyncHours)
        return invalidField(QStringLiteral("syncHours"),
            QStringLiteral("syncHours must be from 0 (only when asked) to %1").arg(KbSourceSettings::kMaxSyncHours));
    if (const Status s = checkPaths(d.settings.include, QStringLiteral("include")); !s)
        return s;
    if (const Status s = checkPaths(d.settings.exclude, QStringLiteral("exclude")); !s)
        return s;
    static const QRegularExpression locale(QStringLiteral("^[a-z]{2,3}(-[a-z0-9]{2,8})?$"));
    if (d.kind == KbSourceKind::Zendesk && !locale.match(d.settings.locale).hasMatch())
        return invalidField(
            QStringLiteral("locale"), QStringLiteral("locale must be a Help Center locale such as en-us"));
    using T = ConnectorAuth::Type;
    if (d.auth.type != T::None && d.auth.type != T::Basic && d.auth.type != T::Bearer)
        return invalidField(QStringLiteral("auth.type"), QStringLiteral("auth.type must be none, basic or bearer"));
    if (d.auth.type != T::None && d.auth.secret.isEmpty())
        return invalidField(QStringLiteral("auth"), QStringLiteral("auth needs its token or password"));
    if (d.kind == KbSourceKind::Website && d.auth.type != T::None)
        return invalidField(
            QStringLiteral("auth"), QStringLiteral("a website is read as its visitors read it, without auth"));
    return Ok{};
}

Result<KbSource> KbSources::create(const QString &companyId, KbSource draft, const Actor &actor)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    if (const Status ok = check(draft); !ok)
        return ok.error();
    Store &store = m_engine.core().store();
    if (store.kbSources().count(companyId) >= kMaxSourcesPerCompany)
        return makeError(ErrorKind::Conflict,
            QStringLiteral("A company has at most %1 knowledge sources").arg(kMaxSourcesPerCompany));
    draft.companyId = companyId;
    draft.status = KbSyncStatus::Queued;
    draft.state = {};
    const qint64 now = m_engine.clock().nowMs();
    draft.createdAt = now;
    const Status stored = store.batch().run([&]() -> Status {
        const Result<qint64> id = store.kbSources().insert(draft, store.webhooks().sealer(), now);
        if (!id)
            return id.error();
        draft.id = *id;
        if (!store.audit().append({now, companyId, actor.subject, actor.role, QStringLiteral("kb.source.create"),
                QStringLiteral("kb-source:%1").arg(draft.id), actor.clientAddress, AuditOutcome::Created,
                QVariantMap{{QStringLiteral("kind"), toString(draft.kind)}, {QStringLiteral("url"), draft.url}}}))
            return store.batch().failure(QStringLiteral("could not audit the source"));
        return Ok{};
    });
    if (!stored)
        return stored.error();
    draft.auth.secret.clear();
    QTimer::singleShot(0, this, &KbSources::tick);
    return draft;
}

Result<QList<KbSource>> KbSources::list(const QString &companyId)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    QList<KbSource> sources = m_engine.core().store().kbSources().list(companyId);
    for (KbSource &s : sources)
        if (const auto run = m_runs.value(s.id))
            s = run->source;
    for (KbSource &s : sources)
        s.auth.secret.clear();
    return sources;
}

Result<KbSource> KbSources::get(const QString &companyId, qint64 id)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    if (const auto run = m_runs.value(id); run && run->source.companyId == companyId) {
        KbSource s = run->source;
        s.auth.secret.clear();
        return s;
    }
    Store &store = m_engine.core().store();
    std::optional<KbSource> found = store.kbSources().find(companyId, id, store.webhooks().sealer());
    if (!found)
        return makeError(ErrorKind::NotFound, QStringLiteral("Knowledge source not found"));
    found->auth.secret.clear();
    return *found;
}

Result<KbSource> KbSources::syncNow(const QString &companyId, qint64 id, const Actor &actor)
{
    Result<KbSource> source = get(companyId, id);
    if (!source || source->status == KbSyncStatus::Running || source->status == KbSyncStatus::Queued)
        return source;
    Store &store = m_engine.core().store();
    const qint64 now = m_engine.clock().nowMs();
    source->status = KbSyncStatus::Queued;
    const Status queued = store.batch().run([&]() -> Status {
        if (const Status s = store.kbSources().saveState(*source, now); !s)
            return s;
        if (!store.audit().append({now, companyId, actor.subject, actor.role, QStringLiteral("kb.source.sync"),
                QStringLiteral("kb-source:%1").arg(id), actor.clientAddress, AuditOutcome::Accepted, {}}))
            return store.batch().failure(QStringLiteral("could not audit the sync"));
        return Ok{};
    });
    if (!queued)
        return queued.error();
    QTimer::singleShot(0, this, &KbSources::tick);
    return source;
}

Status KbSources::remove(const QString &companyId, qint64 id, const Actor &actor)
{
    if (const Result<KbSource> found = get(companyId, id); !found)
        return found.error();
    if (const auto run = m_runs.take(id)) { // its pages still on their way are dropped
        if (run->crawl)
            run->crawl->cancel();
        if (run->zendesk)
            run->zendesk->cancel();
        if (run->thread.joinable())
            run->thread.join();
    }
    Store &store = m_engine.core().store();
    const qint64 now = m_engine.clock().nowMs();
    return store.batch().run([&]() -> Status {
        if (const Status s = store.kb().removeSourceArticles(companyId, id); !s)
            return s;
        if (const Status s = store.kbSources().remove(companyId, id); !s)
            return s;
        if (!store.audit().append({now, companyId, actor.subject, actor.role, QStringLiteral("kb.source.delete"),
                QStringLiteral("kb-source:%1").arg(id), actor.clientAddress, AuditOutcome::Removed, {}}))
            return store.batch().failure(QStringLiteral("could not audit the removal"));
        return Ok{};
    });
}

void KbSources::tick()
{
    if (m_stopping || !m_engine.runsTimers() || !m_http)
        return;
    Store &store = m_engine.core().store();
    for (const KbSource &source : store.kbSources().due(m_engine.clock().nowMs(), store.webhooks().sealer())) {
        if (m_runs.size() >= kMaxRunning)
            return;
        if (!m_runs.contains(source.id))
            begin(source);
    }
}

} // namespace tierdesk
