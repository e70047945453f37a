#include "core/engine/pipeline/MessageAnalysis.h"

#include "core/nlu/IntentModels.h"
#include "core/nlu/Intents.h"
#include "core/nlu/Keywords.h"
#include "core/nlu/text/Tokenizer.h"

namespace tierdesk {

QString MessageAnalysis::irateTrigger() const
{
    if (!irateKeyword.isEmpty())
        return QStringLiteral("trigger keyword \"%1\"").arg(irateKeyword);
    return sentiment.trigger;
}

MessageAnalyzer::MessageAnalyzer() : m_intents(nlu::IntentClassifier::trainedDefault()) { }

MessageAnalysis MessageAnalyzer::analyze(const QString &text, const IrateProtocol &protocol) const
{
    return analyzeWith(m_intents, text, protocol);
}

MessageAnalysis MessageAnalyzer::analyze(
    const QString &text, const IrateProtocol &protocol, const QString &companyId) const
{
    return analyzeWith(nlu::IntentModels::shared().forCompany(companyId), text, protocol);
}

MessageAnalysis MessageAnalyzer::analyzeWith(
    const nlu::IntentClassifier &intents, const QString &text, const IrateProtocol &protocol) const
{
    MessageAnalysis a;
    a.legalCue = nlu::legalMention(text);
    a.socialCue = nlu::socialMediaThreat(text);
    // Sentiment and intent read the same words: the text is cut once.
    const QList<nlu::Token> tokens = nlu::Tokenizer::tokenize(text);
    a.sentiment = m_sentiment.analyze(text, tokens, !a.legalCue.isEmpty() || !a.socialCue.isEmpty());
    a.intent = intents.predict(tokens);
    a.slotValues = nlu::extractSlots(text);
    a.humanCue = nlu::humanRequest(text);
    a.managerCue = nlu::managerRequest(text);
    // An explicit request outranks whatever the classifier guessed.
    if (!a.humanCue.isEmpty())
        a.intent.intent = QLatin1String(nlu::intent::HumanRequest);
    else if (!a.managerCue.isEmpty())
        a.intent.intent = QLatin1String(nlu::intent::ManagerRequest);
    if (protocol.enabled) {
        a.irateKeyword = nlu::matchKeyword(text, protocol.triggerKeywords);
        a.irate = !a.irateKeyword.isEmpty() || a.sentiment.irateScore >= protocol.detectionThreshold;
    }
    return a;
}

} // namespace tierdesk
