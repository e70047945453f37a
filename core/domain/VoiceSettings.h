#pragma once

#include <QStringList>

namespace tierdesk {

// How a company's calls are taken: the "voice" part of its configuration (docs/calls.md).
struct VoiceSettings {
    static constexpr int kMaxNumbers = 20;
    static constexpr int kMaxNumberChars = 20;

    // The numbers a SIP call may dial for this company (the Request-URI's user part, e.g.
    // "+15550100"); no two companies share one.
    QStringList numbers;
    QString voice = QStringLiteral("slt"); // Flite's voice the AI speaks with: slt or rms
    bool recordCalls = true; // each call recorded, the caller told first

    bool answers(const QString &number) const { return numbers.contains(number); }
};

} // namespace tierdesk
