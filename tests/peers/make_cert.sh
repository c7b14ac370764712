#!/bin/sh
# Makes a throw-away certificate authority and a server certificate for wss:// tests on loopback.
#
#   make_cert.sh DIR
#
# writes into DIR (created if needed):
#   ca.pem       self-signed CA certificate (trust this one in the client)
#   ca.key       its key (only needed to sign more certificates)
#   server.pem   server certificate signed by the CA, subjectAltName DNS:localhost and IP:127.0.0.1
#   server.key   its private key, PKCS#8 PEM, unencrypted
#   client.pem   client certificate signed by the CA (CN=wsscope-test-client, extendedKeyUsage clientAuth)
#   client.key   its private key, PKCS#8 PEM, unencrypted
# EC P-256 keys keep it fast (well under a second). Valid from now for 30 days; make fresh ones per test run.
set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
dir=$1
mkdir -p "$dir"
cd "$dir"

ext=$(mktemp)
trap 'rm -f "$ext" server.csr client.csr' EXIT

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key
openssl req -x509 -new -key ca.key -sha256 -days 30 -subj "/CN=WsScope Test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out ca.pem

# issue NAME SUBJECT EXTENSIONS: a key NAME.key and a certificate NAME.pem signed by the CA.
issue() {
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key"
    openssl req -new -key "$1.key" -subj "$2" -out "$1.csr"
    printf '%s\n' "$3" > "$ext"
    openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -set_serial "0x$(openssl rand -hex 8)" \
        -days 30 -sha256 -extfile "$ext" -out "$1.pem"
}

# RFC 6125 / RFC 2818: clients match the host against subjectAltName, not the common name.
issue server "/CN=localhost" "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,IP:127.0.0.1"
issue client "/CN=wsscope-test-client" "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth"
chmod 600 ca.key server.key client.key
