#include "core/engine/knowledge/GapClusters.h"

#include <QHash>

#include <algorithm>

#include <cmath>
#include <vector>

namespace tierdesk {
namespace {

// The terms as numbers, each question's distinct ones, and each term's weight over every question.
struct Vocabulary {
    QHash<QString, int> ids;
    std::vector<double> weights;
    std::vector<std::vector<int>> questions; // each question's distinct term ids

    explicit Vocabulary(const QList<QStringList> &all)
    {
        std::vector<int> documents;
        questions.reserve(size_t(all.size()));
        for (const QStringList &terms : all) {
            std::vector<int> mine;
            for (const QString &t : terms) {
                auto it = ids.find(t);
                if (it == ids.end()) {
                    it = ids.insert(t, int(documents.size()));
                    documents.push_back(0);
                }
                if (std::find(mine.begin(), mine.end(), *it) != mine.end())
                    continue;
                mine.push_back(*it);
                ++documents[size_t(*it)];
            }
            questions.push_back(std::move(mine));
        }
        const double n = double(all.size());
        weights.reserve(documents.size());
        for (int df : documents)
            weights.push_back(std::log(1.0 + n / double(df)));
    }

    double weightOf(const std::vector<int> &terms) const
    {
        double sum = 0;
        for (int id : terms)
            sum += weights[size_t(id)];
        return sum;
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
        const std::vector<int> &ids = vocabulary.questions[size_t(i)];
        const double weight = vocabulary.weightOf(ids);
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
    const auto idsOf = [&](const QStringList &terms) {
        std::vector<int> out;
        for (const QString &t : terms)
            if (const int id = vocabulary.ids.value(t, -1);
                id >= 0 && std::find(out.begin(), out.end(), id) == out.end())
                out.push_back(id);
        return out;
    };
    const std::vector<int> ia = idsOf(a);
    const std::vector<int> ib = idsOf(b);
    const double wa = vocabulary.weightOf(ia);
    const double wb = vocabulary.weightOf(ib);
    double both = 0;
    for (int id : ia)
        if (std::find(ib.begin(), ib.end(), id) != ib.end())
            both += vocabulary.weights[size_t(id)];
    return wa > 0 && wb > 0 ? both / std::sqrt(wa * wb) : 0;
}

} // namespace tierdesk
