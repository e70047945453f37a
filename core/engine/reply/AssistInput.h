#pragma once

#include "core/domain/AiSettings.h"
#include "core/domain/CompanyProfile.h"
#include "core/domain/Language.h"
#include "core/engine/actions/Actions.h"
#include "core/store/KbRepo.h"

#include <QStringList>

#include <optional>

namespace tierdesk {

// What an agent asks the AI for at the desk (POST /api/cs/sessions/:id/assist).
enum class AssistTask {
    Draft, // a reply for the person who holds the session
    Summary, // the conversation so far, for a colleague
    Translate, // a text into another language
    Improve, // the agent's own text, clearer and in the company's tone
    // A help-center article from what customers asked and people answered (a knowledge gap's
    // draft, GET /api/cs/kb/gaps/:id/draft): the engine's own task, never asked at the desk.
    Article,
};
QString toString(AssistTask task);
std::optional<AssistTask> parseAssistTask(const QString &name);
QStringList assistTaskNames();

// What a task is done from: a copy of the session taken on the engine thread, so the
// work (a model's answer, the templates, the guard) runs on a worker.
struct AssistInput {
    static constexpr int kArticleChars = 1500; // an article's body at most
    AssistTask task = AssistTask::Draft;
    QString text; // translate, improve: the text to work on; article: the questions, one a line
    QStringList replies{}; // article: what people at the desk answered them
    Language target = Language::En; // translate: the language to write in
    Language language = Language::En; // the company's (CS config `language`)
    Session session; // its row: tier, status, issue summary, escalations
    Customer customer;
    QList<Message> transcript; // the last messages, oldest first
    QString lastCustomerMessage;
    QStringList customerWords; // everything the customer wrote in the transcript
    QList<KbHit> knowledge; // draft: the passages about the last customer message
    // What has been done in the session (the person's credits, the customer's orders with
    // what they were refunded): the facts a draft is checked against.
    ActionReport facts;
    QStringList done; // the same in words, for a summary ("refund of $25.00 for ORD-1 by Ann")
    TierCapabilities caps; // the human tier's tone and length (responseGuidelines)
    IrateProtocol irate; // the local draft analyses the last customer message with it
    AiSettings ai;
    CompanyProfile company; // its currency: the amounts of the facts and the summary
};

// What the AI answered, with how it was made.
struct AssistAnswer {
    AssistTask task = AssistTask::Draft;
    QString text;
    QString model;
    int inputTokens = 0;
    int outputTokens = 0;
    qint64 latencyMs = 0;
    ModelCharge charge; // the model call, at the provider's price
    QStringList guardNotes; // which rule each flagged sentence of a draft breaks; the text keeps it
};

} // namespace tierdesk
