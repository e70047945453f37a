#pragma once

#include <QString>

#include <optional>

namespace tierdesk::api {

// Roles, each allowed everything the ones before it are:
// client (chat widgets) < agent < supervisor < admin.
enum class Role { Client, Agent, Supervisor, Admin };
std::optional<Role> parseRole(const QString &name);
QString roleName(Role r);

// Who is calling, whatever the API family and credential (JWT, SigV4 key, API key,
// widget key): the company it may see and what it may do there.
struct Principal {
    QString company;
    Role role = Role::Client;
    QString subject;
    QString tokenId;
    QString customer; // set for client tokens: the only customer they may act for
    QString displayName; // the "name" claim of an agent's login token; else empty
    QString sessionId; // the login session of an agent's login token ("sid"); else empty
    // A login token that may only set up a second factor (the company requires one).
    bool mfaSetupOnly = false;
    // Rate limits count per credential.
    QString credentialKey() const { return tokenId.isEmpty() ? company + QLatin1Char('/') + subject : tokenId; }
};

} // namespace tierdesk::api
