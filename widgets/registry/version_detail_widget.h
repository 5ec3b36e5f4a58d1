// VersionDetailWidget: the detail of one model version — its lineage graph, evaluation summary, gate
// result, approval state and comments, plus a field to add a comment. Presentation only: the page reads
// the registry and hands the data in; adding a comment is a signal the page acts on.
#pragma once

#include "core/registry/registry_lineage.h"

#include <QWidget>

#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace tb::widgets {

class LineageGraphView;

class VersionDetailWidget : public QWidget {
    Q_OBJECT
public:
    explicit VersionDetailWidget(QWidget* parent = nullptr);

    void showVersion(const tb::ModelLineage& lineage, const std::vector<tb::CommentRecord>& comments);
    void showMessage(const QString& message);  // nothing selected, or why it could not be read
    void setCommentingAllowed(bool allowed, const QString& reason);

    qint64 versionId() const { return m_versionId; }
    LineageGraphView* lineageView() const { return m_lineage; }
    QString evaluationText() const;
    QString gateText() const;
    QString commentsText() const;

signals:
    void commentRequested(qint64 versionId, const QString& body);

private:
    void updateCommentButton();

    qint64 m_versionId = 0;
    bool m_commentAllowed = true;
    QString m_commentBlocker;
    QLabel* m_header = nullptr;
    LineageGraphView* m_lineage = nullptr;
    QLabel* m_evaluation = nullptr;
    QLabel* m_gate = nullptr;
    QTextBrowser* m_comments = nullptr;
    QLineEdit* m_commentEdit = nullptr;
    QPushButton* m_commentButton = nullptr;
};

}  // namespace tb::widgets
