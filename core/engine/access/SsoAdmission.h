#pragma once

#include "core/domain/OidcSettings.h"
#include "core/engine/access/AgentDirectory.h"

#include <QJsonObject>

namespace tierdesk {

// Who comes in after the provider vouched for them (the ID token's claims, checked already), and
// with which role: the company's agent with that e-mail, or a new one when the company lets its
// provider create them. The provider decides who may come in; the role map decides what they may
// do. Every sign-in, refusal and creation is audited with the provider's subject.
class SsoAdmission {
public:
    static constexpr int kMaxSubjectChars = 255;

    SsoAdmission(SessionEngine &engine, AgentDirectory &agents);

    // The agent to sign in; Forbidden saying why when the person may not come in.
    Result<Agent> admit(const OidcSettings &s, const QJsonObject &claims, const QString &clientAddress);
    // Audits the sign-in once its login session is open (auth.login, naming the session).
    void signedIn(const Agent &agent, const QString &issuer, const QString &subject, const QString &clientAddress,
        const QString &sessionId);
    // The role the claims give (the highest mapped value of the role claim, else defaultRole).
    static QString roleOf(const OidcSettings &s, const QJsonObject &claims);
    // Audits a refused sign-in of the company (`subject` and `email` when the token said them).
    void refused(const QString &companyId, const QString &subject, const QString &email, const QString &reason,
        const QString &clientAddress);

private:
    Result<Agent> create(const OidcSettings &s, const QJsonObject &claims, const QString &email, const Actor &actor);
    Result<Agent> refuse(const QString &companyId, const QString &subject, const QString &email, const QString &reason,
        const QString &clientAddress);

    SessionEngine &m_engine;
    AgentDirectory &m_agents;
};

} // namespace tierdesk
