#include "core/runtime/SipCallLink.h"

#include <QRegularExpression>

namespace tierdesk::api {

namespace {

// What a call's session keeps as the way it ended, from what SIP says.
QString endedBecause(const QString &sipReason)
{
    if (sipReason == QLatin1String("bye"))
        return QStringLiteral("hangup"); // the caller hung up, as a web call's "hangup"
    return sipReason; // timeout, shutdown, error
}

} // namespace

SipCallLink::SipCallLink(voice::sip::SipCall *sip, voice::LiveCall *call, QObject *parent)
    : QObject(parent), m_sip(sip), m_call(call)
{
    call->setCallerNumber(sip->from());
    connect(sip, &voice::sip::SipCall::audio, this, [this](const QByteArray &pcm) {
        if (m_call)
            m_call->hear(pcm);
    });
    connect(sip, &voice::sip::SipCall::keypad, this, [this](const QString &keys) {
        static const QRegularExpression callKeys(QStringLiteral("[^0-9*#]"));
        if (m_call)
            m_call->keypad(QString(keys).remove(callKeys)); // A-D mean nothing to a call
    });
    connect(sip, &voice::sip::SipCall::ended, this, &SipCallLink::onSipEnded);
    connect(call, &voice::LiveCall::audio, this, [this](const QByteArray &pcm) {
        if (m_sip)
            m_sip->send(pcm);
    });
    connect(call, &voice::LiveCall::ended, this, [this](const QString &, bool byServer) {
        if (byServer && m_sip)
            m_sip->hangUp(); // the SipCall's ended() follows, and the link goes
    });
}

void SipCallLink::start(const voice::CallConversation::Caller &caller)
{
    m_call->start(caller, [this](Result<Session> s) {
        if (!s && m_sip)
            m_sip->hangUp();
    });
}

void SipCallLink::onSipEnded(const QString &reason)
{
    if (m_call)
        m_call->hangUp(endedBecause(reason));
    deleteLater();
}

} // namespace tierdesk::api
