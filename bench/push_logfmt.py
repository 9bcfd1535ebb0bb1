#!/usr/bin/env python3
"""Pushes LINES logfmt lines, the same bytes to every URL given (Loki push endpoints), in JSON
pushes of 10,000 lines: 20 streams job=svc-0..svc-19, stream k holding ids [k*LINES/20, (k+1)*LINES/20),
timestamps one per 2 ms ending a minute ago.
usage: push_logfmt.py LINES TENANT URL[|Authorization header] ..."""
import http.client, json, ssl, sys, time, urllib.parse

lines, tenant, targets = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE
conns = []
for t in targets:
    url, _, auth = t.partition("|")
    u = urllib.parse.urlsplit(url)
    c = (http.client.HTTPSConnection(u.hostname, u.port, context=context) if u.scheme == "https"
         else http.client.HTTPConnection(u.hostname, u.port))
    conns.append((c, u.path, auth))

per_stream = lines // 20
end_ns = (time.time_ns() - 60 * 10**9)
start_ns = end_ns - lines * 2_000_000
levels = ["info", "info", "info", "warn", "error", "debug"]
batch = 10_000
for first in range(0, lines, batch):
    streams = {}
    for i in range(first, min(first + batch, lines)):
        k = i // per_stream
        line = (f'ts={i} level={levels[i % 6]} id={i} caller=handler.go:{i % 977} '
                f'msg="request served" path=/api/v{i % 3}/items/{i % 1000} status={200 + (i % 5)} duration={i % 1500}ms')
        streams.setdefault(k, []).append([str(start_ns + i * 2_000_000), line])
    body = json.dumps({"streams": [{"stream": {"job": f"svc-{k}", "env": "bench"}, "values": v}
                                   for k, v in sorted(streams.items())]}).encode()
    for c, path, auth in conns:
        headers = {"Content-Type": "application/json", "X-Scope-OrgID": tenant}
        if auth:
            headers["Authorization"] = auth
        c.request("POST", path, body, headers)
        r = c.getresponse()
        r.read()
        if r.status != 204:
            sys.exit(f"push to {path} answered {r.status}")
print(start_ns, end_ns)
