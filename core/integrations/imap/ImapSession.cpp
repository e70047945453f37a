#include "core/integrations/imap/ImapSession.h"

#include "core/integrations/imap/ImapParser.h"

#include <curl/curl.h>

#include <QFile>

#include <cstring>
#include <mutex>
#include <optional>

namespace tierdesk {

// One transfer's request and what the callbacks gathered.
struct ImapTransfer {
    enum class Kind { Command, Download, Upload };

    Kind kind = Kind::Command;
    QByteArray url;
    QByteArray command; // Kind::Command
    QByteArray upload; // Kind::Upload
    qint64 maxBody = 0; // Kind::Download
    qsizetype uploaded = 0;
    ImapReply reply;
    QByteArray partial; // the line being received
    qsizetype lineBytes = 0;
    std::optional<Error> abort; // why a callback stopped the transfer

    void restart()
    {
        uploaded = 0;
        reply = {};
        partial.clear();
        lineBytes = 0;
        abort.reset();
    }
};

namespace {

constexpr long kMinServerResponseSeconds = 1;

bool take(ImapTransfer *t, QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    t->lineBytes += line.size();
    if (t->lineBytes > ImapSession::kMaxReplyBytes) {
        t->abort = makeError(ErrorKind::Unavailable,
            QStringLiteral("the IMAP server's answer exceeded %1 bytes").arg(ImapSession::kMaxReplyBytes));
        return false;
    }
    if (t->kind == ImapTransfer::Kind::Download) {
        // libcurl is selecting the mailbox itself (a new connection): its FETCH would set \Seen.
        if (ImapParser::isUntagged(line) && ImapParser::responseCode(line, "UIDVALIDITY")) {
            t->abort = makeError(ErrorKind::Conflict, QStringLiteral("the IMAP connection was renewed"));
            return false;
        }
        const auto literal = ImapParser::literalSize(line);
        if (literal && ImapParser::fetch(line)) {
            if (*literal > t->maxBody) {
                t->abort = makeError(ErrorKind::LimitExceeded,
                    QStringLiteral("the message is %1 bytes, over the limit of %2").arg(*literal).arg(t->maxBody));
                return false;
            }
            t->reply.body.reserve(static_cast<qsizetype>(*literal));
        }
    }
    t->reply.lines.append(line);
    return true;
}

size_t onHeader(char *data, size_t size, size_t count, void *user)
{
    auto *t = static_cast<ImapTransfer *>(user);
    const size_t n = size * count;
    t->partial.append(data, static_cast<qsizetype>(n));
    for (qsizetype end = t->partial.indexOf('\n'); end >= 0; end = t->partial.indexOf('\n')) {
        const QByteArray line = t->partial.left(end);
        t->partial.remove(0, end + 1);
        if (!take(t, line))
            return 0;
    }
    if (t->partial.size() > ImapSession::kMaxLineBytes) {
        t->abort = makeError(ErrorKind::Unavailable,
            QStringLiteral("the IMAP server sent a line over %1 bytes").arg(ImapSession::kMaxLineBytes));
        return 0;
    }
    return n;
}

size_t onBody(char *data, size_t size, size_t count, void *user)
{
    auto *t = static_cast<ImapTransfer *>(user);
    const size_t n = size * count;
    if (t->kind != ImapTransfer::Kind::Download)
        return n; // a command's untagged answers once more: the header callback has them
    if (t->reply.body.size() + static_cast<qint64>(n) > t->maxBody) {
        t->abort = makeError(
            ErrorKind::LimitExceeded, QStringLiteral("the message exceeds the limit of %1 bytes").arg(t->maxBody));
        return 0;
    }
    t->reply.body.append(data, static_cast<qsizetype>(n));
    return n;
}

size_t onUpload(char *buffer, size_t size, size_t count, void *user)
{
    auto *t = static_cast<ImapTransfer *>(user);
    const size_t n = qMin(size * count, static_cast<size_t>(t->upload.size() - t->uploaded));
    std::memcpy(buffer, t->upload.constData() + t->uploaded, n);
    t->uploaded += static_cast<qsizetype>(n);
    return n;
}

// The last tagged NO or BAD of a transfer: the server's reason for refusing.
std::optional<ImapParser::Tagged> refusal(const ImapReply &reply)
{
    for (auto it = reply.lines.crbegin(); it != reply.lines.crend(); ++it) {
        const auto tagged = ImapParser::tagged(*it);
        if (tagged && tagged->status != "OK")
            return tagged;
    }
    return std::nullopt;
}

bool hasCode(const std::optional<ImapParser::Tagged> &tagged, const char *code)
{
    const QByteArray prefix = QByteArray("[") + code;
    return tagged && tagged->text.startsWith(prefix);
}

// A connection that broke while it was idle in the pool: the command can be sent again on a new one.
bool brokenReusedConnection(CURLcode rc)
{
    return rc == CURLE_SEND_ERROR || rc == CURLE_RECV_ERROR || rc == CURLE_GOT_NOTHING;
}

} // namespace

ImapSession::ImapSession(ImapAccount account) : m_account(std::move(account)), m_guard(m_account.policy)
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_curl.reset(curl_easy_init());
    configure();
}

ImapSession::~ImapSession() = default;

void ImapSession::configure()
{
    CURL *c = m_curl.get();
    if (!c)
        return;
    const bool implicitTls = m_account.url.scheme() == QLatin1String("imaps");
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "imap,imaps");
    curl_easy_setopt(c, CURLOPT_PROXY, "");
    m_guard.install(c);
    curl_easy_setopt(c, CURLOPT_USE_SSL,
        implicitTls || m_account.requireTls ? static_cast<long>(CURLUSESSL_ALL) : static_cast<long>(CURLUSESSL_TRY));
    curl_easy_setopt(c, CURLOPT_USERNAME, m_account.username.toUtf8().constData());
    if (m_account.oauth2Token.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_PASSWORD, m_account.password.constData());
    } else {
        curl_easy_setopt(c, CURLOPT_XOAUTH2_BEARER, m_account.oauth2Token.constData());
        curl_easy_setopt(c, CURLOPT_LOGIN_OPTIONS, "AUTH=XOAUTH2");
    }
    if (!m_account.caCertificates.isEmpty())
        curl_easy_setopt(c, CURLOPT_CAINFO, QFile::encodeName(m_account.caCertificates).constData());
    const long timeoutMs = m_account.timeoutMs;
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, timeoutMs);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeoutMs);
    // Also bounds the LOGOUT sent when a connection is closed (the overall timeout does not).
    curl_easy_setopt(c, CURLOPT_SERVER_RESPONSE_TIMEOUT, qMax(kMinServerResponseSeconds, timeoutMs / 1000));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L); // the connection idles between polls
    curl_easy_setopt(c, CURLOPT_MAXCONNECTS, 1L);
    curl_easy_setopt(c, CURLOPT_BUFFERSIZE, kCurlBufferBytes);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, m_errbuf);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, &onUpload);
}

void ImapSession::disconnect()
{
    m_curl.reset(curl_easy_init());
    configure();
    m_connected = false;
    m_mode = Mode::None;
    m_curlSelected = false;
    m_exists = -1;
}

void ImapSession::expectUidValidity(qint64 uidValidity)
{
    m_expectedUidValidity = uidValidity;
    m_changedUidValidity = 0;
}

Result<ImapReply> ImapSession::examine()
{
    ImapTransfer t;
    t.url = m_account.mailboxUrl();
    t.command = "EXAMINE \"" + m_account.mailbox().toLatin1() + '"';
    auto reply = perform(t);
    if (reply)
        m_mode = Mode::ReadOnly; // EXAMINE is read-only whatever the server's code says
    return reply;
}

Status ImapSession::select(Access access)
{
    if (access == Access::Any
        || (m_curlSelected && m_mode == (access == Access::ReadOnly ? Mode::ReadOnly : Mode::ReadWrite)))
        return Ok{};
    if (access == Access::ReadOnly) {
        const auto reply = examine();
        return reply ? Status(Ok{}) : Status(reply.error());
    }
    ImapTransfer t;
    t.url = m_account.mailboxUrl();
    t.command = "SELECT \"" + m_account.mailbox().toLatin1() + '"';
    const auto reply = perform(t);
    if (!reply)
        return reply.error();
    if (m_mode == Mode::ReadOnly)
        return makeError(ErrorKind::Forbidden,
            QStringLiteral("the IMAP server %1 opens the mailbox %2 read-only: its flags cannot be set")
                .arg(m_account.server(), m_account.mailbox()));
    m_mode = Mode::ReadWrite;
    return Ok{};
}

Result<ImapReply> ImapSession::command(const QByteArray &command, Access access)
{
    if (const Status s = select(access); !s)
        return s.error();
    ImapTransfer t;
    t.url = m_account.mailboxUrl();
    t.command = command;
    return perform(t);
}

Result<ImapReply> ImapSession::download(qint64 uid, const QByteArray &section, qint64 maxBytes)
{
    ImapTransfer t;
    t.kind = ImapTransfer::Kind::Download;
    t.url = m_account.mailboxUrl() + "/;UID=" + QByteArray::number(uid);
    if (!section.isEmpty())
        t.url += "/;SECTION=" + section;
    t.maxBody = maxBytes;
    for (int attempt = 0;; ++attempt) {
        if (const Status s = select(Access::ReadOnly); !s)
            return s.error();
        auto reply = perform(t);
        if (reply || reply.error().kind != ErrorKind::Conflict || attempt > 0)
            return reply;
        t.restart();
    }
}

Result<ImapReply> ImapSession::upload(const QByteArray &message)
{
    // A kept connection the server closed (a restart's "* BYE") still looks alive to libcurl until
    // it is used. A command may be sent again on a new one, a message may not (it could arrive
    // twice): so a NOOP finds out first.
    if (m_connected) {
        if (const auto alive = command("NOOP"); !alive)
            return alive.error();
    }
    ImapTransfer t;
    t.kind = ImapTransfer::Kind::Upload;
    t.url = m_account.mailboxUrl();
    t.upload = message;
    return perform(t);
}

Error ImapSession::uidValidityChanged() const
{
    return makeError(ErrorKind::NotFound,
        QStringLiteral("the mailbox %1's UIDVALIDITY changed from %2 to %3: its UIDs name other messages now")
            .arg(m_account.mailbox())
            .arg(m_expectedUidValidity)
            .arg(m_changedUidValidity));
}

Result<ImapReply> ImapSession::perform(ImapTransfer &transfer)
{
    if (m_changedUidValidity != 0)
        return uidValidityChanged();
    for (int attempt = 0;; ++attempt) {
        if (!m_curl)
            return makeError(ErrorKind::Unavailable, QStringLiteral("libcurl could not make a handle"));
        int rc = CURLE_OK;
        bool newConnection = false;
        auto reply = performOnce(transfer, &rc, &newConnection);
        // Sending a command again is harmless (they are idempotent); sending a message again is not.
        const bool retry = !reply && attempt == 0 && !newConnection && !transfer.abort
            && transfer.kind != ImapTransfer::Kind::Upload && brokenReusedConnection(static_cast<CURLcode>(rc));
        if (!retry)
            return reply;
        transfer.restart();
    }
}

Result<ImapReply> ImapSession::performOnce(ImapTransfer &t, int *curlCode, bool *newConnection)
{
    CURL *c = m_curl.get();
    const bool upload = t.kind == ImapTransfer::Kind::Upload;
    curl_easy_setopt(c, CURLOPT_URL, t.url.constData());
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, t.kind == ImapTransfer::Kind::Command ? t.command.constData() : nullptr);
    curl_easy_setopt(c, CURLOPT_UPLOAD, upload ? 1L : 0L);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, upload ? static_cast<curl_off_t>(t.upload.size()) : curl_off_t{-1});
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_READDATA, &t);
    m_errbuf[0] = '\0';
    m_guard.reset();
    const CURLcode rc = curl_easy_perform(c);
    long connects = 0;
    curl_easy_getinfo(c, CURLINFO_NUM_CONNECTS, &connects);
    *curlCode = rc;
    *newConnection = connects > 0;
    observe(t, connects > 0);
    if (rc != CURLE_OK) {
        const Error error = failure(rc, t);
        disconnect(); // libcurl closes a connection whose transfer failed; start afresh
        return error;
    }
    if (m_changedUidValidity != 0)
        return uidValidityChanged();
    m_connected = true;
    if (!upload)
        m_curlSelected = true; // libcurl selected the mailbox, or found it selected
    return std::move(t.reply);
}

void ImapSession::observe(const ImapTransfer &t, bool newConnection)
{
    if (newConnection) {
        // On a new connection libcurl SELECTs the mailbox itself before anything but an APPEND.
        m_mode = t.kind == ImapTransfer::Kind::Upload ? Mode::None : Mode::ReadWrite;
        m_curlSelected = false;
        m_exists = -1;
    }
    for (const QByteArray &line : t.reply.lines) {
        if (const auto tagged = ImapParser::tagged(line)) {
            if (tagged->status == "OK" && tagged->text.startsWith("[READ-ONLY]"))
                m_mode = Mode::ReadOnly;
            else if (tagged->status == "OK" && tagged->text.startsWith("[READ-WRITE]"))
                m_mode = Mode::ReadWrite;
            continue;
        }
        if (const auto exists = ImapParser::untaggedCount(line, "EXISTS"))
            m_exists = *exists;
        else if (ImapParser::untaggedCount(line, "EXPUNGE") && m_exists > 0)
            --m_exists;
        else if (const auto code = ImapParser::responseCode(line, "UIDVALIDITY");
                 code && ImapParser::isUntagged(line)) {
            const auto uidValidity = ImapParser::number(*code);
            if (m_expectedUidValidity != 0 && uidValidity && *uidValidity != m_expectedUidValidity)
                m_changedUidValidity = *uidValidity;
        }
    }
}

Error ImapSession::failure(int curlCode, const ImapTransfer &t) const
{
    if (t.abort)
        return *t.abort;
    const auto rc = static_cast<CURLcode>(curlCode);
    const auto no = refusal(t.reply);
    const QString server = m_account.server();
    const QString said = no ? QStringLiteral(" (\"%1\")").arg(ImapParser::quote(no->text)) : QString();
    const QString detail = QString::fromUtf8(m_errbuf[0] ? m_errbuf : curl_easy_strerror(rc));
    const auto unavailable = [](const QString &message) { return makeError(ErrorKind::Unavailable, message); };
    if (m_guard.refusedAll())
        return unavailable(
            QStringLiteral("the IMAP server %1 is at an address not allowed: %2").arg(server, m_guard.firstRefusal()));
    if (hasCode(no, "NONEXISTENT") || hasCode(no, "TRYCREATE"))
        return makeError(ErrorKind::NotFound,
            QStringLiteral("the IMAP server %1 has no mailbox %2%3").arg(server, m_account.mailbox(), said));
    if (hasCode(no, "NOPERM"))
        return makeError(ErrorKind::Forbidden,
            QStringLiteral("the IMAP server %1 does not let %2 use the mailbox %3%4")
                .arg(server, m_account.username, m_account.mailbox(), said));
    if (hasCode(no, "UNAVAILABLE") || hasCode(no, "INUSE") || hasCode(no, "LIMIT") || hasCode(no, "SERVERBUG"))
        return unavailable(QStringLiteral("the IMAP server %1 cannot serve now%2").arg(server, said));
    switch (rc) {
    case CURLE_LOGIN_DENIED:
        // libcurl 7.88 gives this code to its own SELECT's failure too (lib/imap.c, "Select failed"),
        // and Dovecot refuses a missing mailbox without a response code.
        if (std::strncmp(m_errbuf, "Select failed", 13) == 0)
            return makeError(ErrorKind::NotFound,
                QStringLiteral("the IMAP server %1 has no mailbox %2 that %3 may open%4")
                    .arg(server, m_account.mailbox(), m_account.username, said));
        return makeError(ErrorKind::Unauthenticated,
            QStringLiteral("the IMAP server %1 refused the sign-in of %2: wrong user name, %3%4")
                .arg(server, m_account.username,
                    m_account.oauth2Token.isEmpty() ? QStringLiteral("or password") : QStringLiteral("or token"),
                    said));
    case CURLE_REMOTE_FILE_NOT_FOUND:
        return makeError(ErrorKind::NotFound,
            QStringLiteral("the mailbox %1 on %2 has no such message").arg(m_account.mailbox(), server));
    case CURLE_QUOTE_ERROR:
        return unavailable(QStringLiteral("the IMAP server %1 refused %2%3")
                               .arg(server, ImapParser::quote(t.command.left(t.command.indexOf(' ', 4))), said));
    case CURLE_UPLOAD_FAILED:
        return unavailable(QStringLiteral("the IMAP server %1 refused the message%2").arg(server, said));
    case CURLE_COULDNT_RESOLVE_HOST:
        return unavailable(QStringLiteral("cannot find the IMAP server %1: %2").arg(server, detail));
    case CURLE_COULDNT_CONNECT:
        return unavailable(QStringLiteral("cannot connect to the IMAP server %1: %2").arg(server, detail));
    case CURLE_OPERATION_TIMEDOUT:
        return unavailable(
            QStringLiteral("the IMAP server %1 did not answer within %2 ms").arg(server).arg(m_account.timeoutMs));
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
        return unavailable(QStringLiteral("the connection to the IMAP server %1 was lost: %2").arg(server, detail));
    case CURLE_USE_SSL_FAILED:
        return unavailable(
            QStringLiteral("the IMAP server %1 does not offer STARTTLS, which the account requires").arg(server));
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
        return unavailable(QStringLiteral("TLS with the IMAP server %1 failed: %2").arg(server, detail));
    case CURLE_WEIRD_SERVER_REPLY:
        return unavailable(QStringLiteral("the IMAP server %1 answered what cannot be read: %2").arg(server, detail));
    default:
        break;
    }
    return unavailable(QStringLiteral("talking to the IMAP server %1 failed: %2%3").arg(server, detail, said));
}

} // namespace tierdesk
