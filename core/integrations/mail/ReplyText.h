#pragma once

#include <QString>

namespace tierdesk::mail {

// What a reply's writer wrote this time, from its text part: cut at the first quote header ("On
// <date>, <name> wrote:", German "Am ... schrieb ...:", French, Spanish and Dutch likewise,
// Outlook's "-----Original Message-----" and its "From: / Sent: / To: / Subject:" block, a line
// of underscores followed by "From:"), then without the signature (from a line "-- " or "--"),
// mobile footers ("Sent from my iPhone") and trailing ">"-quoted lines. Quotes interleaved with
// answers stay: the answers need them. When the cut leaves no words the reply was written under
// the quote (bottom-posting): then the lines outside the quotes and their attributions are the
// reply. Never empty when the text had words: when that leaves none too, the whole text is kept.
class ReplyText {
public:
    static QString latest(const QString &text);
};

} // namespace tierdesk::mail
