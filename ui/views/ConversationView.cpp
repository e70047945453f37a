#include "ui/views/ConversationView.h"

#include "ui/client/ApiClient.h"
#include "ui/dialogs/ActionDialog.h"
#include "ui/dialogs/ResolveDialog.h"
#include "ui/dialogs/SnoozeDialog.h"
#include "ui/dialogs/TransferDialog.h"
#include "ui/models/Display.h"
#include "ui/models/TranscriptModel.h"
#include "ui/views/AssistPanel.h"
#include "ui/views/ChannelPanel.h"
#include "ui/views/ContextPanel.h"
#include "ui/views/ConversationFiles.h"
#include "ui/views/ConversationHeader.h"
#include "ui/views/RecordingPlayer.h"
#include "ui/views/ReplyBox.h"
#include "ui/views/SendBanner.h"
#include "ui/views/TranscriptView.h"
#include "ui/views/ViewersLine.h"

#include <QDialog>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace tierdesk::ui {

ConversationView::ConversationView(ApiClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    setObjectName(QStringLiteral("conversationView"));
    m_transcript = new TranscriptModel(this);
    m_view = new TranscriptView(*m_transcript, this);
    m_reply = new ReplyBox(this);
    m_context = new ContextPanel(this);
    m_assist = new AssistPanel(client, *m_reply, *m_transcript, this);
    m_assist->setSelectionSource([this] { return m_view->textCursor().selectedText(); });
    connect(m_assist, &AssistPanel::status, this, &ConversationView::status);
    wireFiles();

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(12, 12, 6, 12);
    leftLayout->setSpacing(8);
    leftLayout->addWidget(buildHeader());
    m_left = leftLayout;
    m_viewers = new ViewersLine(left);
    leftLayout->addWidget(m_viewers);
    leftLayout->addWidget(buildBanner());
    m_recording = new RecordingPlayer(client, left);
    leftLayout->addWidget(m_recording);
    m_channel = new ChannelPanel(client, *m_transcript, left);
    leftLayout->addWidget(m_channel);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(m_assist);
    leftLayout->addWidget(m_reply);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_context);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(260);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(scroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    split->setSizes({760, 340});
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_reply, &ReplyBox::sendRequested, this,
        [this](const QString &text, bool internal) { send(text, internal, false); });
    connect(m_reply, &ReplyBox::typingStarted, this, [this] { m_basedOn = m_transcript->lastMessageId(); });
    connect(m_reply, &ReplyBox::writing, this, [this](bool internal) {
        if (!m_sessionId.isEmpty() && !m_readOnly)
            m_client.events().sendTyping(internal);
    });
    connect(m_reply, &ReplyBox::cannedChosen, this, [this](const QString &cannedId) {
        if (m_sessionId.isEmpty())
            return;
        m_basedOn = m_transcript->lastMessageId();
        ApiReply *r = m_client.renderCanned(cannedId, m_sessionId);
        connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
            QStringList missing;
            for (const QJsonValue &v : body.value(QLatin1String("missing")).toArray())
                missing << v.toString();
            m_reply->insertRendered(body.value(QLatin1String("content")).toString(), missing);
        });
        connect(r, &ApiReply::failed, this, [this](const ApiError &e) { fail(tr("The canned response"), e); });
    });
    connect(m_reply, &ReplyBox::pickerOpened, this, &ConversationView::reloadCanned);
    connect(&m_client, &ApiClient::cannedResponsesChanged, this, &ConversationView::reloadCanned);
    connect(m_reply, &ReplyBox::mentionNamesWanted, this, &ConversationView::loadMentionNames);
    setSession({});
}

ConversationView::~ConversationView()
{
    if (!m_sessionId.isEmpty() && m_client.events().viewing() == m_sessionId)
        m_client.events().setViewing({});
}

QWidget *ConversationView::buildHeader()
{
    m_header = new ConversationHeader(this);
    connect(m_header, &ConversationHeader::claimClicked, this, &ConversationView::claim);
    connect(m_header, &ConversationHeader::releaseClicked, this, &ConversationView::release);
    connect(m_header, &ConversationHeader::transferClicked, this, &ConversationView::showTransfer);
    connect(m_header, &ConversationHeader::resolveClicked, this, &ConversationView::showResolve);
    connect(m_header, &ConversationHeader::actClicked, this, &ConversationView::showAction);
    connect(m_header, &ConversationHeader::snoozeChosen, this, &ConversationView::snoozeUntil);
    connect(m_header, &ConversationHeader::snoozePickRequested, this, &ConversationView::showSnoozePicker);
    return m_header;
}

QWidget *ConversationView::buildBanner()
{
    m_banner = new SendBanner(this);
    connect(
        m_banner, &SendBanner::sendAnyway, this, [this] { send(m_pendingText, m_pendingNote, m_pendingForce, true); });
    connect(m_banner, &SendBanner::markRead, this, &ConversationView::markRead);
    connect(m_banner, &SendBanner::dontSend, this, [this] {
        hideBanner();
        m_reply->focusEditor();
    });
    return m_banner;
}

void ConversationView::setCallBar(QWidget *bar)
{
    m_left->insertWidget(0, bar);
}

void ConversationView::open(const QString &sessionId)
{
    if (sessionId.isEmpty())
        return;
    if (sessionId != m_sessionId) {
        m_queueItem = {};
        setSession({{QStringLiteral("id"), sessionId}});
    }
    ApiReply *r = m_client.session(sessionId);
    connect(r, &ApiReply::succeeded, this, [this, sessionId](const QJsonObject &body) {
        if (sessionId == m_sessionId)
            setSession(body);
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { fail(tr("Opening the conversation"), e); });
}

void ConversationView::setSession(const QJsonObject &session)
{
    const QString id = session.value(QLatin1String("id")).toString();
    if (id != m_sessionId) {
        m_reply->clear();
        m_basedOn.clear();
        hideBanner();
        showViewers({});
        m_client.events().setViewing(id);
    }
    m_sessionId = id;
    m_files->setSession(id);
    m_session = session;
    // GET session carries the queue line as "desk" (null when in no queue).
    if (session.contains(QLatin1String("desk")))
        m_queueItem = session.value(QLatin1String("desk")).toObject();
    m_transcript->setSession(session);
    m_context->setSession(session);
    m_recording->setSession(id, session.value(QLatin1String("channel")).toString());
    m_channel->setSession(session);
    followCustomerLanguage();
    updateHeader();
}

void ConversationView::followCustomerLanguage()
{
    const QString own = m_session.value(QLatin1String("language")).toString();
    m_assist->setSession(m_sessionId, own.isEmpty() ? m_companyLanguage : own);
    // The company's config, once per company: its language for a session without its own, and its
    // currency (the client keeps it) for the refund and credit dialog.
    const QString company = m_client.companyId();
    if (m_sessionId.isEmpty() || company.isEmpty() || company == m_languageOfCompany)
        return;
    m_languageOfCompany = company;
    ApiReply *r = m_client.config();
    connect(r, &ApiReply::succeeded, this, [this, company](const QJsonObject &config) {
        if (company != m_client.companyId())
            return;
        m_companyLanguage = config.value(QLatin1String("language")).toString();
        if (m_session.value(QLatin1String("language")).toString().isEmpty())
            m_assist->setSession(m_sessionId, m_companyLanguage);
    });
    connect(r, &ApiReply::failed, this, [this] { m_languageOfCompany.clear(); });
}

void ConversationView::setQueueItem(const QJsonObject &item)
{
    if (item.value(QLatin1String("sessionId")).toString() != m_sessionId)
        return;
    m_queueItem = item;
    updateHeader();
}

void ConversationView::updateHeader()
{
    m_header->setState({m_sessionId, m_session, m_queueItem, m_client.agent(), m_readOnly});
    m_reply->setEnabled(m_header->workable());
    m_assist->setWritable(m_header->workable());
}

void ConversationView::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateHeader();
}

void ConversationView::setCannedResponses(const QJsonArray &items)
{
    m_reply->setCannedResponses(items);
}

void ConversationView::reloadCanned()
{
    ApiReply *r = m_client.cannedResponses();
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        setCannedResponses(body.value(QLatin1String("cannedResponses")).toArray());
    });
    // Unreadable now: the list read before stays.
}

void ConversationView::loadMentionNames()
{
    ApiReply *r = m_client.agents();
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        QStringList names;
        for (const QJsonValue &v : body.value(QLatin1String("agents")).toArray())
            if (const QJsonObject a = v.toObject(); a.value(QLatin1String("id")).toString() != m_client.agentId())
                names << a.value(QLatin1String("name")).toString();
        m_reply->setMentionNames(names);
    });
}

void ConversationView::applyEvents(const QList<QJsonObject> &events)
{
    if (m_sessionId.isEmpty())
        return;
    const QList<QJsonObject> fromCustomer = m_transcript->applyEvents(events);
    for (const QJsonObject &m : fromCustomer)
        m_context->addSentiment(m.value(QLatin1String("sentiment")).toString());
    for (const QJsonObject &e : events) {
        if (e.value(QLatin1String("sessionId")).toString() != m_sessionId)
            continue;
        const QString type = e.value(QLatin1String("type")).toString();
        const QJsonObject data = e.value(QLatin1String("data")).toObject();
        if (type == QLatin1String("viewers"))
            showViewers(e.value(QLatin1String("viewers")).toArray());
        else if (type.startsWith(QLatin1String("queue.")) || type.startsWith(QLatin1String("sla.")))
            setQueueItem(type == QLatin1String("queue.removed")
                    ? QJsonObject{{QStringLiteral("sessionId"), m_sessionId}}
                    : data);
        else if (type == QLatin1String("message"))
            m_channel->reload(); // a mail or text came, or a reply went out: its delivery
        else if (type == QLatin1String("resolved") || type == QLatin1String("escalated")
            || type == QLatin1String("transferred"))
            open(m_sessionId); // status, tier and history changed: read it again
    }
    // The agent is writing and the customer just said more.
    if (!fromCustomer.isEmpty() && !m_reply->text().trimmed().isEmpty())
        showBanner(
            tr("%1 wrote while you were typing. Read it above before you send.").arg(m_header->title().toHtmlEscaped()),
            false);
}

void ConversationView::showViewers(const QJsonArray &viewers)
{
    m_viewers->setViewers(viewers, m_client.agentId());
}

// The files sent in the web chat: thumbnails in the transcript, opened when clicked, and
// "Attach a file…" beside Send.
void ConversationView::wireFiles()
{
    m_files = new ConversationFiles(m_client, this);
    m_reply->addButton(m_files->attachButton());
    m_view->setFileSource([this](const QString &id, std::function<void(const QByteArray &)> done) {
        m_files->fetch(id, std::move(done));
    });
    connect(m_view, &TranscriptView::fileOpened, m_files, &ConversationFiles::open);
    connect(m_files, &ConversationFiles::status, this, &ConversationView::status);
    connect(m_files, &ConversationFiles::sent, this, [this](const QJsonObject &body) {
        m_transcript->appendMessage(body.value(QLatin1String("message")).toObject());
    });
}

QString ConversationView::viewersText() const
{
    return m_viewers->said();
}

void ConversationView::send(const QString &text, bool internal, bool force, bool overColleague)
{
    if (m_sessionId.isEmpty() || text.isEmpty())
        return;
    if (!internal && !overColleague && askBeforeReplyingOver(text, force))
        return;
    const QString basedOn = m_basedOn.isEmpty() ? m_transcript->lastMessageId() : m_basedOn;
    m_reply->setBusy(true);
    ApiReply *r = m_client.sendMessage(m_sessionId, text, internal, basedOn, force);
    const QString session = m_sessionId;
    connect(r, &ApiReply::succeeded, this, [this, session](const QJsonObject &body) {
        m_reply->setBusy(false);
        if (session != m_sessionId)
            return;
        m_transcript->appendMessage(body.value(QLatin1String("message")).toObject());
        m_reply->clear();
        m_basedOn.clear();
        hideBanner();
        m_channel->reload(); // a mail's or text's reply: its delivery
        emit status(tr("Sent"));
    });
    connect(r, &ApiReply::failed, this, [this, text, internal](const ApiError &e) {
        m_reply->setBusy(false);
        onSendFailed(text, internal, e);
    });
}

void ConversationView::onSendFailed(const QString &text, bool internal, const ApiError &e)
{
    if (e.code == QLatin1String("CS_028") && !internal)
        return showHeldByOther(e);
    if (e.code != QLatin1String("CS_027")) {
        fail(internal ? tr("The note") : tr("The reply"), e);
        return;
    }
    // Stale: show what the customer wrote, keep the draft, offer to send anyway.
    const QJsonArray fresh = e.details.value(QLatin1String("newMessages")).toArray();
    for (const QJsonValue &v : fresh) {
        QJsonObject m = v.toObject();
        if (!m.contains(QLatin1String("role"))) // the refusal lists only what the customer wrote
            m.insert(QStringLiteral("role"), QStringLiteral("customer"));
        if (m_transcript->appendMessage(m))
            m_context->addSentiment(m.value(QLatin1String("sentiment")).toString());
    }
    m_pendingText = text;
    m_pendingNote = internal;
    m_pendingForce = true;
    showBanner(tr("The customer wrote %n new message(s) while you were typing. Your reply was not sent.", nullptr,
                   static_cast<int>(qMax<qsizetype>(1, fresh.size()))),
        true);
}

// Someone else holds the session: said here, above the kept draft, and who it is.
void ConversationView::showHeldByOther(const ApiError &e)
{
    const QJsonObject holder = e.details.value(QLatin1String("holder")).toObject();
    const QString name = holder.value(QLatin1String("name")).toString();
    if (!holder.isEmpty() && !m_queueItem.isEmpty()) {
        m_queueItem.insert(QStringLiteral("assignee"), holder);
        updateHeader();
    }
    const QString text = tr("%1 is answering this customer. Your reply was not sent.");
    const QString who = name.isEmpty() ? tr("Someone else") : name;
    showBanner(text.arg(who.toHtmlEscaped()), false, false);
    emit status(text.arg(who));
}

bool ConversationView::askBeforeReplyingOver(const QString &text, bool force)
{
    const QStringList writers = m_viewers->replyWriters();
    if (writers.isEmpty())
        return false;
    m_pendingText = text;
    m_pendingNote = false;
    m_pendingForce = force;
    const QString names = QLocale().createSeparatedList(writers).toHtmlEscaped();
    m_banner->say(writers.size() == 1 ? tr("%1 is typing a reply. Send yours anyway?").arg(names)
                                      : tr("%1 are typing replies. Send yours anyway?").arg(names),
        SendBanner::OfferSend | SendBanner::OfferDontSend);
    return true;
}

void ConversationView::showBanner(const QString &text, bool offerForce, bool offerRead)
{
    SendBanner::Offers offers;
    offers.setFlag(SendBanner::OfferSend, offerForce);
    offers.setFlag(SendBanner::OfferRead, offerRead);
    m_banner->say(text, offers);
}

void ConversationView::hideBanner()
{
    m_banner->hide();
    m_pendingText.clear();
    m_pendingForce = false;
}

bool ConversationView::bannerVisible() const
{
    return !m_banner->isHidden();
}

QString ConversationView::bannerText() const
{
    return m_banner->text();
}

void ConversationView::markRead()
{
    m_basedOn = m_transcript->lastMessageId();
    hideBanner();
    m_reply->focusEditor();
}

void ConversationView::fail(const QString &what, const ApiError &e)
{
    QString text = tr("%1 failed: %2").arg(what, e.message);
    if (e.code == QLatin1String("CS_025")) {
        const QString holder
            = e.details.value(QLatin1String("holder")).toObject().value(QLatin1String("name")).toString();
        text = tr("%1 has already claimed this conversation.").arg(holder.isEmpty() ? tr("Someone else") : holder);
    }
    emit status(text);
}

void ConversationView::claim()
{
    if (m_sessionId.isEmpty() || m_readOnly)
        return;
    ApiReply *r = m_client.claim(m_sessionId);
    connect(r, &ApiReply::succeeded, this, [this] { emit status(tr("Claimed")); });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { fail(tr("Claiming"), e); });
}

void ConversationView::release()
{
    if (m_sessionId.isEmpty() || m_readOnly)
        return;
    ApiReply *r = m_client.release(m_sessionId);
    connect(r, &ApiReply::succeeded, this, [this] { emit status(tr("Released")); });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { fail(tr("Releasing"), e); });
}

void ConversationView::showTransfer()
{
    if (m_sessionId.isEmpty() || m_readOnly)
        return;
    auto *dialog = new TransferDialog(m_queues, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString session = m_sessionId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, session] {
        ApiReply *r = m_client.transfer(session, dialog->targetTier(), dialog->queue(), dialog->notes());
        connect(r, &ApiReply::succeeded, this, [this, session] {
            emit status(tr("Transferred"));
            emit transferred(session);
        });
        connect(r, &ApiReply::failed, this, [this](const ApiError &e) { fail(tr("The transfer"), e); });
    });
    dialog->open();
}

void ConversationView::showResolve()
{
    if (m_sessionId.isEmpty() || m_readOnly)
        return;
    auto *dialog = new ResolveDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString session = m_sessionId;
    ApiReply *closing = m_client.closingMessage(session);
    connect(closing, &ApiReply::succeeded, dialog, [dialog](const QJsonObject &body) {
        dialog->setDefaultClosingMessage(body.value(QLatin1String("closingMessage")).toString());
    });
    connect(closing, &ApiReply::failed, dialog, [dialog] { dialog->closingMessageUnavailable(); });
    connect(dialog, &QDialog::accepted, this, [this, dialog, session] { resolve(session, *dialog); });
    dialog->open();
}

void ConversationView::resolve(const QString &session, const ResolveDialog &dialog)
{
    const std::optional<QString> closing = dialog.closingMessage();
    ApiReply *r = closing ? m_client.resolve(session, dialog.resolutionType(), dialog.summary(), *closing)
                          : m_client.resolve(session, dialog.resolutionType(), dialog.summary());
    connect(r, &ApiReply::succeeded, this, [this, session, next = dialog.openNext()] {
        emit status(tr("Resolved"));
        emit resolved(session);
        if (next)
            emit nextWanted(session);
        else if (session == m_sessionId)
            open(session);
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { fail(tr("Resolving"), e); });
}

void ConversationView::showAction()
{
    if (m_sessionId.isEmpty() || !m_header->mayAct())
        return;
    const QJsonObject context = m_session.value(QLatin1String("context")).toObject();
    auto *dialog
        = new ActionDialog(context.value(QLatin1String("customer")).toObject().value(QLatin1String("name")).toString(),
            context.value(QLatin1String("orders")).toArray(), m_client.currency(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString session = m_sessionId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, session] {
        const QString what = dialog->type() == QLatin1String("refund") ? tr("The refund") : tr("The credit");
        ApiReply *r = m_client.act(session, dialog->type(), dialog->orderId(), dialog->amount(), dialog->reason());
        connect(r, &ApiReply::succeeded, this, [this, session](const QJsonObject &body) {
            const QJsonObject a = body.value(QLatin1String("action")).toObject();
            const QString currency = a.value(QLatin1String("currency")).toString();
            const QString amount = display::money(
                a.value(QLatin1String("amount")).toDouble(), currency.isEmpty() ? m_client.currency() : currency);
            emit status(a.value(QLatin1String("type")).toString() == QLatin1String("refund")
                    ? tr("Refunded %1 for %2").arg(amount, a.value(QLatin1String("orderId")).toString())
                    : tr("Credited %1").arg(amount));
            if (session == m_sessionId)
                open(session); // the confirmation message and the order's refunded amount
        });
        connect(r, &ApiReply::failed, this, [this, what](const ApiError &e) {
            if (e.code == QLatin1String("CS_013") && e.details.contains(QLatin1String("max")))
                emit status(
                    tr("%1 was refused: %2 Your limit is %3.")
                        .arg(what, e.message,
                            display::money(e.details.value(QLatin1String("max")).toDouble(), m_client.currency())));
            else if (e.code == QLatin1String("CS_030"))
                emit status(tr("%1 was refused: %2").arg(what, e.message));
            else
                fail(what, e);
        });
    });
    dialog->open();
}

QDateTime ConversationView::tomorrowMorning(const QDateTime &now)
{
    return SnoozeDialog::tomorrowMorning(now);
}

void ConversationView::snoozeUntil(const QDateTime &until)
{
    if (m_sessionId.isEmpty() || m_readOnly)
        return;
    const QString session = m_sessionId;
    ApiReply *r = m_client.snooze(session, until);
    connect(r, &ApiReply::succeeded, this, [this, session, until](const QJsonObject &body) {
        emit status(tr("Snoozed until %1").arg(display::dateTime(until)));
        emit snoozed(session);
        if (session == m_sessionId)
            setSession(body);
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { fail(tr("Snoozing"), e); });
}

void ConversationView::showSnoozePicker()
{
    if (m_sessionId.isEmpty() || !m_header->maySnooze())
        return;
    auto *dialog = new SnoozeDialog(QDateTime::currentDateTime(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { snoozeUntil(dialog->until()); });
    dialog->open();
}

void ConversationView::focusReply()
{
    m_reply->focusEditor();
}

void ConversationView::toggleNote()
{
    m_reply->toggleNote();
}

} // namespace tierdesk::ui
