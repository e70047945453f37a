#include "core/nlu/text/Bm25.h"

#include <QHash>
#include <QSet>

#include <cmath>

namespace tierdesk::nlu {

double Bm25::weightedLength(const Fields &f)
{
    return kTitleWeight * double(f.title.size()) + kHeadingWeight * double(f.headings.size()) + double(f.text.size());
}

QList<Bm25::Scored> Bm25::score(const QStringList &queryTerms, const QList<Fields> &candidates, Collection all)
{
    // The weighted count of each query term in each candidate, and how many candidates hold it.
    QList<QHash<QString, double>> counts(candidates.size());
    QHash<QString, qint64> holding;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const Fields &f = candidates.at(i);
        QHash<QString, double> &c = counts[i];
        for (const QString &t : f.title)
            if (queryTerms.contains(t))
                c[t] += kTitleWeight;
        for (const QString &t : f.headings)
            if (queryTerms.contains(t))
                c[t] += kHeadingWeight;
        for (const QString &t : f.text)
            if (queryTerms.contains(t))
                c[t] += 1;
        for (auto it = c.cbegin(); it != c.cend(); ++it)
            ++holding[it.key()];
    }
    const double n = double(qMax(all.passages, qint64(candidates.size())));
    const double average = all.averageLength > 0 ? all.averageLength : 1;
    const auto idf = [n, &holding](const QString &term) {
        const double df = double(holding.value(term));
        return std::log(1 + (n - df + 0.5) / (df + 0.5));
    };
    double whole = 0;
    for (const QString &t : QSet<QString>(queryTerms.cbegin(), queryTerms.cend()))
        whole += idf(t);
    QList<Scored> scores;
    scores.reserve(candidates.size());
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const double length = weightedLength(candidates.at(i));
        Scored s;
        double held = 0;
        for (auto it = counts.at(i).cbegin(); it != counts.at(i).cend(); ++it) {
            const double tf = it.value();
            s.score += idf(it.key()) * tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * length / average));
            held += idf(it.key());
        }
        s.coverage = whole > 0 ? held / whole : 0;
        scores << s;
    }
    return scores;
}

} // namespace tierdesk::nlu
