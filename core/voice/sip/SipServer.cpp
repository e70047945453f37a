#include "core/voice/sip/SipServer.h"

#include <QPointer>

namespace tierdesk::voice::sip {

// The stack's events, from the SIP thread to the server's (queued on the server: events that
// arrive once it is gone are dropped with it).
class SipServer::Bridge : public SipEvents {
public:
    explicit Bridge(SipServer *server) : m_server(server) { }

    void incoming(const SipIncoming &call) override
    {
        QMetaObject::invokeMethod(
            m_server, [s = m_server, call] { s->onIncoming(call); }, Qt::QueuedConnection);
    }
    void heard(quint64 key, Pcm audio, QString keys) override
    {
        QMetaObject::invokeMethod(
            m_server,
            [s = m_server, key, pcm = pcmToLittleEndian(audio), keys = std::move(keys)] { s->onHeard(key, pcm, keys); },
            Qt::QueuedConnection);
    }
    void ended(quint64 key, QString reason) override
    {
        QMetaObject::invokeMethod(
            m_server, [s = m_server, key, reason = std::move(reason)] { s->onEnded(key, reason); },
            Qt::QueuedConnection);
    }

private:
    SipServer *m_server;
};

SipServer::SipServer(const Options &options, SipHandler &handler, QObject *parent)
    : QObject(parent), m_options(options), m_handler(handler), m_bridge(std::make_unique<Bridge>(this)),
      m_stack(std::make_unique<SipStack>(options, *m_bridge))
{
}

SipServer::~SipServer()
{
    stop();
}

Status SipServer::start()
{
    return m_stack->start();
}

void SipServer::stop()
{
    m_stack->stop();
    // What the stack said of calls before it stopped is still queued; they end here, now.
    const QHash<quint64, SipCall *> calls = std::exchange(m_calls, {});
    for (SipCall *call : calls) {
        call->finish(QStringLiteral("shutdown"));
        call->deleteLater();
    }
}

void SipServer::onIncoming(const SipIncoming &incoming)
{
    auto *call = new SipCall(*this, incoming, this);
    m_calls.insert(incoming.key, call);
    const SipVerdict verdict = m_handler.incoming(call);
    m_stack->decide(incoming.key, static_cast<int>(verdict), call->m_challenge, call->m_trusted);
    if (verdict != SipVerdict::Accept) {
        m_calls.remove(incoming.key);
        call->m_ended = true;
        call->deleteLater();
        emit refused(incoming.number, static_cast<int>(verdict));
    }
}

void SipServer::onHeard(quint64 key, const QByteArray &pcm, const QString &keys)
{
    SipCall *call = m_calls.value(key);
    if (!call)
        return;
    if (!pcm.isEmpty())
        emit call->audio(pcm);
    if (!keys.isEmpty())
        emit call->keypad(keys);
}

void SipServer::onEnded(quint64 key, const QString &reason)
{
    SipCall *call = m_calls.take(key);
    if (!call)
        return;
    call->finish(reason);
    call->deleteLater();
}

} // namespace tierdesk::voice::sip
