#include "ui/views/settings/ConnectorsSettings.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"
#include "ui/dialogs/ConnectorDialog.h"
#include "ui/models/ConnectorCallsModel.h"
#include "ui/models/ConnectorsModel.h"
#include "ui/views/ConfirmButton.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

constexpr int kConnectorCallsShown = 100;

// The placeholders a test of each purpose is usually given.
QStringList testPlaceholders(const QString &purpose)
{
    if (purpose == QLatin1String("order"))
        return {QStringLiteral("orderId")};
    if (purpose == QLatin1String("orders"))
        return {QStringLiteral("customerId"), QStringLiteral("email")};
    if (purpose == QLatin1String("customer"))
        return {QStringLiteral("customerId"), QStringLiteral("email"), QStringLiteral("phone")};
    if (purpose == QLatin1String("refund"))
        return {QStringLiteral("orderId"), QStringLiteral("paymentReference"), QStringLiteral("amount"),
            QStringLiteral("amountCents"), QStringLiteral("currency"), QStringLiteral("reason")};
    if (purpose == QLatin1String("credit"))
        return {QStringLiteral("customerId"), QStringLiteral("amount"), QStringLiteral("amountCents"),
            QStringLiteral("currency"), QStringLiteral("reason")};
    if (purpose == QLatin1String("cancel"))
        return {QStringLiteral("orderId"), QStringLiteral("reason")};
    return {
        QStringLiteral("sessionId"), QStringLiteral("customerId"), QStringLiteral("email"), QStringLiteral("reason")};
}

QTableView *connectorRowsTable(const char *name, QAbstractItemModel *model, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(QLatin1String(name));
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    return table;
}

} // namespace

ConnectorsSettings::ConnectorsSettings(ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new ConnectorsModel(this)), m_calls(new ConnectorCallsModel(this))
{
    m_table = connectorRowsTable("connectorsTable", m_model, this);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ConnectorsSettings::followSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConnectorsSettings::followSelection);
    connect(m_table, &QTableView::doubleClicked, this, &ConnectorsSettings::editConnector);
    m_add = new QPushButton(tr("Add…"), this);
    m_add->setObjectName(QStringLiteral("connectorAdd"));
    connect(m_add, &QPushButton::clicked, this, &ConnectorsSettings::addConnector);
    m_edit = new QPushButton(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("connectorEdit"));
    connect(m_edit, &QPushButton::clicked, this, &ConnectorsSettings::editConnector);
    m_remove = new ConfirmButton(tr("Remove"), tr("Click again to remove"), this);
    m_remove->setObjectName(QStringLiteral("connectorRemove"));
    connect(m_remove, &ConfirmButton::confirmed, this, &ConnectorsSettings::remove);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("connectorsMessage"));
    m_message->setWordWrap(true);
    auto *intro = new QLabel(tr("The company's own systems: its shop or ERP for orders, customers and cancellations, "
                                "its payment provider for refunds and credits, its CRM for tickets. Configuration › "
                                "Connectors says which one serves what; until then Tierdesk's own store does."),
        this);
    intro->setWordWrap(true);
    intro->setStyleSheet(QStringLiteral("color:#5f6b7a;"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_add);
    actions->addWidget(m_edit);
    actions->addWidget(m_remove);
    actions->addStretch(1);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(intro);
    topLayout->addWidget(m_table, 1);
    topLayout->addLayout(actions);
    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(buildTest());
    bottom->addWidget(buildCalls());
    bottom->setStretchFactor(0, 1);
    bottom->setStretchFactor(1, 1);
    bottom->setSizes({540, 540});
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({220, 460});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_message);
    followSelection();
}

QWidget *ConnectorsSettings::buildTest()
{
    auto *box = new QGroupBox(tr("Test the selected connector"), this);
    m_purpose = new QComboBox(box);
    m_purpose->setObjectName(QStringLiteral("connectorTestPurpose"));
    connect(m_purpose, &QComboBox::currentIndexChanged, this, &ConnectorsSettings::followPurpose);
    m_input = new QTableWidget(0, 2, box);
    m_input->setObjectName(QStringLiteral("connectorTestInput"));
    m_input->setHorizontalHeaderLabels({tr("Placeholder"), tr("Value")});
    m_input->verticalHeader()->hide();
    m_input->horizontalHeader()->setStretchLastSection(true);
    m_input->setMinimumHeight(110);
    m_input->setMaximumHeight(150);
    m_test = new QPushButton(tr("Test"), box);
    m_test->setObjectName(QStringLiteral("connectorTest"));
    connect(m_test, &QPushButton::clicked, this, &ConnectorsSettings::test);
    m_testResult = new QLabel(tr("Asks the system once with these values. A refund, credit or cancellation is a dry "
                                 "run: it shows the request and sends nothing."),
        box);
    m_testResult->setObjectName(QStringLiteral("connectorTestResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testAnswer = new QPlainTextEdit(box);
    m_testAnswer->setObjectName(QStringLiteral("connectorTestAnswer"));
    m_testAnswer->setReadOnly(true);
    m_testAnswer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_testAnswer->setPlaceholderText(tr("What the system answered shows here."));
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Purpose"), box));
    row->addWidget(m_purpose, 1);
    row->addWidget(m_test);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(row);
    layout->addWidget(m_input);
    layout->addWidget(m_testResult);
    layout->addWidget(m_testAnswer, 1);
    return box;
}

QWidget *ConnectorsSettings::buildCalls()
{
    auto *box = new QGroupBox(tr("Last calls"), this);
    m_callsTable = connectorRowsTable("connectorCallsTable", m_calls, box);
    m_reloadCalls = new QPushButton(tr("Reload"), box);
    m_reloadCalls->setObjectName(QStringLiteral("connectorCallsReload"));
    connect(m_reloadCalls, &QPushButton::clicked, this, &ConnectorsSettings::loadCalls);
    auto *note = new QLabel(tr("No bodies and no secrets are kept, only how each call went."), box);
    note->setStyleSheet(QStringLiteral("color:#5f6b7a;"));
    auto *row = new QHBoxLayout;
    row->addWidget(note, 1);
    row->addWidget(m_reloadCalls);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_callsTable, 1);
    layout->addLayout(row);
    return box;
}

QString ConnectorsSettings::selectedName() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->keyOf(rows.first().row());
}

void ConnectorsSettings::select(const QString &name)
{
    if (const int row = m_model->rowOf(name); row >= 0)
        m_table->selectRow(row);
}

QString ConnectorsSettings::testResult() const
{
    return m_testResult->text();
}

void ConnectorsSettings::followSelection()
{
    const QString name = selectedName();
    const bool any = !name.isEmpty();
    m_remove->disarm();
    m_remove->setEnabled(any);
    m_edit->setEnabled(any);
    m_test->setEnabled(any);
    m_reloadCalls->setEnabled(any);
    const QString purpose = m_purpose->currentData().toString();
    {
        const QSignalBlocker block(m_purpose);
        m_purpose->clear();
        for (const QJsonValue &p : m_model->row(m_model->rowOf(name)).value(QLatin1String("purposes")).toArray())
            m_purpose->addItem(ConnectorsModel::purposeLabel(p.toString()), p.toString());
        m_purpose->setCurrentIndex(qMax(0, m_purpose->findData(purpose)));
    }
    followPurpose();
    m_calls->setRows({});
    if (any)
        loadCalls();
}

void ConnectorsSettings::followPurpose()
{
    QHash<QString, QString> given;
    for (int row = 0; row < m_input->rowCount(); ++row)
        if (m_input->item(row, 1))
            given.insert(m_input->item(row, 0)->text(), m_input->item(row, 1)->text());
    const QString purpose = m_purpose->currentData().toString();
    const QStringList names = purpose.isEmpty() ? QStringList() : testPlaceholders(purpose);
    m_input->setRowCount(int(names.size()));
    for (int row = 0; row < names.size(); ++row) {
        auto *name = new QTableWidgetItem(names.at(row));
        name->setFlags(Qt::ItemIsEnabled);
        m_input->setItem(row, 0, name);
        m_input->setItem(row, 1, new QTableWidgetItem(given.value(names.at(row))));
    }
}

void ConnectorsSettings::setTestInput(const QString &placeholder, const QString &value)
{
    for (int row = 0; row < m_input->rowCount(); ++row)
        if (m_input->item(row, 0)->text() == placeholder)
            return m_input->item(row, 1)->setText(value);
}

void ConnectorsSettings::refresh()
{
    const QString keep = selectedName();
    ApiReply *r = m_client.connectors();
    connect(r, &ApiReply::succeeded, this, [this, keep](const QJsonObject &body) {
        m_model->setRows(body.value(QLatin1String("connectors")).toArray());
        if (const int row = m_model->rowOf(keep); row >= 0)
            m_table->selectRow(row);
        else if (m_model->rowCount() > 0)
            m_table->selectRow(0);
        followSelection();
        emit loaded();
    });
    connect(r, &ApiReply::failed, this, &ConnectorsSettings::sayError);
}

void ConnectorsSettings::addConnector()
{
    openDialog({});
}

void ConnectorsSettings::editConnector()
{
    const int row = m_model->rowOf(selectedName());
    if (row >= 0)
        openDialog(m_model->row(row));
}

void ConnectorsSettings::openDialog(const QJsonObject &connector)
{
    m_dialog = new ConnectorDialog(m_client, connector, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    connect(m_dialog, &ConnectorDialog::saved, this, [this](const QJsonObject &saved) {
        const QString name = saved.value(QLatin1String("name")).toString();
        say(tr("Connector saved: %1.").arg(name));
        ApiReply *list = m_client.connectors();
        connect(list, &ApiReply::succeeded, this, [this, name](const QJsonObject &body) {
            m_model->setRows(body.value(QLatin1String("connectors")).toArray());
            select(name);
            followSelection();
            emit this->saved();
        });
        connect(list, &ApiReply::failed, this, &ConnectorsSettings::sayError);
    });
    m_dialog->open();
}

void ConnectorsSettings::remove()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    ApiReply *r = m_client.removeConnector(name);
    connect(r, &ApiReply::succeeded, this, [this, name] {
        say(tr("Connector removed: %1.").arg(name));
        refresh();
        emit removed();
    });
    connect(r, &ApiReply::failed, this, &ConnectorsSettings::sayError);
}

void ConnectorsSettings::test()
{
    const QString name = selectedName();
    const QString purpose = m_purpose->currentData().toString();
    if (name.isEmpty() || purpose.isEmpty())
        return;
    QJsonObject input;
    for (int row = 0; row < m_input->rowCount(); ++row)
        if (const QString value = m_input->item(row, 1)->text().trimmed(); !value.isEmpty())
            input.insert(m_input->item(row, 0)->text(), value);
    const int waitMs = m_model->row(m_model->rowOf(name)).value(QLatin1String("timeoutMs")).toInt();
    m_test->setEnabled(false);
    m_testAnswer->clear();
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Asking %1 (%2)…").arg(name, ConnectorsModel::purposeLabel(purpose)));
    ApiReply *r = m_client.testConnector(name, purpose, input, waitMs);
    connect(r, &ApiReply::finished, this, [this] {
        m_test->setEnabled(!selectedName().isEmpty());
        loadCalls();
        emit tested();
    });
    connect(r, &ApiReply::succeeded, this, &ConnectorsSettings::showTest);
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        m_testResult->setStyleSheet(QStringLiteral("color:#b91c1c;"));
        m_testResult->setText(tr("The test could not be made: %1").arg(e.message));
    });
}

void ConnectorsSettings::showTest(const QJsonObject &answer)
{
    const QJsonObject request = answer.value(QLatin1String("request")).toObject();
    const QString sent = request.value(QLatin1String("method")).toString() + QLatin1Char(' ')
        + request.value(QLatin1String("url")).toString();
    const int latency = answer.value(QLatin1String("latencyMs")).toInt();
    const QJsonObject result = answer.value(QLatin1String("result")).toObject();
    QString text;
    if (result.value(QLatin1String("dryRun")).toBool()) {
        text = tr("Dry run: nothing was sent. It would send %1").arg(sent);
    } else if (answer.value(QLatin1String("ok")).toBool()) {
        const int status = answer.value(QLatin1String("status")).toInt();
        text = tr("OK in %1 ms (HTTP %2): %3").arg(latency).arg(status).arg(sent);
    } else {
        text
            = tr("Failed after %1 ms: %2 — %3").arg(latency).arg(answer.value(QLatin1String("error")).toString(), sent);
    }
    const bool ok = answer.value(QLatin1String("ok")).toBool();
    m_testResult->setStyleSheet(ok ? QStringLiteral("color:#166534;") : QStringLiteral("color:#b91c1c;"));
    m_testResult->setText(text);
    if (ok && !result.value(QLatin1String("dryRun")).toBool())
        m_testAnswer->setPlainText(QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Indented)));
}

void ConnectorsSettings::loadCalls()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    ApiReply *r = m_client.connectorCalls(name, kConnectorCallsShown);
    connect(r, &ApiReply::succeeded, this, [this, name](const QJsonObject &body) {
        if (name != selectedName())
            return;
        m_calls->setRows(body.value(QLatin1String("calls")).toArray());
        emit callsLoaded();
    });
    connect(r, &ApiReply::failed, this, &ConnectorsSettings::sayError);
}

void ConnectorsSettings::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QString());
    m_message->setText(text);
}

void ConnectorsSettings::sayError(const ApiError &e)
{
    const QString field = e.details.value(QLatin1String("field")).toString();
    say(field.isEmpty() ? e.message : tr("%1 (%2)").arg(e.message, field), true);
}

} // namespace tierdesk::ui
