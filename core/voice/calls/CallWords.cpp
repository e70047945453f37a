#include "core/voice/calls/CallWords.h"

namespace tierdesk::voice {
namespace {

struct Words {
    CallWord word;
    const char *en;
    const char *de;
};

// Spoken, not read: short sentences, no lists, nothing to click.
constexpr Words kWords[] = {
    {CallWord::Greeting, "Hello, you're through to %1. How can I help you today?",
        "Hallo, hier ist %1. Wie kann ich Ihnen helfen?"},
    {CallWord::GreetingRecorded, "Hello, you're through to %1. This call is recorded. How can I help you today?",
        "Hallo, hier ist %1. Dieser Anruf wird aufgezeichnet. Wie kann ich Ihnen helfen?"},
    {CallWord::NotUnderstood, "Sorry, I didn't catch that. Could you say it again?",
        "Entschuldigung, das habe ich nicht verstanden. Können Sie es noch einmal sagen?"},
    {CallWord::OfferPerson,
        "I'm sorry, I'm having trouble understanding you. Would you like me to put you through to a person?",
        "Es tut mir leid, ich verstehe Sie nicht gut. Soll ich Sie mit einem Menschen aus unserem Team verbinden?"},
    {CallWord::NoPerson, "All right. Please tell me again how I can help.",
        "In Ordnung. Sagen Sie mir bitte noch einmal, wie ich helfen kann."},
    {CallWord::StillThere, "Are you still there?", "Sind Sie noch da?"},
    {CallWord::Goodbye, "I haven't heard anything, so I'll end the call now. Goodbye.",
        "Ich höre nichts mehr und beende den Anruf jetzt. Auf Wiederhören."},
    {CallWord::Connecting, "I'm putting you through to a person now. Please stay on the line.",
        "Ich verbinde Sie jetzt mit einem Menschen aus unserem Team. Bitte bleiben Sie dran."},
    {CallWord::Trouble, "Sorry, something went wrong on our side. Please say that again.",
        "Entschuldigung, bei uns ist etwas schiefgegangen. Bitte sagen Sie das noch einmal."},
    {CallWord::InLine, "You are number %1 in line.", "Sie sind Nummer %1 in der Warteschlange."},
    {CallWord::StillWaiting, "Thank you for waiting. You are number %1 in line.",
        "Danke für Ihre Geduld. Sie sind Nummer %1 in der Warteschlange."},
    {CallWord::LeaveMessage,
        "Nobody is free to take your call right now. Please leave your message now, and we will call you back.",
        "Im Moment ist leider niemand frei. Bitte sprechen Sie jetzt Ihre Nachricht, wir rufen Sie zurück."},
    {CallWord::ClosedLeaveMessage, "We are closed right now. Please leave your message now, and we will call you back.",
        "Wir haben gerade geschlossen. Bitte sprechen Sie jetzt Ihre Nachricht, wir rufen Sie zurück."},
    {CallWord::MessageTaken, "Thank you, we have your message. Goodbye.",
        "Danke, wir haben Ihre Nachricht. Auf Wiederhören."},
    {CallWord::NoMessage, "I didn't hear a message. Please call again later. Goodbye.",
        "Ich habe keine Nachricht gehört. Bitte rufen Sie später wieder an. Auf Wiederhören."},
    {CallWord::Hold, "Please hold, I'll be right back with you.",
        "Bitte bleiben Sie kurz dran, ich bin gleich wieder für Sie da."},
    {CallWord::BackInLine, "Sorry, we lost the connection to our team member. You are back in line.",
        "Entschuldigung, die Verbindung zu unserem Team ist abgebrochen. Sie sind wieder in der Warteschlange."},
    {CallWord::RatingAsk, "Before you go: how did we do? Press 1 to 5 on your keypad, 5 is best.",
        "Bevor Sie auflegen: Wie zufrieden waren Sie? Drücken Sie 1 bis 5 auf Ihrer Tastatur, 5 ist am besten."},
    {CallWord::RatingThanks, "Thank you for your rating. Goodbye.", "Danke für Ihre Bewertung. Auf Wiederhören."},
    {CallWord::RatingNone, "Thank you for calling. Goodbye.", "Danke für Ihren Anruf. Auf Wiederhören."},
    {CallWord::BackToAi, "You're back with the assistant. How else can I help?",
        "Sie sind wieder beim Assistenten. Wie kann ich Ihnen noch helfen?"},
};

} // namespace

QString callWords(CallWord word, Language language, const QString &arg)
{
    for (const Words &w : kWords) {
        if (w.word != word)
            continue;
        QString text = QString::fromUtf8(language == Language::De ? w.de : w.en);
        return text.contains(QLatin1String("%1")) ? text.arg(arg) : text;
    }
    return {};
}

} // namespace tierdesk::voice
