#pragma once

#include "ui/client/ApiReply.h"
#include "ui/client/EventStream.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

namespace tierdesk::ui {

// The console's only way to the engine: the CS REST API and its WebSocket, on
// the GUI thread and fully asynchronous. Every call returns an ApiReply that
// finishes later; nothing here waits.
class ApiClient : public QObject {
    Q_OBJECT

public:
    // A call gets no answer within this long: it fails as a network error.
    static constexpr int kTimeoutMs = 15000;
    // A call that waits for a language model (AI help at the desk) may take longer.
    static constexpr int kModelTimeoutMs = 90000;
    // A customer import (up to 50 MB, written 500 rows a turn) may take longer still.
    static constexpr int kImportTimeoutMs = 600000;

    explicit ApiClient(QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_base; }
    // The bearer token; the company is read from it until the server says.
    void setToken(const QByteArray &token);
    QByteArray token() const { return m_token; }
    QString companyId() const { return m_companyId; }
    // The logged-in agent as login / setup / me answered ({} before).
    const QJsonObject &agent() const { return m_agent; }
    QString agentId() const { return m_agent.value(QLatin1String("id")).toString(); }
    // The signed-in company {"id","name","createdAt"} as login / setup / me answered.
    const QJsonObject &company() const { return m_company; }
    QString companyName() const { return m_company.value(QLatin1String("name")).toString(); }

    // Any method and path under the base URL (query already in `path` or given).
    ApiReply *send(const QByteArray &method, const QString &path, const QJsonObject &body = {},
        const QUrlQuery &query = {}, bool withBody = false);

    // A GET whose answer is no JSON (a call's recording), with the token and `headers` (a Range):
    // the reply as it comes, for the caller to read and delete; a 401 still says unauthorized().
    QNetworkReply *download(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {});

    // The signed-in company's CS config (agents and above), and (admin) a PUT of the sections in `patch`,
    // which the server merges into what it has. Each answer for the signed-in company says configChanged().
    ApiReply *config();
    ApiReply *putConfig(const QJsonObject &patch);
    // The signed-in company's currency (ISO 4217, the config's company.currency) as the last config read
    // or written through this client says ("USD", the server's default, before one is read). The status
    // bar's desk hours read the config at sign-in and every few minutes.
    QString currency() const;

    // auth
    ApiReply *authStatus();
    ApiReply *setup(const QString &email, const QString &password, const QString &name, const QByteArray &secret);
    // Keeps the token and agent; sends this machine's name as the sign-in's device. An agent with a
    // second factor is answered {"mfaRequired", "challenge", "expiresAt"} (no token yet): loginMfa().
    ApiReply *login(const QString &email, const QString &password);
    ApiReply *me();
    ApiReply *agents();
    ApiReply *setPresence(const QString &presence);
    // Staff sign-in (ApiClientSignIn.cpp). The login's second step with the authenticator's code or a
    // recovery code; a second factor set up (201 {secret, otpauthUrl}), confirmed with its first code
    // ({recoveryCodes}, and a full login kept in place of a token that could only set one up),
    // removed with a code; an admin's removal of an agent's.
    ApiReply *loginMfa(const QString &challenge, const QString &code);
    ApiReply *enrolMfa();
    ApiReply *confirmMfa(const QString &code);
    ApiReply *removeMfa(const QString &code);
    ApiReply *removeAgentMfa(const QString &agentId);
    // The signed-in person's sign-ins ({sessions: [...]}) and the end of one; an admin's view and
    // end of an agent's. logout() ends the session of `token` (sent without the client's own, so its
    // 401 ends nothing here).
    ApiReply *signInSessions();
    ApiReply *endSignInSession(const QString &sessionId);
    ApiReply *logout(const QByteArray &token);
    ApiReply *agentSignInSessions(const QString &agentId);
    ApiReply *endAgentSignInSessions(const QString &agentId);
    // The company's single sign-on (admin): GET answers 404 when none is set.
    ApiReply *oidcSettings();
    ApiReply *putOidcSettings(const QJsonObject &settings);
    // Where the system browser starts a single sign-on into `companyId` that ends at `redirect`.
    QUrl oidcStartUrl(const QString &companyId, const QUrl &redirect, const QString &loginHint) const;
    // This machine's name, the device a sign-in names.
    static QString deviceName();
    // The signed-in supervisor's or admin's weekly summary by e-mail; kept in agent() once saved.
    ApiReply *setWeeklySummary(bool on);
    // An agent's capacity (admin): the conversations automatic assignment gives them at once.
    ApiReply *setAgentCapacity(const QString &agentId, int capacity);
    // companies: a new one with its first admin (the answer holds that admin's login; the
    // client's own token stays), and a new name for the signed-in one
    ApiReply *createCompany(const QString &name, const QJsonObject &admin, bool copyConfig);
    ApiReply *renameCompany(const QString &name);
    // desk
    struct QueueQuery {
        QString queue;
        QString assignee; // me | none | <agentId>
        int limit = 500;
        bool snoozed = false; // the snoozed items instead of the others
    };
    ApiReply *queue(const QueueQuery &q);
    ApiReply *session(const QString &id);
    ApiReply *claim(const QString &id);
    ApiReply *release(const QString &id);
    // Out of the queue until `until` (at most 30 days ahead), or until the customer writes.
    ApiReply *snooze(const QString &id, const QDateTime &until);
    ApiReply *assign(const QString &id, const QString &agentId);
    ApiReply *sendMessage(const QString &id, const QString &content, bool internal, const QString &basedOn, bool force);
    ApiReply *transfer(const QString &id, const QString &targetTier, const QString &queue, const QString &notes);
    ApiReply *resolve(const QString &id, const QString &type, const QString &summary);
    // A person's refund ("refund", with orderId) or credit ("credit") on the session's customer.
    ApiReply *act(const QString &id, const QString &type, const QString &orderId, double amount, const QString &reason);
    // The closing message a resolve sends the customer, worded for the caller; and a resolve with
    // the agent's own closing message instead ("": none).
    ApiReply *closingMessage(const QString &id);
    ApiReply *resolve(const QString &id, const QString &type, const QString &summary, const QString &closingMessage);
    // The caller's mentions in colleagues' notes, newest first; one marked read.
    ApiReply *mentions(bool unreadOnly);
    ApiReply *markMentionRead(const QString &mentionId);
    ApiReply *cannedResponses();
    ApiReply *renderCanned(const QString &cannedId, const QString &sessionId);
    // Supervisors and admins: {"shortcut","title","content"}, a new one when `id` is empty.
    // Each success says cannedResponsesChanged().
    ApiReply *saveCanned(const QString &id, const QJsonObject &fields);
    ApiReply *deleteCanned(const QString &id);
    // knowledge base: a ranked search when `query` is set
    ApiReply *kbList(const QString &query, const QString &category, int limit = 100);
    ApiReply *kbArticle(qint64 id);
    ApiReply *kbSave(qint64 id, const QJsonObject &article); // id 0: a new article
    ApiReply *kbDelete(qint64 id);
    // The passages the AI reads for `query` (GET /kb/search), best first.
    ApiReply *kbSearch(const QString &query, int limit = 5);
    // What customers asked that the knowledge did not answer, grouped (GET /kb/gaps): of the last
    // `days` days, or all time for 0; a group's draft article; a group dismissed.
    ApiReply *kbGaps(int days);
    ApiReply *kbGapDraft(const QString &id);
    ApiReply *kbGapDismiss(const QString &id);
    // The company's help center (admin): its sources, one with its running sync's progress, a new
    // one ({"kind": "website" | "zendesk", "url", ...}, queued), a sync now, and a removal (the
    // articles it brought go with it).
    ApiReply *kbSources();
    ApiReply *kbSource(qint64 id);
    ApiReply *kbAddSource(const QJsonObject &source);
    ApiReply *kbSyncSource(qint64 id);
    ApiReply *kbDeleteSource(qint64 id);
    // Files made articles (admin): multipart/form-data, one `file` part each. The answer
    // {"articles", "failed": [{"file", "error"}]} succeeds even when no file could be read (the
    // server's 400 with that body: status() says which).
    struct KbFile {
        QString fileName;
        QByteArray bytes;
    };
    ApiReply *kbUploadFiles(const QList<KbFile> &files);
    // the company's customers: a page of a search (`query` matches id, name, e-mail or phone),
    // one customer, and (admin) a new or replaced profile, an import, an erasure
    ApiReply *customers(const QString &query, int limit, int offset);
    ApiReply *customer(const QString &id);
    ApiReply *saveCustomer(const QString &id, const QJsonObject &fields);
    // `contentType` "text/csv" or "application/x-ndjson"; a dry run reports and writes nothing.
    ApiReply *importCustomers(const QByteArray &data, const QByteArray &contentType, bool dryRun);
    ApiReply *eraseCustomer(const QString &id);
    // The customer's conversations, newest first (at most `limit`, 1 to 200).
    ApiReply *customerSessions(const QString &customerId, int limit);
    // The sessions of one reason for contact (analytics' contactReasons[].reason) started in whole
    // days [from, to] (UTC), newest first, at most `limit` (1 to 200): {"sessions", "total", ...}.
    ApiReply *reasonSessions(const QString &reason, const QDate &from, const QDate &to, int limit);
    // analytics over whole days [from, to] (UTC); groupBy "day", "week", "month" or empty
    ApiReply *analytics(const QDate &from, const QDate &to, const QString &groupBy);
    // language-model providers (admin): {"providers": [...]}; `provider` is the POST body
    // ({name, kind, baseUrl, apiKey?, timeoutMs?, priceInput?, priceOutput?}); the test
    // answers {name, model, ok, latencyMs, tokens, answer | error}
    ApiReply *aiProviders();
    ApiReply *addAiProvider(const QJsonObject &provider);
    ApiReply *removeAiProvider(const QString &name);
    // Waits up to the provider's own timeout (`waitMs`) and a little more.
    ApiReply *testAiProvider(const QString &name, const QString &model, int waitMs = kTimeoutMs);
    // the company's connectors to its own systems (admin): {"connectors": [...]}; PUT answers
    // the connector as stored; the test {ok, result | error, latencyMs, request, status?}
    // waits up to the connector's own timeout (`waitMs`) and a little more; the call log
    // {"calls": [...]}, newest first
    ApiReply *connectors();
    ApiReply *putConnector(const QString &name, const QJsonObject &connector);
    ApiReply *removeConnector(const QString &name);
    ApiReply *testConnector(const QString &name, const QString &purpose, const QJsonObject &input, int waitMs);
    ApiReply *connectorCalls(const QString &name, int limit);
    // AI help at the desk: task "draft" | "summary" | "translate" | "improve"; `language`
    // (the target of a translation) and `text` only when given
    ApiReply *assist(const QString &sessionId, const QString &task, const QString &text, const QString &language);

    // inbox channels: a session's mails and texts with their delivery ({"thread", "messages"}), and
    // (admin) the company's mailbox and Twilio account; secrets are write-only
    ApiReply *sessionChannel(const QString &sessionId);
    ApiReply *emailChannel();
    ApiReply *putEmailChannel(const QJsonObject &mailbox);
    ApiReply *removeEmailChannel();
    // Fetches the mailbox now ({"fetched"}); the console's "Fetch now".
    ApiReply *pollEmailChannel();
    ApiReply *webChannel();
    ApiReply *putWebChannel(const QJsonObject &settings);
    ApiReply *newWebIdentitySecret();
    ApiReply *twilioChannel();
    ApiReply *putTwilioChannel(const QJsonObject &account);
    ApiReply *removeTwilioChannel();
    // A mail's attachment or original (GET /sessions/:id/files/:fileId), for the caller to read and delete.
    QNetworkReply *sessionFile(const QString &sessionId, const QString &fileId);
    // A file sent in the web chat (GET /sessions/:id/attachments/:id), for the caller to read and delete;
    // and one sent to the customer as a reply (POST /sessions/:id/attachments; ApiClientFiles.cpp).
    QNetworkReply *sessionAttachment(const QString &sessionId, const QString &fileId);
    ApiReply *sendAttachment(const QString &sessionId, const QString &fileName, const QByteArray &bytes);

    // Live events: the WebSocket follows the token and base URL in use.
    EventStream &events() { return m_events; }
    void startEvents();
    void stopEvents() { m_events.stop(); }

    // The company claim of a JWT, unverified (the server checks it).
    static QString companyOfToken(const QByteArray &token);
    static ApiError errorFrom(int status, const QByteArray &body, const QString &networkError);

    // The server said its database cannot be reached (503, reason "connection": team mode on
    // PostgreSQL while it reconnects); ends at the next answer that is not that.
    bool storeReconnecting() const { return m_storeReconnecting; }

signals:
    // A call made with the token in use was answered 401: the token is gone or expired.
    void unauthorized();
    void storeReconnectingChanged(bool reconnecting);
    void agentChanged();
    // A canned response was made, changed or deleted from this console: lists of them reload.
    void cannedResponsesChanged();
    // The signed-in company's config as a GET or PUT of it through this client just answered.
    void configChanged(const QJsonObject &config);

private:
    // ?companyId= of the signed-in company, which most routes take.
    QUrlQuery companyQuery() const { return QUrlQuery{{QStringLiteral("companyId"), m_companyId}}; }
    void keepAgent(const QJsonObject &body, bool withToken);
    ApiReply *keepingConfig(ApiReply *reply);
    // withToken false: sent without the bearer token (login, setup), so its 401 is no session's end.
    ApiReply *request(const QByteArray &method, const QString &path, const QJsonObject &body, const QUrlQuery &query,
        bool withBody, const QList<QPair<QByteArray, QByteArray>> &headers, bool withToken = true,
        int timeoutMs = kTimeoutMs);

    // A request of `path` under the base URL, with the token and a transfer timeout.
    QNetworkRequest prepare(const QString &path, const QUrlQuery &query, const QByteArray &token, int timeoutMs) const;
    // The answer of `reply` finishes the returned ApiReply. `answerOn400`: a 400 whose body holds
    // no error object is an answer, not a refusal (POST /kb/files when no file could be read).
    ApiReply *track(QNetworkReply *reply, const QByteArray &token, bool answerOn400 = false);
    // A Content-Disposition value for one file part: its name in UTF-8 (as the server reads it),
    // quoted, without the line breaks that would end the header.
    static QByteArray fileDisposition(const QString &fileName);
    void noteStoreState(int status, const ApiError *error);

    QNetworkAccessManager m_nam;
    bool m_storeReconnecting = false;
    QUrl m_base;
    QByteArray m_token;
    QString m_companyId;
    QJsonObject m_agent;
    QJsonObject m_company;
    QString m_currency; // of m_currencyOf's config
    QString m_currencyOf;
    EventStream m_events;
};

} // namespace tierdesk::ui
