#!/usr/bin/env python3
"""Writes src/test/resources/cnpg/<Kind>.schema.json: the openAPIV3Schema of a CloudNativePG CRD, cut down to what
deploy/k8s uses. CloudNativePG publishes no Java model, so K8sManifestsTest validates its kinds against these.

Along every path that a rendered overlay sets, the schema is kept whole (types, enums, required, patterns, bounds)
and an object accepts only the properties the CRD declares (additionalProperties: false, unless the CRD keeps
unknown fields). A property the manifests do not set stays known by name: a scalar with its whole schema, an object or
array with its type only, so a misspelt or invented field still fails while the file stays small. Descriptions are dropped.

Usage (from the repository root, with the CRDs of the CloudNativePG release the manifests target):
  kubectl kustomize deploy/k8s/overlays/local > /tmp/local.yaml
  kubectl kustomize deploy/k8s/overlays/production > /tmp/production.yaml
  python3 deploy/k8s-tests/tools/trim-cnpg-crd.py v1.30.0 CRD_DIR /tmp/local.yaml /tmp/production.yaml
where CRD_DIR holds config/crd/bases/postgresql.cnpg.io_*.yaml of that release.
"""
import json
import os
import sys

import yaml

KEEP = {'type', 'required', 'enum', 'format', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems',
        'maxItems', 'pattern', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string'}
FILES = {'Cluster': 'clusters', 'Database': 'databases', 'ScheduledBackup': 'scheduledbackups'}


def stub(schema):
    """An unused property: a scalar keeps its whole schema (type, enum, pattern...), an object or array its type."""
    if schema.get('type') in ('object', 'array') or 'properties' in schema:
        return {k: v for k, v in schema.items() if k in ('type', 'x-kubernetes-preserve-unknown-fields')}
    return trim(schema, [])


def trim(schema, used):
    """schema: the CRD's node; used: list of the values the manifests hold at this node."""
    out = {k: v for k, v in schema.items() if k in KEEP}
    for key in ('anyOf', 'oneOf', 'allOf'):
        if key in schema:
            out[key] = [trim(s, used) for s in schema[key]]
    if 'properties' in schema:
        props = {}
        for name, sub in schema['properties'].items():
            values = [u[name] for u in used if isinstance(u, dict) and name in u]
            props[name] = trim(sub, values) if values else stub(sub)
        out['properties'] = props
        if 'additionalProperties' not in schema and not schema.get('x-kubernetes-preserve-unknown-fields'):
            out['additionalProperties'] = False
    if isinstance(schema.get('additionalProperties'), dict):
        values = [v for u in used if isinstance(u, dict) for v in u.values()]
        out['additionalProperties'] = trim(schema['additionalProperties'], values)
    elif 'additionalProperties' in schema:
        out['additionalProperties'] = schema['additionalProperties']
    if 'items' in schema:
        values = [v for u in used if isinstance(u, list) for v in u]
        out['items'] = trim(schema['items'], values)
    return out


def main():
    release, crd_dir, *rendered = sys.argv[1:]
    docs = [d for f in rendered for d in yaml.safe_load_all(open(f)) if d]
    target = os.path.join(os.path.dirname(__file__), '..', 'src', 'test', 'resources', 'cnpg')
    for kind, file in FILES.items():
        crd = yaml.safe_load(open(os.path.join(crd_dir, f'postgresql.cnpg.io_{file}.yaml')))
        version = next(v for v in crd['spec']['versions'] if v['name'] == 'v1')
        used = [d for d in docs if d.get('kind') == kind and d.get('apiVersion') == 'postgresql.cnpg.io/v1']
        schema = trim(version['schema']['openAPIV3Schema'], used)
        schema['$comment'] = (f'postgresql.cnpg.io/v1 {kind}, CloudNativePG {release} '
                              f'config/crd/bases/postgresql.cnpg.io_{file}.yaml, trimmed by tools/trim-cnpg-crd.py')
        with open(os.path.join(target, f'{kind}.schema.json'), 'w') as out:
            json.dump(schema, out, indent=1, sort_keys=True)
            out.write('\n')


if __name__ == '__main__':
    main()
