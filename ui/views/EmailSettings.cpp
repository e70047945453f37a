#include "ui/views/EmailSettings.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tierdesk::ui {

EmailSettings::EmailSettings(ApiClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    const auto named = [](QWidget *w, const char *name) {
        w->setObjectName(QLatin1String(name));
        return w;
    };
    m_host = new QLineEdit(this);
    m_host->setPlaceholderText(tr("smtp.example.com (empty: no e-mail)"));
    m_port = new QSpinBox(this);
    m_port->setRange(1, 65535);
    m_tls = new QComboBox(this);
    m_tls->addItem(tr("STARTTLS (required)"), QStringLiteral("starttls"));
    m_tls->addItem(tr("TLS from the start (smtps)"), QStringLiteral("tls"));
    m_tls->addItem(tr("None (a relay on this host only)"), QStringLiteral("none"));
    m_user = new QLineEdit(this);
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_from = new QLineEdit(this);
    m_from->setPlaceholderText(tr("Tierdesk <desk@example.com>"));
    m_timeout = new QSpinBox(this);
    m_timeout->setRange(1, 300);
    m_timeout->setSuffix(tr(" s"));
    m_save = new QPushButton(tr("Save"), this);
    connect(m_save, &QPushButton::clicked, this, &EmailSettings::save);
    m_state = new QLabel(this);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("SMTP server"), named(m_host, "smtpHost"));
    form->addRow(tr("Port"), named(m_port, "smtpPort"));
    form->addRow(tr("Encryption"), named(m_tls, "smtpTls"));
    form->addRow(tr("User name"), named(m_user, "smtpUser"));
    form->addRow(tr("Password"), named(m_password, "smtpPassword"));
    form->addRow(tr("Sender"), named(m_from, "smtpFrom"));
    form->addRow(tr("Timeout"), named(m_timeout, "smtpTimeout"));
    form->addRow(QString(), named(m_save, "smtpSave"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(named(m_state, "smtpState"));
    layout->addLayout(form);
    layout->addWidget(named(m_message, "smtpMessage"));
    layout->addStretch(1);
}

void EmailSettings::refresh()
{
    ApiReply *r = m_client.send("GET", QStringLiteral("/api/cs/settings/smtp"));
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &smtp) {
        show(smtp);
        emit loaded();
    });
    connect(r, &ApiReply::failed, this, &EmailSettings::sayError);
}

void EmailSettings::show(const QJsonObject &smtp)
{
    m_host->setText(smtp.value(QLatin1String("host")).toString());
    m_port->setValue(smtp.value(QLatin1String("port")).toInt());
    m_tls->setCurrentIndex(qMax(0, m_tls->findData(smtp.value(QLatin1String("tls")).toString())));
    m_user->setText(smtp.value(QLatin1String("user")).toString());
    m_from->setText(smtp.value(QLatin1String("from")).toString());
    m_timeout->setValue(smtp.value(QLatin1String("timeoutSeconds")).toInt());
    m_password->clear();
    m_password->setPlaceholderText(
        smtp.value(QLatin1String("passwordSet")).toBool() ? tr("stored (type to replace)") : tr("none stored"));
    const bool editable = smtp.value(QLatin1String("editable")).toBool();
    for (QWidget *w :
        std::initializer_list<QWidget *>{m_host, m_port, m_tls, m_user, m_password, m_from, m_timeout, m_save})
        w->setEnabled(editable);
    if (!editable)
        m_state->setText(
            tr("This server holds several companies: its e-mail settings are set in tierdesk.ini by its operator."));
    else if (smtp.value(QLatin1String("active")).toBool())
        m_state->setText(tr("Escalation e-mail is being sent. Changes apply when the server next starts."));
    else
        m_state->setText(tr("Escalation e-mail is off. Changes apply when the server next starts."));
}

void EmailSettings::save()
{
    QJsonObject body{{QStringLiteral("host"), m_host->text().trimmed()}, {QStringLiteral("port"), m_port->value()},
        {QStringLiteral("tls"), m_tls->currentData().toString()}, {QStringLiteral("user"), m_user->text().trimmed()},
        {QStringLiteral("from"), m_from->text().trimmed()}, {QStringLiteral("timeoutSeconds"), m_timeout->value()}};
    if (!m_password->text().isEmpty())
        body.insert(QStringLiteral("password"), m_password->text());
    m_save->setEnabled(false);
    ApiReply *r = m_client.send("PUT", QStringLiteral("/api/cs/settings/smtp"), body, {}, true);
    connect(r, &ApiReply::finished, this, [this] { m_save->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &smtp) {
        show(smtp);
        say(tr("Saved. The server uses these settings from its next start."));
        emit saved();
    });
    connect(r, &ApiReply::failed, this, &EmailSettings::sayError);
}

void EmailSettings::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QString());
    m_message->setText(text);
}

void EmailSettings::sayError(const ApiError &e)
{
    const QString field = e.details.value(QLatin1String("field")).toString();
    say(field.isEmpty() ? e.message : tr("%1 (%2)").arg(e.message, field), true);
}

} // namespace tierdesk::ui
