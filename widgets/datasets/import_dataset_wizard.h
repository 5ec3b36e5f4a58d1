// ImportDatasetWizard: choose a file -> detected format and editable mapping with a live preview -> quality
// report -> cleaning with before/after previews -> split -> name, describe and save an immutable dataset
// version in the workspace. Every long step runs through the JobManager (progress bar, Cancel). The core
// calls are the ones `data inspect/clean/split/version` make; the wizard only holds their settings.
#pragma once

#include "core/data/cleaner.h"
#include "core/data/dataset_import.h"
#include "core/data/dataset_version.h"
#include "core/data/quality_report.h"
#include "core/data/splitter.h"
#include "widgets/pages/page_context.h"

#include <QTemporaryDir>
#include <QWizard>

namespace tb::widgets {

// What the pages decide and produce, shared through the wizard. Intermediate files live in workDir (a
// temporary folder outside the workspace); in an encrypted workspace every one that holds record text (the
// rejected records, the cleaned file, the split files) is an encrypted blob written with the workspace key,
// so no record text reaches the disk in plaintext at any step.
struct ImportWizardState {
    QString file;
    QString tokenizerModel;            // model folder or .gguf whose tokenizer counts tokens; empty: estimate
    tb::TokenCounter tokenCounter;     // from that tokenizer (thread-safe), empty for the estimate
    tb::ImportOptions import;
    tb::DatasetDetection detection;
    tb::QualityReport quality;
    tb::CleanOptions clean;
    tb::CleanReport cleanReport;
    tb::SplitOptions split;
    tb::SplitResult splitResult;
    tb::DatasetVersion saved;
    QString workDir;
    // Each run writes fresh paths, so a cancelled run still finishing cannot write over the next one's files.
    QString nextPath(const QString& stem) { return workDir + QStringLiteral("/%1-%2").arg(stem).arg(++runCounter); }
    QString rejectedFile;  // every import rejection of the last quality run (file, line, reason)
    QString cleanedFile;   // the last finished cleaning output
    QString splitFolder;   // the last finished split
    int runCounter = 0;
};

class ImportDatasetWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { SourcePage, MappingPage, QualityPage, CleanPage, SplitPage, SavePage };

    ImportDatasetWizard(const PageContext& context, QWidget* parent = nullptr);
    const PageContext& context() const { return m_context; }
    ImportWizardState& state() { return m_state; }
    // Preselects a file (e.g. from a drop or a test) and shows the mapping page's input.
    void setFile(const QString& path);

signals:
    // A version was saved (or identical content was found already saved).
    void versionSaved(const QString& versionDir);

private:
    friend class ImportSavePage;
    PageContext m_context;
    ImportWizardState m_state;
    QTemporaryDir m_tmp;
};

}  // namespace tb::widgets
