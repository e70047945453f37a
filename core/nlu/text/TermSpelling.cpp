#include "core/nlu/text/TermSpelling.h"

#include <QVarLengthArray>

#include <algorithm>

namespace tierdesk::nlu {

int TermSpelling::distance(QStringView a, QStringView b, int limit)
{
    if (std::abs(int(a.size()) - int(b.size())) > limit)
        return limit + 1;
    const qsizetype width = b.size() + 1;
    // Three rows of the edit table: two back for a swap of neighbours.
    QVarLengthArray<int, 64> before(width), previous(width), current(width);
    for (qsizetype j = 0; j < width; ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        int rowBest = current[0];
        for (qsizetype j = 1; j < width; ++j) {
            const int changed = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            int d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + changed});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                d = std::min(d, before[j - 2] + 1);
            current[j] = d;
            rowBest = std::min(rowBest, d);
        }
        if (rowBest > limit)
            return limit + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[width - 1], limit + 1);
}

QString TermSpelling::nearest(const QString &term, const QHash<QString, int> &vocabulary)
{
    if (term.size() < kMinLength || vocabulary.contains(term))
        return term;
    for (const QChar c : term)
        if (c.isDigit())
            return term; // a number or a code is no misspelling
    const int limit = term.size() >= kTwoEditsLength ? 2 : 1;
    QString best = term;
    int bestDistance = limit + 1;
    int bestCount = 0;
    for (auto it = vocabulary.cbegin(); it != vocabulary.cend(); ++it) {
        const QString &known = it.key();
        if (known.isEmpty() || known.at(0) != term.at(0))
            continue;
        const int d = distance(term, known, limit);
        if (d > limit)
            continue;
        // Nearest, then commonest, then first in order: the same answer whatever the hash's order.
        const bool better = d < bestDistance
            || (d == bestDistance && (it.value() > bestCount || (it.value() == bestCount && known < best)));
        if (better) {
            best = known;
            bestDistance = d;
            bestCount = it.value();
        }
    }
    return bestDistance <= limit ? best : term;
}

} // namespace tierdesk::nlu
