#!/usr/bin/env python3
"""What tests/soak.sh reads back from the storage account (Azurite, path-style URLs), with the standard library only.

  soak_storage.py "<connection string>" blobs <container> [<prefix>]   one line per blob: name
  soak_storage.py "<connection string>" queues <task hub>              one line per queue of the hub: name count
  soak_storage.py "<connection string>" instances <task hub>           one line per instance: id status
"""
import base64
import email.utils
import hashlib
import hmac
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

VERSION = "2021-12-02"


def parse(connection):
    parts = dict(p.split("=", 1) for p in connection.split(";") if "=" in p)
    return parts["AccountName"], base64.b64decode(parts["AccountKey"]), parts


def sign(key, text):
    return base64.b64encode(hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()).decode()


def request(connection, service, path, query, accept=None):
    """GET with Shared Key: blob and queue sign every header; table signs date and resource only."""
    account, key, parts = parse(connection)
    endpoint = parts[{"blob": "BlobEndpoint", "queue": "QueueEndpoint", "table": "TableEndpoint"}[service]].rstrip("/")
    url = endpoint + path + ("?" + urllib.parse.urlencode(query) if query else "")
    resource_path = urllib.parse.urlparse(endpoint).path + path  # /account/... (path-style)
    date = email.utils.formatdate(usegmt=True)
    headers = {"x-ms-date": date, "x-ms-version": VERSION}
    if accept:
        headers["Accept"] = accept
    if service == "table":
        resource = f"/{account}{resource_path}"
        if "comp" in query:
            resource += "?comp=" + query["comp"]
        to_sign = f"GET\n\n\n{date}\n{resource}"
    else:
        canonical_headers = "".join(f"{k}:{v}\n" for k, v in sorted(headers.items()) if k.startswith("x-ms-"))
        resource = f"/{account}{resource_path}" + "".join(f"\n{k.lower()}:{v}" for k, v in sorted(query.items()))
        to_sign = "GET\n" + "\n" * 11 + canonical_headers + resource
    headers["Authorization"] = f"SharedKey {account}:{sign(key, to_sign)}"
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as response:
        return response.read(), response.headers


def blobs(connection, container, prefix=""):
    marker = None
    while True:
        query = {"restype": "container", "comp": "list", "prefix": prefix}
        if marker:
            query["marker"] = marker
        try:
            body, _ = request(connection, "blob", f"/{container}", query)
        except urllib.error.HTTPError as e:
            if e.code == 404:
                return
            raise
        root = ET.fromstring(body)
        for blob in root.iter("Blob"):
            yield blob.findtext("Name")
        marker = root.findtext("NextMarker")
        if not marker:
            return


def queues(connection, hub):
    body, _ = request(connection, "queue", "/", {"comp": "list", "prefix": hub.lower()})
    for q in ET.fromstring(body).iter("Queue"):
        name = q.findtext("Name")
        _, headers = request(connection, "queue", f"/{name}", {"comp": "metadata"})
        yield name, int(headers["x-ms-approximate-messages-count"])


def instances(connection, hub):
    query = {"$select": "PartitionKey,RuntimeStatus"}
    while True:
        try:
            body, headers = request(connection, "table", f"/{hub}Instances()", query, accept="application/json;odata=nometadata")
        except urllib.error.HTTPError as e:
            if e.code == 404:
                return
            raise
        for row in json.loads(body)["value"]:
            yield row["PartitionKey"], row.get("RuntimeStatus", "")
        pk, rk = headers.get("x-ms-continuation-NextPartitionKey"), headers.get("x-ms-continuation-NextRowKey")
        if not pk:
            return
        query = {**query, "NextPartitionKey": pk, "NextRowKey": rk or ""}


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 64
    connection, what, arg = argv[1], argv[2], argv[3]
    if what == "blobs":
        for name in blobs(connection, arg, argv[4] if len(argv) > 4 else ""):
            print(name)
    elif what == "queues":
        for name, count in queues(connection, arg):
            print(name, count)
    elif what == "instances":
        for instance, status in instances(connection, arg):
            print(instance, status)
    else:
        print(__doc__, file=sys.stderr)
        return 64
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
