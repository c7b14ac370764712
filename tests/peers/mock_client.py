#!/usr/bin/python3
"""WebSocket test client for WsScope's mock server tests (python3-websockets 10.4, Debian's).

    mock_client.py --url ws://127.0.0.1:PORT/path [--subprotocol P] [--send FILE] [--timeout S]

FILE holds one JSON object per line, {"type": "text"|"binary", "data_b64": ...}: the messages sent, in
order, right after the connection opens. The client then reads until the server closes (or --timeout
seconds pass) and prints one JSON object per line to stdout, flushed:
    {"event": "connected", "subprotocol": <name or null>}
    {"event": "received", "type": "text"|"binary", "size": N, "data_b64": ...}   one per whole message
    {"event": "closed", "code": <int or null>, "reason": <str>}
    {"event": "timeout"}                      when the server did not close in time
Errors go to stderr and the exit status is 1.
"""

import argparse
import asyncio
import base64
import json
import sys

try:
    import websockets
except ImportError:  # a python3 other than Debian's
    sys.path.append("/usr/lib/python3/dist-packages")
    import websockets

from websockets.exceptions import ConnectionClosed


def emit(record):
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def load(path):
    messages = []
    if not path:
        return messages
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            m = json.loads(line)
            data = base64.b64decode(m["data_b64"])
            messages.append(data.decode("utf-8") if m["type"] == "text" else data)
    return messages


async def run(options):
    messages = load(options.send)
    async with websockets.connect(options.url, subprotocols=options.subprotocol or None,
                                  ping_interval=None, max_size=None, compression=None) as ws:
        emit({"event": "connected", "subprotocol": ws.subprotocol})
        for m in messages:
            await ws.send(m)

        async def read():
            try:
                async for message in ws:
                    raw = message.encode("utf-8") if isinstance(message, str) else bytes(message)
                    emit({"event": "received", "type": "text" if isinstance(message, str) else "binary",
                          "size": len(raw), "data_b64": base64.b64encode(raw).decode("ascii")})
            except ConnectionClosed:
                pass
            emit({"event": "closed", "code": ws.close_code, "reason": ws.close_reason})

        try:
            await asyncio.wait_for(read(), options.timeout)
        except asyncio.TimeoutError:
            emit({"event": "timeout"})


def main():
    p = argparse.ArgumentParser(description="WebSocket client for WsScope's mock server tests.")
    p.add_argument("--url", required=True)
    p.add_argument("--subprotocol", action="append", default=[])
    p.add_argument("--send")
    p.add_argument("--timeout", type=float, default=10)
    options = p.parse_args()
    try:
        asyncio.run(run(options))
    except Exception as e:  # the test reads stderr and the exit status
        sys.stderr.write("mock_client: %s\n" % e)
        sys.exit(1)


if __name__ == "__main__":
    main()
