// TrainingDashboard: the live view of one run: step/epoch, ETA and status; Pause, Resume (a paused run, or
// an interrupted/cancelled one from its last checkpoint) and Cancel; charts of train/validation loss,
// learning rate, gradient norm, tokens/s, CPU and memory, and GPU through NVML (or why there is none);
// the run's log. Fed by RunScheduler's signals (history from metrics.jsonl and log.txt); trains nothing.
#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace tb::models {
class RunScheduler;
struct TrainStepReport;
struct ResourceSample;
}  // namespace tb::models

namespace tb::widgets {

class MetricChart;

class TrainingDashboard : public QWidget {
    Q_OBJECT
public:
    explicit TrainingDashboard(tb::models::RunScheduler* scheduler, QWidget* parent = nullptr);

    void setRun(const QString& runId);  // empty: nothing selected
    QString runId() const { return m_runId; }
    MetricChart* lossChart() const { return m_loss; }
    // Redraws every chart at once (tests and screenshots).
    void redrawNow();

private:
    void onStep(const tb::models::TrainStepReport& r);
    void onResource(const QString& runId, const tb::models::ResourceSample& s);
    void onLog(const QString& runId, const QString& line);
    void updateHeader();
    void loadHistory();
    void addStep(double step, double loss, double valLoss, double lr, double gradNorm, double tokensPerSecond);

    tb::models::RunScheduler* m_scheduler;
    QString m_runId;
    qint64 m_lastStep = -1;
    double m_eta = -1.0;
    double m_lastVal = -1.0;
    int m_epoch = 0, m_epochs = 0;
    QLabel* m_title = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_step = nullptr;
    QLabel* m_etaLabel = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_resume = nullptr;
    QPushButton* m_cancel = nullptr;
    MetricChart* m_loss = nullptr;
    MetricChart* m_lr = nullptr;
    MetricChart* m_grad = nullptr;
    MetricChart* m_speed = nullptr;
    MetricChart* m_cpu = nullptr;
    MetricChart* m_memory = nullptr;
    MetricChart* m_gpu = nullptr;
    QLabel* m_gpuAbsent = nullptr;
    QPlainTextEdit* m_log = nullptr;
};

}  // namespace tb::widgets
