#pragma once

#include "core/api/auth/KeyVerdict.h"
#include "core/api/common/RateLimiter.h"
#include "core/engine/SessionEngine.h"
#include "core/engine/access/ApiTokens.h"
#include "core/engine/access/ChatVisitors.h"
#include "core/engine/channels/ChannelAccounts.h"
#include "core/engine/channels/WebVisitorPresence.h"
#include "core/engine/customers/CustomerDirectory.h"
#include "core/engine/desk/Desk.h"
#include "core/voice/SpeechSynthesizer.h"
#include "core/voice/calls/CallCenter.h"

#include <QHostAddress>

namespace tierdesk::api {

// Requests per window (docs/chat-api.md, "Limits"); the server's rateLimit/* settings.
struct ChatRateLimits {
    bool enabled = true;
    int windowSecs = 60;
    int createSession = 100; // sessions started per client address and widget key
    int messagesPerSession = 60; // visitor messages per session, over HTTP and Socket.IO together
};

// What the chat POC API is served with.
struct ChatServices {
    SessionEngine *engine = nullptr;
    voice::CallCenter *calls = nullptr; // the server's calls; none: /api/v1/voice takes no calls
    ChatVisitors *visitors = nullptr;
    ApiTokens *tokens = nullptr;
    RateLimiter *limiter = nullptr; // none: no rate limits
    ChatRateLimits limits;
    ChannelAccounts *channels = nullptr; // the web channel's identity settings; none: every visitor anonymous
    CustomerDirectory *customers = nullptr; // where a verified visitor's customer is made when new
    const Desk *desk = nullptr; // whether a person is free now (the widget's look); none: as if one were
    WebVisitorPresence *presence = nullptr; // who is connected (a person's reply to one who is not is mailed)
};

// The chat family's credentials, shared by its HTTP routes and its Socket.IO
// endpoint: a company's widget key starts a session; the session's visitor
// secret reads and writes that session only (docs/chat-api.md, "Credentials").
class ChatAccess {
public:
    explicit ChatAccess(const ChatServices &services) : m_services(services) { }

    const ChatServices &services() const { return m_services; }
    KeyVerdict widgetKey(const QByteArray &presented) const;
    // Counts one request against `rule` for `subject`; always allowed while limits are off.
    RateDecision allow(const QString &rule, const QString &subject, int limit) const;
    // The visitor of `sessionId` when `presentedSecret` is its secret, else nullopt
    // (unknown session, another session's secret or no secret alike).
    std::optional<ChatVisitor> visitor(const QString &sessionId, const QByteArray &presentedSecret) const;
    // The visitor as the engine sees them: a customer of its own, scoped to their session.
    static Actor actorFor(const ChatVisitor &v, const QString &customerId, const QHostAddress &address);
    Actor actorFor(const ChatVisitor &v, const QHostAddress &address) const;

private:
    ChatServices m_services;
};

} // namespace tierdesk::api
