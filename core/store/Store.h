#pragma once

#include "core/store/AgentRepo.h"
#include "core/store/AiProviderRepo.h"
#include "core/store/AnalyticsRepo.h"
#include "core/store/AuditRepo.h"
#include "core/store/CallRepo.h"
#include "core/store/CannedResponseRepo.h"
#include "core/store/ChannelRepo.h"
#include "core/store/Checkpointer.h"
#include "core/store/CompanyRepo.h"
#include "core/store/ConnectorRepo.h"
#include "core/store/CrmTicketRepo.h"
#include "core/store/CustomerAdminRepo.h"
#include "core/store/CustomerRepo.h"
#include "core/store/Database.h"
#include "core/store/DialogueRepo.h"
#include "core/store/KbGapRepo.h"
#include "core/store/KbRepo.h"
#include "core/store/KbSourceRepo.h"
#include "core/store/MentionRepo.h"
#include "core/store/ModelUsageRepo.h"
#include "core/store/MoneyActionRepo.h"
#include "core/store/NluModelRepo.h"
#include "core/store/OidcFlowRepo.h"
#include "core/store/OidcSettingsRepo.h"
#include "core/store/RatingRepo.h"
#include "core/store/SessionFileRepo.h"
#include "core/store/SessionRepo.h"
#include "core/store/SettingsRepo.h"
#include "core/store/StoreReconnector.h"
#include "core/store/SurveyRepo.h"
#include "core/store/WebhookRepo.h"
#include "core/store/WeeklySummaryRepo.h"
#include "core/store/WriteBatch.h"

#include <memory>

namespace tierdesk {

// Everything persistent, on one connection owned by the engine thread.
class Store {
public:
    static Result<std::unique_ptr<Store>> open(const QString &path, const DatabaseOptions &options);
    static Result<std::unique_ptr<Store>> open(const QString &path, bool synchronousFull = false)
    {
        return open(path, DatabaseOptions{synchronousFull});
    }
    // The store on a PostgreSQL database (team mode), migrated if it is not yet.
    static Result<std::unique_ptr<Store>> openPostgres(
        const DatabaseUrl &url, const DatabaseOptions &options = {}, const QString &password = {});

    Database &db() { return *m_db; }
    CompanyRepo &companies() { return m_companies; }
    AgentRepo &agents() { return m_agents; }
    AiProviderRepo &aiProviders() { return m_aiProviders; }
    CallRepo &calls() { return m_calls; }
    ChannelRepo &channels() { return m_channels; }
    CannedResponseRepo &canned() { return m_canned; }
    ConnectorRepo &connectors() { return m_connectors; }
    CrmTicketRepo &crmTickets() { return m_crmTickets; }
    CustomerRepo &customers() { return m_customers; }
    CustomerAdminRepo &customerAdmin() { return m_customerAdmin; }
    SessionRepo &sessions() { return m_sessions; }
    SessionFileRepo &sessionFiles() { return m_sessionFiles; }
    DialogueRepo &dialogues() { return m_dialogues; }
    AuditRepo &audit() { return m_audit; }
    KbRepo &kb() { return m_kb; }
    KbSourceRepo &kbSources() { return m_kbSources; }
    KbGapRepo &kbGaps() { return m_kbGaps; }
    NluModelRepo &nluModels() { return m_nluModels; }
    // Single sign-on: a company's provider, and the sign-ins under way.
    OidcSettingsRepo &oidcSettings() { return m_oidcSettings; }
    OidcFlowRepo &oidcFlows() { return m_oidcFlows; }
    AnalyticsRepo &analytics() { return m_analytics; }
    RatingRepo &ratings() { return m_ratings; }
    MentionRepo &mentions() { return m_mentions; }
    ModelUsageRepo &modelUsage() { return m_modelUsage; }
    MoneyActionRepo &moneyActions() { return m_moneyActions; }
    SettingsRepo &settings() { return m_settings; }
    SurveyRepo &surveys() { return m_surveys; }
    WebhookRepo &webhooks() { return m_webhooks; }
    WeeklySummaryRepo &weeklySummaries() { return m_weeklySummaries; }
    WriteBatch &batch() { return m_batch; }
    // PostgreSQL: what connects the store again when its connection is lost (none on SQLite).
    StoreReconnector *reconnector() { return m_reconnector.get(); }

private:
    explicit Store(std::unique_ptr<Database> db);

    std::unique_ptr<Database> m_db;
    CompanyRepo m_companies;
    AgentRepo m_agents;
    AiProviderRepo m_aiProviders;
    CallRepo m_calls{*m_db};
    ChannelRepo m_channels{*m_db};
    KbSourceRepo m_kbSources{*m_db};
    KbGapRepo m_kbGaps{*m_db};
    ModelUsageRepo m_modelUsage{*m_db};
    SurveyRepo m_surveys{*m_db};
    WeeklySummaryRepo m_weeklySummaries{*m_db};
    OidcSettingsRepo m_oidcSettings{*m_db};
    OidcFlowRepo m_oidcFlows{*m_db};
    CannedResponseRepo m_canned;
    ConnectorRepo m_connectors;
    CrmTicketRepo m_crmTickets{*m_db};
    CustomerRepo m_customers;
    CustomerAdminRepo m_customerAdmin{*m_db};
    MoneyActionRepo m_moneyActions{*m_db};
    SessionRepo m_sessions;
    SessionFileRepo m_sessionFiles{*m_db};
    DialogueRepo m_dialogues;
    AuditRepo m_audit;
    KbRepo m_kb;
    NluModelRepo m_nluModels;
    AnalyticsRepo m_analytics;
    RatingRepo m_ratings;
    MentionRepo m_mentions;
    SettingsRepo m_settings;
    WebhookRepo m_webhooks;
    WriteBatch m_batch;
    std::unique_ptr<Checkpointer> m_checkpointer;
    std::unique_ptr<StoreReconnector> m_reconnector;
};

} // namespace tierdesk
