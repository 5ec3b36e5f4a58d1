#include "widgets/finetune/wizard_task_page.h"

#include <QButtonGroup>
#include <QLabel>
#include <QProgressBar>
#include <QRadioButton>
#include <QVBoxLayout>
#include <memory>

#include "core/train/model_example_encoder.h"
#include "core/train/train_preset.h"
#include "widgets/finetune/finetune_wizard.h"

namespace tb::widgets {

using tb::train::TaskPreset;

WizardTaskPage::WizardTaskPage(FinetuneWizard* wizard) : QWizardPage(wizard), m_wizard(wizard) {
    setTitle(tr("Task"));
    setSubTitle(
        tr("What should the tuned model do? The preset fills starting settings from your data; you can "
           "change every one on the next page."));
    auto* layout = new QVBoxLayout(this);
    m_group = new QButtonGroup(this);
    struct Choice {
        TaskPreset preset;
        const char* name;
        QString text, tip;
    };
    const Choice choices[] = {
        {TaskPreset::Classification, "presetClassification", tr("Classification"),
         tr("Answer with one label from a fixed set (ticket category, sentiment). Low rank, the sequence covers "
            "the longest example so no label is cut off.")},
        {TaskPreset::Json, "presetJson", tr("Structured output (JSON)"),
         tr("Fill a fixed schema. Medium rank; the sequence covers the longest example so no object is cut.")},
        {TaskPreset::Style, "presetStyle", tr("Style and tone"),
         tr("Answer in house style. Higher rank; the sequence covers 95% of the examples.")},
        {TaskPreset::Generation, "presetGeneration", tr("Free generation"),
         tr("Continue or write text. Loss on the whole text, packing on, sequence covers 95% of the examples.")},
    };
    for (const Choice& c : choices) {
        auto* b = new QRadioButton(c.text, this);
        b->setObjectName(QString::fromLatin1(c.name));
        b->setToolTip(c.tip);
        m_group->addButton(b, int(c.preset));
        layout->addWidget(b);
    }
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("analysisProgress"));
    m_busy->setRange(0, 0);
    m_busy->setFormat(tr("Reading the splits with the model's tokenizer…"));
    m_busy->setTextVisible(true);
    m_busy->hide();
    layout->addWidget(m_busy);
    m_facts = new QLabel(this);
    m_facts->setObjectName(QStringLiteral("dataFacts"));
    m_facts->setWordWrap(true);
    layout->addWidget(m_facts);
    m_rationale = new QLabel(this);
    m_rationale->setObjectName(QStringLiteral("presetRationale"));
    m_rationale->setWordWrap(true);
    layout->addWidget(m_rationale);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("taskError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b02020;"));
    layout->addWidget(m_error);
    layout->addStretch(1);
    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) {
        m_wizard->state().preset = TaskPreset(id);
        applyPreset();
    });
}

void WizardTaskPage::initializePage() {
    const WizardState& s = m_wizard->state();
    const QString key =
        s.modelPath + QLatin1Char('|') + s.trainPath + QLatin1Char('|') + s.valPath + QLatin1Char('|') + s.testPath;
    const std::shared_ptr<const tb::WorkspaceKey> workspaceKey = m_wizard->context().key;
    if (s.facts && s.factsKey == key) return;  // coming back: keep the user's preset
    analyse();
}

void WizardTaskPage::setPreset(TaskPreset preset) {
    if (auto* b = m_group->button(int(preset))) b->setChecked(true);
    m_wizard->state().preset = preset;
    applyPreset();
}

bool WizardTaskPage::isComplete() const {
    return !m_analysing && m_wizard->state().facts.has_value();
}

void WizardTaskPage::analyse() {
    WizardState& s = m_wizard->state();
    s.facts.reset();
    const int generation = ++m_generation;
    m_analysing = true;
    m_busy->show();
    m_facts->clear();
    m_rationale->clear();
    m_error->clear();
    emit completeChanged();
    auto facts = std::make_shared<tb::train::TrainDataFacts>();
    const std::string model = s.modelPath.toStdString(), train = s.trainPath.toStdString(),
                      val = s.valPath.toStdString(), test = s.testPath.toStdString();
    const int vocab = s.model ? s.model->config.vocabSize : 0;
    const QString key =
        s.modelPath + QLatin1Char('|') + s.trainPath + QLatin1Char('|') + s.valPath + QLatin1Char('|') + s.testPath;
    const std::shared_ptr<const tb::WorkspaceKey> workspaceKey = m_wizard->context().key;
    m_wizard->runJob(
        tr("Reading the training data"),
        [=](const tb::ProgressCallback&) -> tb::Status {
            auto encoder = tb::train::makeModelExampleEncoder(model, vocab, true);
            if (!encoder) return encoder.error();
            // Whole-sequence loss so no record is dropped from the length statistics.
            auto f = tb::train::analyzeTrainingData(*encoder, train, val, test, tb::train::LossOn::All, workspaceKey.get());
            if (!f) return f.error();
            *facts = std::move(*f);
            return tb::Status::success();
        },
        [this, generation, facts, key](const QString& error) {
            if (generation != m_generation) return;
            m_analysing = false;
            m_busy->hide();
            if (!error.isEmpty()) {
                m_error->setText(tr("The data cannot be read with this model: %1").arg(error));
            } else {
                WizardState& st = m_wizard->state();
                st.facts = *facts;
                st.factsKey = key;
                // Label-like completions in most records: a classification task.
                int64_t labelled = 0;
                for (const auto& [label, n] : facts->labels) labelled += n;
                const bool labels =
                    !facts->labels.empty() && facts->labels.size() <= 100 && labelled * 10 >= facts->trainRecords * 9;
                showFacts();
                setPreset(labels ? TaskPreset::Classification : TaskPreset::Generation);
            }
            emit completeChanged();
        });
}

void WizardTaskPage::showFacts() {
    const auto& f = *m_wizard->state().facts;
    QString text = tr("%1 training records (%2 usable), %3 validation, %4 test. Longest example %5 tokens, 95% "
                      "within %6.")
                       .arg(f.trainRecords)
                       .arg(qlonglong(f.trainLengths.size()))
                       .arg(f.valRecords)
                       .arg(f.testRecords)
                       .arg(f.maxLength)
                       .arg(f.p95Length);
    if (!f.labels.empty() && f.labels.size() <= 12) {
        QStringList parts;
        for (const auto& [label, n] : f.labels)
            parts << QStringLiteral("%1 %2").arg(QString::fromStdString(label)).arg(n);
        text += QLatin1Char('\n') + tr("Labels: %1").arg(parts.join(QStringLiteral(", ")));
    } else if (!f.labels.empty()) {
        text += QLatin1Char('\n') + tr("%1 distinct short answers.").arg(qlonglong(f.labels.size()));
    }
    m_facts->setText(text);
}

void WizardTaskPage::applyPreset() {
    WizardState& s = m_wizard->state();
    if (!s.facts) return;
    const long long params = s.model ? s.model->parameterCount : 0;
    const int context = s.model ? s.model->config.maxPositions : 2048;
    tb::train::PresetDefaults d = tb::train::presetDefaults(s.preset, *s.facts, params, context);
    s.request.config = d.config;
    s.request.lossOn = d.lossOn;
    s.request.useChatTemplate = true;
    s.request.task = tb::train::taskPresetName(s.preset);
    s.presetRationale = QString::fromStdString(d.rationale);
    m_rationale->setText(s.presetRationale);
}

}  // namespace tb::widgets
