#pragma once

#include "core/common/Result.h"
#include "core/domain/ChannelRecords.h"
#include "core/engine/channels/MailboxSettings.h"
#include "core/engine/channels/TwilioSettings.h"
#include "core/engine/channels/WebChannelSettings.h"

#include <QJsonObject>

// The inbox channels in the CS API's wire format (docs/channels.md): a company's mailbox and Twilio
// account (secrets write-only: never printed, only whether they are set), and a session's mails
// and texts with their delivery.
namespace tierdesk::api::cs {

Result<MailboxSettings> emailSettings(const QJsonObject &body);
QJsonObject emailSettingsJson(const MailboxSettings &s, const EmailMailboxState &state);
Result<TwilioSettings> twilioSettings(const QJsonObject &body);
QJsonObject twilioSettingsJson(const TwilioSettings &s);
// PUT /api/cs/channels/web's body over the current settings: what it gives replaces, what it
// leaves out stays; origins as browsers send them ("https://shop.example.com").
Result<WebChannelSettings> webChannelSettings(const QJsonObject &body, WebChannelSettings current);
// The settings, whether an identity secret is set, and the snippet (null without a widget key).
QJsonObject webChannelJson(const WebChannelSettings &s, const QString &snippet);
QJsonObject channelMessageJson(const ChannelMessageRow &row);
QJsonObject channelThreadJson(const ChannelThread &thread);

} // namespace tierdesk::api::cs
