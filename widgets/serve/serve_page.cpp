#include "widgets/serve/serve_page.h"

namespace tb::widgets {

ServePage::ServePage(const PageContext& context, QWidget* parent) : Page(context, parent) {
    const QString workspaceRoot = context.workspaceRoot();
    Q_UNUSED(workspaceRoot);
    showEmptyState(tr("Run a local HTTP endpoint so that your own programs can use a tuned model, without "
                      "sending data anywhere."),
                   {tr("Pick a registered model version."),
                    tr("Choose a port and start the server."),
                    tr("Send requests from your tools; each request is logged here.")},
                   QString());
}

QString ServePage::title() const { return tr("Serve"); }

}  // namespace tb::widgets
