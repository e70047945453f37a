#include "core/nlu/IntentClassifier.h"

#include "core/nlu/Intents.h"

#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace tierdesk::nlu {

namespace {

// Additive smoothing; 0.1 measured better than 0.3 and 1.0 on the held-out split.
constexpr double kSmoothing = 0.1;
// Naive Bayes log-likelihoods are overconfident because features are not independent;
// dividing by a temperature that grows with the feature count gives posteriors closer
// to the observed accuracy. 0.15 minimised log-loss on the held-out split; 0.2 is kept
// slightly cautious because live messages are less like the training data.
constexpr double kTemperatureBase = 1.0;
constexpr double kTemperaturePerFeature = 0.2;

bool isWordChar(QChar c) { return c.isLetterOrNumber(); }

} // namespace

QStringList IntentClassifier::features(const QString &text)
{
    // Words: letters and digits; apostrophes dropped ("don't" -> "dont"); any token with a
    // digit becomes "<num>" so order numbers and amounts share one feature.
    QStringList words;
    const QString lower = text.toLower();
    QString current;
    bool hasDigit = false;
    auto flush = [&] {
        if (!current.isEmpty())
            words << (hasDigit ? QStringLiteral("<num>") : current);
        current.clear();
        hasDigit = false;
    };
    for (const QChar c : lower) {
        if (isWordChar(c)) {
            current.append(c);
            hasDigit = hasDigit || c.isDigit();
        } else if (c == QLatin1Char('\'') || c == QChar(0x2019)) {
            continue;
        } else {
            flush();
        }
    }
    flush();

    QStringList out;
    out.reserve(words.size() * 2 + 1);
    out += words;
    QString previous = QStringLiteral("<s>");
    for (const QString &w : std::as_const(words)) {
        out << previous + QLatin1Char(' ') + w;
        previous = w;
    }
    if (!words.isEmpty())
        out << previous + QStringLiteral(" </s>");
    return out;
}

QList<IntentExample> IntentClassifier::loadExamples(const QString &path, QString *error)
{
    QList<IntentExample> examples;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return examples;
    }
    QTextStream in(&file);
    QString line;
    int lineNo = 0;
    while (in.readLineInto(&line)) {
        ++lineNo;
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const int tab = int(line.indexOf(QLatin1Char('\t')));
        const QString intent = tab > 0 ? line.left(tab).trimmed() : QString();
        const QString text = tab > 0 ? line.mid(tab + 1).trimmed() : QString();
        if (intent.isEmpty() || text.isEmpty()) {
            if (error)
                *error = QStringLiteral("%1:%2: expected intent<TAB>text").arg(path).arg(lineNo);
            continue;
        }
        examples.append({text, intent});
    }
    return examples;
}

IntentClassifier IntentClassifier::trainedDefault()
{
    IntentClassifier classifier;
    classifier.train(loadExamples(QStringLiteral(":/nlu/intents.tsv")));
    return classifier;
}

void IntentClassifier::train(const QList<IntentExample> &examples)
{
    m_classes.clear();
    m_vocabulary.clear();
    m_logLikelihood.clear();

    QHash<QString, int> classIndex;
    for (const IntentExample &e : examples) {
        if (!classIndex.contains(e.intent)) {
            classIndex.insert(e.intent, int(m_classes.size()));
            m_classes << e.intent;
        }
    }
    const int classes = int(m_classes.size());
    if (classes == 0)
        return;

    std::vector<double> counts;
    std::vector<double> totals(size_t(classes), 0.0);
    for (const IntentExample &e : examples) {
        const int c = classIndex.value(e.intent);
        const QStringList feats = features(e.text);
        for (const QString &f : feats) {
            auto it = m_vocabulary.constFind(f);
            if (it == m_vocabulary.cend()) {
                it = m_vocabulary.insert(f, int(m_vocabulary.size()));
                counts.resize(counts.size() + size_t(classes), 0.0);
            }
            counts[size_t(it.value()) * size_t(classes) + size_t(c)] += 1.0;
            totals[size_t(c)] += 1.0;
        }
    }

    const double vocab = double(m_vocabulary.size());
    m_logLikelihood.resize(counts.size());
    for (size_t i = 0; i < counts.size(); ++i) {
        const size_t c = i % size_t(classes);
        m_logLikelihood[i] = float(std::log((counts[i] + kSmoothing) / (totals[c] + kSmoothing * vocab)));
    }
}

bool IntentClassifier::isTrained() const { return !m_classes.isEmpty(); }

IntentPrediction IntentClassifier::predict(const QString &text) const
{
    IntentPrediction p;
    p.intent = QLatin1String(intent::GeneralQuestion);
    p.category = categoryOfIntent(p.intent);
    const int classes = int(m_classes.size());
    if (classes == 0)
        return p;

    std::vector<double> score(static_cast<size_t>(classes), 0.0);
    int known = 0;
    const QStringList feats = features(text);
    for (const QString &f : feats) {
        const auto it = m_vocabulary.constFind(f);
        if (it == m_vocabulary.cend())
            continue; // unseen features say nothing about the intent
        ++known;
        const float *row = m_logLikelihood.data() + size_t(it.value()) * size_t(classes);
        for (int c = 0; c < classes; ++c)
            score[size_t(c)] += row[c];
    }
    if (known == 0)
        return p; // nothing recognised: general question, confidence 0

    const double temperature = kTemperatureBase + kTemperaturePerFeature * known;
    const double best = *std::max_element(score.begin(), score.end());
    double norm = 0;
    for (double &s : score) {
        s = std::exp((s - best) / temperature);
        norm += s;
    }
    std::vector<int> order(static_cast<size_t>(classes));
    for (int c = 0; c < classes; ++c)
        order[size_t(c)] = c;
    const int top = std::min(3, classes);
    std::partial_sort(order.begin(), order.begin() + top, order.end(),
                      [&](int a, int b) { return score[size_t(a)] > score[size_t(b)]; });
    for (int k = 0; k < top; ++k) {
        const int c = order[size_t(k)];
        p.ranked.append({m_classes.at(c), score[size_t(c)] / norm});
    }
    p.intent = p.ranked.first().first;
    p.confidence = p.ranked.first().second;
    p.category = categoryOfIntent(p.intent);
    return p;
}

} // namespace tierdesk::nlu
