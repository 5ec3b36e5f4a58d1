// Page: the base of every workbench page hosted by the main window's sidebar (Datasets, Fine-tune, ...).
// It gives the shell a stable id, a translated title and an icon; pages own their content.
#pragma once

#include <QIcon>
#include <QString>
#include <QWidget>

namespace tb::widgets {

class EmptyStateWidget;

class Page : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual QString pageId() const = 0;  // stable, untranslated: used in settings and tests
    virtual QString title() const = 0;   // translated sidebar label
    QIcon icon() const;

protected:
    // Installs an empty state as the page's whole content.
    EmptyStateWidget* showEmptyState(const QString& purpose, const QStringList& firstSteps, const QString& folder);
};

}  // namespace tb::widgets
