#pragma once

#include <QHash>
#include <QString>

#include <unordered_map>
#include <unordered_set>

// Hash tables keyed by word for the NLU's fixed word lists, lexicons and model weights.
// Qt 6.4's seeded qHash(QString) falls back to SipHash here and costs about 400 ns per
// look-up (measured), which alone would blow the per-message budget; these tables use
// the unseeded hash (about 10 ns). They are filled from Tierdesk's own data and only
// read with message words, so a crafted message cannot grow their collision chains.
namespace tierdesk::nlu {

struct UnseededStringHash {
    size_t operator()(const QString &s) const noexcept { return qHash(QStringView(s), 0); }
};

template <typename Value> using StringTable = std::unordered_map<QString, Value, UnseededStringHash>;
using StringSet = std::unordered_set<QString, UnseededStringHash>;

template <typename Value> Value valueOr(const StringTable<Value> &table, const QString &key, Value fallback)
{
    const auto it = table.find(key);
    return it == table.end() ? fallback : it->second;
}

} // namespace tierdesk::nlu
