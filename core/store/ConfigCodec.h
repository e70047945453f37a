#pragma once

#include "core/domain/CsConfig.h"

#include <QByteArray>

// How the companies table keeps a company's CS config: one JSON text in the shape seed 001
// serves it in (the shape every existing database holds). The JSON is the store's own
// business: the API families write theirs in api/.
namespace tierdesk::storage {

QByteArray encodeConfig(const CsConfig &config);
// A stored text read back; a key it lacks (a row from before the key existed) keeps its
// default, and a text that is not a JSON object gives the defaults.
CsConfig decodeConfig(const QByteArray &text);

} // namespace tierdesk::storage
