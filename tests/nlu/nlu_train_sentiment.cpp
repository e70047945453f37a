// Maintenance tool, not a test: trains resources/nlu/sentiment_model.tsv on the TRAIN part
// of the UCI sentences (the held-out part is never seen), choosing the regularisation by
// 5-fold cross-validation on the train part. Usage: nlu_train_sentiment UCI_DIR OUT.tsv
#include "core/nlu/SentimentTraining.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace tierdesk::nlu;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        err << "usage: nlu_train_sentiment UCI_DIR OUT.tsv\n";
        return 2;
    }
    const auto read = loadUciSentences(args.at(1));
    if (!read || read->isEmpty()) {
        err << (read ? QString() : read.error().message) << '\n';
        return 1;
    }
    const QList<LabelledSentence> &all = *read;
    const SentimentAnalyzer lexiconOnly(QStringLiteral(":/nlu/sentiment_lexicon.tsv"));
    const QList<SentimentExample> train = sentimentExamples(lexiconOnly, trainPart(all));
    double bestCost = SentimentModel::kDefaultCost;
    double bestAccuracy = 0.0;
    for (double cost : {0.03, 0.1, 0.3, 1.0, 3.0}) {
        const double accuracy = SentimentModel::crossValidate(train, cost, 5);
        err << "C=" << cost << " 5-fold accuracy on train: " << accuracy << '\n';
        if (accuracy > bestAccuracy) {
            bestAccuracy = accuracy;
            bestCost = cost;
        }
    }
    const SentimentModel model = SentimentModel::train(train, bestCost);
    const QStringList header = {
        QStringLiteral("Sentiment model for Tierdesk: liblinear L2-regularised logistic regression, C=%1.")
            .arg(bestCost),
        QStringLiteral("Trained by tests/nlu/nlu_train_sentiment on the %1 TRAIN sentences (isHeldOut() false)")
            .arg(train.size()),
        QStringLiteral("of the UCI Sentiment Labelled Sentences (Kotzias et al., KDD 2015), CC BY 4.0: see README.md."),
        QStringLiteral("lines: lexicon<TAB>weight per lexicon valence/4 | bias<TAB>b | term<TAB>n-gram<TAB>weight")};
    if (const tierdesk::Status saved = model.save(args.at(2), header); !saved) {
        err << saved.error().message << '\n';
        return 1;
    }
    err << "wrote " << args.at(2) << ": C=" << bestCost << ", " << model.termCount() << " terms\n";
    return 0;
}
