#pragma once

#include "core/engine/reply/ReplyMedium.h"

#include "core/domain/Language.h"
#include "core/engine/actions/Actions.h"
#include "core/store/KbRepo.h"

namespace tierdesk {

// Checks a composed reply against what the engine did on this message. Whoever
// wrote the reply (the local responder, later a language model), it may not
// claim a refund, credit, cancellation or membership change that was not
// carried out, nor state an amount that was neither moved nor found in the
// facts the reply was composed from (orders, the engine's own sentences, the
// articles, the customer's message). Claims are read in English and German;
// amounts with a currency sign ("€25.00") and, in German replies, also "25,00 €".
class ReplyGuard {
public:
    struct Violation {
        QString sentence;
        QString reason;
    };

    // Keeps references to the actions and the knowledge: they must outlive the guard.
    ReplyGuard(const ActionReport &actions, const QList<KbHit> &knowledge, const QString &customerMessage,
        Language language = Language::En);

    // More of what a reply may rest on, for replies a model wrote: the customer's
    // earlier words, whether a person now has the conversation, the tier's length.
    struct Scope {
        QString customerWords; // the customer's earlier messages
        bool handedOver = false; // an escalation on this message
        int maxChars = 0; // 0: no limit checked
        ReplyMedium medium = ReplyMedium::WebChat; // elsewhere, nothing on a screen of ours is referred to
        QString companyFacts{}; // what the company's profile and policies say of it: a reply may state it
        // A model's reply: its web addresses, percentages and durations must be the facts' own
        // (the local responder's come from the articles and the engine's sentences).
        bool checkFigures = false;
    };
    void setScope(Scope scope) { m_scope = std::move(scope); }

    QList<Violation> check(const QString &reply) const;
    // The reply without its offending sentences.
    QString strip(const QString &reply) const;

    // Sentences as the guard cuts them (after ., ! or ? and a space).
    static QStringList sentences(const QString &text);
    // Amounts written in `text` with a currency's sign ("$79", "€1,250.00"; in German also
    // "1.250,00 €").
    static QList<double> amounts(const QString &text, Language language = Language::En);

private:
    std::optional<QString> claimProblem(const QString &sentence) const;
    // Order facts stated while the company's order system could not be asked (ActionReport::ordersUnavailable).
    std::optional<QString> unavailableProblem(const QString &sentence) const;
    // A promise, a hand-over or a name (order, tracking number, e-mail, phone) the facts do not hold.
    std::optional<QString> scopeProblem(const QString &sentence) const;
    // A web address, percentage or number of days, weeks, months or years the facts do not hold.
    std::optional<QString> figureProblem(const QString &sentence) const;
    // Every text a reply may quote identifiers from, lower-cased.
    const QString &knownText() const;
    bool known(double amount) const;
    bool quotesKnowledge(const QString &sentence) const;
    QList<double> knownAmounts() const;

    const ActionReport &m_actions;
    const QList<KbHit> &m_knowledge;
    QString m_customerMessage;
    Language m_language;
    // Amounts the reply may state as facts: gathered when a reply first states one.
    mutable std::optional<QList<double>> m_known;
    mutable std::optional<QString> m_knownText;
    std::optional<Scope> m_scope; // without one, claims and amounts only
};

} // namespace tierdesk
