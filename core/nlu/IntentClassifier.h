#pragma once

#include "core/common/Result.h"
#include "core/domain/Enums.h"
#include "core/nlu/Intents.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>

namespace tierdesk::nlu {

struct IntentModel;
struct Token;
struct IntentTrainingOptions;

struct IntentExample {
    QString text;
    QString intent;
};

struct IntentPrediction {
    QString intent; // "out_of_scope" when no intent is likely enough
    double confidence = 0; // calibrated probability of the top intent, 0..1
    IssueCategory category = IssueCategory::GeneralInquiry;
    QList<QPair<QString, double>> ranked; // top 3 intents, best first (also when out of scope)
    bool outOfScope = false; // confidence under the model's threshold

    Intent id() const { return parseIntent(intent); }
};

// A linear model (liblinear) over word and character n-grams with tf-idf weights;
// its confidence is a softmax with a temperature fitted on held-out examples, and a
// text whose best intent is less likely than the model's threshold is out of scope.
// Copies share one immutable model, so copying is cheap and predict() is thread-safe.
class IntentClassifier {
public:
    // TSV "intent<TAB>text"; blank lines and '#' comments skipped, malformed lines left out
    // (`skipped` names the last: "path:4: expected intent<TAB>text"). NotFound when the
    // file cannot be read.
    struct ExampleFile {
        QList<IntentExample> examples;
        QString skipped;
    };
    static Result<ExampleFile> loadExamples(const QString &path);
    // The examples every model starts from (:/nlu/intents.tsv); empty in a build without them.
    static QList<IntentExample> builtInExamples();
    // Trained from the embedded :/nlu/intents.tsv once per process; nothing is cached on disk.
    static IntentClassifier trainedDefault();
    // A model stored with serialize().
    static Result<IntentClassifier> fromBytes(const QByteArray &bytes);

    void train(const QList<IntentExample> &examples);
    void train(const QList<IntentExample> &examples, const IntentTrainingOptions &options);
    IntentPrediction predict(const QString &text) const;
    // The same of a text already cut by the Tokenizer.
    IntentPrediction predict(const QList<Token> &tokens) const;
    bool isTrained() const;
    QByteArray serialize() const;

    QStringList intents() const;
    int vocabularySize() const; // features the model knows
    double temperature() const;
    double outOfScopeThreshold() const;
    void setOutOfScopeThreshold(double threshold);
    size_t memoryBytes() const; // the model's parameters

    // The word forms the model sees in a text (exposed for tests and diagnostics).
    static QStringList features(const QString &text);

private:
    std::shared_ptr<const IntentModel> m_model;
};

} // namespace tierdesk::nlu
