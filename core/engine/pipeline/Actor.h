#pragma once

#include <QString>

namespace tierdesk {

// Who asked, for the audit log, and what they may touch.
struct Actor {
    Actor() = default;
    Actor(QString who, QString roleName, QString address = {}, QString customer = {})
        : subject(std::move(who)), role(std::move(roleName)), clientAddress(std::move(address)),
          customerScope(std::move(customer))
    {
    }

    QString subject = QStringLiteral("system");
    QString role = QStringLiteral("system");
    QString clientAddress;
    // Set for a customer's own client (chat widget): only this customer's
    // sessions exist for it; others are answered as not found.
    QString customerScope;
    // A person's name for what they write (reply metadata): the agent token's
    // "name" claim, else the subject.
    QString displayName;
    // Seed 003's web chat has one AI and then people: a conversation the AI cannot
    // ground goes to a person, not to the AI Manager (set by that door's actor).
    bool doubtGoesToPerson = false;
};

} // namespace tierdesk
