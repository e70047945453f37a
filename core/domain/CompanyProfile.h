#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace tierdesk {

// Who the company is to its customers (config "company"): how to reach it, its time zone
// and its currency. What the AI may say of the company beyond its articles comes from here.
struct CompanyProfile {
    static constexpr int kMaxText = 200;

    QString website; // https://...
    QString supportEmail;
    QString supportPhone;
    QString timeZone = QStringLiteral("UTC"); // IANA: dates and times in replies
    QString currency = QStringLiteral("USD"); // ISO 4217: amounts in replies, the console and reports

    bool hasContact() const { return !supportEmail.isEmpty() || !supportPhone.isEmpty() || !website.isEmpty(); }
};

// One membership plan the company sells (config "policies.plans").
struct MembershipPlan {
    QString id; // as customers' subscriptions name it ("premium")
    QString name; // as customers read it ("Premium")
    double price = 0; // in the company's currency, per interval
    QString interval = QStringLiteral("month"); // "month" or "year"
    int returnWindowDays = 0; // a longer return window for its active members; 0: the company's
};

// The company's links where customers help themselves (config "policies.selfService").
struct SelfServiceLinks {
    QString orders;
    QString returns;
    QString account;
    QString subscription;
};

// The rules the engine applies for the company (config "policies"): nothing of them is the
// engine's own. A company without plans sells no membership: the AI changes none.
struct CompanyPolicies {
    static constexpr int kMaxWindowDays = 3650;
    static constexpr int kMaxPlans = 20;

    int returnWindowDays = 30; // from delivery
    QMap<QString, int> returnWindowDaysByTier; // by the customer's tier ("GOLD": 60)
    QStringList cancellableStatuses{QStringLiteral("pending"), QStringLiteral("processing")};
    SelfServiceLinks selfService;
    QString membershipName; // what the company calls its membership ("Club"); "" when unnamed
    QList<MembershipPlan> plans;

    bool sellsMembership() const { return !plans.isEmpty(); }
    const MembershipPlan *plan(const QString &id) const
    {
        for (const MembershipPlan &p : plans)
            if (p.id == id)
                return &p;
        return nullptr;
    }
};

} // namespace tierdesk
