// ApiKeyTableModel: a thin Qt table over the endpoint's API keys as ApiKeyStore lists them — public id,
// name, creation time, state and the start of the stored hash. Secrets never reach this model (the
// store keeps only hashes); creating and revoking is the page's job.
#pragma once

#include "core/serve/api_keys.h"

#include <QAbstractTableModel>

#include <vector>

namespace tb::models {

class ApiKeyTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, NameColumn, CreatedColumn, StateColumn, HashColumn, ColumnCount };
    enum Role { KeyIdRole = Qt::UserRole + 1, RevokedRole };

    explicit ApiKeyTableModel(QObject* parent = nullptr);

    void setKeys(std::vector<tb::ApiKeyInfo> keys);
    const std::vector<tb::ApiKeyInfo>& keys() const { return m_keys; }
    int rowOfId(const QString& id) const;
    int liveCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<tb::ApiKeyInfo> m_keys;
};

}  // namespace tb::models
