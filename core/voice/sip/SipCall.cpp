#include "core/voice/sip/SipCall.h"

#include "core/voice/sip/SipServer.h"

namespace tierdesk::voice::sip {

SipCall::SipCall(SipServer &server, SipIncoming incoming, QObject *parent)
    : QObject(parent), m_server(server), m_incoming(std::move(incoming))
{
}

void SipCall::send(const QByteArray &pcm)
{
    if (!m_ended && !pcm.isEmpty())
        m_server.m_stack->send(m_incoming.key, pcmFromLittleEndian(pcm));
}

void SipCall::hangUp()
{
    if (!m_ended)
        m_server.m_stack->hangUp(m_incoming.key);
}

void SipCall::finish(const QString &reason)
{
    if (m_ended)
        return;
    m_ended = true;
    emit ended(reason);
}

} // namespace tierdesk::voice::sip
