#pragma once

#include "core/common/Result.h"
#include "core/domain/CsConfig.h"

#include <QJsonArray>
#include <QJsonObject>

// A company's CS config in seed 001's wire shape ("Get CS Config", PUT /config): the JSON
// of each part, the checks a PUT passes, and the field-level changes the audit records.
// The JSON shape of the defaults is also the schema: a PUT may only name keys found there.
namespace tierdesk::api::cs {

// The config as GET /config prints it (without companyId).
QJsonObject configJson(const CsConfig &config);
// The config a JSON of that shape describes, read as it is: a key it lacks keeps its
// default. For JSON that passed validateConfig.
CsConfig readConfig(const QJsonObject &checked);
// A stored or sent config: the defaults deep-merged with `json`, then checked.
Result<CsConfig> configFromJson(const QJsonObject &json);
// PUT /config: `patch` deep-merged into `base` (arrays replaced whole) and checked;
// `companyId` in the patch is ignored (it names the target). On error nothing changes.
Result<CsConfig> mergeConfig(const CsConfig &base, const QJsonObject &patch);
// The first problem of a whole config in JSON: InvalidArgument, `field` the dotted path
// and the message "path: reason" (the text PUT /config answers with).
Status validateConfig(const QJsonObject &config);

QJsonObject deskJson(const DeskConfig &desk);
// The config's "ai" part: which model words which tier.
QJsonObject aiJson(const AiSettings &ai);
// The config's "connectors" part: which of the company's systems serves what.
QJsonObject connectorsJson(const ConnectorSettings &connectors);
// The "voice" section: numbers, voice, recordCalls.
QJsonObject voiceJson(const VoiceSettings &voice);
// The first problem of a config's "desk" part ("desk.<path>: reason").
Status validateDesk(const QJsonObject &desk);

// The "company" section: website, supportEmail, supportPhone, timeZone, currency.
QJsonObject companyJson(const CompanyProfile &company);
void readCompany(const QJsonObject &checked, CompanyProfile &company);
// The "policies" section: return windows, cancellable statuses, self-service links, plans.
QJsonObject policiesJson(const CompanyPolicies &policies);
void readPolicies(const QJsonObject &checked, CompanyPolicies &policies);
// The first problem of the "company", "policies" and the AI's voice ("ai.persona", ...).
Status validateCompany(const QJsonObject &company);
Status validatePolicies(const QJsonObject &policies);
Status validateAiVoice(const QJsonObject &ai);

// The leaves that differ between two configs, as [{"path", "before", "after"}] with
// dotted paths ("irateProtocol.detectionThreshold"), in key order. Arrays are leaves
// (a keyword list is shown whole). Written into the audit of PUT /config.
QJsonArray configChanges(const QJsonObject &before, const QJsonObject &after);

} // namespace tierdesk::api::cs
