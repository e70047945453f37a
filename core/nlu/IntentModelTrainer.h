#pragma once

#include "core/nlu/IntentClassifier.h"
#include "core/nlu/IntentModel.h"

#include <QList>

#include <memory>

// Trains an IntentModel with liblinear: builds the vocabulary and idf weights from the
// examples, fits a linear classifier, and calibrates its confidence with a softmax
// temperature fitted on a held-out slice of the examples.
namespace tierdesk::nlu {

struct IntentTrainingOptions {
    // liblinear solver and cost: L2-regularised L2-loss SVM (dual), one-vs-rest, as
    // scikit-learn's LinearSVC. Crammer-Singer was as accurate and slower, logistic
    // regression 1 to 6 points worse; C = 3 was 0.1 to 0.2 points better than C = 1 on
    // both held-out splits, C = 5 no better (bench/README.md).
    int solver = 1; // L2R_L2LOSS_SVC_DUAL
    double cost = 3.0;
    // Share of the examples (by a hash of the text) held out to fit the temperature;
    // the final model is then trained on all examples.
    int calibrationPercent = 15;
    // Fewer examples than this: no calibration, the default temperature.
    int minExamplesToCalibrate = 200;
    // The decision value of "no intent" (IntentModel::noIntentScore) and the calibrated
    // probability under which a text is out of scope; measured on the held-out split and
    // hand-written out-of-scope messages (bench/README.md, "Out of scope").
    double noIntentScore = -0.2;
    double outOfScopeThreshold = 0.5;
};

class IntentModelTrainer {
public:
    static std::shared_ptr<const IntentModel> train(
        const QList<IntentExample> &examples, const IntentTrainingOptions &options = {});
};

} // namespace tierdesk::nlu
