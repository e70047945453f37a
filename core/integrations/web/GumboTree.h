#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <gumbo.h>

#include <memory>

namespace tierdesk::web {

class GumboArena;

// What one parse may take (GumboTree::parse).
struct GumboLimits {
    qsizetype maxBytes = 4 * 1024 * 1024; // of UTF-8 input
    qsizetype maxStartTags = 50000; // '<' before a letter, counted on the input as it is
    std::size_t maxMemoryBytes = 64 * 1024 * 1024; // gumbo's tree and its working memory at once
};

// An HTML document as gumbo parses it: the HTML5 parsing algorithm, so any bytes give the tree a
// browser would build (unclosed and stray tags, entities, implied <html>, <head> and <body>).
// Bounded: the input's size, its number of start tags (gumbo's time grows with the nesting depth
// times the tags: 50,000 nested <div>s take a few seconds) and the parse's memory. Nodes stay
// valid while the tree lives; every call parses on its own, so any thread may parse.
class GumboTree {
public:
    using Limits = GumboLimits;

    // UTF-8 bytes (an invalid sequence reads as U+FFFD), kept by the tree: gumbo's nodes point into
    // them. LimitExceeded when the input is over maxBytes or maxStartTags (see prefixWithin) or the
    // parse needs more than maxMemoryBytes.
    static Result<GumboTree> parse(const QByteArray &utf8, const Limits &limits = {});
    // How many bytes from the start of `utf8` are within maxBytes and maxStartTags, cut before a
    // tag's '<' or between two UTF-8 characters: the part a caller that prefers some text to
    // none may parse.
    static qsizetype prefixWithin(QByteArrayView utf8, const Limits &limits = {});

    GumboTree(GumboTree &&) noexcept;
    GumboTree &operator=(GumboTree &&) noexcept;
    ~GumboTree();

    const GumboNode *document() const { return m_output->document; }
    const GumboNode *html() const { return m_output->root; }
    const GumboNode *head() const; // always there (HTML5 implies it), as is body()
    const GumboNode *body() const;

    // Helpers for any node of a tree.
    static bool isElement(const GumboNode *node, GumboTag tag);
    static bool isElement(const GumboNode *node);
    // Lower-case tag name, also of elements gumbo does not know ("xml", "my-widget").
    static QByteArray tagName(const GumboNode *node);
    // The attribute's value (entities decoded), a null string when the element has none.
    static QString attribute(const GumboNode *node, const char *name);
    static bool hasAttribute(const GumboNode *node, const char *name);
    static const GumboVector *children(const GumboNode *node); // nullptr for text and comments
    static const GumboNode *firstChild(const GumboNode *node);
    static const GumboNode *nextSibling(const GumboNode *node);
    // The first element under `top` (itself included), in document order, that `match` accepts.
    template <typename Match> static const GumboNode *find(const GumboNode *top, Match match);

    // Visits the subtree of `top` in document order without recursion (pages nest deeply): enter(node)
    // for each node, returning whether to visit its children; leave(node) after the children of each
    // node that enter accepted.
    template <typename Enter, typename Leave> static void walk(const GumboNode *top, Enter enter, Leave leave);

private:
    GumboTree(const QByteArray &input, std::unique_ptr<GumboArena> arena, GumboOutput *output);

    QByteArray m_input;
    std::unique_ptr<GumboArena> m_arena;
    GumboOutput *m_output = nullptr;
};

template <typename Enter, typename Leave> void GumboTree::walk(const GumboNode *top, Enter enter, Leave leave)
{
    const GumboNode *node = top;
    while (node) {
        if (enter(node)) {
            if (const GumboNode *child = firstChild(node)) {
                node = child;
                continue;
            }
            leave(node);
        }
        // Up to the next node that has a sibling after it, leaving every parent on the way.
        while (node != top) {
            if (const GumboNode *next = nextSibling(node)) {
                node = next;
                break;
            }
            node = node->parent;
            leave(node);
        }
        if (node == top)
            return;
    }
}

template <typename Match> const GumboNode *GumboTree::find(const GumboNode *top, Match match)
{
    const GumboNode *found = nullptr;
    walk(
        top,
        [&](const GumboNode *node) {
            if (found || !isElement(node))
                return false;
            if (match(node))
                found = node;
            return !found;
        },
        [](const GumboNode *) {});
    return found;
}

} // namespace tierdesk::web
