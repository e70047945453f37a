#pragma once

#include "core/domain/Enums.h"

#include <QString>

namespace tierdesk {

// Which model words which tier: a company's "ai" configuration (docs/api.md,
// "Language models"). Provider "local" is the built-in responder, needing nothing.
struct AiSettings {
    static constexpr auto kLocal = "local";
    static constexpr int kMaxHistoryMessages = 50;
    static constexpr int kMaxPersona = 60;
    static constexpr int kMaxGreeting = 500;
    static constexpr int kMaxGuidance = 4000;

    QString provider = QString::fromLatin1(kLocal); // "local" or a registered provider's name
    QString aiRepModel; // a small fast model for the AI Rep
    QString aiManagerModel; // a larger one for the AI Manager
    QString assistModel; // agent assist: drafts, summaries, translation
    int historyMessages = 12; // the last messages of the conversation a model is given
    bool maskPii = true; // e-mail addresses, phone and card numbers, street addresses replaced before sending
    double temperature = 0.2;
    // The company's voice, for the local responder and a model alike: the AI's name, its first
    // words, and the company's instructions to a model (below the engine's own rules, which
    // they cannot change).
    QString persona;
    QString greeting;
    QString guidance;

    bool usesModel() const { return provider != QLatin1String(kLocal); }
    QString modelFor(Tier tier) const { return tier == Tier::AiManager ? aiManagerModel : aiRepModel; }
};

} // namespace tierdesk
