#pragma once

#include "core/engine/SessionEngine.h"

namespace tierdesk {

// Canned responses per company, on the engine thread. Content may hold the
// placeholders of placeholders(); anything else between {{ and }} is refused at
// save. Rendering for a session fills what it can; a placeholder without a value
// stays in the text as written canonically ("{{order.id}}") and is listed as missing.
class CannedResponses {
public:
    static constexpr int kMaxPerCompany = 500;
    static constexpr int kMaxShortcutChars = 32;
    static constexpr int kMaxTitleChars = 100;
    static constexpr int kMaxContentChars = 4000;
    static constexpr int kTranscriptMessages = 200; // how far back {{order.id}} looks

    explicit CannedResponses(SessionEngine &engine) : m_engine(engine), m_store(engine.core().store()) { }

    static QStringList placeholders();

    Result<QList<CannedResponse>> list(const QString &companyId);
    Result<CannedResponse> get(const QString &companyId, const QString &id);
    // fields: shortcut, title, content (all required to create; any of them to update).
    Result<CannedResponse> create(const QString &companyId, const QJsonObject &fields, const Actor &actor);
    Result<CannedResponse> update(
        const QString &companyId, const QString &id, const QJsonObject &fields, const Actor &actor);
    Status remove(const QString &companyId, const QString &id, const Actor &actor);

    struct Rendered {
        QString content;
        QStringList missing; // placeholders left in content, e.g. "{{order.id}}"
    };
    // The agent's name comes from the actor (its display name).
    Result<Rendered> render(const QString &companyId, const QString &id, const QString &sessionId, const Actor &actor);

private:
    Status validate(const QString &companyId, const CannedResponse &r, const QString &exceptId);
    QHash<QString, QString> values(const Company &company, const Session &s, const Actor &actor);
    bool write(const CannedResponse &r, const QString &action, AuditOutcome outcome, const Actor &actor, bool insert);

    SessionEngine &m_engine;
    Store &m_store;
};

} // namespace tierdesk
