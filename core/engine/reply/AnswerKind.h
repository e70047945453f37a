#pragma once

#include <QString>

namespace tierdesk::passages {

// What kind of answer a question wants, so a passage holding one ranks higher:
// a time ("how long", "when", "its been a week") or a price ("how much", "cost").
struct AnswerKind {
    bool time = false;
    bool price = false;
    bool phone = false;
    bool next = false; // "then what": the step after the passage that answers
    // "how do i change my password", "change your password": a way to do something, which the
    // steps of a passage give (a fact's question, "whats the warranty", wants a sentence).
    bool howTo = false;
    // ...or where or whether it can be done ("where do i see my network card's address", "can i
    // print on both sides", "swap the mouse buttons, i'm a lefty"): a sentence that answers, then
    // the steps that do it.
    bool way = false;
    QString defines; // "whats this ride club thing": a passage saying "Ride Club is ..."

    static AnswerKind of(const QString &question);
};

// Whether a question asks for a way to do something: "how do i...", "how to...", or an
// instruction's own words with no question about it ("Cancel a print job").
bool asksHowTo(const QString &question);
// Whether a question asks where or whether something can be done, or how: asksHowTo, "where do
// i...", "can i...", "is there a way...", "what is my..." (one's own: where to find it, not what it is).
bool asksForAWay(const QString &question);
// Whether a sentence tells the reader what to do: it opens with an instruction's verb, maybe after
// what it is for or when ("To change the brightness, adjust...", "If it is not shown, click...").
bool givesAnInstruction(const QString &sentence);
// What a question about a price or a charge wants: an amount, or that there is none
// ("while paused, you are not charged", "there is no return label fee for exchanges").
bool holdsPrice(const QString &passage);
bool holdsPhoneNumber(const QString &passage);
bool holdsTime(const QString &passage);
// Whether a passage opens by saying what the term is: "Ride Club is our optional monthly
// membership" (not "Ride Club is billed separately"). `term` ends with " is ".
bool definesTerm(const QString &passage, const QString &term);

} // namespace tierdesk::passages
