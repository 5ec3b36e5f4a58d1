// ServePage: the Serve page — start and stop the local OpenAI-compatible endpoint in-process on
// 127.0.0.1 (base model, port, API key requirement), choose which registered versions it serves (live,
// without a restart), manage API keys, watch requests/s and latency, and read the drift report of the
// sampled traffic against the training data. The server and all loading run on workers.
#pragma once

#include "widgets/pages/page.h"

#include <QElapsedTimer>
#include <QTimer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTextBrowser;

namespace tb::models {
class ServeSession;
class ServedVersionTableModel;
}  // namespace tb::models

namespace tb::widgets {

class EmptyStateWidget;

class ApiKeysWidget;
class TrafficChartWidget;

class ServePage : public Page {
    Q_OBJECT
public:
    explicit ServePage(const PageContext& context, QWidget* parent = nullptr);
    ~ServePage() override;
    QString pageId() const override { return QStringLiteral("serve"); }
    QString title() const override;
    void workspaceChanged(const QString& what) override;

    tb::models::ServeSession* session() const { return m_session; }
    tb::models::ServedVersionTableModel* servedModel() const { return m_served; }
    ApiKeysWidget* keys() const { return m_keys; }
    TrafficChartWidget* traffic() const { return m_traffic; }
    QString statusText() const;
    QString driftText() const;
    bool driftBusy() const { return m_driftBusy; }
    // Samples the metrics now (the timer does it every second while serving).
    void sampleMetrics();

public slots:
    void reloadVersions();

private:
    void buildUi();
    void startServer();
    void updateControls();
    void setStatus(const QString& text, bool error);
    void computeDrift();
    QString defaultBaseName(const QString& path) const;

    tb::models::ServeSession* m_session = nullptr;
    tb::models::ServedVersionTableModel* m_served = nullptr;
    QLineEdit* m_baseModel = nullptr;
    QLineEdit* m_baseName = nullptr;
    QSpinBox* m_port = nullptr;
    QCheckBox* m_requireKey = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_stop = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_inputHint = nullptr;
    QTableView* m_servedView = nullptr;
    ApiKeysWidget* m_keys = nullptr;
    TrafficChartWidget* m_traffic = nullptr;
    QLineEdit* m_driftTraining = nullptr;
    QPushButton* m_driftButton = nullptr;
    QTextBrowser* m_drift = nullptr;
    bool m_driftBusy = false;
    bool m_locked = false;  // an encrypted workspace that was not unlocked: its adapters cannot be read
    QTimer m_sampler;
    QElapsedTimer m_clock;
    EmptyStateWidget* m_intro = nullptr;  // the page's explanation while nothing is served
};

}  // namespace tb::widgets
