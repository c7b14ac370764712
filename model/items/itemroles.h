#pragma once

#include <Qt>

namespace wsscope {

// Semantic data roles shared by the item models. Views and delegates in widgets/ turn them into
// colours, icons and fonts; the models themselves stay free of QtGui.
enum ItemRole : int {
    EventIndexRole = Qt::UserRole + 1, // qlonglong: index of the event in the EventLog
    ConnectionRole,                    // uint: connection number
    DirectionRole,                     // int: wsscope::Direction (0 = out, 1 = in)
    KindRole,                          // int: wsscope::EventKind
    OpcodeRole,                        // int: frame opcode, -1 for other events
    IsControlRole,                     // bool: control frame (opcode >= 0x8)
    IsViolationRole,                   // bool: a protocol violation row
    IsErrorRole,                       // bool: an error row
    PayloadRole,                       // QByteArray: the stored payload bytes
    TimeNsRole,                        // qlonglong: ns since the connection started
    LengthRole,                        // qulonglong: payload length as announced by the header
    FinRole,                           // bool
    RsvRole,                           // int: 0-7, RSV1 = 0x4
    MaskedRole,                        // bool
    TruncatedRole,                     // bool: fewer bytes stored than the frame carried
    IsMatchRole,                       // bool: the row matches the text filter
    StateRole,                         // int: ConnectionListModel::State
    SourceRole,                        // QString: "client", "proxy", "import"
    CloseCodeRole,                     // int: close code, -1 when none
    RttNsRole,                         // qlonglong: round trip in ns, -1 when none
    PingStatusRole,                    // int: PingModel::Status
    SortRole,                          // a value suited to sorting the column numerically
};

} // namespace wsscope
