// RunScheduler: the workspace's runs and the queue that trains them one at a time on a TrainingWorker
// in its own QThread. It keeps status.json of each run current (queued → running ⇄ paused → finished,
// failed or cancelled), marks runs left live by a previous session as interrupted (Resume continues from
// the last checkpoint), samples CPU/memory (and GPU through NVML when present) while a run trains, and
// re-emits the worker's signals on the GUI thread. No widgets; RunListModel and the dashboard listen.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QThread>
#include <QTimer>
#include <QVector>
#include <memory>
#include <vector>

#include "core/train/gpu_monitor.h"
#include "core/train/process_sampler.h"
#include "core/train/run_index.h"
#include "models/runs/training_worker.h"

namespace tb::models {

struct ResourceSample {
    double seconds = 0.0;     // since the run (re)started in this session
    double cpuPercent = 0.0;  // this process, share of all cores
    qint64 rssBytes = 0;
    bool hasGpu = false;
    double gpuPercent = 0.0;
    qint64 gpuMemoryBytes = 0;
};

class RunScheduler : public QObject {
    Q_OBJECT
public:
    RunScheduler(const QString& runsDir, bool readOnly, QObject* parent = nullptr);
    // A run still training is cancelled at its next step (the trainer keeps a checkpoint) and recorded as
    // interrupted, so the next session offers Resume.
    ~RunScheduler() override;

    const std::vector<tb::train::RunEntry>& runs() const { return m_runs; }
    const tb::train::RunEntry* find(const QString& runId) const;
    int indexOf(const QString& runId) const;
    QStringList problems() const { return m_problems; }
    QString runsDir() const { return m_runsDir; }

    QString activeRunId() const { return m_activeId; }
    QStringList queuedRunIds() const { return m_queue; }
    double activeSeconds(const QString& runId) const;  // live for the active run
    // Interrupted, cancelled or failed: Resume continues from the last checkpoint, or starts again when none.
    bool canResume(const QString& runId) const;

    // Queues a run folder that holds request.json (status becomes queued). resume: from its checkpoint.
    // Runs that appear with status queued in a later refresh() (written by the wizard) are queued too.
    bool enqueue(const QString& runId, bool resume = false);
    bool pause(const QString& runId);
    bool unpause(const QString& runId);
    bool cancel(const QString& runId);  // queued: dropped (cancelled); running: stops at its next step

    // Records each run's start and end in this registry database as `actor` (the worker writes it).
    // Also closes the registry records of runs a crashed session left "running" (their folders were already
    // marked interrupted by the first scan): they become "interrupted" there too.
    void setRegistry(const QString& dbPath, const QString& actor, std::shared_ptr<const tb::WorkspaceKey> key = {});
    RunRegistryTarget registry() const { return m_registry; }

    QVector<ResourceSample> resourceHistory(const QString& runId) const;
    QString gpuUnavailableReason() const { return m_gpuReason; }
    void setSampleIntervalMs(int ms) { m_sampleTimer.setInterval(ms); }

public slots:
    void refresh();  // re-reads the runs folder (new runs written by the wizard)

signals:
    void runsReset();                       // the list was re-read
    void runUpdated(const QString& runId);  // status, step, best loss or duration changed
    void stepReported(const tb::models::TrainStepReport& report);
    void resourceSampled(const QString& runId, const tb::models::ResourceSample& sample);
    void logLine(const QString& runId, const QString& line);
    void runEnded(const QString& runId, int status);
    void activeRunChanged(const QString& runId);  // empty when idle

private slots:
    void onStarted(const QString& runId);
    void onStep(const tb::models::TrainStepReport& report);
    void onPausedChanged(const QString& runId, bool paused);
    void onEnded(const tb::models::TrainOutcome& outcome);
    void sampleResources();

private:
    tb::train::RunEntry* findMutable(const QString& runId);
    void setStatus(tb::train::RunEntry& run, tb::train::RunStatus status, const QString& message = {});
    void startNext();

    QString m_runsDir;
    bool m_readOnly = false;
    bool m_scanned = false;  // the first scan (at startup) is done
    std::vector<tb::train::RunEntry> m_runs;
    QStringList m_problems;
    QStringList m_queue;
    QHash<QString, bool> m_resumeFlags;
    QString m_activeId;
    bool m_activePaused = false;
    std::shared_ptr<RunControl> m_control;
    QThread m_thread;
    TrainingWorker* m_worker = nullptr;
    QElapsedTimer m_activeClock;  // running time of the active run since the last (re)start or unpause
    double m_activeBase = 0.0;    // activeSeconds before m_activeClock started
    QElapsedTimer m_sessionClock;
    QTimer m_sampleTimer;
    tb::train::ProcessSampler m_sampler;
    std::unique_ptr<tb::train::GpuMonitor> m_gpu;
    QString m_gpuReason;
    QHash<QString, QVector<ResourceSample>> m_resources;
    RunRegistryTarget m_registry;
};

}  // namespace tb::models

Q_DECLARE_METATYPE(tb::models::ResourceSample)
