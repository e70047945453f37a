#include "core/nlu/SentimentCues.h"

#include "core/nlu/text/StringTable.h"

#include <initializer_list>

namespace tierdesk::nlu::sentiment_cues {

namespace {

StringSet wordSet(std::initializer_list<const char *> words)
{
    StringSet s;
    for (const char *w : words)
        s.insert(QString::fromUtf8(w));
    return s;
}

QString withoutEmojiModifiers(const QString &emoji)
{
    QString out;
    for (int i = 0; i < emoji.size(); ++i) {
        const QChar c = emoji.at(i);
        if (c == QChar(0xFE0F))
            continue; // variation selector
        if (c.isHighSurrogate() && i + 1 < emoji.size()) {
            const char32_t cp = QChar::surrogateToUcs4(c, emoji.at(i + 1));
            if (cp >= 0x1F3FB && cp <= 0x1F3FF) { // skin tones
                ++i;
                continue;
            }
        }
        out.append(c);
    }
    return out;
}

// The word lists, each written once; classify() indexes their union.
const StringSet &boosters()
{
    static const StringSet set = wordSet({"absolutely", "amazingly", "awfully", "completely", "considerably", "deeply",
        "enormously", "entirely", "especially", "exceptionally", "extremely", "fully", "greatly", "highly", "hugely",
        "incredibly", "intensely", "majorly", "more", "most", "particularly", "purely", "quite", "really", "remarkably",
        "so", "substantially", "super", "thoroughly", "totally", "tremendously", "truly", "unbelievably", "unusually",
        "utterly", "very", "seriously", "too", "such", "fucking", "freaking", "frigging", "bloody", "damn", "goddamn",
        "sooo", "soo", "real", "veryyy", "soooo"});
    return set;
}

const StringSet &dampeners()
{
    static const StringSet set
        = wordSet({"almost", "barely", "hardly", "kinda", "kindof", "less", "little", "marginally", "occasionally",
            "partly", "scarcely", "slightly", "somewhat", "sorta", "bit", "fairly", "mostly", "pretty", "rather"});
    return set;
}

const StringSet &negators()
{
    static const StringSet set
        = wordSet({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot", "cant",
            "without", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "couldnt", "wont", "wouldnt",
            "shouldnt", "havent", "hasnt", "hadnt", "aint", "mustnt", "neednt", "darent", "nope", "nah", "idk"});
    return set;
}

const StringSet &profanityWords()
{
    static const StringSet set = wordSet({"damn", "damned", "dammit", "goddamn", "goddamned", "bloody", "fuck", "fucks",
        "fucked", "fucking", "fuckin", "fk", "fking", "effing", "shit", "shitty", "bullshit", "crap", "crappy", "wtf",
        "stfu", "hell", "ass", "asses", "asshole", "assholes", "bastard", "bastards", "bitch", "piss", "pissed", "dick",
        "idiot", "idiots", "moron", "morons", "screw", "screwed", "sucks", "bs", "jerks", "jerk"});
    return set;
}

const StringSet &complaintWords()
{
    static const StringSet set = wordSet({"again", "another", "still", "yet", "late", "delayed", "delay", "delays",
        "waiting", "wait", "waited", "hours", "days", "weeks", "hold", "broken", "missing", "lost", "wrong", "nothing",
        "never", "cancelled", "charged", "twice", "refund", "damaged", "useless"});
    return set;
}

} // namespace

double modifier(const QString &word)
{
    if (boosters().count(word))
        return kBoost;
    if (dampeners().count(word))
        return -kBoost;
    return 0.0;
}

bool isNegator(const QString &word)
{
    return negators().count(word) > 0 || word.endsWith(QLatin1String("n't"));
}

double emojiValence(const QString &emoji, bool *known)
{
    static const StringTable<double> table = [] {
        const std::pair<const char *, double> pairs[] = {// ASCII emoticons
            {":)", 1.8}, {":-)", 1.8}, {":D", 2.2}, {":-D", 2.2}, {";)", 1.2}, {";-)", 1.2}, {"=)", 1.8}, {"xD", 1.8},
            {"XD", 1.8}, {"<3", 2.4}, {":P", 0.8}, {":p", 0.8}, {":-P", 0.8}, {":3", 1.2}, {":(", -1.9}, {":-(", -1.9},
            {":'(", -2.2}, {"=(", -1.9}, {":/", -1.0}, {":-/", -1.0}, {":|", -0.4}, {":-|", -0.4}, {":o", -0.2},
            {":O", -0.2},
            // pictographs
            {"😀", 2.0}, {"😃", 2.0}, {"😄", 2.1}, {"😁", 2.1}, {"😊", 2.0}, {"🙂", 1.4}, {"😍", 2.8}, {"🥰", 2.8},
            {"😘", 2.2}, {"😎", 1.5}, {"🤩", 2.6}, {"😂", 1.2}, {"🤣", 1.2}, {"😉", 1.2}, {"👍", 1.8}, {"👏", 1.8},
            {"🙌", 2.0}, {"💯", 1.8}, {"🎉", 2.0}, {"🥳", 2.2}, {"❤", 2.4}, {"💕", 2.4}, {"💖", 2.4}, {"😻", 2.4},
            {"✨", 1.0}, {"⭐", 1.4}, {"🌟", 1.6}, {"🙏", 1.6}, {"😐", -0.4}, {"😑", -0.8}, {"😕", -1.2}, {"🤔", -0.3},
            {"😬", -1.0}, {"😟", -1.5}, {"🙁", -1.6}, {"☹", -1.8}, {"😞", -2.0}, {"😔", -1.8}, {"😢", -2.2}, {"😭", -2.4},
            {"😩", -2.2}, {"😫", -2.2}, {"😖", -2.0}, {"😣", -1.8}, {"😤", -2.4}, {"😠", -2.8}, {"😡", -3.1}, {"🤬", -3.4},
            {"👎", -2.0}, {"💩", -2.4}, {"🙄", -1.2}, {"😒", -1.8}, {"🙃", -0.8}, {"🤦", -1.8}, {"😱", -1.6},
            {"😨", -1.4}, {"💔", -2.2}, {"🤮", -2.8}, {"🤢", -2.4}};
        StringTable<double> t;
        for (const auto &[face, valence] : pairs)
            t[QString::fromUtf8(face)] = valence;
        return t;
    }();
    auto it = table.find(emoji);
    if (it == table.end())
        it = table.find(withoutEmojiModifiers(emoji));
    if (known)
        *known = it != table.end();
    return it == table.end() ? 0.0 : it->second;
}

bool isEyeRoll(const QString &emoji)
{
    static const StringSet faces = wordSet({"🙄", "😒", "🙃", "🤦"});
    return faces.count(withoutEmojiModifiers(emoji)) > 0 || faces.count(emoji.left(2)) > 0;
}

bool isProfanity(const QString &word)
{
    return profanityWords().count(word) > 0;
}

bool isComplaintContext(const QString &word)
{
    return complaintWords().count(word) > 0;
}

WordClass classify(const QString &word)
{
    static const StringTable<WordClass> known = [] {
        StringTable<WordClass> t;
        for (const StringSet *set : {&boosters(), &dampeners(), &negators(), &profanityWords(), &complaintWords()}) {
            for (const QString &w : *set)
                t[w] = {modifier(w), isNegator(w), isProfanity(w), isComplaintContext(w)};
        }
        return t;
    }();
    const auto it = known.find(word);
    if (it != known.end())
        return it->second;
    WordClass c;
    c.negator = word.endsWith(QLatin1String("n't"));
    return c;
}

} // namespace tierdesk::nlu::sentiment_cues
