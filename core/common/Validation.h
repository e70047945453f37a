#pragma once

#include "core/common/Result.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

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

// The same, naming the values the field may take (details.allowed).
inline Error invalidField(const QString &field, QString message, const QStringList &allowed)
{
    Error e = invalidField(field, std::move(message));
    e.details.insert(QStringLiteral("allowed"), QJsonArray::fromStringList(allowed));
    return e;
}

} // namespace tierdesk
