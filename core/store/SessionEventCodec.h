#pragma once

#include "core/domain/SessionEvent.h"

#include <QByteArray>

#include <optional>

// How a session event crosses to the other instances of a team (TeamRelay): one JSON text
// with what only the event knows (its messages, escalation, rating, mention). The session's
// row and the queue item are not in it: the receiver reads them (they are in the database),
// which `withSession` / `withQueueItem` say. The JSON stays in the .cpp.
namespace tierdesk::storage {

struct RelayedEvent {
    SessionEvent event; // without session and queue item
    bool withSession = false;
    bool withQueueItem = false;
};

QByteArray encodeSessionEvent(const SessionEvent &event);
std::optional<RelayedEvent> decodeSessionEvent(const QByteArray &text);

} // namespace tierdesk::storage
