#include "core/integrations/web/RobotsTxt.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace tierdesk::web {

namespace {

constexpr qsizetype kMaxRobotsLineBytes = 2083 * 8; // Google's cut: a longer line is read in part

struct RobotsGroup {
    QList<QByteArray> agents; // lower case product tokens, "*" for every crawler
    QList<RobotsTxt::Rule> rules;
    std::optional<double> crawlDelay;
};

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

bool isUnreserved(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

void appendEncoded(QByteArray &out, int byte)
{
    static const char hex[] = "0123456789ABCDEF";
    out += '%';
    out += hex[(byte >> 4) & 0xF];
    out += hex[byte & 0xF];
}

// A path or a rule's pattern in the one form both are compared in (RFC 9309 section 2.2.2).
QByteArray normalisedPath(QByteArrayView in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%' && i + 2 < in.size() && isHexDigit(in[i + 1]) && isHexDigit(in[i + 2])) {
            const int byte = hexValue(in[i + 1]) * 16 + hexValue(in[i + 2]);
            if (isUnreserved(static_cast<char>(byte)))
                out += static_cast<char>(byte);
            else
                appendEncoded(out, byte);
            i += 2;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            appendEncoded(out, static_cast<unsigned char>(c));
        } else {
            out += c;
        }
    }
    return out;
}

// Google's matcher: `*` any run of characters, `$` at the pattern's end the path's end; every
// other character itself. Keeps the positions in `path` where the pattern read so far can end.
bool robotsPatternMatches(QByteArrayView path, QByteArrayView pattern)
{
    std::vector<qsizetype> ends{0};
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '$' && i + 1 == pattern.size())
            return ends.back() == path.size();
        if (c == '*') {
            const qsizetype from = ends.front();
            ends.clear();
            for (qsizetype p = from; p <= path.size(); ++p)
                ends.push_back(p);
            continue;
        }
        std::vector<qsizetype> next;
        for (const qsizetype p : ends) {
            if (p < path.size() && path[p] == c)
                next.push_back(p + 1);
        }
        if (next.empty())
            return false;
        ends.swap(next);
    }
    return true;
}

// A User-agent line's product token: "Tierdesk/1.0 (+https://...)" names "tierdesk".
QByteArray productToken(const QByteArray &value)
{
    if (value.startsWith('*'))
        return QByteArrayLiteral("*");
    const auto inToken
        = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-'; };
    qsizetype end = 0;
    while (end < value.size() && inToken(value[end]))
        ++end;
    return value.left(end).toLower();
}

std::optional<double> crawlDelayValue(const QByteArray &value)
{
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0)
        return std::nullopt;
    return std::min(seconds, RobotsTxt::kMaxCrawlDelaySeconds);
}

// A line's field (lower case) and value, comment and surrounding blanks removed; "Disallow /x"
// without its colon is read too, as Google does.
std::pair<QByteArray, QByteArray> robotsField(QByteArrayView line)
{
    const qsizetype hash = line.indexOf('#');
    const QByteArray text = (hash < 0 ? line : line.first(hash)).trimmed().toByteArray();
    qsizetype colon = text.indexOf(':');
    if (colon < 0) {
        colon = text.indexOf(' ') >= 0 ? text.indexOf(' ') : text.indexOf('\t');
        if (colon < 0)
            return {};
    }
    return {text.left(colon).trimmed().toLower(), text.mid(colon + 1).trimmed()};
}

// The file's groups in order; its Sitemap lines go to `sitemaps`.
QList<RobotsGroup> robotsGroups(QByteArrayView body, QList<QUrl> &sitemaps)
{
    QList<RobotsGroup> groups;
    QSet<QUrl> seenSitemaps;
    bool inAgentLines = false;
    qsizetype start = 0;
    while (start < body.size()) {
        qsizetype end = start;
        while (end < body.size() && body[end] != '\n' && body[end] != '\r')
            ++end;
        const auto [field, value] = robotsField(body.sliced(start, std::min(end - start, kMaxRobotsLineBytes)));
        start = end + 1;
        if (field == "user-agent") {
            if (!inAgentLines)
                groups.append(RobotsGroup{});
            groups.last().agents.append(productToken(value));
            inAgentLines = true;
        } else if (field == "allow" || field == "disallow" || field == "crawl-delay") {
            inAgentLines = false;
            if (groups.isEmpty())
                continue; // before any User-agent: nobody's rule
            if (field == "crawl-delay" && !groups.last().crawlDelay)
                groups.last().crawlDelay = crawlDelayValue(value);
            else if (field != "crawl-delay" && !value.isEmpty())
                groups.last().rules.append(RobotsTxt::Rule{normalisedPath(value), field == "allow"});
        } else if (field == "sitemap") {
            const QUrl url(QString::fromUtf8(value), QUrl::StrictMode);
            if (url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
                && !url.host().isEmpty() && !seenSitemaps.contains(url)) {
                seenSitemaps.insert(url);
                sitemaps.append(url);
            }
        }
    }
    return groups;
}

} // namespace

RobotsTxt RobotsTxt::disallowAll()
{
    RobotsTxt robots;
    robots.m_rules.append(Rule{QByteArrayLiteral("/"), false});
    return robots;
}

RobotsTxt RobotsTxt::parse(const QByteArray &body, QByteArrayView agent)
{
    QByteArrayView text = QByteArrayView(body).first(std::min(body.size(), kMaxBytes));
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3);
    RobotsTxt robots;
    const QList<RobotsGroup> groups = robotsGroups(text, robots.m_sitemaps);
    const QByteArray token = agent.toByteArray().toLower();
    const auto names = [](const RobotsGroup &group, const QByteArray &name) { return group.agents.contains(name); };
    const bool named
        = std::any_of(groups.cbegin(), groups.cend(), [&](const RobotsGroup &g) { return names(g, token); });
    const QByteArray chosen = named ? token : QByteArrayLiteral("*");
    bool delaySet = false;
    for (const RobotsGroup &group : groups) {
        if (!names(group, chosen))
            continue;
        robots.m_rules.append(group.rules);
        if (!delaySet && group.crawlDelay) {
            robots.m_crawlDelay = *group.crawlDelay;
            delaySet = true;
        }
    }
    for (Rule &rule : robots.m_rules) {
        if (!rule.pattern.startsWith('/') && !rule.pattern.startsWith('*'))
            rule.pattern.prepend('/');
    }
    return robots;
}

bool RobotsTxt::allowed(const QString &path) const
{
    QByteArray bytes = path.toUtf8();
    if (!bytes.startsWith('/'))
        bytes.prepend('/');
    return allowedPath(normalisedPath(bytes));
}

bool RobotsTxt::allowed(const QUrl &url) const
{
    QString path = url.path(QUrl::FullyEncoded);
    if (url.hasQuery())
        path += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
    return allowed(path);
}

bool RobotsTxt::allowedPath(const QByteArray &path) const
{
    if (path == "/robots.txt")
        return true;
    qsizetype longestAllow = -1;
    qsizetype longestDisallow = -1;
    for (const Rule &rule : m_rules) {
        qsizetype &longest = rule.allow ? longestAllow : longestDisallow;
        if (rule.pattern.size() > longest && robotsPatternMatches(path, rule.pattern))
            longest = rule.pattern.size();
    }
    return longestAllow >= longestDisallow;
}

} // namespace tierdesk::web
