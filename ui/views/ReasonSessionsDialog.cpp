#include "ui/views/ReasonSessionsDialog.h"

#include "ui/client/ApiClient.h"
#include "ui/models/Display.h"
#include "ui/models/ReasonSessionsModel.h"
#include "ui/views/RowTable.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace tierdesk::ui {

ReasonSessionsDialog::ReasonSessionsDialog(
    ApiClient &client, const QString &reason, const QDate &from, const QDate &to, QWidget *parent)
    : QDialog(parent), m_client(client), m_reason(reason), m_from(from), m_to(to),
      m_model(new ReasonSessionsModel(this))
{
    setObjectName(QStringLiteral("reasonSessions"));
    setWindowTitle(tr("Sessions: %1").arg(reason));
    auto *title = new QLabel(tr("Sessions whose reason for contact was <b>%1</b>, started from %2 to %3")
                                 .arg(reason.toHtmlEscaped(), display::date(from), display::date(to)),
        this);
    title->setWordWrap(true);
    m_table = rowTable(m_model, QStringLiteral("reasonSessionsTable"), this);
    m_table->setToolTip(tr("Double-click a session to open it"));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_count = new QLabel(tr("Loading..."), this);
    m_count->setObjectName(QStringLiteral("reasonSessionsCount"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_table, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_count, 1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    resize(760, 480);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Opening one takes the console to the conversation: the list has done its work.
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit openSession(m_model->keyOf(index.row()));
        accept();
    });
    load();
}

void ReasonSessionsDialog::load()
{
    ApiReply *r = m_client.reasonSessions(m_reason, m_from, m_to, kLimit);
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &answer) {
        const QJsonArray sessions = answer.value(QLatin1String("sessions")).toArray();
        m_model->setRows(sessions);
        const int total = answer.value(QLatin1String("total")).toInt(int(sessions.size()));
        m_count->setText(tr("%1 of %n session(s)", nullptr, total).arg(sessions.size()));
        emit loaded();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        m_count->setText(tr("Could not load the sessions: %1").arg(e.message));
        m_count->setStyleSheet(QStringLiteral("color: #b91c1c"));
    });
}

} // namespace tierdesk::ui
