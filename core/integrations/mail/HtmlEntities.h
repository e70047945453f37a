#pragma once

#include <QString>

namespace tierdesk::mail {

// HTML character references in text or an attribute value: named (HTML 4's set and &apos;) and
// numeric (&#233; &#xE9;, 128-159 read as windows-1252 as browsers do; invalid ones U+FFFD).
// What is not a reference stays as it is ("AT&T", "&unknown;").
class HtmlEntities {
public:
    static QString decode(const QString &text);
};

} // namespace tierdesk::mail
