#include "core/nlu/IntentModelTrainer.h"

#include "core/nlu/IntentFeatures.h"
#include "core/nlu/Liblinear.h"

#include <QHash>
#include <QMutex>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

namespace tierdesk::nlu {

namespace {

constexpr float kDefaultTemperature = 0.1f;

// Which side of the calibration split a text falls on: a salted FNV-1a, independent
// of isHeldOut() so that the test split and the calibration split do not align.
bool isCalibrationExample(const QString &text, int percent)
{
    quint32 hash = 2166136261u ^ 0x9e3779b9u;
    for (const char b : text.simplified().toLower().toUtf8()) {
        hash ^= quint8(b);
        hash *= 16777619u;
    }
    return int(hash % 100u) < percent;
}

// Vocabulary (every feature seen), idf = ln((1 + N) / (1 + df)) + 1, as scikit-learn's.
void buildVocabulary(const QList<IntentExample> &examples, IntentModel *m)
{
    std::map<quint64, int> documentFrequency;
    for (const IntentExample &e : examples)
        for (const HashedFeature &f : IntentFeatures::extract(e.text))
            ++documentFrequency[f.hash];
    const double n = double(examples.size());
    m->featureHashes.reserve(documentFrequency.size());
    m->idf.reserve(documentFrequency.size());
    for (const auto &[hash, df] : documentFrequency) {
        m->featureHashes.push_back(hash);
        m->idf.push_back(float(std::log((1.0 + n) / (1.0 + df)) + 1.0));
    }
}

// liblinear's rows: 1-based columns, ascending, then the bias column and a terminator.
// All rows sit in one block, built once and shared by the calibration fit and the final
// fit: training holds one copy of the data (10,000 utterances: about 30 MB) and makes a
// handful of large allocations instead of one per example.
struct Rows {
    std::vector<feature_node> nodes;
    std::vector<size_t> starts;

    void append(const SparseVector &v, int biasColumn)
    {
        starts.push_back(nodes.size());
        for (size_t k = 0; k < v.columns.size(); ++k)
            nodes.push_back({v.columns[k] + 1, double(v.values[k])});
        nodes.push_back({biasColumn, 1.0});
        nodes.push_back({-1, 0});
    }
    feature_node *row(size_t i) { return nodes.data() + starts[i]; }
};

// The decision values of the model for one row (the bias node is skipped: the model
// adds its own bias).
std::vector<double> scoresOf(const IntentModel &m, const feature_node *row)
{
    SparseVector v;
    for (const feature_node *node = row; node->index > 0 && node->index <= int(m.featureHashes.size()); ++node) {
        v.columns.push_back(node->index - 1);
        v.values.push_back(float(node->value));
    }
    return m.scores(v);
}

// liblinear shuffles the examples with rand(). Training draws from a state of its own,
// seeded alike every time, so that the same examples give the same model and the rest
// of the process sees its rand() sequence untouched.
model *trainWithOwnRandomState(const problem &prob, const parameter &param)
{
    static QMutex mutex; // one training at a time swaps the state
    const QMutexLocker lock(&mutex);
    char state[256] = {};
    char *previous = ::initstate(1, state, sizeof state);
    model *trained = ::train(&prob, &param);
    ::setstate(previous);
    return trained;
}

// Trains liblinear on the subset and copies its weights into the model.
void fitLinear(IntentModel *m, Rows &rows, const std::vector<int> &labels, const std::vector<int> &subset,
    const IntentTrainingOptions &options)
{
    std::vector<feature_node *> x;
    std::vector<double> y;
    x.reserve(subset.size());
    y.reserve(subset.size());
    for (const int i : subset) {
        x.push_back(rows.row(size_t(i)));
        y.push_back(labels[size_t(i)]);
    }
    problem prob{};
    prob.l = int(subset.size());
    prob.n = int(m->featureHashes.size()) + 1; // the bias is the last column
    prob.y = y.data();
    prob.x = x.data();
    prob.bias = 1;
    parameter param{};
    param.solver_type = options.solver;
    param.C = options.cost;
    param.eps = 0.1; // liblinear's default for this solver; 0.01 measured no better
    param.p = 0.1;
    silenceLiblinear();
    model *trained = trainWithOwnRandomState(prob, param);

    const size_t classes = size_t(m->classes.size());
    const size_t columns = m->featureHashes.size();
    m->weights.assign(columns * classes, 0.0f);
    m->bias.assign(classes, 0.0f);
    std::vector<int> modelLabels(size_t(get_nr_class(trained)));
    get_labels(trained, modelLabels.data());
    const int nrFeature = get_nr_feature(trained);
    for (size_t k = 0; k < modelLabels.size(); ++k) {
        const size_t c = size_t(modelLabels[k]);
        for (int f = 1; f <= nrFeature && f <= int(columns); ++f)
            m->weights[size_t(f - 1) * classes + c] = float(get_decfun_coef(trained, f, int(k)));
        m->bias[c] = float(get_decfun_bias(trained, int(k)));
    }
    free_and_destroy_model(&trained);
}

// Log-loss of softmax(scores / t) with the no-intent score as one more alternative.
double negativeLogLikelihood(
    const std::vector<std::vector<double>> &scores, const std::vector<int> &labels, double noIntent, double t)
{
    double nll = 0;
    for (size_t i = 0; i < scores.size(); ++i) {
        const std::vector<double> &s = scores[i];
        const double best = std::max(*std::max_element(s.cbegin(), s.cend()), noIntent);
        double sum = std::exp((noIntent - best) / t);
        for (const double v : s)
            sum += std::exp((v - best) / t);
        nll -= (s[size_t(labels[i])] - best) / t - std::log(sum);
    }
    return nll;
}

// The temperature that minimises the log-loss on the held-out slice (golden-section
// search on log t, which is unimodal in practice).
float fitTemperature(const std::vector<std::vector<double>> &scores, const std::vector<int> &labels, double noIntent)
{
    double lo = std::log(0.005), hi = std::log(10.0);
    const double g = (std::sqrt(5.0) - 1) / 2;
    for (int i = 0; i < 40; ++i) {
        const double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
        if (negativeLogLikelihood(scores, labels, noIntent, std::exp(a))
            < negativeLogLikelihood(scores, labels, noIntent, std::exp(b)))
            hi = b;
        else
            lo = a;
    }
    return float(std::exp((lo + hi) / 2));
}

} // namespace

std::shared_ptr<const IntentModel> IntentModelTrainer::train(
    const QList<IntentExample> &examples, const IntentTrainingOptions &options)
{
    auto m = std::make_shared<IntentModel>();
    QHash<QString, int> classIndex;
    std::vector<int> labels;
    for (const IntentExample &e : examples) {
        auto it = classIndex.constFind(e.intent);
        if (it == classIndex.cend()) {
            it = classIndex.insert(e.intent, int(m->classes.size()));
            m->classes << e.intent;
        }
        labels.push_back(it.value());
    }
    m->trainingExamples = int(examples.size());
    m->temperature = kDefaultTemperature;
    m->outOfScopeThreshold = float(options.outOfScopeThreshold);
    m->noIntentScore = float(options.noIntentScore);
    if (m->classes.isEmpty())
        return m;
    buildVocabulary(examples, m.get());
    m->buildIndex();
    m->weights.assign(m->featureHashes.size() * size_t(m->classes.size()), 0.0f);
    m->bias.assign(size_t(m->classes.size()), 0.0f);
    if (m->classes.size() == 1)
        return m; // one intent: nothing to separate

    Rows rows;
    rows.starts.reserve(size_t(examples.size()));
    for (const IntentExample &e : examples)
        rows.append(m->vectorize(e.text), int(m->featureHashes.size()) + 1);

    std::vector<int> fit, held, all;
    for (int i = 0; i < int(examples.size()); ++i) {
        all.push_back(i);
        (isCalibrationExample(examples.at(i).text, options.calibrationPercent) ? held : fit).push_back(i);
    }
    if (int(examples.size()) >= options.minExamplesToCalibrate && !held.empty() && !fit.empty()) {
        fitLinear(m.get(), rows, labels, fit, options);
        std::vector<std::vector<double>> scores;
        std::vector<int> heldLabels;
        for (const int i : held) {
            scores.push_back(scoresOf(*m, rows.row(size_t(i))));
            heldLabels.push_back(labels[size_t(i)]);
        }
        m->temperature = fitTemperature(scores, heldLabels, m->noIntentScore);
    }
    fitLinear(m.get(), rows, labels, all, options);
    return m;
}

} // namespace tierdesk::nlu
