#include "core/integrations/web/GumboTree.h"

#include "core/integrations/web/GumboArena.h"

#include <algorithm>

namespace tierdesk::web {

namespace {

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isUtf8Continuation(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Runs gumbo in its own frame, as setjmp wants: nothing here outlives a longjmp from the arena.
GumboOutput *parseInArena(GumboArena &arena, const char *data, std::size_t size)
{
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &GumboArena::allocate;
    options.deallocator = &GumboArena::deallocate;
    options.userdata = &arena;
    options.max_errors = 0; // the parse errors are not read: recording them only costs memory
    if (setjmp(arena.exhausted) != 0)
        return nullptr;
    return gumbo_parse_with_options(&options, data, size);
}

} // namespace

qsizetype GumboTree::prefixWithin(QByteArrayView utf8, const Limits &limits)
{
    qsizetype end = std::min(utf8.size(), limits.maxBytes);
    qsizetype tags = 0;
    for (qsizetype i = 0; i + 1 < end; ++i) {
        if (utf8[i] == '<' && isAsciiLetter(utf8[i + 1]) && ++tags > limits.maxStartTags) {
            end = i;
            break;
        }
    }
    while (end > 0 && end < utf8.size() && isUtf8Continuation(utf8[end]))
        --end;
    return end;
}

Result<GumboTree> GumboTree::parse(const QByteArray &utf8, const Limits &limits)
{
    if (utf8.size() > limits.maxBytes)
        return makeError(
            ErrorKind::LimitExceeded, QStringLiteral("the HTML is larger than %1 bytes").arg(limits.maxBytes));
    if (prefixWithin(utf8, limits) < utf8.size())
        return makeError(
            ErrorKind::LimitExceeded, QStringLiteral("the HTML has more than %1 tags").arg(limits.maxStartTags));
    auto arena = std::make_unique<GumboArena>(limits.maxMemoryBytes);
    GumboOutput *output = parseInArena(*arena, utf8.constData(), static_cast<std::size_t>(utf8.size()));
    if (!output)
        return makeError(ErrorKind::LimitExceeded,
            QStringLiteral("the HTML needs more than %1 bytes of memory to parse").arg(limits.maxMemoryBytes));
    return GumboTree(utf8, std::move(arena), output);
}

GumboTree::GumboTree(const QByteArray &input, std::unique_ptr<GumboArena> arena, GumboOutput *output)
    : m_input(input), m_arena(std::move(arena)), m_output(output)
{
}

GumboTree::GumboTree(GumboTree &&) noexcept = default;
GumboTree &GumboTree::operator=(GumboTree &&) noexcept = default;
GumboTree::~GumboTree() = default; // the arena frees the output: see GumboArena

const GumboNode *GumboTree::head() const
{
    return find(html(), [](const GumboNode *node) { return isElement(node, GUMBO_TAG_HEAD); });
}

const GumboNode *GumboTree::body() const
{
    // <body> or <frameset> is a child of <html>: no need to walk the head's subtree.
    for (const GumboNode *child = firstChild(html()); child; child = nextSibling(child)) {
        if (isElement(child, GUMBO_TAG_BODY) || isElement(child, GUMBO_TAG_FRAMESET))
            return child;
    }
    return html();
}

bool GumboTree::isElement(const GumboNode *node)
{
    return node && (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}

bool GumboTree::isElement(const GumboNode *node, GumboTag tag)
{
    return isElement(node) && node->v.element.tag == tag;
}

QByteArray GumboTree::tagName(const GumboNode *node)
{
    if (!isElement(node))
        return {};
    const GumboElement &element = node->v.element;
    if (element.tag != GUMBO_TAG_UNKNOWN)
        return QByteArray(gumbo_normalized_tagname(element.tag));
    GumboStringPiece original = element.original_tag;
    gumbo_tag_from_original_text(&original); // "<xml a=1>" to "xml a=1"
    QByteArray name(original.data, static_cast<qsizetype>(original.length));
    const auto endsName
        = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '/'; };
    qsizetype length = 0;
    while (length < name.size() && !endsName(name[length]))
        ++length;
    name.truncate(length);
    return name.toLower();
}

QString GumboTree::attribute(const GumboNode *node, const char *name)
{
    if (!isElement(node))
        return {};
    const GumboAttribute *attribute = gumbo_get_attribute(&node->v.element.attributes, name);
    return attribute ? QString::fromUtf8(attribute->value) : QString();
}

bool GumboTree::hasAttribute(const GumboNode *node, const char *name)
{
    return isElement(node) && gumbo_get_attribute(&node->v.element.attributes, name);
}

const GumboVector *GumboTree::children(const GumboNode *node)
{
    if (!node)
        return nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT)
        return &node->v.document.children;
    return isElement(node) ? &node->v.element.children : nullptr;
}

const GumboNode *GumboTree::firstChild(const GumboNode *node)
{
    const GumboVector *kids = children(node);
    return kids && kids->length > 0 ? static_cast<const GumboNode *>(kids->data[0]) : nullptr;
}

const GumboNode *GumboTree::nextSibling(const GumboNode *node)
{
    const GumboVector *siblings = node ? children(node->parent) : nullptr;
    const std::size_t next = node ? node->index_within_parent + 1 : 0;
    return siblings && next < siblings->length ? static_cast<const GumboNode *>(siblings->data[next]) : nullptr;
}

} // namespace tierdesk::web
