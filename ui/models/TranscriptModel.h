#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>

namespace tierdesk::ui {

// One session's messages in order: the customer, the AI tiers, the agents, and
// the agents' internal notes. Filled from GET session, extended by the
// session's `message` events (duplicates by id are dropped).
class TranscriptModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        SpeakerRole, // customer | ai_rep | ai_manager | human_agent | internal_note | ...
        ContentRole,
        TimestampRole, // ms since the epoch
        SentimentRole, // HAPPY .. IRATE, empty when none
        IsCustomerRole,
        IsNoteRole,
        IsAiRole,
        AuthorRole, // who wrote it, for people
        AiSummaryRole, // "intent · 87% · actions" for AI messages, else empty
        MetadataRole, // QJsonObject
        AiDetailRole, // "model · 120 + 35 tokens · 840 ms" (and why the built-in responder answered) for AI messages
        TranslationRole, // the message in the agent's language, when the agent asked for it (else empty)
        DeliveryRole, // a reply sent by mail or text: pending | sent | delivered | undelivered | failed | skipped
        DeliveryErrorRole, // why it was not delivered, in the remote server's or Twilio's words
        ChannelRole, // how a customer's mail or text came: metadata.channel (QJsonObject, empty when none)
        FilesRole, // the files sent with it in the web chat: metadata.attachments (QJsonArray, empty when none)
    };

    explicit TranscriptModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // GET session's body; empty object clears.
    void setSession(const QJsonObject &session);
    QString sessionId() const { return m_sessionId; }
    // A stored message (agent-messages' answer, or a message found in an event).
    bool appendMessage(const QJsonObject &message);
    // `message` events of this session: every message object in their data.
    // Returns the customer messages that were new.
    QList<QJsonObject> applyEvents(const QList<QJsonObject> &events);

    QJsonObject messageAt(int row) const { return m_messages.value(row); }
    QString lastMessageId() const;
    // The row of the customer's last message (-1 when none).
    int lastCustomerRow() const;
    // A message's translation, shown with the original (empty text removes it).
    void setTranslation(const QString &messageId, const QString &text);

    // The session's mails and texts out (GET session channel's "messages"): each reply's delivery.
    void setDeliveries(const QJsonArray &channelMessages);

    static QString authorOf(const QJsonObject &message);
    static QString aiSummaryOf(const QJsonObject &message);
    static QString aiDetailOf(const QJsonObject &message);

private:
    QString m_sessionId;
    QList<QJsonObject> m_messages;
    QSet<QString> m_ids;
    QHash<QString, QString> m_translations; // by message id
    struct Delivery {
        QString status;
        QString error;
        bool operator==(const Delivery &o) const { return status == o.status && error == o.error; }
    };
    QHash<QString, Delivery> m_deliveries; // by message id
};

} // namespace tierdesk::ui
