#!/usr/bin/env bash
# Upload benchmark (issue 5): N concurrent tus clients, each uploading a generated 1 MiB file in 256 KiB chunks.
#
#   load/bench/upload/run.sh <endpoint> [N] [options]     e.g. run.sh http://localhost:8080/api/v1/uploads 1000
#   load/bench/upload/run.sh --self-test [N] [options]    against upload-client's own test tus server
#
# Options: see `run.sh --help` (--token, --identities FILE, --verify-header NAME, --deadline-s, ...).
# Compiles the module (offline Maven, no install) when its classes are missing. Extra JVM flags: JAVA_OPTS.
set -euo pipefail

repo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
module_dir="${repo_dir}/upload-client"

if [[ ! -d "${module_dir}/target/classes/id" || ! -d "${module_dir}/target/test-classes/id" ]]; then
  echo "compiling upload-client ..." >&2
  (cd "${repo_dir}" && ./mvnw -B -q -o -pl upload-client test-compile) >&2
fi

classpath="${module_dir}/target/classes"
for arg in "$@"; do
  if [[ "${arg}" == "--self-test" ]]; then
    # the self-test server lives in the test sources, found through ServiceLoader
    classpath="${classpath}:${module_dir}/target/test-classes"
  fi
done

# one platform thread per client: small stacks; the heap holds one 256 KiB chunk per client at most
exec java -Xss256k -Xmx2g ${JAVA_OPTS:-} -cp "${classpath}" \
  id.go.imigrasi.mpaspor.upload.bench.UploadBenchmark "$@"
