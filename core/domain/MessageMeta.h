#pragma once

#include "core/domain/Enums.h"
#include "core/domain/ModelCharge.h"

#include <QStringList>

#include <optional>

// What a message's "metadata" holds (seed 001's transcript), as typed values: an AI tier's
// reply says how it was made, a person's message who wrote it. Each API family prints it
// (api/cs CsJson); the store keeps it in its own codec. A new field is a member here and
// one line in each of the two.
namespace tierdesk {

struct AiReplyMeta {
    QStringList actionsTaken; // what the engine did on this turn
    double confidence = 0; // the intent's, rounded to 3 places
    QString intent;
    qint64 latencyMs = 0;
    QString model;
    QStringList suggestedActions;
    int inputTokens = 0;
    int outputTokens = 0;
    ModelCharge charge; // the model calls the turn made (none for local words), even when their words were refused
    QString fallback; // why these are fallback words ("timeout"); empty when they are not
    QStringList guardNotes; // what the reply guard changed ("replyGuard"); printed when there are any
};

// A person's refund or credit from the console, as its confirming message records it.
struct PersonAction {
    QString type; // refund or credit
    QString orderId; // a refund's; empty for a credit (printed as null)
    double amount = 0;
    Tier tier = Tier::HumanAgent;
    QString agentId;
    QString agentName;
    qint64 at = 0;
};

struct PersonMeta {
    QString agentId;
    QString agentName;
    bool closing = false; // the closing line of a person's resolve
    std::optional<PersonAction> action; // the message confirms this action
    QStringList actionsTaken; // with `action`: what the executor did
};

// A caller's words as speech recognition heard them (a call's turn, channel voice).
struct AsrMeta {
    double confidence = 0; // 0..1, how sure the recogniser is
    qint64 startMs = 0; // where the words are in the call's audio
    qint64 endMs = 0;
    bool digits = false; // heard with the digits grammar, or typed on the keypad
    bool keypad = false; // typed on the keypad (DTMF), not spoken
};

// A file that came with a mail (an attachment, or the mail's original), or one sent in the web chat:
// its id for the download route.
struct ChannelFileRef {
    QString id;
    QString name;
    QString contentType;
    qint64 bytes = 0;
    bool kept = true; // false: over the mailbox's limits, listed but not kept
};

// A customer's message that came by mail or text (channels/): how it came, for the people at the desk.
struct ChannelMeta {
    QString kind; // email, sms or whatsapp
    QString subject; // email
    QString from; // an address or a number, with the display name when the mail had one
    QStringList to;
    QStringList cc;
    QList<ChannelFileRef> attachments;
    QString original; // the kept original mail's file id
    QString automatic; // why it is an automatic mail, which the AI never answers ("Auto-Submitted: auto-replied")
    bool truncated = false; // over the mailbox's size limit: not imported whole
};

// At most one of the four: an AI reply's, a person's, a caller's recognised words, or how a mail
// or text came; a typed customer message and a system message have none. Beside them, the files
// the customer or a person sent with the message in the web chat (session_files).
struct MessageMeta {
    std::optional<AiReplyMeta> ai;
    std::optional<PersonMeta> person;
    std::optional<AsrMeta> asr;
    std::optional<ChannelMeta> channel;
    QList<ChannelFileRef> files;

    bool isEmpty() const { return !ai && !person && !asr && !channel && files.isEmpty(); }
};

} // namespace tierdesk
