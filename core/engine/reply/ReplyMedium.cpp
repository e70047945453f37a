#include "core/engine/reply/ReplyMedium.h"

namespace tierdesk {

ReplyMedium replyMedium(const Session &session)
{
    switch (session.channel) {
    case Channel::Email:
        return ReplyMedium::Email;
    case Channel::Sms:
        return ReplyMedium::Sms;
    case Channel::Voice:
        return ReplyMedium::Voice;
    case Channel::Chat:
        break;
    }
    return session.metadata.value(QStringLiteral("source")).toString() == QLatin1String("whatsapp")
        ? ReplyMedium::WhatsApp
        : ReplyMedium::WebChat;
}

QString describeMedium(ReplyMedium medium)
{
    switch (medium) {
    case ReplyMedium::Email:
        return QStringLiteral("an e-mail, the answer in the customer's mail thread");
    case ReplyMedium::Sms:
        return QStringLiteral("an SMS text message the customer reads on a phone");
    case ReplyMedium::WhatsApp:
        return QStringLiteral("a WhatsApp message the customer reads on a phone");
    case ReplyMedium::Voice:
        return QStringLiteral("a phone call: your words are spoken aloud to the caller");
    case ReplyMedium::WebChat:
        break;
    }
    return QStringLiteral("a support chat");
}

} // namespace tierdesk
