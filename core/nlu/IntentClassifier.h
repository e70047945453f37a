#pragma once

#include "core/domain/Enums.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <vector>

namespace tierdesk::nlu {

struct IntentExample {
    QString text;
    QString intent;
};

struct IntentPrediction {
    QString intent;
    double confidence = 0;                      // normalised posterior of the top intent, 0..1
    IssueCategory category = IssueCategory::GeneralInquiry;
    QList<QPair<QString, double>> ranked;       // top 3, best first
};

// Multinomial naive Bayes over lower-cased unigrams and bigrams, with uniform class
// priors (the training sets are unbalanced) and a tempered softmax for confidence.
class IntentClassifier
{
public:
    // TSV "intent<TAB>text"; blank lines and '#' comments skipped.
    static QList<IntentExample> loadExamples(const QString &path, QString *error = nullptr);
    // Trained from the embedded :/nlu/intents.tsv; nothing is cached on disk.
    static IntentClassifier trainedDefault();

    void train(const QList<IntentExample> &examples);
    IntentPrediction predict(const QString &text) const;
    bool isTrained() const;

    QStringList intents() const { return m_classes; }
    int vocabularySize() const { return int(m_vocabulary.size()); }

    // The features one text contributes (exposed for tests and diagnostics).
    static QStringList features(const QString &text);

private:
    QStringList m_classes;
    QHash<QString, int> m_vocabulary;
    std::vector<float> m_logLikelihood; // [feature * classes + class]
};

} // namespace tierdesk::nlu
