// The workbench's pages in sidebar order. The main window asks for them here so that adding a page
// does not touch the shell.
#pragma once

#include <QList>
#include <QString>

class QWidget;

namespace tb::widgets {

class Page;
struct PageContext;

// Creates Datasets, Fine-tune, Runs, Compare, Registry, Playground and Serve, parented to `parent`.
QList<Page*> createAllPages(const PageContext& context, QWidget* parent);

}  // namespace tb::widgets
