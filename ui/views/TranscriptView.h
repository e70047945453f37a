#pragma once

#include <QHash>
#include <QImage>
#include <QSet>
#include <QTextBrowser>

#include <functional>

namespace tierdesk::ui {

class TranscriptModel;

// The conversation as people read it: the customer on the left, the AI tiers
// and agents on the right, internal notes across in yellow; each message with
// its time, sentiment and (for the AI) intent, confidence and actions.
class TranscriptView : public QTextBrowser {
    Q_OBJECT

public:
    explicit TranscriptView(TranscriptModel &model, QWidget *parent = nullptr);
    static QString messageHtml(const TranscriptModel &model, int row);

    // Where the images sent in the chat are read from, for their thumbnails (ConversationFiles::fetch).
    using FileSource = std::function<void(const QString &fileId, std::function<void(const QByteArray &)> done)>;
    void setFileSource(FileSource source) { m_fileSource = std::move(source); }
    bool hasThumbnail(const QString &fileId) const { return m_thumbnails.contains(fileId); }

signals:
    // A file of the conversation was clicked: the agent wants to see it.
    void fileOpened(const QString &fileId, const QString &name);

protected:
    // "attachment:<id>" is an image sent in the chat: its thumbnail once read, a blank until then.
    QVariant loadResource(int type, const QUrl &name) override;

private:
    void render(); // the whole conversation
    void append(const QModelIndex &parent, int first, int last);

    TranscriptModel &m_model;
    int m_rendered = 0; // the model's rows the document shows
    FileSource m_fileSource;
    QHash<QString, QImage> m_thumbnails; // file id -> its thumbnail
    QSet<QString> m_asked; // files asked for (each once)
};

} // namespace tierdesk::ui
