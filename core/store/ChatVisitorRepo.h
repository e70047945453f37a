#pragma once

#include "core/common/Result.h"
#include "core/domain/ChatVisitor.h"
#include "core/store/Database.h"

#include <optional>

namespace tierdesk {

// The chat_visitors table.
class ChatVisitorRepo {
public:
    explicit ChatVisitorRepo(Database &db) : m_db(db) { }
    Status insert(const ChatVisitor &v);
    std::optional<ChatVisitor> find(const QString &sessionId);

private:
    Database &m_db;
};

} // namespace tierdesk
