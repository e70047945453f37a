// Build tool: trains the default intent model from resources/nlu/intents.tsv and
// writes its bytes, which the build embeds as :/nlu/intent_model.bin.
// Usage: tierdesk-intent-model INTENTS.tsv OUTPUT.bin
#include "core/nlu/IntentClassifier.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: tierdesk-intent-model INTENTS.tsv OUTPUT.bin\n");
        return 2;
    }
    const auto read = tierdesk::nlu::IntentClassifier::loadExamples(args.at(1));
    if (!read || read->examples.isEmpty()) {
        const QString why = read ? read->skipped : read.error().message;
        std::fprintf(
            stderr, "tierdesk-intent-model: %s\n", qPrintable(why.isEmpty() ? QStringLiteral("no examples") : why));
        return 1;
    }
    const auto &examples = read->examples;
    tierdesk::nlu::IntentClassifier classifier;
    classifier.train(examples);
    QSaveFile out(args.at(2));
    if (!out.open(QIODevice::WriteOnly) || out.write(classifier.serialize()) < 0 || !out.commit()) {
        std::fprintf(stderr, "tierdesk-intent-model: cannot write %s\n", qPrintable(args.at(2)));
        return 1;
    }
    return 0;
}
