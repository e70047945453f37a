#pragma once

#include "core/domain/Entities.h"

#include <QString>

namespace tierdesk {

// Where the customer reads (or hears) a reply: it decides what a reply may refer to. Only the web
// chat shows buttons and links of ours; a mail, a text on a phone and a call have none.
enum class ReplyMedium { WebChat, Email, Sms, WhatsApp, Voice };

ReplyMedium replyMedium(const Session &session);
// For a model's prompt: "a support chat", "an SMS text message read on a phone", ...
QString describeMedium(ReplyMedium medium);

} // namespace tierdesk
