#pragma once

#include "core/nlu/IntentClassifier.h"

#include <QHash>
#include <QMutex>
#include <QString>

// The intent model each company uses: the one trained for it (`tierdesk nlu train
// --company ID`), else the installation's own (`tierdesk nlu train`), else the default
// built from resources/. Filled from the store at start; read by the message analyser
// on the engine thread while training runs elsewhere, hence the lock.
namespace tierdesk::nlu {

class IntentModels {
public:
    // The installation-wide key, for a model trained without --company.
    static QString installationKey() { return QStringLiteral("*"); }
    // The process's models (one engine per process; ids are unique across companies).
    static IntentModels &shared();

    void set(const QString &companyId, const IntentClassifier &model, int version);
    void remove(const QString &companyId);
    void clear(); // a new data directory: its store says which models exist
    IntentClassifier forCompany(const QString &companyId) const;
    // 0 when the company uses the default model.
    int versionFor(const QString &companyId) const;

private:
    struct Entry {
        IntentClassifier model;
        int version = 0;
    };
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_models;
};

} // namespace tierdesk::nlu
