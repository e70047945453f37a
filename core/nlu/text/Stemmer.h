#pragma once

#include <QString>
#include <QStringView>

namespace tierdesk::nlu {

// The one stemmer of Tierdesk's text analysis: crude, enough to meet "washing" with "wash"
// and "returns" with "return" in the knowledge base's passages.
class Stemmer {
public:
    // The word without one of the endings "ing", "ed", "es", "s", if at least four letters stay.
    static QString stem(QString lowerCaseWord);
    // Whether what follows a stem in a longer word makes that word another form of it:
    // "dry" and "dryer", "paus" and "pause" (not "day" and "daypack").
    static bool isInflection(QStringView rest);
};

} // namespace tierdesk::nlu
