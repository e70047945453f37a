#pragma once

#include "core/domain/Enums.h"

#include <QString>
#include <QStringList>

// The fixed intent vocabulary of the local classifier and its mapping onto the
// CS issue categories (seed 001). Names are the wire names used in logs and APIs.
namespace tierdesk::nlu::intent {

inline constexpr const char OrderStatus[] = "order_status";
inline constexpr const char DeliveryOptions[] = "delivery_options";
inline constexpr const char ChangeAddress[] = "change_address";
inline constexpr const char CancelOrder[] = "cancel_order";
inline constexpr const char ReturnItem[] = "return_item";
inline constexpr const char RefundRequest[] = "refund_request";
inline constexpr const char RefundStatus[] = "refund_status";
inline constexpr const char BillingQuestion[] = "billing_question";
inline constexpr const char PaymentIssue[] = "payment_issue";
inline constexpr const char AccountAccess[] = "account_access";
inline constexpr const char AccountUpdate[] = "account_update";
inline constexpr const char DeleteAccount[] = "delete_account";
inline constexpr const char SubscriptionChange[] = "subscription_change";
inline constexpr const char SubscriptionCancel[] = "subscription_cancel";
inline constexpr const char CreditRequest[] = "credit_request";
inline constexpr const char ProductIssue[] = "product_issue";
inline constexpr const char TechnicalProblem[] = "technical_problem";
inline constexpr const char Complaint[] = "complaint";
inline constexpr const char HumanRequest[] = "human_request";
inline constexpr const char ManagerRequest[] = "manager_request";
inline constexpr const char Greeting[] = "greeting";
inline constexpr const char Thanks[] = "thanks";
inline constexpr const char Goodbye[] = "goodbye";
inline constexpr const char GeneralQuestion[] = "general_question";
// Not a class of the model: what the classifier answers when no intent is likely enough
// (the weather, a joke, a poem). Not in allIntents().
inline constexpr const char OutOfScope[] = "out_of_scope";

} // namespace tierdesk::nlu::intent

namespace tierdesk::nlu {

// The intents as values, for the code that decides by them (compared as values, not as
// text). The labels above stay what the model answers, what is stored and what is sent.
enum class Intent {
    OrderStatus,
    DeliveryOptions,
    ChangeAddress,
    CancelOrder,
    ReturnItem,
    RefundRequest,
    RefundStatus,
    BillingQuestion,
    PaymentIssue,
    AccountAccess,
    AccountUpdate,
    DeleteAccount,
    SubscriptionChange,
    SubscriptionCancel,
    CreditRequest,
    ProductIssue,
    TechnicalProblem,
    Complaint,
    HumanRequest,
    ManagerRequest,
    Greeting,
    Thanks,
    Goodbye,
    GeneralQuestion,
    OutOfScope,
    Other, // a label of none of the above: a company's own model may have intents of its own, or none
};

// The intent a label names ("order_status": OrderStatus); Other for any other label.
Intent parseIntent(const QString &label);
// The label of an intent, as the model answers it; empty for Other.
QLatin1String intentLabel(Intent intent);

// Unknown intents fall back to GENERAL_INQUIRY.
IssueCategory categoryOfIntent(const QString &intent);
// Greetings, thanks, goodbyes and asking for a person or a manager: nothing to look up.
bool isSmallTalk(const QString &intent);
// All 24 intents, in a stable order.
QStringList allIntents();
bool isKnownIntent(const QString &intent);

} // namespace tierdesk::nlu
