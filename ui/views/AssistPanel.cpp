#include "ui/views/AssistPanel.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"
#include "ui/models/TranscriptModel.h"
#include "ui/views/ReplyBox.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

QString languageName(const QString &code)
{
    if (code.isEmpty())
        return QString();
    const QLocale locale(code);
    return locale.language() == QLocale::C ? code : locale.nativeLanguageName();
}

} // namespace

AssistPanel::AssistPanel(ApiClient &client, ReplyBox &reply, TranscriptModel &transcript, QWidget *parent)
    : QWidget(parent), m_client(client), m_reply(reply), m_transcript(transcript)
{
    setObjectName(QStringLiteral("assistPanel"));
    m_draft = new QPushButton(tr("Draft reply"), this);
    m_draft->setObjectName(QStringLiteral("assistDraft"));
    m_draft->setToolTip(tr("A reply from the conversation and the knowledge base, for you to edit. Never sent by "
                           "itself."));
    m_summary = new QPushButton(tr("Summarize"), this);
    m_summary->setObjectName(QStringLiteral("assistSummary"));
    m_summary->setToolTip(tr("The conversation so far, in a few lines"));
    m_translate = new QToolButton(this);
    m_translate->setObjectName(QStringLiteral("assistTranslate"));
    m_translate->setPopupMode(QToolButton::MenuButtonPopup);
    m_translate->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_translateCustomer = new QAction(tr("Translate"), this);
    m_translateCustomer->setObjectName(QStringLiteral("assistTranslateCustomer"));
    m_translateCustomer->setToolTip(
        tr("The customer's last message (or the text you selected) in your language, beside the original"));
    m_translateReply = new QAction(tr("Translate my reply into the customer's language"), this);
    m_translateReply->setObjectName(QStringLiteral("assistTranslateReply"));
    auto *menu = new QMenu(m_translate);
    auto *customerItem = menu->addAction(tr("Translate the customer's message into my language"));
    connect(customerItem, &QAction::triggered, m_translateCustomer, &QAction::trigger);
    menu->addAction(m_translateReply);
    m_translate->setMenu(menu);
    m_translate->setDefaultAction(m_translateCustomer);
    m_improve = new QPushButton(tr("Improve"), this);
    m_improve->setObjectName(QStringLiteral("assistImprove"));
    m_improve->setToolTip(tr("Your text, clearer and in the company's tone (Ctrl+Z undoes it)"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("assistMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_panel = new QWidget(this);
    m_panel->setObjectName(QStringLiteral("assistOutput"));
    m_panel->setAttribute(Qt::WA_StyledBackground);
    m_panel->setStyleSheet(
        QStringLiteral("#assistOutput { background:#f5f3ff; border:1px solid #c4b5fd; border-radius:4px; }"));
    m_panelTitle = new QLabel(m_panel);
    m_panelTitle->setObjectName(QStringLiteral("assistOutputTitle"));
    m_panelTitle->setStyleSheet(QStringLiteral("font-weight:600; color:#5b21b6;"));
    m_panelText = new QPlainTextEdit(m_panel);
    m_panelText->setObjectName(QStringLiteral("assistOutputText"));
    m_panelText->setReadOnly(true);
    m_panelText->setMaximumHeight(fontMetrics().lineSpacing() * 7);
    auto *copy = new QPushButton(tr("Copy"), m_panel);
    copy->setObjectName(QStringLiteral("assistCopy"));
    connect(
        copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_panelText->toPlainText()); });
    auto *close = new QPushButton(tr("Close"), m_panel);
    close->setObjectName(QStringLiteral("assistClose"));
    connect(close, &QPushButton::clicked, m_panel, &QWidget::hide);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_panelTitle, 1);
    titleRow->addWidget(copy);
    titleRow->addWidget(close);
    auto *panelLayout = new QVBoxLayout(m_panel);
    panelLayout->setContentsMargins(8, 6, 8, 8);
    panelLayout->addLayout(titleRow);
    panelLayout->addWidget(m_panelText);
    m_panel->hide();

    auto *label = new QLabel(tr("AI help:"), this);
    label->setStyleSheet(QStringLiteral("color:#6d5bd0; font-weight:600;"));
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(label);
    row->addWidget(m_draft);
    row->addWidget(m_improve);
    row->addWidget(m_translate);
    row->addWidget(m_summary);
    row->addWidget(m_message, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_panel);
    layout->addLayout(row);

    connect(m_draft, &QPushButton::clicked, this, &AssistPanel::draft);
    connect(m_summary, &QPushButton::clicked, this, &AssistPanel::summarize);
    connect(m_translateCustomer, &QAction::triggered, this, &AssistPanel::translateCustomer);
    connect(m_translateReply, &QAction::triggered, this, &AssistPanel::translateReply);
    connect(m_improve, &QPushButton::clicked, this, &AssistPanel::improve);
    updateButtons();
}

QString AssistPanel::agentLanguage()
{
    const QLocale locale;
    return locale.language() == QLocale::C ? QStringLiteral("en") : locale.name().section(QLatin1Char('_'), 0, 0);
}

void AssistPanel::setSession(const QString &sessionId, const QString &customerLanguage)
{
    m_customerLanguage = customerLanguage;
    if (sessionId == m_sessionId)
        return;
    m_sessionId = sessionId;
    m_panel->hide();
    m_message->hide();
    setBusy(false); // an answer for the session before is dropped when it comes
}

void AssistPanel::setWritable(bool writable)
{
    m_writable = writable;
    updateButtons();
}

QString AssistPanel::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString AssistPanel::panelText() const
{
    return m_panelText->toPlainText();
}

bool AssistPanel::panelVisible() const
{
    return !m_panel->isHidden();
}

void AssistPanel::updateButtons()
{
    const bool open = !m_sessionId.isEmpty() && !m_busy;
    m_draft->setEnabled(open && m_writable);
    m_improve->setEnabled(open && m_writable);
    m_translateReply->setEnabled(open && m_writable);
    m_summary->setEnabled(open);
    m_translate->setEnabled(open);
    m_translateCustomer->setEnabled(open);
}

void AssistPanel::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void AssistPanel::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QStringLiteral("color:#5f6b7a;"));
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void AssistPanel::showPanel(const QString &title, const QString &text)
{
    m_panelTitle->setText(title);
    m_panelText->setPlainText(text);
    m_panel->show();
}

QString AssistPanel::failure(const ApiError &e) const
{
    if (e.status == 422)
        return tr("This needs a language model: the built-in responder cannot do it. An admin can set up a "
                  "provider in Settings › AI providers and choose it in Configuration.");
    if (e.status == 503 || e.code == QLatin1String("CS_006"))
        return tr("The AI provider did not answer (%1). Write it yourself, or try again.").arg(e.message);
    if (e.status == 404 && e.code == QLatin1String("CS_014"))
        return tr("This server has no AI help (%1).").arg(e.message);
    return tr("AI help failed: %1").arg(e.message);
}

void AssistPanel::run(
    const QString &task, const QString &text, const QString &language, std::function<void(const QJsonObject &)> done)
{
    if (m_sessionId.isEmpty() || m_busy)
        return;
    setBusy(true);
    say(tr("Asking the AI…"));
    const QString session = m_sessionId;
    ApiReply *r = m_client.assist(session, task, text, language);
    connect(r, &ApiReply::succeeded, this, [this, session, task, done](const QJsonObject &body) {
        if (session != m_sessionId)
            return;
        setBusy(false);
        say({});
        done(body);
        emit answered(task, true);
    });
    connect(r, &ApiReply::failed, this, [this, session, task](const ApiError &e) {
        if (session != m_sessionId)
            return;
        setBusy(false);
        say(failure(e), true);
        emit status(failure(e));
        emit answered(task, false);
    });
}

void AssistPanel::draft()
{
    run(QStringLiteral("draft"), {}, m_customerLanguage, [this](const QJsonObject &body) {
        m_reply.replaceText(body.value(QLatin1String("text")).toString());
        QStringList notes;
        for (const QJsonValue &n : body.value(QLatin1String("guardNotes")).toArray())
            notes << n.toString();
        m_reply.setDraftNotes(
            notes.isEmpty() ? QString() : tr("⚠ Check before sending: %1").arg(notes.join(QStringLiteral("; "))));
        m_reply.focusEditor();
        emit status(tr("Draft ready: edit it, then send"));
    });
}

void AssistPanel::improve()
{
    const QString text = m_reply.text().trimmed();
    if (text.isEmpty()) {
        say(tr("Write something first: Improve rewords your own text."), true);
        return;
    }
    run(QStringLiteral("improve"), text, m_customerLanguage, [this](const QJsonObject &body) {
        m_reply.replaceText(body.value(QLatin1String("text")).toString());
        m_reply.focusEditor();
        say(tr("Improved. Ctrl+Z in the reply brings your words back."));
    });
}

void AssistPanel::summarize()
{
    run(QStringLiteral("summary"), {}, agentLanguage(), [this](const QJsonObject &body) {
        showPanel(tr("Summary of the conversation"), body.value(QLatin1String("text")).toString());
    });
}

void AssistPanel::translateCustomer()
{
    const QString selected = m_selected ? m_selected().trimmed() : QString();
    const QString language = agentLanguage();
    if (!selected.isEmpty()) {
        run(QStringLiteral("translate"), selected, language, [this, selected, language](const QJsonObject &body) {
            showPanel(tr("Translation into %1").arg(languageName(language)),
                body.value(QLatin1String("text")).toString() + QStringLiteral("\n\n— ")
                    + tr("Original: %1").arg(selected));
        });
        return;
    }
    const int row = m_transcript.lastCustomerRow();
    if (row < 0) {
        say(tr("The customer has not written anything to translate."), true);
        return;
    }
    const QJsonObject message = m_transcript.messageAt(row);
    const QString id = message.value(QLatin1String("id")).toString();
    run(QStringLiteral("translate"), message.value(QLatin1String("content")).toString(), language,
        [this, id](const QJsonObject &body) {
            m_transcript.setTranslation(id, body.value(QLatin1String("text")).toString());
            emit status(tr("Translated the customer's message: see it under the original"));
        });
}

void AssistPanel::translateReply()
{
    const QString text = m_reply.text().trimmed();
    if (text.isEmpty()) {
        say(tr("Write your reply first, then translate it into the customer's language."), true);
        return;
    }
    const QString language = m_customerLanguage;
    run(QStringLiteral("translate"), text, language, [this, text, language](const QJsonObject &body) {
        m_reply.replaceText(body.value(QLatin1String("text")).toString());
        showPanel(language.isEmpty() ? tr("Your reply before translation")
                                     : tr("Your reply before translation into %1").arg(languageName(language)),
            text);
        m_reply.focusEditor();
    });
}

} // namespace tierdesk::ui
