#include "ui/views/PassagesBox.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"

#include <QHBoxLayout>
#include <QJsonObject>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tierdesk::ui {

PassagesBox::PassagesBox(ApiClient &client, QWidget *parent)
    : QGroupBox(tr("What the AI reads"), parent), m_client(client)
{
    setObjectName(QStringLiteral("kbPassagesBox"));
    m_question = new QLineEdit(this);
    m_question->setObjectName(QStringLiteral("kbQuestion"));
    m_question->setPlaceholderText(tr("Type a customer's question..."));
    m_question->setClearButtonEnabled(true);
    m_question->setMaxLength(500);
    m_ask = new QPushButton(tr("S&how passages"), this);
    m_ask->setObjectName(QStringLiteral("kbAsk"));
    m_view = new QTextBrowser(this);
    m_view->setObjectName(QStringLiteral("kbPassages"));
    m_view->setOpenExternalLinks(true);
    m_view->setPlaceholderText(tr("The passages of your articles the AI would read for that question, best first."));
    connect(m_ask, &QPushButton::clicked, this, [this] { ask(m_question->text()); });
    connect(m_question, &QLineEdit::returnPressed, this, [this] { ask(m_question->text()); });
    auto *row = new QHBoxLayout;
    row->addWidget(m_question, 1);
    row->addWidget(m_ask);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_view, 1);
}

void PassagesBox::ask(const QString &question)
{
    if (question.trimmed().isEmpty())
        return;
    if (m_question->text() != question)
        m_question->setText(question);
    const int generation = ++m_generation;
    ApiReply *r = m_client.kbSearch(question, kPassages);
    connect(r, &ApiReply::succeeded, this, [this, generation](const QJsonObject &body) {
        if (generation == m_generation)
            show(body.value(QLatin1String("passages")).toArray());
    });
    connect(r, &ApiReply::failed, this, [this, generation](const ApiError &e) {
        if (generation != m_generation)
            return;
        m_passages = {};
        m_view->setHtml(QStringLiteral("<p style='color:#b91c1c'>%1</p>").arg(e.message.toHtmlEscaped()));
        emit answered();
    });
}

void PassagesBox::show(const QJsonArray &passages)
{
    m_passages = passages;
    if (passages.isEmpty()) {
        m_view->setHtml(QStringLiteral("<p><i>%1</i></p>")
                            .arg(tr("No passage answers this: the AI would say it does not know and offer a "
                                    "person.")
                                     .toHtmlEscaped()));
        emit answered();
        return;
    }
    QString html;
    for (const QJsonValue &v : passages) {
        const QJsonObject p = v.toObject();
        const QString heading = p.value(QLatin1String("heading")).toString();
        const QString url = p.value(QLatin1String("url")).toString();
        html += QStringLiteral("<p><b>%1</b>").arg(p.value(QLatin1String("title")).toString().toHtmlEscaped());
        if (!heading.isEmpty())
            html += QStringLiteral(" › %1").arg(heading.toHtmlEscaped());
        html += QStringLiteral(" <span style='color:#6b7280'>%1</span><br>")
                    .arg(tr("score %1").arg(QLocale().toString(p.value(QLatin1String("score")).toDouble(), 'f', 2)));
        html += p.value(QLatin1String("text"))
                    .toString()
                    .toHtmlEscaped()
                    .replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        if (!url.isEmpty())
            html += QStringLiteral("<br><a href='%1'>%2</a>").arg(url.toHtmlEscaped(), url.toHtmlEscaped());
        html += QStringLiteral("</p>");
    }
    m_view->setHtml(html);
    emit answered();
}

} // namespace tierdesk::ui
