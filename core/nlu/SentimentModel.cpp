#include "core/nlu/SentimentModel.h"

#include "core/nlu/Liblinear.h"

#include <QFile>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>
#include <vector>

namespace tierdesk::nlu {

namespace {

// The lexicon feature is fed as valence / 4, so it lives on the scale of a 0/1 term.
constexpr double kLexiconScale = 0.25;
// Bound of the learned correction, in lexicon units: about one strong word.
constexpr double kCorrectionLimit = 2.5;
// Largest valence the model alone may give a message the lexicon finds neutral.
constexpr double kNeutralBand = 1.0;
// How much stronger than the lexicon's valence a contrary correction must be to flip it.
constexpr double kFlipRatio = 2.0;

// One row of liblinear features: the lexicon valence at index 1, then the known terms
// (indices from the vocabulary, sorted and unique), then the -1 terminator.
std::vector<feature_node> row(const SentimentFeatures &f, const QHash<QString, int> &vocabulary)
{
    std::vector<int> indices;
    indices.reserve(size_t(f.terms.size()));
    for (const QString &t : f.terms) {
        const auto it = vocabulary.constFind(t);
        if (it != vocabulary.cend())
            indices.push_back(it.value());
    }
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    std::vector<feature_node> out;
    out.reserve(indices.size() + 3);
    out.push_back({1, f.lexiconValence * kLexiconScale});
    for (int i : indices)
        out.push_back({i, 1.0});
    return out;
}

struct Problem {
    QHash<QString, int> vocabulary; // term -> liblinear index (from 2)
    std::vector<std::vector<feature_node>> rows;
    std::vector<feature_node *> x;
    std::vector<double> y;
    problem prob{};

    explicit Problem(const QList<SentimentExample> &examples)
    {
        for (const SentimentExample &e : examples) {
            for (const QString &t : e.features.terms) {
                if (!vocabulary.contains(t))
                    vocabulary.insert(t, int(vocabulary.size()) + 2);
            }
        }
        const int biasIndex = int(vocabulary.size()) + 2;
        for (const SentimentExample &e : examples) {
            rows.push_back(row(e.features, vocabulary));
            rows.back().push_back({biasIndex, 1.0});
            rows.back().push_back({-1, 0.0});
            y.push_back(e.positive ? 1.0 : -1.0);
        }
        for (auto &r : rows)
            x.push_back(r.data());
        prob.l = int(rows.size());
        prob.n = biasIndex;
        prob.y = y.data();
        prob.x = x.data();
        prob.bias = -1; // the bias is the explicit last feature
    }
};

parameter parameters(double cost)
{
    parameter p{};
    p.solver_type = L2R_LR; // primal trust region: deterministic
    p.eps = 0.001;
    p.C = cost;
    return p;
}

} // namespace

double SentimentModel::correction(const SentimentFeatures &features) const
{
    if (isEmpty())
        return 0.0;
    double sum = m_bias;
    for (const QString &t : features.terms)
        sum += double(valueOr(m_termWeights, t, 0.0f));
    return sum / (m_lexiconWeight * kLexiconScale);
}

double SentimentModel::valence(const SentimentFeatures &features) const
{
    const double lexicon = features.lexiconValence;
    const double c = std::clamp(correction(features), -kCorrectionLimit, kCorrectionLimit);
    // The model decides the direction; the lexicon, written for customer service, keeps
    // the intensity: a correction that agrees with the lexicon adds nothing, and one on
    // a message without valence words stays inside the neutral band.
    if (lexicon == 0.0)
        return std::clamp(c, -kNeutralBand, kNeutralBand);
    // It overrules the lexicon's direction only when clearly stronger: "not bad at all"
    // is a lexicon rule that a few thousand review sentences cannot teach.
    if ((c > 0) == (lexicon > 0) || std::abs(c) < kFlipRatio * std::abs(lexicon))
        return lexicon;
    return lexicon + c;
}

SentimentModel SentimentModel::train(const QList<SentimentExample> &examples, double cost)
{
    SentimentModel m;
    if (examples.isEmpty())
        return m;
    silenceLiblinear();
    Problem p(examples);
    const parameter param = parameters(cost);
    model *trained = ::train(&p.prob, &param);
    if (!trained)
        return m;
    // Two classes: w is oriented towards label[0]; make positive mean positive.
    const double sign = trained->label[0] == 1 ? 1.0 : -1.0;
    m.m_lexiconWeight = sign * get_decfun_coef(trained, 1, 0);
    m.m_bias = sign * get_decfun_coef(trained, p.prob.n, 0);
    for (auto it = p.vocabulary.cbegin(); it != p.vocabulary.cend(); ++it) {
        const double w = sign * get_decfun_coef(trained, it.value(), 0);
        if (std::abs(w) >= 1e-4)
            m.m_termWeights[it.key()] = float(w);
    }
    free_and_destroy_model(&trained);
    return m;
}

double SentimentModel::crossValidate(const QList<SentimentExample> &examples, double cost, int folds)
{
    if (examples.size() < folds)
        return 0.0;
    silenceLiblinear();
    Problem p(examples);
    const parameter param = parameters(cost);
    std::vector<double> predicted(size_t(p.prob.l));
    cross_validation(&p.prob, &param, folds, predicted.data());
    int correct = 0;
    for (size_t i = 0; i < predicted.size(); ++i)
        correct += predicted[i] == p.y[i] ? 1 : 0;
    return double(correct) / double(predicted.size());
}

Status SentimentModel::save(const QString &path, const QStringList &header) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return makeError(ErrorKind::Unavailable, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    QTextStream out(&file);
    for (const QString &line : header)
        out << "# " << line << '\n';
    out << "lexicon\t" << QString::number(m_lexiconWeight, 'g', 8) << '\n';
    out << "bias\t" << QString::number(m_bias, 'g', 8) << '\n';
    QStringList terms;
    for (const auto &[term, weight] : m_termWeights)
        terms << term;
    terms.sort(); // stable file for review and diffs
    for (const QString &t : std::as_const(terms))
        out << "term\t" << t << '\t' << QString::number(double(m_termWeights.at(t)), 'g', 6) << '\n';
    out.flush();
    if (!file.commit())
        return makeError(ErrorKind::Unavailable, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return Ok{};
}

Result<SentimentModel> SentimentModel::load(const QString &path)
{
    SentimentModel m;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return makeError(
            ErrorKind::NotFound, QStringLiteral("cannot open sentiment model %1: %2").arg(path, file.errorString()));
    QTextStream in(&file);
    QString line;
    while (in.readLineInto(&line)) {
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList parts = line.split(QLatin1Char('\t'));
        bool ok = false;
        const double value = parts.last().toDouble(&ok);
        if (!ok || parts.size() < 2 || parts.size() > 3)
            return makeError(ErrorKind::InvalidArgument, QStringLiteral("%1: bad line: %2").arg(path, line.left(60)));
        if (parts.first() == QLatin1String("lexicon"))
            m.m_lexiconWeight = value;
        else if (parts.first() == QLatin1String("bias"))
            m.m_bias = value;
        else if (parts.size() == 3)
            m.m_termWeights[parts.at(1)] = float(value);
    }
    return m;
}

} // namespace tierdesk::nlu
