#pragma once

#include "core/common/Result.h"
#include "core/domain/ChannelRecords.h"
#include "core/engine/channels/MailboxSettings.h"
#include "core/engine/channels/TwilioSettings.h"

#include <QJsonObject>

// The inbox channels in the CS API's wire format (docs/channels.md): a company's mailbox and Twilio
// account (secrets write-only: never printed, only whether they are set), and a session's mails
// and texts with their delivery.
namespace tierdesk::api::cs {

Result<MailboxSettings> emailSettings(const QJsonObject &body);
QJsonObject emailSettingsJson(const MailboxSettings &s, const EmailMailboxState &state);
Result<TwilioSettings> twilioSettings(const QJsonObject &body);
QJsonObject twilioSettingsJson(const TwilioSettings &s);
QJsonObject channelMessageJson(const ChannelMessageRow &row);
QJsonObject channelThreadJson(const ChannelThread &thread);

} // namespace tierdesk::api::cs
