#include "core/voice/SharedLanguageModel.h"

#include <pocketsphinx.h>
#include <sphinxbase/ngram_model.h>

#include <QHash>

#include <vector>

namespace tierdesk::voice {

namespace {

struct Copies {
    std::mutex mutex;
    QHash<QByteArray, std::vector<std::weak_ptr<SharedLanguageModel>>> byPath;
};

Copies &loaded()
{
    static Copies copies;
    return copies;
}

} // namespace

std::shared_ptr<SharedLanguageModel> SharedLanguageModel::forDecoder(const QByteArray &path, ps_decoder_s *decoder)
{
    Copies &all = loaded();
    const std::lock_guard<std::mutex> guard(all.mutex);
    std::vector<std::weak_ptr<SharedLanguageModel>> &copies = all.byPath[path];
    std::shared_ptr<SharedLanguageModel> roomiest;
    for (auto it = copies.begin(); it != copies.end();) {
        std::shared_ptr<SharedLanguageModel> copy = it->lock();
        if (!copy) {
            it = copies.erase(it);
            continue;
        }
        if (!roomiest || copy.use_count() < roomiest.use_count())
            roomiest = std::move(copy);
        ++it;
    }
    // use_count() counts the decoders and `roomiest` itself.
    if (roomiest && roomiest.use_count() - 1 < kDecodersPerCopy)
        return roomiest;
    ngram_model_t *model
        = ngram_model_read(ps_get_config(decoder), path.constData(), NGRAM_AUTO, ps_get_logmath(decoder));
    if (!model)
        return nullptr;
    std::shared_ptr<SharedLanguageModel> copy(new SharedLanguageModel(model));
    copies.push_back(copy);
    return copy;
}

int SharedLanguageModel::copies(const QByteArray &path)
{
    Copies &all = loaded();
    const std::lock_guard<std::mutex> guard(all.mutex);
    int alive = 0;
    for (const std::weak_ptr<SharedLanguageModel> &copy : all.byPath.value(path))
        alive += copy.expired() ? 0 : 1;
    return alive;
}

SharedLanguageModel::~SharedLanguageModel()
{
    ngram_model_free(m_model); // the decoders' references went with them
}

} // namespace tierdesk::voice
