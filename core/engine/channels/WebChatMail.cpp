#include "core/engine/channels/WebChatMail.h"

#include "core/engine/reply/Phrases.h"
#include "core/store/ChatVisitorRepo.h"
#include "core/store/Store.h"

namespace tierdesk {

QString WebChatMail::addressOf(const Session &s, const ChatVisitor &visitor)
{
    // The address the visitor left in the chat (the pre-chat form, or when nobody could answer).
    if (const QString left = s.metadata.value(QStringLiteral("email")).toString().trimmed(); !left.isEmpty())
        return left;
    // A signed-in visitor's own, as their company knows it.
    if (visitor.customerId.isEmpty())
        return {};
    const std::optional<Customer> customer = m_engine.customer(s.companyId, visitor.customerId);
    return customer ? customer->email : QString();
}

bool WebChatMail::personReplied(const Session &s, const Message &m)
{
    if (s.channel != Channel::Chat || m.role != QLatin1String("human_agent") || m_presence.connected(s.id))
        return false;
    Store &store = m_engine.core().store();
    std::optional<ChannelThread> thread = store.channels().thread(s.id);
    if (thread && thread->kind != QLatin1String(kThreadKind))
        return false; // a session that came by mail or text: its own outbox path
    QString address;
    if (thread) {
        address = thread->peer;
    } else if (const std::optional<ChatVisitor> visitor = ChatVisitorRepo(store.db()).find(s.id)) {
        address = addressOf(s, *visitor);
    } else {
        return false; // not a web visitor's conversation
    }
    const Result<MailboxSettings> mailbox = m_accounts.email(s.companyId);
    if (!mailbox || !address.contains(QLatin1Char('@')))
        return false;
    const bool queued = store.batch().run([&] {
        if (!thread) {
            Result<ChannelThread> made = threadFor(s, address, *mailbox);
            if (!made)
                return false;
            thread = *made;
        }
        m_outbox.enqueueOne(m, *thread);
        return true;
    });
    if (queued) // sent once the reply and its row are committed
        m_engine.afterCommit([this](bool committed) {
            if (committed)
                m_outbox.kick();
        });
    return queued;
}

Result<ChannelThread> WebChatMail::threadFor(const Session &s, const QString &address, const MailboxSettings &mailbox)
{
    const Result<Company> company = m_engine.company(s.companyId);
    ChannelThread thread;
    thread.sessionId = s.id;
    thread.companyId = s.companyId;
    thread.kind = QLatin1String(kThreadKind);
    thread.peer = address.trimmed();
    thread.own = mailbox.address;
    const QString name = company ? company->name : mailbox.name;
    const Phrases say = company ? Phrases(company->config.language, company->config.company) : Phrases();
    thread.subject = say(Phrase::WebChatByMail).arg(name.isEmpty() ? mailbox.address : name);
    return m_sessions.addThread(thread);
}

} // namespace tierdesk
