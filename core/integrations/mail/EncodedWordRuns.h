#pragma once

#include <QByteArray>

namespace tierdesk::mail {

// GMime before 3.2.14 (Debian 12 has 3.2.13) decodes a run of base64 encoded words of one charset
// as one stream and stops at the first word's '=' padding: "=?utf-8?B?w78=?= =?utf-8?B?w78=?="
// reads "ÿ", and a long subject, as most mailers split it, loses all but its first word (GMime
// issue #133). Such runs are joined into one encoded word of the same text before GMime reads the
// header block. Runs without padding inside are left alone (GMime reads them right, including
// the broken ones that split a character between words).
class EncodedWordRuns {
public:
    // The GMime of this process has the bug.
    static bool needed();
    // A header block with its padded runs joined.
    static QByteArray joinPadded(const QByteArray &headers);
};

} // namespace tierdesk::mail
