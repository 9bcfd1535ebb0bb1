#!/usr/bin/env python3
"""CLIENTS anonymous clients each declare a 1 GiB body on URL (https) and stream zeros until they
are answered or 20 s pass. Prints: answered, statuses seen, most body bytes any client had sent
when its answer arrived."""
import select, socket, ssl, sys, threading, time

url, clients = sys.argv[1], int(sys.argv[2])
host, port = url.split("//")[1].split("/")[0].split(":")
path = "/" + url.split("//")[1].split("/", 1)[1]
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE
results = []
lock = threading.Lock()


def client():
    raw = socket.create_connection((host, int(port)))
    s = context.wrap_socket(raw, server_hostname=host)
    s.sendall((f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
               "Content-Length: 1073741824\r\n\r\n").encode())
    sent, chunk, answer, deadline = 0, b"\0" * 16384, b"", time.time() + 20
    while time.time() < deadline and b"\r\n" not in answer:
        readable, _, _ = select.select([s], [], [], 0.005)
        if readable:
            data = s.recv(4096)
            if not data:
                break
            answer += data
            continue
        try:
            s.sendall(chunk)
            sent += len(chunk)
        except OSError:
            break
    with lock:
        results.append((answer[9:12].decode() if answer.startswith(b"HTTP/1.") else "closed", sent))
    s.close()


threads = [threading.Thread(target=client) for _ in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
statuses = sorted({r[0] for r in results})
print(len(results), ",".join(statuses), max(r[1] for r in results))
