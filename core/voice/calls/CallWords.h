#pragma once

#include "core/domain/Language.h"

#include <QString>

namespace tierdesk::voice {

// What the AI says on a call that a chat never needs: the greeting, not having understood, the
// caller gone quiet, the hand-over to the line, the wait in it (place, hold, a message left).
// GreetingRecorded tells the caller first that the call is recorded. English and German, like the
// replies. `%1` in a word is `arg` (the company, a place in line).
enum class CallWord {
    Greeting,
    GreetingRecorded,
    NotUnderstood,
    OfferPerson,
    NoPerson,
    StillThere,
    Goodbye,
    Connecting,
    Trouble,
    InLine, // %1: the place
    StillWaiting, // %1: the place
    LeaveMessage, // nobody free within voice/maxWaitSeconds
    ClosedLeaveMessage, // outside business hours
    MessageTaken,
    NoMessage,
    Hold,
    BackInLine, // the person's console was cut off
    RatingAsk, // the conversation is resolved: a keypad digit rates it
    RatingThanks,
    RatingNone, // no digit within the window
    BackToAi,
};
// The last word: tests walk every word up to it (a new word goes before it, or becomes it).
inline constexpr CallWord kLastCallWord = CallWord::BackToAi;

QString callWords(CallWord word, Language language, const QString &arg = {});

} // namespace tierdesk::voice
