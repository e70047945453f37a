#pragma once

#include "core/domain/AiSettings.h"
#include "core/domain/CompanyProfile.h"
#include "core/domain/ConnectorSettings.h"
#include "core/domain/DeskConfig.h"
#include "core/domain/Enums.h"
#include "core/domain/Language.h"
#include "core/domain/VoiceSettings.h"

#include <QStringList>

#include <array>

namespace tierdesk {

// What one tier may do and how it writes (tiers.<tier> of seed 001's config). The human
// tier's caps limit what a person may do from the console; its tone and length are unused.
struct TierCapabilities {
    bool enabled = true;
    bool canProcessRefunds = false;
    double maxRefundAmount = 0;
    bool canModifySubscription = false;
    bool canApplyCredits = false;
    double maxCreditAmount = 0;
    QString tone = QStringLiteral("friendly");
    int maxResponseLength = 600;
};

struct IrateProtocol {
    bool enabled = true;
    double detectionThreshold = 0.7;
    QStringList triggerKeywords;
    bool autoEscalate = true;
    int afterAttempts = 2;
    Tier targetTier = Tier::AiManager;
};

// Which channels ask the customer how it went once a session is resolved (docs/api.md, "Satisfaction
// surveys"): by mail five links, by text "Reply 1 to 5", on a call a keypad digit, in the web chat its
// rating prompt. At most once a session.
struct RatingSurveys {
    bool email = true;
    bool sms = true;
    bool whatsapp = true;
    bool voice = true;
    bool chat = true;

    // `kind`: email, sms, whatsapp, voice or chat (a text thread's kind, or the session's channel).
    bool asks(const QString &kind) const
    {
        return kind == QLatin1String("email")   ? email
            : kind == QLatin1String("sms")      ? sms
            : kind == QLatin1String("whatsapp") ? whatsapp
            : kind == QLatin1String("voice")    ? voice
                                                : chat;
    }
};

// How the company's people sign in (auth): with requireMfa a password login without a second
// factor (TOTP) may do nothing but set one up.
struct SignInRules {
    bool requireMfa = false;
};

struct EscalationRules {
    int repeatContactWindowHours = 72;
    int complexIssueAfterTurns = 2;
};

// A company's CS configuration (seed 001 "Get CS Config" plus Tierdesk's own parts), as
// typed values; a default-constructed config holds the defaults. Its wire shape and the
// checks of a PUT live in api/cs (CsConfigJson); the store keeps it in its own codec. A new
// section is one struct here, a member below and its lines in those two codecs.
struct CsConfig {
    bool enabled = true;
    std::array<TierCapabilities, 3> tiers = defaultTiers(); // by Tier
    // tiers.humanAgent's own keys: the phone a customer is given and whether queued
    // escalations are mailed to the queue.
    QString escalationPhone;
    bool notifyOnEscalation = true;
    IrateProtocol irate = defaultIrateProtocol();
    EscalationRules escalationRules;
    DeskConfig desk = DeskConfig::defaults();
    Language language = Language::En; // of the replies customers get
    AiSettings ai; // which model words which tier ("local": the built-in responder)
    ConnectorSettings connectors; // which of the company's systems serves what ("builtin": the store)
    VoiceSettings voice; // its phone numbers, the AI's voice, recording
    CompanyProfile company; // its contact, time zone and currency
    CompanyPolicies policies; // its return window, cancellable orders, plans and self-service links
    RatingSurveys ratings; // which channels ask for a rating
    SignInRules auth; // what the company's people need to sign in

    static CsConfig defaults() { return {}; }
    static std::array<TierCapabilities, 3> defaultTiers();
    static IrateProtocol defaultIrateProtocol();

    const TierCapabilities &tier(Tier t) const { return tiers[static_cast<size_t>(t)]; }
    TierCapabilities &tier(Tier t) { return tiers[static_cast<size_t>(t)]; }
};

} // namespace tierdesk
