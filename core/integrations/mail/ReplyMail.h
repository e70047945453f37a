#pragma once

#include "core/integrations/MailMessage.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace tierdesk::mail {

// What a reply to a customer's mail is made of.
struct ReplyInput {
    MailAddress from; // the company's support address
    MailAddress to; // the customer
    QString subject; // the thread's subject
    QString shortId; // the conversation's short id, "A1B2C3": the subject's [#A1B2C3] token
    QByteArray inReplyTo; // the customer's mail answered, without <>
    QList<QByteArray> references; // that mail's References, without <>
    QString text; // the reply, plain, may hold simple markdown: **bold**, lists, links
    QString quotedName; // who wrote the mail answered (the customer's address when empty)
    QDateTime quotedDate; // when
    QString quotedText; // the customer's message being answered
    bool automatic = false; // sent by the AI tiers, not a person: marked so other robots do not answer
};

// A reply as mail clients expect one, threaded under the customer's mail.
//   Subject     "Re: <base subject> [#<shortId>]": never "Re: Re:", the token never twice
//   In-Reply-To the mail answered; References its References and it, deduplicated, the last 20
//   text/plain  the reply, then "On <date>, <name> wrote:" and the quoted text with "> " (its
//               first kMaxQuotedChars characters)
//   text/html   a minimal document of the same: escaped text, paragraphs, lists, links, the quote
//               in a <blockquote>; no images, no styles or anything else a client would fetch
//   automatic   Auto-Submitted: auto-replied and X-Auto-Response-Suppress: All (RFC 3834, Exchange)
class ReplyMail {
public:
    static constexpr int kMaxReferences = 20;
    // The quote is history: its start is enough, and the reply stays far within MailMessage's body limit.
    static constexpr int kMaxQuotedChars = 20000;

    static MailMessage composeReply(const ReplyInput &input);
    // The short id in a "[#XXXX]" token (4 to 16 letters or digits), or empty.
    static QString tokenIn(const QString &subject);
    static QString replySubject(const QString &threadSubject, const QString &shortId);
};

} // namespace tierdesk::mail
