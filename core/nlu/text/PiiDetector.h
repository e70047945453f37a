#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace tierdesk::nlu {

// Finds personal data in free text so an audit entry can say whether it holds
// any (seed 000's `contains_pii`). It errs on the side of finding: a false
// positive only marks an entry, a miss hides personal data from a review.
// Kinds: e-mail addresses, phone numbers (7 to 15 digits, with an optional +
// and the usual separators), payment card numbers (13 to 19 digits that pass
// the Luhn check) and street addresses (a house number, one to four words and
// a street suffix such as "Street", "Ave", "Road" or "straße").
class PiiDetector {
public:
    enum class Kind { Email, Phone, CardNumber, Address };
    struct Match {
        Kind kind = Kind::Email;
        int start = 0; // UTF-16 offset in the text
        int length = 0;
    };

    static QList<Match> find(QStringView text);
    static bool contains(QStringView text) { return !find(text).isEmpty(); }
    static QString kindName(Kind kind); // email | phone | card_number | address
    // The names of the kinds found in `text`, each once, in kindName()'s order of Kind.
    static QStringList kindNames(QStringView text);
    // The Luhn checksum over the digits of `digits` (other characters ignored).
    static bool luhnValid(QStringView digits);
};

} // namespace tierdesk::nlu
