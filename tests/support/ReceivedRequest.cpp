#include "tests/support/ReceivedRequest.h"

#include <QJsonDocument>

namespace tierdesk::test {

QByteArray ReceivedRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first == name.toLower())
            return h.second;
    return {};
}

bool ReceivedRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first == name.toLower())
            return true;
    return false;
}

QJsonObject ReceivedRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

bool parseReceivedRequest(const QByteArray &buffer, ReceivedRequest *out)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> start = lines.value(0).trimmed().split(' ');
    out->method = start.value(0);
    out->target = start.value(1);
    out->headers.clear();
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines[i].left(colon).trimmed().toLower();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        out->headers.append({name, value});
        if (name == "content-length")
            length = value.toLongLong();
    }
    if (buffer.size() - (end + 4) < length)
        return false;
    out->body = buffer.mid(end + 4, length);
    return true;
}

} // namespace tierdesk::test
