#include "ui/dialogs/ConnectorDialog.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"
#include "ui/models/ConnectorsModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

const QStringList kConnectorPurposes{QStringLiteral("order"), QStringLiteral("orders"), QStringLiteral("customer"),
    QStringLiteral("refund"), QStringLiteral("credit"), QStringLiteral("ticket"), QStringLiteral("cancel")};

// The purposes each kind can serve (as the server checks them).
QStringList purposesOfKind(const QString &kind)
{
    if (kind == QLatin1String("lambda"))
        return {QStringLiteral("order")};
    if (kind == QLatin1String("stripe"))
        return {QStringLiteral("refund"), QStringLiteral("credit")};
    return kConnectorPurposes;
}

QPlainTextEdit *connectorJsonEditor(const char *name, const QString &example, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setPlaceholderText(example);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(110);
    return edit;
}

QString connectorJsonText(const QJsonValue &v)
{
    if (!v.isObject() || v.toObject().isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented)).trimmed();
}

// An editor's text as a JSON object: empty text is an empty object; otherwise *why says what is wrong.
QJsonObject connectorJsonObject(const QPlainTextEdit *edit, QString *why)
{
    const QByteArray text = edit->toPlainText().trimmed().toUtf8();
    if (text.isEmpty())
        return {};
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        *why = ConnectorDialog::tr("Not JSON: %1 (at character %2)").arg(error.errorString()).arg(error.offset + 1);
    else if (!doc.isObject())
        *why = ConnectorDialog::tr("Must be a JSON object: {\"<purpose>\": ...}");
    return doc.object();
}

} // namespace

ConnectorDialog::ConnectorDialog(ApiClient &client, const QJsonObject &connector, QWidget *parent)
    : QDialog(parent), m_client(client), m_new(connector.isEmpty()), m_stored(connector)
{
    setObjectName(QStringLiteral("connectorDialog"));
    setWindowTitle(m_new ? tr("New connector") : tr("Edit connector"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("connectorDialogName"));
    m_name->setMaxLength(40);
    m_name->setReadOnly(!m_new);
    m_name->setPlaceholderText(tr("e.g. shop"));
    m_name->setToolTip(tr("Lower-case letters, digits, dots, dashes and underscores; the configuration names it"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("connectorDialogKind"));
    for (const QString &kind : {QStringLiteral("http"), QStringLiteral("lambda"), QStringLiteral("stripe")})
        m_kind->addItem(ConnectorsModel::kindLabel(kind), kind);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("connectorDialogUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://shop.example.com/api"));
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("connectorDialogTimeout"));
    m_timeout->setRange(100, 60000);
    m_timeout->setSingleStep(500);
    m_timeout->setValue(5000);
    m_timeout->setSuffix(tr(" ms"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("connectorDialogError"));
    m_error->setStyleSheet(QStringLiteral("color:#b91c1c;"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("&Name"), withError(m_name, QStringLiteral("name")));
    form->addRow(tr("&Kind"), withError(m_kind, QStringLiteral("kind")));
    form->addRow(tr("Serves"), withError(buildPurposes(), QStringLiteral("purposes")));
    form->addRow(tr("&URL"), withError(m_url, QStringLiteral("url")));
    form->addRow(tr("Sign-in"), buildAuth());
    form->addRow(tr("&Timeout"), withError(m_timeout, QStringLiteral("timeoutMs")));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("connectorDialogSave"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectorDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buildHttp(), 1);
    layout->addWidget(m_stripeBox);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectorDialog::followKind);
    connect(m_authType, &QComboBox::currentIndexChanged, this, &ConnectorDialog::followAuth);
    fill(connector);
    followKind();
    followAuth();
    resize(640, 720);
}

QWidget *ConnectorDialog::buildPurposes()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    for (const QString &purpose : kConnectorPurposes) {
        auto *check = new QCheckBox(ConnectorsModel::purposeLabel(purpose), box);
        check->setObjectName(QStringLiteral("connectorDialogPurpose_") + purpose);
        m_purposes.insert(purpose, check);
        row->addWidget(check);
    }
    row->addStretch(1);
    return box;
}

QWidget *ConnectorDialog::buildAuth()
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    m_authType = new QComboBox(box);
    m_authType->setObjectName(QStringLiteral("connectorDialogAuthType"));
    for (const QString &type : {QStringLiteral("none"), QStringLiteral("bearer"), QStringLiteral("basic"),
             QStringLiteral("header"), QStringLiteral("sigv4")})
        m_authType->addItem(ConnectorsModel::authLabel(type), type);
    const auto line = [box](const char *name, const QString &placeholder = {}) {
        auto *edit = new QLineEdit(box);
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(placeholder);
        return edit;
    };
    m_username = line("connectorDialogUsername");
    m_headerName = line("connectorDialogHeaderName", QStringLiteral("X-Api-Key"));
    m_accessKeyId = line("connectorDialogAccessKeyId", QStringLiteral("AKIA..."));
    m_region = line("connectorDialogRegion", QStringLiteral("eu-west-1"));
    m_service = line("connectorDialogService", QStringLiteral("lambda"));
    m_secret = line("connectorDialogSecret");
    m_secret->setEchoMode(QLineEdit::Password);
    m_secretLabel = new QLabel(box);
    form->addRow(m_authType);
    form->addRow(tr("User name"), m_username);
    form->addRow(tr("Header"), m_headerName);
    form->addRow(tr("Access key id"), m_accessKeyId);
    form->addRow(tr("Region"), m_region);
    form->addRow(tr("Service"), m_service);
    form->addRow(m_secretLabel, m_secret);
    form->addRow(errorLabel(QStringLiteral("auth")));
    m_authRows = {{QStringLiteral("username"), m_username}, {QStringLiteral("headerName"), m_headerName},
        {QStringLiteral("accessKeyId"), m_accessKeyId}, {QStringLiteral("region"), m_region},
        {QStringLiteral("service"), m_service}, {QStringLiteral("secret"), m_secret}};
    return box;
}

QWidget *ConnectorDialog::buildHttp()
{
    auto *box = new QGroupBox(tr("Requests and answers (HTTP API)"), this);
    m_httpBox = box;
    m_requests = connectorJsonEditor("connectorDialogRequests",
        QStringLiteral("{\"order\": {\"method\": \"GET\", \"path\": \"/orders/{orderId}\"},\n"
                       " \"ticket\": {\"method\": \"POST\", \"path\": \"/tickets\", \"body\": {\"subject\": "
                       "\"{reason}\", \"email\": \"{email}\"}}}"),
        box);
    m_fields = connectorJsonEditor("connectorDialogFields",
        QStringLiteral("{\"order\": {\"id\": \"/number\", \"status\": \"/state\", \"total\": \"/amounts/total\"},\n"
                       " \"ticket\": {\"id\": \"/ticket/id\"}}"),
        box);
    auto *note = new QLabel(tr("Per purpose the request on the URL, with placeholders such as {orderId}, "
                               "{customerId}, {email}, {sessionId} or {reason}; and where each field is in the "
                               "answer, as a JSON pointer. docs/api.md shows Shopify and WooCommerce."),
        box);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color:#5f6b7a;"));
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(note);
    layout->addWidget(new QLabel(tr("Requests"), box));
    layout->addWidget(withError(m_requests, QStringLiteral("requests")), 1);
    layout->addWidget(new QLabel(tr("Answer fields"), box));
    layout->addWidget(withError(m_fields, QStringLiteral("fields")), 1);

    auto *stripe = new QGroupBox(tr("Stripe"), this);
    m_stripeBox = stripe;
    m_webhookSecret = new QLineEdit(stripe);
    m_webhookSecret->setObjectName(QStringLiteral("connectorDialogWebhookSecret"));
    m_webhookSecret->setEchoMode(QLineEdit::Password);
    m_webhookSecret->setPlaceholderText(QStringLiteral("whsec_..."));
    auto *stripeForm = new QFormLayout(stripe);
    stripeForm->addRow(tr("Webhook secret"), withError(m_webhookSecret, QStringLiteral("webhookSecret")));
    return box;
}

QLabel *ConnectorDialog::errorLabel(const QString &field)
{
    auto *label = new QLabel(this);
    label->setObjectName(QStringLiteral("connectorDialogError_") + field);
    label->setStyleSheet(QStringLiteral("color:#b91c1c;"));
    label->setWordWrap(true);
    label->hide();
    m_fieldErrors.insert(field, label);
    return label;
}

QWidget *ConnectorDialog::withError(QWidget *field, const QString &name)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field, 1);
    layout->addWidget(errorLabel(name));
    return box;
}

void ConnectorDialog::fill(const QJsonObject &c)
{
    if (c.isEmpty())
        return;
    m_name->setText(c.value(QLatin1String("name")).toString());
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(c.value(QLatin1String("kind")).toString())));
    const QJsonArray purposes = c.value(QLatin1String("purposes")).toArray();
    for (auto it = m_purposes.cbegin(); it != m_purposes.cend(); ++it)
        it.value()->setChecked(purposes.contains(it.key()));
    m_url->setText(c.value(QLatin1String("url")).toString());
    const QJsonObject auth = c.value(QLatin1String("auth")).toObject();
    m_authType->setCurrentIndex(qMax(0, m_authType->findData(auth.value(QLatin1String("type")).toString())));
    m_username->setText(auth.value(QLatin1String("username")).toString());
    m_headerName->setText(auth.value(QLatin1String("name")).toString());
    m_accessKeyId->setText(auth.value(QLatin1String("accessKeyId")).toString());
    m_region->setText(auth.value(QLatin1String("region")).toString());
    m_service->setText(auth.value(QLatin1String("service")).toString());
    m_timeout->setValue(c.value(QLatin1String("timeoutMs")).toInt(5000));
    m_requests->setPlainText(connectorJsonText(c.value(QLatin1String("requests"))));
    m_fields->setPlainText(connectorJsonText(c.value(QLatin1String("fields"))));
    if (c.value(QLatin1String("hasWebhookSecret")).toBool())
        m_webhookSecret->setPlaceholderText(tr("set — leave empty to keep it"));
}

void ConnectorDialog::followKind()
{
    const QString kind = m_kind->currentData().toString();
    const QStringList served = purposesOfKind(kind);
    for (auto it = m_purposes.cbegin(); it != m_purposes.cend(); ++it) {
        it.value()->setEnabled(served.contains(it.key()));
        if (!served.contains(it.key()))
            it.value()->setChecked(false);
    }
    if (served.size() == 1)
        m_purposes.value(served.first())->setChecked(true);
    m_httpBox->setVisible(kind == QLatin1String("http"));
    m_stripeBox->setVisible(kind == QLatin1String("stripe"));
    if (kind == QLatin1String("stripe") && m_new) {
        m_authType->setCurrentIndex(m_authType->findData(QStringLiteral("bearer")));
        if (m_url->text().isEmpty())
            m_url->setText(QStringLiteral("https://api.stripe.com"));
    }
}

void ConnectorDialog::followAuth()
{
    const QString type = m_authType->currentData().toString();
    auto *form = qobject_cast<QFormLayout *>(m_authType->parentWidget()->layout());
    const QHash<QString, bool> shown{{QStringLiteral("username"), type == QLatin1String("basic")},
        {QStringLiteral("headerName"), type == QLatin1String("header")},
        {QStringLiteral("accessKeyId"), type == QLatin1String("sigv4")},
        {QStringLiteral("region"), type == QLatin1String("sigv4")},
        {QStringLiteral("service"), type == QLatin1String("sigv4")},
        {QStringLiteral("secret"), type != QLatin1String("none")}};
    for (auto it = m_authRows.cbegin(); it != m_authRows.cend(); ++it)
        form->setRowVisible(it.value(), shown.value(it.key()));
    m_secretLabel->setText(type == QLatin1String("bearer") ? tr("Token")
            : type == QLatin1String("basic")               ? tr("Password")
            : type == QLatin1String("header")              ? tr("Value")
                                                           : tr("Secret access key"));
    const QJsonObject stored = m_stored.value(QLatin1String("auth")).toObject();
    const bool kept = !m_new && stored.value(QLatin1String("hasSecret")).toBool()
        && stored.value(QLatin1String("type")).toString() == type;
    m_secret->setPlaceholderText(kept ? tr("set — leave empty to keep it") : tr("sent once, never shown again"));
}

QString ConnectorDialog::name() const
{
    return m_name->text().trimmed();
}

QJsonObject ConnectorDialog::authBody() const
{
    const QString type = m_authType->currentData().toString();
    QJsonObject auth{{QStringLiteral("type"), type}};
    const QString secret = m_secret->text();
    if (type == QLatin1String("basic"))
        auth.insert(QStringLiteral("username"), m_username->text().trimmed());
    if (type == QLatin1String("header"))
        auth.insert(QStringLiteral("name"), m_headerName->text().trimmed());
    if (type == QLatin1String("sigv4")) {
        auth.insert(QStringLiteral("accessKeyId"), m_accessKeyId->text().trimmed());
        auth.insert(QStringLiteral("region"), m_region->text().trimmed());
        if (!m_service->text().trimmed().isEmpty())
            auth.insert(QStringLiteral("service"), m_service->text().trimmed());
    }
    static const QHash<QString, QString> secretKey{{QStringLiteral("bearer"), QStringLiteral("token")},
        {QStringLiteral("basic"), QStringLiteral("password")}, {QStringLiteral("header"), QStringLiteral("value")},
        {QStringLiteral("sigv4"), QStringLiteral("secretAccessKey")}};
    if (!secret.isEmpty() && secretKey.contains(type))
        auth.insert(secretKey.value(type), secret);
    return auth;
}

QJsonObject ConnectorDialog::body(QString *badField, QString *why) const
{
    const QString kind = m_kind->currentData().toString();
    QJsonArray purposes;
    for (const QString &purpose : kConnectorPurposes)
        if (m_purposes.value(purpose)->isChecked())
            purposes.append(purpose);
    QJsonObject out{{QStringLiteral("kind"), kind}, {QStringLiteral("purposes"), purposes},
        {QStringLiteral("url"), m_url->text().trimmed()}, {QStringLiteral("auth"), authBody()},
        {QStringLiteral("timeoutMs"), m_timeout->value()}};
    QString problem;
    if (kind == QLatin1String("http")) {
        for (const auto &[key, edit] : {std::pair{"requests", m_requests}, std::pair{"fields", m_fields}}) {
            QString wrong;
            out.insert(QLatin1String(key), connectorJsonObject(edit, &wrong));
            if (!wrong.isEmpty() && problem.isEmpty()) {
                problem = wrong;
                if (badField)
                    *badField = QLatin1String(key);
            }
        }
    }
    if (kind == QLatin1String("stripe") && !m_webhookSecret->text().isEmpty())
        out.insert(QStringLiteral("webhookSecret"), m_webhookSecret->text());
    if (why)
        *why = problem;
    return out;
}

QString ConnectorDialog::errorOf(const QString &field) const
{
    const QLabel *label = m_fieldErrors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void ConnectorDialog::save()
{
    clearErrors();
    QString field;
    QString why;
    const QJsonObject put = body(&field, &why);
    if (!why.isEmpty())
        return showError(field, why);
    QPushButton *saveButton = m_buttons->button(QDialogButtonBox::Save);
    saveButton->setEnabled(false);
    ApiReply *r = m_client.putConnector(name(), put);
    connect(r, &ApiReply::finished, this, [saveButton] { saveButton->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &connector) {
        m_secret->clear(); // write-only: never kept in the console either
        m_webhookSecret->clear();
        emit saved(connector);
        accept();
    });
    connect(r, &ApiReply::failed, this, &ConnectorDialog::showApiError);
}

void ConnectorDialog::showError(const QString &field, const QString &message)
{
    QLabel *label = m_fieldErrors.value(field, m_error);
    label->setText(message);
    label->show();
}

void ConnectorDialog::showApiError(const ApiError &e)
{
    QString field = e.details.value(QLatin1String("field")).toString();
    field = field.left(field.indexOf(QLatin1Char('.'))); // "requests.order.path" -> "requests"
    if (m_name->isReadOnly() && field == QLatin1String("name"))
        field.clear();
    showError(field, e.message);
}

void ConnectorDialog::clearErrors()
{
    m_error->hide();
    for (QLabel *label : std::as_const(m_fieldErrors))
        label->hide();
}

} // namespace tierdesk::ui
