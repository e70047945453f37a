#include "ui/views/ConversationView.h"

#include "ui/client/ApiClient.h"
#include "ui/dialogs/ActionDialog.h"
#include "ui/dialogs/ResolveDialog.h"
#include "ui/dialogs/TransferDialog.h"
#include "ui/models/Display.h"
#include "ui/models/TranscriptModel.h"
#include "ui/views/AssistPanel.h"
#include "ui/views/ContextPanel.h"
#include "ui/views/ReplyBox.h"
#include "ui/views/TranscriptView.h"

#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimeZone>
#include <QToolButton>
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

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(12, 12, 6, 12);
    leftLayout->setSpacing(8);
    leftLayout->addWidget(buildHeader());
    m_viewers = new QLabel(left);
    m_viewers->setObjectName(QStringLiteral("conversationViewers"));
    m_viewers->setStyleSheet(QStringLiteral("color:#1d4ed8;"));
    m_viewers->setWordWrap(true);
    m_viewers->hide();
    leftLayout->addWidget(m_viewers);
    leftLayout->addWidget(buildBanner());
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
    setSession({});
}

ConversationView::~ConversationView()
{
    if (!m_sessionId.isEmpty() && m_client.events().viewing() == m_sessionId)
        m_client.events().setViewing({});
}

QWidget *ConversationView::buildHeader()
{
    auto *header = new QWidget(this);
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("conversationTitle"));
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.35);
    f.setBold(true);
    m_title->setFont(f);
    m_subtitle = new QLabel(header);
    m_subtitle->setObjectName(QStringLiteral("conversationSubtitle"));
    m_subtitle->setStyleSheet(QStringLiteral("color:#5f6b7a;"));
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long ids and states wrap: the header must never widen the window past the screen.
    m_subtitle->setWordWrap(true);
    m_subtitle->setMinimumWidth(1);
    m_claim = new QPushButton(tr("Claim"), header);
    m_claim->setObjectName(QStringLiteral("conversationClaim"));
    m_release = new QPushButton(tr("Release"), header);
    m_release->setObjectName(QStringLiteral("conversationRelease"));
    m_transfer = new QPushButton(tr("Transfer…"), header);
    m_transfer->setObjectName(QStringLiteral("conversationTransfer"));
    m_resolve = new QPushButton(tr("Resolve…"), header);
    m_resolve->setObjectName(QStringLiteral("conversationResolve"));
    m_act = new QPushButton(tr("Refund / credit…"), header);
    m_act->setObjectName(QStringLiteral("conversationAct"));
    m_act->setToolTip(tr("Issue a refund or credit (Ctrl+Shift+M)"));
    m_snooze = new QToolButton(header);
    m_snooze->setObjectName(QStringLiteral("conversationSnooze"));
    m_snooze->setText(tr("Snooze…"));
    m_snooze->setToolTip(tr("Out of the queue until a later time; back at once when the customer writes"));
    m_snooze->setPopupMode(QToolButton::InstantPopup);
    m_snooze->setMenu(buildSnoozeMenu(m_snooze));
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    row->addLayout(titles, 1);
    for (QPushButton *b : {m_claim, m_release, m_act, m_transfer})
        row->addWidget(b);
    row->addWidget(m_snooze);
    row->addWidget(m_resolve);
    connect(m_claim, &QPushButton::clicked, this, &ConversationView::claim);
    connect(m_release, &QPushButton::clicked, this, &ConversationView::release);
    connect(m_transfer, &QPushButton::clicked, this, &ConversationView::showTransfer);
    connect(m_resolve, &QPushButton::clicked, this, &ConversationView::showResolve);
    connect(m_act, &QPushButton::clicked, this, &ConversationView::showAction);
    return header;
}

QMenu *ConversationView::buildSnoozeMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    const auto choice = [this, menu](const char *name, const QString &text, auto until) {
        QAction *a = menu->addAction(text);
        a->setObjectName(QLatin1String(name));
        connect(a, &QAction::triggered, this, [this, until] { snoozeUntil(until(QDateTime::currentDateTime())); });
    };
    choice("snoozeHour", tr("For 1 hour"), [](const QDateTime &now) { return now.addSecs(3600); });
    choice("snoozeFourHours", tr("For 4 hours"), [](const QDateTime &now) { return now.addSecs(4 * 3600); });
    choice("snoozeTomorrow", tr("Until tomorrow 9:00"), &ConversationView::tomorrowMorning);
    QAction *pick = menu->addAction(tr("Until…"));
    pick->setObjectName(QStringLiteral("snoozePick"));
    connect(pick, &QAction::triggered, this, &ConversationView::showSnoozePicker);
    return menu;
}

QWidget *ConversationView::buildBanner()
{
    m_banner = new QWidget(this);
    m_banner->setObjectName(QStringLiteral("staleBanner"));
    m_banner->setAttribute(Qt::WA_StyledBackground);
    m_banner->setStyleSheet(
        QStringLiteral("#staleBanner { background:#fff1c2; border:1px solid #e8c55c; border-radius:4px; }"));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_force = new QPushButton(tr("Send anyway"), m_banner);
    m_force->setObjectName(QStringLiteral("sendAnyway"));
    m_read = new QPushButton(tr("I've read it"), m_banner);
    m_read->setObjectName(QStringLiteral("markRead"));
    auto *row = new QHBoxLayout(m_banner);
    row->setContentsMargins(10, 6, 6, 6);
    row->addWidget(m_bannerText, 1);
    row->addWidget(m_read);
    row->addWidget(m_force);
    connect(m_force, &QPushButton::clicked, this, [this] { send(m_pendingText, m_pendingNote, true); });
    connect(m_read, &QPushButton::clicked, this, &ConversationView::markRead);
    m_banner->hide();
    return m_banner;
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
    m_session = session;
    // GET session carries the queue line as "desk" (null when in no queue).
    if (session.contains(QLatin1String("desk")))
        m_queueItem = session.value(QLatin1String("desk")).toObject();
    m_transcript->setSession(session);
    m_context->setSession(session);
    followCustomerLanguage();
    updateHeader();
}

void ConversationView::followCustomerLanguage()
{
    const QString own = m_session.value(QLatin1String("language")).toString();
    m_assist->setSession(m_sessionId, own.isEmpty() ? m_companyLanguage : own);
    const QString company = m_client.companyId();
    if (m_sessionId.isEmpty() || !own.isEmpty() || company.isEmpty() || company == m_languageOfCompany)
        return;
    m_languageOfCompany = company;
    ApiReply *r
        = m_client.send("GET", QStringLiteral("/api/cs/config"), {}, QUrlQuery{{QStringLiteral("companyId"), company}});
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
    const bool open = !m_sessionId.isEmpty();
    const QJsonObject customer
        = m_session.value(QLatin1String("context")).toObject().value(QLatin1String("customer")).toObject();
    QString name = customer.value(QLatin1String("name")).toString();
    if (name.isEmpty())
        name = m_queueItem.value(QLatin1String("customer")).toObject().value(QLatin1String("name")).toString();
    m_title->setText(open ? (name.isEmpty() ? m_sessionId : name) : tr("No conversation open"));
    QStringList facts;
    if (open)
        facts << m_sessionId;
    if (const QString ch = m_session.value(QLatin1String("channel")).toString(); !ch.isEmpty())
        facts << display::titleCase(ch);
    if (const QString tier = m_session.value(QLatin1String("currentTier")).toString(); !tier.isEmpty())
        facts << display::tierLabel(tier);
    if (const QString st = m_session.value(QLatin1String("status")).toString(); !st.isEmpty())
        facts << display::enumLabel(st);
    const QJsonObject assignee = m_queueItem.value(QLatin1String("assignee")).toObject();
    const QString holderId = assignee.value(QLatin1String("id")).toString();
    if (!holderId.isEmpty())
        facts << (holderId == m_client.agentId()
                ? tr("claimed by you")
                : tr("claimed by %1").arg(assignee.value(QLatin1String("name")).toString()));
    else if (!m_queueItem.isEmpty())
        facts << tr("unclaimed");
    if (const QString until = m_queueItem.value(QLatin1String("snoozedUntil")).toString(); !until.isEmpty())
        facts << tr("snoozed until %1").arg(display::dateTimeOfMs(display::parseTime(until)));
    if (m_readOnly)
        facts << tr("read-only");
    m_subtitle->setText(facts.join(QStringLiteral("  ·  ")));
    const bool resolved = m_session.value(QLatin1String("status")).toString() == QLatin1String("RESOLVED");
    const bool workable = open && !resolved && !m_readOnly;
    m_claim->setEnabled(workable && (holderId.isEmpty() || holderId != m_client.agentId()));
    m_release->setEnabled(workable && !holderId.isEmpty());
    m_transfer->setEnabled(workable);
    m_resolve->setEnabled(workable);
    // The server decides (holder or supervisor); the button only needs a person's session.
    m_act->setEnabled(
        workable && m_session.value(QLatin1String("currentTier")).toString() == QLatin1String("HUMAN_AGENT"));
    m_snooze->setEnabled(workable && !m_queueItem.isEmpty() && maySnooze(holderId));
    m_reply->setEnabled(workable);
    m_assist->setWritable(workable);
}

bool ConversationView::maySnooze(const QString &holderId) const
{
    const QString role = m_client.agent().value(QLatin1String("role")).toString();
    return (!holderId.isEmpty() && holderId == m_client.agentId()) || role == QLatin1String("supervisor")
        || role == QLatin1String("admin");
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
        else if (type == QLatin1String("resolved") || type == QLatin1String("escalated")
            || type == QLatin1String("transferred"))
            open(m_sessionId); // status, tier and history changed: read it again
    }
    // The agent is writing and the customer just said more.
    if (!fromCustomer.isEmpty() && !m_reply->text().trimmed().isEmpty())
        showBanner(
            tr("%1 wrote while you were typing. Read it above before you send.").arg(m_title->text().toHtmlEscaped()),
            false);
}

void ConversationView::showViewers(const QJsonArray &viewers)
{
    QStringList lines;
    for (const QJsonValue &v : viewers) {
        const QJsonObject viewer = v.toObject();
        if (viewer.value(QLatin1String("agentId")).toString() == m_client.agentId())
            continue;
        const QString name = viewer.value(QLatin1String("name")).toString();
        if (!viewer.value(QLatin1String("typing")).toBool())
            lines << tr("%1 is also here").arg(name);
        else if (viewer.value(QLatin1String("internal")).toBool())
            lines << tr("%1 is writing a note…").arg(name);
        else
            lines << tr("%1 is typing a reply…").arg(name);
    }
    m_viewers->setText(lines.join(QStringLiteral("  ·  ")));
    m_viewers->setVisible(!lines.isEmpty());
}

QString ConversationView::viewersText() const
{
    return m_viewers->isHidden() ? QString() : m_viewers->text();
}

void ConversationView::send(const QString &text, bool internal, bool force)
{
    if (m_sessionId.isEmpty() || text.isEmpty())
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

void ConversationView::showBanner(const QString &text, bool offerForce, bool offerRead)
{
    m_bannerText->setText(text);
    m_force->setVisible(offerForce);
    m_read->setVisible(offerRead);
    m_banner->show();
}

void ConversationView::hideBanner()
{
    m_banner->hide();
    m_pendingText.clear();
}

bool ConversationView::bannerVisible() const
{
    return !m_banner->isHidden();
}

QString ConversationView::bannerText() const
{
    return m_bannerText->text();
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
    connect(dialog, &QDialog::accepted, this, [this, dialog, session] {
        ApiReply *r = m_client.resolve(session, dialog->resolutionType(), dialog->summary());
        connect(r, &ApiReply::succeeded, this, [this, session] {
            emit status(tr("Resolved"));
            emit resolved(session);
            if (session == m_sessionId)
                open(session);
        });
        connect(r, &ApiReply::failed, this, [this](const ApiError &e) { fail(tr("Resolving"), e); });
    });
    dialog->open();
}

void ConversationView::showAction()
{
    if (m_sessionId.isEmpty() || !m_act->isEnabled())
        return;
    const QJsonObject context = m_session.value(QLatin1String("context")).toObject();
    auto *dialog
        = new ActionDialog(context.value(QLatin1String("customer")).toObject().value(QLatin1String("name")).toString(),
            context.value(QLatin1String("orders")).toArray(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString session = m_sessionId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, session] {
        const QString what = dialog->type() == QLatin1String("refund") ? tr("The refund") : tr("The credit");
        ApiReply *r = m_client.act(session, dialog->type(), dialog->orderId(), dialog->amount(), dialog->reason());
        connect(r, &ApiReply::succeeded, this, [this, session](const QJsonObject &body) {
            const QJsonObject a = body.value(QLatin1String("action")).toObject();
            const QString amount
                = QStringLiteral("$") + QString::number(a.value(QLatin1String("amount")).toDouble(), 'f', 2);
            emit status(a.value(QLatin1String("type")).toString() == QLatin1String("refund")
                    ? tr("Refunded %1 for %2").arg(amount, a.value(QLatin1String("orderId")).toString())
                    : tr("Credited %1").arg(amount));
            if (session == m_sessionId)
                open(session); // the confirmation message and the order's refunded amount
        });
        connect(r, &ApiReply::failed, this, [this, what](const ApiError &e) {
            if (e.code == QLatin1String("CS_013") && e.details.contains(QLatin1String("max")))
                emit status(tr("%1 was refused: %2 Your limit is $%3.")
                                .arg(what, e.message,
                                    QString::number(e.details.value(QLatin1String("max")).toDouble(), 'f', 2)));
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
    return QDateTime(now.date().addDays(1), QTime(9, 0), now.timeZone());
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
    if (m_sessionId.isEmpty() || !m_snooze->isEnabled())
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("snoozeDialog"));
    dialog->setWindowTitle(tr("Snooze until"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QDateTime now = QDateTime::currentDateTime();
    auto *when = new QDateTimeEdit(tomorrowMorning(now), dialog);
    when->setObjectName(QStringLiteral("snoozeUntil"));
    when->setCalendarPopup(true);
    when->setDateTimeRange(now.addSecs(60), now.addDays(30));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Snooze"));
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *form = new QFormLayout(dialog);
    form->addRow(tr("Back in the queue at"), when);
    form->addRow(buttons);
    connect(dialog, &QDialog::accepted, this, [this, when] { snoozeUntil(when->dateTime()); });
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
