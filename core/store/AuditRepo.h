#pragma once

#include "core/store/Database.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tierdesk {

struct AuditEntry {
    qint64 at = 0;
    QString companyId;
    QString actor; // token subject, or "cli", "system"
    QString role;
    QString action; // e.g. "session.create"
    QString resource; // e.g. "session:sess_..."
    QString clientAddress;
    int status = 0; // the HTTP status answered (0 outside HTTP)
    QJsonObject details;
};

class AuditRepo {
public:
    explicit AuditRepo(Database &db) : m_db(db) { }
    bool append(const AuditEntry &e);
    QJsonArray recent(const QString &companyId, int limit);

private:
    Database &m_db;
};

} // namespace tierdesk
