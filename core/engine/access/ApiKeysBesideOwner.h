#pragma once

#include "core/engine/access/ApiKeyMaker.h"
#include "core/store/Database.h"

namespace tierdesk {

struct Actor;

// `tierdesk token create --kind ...` while a server or console holds the data
// directory: opens a connection of its own to the database (SQLite in WAL mode
// lets it write beside the owner, waiting up to 5 s for the owner's commit),
// stores the key and its audit row in one transaction. The owner sees the key
// at its next use, since the key verifiers look keys up in the database.
// `box` must hold the owner's data key (never make a new one beside it).
Result<IssuedApiKey> issueApiKeyBesideOwner(const DatabaseTarget &database, const QString &companyId,
    const ApiKeyRequest &request, const Actor &actor, const SecretSealer &box, qint64 nowMs);

} // namespace tierdesk
