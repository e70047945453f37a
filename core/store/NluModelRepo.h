#pragma once

#include "core/store/Database.h"

#include <QByteArray>
#include <QStringList>

#include <optional>

namespace tierdesk {

// One trained intent model of a company (or of the installation: company "*").
struct StoredNluModel {
    QString companyId;
    int version = 0; // 1, 2, ... per company; the highest is in use
    QByteArray model; // IntentClassifier::serialize()
    int examples = 0;
    QStringList intents;
    QString source; // where the examples came from (a file name or "default")
    qint64 createdAt = 0;
};

// The nlu_models table (migration 7): every trained model is kept, versioned.
class NluModelRepo {
public:
    explicit NluModelRepo(Database &db) : m_db(db) { }
    // Stores the model as the company's next version; returns that version.
    Result<int> insert(const StoredNluModel &m);
    std::optional<StoredNluModel> latest(const QString &companyId);
    // The latest model of every company that has one.
    QList<StoredNluModel> latestPerCompany();
    // Every version of a company's models, newest first, without the model bytes.
    QList<StoredNluModel> versions(const QString &companyId);

private:
    Database &m_db;
};

} // namespace tierdesk
