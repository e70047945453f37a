#pragma once

#include <QtGlobal>

namespace tierdesk::mail {

// How much of a mail MimeReader reads: every limit of its work, so any input costs bounded time
// and memory. What lies beyond is left out and InboundMail::truncated says so.
struct MimeLimits {
    qint64 maxMailBytes = 64 * 1024 * 1024; // a larger raw mail is refused (read its headers alone)
    qint64 maxAttachmentBytes = 10 * 1024 * 1024; // each; a larger one is kept without its data
    int maxAttachments = 50;
    int maxTextChars = 200000; // the text part (and the HTML converted to text)
    int maxHtmlChars = 1000000; // the HTML part kept as sent
    int maxDepth = 20; // multipart nesting
    int maxParts = 500; // MIME parts looked at
};

} // namespace tierdesk::mail
