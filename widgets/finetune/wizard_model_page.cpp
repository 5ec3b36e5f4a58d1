#include "widgets/finetune/wizard_model_page.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <memory>

#include "core/train/model_example_encoder.h"
#include "widgets/finetune/finetune_wizard.h"

namespace tb::widgets {

namespace {
struct Inspection {
    tb::ModelInfo info;
    bool hasTemplate = false;
};
}  // namespace

WizardModelPage::WizardModelPage(FinetuneWizard* wizard) : QWizardPage(wizard), m_wizard(wizard) {
    setTitle(tr("Base model"));
    setSubTitle(
        tr("The Llama-family model to adapt: a Hugging Face folder (config.json, *.safetensors, "
           "tokenizer.json) or a .gguf file. Its weights are never changed."));
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("modelPath"));
    m_path->setPlaceholderText(tr("Path to a model folder or .gguf file"));
    m_path->setClearButtonEnabled(true);
    auto* file = new QPushButton(tr("File…"), this);
    file->setObjectName(QStringLiteral("chooseModelFile"));
    file->setToolTip(tr("Choose a .gguf model file."));
    auto* folder = new QPushButton(tr("Folder…"), this);
    folder->setObjectName(QStringLiteral("chooseModelFolder"));
    folder->setToolTip(tr("Choose a Hugging Face model folder."));
    row->addWidget(m_path, 1);
    row->addWidget(file);
    row->addWidget(folder);
    layout->addLayout(row);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("modelError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b02020;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_error);
    m_facts = new QLabel(this);
    m_facts->setObjectName(QStringLiteral("modelFacts"));
    m_facts->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_facts, 1);

    const QString modelsDir =
        wizard->context().workspace ? QString::fromStdString(wizard->context().workspace->modelsDir()) : QString();
    connect(file, &QPushButton::clicked, this, [this, modelsDir] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Choose a GGUF model"), modelsDir,
                                                       tr("GGUF models (*.gguf);;All files (*)"));
        if (!f.isEmpty()) setModelPath(f);
    });
    connect(folder, &QPushButton::clicked, this, [this, modelsDir] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Choose a Hugging Face model folder"), modelsDir);
        if (!d.isEmpty()) setModelPath(d);
    });
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &WizardModelPage::inspect);
    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_usable = false;
        m_wizard->state().model.reset();
        m_facts->clear();
        m_error->setText(m_path->text().trimmed().isEmpty() ? QString() : tr("Checking…"));
        emit completeChanged();
        m_debounce.start();
    });
}

void WizardModelPage::setModelPath(const QString& path) {
    m_path->setText(path);
    m_debounce.stop();
    inspect();
}

QString WizardModelPage::error() const {
    return m_error->text();
}

bool WizardModelPage::isComplete() const {
    return m_usable;
}

void WizardModelPage::inspect() {
    const QString path = m_path->text().trimmed();
    const int generation = ++m_generation;
    if (path.isEmpty()) {
        m_error->setText(tr("Choose a base model to continue."));
        return;
    }
    if (!QFileInfo::exists(path)) {
        m_error->setText(tr("%1 does not exist.").arg(path));
        return;
    }
    auto result = std::make_shared<Inspection>();
    const std::string p = path.toStdString();
    m_wizard->runJob(
        tr("Inspecting model %1").arg(QFileInfo(path).fileName()),
        [result, p](const tb::ProgressCallback&) -> tb::Status {
            auto info = tb::inspectModel(p);
            if (!info) return info.error();
            // The trainer needs the model's own tokenizer; refuse now rather than at Start.
            tb::train::ModelEncoderInfo enc;
            auto encoder = tb::train::makeModelExampleEncoder(p, info->config.vocabSize, true, &enc);
            if (!encoder) return encoder.error();
            result->info = std::move(*info);
            result->hasTemplate = enc.hasChatTemplate;
            return tb::Status::success();
        },
        [this, generation, result, path](const QString& error) {
            if (generation != m_generation) return;  // the path changed meanwhile
            if (!error.isEmpty()) {
                m_error->setText(tr("This model cannot be used: %1").arg(error));
                m_usable = false;
            } else {
                WizardState& s = m_wizard->state();
                s.modelPath = path;
                s.model = result->info;
                s.modelHasChatTemplate = result->hasTemplate;
                m_facts->setText(QString::fromStdString(result->info.toText()));
                m_error->clear();
                m_usable = true;
            }
            emit completeChanged();
        });
}

}  // namespace tb::widgets
