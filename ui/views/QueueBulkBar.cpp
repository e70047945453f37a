#include "ui/views/QueueBulkBar.h"

#include "ui/client/ApiClient.h"
#include "ui/client/BulkRun.h"
#include "ui/models/Display.h"
#include "ui/models/TeamRoster.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

namespace tierdesk::ui {

QueueBulkBar::QueueBulkBar(ApiClient &client, TeamRoster &roster, Selection selection, Labels labels, QWidget *parent)
    : QWidget(parent), m_client(client), m_roster(roster), m_selection(std::move(selection)),
      m_labels(std::move(labels))
{
    setObjectName(QStringLiteral("queueBulkBar"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("bulkCount"));
    m_assign = new QPushButton(tr("Assign to…"), this);
    m_assign->setObjectName(QStringLiteral("bulkAssign"));
    m_transfer = new QPushButton(tr("Transfer to queue…"), this);
    m_transfer->setObjectName(QStringLiteral("bulkTransfer"));
    m_resolve = new QPushButton(tr("Resolve…"), this);
    m_resolve->setObjectName(QStringLiteral("bulkResolve"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("bulkResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_count);
    row->addWidget(m_assign);
    row->addWidget(m_transfer);
    row->addWidget(m_resolve);
    row->addWidget(m_result, 1);
    connect(m_assign, &QPushButton::clicked, this, &QueueBulkBar::askAssign);
    connect(m_transfer, &QPushButton::clicked, this, &QueueBulkBar::askTransfer);
    connect(m_resolve, &QPushButton::clicked, this, &QueueBulkBar::askResolve);
    selectionChanged();
}

void QueueBulkBar::selectionChanged()
{
    const int n = int(m_selection().size());
    m_count->setText(tr("%n selected", nullptr, n));
    for (QPushButton *b : {m_assign, m_transfer, m_resolve})
        b->setEnabled(n > 0 && !m_running);
}

QString QueueBulkBar::lastReport() const
{
    return m_result->text();
}

void QueueBulkBar::askAssign()
{
    QStringList names;
    QStringList ids;
    for (const TeamRoster::Member &m : m_roster.members()) {
        names << TeamRoster::describe(m);
        ids << m.id;
    }
    bool ok = false;
    const QString picked = QInputDialog::getItem(this, tr("Assign to"),
        tr("Give the %n selected conversation(s) to:", nullptr, int(m_selection().size())), names, 0, false, &ok);
    const qsizetype i = names.indexOf(picked);
    if (ok && i >= 0)
        assignTo(ids.at(i), m_roster.members().at(i).name);
}

void QueueBulkBar::askTransfer()
{
    QStringList labels;
    for (const QString &q : m_queues)
        labels << display::titleCase(q);
    bool ok = false;
    const QString picked = QInputDialog::getItem(this, tr("Transfer to queue"),
        tr("Move the %n selected conversation(s) to the queue:", nullptr, int(m_selection().size())), labels, 0, false,
        &ok);
    const qsizetype i = labels.indexOf(picked);
    if (ok && i >= 0)
        transferTo(m_queues.at(i));
}

void QueueBulkBar::askResolve()
{
    const int n = int(m_selection().size());
    const auto answer = QMessageBox::question(this, tr("Resolve conversations"),
        tr("Resolve %n conversation(s)? Each customer gets the closing message, and the conversations leave the queue.",
            nullptr, n),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        resolve();
}

void QueueBulkBar::assignTo(const QString &agentId, const QString &name)
{
    run([name](int done, int total) { return tr("%1 of %n assigned to %2", nullptr, total).arg(done).arg(name); },
        [this, agentId](const QString &id) { return m_client.assign(id, agentId); });
}

void QueueBulkBar::transferTo(const QString &queue)
{
    const QString label = display::titleCase(queue);
    run([label](int done, int total) { return tr("%1 of %n moved to %2", nullptr, total).arg(done).arg(label); },
        [this, queue](
            const QString &id) { return m_client.transfer(id, QStringLiteral("HUMAN_AGENT"), queue, QString()); });
}

void QueueBulkBar::resolve()
{
    run([](int done, int total) { return tr("%1 of %n resolved", nullptr, total).arg(done); },
        [this](const QString &id) {
            return m_client.resolve(id, QStringLiteral("ISSUE_RESOLVED"), tr("Resolved from the queue"));
        });
}

void QueueBulkBar::run(
    const std::function<QString(int, int)> &words, const std::function<ApiReply *(const QString &)> &call)
{
    const QStringList ids = m_selection();
    if (ids.isEmpty() || m_running)
        return;
    m_running = true;
    m_result->setText(tr("Working on %n conversation(s)…", nullptr, int(ids.size())));
    selectionChanged();
    auto *bulk = new BulkRun(ids, m_labels(), call, this);
    const int total = int(ids.size());
    connect(bulk, &BulkRun::finished, this, [this, words, total](int done, const QStringList &failures) {
        m_running = false;
        const QString report = BulkRun::report(words(done, total), failures);
        m_result->setText(report);
        selectionChanged();
        emit finished(report);
    });
    bulk->start();
}

} // namespace tierdesk::ui
