#pragma once

#include "core/domain/ChatVisitor.h"
#include "core/domain/Entities.h"
#include "core/engine/SessionEngine.h"

#include <QJsonObject>

// How the engine's sessions and messages appear in the chat POC API (seed 003);
// the mapping is documented in docs/chat-api.md.
namespace tierdesk::api::chat {

// The engine's message roles as the chat client knows them: customer -> "user",
// ai_rep / ai_manager -> "assistant", human_agent -> "agent", system -> "system".
QString chatRole(const QString &engineRole);
// {"id","role","content","timestamp","sender"} ("sender": the engine's role), "senderName" of a
// person, "attachments" of the files sent with it.
QJsonObject message(const Message &m);
// {"id","name","contentType","bytes"}: a file sent in the conversation.
QJsonObject attachment(const ChannelFileRef &f);
// Whether the visitor may see a message (internal notes are for the agents).
bool visibleToVisitor(const QString &engineRole);
// {"sessionId","userId","status","tier","sentiment","createdAt","updatedAt"}.
QJsonObject sessionState(const Session &s, const ChatVisitor &v);
// The answer to one visitor message (POST /message, socket "message-received" ack).
QJsonObject messageOutcome(const MessageOutcome &o);
// {"sessionId","reason","fromTier","toTier","message"} of an escalation.
QJsonObject escalation(const QString &sessionId, const EscalationRecord &e);
// {"sessionId","rating","comment","ratedAt"}: the visitor's rating of the conversation.
QJsonObject rating(const SessionRating &r);
// The session's rating as a field of its state: the rating, or null before one is given.
QJsonValue ratingField(SessionEngine &engine, const ChatVisitor &v, const Actor &actor);

} // namespace tierdesk::api::chat
