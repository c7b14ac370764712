<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Cli</name>
    <message>
        <source>Unknown option for demo-server: %1</source>
        <translation>demo-server에 알 수 없는 옵션: %1</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1:%1: %2</source>
        <translation>127.0.0.1:%1에서 수신 대기할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Unknown option %1 (see wsscope --help).</source>
        <translation>알 수 없는 옵션 %1 (wsscope --help 참고).</translation>
    </message>
    <message>
        <source>Demo server</source>
        <translation>데모 서버</translation>
    </message>
    <message>
        <source>The demo server could not listen on 127.0.0.1: %1</source>
        <translation>데모 서버가 127.0.0.1에서 수신 대기하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Demo feed</source>
        <translation>데모 피드</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1에는 값이 필요합니다.</translation>
    </message>
    <message>
        <source>--header takes &apos;Name: value&apos;, got &apos;%1&apos;.</source>
        <translation>--header는 &apos;Name: value&apos; 형식이어야 하는데 &apos;%1&apos;이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>--send-binary takes hexadecimal bytes such as &apos;deadbeef&apos;, got &apos;%1&apos;.</source>
        <translation>--send-binary에는 &apos;deadbeef&apos; 같은 16진수 바이트를 주어야 하는데 &apos;%1&apos;이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>A ping payload may carry at most 125 bytes (RFC 6455 §5.5).</source>
        <translation>핑 페이로드는 최대 125바이트입니다 (RFC 6455 §5.5).</translation>
    </message>
    <message>
        <source>--close takes CODE[:REASON] with a code from 1000 to 4999, got &apos;%1&apos;.</source>
        <translation>--close는 1000~4999 사이의 코드로 CODE[:REASON] 형식이어야 하는데 &apos;%1&apos;이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>The CA file %1 does not exist.</source>
        <translation>CA 파일 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Only one URL can be recorded at a time; got &apos;%1&apos; and &apos;%2&apos;.</source>
        <translation>한 번에 URL 하나만 기록할 수 있는데 &apos;%1&apos;과(와) &apos;%2&apos;가 주어졌습니다.</translation>
    </message>
    <message>
        <source>record needs a URL and --out FILE, e.g. wsscope record ws://127.0.0.1:8080/ --out run.wsscope</source>
        <translation>record에는 URL과 --out FILE이 필요합니다. 예: wsscope record ws://127.0.0.1:8080/ --out run.wsscope</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a WebSocket URL: it must start with ws:// or wss:// and name a host.</source>
        <translation>&apos;%1&apos;은(는) WebSocket URL이 아닙니다. ws:// 또는 wss://로 시작하고 호스트를 지정해야 합니다.</translation>
    </message>
    <message>
        <source>Gave up after %1 s: the connection neither opened nor closed.</source>
        <translation>%1초 후 포기했습니다: 연결이 열리지도 닫히지도 않았습니다.</translation>
    </message>
    <message>
        <source>Recorded the failed attempt on %1 (%2 events) to %3</source>
        <translation>%1에 대한 실패한 연결 시도(이벤트 %2개)를 %3에 기록했습니다</translation>
    </message>
    <message>
        <source>Recorded %1 frames (%2 out, %3 in; %4 out, %5 in) on %6 in %7 s; closed %8 %9%10 (%11) -&gt; %12</source>
        <translation>%6에서 %7초 동안 프레임 %1개(보냄 %2, 받음 %3; 보냄 %4, 받음 %5)를 기록했습니다; 종료 %8 %9%10 (%11) -&gt; %12</translation>
    </message>
    <message>
        <source>clean</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>not clean</source>
        <translation>비정상</translation>
    </message>
    <message>
        <source>%1 takes a connection number (1, 2, ...), got &apos;%2&apos;.</source>
        <translation>%1에는 연결 번호(1, 2, ...)를 주어야 하는데 &apos;%2&apos;이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>Unknown option %1 for %2 (see wsscope --help).</source>
        <translation>%2에 알 수 없는 옵션 %1 (wsscope --help 참고).</translation>
    </message>
    <message>
        <source>The session file %1 does not exist.</source>
        <translation>세션 파일 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 line %2: %3</source>
        <translation>%1 %2번째 줄: %3</translation>
    </message>
    <message>
        <source>%1: %2 more line(s) could not be read and were skipped.</source>
        <translation>%1: %2줄을 더 읽지 못해 건너뛰었습니다.</translation>
    </message>
    <message>
        <source>The session %1 holds no connection.</source>
        <translation>세션 %1에 연결이 없습니다.</translation>
    </message>
    <message>
        <source>The session %1 has no connection %2; it has %3.</source>
        <translation>세션 %1에 연결 %2이(가) 없습니다. 있는 연결: %3.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>--speed takes a factor above 0 such as 2 or 0.5, got &apos;%1&apos;.</source>
        <translation>--speed에는 2나 0.5처럼 0보다 큰 배율을 주어야 하는데 &apos;%1&apos;이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>--timeout takes a number of milliseconds above 0, got &apos;%1&apos;.</source>
        <translation>--timeout에는 0보다 큰 밀리초 값을 주어야 하는데 &apos;%1&apos;이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>replay takes one session file; got &apos;%1&apos; and &apos;%2&apos;.</source>
        <translation>replay에는 세션 파일 하나만 줄 수 있는데 &apos;%1&apos;과(와) &apos;%2&apos;가 주어졌습니다.</translation>
    </message>
    <message>
        <source>replay needs a session file and --out FILE, e.g. wsscope replay run.wsscope --as-fast --out replay.wsscope</source>
        <translation>replay에는 세션 파일과 --out FILE이 필요합니다. 예: wsscope replay run.wsscope --as-fast --out replay.wsscope</translation>
    </message>
    <message>
        <source>Choose one of --speed, --as-fast, --wait-responses and --original.</source>
        <translation>--speed, --as-fast, --wait-responses, --original 중 하나만 고르세요.</translation>
    </message>
    <message>
        <source>--out must name another file than the session being replayed.</source>
        <translation>--out에는 재생하는 세션과 다른 파일을 지정해야 합니다.</translation>
    </message>
    <message>
        <source>Connection %1 has no ws:// or wss:// URL to replay against; give one with --url.</source>
        <translation>연결 %1에는 재생 대상이 될 ws:// 또는 wss:// URL이 없습니다. --url로 지정하세요.</translation>
    </message>
    <message>
        <source>Gave up after %1 s: the replay did not finish.</source>
        <translation>%1초 후 포기했습니다: 재생이 끝나지 않았습니다.</translation>
    </message>
    <message>
        <source>Replayed %1 of %2 messages of connection %3 to %4 in %5 s; %6 server messages arrived, %7 wait(s) timed out -&gt; %8</source>
        <translation>연결 %3의 메시지 %2개 중 %1개를 %5초 동안 %4(으)로 재생했습니다; 서버 메시지 %6개 도착, 대기 시간 초과 %7회 -&gt; %8</translation>
    </message>
    <message>
        <source>The replay did not complete.</source>
        <translation>재생이 끝나지 않았습니다.</translation>
    </message>
    <message>
        <source>mock takes one session file; got &apos;%1&apos; and &apos;%2&apos;.</source>
        <translation>mock에는 세션 파일 하나만 줄 수 있는데 &apos;%1&apos;과(와) &apos;%2&apos;가 주어졌습니다.</translation>
    </message>
    <message>
        <source>mock needs a session file and --listen HOST:PORT, e.g. wsscope mock run.wsscope --listen 127.0.0.1:8080</source>
        <translation>mock에는 세션 파일과 --listen HOST:PORT가 필요합니다. 예: wsscope mock run.wsscope --listen 127.0.0.1:8080</translation>
    </message>
    <message>
        <source>--listen takes an IP address and a port such as 127.0.0.1:8080 or [::1]:8080, got &apos;%1&apos;.</source>
        <translation>--listen에는 127.0.0.1:8080이나 [::1]:8080 같은 IP 주소와 포트를 주어야 하는데 &apos;%1&apos;이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>Refusing to listen on %1: other machines could then fetch the recorded messages, which may hold private data; add --allow-remote if that is intended.</source>
        <translation>%1에서 수신 대기하지 않습니다: 다른 컴퓨터가 기록된 메시지를 가져갈 수 있고, 그 안에 개인 데이터가 있을 수 있습니다. 의도한 것이라면 --allow-remote를 추가하세요.</translation>
    </message>
    <message>
        <source>--out must name another file than the session being served.</source>
        <translation>--out에는 제공하는 세션과 다른 파일을 지정해야 합니다.</translation>
    </message>
    <message numerus="yes">
        <source>Stopped; served %n client(s).</source>
        <translation>
            <numerusform>중지했습니다. 클라이언트 %n개에 제공했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote what was served to %1</source>
        <translation>제공한 내용을 %1에 기록했습니다</translation>
    </message>
    <message>
        <source>--ignore &apos;%1&apos; is not a valid path: %2</source>
        <translation>--ignore &apos;%1&apos;은(는) 올바른 경로가 아닙니다: %2</translation>
    </message>
    <message>
        <source>--ignore-regex &apos;%1&apos; is not a valid regular expression: %2 at offset %3.</source>
        <translation>--ignore-regex &apos;%1&apos;은(는) 올바른 정규 표현식이 아닙니다: 오프셋 %3에서 %2.</translation>
    </message>
    <message>
        <source>diff compares two session files: wsscope diff A.wsscope B.wsscope [options]</source>
        <translation>diff는 세션 파일 두 개를 비교합니다: wsscope diff A.wsscope B.wsscope [options]</translation>
    </message>
    <message>
        <source>Comparing connection %1 of %2 (A) with connection %3 of %4 (B)</source>
        <translation>%2의 연결 %1(A)과 %4의 연결 %3(B)을 비교합니다</translation>
    </message>
    <message>
        <source>Client to server:</source>
        <translation>클라이언트 → 서버:</translation>
    </message>
    <message>
        <source>Server to client:</source>
        <translation>서버 → 클라이언트:</translation>
    </message>
    <message>
        <source>same %1, changed %2, missing %3, extra %4</source>
        <translation>같음 %1, 바뀜 %2, 누락 %3, 추가 %4</translation>
    </message>
    <message>
        <source>export takes one session file; got &apos;%1&apos; and &apos;%2&apos;.</source>
        <translation>export에는 세션 파일 하나만 줄 수 있는데 &apos;%1&apos;과(와) &apos;%2&apos;가 주어졌습니다.</translation>
    </message>
    <message>
        <source>export needs a session file and one of --har, --ndjson, --csv OUT or --payloads DIR, e.g. wsscope export run.wsscope --har run.har</source>
        <translation>export에는 세션 파일과 --har, --ndjson, --csv OUT 또는 --payloads DIR 중 하나가 필요합니다. 예: wsscope export run.wsscope --har run.har</translation>
    </message>
    <message>
        <source>--redact and --no-redact contradict each other; give one of them.</source>
        <translation>--redact와 --no-redact는 서로 모순됩니다. 하나만 지정하세요.</translation>
    </message>
    <message>
        <source>The export must go to another file than the session itself.</source>
        <translation>내보낼 파일은 세션 파일 자체와 달라야 합니다.</translation>
    </message>
    <message>
        <source>nothing redacted</source>
        <translation>가린 항목 없음</translation>
    </message>
    <message>
        <source>headers %1</source>
        <translation>헤더 %1</translation>
    </message>
    <message>
        <source>query parameters %1</source>
        <translation>쿼리 매개변수 %1</translation>
    </message>
    <message>
        <source>redacted %1</source>
        <translation>가림: %1</translation>
    </message>
    <message>
        <source>Exported %1 connection(s) with %2 messages to %3 as HAR (%4)</source>
        <translation>연결 %1개, 메시지 %2개를 %3에 HAR로 내보냈습니다 (%4)</translation>
    </message>
    <message>
        <source>Wrote %1 message files to %2</source>
        <translation>메시지 파일 %1개를 %2에 썼습니다</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>%1에 쓸 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>Exported %1 messages to %2 as %3</source>
        <translation>메시지 %1개를 %2에 %3 형식으로 내보냈습니다</translation>
    </message>
    <message>
        <source>import takes one HAR file; got &apos;%1&apos; and &apos;%2&apos;.</source>
        <translation>import에는 HAR 파일 하나만 줄 수 있는데 &apos;%1&apos;과(와) &apos;%2&apos;가 주어졌습니다.</translation>
    </message>
    <message>
        <source>import needs a HAR file and --out SESSION, e.g. wsscope import capture.har --out capture.wsscope</source>
        <translation>import에는 HAR 파일과 --out SESSION이 필요합니다. 예: wsscope import capture.har --out capture.wsscope</translation>
    </message>
    <message>
        <source>The HAR file %1 does not exist.</source>
        <translation>HAR 파일 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>--out must name another file than the HAR file.</source>
        <translation>--out에는 HAR 파일과 다른 파일을 지정해야 합니다.</translation>
    </message>
    <message>
        <source>Imported %1 WebSocket connection(s) with %2 messages from %3 -&gt; %4</source>
        <translation>%3에서 WebSocket 연결 %1개, 메시지 %2개를 가져왔습니다 -&gt; %4</translation>
    </message>
    <message numerus="yes">
        <source>%n other request(s) skipped</source>
        <translation>
            <numerusform>다른 요청 %n개 건너뜀</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable message(s) skipped</source>
        <translation>
            <numerusform>읽을 수 없는 메시지 %n개 건너뜀</numerusform>
        </translation>
    </message>
    <message>
        <source>body:</source>
        <translation>본문:</translation>
    </message>
    <message>
        <source>show takes one session file: wsscope show FILE</source>
        <translation>show에는 세션 파일 하나를 줍니다: wsscope show FILE</translation>
    </message>
    <message>
        <source>Connection %1: %2 (%3, started %4)</source>
        <translation>연결 %1: %2 (%3, 시작 %4)</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 line(s) could not be read and were skipped; the rest is shown above.</source>
        <translation>%1줄을 읽지 못해 건너뛰었습니다. 나머지는 위에 표시했습니다.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither a command nor an existing file.</source>
        <translation>&apos;%1&apos;은(는) 명령도 아니고 존재하는 파일도 아닙니다.</translation>
    </message>
    <message>
        <source>Usage:
  wsscope [--demo] [FILE]         open the window (on the built-in demo server with --demo)
  wsscope record URL --out FILE [options]
      --header &apos;K: V&apos;   extra handshake header (repeatable)
      --subprotocol P   offer a subprotocol (repeatable)
      --origin O        Origin header
      --send TEXT       send a text message (repeatable, in order)
      --send-binary HEX send a binary message (repeatable, in order)
      --ping PAYLOAD    send a ping (repeatable, in order)
      --close CODE[:REASON]  close with this code (default 1000)
      --linger MS       wait this long after the last send before closing (default 500)
      --duration S      stay connected this many seconds before closing
      --insecure        accept an untrusted TLS certificate (still recorded)
      --cacert FILE     trust the CA certificates in this PEM file
      --cert FILE       client certificate (PEM) for servers that ask for one
      --key FILE        its private key (PEM, unencrypted; default: in --cert)
      --frame-size N    split outgoing messages into frames of N bytes
  wsscope show FILE                print a readable timeline of a session file
  wsscope demo-server [--port N] [--rate N] [--seconds S]
                                   run the built-in demo server on 127.0.0.1
  wsscope replay SESSION --out FILE [options]
                                   replay a recorded connection as a client, recording the
                                   replay (exit 1: a message unsent or a wait timed out)
      --conn N          the connection to replay (default: the first client connection)
      --url URL         replay against this server instead of the recorded URL
      --original        keep the recorded gaps between messages (the default)
      --speed X         the recorded gaps divided by X
      --as-fast         send the messages one after the other
      --wait-responses  send each message once the server messages that preceded it
                        in the recording arrived
      --timeout MS      how long to wait for expected server messages (default 5000)
  wsscope mock SESSION --listen 127.0.0.1:PORT [options]
                                   serve the recorded server side; prints LISTENING URL
                                   when ready, runs until SIGINT or SIGTERM (port 0: any)
      --conn N          the connection to serve (default: the first client connection)
      --once            exit after one client
      --out FILE        record what was served into this session file
      --allow-remote    accept an address other than loopback: anyone who can reach it
                        then gets the recorded messages
  wsscope diff A B [options]       compare the messages of two sessions per direction;
                                   exit 0 same, 1 different, 2 error
      --conn-a N, --conn-b N  the connections to compare (default: the first client one)
      --ignore PATH     leave out JSON values: $.ts, $.items[*].id, $..ts (repeatable)
      --ignore-regex RE remove matches of RE from text payloads first (repeatable)
      --ignore-key-order  JSON objects with the same members in another order are equal
  wsscope export SESSION (--har|--ndjson|--csv) OUT [options]
  wsscope export SESSION --payloads DIR [options]   one file per message
      --conn N          export only this connection (default: all)
      --redact          HAR: hide the values of Authorization, Cookie, Set-Cookie and
                        Proxy-Authorization (the default for HAR)
      --no-redact       HAR: keep those values
      --redact-header NAME  HAR: hide this header&apos;s value too (repeatable)
      --redact-query NAME   HAR: hide this query parameter&apos;s value (repeatable)
                        NDJSON, CSV and payload files hold messages only, no headers or
                        URLs: the redaction options are accepted there and change nothing;
                        message payloads are never redacted
  wsscope import FILE.har --out SESSION
                                   turn the WebSocket connections of a HAR file into a
                                   session file
  wsscope --version
</source>
        <translation>사용법:
  wsscope [--demo] [FILE]         창을 엽니다 (--demo: 내장 데모 서버에 연결)
  wsscope record URL --out FILE [options]
      --header &apos;K: V&apos;   핸드셰이크에 추가할 헤더 (반복 가능)
      --subprotocol P   제안할 서브프로토콜 (반복 가능)
      --origin O        Origin 헤더
      --send TEXT       텍스트 메시지 전송 (반복 가능, 순서대로)
      --send-binary HEX 바이너리 메시지 전송 (반복 가능, 순서대로)
      --ping PAYLOAD    핑 전송 (반복 가능, 순서대로)
      --close CODE[:REASON]  이 코드로 연결 종료 (기본값 1000)
      --linger MS       마지막 전송 후 종료하기 전까지 기다릴 시간 (기본값 500)
      --duration S      종료하기 전까지 연결을 유지할 시간(초)
      --insecure        신뢰할 수 없는 TLS 인증서도 허용 (기록은 남음)
      --cacert FILE     이 PEM 파일의 CA 인증서를 신뢰
      --cert FILE       클라이언트 인증서를 요구하는 서버에 보낼 인증서 (PEM)
      --key FILE        그 개인 키 (암호화되지 않은 PEM, 기본값: --cert 파일 안의 키)
      --frame-size N    보내는 메시지를 N바이트 프레임으로 단편화
  wsscope show FILE                세션 파일의 타임라인을 읽기 쉽게 출력
  wsscope demo-server [--port N] [--rate N] [--seconds S]
                                   내장 데모 서버를 127.0.0.1에서 실행
  wsscope replay SESSION --out FILE [options]
                                   기록된 연결을 클라이언트로서 재생하고 그 재생을 기록
                                   (종료 코드 1: 보내지 못한 메시지가 있거나 대기 시간 초과)
      --conn N          재생할 연결 (기본값: 첫 번째 클라이언트 연결)
      --url URL         기록된 URL 대신 이 서버를 대상으로 재생
      --original        기록된 메시지 간격을 그대로 유지 (기본값)
      --speed X         기록된 간격을 X로 나눔
      --as-fast         메시지를 쉬지 않고 연달아 전송
      --wait-responses  기록에서 각 메시지보다 앞선 서버 메시지가 도착한 뒤에
                        그 메시지를 전송
      --timeout MS      예상한 서버 메시지를 기다릴 시간 (기본값 5000)
  wsscope mock SESSION --listen 127.0.0.1:PORT [options]
                                   기록된 서버 쪽을 그대로 제공; 준비되면 LISTENING URL을
                                   출력하고 SIGINT 또는 SIGTERM까지 실행 (포트 0: 임의 포트)
      --conn N          제공할 연결 (기본값: 첫 번째 클라이언트 연결)
      --once            클라이언트 하나를 처리한 뒤 종료
      --out FILE        제공한 내용을 이 세션 파일에 기록
      --allow-remote    루프백이 아닌 주소도 허용: 접근할 수 있는 누구나
                        기록된 메시지를 받게 됨
  wsscope diff A B [options]       두 세션의 메시지를 방향별로 비교;
                                   종료 코드 0 같음, 1 다름, 2 오류
      --conn-a N, --conn-b N  비교할 연결 (기본값: 첫 번째 클라이언트 연결)
      --ignore PATH     비교에서 뺄 JSON 값: $.ts, $.items[*].id, $..ts (반복 가능)
      --ignore-regex RE 비교 전에 텍스트 페이로드에서 RE와 일치하는 부분을 제거 (반복 가능)
      --ignore-key-order  멤버가 같고 순서만 다른 JSON 객체를 같은 것으로 취급
  wsscope export SESSION (--har|--ndjson|--csv) OUT [options]
  wsscope export SESSION --payloads DIR [options]   메시지마다 파일 하나
      --conn N          이 연결만 내보내기 (기본값: 전체)
      --redact          HAR: Authorization, Cookie, Set-Cookie, Proxy-Authorization
                        값을 가림 (HAR의 기본값)
      --no-redact       HAR: 그 값들을 그대로 둠
      --redact-header NAME  HAR: 이 헤더의 값도 가림 (반복 가능)
      --redact-query NAME   HAR: 이 쿼리 매개변수의 값을 가림 (반복 가능)
                        NDJSON, CSV, 페이로드 파일에는 메시지만 담기고 헤더나 URL은
                        없으므로, 가림 옵션은 받아들이지만 아무것도 바꾸지 않음;
                        메시지 페이로드는 가리지 않음
  wsscope import FILE.har --out SESSION
                                   HAR 파일의 WebSocket 연결을 세션 파일로 변환
  wsscope --version
</translation>
    </message>
    <message>
        <source>The file %1 given to %2 does not exist.</source>
        <translation>%2에 지정한 파일 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Demo echo</source>
        <translation>데모 에코</translation>
    </message>
</context>
<context>
    <name>EventFormat</name>
    <message>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Upgrade request</source>
        <translation>업그레이드 요청</translation>
    </message>
    <message>
        <source>Upgrade response</source>
        <translation>업그레이드 응답</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>프레임</translation>
    </message>
    <message>
        <source>Violation</source>
        <translation>위반</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>(no status code)</source>
        <translation>(상태 코드 없음)</translation>
    </message>
    <message>
        <source>(1-byte body) %1</source>
        <translation>(1바이트 본문) %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>%1 측</translation>
    </message>
    <message>
        <source>clean</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>not clean</source>
        <translation>비정상</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate error(s)</source>
        <translation>
            <numerusform>인증서 오류 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>alert %1</source>
        <translation>경고 %1</translation>
    </message>
</context>
<context>
    <name>FrameDecoder</name>
    <message>
        <source>opcode 0x%1 after close</source>
        <translation>종료 후의 opcode 0x%1</translation>
    </message>
    <message>
        <source>opcode 0x%1</source>
        <translation>opcode 0x%1</translation>
    </message>
    <message>
        <source>RSV1 on opcode 0x%1 (RFC 7692 §6)</source>
        <translation>opcode 0x%1에 RSV1 설정 (RFC 7692 §6)</translation>
    </message>
    <message>
        <source>length %1 written in 16 bits</source>
        <translation>길이 %1을(를) 16비트로 기록</translation>
    </message>
    <message>
        <source>length %1 written in 64 bits</source>
        <translation>길이 %1을(를) 64비트로 기록</translation>
    </message>
    <message>
        <source>length 0x%1</source>
        <translation>길이 0x%1</translation>
    </message>
    <message>
        <source>masking key 0x%1</source>
        <translation>마스킹 키 0x%1</translation>
    </message>
    <message>
        <source>opcode 0x%1 without mask</source>
        <translation>마스킹 없는 opcode 0x%1</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1바이트</translation>
    </message>
    <message>
        <source>opcode 0x%1 without FIN</source>
        <translation>FIN 없는 opcode 0x%1</translation>
    </message>
    <message>
        <source>message %1 started at frame %2 was not finished</source>
        <translation>프레임 %2에서 시작한 메시지 %1이(가) 끝나지 않았습니다</translation>
    </message>
    <message>
        <source>no message in progress</source>
        <translation>진행 중인 메시지 없음</translation>
    </message>
    <message>
        <source>invalid byte sequence in message %1</source>
        <translation>메시지 %1에 잘못된 바이트 시퀀스</translation>
    </message>
    <message>
        <source>1-byte body</source>
        <translation>1바이트 본문</translation>
    </message>
    <message>
        <source>close code %1</source>
        <translation>종료 코드 %1</translation>
    </message>
    <message>
        <source>reason is not UTF-8</source>
        <translation>사유가 UTF-8이 아님</translation>
    </message>
    <message>
        <source>message %1 ends inside a code point</source>
        <translation>메시지 %1이(가) 코드 포인트 중간에서 끝남</translation>
    </message>
</context>
<context>
    <name>OrderedJson</name>
    <message>
        <source>the end of the data</source>
        <translation>데이터의 끝</translation>
    </message>
    <message>
        <source>byte 0x%1</source>
        <translation>바이트 0x%1</translation>
    </message>
    <message>
        <source>unterminated string (started at byte %1)</source>
        <translation>끝나지 않은 문자열 (바이트 %1에서 시작)</translation>
    </message>
    <message>
        <source>control character 0x%1 inside a string must be escaped</source>
        <translation>문자열 안의 제어 문자 0x%1은(는) 이스케이프해야 합니다</translation>
    </message>
    <message>
        <source>unterminated escape sequence</source>
        <translation>끝나지 않은 이스케이프 시퀀스</translation>
    </message>
    <message>
        <source>expected 4 hex digits after \u</source>
        <translation>\u 뒤에 16진수 4자리가 와야 합니다</translation>
    </message>
    <message>
        <source>invalid escape \%1</source>
        <translation>잘못된 이스케이프 \%1</translation>
    </message>
    <message>
        <source>invalid UTF-8 byte 0x%1 in a string</source>
        <translation>문자열 안에 잘못된 UTF-8 바이트 0x%1</translation>
    </message>
    <message>
        <source>truncated UTF-8 sequence in a string</source>
        <translation>문자열 안에 잘린 UTF-8 시퀀스</translation>
    </message>
    <message>
        <source>invalid UTF-8 sequence in a string</source>
        <translation>문자열 안에 잘못된 UTF-8 시퀀스</translation>
    </message>
    <message>
        <source>expected a digit, found %1</source>
        <translation>숫자가 와야 하는데 %1이(가) 있습니다</translation>
    </message>
    <message>
        <source>leading zeros are not allowed in numbers</source>
        <translation>숫자 앞에 0을 붙일 수 없습니다</translation>
    </message>
    <message>
        <source>expected a digit after the decimal point, found %1</source>
        <translation>소수점 뒤에 숫자가 와야 하는데 %1이(가) 있습니다</translation>
    </message>
    <message>
        <source>expected a digit in the exponent, found %1</source>
        <translation>지수에 숫자가 와야 하는데 %1이(가) 있습니다</translation>
    </message>
    <message>
        <source>expected &apos;%1&apos;</source>
        <translation>&apos;%1&apos;이(가) 와야 합니다</translation>
    </message>
    <message>
        <source>more than %1 values: too large to show as a tree</source>
        <translation>값이 %1개를 넘어 트리로 보여 주기에 너무 큽니다</translation>
    </message>
    <message>
        <source>%1 bytes exceed the limit of %2 bytes for JSON</source>
        <translation>%1바이트는 JSON 한도 %2바이트를 넘습니다</translation>
    </message>
    <message>
        <source>a byte order mark is not allowed before JSON text</source>
        <translation>JSON 텍스트 앞에 바이트 순서 표시(BOM)를 둘 수 없습니다</translation>
    </message>
    <message>
        <source>expected a value, found the end of the data</source>
        <translation>값이 와야 하는데 데이터가 끝났습니다</translation>
    </message>
    <message>
        <source>nesting deeper than %1 levels</source>
        <translation>중첩이 %1단계보다 깊습니다</translation>
    </message>
    <message>
        <source>expected a value, found %1</source>
        <translation>값이 와야 하는데 %1이(가) 있습니다</translation>
    </message>
    <message>
        <source>expected a string key, found %1</source>
        <translation>문자열 키가 와야 하는데 %1이(가) 있습니다</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after an object key, found %1</source>
        <translation>객체 키 뒤에 &apos;:&apos;이 와야 하는데 %1이(가) 있습니다</translation>
    </message>
    <message>
        <source>unexpected %1 after the JSON value</source>
        <translation>JSON 값 뒤에 예상하지 못한 %1</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; after an object member, found %1</source>
        <translation>객체 멤버 뒤에 &apos;,&apos; 또는 &apos;}&apos;가 와야 하는데 %1이(가) 있습니다</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; after an array element, found %1</source>
        <translation>배열 요소 뒤에 &apos;,&apos; 또는 &apos;]&apos;가 와야 하는데 %1이(가) 있습니다</translation>
    </message>
    <message>
        <source>line %1, column %2 (byte %3): %4</source>
        <translation>%1줄 %2열 (바이트 %3): %4</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>불리언</translation>
    </message>
    <message>
        <source>number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>array</source>
        <translation>배열</translation>
    </message>
    <message>
        <source>object</source>
        <translation>객체</translation>
    </message>
</context>
<context>
    <name>Violation</name>
    <message>
        <source>Opcodes 0x3-0x7 and 0xB-0xF are reserved and must not be sent.</source>
        <translation>opcode 0x3-0x7과 0xB-0xF는 예약되어 있으므로 보내면 안 됩니다.</translation>
    </message>
    <message>
        <source>RSV1, RSV2 and RSV3 must be 0 unless a negotiated extension gives them a meaning.</source>
        <translation>협상된 확장이 의미를 부여하지 않는 한 RSV1, RSV2, RSV3은 0이어야 합니다.</translation>
    </message>
    <message>
        <source>A control frame must carry at most 125 bytes of payload.</source>
        <translation>제어 프레임의 페이로드는 최대 125바이트입니다.</translation>
    </message>
    <message>
        <source>A control frame must not be fragmented: its FIN bit must be set.</source>
        <translation>제어 프레임은 단편화할 수 없습니다: FIN 비트가 설정되어 있어야 합니다.</translation>
    </message>
    <message>
        <source>The payload length must be written with the fewest bytes possible.</source>
        <translation>페이로드 길이는 가능한 한 적은 바이트로 기록해야 합니다.</translation>
    </message>
    <message>
        <source>The most significant bit of a 64-bit payload length must be 0.</source>
        <translation>64비트 페이로드 길이의 최상위 비트는 0이어야 합니다.</translation>
    </message>
    <message>
        <source>A server must not mask the frames it sends to the client.</source>
        <translation>서버는 클라이언트로 보내는 프레임을 마스킹하면 안 됩니다.</translation>
    </message>
    <message>
        <source>A client must mask every frame it sends to the server.</source>
        <translation>클라이언트는 서버로 보내는 모든 프레임을 마스킹해야 합니다.</translation>
    </message>
    <message>
        <source>A continuation frame may only follow an unfinished text or binary frame.</source>
        <translation>연속 프레임은 끝나지 않은 텍스트 또는 바이너리 프레임 뒤에만 올 수 있습니다.</translation>
    </message>
    <message>
        <source>A new text or binary frame must not start before the fragmented message has ended.</source>
        <translation>단편화된 메시지가 끝나기 전에 새 텍스트 또는 바이너리 프레임을 시작하면 안 됩니다.</translation>
    </message>
    <message>
        <source>The payload of a text message must be valid UTF-8.</source>
        <translation>텍스트 메시지의 페이로드는 올바른 UTF-8이어야 합니다.</translation>
    </message>
    <message>
        <source>A close frame body, if present, must start with a 2-byte status code.</source>
        <translation>종료 프레임에 본문이 있다면 2바이트 상태 코드로 시작해야 합니다.</translation>
    </message>
    <message>
        <source>The close status code is not one that may be sent on the wire.</source>
        <translation>이 종료 상태 코드는 실제로 전송할 수 있는 코드가 아닙니다.</translation>
    </message>
    <message>
        <source>The reason in a close frame must be valid UTF-8.</source>
        <translation>종료 프레임의 사유는 올바른 UTF-8이어야 합니다.</translation>
    </message>
    <message>
        <source>No frame may be sent after a close frame.</source>
        <translation>종료 프레임 뒤에는 어떤 프레임도 보낼 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>wsscope::CborView</name>
    <message>
        <source>the decoder made no progress</source>
        <translation>디코더가 더 진행하지 못했습니다</translation>
    </message>
    <message>
        <source>Not CBOR: %1 at byte %2.</source>
        <translation>CBOR가 아닙니다: 바이트 %2에서 %1.</translation>
    </message>
    <message>
        <source>A CBOR sequence of %1 items.</source>
        <translation>항목 %1개로 된 CBOR 시퀀스.</translation>
    </message>
    <message>
        <source>Decoding stopped at byte %1: %2. The bytes from there on are shown in the Hex tab.</source>
        <translation>바이트 %1에서 디코딩을 멈췄습니다: %2. 그 뒤의 바이트는 Hex 탭에 표시됩니다.</translation>
    </message>
    <message>
        <source>Only the first items are shown; the Hex tab shows every byte.</source>
        <translation>앞쪽 항목만 표시합니다. 모든 바이트는 Hex 탭에서 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>wsscope::ClientConnection</name>
    <message>
        <source>The URL must look like ws://host[:port]/path or wss://host[:port]/path.</source>
        <translation>URL은 ws://host[:port]/path 또는 wss://host[:port]/path 형식이어야 합니다.</translation>
    </message>
    <message>
        <source>The WebSocket connection failed: %1</source>
        <translation>WebSocket 연결에 실패했습니다: %1</translation>
    </message>
    <message>
        <source>The WebSocket connection failed before it was open.</source>
        <translation>WebSocket 연결이 열리기 전에 실패했습니다.</translation>
    </message>
</context>
<context>
    <name>wsscope::CloseBanner</name>
    <message>
        <source>Hide this banner</source>
        <translation>이 배너 숨기기</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>연결 실패: %1</translation>
    </message>
    <message>
        <source>Closed by the server with %1</source>
        <translation>서버가 %1(으)로 연결을 종료함</translation>
    </message>
    <message>
        <source>Closed by this client with %1</source>
        <translation>이 클라이언트가 %1(으)로 연결을 종료함</translation>
    </message>
    <message>
        <source>Connection lost: %1, no close frame was exchanged</source>
        <translation>연결 끊김: %1, 종료 프레임을 주고받지 않음</translation>
    </message>
    <message>
        <source>Closed with %1</source>
        <translation>%1(으)로 종료됨</translation>
    </message>
    <message>
        <source>Reason: “%1”.</source>
        <translation>사유: “%1”.</translation>
    </message>
    <message>
        <source>No reason given.</source>
        <translation>사유 없음.</translation>
    </message>
    <message>
        <source>Clean close: both sides exchanged close frames before TCP ended.</source>
        <translation>정상 종료: TCP 연결이 끝나기 전에 양쪽이 종료 프레임을 주고받았습니다.</translation>
    </message>
    <message>
        <source>Not clean: the TCP connection ended before the closing handshake completed.</source>
        <translation>비정상 종료: 종료 핸드셰이크가 끝나기 전에 TCP 연결이 끊겼습니다.</translation>
    </message>
    <message>
        <source>Abnormal: the TCP connection ended with no close frame (RFC 6455 §7.1.5).</source>
        <translation>비정상: 종료 프레임 없이 TCP 연결이 끊겼습니다 (RFC 6455 §7.1.5).</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>%1에</translation>
    </message>
    <message>
        <source>%1 s after connecting</source>
        <translation>연결 후 %1초에</translation>
    </message>
    <message>
        <source>Ended %1.</source>
        <translation>%1 종료되었습니다.</translation>
    </message>
</context>
<context>
    <name>wsscope::CloseCodes</name>
    <message>
        <source>Normal Closure</source>
        <translation>정상 종료</translation>
    </message>
    <message>
        <source>The connection finished its work and was closed on purpose.</source>
        <translation>연결이 할 일을 마치고 의도적으로 종료되었습니다.</translation>
    </message>
    <message>
        <source>Going Away</source>
        <translation>떠나는 중</translation>
    </message>
    <message>
        <source>The side closing is going away: a server shutting down or a browser leaving the page.</source>
        <translation>종료하는 쪽이 떠나는 중입니다: 서버가 종료되거나 브라우저가 페이지를 벗어났습니다.</translation>
    </message>
    <message>
        <source>Protocol Error</source>
        <translation>프로토콜 오류</translation>
    </message>
    <message>
        <source>The other side sent something that breaks the WebSocket protocol rules.</source>
        <translation>상대방이 WebSocket 프로토콜 규칙을 어기는 데이터를 보냈습니다.</translation>
    </message>
    <message>
        <source>Unsupported Data</source>
        <translation>지원하지 않는 데이터</translation>
    </message>
    <message>
        <source>A message of a kind the closing side cannot handle arrived, such as binary for a text-only endpoint.</source>
        <translation>종료하는 쪽이 처리할 수 없는 종류의 메시지가 도착했습니다. 예: 텍스트만 받는 엔드포인트에 바이너리.</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>예약됨</translation>
    </message>
    <message>
        <source>Reserved for a future meaning; no endpoint should send it.</source>
        <translation>앞으로의 용도로 예약되어 있으므로 어떤 엔드포인트도 보내면 안 됩니다.</translation>
    </message>
    <message>
        <source>No Status Received</source>
        <translation>상태 코드 수신 안 됨</translation>
    </message>
    <message>
        <source>The close frame carried no code; shown locally, never sent on the wire.</source>
        <translation>종료 프레임에 코드가 없었습니다. 로컬에서만 표시하며 실제로 전송되지는 않습니다.</translation>
    </message>
    <message>
        <source>Abnormal Closure</source>
        <translation>비정상 종료</translation>
    </message>
    <message>
        <source>The connection dropped without a close frame: the TCP connection was lost or reset.</source>
        <translation>종료 프레임 없이 연결이 끊겼습니다: TCP 연결이 끊기거나 리셋되었습니다.</translation>
    </message>
    <message>
        <source>Invalid Frame Payload Data</source>
        <translation>잘못된 프레임 페이로드 데이터</translation>
    </message>
    <message>
        <source>A message&apos;s content was not what its type promised, such as a text message that is not valid UTF-8.</source>
        <translation>메시지 내용이 타입과 맞지 않았습니다. 예: 올바른 UTF-8이 아닌 텍스트 메시지.</translation>
    </message>
    <message>
        <source>Policy Violation</source>
        <translation>정책 위반</translation>
    </message>
    <message>
        <source>A message broke the closing side&apos;s rules, for example a missing or wrong login.</source>
        <translation>메시지가 종료하는 쪽의 규칙을 어겼습니다. 예: 로그인 정보가 없거나 틀림.</translation>
    </message>
    <message>
        <source>Message Too Big</source>
        <translation>메시지가 너무 큼</translation>
    </message>
    <message>
        <source>A message was larger than the closing side is willing to handle.</source>
        <translation>메시지가 종료하는 쪽이 처리하려는 크기보다 컸습니다.</translation>
    </message>
    <message>
        <source>Mandatory Extension</source>
        <translation>필수 확장</translation>
    </message>
    <message>
        <source>The client needed an extension that the server did not agree to during the handshake.</source>
        <translation>클라이언트에 필요한 확장에 서버가 핸드셰이크에서 동의하지 않았습니다.</translation>
    </message>
    <message>
        <source>Internal Error</source>
        <translation>내부 오류</translation>
    </message>
    <message>
        <source>The server hit an unexpected problem of its own and could not go on.</source>
        <translation>서버에 예상하지 못한 자체 문제가 생겨 계속할 수 없었습니다.</translation>
    </message>
    <message>
        <source>Service Restart</source>
        <translation>서비스 재시작</translation>
    </message>
    <message>
        <source>The server is restarting; reconnecting shortly should work.</source>
        <translation>서버가 재시작하는 중입니다. 잠시 후 다시 연결하면 됩니다.</translation>
    </message>
    <message>
        <source>Try Again Later</source>
        <translation>나중에 다시 시도</translation>
    </message>
    <message>
        <source>The server is overloaded or busy for now; try again after a while.</source>
        <translation>서버가 지금 과부하 상태이거나 바쁩니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Bad Gateway</source>
        <translation>잘못된 게이트웨이</translation>
    </message>
    <message>
        <source>A gateway or proxy in between got an invalid answer from the server behind it.</source>
        <translation>중간의 게이트웨이나 프록시가 뒤쪽 서버에서 잘못된 응답을 받았습니다.</translation>
    </message>
    <message>
        <source>TLS Handshake</source>
        <translation>TLS 핸드셰이크</translation>
    </message>
    <message>
        <source>The secure (TLS) connection could not be set up, for example because the certificate was not trusted; shown locally, never sent on the wire.</source>
        <translation>보안(TLS) 연결을 설정할 수 없었습니다. 예: 인증서를 신뢰할 수 없음. 로컬에서만 표시하며 실제로 전송되지는 않습니다.</translation>
    </message>
    <message>
        <source>Registered (3000-3999)</source>
        <translation>등록됨 (3000-3999)</translation>
    </message>
    <message>
        <source>Private use (4000-4999)</source>
        <translation>비공개 용도 (4000-4999)</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>할당되지 않음</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>잘못됨</translation>
    </message>
    <message>
        <source>A code defined by a library or framework; its documentation says what it means.</source>
        <translation>라이브러리나 프레임워크가 정의한 코드입니다. 의미는 그 문서에서 확인하세요.</translation>
    </message>
    <message>
        <source>A code the application chose for itself; only its own documentation says what it means.</source>
        <translation>애플리케이션이 스스로 정한 코드입니다. 의미는 그 애플리케이션의 문서에만 있습니다.</translation>
    </message>
    <message>
        <source>A code kept for future versions of the WebSocket protocol; no meaning is defined yet.</source>
        <translation>WebSocket 프로토콜의 향후 버전을 위해 남겨 둔 코드입니다. 아직 정의된 의미가 없습니다.</translation>
    </message>
    <message>
        <source>Not a valid close code: codes start at 1000 and end at 4999.</source>
        <translation>올바른 종료 코드가 아닙니다: 코드는 1000부터 4999까지입니다.</translation>
    </message>
</context>
<context>
    <name>wsscope::Composer</name>
    <message>
        <source>line %1, column %2</source>
        <translation>%1줄 %2열</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Binary (hex)</source>
        <translation>바이너리 (hex)</translation>
    </message>
    <message>
        <source>Send a text message, or a binary message written as hex bytes.</source>
        <translation>텍스트 메시지 또는 16진수 바이트로 쓴 바이너리 메시지를 보냅니다.</translation>
    </message>
    <message>
        <source>From File…</source>
        <translation>파일에서…</translation>
    </message>
    <message>
        <source>Send the bytes of a file as one binary message.</source>
        <translation>파일의 바이트를 바이너리 메시지 하나로 보냅니다.</translation>
    </message>
    <message>
        <source>Fragment into frames of</source>
        <translation>프레임 단편화 크기:</translation>
    </message>
    <message>
        <source>Send the message as several frames (RFC 6455 §5.4).</source>
        <translation>메시지를 여러 프레임으로 나누어 보냅니다 (RFC 6455 §5.4).</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 바이트</translation>
    </message>
    <message>
        <source>Snippets</source>
        <translation>스니펫</translation>
    </message>
    <message>
        <source>Messages saved for this URL.</source>
        <translation>이 URL에 저장한 메시지.</translation>
    </message>
    <message>
        <source>Message to send. Ctrl+Enter sends; Up/Down on the first/last line browse what you sent before.</source>
        <translation>보낼 메시지. Ctrl+Enter로 보내고, 첫 줄/마지막 줄에서 위/아래 키로 이전에 보낸 메시지를 찾아봅니다.</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>보내기(&amp;S)</translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Enter)</source>
        <translation>메시지 보내기 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>ping payload (text)</source>
        <translation>핑 페이로드 (텍스트)</translation>
    </message>
    <message>
        <source>P&amp;ing</source>
        <translation>핑(&amp;I)</translation>
    </message>
    <message>
        <source>Send a ping; the pong&apos;s round-trip time shows in the Ping/Pong tab.</source>
        <translation>핑을 보냅니다. 퐁의 왕복 시간은 핑/퐁 탭에 표시됩니다.</translation>
    </message>
    <message>
        <source>Close code: pick one or type any number from 1000 to 4999.</source>
        <translation>종료 코드: 목록에서 고르거나 1000~4999 사이의 숫자를 입력하세요.</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>닫기(&amp;L)</translation>
    </message>
    <message>
        <source>Start the closing handshake with this code and reason.</source>
        <translation>이 코드와 사유로 종료 핸드셰이크를 시작합니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln byte(s) from the file</source>
        <translation>
            <numerusform>%1: 파일에서 %Ln바이트</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln바이트</numerusform>
        </translation>
    </message>
    <message>
        <source>Not hex: write byte pairs such as 48 65 6c 6c 6f</source>
        <translation>16진수가 아닙니다: 48 65 6c 6c 6f처럼 바이트 쌍으로 쓰세요</translation>
    </message>
    <message>
        <source>✓ Valid JSON</source>
        <translation>✓ 올바른 JSON</translation>
    </message>
    <message>
        <source>✗ Invalid JSON: %1 at %2</source>
        <translation>✗ 잘못된 JSON: %2에서 %1</translation>
    </message>
    <message numerus="yes">
        <source>Text, %Ln byte(s) of UTF-8</source>
        <translation>
            <numerusform>텍스트, UTF-8 %Ln바이트</numerusform>
        </translation>
    </message>
    <message>
        <source>Send File as Binary Message</source>
        <translation>파일을 바이너리 메시지로 보내기</translation>
    </message>
    <message>
        <source>Send File</source>
        <translation>파일 보내기</translation>
    </message>
    <message>
        <source>Could not read %1 (%2); check that it exists and you may read it.</source>
        <translation>%1을(를) 읽을 수 없습니다 (%2). 파일이 있는지, 읽기 권한이 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>Clear File</source>
        <translation>파일 지우기</translation>
    </message>
    <message>
        <source>Save Message as Snippet…</source>
        <translation>메시지를 스니펫으로 저장…</translation>
    </message>
    <message>
        <source>Save Snippet</source>
        <translation>스니펫 저장</translation>
    </message>
    <message>
        <source>Name of the snippet for %1:</source>
        <translation>%1에 대한 스니펫 이름:</translation>
    </message>
    <message>
        <source>No snippets for this URL</source>
        <translation>이 URL의 스니펫 없음</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>삽입</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
</context>
<context>
    <name>wsscope::ConnectDialog</name>
    <message>
        <source>New Connection</source>
        <translation>새 연결</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>A ws:// or wss:// address. Recent addresses are in the list.</source>
        <translation>ws:// 또는 wss:// 주소. 최근 주소는 목록에 있습니다.</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Optional label shown in the connection list</source>
        <translation>연결 목록에 표시할 이름 (선택)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. graphql-ws, mqtt</source>
        <translation>쉼표로 구분, 예: graphql-ws, mqtt</translation>
    </message>
    <message>
        <source>&amp;Subprotocols:</source>
        <translation>서브프로토콜(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Origin:</source>
        <translation>&amp;Origin:</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Extra request headers, sent in this order.</source>
        <translation>추가 요청 헤더. 이 순서대로 보냅니다.</translation>
    </message>
    <message>
        <source>&amp;Add Header</source>
        <translation>헤더 추가(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove Header</source>
        <translation>헤더 제거(&amp;R)</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>헤더:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM 파일 (*.pem *.crt *.cer *.key);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>System CAs only</source>
        <translation>시스템 CA만</translation>
    </message>
    <message>
        <source>Extra &amp;CA file:</source>
        <translation>추가 &amp;CA 파일:</translation>
    </message>
    <message>
        <source>Trusted CA Certificates</source>
        <translation>신뢰할 CA 인증서</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation>클라이언트 인증서(&amp;E):</translation>
    </message>
    <message>
        <source>Client Certificate</source>
        <translation>클라이언트 인증서</translation>
    </message>
    <message>
        <source>None (unencrypted PEM key)</source>
        <translation>없음 (암호화되지 않은 PEM 키)</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>클라이언트 키(&amp;K):</translation>
    </message>
    <message>
        <source>Client Private Key</source>
        <translation>클라이언트 개인 키</translation>
    </message>
    <message>
        <source>The URL&apos;s host</source>
        <translation>URL의 호스트</translation>
    </message>
    <message>
        <source>Server name sent in SNI and checked against the certificate.</source>
        <translation>SNI로 보내고 인증서와 대조하는 서버 이름.</translation>
    </message>
    <message>
        <source>&amp;Peer name:</source>
        <translation>피어 이름(&amp;P):</translation>
    </message>
    <message>
        <source>Allow &amp;insecure certificates</source>
        <translation>안전하지 않은 인증서 허용(&amp;I)</translation>
    </message>
    <message>
        <source>Warning: certificate errors will be ignored, so anyone between you and the server could read and change this traffic. The errors are still recorded in the Handshake tab. Use this only for servers you control.</source>
        <translation>경고: 인증서 오류를 무시하므로 서버와의 사이에 있는 누구든 이 트래픽을 읽고 바꿀 수 있습니다. 오류는 핸드셰이크 탭에 그대로 기록됩니다. 직접 관리하는 서버에만 사용하세요.</translation>
    </message>
    <message>
        <source>None (direct)</source>
        <translation>없음 (직접 연결)</translation>
    </message>
    <message>
        <source>HTTP (CONNECT)</source>
        <translation>HTTP (CONNECT)</translation>
    </message>
    <message>
        <source>SOCKS5</source>
        <translation>SOCKS5</translation>
    </message>
    <message>
        <source>Upstream &amp;proxy:</source>
        <translation>업스트림 프록시(&amp;P):</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>포트:</translation>
    </message>
    <message>
        <source>Proxy host:</source>
        <translation>프록시 호스트:</translation>
    </message>
    <message>
        <source>Proxy user:</source>
        <translation>프록시 사용자:</translation>
    </message>
    <message>
        <source>Proxy password:</source>
        <translation>프록시 비밀번호:</translation>
    </message>
    <message>
        <source>&amp;Reconnect automatically when the connection drops</source>
        <translation>연결이 끊기면 자동으로 다시 연결(&amp;R)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>Waits 0.5 s, 1 s, 2 s, … between attempts, never longer than this.</source>
        <translation>시도 사이에 0.5초, 1초, 2초, …를 기다리며, 이 값보다 길게 기다리지 않습니다.</translation>
    </message>
    <message>
        <source>Longest reconnect delay:</source>
        <translation>최대 재연결 지연:</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>Send a ping this often and chart the round-trip time.</source>
        <translation>이 주기로 핑을 보내고 왕복 시간을 차트로 그립니다.</translation>
    </message>
    <message>
        <source>Auto-&amp;ping every:</source>
        <translation>자동 핑 주기(&amp;P):</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 바이트</translation>
    </message>
    <message>
        <source>One frame a message</source>
        <translation>메시지당 프레임 하나</translation>
    </message>
    <message>
        <source>Split every outgoing message into frames of at most this size.</source>
        <translation>보내는 모든 메시지를 이 크기 이하의 프레임으로 나눕니다.</translation>
    </message>
    <message>
        <source>Outgoing &amp;frame size:</source>
        <translation>보내는 프레임 크기(&amp;F):</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Headers only</source>
        <translation>헤더만</translation>
    </message>
    <message>
        <source>Frames longer than this are recorded with their first bytes only.</source>
        <translation>이보다 긴 프레임은 앞부분 바이트만 기록합니다.</translation>
    </message>
    <message>
        <source>Stored payload &amp;cap:</source>
        <translation>저장할 페이로드 한도(&amp;C):</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, for example ws://localhost:8080/chat.</source>
        <translation>서버 주소를 입력하세요. 예: ws://localhost:8080/chat</translation>
    </message>
    <message>
        <source>This address is not a valid URL (%1); check it for typing mistakes.</source>
        <translation>이 주소는 올바른 URL이 아닙니다 (%1). 오타가 없는지 확인하세요.</translation>
    </message>
    <message>
        <source>WebSocket addresses start with ws:// or wss://; use %1:// instead of %2://.</source>
        <translation>WebSocket 주소는 ws:// 또는 wss://로 시작합니다. %2:// 대신 %1://을 쓰세요.</translation>
    </message>
    <message>
        <source>The address must start with ws:// or wss:// (for example ws://localhost:8080/chat).</source>
        <translation>주소는 ws:// 또는 wss://로 시작해야 합니다 (예: ws://localhost:8080/chat).</translation>
    </message>
    <message>
        <source>The address has no host name; write it as %1://host[:port]/path.</source>
        <translation>주소에 호스트 이름이 없습니다. %1://host[:port]/path 형식으로 쓰세요.</translation>
    </message>
    <message>
        <source>These settings apply to this wss:// connection.</source>
        <translation>이 설정은 이 wss:// 연결에 적용됩니다.</translation>
    </message>
    <message>
        <source>These settings apply only to wss:// addresses; this one is plain ws://.</source>
        <translation>이 설정은 wss:// 주소에만 적용됩니다. 이 주소는 일반 ws://입니다.</translation>
    </message>
    <message>
        <source>Enter the upstream proxy&apos;s host name, or choose no proxy on the Network page.</source>
        <translation>업스트림 프록시의 호스트 이름을 입력하거나, 네트워크 페이지에서 프록시 없음을 고르세요.</translation>
    </message>
    <message>
        <source>A client certificate needs its private key (and the key its certificate); fill in both on the TLS page.</source>
        <translation>클라이언트 인증서에는 개인 키가 (키에는 인증서가) 필요합니다. TLS 페이지에서 둘 다 입력하세요.</translation>
    </message>
</context>
<context>
    <name>wsscope::ConnectionListModel</name>
    <message>
        <source>Connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열림</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>종료 중</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>직접</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>프록시</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation>연결 %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Frames in</source>
        <translation>받은 프레임</translation>
    </message>
    <message>
        <source>Frames out</source>
        <translation>보낸 프레임</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>받은 바이트</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>보낸 바이트</translation>
    </message>
    <message>
        <source>RTT (ms)</source>
        <translation>RTT (ms)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Payload bytes, frame headers not counted</source>
        <translation>페이로드 바이트 (프레임 헤더 제외)</translation>
    </message>
    <message>
        <source>Round trip of the last ping answered by the server</source>
        <translation>서버가 응답한 마지막 핑의 왕복 시간</translation>
    </message>
    <message>
        <source>Close code and reason</source>
        <translation>종료 코드와 사유</translation>
    </message>
    <message>
        <source>Mock</source>
        <extracomment>A connection served by WsScope&apos;s mock server from a recording</extracomment>
        <translation>목 서버</translation>
    </message>
</context>
<context>
    <name>wsscope::DiffDialog</name>
    <message>
        <source>Compare Connections</source>
        <translation>연결 비교</translation>
    </message>
    <message>
        <source>S&amp;wap</source>
        <translation>바꾸기(&amp;W)</translation>
    </message>
    <message>
        <source>Compare B with A instead</source>
        <translation>B를 A와 비교 (반대로)</translation>
    </message>
    <message>
        <source>Ignore the order of &amp;keys in JSON objects</source>
        <translation>JSON 객체의 키 순서 무시(&amp;K)</translation>
    </message>
    <message>
        <source>JSON path to ignore, e.g. $.timestamp or $..id</source>
        <translation>무시할 JSON 경로, 예: $.timestamp 또는 $..id</translation>
    </message>
    <message>
        <source>Regular expression to ignore, e.g. [0-9a-f]{32}</source>
        <translation>무시할 정규 표현식, 예: [0-9a-f]{32}</translation>
    </message>
    <message>
        <source>This is not a valid regular expression: %1 at character %2.</source>
        <translation>올바른 정규 표현식이 아닙니다: 문자 %2에서 %1.</translation>
    </message>
    <message>
        <source>Connection &amp;A:</source>
        <translation>연결 &amp;A:</translation>
    </message>
    <message>
        <source>Connection &amp;B:</source>
        <translation>연결 &amp;B:</translation>
    </message>
    <message>
        <source>Ignore JSON paths</source>
        <translation>무시할 JSON 경로</translation>
    </message>
    <message>
        <source>Ignore text matching</source>
        <translation>무시할 텍스트 패턴</translation>
    </message>
    <message>
        <source>Compare &amp;Again</source>
        <translation>다시 비교(&amp;A)</translation>
    </message>
    <message>
        <source>Compare once more, with the messages recorded since</source>
        <translation>그 뒤에 기록된 메시지까지 포함해 다시 비교합니다</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>(replay of #%1)</source>
        <translation>(#%1의 재생)</translation>
    </message>
    <message>
        <source>(mock of #%1)</source>
        <translation>(#%1의 목 서버)</translation>
    </message>
</context>
<context>
    <name>wsscope::DiffModel</name>
    <message>
        <source>Same</source>
        <translation>같음</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>바뀜</translation>
    </message>
    <message>
        <source>Missing in B</source>
        <translation>B에 없음</translation>
    </message>
    <message>
        <source>Extra in B</source>
        <translation>B에만 있음</translation>
    </message>
    <message numerus="yes">
        <source>binary, %n byte(s): </source>
        <translation>
            <numerusform>바이너리, %n바이트: </numerusform>
        </translation>
    </message>
    <message>
        <source>Client → server: %1 messages in A, %2 in B</source>
        <translation>클라이언트 → 서버: A에 메시지 %1개, B에 %2개</translation>
    </message>
    <message>
        <source>Server → client: %1 messages in A, %2 in B</source>
        <translation>서버 → 클라이언트: A에 메시지 %1개, B에 %2개</translation>
    </message>
    <message>
        <source>%1
JSON path: %2</source>
        <translation>%1
JSON 경로: %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source># A</source>
        <translation># A</translation>
    </message>
    <message>
        <source>Message in A</source>
        <translation>A의 메시지</translation>
    </message>
    <message>
        <source># B</source>
        <translation># B</translation>
    </message>
    <message>
        <source>Message in B</source>
        <translation>B의 메시지</translation>
    </message>
    <message>
        <source>First difference</source>
        <translation>첫 번째 차이</translation>
    </message>
</context>
<context>
    <name>wsscope::DiffView</name>
    <message numerus="yes">
        <source>(cut at the capture&apos;s payload cap: %n byte(s) in all)</source>
        <translation>
            <numerusform>(캡처의 페이로드 한도에서 잘림: 전체 %n바이트)</numerusform>
        </translation>
    </message>
    <message>
        <source>Show only &amp;differences</source>
        <translation>차이만 표시(&amp;D)</translation>
    </message>
    <message>
        <source>Message in A</source>
        <translation>A의 메시지</translation>
    </message>
    <message>
        <source>Message in B</source>
        <translation>B의 메시지</translation>
    </message>
    <message>
        <source>Choose two connections to compare.</source>
        <translation>비교할 연결 두 개를 고르세요.</translation>
    </message>
    <message>
        <source>Neither connection has data messages to compare.</source>
        <translation>두 연결 모두 비교할 데이터 메시지가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Identical: all %n message(s) are the same.</source>
        <translation>
            <numerusform>동일: 메시지 %n개가 모두 같습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 same, %2 changed, %3 missing in B, %4 extra in B</source>
        <translation>같음 %1, 바뀜 %2, B에 없음 %3, B에만 있음 %4</translation>
    </message>
    <message>
        <source>client message %1</source>
        <translation>클라이언트 메시지 %1</translation>
    </message>
    <message>
        <source>server message %1</source>
        <translation>서버 메시지 %1</translation>
    </message>
    <message>
        <source>First difference (%1, %2): %3</source>
        <translation>첫 번째 차이 (%1, %2): %3</translation>
    </message>
    <message>
        <source>JSON path: %1</source>
        <translation>JSON 경로: %1</translation>
    </message>
    <message>
        <source>Select a row to see both messages in full; double-click a message to show it in the timeline.</source>
        <translation>행을 선택하면 두 메시지를 모두 볼 수 있습니다. 메시지를 더블클릭하면 타임라인에서 보여 줍니다.</translation>
    </message>
    <message>
        <source>(JSON path %1)</source>
        <translation>(JSON 경로 %1)</translation>
    </message>
    <message>
        <source>(no message in A)</source>
        <translation>(A에 메시지 없음)</translation>
    </message>
    <message>
        <source>(no message in B)</source>
        <translation>(B에 메시지 없음)</translation>
    </message>
</context>
<context>
    <name>wsscope::EventLog</name>
    <message>
        <source>Continuation</source>
        <translation>연속</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Binary</source>
        <translation>바이너리</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>핑</translation>
    </message>
    <message>
        <source>Pong</source>
        <translation>퐁</translation>
    </message>
    <message>
        <source>Reserved (0x%1)</source>
        <translation>예약됨 (0x%1)</translation>
    </message>
</context>
<context>
    <name>wsscope::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>HAR 1.2 (browsers and HAR viewers)</source>
        <translation>HAR 1.2 (브라우저와 HAR 뷰어용)</translation>
    </message>
    <message>
        <source>NDJSON, one message a line</source>
        <translation>NDJSON, 한 줄에 메시지 하나</translation>
    </message>
    <message>
        <source>CSV, one message a row</source>
        <translation>CSV, 한 행에 메시지 하나</translation>
    </message>
    <message>
        <source>Payload files in a folder</source>
        <translation>폴더에 페이로드 파일로</translation>
    </message>
    <message>
        <source>&amp;All connections</source>
        <translation>모든 연결(&amp;A)</translation>
    </message>
    <message>
        <source>Only the &amp;selected one: #%1 %2</source>
        <translation>선택한 연결만(&amp;S): #%1 %2</translation>
    </message>
    <message>
        <source>Only the &amp;selected one (none is selected)</source>
        <translation>선택한 연결만(&amp;S) (선택된 연결 없음)</translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation>양방향</translation>
    </message>
    <message>
        <source>Sent only (→ to the server)</source>
        <translation>보낸 것만 (→ 서버로)</translation>
    </message>
    <message>
        <source>Received only (← from the server)</source>
        <translation>받은 것만 (← 서버에서)</translation>
    </message>
    <message>
        <source>Include close, ping and pong frames</source>
        <translation>종료, 핑, 퐁 프레임 포함</translation>
    </message>
    <message>
        <source>Hide values in the HAR file</source>
        <translation>HAR 파일에서 값 가리기</translation>
    </message>
    <message>
        <source>&amp;Redact the checked headers and query parameters</source>
        <translation>선택한 헤더와 쿼리 매개변수 가리기(&amp;R)</translation>
    </message>
    <message>
        <source>HAR files get shared: credentials in headers and URLs are replaced by &quot;%1&quot;. Message payloads are never changed.</source>
        <translation>HAR 파일은 공유되기 마련이므로 헤더와 URL의 자격 증명을 &quot;%1&quot;(으)로 바꿉니다. 메시지 페이로드는 바꾸지 않습니다.</translation>
    </message>
    <message>
        <source>Another header, e.g. X-Api-Key</source>
        <translation>다른 헤더, 예: X-Api-Key</translation>
    </message>
    <message>
        <source>Another query parameter, e.g. token</source>
        <translation>다른 쿼리 매개변수, 예: token</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>헤더:</translation>
    </message>
    <message>
        <source>Query parameters:</source>
        <translation>쿼리 매개변수:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>형식(&amp;F):</translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>연결:</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>방향(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Write to:</source>
        <translation>저장 위치(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <source>NDJSON, CSV and payload files hold messages only, no headers or URLs, so there is nothing to redact.</source>
        <translation>NDJSON, CSV, 페이로드 파일에는 메시지만 담기고 헤더나 URL은 없으므로 가릴 것이 없습니다.</translation>
    </message>
    <message>
        <source>Folder for the Payload Files</source>
        <translation>페이로드 파일을 둘 폴더</translation>
    </message>
    <message>
        <source>HAR files (*.har)</source>
        <translation>HAR 파일 (*.har)</translation>
    </message>
    <message>
        <source>NDJSON files (*.ndjson)</source>
        <translation>NDJSON 파일 (*.ndjson)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>내보낼 위치</translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation>내보낼 위치를 고르세요.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Exported %1 connection(s) with %2 message(s) to %3.</source>
        <translation>연결 %1개, 메시지 %2개를 %3에 내보냈습니다.</translation>
    </message>
    <message>
        <source>Exported %1 message(s) to %2.</source>
        <translation>메시지 %1개를 %2에 내보냈습니다.</translation>
    </message>
</context>
<context>
    <name>wsscope::FilterBar</name>
    <message>
        <source>Find in payloads…</source>
        <translation>페이로드에서 찾기…</translation>
    </message>
    <message>
        <source>Searches the payload bytes of every frame (Enter: next match).</source>
        <translation>모든 프레임의 페이로드 바이트를 검색합니다 (Enter: 다음 일치 항목).</translation>
    </message>
    <message>
        <source>Rege&amp;x</source>
        <translation>정규식(&amp;X)</translation>
    </message>
    <message>
        <source>Treat the text as a regular expression.</source>
        <translation>입력한 텍스트를 정규 표현식으로 취급합니다.</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>대소문자 구분(&amp;C)</translation>
    </message>
    <message>
        <source>Only &amp;matching</source>
        <translation>일치 항목만(&amp;M)</translation>
    </message>
    <message>
        <source>Hide rows that do not match; when off, matches are marked and F3 moves between them.</source>
        <translation>일치하지 않는 행을 숨깁니다. 끄면 일치 항목을 표시하고 F3으로 이동합니다.</translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation>양방향</translation>
    </message>
    <message>
        <source>→ Sent only</source>
        <translation>→ 보낸 것만</translation>
    </message>
    <message>
        <source>← Received only</source>
        <translation>← 받은 것만</translation>
    </message>
    <message>
        <source>Hide &amp;control frames</source>
        <translation>제어 프레임 숨기기(&amp;C)</translation>
    </message>
    <message>
        <source>Hide ping, pong and close frames.</source>
        <translation>핑, 퐁, 종료 프레임을 숨깁니다.</translation>
    </message>
    <message>
        <source>&amp;Violations only</source>
        <translation>위반만(&amp;V)</translation>
    </message>
    <message>
        <source>Show only protocol violations and errors.</source>
        <translation>프로토콜 위반과 오류만 표시합니다.</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>이전 일치 항목 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>다음 일치 항목 (F3)</translation>
    </message>
    <message>
        <source>Close the find bar and show every row (Esc)</source>
        <translation>찾기 막대를 닫고 모든 행 표시 (Esc)</translation>
    </message>
    <message>
        <source>Invalid pattern</source>
        <translation>잘못된 패턴</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>일치 항목 없음</translation>
    </message>
</context>
<context>
    <name>wsscope::FrameDetailsView</name>
    <message>
        <source>client → server</source>
        <translation>클라이언트 → 서버</translation>
    </message>
    <message>
        <source>server → client</source>
        <translation>서버 → 클라이언트</translation>
    </message>
    <message>
        <source>Continuation</source>
        <translation>연속</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Binary</source>
        <translation>바이너리</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>핑</translation>
    </message>
    <message>
        <source>Pong</source>
        <translation>퐁</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>예약됨</translation>
    </message>
    <message>
        <source>continues the message begun by an earlier Text or Binary frame whose FIN bit was clear (RFC 6455 §5.4).</source>
        <translation>FIN 비트가 꺼진 앞선 Text 또는 Binary 프레임이 시작한 메시지를 이어 갑니다 (RFC 6455 §5.4).</translation>
    </message>
    <message>
        <source>starts a text message; its payload, once all fragments are joined, must be valid UTF-8 (RFC 6455 §5.6).</source>
        <translation>텍스트 메시지를 시작합니다. 모든 조각을 합친 페이로드는 올바른 UTF-8이어야 합니다 (RFC 6455 §5.6).</translation>
    </message>
    <message>
        <source>starts a binary message; the application decides what the bytes mean (RFC 6455 §5.6).</source>
        <translation>바이너리 메시지를 시작합니다. 바이트의 의미는 애플리케이션이 정합니다 (RFC 6455 §5.6).</translation>
    </message>
    <message>
        <source>a control frame that starts or answers the closing handshake; its body, if any, is a 2-byte status code and a UTF-8 reason (RFC 6455 §5.5.1).</source>
        <translation>종료 핸드셰이크를 시작하거나 그에 응답하는 제어 프레임입니다. 본문이 있다면 2바이트 상태 코드와 UTF-8 사유입니다 (RFC 6455 §5.5.1).</translation>
    </message>
    <message>
        <source>a control frame asking the peer to answer with a Pong carrying the same payload, as a keep-alive or to measure the round trip (RFC 6455 §5.5.2).</source>
        <translation>상대방에게 같은 페이로드를 담은 Pong으로 응답하라고 요청하는 제어 프레임입니다. 연결 유지(keep-alive)나 왕복 시간 측정에 씁니다 (RFC 6455 §5.5.2).</translation>
    </message>
    <message>
        <source>a control frame answering a Ping with its payload, or sent unasked as a one-way heartbeat (RFC 6455 §5.5.3).</source>
        <translation>Ping에 그 페이로드로 응답하거나, 요청 없이 단방향 하트비트로 보내는 제어 프레임입니다 (RFC 6455 §5.5.3).</translation>
    </message>
    <message>
        <source>a reserved opcode with no meaning defined; an endpoint receiving it must fail the connection (RFC 6455 §5.2).</source>
        <translation>의미가 정의되지 않은 예약 opcode입니다. 이를 받은 엔드포인트는 연결을 실패 처리해야 합니다 (RFC 6455 §5.2).</translation>
    </message>
    <message>
        <source>%1 ms after the connection started</source>
        <translation>연결 시작 후 %1 ms</translation>
    </message>
    <message>
        <source>Select a row of the timeline to see its frame explained.</source>
        <translation>타임라인에서 행을 선택하면 그 프레임의 설명이 나옵니다.</translation>
    </message>
    <message>
        <source>Protocol violation</source>
        <translation>프로토콜 위반</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>규칙: %1</translation>
    </message>
    <message>
        <source>Seen in the %1 stream, %2.</source>
        <translation>%1 스트림, %2에서 발견.</translation>
    </message>
    <message>
        <source>Event: not a frame</source>
        <translation>이벤트: 프레임 아님</translation>
    </message>
    <message>
        <source>%1 frame #%2, %3</source>
        <translation>%1 프레임 #%2, %3</translation>
    </message>
    <message>
        <source>FIN</source>
        <translation>FIN</translation>
    </message>
    <message>
        <source>FIN set: this frame ends a fragmented message.</source>
        <translation>FIN 설정됨: 이 프레임이 단편화된 메시지를 끝냅니다.</translation>
    </message>
    <message>
        <source>FIN set: the final (here the only) frame of its message.</source>
        <translation>FIN 설정됨: 메시지의 마지막 (여기서는 유일한) 프레임입니다.</translation>
    </message>
    <message>
        <source>FIN clear: more fragments of this message follow (RFC 6455 §5.4).</source>
        <translation>FIN 꺼짐: 이 메시지의 조각이 더 이어집니다 (RFC 6455 §5.4).</translation>
    </message>
    <message>
        <source>RSV1</source>
        <translation>RSV1</translation>
    </message>
    <message>
        <source>RSV1 set: compressed (permessage-deflate, RFC 7692 §6), when that extension was agreed in the handshake.</source>
        <translation>RSV1 설정됨: 핸드셰이크에서 permessage-deflate 확장에 합의한 경우 압축된 페이로드입니다 (RFC 7692 §6).</translation>
    </message>
    <message>
        <source>RSV1 clear: the payload is not compressed.</source>
        <translation>RSV1 꺼짐: 페이로드가 압축되지 않았습니다.</translation>
    </message>
    <message>
        <source>RSV2</source>
        <translation>RSV2</translation>
    </message>
    <message>
        <source>RSV2 set: reserved for an extension; no common extension defines it (RFC 6455 §5.2).</source>
        <translation>RSV2 설정됨: 확장용으로 예약된 비트이며, 이를 정의하는 일반적인 확장은 없습니다 (RFC 6455 §5.2).</translation>
    </message>
    <message>
        <source>RSV2 clear: reserved, unused.</source>
        <translation>RSV2 꺼짐: 예약됨, 사용 안 함.</translation>
    </message>
    <message>
        <source>RSV3</source>
        <translation>RSV3</translation>
    </message>
    <message>
        <source>RSV3 set: reserved for an extension; no common extension defines it (RFC 6455 §5.2).</source>
        <translation>RSV3 설정됨: 확장용으로 예약된 비트이며, 이를 정의하는 일반적인 확장은 없습니다 (RFC 6455 §5.2).</translation>
    </message>
    <message>
        <source>RSV3 clear: reserved, unused.</source>
        <translation>RSV3 꺼짐: 예약됨, 사용 안 함.</translation>
    </message>
    <message>
        <source>Opcode</source>
        <translation>Opcode</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>MASK set: payload XORed with key %1 (RFC 6455 §5.3), as every client frame must be.</source>
        <translation>MASK 설정됨: 모든 클라이언트 프레임이 그래야 하듯 페이로드를 키 %1(으)로 XOR했습니다 (RFC 6455 §5.3).</translation>
    </message>
    <message>
        <source>MASK set: payload XORed with key %1, but a server must not mask its frames (RFC 6455 §5.1).</source>
        <translation>MASK 설정됨: 페이로드를 키 %1(으)로 XOR했지만, 서버는 프레임을 마스킹하면 안 됩니다 (RFC 6455 §5.1).</translation>
    </message>
    <message>
        <source>MASK clear: the payload is sent as is, but a client must mask every frame (RFC 6455 §5.1).</source>
        <translation>MASK 꺼짐: 페이로드를 그대로 보냈지만, 클라이언트는 모든 프레임을 마스킹해야 합니다 (RFC 6455 §5.1).</translation>
    </message>
    <message>
        <source>MASK clear: not masked, as a server&apos;s frames must not be (RFC 6455 §5.1).</source>
        <translation>MASK 꺼짐: 서버 프레임은 마스킹하지 않아야 하므로 올바릅니다 (RFC 6455 §5.1).</translation>
    </message>
    <message>
        <source>MASK</source>
        <translation>MASK</translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s), written directly in the 7-bit length field (0-125).</source>
        <translation>
            <numerusform>%Ln바이트, 7비트 길이 필드에 직접 기록 (0-125).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 bytes: the 7-bit field holds 126, and the length follows as a 16-bit number (RFC 6455 §5.2).</source>
        <translation>%1바이트: 7비트 필드 값이 126이고, 길이가 16비트 숫자로 이어집니다 (RFC 6455 §5.2).</translation>
    </message>
    <message>
        <source>Not minimal: a length under 126 fits the 7-bit field.</source>
        <translation>최소 표현 아님: 126 미만의 길이는 7비트 필드에 들어갑니다.</translation>
    </message>
    <message>
        <source>%1 bytes: the 7-bit field holds 127, and the length follows as a 64-bit number (RFC 6455 §5.2).</source>
        <translation>%1바이트: 7비트 필드 값이 127이고, 길이가 64비트 숫자로 이어집니다 (RFC 6455 §5.2).</translation>
    </message>
    <message>
        <source>Not minimal: a length under 65536 fits in 16 bits.</source>
        <translation>최소 표현 아님: 65536 미만의 길이는 16비트에 들어갑니다.</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>길이</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>저장됨</translation>
    </message>
    <message>
        <source>Only the first %1 of %2 bytes were kept (the connection&apos;s stored-payload cap).</source>
        <translation>%2바이트 중 앞의 %1만 보관했습니다 (연결의 페이로드 저장 한도).</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s) on the wire before the payload.</source>
        <translation>
            <numerusform>페이로드 앞에 전송된 %Ln바이트.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>오프셋</translation>
    </message>
    <message>
        <source>Byte offset of the header in the %1 stream, counted from the first frame after the handshake; frame %2 of that direction.</source>
        <translation>%1 스트림에서 헤더의 바이트 오프셋 (핸드셰이크 뒤 첫 프레임부터 셈). 그 방향의 %2번째 프레임.</translation>
    </message>
    <message>
        <source>No body: no status code given, which the other side reports as 1005 (No Status Received).</source>
        <translation>본문 없음: 상태 코드가 없으며, 상대방은 이를 1005 (No Status Received)로 보고합니다.</translation>
    </message>
    <message>
        <source>A 1-byte body cannot hold a status code (RFC 6455 §5.5.1).</source>
        <translation>1바이트 본문에는 상태 코드를 담을 수 없습니다 (RFC 6455 §5.5.1).</translation>
    </message>
    <message>
        <source>Reason: “%1”.</source>
        <translation>사유: “%1”.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message numerus="yes">
        <source>%n violation(s) of the protocol</source>
        <translation>
            <numerusform>프로토콜 위반 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ No protocol violation in this frame.</source>
        <translation>✓ 이 프레임에는 프로토콜 위반이 없습니다.</translation>
    </message>
</context>
<context>
    <name>wsscope::HandshakeParser</name>
    <message>
        <source>The HTTP head is longer than %1 bytes without ending in an empty line; this is not a WebSocket handshake or the peer sends far too many headers.</source>
        <translation>HTTP 헤드가 빈 줄로 끝나지 않은 채 %1바이트를 넘었습니다. WebSocket 핸드셰이크가 아니거나 상대방이 헤더를 지나치게 많이 보냅니다.</translation>
    </message>
    <message>
        <source>Chunked body: a chunk size or trailer line is longer than %1 bytes; the body is malformed.</source>
        <translation>청크 본문: 청크 크기 줄이나 트레일러 줄이 %1바이트보다 깁니다. 본문 형식이 잘못되었습니다.</translation>
    </message>
    <message>
        <source>Line %1: the request line should read &quot;GET /path HTTP/1.1&quot; but reads &quot;%2&quot;.</source>
        <translation>%1번째 줄: 요청 줄은 &quot;GET /path HTTP/1.1&quot; 형식이어야 하는데 &quot;%2&quot;입니다.</translation>
    </message>
    <message>
        <source>Line %1: the status line should read &quot;HTTP/1.1 101 Switching Protocols&quot; but reads &quot;%2&quot;.</source>
        <translation>%1번째 줄: 상태 줄은 &quot;HTTP/1.1 101 Switching Protocols&quot;여야 하는데 &quot;%2&quot;입니다.</translation>
    </message>
    <message>
        <source>Line %1: the line starts with a space or tab, continuing the header above (obsolete line folding, RFC 7230 §3.2.4), which is not allowed.</source>
        <translation>%1번째 줄: 줄이 공백이나 탭으로 시작해 위 헤더를 이어 가는데(구식 줄 접기, RFC 7230 §3.2.4), 이는 허용되지 않습니다.</translation>
    </message>
    <message>
        <source>Line %1: a header line needs a colon after the name, but reads &quot;%2&quot;.</source>
        <translation>%1번째 줄: 헤더 줄에는 이름 뒤에 콜론이 있어야 하는데 &quot;%2&quot;입니다.</translation>
    </message>
    <message>
        <source>Line %1: the header name &quot;%2&quot; is empty or contains characters not allowed in a name.</source>
        <translation>%1번째 줄: 헤더 이름 &quot;%2&quot;이(가) 비어 있거나 이름에 쓸 수 없는 문자가 있습니다.</translation>
    </message>
    <message>
        <source>The response has Content-Length headers that disagree (%1), so its body cannot be delimited.</source>
        <translation>응답의 Content-Length 헤더들이 서로 다르므로(%1) 본문의 끝을 정할 수 없습니다.</translation>
    </message>
    <message>
        <source>The response&apos;s Content-Length &quot;%1&quot; is not a number of bytes.</source>
        <translation>응답의 Content-Length &quot;%1&quot;은(는) 바이트 수가 아닙니다.</translation>
    </message>
    <message>
        <source>Chunked body: the chunk size line &quot;%1&quot; is not a hexadecimal number.</source>
        <translation>청크 본문: 청크 크기 줄 &quot;%1&quot;은(는) 16진수가 아닙니다.</translation>
    </message>
    <message>
        <source>Chunked body: a chunk is longer than its announced size (no line end after it).</source>
        <translation>청크 본문: 청크가 알린 크기보다 깁니다 (뒤에 줄 끝이 없음).</translation>
    </message>
    <message>
        <source>The connection closed before any HTTP head arrived.</source>
        <translation>HTTP 헤드가 도착하기 전에 연결이 닫혔습니다.</translation>
    </message>
    <message>
        <source>The connection closed before the HTTP head ended (%1 bytes received, no empty line after the headers).</source>
        <translation>HTTP 헤드가 끝나기 전에 연결이 닫혔습니다 (%1바이트 수신, 헤더 뒤에 빈 줄 없음).</translation>
    </message>
    <message>
        <source>The connection closed after %1 of the %2 body bytes announced by Content-Length.</source>
        <translation>Content-Length가 알린 본문 %2바이트 중 %1바이트를 받은 뒤 연결이 닫혔습니다.</translation>
    </message>
    <message>
        <source>The connection closed in the middle of the chunked body, after %1 body bytes.</source>
        <translation>청크 본문 도중, 본문 %1바이트를 받은 뒤 연결이 닫혔습니다.</translation>
    </message>
</context>
<context>
    <name>wsscope::HandshakeVerdict</name>
    <message>
        <source>The request should carry %1: %2, but has no %1 header.</source>
        <translation>요청에 %1: %2이(가) 있어야 하는데 %1 헤더가 없습니다.</translation>
    </message>
    <message>
        <source>The response should carry %1: %2, but has no %1 header.</source>
        <translation>응답에 %1: %2이(가) 있어야 하는데 %1 헤더가 없습니다.</translation>
    </message>
    <message>
        <source>The request should carry %1: %2, but it says &quot;%3&quot;.</source>
        <translation>요청에 %1: %2이(가) 있어야 하는데 값이 &quot;%3&quot;입니다.</translation>
    </message>
    <message>
        <source>The response should carry %1: %2, but it says &quot;%3&quot;.</source>
        <translation>응답에 %1: %2이(가) 있어야 하는데 값이 &quot;%3&quot;입니다.</translation>
    </message>
    <message>
        <source>The server&apos;s permessage-deflate names the parameter %1 twice.</source>
        <translation>서버의 permessage-deflate에 매개변수 %1이(가) 두 번 있습니다.</translation>
    </message>
    <message>
        <source>The server&apos;s permessage-deflate parameter %1 must have no value, but has &quot;%2&quot;.</source>
        <translation>서버의 permessage-deflate 매개변수 %1에는 값이 없어야 하는데 &quot;%2&quot;이(가) 있습니다.</translation>
    </message>
    <message>
        <source>The server&apos;s permessage-deflate parameter %1 needs a value from 8 to 15, but has &quot;%2&quot;.</source>
        <translation>서버의 permessage-deflate 매개변수 %1에는 8~15 사이의 값이 필요한데 &quot;%2&quot;입니다.</translation>
    </message>
    <message>
        <source>The server set client_max_window_bits although the client did not offer that parameter.</source>
        <translation>클라이언트가 client_max_window_bits 매개변수를 제안하지 않았는데 서버가 설정했습니다.</translation>
    </message>
    <message>
        <source>The server&apos;s permessage-deflate has the unknown parameter %1.</source>
        <translation>서버의 permessage-deflate에 알 수 없는 매개변수 %1이(가) 있습니다.</translation>
    </message>
    <message>
        <source>The server switched protocols (101 %1).</source>
        <translation>서버가 프로토콜을 전환했습니다 (101 %1).</translation>
    </message>
    <message>
        <source>Expected status 101 Switching Protocols, but no response arrived.</source>
        <translation>상태 101 Switching Protocols를 기대했지만 응답이 오지 않았습니다.</translation>
    </message>
    <message>
        <source>Expected status 101 Switching Protocols, but the server answered %1 %2.</source>
        <translation>상태 101 Switching Protocols를 기대했지만 서버가 %1 %2(으)로 응답했습니다.</translation>
    </message>
    <message>
        <source>The client asked for WebSocket version 13.</source>
        <translation>클라이언트가 WebSocket 버전 13을 요청했습니다.</translation>
    </message>
    <message>
        <source>Expected Sec-WebSocket-Version: 13 in the request, but the header is missing.</source>
        <translation>요청에 Sec-WebSocket-Version: 13이 있어야 하는데 헤더가 없습니다.</translation>
    </message>
    <message>
        <source>Expected Sec-WebSocket-Version: 13 in the request, but it says &quot;%1&quot;.</source>
        <translation>요청에 Sec-WebSocket-Version: 13이 있어야 하는데 값이 &quot;%1&quot;입니다.</translation>
    </message>
    <message>
        <source>Both sides name websocket in the Upgrade header.</source>
        <translation>양쪽 모두 Upgrade 헤더에 websocket을 지정했습니다.</translation>
    </message>
    <message>
        <source>Both sides list Upgrade in the Connection header.</source>
        <translation>양쪽 모두 Connection 헤더에 Upgrade를 포함했습니다.</translation>
    </message>
    <message>
        <source>The request has no Sec-WebSocket-Key, so the server&apos;s Sec-WebSocket-Accept proves nothing.</source>
        <translation>요청에 Sec-WebSocket-Key가 없으므로 서버의 Sec-WebSocket-Accept는 아무것도 증명하지 않습니다.</translation>
    </message>
    <message>
        <source>Expected Sec-WebSocket-Accept: %1 in the response, but the header is missing.</source>
        <translation>응답에 Sec-WebSocket-Accept: %1이(가) 있어야 하는데 헤더가 없습니다.</translation>
    </message>
    <message>
        <source>Expected Sec-WebSocket-Accept: %1 (computed from the key %2), but the server sent &quot;%3&quot;.</source>
        <translation>Sec-WebSocket-Accept: %1 (키 %2에서 계산)을 기대했지만 서버가 &quot;%3&quot;을(를) 보냈습니다.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept matches, but the key &quot;%1&quot; is not 16 bytes in base64 as RFC 6455 §4.1 requires.</source>
        <translation>Sec-WebSocket-Accept는 일치하지만, 키 &quot;%1&quot;은(는) RFC 6455 §4.1이 요구하는 base64 16바이트가 아닙니다.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept %1 matches the key.</source>
        <translation>Sec-WebSocket-Accept %1이(가) 키와 일치합니다.</translation>
    </message>
    <message>
        <source>No subprotocol was offered and none was chosen.</source>
        <translation>서브프로토콜을 제안하지 않았고 선택되지도 않았습니다.</translation>
    </message>
    <message>
        <source>The client offered %1; the server chose none, which is allowed.</source>
        <translation>클라이언트가 %1을(를) 제안했고 서버는 아무것도 선택하지 않았습니다. 이는 허용됩니다.</translation>
    </message>
    <message>
        <source>The server must choose exactly one subprotocol, but its Sec-WebSocket-Protocol says &quot;%1&quot;.</source>
        <translation>서버는 서브프로토콜을 정확히 하나 선택해야 하는데 Sec-WebSocket-Protocol 값이 &quot;%1&quot;입니다.</translation>
    </message>
    <message>
        <source>The server chose the subprotocol &quot;%1&quot; although the client offered none.</source>
        <translation>클라이언트가 제안하지 않았는데 서버가 서브프로토콜 &quot;%1&quot;을(를) 선택했습니다.</translation>
    </message>
    <message>
        <source>The server chose the subprotocol &quot;%1&quot;, which the client did not offer (it offered %2).</source>
        <translation>서버가 클라이언트가 제안하지 않은 서브프로토콜 &quot;%1&quot;을(를) 선택했습니다 (제안: %2).</translation>
    </message>
    <message>
        <source>The server chose the subprotocol &quot;%1&quot;, one of those offered (%2).</source>
        <translation>서버가 제안된 것 중 하나인 서브프로토콜 &quot;%1&quot;을(를) 선택했습니다 (%2).</translation>
    </message>
    <message>
        <source>The server accepted the extension &quot;%1&quot;, which the client did not offer.</source>
        <translation>서버가 클라이언트가 제안하지 않은 확장 &quot;%1&quot;을(를) 수락했습니다.</translation>
    </message>
    <message>
        <source>The server accepted the extension &quot;%1&quot; more than once.</source>
        <translation>서버가 확장 &quot;%1&quot;을(를) 두 번 이상 수락했습니다.</translation>
    </message>
    <message>
        <source>No extensions were offered or accepted.</source>
        <translation>제안되거나 수락된 확장이 없습니다.</translation>
    </message>
    <message>
        <source>The server accepted none of the offered extensions (%1).</source>
        <translation>서버가 제안된 확장(%1)을 하나도 수락하지 않았습니다.</translation>
    </message>
    <message>
        <source>The server accepted %1, as offered.</source>
        <translation>서버가 제안대로 %1을(를) 수락했습니다.</translation>
    </message>
</context>
<context>
    <name>wsscope::HandshakeView</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>No headers.</source>
        <translation>헤더 없음.</translation>
    </message>
    <message>
        <source>Server certificate</source>
        <translation>서버 인증서</translation>
    </message>
    <message>
        <source>Issuer certificate %1</source>
        <translation>발급자 인증서 %1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>주체</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>발급자</translation>
    </message>
    <message>
        <source> (self-signed)</source>
        <translation> (자체 서명)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 ~ %2</translation>
    </message>
    <message>
        <source> expired</source>
        <translation> 만료됨</translation>
    </message>
    <message>
        <source> not yet valid</source>
        <translation> 아직 유효하지 않음</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>유효 기간</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Select a connection to see its opening handshake.</source>
        <translation>연결을 선택하면 여는 핸드셰이크를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>No upgrade request has been sent yet.</source>
        <translation>아직 업그레이드 요청을 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>No answer from the server.</source>
        <translation>서버 응답이 없습니다.</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>검사</translation>
    </message>
    <message>
        <source>subprotocol %1</source>
        <translation>서브프로토콜 %1</translation>
    </message>
    <message>
        <source>extension %1</source>
        <translation>확장 %1</translation>
    </message>
    <message>
        <source>Agreed: no subprotocol, no extension.</source>
        <translation>합의: 서브프로토콜 없음, 확장 없음.</translation>
    </message>
    <message>
        <source>Agreed: %1.</source>
        <translation>합의: %1.</translation>
    </message>
    <message>
        <source>Body of the answer</source>
        <translation>응답 본문</translation>
    </message>
    <message>
        <source>%1 bytes; the first part is shown.</source>
        <translation>%1바이트. 앞부분만 표시합니다.</translation>
    </message>
    <message>
        <source>%1 bytes%2.</source>
        <translation>%1바이트%2.</translation>
    </message>
    <message>
        <source>, not text: shown as hex</source>
        <translation>, 텍스트 아님: 16진수로 표시</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Certificate errors, ignored because insecure certificates are allowed for this connection:</source>
        <translation>인증서 오류. 이 연결은 안전하지 않은 인증서를 허용하므로 무시했습니다:</translation>
    </message>
    <message>
        <source>Certificate errors; the connection was refused:</source>
        <translation>인증서 오류. 연결이 거부되었습니다:</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>프로토콜</translation>
    </message>
    <message>
        <source> (%1-bit)</source>
        <translation> (%1비트)</translation>
    </message>
    <message>
        <source>Cipher</source>
        <translation>암호화 방식</translation>
    </message>
    <message>
        <source>Key exchange</source>
        <translation>키 교환</translation>
    </message>
    <message>
        <source>Server name (SNI)</source>
        <translation>서버 이름 (SNI)</translation>
    </message>
    <message>
        <source>Ready at</source>
        <translation>준비 시각</translation>
    </message>
    <message>
        <source>Timings</source>
        <translation>타이밍</translation>
    </message>
    <message>
        <source>TCP and TLS ready</source>
        <translation>TCP 및 TLS 준비</translation>
    </message>
    <message>
        <source>Upgrade request sent</source>
        <translation>업그레이드 요청 보냄</translation>
    </message>
    <message>
        <source>Answer received</source>
        <translation>응답 받음</translation>
    </message>
    <message>
        <source>Handshake round trip</source>
        <translation>핸드셰이크 왕복 시간</translation>
    </message>
    <message>
        <source>Times are counted from the moment the connection was opened.</source>
        <translation>시간은 연결을 연 순간부터 잽니다.</translation>
    </message>
    <message>
        <source>TCP connected</source>
        <translation>TCP 연결됨</translation>
    </message>
    <message>
        <source>TLS ready</source>
        <translation>TLS 준비</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS 핸드셰이크</translation>
    </message>
    <message>
        <source>Fatal TLS alert from the server:</source>
        <translation>서버가 보낸 치명적 TLS 경고(alert):</translation>
    </message>
    <message>
        <source>TLS alert from the server:</source>
        <translation>서버가 보낸 TLS 경고(alert):</translation>
    </message>
    <message>
        <source>%1, at %2</source>
        <translation>%1, %2 시점</translation>
    </message>
    <message>
        <source>The body&apos;s framing is broken: %1</source>
        <translation>본문의 프레이밍이 잘못되었습니다: %1</translation>
    </message>
</context>
<context>
    <name>wsscope::HarExport</name>
    <message>
        <source>Could not write the HAR file: %1.</source>
        <translation>HAR 파일을 쓸 수 없습니다: %1.</translation>
    </message>
    <message>
        <source>Could not create %1: %2.</source>
        <translation>%1을(를) 만들 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>Could not save %1: %2.</source>
        <translation>%1을(를) 저장할 수 없습니다: %2.</translation>
    </message>
</context>
<context>
    <name>wsscope::HarImport</name>
    <message>
        <source>Could not open %1: %2.</source>
        <translation>%1을(를) 열 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>The HAR file is damaged at line %1, column %2 (%3); it may be cut short, so export it again.</source>
        <translation>HAR 파일이 %1줄 %2열에서 손상되었습니다 (%3). 잘렸을 수 있으니 다시 내보내세요.</translation>
    </message>
    <message>
        <source>This is not a HAR file: it has no &quot;log&quot; object with &quot;entries&quot;.</source>
        <translation>HAR 파일이 아닙니다: &quot;entries&quot;가 있는 &quot;log&quot; 객체가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>This HAR file has no WebSocket connections (it has %n other requests).</source>
        <translation>
            <numerusform>이 HAR 파일에는 WebSocket 연결이 없습니다 (다른 요청 %n개가 있음).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsscope::HeaderModel</name>
    <message>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
</context>
<context>
    <name>wsscope::HexView</name>
    <message>
        <source>Go to Offset</source>
        <translation>오프셋으로 이동</translation>
    </message>
    <message>
        <source>Offset (decimal, or hexadecimal with 0x), 0 to %1:</source>
        <translation>오프셋 (10진수, 또는 0x로 시작하는 16진수), 0부터 %1까지:</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an offset in this payload: enter a number from 0 to %2.</source>
        <translation>&apos;%1&apos;은(는) 이 페이로드의 오프셋이 아닙니다. 0부터 %2까지의 숫자를 입력하세요.</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>오프셋</translation>
    </message>
    <message>
        <source>Copy as Hex</source>
        <translation>16진수로 복사</translation>
    </message>
    <message>
        <source>Copy as Text</source>
        <translation>텍스트로 복사</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>모두 선택</translation>
    </message>
    <message>
        <source>Go to Offset…</source>
        <translation>오프셋으로 이동…</translation>
    </message>
</context>
<context>
    <name>wsscope::JsonTreeModel</name>
    <message>
        <source>(root)</source>
        <translation>(루트)</translation>
    </message>
    <message>
        <source>{1 member}</source>
        <translation>{멤버 1개}</translation>
    </message>
    <message>
        <source>{%1 members}</source>
        <translation>{멤버 %1개}</translation>
    </message>
    <message>
        <source>[1 item]</source>
        <translation>[항목 1개]</translation>
    </message>
    <message>
        <source>[%1 items]</source>
        <translation>[항목 %1개]</translation>
    </message>
    <message>
        <source>Bytes %1 to %2</source>
        <translation>바이트 %1 ~ %2</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>타입</translation>
    </message>
</context>
<context>
    <name>wsscope::JsonView</name>
    <message>
        <source>Tree</source>
        <translation>트리</translation>
    </message>
    <message>
        <source>Pretty</source>
        <translation>포맷</translation>
    </message>
    <message>
        <source>Depth:</source>
        <translation>깊이:</translation>
    </message>
    <message>
        <source>How many levels below the root Expand opens</source>
        <translation>펼치기가 루트 아래 몇 단계까지 열지</translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>펼치기</translation>
    </message>
    <message>
        <source>Collapse All</source>
        <translation>모두 접기</translation>
    </message>
    <message>
        <source>Copy Value</source>
        <translation>값 복사</translation>
    </message>
    <message>
        <source>Not valid JSON: %1.</source>
        <translation>올바른 JSON이 아닙니다: %1.</translation>
    </message>
    <message>
        <source>Only the first %1 MiB are shown as text; the tree shows everything.</source>
        <translation>텍스트로는 앞의 %1 MiB만 표시합니다. 트리에는 전부 표시됩니다.</translation>
    </message>
    <message>
        <source>Large document: shown without colours.</source>
        <translation>큰 문서: 색 없이 표시합니다.</translation>
    </message>
</context>
<context>
    <name>wsscope::MainWindow</name>
    <message>
        <source>WsScope</source>
        <translation>WsScope</translation>
    </message>
    <message>
        <source>&amp;New Connection…</source>
        <translation>새 연결(&amp;N)…</translation>
    </message>
    <message>
        <source>Open a new WebSocket connection (Ctrl+N)</source>
        <translation>새 WebSocket 연결 열기 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>닫기(&amp;C)</translation>
    </message>
    <message>
        <source>Close the selected connection with 1000 Normal Closure</source>
        <translation>선택한 연결을 1000 Normal Closure로 닫기</translation>
    </message>
    <message>
        <source>Rec&amp;onnect</source>
        <translation>다시 연결(&amp;O)</translation>
    </message>
    <message>
        <source>Connect again with the same options; the old history stays in its row</source>
        <translation>같은 옵션으로 다시 연결합니다. 이전 기록은 그 행에 남습니다</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>복제(&amp;D)</translation>
    </message>
    <message>
        <source>Open a second connection with the same options</source>
        <translation>같은 옵션으로 두 번째 연결 열기</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>이름 바꾸기(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>제거(&amp;R)</translation>
    </message>
    <message>
        <source>Close the connection and remove it from the list</source>
        <translation>연결을 닫고 목록에서 제거</translation>
    </message>
    <message>
        <source>&amp;Follow Tail</source>
        <translation>최신 프레임 따라가기(&amp;F)</translation>
    </message>
    <message>
        <source>Keep the newest frame in view; scrolling up pauses it, scrolling to the bottom resumes it</source>
        <translation>최신 프레임을 계속 보이게 합니다. 위로 스크롤하면 멈추고, 맨 아래로 스크롤하면 다시 따라갑니다</translation>
    </message>
    <message>
        <source>&amp;Absolute Times</source>
        <translation>절대 시각(&amp;A)</translation>
    </message>
    <message>
        <source>Show wall-clock times instead of milliseconds since the connection started</source>
        <translation>연결 시작 후 밀리초 대신 실제 시각 표시</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>Find and filter timeline rows (Ctrl+F)</source>
        <translation>타임라인 행 찾기 및 필터링 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>다음 찾기(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>이전 찾기(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Copy Payload</source>
        <translation>페이로드 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy as &amp;Hex</source>
        <translation>16진수로 복사(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Save Payload to File…</source>
        <translation>페이로드를 파일로 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Resend This Message</source>
        <translation>이 메시지 다시 보내기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>연결(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>&amp;Payload</source>
        <translation>페이로드(&amp;P)</translation>
    </message>
    <message>
        <source>F&amp;rame Details</source>
        <translation>프레임 상세(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Handshake</source>
        <translation>핸드셰이크(&amp;H)</translation>
    </message>
    <message>
        <source>Pin&amp;g/Pong</source>
        <translation>핑/퐁(&amp;G)</translation>
    </message>
    <message>
        <source>New Connection</source>
        <translation>새 연결</translation>
    </message>
    <message>
        <source>The connection could not be started.</source>
        <translation>연결을 시작할 수 없었습니다.</translation>
    </message>
    <message>
        <source>%1 — WsScope</source>
        <translation>%1 — WsScope</translation>
    </message>
    <message>
        <source>Rename Connection</source>
        <translation>연결 이름 바꾸기</translation>
    </message>
    <message>
        <source>Name shown in the list:</source>
        <translation>목록에 표시할 이름:</translation>
    </message>
    <message numerus="yes">
        <source>Whole message of %n frame(s), %1:</source>
        <translation>
            <numerusform>프레임 %n개로 된 전체 메시지, %1:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Incomplete message, %n frame(s) so far, %1:</source>
        <translation>
            <numerusform>불완전한 메시지, 지금까지 프레임 %n개, %1:</numerusform>
        </translation>
    </message>
    <message>
        <source>Save Payload</source>
        <translation>페이로드 저장</translation>
    </message>
    <message>
        <source>Could not write %1 (%2); choose another place.</source>
        <translation>%1에 쓸 수 없습니다 (%2). 다른 위치를 고르세요.</translation>
    </message>
    <message>
        <source>Saved the %1 stored bytes; the payload was cut at the capture&apos;s cap.</source>
        <translation>저장된 %1바이트를 저장했습니다. 페이로드는 캡처 한도에서 잘렸습니다.</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>다시 보내기</translation>
    </message>
    <message>
        <source>Only part of this message was stored, so it cannot be sent again as it was.</source>
        <translation>이 메시지는 일부만 저장되어 원래대로 다시 보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>Not sent: the selected connection is not open. Reconnect it first.</source>
        <translation>보내지 않음: 선택한 연결이 열려 있지 않습니다. 먼저 다시 연결하세요.</translation>
    </message>
    <message>
        <source>%1 frames/s, %2/s</source>
        <translation>%1 프레임/s, %2/s</translation>
    </message>
    <message>
        <source>No connection selected. Press Ctrl+N to open one.</source>
        <translation>선택한 연결이 없습니다. Ctrl+N을 눌러 연결을 여세요.</translation>
    </message>
    <message>
        <source>→ %1 frames, %2 sent   ← %3 frames, %4 received</source>
        <translation>→ 프레임 %1개, %2 보냄   ← 프레임 %3개, %4 받음</translation>
    </message>
    <message numerus="yes">
        <source>   %n violation(s)</source>
        <translation>
            <numerusform>   위반 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>   %n error(s)</source>
        <translation>
            <numerusform>   오류 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Replay…</source>
        <translation>재생(&amp;R)…</translation>
    </message>
    <message>
        <source>Send the client messages of the selected connection again, as a new connection</source>
        <translation>선택한 연결의 클라이언트 메시지를 새 연결로 다시 보냅니다</translation>
    </message>
    <message>
        <source>Serve as &amp;Mock Server…</source>
        <translation>목 서버로 제공(&amp;M)…</translation>
    </message>
    <message>
        <source>Answer clients on 127.0.0.1 with the server messages of the selected connection</source>
        <translation>선택한 연결의 서버 메시지로 127.0.0.1의 클라이언트에 응답합니다</translation>
    </message>
    <message>
        <source>&amp;Compare Connections…</source>
        <translation>연결 비교(&amp;C)…</translation>
    </message>
    <message>
        <source>Compare the messages of two connections, such as a recording and its replay</source>
        <translation>기록과 그 재생처럼 두 연결의 메시지를 비교합니다</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>세션(&amp;S)</translation>
    </message>
    <message>
        <source>That message is hidden by the timeline filter; clear it to see the message.</source>
        <translation>그 메시지는 타임라인 필터에 가려져 있습니다. 필터를 지우면 보입니다.</translation>
    </message>
</context>
<context>
    <name>wsscope::MessageExport</name>
    <message>
        <source>Could not write the messages: %1.</source>
        <translation>메시지를 쓸 수 없습니다: %1.</translation>
    </message>
    <message>
        <source>Could not create the folder %1; choose a folder you can write to.</source>
        <translation>폴더 %1을(를) 만들 수 없습니다. 쓰기 권한이 있는 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>%1에 쓸 수 없습니다: %2.</translation>
    </message>
</context>
<context>
    <name>wsscope::MockDialog</name>
    <message>
        <source>Mock Server for Connection #%1</source>
        <translation>연결 #%1의 목 서버</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>비어 있는 아무 포트</translation>
    </message>
    <message>
        <source>Serve &amp;one client, then stop</source>
        <translation>클라이언트 하나만 제공하고 중지(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Keep serving until stopped</source>
        <translation>중지할 때까지 계속 제공(&amp;K)</translation>
    </message>
    <message>
        <source>Answer once the client sent what preceded it in the recording</source>
        <translation>기록에서 앞선 메시지를 클라이언트가 보낸 뒤에 응답</translation>
    </message>
    <message>
        <source>Original timing from the client&apos;s arrival</source>
        <translation>클라이언트 접속 시점부터 원래 타이밍대로</translation>
    </message>
    <message>
        <source>not serving</source>
        <translation>제공 중 아님</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>URL 복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>시작(&amp;S)</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>중지(&amp;O)</translation>
    </message>
    <message>
        <source>Closing stops the mock server</source>
        <translation>닫으면 목 서버가 중지됩니다</translation>
    </message>
    <message>
        <source>&amp;Port on 127.0.0.1:</source>
        <translation>127.0.0.1의 포트(&amp;P):</translation>
    </message>
    <message>
        <source>Clients:</source>
        <translation>클라이언트:</translation>
    </message>
    <message>
        <source>&amp;Timing:</source>
        <translation>타이밍(&amp;T):</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Copied %1.</source>
        <translation>%1을(를) 복사했습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Answers clients with the %n server message(s) of connection #%1 (%2).</source>
        <translation>
            <numerusform>연결 #%1 (%2)의 서버 메시지 %n개로 클라이언트에 응답합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>It accepts the subprotocol %1.</source>
        <translation>서브프로토콜 %1을(를) 수락합니다.</translation>
    </message>
    <message>
        <source>Connection #%1 (%2)</source>
        <translation>연결 #%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Listening on %1; %n client(s) so far.</source>
        <translation>
            <numerusform>%1에서 수신 대기 중. 지금까지 클라이언트 %n개.</numerusform>
        </translation>
    </message>
    <message>
        <source>Client connection #%1 arrived.</source>
        <translation>클라이언트 연결 #%1이(가) 들어왔습니다.</translation>
    </message>
    <message>
        <source>Connection #%1: %2</source>
        <translation>연결 #%1: %2</translation>
    </message>
    <message>
        <source>Served one client; the mock server has stopped.</source>
        <translation>클라이언트 하나에 제공했습니다. 목 서버가 중지되었습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Stopped; %n client(s) were served.</source>
        <translation>
            <numerusform>중지했습니다. 클라이언트 %n개에 제공했습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsscope::MockServer</name>
    <message>
        <source>Connection %1 is not in the session; choose a recorded connection to serve.</source>
        <translation>연결 %1이(가) 세션에 없습니다. 기록된 연결 중에서 제공할 연결을 고르세요.</translation>
    </message>
    <message>
        <source>Connection %1 used permessage-deflate compression and its messages were recorded compressed; a mock server cannot play them.</source>
        <translation>연결 %1은(는) permessage-deflate 압축을 사용해 메시지가 압축된 채로 기록되었으므로 목 서버가 재생할 수 없습니다.</translation>
    </message>
    <message>
        <source>WsScope mock server</source>
        <translation>WsScope 목 서버</translation>
    </message>
    <message>
        <source>The mock server cannot listen on %1:%2: %3. Choose another port.</source>
        <translation>목 서버가 %1:%2에서 수신 대기할 수 없습니다: %3. 다른 포트를 고르세요.</translation>
    </message>
    <message>
        <source>Sent %1 of %2 server messages; received %3 client messages (%4 in the recording).</source>
        <translation>서버 메시지 %2개 중 %1개를 보냈고, 클라이언트 메시지 %3개를 받았습니다 (기록에는 %4개).</translation>
    </message>
</context>
<context>
    <name>wsscope::PayloadView</name>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>CBOR</source>
        <translation>CBOR</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1바이트</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1바이트</translation>
    </message>
    <message>
        <source>Showing %1 of %2: the rest was not stored (payload cap).</source>
        <translation>%2 중 %1만 표시합니다: 나머지는 저장되지 않았습니다 (페이로드 한도).</translation>
    </message>
    <message>
        <source>Empty payload.</source>
        <translation>빈 페이로드.</translation>
    </message>
    <message>
        <source>This text frame is not valid UTF-8 (first bad byte at offset %1); bad bytes are shown as �. The Hex tab shows the exact bytes.</source>
        <translation>이 텍스트 프레임은 올바른 UTF-8이 아닙니다 (첫 잘못된 바이트: 오프셋 %1). 잘못된 바이트는 �로 표시합니다. 정확한 바이트는 Hex 탭에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Looks like JSON but is not valid (%1); the JSON tab marks the spot.</source>
        <translation>JSON처럼 보이지만 올바르지 않습니다 (%1). JSON 탭에 그 위치가 표시됩니다.</translation>
    </message>
    <message>
        <source>[The Text tab shows the first %1; the Hex tab shows all %2.]</source>
        <translation>[텍스트 탭에는 앞의 %1, Hex 탭에는 전체 %2가 표시됩니다.]</translation>
    </message>
    <message>
        <source>Select a frame in the timeline to see its payload.</source>
        <translation>타임라인에서 프레임을 선택하면 페이로드를 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>wsscope::PingModel</name>
    <message>
        <source>Pending</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>응답됨</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>유실</translation>
    </message>
    <message>
        <source>Unsolicited pong</source>
        <translation>요청하지 않은 퐁</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>방향</translation>
    </message>
    <message>
        <source>Sent (ms)</source>
        <translation>보낸 시각 (ms)</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>페이로드</translation>
    </message>
    <message>
        <source>RTT (ms)</source>
        <translation>RTT (ms)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>→ ping sent by the client, ← ping sent by the server</source>
        <translation>→ 클라이언트가 보낸 핑, ← 서버가 보낸 핑</translation>
    </message>
</context>
<context>
    <name>wsscope::PingView</name>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>Send a ping this often while the connection is open.</source>
        <translation>연결이 열려 있는 동안 이 주기로 핑을 보냅니다.</translation>
    </message>
    <message>
        <source>Ping Now</source>
        <translation>지금 핑 보내기</translation>
    </message>
    <message>
        <source>Auto-ping every:</source>
        <translation>자동 핑 주기:</translation>
    </message>
    <message>
        <source>No connection selected.</source>
        <translation>선택한 연결이 없습니다.</translation>
    </message>
    <message>
        <source>No pings sent yet.</source>
        <translation>아직 보낸 핑이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n ping(s), %1 answered</source>
        <translation>
            <numerusform>핑 %n개, %1개 응답됨</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 lost</source>
        <translation>, %1개 유실</translation>
    </message>
    <message>
        <source>, %1 waiting</source>
        <translation>, %1개 대기 중</translation>
    </message>
    <message>
        <source> — min %1 / avg %2 / p95 %3 / max %4 ms</source>
        <translation> — 최소 %1 / 평균 %2 / p95 %3 / 최대 %4 ms</translation>
    </message>
</context>
<context>
    <name>wsscope::Recovery</name>
    <message>
        <source>Could not create the journal folder %1; recording goes on without a journal.</source>
        <translation>저널 폴더 %1을(를) 만들 수 없습니다. 저널 없이 계속 기록합니다.</translation>
    </message>
    <message>
        <source>Could not lock the journal %1; recording goes on without a journal.</source>
        <translation>저널 %1을(를) 잠글 수 없습니다. 저널 없이 계속 기록합니다.</translation>
    </message>
    <message numerus="yes">
        <source>WsScope closed unexpectedly. Recover the %Ln event(s) recorded until %1?</source>
        <translation>
            <numerusform>WsScope가 예기치 않게 종료되었습니다. %1까지 기록된 이벤트 %Ln개를 복구할까요?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsscope::ReplayDialog</name>
    <message>
        <source>Replay Connection #%1</source>
        <translation>연결 #%1 재생</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>참고</translation>
    </message>
    <message>
        <source>Checked headers are sent with the replay&apos;s upgrade request</source>
        <translation>선택한 헤더는 재생의 업그레이드 요청에 함께 보냅니다</translation>
    </message>
    <message>
        <source>&amp;Add Header</source>
        <translation>헤더 추가(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove Header</source>
        <translation>헤더 제거(&amp;R)</translation>
    </message>
    <message>
        <source>none; separate several with commas</source>
        <translation>없음. 여러 개는 쉼표로 구분</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Original timing</source>
        <translation>원래 타이밍</translation>
    </message>
    <message>
        <source>Original timing, faster or slower</source>
        <translation>원래 타이밍, 더 빠르게 또는 느리게</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>최대한 빠르게</translation>
    </message>
    <message>
        <source>Step by step (Send Next)</source>
        <translation>한 단계씩 (다음 보내기)</translation>
    </message>
    <message>
        <source>Wait for the server&apos;s responses</source>
        <translation>서버 응답을 기다림</translation>
    </message>
    <message>
        <source>2 replays twice as fast as recorded, 0.5 at half speed</source>
        <translation>2는 기록보다 두 배 빠르게, 0.5는 절반 속도로 재생</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How long to wait for the server&apos;s messages before sending anyway (and before closing)</source>
        <translation>서버 메시지를 기다리다가 그냥 보내기(그리고 닫기) 전까지의 시간</translation>
    </message>
    <message>
        <source>%v of %m messages sent</source>
        <translation>메시지 %m개 중 %v개 보냄</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>시작(&amp;S)</translation>
    </message>
    <message>
        <source>Send &amp;Next</source>
        <translation>다음 보내기(&amp;N)</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>중지(&amp;O)</translation>
    </message>
    <message>
        <source>Closing stops a replay that still runs</source>
        <translation>닫으면 아직 진행 중인 재생이 중지됩니다</translation>
    </message>
    <message>
        <source>Target &amp;URL:</source>
        <translation>대상 &amp;URL:</translation>
    </message>
    <message>
        <source>Sub&amp;protocols:</source>
        <translation>서브프로토콜(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Origin:</source>
        <translation>&amp;Origin:</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>요청 헤더</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>타이밍</translation>
    </message>
    <message>
        <source>&amp;Send messages:</source>
        <translation>메시지 보내기(&amp;S):</translation>
    </message>
    <message>
        <source>Sp&amp;eed:</source>
        <translation>속도(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Wait for responses at most:</source>
        <translation>응답을 기다릴 최대 시간(&amp;W):</translation>
    </message>
    <message numerus="yes">
        <source>Sends the %n client message(s) of connection #%1 (%2) again as a new connection, recorded like any other.</source>
        <translation>
            <numerusform>연결 #%1 (%2)의 클라이언트 메시지 %n개를 새 연결로 다시 보내며, 다른 연결처럼 기록합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection #%1 (%2)</source>
        <translation>연결 #%1 (%2)</translation>
    </message>
    <message>
        <source>Enter a ws:// or wss:// URL with a host, such as ws://127.0.0.1:8080/chat.</source>
        <translation>ws://127.0.0.1:8080/chat처럼 호스트가 있는 ws:// 또는 wss:// URL을 입력하세요.</translation>
    </message>
    <message>
        <source>Connected; %1 of %2 messages sent.</source>
        <translation>연결됨. 메시지 %2개 중 %1개 보냄.</translation>
    </message>
    <message numerus="yes">
        <source>All %n message(s) sent; waiting for the server&apos;s last answers and the close.</source>
        <translation>
            <numerusform>메시지 %n개를 모두 보냈습니다. 서버의 마지막 응답과 연결 종료를 기다립니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>message %1 was sent after %2 of %3 expected server messages</source>
        <translation>메시지 %1은(는) 예상한 서버 메시지 %3개 중 %2개를 받은 뒤 보냈습니다</translation>
    </message>
    <message>
        <source>closed after %1 of %2 expected server messages</source>
        <translation>예상한 서버 메시지 %2개 중 %1개를 받은 뒤 종료되었습니다</translation>
    </message>
    <message>
        <source>Timed out waiting: %1.</source>
        <translation>대기 시간 초과: %1.</translation>
    </message>
    <message>
        <source>The replay could not be started.</source>
        <translation>재생을 시작할 수 없었습니다.</translation>
    </message>
    <message>
        <source>Connecting to %1 as connection #%2…</source>
        <translation>%1에 연결 #%2(으)로 연결하는 중…</translation>
    </message>
    <message>
        <source>&amp;Start Again</source>
        <translation>다시 시작(&amp;S)</translation>
    </message>
    <message>
        <source>⚠ Redacted; type the value to send it</source>
        <translation>⚠ 가려진 값: 보내려면 값을 입력하세요</translation>
    </message>
    <message>
        <source>The recording hid this value, so the replay cannot send it as it was: type the real value.</source>
        <translation>기록에서 이 값을 가렸으므로 재생할 때 원래 값을 보낼 수 없습니다. 실제 값을 입력하세요.</translation>
    </message>
</context>
<context>
    <name>wsscope::Replayer</name>
    <message>
        <source>Connection %1 is not in the session; choose a recorded connection to replay.</source>
        <translation>연결 %1이(가) 세션에 없습니다. 기록된 연결 중에서 재생할 연결을 고르세요.</translation>
    </message>
    <message>
        <source>Connection %1 used permessage-deflate compression and its messages were recorded compressed; it cannot be replayed.</source>
        <translation>연결 %1은(는) permessage-deflate 압축을 사용해 메시지가 압축된 채로 기록되었으므로 재생할 수 없습니다.</translation>
    </message>
    <message>
        <source>Replay of connection %1</source>
        <translation>연결 %1의 재생</translation>
    </message>
    <message>
        <source>The server closed the connection (%1) after %2 of %3 messages.</source>
        <translation>메시지 %3개 중 %2개를 보낸 뒤 서버가 연결을 종료했습니다 (%1).</translation>
    </message>
    <message>
        <source>Replayed %1 messages; %2 server messages arrived (%3 in the recording).</source>
        <translation>메시지 %1개를 재생했습니다. 서버 메시지 %2개가 도착했습니다 (기록에는 %3개).</translation>
    </message>
    <message numerus="yes">
        <source>%n wait(s) for server messages timed out.</source>
        <translation>
            <numerusform>서버 메시지 대기 %n회가 시간 초과되었습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) had been cut at the payload cap and were sent shortened.</source>
        <translation>
            <numerusform>메시지 %n개는 페이로드 한도에서 잘려 있었으므로 잘린 채로 보냈습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The replay was stopped after %1 of %2 messages.</source>
        <translation>메시지 %2개 중 %1개를 보낸 뒤 재생을 중지했습니다.</translation>
    </message>
</context>
<context>
    <name>wsscope::RttChart</name>
    <message>
        <source>No pings yet: send one, or set an auto-ping interval.</source>
        <translation>아직 핑이 없습니다: 핑을 보내거나 자동 핑 주기를 설정하세요.</translation>
    </message>
    <message>
        <source>round trip (ms)</source>
        <translation>왕복 시간 (ms)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
</context>
<context>
    <name>wsscope::RuleListEditor</name>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>This rule cannot be used; correct it and add it again.</source>
        <translation>이 규칙은 쓸 수 없습니다. 고친 뒤 다시 추가하세요.</translation>
    </message>
</context>
<context>
    <name>wsscope::SessionDiff</name>
    <message>
        <source>A path starts with $, as in $.items[*].id.</source>
        <translation>경로는 $.items[*].id처럼 $로 시작합니다.</translation>
    </message>
    <message>
        <source>A name or * is missing after &apos;.&apos; at character %1.</source>
        <translation>문자 %1의 &apos;.&apos; 뒤에 이름이나 *가 없습니다.</translation>
    </message>
    <message>
        <source>A &apos;]&apos; is missing after character %1.</source>
        <translation>문자 %1 뒤에 &apos;]&apos;가 없습니다.</translation>
    </message>
    <message>
        <source>Brackets hold *, an index or a quoted name, not &quot;%1&quot;.</source>
        <translation>대괄호 안에는 *, 인덱스, 따옴표로 묶은 이름이 와야 하는데 &quot;%1&quot;입니다.</translation>
    </message>
    <message>
        <source>Unexpected &apos;%1&apos; at character %2.</source>
        <translation>문자 %2에 예상하지 못한 &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>A path cannot end with &apos;..&apos;.</source>
        <translation>경로는 &apos;..&apos;으로 끝날 수 없습니다.</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1: %2 elements → %3 elements</source>
        <translation>%1: 요소 %2개 → 요소 %3개</translation>
    </message>
    <message>
        <source>%1: only in A (%2)</source>
        <translation>%1: A에만 있음 (%2)</translation>
    </message>
    <message>
        <source>%1: only in B (%2)</source>
        <translation>%1: B에만 있음 (%2)</translation>
    </message>
    <message>
        <source>%1: same members in another order (%2 → %3)</source>
        <translation>%1: 멤버는 같고 순서만 다름 (%2 → %3)</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>바이너리</translation>
    </message>
    <message>
        <source>A %1 message → a %2 message</source>
        <translation>%1 메시지 → %2 메시지</translation>
    </message>
    <message>
        <source>Text differs at character %1: &quot;%2&quot; → &quot;%3&quot;</source>
        <translation>문자 %1에서 텍스트가 다름: &quot;%2&quot; → &quot;%3&quot;</translation>
    </message>
    <message>
        <source>Bytes differ at offset %1 (0x%2 → 0x%3)</source>
        <translation>오프셋 %1에서 바이트가 다름 (0x%2 → 0x%3)</translation>
    </message>
    <message>
        <source>%1 bytes → %2 bytes</source>
        <translation>%1바이트 → %2바이트</translation>
    </message>
    <message>
        <source>Only in A: %1</source>
        <translation>A에만 있음: %1</translation>
    </message>
    <message>
        <source>Only in B: %1</source>
        <translation>B에만 있음: %1</translation>
    </message>
    <message>
        <source>same</source>
        <translation>같음</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>바뀜</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>누락</translation>
    </message>
    <message>
        <source>extra</source>
        <translation>추가</translation>
    </message>
</context>
<context>
    <name>wsscope::SessionFiles</name>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a session file or a HAR file; its connections are read-only</source>
        <translation>세션 파일이나 HAR 파일을 엽니다. 그 연결은 읽기 전용입니다</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import HAR…</source>
        <translation>HAR 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>세션 열기</translation>
    </message>
    <message>
        <source>Sessions and HAR files (*.wsscope *.har);;WsScope sessions (*.wsscope);;HAR files (*.har);;All files (*)</source>
        <translation>세션 및 HAR 파일 (*.wsscope *.har);;WsScope 세션 (*.wsscope);;HAR 파일 (*.har);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Import HAR</source>
        <translation>HAR 가져오기</translation>
    </message>
    <message>
        <source>HAR files (*.har);;All files (*)</source>
        <translation>HAR 파일 (*.har);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a file.</source>
        <translation>%1이(가) 없거나 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열림</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>%1 could not be read.</source>
        <translation>%1을(를) 읽을 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln connection(s), %2 event(s), read-only.</source>
        <translation>
            <numerusform>%1: 연결 %Ln개, 이벤트 %2개, 읽기 전용.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading %1 was cancelled; the %2 event(s) read until then are shown.</source>
        <translation>%1 불러오기를 취소했습니다. 그때까지 읽은 이벤트 %2개를 표시합니다.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) of %1 could not be read and were skipped; the rest is shown.</source>
        <translation>
            <numerusform>%1의 %Ln줄을 읽지 못해 건너뛰었습니다. 나머지는 표시됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 more in the details)</source>
        <translation>(상세 정보에 %1개 더)</translation>
    </message>
    <message>
        <source>%1 holds no connections.</source>
        <translation>%1에 연결이 없습니다.</translation>
    </message>
    <message>
        <source>Save Session As</source>
        <translation>다른 이름으로 세션 저장</translation>
    </message>
    <message>
        <source>WsScope sessions (*.wsscope)</source>
        <translation>WsScope 세션 (*.wsscope)</translation>
    </message>
    <message>
        <source>Could not save %1: %2. Choose another place.</source>
        <translation>%1을(를) 저장할 수 없습니다: %2. 다른 위치를 고르세요.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Saved %1 events to %2.</source>
        <translation>이벤트 %1개를 %2에 저장했습니다.</translation>
    </message>
    <message>
        <source>Unsaved Traffic</source>
        <translation>저장하지 않은 트래픽</translation>
    </message>
    <message>
        <source>The traffic recorded since the last save is not in a file yet. Save it before quitting?</source>
        <translation>마지막 저장 이후 기록된 트래픽이 아직 파일에 없습니다. 종료하기 전에 저장할까요?</translation>
    </message>
    <message>
        <source>Recover Recording</source>
        <translation>기록 복구</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>복구(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>버리기(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>나중에(&amp;L)</translation>
    </message>
    <message>
        <source>Later keeps the journal and asks again at the next start.</source>
        <translation>나중에를 고르면 저널을 보관하고 다음 시작 때 다시 묻습니다.</translation>
    </message>
    <message>
        <source>the journal of %1</source>
        <translation>%1의 저널</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>목록 지우기(&amp;C)</translation>
    </message>
    <message>
        <source>Loaded from %1: read-only</source>
        <translation>%1에서 불러옴: 읽기 전용</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>%1번째 줄</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>wsscope::SessionReader</name>
    <message>
        <source>Could not open %1: %2.</source>
        <translation>%1을(를) 열 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>Line %1 is longer than %2 MiB; it was skipped.</source>
        <translation>%1번째 줄이 %2 MiB보다 길어 건너뛰었습니다.</translation>
    </message>
    <message>
        <source>This file is not a WsScope session: its first line is not a session header.</source>
        <translation>WsScope 세션 파일이 아닙니다: 첫 줄이 세션 헤더가 아닙니다.</translation>
    </message>
    <message>
        <source>Opening the session was cancelled; the events read so far are shown.</source>
        <translation>세션 열기를 취소했습니다. 지금까지 읽은 이벤트를 표시합니다.</translation>
    </message>
    <message>
        <source>The file is empty; it holds no session.</source>
        <translation>파일이 비어 있어 세션이 없습니다.</translation>
    </message>
    <message>
        <source>This session was written by a newer WsScope (format version %1); update WsScope to open it.</source>
        <translation>이 세션은 더 새로운 WsScope(형식 버전 %1)로 작성되었습니다. 열려면 WsScope를 업데이트하세요.</translation>
    </message>
    <message>
        <source>Line %1 refers to connection %2, which the file does not open before; an empty connection was added for it.</source>
        <translation>%1번째 줄이 파일에서 앞서 열리지 않은 연결 %2을(를) 가리킵니다. 이를 위해 빈 연결을 추가했습니다.</translation>
    </message>
    <message>
        <source>Line %1 is incomplete: the file ends in the middle of it (the recording was probably interrupted). Everything before it was loaded.</source>
        <translation>%1번째 줄이 불완전합니다: 파일이 그 줄 중간에서 끝납니다 (기록이 중단된 것으로 보입니다). 그 앞까지는 모두 불러왔습니다.</translation>
    </message>
    <message>
        <source>Line %1 is not valid JSON (column %2); it was skipped.</source>
        <translation>%1번째 줄은 올바른 JSON이 아니므로(%2열) 건너뛰었습니다.</translation>
    </message>
    <message>
        <source>Line %1: %2; it was skipped.</source>
        <translation>%1번째 줄: %2. 건너뛰었습니다.</translation>
    </message>
    <message>
        <source>there is no &quot;type&quot;</source>
        <translation>&quot;type&quot;이 없음</translation>
    </message>
    <message>
        <source>Line %1 has an event type this version does not know (&quot;%2&quot;); it was skipped.</source>
        <translation>%1번째 줄의 이벤트 타입(&quot;%2&quot;)을 이 버전은 알지 못하므로 건너뛰었습니다.</translation>
    </message>
    <message>
        <source>&quot;conn&quot; is missing or not a connection number</source>
        <translation>&quot;conn&quot;이 없거나 연결 번호가 아님</translation>
    </message>
    <message>
        <source>its details are not valid JSON</source>
        <translation>상세 정보가 올바른 JSON이 아님</translation>
    </message>
    <message>
        <source>Line %1 opens connection %2 a second time; its events that follow go to a new connection.</source>
        <translation>%1번째 줄이 연결 %2을(를) 두 번째로 엽니다. 뒤따르는 이벤트는 새 연결로 들어갑니다.</translation>
    </message>
    <message>
        <source>&quot;t&quot; is missing or not a time</source>
        <translation>&quot;t&quot;가 없거나 시각이 아님</translation>
    </message>
    <message>
        <source>&quot;dir&quot; is neither &quot;out&quot; nor &quot;in&quot;</source>
        <translation>&quot;dir&quot;이 &quot;out&quot;도 &quot;in&quot;도 아님</translation>
    </message>
    <message>
        <source>&quot;dir&quot; is missing</source>
        <translation>&quot;dir&quot;이 없음</translation>
    </message>
    <message>
        <source>&quot;opcode&quot; is missing or not 0-15</source>
        <translation>&quot;opcode&quot;가 없거나 0-15가 아님</translation>
    </message>
    <message>
        <source>&quot;rsv&quot; is not 0-7</source>
        <translation>&quot;rsv&quot;가 0-7이 아님</translation>
    </message>
    <message>
        <source>&quot;fin&quot;, &quot;masked&quot; or &quot;truncated&quot; is not true or false</source>
        <translation>&quot;fin&quot;, &quot;masked&quot;, &quot;truncated&quot; 중 true나 false가 아닌 것이 있음</translation>
    </message>
    <message>
        <source>the frame is masked but &quot;mask&quot; is not 8 hexadecimal digits</source>
        <translation>마스킹된 프레임인데 &quot;mask&quot;가 16진수 8자리가 아님</translation>
    </message>
    <message>
        <source>&quot;text&quot; is not a valid UTF-8 string</source>
        <translation>&quot;text&quot;가 올바른 UTF-8 문자열이 아님</translation>
    </message>
    <message>
        <source>&quot;data_b64&quot; is not valid base64</source>
        <translation>&quot;data_b64&quot;가 올바른 base64가 아님</translation>
    </message>
    <message>
        <source>&quot;len&quot; is not a length at least as long as the stored payload</source>
        <translation>&quot;len&quot;이 저장된 페이로드보다 짧거나 길이가 아님</translation>
    </message>
    <message>
        <source>&quot;lenenc&quot; is not 7, 16 or 64</source>
        <translation>&quot;lenenc&quot;이 7, 16, 64 중 하나가 아님</translation>
    </message>
    <message>
        <source>&quot;text&quot; holds a lone surrogate escape (such as \udc00), which is no character</source>
        <translation>&quot;text&quot;에 짝이 없는 서로게이트 이스케이프(\udc00 등)가 있는데, 이는 문자가 아닙니다</translation>
    </message>
</context>
<context>
    <name>wsscope::SessionWriter</name>
    <message>
        <source>Could not create the session file %1: %2. Choose another folder.</source>
        <translation>세션 파일 %1을(를) 만들 수 없습니다: %2. 다른 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>the recording was closed</source>
        <translation>기록이 닫혔습니다</translation>
    </message>
    <message>
        <source>Writing the session file %1 failed: %2. The recording is still in memory; save it elsewhere.</source>
        <translation>세션 파일 %1 쓰기에 실패했습니다: %2. 기록은 아직 메모리에 있으니 다른 곳에 저장하세요.</translation>
    </message>
    <message>
        <source>Could not save the session to %1: %2. Choose another place or free some space.</source>
        <translation>세션을 %1에 저장할 수 없습니다: %2. 다른 위치를 고르거나 공간을 확보하세요.</translation>
    </message>
</context>
<context>
    <name>wsscope::Tap</name>
    <message>
        <source>The capture relay could not listen on 127.0.0.1: %1</source>
        <translation>캡처 릴레이가 127.0.0.1에서 수신 대기할 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>wsscope::TimelineModel</name>
    <message>
        <source>%1 bytes, %2 of them stored</source>
        <translation>%1바이트, 그중 %2바이트 저장됨</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>시간 (ms)</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>방향</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>타입</translation>
    </message>
    <message>
        <source>FIN</source>
        <translation>FIN</translation>
    </message>
    <message>
        <source>RSV</source>
        <translation>RSV</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>마스크</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>길이</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>페이로드</translation>
    </message>
    <message>
        <source>Wall-clock time the event was seen</source>
        <translation>이벤트를 본 실제 시각</translation>
    </message>
    <message>
        <source>Milliseconds since the connection started</source>
        <translation>연결 시작 후 밀리초</translation>
    </message>
    <message>
        <source>→ client to server, ← server to client</source>
        <translation>→ 클라이언트에서 서버로, ← 서버에서 클라이언트로</translation>
    </message>
    <message>
        <source>FIN bit: 1 on the last frame of a message</source>
        <translation>FIN 비트: 메시지의 마지막 프레임에서 1</translation>
    </message>
    <message>
        <source>RSV1 RSV2 RSV3 bits; RSV1 marks a compressed message (permessage-deflate)</source>
        <translation>RSV1 RSV2 RSV3 비트. RSV1은 압축된 메시지를 나타냄 (permessage-deflate)</translation>
    </message>
    <message>
        <source>Masking key of a client frame</source>
        <translation>클라이언트 프레임의 마스킹 키</translation>
    </message>
    <message>
        <source>Payload length announced by the frame header</source>
        <translation>프레임 헤더가 알린 페이로드 길이</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 중 %1</translation>
    </message>
</context>
<context>
    <name>wsscope::TlsInfo</name>
    <message>
        <source>self-signed certificate</source>
        <translation>자체 서명 인증서</translation>
    </message>
    <message>
        <source>self-signed certificate in the chain</source>
        <translation>체인에 자체 서명 인증서가 있음</translation>
    </message>
    <message>
        <source>issuer unknown</source>
        <translation>알 수 없는 발급자</translation>
    </message>
    <message>
        <source>certificate expired</source>
        <translation>인증서 만료됨</translation>
    </message>
    <message>
        <source>certificate not yet valid</source>
        <translation>인증서가 아직 유효하지 않음</translation>
    </message>
    <message>
        <source>issued for another host name</source>
        <translation>다른 호스트 이름용으로 발급됨</translation>
    </message>
    <message>
        <source>certificate revoked</source>
        <translation>인증서 폐기됨</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted (%1). Add its CA with --cacert or allow insecure for this connection.</source>
        <translation>서버 인증서를 신뢰할 수 없습니다 (%1). --cacert로 해당 CA를 추가하거나 이 연결에 안전하지 않은 인증서를 허용하세요.</translation>
    </message>
    <message>
        <source>The server at %1 requires a client certificate (TLS alert: %2). Choose a certificate and key in the connection&apos;s TLS options (--cert and --key).</source>
        <translation>%1 서버는 클라이언트 인증서를 요구합니다 (TLS 경고: %2). 연결의 TLS 옵션에서 인증서와 키를 선택하세요 (--cert와 --key).</translation>
    </message>
    <message>
        <source>The server at %1 did not accept the client certificate (TLS alert: %2).</source>
        <translation>%1 서버가 클라이언트 인증서를 받아들이지 않았습니다 (TLS 경고: %2).</translation>
    </message>
    <message>
        <source>The server at %1 ended TLS with a fatal alert: %2.</source>
        <translation>%1 서버가 치명적 경고로 TLS를 끝냈습니다: %2.</translation>
    </message>
</context>
<context>
    <name>wsscope::Tunnel</name>
    <message>
        <source>No CA certificate could be read from %1; check the path and that it is PEM.</source>
        <translation>%1에서 CA 인증서를 읽을 수 없습니다. 경로와 PEM 형식인지 확인하세요.</translation>
    </message>
    <message>
        <source>The client certificate or its key could not be read from %1; both must be unencrypted PEM.</source>
        <translation>%1에서 클라이언트 인증서나 키를 읽을 수 없습니다. 둘 다 암호화되지 않은 PEM이어야 합니다.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer within %2 seconds.</source>
        <translation>%1의 서버가 %2초 안에 응답하지 않았습니다.</translation>
    </message>
    <message>
        <source>The host name %1 could not be resolved; check the URL and your DNS.</source>
        <translation>호스트 이름 %1을(를) 확인할 수 없습니다. URL과 DNS를 확인하세요.</translation>
    </message>
    <message>
        <source>The server at %1 refused the connection; check the host and port and that the server is running.</source>
        <translation>%1의 서버가 연결을 거부했습니다. 호스트와 포트, 서버가 실행 중인지 확인하세요.</translation>
    </message>
    <message>
        <source>The server at %1 could not be reached (%2).</source>
        <translation>%1의 서버에 연결할 수 없습니다 (%2).</translation>
    </message>
    <message>
        <source>The upstream proxy failed to reach %1 (%2); check the proxy settings.</source>
        <translation>업스트림 프록시가 %1에 연결하지 못했습니다 (%2). 프록시 설정을 확인하세요.</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed (%2).</source>
        <translation>%1과(와)의 TLS 핸드셰이크에 실패했습니다 (%2).</translation>
    </message>
    <message>
        <source>The connection to %1 failed (%2).</source>
        <translation>%1에 대한 연결에 실패했습니다 (%2).</translation>
    </message>
    <message>
        <source>The client&apos;s upgrade request is not valid HTTP: %1</source>
        <translation>클라이언트의 업그레이드 요청이 올바른 HTTP가 아닙니다: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not valid HTTP: %1</source>
        <translation>서버 응답이 올바른 HTTP가 아닙니다: %1</translation>
    </message>
    <message>
        <source>The server answered %1 %2 instead of switching protocols.</source>
        <translation>서버가 프로토콜을 전환하지 않고 %1 %2(으)로 응답했습니다.</translation>
    </message>
    <message>
        <source>The server at %1 closed the connection after the TLS handshake without answering the upgrade request. A server that requires a client certificate does this when it gets none: choose one in the connection&apos;s TLS options (--cert and --key).</source>
        <translation>%1 서버가 TLS 핸드셰이크 뒤 업그레이드 요청에 응답하지 않고 연결을 닫았습니다. 클라이언트 인증서를 요구하는 서버는 인증서를 받지 못하면 이렇게 합니다. 연결의 TLS 옵션에서 인증서를 선택하세요 (--cert와 --key).</translation>
    </message>
    <message>
        <source>The server at %1 closed the connection after the TLS handshake without answering the upgrade request. A server that requires a client certificate does this when it does not trust the one sent.</source>
        <translation>%1 서버가 TLS 핸드셰이크 뒤 업그레이드 요청에 응답하지 않고 연결을 닫았습니다. 클라이언트 인증서를 요구하는 서버는 보낸 인증서를 신뢰하지 않으면 이렇게 합니다.</translation>
    </message>
    <message>
        <source>The body of the server&apos;s answer is malformed: %1</source>
        <translation>서버 응답의 본문 형식이 잘못되었습니다: %1</translation>
    </message>
    <message>
        <source>The server at %1 closed the connection before answering the upgrade request.</source>
        <translation>%1 서버가 업그레이드 요청에 응답하기 전에 연결을 닫았습니다.</translation>
    </message>
</context>
</TS>
