#pragma once

#include "core/common/Result.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace tierdesk {

// Whether a free-text field may break lines: names and titles may not; messages, notes,
// summaries, replies and articles may (tab, CR and LF).
enum class TextLines { One, Many };

// The one rule for text people type, in every field of every API family: no control
// character (NUL, ESC, BEL, DEL, C1...; tab, CR and LF where lines may break) and no
// unpaired UTF-16 surrogate (JSON may carry one as "\ud800": it has no UTF-8 form and
// breaks every terminal, log and mail it reaches). Returns why the text breaks it.
inline std::optional<QString> textFault(const QString &text, TextLines lines)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i; // a pair: one character outside the Basic Multilingual Plane
            continue;
        }
        if (c.isSurrogate())
            return QStringLiteral("contains an unpaired surrogate");
        const bool lineBreak = c == QLatin1Char('\n') || c == QLatin1Char('\t') || c == QLatin1Char('\r');
        if (c.category() == QChar::Other_Control && !(lines == TextLines::Many && lineBreak))
            return QStringLiteral("contains control characters");
    }
    return std::nullopt;
}

// Names and labels people type (agents, companies, tokens): one line, by the text rule.
inline bool hasControlCharacters(const QString &s)
{
    return textFault(s, TextLines::One).has_value();
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

// A free-text field against the text rule and its length limit (maxChars): InvalidArgument
// with details.field, details.reason and details.maxLength.
inline Status checkText(const QString &field, const QString &text, int maxChars, TextLines lines = TextLines::Many)
{
    std::optional<QString> fault = textFault(text, lines);
    if (!fault && text.size() > maxChars)
        fault = QStringLiteral("is longer than %1 characters").arg(maxChars);
    if (!fault)
        return Ok{};
    Error e = invalidField(field, QStringLiteral("%1 %2").arg(field, *fault));
    e.details.insert(QStringLiteral("reason"), *fault);
    e.details.insert(QStringLiteral("maxLength"), maxChars);
    return e;
}

} // namespace tierdesk
