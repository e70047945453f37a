#pragma once

#include "core/domain/MessageMeta.h"

#include <QByteArray>

// How the messages table keeps a message's metadata: one JSON text, the one seed 001's
// transcript shows (the shape every existing database holds). The JSON stays in the .cpp.
namespace tierdesk::storage {

QByteArray encodeMessageMeta(const MessageMeta &meta); // empty when there is none
MessageMeta decodeMessageMeta(const QByteArray &text);

} // namespace tierdesk::storage
