#pragma once

#include <QString>

// What a message asks to be done, read from its words. A question about an action
// ("if i pause my plan will i get charged?", "how does store credit work") asks for none.
namespace tierdesk::dialogue {

// Money back asked for in words ("refund the pants", "sue you if it isnt refunded");
// "where is my refund" asks about one already given.
bool asksForRefund(const QString &text);
// Where a refund already given is ("wheres my refund", "when will it show").
bool asksRefundStatus(const QString &text);
// Waiting for something already under way: "its been a week", "still not on my card".
bool saysStillWaiting(const QString &text);
bool mentionsSubscription(const QString &text);
// An order cancelled: "cancel ORD-10004" (not the membership).
bool asksToCancelOrder(const QString &text);
// A concrete subscription change asked for ("paused", "active", "cancelled",
// "plan:premium"); empty when none, or when the message only asks about one.
QString subscriptionChangeAsked(const QString &text);
// Whether the change is asked for someone else's membership ("cancel alice morenos
// membership, im her husband").
bool aboutSomeoneElsesAccount(const QString &text);
// A credit asked for ("can i get a $5 credit"); not "how does store credit work".
bool asksForCredit(const QString &text);
// A correction of a detail just given: "sorry i meant $8 not 5", "make it 8 instead", "only $20".
bool correctsDetail(const QString &text);
// "and the sleeping bag too", "and ORD-10007?": the same request again, for something else.
bool asksSameAgain(const QString &text);
// Asks how the customer's membership stands: "is my membership active", "what plan am i on".
bool asksMembershipStatus(const QString &text);
// Asks for an exception to a policy: "can you make an exception", "just this once".
bool asksForException(const QString &text);

} // namespace tierdesk::dialogue
