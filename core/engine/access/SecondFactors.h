#pragma once

#include "core/engine/SessionEngine.h"
#include "core/store/SecondFactorRepo.h"

#include <QStringList>

namespace tierdesk {

// A secret being enrolled: shown once, as text and as an otpauth:// URL (the console's QR code).
struct TotpEnrolment {
    QString secret; // base32
    QString otpauthUrl;
};

// How a second factor was proven at a login.
enum class SecondFactorProof { Totp, RecoveryCode };

// The people's second factor (TOTP, RFC 6238; docs/api.md "Sign-in"), on the engine thread:
// enrolment confirmed with a first code, which gives ten recovery codes shown once and stored
// hashed; at a login a code is accepted once (no replay within its window, also across a team's
// servers), one step of clock drift either side; a recovery code works once. Secrets are sealed
// with the store's data key. Every change is audited.
class SecondFactors {
public:
    static constexpr int kRecoveryCodes = 10;
    static constexpr int kMaxCodeChars = 32;
    static constexpr int kDriftSteps = 1;

    explicit SecondFactors(SessionEngine &engine);

    // A new secret for `agent` to confirm (replacing one not yet confirmed); Conflict when the
    // agent has a second factor already. `issuer` names the service in the authenticator app.
    Result<TotpEnrolment> enrol(const Agent &agent, const QString &issuer, const Actor &actor);
    // The pending secret's current code makes it the agent's factor: the recovery codes, once.
    // InvalidArgument (field "code") for a wrong code, Conflict when nothing is being enrolled.
    Result<QStringList> confirm(const Agent &agent, const QString &code, const Actor &actor);
    // Removes the agent's own factor on a current code or a recovery code.
    Status disable(const Agent &agent, const QString &code, const Actor &actor);
    // An admin removes an agent's factor: they set a new one up at their next sign-in.
    Status remove(const Agent &agent, const Actor &actor);
    // A login's second step: how the code proved it, or Unauthenticated (wrong, used, or no factor).
    Result<SecondFactorProof> verify(const Agent &agent, const QString &code);
    int recoveryCodesLeft(const Agent &agent);

private:
    std::optional<QByteArray> openSecret(const QString &sealed) const;
    Status audit(const Agent &agent, const Actor &actor, const QString &action, const QJsonObject &details = {});

    SessionEngine &m_engine;
    SecondFactorRepo m_repo;
};

} // namespace tierdesk
