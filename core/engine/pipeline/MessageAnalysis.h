#pragma once

#include "core/domain/CsConfig.h"
#include "core/nlu/IntentClassifier.h"
#include "core/nlu/SentimentAnalyzer.h"
#include "core/nlu/SlotExtractor.h"

namespace tierdesk {

// What the NLU makes of one customer message.
struct MessageAnalysis {
    nlu::SentimentResult sentiment;
    nlu::IntentPrediction intent;
    nlu::Slots slotValues;
    QString legalCue;
    QString socialCue;
    QString humanCue;
    QString managerCue;
    QString irateKeyword; // one of the company's trigger keywords
    bool irate = false; // by the company's irate protocol
    // The company's knowledge names what the message asks, and it names nothing the engine acts
    // on: a question for the knowledge, whatever a shop's words it holds ("cancel a print job").
    bool namesKnowledgeTopic = false;

    QString irateTrigger() const;
};

class MessageAnalyzer {
public:
    MessageAnalyzer();
    // With the default intent model.
    MessageAnalysis analyze(const QString &text, const IrateProtocol &protocol) const;
    // With the company's own intent model if one was trained (nlu::IntentModels).
    MessageAnalysis analyze(const QString &text, const IrateProtocol &protocol, const QString &companyId) const;

private:
    MessageAnalysis analyzeWith(
        const nlu::IntentClassifier &intents, const QString &text, const IrateProtocol &protocol) const;

    nlu::SentimentAnalyzer m_sentiment;
    nlu::IntentClassifier m_intents;
};

} // namespace tierdesk
