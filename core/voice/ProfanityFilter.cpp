#include "core/voice/ProfanityFilter.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace tierdesk::voice {

namespace {

// Lower-case stems matched at the start of a word; each entry lists the endings it accepts, so
// "shit" catches "shitty" but "hell" does not catch "hello". Words a recogniser's English
// dictionary holds and callers actually say; kept short on purpose.
struct ProfaneStem {
    const char16_t *stem;
    std::array<const char16_t *, 4> endings;
};

constexpr ProfaneStem kProfaneStems[] = {
    {u"fuck", {u"", u"ing", u"ed", u"er"}},
    {u"shit", {u"", u"ty", u"s", u"ting"}},
    {u"bitch", {u"", u"es", u"ing", u"y"}},
    {u"bastard", {u"", u"s", nullptr, nullptr}},
    {u"asshole", {u"", u"s", nullptr, nullptr}},
    {u"damn", {u"", u"ed", u"it", nullptr}},
    {u"goddamn", {u"", u"ed", u"it", nullptr}},
    {u"crap", {u"", u"py", nullptr, nullptr}},
    {u"dick", {u"", u"head", nullptr, nullptr}},
    {u"piss", {u"", u"ed", nullptr, nullptr}},
    {u"cunt", {u"", u"s", nullptr, nullptr}},
    {u"wanker", {u"", u"s", nullptr, nullptr}},
    {u"bollocks", {u"", nullptr, nullptr, nullptr}},
    {u"hell", {u"", nullptr, nullptr, nullptr}},
};

} // namespace

bool ProfanityFilter::isProfane(QStringView word)
{
    const QString lower = word.toString().toLower();
    return std::any_of(std::begin(kProfaneStems), std::end(kProfaneStems), [&](const ProfaneStem &p) {
        const QStringView stem(p.stem);
        if (!QStringView(lower).startsWith(stem))
            return false;
        const QStringView rest = QStringView(lower).mid(stem.size());
        return std::any_of(p.endings.begin(), p.endings.end(),
            [&](const char16_t *ending) { return ending && rest == QStringView(ending); });
    });
}

QString ProfanityFilter::mask(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z']+"));
    QString out = text;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedLength() > 1 && isProfane(m.capturedView()))
            out.replace(m.capturedStart() + 1, m.capturedLength() - 1, QString(m.capturedLength() - 1, u'*'));
    }
    return out;
}

} // namespace tierdesk::voice
