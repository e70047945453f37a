#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace tierdesk::ui {

// The console's language: the system's (LANGUAGE, LC_ALL, LANG through
// QLocale::system()) unless Settings chose one. The choice is the QSettings
// value console/language: "" = the system's, "en", "de".
class ConsoleLanguage {
public:
    static constexpr const char *settingsKey = "console/language";

    // The locale the console speaks: the setting's language, else the system's.
    static QLocale chosen();
    // Installs on `app` the console's translation (:/i18n/tierdesk_<lang>.qm) and Qt's
    // own (qtbase_<lang>.qm from QLibraryInfo::TranslationsPath, for standard buttons)
    // for `locale`, replacing those installed before. A chosen language also becomes
    // QLocale's default, so dates and numbers match. Returns the console translation's
    // language ("de"), or "" when the console stays in English.
    static QString install(QCoreApplication *app, const QLocale &locale, bool setDefaultLocale = false);
    // install() with chosen(); the default locale follows only an explicit setting.
    static QString installChosen(QCoreApplication *app);
};

} // namespace tierdesk::ui
