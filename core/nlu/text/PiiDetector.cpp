#include "core/nlu/text/PiiDetector.h"

#include <QRegularExpression>

#include <algorithm>

namespace tierdesk::nlu {

namespace {

const QRegularExpression &emailPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})"));
    return re;
}

// A run of digits with single spaces, dots, dashes or brackets between them and
// an optional leading +; what it is (card, phone, neither) depends on the digits.
const QRegularExpression &digitRunPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"((?<![\w.])\+?\(?\d(?:[\d]|[ .\-]\(?\d|\)[ .\-]?\d)*\d(?![\w]))"));
    return re;
}

// A house number, then up to three words and a street word: "221B Baker Street".
#define TIERDESK_STREET_FIRST                                                                                          \
    R"(\b\d{1,5}[A-Za-z]?\s+(?:[A-Za-zÀ-ÿ.'\-]+\s+){0,3}(?:street|st|avenue|ave|road|rd|boulevard|blvd|)"            \
    R"(lane|ln|drive|dr|court|ct|way|place|pl|terrace|square|sq|highway|hwy|parkway|pkwy)\b\.?)"

const QRegularExpression &numberFirstAddressPattern()
{
    static const QRegularExpression re(QStringLiteral(TIERDESK_STREET_FIRST),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

// Either kind, the street word first as well: "Hauptstraße 5". Only for a text that has such a
// street word: this alternative is tried at every word, the slow part of the search.
const QRegularExpression &addressPattern()
{
    static const QRegularExpression re(
        QStringLiteral(TIERDESK_STREET_FIRST
            R"(|\b[A-Za-zÀ-ÿ\-]+(?:straße|strasse|str\.|weg|gasse|platz|allee)\s+\d{1,5}[a-z]?\b)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}
#undef TIERDESK_STREET_FIRST

bool hasStreetWordAfterName(QStringView text)
{
    static const QRegularExpression re(
        QStringLiteral("straße|strasse|str\\.|weg|gasse|platz|allee"), QRegularExpression::CaseInsensitiveOption);
    return re.match(text).hasMatch();
}

bool hasDigit(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
}

// Dates and times look like phone numbers to digitRunPattern(): 2025-02-15, 15.02.2025.
bool isDate(QStringView run)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[.\-]\d{1,2}[.\-]\d{2,4})$)"));
    return re.match(run).hasMatch();
}

int digitCount(QStringView s)
{
    int n = 0;
    for (QChar c : s)
        n += c.isDigit() ? 1 : 0;
    return n;
}

bool overlaps(const QList<PiiDetector::Match> &found, int start, int length)
{
    for (const auto &m : found)
        if (start < m.start + m.length && m.start < start + length)
            return true;
    return false;
}

} // namespace

bool PiiDetector::luhnValid(QStringView digits)
{
    int sum = 0;
    int n = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (!it->isDigit())
            continue;
        int d = it->digitValue();
        if (n++ % 2 == 1) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return n > 0 && sum % 10 == 0;
}

QList<PiiDetector::Match> PiiDetector::find(QStringView text)
{
    QList<Match> found;
    // Each pattern is searched only in a text that has what it needs (an @, a digit): most
    // texts have neither, and an unanchored search of a long text costs the most.
    const bool digits = hasDigit(text);
    if (!digits && !text.contains(QLatin1Char('@')))
        return found;
    if (text.contains(QLatin1Char('@'))) {
        for (auto it = emailPattern().globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            found.append(Match{Kind::Email, static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength())});
        }
    }
    if (!digits)
        return found; // sorted: the e-mail addresses, in order
    const QRegularExpression &address = hasStreetWordAfterName(text) ? addressPattern() : numberFirstAddressPattern();
    for (auto it = address.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (!overlaps(found, m.capturedStart(), m.capturedLength()))
            found.append(
                Match{Kind::Address, static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength())});
    }
    for (auto it = digitRunPattern().globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const int start = static_cast<int>(m.capturedStart());
        const int length = static_cast<int>(m.capturedLength());
        const QStringView run = m.capturedView();
        if (overlaps(found, start, length) || isDate(run))
            continue;
        const int digits = digitCount(run);
        const bool plainGroups = !run.contains(QLatin1Char('(')) && !run.startsWith(QLatin1Char('+'));
        if (digits >= 13 && digits <= 19 && plainGroups && luhnValid(run))
            found.append(Match{Kind::CardNumber, start, length});
        else if (digits >= 7 && digits <= 15
            && (run.size() > digits || digits >= 10 || run.startsWith(QLatin1Char('+'))))
            found.append(Match{Kind::Phone, start, length});
    }
    std::sort(found.begin(), found.end(), [](const Match &a, const Match &b) { return a.start < b.start; });
    return found;
}

QStringList PiiDetector::kindNames(QStringView text)
{
    QStringList names;
    const QList<Match> found = find(text);
    for (Kind kind : {Kind::Email, Kind::Phone, Kind::CardNumber, Kind::Address})
        if (std::any_of(found.cbegin(), found.cend(), [kind](const Match &m) { return m.kind == kind; }))
            names << kindName(kind);
    return names;
}

QString PiiDetector::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Email:
        return QStringLiteral("email");
    case Kind::Phone:
        return QStringLiteral("phone");
    case Kind::CardNumber:
        return QStringLiteral("card_number");
    case Kind::Address:
        return QStringLiteral("address");
    }
    return {};
}

} // namespace tierdesk::nlu
