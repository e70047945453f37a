#pragma once

#include "core/engine/pipeline/EngineCore.h"

namespace tierdesk {

// Erasure on request (GDPR Art. 17). The customer's record keeps only its id (and what is no
// personal data: tier, value, balance, subscription); in every stored text of their sessions
// (messages and their metadata, summaries, session metadata, escalation notes, sentiment
// triggers, mentions) personal data is masked in place: the PII detector's kinds and the
// customer's own name, e-mail address and phone. Their conversational memory is dropped, and the
// files of their sessions (sent in the chat, or brought by their mails) are deleted.
// Sessions, ratings and analytics counts stay. The write-ahead log is emptied afterwards, so
// no earlier page image of the erased words is left on disk.
class CustomerErasure {
public:
    explicit CustomerErasure(EngineCore &core) : m_core(core) { }

    Status erase(const Customer &customer, const Actor &actor);
    // `text` with the customer's personal data masked ("[erased email]", "[erased name]"...).
    static QString masked(const QString &text, const Customer &customer);

private:
    EngineCore &m_core;
};

} // namespace tierdesk
