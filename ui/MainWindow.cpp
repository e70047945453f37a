#include "ui/MainWindow.h"
#include "ui/ConsoleCalls.h"

#include "ui/CompanySwitcher.h"
#include "ui/ConsoleStatusBar.h"
#include "ui/ConsoleTray.h"
#include "ui/NoticeBar.h"
#include "ui/WheelGuard.h"
#include "ui/client/ApiClient.h"
#include "ui/models/QueueFilterModel.h"
#include "ui/models/QueueModel.h"
#include "ui/views/AnalyticsView.h"
#include "ui/views/CallBar.h"
#include "ui/views/ConfigView.h"
#include "ui/views/ConversationView.h"
#include "ui/views/CustomersView.h"
#include "ui/views/KnowledgeView.h"
#include "ui/views/NextConversation.h"
#include "ui/views/NotificationsButton.h"
#include "ui/views/QueueView.h"
#include "ui/views/SettingsView.h"
#include "ui/views/ShortcutsOverlay.h"
#include "ui/views/SupervisorView.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

enum Page {
    QueuePage,
    ConversationPage,
    CustomersPage,
    KnowledgePage,
    AnalyticsPage,
    SupervisorPage,
    ConfigPage,
    SettingsPage
};

} // namespace

MainWindow::MainWindow(ApiClient &client, QWidget *parent) : QMainWindow(parent), m_client(client)
{
    WheelGuard::install(); // before the first form: the wheel scrolls pages, never their values
    setWindowTitle(tr("Tierdesk"));
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(ConsoleTray::icon(0));
    buildViews();
    setCentralWidget(buildCentral());
    m_status = new ConsoleStatusBar(m_client, this);
    setStatusBar(m_status);
    installShortcuts();
    buildTray();
    m_calls = new ConsoleCalls(m_client, *this, *m_tray, new CallBar(this));
    m_conversation->setCallBar(m_calls->bar());
    connectViews();
    connectStatusBar();
    onConnection(m_client.events().state());
    updateCounts();
    // A window made after the login shows at once what its person's role may see.
    if (!m_client.agent().isEmpty())
        applyAgent();
    else
        m_switcher->refresh();

    resize(1200, 760);
}

void MainWindow::buildViews()
{
    m_model = new QueueModel(this);
    m_queue = new QueueView(*m_model, m_client, this);
    m_conversation = new ConversationView(m_client, this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_queue);
    m_stack->addWidget(m_conversation);
    m_customers = new CustomersView(m_client, this);
    m_stack->addWidget(m_customers);
    m_knowledge = new KnowledgeView(m_client, this);
    m_stack->addWidget(m_knowledge);
    m_analytics = new AnalyticsView(m_client, this);
    m_stack->addWidget(m_analytics);
    m_supervisor = new SupervisorView(m_client, this);
    m_stack->addWidget(m_supervisor);
    m_configView = new ConfigView(m_client, this);
    m_stack->addWidget(m_configView);
    m_settings = new SettingsView(m_client, this);
    m_stack->addWidget(m_settings);
}

// The notice on top; below it the navigation column (company switcher, pages) and the views.
QWidget *MainWindow::buildCentral()
{
    m_notice = new NoticeBar(this);
    connect(m_notice, &NoticeBar::dismissed, this, &MainWindow::noticeDismissed);
    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(m_notice);
    auto *row = new QHBoxLayout;
    row->setSpacing(0);
    auto *navColumn = new QWidget(this);
    navColumn->setObjectName(QStringLiteral("navigationColumn"));
    navColumn->setStyleSheet(QStringLiteral("#navigationColumn { background:#1f2937; }"));
    auto *navLayout = new QVBoxLayout(navColumn);
    navLayout->setContentsMargins(0, 0, 0, 0);
    navLayout->setSpacing(0);
    m_switcher = new CompanySwitcher(m_client, this);
    // On the window too, so its shortcut works with the menu closed.
    addAction(m_switcher->signOutAction());
    connect(m_switcher, &CompanySwitcher::companyChosen, this, &MainWindow::companyChosen);
    connect(m_switcher, &CompanySwitcher::loginRequested, this, &MainWindow::companyLoginRequested);
    connect(m_switcher, &CompanySwitcher::newCompanyRequested, this, &MainWindow::newCompanyRequested);
    connect(m_switcher, &CompanySwitcher::renameCompanyRequested, this, &MainWindow::renameCompanyRequested);
    connect(m_switcher, &CompanySwitcher::signOutRequested, this, &MainWindow::signOutRequested);
    navLayout->addWidget(m_switcher);
    navLayout->addWidget(buildNavigation(), 1);
    // The padding (16 px a side) and the menu's arrow take the rest of the column.
    m_switcher->setNameWidth(m_nav->width() - 48);
    row->addWidget(navColumn);
    row->addWidget(m_stack, 1);
    outer->addLayout(row, 1);
    return central;
}

void MainWindow::buildTray()
{
    m_tray = new ConsoleTray(this);
    connect(m_tray, &ConsoleTray::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
}

void MainWindow::connectViews()
{
    connect(m_queue, &QueueView::openRequested, this, [this](const QString &id) { openConversation(id); });
    connect(m_queue, &QueueView::claimRequested, this, &MainWindow::claim);
    connect(m_queue, &QueueView::releaseRequested, this, &MainWindow::release);
    connect(m_queue, &QueueView::status, this, &MainWindow::message);
    connect(m_conversation, &ConversationView::status, this, &MainWindow::message);
    connect(m_customers, &CustomersView::status, this, &MainWindow::message);
    connect(m_customers, &CustomersView::openSession, this, [this](const QString &id) { openConversation(id); });
    connect(m_knowledge, &KnowledgeView::status, this, &MainWindow::message);
    connect(m_analytics, &AnalyticsView::status, this, &MainWindow::message);
    connect(m_analytics, &AnalyticsView::openSession, this, &MainWindow::openConversation);
    connect(m_supervisor, &SupervisorView::status, this, &MainWindow::message);
    connect(m_supervisor, &SupervisorView::openSession, this, &MainWindow::openConversation);
    connect(m_configView, &ConfigView::status, this, &MainWindow::message);
    connect(m_configView, &ConfigView::openSession, this, &MainWindow::openConversation);
    // The customers, knowledge base and analytics are read when shown, and again each time they are shown.
    connect(m_stack, &QStackedWidget::currentChanged, this, [this](int page) {
        if (page == CustomersPage)
            m_customers->refresh();
        if (page == KnowledgePage)
            m_knowledge->refresh();
        if (page == AnalyticsPage)
            m_analytics->refresh();
        if (page == SettingsPage)
            m_settings->refresh();
    });
    connect(m_conversation, &ConversationView::transferred, this, [this] { showQueue(); });
    connect(m_conversation, &ConversationView::nextWanted, this, [this](const QString &done) {
        const QString next = NextConversation::after(m_queue->filter(), done, m_client.agentId());
        if (next.isEmpty())
            showQueue();
        else
            openConversation(next);
    });
    connect(m_model, &QueueModel::countsChanged, this, &MainWindow::updateCounts);
    m_countsRefresh.setSingleShot(true);
    m_countsRefresh.setInterval(2000);
    connect(&m_countsRefresh, &QTimer::timeout, this, &MainWindow::refreshServerCounts);
}

// The status bar's notifications, and what the live connection and the server's database say.
void MainWindow::connectStatusBar()
{
    NotificationsButton *notifications = m_status->notificationsButton();
    connect(
        notifications, &NotificationsButton::openSession, this, [this](const QString &id) { openConversation(id); });
    connect(notifications, &NotificationsButton::status, this, &MainWindow::message);
    connect(notifications, &NotificationsButton::arrived, this, [this](const QString &title, const QString &text) {
        message(text);
        m_tray->notify(title, text);
    });
    connect(&m_client.events(), &EventStream::eventsArrived, this, &MainWindow::onEvents);
    connect(&m_client.events(), &EventStream::stateChanged, this, &MainWindow::onConnection);
    connect(&m_client, &ApiClient::agentChanged, this, &MainWindow::applyAgent);
    connect(&m_client, &ApiClient::storeReconnectingChanged, this, &MainWindow::onStoreReconnecting);
    m_storeProbe.setInterval(kStoreProbeMs);
    connect(&m_storeProbe, &QTimer::timeout, this, [this] { m_client.send("GET", QStringLiteral("/api/cs/health")); });
}

MainWindow::~MainWindow() = default;

void MainWindow::applyAgent()
{
    m_queue->setAgentId(m_client.agentId());
    const QString role = m_client.agent().value(QLatin1String("role")).toString();
    // Analytics and the live desk are for supervisors and admins (the API answers agents 403).
    const bool agentOnly = role == QLatin1String("agent");
    m_nav->item(AnalyticsPage)->setHidden(agentOnly);
    m_nav->item(SupervisorPage)->setHidden(agentOnly);
    // The configuration editor is for admins (PUT /config and the what-if need the role).
    m_configItem->setHidden(role != QLatin1String("admin"));
    m_switcher->refresh();
}

QWidget *MainWindow::buildNavigation()
{
    m_nav = new QListWidget(this);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->addItem(tr("Queue"));
    m_nav->addItem(tr("Conversation"));
    m_nav->addItem(tr("Customers"));
    m_nav->addItem(tr("Knowledge base"));
    m_nav->addItem(tr("Analytics"));
    m_nav->addItem(tr("Live desk"));
    m_configItem = new QListWidgetItem(tr("Configuration"), m_nav);
    m_nav->addItem(tr("Settings"));
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_nav->setStyleSheet(QStringLiteral(
        "#navigation { background:#1f2937; color:#d1d5db; padding-top:12px; font-size:11pt; }"
        "#navigation::item { padding:10px 16px; border-left:3px solid transparent; }"
        "#navigation::item:selected { background:#374151; color:white; border-left:3px solid #60a5fa; }"));
    // As wide as the longest item in this language (German's are longer), with the
    // queue's count, the items' padding and border: at least 170 px.
    QFont navFont = m_nav->font();
    navFont.setPointSizeF(11);
    const QFontMetrics metrics(navFont);
    int widest = metrics.horizontalAdvance(tr("Queue  (%1)").arg(999));
    for (int i = 0; i < m_nav->count(); ++i)
        widest = qMax(widest, metrics.horizontalAdvance(m_nav->item(i)->text()));
    m_nav->setFixedWidth(qMax(170, widest + 2 * 16 + 3 + 12));
    m_nav->setCurrentRow(QueuePage);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    return m_nav;
}

NotificationsButton *MainWindow::notificationsButton() const
{
    return m_status->notificationsButton();
}

const QStringList &MainWindow::notifications() const
{
    return m_tray->notifications();
}

QPushButton *MainWindow::companySwitcher() const
{
    return m_switcher->button();
}

void MainWindow::setCompanies(const QList<CompanyLogin> &logins)
{
    m_switcher->setCompanies(logins);
}

void MainWindow::installShortcuts()
{
    struct Binding {
        QKeySequence keys;
        std::function<void()> run;
    };
    const QList<Binding> bindings{
        {QKeySequence(Qt::Key_J), [this] { m_queue->selectNext(1); }},
        {QKeySequence(Qt::CTRL | Qt::Key_Down), [this] { m_queue->selectNext(1); }},
        {QKeySequence(Qt::Key_K), [this] { m_queue->selectNext(-1); }},
        {QKeySequence(Qt::CTRL | Qt::Key_Up), [this] { m_queue->selectNext(-1); }},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] { claimCurrent(); }},
        {QKeySequence(Qt::Key_R),
            [this] {
                if (!m_conversation->sessionId().isEmpty()) {
                    m_nav->setCurrentRow(ConversationPage);
                    m_conversation->focusReply();
                }
            }},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [this] { m_conversation->toggleNote(); }},
        {QKeySequence(Qt::CTRL | Qt::Key_T), [this] { m_conversation->showTransfer(); }},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), [this] { m_conversation->showResolve(); }},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), [this] { m_conversation->showAction(); }},
        {QKeySequence(Qt::CTRL | Qt::Key_F),
            [this] {
                showQueue();
                m_queue->focusSearch();
            }},
        {QKeySequence(Qt::Key_F1), [this] { m_overlay->toggle(); }},
    };
    for (const Binding &b : bindings) {
        auto *s = new QShortcut(b.keys, this);
        connect(s, &QShortcut::activated, this, b.run);
    }
    m_overlay = new ShortcutsOverlay(
        {{tr("J / Ctrl+Down"), tr("Next escalation")}, {tr("K / Ctrl+Up"), tr("Previous escalation")},
            {tr("Enter"), tr("Open the selected escalation")}, {tr("Ctrl+Shift+C"), tr("Claim")},
            {QStringLiteral("R"), tr("Reply")}, {tr("Ctrl+Enter"), tr("Send the reply")},
            {tr("Ctrl+Shift+N"), tr("Note instead of reply")},
            {QStringLiteral("/"), tr("Canned responses (at the start of a reply)")}, {tr("Ctrl+T"), tr("Transfer")},
            {tr("Ctrl+Shift+R"), tr("Resolve")}, {tr("Ctrl+Shift+M"), tr("Refund / credit")},
            {tr("Ctrl+F"), tr("Search the queue")}, {tr("Ctrl+Shift+Q"), tr("Sign out")},
            {QStringLiteral("F1"), tr("This list")}},
        centralWidget());
}

void MainWindow::showStarted(
    const QString &baseUrl, const QString &dataDir, const QString &secrets, const QString &warning)
{
    m_status->showStarted(baseUrl, dataDir, secrets);
    if (!warning.isEmpty())
        showNotice(warning);
}

void MainWindow::showFailed(const QString &error)
{
    m_status->showFailed();
    showNotice(error);
}

void MainWindow::showNotice(const QString &text)
{
    m_notice->showNotice(text);
}

void MainWindow::offerNoticeAction(const QString &label, std::function<void()> action)
{
    m_notice->offerAction(label, std::move(action));
}

void MainWindow::forgetPreviousCompany()
{
    m_conversation->setSession({});
    m_status->notificationsButton()->clear();
    m_model->setItems({});
    m_configView->forgetCompany();
    m_customers->forgetCompany();
    showQueue();
}

void MainWindow::startSession()
{
    if (!m_sessionCompany.isEmpty() && m_sessionCompany != m_client.companyId())
        forgetPreviousCompany();
    m_sessionCompany = m_client.companyId();
    m_switcher->refresh();
    m_queue->setAgentId(m_client.agentId());
    m_status->setPresenceEnabled(!m_client.agentId().isEmpty());
    m_status->setPresence(m_client.agent().value(QLatin1String("presence")).toString());
    if (!m_client.baseUrl().isEmpty())
        m_status->showServer(m_client.baseUrl().toString());
    reloadQueue();
    m_status->notificationsButton()->reload();
    ApiReply *canned = m_client.cannedResponses();
    connect(canned, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        m_conversation->setCannedResponses(body.value(QLatin1String("items")).isArray()
                ? body.value(QLatin1String("items")).toArray()
                : body.value(QLatin1String("cannedResponses")).toArray());
    });
    m_client.startEvents();
}

void MainWindow::stopSession()
{
    m_client.stopEvents();
    m_status->setPresenceEnabled(false);
}

void MainWindow::reloadQueue()
{
    ApiReply *r = m_client.queue({});
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        const QString keep = m_queue->currentSessionId();
        rememberServerCounts(body);
        m_model->setItems(body.value(QLatin1String("items")).toArray());
        QStringList queues;
        const QJsonObject counts = body.value(QLatin1String("counts")).toObject();
        for (auto it = counts.begin(); it != counts.end(); ++it)
            queues << it.key();
        if (!queues.isEmpty()) {
            m_queue->setQueues(queues);
            m_conversation->setQueues(queues);
            m_calls->bar()->setQueues(queues);
        }
        if (!keep.isEmpty())
            m_queue->selectSession(keep);
        emit queueLoaded();
    });
    connect(r, &ApiReply::failed, this,
        [this](const ApiError &e) { message(tr("The queue could not be loaded: %1").arg(e.message)); });
}

void MainWindow::onEvents(const QList<QJsonObject> &events)
{
    m_model->applyEvents(events);
    m_conversation->applyEvents(events);
    if (!m_nav->item(SupervisorPage)->isHidden())
        m_supervisor->applyEvents(events);
    for (const QJsonObject &e : events) {
        const QString type = e.value(QLatin1String("type")).toString();
        const QJsonObject item = e.value(QLatin1String("data")).toObject();
        const QString who = item.value(QLatin1String("customer")).toObject().value(QLatin1String("name")).toString();
        if (type == QLatin1String("agent.presence")
            && item.value(QLatin1String("agentId")).toString() == m_client.agentId()) {
            // Set from another console of mine: follow it (offline is not a choice here).
            m_status->setPresence(item.value(QLatin1String("presence")).toString());
        } else if (type == QLatin1String("queue.added") && concernsMe(item))
            m_tray->notify(
                tr("New escalation"), tr("%1 · %2").arg(who, item.value(QLatin1String("issueSummary")).toString()));
        else if (type == QLatin1String("sla.breached") && concernsMe(item))
            m_tray->notify(tr("SLA breached"), tr("%1 has waited too long").arg(who));
    }
}

void MainWindow::onStoreReconnecting(bool reconnecting)
{
    if (!reconnecting) {
        m_storeProbe.stop();
        onConnection(m_client.events().state()); // and reloads the queue once live
        return;
    }
    m_storeProbe.start();
    m_status->showStoreReconnecting();
}

void MainWindow::onConnection(EventStream::State state)
{
    if (m_client.storeReconnecting())
        return onStoreReconnecting(true);
    m_status->showConnection(state);
    if (state == EventStream::State::Connected)
        reloadQueue(); // whatever happened while we were away
}

void MainWindow::rememberServerCounts(const QJsonObject &queueBody)
{
    m_listTruncated
        = queueBody.value(QLatin1String("total")).toInt() > queueBody.value(QLatin1String("items")).toArray().size();
    QueueModel::Counts c;
    const QJsonObject counts = queueBody.value(QLatin1String("counts")).toObject();
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        const QJsonObject q = it.value().toObject();
        c.waiting += q.value(QLatin1String("waiting")).toInt();
        c.claimed += q.value(QLatin1String("claimed")).toInt();
        c.breached += q.value(QLatin1String("breached")).toInt();
    }
    m_serverCounts = c;
}

void MainWindow::refreshServerCounts()
{
    // Only the counts are wanted: the smallest page.
    ApiClient::QueueQuery q;
    q.limit = 1;
    ApiReply *r = m_client.queue(q);
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        const bool truncated = m_listTruncated;
        rememberServerCounts(body);
        m_listTruncated = truncated; // a page of one says nothing about the list on screen
        updateCounts();
    });
}

void MainWindow::updateCounts()
{
    // The list holds at most one page of the queue; beyond it the server's counts are the truth,
    // refreshed a moment after live changes.
    if (m_listTruncated && sender() == m_model && !m_countsRefresh.isActive())
        m_countsRefresh.start();
    const QueueModel::Counts c = m_listTruncated ? m_serverCounts : m_model->counts();
    m_status->showCounts(c);
    m_nav->item(QueuePage)->setText(c.waiting > 0 ? tr("Queue  (%1)").arg(c.waiting) : tr("Queue"));
    setWindowIcon(ConsoleTray::icon(c.waiting));
    m_tray->showWaiting(c.waiting);
}

bool MainWindow::concernsMe(const QJsonObject &item) const
{
    // An agent who is away is not disturbed; one with queues hears only of those.
    if (m_status->presence() == QLatin1String("away"))
        return false;
    const QJsonArray mine = m_client.agent().value(QLatin1String("queues")).toArray();
    return mine.isEmpty() || mine.contains(item.value(QLatin1String("queue")));
}

void MainWindow::openConversation(const QString &sessionId, bool readOnly)
{
    if (sessionId.isEmpty())
        return;
    m_conversation->open(sessionId);
    m_conversation->setReadOnly(readOnly);
    const int row = m_model->rowOf(sessionId);
    if (row >= 0)
        m_conversation->setQueueItem(m_model->item(row));
    m_nav->setCurrentRow(ConversationPage);
}

void MainWindow::showConfiguration()
{
    if (!m_configItem->isHidden())
        m_nav->setCurrentItem(m_configItem);
}

void MainWindow::showCustomers()
{
    m_nav->setCurrentRow(CustomersPage);
}

void MainWindow::showKnowledge()
{
    m_nav->setCurrentRow(KnowledgePage);
}

void MainWindow::showSettings()
{
    m_nav->setCurrentRow(SettingsPage);
}

void MainWindow::showAnalytics()
{
    m_nav->setCurrentRow(AnalyticsPage);
}

void MainWindow::showSupervisor()
{
    m_nav->setCurrentRow(SupervisorPage);
}

void MainWindow::showQueue()
{
    m_nav->setCurrentRow(QueuePage);
}

void MainWindow::claimCurrent()
{
    if (m_stack->currentIndex() == ConversationPage && !m_conversation->sessionId().isEmpty())
        m_conversation->claim();
    else
        claim(m_queue->currentSessionId());
}

void MainWindow::claim(const QString &sessionId)
{
    if (sessionId.isEmpty())
        return;
    ApiReply *r = m_client.claim(sessionId);
    connect(r, &ApiReply::succeeded, this, [this, sessionId] {
        message(tr("Claimed"));
        openConversation(sessionId);
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        const QString holder
            = e.details.value(QLatin1String("holder")).toObject().value(QLatin1String("name")).toString();
        message(e.code == QLatin1String("CS_025")
                ? tr("%1 has already claimed it.").arg(holder.isEmpty() ? tr("Someone else") : holder)
                : tr("Claiming failed: %1").arg(e.message));
    });
}

void MainWindow::release(const QString &sessionId)
{
    if (sessionId.isEmpty())
        return;
    ApiReply *r = m_client.release(sessionId);
    connect(r, &ApiReply::succeeded, this, [this] { message(tr("Released")); });
    connect(
        r, &ApiReply::failed, this, [this](const ApiError &e) { message(tr("Releasing failed: %1").arg(e.message)); });
}

void MainWindow::message(const QString &text)
{
    statusBar()->showMessage(text, 8000);
}

} // namespace tierdesk::ui
