#include "core/engine/channels/Channels.h"

#include "core/store/Store.h"

#include <QTimer>

namespace tierdesk {

Channels::Channels(SessionEngine &engine, CustomerDirectory &customers, std::shared_ptr<ReplySender> sender,
    MailReaderFactory mailReaders, QObject *parent)
    : QObject(parent), m_engine(engine), m_accounts(engine.core()), m_sessions(engine, customers),
      m_texts(std::make_unique<TextInbox>(engine, m_accounts, m_sessions)),
      m_mail(std::make_unique<MailInbox>(engine, m_accounts, m_sessions)),
      m_outbox(std::make_unique<ChannelOutbox>(engine, m_accounts, std::move(sender))),
      m_poller(std::make_unique<MailPoller>(engine, m_accounts, *m_mail, std::move(mailReaders))),
      m_webMail(std::make_unique<WebChatMail>(engine, m_accounts, m_sessions, *m_outbox))
{
    connect(m_texts.get(), &TextInbox::deliveryChanged, this, &Channels::deliveryChanged);
    connect(m_outbox.get(), &ChannelOutbox::deliveryChanged, this, &Channels::deliveryChanged);
    connect(m_mail.get(), &MailInbox::deliveryChanged, this, &Channels::deliveryChanged);
}

Channels::~Channels()
{
    m_poller->stop(); // before the inbox its steps post into goes
}

void Channels::start()
{
    m_outbox->start();
    // A team's other instances may be receiving: the one running the timers resumes, as it polls
    // (looked at once the event loop runs: the server decides who runs them after this start).
    // Only what was left before this start: a mail or text received since is on its way, not left.
    QTimer::singleShot(0, this, [this, mails = m_mail->unposted(), texts = m_texts->unposted()] {
        if (!m_engine.runsTimers())
            return;
        m_mail->resume(mails, this);
        m_texts->resume(texts, this);
    });
    m_poller->start();
}

void Channels::stop()
{
    m_poller->stop();
}

QList<ChannelMessageRow> Channels::deliveries(const QString &companyId, const QString &sessionId)
{
    QList<ChannelMessageRow> out;
    for (const ChannelMessageRow &row : m_engine.core().store().channels().messagesOfSession(sessionId)) {
        if (row.companyId == companyId)
            out << row;
    }
    return out;
}

std::optional<ChannelThread> Channels::thread(const QString &sessionId)
{
    return m_engine.core().store().channels().thread(sessionId);
}

Result<ChannelFile> Channels::file(const QString &companyId, const QString &sessionId, const QString &fileId)
{
    Store &store = m_engine.core().store();
    std::optional<ChannelFile> f = store.channels().file(companyId, fileId);
    const std::optional<ChannelMessageRow> owner = f ? store.channels().message(f->channelMessageId) : std::nullopt;
    if (!f || !owner || owner->sessionId != sessionId)
        return makeError(ErrorKind::NotFound, QStringLiteral("The session has no such file"));
    return *f;
}

} // namespace tierdesk
