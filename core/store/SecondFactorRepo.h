#pragma once

#include "core/common/Result.h"
#include "core/store/Database.h"

#include <QStringList>

namespace tierdesk {

// An agent's second factor (migration 37): the sealed TOTP secrets in agents (mfa_secret,
// mfa_pending, mfa_last_step) and the hashed recovery codes in agent_recovery_codes.
class SecondFactorRepo {
public:
    explicit SecondFactorRepo(Database &db) : m_db(db) { }
    // A secret being enrolled (sealed); replaces an earlier one not yet confirmed.
    Status setPending(const QString &agentId, const QString &sealedSecret);
    // The pending secret becomes the agent's factor, `step` its last accepted step, and these
    // recovery codes (hashed) replace any earlier ones.
    Status confirm(const QString &agentId, const QString &sealedSecret, qint64 step, const QStringList &codeHashes);
    // No second factor any more, no recovery codes.
    Status clear(const QString &agentId);
    // True when `step` is later than the last accepted one and is now the last (a code is good
    // once, also when two servers are asked at once).
    Result<bool> claimStep(const QString &agentId, qint64 step);
    // True when the code was the agent's and is now used up.
    Result<bool> useRecoveryCode(const QString &agentId, const QString &codeHash);
    int recoveryCodesLeft(const QString &agentId);

private:
    Database &m_db;
};

} // namespace tierdesk
