#include "ui/views/ChannelPanel.h"

#include "ui/client/ApiClient.h"
#include "ui/models/ChannelDisplay.h"
#include "ui/models/TranscriptModel.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

constexpr int kOriginalShownBytes = 2 * 1024 * 1024; // more would only slow the viewer down

QString joined(const QJsonValue &list)
{
    QStringList out;
    for (const QJsonValue &v : list.toArray())
        out << v.toString();
    return out.join(QStringLiteral(", "));
}

QLabel *selectable(QWidget *parent, const char *name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QLatin1String(name));
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(true);
    return l;
}

} // namespace

ChannelPanel::ChannelPanel(ApiClient &client, TranscriptModel &transcript, QWidget *parent)
    : QWidget(parent), m_client(client), m_transcript(transcript)
{
    setObjectName(QStringLiteral("channelPanel"));
    m_icon = new QLabel(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("channelTitle"));
    m_phone = selectable(this, "channelPhone");
    m_message = selectable(this, "channelMessage");
    m_message->hide();
    buildMailPart();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(4);
    auto *title = new QHBoxLayout;
    title->addWidget(m_icon);
    title->addWidget(m_title, 1);
    title->addWidget(m_phone, 3);
    layout->addLayout(title);
    layout->addWidget(m_mailPart);
    layout->addWidget(m_message);
    setAutoFillBackground(true);
    setStyleSheet(QStringLiteral("#channelPanel { background: #f8fafc; border: 1px solid #e2e8f0; }"));
    m_pendingReload.setSingleShot(true);
    m_pendingReload.setInterval(kPendingReloadMs);
    connect(&m_pendingReload, &QTimer::timeout, this, &ChannelPanel::reload);
    connect(&m_transcript, &QAbstractItemModel::modelReset, this, [this] {
        showMail();
        showFiles();
    });
    connect(&m_transcript, &QAbstractItemModel::rowsInserted, this, [this] {
        showMail();
        showFiles();
    });
    hide();
}

void ChannelPanel::buildMailPart()
{
    m_mailPart = new QWidget(this);
    m_subject = selectable(m_mailPart, "channelSubject");
    QFont bold = m_subject->font();
    bold.setBold(true);
    m_subject->setFont(bold);
    m_from = selectable(m_mailPart, "channelFrom");
    m_to = selectable(m_mailPart, "channelTo");
    m_cc = selectable(m_mailPart, "channelCc");
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setVerticalSpacing(2);
    form->addRow(tr("Subject:"), m_subject);
    form->addRow(tr("From:"), m_from);
    form->addRow(tr("To:"), m_to);
    form->addRow(tr("Cc:"), m_cc);
    m_files = new QTableWidget(0, 2, m_mailPart);
    m_files->setObjectName(QStringLiteral("channelAttachments"));
    m_files->setHorizontalHeaderLabels({tr("Attachment"), tr("Size")});
    m_files->verticalHeader()->hide();
    m_files->horizontalHeader()->setStretchLastSection(false);
    m_files->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_files->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_files->setSelectionMode(QAbstractItemView::SingleSelection);
    m_files->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_files->setMaximumHeight(fontMetrics().height() * 5);
    m_save = new QPushButton(tr("Save…"), m_mailPart);
    m_save->setObjectName(QStringLiteral("channelSave"));
    m_save->setToolTip(tr("Save the chosen attachment to a file"));
    m_original = new QPushButton(tr("Show original"), m_mailPart);
    m_original->setObjectName(QStringLiteral("channelOriginal"));
    m_original->setToolTip(tr("The customer's last mail as it arrived, headers and all"));
    connect(m_save, &QPushButton::clicked, this, [this] {
        const int row = qMax(0, m_files->currentRow());
        if (QTableWidgetItem *item = m_files->item(row, 0); item && item->data(Qt::UserRole).isValid())
            saveAttachment(item->data(Qt::UserRole).toString(), item->text());
    });
    connect(m_original, &QPushButton::clicked, this, &ChannelPanel::showOriginal);
    connect(m_files, &QTableWidget::cellDoubleClicked, this, [this] { m_save->click(); });
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_original);
    buttons->addStretch(1);
    auto *files = new QHBoxLayout;
    files->addWidget(m_files, 1);
    files->addLayout(buttons);
    auto *layout = new QVBoxLayout(m_mailPart);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(files);
}

void ChannelPanel::setSession(const QJsonObject &session)
{
    const QString id = session.value(QLatin1String("id")).toString();
    const QString kind = channel::kindOfSession(session);
    const bool shown
        = kind == QLatin1String("email") || kind == QLatin1String("sms") || kind == QLatin1String("whatsapp");
    if (id != m_sessionId) {
        m_thread = {};
        m_message->hide();
        m_pendingReload.stop();
    }
    m_sessionId = id;
    m_kind = kind;
    setVisible(shown && !id.isEmpty());
    if (!shown || id.isEmpty())
        return;
    m_icon->setPixmap(channel::icon(kind).pixmap(16, 16));
    m_title->setText(QStringLiteral("<b>%1</b>").arg(channel::label(kind).toHtmlEscaped()));
    m_mailPart->setVisible(kind == QLatin1String("email"));
    m_phone->setVisible(kind != QLatin1String("email"));
    showMail();
    showFiles();
    reload();
}

void ChannelPanel::reload()
{
    if (m_sessionId.isEmpty() || isHidden())
        return;
    const QString id = m_sessionId;
    ApiReply *r = m_client.sessionChannel(id);
    connect(r, &ApiReply::succeeded, this, [this, id](const QJsonObject &body) {
        if (id != m_sessionId)
            return;
        showThread(body.value(QLatin1String("thread")).toObject());
        const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
        m_transcript.setDeliveries(messages);
        for (const QJsonValue &v : messages)
            if (v.toObject().value(QLatin1String("status")).toString() == QLatin1String("pending")) {
                m_pendingReload.start();
                break;
            }
        emit loaded();
    });
    connect(r, &ApiReply::failed, this, [this, id](const ApiError &e) {
        if (id == m_sessionId)
            say(tr("How this conversation came could not be read: %1").arg(e.message), true);
    });
}

void ChannelPanel::showThread(const QJsonObject &thread)
{
    m_thread = thread;
    const QString peer = thread.value(QLatin1String("peer")).toString();
    const QString own = thread.value(QLatin1String("own")).toString();
    const QString name = thread.value(QLatin1String("peerName")).toString();
    const QString who = name.isEmpty() || name == peer ? peer : tr("%1 (%2)").arg(peer, name);
    if (m_kind != QLatin1String("email"))
        m_phone->setText(own.isEmpty() ? tr("Customer's number: %1").arg(who)
                                       : tr("Customer's number: %1 · to our number %2").arg(who, own));
    showMail();
}

QJsonObject ChannelPanel::latestMail() const
{
    for (int row = m_transcript.rowCount() - 1; row >= 0; --row) {
        const QJsonObject ch = m_transcript.index(row).data(TranscriptModel::ChannelRole).toJsonObject();
        if (ch.value(QLatin1String("kind")).toString() == QLatin1String("email"))
            return ch;
    }
    return {};
}

void ChannelPanel::showMail()
{
    if (m_kind != QLatin1String("email"))
        return;
    const QJsonObject mail = latestMail();
    QString subject = mail.value(QLatin1String("subject")).toString();
    if (subject.isEmpty())
        subject = m_thread.value(QLatin1String("subject")).toString();
    const QString token = m_thread.value(QLatin1String("shortId")).toString();
    m_subject->setText(token.isEmpty() ? subject : tr("%1  [#%2]").arg(subject, token));
    QString from = mail.value(QLatin1String("from")).toString();
    if (from.isEmpty())
        from = m_thread.value(QLatin1String("peer")).toString();
    m_from->setText(from);
    QString to = joined(mail.value(QLatin1String("to")));
    if (to.isEmpty())
        to = m_thread.value(QLatin1String("own")).toString();
    m_to->setText(to);
    const QString cc = joined(mail.value(QLatin1String("cc")));
    m_cc->setText(cc.isEmpty() ? tr("—") : cc);
    m_original->setEnabled(!mail.value(QLatin1String("original")).toString().isEmpty());
}

void ChannelPanel::showFiles()
{
    if (m_kind != QLatin1String("email"))
        return;
    m_files->setRowCount(0);
    for (int row = 0; row < m_transcript.rowCount(); ++row) {
        const QJsonObject ch = m_transcript.index(row).data(TranscriptModel::ChannelRole).toJsonObject();
        for (const QJsonValue &v : ch.value(QLatin1String("attachments")).toArray()) {
            const QJsonObject f = v.toObject();
            const bool kept = f.value(QLatin1String("kept")).toBool(true);
            const int at = m_files->rowCount();
            m_files->insertRow(at);
            auto *name = new QTableWidgetItem(f.value(QLatin1String("name")).toString());
            name->setToolTip(f.value(QLatin1String("contentType")).toString());
            if (kept)
                name->setData(Qt::UserRole, f.value(QLatin1String("id")).toString());
            else
                name->setToolTip(tr("Not kept: over the mailbox's limits"));
            auto *size = new QTableWidgetItem(
                kept ? channel::fileSize(f.value(QLatin1String("bytes")).toInteger()) : tr("not kept"));
            m_files->setItem(at, 0, name);
            m_files->setItem(at, 1, size);
        }
    }
    m_files->setVisible(m_files->rowCount() > 0);
    m_save->setVisible(m_files->rowCount() > 0);
    m_save->setEnabled(m_files->rowCount() > 0);
}

void ChannelPanel::setSaveFileChooser(std::function<QString(const QString &)> chooser)
{
    m_chooser = std::move(chooser);
}

void ChannelPanel::saveAttachment(const QString &fileId, const QString &name)
{
    const QString path = m_chooser ? m_chooser(name) : QFileDialog::getSaveFileName(this, tr("Save attachment"), name);
    if (path.isEmpty())
        return;
    QNetworkReply *reply = m_client.sessionFile(m_sessionId, fileId);
    connect(reply, &QNetworkReply::finished, this, [this, reply, path] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            say(tr("The attachment could not be downloaded: %1").arg(reply->errorString()), true);
            return;
        }
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(reply->readAll()) < 0 || !out.commit()) {
            say(tr("The attachment could not be saved to %1: %2").arg(path, out.errorString()), true);
            return;
        }
        say(tr("Saved to %1").arg(path), false);
        emit fileSaved(path);
    });
}

void ChannelPanel::showOriginal()
{
    const QString fileId = latestMail().value(QLatin1String("original")).toString();
    if (fileId.isEmpty())
        return;
    QNetworkReply *reply = m_client.sessionFile(m_sessionId, fileId);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            say(tr("The original could not be downloaded: %1").arg(reply->errorString()), true);
            return;
        }
        const QByteArray raw = reply->readAll();
        QString text = QString::fromUtf8(raw.left(kOriginalShownBytes));
        if (raw.size() > kOriginalShownBytes)
            text += QLatin1Char('\n')
                + tr("[… %1 more not shown]").arg(channel::fileSize(raw.size() - kOriginalShownBytes));
        if (m_viewer)
            m_viewer->close();
        auto *viewer = new QDialog(this);
        viewer->setObjectName(QStringLiteral("channelOriginalViewer"));
        viewer->setAttribute(Qt::WA_DeleteOnClose);
        viewer->setWindowTitle(tr("Original mail"));
        auto *edit = new QPlainTextEdit(viewer);
        edit->setObjectName(QStringLiteral("channelOriginalText"));
        edit->setReadOnly(true);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        edit->setFont(QFont(QStringLiteral("monospace")));
        edit->setPlainText(text);
        auto *close = new QDialogButtonBox(QDialogButtonBox::Close, viewer);
        connect(close, &QDialogButtonBox::rejected, viewer, &QDialog::close);
        auto *layout = new QVBoxLayout(viewer);
        layout->addWidget(edit);
        layout->addWidget(close);
        viewer->resize(760, 560);
        viewer->show();
        m_viewer = viewer;
        emit originalShown(viewer);
    });
}

void ChannelPanel::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QStringLiteral("color:#15803d;"));
    m_message->setText(text);
    m_message->show();
    if (error)
        emit failed(text);
}

QString ChannelPanel::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

} // namespace tierdesk::ui
