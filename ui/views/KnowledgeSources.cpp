#include "ui/views/KnowledgeSources.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"
#include "ui/dialogs/KbSourceDialog.h"
#include "ui/models/Display.h"
#include "ui/models/KbSourcesModel.h"
#include "ui/views/ConfirmButton.h"
#include "ui/views/RowTable.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

bool isSyncing(const QJsonObject &source)
{
    const QString status = source.value(QLatin1String("status")).toString();
    return status == QLatin1String("queued") || status == QLatin1String("running");
}

QString sourceWhen(const QJsonObject &source, const char *key)
{
    return display::dateTimeOfMs(display::parseTime(source.value(QLatin1String(key)).toString()));
}

} // namespace

KnowledgeSources::KnowledgeSources(ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new KbSourcesModel(this))
{
    auto *website = new QPushButton(tr("Add &website..."), this);
    website->setObjectName(QStringLiteral("kbAddWebsite"));
    website->setToolTip(tr("Your help center's sitemap or start page: its pages become articles, kept in sync"));
    auto *zendesk = new QPushButton(tr("Add &Zendesk Help Center..."), this);
    zendesk->setObjectName(QStringLiteral("kbAddZendesk"));
    m_sync = new QPushButton(tr("S&ync now"), this);
    m_sync->setObjectName(QStringLiteral("kbSyncNow"));
    m_remove = new ConfirmButton(tr("Remove"), tr("Click again: its articles go too"), this);
    m_remove->setObjectName(QStringLiteral("kbRemoveSource"));
    m_remove->setToolTip(tr("Removes the source and every article it brought, edited ones too"));
    connect(website, &QPushButton::clicked, this, [this] { addSource(QStringLiteral("website")); });
    connect(zendesk, &QPushButton::clicked, this, [this] { addSource(QStringLiteral("zendesk")); });
    connect(m_sync, &QPushButton::clicked, this, &KnowledgeSources::syncCurrent);
    connect(m_remove, &ConfirmButton::confirmed, this, &KnowledgeSources::removeCurrent);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(website);
    buttons->addWidget(zendesk);
    buttons->addStretch(1);
    buttons->addWidget(m_sync);
    buttons->addWidget(m_remove);

    m_table = rowTable(m_model, QStringLiteral("kbSourcesTable"), this);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(KbSourcesModel::Address, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            m_current = current.isValid() ? m_model->source(current.row()) : QJsonObject();
            m_remove->disarm();
            showCurrent();
        });

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("kbSourcesMessage"));
    m_message->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 3);
    layout->addWidget(buildDetail(), 2);
    layout->addWidget(m_message);

    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &KnowledgeSources::poll);
    showCurrent();
}

QWidget *KnowledgeSources::buildDetail()
{
    auto *box = new QGroupBox(tr("Selected source"), this);
    m_title = new QLabel(box);
    m_title->setObjectName(QStringLiteral("kbSourceTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("kbSourceProgress"));
    m_figures = new QLabel(box);
    m_figures->setObjectName(QStringLiteral("kbSourceFigures"));
    m_figures->setWordWrap(true);
    m_failedLabel = new QLabel(box);
    m_failed = new QTreeWidget(box);
    m_failed->setObjectName(QStringLiteral("kbSourceFailed"));
    m_failed->setHeaderLabels({tr("Page"), tr("Why it failed")});
    m_failed->setRootIsDecorated(false);
    m_failed->setTextElideMode(Qt::ElideMiddle);
    m_failed->header()->setStretchLastSection(true);
    m_lastError = new QLabel(box);
    m_lastError->setObjectName(QStringLiteral("kbSourceLastError"));
    m_lastError->setStyleSheet(QStringLiteral("color:#b91c1c;"));
    m_lastError->setWordWrap(true);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_title);
    layout->addWidget(m_progress);
    layout->addWidget(m_figures);
    layout->addWidget(m_lastError);
    layout->addWidget(m_failedLabel);
    layout->addWidget(m_failed, 1);
    return box;
}

void KnowledgeSources::refresh()
{
    ApiReply *r = m_client.kbSources();
    connect(r, &ApiReply::succeeded, this,
        [this](const QJsonObject &body) { takeSources(body.value(QLatin1String("sources")).toArray()); });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(e.message, true); });
}

void KnowledgeSources::takeSources(const QJsonArray &sources)
{
    const qint64 selected = currentId();
    // A sync that ended since the last read: its articles changed.
    bool ended = false;
    for (const QJsonValue &v : sources) {
        const int row = m_model->rowOf(v.toObject().value(QLatin1String("id")).toInteger());
        ended = ended || (row >= 0 && isSyncing(m_model->source(row)) && !isSyncing(v.toObject()));
    }
    m_model->setSources(sources);
    const int row = m_model->rowOf(selected);
    if (row >= 0)
        m_table->selectRow(row);
    else if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    else
        m_current = {};
    if (row >= 0)
        m_current = m_model->source(row);
    showCurrent();
    followPolling();
    if (ended)
        emit articlesChanged();
}

void KnowledgeSources::take(const QJsonObject &source)
{
    const int row = m_model->rowOf(source.value(QLatin1String("id")).toInteger());
    const bool ended = row >= 0 && isSyncing(m_model->source(row)) && !isSyncing(source);
    m_model->updateSource(source);
    if (source.value(QLatin1String("id")).toInteger() == currentId()) {
        m_current = source;
        showCurrent();
    }
    followPolling();
    if (ended)
        emit articlesChanged();
}

void KnowledgeSources::select(qint64 id)
{
    if (const int row = m_model->rowOf(id); row >= 0)
        m_table->selectRow(row);
}

void KnowledgeSources::followPolling()
{
    bool any = false;
    for (int row = 0; row < m_model->rowCount() && !any; ++row)
        any = isSyncing(m_model->source(row));
    if (any && !m_poll.isActive())
        m_poll.start();
    else if (!any)
        m_poll.stop();
}

void KnowledgeSources::poll()
{
    if (m_pollsInFlight > 0)
        return; // the last round has not answered yet: no pile-up on a slow server
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (!isSyncing(m_model->source(row)))
            continue;
        ++m_pollsInFlight;
        ApiReply *r = m_client.kbSource(m_model->source(row).value(QLatin1String("id")).toInteger());
        connect(r, &ApiReply::finished, this, [this] { --m_pollsInFlight; });
        connect(r, &ApiReply::succeeded, this, &KnowledgeSources::take);
        connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
            if (e.status == 404) // removed meanwhile (another console)
                refresh();
        });
    }
}

void KnowledgeSources::showCurrent()
{
    const QJsonObject &s = m_current;
    const bool any = !s.isEmpty();
    m_sync->setEnabled(any && !isSyncing(s));
    m_remove->setEnabled(any);
    m_progress->setVisible(isSyncing(s));
    m_figures->setVisible(any);
    if (!any) {
        m_title->setText(m_model->rowCount() == 0 ? tr("No source yet: add your help center's website or Zendesk "
                                                       "Help Center, and its articles are read and kept in sync.")
                                                  : tr("Choose a source."));
        m_lastError->hide();
        m_failedLabel->hide();
        m_failed->hide();
        return;
    }
    m_title->setText(QStringLiteral("<b>%1</b> %2")
                         .arg(KbSourcesModel::kindLabel(s.value(QLatin1String("kind")).toString()).toHtmlEscaped(),
                             s.value(QLatin1String("url")).toString().toHtmlEscaped()));
    const QJsonObject progress = s.value(QLatin1String("progress")).toObject();
    const int found = progress.value(QLatin1String("found")).toInt();
    if (s.value(QLatin1String("status")).toString() == QLatin1String("queued") || found == 0) {
        m_progress->setRange(0, 0); // waiting for its turn, or still reading the listing
        m_progress->setFormat(QString());
    } else {
        m_progress->setRange(0, found);
        m_progress->setValue(progress.value(QLatin1String("fetched")).toInt());
        m_progress->setFormat(tr("%v of %m pages read"));
    }
    const QString last = sourceWhen(s, "lastSyncAt");
    const QString figures = last.isEmpty() ? tr("Not synced yet.")
                                           : tr("Last sync %1: %2 imported, %3 updated, %4 removed.")
                                                 .arg(last)
                                                 .arg(s.value(QLatin1String("imported")).toInt())
                                                 .arg(s.value(QLatin1String("updated")).toInt())
                                                 .arg(s.value(QLatin1String("removed")).toInt());
    const QString next = s.value(QLatin1String("syncHours")).toInt() == 0
        ? tr("Synced only when asked.")
        : tr("Next sync %1.").arg(sourceWhen(s, "nextSyncAt"));
    m_figures->setText(isSyncing(s) ? KbSourcesModel::statusLabel(s) : figures + QLatin1Char(' ') + next);
    const QString lastError = s.value(QLatin1String("lastError")).toString();
    m_lastError->setText(tr("The last sync failed: %1").arg(lastError));
    m_lastError->setVisible(!lastError.isEmpty());
    const QJsonArray failed = s.value(QLatin1String("failed")).toArray();
    m_failed->clear();
    for (const QJsonValue &v : failed)
        m_failed->addTopLevelItem(new QTreeWidgetItem({v.toObject().value(QLatin1String("url")).toString(),
            v.toObject().value(QLatin1String("error")).toString()}));
    m_failed->resizeColumnToContents(0);
    m_failedLabel->setText(
        tr("%n page(s) could not be read; the articles they gave before are kept:", nullptr, int(failed.size())));
    m_failedLabel->setVisible(!failed.isEmpty());
    m_failed->setVisible(!failed.isEmpty());
}

void KnowledgeSources::addSource(const QString &kind)
{
    if (m_dialog)
        m_dialog->close();
    m_dialog = new KbSourceDialog(m_client, kind, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &KbSourceDialog::added, this, [this](const QJsonObject &source) {
        say(tr("Added %1: its first sync is queued.").arg(source.value(QLatin1String("url")).toString()));
        m_current = source; // selected once the list is read again
        refresh();
    });
    m_dialog->open();
}

void KnowledgeSources::syncCurrent()
{
    if (m_current.isEmpty())
        return;
    m_sync->setEnabled(false);
    ApiReply *r = m_client.kbSyncSource(currentId());
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &source) {
        say(tr("Sync queued."));
        take(source);
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        say(e.message, true);
        showCurrent();
    });
}

void KnowledgeSources::removeCurrent()
{
    if (m_current.isEmpty())
        return;
    const QString url = m_current.value(QLatin1String("url")).toString();
    ApiReply *r = m_client.kbDeleteSource(currentId());
    connect(r, &ApiReply::succeeded, this, [this, url] {
        say(tr("Removed %1 and the articles it brought.").arg(url));
        m_current = {};
        refresh();
        emit articlesChanged();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(e.message, true); });
}

void KnowledgeSources::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QStringLiteral("color:#166534;"));
    m_message->setText(text);
    emit status(text);
}

} // namespace tierdesk::ui
