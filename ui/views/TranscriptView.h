#pragma once

#include <QTextBrowser>

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

private:
    void render(); // the whole conversation
    void append(const QModelIndex &parent, int first, int last);

    TranscriptModel &m_model;
    int m_rendered = 0; // the model's rows the document shows
};

} // namespace tierdesk::ui
