#include "core/nlu/IntentClassifier.h"

#include "core/nlu/IntentFeatures.h"
#include "core/nlu/IntentModel.h"
#include "core/nlu/IntentModelTrainer.h"
#include "core/nlu/Intents.h"
#include "core/nlu/text/Tokenizer.h"

#include <QFile>
#include <QTextStream>

#include <algorithm>

namespace tierdesk::nlu {

QStringList IntentClassifier::features(const QString &text)
{
    return IntentFeatures::words(text);
}

Result<IntentClassifier::ExampleFile> IntentClassifier::loadExamples(const QString &path)
{
    ExampleFile read;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return makeError(ErrorKind::NotFound, QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
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
            read.skipped = QStringLiteral("%1:%2: expected intent<TAB>text").arg(path).arg(lineNo);
            continue;
        }
        read.examples.append({text, intent});
    }
    return read;
}

QList<IntentExample> IntentClassifier::builtInExamples()
{
    const auto read = loadExamples(QStringLiteral(":/nlu/intents.tsv"));
    return read ? read->examples : QList<IntentExample>();
}

IntentClassifier IntentClassifier::trainedDefault()
{
    // Every engine starts with this model, built with the program (core/CMakeLists.txt)
    // and shared. Without the embedded copy (a tool or test linked without it, or bytes
    // this build cannot read) it is trained here, once per process.
    static const IntentClassifier model = [] {
        QFile embedded(QStringLiteral(":/nlu/intent_model.bin"));
        if (embedded.open(QIODevice::ReadOnly)) {
            if (auto loaded = fromBytes(embedded.readAll()))
                return std::move(loaded.value());
        }
        IntentClassifier c;
        c.train(builtInExamples());
        return c;
    }();
    return model;
}

Result<IntentClassifier> IntentClassifier::fromBytes(const QByteArray &bytes)
{
    auto model = IntentModel::deserialize(bytes);
    if (!model)
        return model.error();
    IntentClassifier c;
    c.m_model = std::make_shared<const IntentModel>(std::move(model.value()));
    return c;
}

void IntentClassifier::train(const QList<IntentExample> &examples)
{
    train(examples, IntentTrainingOptions{});
}

void IntentClassifier::train(const QList<IntentExample> &examples, const IntentTrainingOptions &options)
{
    m_model = IntentModelTrainer::train(examples, options);
}

bool IntentClassifier::isTrained() const
{
    return m_model && !m_model->classes.isEmpty();
}

QByteArray IntentClassifier::serialize() const
{
    return m_model ? m_model->serialize() : QByteArray();
}

QStringList IntentClassifier::intents() const
{
    return m_model ? m_model->classes : QStringList();
}

int IntentClassifier::vocabularySize() const
{
    return m_model ? int(m_model->featureHashes.size()) : 0;
}

double IntentClassifier::temperature() const
{
    return m_model ? double(m_model->temperature) : 1.0;
}

double IntentClassifier::outOfScopeThreshold() const
{
    return m_model ? double(m_model->outOfScopeThreshold) : 0.0;
}

void IntentClassifier::setOutOfScopeThreshold(double threshold)
{
    if (!m_model)
        return;
    auto copy = std::make_shared<IntentModel>(*m_model);
    copy->outOfScopeThreshold = float(threshold);
    m_model = std::move(copy);
}

size_t IntentClassifier::memoryBytes() const
{
    return m_model ? m_model->memoryBytes() : 0;
}

IntentPrediction IntentClassifier::predict(const QString &text) const
{
    return predict(Tokenizer::tokenize(text));
}

IntentPrediction IntentClassifier::predict(const QList<Token> &tokens) const
{
    IntentPrediction p;
    p.intent = QLatin1String(intent::GeneralQuestion);
    p.category = categoryOfIntent(p.intent);
    if (!isTrained())
        return p;
    const IntentModel &m = *m_model;
    const SparseVector x = m.vectorize(tokens);
    if (x.columns.empty()) { // nothing the model knows: out of scope, no confidence
        p.intent = QLatin1String(intent::OutOfScope);
        p.outOfScope = true;
        return p;
    }
    const std::vector<double> prob = m.probabilities(m.scores(x));
    const int classes = int(prob.size());
    std::vector<int> order(static_cast<size_t>(classes));
    for (int c = 0; c < classes; ++c)
        order[size_t(c)] = c;
    const int top = std::min(3, classes);
    std::partial_sort(order.begin(), order.begin() + top, order.end(),
        [&](int a, int b) { return prob[size_t(a)] > prob[size_t(b)]; });
    for (int k = 0; k < top; ++k)
        p.ranked.append({m.classes.at(order[size_t(k)]), prob[size_t(order[size_t(k)])]});
    p.confidence = p.ranked.first().second;
    p.outOfScope = p.confidence < double(m.outOfScopeThreshold);
    p.intent = p.outOfScope ? QLatin1String(intent::OutOfScope) : p.ranked.first().first;
    p.category = categoryOfIntent(p.intent);
    return p;
}

} // namespace tierdesk::nlu
