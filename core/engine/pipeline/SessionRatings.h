#pragma once

#include "core/domain/SessionRating.h"
#include "core/engine/pipeline/EngineCore.h"

#include <functional>
#include <optional>

namespace tierdesk {

// The customer's rating of how a conversation went (1 to 5, an optional comment). The rule
// for every API family: once per session, only after it is resolved, only by the session's
// own customer (a client acting for that customer) or an admin. A rating is stored with its
// audit entry (session.rate) in one batch work; its analytics hour is marked by the table's
// trigger in the same transaction. After commit: satisfaction.rated, and satisfaction.low
// for a rating of 1 or 2, as live events and to the webhooks subscribed to them.
class SessionRatings {
public:
    explicit SessionRatings(EngineCore &core) : m_core(core) { }

    // What the customer says; checked by rate().
    struct Input {
        int rating = 0; // 1..5; anything else is refused (the families pass 0 for a non-integer)
        QString comment;
    };

    // `alongside`: more work of the same transaction (a survey marked answered); false undoes it all.
    Result<SessionRating> rate(const QString &companyId, const QString &sessionId, const Input &input,
        const Actor &actor, const std::function<bool()> &alongside = {});
    // Whether `actor` may rate the session now (or once `resolvingFirst` resolves it in the
    // same request), before anything else of that request changes: as rate() checks it.
    Status mayRate(const QString &companyId, const QString &sessionId, const Actor &actor, bool resolvingFirst);
    // The session's rating, if it has one (the session as the actor may see it, else NotFound).
    Result<std::optional<SessionRating>> find(const QString &companyId, const QString &sessionId, const Actor &actor);

    static Status checkInput(const Input &input);

private:
    Status mayRate(const Session &s, const Actor &actor, bool resolvingFirst);
    SessionRating ratingOf(const Session &s, const Input &input, const Actor &actor) const;
    void announce(const Session &s, const SessionRating &r);

    EngineCore &m_core;
};

} // namespace tierdesk
