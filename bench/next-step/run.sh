#!/bin/bash
# What keeping deals.has_next_step (migration 0034) costs a task write, with pgbench on the benchmark
# database: each case alternates the trigger (or the deal's own triggers) on and off. See README.md.
set -euo pipefail
cd "$(dirname "$0")"
DB=${1:-postgres://postgres@127.0.0.1:5432/voronka_bench_1000000}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
REPS=${REPS:-3}
sqlq() { psql -q -v ON_ERROR_STOP=1 "$DB" "$@"; }
bench() { # script clients → "tps latency_ms"
  local out
  out=$(pgbench -n -f "$1" -c "$2" -j "$2" -T "$SECONDS_PER_RUN" "$DB" 2>&1)
  echo "$(grep -oP 'tps = \K[0-9.]+' <<<"$out") $(grep -oP 'latency average = \K[0-9.]+' <<<"$out")"
}
# Puts every touched deal's flag back from its tasks, without firing anything.
restore() {
  sqlq -c "alter table deals disable trigger user" \
    -c "update deals d set has_next_step = exists (select 1 from tasks t where t.workspace_id = d.workspace_id
          and t.entity = 'deal' and t.record_id = d.id and t.status = 'open' and t.deleted_at is null)
        where d.id in (select id from bench_flip where n <= (select last_value from bench_flip_seq))" \
    -c "alter table deals enable trigger user"
}
trap 'sqlq -c "alter table tasks enable trigger tasks_deal_next_step" -c "alter table deals enable trigger user"' EXIT
sqlq -f setup.sql
echo "case | clients | run | with | tps | latency ms"
for script in flip.sql keep.sql; do
  for clients in 1 10; do
    for rep in $(seq "$REPS"); do
      for mode in enable disable; do
        sqlq -c "alter table tasks $mode trigger tasks_deal_next_step"
        read -r tps latency < <(bench "$script" "$clients")
        echo "$script | $clients | $rep | trigger ${mode}d | $tps | $latency"
        # Removed in the same trigger state as written, so each flag stays true to its tasks.
        sqlq -c "delete from tasks where title = 'bench-next-step'"
      done
    done
  done
done
for script in deal-flag.sql deal-unindexed.sql; do
  for rep in $(seq "$REPS"); do
    for mode in enable disable; do
      sqlq -c "alter table deals $mode trigger user"
      read -r tps latency < <(bench "$script" 1)
      echo "$script | 1 | $rep | deal triggers ${mode}d | $tps | $latency"
    done
  done
done
restore
wrong=$(psql -Atq "$DB" -c "select count(*) from deals d where has_next_step <> exists (select 1 from tasks t
  where t.workspace_id = d.workspace_id and t.entity = 'deal' and t.record_id = d.id and t.status = 'open'
    and t.deleted_at is null)")
echo "deals whose flag disagrees with their tasks afterwards: $wrong"
sqlq -c "drop table bench_flip, bench_keep" -c "drop sequence bench_flip_seq"
