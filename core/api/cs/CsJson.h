#pragma once

#include "core/common/JsonWriter.h"
#include "core/domain/Connector.h"
#include "core/domain/DeskItem.h"
#include "core/domain/Entities.h"
#include "core/domain/Mention.h"
#include "core/domain/MoneyAction.h"
#include "core/domain/SessionRating.h"

#include <QJsonObject>

// The wire shape of each domain value, as seed 001 prints it.
namespace tierdesk::json {

QJsonObject message(const Message &m);
// A message's "metadata" (CsMetaJson.cpp): keys in Qt's order, as every family prints it.
QJsonObject messageMeta(const MessageMeta &meta);
void write(JsonWriter &w, const MessageMeta &meta);
// A person's refund or credit as its message records it ("action").
QJsonObject personAction(const PersonAction &a);
// A money action at a payment provider: {id, kind, state, amount, currency, orderId, connector, providerId, error,
// ...}.
QJsonObject moneyAction(const MoneyAction &a);
// message() and escalation() written straight to text, for the route every message takes;
// each parses to what its QJsonObject twin gives (tst_jsonwriter).
void write(JsonWriter &w, const Message &m);
void write(JsonWriter &w, const EscalationRecord &e);
QJsonObject sentimentPoint(const SentimentPoint &p);
QJsonObject escalation(const EscalationRecord &e);
QJsonObject resolution(const Resolution &r);
QJsonObject customer(const Customer &c);
// A customer as GET/PUT /api/cs/customers answer it (the whole record).
QJsonObject customerRecord(const Customer &c);
// A customer's rating of a session: {sessionId, rating, comment, ratedAt, tier, channel, agent}.
QJsonObject rating(const SessionRating &r);
// A colleague named in a note: {id, sessionId, messageId, from {agentId, name}, excerpt, createdAt, readAt}.
QJsonObject mention(const Mention &m);
QJsonObject order(const Order &o);
// Summary fields (lists, create): no transcript or histories.
QJsonObject sessionSummary(const Session &s);
// What of a customer a reader may see: staff see everything; the customer's own
// client never sees e-mail, lifetime value or the VIP flag.
enum class CustomerView { Staff, Self };

// Every field of "Get Session", with the customer as context when known.
QJsonObject sessionFull(const Session &s, const Customer *customer, CustomerView view = CustomerView::Staff);

// One of the customer's orders in a session's context (staff only): what its source said;
// a field it did not say is null.
QJsonObject contextOrder(const SourcedOrder &o);

// A desk queue item (GET /api/cs/queue, the queue events, a session's "desk").
QJsonObject queueItem(const QueueItem &q);
// Makes a QVariant holding a QueueItem read as its queueItem() JSON (QVariant::toJsonObject), for
// readers of Desk::escalationQueued through QVariant. Idempotent.
void registerQueueItemConversion();

} // namespace tierdesk::json
