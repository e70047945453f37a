#pragma once

#include <QHash>
#include <QString>

namespace tierdesk::nlu {

// A customer's misspelt word read as the knowledge base writes it: "pasword" is "password" when
// no passage holds "pasword" and some hold "password". Terms are SearchTerms stems.
class TermSpelling {
public:
    // The shortest terms left as they are: "wifi" is no "wife".
    static constexpr int kMinLength = 5;
    // From this length, two edits apart still count.
    static constexpr int kTwoEditsLength = 8;

    // The vocabulary's term (with how many passages hold it) nearest to `term` by edits (a letter
    // added, dropped, changed, or two swapped), the first letter kept; of several as near, the
    // one most passages hold. `term` itself when the vocabulary holds it or none is near enough.
    static QString nearest(const QString &term, const QHash<QString, int> &vocabulary);
    // The edits between two words (optimal string alignment), or `limit` + 1 when more.
    static int distance(QStringView a, QStringView b, int limit);
};

} // namespace tierdesk::nlu
