#pragma once

#include "core/common/Result.h"

#include <cstddef>

// One row of an API family's error table: what a core error (kind and detail) becomes
// on that family's wire. Each family keeps all its rows in one static table.
namespace tierdesk::api {

struct ErrorRow {
    ErrorKind kind;
    ErrorDetail detail; // None: any detail of the kind that has no row of its own
    int status;
    const char *code; // the family's code or error type
    const char *fixedMessage = nullptr; // said instead of the error's message (Internal: never show ours)
};

// The row for e's kind and detail, else the row for its kind alone, else the table's
// Internal row (every table has one).
// The failure of a write the degraded store refused (Database::degradedError puts it in
// details.reason), which every family answers as its gate does; empty for any other error.
inline QString storageFailureOf(const Error &e)
{
    return e.detail == ErrorDetail::StorageFailure ? e.details.value(QLatin1String("reason")).toString() : QString();
}

template <std::size_t N> const ErrorRow &findErrorRow(const ErrorRow (&rows)[N], const Error &e)
{
    const ErrorRow *kindOnly = nullptr;
    const ErrorRow *internal = &rows[0];
    for (const ErrorRow &row : rows) {
        if (row.kind == ErrorKind::Internal && row.detail == ErrorDetail::None)
            internal = &row;
        if (row.kind != e.kind)
            continue;
        if (row.detail == e.detail)
            return row;
        if (row.detail == ErrorDetail::None)
            kindOnly = &row;
    }
    return kindOnly ? *kindOnly : *internal;
}

} // namespace tierdesk::api
