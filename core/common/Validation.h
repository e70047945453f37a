#pragma once

#include "core/common/Result.h"

#include <QString>

#include <algorithm>

namespace tierdesk {

// Names and labels people type (agents, companies, tokens) hold no control characters.
inline bool hasControlCharacters(const QString &s)
{
    return std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

// Bad input in one field of a request: InvalidArgument with details.field.
inline Error invalidField(const QString &field, QString message)
{
    return makeError(ErrorKind::InvalidArgument, std::move(message), {{QStringLiteral("field"), field}});
}

} // namespace tierdesk
