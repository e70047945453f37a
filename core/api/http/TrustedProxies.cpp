#include "core/api/http/TrustedProxies.h"

#include "core/api/http/HttpTypes.h"

namespace tierdesk::http {
namespace {

// An address as a hop names it: "203.0.113.7", "203.0.113.7:4711", "[2001:db8::1]:4711",
// "2001:db8::1" (quotes already removed); null for "unknown", an obfuscated "_node" or garbage.
QHostAddress hopAddress(QByteArray hop)
{
    hop = hop.trimmed();
    if (hop.startsWith('[')) {
        const qsizetype end = hop.indexOf(']');
        hop = end > 0 ? hop.mid(1, end - 1) : QByteArray();
    } else if (hop.count(':') == 1) {
        hop = hop.left(hop.indexOf(':')); // IPv4 with a port
    }
    QHostAddress address;
    if (hop.isEmpty() || !address.setAddress(QString::fromLatin1(hop)))
        return {};
    return address;
}

QByteArray unquoted(QByteArray value)
{
    value = value.trimmed();
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2).replace("\\\"", "\"");
    return value;
}

// A header's comma-separated list, outside quotes.
QList<QByteArray> listItems(const QByteArray &value)
{
    QList<QByteArray> out;
    QByteArray item;
    bool quoted = false;
    for (const char c : value) {
        if (c == '"')
            quoted = !quoted;
        if (c == ',' && !quoted) {
            out << item.trimmed();
            item.clear();
        } else {
            item += c;
        }
    }
    if (!item.trimmed().isEmpty() || !out.isEmpty())
        out << item.trimmed();
    return out;
}

// What one proxy said: its for=, proto= and host= (RFC 7239 section 4).
struct ForwardedElement {
    QByteArray forHop;
    QByteArray proto;
    QByteArray host;
};

QList<ForwardedElement> forwardedElements(const QByteArray &header)
{
    QList<ForwardedElement> out;
    for (const QByteArray &element : listItems(header)) {
        ForwardedElement e;
        for (const QByteArray &pair : element.split(';')) {
            const qsizetype eq = pair.indexOf('=');
            if (eq <= 0)
                continue;
            const QByteArray name = pair.left(eq).trimmed().toLower();
            const QByteArray value = unquoted(pair.mid(eq + 1));
            if (name == "for")
                e.forHop = value;
            else if (name == "proto")
                e.proto = value.toLower();
            else if (name == "host")
                e.host = value;
        }
        out << e;
    }
    return out;
}

QByteArray lastItem(const QByteArray &value)
{
    const QList<QByteArray> items = listItems(value);
    return items.isEmpty() ? QByteArray() : items.last();
}

} // namespace

Result<TrustedProxies> TrustedProxies::parse(const QString &list)
{
    TrustedProxies out;
    for (const QString &raw : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        const std::optional<QPair<QHostAddress, int>> range = AddressRanges::rangeOf(entry);
        if (!range)
            return makeError(ErrorKind::InvalidArgument,
                QStringLiteral("server/trustedProxies: \"%1\" is no address or CIDR range").arg(entry.left(80)));
        if (out.m_ranges.size() >= kMaxEntries)
            return makeError(ErrorKind::InvalidArgument,
                QStringLiteral("server/trustedProxies: at most %1 entries").arg(kMaxEntries));
        out.m_ranges.add(*range);
    }
    return out;
}

bool TrustedProxies::trusts(const QHostAddress &address) const
{
    return m_ranges.contains(address);
}

// The hops as the proxies appended them, client first: the right-most one that is no trusted
// proxy is the client; one that names no address ends the walk at the hop to its right.
QHostAddress TrustedProxies::clientOf(const QList<QHostAddress> &hops, const QHostAddress &peer) const
{
    QHostAddress client = peer;
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        if (hops.at(i).isNull())
            break;
        client = hops.at(i);
        if (!trusts(client))
            break;
    }
    return client;
}

void TrustedProxies::apply(HttpRequest &request) const
{
    if (m_ranges.isEmpty() || !trusts(request.peerAddress))
        return;
    QList<QHostAddress> hops;
    QByteArray proto = request.header("x-forwarded-proto");
    QByteArray host = request.header("x-forwarded-host");
    if (const QByteArray forwarded = request.header("forwarded"); !forwarded.isEmpty()) {
        for (const ForwardedElement &e : forwardedElements(forwarded)) {
            hops << hopAddress(e.forHop);
            proto = e.proto.isEmpty() ? proto : e.proto;
            host = e.host.isEmpty() ? host : e.host;
        }
    } else {
        for (const QByteArray &hop : listItems(request.header("x-forwarded-for")))
            hops << hopAddress(unquoted(hop));
    }
    request.peerAddress = clientOf(hops, request.peerAddress);
    // What the nearest proxy says (a client's own value is to the left of it).
    proto = lastItem(proto).toLower();
    if (proto == "http" || proto == "https")
        request.scheme = QString::fromLatin1(proto);
    host = lastItem(host);
    if (isPlainHost(host))
        request.host = QString::fromLatin1(host);
}

} // namespace tierdesk::http
