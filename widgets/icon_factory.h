// Icons painted with QPainter (sidebar pages, the application icon), so the workbench needs no icon
// theme or SVG plugin. Not a general drawing library: one small glyph per page id.
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace tb::widgets {

// Page ids: "datasets", "finetune", "runs", "compare", "registry", "playground", "serve".
// Unknown ids give a plain dot.
QIcon pageIcon(const QString& pageId, const QColor& color);
QIcon applicationIcon();
QColor accentColor();

}  // namespace tb::widgets
