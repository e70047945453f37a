#include "core/api/http/Router.h"

#include <QVarLengthArray>

#include <algorithm>

namespace tierdesk::http {

namespace {

using Segments = QVarLengthArray<QStringView, 16>;

// Empty segments are ignored so "/a//b/" routes like "/a/b".
Segments splitPath(QStringView path)
{
    Segments out;
    qsizetype start = 0;
    const qsizetype n = path.size();
    for (qsizetype i = 0; i <= n; ++i) {
        if (i == n || path[i] == u'/') {
            if (i > start)
                out.append(path.mid(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

} // namespace

struct Router::Node {
    using Captures = QVarLengthArray<QStringView, 8>;
    using Found = QVarLengthArray<std::pair<const Node *, Captures>, 2>;

    struct Entry {
        QByteArray method;
        Handler handler;
        QStringList paramNames; // in capture order; names may differ between routes sharing a node
        QString pattern; // as registered, normalized: for routes()
    };

    std::vector<std::pair<QString, std::unique_ptr<Node>>> literals;
    std::unique_ptr<Node> param;
    std::vector<Entry> entries;

    Node *literal(QStringView segment) const
    {
        for (const auto &[name, child] : literals) {
            if (name == segment)
                return child.get();
        }
        return nullptr;
    }

    const Entry *entry(const QByteArray &method) const
    {
        for (const Entry &e : entries) {
            if (e.method == method)
                return &e;
        }
        return nullptr;
    }

    // Literal children win over a capture at the same depth; all terminal nodes are collected
    // so a method missing on the literal branch can still be found on the capture branch.
    void collect(const Segments &segs, int index, Captures &captures, Found &found) const
    {
        if (index == segs.size()) {
            if (!entries.empty())
                found.append({this, captures});
            return;
        }
        if (const Node *child = literal(segs[index]))
            child->collect(segs, index + 1, captures, found);
        if (param) {
            captures.append(segs[index]);
            param->collect(segs, index + 1, captures, found);
            captures.removeLast();
        }
    }
};

Router::Router() : m_root(std::make_unique<Node>()) { }

Router::~Router() = default;

void Router::route(const QByteArray &method, const QString &pattern, Handler h)
{
    Node *node = m_root.get();
    QStringList names;
    QString normalized = QStringLiteral("/");
    for (QStringView seg : splitPath(pattern)) {
        if (normalized.size() > 1)
            normalized += u'/';
        normalized += seg;
        if (seg.startsWith(u':')) {
            if (!node->param)
                node->param = std::make_unique<Node>();
            names.append(seg.mid(1).toString());
            node = node->param.get();
        } else {
            Node *child = node->literal(seg);
            if (!child) {
                node->literals.emplace_back(seg.toString(), std::make_unique<Node>());
                child = node->literals.back().second.get();
            }
            node = child;
        }
    }
    const QByteArray m = method.toUpper();
    for (Node::Entry &e : node->entries) {
        if (e.method == m) {
            e.handler = std::move(h);
            e.paramNames = names;
            e.pattern = normalized;
            return;
        }
    }
    node->entries.push_back({m, std::move(h), names, normalized});
}

Router::Match Router::match(const QByteArray &method, QStringView path) const
{
    Match result;
    const Segments segs = splitPath(path);
    Node::Captures captures;
    Node::Found found;
    m_root->collect(segs, 0, captures, found);
    if (found.empty())
        return result;

    const bool isHead = method == "HEAD";
    for (const auto &[node, caps] : found) {
        const Node::Entry *e = node->entry(method);
        if (!e && isHead)
            e = node->entry(QByteArrayLiteral("GET"));
        if (!e)
            continue;
        result.kind = Match::Found;
        result.handler = &e->handler;
        for (int i = 0; i < caps.size() && i < e->paramNames.size(); ++i)
            result.params.insert(e->paramNames.at(i), caps[i].toString());
        break;
    }

    if (result.kind == Match::Found)
        return result;

    // Allow lists every method of every route matching this path, plus the implied ones.
    QList<QByteArray> methods;
    for (const auto &f : found) {
        for (const Node::Entry &e : f.first->entries) {
            if (!methods.contains(e.method))
                methods.append(e.method);
        }
    }
    if (methods.contains("GET") && !methods.contains("HEAD"))
        methods.append(QByteArrayLiteral("HEAD"));
    if (!methods.contains("OPTIONS"))
        methods.append(QByteArrayLiteral("OPTIONS"));
    std::sort(methods.begin(), methods.end());
    result.allow = methods.join(", ");
    result.kind = Match::MethodNotAllowed;
    return result;
}

std::vector<Router::Route> Router::routes() const
{
    std::vector<Route> out;
    std::vector<const Node *> pending{m_root.get()};
    while (!pending.empty()) {
        const Node *node = pending.back();
        pending.pop_back();
        for (const Node::Entry &e : node->entries)
            out.push_back({e.method, e.pattern});
        for (const auto &literal : node->literals)
            pending.push_back(literal.second.get());
        if (node->param)
            pending.push_back(node->param.get());
    }
    std::sort(out.begin(), out.end(), [](const Route &a, const Route &b) {
        return a.pattern == b.pattern ? a.method < b.method : a.pattern < b.pattern;
    });
    return out;
}

} // namespace tierdesk::http
