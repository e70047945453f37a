#include "ui/views/QueueView.h"

#include "ui/models/Display.h"
#include "ui/models/QueueFilterModel.h"
#include "ui/models/QueueModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace tierdesk::ui {

QueueView::QueueView(QueueModel &model, QWidget *parent) : QWidget(parent), m_model(model)
{
    setObjectName(QStringLiteral("queueView"));
    m_filter = new QueueFilterModel(this);
    m_filter->setSourceModel(&m_model);

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
    const int widths[] = {7, 8, 13, 10, 15, 8, 6, 10};
    for (int c = 0; c < QueueModel::Summary; ++c)
        m_table->setColumnWidth(c, qMax(widths[c] * em, header->sectionSizeHint(c)));

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
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_release);
    buttons->addWidget(m_claim);
    buttons->addWidget(m_open);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addWidget(buildFilters());
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty);
    layout->addLayout(buttons);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &QueueView::updateButtons);
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
    updateButtons();
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
    m_mine = new QCheckBox(tr("Mine"), bar);
    m_mine->setObjectName(QStringLiteral("mineFilter"));
    m_unassigned = new QCheckBox(tr("Unassigned"), bar);
    m_unassigned->setObjectName(QStringLiteral("unassignedFilter"));
    row->addWidget(m_search, 1);
    row->addWidget(m_queue);
    row->addWidget(m_priority);
    row->addWidget(m_mine);
    row->addWidget(m_unassigned);

    connect(m_search, &QLineEdit::textChanged, m_filter, &QueueFilterModel::setSearchText);
    connect(m_queue, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setQueue(m_queue->currentData().toString()); });
    connect(m_priority, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setPriority(m_priority->currentData().toString()); });
    connect(m_mine, &QCheckBox::toggled, m_filter, &QueueFilterModel::setMineOnly);
    connect(m_unassigned, &QCheckBox::toggled, m_filter, &QueueFilterModel::setUnassignedOnly);
    return bar;
}

void QueueView::setQueues(const QStringList &queues)
{
    const QString current = m_queue->currentData().toString();
    const QSignalBlocker block(m_queue);
    m_queue->clear();
    m_queue->addItem(tr("All queues"), QString());
    for (const QString &q : queues)
        m_queue->addItem(display::titleCase(q), q);
    m_queue->setCurrentIndex(qMax(0, m_queue->findData(current)));
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
}

} // namespace tierdesk::ui
