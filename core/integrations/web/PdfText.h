#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QStringList>

namespace tierdesk::web {

// The text of a PDF (a help center's manuals and policies), read with poppler-cpp from the bytes
// as fetched: each page's text as poppler lays it out (lines kept, columns side by side), in page
// order, without trailing white space, ligatures unfolded (NFKC: "ﬁ" reads "fi"). Every call
// reads on its own: safe on any thread, and poppler's complaints about broken files stay off
// stderr.
class PdfText {
public:
    static constexpr qsizetype kMaxBytes = 64 * 1024 * 1024;
    static constexpr int kMaxPages = 2000;

    // Errors, each with a message to show: LimitExceeded beyond kMaxBytes or kMaxPages;
    // InvalidArgument "not a readable PDF" (corrupt, truncated, not a PDF), "the PDF is locked
    // by a password" (encrypted with a user password; one encrypted for permissions alone
    // reads), and "no text" when no page has any (a scan, images only, empty pages).
    static Result<QStringList> pages(const QByteArray &pdf);
};

} // namespace tierdesk::web
