#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QChart;

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

// Colours chosen in code follow the palette they are drawn on. Text colours for errors and
// warnings are ui::errorTextColor()/warningTextColor() (StateStyle.h).
//
// The background of a topic that has just appeared (TopicTreeModel::setNewTopicColor): a soft
// yellow under the light theme's dark text, a dim amber under the dark theme's light text. Both
// keep the palette's Text above 4.5:1 (WCAG AA) at full strength.
QColor newTopicHighlight(const QPalette &palette);

// The background that marks an invalid row or line (a bad topic filter, the line of a payload
// error): a pale red under dark text, a deep red under light text; both keep Text above 4.5:1.
QColor errorBackground(const QPalette &palette);

// WCAG 2 contrast ratio of two colours (1 to 21; text wants at least 4.5). Alpha is ignored.
double contrastRatio(const QColor &a, const QColor &b);

// Puts a chart into `palette`'s colours: Qt Charts' dark or light theme, then the background,
// the labels, titles and legend in Text, and a quiet grid. setTheme() also repaints the series in
// the theme's own colours, so callers set their series pens again afterwards.
void applyChartTheme(QChart *chart, const QPalette &palette);

} // namespace tideline::ui
