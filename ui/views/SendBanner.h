#pragma once

#include <QFlags>
#include <QWidget>

class QLabel;
class QPushButton;

namespace tierdesk::ui {

// The yellow line above the reply box when a reply did not go (or should not go yet): the
// customer wrote meanwhile, someone else answers, a colleague is typing a reply. It offers
// what fits: send anyway, "I've read it", or not to send.
class SendBanner : public QWidget {
    Q_OBJECT

public:
    enum Offer { NoOffer = 0, OfferSend = 1, OfferRead = 2, OfferDontSend = 4 };
    Q_DECLARE_FLAGS(Offers, Offer)

    explicit SendBanner(QWidget *parent = nullptr);

    // `text` is rich text: names in it are escaped by the caller.
    void say(const QString &text, Offers offers);
    QString text() const;

signals:
    void sendAnyway();
    void markRead();
    void dontSend();

private:
    QLabel *m_text;
    QPushButton *m_force;
    QPushButton *m_read;
    QPushButton *m_dontSend;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(SendBanner::Offers)

} // namespace tierdesk::ui
