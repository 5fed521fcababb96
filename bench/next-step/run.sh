#!/bin/bash
# What keeping the deals without a next step (migration 0035) costs the writes that change it, with
# pgbench on the benchmark database: each case alternates its trigger on and off. See README.md.
set -euo pipefail
cd "$(dirname "$0")"
DB=${1:-postgres://postgres@127.0.0.1:5432/voronka_bench_1000000}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
REPS=${REPS:-3}
CASES=${CASES:-flip.sql keep.sql create.sql move.sql}
sqlq() { psql -q -v ON_ERROR_STOP=1 "$DB" "$@"; }
bench() { # script clients → "tps latency_ms"
  local out
  out=$(pgbench -n -f "$1" -c "$2" -j "$2" -T "$SECONDS_PER_RUN" "$DB" 2>&1)
  echo "$(grep -oP 'tps = \K[0-9.]+' <<<"$out") $(grep -oP 'latency average = \K[0-9.]+' <<<"$out")"
}
# What each script wrote is taken back in the trigger state it was written in, so the table stays
# true to the deals and their tasks; moved deals get their stage entry back with the trigger on.
undo() {
  case $1 in
    flip.sql | keep.sql) sqlq -c "delete from tasks where title = 'bench-next-step'" \
      -c "select setval('bench_flip_seq', 1, false)" >/dev/null ;;
    create.sql) sqlq -c "delete from deals where title = 'bench-next-step'" ;;
    move.sql) ;;
  esac
}
trigger_of() { case $1 in flip.sql | keep.sql) echo "tasks tasks_deal_next_step" ;; *) echo "deals deals_next_step" ;; esac; }
trap 'sqlq -c "alter table tasks enable trigger tasks_deal_next_step" -c "alter table deals enable trigger deals_next_step"' EXIT
sqlq -f setup.sql
echo "case | clients | run | with | tps | latency ms"
for script in $CASES; do
  read -r table trigger < <(trigger_of "$script")
  clients_list="1 10"
  [ "$script" = move.sql ] && clients_list=1
  for clients in $clients_list; do
    for rep in $(seq "$REPS"); do
      for mode in enable disable; do
        sqlq -c "alter table $table $mode trigger $trigger"
        read -r tps latency < <(bench "$script" "$clients")
        echo "$script | $clients | $rep | trigger ${mode}d | $tps | $latency"
        undo "$script"
      done
    done
  done
done
sqlq -c "alter table deals enable trigger deals_next_step" \
  -c "update deals d set stage_entered_at = f.stage_entered_at from bench_flip f
      where d.workspace_id = f.workspace_id and d.id = f.id and d.stage_entered_at <> f.stage_entered_at"
wrong=$(psql -Atq "$DB" -c "$(node --import tsx -e \
  "import('../dataset/generate-dataset.ts').then((m) => console.log(m.nextStepDisagreements))")")
echo "deals the table of deals without a next step is wrong about afterwards: $wrong"
sqlq -c "drop table bench_flip, bench_keep, bench_new" -c "drop sequence bench_flip_seq" \
  -c "drop index bench_leads_deal"
