#include "core/api/chat/ChatFamily.h"

#include "core/api/chat/ChatApi.h"
#include "core/api/chat/ChatErrors.h"
#include "core/api/chat/ChatPage.h"
#include "core/api/chat/ChatSocket.h"
#include "core/api/chat/ChatVoiceSocket.h"
#include "core/api/chat/ChatWidget.h"

namespace tierdesk::api {

ChatFamily::ChatFamily(const ChatServices &services) : m_access(services)
{
    m_api = std::make_unique<ChatApi>(m_access);
    m_socket = std::make_unique<ChatSocket>(m_access);
    m_voice = std::make_unique<ChatVoiceSocket>(m_access);
    m_page = std::make_unique<ChatPage>();
    m_widget = std::make_unique<ChatWidget>(m_access, *m_page);
}

ChatFamily::~ChatFamily() = default;

void ChatFamily::install(http::HttpServer &server)
{
    m_api->install(server);
    m_socket->install(server);
    m_voice->install(server);
    m_page->install(server);
    m_widget->install(server);
}

http::HttpResponse ChatFamily::serverError(int status, const QString &message, const QString &path) const
{
    return chat::serverError(status, message, path);
}

} // namespace tierdesk::api
