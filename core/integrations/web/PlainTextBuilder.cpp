#include "core/integrations/web/PlainTextBuilder.h"

#include <QStringList>

#include <algorithm>

namespace tierdesk::web {

namespace {

constexpr int kMaxBreaks = 2; // paragraphs are one empty line apart, however many tags asked for more

// Zero-width characters that mail templates put between words (preheader padding, soft hyphens).
bool isInvisible(QChar c)
{
    const char16_t u = c.unicode();
    return u == 0x00AD || (u >= 0x200B && u <= 0x200D) || u == 0xFEFF || u == 0x034F || u == 0x2060;
}

bool isHtmlSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r')
        || c == QLatin1Char('\f') || c.unicode() == 0x00A0;
}

// The address a link's text already says needs no repeating: "example.com/x" for
// "https://example.com/x/", "a@example.com" for "mailto:a@example.com".
QString linkKey(QString s)
{
    s = s.trimmed().toLower();
    for (const QLatin1String prefix : {QLatin1String("mailto:"), QLatin1String("https://"), QLatin1String("http://")}) {
        if (s.startsWith(prefix))
            s = s.mid(prefix.size());
    }
    if (s.startsWith(QLatin1String("www.")))
        s = s.mid(4);
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    return s;
}

// Addresses a reader can use; "javascript:", "#top" and "cid:" are not.
bool isShownLink(const QString &href)
{
    const QString h = href.trimmed().toLower();
    return h.startsWith(QLatin1String("http://")) || h.startsWith(QLatin1String("https://"))
        || h.startsWith(QLatin1String("mailto:")) || h.startsWith(QLatin1String("tel:"))
        || h.startsWith(QLatin1String("ftp://"));
}

} // namespace

void PlainTextBuilder::text(QStringView s)
{
    for (const QChar c : s) {
        if (isInvisible(c))
            continue;
        if (m_pre > 0) {
            if (c == QLatin1Char('\n') && m_breaks > 0) {
                lineBreak(); // merges with the break the block asked for
            } else if (c == QLatin1Char('\n')) {
                flush();
                while (m_out.endsWith(QLatin1Char(' '))) // a line's trailing blanks go (result() too)
                    m_out.chop(1);
                if (!m_out.endsWith(QLatin1String("\n\n"))) // one blank line at most, in <pre> too
                    m_out += QLatin1Char('\n');
            } else if (c != QLatin1Char('\r')) {
                flush();
                m_out += c.unicode() == 0x00A0 ? QLatin1Char(' ') : c;
            }
        } else if (isHtmlSpace(c)) {
            m_space = true;
        } else {
            flush();
            m_out += c;
        }
    }
}

void PlainTextBuilder::breaks(int n)
{
    m_breaks = std::min(std::max(m_breaks, n), kMaxBreaks);
    m_space = false;
    m_separator.clear();
}

void PlainTextBuilder::lineBreak()
{
    m_breaks = std::min(m_breaks + 1, kMaxBreaks);
    m_separator.clear();
}

void PlainTextBuilder::space()
{
    m_space = true;
}

void PlainTextBuilder::separator(const QString &s)
{
    m_separator = s;
}

void PlainTextBuilder::flush()
{
    const bool atLineStart = m_out.isEmpty() || m_out.endsWith(QLatin1Char('\n'));
    if (m_breaks > 0 && !m_out.isEmpty()) {
        while (m_out.endsWith(QLatin1Char(' ')))
            m_out.chop(1);
        int ended = 0; // line breaks already there (a <pre>'s last one)
        while (ended < m_breaks && m_out.size() > ended && m_out.at(m_out.size() - 1 - ended) == QLatin1Char('\n'))
            ++ended;
        m_out += QString(m_breaks - ended, QLatin1Char('\n'));
    } else if (!atLineStart && !m_separator.isEmpty()) {
        m_out += m_separator; // its own spaces, if any, stand for the white space around it
    } else if (m_space && !atLineStart) {
        m_out += QLatin1Char(' ');
    }
    m_breaks = 0;
    m_space = false;
    m_separator.clear();
    if (!m_prefix.isEmpty()) {
        m_out += m_prefix;
        m_prefix.clear();
    }
}

void PlainTextBuilder::openLink(const QString &href)
{
    closeLink();
    m_href = href;
    m_linkStart = m_out.size();
}

void PlainTextBuilder::closeLink()
{
    if (m_linkStart < 0)
        return;
    const QString shown = m_out.mid(m_linkStart).simplified();
    const QString href = m_href.trimmed();
    m_linkStart = -1;
    if (shown.isEmpty() || !isShownLink(href) || linkKey(shown) == linkKey(href))
        return;
    flush();
    m_out += QStringLiteral(" (") + href + QLatin1Char(')');
}

QString PlainTextBuilder::result() const
{
    QStringList lines = m_out.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
    }
    return lines.join(QLatin1Char('\n')).trimmed();
}

} // namespace tierdesk::web
