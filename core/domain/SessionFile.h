#pragma once

#include <QByteArray>
#include <QString>

namespace tierdesk {

// A file sent in a conversation (the web channel's attachments): by the visitor or a person at
// the desk. Its type is what its first bytes are (SessionFiles::typeOf), never its name's.
struct SessionFile {
    QString id;
    QString companyId;
    QString sessionId;
    QString sender; // customer or agent
    QString name;
    QString contentType;
    qint64 bytes = 0;
    QByteArray content; // empty in listings
    qint64 createdAt = 0;
};

} // namespace tierdesk
