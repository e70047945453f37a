#include "ui/views/settings/CannedResponsesSettings.h"

#include "core/engine/admin/CannedResponses.h"
#include "ui/client/ApiClient.h"
#include "ui/models/CannedResponsesModel.h"
#include "ui/views/ConfirmButton.h"
#include "ui/views/RowTable.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

// What each placeholder the server fills (CannedResponses::placeholders()) becomes.
QString placeholderMeaning(const QString &name)
{
    if (name == QLatin1String("customer.name"))
        return CannedResponsesSettings::tr("the customer's name");
    if (name == QLatin1String("customer.firstName"))
        return CannedResponsesSettings::tr("the first word of the customer's name");
    if (name == QLatin1String("order.id"))
        return CannedResponsesSettings::tr("the order last named in the conversation, else the customer's latest");
    if (name == QLatin1String("agent.name"))
        return CannedResponsesSettings::tr("the name of the agent who sends the reply");
    if (name == QLatin1String("company.name"))
        return CannedResponsesSettings::tr("the company's name");
    if (name == QLatin1String("session.id"))
        return CannedResponsesSettings::tr("the conversation's id");
    return {};
}

QString braced(const QString &name)
{
    return QStringLiteral("{{") + name + QStringLiteral("}}");
}

} // namespace

CannedResponsesSettings::CannedResponsesSettings(ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new CannedResponsesModel(this))
{
    setObjectName(QStringLiteral("cannedSettings"));
    m_table = rowTable(m_model, QStringLiteral("cannedTable"), this);
    m_table->horizontalHeader()->setSectionResizeMode(CannedResponsesModel::Content, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("cannedMessage"));
    m_message->setWordWrap(true);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(buildEditor());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_message);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { edit(current.row()); });
    startNew();
}

QWidget *CannedResponsesSettings::buildEditor()
{
    auto *box = new QGroupBox(tr("Canned response"), this);
    m_shortcut = new QLineEdit(box);
    m_shortcut->setObjectName(QStringLiteral("cannedShortcut"));
    m_shortcut->setPlaceholderText(tr("e.g. refund-status"));
    m_shortcut->setToolTip(tr("Agents type / and this in the reply box: 1 to 32 letters, digits, _ or -"));
    m_shortcut->setMaxLength(CannedResponses::kMaxShortcutChars);
    m_title = new QLineEdit(box);
    m_title->setObjectName(QStringLiteral("cannedTitle"));
    m_title->setMaxLength(CannedResponses::kMaxTitleChars);
    m_content = new QPlainTextEdit(box);
    m_content->setObjectName(QStringLiteral("cannedContent"));
    m_content->setPlaceholderText(tr("Hello {{customer.firstName}}, …"));
    m_content->setMinimumHeight(120);
    connect(m_content, &QPlainTextEdit::textChanged, this, &CannedResponsesSettings::checkText);
    m_insert = new QComboBox(box);
    m_insert->setObjectName(QStringLiteral("cannedInsert"));
    m_insert->addItem(tr("Insert a placeholder…"));
    for (const QString &name : CannedResponses::placeholders())
        m_insert->addItem(braced(name), braced(name));
    connect(m_insert, &QComboBox::activated, this, [this](int index) {
        if (index <= 0)
            return;
        m_content->insertPlainText(m_insert->itemData(index).toString());
        m_content->setFocus();
        m_insert->setCurrentIndex(0);
    });
    m_new = new QPushButton(tr("New"), box);
    m_new->setObjectName(QStringLiteral("cannedNew"));
    connect(m_new, &QPushButton::clicked, this, &CannedResponsesSettings::startNew);
    m_save = new QPushButton(tr("Save"), box);
    m_save->setObjectName(QStringLiteral("cannedSave"));
    m_save->setDefault(true);
    connect(m_save, &QPushButton::clicked, this, &CannedResponsesSettings::save);
    m_delete = new ConfirmButton(tr("Delete"), tr("Click again to delete"), box);
    m_delete->setObjectName(QStringLiteral("cannedDelete"));
    connect(m_delete, &ConfirmButton::confirmed, this, &CannedResponsesSettings::remove);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addStretch(1);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_save);
    auto *form = new QFormLayout;
    form->addRow(tr("Shortcut"), m_shortcut);
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("Text"), m_content);
    form->addRow(QString(), m_insert);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addWidget(buildPlaceholderHelp());
    layout->addLayout(buttons);
    layout->addStretch(1);
    return box;
}

QWidget *CannedResponsesSettings::buildPlaceholderHelp()
{
    QStringList rows;
    for (const QString &name : CannedResponses::placeholders())
        rows << QStringLiteral("<tr><td><code>%1</code></td><td>%2</td></tr>")
                    .arg(braced(name), placeholderMeaning(name).toHtmlEscaped());
    auto *help = new QLabel(tr("<p>Filled in for the conversation when an agent inserts the reply:</p>"
                               "<table cellspacing=\"2\">%1</table>"
                               "<p>One without a value (no order yet) stays marked, and the reply "
                               "cannot be sent until the agent fills it.</p>")
                                .arg(rows.join(QString())),
        this);
    help->setObjectName(QStringLiteral("cannedHelp"));
    help->setWordWrap(true);
    help->setTextFormat(Qt::RichText);
    help->setStyleSheet(QStringLiteral("color:#4b5563;"));
    return help;
}

void CannedResponsesSettings::refresh()
{
    ApiReply *r = m_client.cannedResponses();
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        const QString keep = m_editingId;
        m_model->setRows(body.value(QLatin1String("cannedResponses")).toArray());
        if (const int row = m_model->rowOf(keep); row >= 0)
            m_table->selectRow(row);
        emit loaded();
    });
    connect(r, &ApiReply::failed, this, &CannedResponsesSettings::sayError);
}

void CannedResponsesSettings::startNew()
{
    m_table->clearSelection();
    m_table->setCurrentIndex({});
    m_editingId.clear();
    m_shortcut->clear();
    m_title->clear();
    m_content->clear();
    m_delete->disarm();
    m_delete->setEnabled(false);
    m_shortcut->setFocus();
}

void CannedResponsesSettings::edit(int row)
{
    if (row < 0)
        return;
    const QJsonObject canned = m_model->row(row);
    m_editingId = canned.value(QLatin1String("id")).toString();
    m_shortcut->setText(canned.value(QLatin1String("shortcut")).toString());
    m_title->setText(canned.value(QLatin1String("title")).toString());
    m_content->setPlainText(canned.value(QLatin1String("content")).toString());
    m_delete->disarm();
    m_delete->setEnabled(true);
}

QStringList CannedResponsesSettings::unknownPlaceholders() const
{
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{([^{}]*)\\}\\}"));
    QStringList unknown;
    for (auto it = placeholder.globalMatch(m_content->toPlainText()); it.hasNext();) {
        const auto m = it.next();
        if (!CannedResponses::placeholders().contains(m.captured(1).trimmed()) && !unknown.contains(m.captured(0)))
            unknown << m.captured(0);
    }
    return unknown;
}

// Said while typing; the server decides at Save.
void CannedResponsesSettings::checkText()
{
    const QStringList unknown = unknownPlaceholders();
    if (!unknown.isEmpty())
        say(tr("Not a placeholder the server fills: %1").arg(unknown.join(QStringLiteral(", "))), true);
    else if (m_message->styleSheet().contains(QLatin1String("b91c1c")))
        say({});
}

void CannedResponsesSettings::save()
{
    const QJsonObject fields{{QStringLiteral("shortcut"), m_shortcut->text().trimmed()},
        {QStringLiteral("title"), m_title->text().trimmed()}, {QStringLiteral("content"), m_content->toPlainText()}};
    m_save->setEnabled(false);
    ApiReply *r = m_client.saveCanned(m_editingId, fields);
    connect(r, &ApiReply::finished, this, [this] { m_save->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &canned) {
        m_editingId = canned.value(QLatin1String("id")).toString();
        say(tr("Saved /%1: agents can use it now.").arg(canned.value(QLatin1String("shortcut")).toString()));
        m_delete->setEnabled(true);
        refresh();
        emit saved(m_editingId);
    });
    connect(r, &ApiReply::failed, this, &CannedResponsesSettings::sayError);
}

void CannedResponsesSettings::remove()
{
    const QString id = m_editingId;
    if (id.isEmpty())
        return;
    const QString shortcut = m_shortcut->text();
    ApiReply *r = m_client.deleteCanned(id);
    connect(r, &ApiReply::succeeded, this, [this, id, shortcut] {
        startNew();
        say(tr("Deleted /%1.").arg(shortcut));
        refresh();
        emit deleted(id);
    });
    connect(r, &ApiReply::failed, this, &CannedResponsesSettings::sayError);
}

void CannedResponsesSettings::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QString());
    m_message->setText(text);
}

void CannedResponsesSettings::sayError(const ApiError &e)
{
    const QString field = e.details.value(QLatin1String("field")).toString();
    say(field.isEmpty() ? e.message : tr("%1 (%2)").arg(e.message, field), true);
}

} // namespace tierdesk::ui
