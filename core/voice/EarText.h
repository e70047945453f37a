#pragma once

#include "core/domain/Language.h"

#include <QString>

namespace tierdesk::voice {

// A reply written for the screen, prepared for the ear before Flite speaks it. A caller cannot see
// a link, a bold word or a list, and a synthesiser reads "ORD-10005" and "$36.50" in ways nobody
// says them. So: markdown goes (links keep their text), URLs go, order numbers are said digit by
// digit ("order one zero zero zero five"), amounts as money ("36 dollars and 50 cents"), and
// abbreviations and signs that read badly aloud are written out ("e.g." -> "for example",
// "&" -> "and"). Lines become sentences. English and German.
class EarText {
public:
    static QString prepare(const QString &text, Language language = Language::En);

    // The steps, each usable alone.
    static QString withoutMarkdown(const QString &text);
    static QString withoutUrls(const QString &text);
    static QString orderNumbersSpoken(const QString &text, Language language);
    static QString amountsSpoken(const QString &text, Language language);
    static QString abbreviationsSpoken(const QString &text, Language language);
};

} // namespace tierdesk::voice
