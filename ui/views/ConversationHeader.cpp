#include "ui/views/ConversationHeader.h"

#include "ui/dialogs/SnoozeDialog.h"
#include "ui/models/ChannelDisplay.h"
#include "ui/models/CustomerLabel.h"
#include "ui/models/Display.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace tierdesk::ui {

ConversationHeader::ConversationHeader(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("conversationTitle"));
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.35);
    f.setBold(true);
    m_title->setFont(f);
    // A long name wraps: the heading never makes the window wider than a 1024 px screen.
    m_title->setWordWrap(true);
    m_title->setMinimumWidth(1);
    // The session id is for colleagues and support, not the heading: a tooltip and a copy action.
    auto *copyId = new QAction(tr("Copy session id"), m_title);
    copyId->setObjectName(QStringLiteral("copySessionId"));
    connect(copyId, &QAction::triggered, this, [this] { QGuiApplication::clipboard()->setText(m_state.sessionId); });
    m_title->addAction(copyId);
    m_title->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("conversationSubtitle"));
    m_subtitle->setStyleSheet(QStringLiteral("color:#5f6b7a;"));
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long names and states wrap: the header must never widen the window past the screen.
    m_subtitle->setWordWrap(true);
    m_subtitle->setMinimumWidth(1);
    m_claim = new QPushButton(tr("Claim"), this);
    m_claim->setObjectName(QStringLiteral("conversationClaim"));
    m_release = new QPushButton(tr("Release"), this);
    m_release->setObjectName(QStringLiteral("conversationRelease"));
    m_transfer = new QPushButton(tr("Transfer…"), this);
    m_transfer->setObjectName(QStringLiteral("conversationTransfer"));
    m_resolve = new QPushButton(tr("Resolve…"), this);
    m_resolve->setObjectName(QStringLiteral("conversationResolve"));
    m_act = new QPushButton(tr("Refund / credit…"), this);
    m_act->setObjectName(QStringLiteral("conversationAct"));
    m_act->setToolTip(tr("Issue a refund or credit (Ctrl+Shift+M)"));
    m_snooze = new QToolButton(this);
    m_snooze->setObjectName(QStringLiteral("conversationSnooze"));
    m_snooze->setText(tr("Snooze…"));
    m_snooze->setToolTip(tr("Out of the queue until a later time; back at once when the customer writes"));
    m_snooze->setPopupMode(QToolButton::InstantPopup);
    m_snooze->setMenu(buildSnoozeMenu(m_snooze));
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addLayout(titles, 1);
    for (QPushButton *b : {m_claim, m_release, m_act, m_transfer})
        row->addWidget(b);
    row->addWidget(m_snooze);
    row->addWidget(m_resolve);
    connect(m_claim, &QPushButton::clicked, this, &ConversationHeader::claimClicked);
    connect(m_release, &QPushButton::clicked, this, &ConversationHeader::releaseClicked);
    connect(m_transfer, &QPushButton::clicked, this, &ConversationHeader::transferClicked);
    connect(m_resolve, &QPushButton::clicked, this, &ConversationHeader::resolveClicked);
    connect(m_act, &QPushButton::clicked, this, &ConversationHeader::actClicked);
    setState({});
}

QMenu *ConversationHeader::buildSnoozeMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    const auto choice = [this, menu](const char *name, const QString &text, auto until) {
        QAction *a = menu->addAction(text);
        a->setObjectName(QLatin1String(name));
        connect(
            a, &QAction::triggered, this, [this, until] { emit snoozeChosen(until(QDateTime::currentDateTime())); });
    };
    choice("snoozeHour", tr("For 1 hour"), [](const QDateTime &now) { return now.addSecs(3600); });
    choice("snoozeFourHours", tr("For 4 hours"), [](const QDateTime &now) { return now.addSecs(4 * 3600); });
    choice("snoozeTomorrow", tr("Until tomorrow 9:00"), &SnoozeDialog::tomorrowMorning);
    QAction *pick = menu->addAction(tr("Until…"));
    pick->setObjectName(QStringLiteral("snoozePick"));
    connect(pick, &QAction::triggered, this, &ConversationHeader::snoozePickRequested);
    return menu;
}

QString ConversationHeader::customerName() const
{
    const QJsonObject customer
        = m_state.session.value(QLatin1String("context")).toObject().value(QLatin1String("customer")).toObject();
    // The queue's line may name a visitor that the session does not (yet).
    const QJsonObject queued = m_state.queueItem.value(QLatin1String("customer")).toObject();
    QString name = CustomerLabel::givenName(customer);
    if (name.isEmpty())
        name = CustomerLabel::givenName(queued);
    if (name.isEmpty())
        name = CustomerLabel::of(customer.isEmpty() ? queued : customer);
    return name;
}

QStringList ConversationHeader::facts() const
{
    QStringList facts;
    const QJsonObject &session = m_state.session;
    if (!session.value(QLatin1String("channel")).toString().isEmpty())
        facts << channel::label(channel::kindOfSession(session)); // a WhatsApp conversation is no "Chat"

    if (const QString tier = session.value(QLatin1String("currentTier")).toString(); !tier.isEmpty())
        facts << display::tierLabel(tier);
    if (const QString st = session.value(QLatin1String("status")).toString(); !st.isEmpty())
        facts << display::enumLabel(st);
    const QJsonObject assignee = m_state.queueItem.value(QLatin1String("assignee")).toObject();
    const QString holderId = assignee.value(QLatin1String("id")).toString();
    if (!holderId.isEmpty())
        facts << (holderId == m_state.me.value(QLatin1String("id")).toString()
                ? tr("claimed by you")
                : tr("claimed by %1").arg(assignee.value(QLatin1String("name")).toString()));
    else if (!m_state.queueItem.isEmpty())
        facts << tr("unclaimed");
    if (const QString until = m_state.queueItem.value(QLatin1String("snoozedUntil")).toString(); !until.isEmpty())
        facts << tr("snoozed until %1").arg(display::dateTimeOfMs(display::parseTime(until)));
    if (m_state.readOnly)
        facts << tr("read-only");
    return facts;
}

void ConversationHeader::setState(const State &state)
{
    m_state = state;
    const bool open = !state.sessionId.isEmpty();
    const QString name = customerName();
    m_title->setText(open ? (name.isEmpty() ? tr("Conversation") : name) : tr("No conversation open"));
    m_title->setToolTip(open ? tr("Session %1 (right-click to copy)").arg(state.sessionId) : QString());
    m_subtitle->setText(facts().join(QStringLiteral("  ·  ")));
    const QString holderId
        = state.queueItem.value(QLatin1String("assignee")).toObject().value(QLatin1String("id")).toString();
    const QString me = state.me.value(QLatin1String("id")).toString();
    const bool resolved = state.session.value(QLatin1String("status")).toString() == QLatin1String("RESOLVED");
    m_workable = open && !resolved && !state.readOnly;
    m_claim->setEnabled(m_workable && (holderId.isEmpty() || holderId != me));
    m_release->setEnabled(m_workable && !holderId.isEmpty());
    m_transfer->setEnabled(m_workable);
    m_resolve->setEnabled(m_workable);
    m_act->setEnabled(mayAct());
    m_snooze->setEnabled(maySnooze());
}

bool ConversationHeader::mayAct() const
{
    // The server decides (holder or supervisor); the button only needs a person's session.
    return m_workable && m_state.session.value(QLatin1String("currentTier")).toString() == QLatin1String("HUMAN_AGENT");
}

bool ConversationHeader::maySnooze() const
{
    // The holder, a supervisor or an admin: the ones the server lets snooze.
    const QString holderId
        = m_state.queueItem.value(QLatin1String("assignee")).toObject().value(QLatin1String("id")).toString();
    const QString role = m_state.me.value(QLatin1String("role")).toString();
    const bool allowed = (!holderId.isEmpty() && holderId == m_state.me.value(QLatin1String("id")).toString())
        || role == QLatin1String("supervisor") || role == QLatin1String("admin");
    return m_workable && !m_state.queueItem.isEmpty() && allowed;
}

QString ConversationHeader::title() const
{
    return m_title->text();
}

} // namespace tierdesk::ui
