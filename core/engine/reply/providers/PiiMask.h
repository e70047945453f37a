#pragma once

#include "core/integrations/models/ChatModel.h"

#include <QHash>
#include <QString>

namespace tierdesk {

// Replaces personal data (nlu::PiiDetector: e-mail addresses, phone and card
// numbers, street addresses) by placeholders such as [EMAIL_1] in what is sent to
// a provider, the same value always by the same placeholder, and puts the values
// back in the model's reply. A card number never comes back whole: its last four
// digits only. A placeholder the mask did not make is removed.
class PiiMask {
public:
    QString mask(const QString &text);
    // Everything a request sends: its system prompt and every message.
    void maskRequest(ChatRequest &request);
    QString unmask(const QString &reply) const;
    int masked() const { return static_cast<int>(m_values.size()); }

private:
    QString placeholderFor(const QString &kind, const QString &value);

    QHash<QString, QString> m_placeholders; // value -> placeholder
    QHash<QString, QString> m_values; // placeholder -> what goes back in the reply
    QHash<QString, int> m_counts; // per kind
};

} // namespace tierdesk
