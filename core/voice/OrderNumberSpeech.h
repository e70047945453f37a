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

    // The words as the caller meant them under the pattern: as heard, or without an echoed "oh"
    // after a "zero" when only that reading makes an order number. What a transcript shows.
    static QStringList meant(const QStringList &words, const QString &pattern);
    static QString meant(const QString &text, const QString &pattern)
    {
        return meant(text.split(u' ', Qt::SkipEmptyParts), pattern).join(u' ');
    }

    // What the engine reads for digits heard: the order number under the pattern, else "order "
    // and the digits said, else the words themselves.
    static QString engineText(const QStringList &words, const QString &pattern);

    // The literal text before the pattern's first digit class: "ORD-\\d{5}" -> "ORD-".
    static QString literalPrefix(const QString &pattern);
    // The pattern calls read numbers with: the company's, else the demo store's ORD-\\d{5}.
    static QString patternOrStore(const QString &companyPattern);
};

} // namespace tierdesk::voice
