// GUI event-loop stall while a run trains: the Runs page (scheduler, worker QThread, live dashboard with
// all charts) trains the demo base model on the demo tickets while a 10 ms QTimer on the GUI thread records
// how late each tick fires. Prints p50/p99/max lateness, steps and the dashboard's redraws. Goal: p99 < 50 ms.
// Usage: bench_gui_stall [--steps N] [--model DIR]   (without --model the demo base model is pre-trained
// once into a temporary workspace, ~20 s, before timing starts)
#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/data/dataset_import.h"
#include "core/data/dataset_version.h"
#include "core/data/splitter.h"
#include "core/demo/demo_base_model.h"
#include "core/train/run_index.h"
#include "core/workspace/workspace.h"
#include "models/job_manager.h"
#include "models/runs/run_scheduler.h"
#include "widgets/runs/metric_chart.h"
#include "widgets/runs/runs_page.h"
#include "widgets/runs/training_dashboard.h"

int main(int argc, char** argv) {
    if (!std::getenv("DISPLAY") && !std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QApplication app(argc, argv);
    int steps = 300;
    QString modelDir;
    for (int i = 1; i + 1 < argc; ++i) {
        if (QString::fromLatin1(argv[i]) == QLatin1String("--steps"))
            steps = std::atoi(argv[++i]);
        else if (QString::fromLatin1(argv[i]) == QLatin1String("--model"))
            modelDir = QString::fromLocal8Bit(argv[++i]);
    }
    QTemporaryDir tmp;
    auto ws = tb::Workspace::open(tmp.filePath(QStringLiteral("ws")).toStdString(), false);
    if (!ws) return std::fprintf(stderr, "%s\n", ws.message().c_str()), 2;
    const std::string resources = std::string(TUNEBENCH_SOURCE_DIR) + "/resources/demo";
    if (modelDir.isEmpty()) {
        std::printf("pre-training the demo base model...\n");
        std::fflush(stdout);
        auto base = tb::demo::ensureDemoBaseModel(resources, (*ws)->modelsDir() + "/demo-base");
        if (!base) return std::fprintf(stderr, "%s\n", base.message().c_str()), 2;
        modelDir = QString::fromStdString(base->folder);
    }
    tb::SplitOptions split;
    split.validation = 0.1, split.test = 0.2, split.seed = 7, split.stratify = true;
    const std::string splitDir = tmp.filePath(QStringLiteral("split")).toStdString();
    auto s = tb::splitFile(resources + "/support_tickets.jsonl", splitDir, tb::ImportOptions{}, split);
    if (!s) return std::fprintf(stderr, "%s\n", s.message().c_str()), 2;
    auto version = tb::createDatasetVersion((*ws)->datasetsDir(), splitDir, {"support-tickets", "bench", ""});
    if (!version) return std::fprintf(stderr, "%s\n", version.message().c_str()), 2;

    // The demo recipe (LoRA r=16 on all projections, batch 16 x 128), validation every 25 steps.
    tb::train::RunRequest req;
    req.modelPath = modelDir.toStdString();
    req.datasetName = "support-tickets";
    req.datasetVersion = version->version;
    req.trainPath = version->dir + "/train.jsonl";
    req.valPath = version->dir + "/validation.jsonl";
    req.task = "classification";
    req.config.lora.rank = 16;
    req.config.lora.alpha = 32;
    req.config.lora.targets = {"q", "k", "v", "o", "gate", "up", "down"};
    req.config.lr = 4e-3;
    req.config.epochs = 100;
    req.config.maxSteps = steps;
    req.config.batch.batchSize = 16;
    req.config.batch.maxSeqLen = 128;
    req.config.evalEvery = 25;
    req.config.checkpointEvery = 50;
    const std::string runDir = (*ws)->runsDir() + "/bench";
    if (!tb::train::writeRunRequest(runDir, req) || !tb::train::writeRunState(runDir, {}))
        return std::fprintf(stderr, "cannot write the run folder\n"), 2;

    tb::models::JobManager jobs(1);
    tb::widgets::RunsPage page({*ws, &jobs, QStringLiteral("bench")});
    page.resize(1400, 900);
    page.show();

    std::vector<double> lateness;
    lateness.reserve(100000);
    QElapsedTimer clock;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(10);
    qint64 last = -1;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last >= 0) lateness.push_back(std::max(0.0, double(now - last) / 1e6 - 10.0));
        last = now;
    });
    int status = -1;
    QObject::connect(page.scheduler(), &tb::models::RunScheduler::runEnded, &app, [&](const QString&, int st) {
        status = st;
        app.quit();
    });
    clock.start();
    tick.start();
    QElapsedTimer wall;
    wall.start();
    page.activate({{QStringLiteral("run"), QStringLiteral("bench")}, {QStringLiteral("start"), true}});
    app.exec();
    tick.stop();
    const double seconds = wall.elapsed() / 1000.0;
    const auto* run = page.scheduler()->find(QStringLiteral("bench"));
    if (status != int(tb::train::RunStatus::Finished) || lateness.empty()) {
        std::fprintf(stderr, "the run did not finish: %s\n", run ? run->state.message.c_str() : "?");
        return 1;
    }
    std::sort(lateness.begin(), lateness.end());
    auto pct = [&](double p) { return lateness[std::min(lateness.size() - 1, size_t(p * double(lateness.size())))]; };
    std::printf("trained %lld steps in %.1f s (%.1f steps/s) with the dashboard live (%d loss-chart redraws)\n",
                (long long)run->state.step, seconds, double(run->state.step) / seconds,
                page.dashboard()->lossChart()->redrawCount());
    std::printf(
        "GUI timer lateness over %zu ticks of 10 ms: p50 %.2f ms, p99 %.2f ms, max %.2f ms (goal p99 < 50 ms)\n",
        lateness.size(), pct(0.50), pct(0.99), lateness.back());
    return 0;
}
