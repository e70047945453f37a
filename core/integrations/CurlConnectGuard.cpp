#include "core/integrations/CurlConnectGuard.h"

#include <QHostAddress>

#include <sys/socket.h>

namespace tierdesk {

void CurlConnectGuard::install(CURL *curl)
{
    if (!m_policy)
        return;
    curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION, &CurlConnectGuard::open);
    curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, this);
}

void CurlConnectGuard::reset()
{
    m_allowed = m_refused = 0;
    m_firstRefusal.clear();
}

curl_socket_t CurlConnectGuard::open(void *clientp, curlsocktype purpose, curl_sockaddr *address)
{
    auto *guard = static_cast<CurlConnectGuard *>(clientp);
    const QHostAddress target(&address->addr);
    const Status allowed = purpose == CURLSOCKTYPE_IPCXN
        ? guard->m_policy->check(target)
        : Status(makeError(ErrorKind::Forbidden, QStringLiteral("unexpected socket type")));
    if (!allowed) {
        if (guard->m_refused++ == 0)
            guard->m_firstRefusal = allowed.error().message;
        return CURL_SOCKET_BAD;
    }
    ++guard->m_allowed;
    return ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

} // namespace tierdesk
