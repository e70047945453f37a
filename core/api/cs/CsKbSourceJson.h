#pragma once

#include "core/common/Result.h"
#include "core/domain/KbSource.h"

#include <QJsonObject>

namespace tierdesk::api::cs {

// A knowledge source on the wire (/api/cs/kb/sources): the draft a POST gives, checked for its
// shape here (types, the kind's name; values are KbSources::check's), and the source as shown,
// its credentials' secret never.
Result<KbSource> kbSourceDraft(const QJsonObject &body);
QJsonObject kbSourceJson(const KbSource &source);
// An article's origin: {"id", "kind", "url"} (no id for a file).
QJsonObject kbArticleSourceJson(const KbArticleSource &source);

} // namespace tierdesk::api::cs
