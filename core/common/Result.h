#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace tierdesk {

// What went wrong, independent of HTTP: api/ maps ErrorKind to a status and an
// error code of the caller's API family.
enum class ErrorKind {
    InvalidArgument, // malformed or out-of-range input
    InvalidSessionId,
    NotFound,
    SessionResolved,
    InvalidEscalation,
    MissingCompany,
    CompanyDisabled,
    AiUnavailable,
    AiFailed,
    InvalidMessage,
    Forbidden,
    Conflict,
    // The agent desk (docs/api.md, "The agent desk").
    SessionClaimed, // another person holds the session
    NotInQueue, // not an open human-tier session
    StaleReply, // the customer wrote after the message the reply is based on
    NotClaimedByYou, // held by someone else or by nobody
    UnresolvedPlaceholder, // a reply still holds a {{placeholder}}
    NotOwed, // a refund the order does not owe (uncharged, or beyond what is left)
    LimitExceeded, // a budget is used up for now (details.retryAfter: seconds until it is not)
    Internal,
};

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    QString message;
    QJsonObject details;
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

inline Error makeError(ErrorKind kind, QString message, QJsonObject details = {})
{
    return Error{kind, std::move(message), std::move(details)};
}

} // namespace tierdesk
