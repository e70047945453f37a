#pragma once

#include "core/domain/Entities.h"

#include <QJsonObject>

#include <optional>

// How seed 002's fields map onto the engine's (docs/agent-api.md, "How the fields map").
namespace tierdesk::api::agentjson {

// The seed's five escalation reasons, and which engine reason each one is.
QString reasonName(EscalationReason reason);
std::optional<EscalationReason> parseReason(const QString &seedReason);
QStringList reasonNames();

// The engine's sentiment score (0 very negative .. 1 very positive) on the seed's -1..1.
double sentimentScore(double engineScore);
// Seed 002 escalates a query of strongly negative sentiment at once (negative_sentiment):
// ANGRY or IRATE, below -0.5 on its scale (FRUSTRATED is only mildly negative).
bool stronglyNegative(Sentiment level);
// The seed's complexity (0..1): how unsure the AI tier was of the customer's intent,
// 1 - the intent's confidence; 1 when a person answers.
double complexityScore(const Message &reply);
// The model that worded an AI tier's reply ("tierdesk-local-1"); "human_agent" for a person's.
QString modelUsed(const Message &reply);

// The desk's priority ("low", "normal", "high", "urgent") in the seed's words (normal = medium).
QString seedPriority(const QString &deskPriority);

// A ticket is one escalation of a session: "TKT-<session hex>-<n>", n counting the
// session's escalations from 1.
QString ticketId(const QString &engineSessionId, int number);
// The engine session id and number of a ticket id; nullopt when it is not one.
std::optional<std::pair<QString, int>> parseTicketId(const QString &ticketId);

// What a client may call its sessions: as the engine's ids (URL-safe, 1..128 characters).
bool validSessionName(const QString &name);

// "active" while the session is open, else "closed".
QString sessionStatus(const Session &s);

} // namespace tierdesk::api::agentjson
