#!/usr/bin/python3
"""Writes the seed corpora in corpus/<target>/ (run from this directory; the output is committed).
Each seed is a valid or nearly valid input in the target's framing, so fuzzing starts deep."""
import base64, gzip, json, os, struct, time, zlib
import jwt  # python3-jwt

def write(target, name, data):
    os.makedirs(f"corpus/{target}", exist_ok=True)
    with open(f"corpus/{target}/{name}", "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())

routes = ["/api/v2/logs/sources", "/api/v2/logs/sources/{}", "/api/v2/logs/targets", "/api/v2/logs/targets/{}",
          "/api/v2/logs/tls-bundles", "/api/v2/logs/tls-bundles/{}", "/api/v2/logs/collectors", "/api/v2/logs/collectors/{}",
          "/api/v2/logs/collectors/{}/config", "/admin/api/v3/tenants", "/admin/api/v3/tenants/{}", "/admin/api/v3/accesspolicies",
          "/admin/api/v3/accesspolicies/{}", "/admin/api/v3/tokens", "/admin/api/v3/tokens/{}", "/admin/api/v3/users",
          "/admin/api/v3/users/{}", "/admin/api/v3/users/{}/access-key", "/admin/api/v3/tenants/{}/ingest-tokens",
          "/admin/api/v3/tenants/{}/ingest-tokens/{}", "/admin/api/v3/clusters", "/admin/api/v3/clusters/{}", "/admin/api/v3/audit",
          "/admin/api/v1/instances", "/admin/api/v1/instances/{}", "/admin/api/v2/tenants/{}", "/admin/api/v2/accesspolicies",
          "/admin/api/v2/tokens/{}", "/api/v2/logs/pipeline/preview"]
methods = ["GET", "POST", "PUT", "DELETE"]
def api(name, route, method, body, n1="", n2="", ifmatch="", query=""):
    write("fuzz_api", name, bytes([routes.index(route), methods.index(method)]) + f"{n1}\n{n2}\n{ifmatch}\n{query}\n".encode() + body.encode())

api("source-journald", "/api/v2/logs/sources", "POST", json.dumps({"name": "node-manager", "enabled": True, "logFormat": "ZAP_JSON", "minLevel": "INFO", "journald": {"syslogIdentifier": "node-manager"}}))
api("source-file", "/api/v2/logs/sources", "POST", json.dumps({"name": "api-events", "file": {"paths": ["/var/log/a.log"], "labels": {"job": "api"}}}))
api("source-put", "/api/v2/logs/sources/{}", "PUT", json.dumps({"name": "api-events", "file": {"paths": ["/var/log/b.log"]}}), "api-events", "", '"1"')
api("target-loki", "/api/v2/logs/targets", "POST", json.dumps({"name": "loki1", "type": "LOKI", "loki": {"url": "http://loki:3100/loki/api/v1/push", "tenantId": "dev"}}))
api("target-rsyslog", "/api/v2/logs/targets", "POST", json.dumps({"name": "rsyslog1", "type": "RSYSLOG", "rsyslog": {"endpoint": "rsyslog.example.com", "port": 6514, "timeout": "5s"}}))
api("tls", "/api/v2/logs/tls-bundles", "POST", json.dumps({"name": "dc-tls", "caPem": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"}))
api("tenant", "/admin/api/v3/tenants", "POST", json.dumps({"name": "team-a", "display_name": "Team A", "cluster": "logwarden"}))
api("policy", "/admin/api/v3/accesspolicies", "POST", json.dumps({"name": "readers", "realms": [{"tenant": "team-a", "cluster": "logwarden", "label_policies": [{"selector": "{job=\"api\"}"}]}], "scopes": ["logs:read"]}))
api("token", "/admin/api/v3/tokens", "POST", json.dumps({"name": "ci", "access_policy": "readers", "expiration": "2099-01-01T00:00:00Z"}))
api("user", "/admin/api/v3/users", "POST", json.dumps({"name": "alice", "scopes": ["logsource:read", "search:read"], "realms": [{"tenant": "*", "cluster": "logwarden"}]}))
api("ingest-token", "/admin/api/v3/tenants/{}/ingest-tokens", "POST", json.dumps({"name": "shipper", "parser": "json"}), "team-a")
api("deactivate", "/admin/api/v3/tenants/{}", "PUT", json.dumps({"status": "inactive"}), "team-a", "", '"3"')
api("preview-create", "/api/v2/logs/pipeline/preview", "POST", json.dumps({"kind": "source", "record": {"name": "preview-me", "journald": {"syslogIdentifier": "p"}}}))
api("preview-delete", "/api/v2/logs/pipeline/preview", "POST", json.dumps({"kind": "target", "name": "loki1", "delete": True}))
api("list-inactive", "/admin/api/v3/tokens", "GET", "", "", "", "", "include-non-active=true")

def connect(name, call, encoding, query, body):
    write("fuzz_connect", name, bytes([call, encoding]) + query.encode() + b"\n" + body)
def field(number, payload):
    return bytes([number * 8 + 2, len(payload)]) + payload
connect("getconfig-proto", 0, 0, "", field(1, b"agent-1") + field(3, b"a" * 64))
connect("getconfig-json", 0, 1, "", json.dumps({"id": "agent-1", "hash": "abc", "localAttributes": {"os": "linux"}}).encode())
connect("register-proto", 1, 0, "", field(1, b"agent-1") + field(2, b"name"))
connect("unregister-json", 2, 1, "", b'{"id":"agent-1"}')
connect("getconfig-get", 3, 0, "connect=v1&encoding=proto&base64=1&message=" + base64.urlsafe_b64encode(field(1, b"agent-2")).decode().rstrip("="), b"")
connect("inspect", 4, 0, "", b"")

write("fuzz_router", "sources", bytes([0]) + b"/api/v2/logs/sources/x%2Fy\nlimit=1&offset=2&status=REMOTECFG_UP")
write("fuzz_router", "query", bytes([0]) + b"/loki/api/v1/query_range\nquery=%7Bjob%3D%22a%22%7D+%7C%3D+%22x%22&start=2026-12-02T04%3A00%3A43Z")
write("fuzz_router", "connect", bytes([1]) + b"/collector.v1.CollectorService/GetConfig\n")

now = int(time.time())
key = "fuzz-access-key-0123456789abcdef"
good = jwt.encode({"iss": "self-signed", "sub": "fuzz-user", "iat": now, "exp": now + 3600 * 24 * 365 * 50, "scope": "logs:read"}, key, algorithm="HS256")
write("fuzz_jwt", "self-signed", bytes([0]) + good.encode())
write("fuzz_jwt", "self-signed-hs512", bytes([0]) + jwt.encode({"iss": "self-signed", "sub": "fuzz-user", "exp": now + 99999999}, key, algorithm="HS512").encode())
write("fuzz_jwt", "none-alg", bytes([0]) + (base64.urlsafe_b64encode(b'{"alg":"none"}').rstrip(b"=") + b"." + base64.urlsafe_b64encode(b'{"sub":"x"}').rstrip(b"=") + b"."))
write("fuzz_jwt", "basic", bytes([1]) + base64.b64encode(b"tenant:dG9rZW46c2VjcmV0"))
write("fuzz_jwt", "splunk", bytes([2]) + b"0123456789abcdef0123456789abcdef")

values = [[str(now * 10**9 - i), f"line {i} level=info"] for i in range(3)]
push_json = json.dumps({"streams": [{"stream": {"job": "api", "env": "prod"}, "values": values + [[str(now * 10**9), "with meta", {"trace_id": "t1"}]]}]}).encode()
write("fuzz_push", "json", bytes([0]) + push_json)
write("fuzz_push", "json-gzip", bytes([2]) + gzip.compress(push_json))
write("fuzz_push", "json-deflate", bytes([4]) + zlib.compress(push_json))
def varint(n):
    out = b""
    while n >= 128:
        out += bytes([n % 128 + 128]); n //= 128
    return out + bytes([n])
def pfield(number, payload):
    return bytes([number * 8 + 2]) + varint(len(payload)) + payload
ts = bytes([8]) + varint(now) + bytes([16]) + varint(5)
entry = pfield(1, ts) + pfield(2, b"a protobuf line")
stream = pfield(1, b'{job="api"}') + pfield(2, entry)
proto = pfield(1, stream)
snappy = varint(len(proto)) + bytes([(len(proto) - 1) << 2]) + proto  # one literal (len <= 60)
write("fuzz_push", "protobuf", bytes([1]) + snappy)

def ingest(name, fmt, parser, body):
    write("fuzz_ingest", name, bytes([fmt, parser]) + body.encode())
ingest("raw-kv", 0, 2, 'level=error msg="disk full"\nlevel=info msg=ok\n')
ingest("json-array", 1, 1, json.dumps([{"level": "warn", "msg": "one"}, {"msg": "two"}]))
ingest("hec", 2, 3, '{"event":"hello","time":1700000000.5,"host":"h1","fields":{"a":"b"}}{"event":{"x":1}}')
ingest("hec-raw", 3, 0, "one\ntwo\n")
ingest("humio-structured", 4, 0, json.dumps([{"tags": {"host": "h1"}, "events": [{"timestamp": "2026-12-02T04:00:43Z", "attributes": {"a": 1}, "rawstring": "x"}]}]))
ingest("humio-unstructured", 5, 1, json.dumps([{"fields": {"f": "v"}, "messages": ['{"level":"info"}', "plain"]}]))

for i, (q, line) in enumerate([('{job="api"} |= "disk" | logfmt | level=~"warn|error"', 'level=error msg="disk full"'),
                               ('{job=~"api|x", env!="dev"} | json | n_a!="3" != "noise"', '{"n":{"a":"1"}}'),
                               ('{job="api"} |~ "(a|b)*c" !~ "^x"', "abababc"),
                               ('{job="api"} | logfmt | id="500000"', "id=500000")]):
    write("fuzz_logql", f"q{i}", q + "\n" + line)

write("fuzz_alloy", "pipeline", json.dumps({
    "sources": [{"name": "node-manager", "logFormat": "ZAP_JSON", "minLevel": "WARN", "journald": {"syslogIdentifier": "node-manager"}},
                {"name": "files", "file": {"paths": ["/var/log/\"x\"/*.log", "/var/log/\ufeffbom"], "labels": {"job": "a\\b${x}"}}}],
    "targets": [{"name": "loki1", "type": "LOKI", "loki": {"url": "http://loki:3100/loki/api/v1/push", "tenantId": "dev", "tlsBundle": "dc"}},
                {"name": "rsyslog1", "type": "RSYSLOG", "rsyslog": {"endpoint": "rsyslog.example.com", "port": 6514, "tlsBundle": "dc"}}],
    "tls": {"dc": {"ca": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", "cert": "c", "key": "k\u0000\u2028"}}}))
