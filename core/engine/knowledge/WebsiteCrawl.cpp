#include "core/engine/knowledge/WebsiteCrawl.h"

#include "core/integrations/web/HtmlPage.h"
#include "core/integrations/web/PdfText.h"
#include "core/integrations/web/RobotsTxt.h"
#include "core/integrations/web/Sitemap.h"

#include <QFileInfo>

#include <thread>
#include <vector>

namespace tierdesk {
namespace {

QString keyOf(QUrl url)
{
    url.setFragment(QString());
    if (url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    return url.toString(QUrl::FullyEncoded);
}

bool sameSite(const QUrl &a, const QUrl &b)
{
    return a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && a.port(-1) == b.port(-1)
        && (a.scheme() == QLatin1String("http") || a.scheme() == QLatin1String("https"));
}

// Links to what is never a page of text: not worth a request.
bool plainlyNoPage(const QUrl &url)
{
    static const QStringList kinds{QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"),
        QStringLiteral("gif"), QStringLiteral("svg"), QStringLiteral("webp"), QStringLiteral("ico"),
        QStringLiteral("css"), QStringLiteral("js"), QStringLiteral("zip"), QStringLiteral("gz"), QStringLiteral("mp4"),
        QStringLiteral("mp3"), QStringLiteral("woff"), QStringLiteral("woff2")};
    return kinds.contains(QFileInfo(url.path()).suffix().toLower());
}

QByteArray charsetOf(const QByteArray &contentType)
{
    const qsizetype at = contentType.toLower().indexOf("charset=");
    return at < 0 ? QByteArray() : contentType.mid(at + 8).split(';').first().trimmed().replace('"', "");
}

} // namespace

WebsiteCrawl::WebsiteCrawl(OutboundHttp &http, KbSource source, QHash<QString, Known> known, Callbacks callbacks)
    : m_http(http), m_source(std::move(source)), m_root(QUrl(m_source.url)), m_known(std::move(known)),
      m_callbacks(std::move(callbacks)), m_robots(std::make_shared<web::RobotsTxt>())
{
}

QByteArray WebsiteCrawl::userAgent()
{
    return QByteArrayLiteral("Tierdesk/" TIERDESK_VERSION " (knowledge import)");
}

void WebsiteCrawl::waitForTurn()
{
    const double delay = m_robots->crawlDelaySeconds();
    if (delay <= 0)
        return;
    std::chrono::steady_clock::time_point turn;
    {
        std::lock_guard lock(m_lock);
        turn = std::max(std::chrono::steady_clock::now(), m_nextRequest);
        m_nextRequest = turn + std::chrono::milliseconds(qint64(delay * 1000));
    }
    std::this_thread::sleep_until(turn); // the site asked for this pause between requests
}

OutboundResult WebsiteCrawl::get(QUrl url, const QList<QPair<QByteArray, QByteArray>> &headers, QUrl *finalUrl)
{
    OutboundResult answer;
    for (int hop = 0; hop <= kMaxRedirects; ++hop) {
        OutboundRequest r;
        r.method = QByteArrayLiteral("GET");
        r.url = url;
        r.timeoutMs = kTimeoutMs;
        r.keepResponseBytes = kMaxPageBytes;
        r.headers = headers;
        r.headers.append({QByteArrayLiteral("User-Agent"), userAgent()});
        waitForTurn();
        answer = m_http.post(r);
        *finalUrl = url;
        if (!answer.redirect())
            return answer;
        const QUrl next = url.resolved(QUrl(QString::fromUtf8(answer.location)));
        if (!sameSite(next, m_root) || !m_robots->allowed(next)) {
            answer.status = 0;
            answer.error = QStringLiteral("redirected away from the site (%1)").arg(next.toString().left(200));
            return answer;
        }
        url = next;
    }
    answer.status = 0;
    answer.error = QStringLiteral("more than %1 redirects").arg(kMaxRedirects);
    return answer;
}

Status WebsiteCrawl::readRobots()
{
    QUrl robots = m_root;
    robots.setPath(QStringLiteral("/robots.txt"));
    robots.setQuery(QString());
    robots.setFragment(QString());
    QUrl at;
    const OutboundResult answer = get(robots, {}, &at);
    if (answer.refused)
        return makeError(ErrorKind::InvalidArgument, answer.error);
    if (answer.ok())
        *m_robots = web::RobotsTxt::parse(answer.body.left(web::RobotsTxt::kMaxBytes));
    else if (answer.clientError())
        *m_robots = web::RobotsTxt(); // no robots.txt: everything may be read
    else
        return makeError(ErrorKind::Unavailable,
            QStringLiteral("%1 could not be read (%2): the site is not read without it")
                .arg(robots.toString(), answer.error.isEmpty() ? QStringLiteral("no answer") : answer.error));
    return Ok{};
}

bool WebsiteCrawl::wanted(const QUrl &url) const
{
    if (!sameSite(url, m_root) || !m_robots->allowed(url) || plainlyNoPage(url))
        return false;
    const QString path = url.path().isEmpty() ? QStringLiteral("/") : url.path();
    for (const QString &prefix : m_source.settings.exclude)
        if (path.startsWith(prefix))
            return false;
    if (m_source.settings.include.isEmpty())
        return true;
    for (const QString &prefix : m_source.settings.include)
        if (path.startsWith(prefix))
            return true;
    return false;
}

void WebsiteCrawl::enqueue(const QUrl &url, int depth)
{
    const QString key = keyOf(url);
    if (m_seen.contains(key))
        return;
    if (m_taken >= m_source.settings.maxPages) {
        m_truncated = true;
        return;
    }
    m_seen.insert(key);
    ++m_taken;
    QUrl clean(key);
    m_queue.push_back({clean, depth});
    if (m_callbacks.found)
        m_callbacks.found(m_taken);
}

Result<bool> WebsiteCrawl::queueSitemap(const QByteArray &body)
{
    const QByteArray head = body.left(512).trimmed();
    const bool looksLikeXml = head.startsWith("<?xml") || head.startsWith("<urlset") || head.startsWith("<sitemapindex")
        || body.startsWith("\x1f\x8b");
    if (!looksLikeXml)
        return false;
    const Result<web::Sitemap> sitemap = web::Sitemap::parse(body);
    if (!sitemap)
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("%1 is no sitemap: %2").arg(m_root.toString(), sitemap.error().message));
    QList<web::Sitemap> parts;
    if (sitemap->kind == web::Sitemap::Kind::UrlSet)
        parts << *sitemap;
    for (const web::Sitemap::Entry &child :
        sitemap->kind == web::Sitemap::Kind::Index ? sitemap->entries : QList<web::Sitemap::Entry>()) {
        if (m_cancelled || !sameSite(child.loc, m_root))
            continue;
        QUrl at;
        const OutboundResult answer = get(child.loc, {}, &at);
        const Result<web::Sitemap> part = answer.ok()
            ? web::Sitemap::parse(answer.body)
            : Result<web::Sitemap>(makeError(ErrorKind::Unavailable, answer.error));
        if (!part)
            return makeError(ErrorKind::Unavailable,
                QStringLiteral("the sitemap %1 could not be read: %2").arg(child.loc.toString(), part.error().message));
        parts << *part;
    }
    std::lock_guard lock(m_lock);
    for (const web::Sitemap &part : parts) {
        m_truncated = m_truncated || part.truncated;
        for (const web::Sitemap::Entry &page : part.entries)
            if (part.kind == web::Sitemap::Kind::UrlSet && wanted(page.loc))
                enqueue(page.loc, 0);
    }
    return true;
}

Status WebsiteCrawl::run(bool *complete)
{
    *complete = false;
    if (const Status robots = readRobots(); !robots)
        return robots;
    QUrl at;
    const OutboundResult first = get(m_root, {}, &at);
    if (!first.ok())
        return makeError(first.refused ? ErrorKind::InvalidArgument : ErrorKind::Unavailable,
            QStringLiteral("%1 could not be read: %2").arg(m_root.toString(), first.error));
    const Result<bool> sitemap = queueSitemap(first.body);
    if (!sitemap)
        return sitemap.error();
    m_followLinks = !*sitemap;
    if (m_followLinks) {
        std::lock_guard lock(m_lock);
        enqueue(m_root, 0);
    }
    const int workers = m_robots->crawlDelaySeconds() > 0 ? 1 : kMaxInFlight;
    std::vector<std::thread> threads;
    for (int i = 0; i < workers; ++i)
        threads.emplace_back([this] { work(); });
    for (std::thread &t : threads)
        t.join();
    *complete = !m_truncated && !m_cancelled;
    return Ok{};
}

void WebsiteCrawl::work()
{
    for (;;) {
        Pending p;
        {
            std::unique_lock lock(m_lock);
            m_changed.wait(lock, [this] { return m_cancelled || !m_queue.empty() || m_inFlight == 0; });
            if (m_cancelled || m_queue.empty()) {
                m_changed.notify_all();
                return;
            }
            p = m_queue.front();
            m_queue.pop_front();
            ++m_inFlight;
        }
        QList<QUrl> links;
        const FetchedPage page = fetch(p, &links);
        if (m_callbacks.page)
            m_callbacks.page(page);
        {
            std::lock_guard lock(m_lock);
            --m_inFlight;
            if (m_followLinks && p.depth < kMaxDepth)
                for (const QUrl &link : links)
                    if (sameSite(link, m_root) && m_robots->allowed(link) && !plainlyNoPage(link))
                        enqueue(link, p.depth + 1);
        }
        m_changed.notify_all();
    }
}

FetchedPage WebsiteCrawl::fetch(const Pending &p, QList<QUrl> *links)
{
    FetchedPage page;
    page.requestedUrl = keyOf(p.url);
    page.url = page.requestedUrl;
    QList<QPair<QByteArray, QByteArray>> conditional;
    if (const auto known = m_known.constFind(page.requestedUrl); known != m_known.cend()) {
        if (!known->etag.isEmpty())
            conditional.append({QByteArrayLiteral("If-None-Match"), known->etag.toUtf8()});
        if (!known->lastModified.isEmpty())
            conditional.append({QByteArrayLiteral("If-Modified-Since"), known->lastModified.toUtf8()});
    }
    QUrl at;
    const OutboundResult answer = get(p.url, conditional, &at);
    page.etag = QString::fromUtf8(answer.etag);
    page.lastModified = QString::fromUtf8(answer.lastModified);
    using O = FetchedPage::Outcome;
    if (answer.notModified()) {
        page.outcome = O::NotModified;
        return page;
    }
    if (answer.gone()) {
        page.outcome = O::Gone;
        return page;
    }
    if (!answer.ok()) {
        page.outcome = O::Failed;
        page.error = answer.error.isEmpty() ? QStringLiteral("HTTP %1").arg(answer.status) : answer.error;
        return page;
    }
    const QByteArray type = answer.contentType.toLower();
    if (type.startsWith("application/pdf")) {
        const Result<QStringList> text = web::PdfText::pages(answer.body);
        page.outcome = text ? O::Page : O::Failed;
        page.error = text ? QString() : text.error().message;
        page.title = QFileInfo(at.path()).completeBaseName();
        page.text = text ? text->join(QStringLiteral("\n\n")) : QString();
    } else if (type.isEmpty() || type.startsWith("text/html") || type.startsWith("application/xhtml")) {
        readHtml(answer, at, page, links);
    } else {
        page.outcome = O::Failed;
        page.error = QStringLiteral("not a web page (%1)").arg(QString::fromUtf8(type.left(80)));
    }
    if (page.outcome == O::Page && !wanted(QUrl(page.requestedUrl)))
        page.outcome = O::Skipped; // a start page outside the include paths: its links only
    return page;
}

void WebsiteCrawl::readHtml(const OutboundResult &answer, const QUrl &at, FetchedPage &page, QList<QUrl> *links)
{
    using O = FetchedPage::Outcome;
    const Result<web::HtmlPage> html = web::HtmlPage::parse(answer.body, at, charsetOf(answer.contentType));
    if (!html) {
        page.outcome = O::Failed;
        page.error = html.error().message;
        return;
    }
    if (!html->robots.nofollow)
        *links = html->links;
    if (html->robots.noindex) {
        page.outcome = O::Gone;
        return;
    }
    if (html->canonicalUrl.isValid() && sameSite(html->canonicalUrl, m_root))
        page.url = keyOf(html->canonicalUrl);
    page.title = html->title.isEmpty() ? QFileInfo(at.path()).completeBaseName() : html->title;
    page.text = html->text;
    if (page.text.trimmed().isEmpty()) {
        page.outcome = O::Failed;
        page.error = QStringLiteral("no text");
        return;
    }
    std::lock_guard lock(m_lock);
    if (m_canonical.contains(page.url))
        page.outcome = O::Skipped; // the same page under another address
    else
        m_canonical.insert(page.url);
}

} // namespace tierdesk
