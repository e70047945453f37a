#include "ui/views/ConfigView.h"

#include "core/api/cs/CsConfigJson.h"
#include "ui/client/ApiClient.h"
#include "ui/models/ConfigHistoryModel.h"
#include "ui/models/ModelTrialModel.h"
#include "ui/models/SimulationModel.h"
#include "ui/views/CapabilityOrder.h"
#include "ui/views/ConfigForm.h"
#include "ui/views/RowTable.h"

#include <QDateEdit>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

// The parts of the config whose change the what-if is for: they decide escalations.
QJsonObject escalationParts(const QJsonObject &config)
{
    QJsonObject tiers;
    const QJsonObject all = config.value(QLatin1String("tiers")).toObject();
    for (auto it = all.begin(); it != all.end(); ++it) {
        const QJsonObject t = it->toObject();
        tiers.insert(it.key(),
            QJsonObject{{QStringLiteral("enabled"), t.value(QLatin1String("enabled"))},
                {QStringLiteral("capabilities"), t.value(QLatin1String("capabilities"))}});
    }
    return {{QStringLiteral("tiers"), tiers},
        {QStringLiteral("irateProtocol"), config.value(QLatin1String("irateProtocol"))},
        {QStringLiteral("escalationRules"), config.value(QLatin1String("escalationRules"))}};
}

} // namespace

QString ConfigView::whatIfHint()
{
    return tr("Edit the config, then see what it would have changed.");
}

ConfigView::ConfigView(ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_form(new ConfigForm(this)), m_simulation(new SimulationModel(this)),
      m_trial(new ModelTrialModel(this)), m_history(new ConfigHistoryModel(this))
{
    setObjectName(QStringLiteral("configView"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("configTitle"));
    m_title->setStyleSheet(QStringLiteral("font-size:12pt; font-weight:600;"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("configMessage"));
    m_message->setWordWrap(true);
    m_revert = new QPushButton(tr("Revert"), this);
    m_revert->setObjectName(QStringLiteral("configRevert"));
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(QStringLiteral("configSave"));
    m_save->setDefault(true);
    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addWidget(m_message, 1);
    top->addWidget(m_revert);
    top->addWidget(m_save);

    m_capWarning = new QLabel(this);
    m_capWarning->setObjectName(QStringLiteral("configCapWarning"));
    m_capWarning->setWordWrap(true);
    m_capWarning->setStyleSheet(QStringLiteral("color:#92400e; background:#fef3c7; padding:4px;"));
    m_capWarning->hide();

    auto *scroll = m_scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("configScroll"));
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the form fits the pane's width
    scroll->setFrameShape(QFrame::NoFrame);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(buildWhatIf());
    right->addWidget(buildHistory());
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(scroll);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({430, 600});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_capWarning);
    layout->addWidget(split, 1);

    connect(m_form, &ConfigForm::edited, this, &ConfigView::validate);
    connect(&m_client, &ApiClient::configChanged, this, &ConfigView::takeConfig);
    connect(m_save, &QPushButton::clicked, this, &ConfigView::save);
    connect(m_revert, &QPushButton::clicked, this, &ConfigView::revert);
    connect(m_whatIf, &QPushButton::clicked, this, &ConfigView::simulate);
    connect(m_simulationTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit openSession(index.data(SimulationModel::SessionIdRole).toString(), true);
    });
    connect(m_trialTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit openSession(index.data(ModelTrialModel::SessionIdRole).toString(), true);
    });
    setPeriod(QDate::currentDate().addDays(-30), QDate::currentDate());
    validate();
}

QWidget *ConfigView::buildWhatIf()
{
    auto *box = new QGroupBox(tr("What if… (replays the stored conversations with the edited config)"), this);
    m_from = new QDateEdit(box);
    m_from->setObjectName(QStringLiteral("whatIfFrom"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(box);
    m_to->setObjectName(QStringLiteral("whatIfTo"));
    m_to->setCalendarPopup(true);
    m_whatIf = new QPushButton(tr("What if…"), box);
    m_whatIf->setObjectName(QStringLiteral("whatIfRun"));
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Conversations from"), box));
    row->addWidget(m_from);
    row->addWidget(new QLabel(tr("to"), box));
    row->addWidget(m_to);
    row->addStretch(1);
    // The button under the dates: the pane stays narrow enough beside the form in a 1024 px window.
    auto *run = new QHBoxLayout;
    run->addWidget(m_whatIf);
    run->addStretch(1);
    m_summary = new QLabel(whatIfHint(), box);
    m_summary->setObjectName(QStringLiteral("whatIfSummary"));
    m_summary->setWordWrap(true);
    m_whatIfTabs = new QTabWidget(box);
    m_whatIfTabs->setObjectName(QStringLiteral("whatIfTabs"));
    m_whatIfTabs->addTab(buildEscalationChanges(), tr("Escalations"));
    m_whatIfTabs->addTab(buildModelTrial(), tr("Model replies"));
    m_whatIfTabs->setTabEnabled(kModelTab, false);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(row);
    layout->addLayout(run);
    layout->addWidget(m_summary);
    layout->addWidget(m_whatIfTabs, 1);
    return box;
}

// The sessions whose first escalation the edited config changes.
QWidget *ConfigView::buildEscalationChanges()
{
    auto *page = new QWidget(this);
    m_simulationTable = rowTable(m_simulation, QStringLiteral("whatIfTable"), page);
    QHeaderView *header = m_simulationTable->horizontalHeader();
    header->setSectionResizeMode(SimulationModel::Session, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SimulationModel::Change, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SimulationModel::Before, QHeaderView::Stretch);
    header->setSectionResizeMode(SimulationModel::After, QHeaderView::Stretch);
    // What the replay cannot know without the store of the time (docs/api.md, "What-if").
    auto *limits
        = new QLabel(tr("Replayed: requests for a person or manager, legal and public threats, the irate protocol, "
                        "each tier's authority and switch. Not replayed: repeat contact, unanswered turns "
                        "(complex issue) and what an order still owes."),
            page);
    limits->setWordWrap(true);
    limits->setStyleSheet(QStringLiteral("color:#6b7280;"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(limits);
    layout->addWidget(m_simulationTable, 1);
    return page;
}

// The customer turns worded by the candidate model of an edited "ai" section, as the guard judged them.
QWidget *ConfigView::buildModelTrial()
{
    auto *page = new QWidget(this);
    m_trialSummary = new QLabel(page);
    m_trialSummary->setObjectName(QStringLiteral("modelTrialSummary"));
    m_trialSummary->setWordWrap(true);
    m_trialTable = rowTable(m_trial, QStringLiteral("modelTrialTable"), page);
    m_trialTable->setWordWrap(false);
    QHeaderView *header = m_trialTable->horizontalHeader();
    header->setSectionResizeMode(ModelTrialModel::Turn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ModelTrialModel::Customer, QHeaderView::Stretch);
    header->setSectionResizeMode(ModelTrialModel::Reply, QHeaderView::Stretch);
    header->setSectionResizeMode(ModelTrialModel::Verdict, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ModelTrialModel::Latency, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ModelTrialModel::Cost, QHeaderView::ResizeToContents);
    auto *note = new QLabel(tr("A trial takes no action and moves no money: a reply claiming one is what the guard "
                               "must catch. Hover over a row for the whole reply and the guard's notes."),
        page);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color:#6b7280;"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(note);
    layout->addWidget(m_trialSummary);
    layout->addWidget(m_trialTable, 1);
    return page;
}

void ConfigView::showWhatIf(const QJsonObject &report)
{
    m_simulation->setReport(report);
    m_trial->setTrial(report.value(QLatin1String("ai")).toObject());
    m_summary->setText(report.isEmpty() ? whatIfHint() : m_simulation->summary());
    m_trialSummary->setText(m_trial->summary());
    const bool tried = m_trial->hasTrial();
    m_whatIfTabs->setTabEnabled(kModelTab, tried);
    m_whatIfTabs->setTabText(
        kModelTab, tried ? tr("Model replies (%1)").arg(m_trial->rowCount()) : tr("Model replies"));
    // The model's words are the news when no escalation changes.
    m_whatIfTabs->setCurrentIndex(tried && m_simulation->rowCount() == 0 ? kModelTab : kEscalationTab);
}

QWidget *ConfigView::buildHistory()
{
    auto *box = new QGroupBox(tr("History of changes"), this);
    m_historyTable = rowTable(m_history, QStringLiteral("configHistory"), box);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_historyTable);
    return box;
}

void ConfigView::setPeriod(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

void ConfigView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_everLoaded)
        refresh();
    else
        loadProviders(); // one may have been added in Settings meanwhile
}

void ConfigView::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QStringLiteral("color:#166534;"));
    m_message->setText(text);
    emit status(text);
}

void ConfigView::forgetCompany()
{
    m_everLoaded = false;
    m_message->clear();
    showWhatIf({});
    m_simulatedFor = {};
    if (isVisible())
        refresh();
}

void ConfigView::refresh()
{
    const QString name = m_client.companyName().isEmpty() ? m_client.companyId().left(8) + QStringLiteral("…")
                                                          : m_client.companyName();
    m_title->setText(tr("Configuration · %1").arg(name));
    m_title->setToolTip(tr("Company %1").arg(m_client.companyId()));
    ApiReply *r = m_client.config();
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &config) {
        m_everLoaded = true;
        showConfig(config);
        emit loaded();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(e.message, true); });
    loadHistory();
    loadProviders();
    loadConnectors();
}

void ConfigView::loadConnectors()
{
    ApiReply *r = m_client.connectors();
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        m_form->setConnectors(body.value(QLatin1String("connectors")).toArray());
        emit connectorsLoaded();
    });
}

void ConfigView::loadProviders()
{
    ApiReply *r = m_client.aiProviders();
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        QStringList names;
        for (const QJsonValue &p : body.value(QLatin1String("providers")).toArray())
            names << p.toObject().value(QLatin1String("name")).toString();
        m_form->setProviders(names);
        emit providersLoaded();
    });
}

void ConfigView::loadHistory()
{
    ApiReply *r = m_client.send("GET", QStringLiteral("/api/cs/audit"), {},
        QUrlQuery{
            {QStringLiteral("companyId"), m_client.companyId()}, {QStringLiteral("limit"), QStringLiteral("500")}});
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        m_history->setAuditEntries(body.value(QLatin1String("entries")).toArray());
        m_historyTable->resizeColumnsToContents();
        for (int column = 0; column < m_history->columnCount(); ++column) // long ids and keyword lists: see the tooltip
            m_historyTable->setColumnWidth(column, qMin(m_historyTable->columnWidth(column), 220));
        emit historyLoaded();
    });
}

void ConfigView::showConfig(const QJsonObject &config)
{
    m_loaded = config;
    m_loaded.remove(QStringLiteral("companyId"));
    m_form->setConfig(m_loaded);
    validate();
}

void ConfigView::revert()
{
    m_form->setConfig(m_loaded);
    validate();
    showWhatIf({}); // its results were for the edits just undone
    m_simulatedFor = {};
    say(tr("Reverted to the saved config."));
}

void ConfigView::validate()
{
    const Status checked = api::cs::validateConfig(m_form->config()); // exactly what PUT /config checks
    m_problem = checked ? QString() : checked.error().message;
    m_form->showProblem(m_problem);
    const QStringList warnings = CapabilityOrder::warnings(m_form->config());
    m_capWarning->setText(warnings.join(QLatin1Char('\n')));
    m_capWarning->setVisible(!warnings.isEmpty());
    fitForm();
    const bool dirty = m_form->config() != m_loaded;
    m_save->setEnabled(m_problem.isEmpty() && dirty);
    m_revert->setEnabled(dirty);
    m_whatIf->setEnabled(m_problem.isEmpty());
}

// The splitter takes the room from the what-if, never from the form: nothing is cut off at the right.
void ConfigView::fitForm()
{
    m_form->layout()->activate();
    m_scroll->setMinimumWidth(m_form->minimumSizeHint().width() + m_scroll->verticalScrollBar()->sizeHint().width());
}

bool ConfigView::canSave() const
{
    return m_save->isEnabled();
}

bool ConfigView::needsWhatIf() const
{
    const QJsonObject edited = m_form->config();
    return escalationParts(edited) != escalationParts(m_loaded) && m_simulatedFor != edited;
}

// The company's profile, policies and the AI's voice are left out: Settings › Company edits them, and a
// PUT merges, so what the server has of them stays.
QJsonObject ConfigView::body() const
{
    QJsonObject out = m_form->config();
    out.remove(QStringLiteral("company"));
    out.remove(QStringLiteral("policies"));
    QJsonObject ai = out.value(QLatin1String("ai")).toObject();
    for (const char *key : {"persona", "greeting", "guidance"})
        ai.remove(QLatin1String(key));
    out.insert(QStringLiteral("ai"), ai);
    return out;
}

// A config read or saved elsewhere in this console (Settings › Company, the desk hours): taken whole
// when nothing is edited here, else as what the edits are written over.
void ConfigView::takeConfig(const QJsonObject &config)
{
    if (!m_everLoaded)
        return;
    QJsonObject server = config;
    server.remove(QStringLiteral("companyId"));
    if (server == m_loaded)
        return;
    if (m_form->config() == m_loaded) {
        showConfig(server);
        return;
    }
    m_loaded = server;
    m_form->rebase(server);
    validate();
}

void ConfigView::save()
{
    validate();
    if (!m_problem.isEmpty()) {
        say(tr("Not saved: %1").arg(m_problem), true);
        emit saveRefused(m_problem);
        return;
    }
    if (needsWhatIf()) {
        say(tr("This change decides escalations: see below what it would have done, then Save again."));
        simulate();
        return;
    }
    ApiReply *r = m_client.putConfig(body());
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &config) {
        showConfig(config);
        say(tr("Saved. The next customer message is handled with this config."));
        loadHistory();
        emit saved();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        m_form->showProblem(e.message);
        say(tr("Not saved: %1").arg(e.message), true);
        emit saveRefused(e.message);
    });
}

void ConfigView::simulate()
{
    if (!m_problem.isEmpty())
        return;
    QJsonObject request = body();
    request.insert(QStringLiteral("companyId"), m_client.companyId());
    const QJsonObject ran = m_form->config();
    request.insert(QStringLiteral("period"),
        QJsonObject{{QStringLiteral("start"), m_from->date().toString(Qt::ISODate)},
            {QStringLiteral("end"), m_to->date().toString(Qt::ISODate)}});
    m_whatIf->setEnabled(false);
    m_summary->setText(tr("Replaying the conversations…"));
    ApiReply *r = m_client.send("POST", QStringLiteral("/api/cs/config/simulate"), request, {}, true);
    connect(r, &ApiReply::succeeded, this, [this, ran](const QJsonObject &report) {
        m_simulatedFor = ran;
        showWhatIf(report);
        m_whatIf->setEnabled(m_problem.isEmpty());
        emit simulated();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        m_summary->setText(tr("The what-if failed: %1").arg(e.message));
        m_whatIf->setEnabled(m_problem.isEmpty());
    });
}

} // namespace tierdesk::ui
