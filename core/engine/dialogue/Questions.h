#pragma once

#include <QString>
#include <QStringList>

// How a message splits into requests, and how it relates to the topic under discussion.
namespace tierdesk::dialogue {

// The requests of one message, in order: split at sentence ends and where "and", "also"
// or a comma start a new question ("did ORD-10018 arrive? and can i swap the fleece").
QStringList clausesOf(const QString &text);

// Whether the message refers back with a pronoun: "can i move it", "does that include".
bool refersBack(const QString &text);

// What "it" or "one" means in a follow-up that asks what it costs, when the topic was the
// membership: "oh i thought i had one. whats it cost" after "cancel my subscription" asks
// the membership's price, whatever was asked of it. Empty when the message names its subject.
QString subjectReferredTo(const QString &text, const QString &topic);

// Whether the message goes on from the topic under discussion rather than opening a new
// one: "and for a merino base layer?", "does it have to have tags on", "dryer ok?".
bool isFollowUp(const QString &text);

// The words of a clause beyond an order's own facts (its number, status, tracking,
// carrier, delivery, the item names given): what the knowledge base may answer.
// "i put the wrong address on ORD-10014 can it be fixed" leaves "wrong address fixed".
QString beyondOrderFacts(const QString &clause, const QStringList &itemWords);

// The clause without the words an order's own answer covers (arrival, shipping, delivery,
// tracking, its number): "how long do i have to return it once it arrives" asks about returns.
QString withoutOrderFacts(const QString &clause);

// Whether the message may name an item: a word after "my", "the", "these"... that is no
// order fact ("my gloves", "the boots order"; not "my order", "a refund").
bool mayNameItem(const QString &text);

// Whether the message asks when something happens or how long it takes.
bool asksWhen(const QString &text);

// Whether the message asks what an order holds: "whats in it", "what's on ORD-10009".
bool asksContents(const QString &text);

} // namespace tierdesk::dialogue
