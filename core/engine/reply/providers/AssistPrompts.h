#pragma once

#include "core/engine/reply/AssistInput.h"
#include "core/integrations/models/ChatModel.h"

namespace tierdesk {

// What a model is given for each task of agent assist: a fixed system prompt that
// says what to write, for whom and under which rules, with the session's facts; and
// one user message holding the conversation (and the text to work on) between
// delimiters. The conversation is data, never instructions: the prompt says so.
class AssistPrompts {
public:
    explicit AssistPrompts(const AssistInput &in) : m_in(in) { }

    // The model the company named for assist, else its AI Manager's (else its AI Rep's).
    static QString modelOf(const AiSettings &ai);
    ChatRequest request() const;
    QString systemPrompt() const;
    QString userMessage() const;
    QString facts() const;

private:
    QString task() const;
    QString transcript() const;
    QString knowledge() const;
    int maxOutputTokens() const;

    const AssistInput &m_in;
};

} // namespace tierdesk
