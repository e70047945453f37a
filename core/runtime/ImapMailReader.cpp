#include "core/runtime/ImapMailReader.h"

namespace tierdesk {

MailReaderFactory ImapMailReader::factory(const AddressPolicy &policy)
{
    return [policy](const MailboxSettings &settings) { return make(settings, policy); };
}

Result<std::shared_ptr<MailReader>> ImapMailReader::make(const MailboxSettings &settings, const AddressPolicy &policy)
{
    ImapAccount account;
    account.url = QUrl(settings.imap.url);
    account.username = settings.imap.username;
    account.password = settings.imap.password.toUtf8();
    account.oauth2Token = settings.imap.oauth2.toUtf8();
    account.timeoutMs = kTimeoutMs;
    account.requireTls = settings.imap.startTls;
    account.policy = policy;
    if (Status valid = account.validate(); !valid)
        return valid.error();
    return std::shared_ptr<MailReader>(std::make_shared<ImapMailReader>(std::move(account)));
}

Result<qint64> ImapMailReader::open()
{
    const Result<MailboxStatus> status = m_mailbox.open();
    if (!status)
        return status.error();
    return status->uidValidity;
}

} // namespace tierdesk
