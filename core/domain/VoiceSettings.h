#pragma once

#include <QByteArray>
#include <QStringList>

namespace tierdesk {

// Who may call the company's numbers over SIP (voice.sip, docs/calls.md "Who may call"). With
// neither a list of sources nor digest credentials, anyone who reaches the SIP port may.
struct SipAccess {
    static constexpr int kMaxSources = 50;
    static constexpr int kMaxSourceChars = 64;
    static constexpr int kMaxUsernameChars = 64;
    static constexpr int kMinPasswordChars = 8;
    static constexpr int kMaxPasswordChars = 128;

    // Addresses or CIDR ranges (203.0.113.7, 54.172.60.0/30, 2001:db8::/32) an INVITE may come from;
    // empty: any.
    QStringList allowedSources;
    // Set: an INVITE must answer a digest challenge (RFC 8760) with these credentials.
    QString digestUsername;
    QStringList digestAlgorithms = defaultAlgorithms(); // offered in this order: SHA-256, MD5
    QByteArray sealedDigestPassword; // sealed by the store's sealer; never shown
    // A password a configuration change gave, not yet sealed (CompanyService seals it and clears this).
    QString newDigestPassword;

    static QStringList defaultAlgorithms() { return {QStringLiteral("SHA-256"), QStringLiteral("MD5")}; }
    bool hasDigest() const { return !digestUsername.isEmpty(); }
    // Nothing asked of a caller: the company's numbers take calls from anyone.
    bool open() const { return allowedSources.isEmpty() && !hasDigest(); }
};

// How a company's calls are taken: the "voice" part of its configuration (docs/calls.md).
struct VoiceSettings {
    static constexpr int kMaxNumbers = 20;
    static constexpr int kMaxNumberChars = 20;

    // The numbers a SIP call may dial for this company (the Request-URI's user part, e.g.
    // "+15550100"); no two companies share one.
    QStringList numbers;
    QString voice = QStringLiteral("slt"); // Flite's voice the AI speaks with: slt or rms
    bool recordCalls = true; // each call recorded, the caller told first
    SipAccess sip;

    bool answers(const QString &number) const { return numbers.contains(number); }
};

} // namespace tierdesk
