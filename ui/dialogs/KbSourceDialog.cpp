#include "ui/dialogs/KbSourceDialog.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

QPlainTextEdit *pathsEditor(const char *name, const QString &example, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setPlaceholderText(example);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(64);
    return edit;
}

QJsonArray pathLines(const QPlainTextEdit *edit)
{
    QJsonArray out;
    for (const QString &line : edit->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            out.append(line.trimmed());
    return out;
}

} // namespace

KbSourceDialog::KbSourceDialog(ApiClient &client, const QString &kind, QWidget *parent)
    : QDialog(parent), m_client(client), m_kind(kind)
{
    const bool zendesk = kind == QLatin1String("zendesk");
    setObjectName(QStringLiteral("kbSourceDialog"));
    setWindowTitle(zendesk ? tr("Add a Zendesk Help Center") : tr("Add a website"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("kbSourceUrl"));
    m_url->setPlaceholderText(
        zendesk ? QStringLiteral("https://acme.zendesk.com") : QStringLiteral("https://help.example.com/sitemap.xml"));
    m_url->setToolTip(zendesk ? tr("The Help Center's address: https://<subdomain>.zendesk.com")
                              : tr("A sitemap (sitemap.xml) or a start page whose links are followed"));
    m_maxPages = new QSpinBox(this);
    m_maxPages->setObjectName(QStringLiteral("kbSourceMaxPages"));
    m_maxPages->setRange(1, 5000);
    m_maxPages->setValue(500);
    m_syncHours = new QSpinBox(this);
    m_syncHours->setObjectName(QStringLiteral("kbSourceSyncHours"));
    m_syncHours->setRange(0, 720);
    m_syncHours->setValue(24);
    m_syncHours->setPrefix(tr("every "));
    m_syncHours->setSuffix(tr(" hours"));
    m_syncHours->setSpecialValueText(tr("only when asked"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("kbSourceError"));
    m_error->setStyleSheet(QStringLiteral("color:#b91c1c;"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout;
    m_errors.addRow(form, tr("&Address"), m_url, QStringLiteral("url"));
    if (zendesk) {
        m_locale = new QLineEdit(QStringLiteral("en-us"), this);
        m_locale->setObjectName(QStringLiteral("kbSourceLocale"));
        m_email = new QLineEdit(this);
        m_email->setObjectName(QStringLiteral("kbSourceEmail"));
        m_email->setPlaceholderText(tr("the agent's e-mail the token belongs to"));
        m_token = new QLineEdit(this);
        m_token->setObjectName(QStringLiteral("kbSourceToken"));
        m_token->setEchoMode(QLineEdit::Password);
        m_token->setPlaceholderText(tr("optional: only for a Help Center that needs a sign-in"));
        m_errors.addRow(form, tr("&Locale"), m_locale, QStringLiteral("locale"));
        m_errors.addRow(form, tr("API &token"), m_token, QStringLiteral("auth"));
        m_errors.addRow(form, tr("&E-mail"), m_email, QStringLiteral("auth.username"));
        m_errors.addRow(form, tr("At most"), m_maxPages, QStringLiteral("maxPages"));
        m_maxPages->setSuffix(tr(" articles"));
    } else {
        m_include = pathsEditor("kbSourceInclude", QStringLiteral("/help/\n/docs/"), this);
        m_exclude = pathsEditor("kbSourceExclude", QStringLiteral("/help/internal/"), this);
        m_errors.addRow(form, tr("&Only under"), m_include, QStringLiteral("include"));
        m_errors.addRow(form, tr("&Never under"), m_exclude, QStringLiteral("exclude"));
        m_errors.addRow(form, tr("At most"), m_maxPages, QStringLiteral("maxPages"));
        m_maxPages->setSuffix(tr(" pages"));
    }
    m_errors.addRow(form, tr("&Sync"), m_syncHours, QStringLiteral("syncHours"));
    auto *note = new QLabel(zendesk ? tr("Published articles are read; drafts are left out.")
                                    : tr("Paths one a line, each starting with /. robots.txt is obeyed."),
        this);
    note->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add and sync"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("kbSourceAdd"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &KbSourceDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    resize(560, sizeHint().height());
}

QJsonObject KbSourceDialog::authBody() const
{
    const QString token = m_token->text().trimmed();
    if (token.isEmpty())
        return {};
    const QString email = m_email->text().trimmed();
    if (email.isEmpty()) // an OAuth access token
        return {{QStringLiteral("type"), QStringLiteral("bearer")}, {QStringLiteral("token"), token}};
    // Zendesk's API token: "<email>/token" with the token as the password.
    return {{QStringLiteral("type"), QStringLiteral("basic")},
        {QStringLiteral("username"), QString(email + QStringLiteral("/token"))}, {QStringLiteral("token"), token}};
}

QJsonObject KbSourceDialog::body() const
{
    QJsonObject out{{QStringLiteral("kind"), m_kind}, {QStringLiteral("url"), m_url->text().trimmed()},
        {QStringLiteral("maxPages"), m_maxPages->value()}, {QStringLiteral("syncHours"), m_syncHours->value()}};
    if (m_include) {
        out.insert(QStringLiteral("include"), pathLines(m_include));
        out.insert(QStringLiteral("exclude"), pathLines(m_exclude));
    }
    if (m_locale) {
        if (!m_locale->text().trimmed().isEmpty())
            out.insert(QStringLiteral("locale"), m_locale->text().trimmed());
        if (const QJsonObject auth = authBody(); !auth.isEmpty())
            out.insert(QStringLiteral("auth"), auth);
    }
    return out;
}

void KbSourceDialog::save()
{
    m_errors.clear();
    m_error->hide();
    m_buttons->setEnabled(false);
    ApiReply *r = m_client.kbAddSource(body());
    connect(r, &ApiReply::finished, this, [this] { m_buttons->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &source) {
        emit added(source);
        accept();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        if (m_errors.show(e).isEmpty()) { // a refusal that names no field of this form (20 sources, a 403)
            m_error->setText(e.message);
            m_error->show();
        }
    });
}

} // namespace tierdesk::ui
