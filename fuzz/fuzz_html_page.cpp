// Fuzzes a help center page's reading (core/integrations/web/HtmlPage, gumbo underneath): the input
// is the page's bytes as fetched, read from a fixed address with no declared charset.
// Properties: a refusal is LimitExceeded with a message; a page read has a one-line title, links
// that are absolute http(s) addresses without a fragment, each once and never the page itself, a
// canonical address that is empty or http(s), text laid out as promised (no blank line beyond
// one, no trailing blanks on a line, nothing around it), and reading it again gives the same page.
#include "core/integrations/web/HtmlPage.h"
#include "fuzz/FuzzCheck.h"

#include <QSet>

#include <cstddef>
#include <cstdint>

using namespace tierdesk;
using namespace tierdesk::web;

namespace {

const QUrl kPageUrl(QStringLiteral("https://help.example/hc/en-us/articles/1-returns?lang=en"));

bool isWebUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        && !url.host().isEmpty() && !url.hasFragment();
}

void checkText(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    fuzz::check(text.trimmed() == text, "the text has no white space around it", utf8);
    fuzz::check(!text.contains(QLatin1String("\n\n\n")), "at most one blank line in a row", utf8);
    fuzz::check(!text.contains(QLatin1String(" \n")), "no line ends with a space", utf8);
}

void checkPage(const HtmlPage &page)
{
    fuzz::check(page.url == kPageUrl, "the page keeps its address");
    fuzz::check(!page.title.contains(QLatin1Char('\n')) && page.title.trimmed() == page.title,
        "the title is one trimmed line", page.title.toUtf8());
    fuzz::check(page.canonicalUrl.isEmpty() || isWebUrl(page.canonicalUrl), "the canonical address is http(s)",
        page.canonicalUrl.toEncoded());
    QSet<QUrl> seen;
    for (const QUrl &link : page.links) {
        fuzz::check(isWebUrl(link), "links are http(s) without a fragment", link.toEncoded());
        fuzz::check(link != kPageUrl, "the page is not its own link", link.toEncoded());
        fuzz::check(!seen.contains(link), "each link once", link.toEncoded());
        seen.insert(link);
    }
    checkText(page.text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray html(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto page = HtmlPage::parse(html, kPageUrl);
    if (!page) {
        fuzz::check(
            page.error().kind == ErrorKind::LimitExceeded, "a refusal is LimitExceeded", page.error().message.toUtf8());
        fuzz::check(!page.error().message.isEmpty(), "a refusal says why");
        return 0;
    }
    checkPage(*page);
    const auto again = HtmlPage::parse(html, kPageUrl);
    fuzz::check(again.ok() && again->text == page->text && again->title == page->title && again->links == page->links,
        "reading the page again gives the same page");
    return 0;
}
