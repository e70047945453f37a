#include "core/nlu/Emotions.h"

#include "core/nlu/SentimentCues.h"
#include "core/nlu/text/StringTable.h"

#include <algorithm>
#include <array>

namespace tierdesk::nlu {

namespace {

struct Cue {
    const char *emotion;
    double weight;
};

// Words (and two-word phrases, space separated) that show an emotion when not negated.
const StringTable<Cue> &emotionWords()
{
    static const StringTable<Cue> table = [] {
        const std::pair<const char *, Cue> pairs[] = {{"angry", {emotion::Anger, 1.5}},
            {"furious", {emotion::Anger, 2}}, {"livid", {emotion::Anger, 2}}, {"outraged", {emotion::Anger, 2}},
            {"outrageous", {emotion::Anger, 1.5}}, {"unacceptable", {emotion::Anger, 1.5}},
            {"ridiculous", {emotion::Anger, 1}}, {"disgusting", {emotion::Anger, 1.5}},
            {"disgusted", {emotion::Anger, 1.5}}, {"hate", {emotion::Anger, 1.5}}, {"pathetic", {emotion::Anger, 1.2}},
            {"scam", {emotion::Anger, 1.5}}, {"liars", {emotion::Anger, 1.5}}, {"thieves", {emotion::Anger, 1.5}},
            {"incompetent", {emotion::Anger, 1.2}}, {"mad", {emotion::Anger, 1}},
            {"frustrating", {emotion::Frustration, 1.5}}, {"frustrated", {emotion::Frustration, 1.5}},
            {"annoying", {emotion::Frustration, 1.2}}, {"annoyed", {emotion::Frustration, 1.2}},
            {"waiting", {emotion::Frustration, 0.8}}, {"still", {emotion::Frustration, 0.6}},
            {"again", {emotion::Frustration, 0.6}}, {"forever", {emotion::Frustration, 0.8}},
            {"ages", {emotion::Frustration, 0.6}}, {"on hold", {emotion::Frustration, 1}},
            {"useless", {emotion::Frustration, 1.2}}, {"tired", {emotion::Frustration, 0.8}},
            {"fed up", {emotion::Frustration, 1.5}}, {"sick of", {emotion::Frustration, 1.5}},
            {"keeps", {emotion::Frustration, 0.5}}, {"hours", {emotion::Frustration, 0.4}},
            {"disappointed", {emotion::Disappointment, 1.5}}, {"disappointing", {emotion::Disappointment, 1.5}},
            {"disappointment", {emotion::Disappointment, 1.5}}, {"unfortunately", {emotion::Disappointment, 0.8}},
            {"let down", {emotion::Disappointment, 1.2}}, {"shame", {emotion::Disappointment, 0.8}},
            {"sad", {emotion::Disappointment, 1}}, {"poor", {emotion::Disappointment, 0.8}},
            {"broken", {emotion::Disappointment, 0.8}}, {"damaged", {emotion::Disappointment, 0.8}},
            {"expected", {emotion::Disappointment, 0.6}}, {"worse", {emotion::Disappointment, 0.8}},
            {"worried", {emotion::Worry, 1.5}}, {"concerned", {emotion::Worry, 1.2}},
            {"nervous", {emotion::Worry, 1.2}}, {"anxious", {emotion::Worry, 1.5}}, {"afraid", {emotion::Worry, 1}},
            {"scared", {emotion::Worry, 1.2}}, {"confused", {emotion::Confusion, 1.5}},
            {"confusing", {emotion::Confusion, 1.5}}, {"unclear", {emotion::Confusion, 1.2}},
            {"huh", {emotion::Confusion, 1}}, {"not sure", {emotion::Confusion, 1}},
            {"no sense", {emotion::Confusion, 1.5}}, {"no idea", {emotion::Confusion, 1}},
            {"dont understand", {emotion::Confusion, 1.5}}, {"don't understand", {emotion::Confusion, 1.5}},
            {"what does", {emotion::Confusion, 0.6}}, {"lost", {emotion::Confusion, 0.4}},
            {"urgent", {emotion::Urgency, 1.5}}, {"urgently", {emotion::Urgency, 1.5}},
            {"asap", {emotion::Urgency, 1.5}}, {"immediately", {emotion::Urgency, 1.2}},
            {"emergency", {emotion::Urgency, 1.5}}, {"right now", {emotion::Urgency, 1.2}},
            {"right away", {emotion::Urgency, 1.2}}, {"quickly", {emotion::Urgency, 0.8}},
            {"hurry", {emotion::Urgency, 1}}, {"today", {emotion::Urgency, 0.5}}, {"now", {emotion::Urgency, 0.5}},
            {"deadline", {emotion::Urgency, 1}}, {"tomorrow", {emotion::Urgency, 0.4}},
            {"great", {emotion::Satisfaction, 1}}, {"good", {emotion::Satisfaction, 0.8}},
            {"perfect", {emotion::Satisfaction, 1.5}}, {"excellent", {emotion::Satisfaction, 1.5}},
            {"awesome", {emotion::Satisfaction, 1.5}}, {"amazing", {emotion::Satisfaction, 1.5}},
            {"happy", {emotion::Satisfaction, 1.2}}, {"satisfied", {emotion::Satisfaction, 1.5}},
            {"pleased", {emotion::Satisfaction, 1.2}}, {"love", {emotion::Satisfaction, 1.2}},
            {"works", {emotion::Satisfaction, 0.6}}, {"worked", {emotion::Satisfaction, 0.8}},
            {"fixed", {emotion::Satisfaction, 0.8}}, {"resolved", {emotion::Satisfaction, 0.8}},
            {"wonderful", {emotion::Satisfaction, 1.5}}, {"fantastic", {emotion::Satisfaction, 1.5}},
            {"nice", {emotion::Satisfaction, 0.8}}, {"helpful", {emotion::Satisfaction, 1}},
            {"thanks", {emotion::Gratitude, 1.5}}, {"thank", {emotion::Gratitude, 1.5}},
            {"thx", {emotion::Gratitude, 1.5}}, {"ty", {emotion::Gratitude, 1}},
            {"appreciate", {emotion::Gratitude, 1.5}}, {"appreciated", {emotion::Gratitude, 1.5}},
            {"grateful", {emotion::Gratitude, 1.5}}, {"cheers", {emotion::Gratitude, 1}}};
        StringTable<Cue> t;
        for (const auto &[word, cue] : pairs)
            t.emplace(QLatin1String(word), cue);
        return t;
    }();
    return table;
}

const char *emojiEmotion(const QString &emoji, double valence)
{
    static const StringTable<const char *> faces = [] {
        StringTable<const char *> t;
        for (const char *e : {"😠", "😡", "🤬", "😤"})
            t[QString::fromUtf8(e)] = emotion::Anger;
        for (const char *e : {"🤔", "😕", "🤷"})
            t[QString::fromUtf8(e)] = emotion::Confusion;
        for (const char *e : {"🙏"})
            t[QString::fromUtf8(e)] = emotion::Gratitude;
        for (const char *e : {"😞", "😔", "😢", "😭", "💔", "☹", "🙁"})
            t[QString::fromUtf8(e)] = emotion::Disappointment;
        for (const char *e : {"🙄", "😒", "😩", "😫", "🤦"})
            t[QString::fromUtf8(e)] = emotion::Frustration;
        return t;
    }();
    if (const char *name = valueOr<const char *>(faces, emoji.left(2), nullptr))
        return name;
    if (const char *name = valueOr<const char *>(faces, emoji.left(1), nullptr))
        return name;
    return valence > 1.0 ? emotion::Satisfaction : nullptr;
}

// Emotion scores by name; the names are the emotion:: constants (compared by address).
class Scores {
public:
    static constexpr std::array<const char *, 8> kNames
        = {emotion::Anger, emotion::Frustration, emotion::Disappointment, emotion::Worry, emotion::Confusion,
            emotion::Urgency, emotion::Satisfaction, emotion::Gratitude};
    double &operator[](const char *name)
    {
        for (size_t i = 0; i < kNames.size(); ++i) {
            if (kNames[i] == name)
                return m_values[i];
        }
        return m_values.back();
    }
    double value(size_t i) const { return m_values[i]; }

private:
    std::array<double, kNames.size() + 1> m_values{};
};

const StringSet &phraseStarts()
{
    static const StringSet starts = [] {
        StringSet s;
        for (const auto &[key, cue] : emotionWords()) {
            if (key.contains(QLatin1Char(' ')))
                s.insert(key.section(QLatin1Char(' '), 0, 0));
        }
        return s;
    }();
    return starts;
}

void scoreEmotionWords(const EmotionSignals &observed, Scores &score)
{
    const StringTable<Cue> &table = emotionWords();
    for (int i = 0; i < observed.words.size(); ++i) {
        const QString &word = observed.words.at(i);
        const bool negated = i < observed.negated.size() && observed.negated.at(i);
        auto it = table.end();
        bool phrase = false;
        if (i + 1 < observed.words.size() && phraseStarts().count(word)) {
            it = table.find(word + QLatin1Char(' ') + observed.words.at(i + 1));
            phrase = it != table.end();
        }
        if (!phrase)
            it = table.find(word);
        if (it != table.end()) {
            const Cue &cue = it->second;
            if (negated && cue.emotion == emotion::Satisfaction) // "not happy", "not helpful"
                score[emotion::Disappointment] += cue.weight;
            else if (!negated || phrase)
                score[cue.emotion] += cue.weight;
        }
    }
    score[emotion::Anger] += 1.0 * observed.profanity; // one swear word at someone is anger enough
}

} // namespace

QStringList dominantEmotions(const EmotionSignals &observed, const SentimentResult &result)
{
    Scores score;
    scoreEmotionWords(observed, score);
    for (const QString &e : observed.emojis) {
        bool known = false;
        const double valence = sentiment_cues::emojiValence(e, &known);
        if (const char *name = emojiEmotion(e, valence))
            score[name] += 1.2;
    }
    if (observed.shouting)
        score[emotion::Anger] += 1.2;
    if (observed.exasperated)
        score[emotion::Frustration] += 0.8;
    if (observed.questions >= 2)
        score[emotion::Confusion] += 0.5;
    if (result.level == Sentiment::Irate || result.level == Sentiment::Angry)
        score[emotion::Anger] += 0.8;
    if (result.level == Sentiment::Frustrated)
        score[emotion::Frustration] += 0.5;
    if (result.sarcasm) {
        score[emotion::Frustration] += 1.0;
        score[emotion::Satisfaction] = 0.0;
        score[emotion::Gratitude] = 0.0;
    }
    const bool negative = result.score < sentiment_threshold::Neutral;
    const bool positive = result.score >= sentiment_threshold::Satisfied;
    QList<std::pair<double, const char *>> ranked;
    for (size_t i = 0; i < Scores::kNames.size(); ++i) {
        const char *name = Scores::kNames[i];
        if (negative && name == emotion::Satisfaction)
            continue;
        if (positive && (name == emotion::Anger || name == emotion::Frustration))
            continue;
        if (score.value(i) >= 1.0)
            ranked.append({score.value(i), name});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList out;
    for (int i = 0; i < ranked.size() && i < 3; ++i)
        out << QLatin1String(ranked.at(i).second);
    return out;
}

QStringList sentimentKeywords(const EmotionSignals &observed)
{
    static const StringSet domain = [] {
        StringSet s;
        for (const char *w :
            {"order", "orders", "update", "refund", "delivery", "package", "parcel", "shipping", "shipment", "tracking",
                "account", "payment", "charge", "charged", "invoice", "bill", "subscription", "membership", "password",
                "login", "agent", "service", "support", "product", "item", "size", "return", "exchange", "credit",
                "card", "price", "app", "website", "email", "address", "manager", "store", "warranty", "replacement"})
            s.insert(QLatin1String(w));
        return s;
    }();
    static const StringSet stop = [] {
        StringSet s;
        for (const char *w : {"the", "a", "an", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "is",
                 "are", "was", "were", "be", "been", "it", "this", "that", "i", "i'm", "i've", "me", "my", "you",
                 "your", "we", "our", "they", "he", "she", "have", "has", "had", "do", "does", "did", "any", "still",
                 "just", "so", "very", "can", "could", "would", "will", "what", "when", "where", "how", "why", "there",
                 "here", "from", "about", "not", "all", "some", "get", "got", "been", "am", "its", "it's", "im", "u",
                 "ur", "pls", "please", "really", "one", "by", "if", "as", "than", "then", "too", "also"})
            s.insert(QLatin1String(w));
        return s;
    }();
    QStringList cues;
    QStringList nouns;
    QStringList rest;
    for (const QString &w : observed.cueWords) {
        if (!sentiment_cues::isNegator(w) && !cues.contains(w))
            cues << w;
    }
    for (int i = 0; i < observed.words.size(); ++i) {
        const QString &w = observed.words.at(i);
        if (w.size() < 3 || observed.negators.value(i) || w.front().isDigit() || stop.count(w) || cues.contains(w))
            continue;
        QStringList &bucket = domain.count(w) ? nouns : rest;
        if (!bucket.contains(w))
            bucket << w;
    }
    return (cues + nouns + rest).mid(0, 5);
}

namespace {

QString emotionPhrase(const QStringList &emotions)
{
    if (emotions.isEmpty())
        return QString();
    return QStringLiteral(" with ") + emotions.join(QStringLiteral(" and "));
}

} // namespace

QList<ActionRecommendation> recommendActions(const SentimentResult &r)
{
    QList<ActionRecommendation> out;
    const double negativity = std::clamp((0.5 - r.score) * 2.0, 0.0, 1.0);
    const bool negative = r.score < sentiment_threshold::Neutral;
    if (r.level == Sentiment::Irate || r.level == Sentiment::Angry || (!r.profanity.isEmpty() && negative))
        out.append({QStringLiteral("escalate"), std::clamp(0.5 + 0.5 * r.irateScore, 0.5, 0.98),
            QStringLiteral("Strong negative sentiment") + emotionPhrase(r.emotions)});
    if (negative)
        out.append({QStringLiteral("apologize"), std::clamp(0.55 + 0.4 * negativity, 0.55, 0.95),
            QStringLiteral("Negative sentiment") + emotionPhrase(r.emotions)
                + QStringLiteral(": acknowledge the problem before anything else")});
    if (!r.profanity.isEmpty() || r.cues.contains(QStringLiteral("CAPS")))
        out.append({QStringLiteral("de_escalate"), 0.7,
            QStringLiteral("Customer is swearing or shouting: answer calmly and stay factual")});
    if (r.sarcasm)
        out.append({QStringLiteral("address_complaint"), 0.75,
            QStringLiteral("Sarcasm: the praise is not meant, respond to the complaint")});
    if (r.emotions.contains(QLatin1String(emotion::Urgency)))
        out.append({QStringLiteral("prioritize"), 0.7, QStringLiteral("Customer signals urgency")});
    if (r.emotions.contains(QLatin1String(emotion::Confusion)) || r.emotions.contains(QLatin1String(emotion::Worry)))
        out.append(
            {QStringLiteral("clarify"), 0.65, QStringLiteral("Customer seems unsure: explain the next steps plainly")});
    if (r.score >= sentiment_threshold::Satisfied && !r.sarcasm)
        out.append({QStringLiteral("acknowledge"), std::clamp(r.score, 0.6, 0.95),
            QStringLiteral("Positive sentiment") + emotionPhrase(r.emotions)
                + QStringLiteral(": confirm the outcome and close warmly")});
    if (out.isEmpty())
        out.append({QStringLiteral("continue"), 0.6, QStringLiteral("No strong emotion: continue the normal flow")});
    std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.confidence > b.confidence; });
    return out;
}

} // namespace tierdesk::nlu
