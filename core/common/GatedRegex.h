#pragma once

#include "core/common/StemIndex.h"

#include <QRegularExpression>

namespace tierdesk {

// A regular expression that runs only on texts holding one of its stems (case-folded):
// every text it can match holds one, and most customer messages hold none. The stem
// scan costs a small part of a match (QRegularExpression sets up match data and a JIT
// stack for each); the planners ask dozens of such questions of every message.
//
// Verifying mode, for tests: the expression runs on every text anyway and each match
// the stems would have hidden is recorded (tst_scenarios and tst_gatedregex fail on one).
class GatedRegex {
public:
    // `regex` case-insensitive; every match contains one of `stems`.
    GatedRegex(QRegularExpression regex, std::initializer_list<const char *> stems);

    // No match (hasMatch() false, nothing captured) when no stem is in the text.
    QRegularExpressionMatch match(const QString &text) const;
    bool matches(const QString &text) const { return match(text).hasMatch(); }
    QRegularExpressionMatchIterator globalMatch(const QString &text) const; // none without a stem
    // Whether a stem is in the text: the expression would be run.
    bool mayMatch(const QString &text) const;

    static void setVerifying(bool on);
    static QStringList hiddenMatches(); // "pattern: text", one per match the stems hid

private:
    void verifyClosed(const QString &text) const; // in verifying mode: records a hidden match

    QRegularExpression m_regex;
    StemIndex m_stems;
};

} // namespace tierdesk
