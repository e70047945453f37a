#pragma once

#include "core/domain/SessionEvent.h"

#include <QJsonObject>

namespace tierdesk::api::cs {

// The `data` of seed 001's live event frame for a session event
// (docs/api.md, "Live events").
QJsonObject eventData(const SessionEvent &event);

} // namespace tierdesk::api::cs
