#include "core/nlu/Intents.h"

#include <QHash>

#include <iterator>

namespace tierdesk::nlu {

namespace {

struct IntentInfo {
    const char *name;
    IssueCategory category;
};

constexpr IntentInfo kIntents[] = {
    {intent::OrderStatus, IssueCategory::Shipping},
    {intent::DeliveryOptions, IssueCategory::Shipping},
    {intent::ChangeAddress, IssueCategory::Shipping},
    {intent::CancelOrder, IssueCategory::Cancellation},
    {intent::ReturnItem, IssueCategory::Refund},
    {intent::RefundRequest, IssueCategory::Refund},
    {intent::RefundStatus, IssueCategory::Refund},
    {intent::BillingQuestion, IssueCategory::Billing},
    {intent::PaymentIssue, IssueCategory::Billing},
    {intent::AccountAccess, IssueCategory::Account},
    {intent::AccountUpdate, IssueCategory::Account},
    {intent::DeleteAccount, IssueCategory::Cancellation},
    {intent::SubscriptionChange, IssueCategory::Subscription},
    {intent::SubscriptionCancel, IssueCategory::Subscription},
    {intent::CreditRequest, IssueCategory::Billing},
    {intent::ProductIssue, IssueCategory::ProductQuality},
    {intent::TechnicalProblem, IssueCategory::Technical},
    {intent::Complaint, IssueCategory::Complaint},
    {intent::HumanRequest, IssueCategory::GeneralInquiry},
    {intent::ManagerRequest, IssueCategory::GeneralInquiry},
    {intent::Greeting, IssueCategory::GeneralInquiry},
    {intent::Thanks, IssueCategory::GeneralInquiry},
    {intent::Goodbye, IssueCategory::GeneralInquiry},
    {intent::GeneralQuestion, IssueCategory::GeneralInquiry},
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

} // namespace

bool isSmallTalk(const QString &intent)
{
    for (const char *name :
        {intent::Greeting, intent::Thanks, intent::Goodbye, intent::HumanRequest, intent::ManagerRequest})
        if (intent == QLatin1String(name))
            return true;
    return false;
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
