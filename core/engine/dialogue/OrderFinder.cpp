#include "core/engine/dialogue/OrderFinder.h"

#include <QRegularExpression>

#include <algorithm>

namespace tierdesk {
namespace {

// Lower-case words without a plural "s": "Pants" and "pant", "boots" and "boot" meet.
QStringList wordsOf(const QString &text)
{
    static const QRegularExpression split(QStringLiteral("[^a-z0-9]+"));
    QStringList out = text.toLower().split(split, Qt::SkipEmptyParts);
    for (QString &w : out)
        if (w.size() > 3 && w.endsWith(QLatin1Char('s')))
            w.chop(1);
    return out;
}

// Words of item names that name no item of their own ("2-pack", "pair", "trail").
bool isGeneric(const QString &word)
{
    static const QStringList generic{QStringLiteral("pack"), QStringLiteral("pair"), QStringLiteral("trail")};
    return word.size() < 3 || generic.contains(word);
}

// Where in the message (as words) an item of the order is named; -1 when none is.
qsizetype positionOfItem(const Order &o, const QStringList &said)
{
    qsizetype best = -1;
    for (const OrderItem &item : o.items)
        for (const QString &word : wordsOf(item.name)) {
            const qsizetype at = isGeneric(word) ? -1 : said.indexOf(word);
            if (at >= 0 && (best < 0 || at < best))
                best = at;
        }
    return best;
}

} // namespace

const QList<Order> &OrderFinder::recent()
{
    if (!m_recent)
        m_recent = m_actions.recentOrders(m_session.companyId, m_session.customerId, 20);
    return *m_recent;
}

OrderFinder::Numbered OrderFinder::byNumber(const QStringList &ids, const QString &text)
{
    Numbered found;
    QList<Order> &out = found.orders;
    for (const QString &id : ids) {
        if (auto o = m_actions.findOrder(m_session.companyId, m_session.customerId, id))
            out << *o;
        else if (found.unknown.isEmpty())
            found.unknown = id;
    }
    if (!ids.isEmpty())
        return found;
    // A number alone is an order only when it is one of the customer's ("why is 10016 still pending").
    static const QRegularExpression bare(
        QStringLiteral("(?<![\\w$.,])(\\d{4,8})(?![\\w.,]*\\d)(?!\\s*(?:\\$|usd|dollars?|bucks|%))"),
        QRegularExpression::CaseInsensitiveOption);
    for (auto it = bare.globalMatch(text); it.hasNext();) {
        const QString id = QStringLiteral("ORD-") + it.next().captured(1);
        const bool named = std::any_of(out.cbegin(), out.cend(), [&id](const Order &o) { return o.id == id; });
        for (const Order &o : recent())
            if (o.id == id && !named)
                out << o;
    }
    return found;
}

QList<Order> OrderFinder::byItem(const QString &text)
{
    const QStringList said = wordsOf(text);
    QList<QPair<qsizetype, Order>> found;
    for (const Order &o : recent()) { // newest first: the latest order holding an item wins it
        const qsizetype at = positionOfItem(o, said);
        const bool taken = std::any_of(found.cbegin(), found.cend(), [at](const auto &f) { return f.first == at; });
        if (at >= 0 && !taken)
            found.append({at, o});
    }
    std::stable_sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<Order> out;
    for (const auto &f : found)
        out << f.second;
    return out;
}

std::optional<Order> OrderFinder::before(const QString &current)
{
    const QList<Order> &orders = recent();
    for (qsizetype i = 0; i + 1 < orders.size(); ++i)
        if (orders.at(i).id == current)
            return orders.at(i + 1);
    return std::nullopt;
}

std::optional<OrderItem> OrderFinder::itemNamed(const Order &o, const QString &text)
{
    // The item sharing the most distinctive words: "drift sleeping pad" is the pad, not the sleeping bag.
    const QStringList said = wordsOf(text);
    std::optional<OrderItem> best;
    int bestWords = 0;
    for (const OrderItem &item : o.items) {
        int words = 0;
        for (const QString &word : wordsOf(item.name))
            words += !isGeneric(word) && said.contains(word) ? 1 : 0;
        if (words > bestWords) {
            best = item;
            bestWords = words;
        }
    }
    return best;
}

} // namespace tierdesk
