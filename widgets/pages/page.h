// Page: the base of every workbench page hosted by the main window's sidebar (Datasets, Fine-tune, ...).
// It gives the shell a stable id, a translated title and an icon; pages own their content.
#pragma once

#include "widgets/pages/page_context.h"

#include <QIcon>
#include <QString>
#include <QVariantMap>
#include <QWidget>

namespace tb::widgets {

class EmptyStateWidget;

class Page : public QWidget {
    Q_OBJECT
public:
    Page(const PageContext& context, QWidget* parent = nullptr) : QWidget(parent), m_context(context) {}

    virtual QString pageId() const = 0;  // stable, untranslated: used in settings and tests
    virtual QString title() const = 0;   // translated sidebar label
    QIcon icon() const;
    const PageContext& context() const { return m_context; }

    // Called when another page sent the user here with arguments (e.g. Runs -> Compare with a run id).
    virtual void activate(const QVariantMap& args) { Q_UNUSED(args); }
    // Called on every page when any page changed the workspace (what: "datasets", "runs", "registry",
    // "evaluations", "serve"), so lists elsewhere refresh without polling.
    virtual void workspaceChanged(const QString& what) { Q_UNUSED(what); }

signals:
    // Asks the shell to show page `pageId` and call its activate(args).
    void navigateRequested(const QString& pageId, const QVariantMap& args);
    // Tells the shell this page changed part of the workspace; it calls workspaceChanged(what) on all pages.
    void workspaceModified(const QString& what);

protected:
    // Installs an empty state as the page's whole content.
    EmptyStateWidget* showEmptyState(const QString& purpose, const QStringList& firstSteps, const QString& folder);

private:
    PageContext m_context;
};

}  // namespace tb::widgets
