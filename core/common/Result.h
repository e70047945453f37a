#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace tierdesk {

// What went wrong, independent of HTTP and of every API family: api/ maps (kind,
// detail, field) to a status, a code and a body in each family's one error table.
enum class ErrorKind {
    InvalidArgument, // the input is malformed, out of range or refused as it is
    NotFound, // what the input names does not exist (or is not the caller's to see)
    Conflict, // the input is fine but the state it meets is not
    Forbidden, // the caller may not do this
    Unauthenticated, // the caller did not prove who they are
    Unavailable, // a part needed for this is not working or not running now
    LimitExceeded, // a budget is used up for now (details.retryAfter: seconds until it is not)
    Internal, // a fault of ours; its message is never shown to clients
};

// Why, beside the kind: a stable reason a family may give its own code or wording.
// None is the common case; families map the kind alone then.
enum class ErrorDetail {
    None,
    InvalidSessionId, // InvalidArgument: not a session id at all
    MissingCompany, // InvalidArgument: no company named
    InvalidEscalation, // InvalidArgument: not a tier above the session's
    InvalidMessage, // InvalidArgument: message text empty, too long or not text
    UnresolvedPlaceholder, // InvalidArgument: a reply still holds a {{placeholder}}
    SessionNotFound, // NotFound: the session named
    SessionResolved, // Conflict: the session's ticket is resolved
    SessionClaimed, // Conflict: another person holds the session
    NotInQueue, // Conflict: not an open human-tier session
    StaleReply, // Conflict: the customer wrote after the message the reply is based on
    NotClaimedByYou, // Conflict: held by someone else or by nobody
    NotOwed, // Conflict: a refund the order does not owe (uncharged, or beyond what is left)
    SessionNotResolved, // Conflict: the session is not resolved yet (a customer rates resolved sessions)
    AlreadyRated, // Conflict: the session's customer rating is given already
    CompanyDisabled, // Forbidden: the company's CS is switched off
    CredentialMissing, // Unauthenticated: no credential given
    CredentialMalformed, // Unauthenticated: a credential that cannot be read
    CredentialUnknown, // Unauthenticated: a key that is unknown, revoked or expired
    SignatureInvalid, // Unauthenticated: a signature that does not hold (wrong, stale or mis-scoped)
    AiUnavailable, // Unavailable: no reply model to answer with
    AiFailed, // Unavailable: the reply model failed
    AiTimedOut, // Unavailable: the reply model did not answer in time
    NeedsLanguageModel, // Unavailable: the task needs a language model and the company words locally
    StorageFailure, // Unavailable: the store is degraded; writes are refused, reads go on
    RangeNotSatisfiable, // InvalidArgument: a byte range that starts past the end of what is asked for
    FileTooLarge, // InvalidArgument: a file over its limit (details.maxBytes)
    UnsupportedFileType, // InvalidArgument: a file whose bytes are none of the types taken
};

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    QString message;
    QJsonObject details;
    ErrorDetail detail = ErrorDetail::None;
    QString field{}; // which input is to blame, when one is
};

template <typename T> class Result {
public:
    Result(T value) : m_v(std::move(value)) { }
    Result(Error error) : m_v(std::move(error)) { }

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<T>(m_v); }
    T &value() { return std::get<T>(m_v); }
    const T &operator*() const { return value(); }
    T &operator*() { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const Error &error() const { return std::get<Error>(m_v); }

private:
    std::variant<T, Error> m_v;
};

struct Ok { };
using Status = Result<Ok>;

// details.field, when the details name one, is the error's field too.
inline Error makeError(ErrorKind kind, ErrorDetail detail, QString message, QJsonObject details = {})
{
    QString field = details.value(QLatin1String("field")).toString();
    return Error{kind, std::move(message), std::move(details), detail, std::move(field)};
}

inline Error makeError(ErrorKind kind, QString message, QJsonObject details = {})
{
    return makeError(kind, ErrorDetail::None, std::move(message), std::move(details));
}

} // namespace tierdesk
