#include "core/nlu/IntentModels.h"

namespace tierdesk::nlu {

IntentModels &IntentModels::shared()
{
    static IntentModels models;
    return models;
}

void IntentModels::set(const QString &companyId, const IntentClassifier &model, int version)
{
    const QMutexLocker lock(&m_mutex);
    m_models.insert(companyId, Entry{model, version});
}

void IntentModels::remove(const QString &companyId)
{
    const QMutexLocker lock(&m_mutex);
    m_models.remove(companyId);
}

void IntentModels::clear()
{
    const QMutexLocker lock(&m_mutex);
    m_models.clear();
}

IntentClassifier IntentModels::forCompany(const QString &companyId) const
{
    {
        const QMutexLocker lock(&m_mutex);
        auto it = m_models.constFind(companyId);
        if (it == m_models.cend())
            it = m_models.constFind(installationKey());
        if (it != m_models.cend())
            return it->model;
    }
    return IntentClassifier::trainedDefault();
}

int IntentModels::versionFor(const QString &companyId) const
{
    const QMutexLocker lock(&m_mutex);
    return m_models.value(companyId).version;
}

} // namespace tierdesk::nlu
