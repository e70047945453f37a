#include "core/integrations/web/HtmlTextWriter.h"

#include "core/integrations/web/GumboTree.h"
#include "core/integrations/web/PlainTextBuilder.h"

#include <algorithm>

namespace tierdesk::web {

namespace {

// Line breaks an element asks for before and after itself: 2 a paragraph, 1 a line, 0 inline.
// Lists, list items, headings, <pre> and table cells are handled on their own.
int blockBreaks(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DETAILS:
        return 2;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_LEGEND:
        return 1;
    default:
        return 0;
    }
}

int headingLevel(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_H1:
        return 1;
    case GUMBO_TAG_H2:
        return 2;
    case GUMBO_TAG_H3:
        return 3;
    case GUMBO_TAG_H4:
        return 4;
    case GUMBO_TAG_H5:
        return 5;
    case GUMBO_TAG_H6:
        return 6;
    default:
        return 0;
    }
}

bool isCell(const GumboNode *node)
{
    return GumboTree::isElement(node, GUMBO_TAG_TD) || GumboTree::isElement(node, GUMBO_TAG_TH);
}

bool followsCell(const GumboNode *cell)
{
    const GumboVector *siblings = GumboTree::children(cell->parent);
    for (std::size_t i = cell->index_within_parent; siblings && i > 0; --i) {
        if (isCell(static_cast<const GumboNode *>(siblings->data[i - 1])))
            return true;
    }
    return false;
}

bool isHidden(const GumboNode *element)
{
    if (GumboTree::hasAttribute(element, "hidden"))
        return true;
    if (GumboTree::attribute(element, "aria-hidden").trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
        return true;
    QString style = GumboTree::attribute(element, "style").toLower();
    style.remove(QLatin1Char(' '));
    return style.contains(QLatin1String("display:none"));
}

// One walk over the tree: what each element adds to the text when it opens and when it closes.
class TextWalk {
public:
    TextWalk(const GumboNode *top, const HtmlTextWriter::Options &options) : m_top(top), m_options(options) { }

    bool enter(const GumboNode *node);
    void leave(const GumboNode *node);
    QString result()
    {
        m_out.closeLink();
        return m_out.result();
    }

private:
    void openElement(const GumboNode *element);

    const GumboNode *m_top; // asked for by name: its own text even when it is a <title>
    const HtmlTextWriter::Options &m_options;
    PlainTextBuilder m_out;
    int m_lists = 0;
    int m_headings = 0;
    int m_cells = 0; // table cells open: their paragraphs are no lines of their own
};

bool TextWalk::enter(const GumboNode *node)
{
    switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
        m_out.text(QString::fromUtf8(node->v.text.text));
        return false;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
        if (node != m_top && (HtmlTextWriter::isNeverText(node) || (m_options.drop && m_options.drop(node))))
            return false;
        openElement(node);
        return true;
    default:
        return node->type == GUMBO_NODE_DOCUMENT;
    }
}

void TextWalk::openElement(const GumboNode *element)
{
    const GumboTag tag = element->v.element.tag;
    if (tag == GUMBO_TAG_BR) {
        if (m_headings > 0)
            m_out.space(); // a heading stays one line
        else
            m_out.lineBreak();
    } else if (tag == GUMBO_TAG_A && m_options.linkTargets) {
        m_out.openLink(GumboTree::attribute(element, "href"));
    } else if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) {
        ++m_lists;
        m_out.breaks(m_lists > 1 ? 1 : 2);
    } else if (tag == GUMBO_TAG_LI) {
        m_out.breaks(1);
        m_out.prefix(QString((std::max(m_lists, 1) - 1) * 2, QLatin1Char(' ')) + QStringLiteral("- "));
    } else if (isCell(element)) {
        ++m_cells;
        if (followsCell(element))
            m_out.separator(m_options.cellSeparator);
    } else if (m_cells > 0 && (headingLevel(tag) > 0 || blockBreaks(tag) > 0)) {
        m_out.space(); // a row stays one line: "Lock screen | Super+L", though each cell holds a <p>
    } else if (const int level = headingLevel(tag); level > 0) {
        ++m_headings;
        m_out.breaks(2);
        if (m_options.markdownHeadings)
            m_out.prefix(QString(level, QLatin1Char('#')) + QLatin1Char(' '));
    } else if (tag == GUMBO_TAG_PRE) {
        m_out.breaks(2);
        m_out.enterPre();
    } else if (const int around = blockBreaks(tag); around > 0) {
        m_out.breaks(around);
    }
}

void TextWalk::leave(const GumboNode *node)
{
    if (!GumboTree::isElement(node))
        return;
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_A && m_options.linkTargets) {
        m_out.closeLink();
    } else if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) {
        m_lists = std::max(0, m_lists - 1);
        m_out.breaks(m_lists > 0 ? 1 : 2);
    } else if (tag == GUMBO_TAG_LI) {
        m_out.dropPrefix();
        m_out.breaks(1);
    } else if (isCell(node)) {
        m_cells = std::max(0, m_cells - 1);
    } else if (m_cells > 0 && (headingLevel(tag) > 0 || blockBreaks(tag) > 0)) {
        m_out.space();
    } else if (headingLevel(tag) > 0) {
        m_headings = std::max(0, m_headings - 1);
        m_out.dropPrefix();
        m_out.breaks(2);
    } else if (tag == GUMBO_TAG_PRE) {
        m_out.leavePre();
        m_out.breaks(2);
    } else if (const int around = blockBreaks(tag); around > 0) {
        m_out.breaks(around);
    }
}

} // namespace

bool HtmlTextWriter::isNeverText(const GumboNode *element)
{
    switch (element->v.element.tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_IFRAME:
        return true;
    case GUMBO_TAG_UNKNOWN:
        if (GumboTree::tagName(element) == "xml")
            return true;
        break;
    default:
        break;
    }
    return isHidden(element);
}

QString HtmlTextWriter::text(const GumboNode *top, const Options &options)
{
    TextWalk walk(top, options);
    GumboTree::walk(
        top, [&walk](const GumboNode *node) { return walk.enter(node); },
        [&walk](const GumboNode *node) { walk.leave(node); });
    return walk.result();
}

QString HtmlTextWriter::line(const GumboNode *top)
{
    return text(top, Options{}).simplified();
}

} // namespace tierdesk::web
