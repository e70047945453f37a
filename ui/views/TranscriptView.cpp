#include "ui/views/TranscriptView.h"

#include "ui/models/ChannelDisplay.h"
#include "ui/models/Display.h"
#include "ui/models/TranscriptModel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QScrollBar>
#include <QTextCursor>
#include <QUrl>

namespace tierdesk::ui {
namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString smallLine(const QString &color, const QString &html)
{
    return QStringLiteral("<div style=\"color:%1; font-size:small; margin-top:3px\">%2</div>").arg(color, html);
}

// How a mail or text came (automatic, too large, its attachments) and how a reply went out.
QString channelHtml(const QModelIndex &i)
{
    QString html;
    const QJsonObject ch = i.data(TranscriptModel::ChannelRole).toJsonObject();
    if (const QString why = ch.value(QLatin1String("automatic")).toString(); !why.isEmpty())
        html += smallLine(QStringLiteral("#b45309"),
            QCoreApplication::translate(
                "tierdesk::ui::TranscriptView", "Automatic mail (%1): the AI does not answer it")
                .arg(why.toHtmlEscaped()));
    if (ch.value(QLatin1String("truncated")).toBool())
        html += smallLine(QStringLiteral("#b91c1c"),
            QCoreApplication::translate("tierdesk::ui::TranscriptView", "Too large: only its headers were imported"));
    QStringList files;
    for (const QJsonValue &v : ch.value(QLatin1String("attachments")).toArray()) {
        const QJsonObject f = v.toObject();
        files << QStringLiteral("%1 (%2)").arg(f.value(QLatin1String("name")).toString().toHtmlEscaped(),
            channel::fileSize(f.value(QLatin1String("bytes")).toInteger()));
    }
    if (!files.isEmpty())
        html += smallLine(QStringLiteral("#5f6b7a"),
            QCoreApplication::translate("tierdesk::ui::TranscriptView", "Attachments: %1")
                .arg(files.join(QStringLiteral(", "))));
    const QString delivery = i.data(TranscriptModel::DeliveryRole).toString();
    if (!delivery.isEmpty()) {
        QString text = QCoreApplication::translate("tierdesk::ui::TranscriptView", "Delivery: %1")
                           .arg(channel::deliveryLabel(delivery));
        if (const QString error = i.data(TranscriptModel::DeliveryErrorRole).toString(); !error.isEmpty())
            text += QStringLiteral(" · ") + error;
        html += smallLine(channel::deliveryFailed(delivery) ? QStringLiteral("#b91c1c") : QStringLiteral("#15803d"),
            text.toHtmlEscaped());
    }
    return html;
}

// The files sent with a message in the web chat: an image's thumbnail and every file's name, each
// opening the file when clicked ("attachment:<id>#<name>").
QString filesHtml(const QModelIndex &i)
{
    QString html;
    for (const QJsonValue &v : i.data(TranscriptModel::FilesRole).toJsonArray()) {
        const QJsonObject f = v.toObject();
        const QString id = f.value(QLatin1String("id")).toString();
        const QString name = f.value(QLatin1String("name")).toString();
        QUrl link;
        link.setScheme(QStringLiteral("attachment"));
        link.setPath(id);
        link.setFragment(name);
        const QString href = link.toString(QUrl::FullyEncoded).toHtmlEscaped();
        html += QStringLiteral("<div style=\"margin-top:4px\">");
        if (f.value(QLatin1String("contentType")).toString().startsWith(QLatin1String("image/")))
            html += QStringLiteral("<a href=\"%1\"><img src=\"attachment:%2\"></a><br>").arg(href, id.toHtmlEscaped());
        html += QStringLiteral("<a href=\"%1\">%2 (%3)</a></div>")
                    .arg(href, name.toHtmlEscaped(), channel::fileSize(f.value(QLatin1String("bytes")).toInteger()));
    }
    return html;
}

} // namespace

TranscriptView::TranscriptView(TranscriptModel &model, QWidget *parent) : QTextBrowser(parent), m_model(model)
{
    setObjectName(QStringLiteral("transcript"));
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(12);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &TranscriptView::render);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &TranscriptView::append);
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &TranscriptView::render); // a translation came
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &link) {
        if (link.scheme() == QLatin1String("attachment"))
            emit fileOpened(link.path(), link.fragment());
    });
    render();
}

QVariant TranscriptView::loadResource(int type, const QUrl &name)
{
    if (name.scheme() != QLatin1String("attachment"))
        return QTextBrowser::loadResource(type, name);
    const QString id = name.path();
    if (const auto shown = m_thumbnails.constFind(id); shown != m_thumbnails.constEnd())
        return *shown;
    if (m_fileSource && !m_asked.contains(id)) {
        m_asked.insert(id);
        m_fileSource(id, [view = QPointer<TranscriptView>(this), id](const QByteArray &bytes) {
            const QImage image = QImage::fromData(bytes);
            if (!view || image.isNull())
                return;
            view->m_thumbnails.insert(id,
                image.scaled(QSize(220, 160).boundedTo(image.size()), Qt::KeepAspectRatio, Qt::SmoothTransformation));
            view->render(); // laid out again with the image in place
        });
    }
    QImage blank(48, 36, QImage::Format_RGB32);
    blank.fill(QColor(0xe5e7eb));
    return blank;
}

QString TranscriptView::messageHtml(const TranscriptModel &model, int row)
{
    const QModelIndex i = model.index(row);
    const bool customer = i.data(TranscriptModel::IsCustomerRole).toBool();
    const bool note = i.data(TranscriptModel::IsNoteRole).toBool();
    const bool ai = i.data(TranscriptModel::IsAiRole).toBool();
    const QString background = note ? QStringLiteral("#fff4c2")
        : customer                  ? QStringLiteral("#f1f3f5")
        : ai                        ? QStringLiteral("#ede9fe")
                                    : QStringLiteral("#dbeafe");
    QStringList meta{QStringLiteral("<b>%1</b>").arg(i.data(TranscriptModel::AuthorRole).toString().toHtmlEscaped())};
    const qint64 ts = i.data(TranscriptModel::TimestampRole).toLongLong();
    if (ts > 0)
        meta << display::time(QDateTime::fromMSecsSinceEpoch(ts));
    const QString sentiment = i.data(TranscriptModel::SentimentRole).toString();
    if (!sentiment.isEmpty()) {
        const int level = display::sentimentLevel(sentiment);
        meta << QStringLiteral("<span style=\"color:%1\">● %2</span>")
                    .arg(display::sentimentColor(level).name(), display::enumLabel(sentiment));
    }
    QString body = QStringLiteral("<div style=\"color:#5f6b7a; font-size:small\">%1</div>"
                                  "<div style=\"margin-top:3px\">%2</div>")
                       .arg(meta.join(QStringLiteral(" &nbsp;·&nbsp; ")),
                           escaped(i.data(TranscriptModel::ContentRole).toString()));
    const QString aiSummary = i.data(TranscriptModel::AiSummaryRole).toString();
    if (!aiSummary.isEmpty())
        body += QStringLiteral("<div style=\"color:#6d5bd0; font-size:small; margin-top:3px\">%1</div>")
                    .arg(QCoreApplication::translate("tierdesk::ui::TranscriptView", "AI · %1")
                             .arg(aiSummary.toHtmlEscaped()));
    const QString detail = i.data(TranscriptModel::AiDetailRole).toString();
    if (!detail.isEmpty())
        body += QStringLiteral("<div style=\"color:#8a94a3; font-size:small\">%1</div>").arg(detail.toHtmlEscaped());
    body += channelHtml(i);
    body += filesHtml(i);
    const QString translation = i.data(TranscriptModel::TranslationRole).toString();
    if (!translation.isEmpty())
        body += QStringLiteral("<div style=\"margin-top:4px; padding-top:4px; border-top:1px solid #cbd5e1;"
                               " color:#1e3a8a\"><i>%1</i> %2</div>")
                    .arg(QCoreApplication::translate("tierdesk::ui::TranscriptView", "Translated:").toHtmlEscaped(),
                        escaped(translation));
    const QString cell = QStringLiteral("<td bgcolor=\"%1\" style=\"padding:8px 12px\">%2</td>").arg(background, body);
    const QString spacer = QStringLiteral("<td width=\"22%\"></td>");
    const QString row_ = note ? cell : customer ? cell + spacer : spacer + cell;
    return QStringLiteral(
        "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"margin-bottom:8px\"><tr>%1</tr></table>")
        .arg(row_);
}

void TranscriptView::append(const QModelIndex &parent, int first, int last)
{
    // New messages at the end are added to the document: rebuilding it all costs time in
    // proportion to the conversation's length on every message (bench/desk.sh TEAM=1).
    if (parent.isValid() || m_rendered == 0 || first != m_rendered)
        return render();
    QString html;
    for (int r = first; r <= last; ++r)
        html += messageHtml(m_model, r);
    QTextCursor end(document());
    end.movePosition(QTextCursor::End);
    end.insertHtml(html);
    m_rendered = m_model.rowCount();
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void TranscriptView::render()
{
    m_rendered = m_model.rowCount();
    QString html;
    for (int r = 0; r < m_model.rowCount(); ++r)
        html += messageHtml(m_model, r);
    if (m_model.rowCount() == 0)
        html = QStringLiteral("<p style=\"color:#8a94a3\" align=\"center\">%1</p>")
                   .arg(tr("Open an escalation from the queue to read the conversation."));
    setHtml(html);
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

} // namespace tierdesk::ui
