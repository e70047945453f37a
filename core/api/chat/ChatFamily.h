#pragma once

#include "core/api/chat/ChatAccess.h"
#include "core/api/common/ApiFamily.h"

#include <memory>

namespace tierdesk::api {

class ChatApi;
class ChatPage;
class ChatWidget;
class ChatSocket;
class ChatVoiceSocket;

// Seed 003's family: the REST routes under /api/v1 (ChatApi), /api/v1/health, the
// real-time events on the Socket.IO endpoint /socket.io (ChatSocket), web calls on
// /api/v1/voice (ChatVoiceSocket), the web chat
// page at /chat (ChatPage) and the
// {"success":false,"error":...} body. docs/chat-api.md.
class ChatFamily : public ApiFamily {
public:
    explicit ChatFamily(const ChatServices &services);
    ~ChatFamily() override;

    QString name() const override { return QStringLiteral("chat"); }
    QStringList pathPrefixes() const override { return {QStringLiteral("/api/v1"), QStringLiteral("/chat")}; }
    void install(http::HttpServer &server) override;
    http::HttpResponse serverError(int status, const QString &message, const QString &path) const override;

private:
    ChatAccess m_access;
    std::unique_ptr<ChatApi> m_api;
    std::unique_ptr<ChatSocket> m_socket;
    std::unique_ptr<ChatVoiceSocket> m_voice;
    std::unique_ptr<ChatPage> m_page;
    std::unique_ptr<ChatWidget> m_widget;
};

} // namespace tierdesk::api
