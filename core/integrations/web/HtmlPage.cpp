#include "core/integrations/web/HtmlPage.h"

#include "core/integrations/web/GumboTree.h"
#include "core/integrations/web/HtmlTextWriter.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <functional>
#include <utility>

namespace tierdesk::web {

namespace {

// The page as UTF-8, which is all gumbo reads.
QByteArray pageAsUtf8(const QByteArray &html, const QByteArray &charset)
{
    QStringDecoder decoder
        = charset.isEmpty() ? QStringDecoder::decoderForHtml(html) : QStringDecoder(charset.constData());
    if (decoder.isValid() && qstricmp(decoder.name(), "UTF-8") != 0)
        return QString(decoder.decode(html)).toUtf8();
    if (!decoder.isValid() && !QByteArrayView(html).isValidUtf8())
        return QString::fromLatin1(html).toUtf8(); // a charset nobody knows: most likely a Western one
    return html.startsWith("\xEF\xBB\xBF") ? html.mid(3) : html; // a byte order mark is no text
}

// Space-separated tokens of an attribute (rel), compared without case.
bool hasToken(const QString &tokens, QLatin1String token)
{
    static const QRegularExpression spaces(QStringLiteral("[ \\t\\n\\f\\r]+"));
    const QStringList list = tokens.split(spaces, Qt::SkipEmptyParts);
    return std::any_of(
        list.cbegin(), list.cend(), [token](const QString &t) { return t.compare(token, Qt::CaseInsensitive) == 0; });
}

bool isWebUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        && !url.host().isEmpty();
}

// An attribute's URL resolved against `base`, without its fragment; empty unless http(s).
QUrl resolvedUrl(const QUrl &base, const QString &href)
{
    const QUrl url = base.resolved(QUrl(href.trimmed())).adjusted(QUrl::RemoveFragment);
    return isWebUrl(url) ? url : QUrl();
}

QUrl documentBase(const GumboTree &tree, const QUrl &pageUrl)
{
    const GumboNode *base = GumboTree::find(tree.html(), [](const GumboNode *node) {
        return GumboTree::isElement(node, GUMBO_TAG_BASE) && GumboTree::hasAttribute(node, "href");
    });
    if (!base)
        return pageUrl;
    const QUrl url = resolvedUrl(pageUrl, GumboTree::attribute(base, "href"));
    return url.isEmpty() ? pageUrl : url;
}

QUrl canonicalOf(const GumboTree &tree, const QUrl &base)
{
    const GumboNode *link = GumboTree::find(tree.head(), [](const GumboNode *node) {
        return GumboTree::isElement(node, GUMBO_TAG_LINK)
            && hasToken(GumboTree::attribute(node, "rel"), QLatin1String("canonical"))
            && GumboTree::hasAttribute(node, "href");
    });
    return link ? resolvedUrl(base, GumboTree::attribute(link, "href")) : QUrl();
}

MetaRobots metaRobotsOf(const GumboTree &tree)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    MetaRobots robots;
    GumboTree::walk(
        tree.html(),
        [&robots](const GumboNode *node) {
            if (!GumboTree::isElement(node, GUMBO_TAG_META))
                return GumboTree::isElement(node);
            const QString name = GumboTree::attribute(node, "name").trimmed().toLower();
            if (name != QLatin1String("robots") && name != QLatin1String("tierdesk"))
                return false;
            const QStringList tokens = GumboTree::attribute(node, "content").toLower().split(separators);
            const bool none = tokens.contains(QLatin1String("none"));
            robots.noindex = robots.noindex || none || tokens.contains(QLatin1String("noindex"));
            robots.nofollow = robots.nofollow || none || tokens.contains(QLatin1String("nofollow"));
            return false;
        },
        [](const GumboNode *) {});
    return robots;
}

QList<QUrl> linksOf(const GumboTree &tree, const QUrl &base, const QUrl &pageUrl)
{
    QList<QUrl> links;
    QSet<QUrl> seen{pageUrl.adjusted(QUrl::RemoveFragment)};
    GumboTree::walk(
        tree.html(),
        [&](const GumboNode *node) {
            if (GumboTree::isElement(node, GUMBO_TAG_TEMPLATE))
                return false; // a template's links are not on the page
            if (!GumboTree::isElement(node, GUMBO_TAG_A) || !GumboTree::hasAttribute(node, "href"))
                return GumboTree::isElement(node);
            if (hasToken(GumboTree::attribute(node, "rel"), QLatin1String("nofollow")))
                return true;
            const QUrl url = resolvedUrl(base, GumboTree::attribute(node, "href"));
            if (!url.isEmpty() && !seen.contains(url)) {
                seen.insert(url);
                links.append(url);
            }
            return true;
        },
        [](const GumboNode *) {});
    return links;
}

bool hasRole(const GumboNode *element, std::initializer_list<QLatin1String> roles)
{
    const QString role = GumboTree::attribute(element, "role");
    return std::any_of(roles.begin(), roles.end(), [&role](QLatin1String r) { return hasToken(role, r); });
}

// A <header> of the page itself (ARIA's banner), not one of an article or a section.
bool isPageHeader(const GumboNode *header)
{
    for (const GumboNode *node = header->parent; GumboTree::isElement(node); node = node->parent) {
        switch (node->v.element.tag) {
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_SECTION:
            return false;
        default:
            break;
        }
    }
    return true;
}

// Controls and site chrome, which are not the article: navigation, sidebars, footers (the page's,
// and an article's votes and related links), forms and buttons, the page's own header.
bool isPageChrome(const GumboNode *element)
{
    switch (element->v.element.tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
        return true;
    case GUMBO_TAG_HEADER:
        return isPageHeader(element);
    default:
        break;
    }
    return hasRole(element,
        {QLatin1String("navigation"), QLatin1String("search"), QLatin1String("banner"), QLatin1String("contentinfo"),
            QLatin1String("complementary")});
}

bool hasWords(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetterOrNumber(); });
}

QString contentText(const GumboNode *root)
{
    HtmlTextWriter::Options options;
    options.markdownHeadings = true;
    options.cellSeparator = QStringLiteral(" | ");
    options.drop = isPageChrome;
    return HtmlTextWriter::text(root, options);
}

// The main content's element and its text (see HtmlPage::text).
std::pair<const GumboNode *, QString> mainContent(const GumboTree &tree)
{
    const GumboNode *body = tree.body();
    const auto shown = [](const GumboNode *node, auto match) {
        return GumboTree::isElement(node) && !HtmlTextWriter::isNeverText(node) && match(node);
    };
    const std::function<bool(const GumboNode *)> candidates[] = {
        [](const GumboNode *node) { return node->v.element.tag == GUMBO_TAG_MAIN; },
        [](const GumboNode *node) { return node->v.element.tag == GUMBO_TAG_ARTICLE; },
        [](const GumboNode *node) { return hasRole(node, {QLatin1String("main")}); },
    };
    for (const auto &candidate : candidates) {
        const GumboNode *root = GumboTree::find(body, [&](const GumboNode *node) { return shown(node, candidate); });
        if (!root)
            continue;
        QString text = contentText(root);
        if (hasWords(text))
            return {root, text};
    }
    return {body, contentText(body)};
}

QString titleOf(const GumboTree &tree, const GumboNode *content)
{
    const auto firstH1 = [](const GumboNode *top) {
        return GumboTree::find(top, [](const GumboNode *node) {
            return GumboTree::isElement(node, GUMBO_TAG_H1) && hasWords(HtmlTextWriter::line(node));
        });
    };
    const GumboNode *h1 = firstH1(content);
    if (!h1)
        h1 = firstH1(tree.body());
    if (h1)
        return HtmlTextWriter::line(h1);
    const GumboNode *title = GumboTree::find(
        tree.head(), [](const GumboNode *node) { return GumboTree::isElement(node, GUMBO_TAG_TITLE); });
    return title ? HtmlTextWriter::line(title) : QString();
}

} // namespace

Result<HtmlPage> HtmlPage::parse(const QByteArray &html, const QUrl &url, const QByteArray &charset)
{
    if (html.size() > kMaxBytes)
        return makeError(ErrorKind::LimitExceeded, QStringLiteral("the page is larger than %1 bytes").arg(kMaxBytes));
    GumboTree::Limits limits;
    limits.maxBytes = kMaxBytes * 2; // a Latin-1 page grows as UTF-8; kMaxBytes bounds what was fetched
    auto tree = GumboTree::parse(pageAsUtf8(html, charset), limits);
    if (!tree)
        return tree.error();
    HtmlPage page;
    page.url = url;
    const QUrl base = documentBase(*tree, url);
    page.canonicalUrl = canonicalOf(*tree, base);
    page.links = linksOf(*tree, base, url);
    page.robots = metaRobotsOf(*tree);
    const auto [content, text] = mainContent(*tree);
    page.text = text;
    page.title = titleOf(*tree, content);
    return page;
}

} // namespace tierdesk::web
