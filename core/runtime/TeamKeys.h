#pragma once

#include "core/common/Result.h"

#include <QByteArray>

namespace tierdesk {

class SecretStore;
class Store;

// Team mode: every instance on one database signs tokens and seals secrets with the same
// two keys (the token signing key and the data key). The database keeps their fingerprint
// (an HMAC of a fixed text under each); an instance whose keys give another refuses to start.
// `tierdesk secrets export` / `import` carry the keys from one instance's secret store to another's.
namespace teamkeys {

QString fingerprint(const QByteArray &signingKey, const QByteArray &dataKey);
// Records the fingerprint when the database has none yet, else compares it with this instance's.
Status check(Store &store, const QByteArray &signingKey, const QByteArray &dataKey);
// {"format":"tierdesk-keys-1","signingKey":"<base64>","dataKey":"<base64>","fingerprint":"..."}
Result<QByteArray> exportDocument(SecretStore &secrets);
// Writes the document's keys into `secrets`; returns their fingerprint.
Result<QString> importDocument(SecretStore &secrets, const QByteArray &document);

} // namespace teamkeys
} // namespace tierdesk
