#pragma once

#include "core/common/Result.h"
#include "core/domain/KbSource.h"
#include "core/engine/knowledge/FetchedPage.h"
#include "core/engine/knowledge/KbFileImport.h"
#include "core/integrations/OutboundHttp.h"
#include "core/store/KbRepo.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <thread>

namespace tierdesk {

class SessionEngine;
struct Actor;

// A company's help-center sources and their syncs (DESIGN.md, "A company's own knowledge";
// /api/cs/kb/sources, `tierdesk kb source`, the console's Knowledge › Sources). A sync reads the
// source on a thread of its own (WebsiteCrawl, ZendeskHelpCenter) and writes each page here on
// the engine's thread: new pages become articles, changed ones are updated, pages gone (404, 410,
// out of a complete listing) take their articles with them, pages that failed keep theirs, and an
// article a person edited is left as it is. In team mode one instance runs the syncs (the one
// running the team's timers), as with the mail poller.
class KbSources : public QObject {
    Q_OBJECT

public:
    static constexpr int kTickMs = 5000;
    static constexpr int kMaxSourcesPerCompany = 20;
    static constexpr int kMaxRunning = 2; // syncs at once, over every company
    static constexpr int kMaxArticleChars = 500000; // an imported page's text beyond this is cut

    KbSources(SessionEngine &engine, std::shared_ptr<OutboundHttp> http, QObject *parent = nullptr);
    ~KbSources() override;

    // Syncs due sources once the event loop runs, then every tickMs; syncs cut off by an earlier
    // end of the process are queued again.
    void start(int tickMs = kTickMs);
    // Running syncs stop at their next page; returns once their threads ended.
    void stop();

    // A new source, queued for its first sync. InvalidArgument naming the field for bad input.
    Result<KbSource> create(const QString &companyId, KbSource draft, const Actor &actor);
    Result<QList<KbSource>> list(const QString &companyId);
    // With the running sync's progress.
    Result<KbSource> get(const QString &companyId, qint64 id);
    // Queued for a sync now (a running one goes on).
    Result<KbSource> syncNow(const QString &companyId, qint64 id, const Actor &actor);
    // The source and every article it brought (edited ones too) go.
    Status remove(const QString &companyId, qint64 id, const Actor &actor);

    // Files given to the knowledge base, each one article of source kind "file" (a file of the
    // same name given before is replaced). Files that cannot be read are listed with why.
    struct FileImport {
        QList<KbArticle> articles;
        QList<KbSyncFailure> failed; // url: the file's name
    };
    Result<FileImport> importFiles(
        const QString &companyId, const QList<KbFileImport::File> &files, const Actor &actor);

    // Checks a draft's values: InvalidArgument with the field when one is wrong.
    static Status check(const KbSource &draft);

signals:
    // A sync's status or figures changed (at most a few times a second while it runs).
    void progressed(const QString &companyId, qint64 sourceId);

private:
    struct Run;

    void tick();
    void begin(const KbSource &source);
    void apply(qint64 sourceId, const FetchedPage &page);
    void applyPage(Run &run, const FetchedPage &page);
    void finish(qint64 sourceId, const Status &status, bool complete);
    void save(Run &run, bool force);
    QString freeSlug(const QString &companyId, const QString &title);

    SessionEngine &m_engine;
    std::shared_ptr<OutboundHttp> m_http;
    QTimer m_tick;
    QHash<qint64, std::shared_ptr<Run>> m_runs;
    bool m_stopping = false;
};

} // namespace tierdesk
