#include "core/engine/access/ApiKeysBesideOwner.h"

#include "core/engine/SessionEngine.h"
#include "core/store/ApiTokenRepo.h"
#include "core/store/AuditRepo.h"
#include "core/store/CompanyRepo.h"

namespace tierdesk {

Result<IssuedApiKey> issueApiKeyBesideOwner(const DatabaseTarget &database, const QString &companyId,
    const ApiKeyRequest &request, const Actor &actor, const SecretSealer &box, qint64 nowMs)
{
    if (const Status checked = ApiKeyMaker::check(request); !checked)
        return checked.error();
    DatabaseOptions options;
    options.startupCheckMs = 0; // the owner checked the file when it opened it
    auto db = database.backend == Backend::Postgres ? Database::openPostgres(database.url, options, database.password)
                                                    : Database::open(database.path, options);
    if (!db)
        return db.error();
    if (!CompanyRepo(**db).find(companyId))
        return makeError(ErrorKind::NotFound, QStringLiteral("no company with id ") + companyId);
    IssuedApiKey key = ApiKeyMaker::make(companyId, request, actor.subject, nowMs, box);
    const ApiTokenRecord &t = key.record;
    const AuditEntry audit{nowMs, companyId, actor.subject, actor.role, QStringLiteral("token.create"),
        QStringLiteral("token:") + t.id, actor.clientAddress, AuditOutcome::Created, ApiKeyMaker::auditDetails(t)};
    if (const Status begun = (*db)->status((*db)->begin()); !begun)
        return makeError(ErrorKind::Internal, QStringLiteral("cannot write to the database: ") + begun.error().message);
    Status stored = ApiTokenRepo(**db).insert(t);
    if (stored)
        stored = AuditRepo(**db).append(audit);
    if (stored)
        stored = (*db)->status((*db)->commit());
    if (!stored) {
        (*db)->rollback();
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the key: ") + stored.error().message);
    }
    return key;
}

} // namespace tierdesk
