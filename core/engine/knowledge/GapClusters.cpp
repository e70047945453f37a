#include "core/engine/knowledge/GapClusters.h"

#include <QHash>

#include <algorithm>

#include <cmath>
#include <vector>

namespace tierdesk {
namespace {

// The terms as numbers, and each term's weight over every question.
struct Vocabulary {
    QHash<QString, int> ids;
    std::vector<double> weights;

    explicit Vocabulary(const QList<QStringList> &all)
    {
        std::vector<int> documents;
        for (const QStringList &terms : all)
            for (const QString &t : terms) {
                const int id = ids.value(t, int(documents.size()));
                if (id == int(documents.size())) {
                    ids.insert(t, id);
                    documents.push_back(0);
                }
                ++documents[size_t(id)];
            }
        const double n = double(all.size());
        weights.reserve(documents.size());
        for (int df : documents)
            weights.push_back(std::log(1.0 + n / double(df)));
    }

    // The question's distinct term ids and their weights' sum.
    std::vector<int> idsOf(const QStringList &terms, double *weight) const
    {
        std::vector<int> out;
        *weight = 0;
        for (const QString &t : terms) {
            const int id = ids.value(t, -1);
            if (id < 0 || std::find(out.begin(), out.end(), id) != out.end())
                continue;
            out.push_back(id);
            *weight += weights[size_t(id)];
        }
        return out;
    }
};

} // namespace

QList<QList<int>> GapClusters::group(const QList<QStringList> &terms)
{
    const Vocabulary vocabulary(terms);
    QList<QList<int>> groups;
    std::vector<double> leaderWeight; // each group's first question's weight
    std::vector<std::vector<int>> byTerm(vocabulary.weights.size()); // the groups whose first question has it
    std::vector<double> shared; // the weight a group's first question shares with the question at hand
    std::vector<int> touched;
    for (int i = 0; i < terms.size(); ++i) {
        double weight = 0;
        const std::vector<int> ids = vocabulary.idsOf(terms.at(i), &weight);
        if (ids.empty())
            continue;
        touched.clear();
        for (int term : ids)
            for (int g : byTerm[size_t(term)]) {
                if (shared[size_t(g)] == 0)
                    touched.push_back(g);
                shared[size_t(g)] += vocabulary.weights[size_t(term)];
            }
        int best = -1;
        double bestSimilarity = 0;
        for (int g : touched) {
            const double both = shared[size_t(g)];
            const double similarity = both / std::sqrt(weight * leaderWeight[size_t(g)]);
            if (similarity > bestSimilarity || (similarity == bestSimilarity && g < best)) {
                best = g;
                bestSimilarity = similarity;
            }
            shared[size_t(g)] = 0;
        }
        if (best >= 0 && bestSimilarity >= kJoin) {
            groups[best].append(i);
            continue;
        }
        const int g = int(groups.size());
        groups.append(QList<int>{i});
        leaderWeight.push_back(weight);
        shared.push_back(0);
        for (int term : ids)
            byTerm[size_t(term)].push_back(g);
    }
    return groups;
}

double GapClusters::similarity(const QStringList &a, const QStringList &b, const QList<QStringList> &all)
{
    const Vocabulary vocabulary(all);
    double wa = 0;
    double wb = 0;
    const std::vector<int> ia = vocabulary.idsOf(a, &wa);
    const std::vector<int> ib = vocabulary.idsOf(b, &wb);
    double both = 0;
    for (int id : ia)
        if (std::find(ib.begin(), ib.end(), id) != ib.end())
            both += vocabulary.weights[size_t(id)];
    return wa > 0 && wb > 0 ? both / std::sqrt(wa * wb) : 0;
}

} // namespace tierdesk
