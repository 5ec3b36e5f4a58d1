// DatasetsPage: the Datasets page of the workbench. For now it shows an empty state explaining what the page is for and
// what to do first; the feature issues fill it with views. No logic of its own.
#pragma once

#include "widgets/pages/page.h"

namespace tb::widgets {

class DatasetsPage : public Page {
    Q_OBJECT
public:
    explicit DatasetsPage(const PageContext& context, QWidget* parent = nullptr);
    QString pageId() const override { return QStringLiteral("datasets"); }
    QString title() const override;
};

}  // namespace tb::widgets
