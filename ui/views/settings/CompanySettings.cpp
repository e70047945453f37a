#include "ui/views/settings/CompanySettings.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"
#include "ui/models/Display.h"
#include "ui/models/PlansModel.h"
#include "ui/views/ChoiceDelegate.h"
#include "ui/views/settings/Named.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSet>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace tierdesk::ui {
namespace {

constexpr int kMaxWindowDays = 3650;
const char *const kSelfService[] = {"orders", "returns", "account", "subscription"};

// Every currency some locale pays in, by its ISO 4217 code.
QStringList currencyCodes()
{
    QSet<QString> codes;
    for (const QLocale &l : QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory))
        if (const QString code = l.currencySymbol(QLocale::CurrencyIsoCode); !code.isEmpty())
            codes.insert(code);
    QStringList out(codes.cbegin(), codes.cend());
    std::sort(out.begin(), out.end());
    return out;
}

// An editable combo of `items` that finds an item by any part of it ("york" finds America/New_York).
QComboBox *searchableCombo(const QStringList &items, const char *name, QWidget *parent)
{
    auto *combo = named(new QComboBox(parent), name);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->addItems(items);
    combo->completer()->setFilterMode(Qt::MatchContains);
    combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    return combo;
}

void selectText(QComboBox *combo, const QString &text)
{
    const int at = combo->findText(text);
    if (at >= 0)
        combo->setCurrentIndex(at);
    else
        combo->setEditText(text);
}

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color:#6b7280;"));
    return label;
}

// A table with its Add and Remove buttons beside it (Qt::Horizontal) or below it.
QWidget *withButtons(QWidget *table, QPushButton *add, QPushButton *remove, Qt::Orientation where, QWidget *parent)
{
    auto *cell = new QWidget(parent);
    auto *buttons = new QBoxLayout(where == Qt::Horizontal ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QBoxLayout(where == Qt::Horizontal ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom, cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table, 1);
    layout->addLayout(buttons);
    return cell;
}

// The dotted path a refused config names: details.field when the answer has one, else the start of
// its message ("company.currency: an ISO 4217 currency code, such as EUR"), as the config check words it.
QString refusedPath(const ApiError &e)
{
    if (const QString field = e.details.value(QLatin1String("field")).toString(); !field.isEmpty())
        return field;
    static const QRegularExpression path(QStringLiteral("^([A-Za-z][A-Za-z0-9_.\\[\\]-]*): "));
    const auto m = path.match(e.message);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

CompanySettings::CompanySettings(ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_plans(new PlansModel(this))
{
    setObjectName(QStringLiteral("companySettings"));
    auto *content = new QWidget(this);
    auto *left = new QVBoxLayout;
    left->addWidget(buildProfile());
    left->addWidget(buildVoice(), 1);
    auto *columns = new QHBoxLayout(content);
    columns->addLayout(left, 1);
    columns->addWidget(buildPolicies(), 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_save = named(new QPushButton(tr("Save"), this), "companySave");
    connect(m_save, &QPushButton::clicked, this, &CompanySettings::save);
    m_message = named(new QLabel(this), "companyMessage");
    m_message->setWordWrap(true);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_save);
    bottom->addWidget(m_message, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll, 1);
    layout->addLayout(bottom);
    showCurrency();
    countGuidance();
}

QWidget *CompanySettings::buildProfile()
{
    auto *box = new QGroupBox(tr("Profile: how customers reach the company"), this);
    m_website = named(new QLineEdit(box), "companyWebsite");
    m_website->setPlaceholderText(tr("https://shop.example"));
    m_email = named(new QLineEdit(box), "companySupportEmail");
    m_email->setPlaceholderText(tr("support@shop.example"));
    m_phone = named(new QLineEdit(box), "companySupportPhone");
    m_phone->setPlaceholderText(tr("+1 555 0100"));
    QStringList zones;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        zones << QString::fromLatin1(id);
    m_timeZone = searchableCombo(zones, "companyTimeZone", box);
    m_timeZone->setToolTip(tr("The dates and times in replies to customers"));
    m_currency = searchableCombo(currencyCodes(), "companyCurrency", box);
    m_currency->setToolTip(tr("An ISO 4217 code: the amounts in replies to customers and in this console"));
    m_currencySample = named(new QLabel(box), "companyCurrencySample");
    connect(m_currency, &QComboBox::currentTextChanged, this, &CompanySettings::showCurrency);
    auto *currency = new QWidget(box);
    auto *currencyRow = new QHBoxLayout(currency);
    currencyRow->setContentsMargins(0, 0, 0, 0);
    currencyRow->addWidget(m_currency);
    currencyRow->addWidget(m_currencySample, 1);

    auto *form = new QFormLayout;
    m_errors.addRow(form, tr("Website"), m_website, QStringLiteral("company.website"));
    m_errors.addRow(form, tr("Support e-mail"), m_email, QStringLiteral("company.supportEmail"));
    m_errors.addRow(form, tr("Support phone"), m_phone, QStringLiteral("company.supportPhone"));
    m_errors.addRow(form, tr("Time zone"), m_timeZone, QStringLiteral("company.timeZone"));
    m_errors.addRow(form, tr("Currency"), currency, QStringLiteral("company.currency"));
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addWidget(note(tr("The AI gives customers these when they ask how to reach the company, and when it "
                              "cannot answer; an empty field is not said."),
        box));
    return box;
}

QWidget *CompanySettings::buildPolicies()
{
    auto *box = new QGroupBox(tr("Policies"), this);
    m_returnWindow = named(new QSpinBox(box), "policiesReturnWindow");
    m_returnWindow->setRange(0, kMaxWindowDays);
    m_returnWindow->setSuffix(tr(" days"));
    m_returnWindow->setToolTip(tr("Days from delivery in which an order may be returned"));
    m_cancellable = named(new QLineEdit(box), "policiesCancellable");
    m_cancellable->setPlaceholderText(tr("pending, processing"));
    m_cancellable->setToolTip(tr("The order statuses in which a customer may still cancel, separated by commas"));
    m_selfOrders = named(new QLineEdit(box), "selfServiceOrders");
    m_selfReturns = named(new QLineEdit(box), "selfServiceReturns");
    m_selfAccount = named(new QLineEdit(box), "selfServiceAccount");
    m_selfSubscription = named(new QLineEdit(box), "selfServiceSubscription");
    for (QLineEdit *link : {m_selfOrders, m_selfReturns, m_selfAccount, m_selfSubscription})
        link->setPlaceholderText(tr("https://shop.example/account"));
    m_membership = named(new QLineEdit(box), "policiesMembershipName");
    m_membership->setMaxLength(60);
    m_membership->setPlaceholderText(tr("e.g. Trail Club"));

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_errors.addRow(form, tr("Return window"), m_returnWindow, QStringLiteral("policies.returnWindowDays"));
    m_errors.addRow(form, tr("Longer for customer tiers"), buildTierWindows(box),
        QStringLiteral("policies.returnWindowDaysByTier"));
    m_errors.addRow(form, tr("Cancellable while"), m_cancellable, QStringLiteral("policies.cancellableStatuses"));
    m_errors.addRow(form, tr("Self-service: orders"), m_selfOrders, QStringLiteral("policies.selfService.orders"));
    m_errors.addRow(form, tr("Self-service: returns"), m_selfReturns, QStringLiteral("policies.selfService.returns"));
    m_errors.addRow(form, tr("Self-service: account"), m_selfAccount, QStringLiteral("policies.selfService.account"));
    m_errors.addRow(
        form, tr("Self-service: membership"), m_selfSubscription, QStringLiteral("policies.selfService.subscription"));
    m_errors.addRow(form, tr("Membership's name"), m_membership, QStringLiteral("policies.membershipName"));
    form->addRow(new QLabel(tr("Plans"), box)); // the table below it, the whole width: its columns need it
    form->addRow(m_errors.wrap(buildPlans(box), QStringLiteral("policies.plans")));
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addWidget(note(tr("The self-service links are what the AI gives customers. A company without plans sells "
                              "no membership: the AI changes none for it."),
        box));
    layout->addStretch(1);
    return box;
}

QWidget *CompanySettings::buildTierWindows(QWidget *parent)
{
    m_tierWindows = named(new QTableWidget(0, 2, parent), "policiesTierWindows");
    m_tierWindows->setHorizontalHeaderLabels({tr("Customer tier"), tr("Days")});
    m_tierWindows->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tierWindows->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tierWindows->verticalHeader()->hide();
    m_tierWindows->setToolTip(tr("A customer of such a tier (GOLD, VIP, ...) has this many days to return an order"));
    m_tierWindows->setFixedHeight(m_tierWindows->horizontalHeader()->sizeHint().height()
        + 2 * m_tierWindows->verticalHeader()->defaultSectionSize() + 4);
    auto *add = named(new QPushButton(tr("Add"), parent), "policiesTierAdd");
    auto *remove = named(new QPushButton(tr("Remove"), parent), "policiesTierRemove");
    connect(add, &QPushButton::clicked, this, [this] {
        addTierWindow(QString(), m_returnWindow->value());
        m_tierWindows->setCurrentCell(m_tierWindows->rowCount() - 1, 0);
        m_tierWindows->editItem(m_tierWindows->item(m_tierWindows->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_tierWindows->currentRow() >= 0)
            m_tierWindows->removeRow(m_tierWindows->currentRow());
    });
    return withButtons(m_tierWindows, add, remove, Qt::Horizontal, parent);
}

QWidget *CompanySettings::buildPlans(QWidget *parent)
{
    m_planTable = named(new QTableView(parent), "policiesPlans");
    m_planTable->setModel(m_plans);
    m_planTable->setItemDelegateForColumn(PlansModel::Interval,
        new ChoiceDelegate({{PlansModel::intervalLabel(QStringLiteral("month")), QStringLiteral("month")},
                               {PlansModel::intervalLabel(QStringLiteral("year")), QStringLiteral("year")}},
            m_planTable));
    m_planTable->verticalHeader()->hide();
    m_planTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_planTable->horizontalHeader()->setSectionResizeMode(PlansModel::Name, QHeaderView::Stretch);
    m_planTable->setMinimumHeight(m_planTable->horizontalHeader()->sizeHint().height()
        + 4 * m_planTable->verticalHeader()->defaultSectionSize() + 4);
    auto *add = named(new QPushButton(tr("Add"), parent), "policiesPlanAdd");
    auto *remove = named(new QPushButton(tr("Remove"), parent), "policiesPlanRemove");
    connect(add, &QPushButton::clicked, this, [this] {
        const QModelIndex id = m_plans->index(m_plans->addPlan(), PlansModel::Id);
        m_planTable->setCurrentIndex(id);
        m_planTable->edit(id);
    });
    connect(remove, &QPushButton::clicked, this, [this] { m_plans->removePlan(m_planTable->currentIndex().row()); });
    connect(m_plans, &QAbstractItemModel::modelReset, m_planTable, &QTableView::resizeColumnsToContents);
    return withButtons(m_planTable, add, remove, Qt::Vertical, parent);
}

QWidget *CompanySettings::buildVoice()
{
    auto *box = new QGroupBox(tr("The AI's voice"), this);
    m_persona = named(new QLineEdit(box), "aiPersona");
    m_persona->setMaxLength(60);
    m_persona->setPlaceholderText(tr("a name, e.g. Ava"));
    m_persona->setToolTip(tr("The AI's name, said when a customer says hello"));
    m_greeting = named(new QLineEdit(box), "aiGreeting");
    m_greeting->setMaxLength(500);
    m_greeting->setPlaceholderText(tr("Hi! I'm Ava from Northwind. How can I help?"));
    m_greeting->setToolTip(tr("Replaces the AI's hello"));
    m_guidance = named(new QPlainTextEdit(box), "aiGuidance");
    m_guidance->setTabChangesFocus(true);
    m_guidance->setPlaceholderText(tr("What a language model should keep in mind, e.g. \"Call our customers "
                                      "riders.\""));
    m_guidance->setMinimumHeight(fontMetrics().height() * 8);
    m_guidanceCount = named(new QLabel(box), "aiGuidanceCount");
    m_guidanceCount->setAlignment(Qt::AlignRight);
    m_guidanceCount->setToolTip(tr("Characters of the %1 the guidance may have").arg(kMaxGuidance));
    connect(m_guidance, &QPlainTextEdit::textChanged, this, &CompanySettings::countGuidance);
    auto *guidance = new QWidget(box);
    auto *guidanceColumn = new QVBoxLayout(guidance);
    guidanceColumn->setContentsMargins(0, 0, 0, 0);
    guidanceColumn->setSpacing(1);
    guidanceColumn->addWidget(m_guidance, 1);
    guidanceColumn->addWidget(m_guidanceCount);

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_errors.addRow(form, tr("Persona"), m_persona, QStringLiteral("ai.persona"));
    m_errors.addRow(form, tr("Greeting"), m_greeting, QStringLiteral("ai.greeting"));
    m_errors.addRow(form, tr("Guidance"), guidance, QStringLiteral("ai.guidance"));
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form, 1);
    layout->addWidget(note(tr("The guidance goes to a language model below the engine's own rules, which it cannot "
                              "change: the engine still decides every action."),
        box));
    return box;
}

void CompanySettings::refresh()
{
    ApiReply *r = m_client.config();
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &config) {
        showConfig(config);
        emit loaded();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(e.message, true); });
}

void CompanySettings::showConfig(const QJsonObject &config)
{
    m_errors.clear();
    const QJsonObject company = config.value(QLatin1String("company")).toObject();
    m_website->setText(company.value(QLatin1String("website")).toString());
    m_email->setText(company.value(QLatin1String("supportEmail")).toString());
    m_phone->setText(company.value(QLatin1String("supportPhone")).toString());
    selectText(m_timeZone, company.value(QLatin1String("timeZone")).toString());
    selectText(m_currency, company.value(QLatin1String("currency")).toString());
    showPolicies(config.value(QLatin1String("policies")).toObject());
    const QJsonObject ai = config.value(QLatin1String("ai")).toObject();
    m_persona->setText(ai.value(QLatin1String("persona")).toString());
    m_greeting->setText(ai.value(QLatin1String("greeting")).toString());
    m_guidance->setPlainText(ai.value(QLatin1String("guidance")).toString());
}

void CompanySettings::showPolicies(const QJsonObject &policies)
{
    m_returnWindow->setValue(policies.value(QLatin1String("returnWindowDays")).toInt(30));
    m_tierWindows->setRowCount(0);
    const QJsonObject byTier = policies.value(QLatin1String("returnWindowDaysByTier")).toObject();
    for (auto it = byTier.begin(); it != byTier.end(); ++it)
        addTierWindow(it.key(), it.value().toInt());
    QStringList statuses;
    for (const QJsonValue &s : policies.value(QLatin1String("cancellableStatuses")).toArray())
        statuses << s.toString();
    m_cancellable->setText(statuses.join(QStringLiteral(", ")));
    const QJsonObject links = policies.value(QLatin1String("selfService")).toObject();
    QLineEdit *const edits[] = {m_selfOrders, m_selfReturns, m_selfAccount, m_selfSubscription};
    for (int i = 0; i < 4; ++i)
        edits[i]->setText(links.value(QLatin1String(kSelfService[i])).toString());
    m_membership->setText(policies.value(QLatin1String("membershipName")).toString());
    m_plans->setPlans(policies.value(QLatin1String("plans")).toArray());
}

void CompanySettings::addTierWindow(const QString &tier, int days)
{
    const int row = m_tierWindows->rowCount();
    m_tierWindows->insertRow(row);
    m_tierWindows->setItem(row, 0, new QTableWidgetItem(tier));
    auto *item = new QTableWidgetItem;
    item->setData(Qt::EditRole, days);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_tierWindows->setItem(row, 1, item);
}

QJsonObject CompanySettings::policiesBody() const
{
    QJsonObject byTier; // a row without a tier's name is left out
    for (int row = 0; row < m_tierWindows->rowCount(); ++row) {
        const QTableWidgetItem *tier = m_tierWindows->item(row, 0);
        const QTableWidgetItem *days = m_tierWindows->item(row, 1);
        if (tier && days && !tier->text().trimmed().isEmpty())
            byTier.insert(tier->text().trimmed(), days->data(Qt::EditRole).toInt());
    }
    QJsonArray statuses;
    for (const QString &s : m_cancellable->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!s.trimmed().isEmpty())
            statuses.append(s.trimmed());
    QJsonObject links;
    const QLineEdit *const edits[] = {m_selfOrders, m_selfReturns, m_selfAccount, m_selfSubscription};
    for (int i = 0; i < 4; ++i)
        links.insert(QLatin1String(kSelfService[i]), edits[i]->text().trimmed());
    return {{QStringLiteral("returnWindowDays"), m_returnWindow->value()},
        {QStringLiteral("returnWindowDaysByTier"), byTier}, {QStringLiteral("cancellableStatuses"), statuses},
        {QStringLiteral("selfService"), links}, {QStringLiteral("membershipName"), m_membership->text().trimmed()},
        {QStringLiteral("plans"), m_plans->plans()}};
}

QJsonObject CompanySettings::body() const
{
    const QJsonObject company{{QStringLiteral("website"), m_website->text().trimmed()},
        {QStringLiteral("supportEmail"), m_email->text().trimmed()},
        {QStringLiteral("supportPhone"), m_phone->text().trimmed()},
        {QStringLiteral("timeZone"), m_timeZone->currentText().trimmed()},
        {QStringLiteral("currency"), m_currency->currentText().trimmed().toUpper()}};
    const QJsonObject ai{{QStringLiteral("persona"), m_persona->text().trimmed()},
        {QStringLiteral("greeting"), m_greeting->text().trimmed()},
        {QStringLiteral("guidance"), m_guidance->toPlainText().trimmed()}};
    return {
        {QStringLiteral("company"), company}, {QStringLiteral("policies"), policiesBody()}, {QStringLiteral("ai"), ai}};
}

void CompanySettings::save()
{
    m_errors.clear();
    m_save->setEnabled(false);
    ApiReply *r = m_client.putConfig(body());
    connect(r, &ApiReply::finished, this, [this] { m_save->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &config) {
        showConfig(config);
        say(tr("Saved. The next replies to customers follow it."), false);
        emit saved();
    });
    connect(r, &ApiReply::failed, this, &CompanySettings::showError);
}

// The refused field's message under it; a plan's cell is also selected ("policies.plans[1].id").
void CompanySettings::showError(const ApiError &e)
{
    const QString path = refusedPath(e);
    const QString field = m_errors.show(path, e.message);
    say(field.isEmpty() ? e.message : tr("Not saved: see the field marked in red."), true);
    static const QRegularExpression planCell(QStringLiteral("^policies\\.plans\\[(\\d+)\\](?:\\.(\\w+))?"));
    const auto m = planCell.match(path);
    if (!m.hasMatch() || m.captured(1).toInt() >= m_plans->rowCount())
        return;
    const QStringList keys{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("price"),
        QStringLiteral("interval"), QStringLiteral("returnWindowDays")};
    m_planTable->setCurrentIndex(m_plans->index(m.captured(1).toInt(), qMax(0, int(keys.indexOf(m.captured(2))))));
}

// How amounts of the chosen currency look in this console; the plans' prices follow it.
void CompanySettings::showCurrency()
{
    const QString code = m_currency->currentText().trimmed().toUpper();
    if (m_currency->findText(code) < 0) {
        m_currencySample->clear();
        return;
    }
    m_currencySample->setText(tr("e.g. %1").arg(display::money(1234.5, code)));
    m_plans->setCurrency(code);
}

void CompanySettings::countGuidance()
{
    const int used = int(m_guidance->toPlainText().trimmed().size());
    m_guidanceCount->setText(QStringLiteral("%1 / %2").arg(used).arg(kMaxGuidance));
    m_guidanceCount->setStyleSheet(
        used > kMaxGuidance ? QStringLiteral("color:#b91c1c;") : QStringLiteral("color:#6b7280;"));
}

void CompanySettings::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QString());
    m_message->setText(text);
}

} // namespace tierdesk::ui
