#pragma once

#include "CommandPalette.h"

class QMenuBar;

namespace tideline {

class ConnectionView;

// What the main window offers in the command palette. Other parts add their own providers
// (queues, deployments) with CommandPalette::addProvider().
namespace palette {

// Every enabled menu command, with its menu path and shortcut.
QList<PaletteItem> commandItems(const QMenuBar *menuBar);

// The topics (with a message) of `view`'s tree, at most `limit` of them; choosing one selects
// it in the tree and scrolls to it.
QList<PaletteItem> topicItems(ConnectionView *view, int limit = 50000);

// Selects `topic` in `view`'s topic tree: expands its parents, scrolls it into view and moves
// the focus there. A filter that hides the topic is cleared first. False when the tree does
// not have the topic (yet).
bool revealTopic(ConnectionView *view, const QString &topic);

} // namespace palette
} // namespace tideline
