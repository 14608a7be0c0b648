#!/usr/bin/env bash
# run.sh runs every benchmark of this module and writes the raw results
# to results/: the machine, scanbench's and ratebench's markdown tables
# (with their progress logs), the decode benchmarks' raw output (-count
# 10 unless BENCH_COUNT says otherwise) and its benchstat summary, and the
# per-user ratios of the decode benchmarks.
#
# It takes about 12 minutes at the defaults, most of it the official SDK
# reading 100,000 users five times. Pass flags through the environment:
#
#   SCAN_ARGS="--runs 3 --sdk-runs 1" RATE_ARGS="--runs 1" BENCH_COUNT=5 ./run.sh
#
# Timings are medians; on a shared machine, read them with the load
# averages the programs print next to them.
set -euo pipefail

cd "$(dirname "$0")"
out=results
mkdir -p "$out"
count=${BENCH_COUNT:-10}

{
	echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "cores: $(nproc)"
	echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
	echo "go: $(go version)"
	echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

go vet ./...
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/" ./cmd/scanbench ./cmd/ratebench

echo "== scanbench ${SCAN_ARGS:-}" >&2
# shellcheck disable=SC2086 # the arguments are meant to split
"$bin/scanbench" ${SCAN_ARGS:-} >"$out/scanbench.md" 2>"$out/scanbench.log"
cat "$out/scanbench.md"

echo "== ratebench ${RATE_ARGS:-}" >&2
# shellcheck disable=SC2086
"$bin/ratebench" ${RATE_ARGS:-} >"$out/ratebench.md" 2>"$out/ratebench.log"
cat "$out/ratebench.md"

echo "== decode benchmarks, -count $count" >&2
go test -run '^$' -bench . -count "$count" . | tee "$out/decode.txt"
go run golang.org/x/perf/cmd/benchstat@latest "$out/decode.txt" | tee "$out/decode.benchstat.txt"

# The median ns/user of each benchmark, and the ratios between them.
awk '
	/^Benchmark/ {
		name = $1; sub(/-[0-9]+$/, "", name)
		for (i = 2; i < NF; i++) if ($(i + 1) == "ns/user") v[name, ++n[name]] = $i
	}
	function median(name,    k, j, t, m) {
		m = n[name]
		for (k = 1; k <= m; k++) s[k] = v[name, k]
		for (k = 2; k <= m; k++) for (j = k; j > 1 && s[j - 1] > s[j]; j--) {
			t = s[j]; s[j] = s[j - 1]; s[j - 1] = t
		}
		return s[int((m + 1) / 2)]
	}
	END {
		split("BenchmarkDecodeClerk BenchmarkDecodeSDK BenchmarkValid BenchmarkFlatten", names)
		for (k = 1; k <= 4; k++) {
			med[names[k]] = median(names[k])
			printf "%-22s %10.0f ns/user (median)\n", names[k], med[names[k]]
		}
		c = med["BenchmarkDecodeClerk"]
		printf "Flatten / DecodeClerk per user:    %.2f\n", med["BenchmarkFlatten"] / c
		printf "DecodeSDK / DecodeClerk per user:  %.2f\n", med["BenchmarkDecodeSDK"] / c
		printf "DecodeClerk / Valid per user:      %.2f\n", c / med["BenchmarkValid"]
	}
' "$out/decode.txt" | tee "$out/decode.ratios.txt"
