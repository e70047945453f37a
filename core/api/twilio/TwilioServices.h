#pragma once

#include "core/common/Result.h"
#include "core/engine/channels/TextMessage.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace tierdesk::api {

// What the Twilio family asks of the engine (the runtime wires the engine in; tests a fake).
class TwilioInbox {
public:
    virtual ~TwilioInbox() = default;
    // The company's Twilio account, none when the company has no Twilio channel (then 404).
    virtual std::optional<TwilioSettings> twilioAccount(const QString &companyId) = 0;
    // Stores the text (or finds it stored already); done(Ok) once committed, on the engine thread.
    virtual void receiveText(const InboundText &text, QObject *context, std::function<void(Status)> done) = 0;
    virtual void textStatus(const TextStatus &status) = 0;
};

// What the Twilio family is served with.
struct TwilioServices {
    TwilioInbox *inbox = nullptr;
    // server/publicUrl: the base Twilio calls this server at (https://desk.example.com, or with a
    // path a proxy maps), so the URL it signed; empty: http://<the request's Host header>.
    QString publicBaseUrl;
    // Set by TwilioFamily: the context of the engine's asynchronous answers.
    QObject *context = nullptr;
};

} // namespace tierdesk::api
