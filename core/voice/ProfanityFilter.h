#pragma once

#include <QString>

namespace tierdesk::voice {

// Recognised words pass this before anyone sees them (the transcript, the agent's console, the
// engine): a caller's swearing is kept out of screens and logs, not out of the meaning. A masked
// word keeps its first letter and its length ("damn" -> "d***"), so the transcript still shows
// that something was said. Whole words only: "hello" and "scrap" stay.
class ProfanityFilter {
public:
    static QString mask(const QString &text);
    static bool isProfane(QStringView word);
};

} // namespace tierdesk::voice
