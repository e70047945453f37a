#pragma once

#include "core/api/lex/LexCall.h"
#include "core/api/lex/LexConversation.h"

namespace tierdesk::api {

// RecognizeText: POST /bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}/text.
// The text is one customer message into the engine, exactly as a chat message is; the answer
// (after the turn is committed) is Lex's JSON of the reply, session state and interpretations.
class LexTextController {
public:
    static void recognize(const LexCallPtr &c);

    // The body's text: 1 to 1024 characters by the text rule; nullopt after answering 400.
    static std::optional<QString> checkedText(const LexCallPtr &c, const QString &text);
    // An engine error in Lex's words: a session the engine cannot find is the Lex session's.
    static void fail(const LexCallPtr &c, const Error &e);
};

} // namespace tierdesk::api
