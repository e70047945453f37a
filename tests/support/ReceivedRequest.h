#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace tierdesk::test {

// One HTTP request as a loopback test receiver saw it.
struct ReceivedRequest {
    QByteArray method;
    QByteArray target;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    QJsonObject json() const;
};

// True once `buffer` holds a whole request (head and Content-Length body).
bool parseReceivedRequest(const QByteArray &buffer, ReceivedRequest *out);

} // namespace tierdesk::test
