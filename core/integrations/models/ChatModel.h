#pragma once

#include "core/common/Result.h"
#include "core/domain/AiProvider.h"

#include <QDeadlineTimer>
#include <QList>
#include <QString>

namespace tierdesk {

struct ChatMessage {
    enum class Role { User, Assistant };
    Role role = Role::User;
    QString content;
};

// One request for a reply: the instructions (system prompt) apart from the
// conversation, because every provider takes them apart.
struct ChatRequest {
    QString model;
    QString system;
    QList<ChatMessage> messages; // oldest first, the last one the customer's
    double temperature = 0.2;
    int maxOutputTokens = 400;
};

// What a provider answered, with its own token counts (`usage`).
struct ChatCompletion {
    QString text;
    QString model; // as the provider named it in the answer (else the one asked for)
    int inputTokens = 0;
    int outputTokens = 0;
    qint64 latencyMs = 0;
};

// A language model behind an HTTP API. Blocking and thread-safe: it is called
// from worker threads, never from the engine thread. Fails with Unavailable
// (detail AiTimedOut past the deadline, AiFailed for an error or an answer that
// cannot be read) or LimitExceeded (the provider's 429; details.retryAfter).
class ChatModel {
public:
    virtual ~ChatModel() = default;
    virtual Result<ChatCompletion> complete(const ChatRequest &request, QDeadlineTimer deadline) = 0;
};

} // namespace tierdesk
