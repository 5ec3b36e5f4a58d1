#include "widgets/runs/training_dashboard.h"

#include <QFile>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include "core/train/run_index.h"
#include "models/runs/run_list_model.h"
#include "models/runs/run_scheduler.h"
#include "widgets/runs/metric_chart.h"

namespace tb::widgets {

using tb::models::RunListModel;
using tb::train::RunStatus;

namespace {
constexpr double kMiB = 1024.0 * 1024.0;
}

TrainingDashboard::TrainingDashboard(tb::models::RunScheduler* scheduler, QWidget* parent)
    : QWidget(parent), m_scheduler(scheduler) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("runTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_step = new QLabel(this);
    m_step->setObjectName(QStringLiteral("stepLabel"));
    m_etaLabel = new QLabel(this);
    m_etaLabel->setObjectName(QStringLiteral("etaLabel"));
    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setToolTip(tr("Pause after the current step; the run keeps its place in memory."));
    m_resume = new QPushButton(tr("Resume"), this);
    m_resume->setObjectName(QStringLiteral("resumeButton"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolTip(tr("Stop the run after the current step; a checkpoint is kept so it can be resumed."));
    header->addWidget(m_title);
    header->addWidget(m_status);
    header->addStretch(1);
    header->addWidget(m_step);
    header->addWidget(m_etaLabel);
    header->addWidget(m_pause);
    header->addWidget(m_resume);
    header->addWidget(m_cancel);
    layout->addLayout(header);

    auto* charts = new QWidget(this);
    auto* grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    m_loss = new MetricChart(tr("Loss"), tr("step"), {tr("train"), tr("validation")}, charts);
    m_loss->setObjectName(QStringLiteral("lossChart"));
    m_lr = new MetricChart(tr("Learning rate"), tr("step"), {tr("learning rate")}, charts);
    m_lr->setObjectName(QStringLiteral("lrChart"));
    m_grad = new MetricChart(tr("Gradient norm"), tr("step"), {tr("gradient norm")}, charts);
    m_grad->setObjectName(QStringLiteral("gradNormChart"));
    m_speed = new MetricChart(tr("Tokens per second"), tr("step"), {tr("tokens/s")}, charts);
    m_speed->setObjectName(QStringLiteral("tokensChart"));
    m_cpu = new MetricChart(tr("CPU use (%)"), tr("seconds"), {tr("CPU %")}, charts);
    m_cpu->setObjectName(QStringLiteral("cpuChart"));
    m_memory = new MetricChart(tr("Memory (MiB)"), tr("seconds"), {tr("resident")}, charts);
    m_memory->setObjectName(QStringLiteral("memoryChart"));
    grid->addWidget(m_loss, 0, 0);
    grid->addWidget(m_lr, 0, 1);
    grid->addWidget(m_grad, 0, 2);
    grid->addWidget(m_speed, 1, 0);
    grid->addWidget(m_cpu, 1, 1);
    if (scheduler->gpuUnavailableReason().isEmpty()) {
        m_gpu = new MetricChart(tr("GPU"), tr("seconds"), {tr("utilisation %"), tr("memory GiB")}, charts);
        m_gpu->setObjectName(QStringLiteral("gpuChart"));
        grid->addWidget(m_gpu, 1, 3);
    } else {
        m_gpuAbsent = new QLabel(tr("No GPU figures: %1.").arg(scheduler->gpuUnavailableReason()), charts);
        m_gpuAbsent->setObjectName(QStringLiteral("gpuAbsent"));
        m_gpuAbsent->setWordWrap(true);
        m_gpuAbsent->setAlignment(Qt::AlignCenter);
        m_gpuAbsent->setMinimumWidth(160);
        grid->addWidget(m_gpuAbsent, 0, 3);
    }
    grid->addWidget(m_memory, 1, 2);

    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("runLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setPlaceholderText(tr("The run's log appears here."));
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(charts);
    split->addWidget(m_log);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_pause, &QPushButton::clicked, this, [this] { m_scheduler->pause(m_runId); });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (!m_scheduler->unpause(m_runId)) m_scheduler->enqueue(m_runId, true);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_scheduler->cancel(m_runId); });
    connect(scheduler, &tb::models::RunScheduler::stepReported, this, &TrainingDashboard::onStep);
    connect(scheduler, &tb::models::RunScheduler::resourceSampled, this, &TrainingDashboard::onResource);
    connect(scheduler, &tb::models::RunScheduler::logLine, this, &TrainingDashboard::onLog);
    connect(scheduler, &tb::models::RunScheduler::runUpdated, this, [this](const QString& id) {
        if (id == m_runId) updateHeader();
    });
    connect(scheduler, &tb::models::RunScheduler::runsReset, this, &TrainingDashboard::updateHeader);
    connect(scheduler, &tb::models::RunScheduler::activeRunChanged, this, [this](const QString& id) {
        if (id.isEmpty() || id != m_runId) return;
        for (MetricChart* c : {m_cpu, m_memory, m_gpu})  // resource time restarts with each (re)start
            if (c) c->clear();
    });
    setRun({});
}

void TrainingDashboard::setRun(const QString& runId) {
    m_runId = runId;
    m_lastStep = -1;
    m_lastVal = -1.0;
    m_eta = -1.0;
    for (MetricChart* c : {m_loss, m_lr, m_grad, m_speed, m_cpu, m_memory, m_gpu})
        if (c) c->clear();
    m_log->clear();
    loadHistory();
    updateHeader();
}

void TrainingDashboard::loadHistory() {
    const tb::train::RunEntry* run = m_scheduler->find(m_runId);
    if (!run) return;
    const QString dir = QString::fromStdString(run->dir);
    QFile metrics(dir + QStringLiteral("/metrics.jsonl"));
    if (metrics.open(QIODevice::ReadOnly)) {
        while (!metrics.atEnd()) {
            const QJsonObject o = QJsonDocument::fromJson(metrics.readLine()).object();
            if (o.isEmpty()) continue;
            const qint64 step = o.value(QStringLiteral("step")).toInteger();
            addStep(double(step), o.value(QStringLiteral("loss")).toDouble(),
                    o.value(QStringLiteral("val_loss")).toDouble(-1.0), o.value(QStringLiteral("lr")).toDouble(),
                    o.value(QStringLiteral("grad_norm")).toDouble(),
                    o.value(QStringLiteral("tokens_per_s")).toDouble());
            m_lastStep = std::max(m_lastStep, step);
            if (o.contains(QStringLiteral("val_loss"))) m_lastVal = o.value(QStringLiteral("val_loss")).toDouble();
            m_epoch = o.value(QStringLiteral("epoch")).toInt();
        }
    }
    for (const auto& s : m_scheduler->resourceHistory(m_runId)) onResource(m_runId, s);
    QFile log(dir + QStringLiteral("/log.txt"));
    if (log.open(QIODevice::ReadOnly | QIODevice::Text)) m_log->setPlainText(QString::fromUtf8(log.readAll()));
    m_log->moveCursor(QTextCursor::End);
}

void TrainingDashboard::addStep(double step, double loss, double valLoss, double lr, double gradNorm, double tps) {
    m_loss->append(0, step, loss);
    if (valLoss >= 0) m_loss->append(1, step, valLoss);
    m_lr->append(0, step, lr);
    m_grad->append(0, step, gradNorm);
    m_speed->append(0, step, tps);
}

void TrainingDashboard::onStep(const tb::models::TrainStepReport& r) {
    if (r.runId != m_runId) return;
    if (r.step <= m_lastStep) {
        // Resumed from an earlier checkpoint or started again: the curves continue from this step.
        for (MetricChart* c : {m_loss, m_lr, m_grad, m_speed}) c->truncateFrom(double(r.step));
        m_lastVal = -1.0;
    }
    // The trainer repeats the last validation loss with every step: plot it only when it changes.
    addStep(double(r.step), r.trainLoss, -1.0, r.lr, r.gradNorm, r.tokensPerSecond);
    if (r.valLoss >= 0 && r.valLoss != m_lastVal) {
        m_loss->append(1, double(r.step), r.valLoss);
        m_lastVal = r.valLoss;
    }
    m_lastStep = r.step;
    m_eta = r.etaSeconds;
    m_epoch = r.epoch;
    m_epochs = r.epochs;
    updateHeader();
}

void TrainingDashboard::onResource(const QString& runId, const tb::models::ResourceSample& s) {
    if (runId != m_runId) return;
    m_cpu->append(0, s.seconds, s.cpuPercent);
    m_memory->append(0, s.seconds, double(s.rssBytes) / kMiB);
    if (m_gpu && s.hasGpu) {
        m_gpu->append(0, s.seconds, s.gpuPercent);
        m_gpu->append(1, s.seconds, double(s.gpuMemoryBytes) / (1024.0 * kMiB));
    }
}

void TrainingDashboard::onLog(const QString& runId, const QString& line) {
    if (runId == m_runId) m_log->appendPlainText(line);
}

void TrainingDashboard::updateHeader() {
    const tb::train::RunEntry* run = m_scheduler->find(m_runId);
    setEnabled(run != nullptr);
    if (!run) {
        m_title->setText(tr("No run selected"));
        m_status->clear();
        m_step->clear();
        m_etaLabel->clear();
        return;
    }
    const RunStatus status = run->state.status;
    m_title->setText(m_runId);
    m_status->setText(RunListModel::statusText(int(status)));
    const int epochs = m_epochs > 0 ? m_epochs : run->request.config.epochs;
    m_step->setText(tr("step %1 / %2 · epoch %3 / %4")
                        .arg(run->state.step)
                        .arg(run->state.totalSteps)
                        .arg(std::min(m_epoch + 1, std::max(epochs, 1)))
                        .arg(epochs));
    const bool running = status == RunStatus::Running;
    m_etaLabel->setText(running && m_eta >= 0 ? tr("ETA %1").arg(RunListModel::durationText(m_eta)) : QString());
    m_pause->setEnabled(running);
    const bool canResume = m_scheduler->canResume(m_runId);
    m_resume->setEnabled(status == RunStatus::Paused || canResume);
    m_resume->setToolTip(status == RunStatus::Paused ? tr("Continue training from where it paused.")
                         : canResume && run->lastCheckpointStep > 0
                             ? tr("Continue from the last checkpoint (step %1).").arg(run->lastCheckpointStep)
                         : canResume ? tr("No checkpoint was written yet: train again from the beginning.")
                                     : tr("Only a paused, interrupted, cancelled or failed run can resume."));
    m_cancel->setEnabled(tb::train::runStatusIsLive(status));
}

void TrainingDashboard::redrawNow() {
    for (MetricChart* c : {m_loss, m_lr, m_grad, m_speed, m_cpu, m_memory, m_gpu})
        if (c) c->redrawNow();
}

}  // namespace tb::widgets
