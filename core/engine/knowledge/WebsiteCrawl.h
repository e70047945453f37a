#pragma once

#include "core/domain/KbSource.h"
#include "core/engine/knowledge/FetchedPage.h"
#include "core/integrations/OutboundHttp.h"

#include <QHash>
#include <QSet>
#include <QUrl>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace tierdesk {

namespace web {
class RobotsTxt;
}

// A company's website read into pages (DESIGN.md, "A company's own knowledge"): its sitemap (an
// index, gzipped parts) or, from a start page, the same-site links at most kMaxDepth deep;
// robots.txt obeyed (Disallow for Tierdesk and *, Crawl-delay), at most kMaxInFlight requests at
// once, pages within the source's include and outside its exclude paths, at most maxPages. A page
// known from an earlier sync is asked with If-None-Match / If-Modified-Since. Blocking: run on a
// worker thread; the callbacks are called on the crawl's own threads.
class WebsiteCrawl {
public:
    static constexpr int kMaxDepth = 5;
    static constexpr int kMaxInFlight = 4;
    static constexpr int kMaxRedirects = 5;
    static constexpr int kTimeoutMs = 20000;
    static constexpr int kMaxPageBytes = 20 * 1024 * 1024; // a PDF as large as an uploaded file

    struct Known {
        QString etag;
        QString lastModified;
    };
    struct Callbacks {
        std::function<void(int found)> found; // pages listed or discovered so far
        std::function<void(const FetchedPage &)> page;
    };

    WebsiteCrawl(OutboundHttp &http, KbSource source, QHash<QString, Known> known, Callbacks callbacks);

    // Ends when every page is read, or with the error that stopped the whole crawl (robots.txt or
    // the sitemap could not be read). *complete: every page the site lists was reached (not cut
    // at maxPages), so an article whose page was not met is gone.
    Status run(bool *complete);
    // From any thread: no new request starts; run() returns once those in flight end.
    void cancel() { m_cancelled = true; }

    static QByteArray userAgent();

private:
    struct Pending {
        QUrl url;
        int depth = 0;
    };

    OutboundResult get(QUrl url, const QList<QPair<QByteArray, QByteArray>> &headers, QUrl *finalUrl);
    Status readRobots();
    // Whether `body` is a sitemap; its pages (index parts read too) queued then.
    Result<bool> queueSitemap(const QByteArray &body);
    bool wanted(const QUrl &url) const;
    void enqueue(const QUrl &url, int depth); // under m_lock
    void work();
    FetchedPage fetch(const Pending &p, QList<QUrl> *links);
    void readHtml(const OutboundResult &answer, const QUrl &at, FetchedPage &page, QList<QUrl> *links);
    void waitForTurn();

    OutboundHttp &m_http;
    KbSource m_source;
    QUrl m_root;
    QHash<QString, Known> m_known;
    Callbacks m_callbacks;
    std::shared_ptr<web::RobotsTxt> m_robots;
    bool m_followLinks = true;
    std::atomic_bool m_cancelled{false};

    std::mutex m_lock;
    std::condition_variable m_changed;
    std::deque<Pending> m_queue;
    QSet<QString> m_seen; // every address queued once
    QSet<QString> m_canonical; // the articles' addresses met: a duplicate page is left out
    int m_inFlight = 0;
    int m_taken = 0;
    bool m_truncated = false;
    std::chrono::steady_clock::time_point m_nextRequest{};
};

} // namespace tierdesk
