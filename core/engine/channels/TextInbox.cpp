#include "core/engine/channels/TextInbox.h"

#include "core/common/Ids.h"
#include "core/store/Store.h"

#include <QPointer>

namespace tierdesk {
namespace {

QString textKind(const InboundText &t)
{
    return t.whatsapp() ? QStringLiteral("whatsapp") : QStringLiteral("sms");
}

MessageMeta textMeta(const InboundText &t)
{
    ChannelMeta c;
    c.kind = textKind(t);
    c.from = t.profileName.isEmpty() ? TwilioSettings::bareNumber(t.from)
                                     : QStringLiteral("%1 (%2)").arg(t.profileName, TwilioSettings::bareNumber(t.from));
    c.to = QStringList{TwilioSettings::bareNumber(t.to)};
    for (const QString &url : t.mediaUrls)
        c.attachments.append({QString(), url, QString(), 0, false});
    MessageMeta meta;
    meta.channel = c;
    return meta;
}

// What the engine reads: the text, or what stands for media sent alone.
QString engineText(const InboundText &t)
{
    const QString body = t.body.trimmed();
    if (!body.isEmpty() || t.mediaUrls.isEmpty())
        return body.left(TextInbox::kMaxBodyChars);
    return t.mediaUrls.size() == 1 ? QStringLiteral("(a picture or file)")
                                   : QStringLiteral("(%1 pictures or files)").arg(t.mediaUrls.size());
}

} // namespace

TextInbox::TextInbox(SessionEngine &engine, ChannelAccounts &accounts, ChannelSessions &sessions, QObject *parent)
    : QObject(parent), m_engine(engine), m_accounts(accounts), m_sessions(sessions)
{
}

Result<ChannelMessageRow> TextInbox::claim(const InboundText &t)
{
    const qint64 now = m_engine.clock().nowMs();
    ChannelMessageRow row;
    row.id = ids::random(QStringLiteral("chm_"));
    row.companyId = t.companyId;
    row.direction = QStringLiteral("in");
    row.kind = textKind(t);
    row.externalId = t.messageSid;
    row.peer = t.from;
    row.status = QStringLiteral("received");
    // Kept until posted, so a restart between the two posts it still.
    row.detail = {{QStringLiteral("to"), t.to}, {QStringLiteral("body"), t.body.left(kMaxBodyChars)},
        {QStringLiteral("profileName"), t.profileName}, {QStringLiteral("media"), t.mediaUrls.mid(0, kMaxMediaUrls)}};
    row.createdAt = row.updatedAt = now;
    Store &store = m_engine.core().store();
    Result<bool> inserted = false;
    store.batch().run([&] {
        inserted = store.channels().insertMessage(row);
        return bool(inserted);
    });
    if (!inserted)
        return inserted.error();
    if (!inserted.value())
        return makeError(ErrorKind::Conflict, QStringLiteral("this MessageSid is stored already"));
    return row;
}

void TextInbox::receive(const InboundText &t, QObject *context, std::function<void(Status)> done)
{
    const Result<TwilioSettings> account = m_accounts.twilio(t.companyId);
    if (!account) {
        done(account.error());
        return;
    }
    if (!account->numbers.contains(t.to)) {
        done(makeError(ErrorKind::InvalidArgument,
            QStringLiteral("%1 is not one of the company's numbers").arg(t.to.left(40)),
            {{QStringLiteral("field"), QStringLiteral("To")}}));
        return;
    }
    if (t.messageSid.isEmpty() || t.from.isEmpty()) {
        done(makeError(ErrorKind::InvalidArgument, QStringLiteral("MessageSid and From are required")));
        return;
    }
    Result<ChannelMessageRow> row = claim(t);
    if (!row) {
        // Twilio sends a text again when our answer was late: the first is the one kept.
        done(row.error().kind == ErrorKind::Conflict ? Status(Ok{}) : Status(row.error()));
        return;
    }
    place(t, row->id, context, std::move(done));
}

void TextInbox::place(const InboundText &t, const QString &rowId, QObject *context, std::function<void(Status)> done)
{
    const QString kind = textKind(t);
    // "5" to "How did we do? Reply 1 to 5": the rating of the resolved session, not a new message.
    if (m_engine.surveys().answerText(t.companyId, kind, t.from, t.body, rowId)) {
        done(Ok{});
        return;
    }
    if (const auto thread = m_engine.core().store().channels().openThread(t.companyId, kind, t.from)) {
        postTo(*thread, t, rowId, context, std::move(done));
        return;
    }
    ChannelSessions::NewThread req{t.companyId,
        {kind, t.from, t.profileName, QString(), TwilioSettings::bareNumber(t.from)}, t.to, QString(),
        t.whatsapp() ? Channel::Chat : Channel::Sms, QVariantMap()};
    if (t.whatsapp())
        req.metadata.insert(QStringLiteral("source"), QStringLiteral("whatsapp"));
    QPointer<QObject> guard(context);
    m_sessions.openThread(req, this, [this, t, rowId, guard, done = std::move(done)](Result<ChannelThread> thread) {
        if (!thread) {
            done(thread.error());
            return;
        }
        postTo(*thread, t, rowId, guard, done);
    });
}

void TextInbox::postTo(const ChannelThread &thread, const InboundText &t, const QString &rowId, QObject *context,
    std::function<void(Status)> done)
{
    // The webhook is answered once the text is committed; the AI's reply follows on its own.
    m_sessions.post(thread, engineText(t), textMeta(t), rowId, context,
        [done = std::move(done)](Result<QString> posted) { done(posted ? Status(Ok{}) : Status(posted.error())); });
}

QStringList TextInbox::unposted()
{
    return m_engine.core().store().channels().unpostedInbound(
        {QStringLiteral("sms"), QStringLiteral("whatsapp")}, ChannelRepo::kMaxRows);
}

int TextInbox::resume(const QStringList &ids, QObject *context)
{
    int resumed = 0;
    for (const QString &id : ids) {
        const std::optional<ChannelMessageRow> row = m_engine.core().store().channels().message(id);
        if (!row || row->status != QLatin1String("received"))
            continue;
        // The text as claim() kept it.
        const InboundText t{row->companyId, row->externalId, row->peer,
            row->detail.value(QStringLiteral("to")).toString(), row->detail.value(QStringLiteral("body")).toString(),
            row->detail.value(QStringLiteral("profileName")).toString(),
            row->detail.value(QStringLiteral("media")).toStringList()};
        ++resumed;
        place(t, row->id, context, [id](Status s) {
            if (!s)
                qWarning("text %s received before a restart is still not posted: %s", qPrintable(id),
                    qPrintable(s.error().message));
        });
    }
    return resumed;
}

void TextInbox::status(const TextStatus &s)
{
    static const QStringList kFinal{
        QStringLiteral("delivered"), QStringLiteral("undelivered"), QStringLiteral("failed"), QStringLiteral("read")};
    if (!kFinal.contains(s.status))
        return;
    Store &store = m_engine.core().store();
    std::optional<ChannelMessageRow> row = store.channels().messageByExternalId(s.companyId, s.messageSid);
    if (!row || row->direction != QLatin1String("out"))
        return;
    row->status = s.status == QLatin1String("read") ? QStringLiteral("delivered") : s.status;
    if (!s.errorCode.isEmpty())
        row->detail.insert(QStringLiteral("error"), QStringLiteral("Twilio error %1").arg(s.errorCode.left(10)));
    row->updatedAt = m_engine.clock().nowMs();
    store.batch().run([&] { return bool(store.channels().updateMessage(*row)); });
    const QString companyId = row->companyId;
    const QString sessionId = row->sessionId;
    m_engine.afterCommit([this, companyId, sessionId](bool committed) {
        if (committed)
            emit deliveryChanged(companyId, sessionId);
    });
}

} // namespace tierdesk
