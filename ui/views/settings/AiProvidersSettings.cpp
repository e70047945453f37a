#include "ui/views/settings/AiProvidersSettings.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"
#include "ui/models/AiProvidersModel.h"
#include "ui/views/ConfirmButton.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

QDoubleSpinBox *price(const QString &name, QWidget *parent)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setObjectName(name);
    spin->setRange(0, 10000);
    spin->setDecimals(2);
    spin->setPrefix(QStringLiteral("$"));
    return spin;
}

} // namespace

AiProvidersSettings::AiProvidersSettings(ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new AiProvidersModel(this))
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("aiProvidersTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    connect(
        m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AiProvidersSettings::followSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AiProvidersSettings::followSelection);
    m_remove = new ConfirmButton(tr("Remove"), tr("Click again to remove"), this);
    m_remove->setObjectName(QStringLiteral("aiProviderRemove"));
    connect(m_remove, &ConfirmButton::confirmed, this, &AiProvidersSettings::remove);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("aiProvidersMessage"));
    m_message->setWordWrap(true);

    auto *intro = new QLabel(tr("The AI tiers word their replies with the built-in responder unless the "
                                "configuration names a provider. A provider on this machine (Ollama, llama.cpp) "
                                "needs no key; the engine still decides every action and checks every reply."),
        this);
    intro->setWordWrap(true);
    intro->setStyleSheet(QStringLiteral("color:#5f6b7a;"));
    auto *left = new QVBoxLayout;
    left->addWidget(intro);
    left->addWidget(m_table, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_remove);
    actions->addStretch(1);
    left->addLayout(actions);
    left->addWidget(buildTest());
    auto *side = new QVBoxLayout;
    side->addWidget(buildAddForm());
    side->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addLayout(left, 1);
    row->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(m_message);
    followSelection();
    followKind();
}

QWidget *AiProvidersSettings::buildAddForm()
{
    auto *box = new QGroupBox(tr("New provider"), this);
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("aiProviderName"));
    m_name->setPlaceholderText(tr("e.g. ollama-local"));
    m_name->setToolTip(tr("Lower-case letters, digits, dots, dashes and underscores; the configuration names it"));
    m_kind = new QComboBox(box);
    m_kind->setObjectName(QStringLiteral("aiProviderKind"));
    m_kind->addItem(tr("OpenAI-compatible (OpenAI, llama.cpp, vLLM, LM Studio, Groq)"), QStringLiteral("openai"));
    m_kind->addItem(tr("Anthropic"), QStringLiteral("anthropic"));
    m_kind->addItem(tr("Ollama"), QStringLiteral("ollama"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AiProvidersSettings::followKind);
    m_baseUrl = new QLineEdit(box);
    m_baseUrl->setObjectName(QStringLiteral("aiProviderBaseUrl"));
    m_apiKey = new QLineEdit(box);
    m_apiKey->setObjectName(QStringLiteral("aiProviderKey"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(tr("none for a local server"));
    m_apiKey->setToolTip(tr("Kept sealed on the server and never shown again"));
    m_timeout = new QSpinBox(box);
    m_timeout->setObjectName(QStringLiteral("aiProviderTimeout"));
    m_timeout->setRange(1, 600);
    m_timeout->setValue(20);
    m_timeout->setSuffix(tr(" s"));
    m_priceInput = price(QStringLiteral("aiProviderPriceInput"), box);
    m_priceOutput = price(QStringLiteral("aiProviderPriceOutput"), box);
    m_add = new QPushButton(tr("Add provider"), box);
    m_add->setObjectName(QStringLiteral("aiProviderAdd"));
    connect(m_add, &QPushButton::clicked, this, &AiProvidersSettings::add);
    auto *keyNote = new QLabel(tr("The key is sent once and never shown again."), box);
    keyNote->setWordWrap(true);
    keyNote->setStyleSheet(QStringLiteral("color:#5f6b7a;"));
    auto *form = new QFormLayout(box);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Base URL"), m_baseUrl);
    form->addRow(tr("API key"), m_apiKey);
    form->addRow(QString(), keyNote);
    form->addRow(tr("Timeout"), m_timeout);
    form->addRow(tr("Input price per 1M tokens"), m_priceInput);
    form->addRow(tr("Output price per 1M tokens"), m_priceOutput);
    form->addRow(QString(), m_add);
    box->setMaximumWidth(460);
    return box;
}

QWidget *AiProvidersSettings::buildTest()
{
    auto *box = new QGroupBox(tr("Test the selected provider"), this);
    m_testModel = new QLineEdit(box);
    m_testModel->setObjectName(QStringLiteral("aiProviderTestModel"));
    m_testModel->setPlaceholderText(tr("model, e.g. llama3.1:8b or gpt-4o-mini"));
    m_test = new QPushButton(tr("Test"), box);
    m_test->setObjectName(QStringLiteral("aiProviderTest"));
    connect(m_test, &QPushButton::clicked, this, &AiProvidersSettings::test);
    connect(m_testModel, &QLineEdit::returnPressed, this, &AiProvidersSettings::test);
    m_testResult = new QLabel(tr("Sends one short request and shows how long it took and what came back."), box);
    m_testResult->setObjectName(QStringLiteral("aiProviderTestResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Model"), box));
    row->addWidget(m_testModel, 1);
    row->addWidget(m_test);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(row);
    layout->addWidget(m_testResult);
    return box;
}

QString AiProvidersSettings::selectedName() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->keyOf(rows.first().row());
}

QString AiProvidersSettings::testResult() const
{
    return m_testResult->text();
}

void AiProvidersSettings::followSelection()
{
    const bool any = !selectedName().isEmpty();
    m_remove->disarm();
    m_remove->setEnabled(any);
    m_test->setEnabled(any);
}

void AiProvidersSettings::followKind()
{
    const QString kind = m_kind->currentData().toString();
    m_baseUrl->setPlaceholderText(kind == QLatin1String("anthropic") ? QStringLiteral("https://api.anthropic.com/v1")
            : kind == QLatin1String("ollama")                        ? QStringLiteral("http://127.0.0.1:11434")
                                                                     : QStringLiteral("http://127.0.0.1:11434/v1"));
}

void AiProvidersSettings::refresh()
{
    const QString keep = selectedName();
    ApiReply *r = m_client.aiProviders();
    connect(r, &ApiReply::succeeded, this, [this, keep](const QJsonObject &body) {
        m_model->setRows(body.value(QLatin1String("providers")).toArray());
        if (const int row = m_model->rowOf(keep); row >= 0)
            m_table->selectRow(row);
        else if (m_model->rowCount() > 0 && keep.isEmpty())
            m_table->selectRow(0);
        followSelection();
        emit loaded();
    });
    connect(r, &ApiReply::failed, this, &AiProvidersSettings::sayError);
}

void AiProvidersSettings::add()
{
    QJsonObject body{{QStringLiteral("name"), m_name->text().trimmed()},
        {QStringLiteral("kind"), m_kind->currentData().toString()},
        {QStringLiteral("baseUrl"), m_baseUrl->text().trimmed()},
        {QStringLiteral("timeoutMs"), m_timeout->value() * 1000}, {QStringLiteral("priceInput"), m_priceInput->value()},
        {QStringLiteral("priceOutput"), m_priceOutput->value()}};
    if (!m_apiKey->text().isEmpty())
        body.insert(QStringLiteral("apiKey"), m_apiKey->text());
    m_add->setEnabled(false);
    ApiReply *r = m_client.addAiProvider(body);
    connect(r, &ApiReply::finished, this, [this] { m_add->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &provider) {
        const QString name = provider.value(QLatin1String("name")).toString();
        say(tr("Provider added: %1. Name it in Configuration › AI to use it.").arg(name));
        m_name->clear();
        m_baseUrl->clear();
        m_apiKey->clear(); // write-only: never kept in the console either
        ApiReply *list = m_client.aiProviders();
        connect(list, &ApiReply::succeeded, this, [this, name](const QJsonObject &body) {
            m_model->setRows(body.value(QLatin1String("providers")).toArray());
            if (const int row = m_model->rowOf(name); row >= 0)
                m_table->selectRow(row);
            followSelection();
            emit added();
        });
        connect(list, &ApiReply::failed, this, &AiProvidersSettings::sayError);
    });
    connect(r, &ApiReply::failed, this, &AiProvidersSettings::sayError);
}

void AiProvidersSettings::remove()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    ApiReply *r = m_client.removeAiProvider(name);
    connect(r, &ApiReply::succeeded, this, [this, name] {
        say(tr("Provider removed: %1.").arg(name));
        refresh();
        emit removed();
    });
    connect(r, &ApiReply::failed, this, &AiProvidersSettings::sayError);
}

void AiProvidersSettings::test()
{
    const QString name = selectedName();
    const QString model = m_testModel->text().trimmed();
    if (name.isEmpty())
        return;
    if (model.isEmpty()) {
        m_testResult->setStyleSheet(QStringLiteral("color:#b91c1c;"));
        m_testResult->setText(tr("Name the model to try, as the provider calls it."));
        m_testModel->setFocus();
        return;
    }
    const int row = m_model->rowOf(name);
    const int waitMs = m_model->row(row).value(QLatin1String("timeoutMs")).toInt();
    m_test->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Asking %1 (%2)…").arg(name, model));
    ApiReply *r = m_client.testAiProvider(name, model, waitMs);
    connect(r, &ApiReply::finished, this, [this] {
        followSelection();
        emit tested();
    });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &probe) {
        const int latency = probe.value(QLatin1String("latencyMs")).toInt();
        const QString model = probe.value(QLatin1String("model")).toString();
        if (probe.value(QLatin1String("ok")).toBool()) {
            const QJsonObject tokens = probe.value(QLatin1String("tokens")).toObject();
            m_testResult->setStyleSheet(QStringLiteral("color:#166534;"));
            m_testResult->setText(tr("%1 answered in %2 ms (%n token(s)): “%3”", nullptr,
                tokens.value(QLatin1String("input")).toInt() + tokens.value(QLatin1String("output")).toInt())
                                      .arg(model)
                                      .arg(latency)
                                      .arg(probe.value(QLatin1String("answer")).toString().trimmed()));
        } else {
            m_testResult->setStyleSheet(QStringLiteral("color:#b91c1c;"));
            m_testResult->setText(tr("The provider refused after %1 ms: %2")
                                      .arg(latency)
                                      .arg(probe.value(QLatin1String("error")).toString()));
        }
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        m_testResult->setStyleSheet(QStringLiteral("color:#b91c1c;"));
        m_testResult->setText(tr("The test failed: %1").arg(e.message));
    });
}

void AiProvidersSettings::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QString());
    m_message->setText(text);
}

void AiProvidersSettings::sayError(const ApiError &e)
{
    const QString field = e.details.value(QLatin1String("field")).toString();
    say(field.isEmpty() ? e.message : tr("%1 (%2)").arg(e.message, field), true);
}

} // namespace tierdesk::ui
