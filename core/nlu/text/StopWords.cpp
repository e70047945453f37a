#include "core/nlu/text/StopWords.h"

#include "core/nlu/text/StringTable.h"

namespace tierdesk::nlu {
namespace {

enum Use : unsigned char {
    Search = 1, // the knowledge-base search
    Passage = 2, // the passage chooser
    Both = Search | Passage,
};

struct StopWord {
    const char *word;
    unsigned char uses;
};

// Lower case, with the apostrophe as the tokenizer folds it.
constexpr StopWord kStopWords[] = {
    // Grammar and politeness.
    {"a", Search},
    {"about", Both},
    {"am", Search},
    {"an", Search},
    {"and", Both},
    {"any", Passage},
    {"all", Passage},
    {"also", Passage},
    {"are", Both},
    {"at", Search},
    {"be", Search},
    {"can", Both},
    {"could", Both},
    {"did", Search},
    {"do", Search},
    {"does", Both},
    {"dont", Passage},
    {"don't", Passage},
    {"for", Both},
    {"from", Passage},
    {"get", Both},
    {"got", Passage},
    {"has", Search},
    {"have", Both},
    {"hello", Search},
    {"help", Search},
    {"hi", Search},
    {"how", Both},
    {"i", Search},
    {"if", Search},
    {"im", Search},
    {"in", Search},
    {"into", Passage},
    {"is", Search},
    {"it", Search},
    {"its", Passage},
    {"it's", Passage},
    {"just", Both},
    {"me", Search},
    {"my", Search},
    {"need", Search},
    {"not", Both},
    {"of", Search},
    {"on", Search},
    {"or", Search},
    {"our", Passage},
    {"out", Passage},
    {"please", Both},
    {"pls", Passage},
    {"should", Passage},
    {"so", Search},
    {"that", Both},
    {"the", Both},
    {"them", Passage},
    {"there", Both},
    {"they", Passage},
    {"this", Both},
    {"to", Search},
    {"use", Passage},
    {"want", Both},
    {"was", Both},
    {"what", Both},
    {"whats", Passage},
    {"what's", Passage},
    {"when", Both},
    {"where", Both},
    {"why", Search},
    {"will", Passage},
    {"with", Both},
    {"would", Both},
    {"you", Both},
    {"your", Both},
    // Words that point at something without naming it ("the other thing", "one before").
    {"after", Passage},
    {"again", Passage},
    {"anyone", Passage},
    {"anything", Passage},
    {"before", Passage},
    {"bit", Passage},
    {"everything", Passage},
    {"know", Passage},
    {"like", Passage},
    {"lol", Passage},
    {"mean", Passage},
    {"okay", Passage},
    {"one", Passage},
    {"other", Passage},
    {"part", Passage},
    {"really", Passage},
    {"right", Passage},
    {"someone", Passage},
    {"something", Passage},
    {"still", Passage},
    {"stuff", Passage},
    {"then", Passage},
    {"thing", Passage},
    {"things", Passage},
    {"time", Passage},
    {"went", Passage},
    {"yeah", Passage},
    {"yes", Passage},
    {"yet", Passage},
    // Intensifiers: "honestly really disappointed, on the very first hike".
    {"first", Passage},
    {"honestly", Passage},
    {"literally", Passage},
    {"super", Passage},
    {"totally", Passage},
    {"very", Passage},
};

unsigned char usesOf(const QString &word)
{
    static const StringTable<unsigned char> table = [] {
        StringTable<unsigned char> t;
        for (const StopWord &w : kStopWords)
            t.emplace(QLatin1String(w.word), w.uses);
        return t;
    }();
    return valueOr<unsigned char>(table, word, 0);
}

} // namespace

bool StopWords::isSearchNoise(const QString &lowerCaseWord)
{
    return (usesOf(lowerCaseWord) & Search) != 0;
}

bool StopWords::isFunctionWord(const QString &lowerCaseWord)
{
    return lowerCaseWord.size() < 3 || (usesOf(lowerCaseWord) & Passage) != 0;
}

} // namespace tierdesk::nlu
