#include "core/common/StemIndex.h"

namespace tierdesk {

QString foldedForSearch(QString text)
{
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x80)
            c = QChar(char16_t(QChar::toCaseFolded(char32_t(u))));
        else if (u >= u'A' && u <= u'Z') // ASCII folds A-Z only
            c = QChar(char16_t(u + (u'a' - u'A')));
    }
    return text;
}

StemIndex::StemIndex(std::initializer_list<const char *> stems)
{
    for (const char *stem : stems) {
        Q_ASSERT(stem[0] > 0 && stem[1] != 0); // an ASCII first letter, two letters or more
        const QString folded = foldedForSearch(QString::fromUtf8(stem));
        m_byFirstLetter[size_t(folded.front().unicode())] << folded;
        m_isFirstLetter[size_t(folded.front().unicode())] = true;
    }
}

bool StemIndex::foundIn(const QString &folded) const
{
    for (qsizetype at = 0; at < folded.size(); ++at) {
        const char16_t first = folded.at(at).unicode();
        if (first >= m_isFirstLetter.size() || !m_isFirstLetter[first])
            continue;
        const QStringView rest = QStringView(folded).mid(at);
        for (const QString &stem : m_byFirstLetter[first])
            if (rest.size() >= stem.size() && rest[1] == stem[1] && rest.startsWith(stem))
                return true;
    }
    return false;
}

} // namespace tierdesk
