#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace tierdesk::voice {

// Recognised digit words to the numbers a caller meant. Callers say "order one zero zero zero
// five", "oh" for zero, "double five" for 55; the company writes its order numbers as a pattern
// such as ORD-\d{5} (the demo's). The pattern's literal prefix ("ORD-") goes in front of the digits
// and the whole candidate must match the pattern.
class OrderNumberSpeech {
public:
    // The digits said, in order: "nine oh double five" -> "9055". Cue words ("order", "number")
    // are skipped; any other word ends nothing and adds nothing.
    static QString digits(const QStringList &words);
    static QString digits(const QString &text) { return digits(text.split(u' ', Qt::SkipEmptyParts)); }

    // The order number the words name under the company's pattern (a regular expression matched
    // whole, e.g. "ORD-\\d{5}"), or nothing when the digits said do not make one.
    static std::optional<QString> orderNumber(const QStringList &words, const QString &pattern);
    static std::optional<QString> orderNumber(const QString &text, const QString &pattern)
    {
        return orderNumber(text.split(u' ', Qt::SkipEmptyParts), pattern);
    }

    // The literal text before the pattern's first digit class: "ORD-\\d{5}" -> "ORD-".
    static QString literalPrefix(const QString &pattern);
};

} // namespace tierdesk::voice
