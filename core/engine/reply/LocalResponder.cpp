#include "core/engine/reply/LocalResponder.h"

#include "core/engine/dialogue/Questions.h"
#include "core/engine/reply/CompanyAnswers.h"
#include "core/engine/reply/KbPassage.h"
#include "core/engine/reply/Phrases.h"
#include "core/engine/reply/SectionAnswer.h"

#include "core/domain/KnowledgeGap.h"
#include "core/nlu/Intents.h"
#include "core/nlu/text/SearchTerms.h"
#include "core/nlu/text/Tokenizer.h"

#include <QRegularExpression>

namespace tierdesk {
namespace {

// The answer to a hello: the company's own greeting, else its AI introducing itself by the
// persona's name, else the engine's question.
QString greeting(const ReplyContext &ctx, const Phrases &say)
{
    if (!ctx.ai.greeting.isEmpty())
        return ctx.ai.greeting;
    if (!ctx.ai.persona.isEmpty())
        return say(Phrase::IntroducesItself).arg(ctx.ai.persona, ctx.companyName) + QLatin1Char(' ')
            + say(Phrase::HowCanIHelp);
    return say(Phrase::HowCanIHelp);
}

QString firstName(const Customer &c)
{
    const QString name = c.name.section(QLatin1Char(' '), 0, 0).trimmed();
    return name;
}

// The opening sentences of an article, without Markdown markup.
QString leadSentences(const QString &body, int sentences)
{
    QString plain = body;
    static const QRegularExpression markup(QStringLiteral("[*_#`>]+|\\[([^\\]]*)\\]\\([^)]*\\)"));
    plain.replace(markup, QStringLiteral("\\1"));
    plain = plain.simplified();
    static const QRegularExpression end(QStringLiteral("(?<=[.!?:])\\s+"));
    const QStringList parts = plain.split(end, Qt::SkipEmptyParts);
    QStringList lead;
    // Stop before a sentence that introduces a list: quoted alone it says nothing.
    for (const QString &sentence : parts) {
        static const QRegularExpression listMarker(QStringLiteral("^(\\d+\\.|[-*])$"));
        if (lead.size() == sentences || sentence.endsWith(QLatin1Char(':')) || listMarker.match(sentence).hasMatch())
            break;
        lead << sentence;
    }
    return lead.join(QLatin1Char(' '));
}

// Articles are quoted in the language they are written in (the store's are English): a
// reply in another language says where the quoted text comes from. Several articles
// quoted at once are named together (`title` empty).
QString framed(const Phrases &say, const QString &title, const QString &passage)
{
    const QString frame = say(title.isEmpty() ? Phrase::ArticlesFrame : Phrase::ArticleFrame);
    if (passage.isEmpty() || frame.isEmpty())
        return passage;
    return title.isEmpty() ? frame.arg(passage) : frame.arg(title, passage);
}

// What a reply says around the article's sentences ("I'm sorry about the inconvenience. ", the
// frame's words): kept free of the reply's length when choosing them.
constexpr int kAroundTheAnswer = 40;

const KbHit *hitOf(const QList<KbHit> &hits, qint64 articleId)
{
    for (const KbHit &h : hits)
        if (h.article.id == articleId)
            return &h;
    return nullptr;
}

} // namespace

static const KbArticle &bestFor(const QList<KbHit> &hits, const QString &question, const QString &topic,
    const KbArticle *preferred = nullptr, const QString &category = {});

const KbArticle &bestArticle(const ReplyContext &ctx)
{
    // bm25 ranks words, not meaning: the article whose passage answers the message best,
    // with a head start for one of the category the message is about (a general inquiry
    // names no category).
    const bool categorised
        = ctx.analysis.intent.confidence >= 0.3 && ctx.analysis.intent.category != IssueCategory::GeneralInquiry;
    const QString &question = ctx.actions.knowledge.question.isEmpty() ? ctx.message : ctx.actions.knowledge.question;
    return bestFor(
        ctx.knowledge, question, {}, nullptr, categorised ? toString(ctx.analysis.intent.category) : QString());
}

// A guide page answers with lines of its list of pages ("Add an account — Allow applications to
// access your accounts online"): the page that line names answers, when the search found it too.
const KbArticle &pageAGuidePointsTo(
    const QList<KbHit> &hits, const KbArticle &chosen, const QString &question, int maxChars)
{
    static const QRegularExpression guideLine(QStringLiteral("^(.{3,80}?) \u2014 "));
    const KbHit *hit = hitOf(hits, chosen.id);
    if (!hit)
        return chosen;
    for (const QString &sentence : SectionAnswer::of(*hit, question, {}, maxChars).sentences) {
        const QString named = guideLine.match(sentence).captured(1).trimmed();
        for (const KbHit &other : hits)
            if (!named.isEmpty() && other.article.id != chosen.id
                && other.article.title.compare(named, Qt::CaseInsensitive) == 0)
                return other.article;
    }
    return chosen;
}

// Whether more than the question's words chose the article: a follow-up's topic ("what about
// crypto" after payment methods), or the intent model's sure reading of the message under the
// article's own category ("do u ship to canada": shipping). A help center's imported pages are
// general inquiries, so only their words speak for them.
bool vouchedFor(const ReplyContext &ctx, const KbArticle &article)
{
    const MessageAnalysis &a = ctx.analysis;
    return !ctx.actions.knowledge.topic.isEmpty()
        || (a.intent.confidence >= 0.3 && a.intent.category != IssueCategory::GeneralInquiry
            && article.category == toString(a.intent.category));
}

// Among the hits, the article whose best passage answers `question` best; the article of
// a follow-up's topic, `preferred` (the article of the message as a whole) and articles of
// `category` get a head start, and the search's order breaks ties.
// The hit that answers a question best by its passages and subject, the search's order
// breaking ties; -1 when none shares a word with it.
static int answeringHit(const QList<KbHit> &hits, const QString &question)
{
    int best = -1;
    double bestScore = 0;
    for (int i = 0; i < hits.size(); ++i) {
        const KbArticle &article = hits.at(i).article;
        const double passage = qMax(passageScore(article.body, question), leadScore(article, question));
        const double score = passage + 0.5 * subjectScore(article, question) - 0.1 * i;
        if (score > bestScore) {
            best = i;
            bestScore = score;
        }
    }
    return best;
}

static const KbArticle &bestFor(const QList<KbHit> &hits, const QString &question, const QString &topic,
    const KbArticle *preferred, const QString &category)
{
    // A follow-up is answered from its topic's own article unless another answers it better;
    // one that says "it" ("can i move it to the 1st") is about the topic's own thing.
    const int topical = topic.isEmpty() ? -1 : answeringHit(hits, topic);
    // ...unless the question names what another article is about ("before its officially late").
    const double topicalStart = topical >= 0 && namesOneSubject(hits, topical, question) ? 0.0
        : dialogue::refersBack(question)                                                 ? 2.0
                                                                                         : 1.0;
    int best = 0;
    double bestScore = 0;
    for (int i = 0; i < hits.size(); ++i) {
        const QString &body = hits.at(i).article.body;
        const double passage = qMax(passageScore(body, question, topic), leadScore(hits.at(i).article, question));
        if (passage <= 0 && i != topical)
            continue;
        double score = passage + 0.5 * subjectScore(hits.at(i).article, question) - 0.1 * i;
        if (i == topical)
            score += topicalStart;
        if ((preferred && hits.at(i).article.id == preferred->id)
            || (!category.isEmpty() && hits.at(i).article.category == category))
            score += 0.5;
        if (score > bestScore) {
            best = i;
            bestScore = score;
        }
    }
    return hits.at(best).article;
}

bool isConfident(const MessageAnalysis &a, const QList<KbHit> &knowledge)
{
    if (nlu::isSmallTalk(a.intent.intent))
        return true;
    const nlu::Intent intent = a.intent.id();
    // The model's "none of these" is no reading of the message, however sure it is.
    const bool placed = intent != nlu::Intent::GeneralQuestion && intent != nlu::Intent::OutOfScope;
    if (a.intent.confidence >= 0.5 && placed)
        return true;
    if (knowledge.isEmpty())
        return false;
    // A general inquiry is no subject: an article filed under it matches nothing in particular.
    const bool sameSubject = a.intent.category != IssueCategory::GeneralInquiry
        && knowledge.first().article.category == toString(a.intent.category);
    return sameSubject || (a.intent.confidence >= 0.3 && intent != nlu::Intent::OutOfScope);
}

QString fitLength(const QString &text, int maxChars)
{
    if (text.size() <= maxChars)
        return text;
    const QString cut = text.left(maxChars);
    const qsizetype stop = qMax(cut.lastIndexOf(QLatin1String(". ")),
        qMax(cut.lastIndexOf(QLatin1String("! ")), cut.lastIndexOf(QLatin1String("? "))));
    if (stop >= maxChars / 3)
        return cut.left(stop + 1);
    const qsizetype space = cut.left(maxChars - 1).lastIndexOf(QLatin1Char(' '));
    return cut.left(space > 0 ? space : maxChars - 1) + QChar(0x2026);
}

const QList<Message> &noHistory()
{
    static const QList<Message> none;
    return none;
}

const CompanyProfile &noProfile()
{
    static const CompanyProfile none;
    return none;
}

const AiSettings &noVoice()
{
    static const AiSettings none;
    return none;
}

int approximateTokens(const QString &text)
{
    return nlu::Tokenizer::roughTokenCount(text);
}

Reply LocalResponder::compose(const ReplyContext &ctx)
{
    Reply reply;
    reply.model = QLatin1String(kModel);
    const QString text
        = QString(opening(ctx) + QLatin1Char(' ') + body(ctx, reply.suggestedActions, reply.knowledgeGap)).trimmed();
    reply.content = fitLength(text, ctx.caps.maxResponseLength);
    int context = approximateTokens(ctx.message);
    for (const KbHit &h : ctx.knowledge.mid(0, 1))
        context += approximateTokens(h.article.body);
    reply.inputTokens = context;
    reply.outputTokens = approximateTokens(reply.content);
    return reply;
}

QString LocalResponder::opening(const ReplyContext &ctx) const
{
    const nlu::Intent intent = ctx.analysis.intent.id();
    const QString name = firstName(ctx.customer);
    const bool concise = ctx.caps.tone == QLatin1String("concise");
    const Phrases say(ctx.language, ctx.company);
    if (intent == nlu::Intent::Greeting)
        return name.isEmpty() ? say(Phrase::Hello) : say(Phrase::HelloName).arg(name);
    if (intent == nlu::Intent::Thanks || intent == nlu::Intent::Goodbye || concise)
        return {};
    switch (ctx.analysis.sentiment.level) {
    case Sentiment::Irate:
    case Sentiment::Angry:
        return say(Phrase::SorryUpset);
    case Sentiment::Frustrated:
        return say(Phrase::SorryInconvenience);
    default:
        break;
    }
    // The tone's opener greets a conversation, or a tier that has just taken it over; said on
    // every reply it reads as a script.
    if (ctx.session.messageCount > 1 && !ctx.escalation)
        return {};
    if (ctx.caps.tone == QLatin1String("formal"))
        return say(Phrase::OpenFormal);
    if (ctx.caps.tone == QLatin1String("empathetic"))
        return say(Phrase::OpenEmpathetic);
    return say(Phrase::OpenFriendly);
}

QString LocalResponder::escalationText(const ReplyContext &ctx) const
{
    const Phrases say(ctx.language, ctx.company);
    return say(ctx.escalation->target == Tier::HumanAgent ? Phrase::HandedToPerson : Phrase::ManagerTookOver);
}

QString LocalResponder::orderText(const Order &o, bool allItems, const Phrases &say) const
{
    QStringList items;
    for (const OrderItem &item : o.items) {
        items << (allItems && item.quantity > 1 ? QStringLiteral("%1 x %2").arg(item.quantity).arg(item.name)
                                                : item.name);
        if (!allItems)
            break;
    }
    const QString what = items.isEmpty() ? o.id : QStringLiteral("%1 (%2)").arg(o.id, items.join(QStringLiteral(", ")));
    const QString carried
        = o.carrier.isEmpty() ? QString() : say(Phrase::OrderCarrier).arg(o.carrier, o.trackingNumber);
    if (!o.source.isEmpty())
        return sourcedOrderText(o, what, carried, say);
    if (o.status == QLatin1String("shipped")) {
        QString s = say(Phrase::OrderShipped).arg(what, say.day(o.shippedAt)) + carried;
        if (o.estimatedDeliveryAt > 0)
            s += say(Phrase::OrderExpected).arg(say.day(o.estimatedDeliveryAt));
        return s + QLatin1Char('.');
    }
    if (o.status == QLatin1String("delivered"))
        return say(Phrase::OrderDelivered).arg(what, say.day(o.deliveredAt)) + carried + QLatin1Char('.');
    if (o.status == QLatin1String("pending") || o.status == QLatin1String("processing"))
        return say(Phrase::OrderNotShipped).arg(what, say.orderStatus(o.status));
    if (o.status == QLatin1String("cancelled"))
        return say(Phrase::OrderCancelled).arg(what);
    if (o.status == QLatin1String("refunded"))
        return say(Phrase::OrderRefunded).arg(what, say.money(o.refundedAmount));
    return say(Phrase::OrderStatus).arg(what, say.orderStatus(o.status));
}

QString LocalResponder::sourcedOrderText(
    const Order &o, const QString &what, const QString &carried, const Phrases &say) const
{
    // A company's system says what it says: a date or a status it did not give is not worded.
    QString s;
    if (o.status == QLatin1String("shipped") && o.shippedAt > 0)
        s = say(Phrase::OrderShipped).arg(what, say.day(o.shippedAt)) + carried;
    else if (o.status == QLatin1String("delivered") && o.deliveredAt > 0)
        s = say(Phrase::OrderDelivered).arg(what, say.day(o.deliveredAt)) + carried;
    else if (o.status == QLatin1String("refunded") && o.refundedAmount > 0)
        s = say(Phrase::OrderRefunded).arg(what, say.money(o.refundedAmount));
    else if (!o.status.isEmpty())
        s = say(Phrase::OrderStatus).arg(what, say.orderStatus(o.status)).chopped(1) + carried;
    else
        s = what + carried;
    if (o.status != QLatin1String("delivered") && o.estimatedDeliveryAt > 0)
        s += say(Phrase::OrderExpected).arg(say.day(o.estimatedDeliveryAt));
    s += QLatin1Char('.');
    if (!o.deliveryDate.isEmpty())
        s += say(Phrase::OrderDeliveryDate).arg(o.deliveryDate);
    return s;
}

QString LocalResponder::knowledgeText(const ReplyContext &ctx, const KbArticle **best) const
{
    if (ctx.knowledge.isEmpty())
        return {};
    const KnowledgeAsk &asked = ctx.actions.knowledge;
    const Phrases say(ctx.language, ctx.company);
    if (asked.questions.size() > 1 || asked.alongside) {
        // Each question from the article that answers it; nothing said where none does.
        QStringList answers;
        const KbArticle &main = bestArticle(ctx);
        if (best)
            *best = &main;
        for (const QString &question : asked.questions) {
            const KbArticle &article = bestFor(ctx.knowledge, question, asked.topic, asked.alongside ? nullptr : &main);
            for (const QString &passage : answeringPassages(article.body, question, asked.topic))
                if (!answers.contains(passage))
                    answers << passage;
        }
        return framed(say, {}, answers.join(QLatin1Char(' ')));
    }
    // A follow-up is answered from its topic's article unless another answers it better.
    const QString &question = asked.question.isEmpty() ? ctx.message : asked.question;
    const int maxChars = ctx.caps.maxResponseLength - kAroundTheAnswer;
    const KbArticle &article = pageAGuidePointsTo(ctx.knowledge,
        asked.topic.isEmpty() ? bestArticle(ctx) : bestFor(ctx.knowledge, question, asked.topic), question, maxChars);
    if (best && asked.topic.isEmpty())
        *best = &article;
    const KbHit *hit = hitOf(ctx.knowledge, article.id);
    if (hit && !vouchedFor(ctx, article) && !holdsTheQuestion(*hit, question))
        return {}; // its words in passing: no answer, whatever the intent model made of the message
    // The sentences of the ranked passage that answer what was asked, else of the whole article,
    // else its opening; then the page it came from, where there is one and a screen to follow it on.
    const QString &page = article.source.url;
    const QString readMore = ctx.session.channel != Channel::Voice && page.startsWith(QLatin1String("http"))
        ? QLatin1Char(' ') + say(Phrase::ReadMoreAt).arg(page)
        : QString();
    QString passage;
    if (hit)
        passage = SectionAnswer::of(*hit, question, asked.topic, maxChars - int(readMore.size()))
                      .sentences.join(QLatin1Char(' '));
    if (passage.isEmpty())
        passage = answeringPassage(article.body, question, asked.topic);
    if (passage.isEmpty()) // not cached: only a reply no passage answers reads an opening, once
        passage = leadSentences(article.body, 2);
    return framed(say, article.title, passage) + readMore;
}

void LocalResponder::providerText(const ActionReport &act, const Phrases &say, QStringList &parts)
{
    // Money at a payment provider, a cancellation at the order system: what they said, never more
    // (a refusal already says what they did not do).
    const QString what = !act.order  ? QString()
        : act.refundedItem.isEmpty() ? say(Phrase::RefundedOrder).arg(act.order->id)
                                     : say(Phrase::RefundedItem).arg(act.refundedItem, act.order->id);
    if (act.refundRequested > 0)
        parts << say(act.refundAwaitingAnswer ? Phrase::RefundAwaitingAnswer : Phrase::RefundRequested)
                     .arg(say.money(act.refundRequested), what);
    if (act.creditAwaitingAnswer > 0)
        parts << say(Phrase::CreditAwaitingAnswer).arg(say.money(act.creditAwaitingAnswer));
    if (!act.cancelRequested.isEmpty())
        parts << say(act.cancelAwaitingAnswer ? Phrase::CancelAwaitingAnswer : Phrase::CancelRequested)
                     .arg(act.cancelRequested);
    if (act.moneyFailed > 0 && act.refusal.isEmpty())
        parts << (act.moneyFailedWhat == QLatin1String("credit")
                ? say(Phrase::CreditNotThrough).arg(say.money(act.moneyFailed))
                : say(Phrase::RefundNotThrough).arg(say.money(act.moneyFailed), what));
}

void LocalResponder::actionText(const ReplyContext &ctx, QStringList &parts, QStringList &suggested) const
{
    const ActionReport &act = ctx.actions;
    const Phrases say(ctx.language, ctx.company);
    if (act.refunded > 0) {
        const QString what = act.refundedItem.isEmpty()
            ? say(Phrase::RefundedOrder).arg(act.order->id)
            : say(Phrase::RefundedItem).arg(act.refundedItem, act.order->id);
        parts << say(Phrase::Refunded).arg(say.money(act.refunded), what);
        suggested << QStringLiteral("check_refund_status");
    }
    providerText(act, say, parts);
    // One yes may have done several things: each is told.
    if (!act.cancelledOrder.isEmpty())
        parts << say(Phrase::OrderCancelledDone).arg(act.cancelledOrder);
    if (act.credited > 0) {
        parts << say(Phrase::CreditAdded).arg(say.money(act.credited));
        suggested << QStringLiteral("view_account_credit");
    }
    if (!act.subscriptionChange.isEmpty()) {
        if (act.subscriptionChange == QLatin1String("cancelled"))
            parts << say(Phrase::MembershipCancelled);
        else if (act.subscriptionChange == QLatin1String("paused"))
            parts << say(Phrase::MembershipPaused);
        else if (act.subscriptionChange == QLatin1String("active"))
            parts << say(Phrase::MembershipActive);
        else
            parts << say(Phrase::MembershipPlan).arg(act.subscriptionChange.section(QLatin1Char(':'), 1));
        suggested << QStringLiteral("view_subscription");
    }
    const bool done
        = act.refunded > 0 || act.credited > 0 || !act.cancelledOrder.isEmpty() || !act.subscriptionChange.isEmpty();
    if (!done && !act.declined.isEmpty())
        parts << say(Phrase::Declined);
    if (!act.confirmation.isEmpty()) {
        // What cannot be done of a message that asked for several things is said first.
        if (!act.refusal.isEmpty())
            parts << act.refusal;
        parts << act.confirmation;
        suggested << QStringLiteral("confirm") << QStringLiteral("decline");
    } else if (!act.handover.isEmpty() && ctx.escalation) {
        parts << say(Phrase::TeamWillLookAt).arg(act.handover);
    } else if (!act.refusal.isEmpty()) { // the AI Manager taking over says it too
        parts << act.refusal;
    } else if (act.needsOrderNumber && act.ordersUnavailable.isEmpty()) {
        parts << say(Phrase::NeedOrderNumber);
        suggested << QStringLiteral("provide_order_number");
    } else if (!act.slotPrompt.isEmpty()) {
        parts << act.slotPrompt;
    }
}

QString LocalResponder::body(const ReplyContext &ctx, QStringList &suggested, QString &gap) const
{
    const nlu::Intent intent = ctx.analysis.intent.id();
    const ActionReport &act = ctx.actions;
    const Phrases say(ctx.language, ctx.company);
    QStringList parts;
    if (ctx.escalation)
        parts << escalationText(ctx);
    if (ctx.session.currentTier == Tier::HumanAgent) {
        // The hand-over still answers what was asked: what the person will look at.
        if (!act.handover.isEmpty())
            parts << say(Phrase::TeamWillLookAt).arg(act.handover);
        else if (!act.refusal.isEmpty()) // what was asked for, and why the AI could not do it
            parts << act.refusal;
        else if (act.order && !act.orders.isEmpty())
            parts << orderText(*act.order, false, say);
        suggested << QStringLiteral("wait_for_agent");
        return parts.join(QLatin1Char(' '));
    }

    // Every order looked up is answered, the one asked about first.
    if (act.refunded <= 0 && act.cancelledOrder.isEmpty() && !act.needsOrderNumber)
        for (const Order &o : act.orders) {
            parts << orderText(o, act.showContents, say);
            if (o.status == QLatin1String("shipped") && !suggested.contains(QLatin1String("track_package")))
                suggested << QStringLiteral("track_package");
        }
    // What the company's system could not tell now is said so, with a person offered; nothing about it is guessed.
    for (const QString &number : act.ordersUnavailable)
        parts << (number.isEmpty() ? say(Phrase::OrdersCannotCheck) : say(Phrase::OrderCannotCheck).arg(number));
    if (!act.ordersUnavailable.isEmpty())
        suggested << QStringLiteral("talk_to_person");
    actionText(ctx, parts, suggested);
    if (!act.subscriptionFact.isEmpty())
        parts << act.subscriptionFact;
    if (!act.refundFact.isEmpty())
        parts << act.refundFact;
    // A question asked beside the order or the action: answered too, after them.
    if (act.knowledge.alongside) {
        if (const QString kb = knowledgeText(ctx); !kb.isEmpty()) {
            parts << kb;
            suggested << QStringLiteral("read_article:")
                    + bestFor(ctx.knowledge, act.knowledge.questions.value(0), act.knowledge.topic).slug;
        }
    }
    if (!act.outOfScope.isEmpty()) {
        parts << say(Phrase::OutOfScope);
        return parts.join(QLatin1Char(' '));
    }

    const bool answered = parts.size() > (ctx.escalation ? 1 : 0);
    if (answered
        && (intent == nlu::Intent::Greeting || intent == nlu::Intent::Thanks || intent == nlu::Intent::Goodbye)) {
        // The answer above is the reply; small talk would only bury it.
    } else if (intent == nlu::Intent::Greeting) {
        parts << greeting(ctx, say);
    } else if (intent == nlu::Intent::Thanks) {
        parts << say(Phrase::YoureWelcome);
        suggested << QStringLiteral("end_conversation");
    } else if (intent == nlu::Intent::Goodbye) {
        parts << say(Phrase::Goodbye);
    } else if (!act.moneyActions.isEmpty() && !ctx.escalation) {
        // What the payment provider did with the money is the answer (providerText): nothing more is asked.
    } else if (parts.isEmpty() || (ctx.escalation && parts.size() == 1)
        || (!ctx.escalation && act.actionsTaken.isEmpty() && !act.needsOrderNumber && act.confirmation.isEmpty()
            && act.declined.isEmpty() && act.subscriptionFact.isEmpty() && act.refusal.isEmpty()
            && act.ordersUnavailable.isEmpty())) {
        const KbArticle *best = nullptr;
        const QString kb = knowledgeText(ctx, &best);
        const QString &asked = act.knowledge.query.isEmpty() ? ctx.message : act.knowledge.query;
        // A contact question is answered by a page that gives a way to reach the company, not one
        // that says "your phone number" of something else.
        const bool answers
            = !kb.isEmpty() && (!company::asksForContactDetails(ctx.message) || company::givesAContact(kb));
        // ... or its passage holds every word asked ("Where do screenshots go?": "Take a screenshot",
        // "Where do they go?"), though the intent model and the article's sentences are unsure.
        const KbHit *quoted = best ? hitOf(ctx.knowledge, best->id) : nullptr;
        const bool wholly = quoted && !quoted->passages.isEmpty() && questionShare(*quoted) >= kWholeQuestion;
        if (answers && (wholly || isConfident(ctx.analysis, ctx.knowledge) || knowledgeAnswers(ctx.knowledge, asked))) {
            parts << kb;
            suggested << QStringLiteral("read_article:") + (best ? *best : bestArticle(ctx)).slug;
        } else if (const QString contact
                   = company::asksForContact(ctx.message) ? company::contactAnswer(ctx.company, say) : QString();
                   !contact.isEmpty()) {
            parts << contact; // the company's profile holds what its articles do not
        } else if (parts.size() == (ctx.escalation ? 1 : 0) && company::asksSomething(ctx.message)
            && (!ctx.escalation || ctx.escalation->target != Tier::HumanAgent)) {
            // Nothing of the company's answers it: said so, never guessed, and a person offered
            // (by the AI manager too, when it has just taken the conversation over).
            const bool buyer = ctx.customer.lifetimeValue > 0 || ctx.customer.subscription.has_value();
            parts << company::notKnown(ctx.company, say, buyer);
            suggested << QStringLiteral("talk_to_person");
            gap = QLatin1String(ctx.knowledge.isEmpty() ? gapreason::kNoPassage : gapreason::kNotKnown);
        } else if (!ctx.escalation) {
            parts << say(Phrase::TellMeMore);
            suggested << QStringLiteral("rephrase");
            // Words enough to be a question the AI could not make out ("the blue thing on the box"), not "hmm".
            if (nlu::SearchTerms::ofQuery(ctx.message).size() >= 2)
                gap = QLatin1String(gapreason::kLowConfidence);
        }
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace tierdesk
