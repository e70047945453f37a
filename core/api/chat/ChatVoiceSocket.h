#pragma once

#include "core/api/chat/ChatAccess.h"
#include "core/api/chat/ChatCallLink.h"
#include "core/api/http/HttpTypes.h"
#include "core/voice/SourceLimits.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <optional>

namespace tierdesk::http {
class HttpServer;
}

namespace tierdesk::api {

// The web call's door (docs/chat-api.md, "Calls"): GET /api/v1/voice?key=<widget key> upgraded to
// a WebSocket, one ChatCallLink per call. A key that is not a valid widget key is refused before
// the upgrade (401 in the family's body); a call beyond the decoder pool's room is told the line
// is busy and closed. One source cannot take every line: a client address (the one the trusted
// proxies forward) that tries too many calls a minute gets 429 before the upgrade; one with its
// share of calls under way, or a widget key with its share, is told the line is busy.
class ChatVoiceSocket : public QObject {
    Q_OBJECT

public:
    explicit ChatVoiceSocket(ChatAccess &access, QObject *parent = nullptr);
    void install(http::HttpServer &server);
    int calls() const { return m_calls; }

private:
    // The refusal before the upgrade for a source that tries calls too often; nullopt: go on.
    std::optional<http::HttpResponse> admit(const QString &address);
    // Whether the address or the key has its share of calls under way.
    bool overShare(const QString &address, const QString &keyId) const;
    // The call of a valid key within its source's share, or why not (every line taken, too).
    Result<voice::LiveCall *> openCall(const KeyVerdict &key, const QString &address);
    void track(const QString &address, const QString &keyId, int change);

    ChatAccess &m_access;
    int m_calls = 0;
    std::optional<voice::SourceLimits> m_sources; // with the server's calls
    QElapsedTimer m_clock;
    QHash<QString, int> m_callsByAddress;
    QHash<QString, int> m_callsByKey;
};

} // namespace tierdesk::api
