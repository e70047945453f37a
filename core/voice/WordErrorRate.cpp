#include "core/voice/WordErrorRate.h"

#include <QStringList>

#include <algorithm>
#include <vector>

namespace tierdesk::voice {

namespace {

QStringList wordsOf(const QString &text)
{
    return text.toLower().split(u' ', Qt::SkipEmptyParts);
}

} // namespace

int WordErrorRate::distance(const QString &said, const QString &heard)
{
    const QStringList a = wordsOf(said);
    const QStringList b = wordsOf(heard);
    std::vector<int> row(static_cast<size_t>(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[static_cast<size_t>(j)];
            const int substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[static_cast<size_t>(j)] = std::min({above + 1, row[static_cast<size_t>(j - 1)] + 1, substitution});
            diagonal = above;
        }
    }
    return row.back();
}

void WordErrorRate::add(const QString &said, const QString &heard)
{
    m_errors += distance(said, heard);
    m_words += int(wordsOf(said).size());
}

} // namespace tierdesk::voice
