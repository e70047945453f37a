#pragma once

#include "core/api/twilio/TwilioServices.h"
#include "core/engine/channels/Channels.h"

namespace tierdesk {

// The Twilio family's webhooks into the engine's channels: a company's account, texts in, and
// delivery reports. Engine thread.
class TwilioInboxLink final : public api::TwilioInbox {
public:
    explicit TwilioInboxLink(Channels &channels) : m_channels(channels) { }

    std::optional<TwilioSettings> twilioAccount(const QString &companyId) override
    {
        const Result<TwilioSettings> account = m_channels.accounts().twilio(companyId);
        return account ? std::optional<TwilioSettings>(*account) : std::nullopt;
    }
    void receiveText(const InboundText &text, QObject *context, std::function<void(Status)> done) override
    {
        m_channels.texts().receive(text, context, std::move(done));
    }
    void textStatus(const TextStatus &status) override { m_channels.texts().status(status); }

private:
    Channels &m_channels;
};

} // namespace tierdesk
