#include "core/integrations/mail/HtmlText.h"

#include "core/integrations/mail/HtmlEntities.h"

#include <QSet>

#include <algorithm>

namespace tierdesk::mail {

namespace {

constexpr int kMaxBlankLines = 1; // paragraphs are one empty line apart, however many tags asked for more
constexpr qsizetype kMaxTagNameChars = 32;

// Elements whose content is never text: dropped up to their closing tag.
bool isDroppedElement(const QString &name)
{
    static const QSet<QString> dropped{QStringLiteral("script"), QStringLiteral("style"), QStringLiteral("head"),
        QStringLiteral("title"), QStringLiteral("template"), QStringLiteral("noscript"), QStringLiteral("xml")};
    return dropped.contains(name);
}

// Line breaks an element asks for before and after itself: 2 a paragraph, 1 a line, 0 inline.
int breaksAround(const QString &name)
{
    static const QSet<QString> paragraphs{QStringLiteral("p"), QStringLiteral("h1"), QStringLiteral("h2"),
        QStringLiteral("h3"), QStringLiteral("h4"), QStringLiteral("h5"), QStringLiteral("h6"),
        QStringLiteral("blockquote"), QStringLiteral("pre"), QStringLiteral("table"), QStringLiteral("hr"),
        QStringLiteral("dl"), QStringLiteral("figure"), QStringLiteral("fieldset"), QStringLiteral("address")};
    static const QSet<QString> lines{QStringLiteral("div"), QStringLiteral("tr"), QStringLiteral("li"),
        QStringLiteral("dt"), QStringLiteral("dd"), QStringLiteral("section"), QStringLiteral("article"),
        QStringLiteral("header"), QStringLiteral("footer"), QStringLiteral("nav"), QStringLiteral("aside"),
        QStringLiteral("main"), QStringLiteral("figcaption"), QStringLiteral("center"), QStringLiteral("caption"),
        QStringLiteral("form"), QStringLiteral("body"), QStringLiteral("option")};
    if (paragraphs.contains(name))
        return 2;
    return lines.contains(name) ? 1 : 0;
}

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

// One tag as read: its lower-case name, whether it closes, and its href.
struct HtmlTag {
    QString name;
    bool closing = false;
    QString href;
};

// Builds the text: collapses white space, places line breaks, list bullets and link targets.
class TextBuilder {
public:
    void text(QStringView s)
    {
        for (const QChar c : s) {
            if (isInvisible(c))
                continue;
            if (m_pre > 0) {
                if (c == QLatin1Char('\n')) {
                    m_out += QLatin1Char('\n');
                    m_breaks = 0;
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
    void breaks(int n)
    {
        m_breaks = std::min(std::max(m_breaks, n), kMaxBlankLines + 1);
        m_space = false;
    }
    void lineBreak() { m_breaks = std::min(m_breaks + 1, kMaxBlankLines + 1); }
    void space() { m_space = true; }
    void bullet(int depth)
    {
        m_bullet = QString((std::max(depth, 1) - 1) * 2, QLatin1Char(' ')) + QStringLiteral("- ");
    }
    void enterPre(int delta) { m_pre = std::max(0, m_pre + delta); }
    void openLink(const QString &href)
    {
        closeLink();
        m_href = href;
        m_linkStart = m_out.size();
    }
    void closeLink();
    QString result() const;

private:
    void flush();

    QString m_out;
    int m_breaks = 0;
    bool m_space = false;
    int m_pre = 0;
    QString m_bullet;
    QString m_href;
    qsizetype m_linkStart = -1;
};

void TextBuilder::flush()
{
    if (m_breaks > 0 && !m_out.isEmpty()) {
        while (m_out.endsWith(QLatin1Char(' ')))
            m_out.chop(1);
        m_out += QString(m_breaks, QLatin1Char('\n'));
    } else if (m_space && !m_out.isEmpty() && !m_out.endsWith(QLatin1Char('\n'))) {
        m_out += QLatin1Char(' ');
    }
    m_breaks = 0;
    m_space = false;
    if (!m_bullet.isEmpty()) {
        m_out += m_bullet;
        m_bullet.clear();
    }
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

bool isShownLink(const QString &href)
{
    const QString h = href.trimmed().toLower();
    return h.startsWith(QLatin1String("http://")) || h.startsWith(QLatin1String("https://"))
        || h.startsWith(QLatin1String("mailto:")) || h.startsWith(QLatin1String("tel:"))
        || h.startsWith(QLatin1String("ftp://"));
}

void TextBuilder::closeLink()
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

QString TextBuilder::result() const
{
    QStringList lines = m_out.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
    }
    return lines.join(QLatin1Char('\n')).trimmed();
}

// Reads an attribute value at `i` (quoted or not), entities decoded.
QString attributeValue(const QString &html, qsizetype &i)
{
    const qsizetype n = html.size();
    if (i < n && (html.at(i) == QLatin1Char('"') || html.at(i) == QLatin1Char('\''))) {
        const QChar quote = html.at(i);
        qsizetype end = html.indexOf(quote, i + 1);
        if (end < 0)
            end = n;
        const QString value = html.mid(i + 1, end - i - 1);
        i = std::min(end + 1, n);
        return HtmlEntities::decode(value);
    }
    const qsizetype start = i;
    while (i < n && !isHtmlSpace(html.at(i)) && html.at(i) != QLatin1Char('>'))
        ++i;
    return HtmlEntities::decode(html.mid(start, i - start));
}

// Reads the tag whose name starts at `i` (after "<" or "</"); leaves `i` after its '>' (or at the
// end: an unclosed tag takes the rest, as browsers read it).
HtmlTag readTag(const QString &html, qsizetype &i, bool closing)
{
    const qsizetype n = html.size();
    HtmlTag tag;
    tag.closing = closing;
    while (
        i < n && (html.at(i).isLetterOrNumber() || html.at(i) == QLatin1Char('-') || html.at(i) == QLatin1Char(':'))) {
        if (tag.name.size() < kMaxTagNameChars)
            tag.name += html.at(i).toLower();
        ++i;
    }
    while (i < n && html.at(i) != QLatin1Char('>')) {
        if (isHtmlSpace(html.at(i)) || html.at(i) == QLatin1Char('/')) {
            ++i;
            continue;
        }
        const qsizetype nameStart = i;
        while (i < n && !isHtmlSpace(html.at(i)) && html.at(i) != QLatin1Char('=') && html.at(i) != QLatin1Char('>')
            && html.at(i) != QLatin1Char('/'))
            ++i;
        const QString attribute = html.mid(nameStart, i - nameStart).toLower();
        while (i < n && isHtmlSpace(html.at(i)))
            ++i;
        if (i < n && html.at(i) == QLatin1Char('=')) {
            ++i;
            while (i < n && isHtmlSpace(html.at(i)))
                ++i;
            const QString value = attributeValue(html, i);
            if (attribute == QLatin1String("href"))
                tag.href = value;
        }
    }
    i = std::min(i + 1, n);
    return tag;
}

// Converts one document; holds where the reading is.
class HtmlReader {
public:
    explicit HtmlReader(const QString &html) : m_html(html) { }
    QString run();

private:
    void element(const HtmlTag &tag);
    void skipDropped(const QString &name);
    bool markup(); // at '<': reads a tag, comment or declaration; false when the '<' is text

    const QString &m_html;
    qsizetype m_i = 0;
    TextBuilder m_text;
    int m_lists = 0;
    bool m_noHeadEnd = false; // searched once for </head> in vain: not again (linear work)
};

QString HtmlReader::run()
{
    const qsizetype n = m_html.size();
    while (m_i < n) {
        if (m_html.at(m_i) == QLatin1Char('<') && markup())
            continue;
        qsizetype next = m_html.indexOf(QLatin1Char('<'), m_i + 1);
        if (next < 0)
            next = n;
        m_text.text(HtmlEntities::decode(m_html.mid(m_i, next - m_i)));
        m_i = next;
    }
    m_text.closeLink();
    return m_text.result();
}

bool HtmlReader::markup()
{
    const qsizetype n = m_html.size();
    const QChar next = m_i + 1 < n ? m_html.at(m_i + 1) : QChar();
    if (QStringView(m_html).mid(m_i, 4) == QLatin1String("<!--")) {
        const qsizetype end = m_html.indexOf(QLatin1String("-->"), m_i + 4);
        m_i = end < 0 ? n : end + 3;
        return true;
    }
    if (next == QLatin1Char('!') || next == QLatin1Char('?')) {
        const qsizetype end = m_html.indexOf(QLatin1Char('>'), m_i);
        m_i = end < 0 ? n : end + 1;
        return true;
    }
    const bool closing = next == QLatin1Char('/');
    const qsizetype nameAt = m_i + (closing ? 2 : 1);
    if (nameAt >= n || !m_html.at(nameAt).isLetter())
        return false; // "a < b": the '<' is text
    m_i = nameAt;
    const HtmlTag tag = readTag(m_html, m_i, closing);
    element(tag);
    return true;
}

void HtmlReader::skipDropped(const QString &name)
{
    const qsizetype n = m_html.size();
    if (name == QLatin1String("head")) {
        // Browsers end the head at <body> when </head> is missing; without either, only the tag goes.
        if (m_noHeadEnd)
            return;
        qsizetype end = m_html.indexOf(QLatin1String("</head"), m_i, Qt::CaseInsensitive);
        if (end < 0)
            end = m_html.indexOf(QLatin1String("<body"), m_i, Qt::CaseInsensitive);
        if (end < 0) {
            m_noHeadEnd = true;
            return;
        }
        m_i = end;
        return;
    }
    const qsizetype end = m_html.indexOf(QStringLiteral("</") + name, m_i, Qt::CaseInsensitive);
    if (end < 0) {
        m_i = n; // an unclosed script or style hides the rest, as in a browser
        return;
    }
    m_i = end + 2;
    readTag(m_html, m_i, true);
}

void HtmlReader::element(const HtmlTag &tag)
{
    const QString &name = tag.name;
    if (!tag.closing && isDroppedElement(name)) {
        skipDropped(name);
        return;
    }
    if (name == QLatin1String("br")) {
        m_text.lineBreak();
    } else if (name == QLatin1String("a")) {
        if (tag.closing)
            m_text.closeLink();
        else
            m_text.openLink(tag.href);
    } else if (name == QLatin1String("ul") || name == QLatin1String("ol")) {
        m_lists = std::max(0, m_lists + (tag.closing ? -1 : 1));
        m_text.breaks(m_lists > (tag.closing ? 0 : 1) ? 1 : 2);
    } else if (name == QLatin1String("td") || name == QLatin1String("th")) {
        m_text.space();
    } else if (const int around = breaksAround(name); around > 0) {
        m_text.breaks(around);
        if (name == QLatin1String("pre"))
            m_text.enterPre(tag.closing ? -1 : 1);
        if (name == QLatin1String("li") && !tag.closing)
            m_text.bullet(m_lists);
    }
}

} // namespace

QString HtmlText::toText(const QString &html)
{
    return HtmlReader(html).run();
}

} // namespace tierdesk::mail
