#pragma once

#include "core/engine/SessionEngine.h"
#include "core/store/ChatVisitorRepo.h"

namespace tierdesk {

// The anonymous visitors of the chat POC API (seed 003): each session a widget key
// started has one, who proves itself with that session's secret (kept hashed). On
// the engine thread; the chat family asks this, never the store.
class ChatVisitors {
public:
    explicit ChatVisitors(SessionEngine &engine) : m_engine(engine), m_repo(engine.core().store().db()) { }

    // Records the visitor of a session just created, in the group-commit batch
    // (answer the visitor after SessionEngine::afterCommit); audited as chat.visitor.
    Status add(const ChatVisitor &visitor, const Actor &actor);
    // The visitor of `sessionId` when that session belongs to `companyId`, else nullopt.
    std::optional<ChatVisitor> find(const QString &companyId, const QString &sessionId);
    // The visitor of `sessionId` whatever the company (the caller checks the secret).
    std::optional<ChatVisitor> find(const QString &sessionId);

private:
    SessionEngine &m_engine;
    ChatVisitorRepo m_repo;
};

} // namespace tierdesk
