#pragma once

#include <QString>
#include <QStringList>

// Cue detectors for the escalation policy. Each returns the phrase as written in the
// text (first match), or an empty string. Matching is case-insensitive on whole words,
// so "issue" never matches "sue" and "courtesy" never matches "court".
//
// Negation is deliberately ignored: "I don't want to involve a lawyer" still reports
// "lawyer". A customer who brings up legal action or public exposure, even to rule it
// out, is one a human should see, and a missed cue costs more than an extra escalation.
namespace tierdesk::nlu {

QString legalMention(const QString &text); // lawyer, attorney, sue, lawsuit, court, small claims...
QString socialMediaThreat(const QString &text); // twitter/X, facebook, reddit, "post a review", BBB...
QString humanRequest(const QString &text); // "talk to a person", "real agent", "human please"...
QString managerRequest(const QString &text); // "speak to a manager", "your supervisor", "your boss"...

// Company-configured keywords (single words or phrases); returns the first keyword of
// the list found in the text, as written in the text.
QString matchKeyword(const QString &text, const QStringList &keywords);

} // namespace tierdesk::nlu
