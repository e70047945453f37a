#include "ui/views/settings/ChannelsSettings.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"
#include "ui/models/Display.h"
#include "ui/views/ConfirmButton.h"
#include "ui/views/settings/Named.h"
#include "ui/views/settings/WebChatSettings.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

constexpr double kBytesPerMb = 1024.0 * 1024.0;

QLineEdit *secretEdit(QWidget *parent, const char *name)
{
    auto *e = named(new QLineEdit(parent), name);
    e->setEchoMode(QLineEdit::Password);
    return e;
}

} // namespace

ChannelsSettings::ChannelsSettings(ApiClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    setObjectName(QStringLiteral("channelsSettings"));
    auto *content = new QWidget(this);
    auto *rows = new QVBoxLayout(content);
    auto *columns = new QHBoxLayout;
    columns->addWidget(buildMailbox(), 1);
    columns->addWidget(buildTwilio(), 1);
    rows->addLayout(columns);
    m_web = new WebChatSettings(client, content);
    rows->addWidget(m_web);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

QWidget *ChannelsSettings::buildMailbox()
{
    auto *box = new QGroupBox(tr("E-mail: the company's mailbox"), this);
    m_address = named(new QLineEdit(box), "mailAddress");
    m_address->setPlaceholderText(tr("support@shop.example"));
    m_name = named(new QLineEdit(box), "mailName");
    m_name->setPlaceholderText(tr("Shop Support"));
    m_imapUrl = named(new QLineEdit(box), "imapUrl");
    m_imapUrl->setPlaceholderText(tr("imaps://imap.shop.example (empty: mail is handed in)"));
    m_imapUser = named(new QLineEdit(box), "imapUsername");
    m_imapPassword = secretEdit(box, "imapPassword");
    m_poll = named(new QSpinBox(box), "imapPollSeconds");
    m_poll->setRange(5, 86400);
    m_poll->setValue(60);
    m_poll->setSuffix(tr(" s"));
    m_imapStartTls = named(new QCheckBox(tr("Require STARTTLS"), box), "imapStartTls");
    m_imapStartTls->setToolTip(tr("imap:// only: off for a server on the same host"));
    m_imapStartTls->setChecked(true);
    m_smtpUrl = named(new QLineEdit(box), "smtpUrl");
    m_smtpUrl->setPlaceholderText(tr("smtp://smtp.shop.example:587"));
    m_smtpUser = named(new QLineEdit(box), "smtpUsername");
    m_smtpPassword = secretEdit(box, "smtpPassword");
    m_startTls = named(new QCheckBox(tr("Require STARTTLS"), box), "smtpStartTls");
    m_startTls->setToolTip(tr("smtp:// only: off for a relay on the same host"));
    m_startTls->setChecked(true);
    m_autoReply = named(new QCheckBox(tr("The AI answers new mail"), box), "mailAutoReply");
    m_autoReply->setToolTip(tr("Else a new mail goes straight to the people's queue"));
    m_autoReply->setChecked(true);
    m_maxMb = named(new QDoubleSpinBox(box), "mailMaxSize");
    m_maxMb->setRange(0.0625, 50);
    m_maxMb->setDecimals(2);
    m_maxMb->setValue(10);
    m_maxMb->setSuffix(tr(" MB"));
    m_maxMb->setToolTip(tr("A larger mail is not imported whole: only its headers"));

    m_mailSave = named(new QPushButton(tr("Save"), box), "mailSave");
    m_mailRemove = named(new ConfirmButton(tr("Remove"), tr("Click again to remove"), box), "mailRemove");
    m_fetch = named(new QPushButton(tr("Fetch now"), box), "mailFetch");
    m_fetch->setToolTip(tr("Read the mailbox now instead of at the next poll"));
    connect(m_mailSave, &QPushButton::clicked, this, &ChannelsSettings::saveMailbox);
    connect(m_mailRemove, &ConfirmButton::confirmed, this, &ChannelsSettings::removeMailbox);
    connect(m_fetch, &QPushButton::clicked, this, &ChannelsSettings::fetchNow);
    m_mailStatus = named(new QLabel(box), "mailStatus");
    m_mailStatus->setWordWrap(true);
    m_mailStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_mailMessage = named(new QLabel(box), "mailMessage");
    m_mailMessage->setWordWrap(true);

    auto *form = new QFormLayout;
    m_errors.addRow(form, tr("Address"), m_address, QStringLiteral("address"));
    m_errors.addRow(form, tr("Name replies go out with"), m_name, QStringLiteral("name"));
    m_errors.addRow(form, tr("IMAP server"), m_imapUrl, QStringLiteral("imap.url"));
    m_errors.addRow(form, tr("IMAP user name"), m_imapUser, QStringLiteral("imap.username"));
    m_errors.addRow(form, tr("IMAP password"), m_imapPassword, QStringLiteral("imap.password"));
    m_errors.addRow(form, tr("Look for new mail every"), m_poll, QStringLiteral("imap.pollSeconds"));
    m_errors.addRow(form, QString(), m_imapStartTls, QStringLiteral("imap.startTls"));
    m_errors.addRow(form, tr("SMTP server"), m_smtpUrl, QStringLiteral("smtp.url"));
    m_errors.addRow(form, tr("SMTP user name"), m_smtpUser, QStringLiteral("smtp.username"));
    m_errors.addRow(form, tr("SMTP password"), m_smtpPassword, QStringLiteral("smtp.password"));
    m_errors.addRow(form, QString(), m_startTls, QStringLiteral("smtp.startTls"));
    m_errors.addRow(form, QString(), m_autoReply, QStringLiteral("autoReply"));
    m_errors.addRow(form, tr("Largest mail imported"), m_maxMb, QStringLiteral("maxBytes"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_mailSave);
    buttons->addWidget(m_fetch);
    buttons->addStretch(1);
    buttons->addWidget(m_mailRemove);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_mailStatus);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_mailMessage);
    layout->addStretch(1);
    return box;
}

QWidget *ChannelsSettings::buildTwilio()
{
    auto *box = new QGroupBox(tr("SMS and WhatsApp: the company's Twilio account"), this);
    m_sid = named(new QLineEdit(box), "twilioAccountSid");
    m_sid->setPlaceholderText(tr("AC followed by 32 letters and digits"));
    m_token = secretEdit(box, "twilioAuthToken");
    m_numbers = named(new QPlainTextEdit(box), "twilioNumbers");
    m_numbers->setPlaceholderText(tr("One a line: +15550100 for SMS, whatsapp:+15550100 for WhatsApp"));
    m_numbers->setMaximumHeight(fontMetrics().height() * 5);
    m_numbers->setTabChangesFocus(true);
    m_apiUrl = named(new QLineEdit(box), "twilioApiUrl");
    m_apiUrl->setPlaceholderText(QStringLiteral("https://api.twilio.com"));
    m_twilioSave = named(new QPushButton(tr("Save"), box), "twilioSave");
    m_twilioRemove = named(new ConfirmButton(tr("Remove"), tr("Click again to remove"), box), "twilioRemove");
    connect(m_twilioSave, &QPushButton::clicked, this, &ChannelsSettings::saveTwilio);
    connect(m_twilioRemove, &ConfirmButton::confirmed, this, &ChannelsSettings::removeTwilio);
    m_webhooks = named(new QLabel(box), "twilioWebhooks");
    m_webhooks->setWordWrap(true);
    m_webhooks->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_twilioMessage = named(new QLabel(box), "twilioMessage");
    m_twilioMessage->setWordWrap(true);

    auto *form = new QFormLayout;
    m_errors.addRow(form, tr("Account SID"), m_sid, QStringLiteral("accountSid"));
    m_errors.addRow(form, tr("Auth token"), m_token, QStringLiteral("authToken"));
    m_errors.addRow(form, tr("Numbers"), m_numbers, QStringLiteral("numbers"));
    m_errors.addRow(form, tr("API address"), m_apiUrl, QStringLiteral("apiUrl"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_twilioSave);
    buttons->addStretch(1);
    buttons->addWidget(m_twilioRemove);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_twilioMessage);
    layout->addWidget(m_webhooks);
    layout->addStretch(1);
    showWebhooks();
    return box;
}

void ChannelsSettings::setPublicBase(const QUrl &base)
{
    m_publicBase = base;
    showWebhooks();
}

QString ChannelsSettings::messagesWebhook() const
{
    QString root = (m_publicBase.isEmpty() ? m_client.baseUrl() : m_publicBase).toString();
    while (root.endsWith(QLatin1Char('/')))
        root.chop(1);
    return QStringLiteral("%1/api/v1/twilio/%2/messages").arg(root, m_client.companyId());
}

QString ChannelsSettings::statusWebhook() const
{
    QString url = messagesWebhook();
    url.chop(int(qstrlen("messages")));
    return url + QStringLiteral("status");
}

void ChannelsSettings::showWebhooks()
{
    m_webhooks->setText(
        tr("In Twilio, set each number's \"A message comes in\" webhook (HTTP POST) to:\n%1\n"
           "Replies ask Twilio to report their delivery to %2.\n"
           "Twilio must reach these addresses from the Internet: the server's public address is the setting "
           "server/publicUrl in its tierdesk.ini.")
            .arg(messagesWebhook(), statusWebhook()));
}

void ChannelsSettings::refresh()
{
    m_errors.clear();
    showWebhooks();
    m_web->refresh();
    ApiReply *mail = m_client.emailChannel();
    connect(mail, &ApiReply::succeeded, this, [this](const QJsonObject &mailbox) {
        showMailbox(mailbox);
        emit mailboxLoaded();
    });
    connect(mail, &ApiReply::failed, this, [this](const ApiError &e) {
        if (e.status == 404) {
            showMailbox({});
            emit mailboxLoaded();
        } else {
            say(m_mailMessage, e.message, true);
        }
    });
    ApiReply *twilio = m_client.twilioChannel();
    connect(twilio, &ApiReply::succeeded, this, [this](const QJsonObject &account) {
        showTwilio(account);
        emit twilioLoaded();
    });
    connect(twilio, &ApiReply::failed, this, [this](const ApiError &e) {
        if (e.status == 404) {
            showTwilio({});
            emit twilioLoaded();
        } else {
            say(m_twilioMessage, e.message, true);
        }
    });
}

void ChannelsSettings::showMailbox(const QJsonObject &mailbox)
{
    const QJsonObject imap = mailbox.value(QLatin1String("imap")).toObject();
    const QJsonObject smtp = mailbox.value(QLatin1String("smtp")).toObject();
    m_address->setText(mailbox.value(QLatin1String("address")).toString());
    m_name->setText(mailbox.value(QLatin1String("name")).toString());
    m_imapUrl->setText(imap.value(QLatin1String("url")).toString());
    m_imapUser->setText(imap.value(QLatin1String("username")).toString());
    m_poll->setValue(imap.value(QLatin1String("pollSeconds")).toInt(60));
    m_imapStartTls->setChecked(imap.value(QLatin1String("startTls")).toBool(true));
    m_smtpUrl->setText(smtp.value(QLatin1String("url")).toString());
    m_smtpUser->setText(smtp.value(QLatin1String("username")).toString());
    m_startTls->setChecked(smtp.value(QLatin1String("startTls")).toBool(true));
    m_autoReply->setChecked(mailbox.value(QLatin1String("autoReply")).toBool(true));
    m_maxMb->setValue(mailbox.value(QLatin1String("maxBytes")).toDouble(10 * kBytesPerMb) / kBytesPerMb);
    for (auto [edit, set] :
        {std::pair{m_imapPassword,
             imap.value(QLatin1String("passwordSet")).toBool() || imap.value(QLatin1String("oauth2Set")).toBool()},
            {m_smtpPassword, smtp.value(QLatin1String("passwordSet")).toBool()}}) {
        edit->clear();
        edit->setPlaceholderText(set ? tr("set (type to replace)") : tr("not set"));
    }
    const bool exists = !mailbox.isEmpty();
    m_mailRemove->setEnabled(exists);
    m_fetch->setEnabled(exists && !imap.value(QLatin1String("url")).toString().isEmpty());
    if (exists)
        showMailboxStatus(mailbox.value(QLatin1String("status")).toObject());
    else
        m_mailStatus->setText(tr("No mailbox yet: mail to the company does not reach Tierdesk."));
}

void ChannelsSettings::showMailboxStatus(const QJsonObject &status)
{
    const qint64 last = display::parseTime(status.value(QLatin1String("lastPollAt")).toString());
    QString text = last > 0 ? tr("Last looked for mail at %1; %n mail(s) fetched so far.", "",
                       int(status.value(QLatin1String("fetched")).toInteger()))
                                  .arg(display::dateTimeOfMs(last))
                            : tr("Not looked for mail yet.");
    const QString error = status.value(QLatin1String("lastError")).toString();
    if (!error.isEmpty())
        text += QLatin1Char('\n') + tr("Last error: %1").arg(error);
    m_mailStatus->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("color:#b91c1c;"));
    m_mailStatus->setText(text);
}

QJsonObject ChannelsSettings::mailboxBody() const
{
    QJsonObject imap{{QStringLiteral("url"), m_imapUrl->text().trimmed()},
        {QStringLiteral("username"), m_imapUser->text().trimmed()}, {QStringLiteral("pollSeconds"), m_poll->value()},
        {QStringLiteral("startTls"), m_imapStartTls->isChecked()}};
    if (!m_imapPassword->text().isEmpty())
        imap.insert(QStringLiteral("password"), m_imapPassword->text());
    QJsonObject smtp{{QStringLiteral("url"), m_smtpUrl->text().trimmed()},
        {QStringLiteral("username"), m_smtpUser->text().trimmed()},
        {QStringLiteral("startTls"), m_startTls->isChecked()}};
    if (!m_smtpPassword->text().isEmpty())
        smtp.insert(QStringLiteral("password"), m_smtpPassword->text());
    return {{QStringLiteral("address"), m_address->text().trimmed()},
        {QStringLiteral("name"), m_name->text().trimmed()}, {QStringLiteral("imap"), imap},
        {QStringLiteral("smtp"), smtp}, {QStringLiteral("autoReply"), m_autoReply->isChecked()},
        {QStringLiteral("maxBytes"), qint64(qRound64(m_maxMb->value() * kBytesPerMb))}};
}

void ChannelsSettings::saveMailbox()
{
    m_errors.clear();
    m_mailSave->setEnabled(false);
    ApiReply *r = m_client.putEmailChannel(mailboxBody());
    connect(r, &ApiReply::finished, this, [this] { m_mailSave->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &mailbox) {
        showMailbox(mailbox);
        say(m_mailMessage, tr("Saved."), false);
        emit mailboxSaved();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { showError(e, m_mailMessage); });
}

void ChannelsSettings::removeMailbox()
{
    ApiReply *r = m_client.removeEmailChannel();
    connect(r, &ApiReply::succeeded, this, [this] {
        showMailbox({});
        say(m_mailMessage, tr("Removed: mail is no longer read or answered."), false);
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(m_mailMessage, e.message, true); });
}

// The one place the console asks for a fetch (POST /channels/email/poll).
void ChannelsSettings::fetchNow()
{
    m_fetch->setEnabled(false);
    say(m_mailMessage, tr("Looking for new mail…"), false);
    ApiReply *r = m_client.pollEmailChannel();
    connect(r, &ApiReply::finished, this, [this] { m_fetch->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        const qint64 count = body.value(QLatin1String("fetched")).toInteger();
        say(m_mailMessage, tr("%n new mail(s) fetched.", "", int(count)), false);
        emit fetched(count);
        ApiReply *again = m_client.emailChannel(); // the status line: when, how many, any error
        connect(again, &ApiReply::succeeded, this, [this](const QJsonObject &mailbox) {
            showMailboxStatus(mailbox.value(QLatin1String("status")).toObject());
        });
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(m_mailMessage, e.message, true); });
}

void ChannelsSettings::showTwilio(const QJsonObject &account)
{
    m_sid->setText(account.value(QLatin1String("accountSid")).toString());
    QStringList numbers;
    for (const QJsonValue &n : account.value(QLatin1String("numbers")).toArray())
        numbers << n.toString();
    m_numbers->setPlainText(numbers.join(QLatin1Char('\n')));
    const QString api = account.value(QLatin1String("apiUrl")).toString();
    m_apiUrl->setText(api == QLatin1String("https://api.twilio.com") ? QString() : api);
    m_token->clear();
    m_token->setPlaceholderText(
        account.value(QLatin1String("authTokenSet")).toBool() ? tr("set (type to replace)") : tr("not set"));
    m_twilioRemove->setEnabled(!account.isEmpty());
}

void ChannelsSettings::saveTwilio()
{
    m_errors.clear();
    QJsonArray numbers;
    for (const QString &line : m_numbers->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            numbers.append(line.trimmed());
    QJsonObject body{{QStringLiteral("accountSid"), m_sid->text().trimmed()}, {QStringLiteral("numbers"), numbers}};
    if (!m_token->text().isEmpty())
        body.insert(QStringLiteral("authToken"), m_token->text().trimmed());
    if (!m_apiUrl->text().trimmed().isEmpty())
        body.insert(QStringLiteral("apiUrl"), m_apiUrl->text().trimmed());
    m_twilioSave->setEnabled(false);
    ApiReply *r = m_client.putTwilioChannel(body);
    connect(r, &ApiReply::finished, this, [this] { m_twilioSave->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &account) {
        showTwilio(account);
        say(m_twilioMessage, tr("Saved."), false);
        emit twilioSaved();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { showError(e, m_twilioMessage); });
}

void ChannelsSettings::removeTwilio()
{
    ApiReply *r = m_client.removeTwilioChannel();
    connect(r, &ApiReply::succeeded, this, [this] {
        showTwilio({});
        say(m_twilioMessage, tr("Removed: texts are no longer taken or answered."), false);
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(m_twilioMessage, e.message, true); });
}

void ChannelsSettings::showError(const ApiError &e, QLabel *message)
{
    say(message, m_errors.show(e).isEmpty() ? e.message : tr("Not saved: see the field marked in red."), true);
}

QString ChannelsSettings::fieldError(const QString &field) const
{
    return m_errors.error(field);
}

void ChannelsSettings::say(QLabel *where, const QString &text, bool error)
{
    where->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QString());
    where->setText(text);
}

} // namespace tierdesk::ui
