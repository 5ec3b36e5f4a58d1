#include "widgets/pages/page.h"

#include "widgets/empty_state_widget.h"
#include "widgets/icon_factory.h"

#include <QVBoxLayout>

namespace tb::widgets {

QIcon Page::icon() const { return pageIcon(pageId(), accentColor()); }

EmptyStateWidget* Page::showEmptyState(const QString& purpose, const QStringList& firstSteps, const QString& folder) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    auto* empty = new EmptyStateWidget(icon(), title(), purpose, firstSteps, folder, this);
    empty->setObjectName(QStringLiteral("emptyState"));
    layout->addWidget(empty);
    return empty;
}

}  // namespace tb::widgets
