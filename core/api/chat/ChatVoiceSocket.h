#pragma once

#include "core/api/chat/ChatAccess.h"
#include "core/api/chat/ChatCallLink.h"

#include <QObject>

namespace tierdesk::http {
class HttpServer;
}

namespace tierdesk::api {

// The web call's door (docs/chat-api.md, "Calls"): GET /api/v1/voice?key=<widget key> upgraded to
// a WebSocket, one ChatCallLink per call. A key that is not a valid widget key is refused before
// the upgrade (401 in the family's body); a call beyond the decoder pool's room is told the line
// is busy and closed.
class ChatVoiceSocket : public QObject {
    Q_OBJECT

public:
    explicit ChatVoiceSocket(ChatAccess &access, QObject *parent = nullptr);
    void install(http::HttpServer &server);
    int calls() const { return m_calls; }

private:
    ChatAccess &m_access;
    int m_calls = 0;
};

} // namespace tierdesk::api
