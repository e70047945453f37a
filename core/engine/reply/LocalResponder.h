#pragma once

#include "core/engine/reply/Phrases.h"
#include "core/engine/reply/Responder.h"

#include <QHash>

namespace tierdesk {

// The built-in responder: templates per intent and action outcome, grounded in
// the best knowledge-base article, in the tier's tone and length limit, in the
// company's language (the sentences are in reply/Phrases).
// Thread-safe: replies are composed on a pool (ReplyComposer).
class LocalResponder final : public Responder {
public:
    static constexpr const char *kModel = "tierdesk-local-1";
    Reply compose(const ReplyContext &ctx) override;
    bool answersAtOnce() const override { return true; }

private:
    QString opening(const ReplyContext &ctx) const;
    // `gap`: why the company's knowledge did not answer the question (gapreason), if it did not.
    QString body(const ReplyContext &ctx, QStringList &suggested, QString &gap) const;
    QString escalationText(const ReplyContext &ctx) const;
    void actionText(const ReplyContext &ctx, QStringList &parts, QStringList &suggested) const;
    static void providerText(const ActionReport &act, const Phrases &say, QStringList &parts);
    // The order's status and delivery; its first item, or every item when asked what it holds.
    QString orderText(const Order &o, bool allItems, const Phrases &say) const;
    // An order as a company's system told it (`what`: its number and items): only what it said.
    QString sourcedOrderText(const Order &o, const QString &what, const QString &carried, const Phrases &say) const;
    // The passage that answers the message. `best`, when given, is set to bestArticle(ctx)
    // if that was chosen on the way (it is not always), so it is not chosen twice.
    QString knowledgeText(const ReplyContext &ctx, const KbArticle **best = nullptr) const;
};

} // namespace tierdesk
