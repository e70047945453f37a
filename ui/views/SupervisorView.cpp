#include "ui/views/SupervisorView.h"

#include "ui/client/ApiClient.h"
#include "ui/models/Display.h"
#include "ui/models/HeldSessionsModel.h"
#include "ui/models/QueueModel.h"
#include "ui/models/QueueStatsModel.h"
#include "ui/models/TeamModel.h"
#include "ui/views/DeskHoursLabel.h"
#include "ui/views/RowTable.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace tierdesk::ui {

namespace {

QLabel *boldHeading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

// Events after which the overview may have changed: the desk's, presence, and a session
// escalated, resolved or abandoned. Customer and AI messages leave it as it is.
bool changesOverview(const QString &type)
{
    return type.startsWith(QLatin1String("queue.")) || type.startsWith(QLatin1String("sla."))
        || type == QLatin1String("agent.presence") || type == QLatin1String("session.escalated")
        || type == QLatin1String("session.resolved") || type == QLatin1String("session.abandoned");
}

} // namespace

SupervisorView::SupervisorView(ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_queues(new QueueStatsModel(this)), m_team(new TeamModel(this)),
      m_held(new HeldSessionsModel(this)), m_heldFilter(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("supervisorView"));
    m_queues->setClock([this] { return serverNowMs(); });
    m_held->setClock([this] { return serverNowMs(); });
    m_heldFilter->setSourceModel(m_held);
    m_heldFilter->setFilterRole(HeldSessionsModel::AgentIdRole);

    m_updated = new QLabel(this);
    m_updated->setObjectName(QStringLiteral("supervisorUpdated"));
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    connect(refreshButton, &QPushButton::clicked, this, &SupervisorView::refresh);
    m_hours = new DeskHoursLabel(m_client, this);
    auto *top = new QHBoxLayout;
    top->addWidget(boldHeading(tr("Live desk"), this));
    top->addSpacing(16);
    top->addWidget(m_hours);
    top->addStretch();
    top->addWidget(m_updated);
    top->addWidget(refreshButton);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("supervisorSummary"));
    m_summary->setStyleSheet(QStringLiteral("font-size:13pt; padding:4px 0 8px 0;"));
    m_summary->setWordWrap(true);
    m_queueTable = rowTable(m_queues, QStringLiteral("supervisorQueues"), this);
    m_queueTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_queueTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_teamTable = rowTable(m_team, QStringLiteral("supervisorTeam"), this);
    connect(
        m_teamTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SupervisorView::filterByAgent);

    auto *teamPanel = new QWidget(this);
    auto *teamLayout = new QVBoxLayout(teamPanel);
    teamLayout->setContentsMargins(0, 0, 0, 0);
    teamLayout->addWidget(boldHeading(tr("Team"), teamPanel));
    teamLayout->addWidget(m_teamTable);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(teamPanel);
    split->addWidget(buildHeldPanel());
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_queueTable);
    layout->addWidget(split, 1);

    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &SupervisorView::refresh);
    // Waits and holding times count on between answers.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        m_queues->touchColumn(QueueStatsModel::LongestWait);
        m_held->touchColumn(HeldSessionsModel::HeldFor);
        summarise();
    });
    m_tick.start();
    // SLA states move with time too; the server's own tick publishes them, this catches the rest.
    m_poll.setInterval(15000);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_poll.start();
    updateButtons();
}

QWidget *SupervisorView::buildHeldPanel()
{
    auto *panel = new QWidget(this);
    m_heldTable = rowTable(m_heldFilter, QStringLiteral("supervisorHeld"), panel);
    connect(
        m_heldTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SupervisorView::updateButtons);
    connect(m_heldTable, &QTableView::doubleClicked, this, [this] {
        if (const QString id = selectedSession(); !id.isEmpty())
            emit openSession(id, true);
    });
    m_showAll = new QPushButton(tr("Everyone's"), panel);
    m_showAll->setObjectName(QStringLiteral("supervisorShowAll"));
    m_showAll->setToolTip(tr("Show the sessions of the whole team, not only the selected person's"));
    connect(m_showAll, &QPushButton::clicked, this, [this] { m_teamTable->clearSelection(); });
    m_open = new QPushButton(tr("Open read-only"), panel);
    m_open->setObjectName(QStringLiteral("supervisorOpen"));
    connect(m_open, &QPushButton::clicked, this, [this] { emit openSession(selectedSession(), true); });
    m_target = new QComboBox(panel);
    m_target->setObjectName(QStringLiteral("supervisorTarget"));
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_target->setAccessibleName(tr("Reassign to"));
    m_reassign = new QPushButton(tr("Reassign"), panel);
    m_reassign->setObjectName(QStringLiteral("supervisorReassign"));
    connect(m_reassign, &QPushButton::clicked, this, &SupervisorView::reassignSelected);
    connect(m_target, &QComboBox::currentIndexChanged, this, &SupervisorView::updateButtons);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_showAll);
    buttons->addStretch();
    buttons->addWidget(m_open);
    buttons->addWidget(new QLabel(tr("to"), panel));
    buttons->addWidget(m_target);
    buttons->addWidget(m_reassign);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(boldHeading(tr("Sessions held"), panel));
    layout->addWidget(m_heldTable);
    layout->addLayout(buttons);
    return panel;
}

void SupervisorView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void SupervisorView::applyEvents(const QList<QJsonObject> &events)
{
    for (const QJsonObject &e : events)
        if (changesOverview(e.value(QLatin1String("type")).toString())) {
            if (!m_coalesce.isActive())
                m_coalesce.start();
            return;
        }
}

void SupervisorView::refresh()
{
    if (m_inFlight) { // one request at a time; ask again once it is answered
        m_again = true;
        return;
    }
    m_inFlight = true;
    ApiReply *r = m_client.send("GET", QStringLiteral("/api/cs/desk/overview"), {},
        QUrlQuery{{QStringLiteral("companyId"), m_client.companyId()}});
    connect(r, &ApiReply::succeeded, this, &SupervisorView::display);
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { emit status(tr("Live desk: %1").arg(e.message)); });
    connect(r, &ApiReply::finished, this, [this] {
        m_inFlight = false;
        if (std::exchange(m_again, false))
            refresh();
    });
}

void SupervisorView::display(const QJsonObject &overview)
{
    if (const qint64 at = display::parseTime(overview.value(QLatin1String("at")).toString()); at > 0)
        m_clockOffsetMs = at - QDateTime::currentMSecsSinceEpoch();
    if (const qint64 since = display::parseTime(overview.value(QLatin1String("since")).toString()); since > 0)
        m_queues->setSince(QDateTime::fromMSecsSinceEpoch(since));
    m_overview = overview;
    const QString selected = selectedSession();
    m_queues->setRows(overview.value(QLatin1String("queues")).toArray());
    const QJsonArray agents = overview.value(QLatin1String("agents")).toArray();
    m_team->setRows(agents);
    m_held->setAgents(agents);
    if (!selected.isEmpty())
        selectSession(selected);
    fillReassignTargets();
    summarise();
    fitQueueTable();
    m_teamTable->resizeColumnsToContents();
    m_heldTable->resizeColumnsToContents();
    m_updated->setText(tr("Updated %1").arg(display::time(QDateTime::currentDateTime())));
    updateButtons();
    emit loaded();
}

void SupervisorView::summarise()
{
    int waiting = 0, atRisk = 0, breached = 0, met = 0, missed = 0;
    qint64 longest = -1;
    for (int row = 0; row < m_queues->rowCount(); ++row) {
        const QJsonObject q = m_queues->row(row);
        waiting += q.value(QLatin1String("waiting")).toInt();
        atRisk += q.value(QLatin1String("atRisk")).toInt();
        breached += q.value(QLatin1String("breached")).toInt();
        met += q.value(QLatin1String("slaToday")).toObject().value(QLatin1String("met")).toInt();
        missed += q.value(QLatin1String("slaToday")).toObject().value(QLatin1String("missed")).toInt();
        longest = qMax(
            longest, m_queues->index(row, QueueStatsModel::LongestWait).data(QueueStatsModel::ValueRole).toLongLong());
    }
    int available = 0;
    for (int row = 0; row < m_team->rowCount(); ++row)
        available += m_team->index(row, 0).data(TeamModel::PresenceRole).toString() == QLatin1String("available");
    QStringList parts{tr("%n waiting", nullptr, waiting),
        tr("longest wait %1").arg(longest < 0 ? QStringLiteral("—") : QueueModel::formatDuration(longest)),
        tr("%1 of %n people available", nullptr, m_team->rowCount()).arg(available)};
    if (atRisk > 0)
        parts << tr("%n at risk", nullptr, atRisk);
    if (breached > 0)
        parts << tr("%n breached", nullptr, breached);
    // The figure counts settled conversations only: say so where it would read as 0 % or nothing.
    parts << tr("SLA today: %1").arg(QueueStatsModel::slaTodayText(met, missed));
    m_summary->setText(parts.join(QStringLiteral("   ·   ")));
    m_summary->setToolTip(m_queues->slaTodayExplained());
}

// The queues table shows every queue without scrolling and no empty space below.
void SupervisorView::fitQueueTable()
{
    int height = m_queueTable->horizontalHeader()->height() + 2 * m_queueTable->frameWidth();
    for (int row = 0; row < m_queues->rowCount(); ++row)
        height += m_queueTable->rowHeight(row);
    m_queueTable->setFixedHeight(height);
}

void SupervisorView::fillReassignTargets()
{
    const QString current = m_target->currentData().toString();
    QSignalBlocker block(m_target);
    m_target->clear();
    for (int row = 0; row < m_team->rowCount(); ++row) {
        const QModelIndex name = m_team->index(row, TeamModel::Name);
        const QString presence = name.data(TeamModel::PresenceRole).toString();
        m_target->addItem(
            tr("%1 (%2)").arg(name.data().toString(), TeamModel::presenceWord(presence)), name.data(TeamModel::IdRole));
    }
    if (const int i = m_target->findData(current); i >= 0)
        m_target->setCurrentIndex(i);
}

void SupervisorView::filterByAgent()
{
    const QModelIndexList rows = m_teamTable->selectionModel()->selectedRows();
    const QString agentId = rows.isEmpty() ? QString() : rows.first().data(TeamModel::IdRole).toString();
    m_heldFilter->setFilterFixedString(agentId);
    m_showAll->setEnabled(!agentId.isEmpty());
    updateButtons();
}

QString SupervisorView::selectedSession() const
{
    const QModelIndexList rows = m_heldTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(HeldSessionsModel::IdRole).toString();
}

bool SupervisorView::selectSession(const QString &sessionId)
{
    const int row = m_held->rowOf(sessionId);
    const QModelIndex at = row >= 0 ? m_heldFilter->mapFromSource(m_held->index(row, 0)) : QModelIndex();
    if (!at.isValid())
        return false;
    m_heldTable->selectionModel()->select(at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

void SupervisorView::setReassignTarget(const QString &agentId)
{
    m_target->setCurrentIndex(m_target->findData(agentId));
}

void SupervisorView::updateButtons()
{
    const QString session = selectedSession();
    const int row = m_held->rowOf(session);
    const QString holder = row >= 0 ? m_held->index(row, 0).data(HeldSessionsModel::AgentIdRole).toString() : QString();
    m_open->setEnabled(!session.isEmpty());
    m_reassign->setEnabled(
        !session.isEmpty() && m_target->currentIndex() >= 0 && m_target->currentData().toString() != holder);
    m_showAll->setEnabled(!m_heldFilter->filterRegularExpression().pattern().isEmpty());
}

void SupervisorView::reassignSelected()
{
    const QString session = selectedSession();
    const QString agentId = m_target->currentData().toString();
    if (session.isEmpty() || agentId.isEmpty())
        return;
    const QString name = m_target->currentText();
    ApiReply *r = m_client.assign(session, agentId);
    connect(r, &ApiReply::succeeded, this, [this, name] {
        emit status(tr("Reassigned to %1").arg(name));
        refresh();
    });
    connect(r, &ApiReply::failed, this,
        [this](const ApiError &e) { emit status(tr("Not reassigned: %1").arg(e.message)); });
}

QString SupervisorView::summary() const
{
    return m_summary->text();
}

qint64 SupervisorView::serverNowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_clockOffsetMs;
}

} // namespace tierdesk::ui
