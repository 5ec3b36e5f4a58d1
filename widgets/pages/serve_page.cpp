#include "widgets/pages/serve_page.h"

namespace tb::widgets {

ServePage::ServePage(const QString& workspaceRoot, QWidget* parent) : Page(parent) {
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
