#include "ui/views/ConversationFiles.h"

#include "ui/client/ApiClient.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QNetworkReply>
#include <QPushButton>
#include <QUrl>

namespace tierdesk::ui {
namespace {

constexpr qint64 kMaxSendBytes = 25LL << 20; // the most a company may take (the server says its own limit)
constexpr int kMaxCachedFiles = 200;

} // namespace

ConversationFiles::ConversationFiles(ApiClient &client, QWidget *parentWidget)
    : QObject(parentWidget), m_client(client), m_parentWidget(parentWidget)
{
    m_attach = new QPushButton(tr("Attach a file…"), parentWidget);
    m_attach->setObjectName(QStringLiteral("attachFile"));
    m_attach->setToolTip(tr("Send the customer an image (PNG, JPEG, WebP, GIF) or a PDF"));
    connect(m_attach, &QPushButton::clicked, this, &ConversationFiles::attach);
}

void ConversationFiles::fetch(const QString &fileId, std::function<void(const QByteArray &)> done)
{
    if (const auto cached = m_cache.constFind(fileId); cached != m_cache.constEnd())
        return done(*cached);
    QNetworkReply *reply = m_client.sessionAttachment(m_sessionId, fileId);
    connect(reply, &QNetworkReply::finished, this, [this, reply, fileId, done = std::move(done)] {
        const bool ok = reply->error() == QNetworkReply::NoError;
        const QByteArray bytes = ok ? reply->readAll() : QByteArray();
        if (ok) {
            if (m_cache.size() >= kMaxCachedFiles)
                m_cache.clear();
            m_cache.insert(fileId, bytes);
        }
        done(bytes);
    });
}

void ConversationFiles::open(const QString &fileId, const QString &name)
{
    fetch(fileId, [this, fileId, name](const QByteArray &bytes) {
        if (bytes.isEmpty())
            return emit status(tr("The file could not be read"));
        if (!m_folder)
            m_folder = std::make_unique<QTemporaryDir>();
        // The id keeps two files of one name apart; the name (without any folder) keeps its type.
        const QString path = m_folder->filePath(fileId + QLatin1Char('-') + QFileInfo(name).fileName());
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
            return emit status(tr("The file could not be saved: %1").arg(out.errorString()));
        out.close();
        if (m_opener)
            m_opener(path);
        else
            QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    });
}

void ConversationFiles::attach()
{
    const QString path = m_chooser ? m_chooser()
                                   : QFileDialog::getOpenFileName(m_parentWidget, tr("Send a file to the customer"),
                                       QDir::homePath(), tr("Images and PDFs (*.png *.jpg *.jpeg *.webp *.gif *.pdf)"));
    if (!path.isEmpty())
        send(path);
}

void ConversationFiles::send(const QString &path)
{
    QFile in(path);
    if (in.size() > kMaxSendBytes)
        return emit status(tr("The file is larger than %1 MB").arg(kMaxSendBytes >> 20));
    if (!in.open(QIODevice::ReadOnly))
        return emit status(tr("The file could not be read: %1").arg(in.errorString()));
    m_attach->setEnabled(false);
    ApiReply *r = m_client.sendAttachment(m_sessionId, QFileInfo(path).fileName(), in.readAll());
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        m_attach->setEnabled(true);
        emit sent(body);
        emit status(tr("File sent"));
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        m_attach->setEnabled(true);
        emit status(tr("The file was not sent: %1").arg(e.message));
    });
}

} // namespace tierdesk::ui
