#include "widgets/finetune/wizard_advanced_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>
#include <climits>
#include <cmath>

#include "core/train/lora_init.h"
#include "widgets/finetune/finetune_wizard.h"

namespace tb::widgets {

using tb::train::TrainConfig;

WizardAdvancedPage::WizardAdvancedPage(FinetuneWizard* wizard) : QWizardPage(wizard), m_wizard(wizard) {
    setTitle(tr("Settings"));
    setSubTitle(tr("Every trainer setting, filled from the preset. Hover over a field to see what it does."));
    auto* outer = new QVBoxLayout(this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto* body = new QWidget(scroll);
    auto* form = new QFormLayout(body);
    scroll->setWidget(body);
    outer->addWidget(scroll, 1);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("advancedError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b02020;"));
    outer->addWidget(m_error);
    auto add = [&](const QString& label, QWidget* w) {
        w->setParent(body);
        form->addRow(label, w);
    };

    m_method = new QComboBox;
    m_method->setObjectName(QStringLiteral("method"));
    m_method->addItem(tr("LoRA adapter"), QStringLiteral("lora"));
    m_method->addItem(tr("Full fine-tuning"), QStringLiteral("full"));
    m_method->setToolTip(
        tr("LoRA trains a small adapter beside frozen weights (little memory, a small file). "
           "Full fine-tuning changes every weight: far more memory, only for small models."));
    add(tr("Method:"), m_method);
    add(tr("LoRA rank:"),
        m_rank = spin(
            "loraRank", 1, 1024,
            tr("Width of the adapter's low-rank update. Higher learns more and costs more memory; 8-16 is typical.")));
    add(tr("LoRA alpha:"),
        m_alpha = dspin("loraAlpha", 0.01, 4096, 2,
                        tr("Scale of the adapter's update (alpha / rank). Usually twice the rank.")));
    add(tr("LoRA dropout:"),
        m_dropout =
            dspin("loraDropout", 0, 0.9, 3,
                  tr("Fraction of the adapter's inputs zeroed while training; helps against overfitting small data.")));
    m_rsLora = new QCheckBox(tr("rank-stabilised scaling (alpha / √rank)"));
    m_rsLora->setObjectName(QStringLiteral("rsLora"));
    m_rsLora->setToolTip(tr("rsLoRA keeps the update's size stable at high ranks."));
    add(QString(), m_rsLora);
    m_targets = new QLineEdit;
    m_targets->setObjectName(QStringLiteral("loraTargets"));
    m_targets->setToolTip(
        tr("Which projections get an adapter: q, k, v, o (attention), gate, up, down (MLP), "
           "comma-separated, or 'all'. More targets learn more."));
    add(tr("Target modules:"), m_targets);
    m_compute = new QComboBox;
    m_compute->setObjectName(QStringLiteral("computePrecision"));
    m_compute->addItem(tr("F32 (exact)"), QStringLiteral("f32"));
    m_compute->addItem(tr("BF16 (about twice as fast)"), QStringLiteral("bf16"));
    m_compute->setToolTip(
        tr("Arithmetic for the frozen base model in LoRA training. BF16 rounds the base weights and what they "
           "multiply to 16-bit floats (as bf16 mixed precision does) and runs about twice as fast on CPUs with "
           "AVX512-BF16; the adapter and optimizer stay 32-bit. Full fine-tuning always uses F32."));
    add(tr("Base arithmetic:"), m_compute);
    add(tr("Epochs:"), m_epochs = spin("epochs", 1, 1000, tr("Passes over the training split.")));
    add(tr("Max steps:"),
        m_maxSteps =
            spin("maxSteps", 0, INT_MAX, tr("Stop after this many optimizer steps even if epochs remain; 0: no cap.")));
    m_lr = new QLineEdit;
    m_lr->setObjectName(QStringLiteral("learningRate"));
    m_lr->setToolTip(
        tr("Peak learning rate, e.g. 2e-4. Too high diverges (the loss becomes NaN); too low "
           "learns nothing."));
    add(tr("Learning rate:"), m_lr);
    m_schedule = new QComboBox;
    m_schedule->setObjectName(QStringLiteral("lrSchedule"));
    for (const char* k : {"constant", "linear", "cosine"})
        m_schedule->addItem(QString::fromLatin1(k), QString::fromLatin1(k));
    m_schedule->setToolTip(
        tr("How the learning rate falls after warm-up: constant, linear to the floor, or "
           "along a cosine."));
    add(tr("Schedule:"), m_schedule);
    add(tr("Warm-up steps:"),
        m_warmup =
            spin("warmupSteps", 0, INT_MAX,
                 tr("Steps over which the learning rate rises from 0 to its peak; steadies the first updates.")));
    add(tr("Learning-rate floor:"),
        m_lrMin = dspin("lrMinRatio", 0, 1, 3, tr("Lowest learning rate of the decay, as a fraction of the peak.")));
    add(tr("Adam β1:"), m_beta1 = dspin("adamBeta1", 0, 0.9999, 4,
                                        tr("Momentum of AdamW's first moment (gradient average). 0.9 is standard.")));
    add(tr("Adam β2:"), m_beta2 = dspin("adamBeta2", 0, 0.9999, 4,
                                        tr("Momentum of AdamW's second moment (gradient scale). 0.999 is standard.")));
    m_eps = new QLineEdit;
    m_eps->setObjectName(QStringLiteral("adamEps"));
    m_eps->setToolTip(tr("AdamW's epsilon: keeps the update finite when gradients are tiny. 1e-8 is standard."));
    add(tr("Adam ε:"), m_eps);
    add(tr("Weight decay:"),
        m_weightDecay =
            dspin("weightDecay", 0, 1, 4,
                  tr("Pulls trained weights toward zero each step (not norms or biases); mild regularisation.")));
    add(tr("Gradient clipping:"),
        m_clip = dspin("maxGradNorm", 0, 1000, 2,
                       tr("Largest gradient norm; larger gradients are scaled down. 0: no clipping.")));
    add(tr("Batch size:"), m_batch = spin("batchSize", 1, 4096,
                                          tr("Examples per micro-batch. Memory grows with batch × sequence length.")));
    add(tr("Gradient accumulation:"),
        m_accum = spin("gradAccum", 1, 4096,
                       tr("Micro-batches summed per optimizer step: a larger effective batch without more memory.")));
    add(tr("Max sequence length:"),
        m_seqLen = spin("maxSeqLen", 2, 1 << 20,
                        tr("Tokens per example; longer examples are truncated (and counted on the review page).")));
    m_packing = new QCheckBox(tr("pack several examples per row"));
    m_packing->setObjectName(QStringLiteral("packing"));
    m_packing->setToolTip(
        tr("Fills rows with several short examples (attention stays inside each): less "
           "padding, faster on short texts."));
    add(QString(), m_packing);
    m_groupByLength = new QCheckBox(tr("group examples of similar length"));
    m_groupByLength->setObjectName(QStringLiteral("groupByLength"));
    m_groupByLength->setToolTip(
        tr("Batches examples of similar length together: less padding, same result on "
           "average."));
    add(QString(), m_groupByLength);
    add(tr("Seed:"),
        m_seed =
            spin("seed", 0, INT_MAX,
                 tr("Seeds the adapter's initialisation, the data order and dropout: the same seed repeats the run.")));
    add(tr("Validate every:"), m_evalEvery = spin("evalEvery", 0, INT_MAX,
                                                  tr("Steps between validation passes; 0: at the end of each epoch.")));
    add(tr("Early-stop patience:"), m_patience = spin("earlyStopPatience", 0, 1000,
                                                      tr("Stop after this many validations without improvement; 0: "
                                                         "never stop early. Needs a validation split.")));
    add(tr("Early-stop min. improvement:"),
        m_minDelta = dspin("earlyStopMinDelta", 0, 10, 4,
                           tr("How much lower the validation loss must be to count as an improvement.")));
    add(tr("Checkpoint every:"),
        m_ckptEvery = spin("checkpointEvery", 0, INT_MAX,
                           tr("Steps between checkpoints (for resume); 0: at the end of each epoch.")));
    add(tr("Checkpoints kept:"),
        m_keepCkpts = spin("keepCheckpoints", 1, 1000,
                           tr("Older checkpoints beyond this many are deleted (the best one is always kept).")));
    add(tr("Log every:"),
        m_logEvery = spin("logEvery", 1, INT_MAX,
                          tr("Steps between lines in metrics.jsonl (the dashboard's history after a restart).")));
    m_lossOn = new QComboBox;
    m_lossOn->setObjectName(QStringLiteral("lossOn"));
    m_lossOn->addItem(tr("completion / assistant tokens"), QStringLiteral("completion"));
    m_lossOn->addItem(tr("the whole text"), QStringLiteral("all"));
    m_lossOn->setToolTip(
        tr("Which tokens the model is trained to predict: only the answer (usual for "
           "instructions and labels) or the whole text (free generation)."));
    add(tr("Loss on:"), m_lossOn);
    m_chatTemplate = new QCheckBox(tr("render examples with the model's chat template"));
    m_chatTemplate->setObjectName(QStringLiteral("useChatTemplate"));
    m_chatTemplate->setToolTip(
        tr("Train in exactly the format the model is served with. Without it: prompt + "
           "completion + end-of-text."));
    add(QString(), m_chatTemplate);

    for (QSpinBox* s : body->findChildren<QSpinBox*>())
        connect(s, &QSpinBox::valueChanged, this, &WizardAdvancedPage::recheck);
    for (QDoubleSpinBox* s : body->findChildren<QDoubleSpinBox*>())
        connect(s, &QDoubleSpinBox::valueChanged, this, &WizardAdvancedPage::recheck);
    for (QLineEdit* e : body->findChildren<QLineEdit*>())
        if (!qobject_cast<QAbstractSpinBox*>(e->parent()))
            connect(e, &QLineEdit::textChanged, this, &WizardAdvancedPage::recheck);
    for (QComboBox* c : {m_method, m_schedule, m_lossOn, m_compute})
        connect(c, &QComboBox::currentIndexChanged, this, &WizardAdvancedPage::recheck);
    for (QCheckBox* c : {m_rsLora, m_packing, m_groupByLength, m_chatTemplate})
        connect(c, &QCheckBox::toggled, this, &WizardAdvancedPage::recheck);
}

QSpinBox* WizardAdvancedPage::spin(const char* name, int min, int max, const QString& tip) {
    auto* s = new QSpinBox;
    s->setObjectName(QString::fromLatin1(name));
    s->setRange(min, max);
    s->setToolTip(tip);
    s->setAccelerated(true);
    return s;
}

QDoubleSpinBox* WizardAdvancedPage::dspin(const char* name, double min, double max, int decimals, const QString& tip) {
    auto* s = new QDoubleSpinBox;
    s->setObjectName(QString::fromLatin1(name));
    s->setDecimals(decimals);
    s->setRange(min, max);
    s->setSingleStep(std::pow(10.0, -std::min(decimals, 2)));
    s->setToolTip(tip);
    return s;
}

void WizardAdvancedPage::initializePage() {
    load();
}

void WizardAdvancedPage::load() {
    m_loading = true;
    const WizardState& s = m_wizard->state();
    const TrainConfig& c = s.request.config;
    m_method->setCurrentIndex(c.method == tb::train::TrainMethod::Lora ? 0 : 1);
    m_rank->setValue(c.lora.rank);
    m_alpha->setValue(c.lora.alpha);
    m_dropout->setValue(c.lora.dropout);
    m_rsLora->setChecked(c.lora.rsLora);
    m_compute->setCurrentIndex(c.compute == tb::train::ComputePrecision::BF16 ? 1 : 0);
    QStringList targets;
    for (const auto& t : c.lora.targets) targets << QString::fromStdString(t);
    m_targets->setText(targets.join(QLatin1Char(',')));
    m_epochs->setValue(c.epochs);
    m_maxSteps->setValue(int(std::min<int64_t>(c.maxSteps, INT_MAX)));
    m_lr->setText(QString::number(c.lr, 'g', 4));
    m_schedule->setCurrentIndex(
        m_schedule->findData(QString::fromStdString(tb::train::lrScheduleKindName(c.schedule))));
    m_warmup->setValue(int(c.warmupSteps));
    m_lrMin->setValue(c.lrMinRatio);
    m_beta1->setValue(c.adam.beta1);
    m_beta2->setValue(c.adam.beta2);
    m_eps->setText(QString::number(c.adam.eps, 'g', 3));
    m_weightDecay->setValue(c.adam.weightDecay);
    m_clip->setValue(c.maxGradNorm);
    m_batch->setValue(c.batch.batchSize);
    m_accum->setValue(c.gradAccum);
    m_seqLen->setMaximum(s.model ? std::max(2, s.model->config.maxPositions) : (1 << 20));
    m_seqLen->setValue(c.batch.maxSeqLen);
    m_packing->setChecked(c.batch.packing);
    m_groupByLength->setChecked(c.batch.groupByLength);
    m_seed->setValue(int(std::min<uint64_t>(c.seed, INT_MAX)));
    m_evalEvery->setValue(int(c.evalEvery));
    m_patience->setValue(c.earlyStopPatience);
    m_minDelta->setValue(c.earlyStopMinDelta);
    m_ckptEvery->setValue(int(c.checkpointEvery));
    m_keepCkpts->setValue(c.keepCheckpoints);
    m_logEvery->setValue(int(std::max<int64_t>(c.logEvery, 1)));
    m_lossOn->setCurrentIndex(s.request.lossOn == tb::train::LossOn::All ? 1 : 0);
    m_chatTemplate->setEnabled(s.modelHasChatTemplate);
    m_chatTemplate->setChecked(s.modelHasChatTemplate && s.request.useChatTemplate);
    m_chatTemplate->setToolTip(s.modelHasChatTemplate ? m_chatTemplate->toolTip()
                                                      : tr("This model has no chat template."));
    m_loading = false;
    recheck();
}

void WizardAdvancedPage::recheck() {
    if (m_loading) return;
    const bool lora = m_method->currentData().toString() == QLatin1String("lora");
    for (QWidget* w : std::initializer_list<QWidget*>{m_rank, m_alpha, m_dropout, m_rsLora, m_targets, m_compute})
        w->setEnabled(lora);
    const WizardState& s = m_wizard->state();
    QString problem;
    bool lrOk = false, epsOk = false;
    const double lr = m_lr->text().trimmed().toDouble(&lrOk);
    const double eps = m_eps->text().trimmed().toDouble(&epsOk);
    if (!lrOk || !std::isfinite(lr) || !(lr > 0.0) || lr > 1.0)
        problem = tr("Learning rate: enter a number above 0 and at most 1, e.g. 2e-4.");
    else if (!epsOk || !(eps > 0.0) || eps > 1.0)
        problem = tr("Adam ε: enter a small positive number, e.g. 1e-8.");
    else if (lora) {
        auto targets = tb::train::parseTargets(m_targets->text().trimmed().toStdString());
        if (!targets) {
            problem = tr("Target modules: %1").arg(QString::fromStdString(targets.message()));
        } else if (s.model) {
            tb::train::LoraSettings l;
            l.rank = m_rank->value();
            l.alpha = float(m_alpha->value());
            l.dropout = float(m_dropout->value());
            l.targets = *targets;
            if (auto st = tb::train::validateLoraSettings(s.model->config, l); !st)
                problem = QString::fromStdString(st.message());
        }
    }
    if (problem.isEmpty() && m_patience->value() > 0 && s.valPath.isEmpty())
        problem = tr("Early stopping needs a validation split: set patience to 0 or go back and use one.");
    if (problem.isEmpty() && m_method->currentData().toString() == QLatin1String("full") && s.model &&
        s.model->parameterCount > 2'000'000'000LL)
        problem = tr("Full fine-tuning of %1 parameters needs far more memory than this workbench supports; use LoRA.")
                      .arg(s.model->parameterCount);
    m_problem = problem;
    m_error->setText(problem);
    emit completeChanged();
}

QString WizardAdvancedPage::problem() const {
    return m_problem;
}

bool WizardAdvancedPage::isComplete() const {
    return m_problem.isEmpty();
}

bool WizardAdvancedPage::validatePage() {
    recheck();
    if (!m_problem.isEmpty()) return false;
    store();
    return true;
}

void WizardAdvancedPage::store() {
    WizardState& s = m_wizard->state();
    TrainConfig& c = s.request.config;
    c.method = m_method->currentData().toString() == QLatin1String("lora") ? tb::train::TrainMethod::Lora
                                                                           : tb::train::TrainMethod::Full;
    c.lora.rank = m_rank->value();
    c.lora.alpha = float(m_alpha->value());
    c.lora.dropout = float(m_dropout->value());
    c.lora.rsLora = m_rsLora->isChecked();
    // BF16 applies to a frozen base only: full fine-tuning stores F32 whatever the (disabled) combo shows.
    c.compute = c.method == tb::train::TrainMethod::Lora && m_compute->currentData().toString() == QLatin1String("bf16")
                    ? tb::train::ComputePrecision::BF16
                    : tb::train::ComputePrecision::F32;
    if (auto t = tb::train::parseTargets(m_targets->text().trimmed().toStdString())) c.lora.targets = *t;
    c.epochs = m_epochs->value();
    c.maxSteps = m_maxSteps->value();
    c.lr = m_lr->text().trimmed().toDouble();
    if (auto k = tb::train::parseLrScheduleKind(m_schedule->currentData().toString().toStdString())) c.schedule = *k;
    c.warmupSteps = m_warmup->value();
    c.lrMinRatio = m_lrMin->value();
    c.adam.beta1 = float(m_beta1->value());
    c.adam.beta2 = float(m_beta2->value());
    c.adam.eps = float(m_eps->text().trimmed().toDouble());
    c.adam.weightDecay = float(m_weightDecay->value());
    c.maxGradNorm = m_clip->value();
    c.batch.batchSize = m_batch->value();
    c.gradAccum = m_accum->value();
    c.batch.maxSeqLen = m_seqLen->value();
    c.batch.packing = m_packing->isChecked();
    c.batch.groupByLength = m_groupByLength->isChecked();
    c.seed = uint64_t(m_seed->value());
    c.evalEvery = m_evalEvery->value();
    c.earlyStopPatience = m_patience->value();
    c.earlyStopMinDelta = m_minDelta->value();
    c.checkpointEvery = m_ckptEvery->value();
    c.keepCheckpoints = m_keepCkpts->value();
    c.logEvery = m_logEvery->value();
    s.request.lossOn = m_lossOn->currentData().toString() == QLatin1String("all") ? tb::train::LossOn::All
                                                                                  : tb::train::LossOn::Completion;
    s.request.useChatTemplate = m_chatTemplate->isChecked();
}

}  // namespace tb::widgets
