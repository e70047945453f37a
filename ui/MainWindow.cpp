#include "ui/MainWindow.h"

#include "ui/WheelGuard.h"
#include "ui/client/ApiClient.h"
#include "ui/models/QueueFilterModel.h"
#include "ui/models/QueueModel.h"
#include "ui/views/AnalyticsView.h"
#include "ui/views/ConfigView.h"
#include "ui/views/ConversationView.h"
#include "ui/views/KnowledgeView.h"
#include "ui/views/NextConversation.h"
#include "ui/views/NotificationsButton.h"
#include "ui/views/QueueView.h"
#include "ui/views/SettingsView.h"
#include "ui/views/ShortcutsOverlay.h"
#include "ui/views/SupervisorView.h"

#include <QApplication>
#include <QComboBox>
#include <QFontMetrics>
#include <QFrame>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

enum Page { QueuePage, ConversationPage, KnowledgePage, AnalyticsPage, SupervisorPage, ConfigPage, SettingsPage };

// The app's mark with the number waiting on it (tray and window icon).
QIcon countIcon(int waiting)
{
    QPixmap pm(64, 64);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(QColor(0x25, 0x63, 0xeb));
    p.setPen(Qt::NoPen);
    p.drawRoundedRect(QRectF(2, 2, 60, 60), 14, 14);
    p.setPen(Qt::white);
    QFont f = p.font();
    f.setBold(true);
    f.setPixelSize(waiting > 99 ? 24 : 34);
    p.setFont(f);
    p.drawText(pm.rect(), Qt::AlignCenter, waiting > 0 ? QString::number(qMin(waiting, 999)) : QStringLiteral("T"));
    return QIcon(pm);
}

} // namespace

MainWindow::MainWindow(ApiClient &client, QWidget *parent) : QMainWindow(parent), m_client(client)
{
    WheelGuard::install(); // before the first form: the wheel scrolls pages, never their values
    setWindowTitle(tr("Tierdesk"));
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(countIcon(0));
    m_model = new QueueModel(this);
    m_queue = new QueueView(*m_model, m_client, this);
    m_conversation = new ConversationView(m_client, this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_queue);
    m_stack->addWidget(m_conversation);
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

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("noticeBar"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setStyleSheet(QStringLiteral("color:#5c4300;"));
    m_noticeAction = new QPushButton(this);
    m_noticeAction->setObjectName(QStringLiteral("noticeAction"));
    m_noticeAction->hide();
    connect(m_noticeAction, &QPushButton::clicked, this, [this] {
        if (m_noticeCallback)
            m_noticeCallback();
    });
    m_noticeClose = new QPushButton(QStringLiteral("×"), this);
    m_noticeClose->setObjectName(QStringLiteral("noticeClose"));
    m_noticeClose->setFlat(true);
    m_noticeClose->setToolTip(tr("Close this notice"));
    connect(m_noticeClose, &QPushButton::clicked, this, [this] {
        showNotice({});
        emit noticeDismissed();
    });
    m_noticeBox = new QFrame(this);
    m_noticeBox->setStyleSheet(QStringLiteral("QFrame{background:#fff1c2; border-bottom:1px solid #e8c55c;}"));
    auto *noticeRow = new QHBoxLayout(m_noticeBox);
    noticeRow->setContentsMargins(12, 8, 12, 8);
    noticeRow->addWidget(m_notice, 1);
    noticeRow->addWidget(m_noticeAction);
    noticeRow->addWidget(m_noticeClose);
    m_noticeBox->hide();

    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(m_noticeBox);
    auto *row = new QHBoxLayout;
    row->setSpacing(0);
    auto *navColumn = new QWidget(this);
    navColumn->setObjectName(QStringLiteral("navigationColumn"));
    navColumn->setStyleSheet(QStringLiteral("#navigationColumn { background:#1f2937; }"));
    auto *navLayout = new QVBoxLayout(navColumn);
    navLayout->setContentsMargins(0, 0, 0, 0);
    navLayout->setSpacing(0);
    navLayout->addWidget(buildCompanySwitcher());
    navLayout->addWidget(buildNavigation(), 1);
    row->addWidget(navColumn);
    row->addWidget(m_stack, 1);
    outer->addLayout(row, 1);
    setCentralWidget(central);
    buildStatusBar();
    installShortcuts();

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(countIcon(0), this);
        m_tray->setToolTip(tr("Tierdesk"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
    }

    connect(m_queue, &QueueView::openRequested, this, [this](const QString &id) { openConversation(id); });
    connect(m_queue, &QueueView::claimRequested, this, &MainWindow::claim);
    connect(m_queue, &QueueView::releaseRequested, this, &MainWindow::release);
    connect(m_queue, &QueueView::status, this, &MainWindow::message);
    connect(m_conversation, &ConversationView::status, this, &MainWindow::message);
    connect(m_knowledge, &KnowledgeView::status, this, &MainWindow::message);
    connect(m_analytics, &AnalyticsView::status, this, &MainWindow::message);
    connect(m_supervisor, &SupervisorView::status, this, &MainWindow::message);
    connect(m_supervisor, &SupervisorView::openSession, this, &MainWindow::openConversation);
    connect(m_configView, &ConfigView::status, this, &MainWindow::message);
    connect(m_configView, &ConfigView::openSession, this, &MainWindow::openConversation);
    // The knowledge base and analytics are read when shown, and again each time they are shown.
    connect(m_stack, &QStackedWidget::currentChanged, this, [this](int page) {
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
    connect(&m_client.events(), &EventStream::eventsArrived, this, &MainWindow::onEvents);
    connect(&m_client.events(), &EventStream::stateChanged, this, &MainWindow::onConnection);
    connect(&m_client, &ApiClient::agentChanged, this, &MainWindow::applyAgent);
    connect(&m_client, &ApiClient::storeReconnectingChanged, this, &MainWindow::onStoreReconnecting);
    m_storeProbe.setInterval(kStoreProbeMs);
    connect(&m_storeProbe, &QTimer::timeout, this, [this] { m_client.send("GET", QStringLiteral("/api/cs/health")); });
    onConnection(m_client.events().state());
    updateCounts();
    // A window made after the login shows at once what its person's role may see.
    if (!m_client.agent().isEmpty())
        applyAgent();
    else
        updateCompanyMenu();

    resize(1200, 760);
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
    updateCompanyMenu();
}

QWidget *MainWindow::buildNavigation()
{
    m_nav = new QListWidget(this);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->addItem(tr("Queue"));
    m_nav->addItem(tr("Conversation"));
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

QWidget *MainWindow::buildCompanySwitcher()
{
    // The bar holds the margins: a push button's text-align:left ignores its padding.
    auto *bar = new QFrame(this);
    bar->setObjectName(QStringLiteral("companyBar"));
    bar->setStyleSheet(QStringLiteral("#companyBar { background:#111827; border-bottom:1px solid #374151; }"));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(16, 10, 8, 10);
    m_companyButton = new QPushButton(bar);
    m_companyButton->setObjectName(QStringLiteral("companySwitcher"));
    m_companyButton->setToolTip(tr("Switch company"));
    m_companyButton->setStyleSheet(
        QStringLiteral("#companySwitcher { color:white; background:transparent; border:none; font-weight:bold; "
                       "text-align:left; padding:2px 18px 2px 0; }"
                       "#companySwitcher::menu-indicator { subcontrol-position: right center; }"));
    m_companyMenu = new QMenu(m_companyButton);
    m_companyMenu->setObjectName(QStringLiteral("companyMenu"));
    m_companyButton->setMenu(m_companyMenu);
    // On the window too, so its shortcut works with the menu closed.
    m_signOut = new QAction(tr("Sign out"), this);
    m_signOut->setObjectName(QStringLiteral("signOut"));
    m_signOut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    m_signOut->setShortcutVisibleInContextMenu(true);
    connect(m_signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    addAction(m_signOut);
    layout->addWidget(m_companyButton);
    return bar;
}

void MainWindow::setCompanies(const QList<CompanyLogin> &logins)
{
    m_companies = logins;
    updateCompanyMenu();
}

// The menu is made anew for every change: a handful of entries.
void MainWindow::updateCompanyMenu()
{
    const QString current = m_client.companyId();
    const QString name = m_client.companyName().isEmpty() ? tr("Tierdesk") : m_client.companyName();
    // The padding (16 px a side) and the menu's arrow take the rest of the column.
    m_companyButton->setText(m_companyButton->fontMetrics().elidedText(name, Qt::ElideRight, m_nav->width() - 48));
    m_companyButton->setToolTip(tr("%1: switch company").arg(name));
    m_companyMenu->clear();
    for (const CompanyLogin &login : std::as_const(m_companies)) {
        QAction *a = m_companyMenu->addAction(login.companyName.isEmpty() ? login.companyId : login.companyName);
        a->setObjectName(QStringLiteral("company:") + login.companyId);
        a->setCheckable(true);
        a->setChecked(login.companyId == current);
        a->setToolTip(login.email);
        connect(a, &QAction::triggered, this, [this, id = login.companyId] {
            if (id != m_client.companyId())
                emit companyChosen(id);
        });
    }
    if (!m_companies.isEmpty())
        m_companyMenu->addSeparator();
    QAction *signIn = m_companyMenu->addAction(tr("Sign in to another company…"));
    signIn->setObjectName(QStringLiteral("companySignIn"));
    connect(signIn, &QAction::triggered, this, &MainWindow::companyLoginRequested);
    if (!m_client.token().isEmpty())
        m_companyMenu->addAction(m_signOut);
    if (m_client.agent().value(QLatin1String("role")).toString() != QLatin1String("admin"))
        return;
    QAction *create = m_companyMenu->addAction(tr("New company…"));
    create->setObjectName(QStringLiteral("companyNew"));
    connect(create, &QAction::triggered, this, &MainWindow::newCompanyRequested);
    QAction *rename = m_companyMenu->addAction(tr("Rename %1…").arg(name));
    rename->setObjectName(QStringLiteral("companyRename"));
    connect(rename, &QAction::triggered, this, &MainWindow::renameCompanyRequested);
}

void MainWindow::buildStatusBar()
{
    m_server = new QLabel(tr("Starting…"), this);
    m_server->setObjectName(QStringLiteral("serverStatus"));
    m_connection = new QLabel(this);
    m_connection->setObjectName(QStringLiteral("connectionState"));
    m_presence = new QComboBox(this);
    m_presence->setObjectName(QStringLiteral("presenceCombo"));
    m_presence->addItem(tr("● Available"), QStringLiteral("available"));
    m_presence->addItem(tr("◐ Away"), QStringLiteral("away"));
    m_presence->setEnabled(false);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("queueCounts"));
    // Permanent: a passing message must not hide where we are connected.
    statusBar()->addPermanentWidget(m_server);
    statusBar()->addPermanentWidget(m_connection);
    statusBar()->addPermanentWidget(m_counts);
    statusBar()->addPermanentWidget(m_presence);
    m_notificationsButton = new NotificationsButton(m_client, this);
    statusBar()->addPermanentWidget(m_notificationsButton);
    connect(m_notificationsButton, &NotificationsButton::openSession, this,
        [this](const QString &id) { openConversation(id); });
    connect(m_notificationsButton, &NotificationsButton::status, this, &MainWindow::message);
    connect(
        m_notificationsButton, &NotificationsButton::arrived, this, [this](const QString &title, const QString &text) {
            message(text);
            notify(title, text);
        });
    connect(m_presence, &QComboBox::activated, this, [this] {
        ApiReply *r = m_client.setPresence(m_presence->currentData().toString());
        connect(r, &ApiReply::failed, this,
            [this](const ApiError &e) { message(tr("Presence not changed: %1").arg(e.message)); });
    });
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
    m_server->setText(baseUrl);
    m_server->setToolTip(
        tr("Serving the CS API at %1/api/cs\nData directory: %2\nSecrets: %3").arg(baseUrl, dataDir, secrets));
    if (!warning.isEmpty())
        showNotice(warning);
}

void MainWindow::showFailed(const QString &error)
{
    m_server->setText(tr("The engine could not start"));
    showNotice(error);
}

void MainWindow::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_noticeBox->setVisible(!text.isEmpty());
    offerNoticeAction({}, {});
}

void MainWindow::offerNoticeAction(const QString &label, std::function<void()> action)
{
    m_noticeAction->setText(label);
    m_noticeCallback = std::move(action);
    m_noticeAction->setVisible(!label.isEmpty() && m_noticeCallback);
}

void MainWindow::forgetPreviousCompany()
{
    m_conversation->setSession({});
    m_notificationsButton->clear();
    m_model->setItems({});
    m_configView->forgetCompany();
    showQueue();
}

void MainWindow::startSession()
{
    if (!m_sessionCompany.isEmpty() && m_sessionCompany != m_client.companyId())
        forgetPreviousCompany();
    m_sessionCompany = m_client.companyId();
    updateCompanyMenu();
    m_queue->setAgentId(m_client.agentId());
    m_presence->setEnabled(!m_client.agentId().isEmpty());
    if (const int i = m_presence->findData(m_client.agent().value(QLatin1String("presence")).toString()); i >= 0)
        m_presence->setCurrentIndex(i);
    if (!m_client.baseUrl().isEmpty())
        m_server->setText(m_client.baseUrl().toString());
    reloadQueue();
    m_notificationsButton->reload();
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
    m_presence->setEnabled(false);
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
            if (const int i = m_presence->findData(item.value(QLatin1String("presence")).toString()); i >= 0)
                m_presence->setCurrentIndex(i);
        } else if (type == QLatin1String("queue.added") && concernsMe(item))
            notify(tr("New escalation"), tr("%1 · %2").arg(who, item.value(QLatin1String("issueSummary")).toString()));
        else if (type == QLatin1String("sla.breached") && concernsMe(item))
            notify(tr("SLA breached"), tr("%1 has waited too long").arg(who));
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
    m_connection->setText(tr("○ Server reconnecting to its database…"));
    m_connection->setStyleSheet(QStringLiteral("color:#9b1c1c;"));
}

void MainWindow::onConnection(EventStream::State state)
{
    if (m_client.storeReconnecting())
        return onStoreReconnecting(true);
    switch (state) {
    case EventStream::State::Connected:
        m_connection->setText(tr("● Live"));
        m_connection->setStyleSheet(QStringLiteral("color:#1e7b45;"));
        reloadQueue(); // whatever happened while we were away
        break;
    case EventStream::State::Connecting:
        m_connection->setText(tr("○ Connecting…"));
        m_connection->setStyleSheet(QStringLiteral("color:#7a4b00;"));
        break;
    case EventStream::State::Reconnecting:
        m_connection->setText(tr("○ Connection lost — retrying"));
        m_connection->setStyleSheet(QStringLiteral("color:#9b1c1c;"));
        break;
    case EventStream::State::Offline:
        m_connection->setText(tr("○ Offline"));
        m_connection->setStyleSheet(QStringLiteral("color:#5f6b7a;"));
        break;
    }
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
    QString text = tr("%1 waiting · %2 claimed").arg(c.waiting).arg(c.claimed);
    if (c.breached > 0)
        text += tr(" · <span style=\"color:#9b1c1c\"><b>%1 breached</b></span>").arg(c.breached);
    m_counts->setText(text);
    m_nav->item(QueuePage)->setText(c.waiting > 0 ? tr("Queue  (%1)").arg(c.waiting) : tr("Queue"));
    setWindowIcon(countIcon(c.waiting));
    if (m_tray) {
        m_tray->setIcon(countIcon(c.waiting));
        m_tray->setToolTip(tr("Tierdesk: %1 waiting").arg(c.waiting));
    }
}

bool MainWindow::concernsMe(const QJsonObject &item) const
{
    // An agent who is away is not disturbed; one with queues hears only of those.
    if (m_presence->currentData().toString() == QLatin1String("away"))
        return false;
    const QJsonArray mine = m_client.agent().value(QLatin1String("queues")).toArray();
    return mine.isEmpty() || mine.contains(item.value(QLatin1String("queue")));
}

void MainWindow::notify(const QString &title, const QString &text)
{
    m_notifications << title + QStringLiteral(": ") + text;
    while (m_notifications.size() > 100)
        m_notifications.removeFirst();
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, text, QSystemTrayIcon::Information, 8000);
    QApplication::beep();
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
