#pragma once

#include "handshakeparser.h"

#include <QAbstractTableModel>
#include <QJsonObject>

namespace wsscope {

class EventLog;

// The headers of one handshake message, in wire order with duplicates kept (order and repeats
// matter when diagnosing proxies and extension negotiation).
class HeaderModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, ColumnCount };
    Q_ENUM(Column)

    explicit HeaderModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setHeaders(const HeaderList &headers);
    // From the details of a Handshake event: "headers" as [[name, value], ...] (the session
    // format) or as [{"name": ..., "value": ...}, ...].
    void setDetails(const QJsonObject &details);
    // Shows the handshake event at a log index; any other event clears the table.
    void setHandshakeEvent(const EventLog *log, qsizetype eventIndex);
    void clear();

    HeaderList headers() const { return m_headers; }
    // Rows whose name equals name, ignoring case (HTTP field names are case-insensitive).
    QList<int> rowsNamed(const QByteArray &name) const;

private:
    HeaderList m_headers;
};

} // namespace wsscope
