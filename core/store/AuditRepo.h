#pragma once

#include "core/common/Result.h"
#include "core/domain/AuditEntry.h"
#include "core/store/Database.h"

namespace tierdesk {

class AuditRepo {
public:
    explicit AuditRepo(Database &db) : m_db(db) { }
    Status append(const AuditEntry &e);
    // The company's newest `limit` entries, newest first.
    QList<AuditEntry> recent(const QString &companyId, int limit);

    // The details as stored (a compact JSON object; empty when there are none) and back.
    static QString detailsText(const QVariantMap &details);
    static QVariantMap detailsOf(const QByteArray &text);
    // The integer `status` column as written and read back (see AuditRepo.cpp).
    static int statusColumn(const AuditEntry &e);
    static void readStatusColumn(AuditEntry &e, int column);

private:
    Database &m_db;
};

} // namespace tierdesk
