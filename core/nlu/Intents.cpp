#include "core/nlu/Intents.h"

#include "core/nlu/text/StringTable.h"

#include <QHash>

#include <iterator>

namespace tierdesk::nlu {

namespace {

struct IntentInfo {
    const char *name;
    Intent id;
    IssueCategory category;
};

constexpr IntentInfo kIntents[] = {
    {intent::OrderStatus, Intent::OrderStatus, IssueCategory::Shipping},
    {intent::DeliveryOptions, Intent::DeliveryOptions, IssueCategory::Shipping},
    {intent::ChangeAddress, Intent::ChangeAddress, IssueCategory::Shipping},
    {intent::CancelOrder, Intent::CancelOrder, IssueCategory::Cancellation},
    {intent::ReturnItem, Intent::ReturnItem, IssueCategory::Refund},
    {intent::RefundRequest, Intent::RefundRequest, IssueCategory::Refund},
    {intent::RefundStatus, Intent::RefundStatus, IssueCategory::Refund},
    {intent::BillingQuestion, Intent::BillingQuestion, IssueCategory::Billing},
    {intent::PaymentIssue, Intent::PaymentIssue, IssueCategory::Billing},
    {intent::AccountAccess, Intent::AccountAccess, IssueCategory::Account},
    {intent::AccountUpdate, Intent::AccountUpdate, IssueCategory::Account},
    {intent::DeleteAccount, Intent::DeleteAccount, IssueCategory::Cancellation},
    {intent::SubscriptionChange, Intent::SubscriptionChange, IssueCategory::Subscription},
    {intent::SubscriptionCancel, Intent::SubscriptionCancel, IssueCategory::Subscription},
    {intent::CreditRequest, Intent::CreditRequest, IssueCategory::Billing},
    {intent::ProductIssue, Intent::ProductIssue, IssueCategory::ProductQuality},
    {intent::TechnicalProblem, Intent::TechnicalProblem, IssueCategory::Technical},
    {intent::Complaint, Intent::Complaint, IssueCategory::Complaint},
    {intent::HumanRequest, Intent::HumanRequest, IssueCategory::GeneralInquiry},
    {intent::ManagerRequest, Intent::ManagerRequest, IssueCategory::GeneralInquiry},
    {intent::Greeting, Intent::Greeting, IssueCategory::GeneralInquiry},
    {intent::Thanks, Intent::Thanks, IssueCategory::GeneralInquiry},
    {intent::Goodbye, Intent::Goodbye, IssueCategory::GeneralInquiry},
    {intent::GeneralQuestion, Intent::GeneralQuestion, IssueCategory::GeneralInquiry},
};

const QHash<QString, IssueCategory> &categoryTable()
{
    static const QHash<QString, IssueCategory> table = [] {
        QHash<QString, IssueCategory> t;
        for (const IntentInfo &info : kIntents)
            t.insert(QLatin1String(info.name), info.category);
        return t;
    }();
    return table;
}

// Every Intent but Other, by label: the model's classes and out of scope.
const StringTable<Intent> &intentTable()
{
    static const StringTable<Intent> table = [] {
        StringTable<Intent> t;
        for (const IntentInfo &info : kIntents)
            t.emplace(QLatin1String(info.name), info.id);
        t.emplace(QLatin1String(intent::OutOfScope), Intent::OutOfScope);
        return t;
    }();
    return table;
}

} // namespace

Intent parseIntent(const QString &label)
{
    return valueOr(intentTable(), label, Intent::Other);
}

QLatin1String intentLabel(Intent id)
{
    if (id == Intent::OutOfScope)
        return QLatin1String(intent::OutOfScope);
    for (const IntentInfo &info : kIntents)
        if (info.id == id)
            return QLatin1String(info.name);
    return {};
}

bool isSmallTalk(const QString &intent)
{
    switch (parseIntent(intent)) {
    case Intent::Greeting:
    case Intent::Thanks:
    case Intent::Goodbye:
    case Intent::HumanRequest:
    case Intent::ManagerRequest:
        return true;
    default:
        return false;
    }
}

IssueCategory categoryOfIntent(const QString &intent)
{
    return categoryTable().value(intent, IssueCategory::GeneralInquiry);
}

QStringList allIntents()
{
    QStringList names;
    names.reserve(int(std::size(kIntents)));
    for (const IntentInfo &info : kIntents)
        names << QLatin1String(info.name);
    return names;
}

bool isKnownIntent(const QString &intent)
{
    return categoryTable().contains(intent);
}

} // namespace tierdesk::nlu
