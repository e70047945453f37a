#pragma once

#include "core/nlu/IntentClassifier.h"

#include <QList>
#include <QString>
#include <QStringList>

// Helpers to build and evaluate intent training data: RFC 4180 CSV parsing, the
// Bitext customer-support dataset mapped onto Tierdesk intents, and a deterministic
// train/test split.
namespace tierdesk::nlu {

// Parses CSV text (quoted fields, "" escapes, commas and newlines inside quotes). With
// `startLines`, the line (from 1) on which each record starts.
QList<QStringList> parseCsv(QStringView text, QList<int> *startLines = nullptr);

// Tierdesk intent for a Bitext intent name; empty if the intent is not used.
QString mapBitextIntent(const QString &bitextIntent);

// Reads the Bitext CSV (columns "instruction" and "intent") and returns its utterances
// with mapped intents; rows whose intent has no mapping are left out. NotFound when the
// file cannot be read, InvalidArgument when it is empty or lacks those columns.
Result<QList<IntentExample>> importBitextCsv(const QString &path);

// Deterministic split by a stable hash (FNV-1a) of the normalised text, so identical
// texts always fall on the same side: true for about `percent` % of texts.
bool isHeldOut(const QString &text, int percent = 20);

struct IntentEvaluation {
    int total = 0;
    int correct = 0;
    int correctCategory = 0;
    double accuracy() const { return total ? double(correct) / total : 0.0; }
    double categoryAccuracy() const { return total ? double(correctCategory) / total : 0.0; }
};

IntentEvaluation evaluate(const IntentClassifier &classifier, const QList<IntentExample> &test);

} // namespace tierdesk::nlu
