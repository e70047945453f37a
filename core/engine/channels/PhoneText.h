#pragma once

#include "core/engine/channels/TextMessage.h"

#include <QString>
#include <QStringList>

namespace tierdesk {

// A reply made fit for a phone (DESIGN.md, "Channels"): SMS and WhatsApp show no markdown, and
// Twilio takes at most OutboundText::kMaxBodyChars per message.
class PhoneText {
public:
    // The reply without markdown: **b**, __b__, *i*, _i_, ~~s~~, `code`, fences, headings, quotes
    // and rules lose their marks; [text](url) becomes "text: url" (just the url when the text is
    // the url); list items keep "- ". For WhatsApp, bold, italic and strikethrough become its own
    // *b*, _i_ and ~s~. URLs and code are kept exactly as written.
    static QString plain(const QString &markdownReply, bool whatsapp);

    // `text` in parts of at most maxChars UTF-16 code units (so within Twilio's limit however it
    // counts). A part ends at its last paragraph end, else its last sentence end, when that fills
    // it at least half (a reply is not sent as many short messages), else at its last space; a
    // word longer than a part is cut, never inside a surrogate pair nor, when it can be helped,
    // inside a URL. No part is empty or starts or ends with white space. maxChars below 2 counts as 2.
    static QStringList split(const QString &text, int maxChars = OutboundText::kMaxBodyChars);
};

} // namespace tierdesk
