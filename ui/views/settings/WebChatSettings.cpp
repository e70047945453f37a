#include "ui/views/settings/WebChatSettings.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"
#include "ui/views/ConfirmButton.h"
#include "ui/views/settings/Named.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

// A choice shown in the console's words, sent as the API's.
QComboBox *choices(QWidget *parent, const char *name, const QList<QPair<QString, QString>> &items)
{
    auto *box = named(new QComboBox(parent), name);
    for (const auto &[label, value] : items)
        box->addItem(label, value);
    return box;
}

void choose(QComboBox *box, const QString &value)
{
    box->setCurrentIndex(qMax(0, box->findData(value)));
}

} // namespace

WebChatSettings::WebChatSettings(ApiClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    setObjectName(QStringLiteral("webChatSettings"));
    auto *box = new QGroupBox(tr("Web chat on the company's site"), this);
    m_origins = named(new QPlainTextEdit(box), "webOrigins");
    m_origins->setPlaceholderText(tr("One a line: https://shop.example.com"));
    m_origins->setMaximumHeight(70);
    m_title = named(new QLineEdit(box), "webTitle");
    m_title->setPlaceholderText(tr("Chat with us"));
    m_color = named(new QLineEdit(box), "webColor");
    m_color->setPlaceholderText(QStringLiteral("#2563eb"));
    m_color->setMaxLength(7);
    m_greeting = named(new QLineEdit(box), "webGreeting");
    m_greeting->setPlaceholderText(tr("Hi! Ask us anything."));
    m_position
        = choices(box, "webPosition", {{tr("Right"), QStringLiteral("right")}, {tr("Left"), QStringLiteral("left")}});
    m_language = choices(box, "webLanguage",
        {{tr("The visitor's browser's"), QStringLiteral("auto")}, {tr("English"), QStringLiteral("en")},
            {tr("German"), QStringLiteral("de")}});
    m_identity = choices(box, "webIdentity",
        {{tr("Off: every visitor is anonymous"), QStringLiteral("off")},
            {tr("Optional: signed-in customers are themselves"), QStringLiteral("optional")},
            {tr("Required: signed-in customers only"), QStringLiteral("required")}});
    m_askName = named(new QCheckBox(tr("Ask an anonymous visitor's name"), box), "webAskName");
    m_askEmail = named(new QCheckBox(tr("Ask an anonymous visitor's e-mail address"), box), "webAskEmail");
    m_save = named(new QPushButton(tr("Save"), box), "webSave");
    connect(m_save, &QPushButton::clicked, this, &WebChatSettings::save);

    m_snippet = named(new QLineEdit(box), "webSnippet");
    m_snippet->setReadOnly(true);
    m_snippet->setToolTip(tr("Paste it into every page of the site, before </body>"));
    m_copy = named(new QPushButton(tr("Copy"), box), "webCopy");
    connect(m_copy, &QPushButton::clicked, this, &WebChatSettings::copySnippet);
    auto *snippetRow = new QHBoxLayout;
    snippetRow->addWidget(m_snippet, 1);
    snippetRow->addWidget(m_copy);

    m_secretState = named(new QLabel(box), "webSecretState");
    m_newSecret
        = named(new ConfirmButton(tr("Make a new identity secret"), tr("Click again: the old one stops working"), box),
            "webNewSecret");
    connect(m_newSecret, &ConfirmButton::confirmed, this, &WebChatSettings::makeSecret);
    m_secret = named(new QLineEdit(box), "webSecret");
    m_secret->setReadOnly(true);
    m_secret->setVisible(false);
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secretState, 1);
    secretRow->addWidget(m_newSecret);

    m_message = named(new QLabel(box), "webMessage");
    m_message->setWordWrap(true);
    auto *form = new QFormLayout;
    m_errors.addRow(form, tr("Sites that may show it"), m_origins, QStringLiteral("allowedOrigins"));
    m_errors.addRow(form, tr("Title"), m_title, QStringLiteral("title"));
    m_errors.addRow(form, tr("Colour"), m_color, QStringLiteral("color"));
    m_errors.addRow(form, tr("Greeting"), m_greeting, QStringLiteral("greeting"));
    m_errors.addRow(form, tr("Side of the page"), m_position, QStringLiteral("position"));
    m_errors.addRow(form, tr("Language"), m_language, QStringLiteral("language"));
    m_errors.addRow(form, tr("Signed-in visitors"), m_identity, QStringLiteral("identity"));
    form->addRow(QString(), m_askName);
    form->addRow(QString(), m_askEmail);
    form->addRow(QString(), m_save);
    form->addRow(tr("Snippet"), snippetRow);
    form->addRow(tr("Identity secret"), secretRow);
    form->addRow(QString(), m_secret);
    auto *inner = new QVBoxLayout(box);
    inner->addLayout(form);
    inner->addWidget(m_message);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box);
}

QString WebChatSettings::snippet() const
{
    return m_snippet->text();
}

QString WebChatSettings::fieldError(const QString &field) const
{
    return m_errors.error(field);
}

void WebChatSettings::refresh()
{
    m_errors.clear();
    ApiReply *r = m_client.webChannel();
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &web) {
        show(web);
        emit loaded();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(e.message, true); });
}

void WebChatSettings::show(const QJsonObject &web)
{
    QStringList origins;
    for (const QJsonValue &o : web.value(QLatin1String("allowedOrigins")).toArray())
        origins << o.toString();
    m_origins->setPlainText(origins.join(QLatin1Char('\n')));
    m_title->setText(web.value(QLatin1String("title")).toString());
    m_color->setText(web.value(QLatin1String("color")).toString());
    m_greeting->setText(web.value(QLatin1String("greeting")).toString());
    choose(m_position, web.value(QLatin1String("position")).toString());
    choose(m_language, web.value(QLatin1String("language")).toString());
    choose(m_identity, web.value(QLatin1String("identity")).toString());
    const QJsonObject preChat = web.value(QLatin1String("preChat")).toObject();
    m_askName->setChecked(preChat.value(QLatin1String("askName")).toBool());
    m_askEmail->setChecked(preChat.value(QLatin1String("askEmail")).toBool());
    const QString snippet = web.value(QLatin1String("snippet")).toString();
    m_snippet->setText(snippet);
    m_snippet->setPlaceholderText(tr("Save once to make the company's widget key"));
    m_copy->setEnabled(!snippet.isEmpty());
    m_secretState->setText(web.value(QLatin1String("identitySecretSet")).toBool()
            ? tr("Set: your site's server holds it.")
            : tr("None yet: signed-in visitors cannot be checked."));
}

QJsonObject WebChatSettings::body() const
{
    QJsonArray origins;
    for (const QString &line : m_origins->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            origins.append(line.trimmed());
    return {{QStringLiteral("allowedOrigins"), origins}, {QStringLiteral("title"), m_title->text().trimmed()},
        {QStringLiteral("color"), m_color->text().trimmed()},
        {QStringLiteral("greeting"), m_greeting->text().trimmed()},
        {QStringLiteral("position"), m_position->currentData().toString()},
        {QStringLiteral("language"), m_language->currentData().toString()},
        {QStringLiteral("identity"), m_identity->currentData().toString()},
        {QStringLiteral("preChat"),
            QJsonObject{{QStringLiteral("askName"), m_askName->isChecked()},
                {QStringLiteral("askEmail"), m_askEmail->isChecked()}}}};
}

void WebChatSettings::save()
{
    m_errors.clear();
    m_save->setEnabled(false);
    ApiReply *r = m_client.putWebChannel(body());
    connect(r, &ApiReply::finished, this, [this] { m_save->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &web) {
        show(web);
        say(tr("Saved."), false);
        emit saved();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        say(m_errors.show(e).isEmpty() ? e.message : tr("Not saved: see the field marked in red."), true);
    });
}

void WebChatSettings::copySnippet()
{
    QGuiApplication::clipboard()->setText(m_snippet->text());
    say(tr("The snippet is on the clipboard."), false);
}

void WebChatSettings::makeSecret()
{
    ApiReply *r = m_client.newWebIdentitySecret();
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &made) {
        const QString secret = made.value(QLatin1String("secret")).toString();
        m_secret->setText(secret);
        m_secret->setVisible(true);
        m_secretState->setText(tr("Set: your site's server holds it."));
        say(tr("Give this secret to your site's server now: it is not shown again."), false);
        emit secretMade(secret);
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(e.message, true); });
}

void WebChatSettings::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QString());
    m_message->setText(text);
}

} // namespace tierdesk::ui
