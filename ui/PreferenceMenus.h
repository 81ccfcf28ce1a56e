#pragma once

#include <QObject>
#include <QString>

class QAction;
class QActionGroup;
class QMenu;
class QWidget;

namespace tideline {

// View › Theme (follow the system, light, dark), View › Language (the system's, English,
// 简体中文) and View › Alert notifications (on/off, read by AlertNotifier on every alert). All
// choices are saved in the settings. The theme applies at once; the language at
// the next start, which a message says (the window would otherwise have to rebuild every text).
//
// Owns the two menus and the notifications action (parented to the window) and the action groups.
class PreferenceMenus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferenceMenus)

public:
    explicit PreferenceMenus(QWidget *window);
    ~PreferenceMenus() override;

    QMenu *themeMenu() const { return m_themeMenu; }
    QMenu *languageMenu() const { return m_languageMenu; }
    QAction *alertNotificationsAction() const { return m_alertNotificationsAction; }

    // "en" or "zh_CN": the language this process shows (QLocale's default, which main() sets).
    static QString runningLanguage();
    // The language a stored choice ("" = the system's, "en", "zh_CN") means on this system.
    static QString effectiveLanguage(const QString &choice);

Q_SIGNALS:
    void themeApplied(bool dark);

private:
    void chooseTheme(const QString &key);
    void chooseLanguage(const QString &code);

    QWidget *m_window;
    QMenu *m_themeMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_alertNotificationsAction = nullptr;
};

} // namespace tideline
