#pragma once

#include "core/domain/Enums.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace tierdesk::dialogue {

// An action the AI tier summarised and asked the customer to confirm. Nothing
// has happened yet; a "yes" on the next message carries it out (after the
// checks are made again), anything else drops it.
struct PendingAction {
    QString action; // wire name: process_refund, apply_credit, cancel_order, modify_subscription
    QString orderId; // refunds and cancellations
    QString item; // the item refunded, when the customer named one
    double amount = 0;
    QString change; // subscriptions: "paused", "active", "cancelled", "plan:premium"
    QString summary; // the sentence shown to the customer
    Tier tier = Tier::AiRep; // the tier that asked
};

// What the AI tier and the customer are in the middle of, per session: the
// active intent with its slots, a slot it asked for, a confirmation it asked
// for, and the orders mentioned so far (for "it", "that order", "the second one").
// A new field goes into toJson, fromJson and operator== (a turn saves the state
// only when it compares unequal to the stored one).
struct DialogueState {
    QString intent; // the intent in progress: set while one of its slots is awaited
    QString orderId; // the order the conversation is about
    QString item;
    std::optional<double> amount;
    QString awaitingSlot; // "order_id" or "amount" while the AI waits for it
    QStringList mentionedOrders; // in the order mentioned, each once
    QStringList lastMentioned; // the orders of the latest message that named any ("the second one")
    QString topic; // the knowledge question under discussion, for follow-ups ("and for a base layer?")
    QString topicIntent; // what that question was about, when the classifier was sure of it
    QString lastRequest; // the action last put to the customer ("process_refund"), for "and the bag too"
    QString refused; // "ORD-10010/Ridge Beanie": a refund refused by policy, for "make an exception"
    QStringList refunded; // "ORD-10005/Switchback Hiking Pants": refunded in this conversation
    std::optional<PendingAction> pending;
    QList<PendingAction> alsoPending; // asked in the same summary ("...and cancel ORD-10004"): the same yes does them

    // Remembers orders named in one message; the first becomes the conversation's order.
    void mention(const QStringList &orderIds);

    QJsonObject toJson() const;
    static DialogueState fromJson(const QJsonObject &json);
    // The stored form (compact JSON, kept by the store as opaque bytes); empty or
    // unreadable bytes give a fresh state.
    QByteArray toBytes() const;
    static DialogueState fromBytes(const QByteArray &bytes);
};

bool operator==(const PendingAction &a, const PendingAction &b);
inline bool operator!=(const PendingAction &a, const PendingAction &b)
{
    return !(a == b);
}
bool operator==(const DialogueState &a, const DialogueState &b);
inline bool operator!=(const DialogueState &a, const DialogueState &b)
{
    return !(a == b);
}

} // namespace tierdesk::dialogue
