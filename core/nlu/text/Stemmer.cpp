#include "core/nlu/text/Stemmer.h"

namespace tierdesk::nlu {

QString Stemmer::stem(QString lowerCaseWord)
{
    for (const char *suffix : {"ing", "ed", "es", "s"}) {
        const auto s = QLatin1String(suffix);
        if (lowerCaseWord.size() > s.size() + 3 && lowerCaseWord.endsWith(s)) {
            lowerCaseWord.chop(s.size());
            break;
        }
    }
    return lowerCaseWord;
}

bool Stemmer::isInflection(QStringView rest)
{
    for (const char *ending : {"e", "s", "es", "ed", "er", "ers", "ing", "y"})
        if (rest == QLatin1String(ending))
            return true;
    return false;
}

} // namespace tierdesk::nlu
