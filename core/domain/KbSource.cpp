#include "core/domain/KbSource.h"

#include "core/domain/NameTable.h"

namespace tierdesk {
namespace {

const std::pair<KbSourceKind, const char *> kKbSourceKinds[]
    = {{KbSourceKind::Website, "website"}, {KbSourceKind::Zendesk, "zendesk"}};
const std::pair<KbSyncStatus, const char *> kKbSyncStatuses[] = {{KbSyncStatus::Queued, "queued"},
    {KbSyncStatus::Running, "running"}, {KbSyncStatus::Done, "done"}, {KbSyncStatus::Failed, "failed"}};

} // namespace

QString toString(KbSourceKind kind)
{
    return nameIn(kKbSourceKinds, kind);
}

std::optional<KbSourceKind> parseKbSourceKind(const QString &name)
{
    return parseIn(kKbSourceKinds, name);
}

QString toString(KbSyncStatus status)
{
    return nameIn(kKbSyncStatuses, status);
}

std::optional<KbSyncStatus> parseKbSyncStatus(const QString &name)
{
    return parseIn(kKbSyncStatuses, name);
}

} // namespace tierdesk
