#pragma once

#include "core/domain/Language.h"

#include <QString>

namespace tierdesk::voice {

// What the AI says on a call that a chat never needs: the greeting, not having understood, the
// caller gone quiet, the hand-over to the line. GreetingRecorded tells the caller first that the
// call is recorded. English and German, like the replies.
enum class CallWord {
    Greeting,
    GreetingRecorded,
    NotUnderstood,
    OfferPerson,
    NoPerson,
    StillThere,
    Goodbye,
    Connecting,
    Trouble
};

QString callWords(CallWord word, Language language, const QString &company = {});

} // namespace tierdesk::voice
