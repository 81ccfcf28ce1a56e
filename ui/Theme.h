#pragma once

#include <QPalette>
#include <QString>

namespace tideline::ui {

// Light, dark or whatever the desktop uses. Every choice is a QPalette on the Fusion style, so
// the GUI looks the same on every desktop and the state colours (StateStyle.h) are tuned for
// exactly two backgrounds.
enum class Theme { System, Light, Dark };

// "system", "light", "dark": how the choice is stored in the settings.
QString themeKey(Theme theme);
Theme themeFromKey(const QString &key); // unknown keys: System

// Qt 6.4 cannot ask the desktop for its colour scheme (no QStyleHints::colorScheme yet), so a
// dark desktop is recognised by its palette: a dark window background.
bool isDarkPalette(const QPalette &palette);

QPalette lightPalette();
QPalette darkPalette();

// The palette the platform gave the application before any theme was applied; captured on the
// first call (of this or applyTheme()).
QPalette systemPalette();

// Applies `theme` to the application: Fusion style plus the light or dark palette. System
// follows systemPalette(). Returns whether the result is dark.
bool applyTheme(Theme theme);
// The theme from the settings (ui/Settings.h), applied.
void applySavedTheme();

// Whether the application's current palette is dark: for colours chosen in code.
bool isDarkTheme();

} // namespace tideline::ui
