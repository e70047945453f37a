// KbSources' syncs: a source read on a thread of its own, each page written on the engine's thread.
#include "core/engine/SessionEngine.h"
#include "core/engine/admin/KnowledgeBase.h"
#include "core/engine/knowledge/KbSources.h"
#include "core/engine/knowledge/KbSyncRun.h"
#include "core/engine/knowledge/WebsiteCrawl.h"
#include "core/engine/knowledge/ZendeskHelpCenter.h"
#include "core/engine/pipeline/Actor.h"

namespace tierdesk {
namespace {

constexpr qint64 kSaveEveryMs = 250; // a running sync's figures are written at most this often
const QString kImportedCategory = QStringLiteral("GENERAL_INQUIRY");

KbImportedArticle fetchOf(const FetchedPage &page, qint64 id)
{
    return {id, page.url, page.etag, page.lastModified, page.contentHash(), false};
}

// The article a read page (or file) becomes, within the knowledge base's limits.
KbArticle articleOf(const FetchedPage &page, const QString &companyId, KbArticleSource source)
{
    KbArticle a;
    a.companyId = companyId;
    a.title = page.title.left(KnowledgeBase::kMaxTitle);
    a.keywords = page.keywords.left(KnowledgeBase::kMaxKeywords);
    a.body = page.text.left(KbSources::kMaxArticleChars);
    a.category = kImportedCategory;
    a.source = std::move(source);
    return a;
}

} // namespace

void KbSources::begin(const KbSource &source)
{
    auto run = std::make_shared<Run>();
    run->source = source;
    run->source.status = KbSyncStatus::Running;
    run->source.state = {};
    Store &store = m_engine.core().store();
    QHash<QString, WebsiteCrawl::Known> conditional;
    for (const KbImportedArticle &a : store.kb().importedFrom(source.companyId, source.id)) {
        run->known.insert(a.url, a);
        conditional.insert(a.url, {a.etag, a.lastModified});
    }
    m_runs.insert(source.id, run);
    save(*run, true);
    const qint64 id = source.id;
    // Called on the sync's threads: everything goes to the engine's thread.
    const auto found = [this, id](int n) {
        QMetaObject::invokeMethod(
            this,
            [this, id, n] {
                if (const auto r = m_runs.value(id))
                    r->source.state.found = qMax(r->source.state.found, n);
            },
            Qt::QueuedConnection);
    };
    const auto page = [this, id](const FetchedPage &p) {
        QMetaObject::invokeMethod(
            this, [this, id, p] { apply(id, p); }, Qt::QueuedConnection);
    };
    const auto done = [this, id](const Status &status, bool complete) {
        QMetaObject::invokeMethod(
            this, [this, id, status, complete] { finish(id, status, complete); }, Qt::QueuedConnection);
    };
    if (source.kind == KbSourceKind::Website) {
        run->crawl = std::make_unique<WebsiteCrawl>(*m_http, source, conditional, WebsiteCrawl::Callbacks{found, page});
        run->thread = std::thread([crawl = run->crawl.get(), done] {
            bool complete = false;
            const Status status = crawl->run(&complete);
            done(status, complete);
        });
    } else {
        run->zendesk = std::make_unique<ZendeskHelpCenter>(*m_http, source, ZendeskHelpCenter::Callbacks{found, page});
        run->thread = std::thread([zendesk = run->zendesk.get(), done] {
            bool complete = false;
            const Status status = zendesk->run(&complete);
            done(status, complete);
        });
    }
}

void KbSources::apply(qint64 sourceId, const FetchedPage &page)
{
    const auto run = m_runs.value(sourceId);
    if (!run)
        return; // the source was removed meanwhile
    ++run->source.state.fetched;
    applyPage(*run, page);
    save(*run, false);
}

void KbSources::applyPage(Run &run, const FetchedPage &page)
{
    Store &store = m_engine.core().store();
    KbSyncState &state = run.source.state;
    using O = FetchedPage::Outcome;
    const auto known = [&]() -> const KbImportedArticle * {
        for (const QString &url : {page.url, page.requestedUrl})
            if (const auto it = run.known.constFind(url); it != run.known.cend())
                return &*it;
        return nullptr;
    }();
    if (known)
        run.met.insert(known->id);
    const qint64 now = m_engine.clock().nowMs();
    if (page.outcome == O::Failed) {
        if (state.failed.size() < KbSyncState::kMaxFailures)
            state.failed.append({page.requestedUrl, page.error});
        return;
    }
    if (page.outcome == O::Skipped || (known && known->edited))
        return; // a person's edit outlives every sync
    if (page.outcome == O::NotModified) {
        if (known)
            store.batch().run([&]() -> Status {
                return store.kb().keepImported({known->id, known->url, page.etag.isEmpty() ? known->etag : page.etag,
                    page.lastModified.isEmpty() ? known->lastModified : page.lastModified, known->contentHash, false});
            });
        return;
    }
    if (page.outcome == O::Gone) {
        if (known && store.batch().run([&]() -> Status { return store.kb().remove(run.source.companyId, known->id); }))
            ++state.removed;
        return;
    }
    KbArticle a = articleOf(
        page, run.source.companyId, KbArticleSource{run.source.id, toString(run.source.kind), page.url, false});
    KbImportedArticle fetch = fetchOf(page, known ? known->id : 0);
    if (known && known->contentHash == fetch.contentHash) {
        store.batch().run([&]() -> Status { return store.kb().keepImported(fetch); });
        return;
    }
    if (known) {
        a.id = known->id;
        if (store.batch().run([&]() -> Status { return store.kb().updateImported(a, fetch, now); }))
            ++state.updated;
        return;
    }
    a.slug = freeSlug(a.companyId, a.title);
    const Status inserted = store.batch().run([&]() -> Status {
        const Result<qint64> id = store.kb().insertImported(a, fetch, now);
        if (!id)
            return id.error();
        fetch.id = *id;
        return Ok{};
    });
    if (!inserted)
        return;
    ++state.imported;
    run.known.insert(page.url, fetch);
    run.met.insert(fetch.id);
}

void KbSources::finish(qint64 sourceId, const Status &status, bool complete)
{
    const auto run = m_runs.take(sourceId);
    if (!run)
        return;
    if (run->thread.joinable())
        run->thread.join(); // it posted this as its last step
    KbSource &s = run->source;
    Store &store = m_engine.core().store();
    if (status && complete) { // what the site no longer lists goes (a person's edits stay)
        for (const KbImportedArticle &a : std::as_const(run->known))
            if (!run->met.contains(a.id) && !a.edited
                && store.batch().run([&]() -> Status { return store.kb().remove(s.companyId, a.id); }))
                ++s.state.removed;
    }
    const qint64 now = m_engine.clock().nowMs();
    s.status = status ? KbSyncStatus::Done : KbSyncStatus::Failed;
    s.state.lastError = status ? QString() : status.error().message;
    s.lastSyncAt = now;
    s.nextSyncAt = s.settings.syncHours > 0 ? now + qint64(s.settings.syncHours) * 3600 * 1000 : 0;
    save(*run, true);
    if (s.state.imported + s.state.updated > 0)
        m_engine.knowledge().recheckGaps(s.companyId);
    QTimer::singleShot(0, this, &KbSources::tick); // the next queued source
}

void KbSources::save(Run &run, bool force)
{
    const qint64 now = m_engine.clock().nowMs();
    if (!force && now - run.savedAt < kSaveEveryMs && now >= run.savedAt)
        return;
    run.savedAt = now;
    Store &store = m_engine.core().store();
    store.batch().run([&]() -> Status { return store.kbSources().saveState(run.source, now); });
    emit progressed(run.source.companyId, run.source.id);
}

Result<KbSources::FileImport> KbSources::importFiles(
    const QString &companyId, const QList<KbFileImport::File> &files, const Actor &actor)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    if (files.isEmpty() || files.size() > KbFileImport::kMaxFiles)
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("Give 1 to %1 files, each in a part named file").arg(KbFileImport::kMaxFiles),
            {{QStringLiteral("field"), QStringLiteral("file")}});
    Store &store = m_engine.core().store();
    FileImport result;
    for (const KbFileImport::File &file : files) {
        const Result<FetchedPage> page = KbFileImport::read(file);
        if (!page) {
            result.failed.append({file.name, page.error().message});
            continue;
        }
        KbArticle a = articleOf(*page, companyId, KbArticleSource{0, QStringLiteral("file"), file.name, false});
        const qint64 now = m_engine.clock().nowMs();
        const Status stored = store.batch().run([&]() -> Status {
            for (const KbImportedArticle &old : store.kb().importedFrom(companyId, 0))
                if (old.url == file.name)
                    if (const Status gone = store.kb().remove(companyId, old.id); !gone)
                        return gone;
            a.slug = freeSlug(companyId, a.title);
            const Result<qint64> id = store.kb().insertImported(a, fetchOf(*page, 0), now);
            if (!id)
                return id.error();
            a.id = *id;
            a.updatedAt = now;
            if (!store.audit().append({now, companyId, actor.subject, actor.role, QStringLiteral("kb.file.import"),
                    QStringLiteral("kb:%1").arg(a.id), actor.clientAddress, AuditOutcome::Created,
                    QVariantMap{{QStringLiteral("file"), file.name}}}))
                return store.batch().failure(QStringLiteral("could not audit the import"));
            return Ok{};
        });
        if (!stored)
            result.failed.append({file.name, stored.error().message});
        else
            result.articles.append(a);
    }
    if (!result.articles.isEmpty())
        m_engine.knowledge().recheckGaps(companyId);
    return result;
}

QString KbSources::freeSlug(const QString &companyId, const QString &title)
{
    QString base = KnowledgeBase::slugOf(title).left(KnowledgeBase::kMaxSlug - 6);
    if (base.isEmpty())
        base = QStringLiteral("page");
    QString slug = base;
    for (int n = 2; n < 10000; ++n) {
        const Result<bool> taken = m_engine.core().store().kb().slugTaken(companyId, slug, 0);
        if (!taken || !*taken)
            return slug;
        slug = QStringLiteral("%1-%2").arg(base).arg(n);
    }
    return slug;
}

} // namespace tierdesk
