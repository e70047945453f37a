#include "core/engine/access/SecondFactors.h"

#include "core/engine/access/Totp.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace tierdesk {
namespace {

// Recovery codes: 12 characters of base32 in three groups (60 bits: a stored hash cannot be
// turned back by trying them all), compared without case, spaces or dashes.
constexpr int kRecoveryChars = 12;

QString normalizedCode(const QString &code)
{
    QString out;
    for (const QChar ch : code)
        if (ch.isLetterOrNumber())
            out.append(ch.toLower());
    return out;
}

QString recoveryHash(const QString &agentId, const QString &code)
{
    return QString::fromLatin1(QCryptographicHash::hash(
        (agentId + QLatin1Char(':') + normalizedCode(code)).toUtf8(), QCryptographicHash::Sha256)
                                   .toHex());
}

QString newRecoveryCode()
{
    static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    QString code;
    for (int i = 0; i < kRecoveryChars; ++i) {
        if (i > 0 && i % 4 == 0)
            code.append(QLatin1Char('-'));
        code.append(QLatin1Char(kAlphabet[QRandomGenerator::system()->bounded(32)]));
    }
    return code;
}

Error wrongCode(const QString &message)
{
    return makeError(ErrorKind::InvalidArgument, message, {{QStringLiteral("field"), QStringLiteral("code")}});
}

} // namespace

SecondFactors::SecondFactors(SessionEngine &engine) : m_engine(engine), m_repo(engine.core().store().db()) { }

std::optional<QByteArray> SecondFactors::openSecret(const QString &sealed) const
{
    if (sealed.isEmpty())
        return std::nullopt;
    const auto opened = m_engine.core().store().webhooks().sealer().open(sealed.toLatin1());
    if (!opened)
        return std::nullopt;
    return *opened;
}

Status SecondFactors::audit(const Agent &agent, const Actor &actor, const QString &action, const QJsonObject &details)
{
    return m_engine.core().store().audit().append({m_engine.clock().nowMs(), agent.companyId, actor.subject, actor.role,
        action, QStringLiteral("agent:") + agent.id, actor.clientAddress, AuditOutcome::Done, details.toVariantMap()});
}

Result<TotpEnrolment> SecondFactors::enrol(const Agent &agent, const QString &issuer, const Actor &actor)
{
    if (agent.hasSecondFactor())
        return makeError(ErrorKind::Conflict, QStringLiteral("A second factor is set up already; remove it first"),
            {{QStringLiteral("reason"), QStringLiteral("mfa enabled")}});
    const QByteArray secret = totp::newSecret();
    const QString sealed = QString::fromLatin1(m_engine.core().store().webhooks().sealer().seal(secret));
    Store &store = m_engine.core().store();
    const Status stored = store.batch().run([&]() -> Status {
        if (const Status set = m_repo.setPending(agent.id, sealed); !set)
            return set;
        return audit(agent, actor, QStringLiteral("auth.mfa_enrol"));
    });
    if (!stored)
        return stored.error();
    return TotpEnrolment{totp::toBase32(secret), totp::otpauthUrl(issuer, agent.email, secret)};
}

Result<QStringList> SecondFactors::confirm(const Agent &agent, const QString &code, const Actor &actor)
{
    const auto secret = openSecret(agent.mfaPending);
    if (!secret)
        return makeError(ErrorKind::Conflict, QStringLiteral("No second factor is being set up; start with POST"),
            {{QStringLiteral("reason"), QStringLiteral("nothing to confirm")}});
    const auto step = code.size() <= kMaxCodeChars
        ? totp::matchingStep(*secret, code.trimmed(), m_engine.clock().nowSecs(), kDriftSteps)
        : std::nullopt;
    if (!step)
        return wrongCode(QStringLiteral("The code is not the authenticator's current one"));
    QStringList codes;
    QStringList hashes;
    for (int i = 0; i < kRecoveryCodes; ++i) {
        codes.append(newRecoveryCode());
        hashes.append(recoveryHash(agent.id, codes.constLast()));
    }
    Store &store = m_engine.core().store();
    const Status stored = store.batch().run([&]() -> Status {
        if (const Status set = m_repo.confirm(agent.id, agent.mfaPending, *step, hashes); !set)
            return set;
        return audit(agent, actor, QStringLiteral("auth.mfa_enable"));
    });
    if (!stored)
        return stored.error();
    return codes;
}

Status SecondFactors::disable(const Agent &agent, const QString &code, const Actor &actor)
{
    if (!agent.hasSecondFactor())
        return makeError(ErrorKind::Conflict, QStringLiteral("No second factor is set up"),
            {{QStringLiteral("reason"), QStringLiteral("mfa not enabled")}});
    const auto proof = verify(agent, code);
    if (!proof)
        return proof.error().kind == ErrorKind::Unauthenticated ? wrongCode(proof.error().message) : proof.error();
    Store &store = m_engine.core().store();
    return store.batch().run([&]() -> Status {
        if (const Status cleared = m_repo.clear(agent.id); !cleared)
            return cleared;
        return audit(agent, actor, QStringLiteral("auth.mfa_disable"));
    });
}

Status SecondFactors::remove(const Agent &agent, const Actor &actor)
{
    Store &store = m_engine.core().store();
    return store.batch().run([&]() -> Status {
        if (const Status cleared = m_repo.clear(agent.id); !cleared)
            return cleared;
        return audit(agent, actor, QStringLiteral("auth.mfa_remove"), {{QStringLiteral("agentId"), agent.id}});
    });
}

Result<SecondFactorProof> SecondFactors::verify(const Agent &agent, const QString &code)
{
    const auto secret = openSecret(agent.mfaSecret);
    if (!secret)
        return makeError(ErrorKind::Unauthenticated, QStringLiteral("No second factor is set up"));
    if (code.isEmpty() || code.size() > kMaxCodeChars)
        return makeError(ErrorKind::Unauthenticated, QStringLiteral("Wrong code"));
    Store &store = m_engine.core().store();
    if (const auto step = totp::matchingStep(*secret, code.trimmed(), m_engine.clock().nowSecs(), kDriftSteps)) {
        // A step at or before the last accepted one is a replay.
        const auto claimed = store.batch().runChanged([&] { return m_repo.claimStep(agent.id, *step); });
        if (!claimed)
            return claimed.error();
        if (!*claimed)
            return makeError(
                ErrorKind::Unauthenticated, QStringLiteral("This code was used already; wait for the next"));
        return SecondFactorProof::Totp;
    }
    const auto used
        = store.batch().runChanged([&] { return m_repo.useRecoveryCode(agent.id, recoveryHash(agent.id, code)); });
    if (!used)
        return used.error();
    if (!*used)
        return makeError(ErrorKind::Unauthenticated, QStringLiteral("Wrong code"));
    return SecondFactorProof::RecoveryCode;
}

int SecondFactors::recoveryCodesLeft(const Agent &agent)
{
    return m_repo.recoveryCodesLeft(agent.id);
}

} // namespace tierdesk
