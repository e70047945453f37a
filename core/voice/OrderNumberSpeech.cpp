#include "core/voice/OrderNumberSpeech.h"

#include <QRegularExpression>

#include <utility>

namespace tierdesk::voice {

namespace {

bool isOh(QStringView word) // lower case
{
    return word == u"oh" || word == u"o";
}

int digitOfWord(QStringView word)
{
    static const char16_t *const names[]
        = {u"zero", u"one", u"two", u"three", u"four", u"five", u"six", u"seven", u"eight", u"nine"};
    if (isOh(word))
        return 0;
    for (int d = 0; d < 10; ++d) {
        if (word == QStringView(names[d]))
            return d;
    }
    if (word.size() == 1 && word[0].isDigit()) // keypad digits (DTMF) come as "5"
        return word[0].digitValue();
    return -1;
}

// "zero" ends in the vowel of "oh", and the digits grammar can hear that vowel twice: "one zero zero
// zero oh four" for 10004. The words without an "oh" straight after a "zero".
QStringList withoutEchoedOh(const QStringList &words)
{
    QStringList kept;
    for (const QString &word : words) {
        if (isOh(word.toLower()) && !kept.isEmpty() && kept.last().toLower() == u"zero")
            continue;
        kept << word;
    }
    return kept;
}

} // namespace

QString OrderNumberSpeech::digits(const QStringList &words)
{
    QString out;
    int repeat = 1;
    for (const QString &raw : words) {
        const QString word = raw.toLower();
        if (word == u"double") {
            repeat = 2;
            continue;
        }
        if (word == u"triple") {
            repeat = 3;
            continue;
        }
        const int d = digitOfWord(word);
        if (d >= 0)
            out += QString(repeat, QChar(u'0' + d));
        repeat = 1;
    }
    return out;
}

QString OrderNumberSpeech::literalPrefix(const QString &pattern)
{
    QString prefix;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        if (c == u'^')
            continue;
        if (c == u'\\' && i + 1 < pattern.size()) {
            const QChar next = pattern[i + 1];
            if (next.isLetterOrNumber()) // \d, \w, ...: a class, not a literal
                break;
            prefix += next;
            ++i;
            continue;
        }
        if (QStringLiteral("[(.*+?{|$").contains(c))
            break;
        prefix += c;
    }
    return prefix;
}

QString OrderNumberSpeech::patternOrStore(const QString &companyPattern)
{
    return companyPattern.isEmpty() ? QStringLiteral("ORD-\\d{5}") : companyPattern;
}

namespace {

// The reading of the words whose digits make a number under the pattern (as heard first; only a
// number the pattern refuses is read again without an echoed "oh"), and that number.
std::optional<std::pair<QStringList, QString>> readUnder(const QStringList &words, const QString &pattern)
{
    const QRegularExpression whole(QRegularExpression::anchoredPattern(pattern));
    if (!whole.isValid())
        return std::nullopt;
    for (const QStringList &reading : {words, withoutEchoedOh(words)}) {
        const QString said = OrderNumberSpeech::digits(reading);
        if (said.isEmpty())
            return std::nullopt;
        const QString candidate = OrderNumberSpeech::literalPrefix(pattern) + said;
        if (whole.match(candidate).hasMatch())
            return std::make_pair(reading, candidate);
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> OrderNumberSpeech::orderNumber(const QStringList &words, const QString &pattern)
{
    const auto read = readUnder(words, pattern);
    return read ? std::optional<QString>(read->second) : std::nullopt;
}

QString OrderNumberSpeech::engineText(const QStringList &words, const QString &pattern)
{
    if (const std::optional<QString> number = orderNumber(words, pattern))
        return *number;
    const QString said = digits(words);
    return said.isEmpty() ? words.join(u' ') : QStringLiteral("order ") + said;
}

QStringList OrderNumberSpeech::meant(const QStringList &words, const QString &pattern)
{
    const auto read = readUnder(words, pattern);
    return read ? read->first : words;
}

} // namespace tierdesk::voice
