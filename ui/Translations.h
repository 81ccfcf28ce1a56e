#pragma once

#include <QList>
#include <QLocale>

class QObject;
class QTranslator;

namespace tideline::ui {

// Tideline's translators for the language it shows, loaded from the .qm files embedded in
// tideline_ui (translations/CMakeLists.txt):
//  - Chinese: the whole zh_CN translation, plus Qt's own (qtbase) when the system has it;
//  - anything else shows English: tideline_en, which holds only the plural forms, so that
//    tr("%n key(s)", nullptr, n) reads "1 key" and "6 keys" (the source text alone cannot).
// Installs them on the application, parented to `owner`, and returns them (empty when none loaded).
QList<QTranslator *> installTranslators(const QLocale &locale, QObject *owner);

} // namespace tideline::ui
