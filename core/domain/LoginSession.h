#pragma once

#include <QString>

namespace tierdesk {

// One sign-in of a person at the desk (docs/api.md, "Sign-in"): made at each login, named by its
// login token's "sid", and refused everywhere once ended (by its person, an admin, or a change of
// the agent: deactivated, a new password, another role).
struct LoginSession {
    QString id; // lgs_...
    QString companyId;
    QString agentId;
    QString method; // password, mfa, oidc
    QString device; // the console's name for its machine, else the client's User-Agent
    QString address; // the client's address at login
    qint64 createdAt = 0; // ms
    qint64 lastSeenAt = 0; // ms, written about once a minute
    qint64 expiresAt = 0; // ms: when its token expires
    qint64 endedAt = 0; // ms; 0 while it holds
    QString endedReason; // logout, ended, ended by an admin, deactivated, password changed, role changed

    bool live(qint64 nowMs) const { return endedAt == 0 && expiresAt > nowMs; }
};

} // namespace tierdesk
