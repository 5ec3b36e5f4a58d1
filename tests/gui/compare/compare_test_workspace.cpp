#include "compare_test_workspace.h"

#include "core/data/dataset_version.h"
#include "core/model/model_loader.h"
#include "core/registry/registry.h"
#include "core/train/model_example_encoder.h"
#include "core/train/train_run.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

// Short TinyStories-like stories ending in "She/He felt" -> " happy." or " sad." (label happy / sad). The base
// model continues with whatever it likes; the adapter is taught to answer with the mood word. The full stop
// matters: this tiny model rarely learns to stop, and a label glued to the next token is no whole word.
const char* const kHappy[] = {"Lily got a new red ball", "Tom found a big cookie", "Sue saw her best friend",
                              "Ben won the race at the park", "Mia got a puppy for her birthday",
                              "The sun came out and Sam could play", "Anna made a pretty cake with mom",
                              "Max got a hug from his dad", "Tim found his lost toy car", "Lucy danced in the rain",
                              "Jack saw a rainbow in the sky", "Emma got a shiny new hat", "Sara played with the kitten",
                              "Leo flew his kite very high", "Zoe ate ice cream at the beach"};
const char* const kSad[] = {"Lily lost her red ball", "Tom dropped his cookie in the mud", "Sue could not find her friend",
                            "Ben fell down at the park", "Mia's puppy ran away", "The rain came and Sam could not play",
                            "Anna's cake fell on the floor", "Max broke his toy", "Tim lost his toy car in the river",
                            "Lucy's flower died", "Jack's kite got stuck in a tree", "Emma tore her new hat",
                            "Sara's kitten was sick", "Leo's boat sank in the pond", "Zoe spilled her ice cream"};

QString line(const QString& id, const char* story, bool happy) {
    const bool she = QString::fromLatin1(story).contains(QRegularExpression(QStringLiteral("^(Lily|Sue|Mia|Anna|Lucy|Emma|Sara|Zoe)")));
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("prompt"), QStringLiteral("%1. %2 felt").arg(QLatin1String(story), she ? "She" : "He")},
                  {QStringLiteral("completion"), happy ? QStringLiteral(" happy.") : QStringLiteral(" sad.")},
                  {QStringLiteral("label"), happy ? QStringLiteral("happy") : QStringLiteral("sad")}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + QLatin1Char('\n');
}

bool writeText(const QString& path, const QString& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    return f.write(text.toUtf8()) >= 0;
}

}  // namespace

CompareTestWorkspace makeCompareTestWorkspace(const QString& root) {
    CompareTestWorkspace t;
    auto ws = tb::Workspace::open(QDir(root).filePath(QStringLiteral("ws")).toStdString(), false);
    if (!ws) return t.error = QString::fromStdString(ws.message()), t;
    t.workspace = *ws;
    t.modelDir = QStringLiteral(TUNEBENCH_SHARED_DIR "/models/stories260K/hf");

    // 10 + 10 train, 1 + 1 validation, 4 + 4 test (the last stories of each mood).
    QString train, val, test;
    for (int i = 0; i < 15; ++i) {
        QString& target = i < 10 ? train : i < 11 ? val : test;
        if (i >= 11) ++t.testRecords, ++t.testRecords;
        target += line(QStringLiteral("h%1").arg(i), kHappy[i], true);
        target += line(QStringLiteral("s%1").arg(i), kSad[i], false);
    }
    const QString splitDir = QDir(root).filePath(QStringLiteral("split"));
    QDir().mkpath(splitDir);
    if (!writeText(splitDir + "/train.jsonl", train) || !writeText(splitDir + "/validation.jsonl", val) ||
        !writeText(splitDir + "/test.jsonl", test))
        return t.error = QStringLiteral("cannot write the split files"), t;
    auto version = tb::createDatasetVersion(t.workspace->datasetsDir(), splitDir.toStdString(),
                                            {"moods", "two moods as story endings", ""});
    if (!version) return t.error = QString::fromStdString(version.message()), t;
    t.versionId = QString::fromStdString(version->version);
    t.testFile = QString::fromStdString(version->dir + "/test.jsonl");

    // A real LoRA fine-tune of stories260K on the train split (seconds: the model has 260K parameters).
    QElapsedTimer timer;
    timer.start();
    auto model = tb::loadModel(t.modelDir.toStdString());
    if (!model) return t.error = QString::fromStdString(model.message()), t;
    auto encoder = tb::train::makeModelExampleEncoder(t.modelDir.toStdString(), model->weights.config.vocabSize, true);
    if (!encoder) return t.error = QString::fromStdString(encoder.message()), t;
    tb::train::TrainJobOptions job;
    job.modelPath = t.modelDir.toStdString();
    job.dataPath = version->dir + "/train.jsonl";
    job.outDir = t.workspace->runsDir() + "/moods-lora";
    job.config.method = tb::train::TrainMethod::Lora;
    job.config.lora.rank = 8;
    job.config.lora.alpha = 16.0f;
    job.config.lora.targets = {"q", "k", "v", "o", "gate", "up", "down"};
    job.config.epochs = 8;
    job.config.lr = 1e-2;
    job.config.batch.batchSize = 4;
    job.config.batch.maxSeqLen = 40;
    job.config.seed = 5;
    auto trained = tb::train::runTrainingJob(model->weights, *encoder, job);
    if (!trained) return t.error = QString::fromStdString(trained.message()), t;
    t.adapterDir = QString::fromStdString(trained->adapterDir);
    t.trainSeconds = timer.elapsed() / 1000.0;

    // Registered as "moods" v1, so the page can offer it as a version.
    auto registry = tb::Registry::open(t.workspace->registryPath());
    if (!registry) return t.error = QString::fromStdString(registry.message()), t;
    if (auto s = (*registry)->recordDatasetVersion("analyst", version->version, "moods", tb::datasetVersionToJson(*version)); !s)
        return t.error = QString::fromStdString(s.message()), t;
    tb::RunRecord run;
    run.id = "moods-lora";
    run.datasetVersionId = version->version;
    run.baseModel = job.modelPath;
    run.status = "finished";
    run.startedBy = "analyst";
    if (auto s = (*registry)->recordRun("analyst", run); !s) return t.error = QString::fromStdString(s.message()), t;
    tb::RegisterRequest request;
    request.group = "moods";
    request.runId = run.id;
    request.adapterPath = trained->adapterDir;
    auto registered = (*registry)->registerModel("analyst", request);
    if (!registered) return t.error = QString::fromStdString(registered.message()), t;
    return t;
}
