#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <memory>
#include <vector>

namespace wsscope {

// A strict JSON (RFC 8259) parse that keeps what an inspector must show and QJsonDocument loses:
// object keys in source order (duplicates kept), numbers spelled exactly as sent (1.0, 1e400,
// 12345678901234567890, -0), and the byte offsets of every value.
//
// Nodes live in one flat array; the children of a container are contiguous, so child(node, row)
// and row(node) are O(1) and an item model can address a million-element array without building
// anything per row. Keys and strings are decoded on demand from the source bytes, which the
// document shares (QByteArray is implicitly shared) instead of copying.
//
// The parser is iterative (no recursion), so depth is bounded by Limits::maxDepth, not by the stack.
// Copies are cheap: the parsed data is shared and immutable.
class OrderedJson
{
    Q_DECLARE_TR_FUNCTIONS(OrderedJson)
public:
    enum class Type : quint8 { Null, False, True, Number, String, Array, Object };
    static constexpr quint32 NoNode = 0xffffffffu;

    struct Limits
    {
        int maxDepth = 512;
        qint64 maxBytes = qint64(256) << 20; // offsets are 32-bit; must stay below 4 GiB
        qint64 maxNodes = qint64(8) << 20;   // 32 bytes each: bounds memory at 256 MiB
    };

    struct Error
    {
        qint64 offset = -1; // byte offset of the offending byte (or the end of input)
        int line = 0;       // 1-based
        int column = 0;     // 1-based, counted in code points
        QString message;    // what was expected or found, without position
        bool isNull() const { return offset < 0; }
        // "line 3, column 7 (byte 42): expected ',' or '}' after an object member"
        QString toString() const;
    };

    OrderedJson() = default;
    static OrderedJson parse(const QByteArray &json, const Limits &limits);
    static OrderedJson parse(const QByteArray &json) { return parse(json, Limits()); }

    bool isValid() const { return m_d && m_d->root != NoNode; }
    const Error &error() const;
    const QByteArray &source() const;

    quint32 root() const { return m_d ? m_d->root : NoNode; }
    qint64 nodeCount() const { return m_d ? qint64(m_d->nodes.size()) : 0; }

    Type type(quint32 node) const { return Type(n(node).type); }
    bool isContainer(quint32 node) const
    {
        return n(node).type == quint8(Type::Array) || n(node).type == quint8(Type::Object);
    }
    int childCount(quint32 node) const { return int(n(node).childCount); }
    quint32 child(quint32 node, int row) const { return n(node).firstChild + quint32(row); }
    quint32 parent(quint32 node) const { return n(node).parent; }
    // Position among the parent's children (0 for the root).
    int row(quint32 node) const;

    // Byte range [begin, end) of the value in source(); for strings it includes the quotes.
    qint64 begin(quint32 node) const { return n(node).begin; }
    qint64 end(quint32 node) const { return n(node).end; }
    bool hasKey(quint32 node) const { return n(node).keyEnd != 0; }
    // Byte range of the member key including its quotes; -1 when the node is not an object member.
    qint64 keyBegin(quint32 node) const { return hasKey(node) ? qint64(n(node).keyBegin) : -1; }
    QString key(quint32 node) const;         // decoded; null string for array elements and the root
    QByteArray rawKey(quint32 node) const;   // as in the source, with quotes
    QByteArray raw(quint32 node) const;      // the value's source bytes: a number's exact spelling
    QString stringValue(quint32 node) const; // decoded string (String nodes only)

    // Indented text with keys in source order and numbers/strings exactly as spelled in the source.
    // Stops after about maxBytes (when >= 0) and sets *truncated.
    QByteArray pretty(int indent = 2, qint64 maxBytes = -1, bool *truncated = nullptr) const;

    // Decodes the inside of a JSON string literal (no quotes) that the parser has validated.
    // Lone surrogates become U+FFFD.
    static QString decodeString(const char *data, qsizetype size);
    static QString typeName(Type type);

private:
    struct Node
    {
        quint32 begin = 0;
        quint32 end = 0;
        quint32 keyBegin = 0;
        quint32 keyEnd = 0; // 0: no key (a key can never end at offset 0)
        quint32 firstChild = NoNode;
        quint32 childCount = 0;
        quint32 parent = NoNode;
        quint8 type = 0;
    };
    struct Data
    {
        QByteArray source;
        std::vector<Node> nodes;
        quint32 root = NoNode;
        Error error;
    };
    const Node &n(quint32 node) const { return m_d->nodes[node]; }

    class Parser;
    std::shared_ptr<const Data> m_d;
};

} // namespace wsscope
