#include "headermodel.h"

#include "eventlog.h"

#include <QJsonArray>

namespace wsscope {

HeaderModel::HeaderModel(QObject *parent) : QAbstractTableModel(parent) {}

int HeaderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

int HeaderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HeaderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return QVariant();
    const auto &h = m_headers.at(index.row());
    // Field names are ASCII tokens; values are usually ASCII but may carry UTF-8 (RFC 9110 §5.5).
    return index.column() == NameColumn ? QString::fromLatin1(h.first) : QString::fromUtf8(h.second);
}

QVariant HeaderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == NameColumn ? tr("Header") : tr("Value");
}

void HeaderModel::setHeaders(const HeaderList &headers)
{
    beginResetModel();
    m_headers = headers;
    endResetModel();
}

void HeaderModel::setDetails(const QJsonObject &details)
{
    HeaderList headers;
    const QJsonArray array = details.value(QLatin1String("headers")).toArray();
    headers.reserve(array.size());
    for (const QJsonValue &v : array) {
        if (v.isArray()) {
            const QJsonArray pair = v.toArray();
            headers.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toUtf8()});
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            headers.append({o.value(QLatin1String("name")).toString().toLatin1(),
                            o.value(QLatin1String("value")).toString().toUtf8()});
        }
    }
    setHeaders(headers);
}

void HeaderModel::setHandshakeEvent(const EventLog *log, qsizetype eventIndex)
{
    if (!log || eventIndex < 0 || eventIndex >= log->size() ||
        log->at(eventIndex).kind != EventKind::Handshake) {
        clear();
        return;
    }
    setDetails(log->details(eventIndex));
}

void HeaderModel::clear()
{
    setHeaders(HeaderList());
}

QList<int> HeaderModel::rowsNamed(const QByteArray &name) const
{
    QList<int> rows;
    for (qsizetype i = 0; i < m_headers.size(); ++i) {
        if (m_headers.at(i).first.compare(name, Qt::CaseInsensitive) == 0)
            rows.append(int(i));
    }
    return rows;
}

} // namespace wsscope
