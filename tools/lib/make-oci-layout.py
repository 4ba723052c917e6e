#!/usr/bin/env python3
"""Writes small, real OCI image layouts for the demo and benchmarks, with no network.

    make-oci-layout.py DIR NAME [--platforms linux/amd64,linux/arm64] [--layers N] [--size BYTES]
                       [--seed TEXT] [--base-seed TEXT]

Each platform image gets a gzip-compressed layer tar of random files; several platforms give an
OCI image index. --base-seed adds a first layer shared by every image made with the same seed, as
images built FROM one base share it. The result is pushed with
`skopeo copy --all oci:DIR:NAME docker://HOST/REPO:TAG`.
"""
import argparse
import gzip
import hashlib
import io
import json
import os
import random
import tarfile


def write_blob(root: str, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    path = os.path.join(root, "blobs", "sha256", digest)
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)
    return "sha256:" + digest


def make_layer(seed: str, size: int) -> tuple[bytes, str]:
    rng = random.Random(seed)
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        content = rng.randbytes(size)
        info = tarfile.TarInfo(f"data/{hashlib.sha1(seed.encode()).hexdigest()[:12]}.bin")
        info.size = len(content)
        info.mtime = 0
        tar.addfile(info, io.BytesIO(content))
    uncompressed = raw.getvalue()
    diff_id = "sha256:" + hashlib.sha256(uncompressed).hexdigest()
    return gzip.compress(uncompressed, mtime=0), diff_id


def make_image(root: str, seed: str, base_seed: str | None, platform: str, layers: int, size: int):
    os_name, arch = platform.split("/")[:2]
    seeds = ([f"base:{base_seed}"] if base_seed else []) + [f"{seed}:{platform}:{i}" for i in range(layers)]
    layer_descs, diff_ids = [], []
    for s in seeds:
        blob, diff_id = make_layer(s, size)
        layer_descs.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                            "digest": write_blob(root, blob), "size": len(blob)})
        diff_ids.append(diff_id)
    config = json.dumps({"architecture": arch, "os": os_name,
                         "config": {"Labels": {"demo.seed": seed}},
                         "rootfs": {"type": "layers", "diff_ids": diff_ids}}).encode()
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                           "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                                      "digest": write_blob(root, config), "size": len(config)},
                           "layers": layer_descs}).encode()
    return {"mediaType": "application/vnd.oci.image.manifest.v1+json",
            "digest": write_blob(root, manifest), "size": len(manifest),
            "platform": {"os": os_name, "architecture": arch}}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("name")
    p.add_argument("--platforms", default="linux/amd64")
    p.add_argument("--layers", type=int, default=1)
    p.add_argument("--size", type=int, default=4096)
    p.add_argument("--seed", default=None)
    p.add_argument("--base-seed", default=None)
    a = p.parse_args()
    os.makedirs(os.path.join(a.dir, "blobs", "sha256"), exist_ok=True)
    with open(os.path.join(a.dir, "oci-layout"), "w") as f:
        json.dump({"imageLayoutVersion": "1.0.0"}, f)
    seed = a.seed or a.name
    images = [make_image(a.dir, seed, a.base_seed, pl, a.layers, a.size) for pl in a.platforms.split(",")]
    if len(images) == 1:
        top = dict(images[0])
        top.pop("platform")
    else:
        index = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                            "manifests": images}).encode()
        top = {"mediaType": "application/vnd.oci.image.index.v1+json",
               "digest": write_blob(a.dir, index), "size": len(index)}
    top["annotations"] = {"org.opencontainers.image.ref.name": a.name}
    index_path = os.path.join(a.dir, "index.json")
    existing = {"schemaVersion": 2, "manifests": []}
    if os.path.exists(index_path):
        with open(index_path) as f:
            existing = json.load(f)
    existing["manifests"] = [m for m in existing["manifests"]
                             if m.get("annotations", {}).get("org.opencontainers.image.ref.name") != a.name]
    existing["manifests"].append(top)
    with open(index_path, "w") as f:
        json.dump(existing, f)
    print(top["digest"])


if __name__ == "__main__":
    main()
