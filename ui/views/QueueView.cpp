#include "ui/views/QueueView.h"

#include "ui/client/ApiClient.h"
#include "ui/models/ChannelDisplay.h"
#include "ui/models/Display.h"
#include "ui/models/QueueFilterModel.h"
#include "ui/models/QueueModel.h"
#include "ui/models/TeamRoster.h"
#include "ui/views/DeskHoursLabel.h"
#include "ui/views/QueueBulkBar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace tierdesk::ui {

QueueView::QueueView(QueueModel &model, ApiClient &client, QWidget *parent)
    : QWidget(parent), m_model(model), m_client(client), m_snoozed(new QueueModel(this)),
      m_roster(new TeamRoster(client, this))
{
    setObjectName(QStringLiteral("queueView"));
    m_filter = new QueueFilterModel(this);
    m_filter->setSourceModel(&m_model);

    buildTable();
    auto *buttons = buildButtons();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addWidget(buildFilters());
    layout->addWidget(buildInfoRow());
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty);
    layout->addLayout(buttons);

    connectSignals();
    m_snoozedReload.setSingleShot(true);
    m_snoozedReload.setInterval(kSnoozedReloadMs);
    connect(&m_snoozedReload, &QTimer::timeout, this, &QueueView::reloadSnoozed);
    m_model.setSlaNote(m_hours->hours().slaNote());
    updateButtons();
}

void QueueView::buildTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(QueueModel::Priority, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    // Room for the longer words of other languages ("Eskalierte Beschwerde"); never
    // narrower than the column's own title.
    const int widths[] = {7, 8, 13, 10, 15, 8, 6, 10, 15};
    for (int c = 0; c < QueueModel::Summary; ++c)
        m_table->setColumnWidth(c, qMax(widths[c] * em, header->sectionSizeHint(c)));
    m_table->setColumnHidden(QueueModel::SnoozedUntil, true);
}

QHBoxLayout *QueueView::buildButtons()
{
    m_empty = new QLabel(tr("Nothing is waiting. New escalations appear here as they arrive."), this);
    m_empty->setObjectName(QStringLiteral("queueEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setStyleSheet(QStringLiteral("color: palette(mid); padding: 24px;"));

    m_claim = new QPushButton(tr("Claim"), this);
    m_claim->setObjectName(QStringLiteral("claimButton"));
    m_claim->setToolTip(tr("Take this escalation (Ctrl+Shift+C)"));
    m_release = new QPushButton(tr("Release"), this);
    m_release->setObjectName(QStringLiteral("releaseButton"));
    m_open = new QPushButton(tr("Open conversation"), this);
    m_open->setObjectName(QStringLiteral("openButton"));
    m_open->setDefault(true);
    m_bulk = new QueueBulkBar(
        m_client, *m_roster, [this] { return selectedSessions(); },
        [this] {
            QHash<QString, QString> names;
            for (const QModelIndex &i : m_table->selectionModel()->selectedRows(QueueModel::Customer))
                names.insert(i.data(QueueModel::SessionIdRole).toString(), i.data().toString());
            return names;
        },
        this);
    m_bulk->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_bulk, 1);
    buttons->addStretch();
    buttons->addWidget(m_release);
    buttons->addWidget(m_claim);
    buttons->addWidget(m_open);
    return buttons;
}

void QueueView::connectSignals()
{
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &QueueView::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, m_bulk, &QueueBulkBar::selectionChanged);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &QueueView::updateButtons);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &QueueView::updateButtons);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &QueueView::updateButtons);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &QueueView::updateButtons);
    connect(m_table, &QTableView::activated, this,
        [this](const QModelIndex &i) { emit openRequested(i.data(QueueModel::SessionIdRole).toString()); });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!currentSessionId().isEmpty())
            emit openRequested(currentSessionId());
    });
    connect(m_claim, &QPushButton::clicked, this, [this] {
        if (!currentSessionId().isEmpty())
            emit claimRequested(currentSessionId());
    });
    connect(m_release, &QPushButton::clicked, this, [this] {
        if (!currentSessionId().isEmpty())
            emit releaseRequested(currentSessionId());
    });
    connect(m_bulk, &QueueBulkBar::finished, this, &QueueView::status);
    connect(&m_client.events(), &EventStream::eventsArrived, this, &QueueView::onEvents);
    // My own connection makes me available: read the team once it is there.
    connect(&m_client.events(), &EventStream::subscribed, m_roster, &TeamRoster::reload);
    connect(&m_client, &ApiClient::agentChanged, this, [this] {
        const QString role = m_client.agent().value(QLatin1String("role")).toString();
        setSupervisor(role == QLatin1String("supervisor") || role == QLatin1String("admin"));
        m_roster->reload();
        if (showsSnoozed())
            reloadSnoozed();
    });
    connect(m_roster, &TeamRoster::changed, this, [this] {
        m_room->setText(m_roster->roomText());
        m_room->setVisible(!m_roster->members().isEmpty());
    });
    for (QueueModel *model : {&m_model, m_snoozed}) {
        connect(model, &QAbstractItemModel::modelReset, this, [this, model] { learnSources(*model); });
        connect(model, &QAbstractItemModel::rowsInserted, this, [this, model] { learnSources(*model); });
    }
    connect(m_hours, &DeskHoursLabel::hoursChanged, this, [this] {
        m_model.setSlaNote(m_hours->hours().slaNote());
        m_snoozed->setSlaNote(m_hours->hours().slaNote());
    });
}

QWidget *QueueView::buildFilters()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(8);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("queueSearch"));
    m_search->setPlaceholderText(tr("Search customer, summary, reason… (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_queue = new QComboBox(bar);
    m_queue->setObjectName(QStringLiteral("queueFilter"));
    setQueues({QStringLiteral("orders"), QStringLiteral("inquiries"), QStringLiteral("complaints")});
    m_priority = new QComboBox(bar);
    m_priority->setObjectName(QStringLiteral("priorityFilter"));
    m_priority->addItem(tr("All priorities"), QString());
    for (const char *p : {"urgent", "high", "normal", "low"}) {
        const QString v = QString::fromLatin1(p);
        m_priority->addItem(display::titleCase(v), v);
    }
    m_channel = new QComboBox(bar);
    m_channel->setObjectName(QStringLiteral("channelFilter"));
    m_channel->addItem(tr("All channels"), QString());
    for (const QString &kind : channel::kinds())
        m_channel->addItem(channel::icon(kind), channel::label(kind), kind);
    m_mine = new QCheckBox(tr("Mine"), bar);
    m_mine->setObjectName(QStringLiteral("mineFilter"));
    m_unassigned = new QCheckBox(tr("Unassigned"), bar);
    m_unassigned->setObjectName(QStringLiteral("unassignedFilter"));
    m_snoozedBox = new QCheckBox(tr("Snoozed"), bar);
    m_snoozedBox->setObjectName(QStringLiteral("snoozedFilter"));
    m_snoozedBox->setToolTip(tr("Show the snoozed conversations instead, with when each comes back"));
    row->addWidget(m_search, 1);
    row->addWidget(m_queue);
    row->addWidget(m_priority);
    row->addWidget(m_channel);
    row->addWidget(m_mine);
    row->addWidget(m_unassigned);
    row->addWidget(m_snoozedBox);
    row->addWidget(buildSavedFiltersButton(bar));

    connect(m_search, &QLineEdit::textChanged, m_filter, &QueueFilterModel::setSearchText);
    connect(m_queue, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setQueue(m_queue->currentData().toString()); });
    connect(m_priority, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setPriority(m_priority->currentData().toString()); });
    connect(m_channel, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setChannel(m_channel->currentData().toString()); });
    connect(m_mine, &QCheckBox::toggled, m_filter, &QueueFilterModel::setMineOnly);
    connect(m_unassigned, &QCheckBox::toggled, m_filter, &QueueFilterModel::setUnassignedOnly);
    connect(m_snoozedBox, &QCheckBox::toggled, this, &QueueView::setShowSnoozed);
    return bar;
}

QWidget *QueueView::buildInfoRow()
{
    auto *info = new QWidget(this);
    auto *row = new QHBoxLayout(info);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(16);
    m_hours = new DeskHoursLabel(m_client, info);
    m_room = new QLabel(info);
    m_room->setObjectName(QStringLiteral("queueTeamRoom"));
    m_room->setWordWrap(true);
    m_room->setToolTip(tr("Each available person's open conversations against their capacity"));
    m_room->setStyleSheet(QStringLiteral("color: palette(dark);"));
    m_room->hide();
    row->addWidget(m_hours);
    row->addWidget(m_room, 1);
    return info;
}

QToolButton *QueueView::buildSavedFiltersButton(QWidget *parent)
{
    m_saved = new QToolButton(parent);
    m_saved->setObjectName(QStringLiteral("savedFilters"));
    m_saved->setText(tr("Saved filters"));
    m_saved->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_saved);
    m_saved->setMenu(menu);
    connect(menu, &QMenu::aboutToShow, this, &QueueView::fillSavedFiltersMenu);
    return m_saved;
}

void QueueView::fillSavedFiltersMenu()
{
    QMenu *menu = m_saved->menu();
    menu->clear();
    const QList<QueueFilterState> saved = savedFilters().list();
    const QueueFilterState now = filterState();
    for (const QueueFilterState &f : saved) {
        QAction *a = menu->addAction(f.name, this, [this, name = f.name] { applySavedFilter(name); });
        a->setCheckable(true);
        a->setChecked(f.sameFilter(now));
    }
    if (saved.isEmpty())
        menu->addAction(tr("No saved filters yet"))->setEnabled(false);
    menu->addSeparator();
    menu->addAction(tr("Save current filter…"), this, &QueueView::askFilterName);
    QMenu *remove = menu->addMenu(tr("Delete"));
    remove->setEnabled(!saved.isEmpty());
    for (const QueueFilterState &f : saved)
        remove->addAction(f.name, this, [this, name = f.name] { deleteSavedFilter(name); });
}

void QueueView::askFilterName()
{
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, tr("Save filter"), tr("Name of this filter:"), QLineEdit::Normal, QString(), &ok);
    if (ok && !name.trimmed().isEmpty())
        saveFilterAs(name.trimmed());
}

SavedQueueFilters QueueView::savedFilters() const
{
    return SavedQueueFilters(m_client.companyId(), m_agentId, m_filtersFile);
}

QueueFilterState QueueView::filterState() const
{
    QueueFilterState f;
    f.queue = m_queue->currentData().toString();
    f.priority = m_priority->currentData().toString();
    f.channel = m_channel->currentData().toString();
    f.search = m_search->text();
    f.mine = m_mine->isChecked();
    f.unassigned = m_unassigned->isChecked();
    f.snoozed = m_snoozedBox->isChecked();
    return f;
}

void QueueView::applyFilterState(const QueueFilterState &f)
{
    m_queue->setCurrentIndex(qMax(0, m_queue->findData(f.queue)));
    m_priority->setCurrentIndex(qMax(0, m_priority->findData(f.priority)));
    m_channel->setCurrentIndex(qMax(0, m_channel->findData(f.channel)));
    m_search->setText(f.search);
    m_mine->setChecked(f.mine);
    m_unassigned->setChecked(f.unassigned);
    m_snoozedBox->setChecked(f.snoozed);
}

void QueueView::saveFilterAs(const QString &name)
{
    QueueFilterState f = filterState();
    f.name = name;
    savedFilters().save(f);
    emit status(tr("Filter “%1” saved").arg(name));
}

bool QueueView::applySavedFilter(const QString &name)
{
    for (const QueueFilterState &f : savedFilters().list())
        if (f.name == name) {
            applyFilterState(f);
            return true;
        }
    return false;
}

void QueueView::deleteSavedFilter(const QString &name)
{
    savedFilters().remove(name);
    emit status(tr("Filter “%1” deleted").arg(name));
}

QStringList QueueView::savedFilterNames() const
{
    QStringList names;
    for (const QueueFilterState &f : savedFilters().list())
        names << f.name;
    return names;
}

void QueueView::setQueues(const QStringList &queues)
{
    m_queues = queues;
    if (m_bulk)
        m_bulk->setQueues(queues);
    const QString current = m_queue->currentData().toString();
    const QSignalBlocker block(m_queue);
    m_queue->clear();
    m_queue->addItem(tr("All queues"), QString());
    for (const QString &q : queues)
        m_queue->addItem(display::titleCase(q), q);
    m_queue->setCurrentIndex(qMax(0, m_queue->findData(current)));
}

void QueueView::setShowSnoozed(bool on)
{
    if (on == showsSnoozed())
        return;
    if (m_snoozedBox->isChecked() != on) {
        m_snoozedBox->setChecked(on); // comes back here through toggled
        return;
    }
    m_filter->setSourceModel(on ? m_snoozed : &m_model);
    m_table->setColumnHidden(QueueModel::SnoozedUntil, !on);
    m_empty->setText(
        on ? tr("Nothing is snoozed.") : tr("Nothing is waiting. New escalations appear here as they arrive."));
    if (on)
        reloadSnoozed();
    updateButtons();
}

bool QueueView::showsSnoozed() const
{
    return m_filter->sourceModel() == m_snoozed;
}

void QueueView::reloadSnoozed()
{
    if (m_client.companyId().isEmpty())
        return;
    ApiClient::QueueQuery q;
    q.snoozed = true;
    ApiReply *r = m_client.queue(q);
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        const QString keep = currentSessionId();
        m_snoozed->setItems(body.value(QLatin1String("items")).toArray());
        if (!keep.isEmpty())
            selectSession(keep);
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        emit status(tr("The snoozed conversations could not be loaded: %1").arg(e.message));
    });
}

void QueueView::learnSources(QueueModel &model)
{
    for (const QString &id : model.chatSessionsWithoutSource()) {
        if (m_sourceAsked.contains(id))
            continue;
        m_sourceAsked.insert(id);
        ApiReply *r = m_client.sessionChannel(id);
        connect(r, &ApiReply::succeeded, this, [this, id](const QJsonObject &body) {
            const QString kind = body.value(QLatin1String("thread")).toObject().value(QLatin1String("kind")).toString();
            const QString source = kind == QLatin1String("whatsapp") ? kind : QString();
            m_model.setSource(id, source);
            m_snoozed->setSource(id, source);
        });
    }
}

void QueueView::onEvents(const QList<QJsonObject> &events)
{
    m_roster->applyEvents(events);
    if (!showsSnoozed() || m_snoozedReload.isActive())
        return;
    // A snooze announces queue.removed, its end queue.added: the snoozed list changed.
    for (const QJsonObject &e : events)
        if (e.value(QLatin1String("type")).toString().startsWith(QLatin1String("queue."))) {
            m_snoozedReload.start();
            return;
        }
}

QString QueueView::teamRoomText() const
{
    return m_room->isHidden() ? QString() : m_room->text();
}

void QueueView::setSupervisor(bool on)
{
    m_bulk->setVisible(on);
    m_table->setSelectionMode(on ? QAbstractItemView::ExtendedSelection : QAbstractItemView::SingleSelection);
    m_bulk->selectionChanged();
}

QStringList QueueView::selectedSessions() const
{
    QStringList ids;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        ids << i.data(QueueModel::SessionIdRole).toString();
    return ids;
}

bool QueueView::selectSessions(const QStringList &sessionIds)
{
    QItemSelection selection;
    for (int r = 0; r < m_filter->rowCount(); ++r) {
        const QModelIndex i = m_filter->index(r, 0);
        if (sessionIds.contains(i.data(QueueModel::SessionIdRole).toString()))
            selection.select(i, m_filter->index(r, QueueModel::ColumnCount - 1));
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return selection.indexes().size() / QueueModel::ColumnCount == sessionIds.size();
}

QString QueueView::currentSessionId() const
{
    const QModelIndex i = m_table->currentIndex();
    return i.isValid() ? i.data(QueueModel::SessionIdRole).toString() : QString();
}

bool QueueView::selectSession(const QString &sessionId)
{
    for (int r = 0; r < m_filter->rowCount(); ++r) {
        const QModelIndex i = m_filter->index(r, 0);
        if (i.data(QueueModel::SessionIdRole).toString() == sessionId) {
            m_table->setCurrentIndex(i);
            m_table->scrollTo(i);
            return true;
        }
    }
    return false;
}

void QueueView::selectNext(int step)
{
    const int rows = m_filter->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_table->currentIndex();
    const int row = current.isValid() ? (current.row() + step + rows) % rows : (step > 0 ? 0 : rows - 1);
    m_table->setCurrentIndex(m_filter->index(row, 0));
    m_table->scrollTo(m_table->currentIndex());
}

void QueueView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void QueueView::setAgentId(const QString &agentId)
{
    m_agentId = agentId;
    m_filter->setAgentId(agentId);
    updateButtons();
}

void QueueView::updateButtons()
{
    const QModelIndex i = m_table->currentIndex();
    const QString assignee = i.isValid() ? i.data(QueueModel::AssigneeIdRole).toString() : QString();
    m_open->setEnabled(i.isValid());
    m_claim->setEnabled(i.isValid() && (assignee.isEmpty() || assignee != m_agentId));
    m_release->setEnabled(i.isValid() && !assignee.isEmpty());
    const bool empty = m_filter->rowCount() == 0;
    m_empty->setVisible(empty);
    // Rows that leave the table leave the selection without a selectionChanged.
    if (!m_bulk->isHidden())
        m_bulk->selectionChanged();
}

} // namespace tierdesk::ui
