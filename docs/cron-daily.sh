#!/usr/bin/env bash
# The daily job: enter the results teams dropped in a folder, publish every result not yet published,
# and fail when anything went wrong. No draw ids, no terminal. Its exit status:
#   0   every file entered, every pending result published, nothing overdue;
#   3   some result was past its 20-working-day deadline before this run published it (or still is);
#   65  some results file was rejected (it stays in the drop folder; the others are entered);
#   any other: the failing command's own status (a busy database 75, a full disk 74, …).
# The overdue check runs before the day's publication: publishing a late result marks it published late,
# and a job that checked afterwards would pass although the deadline was missed.
#   crontab:  30 7 * * 1-5  cd /srv/inspect && INSPECT_DB=/srv/inspect/inspect.db ./cron-daily.sh >> cron.log 2>&1
set -uo pipefail
DROP=${INSPECT_DROP:-./drop}            # results files (CSV, as the teams send them)
DONE=${INSPECT_DONE:-./drop/done}       # entered files are moved here
PUBLISH=${INSPECT_PUBLISH:-./publish}   # the day's result notices (抽查结果公告-YYYY-MM-DD.csv)
mkdir -p "$DONE" "$PUBLISH" || exit 73
shopt -s nullglob
status=0
fail() { if [ "$status" -eq 0 ] || [ "$1" -eq 65 ]; then status=$1; fi; }

for f in "$DROP"/*.csv; do
  # A file with errors stays in the drop folder and fails the job; the others are entered and moved.
  if inspect results import "$f" --json > /dev/null; then
    mv "$f" "$DONE"/ || fail 74
  else
    fail $?
  fi
done

# Overdue before publishing: a late result must fail the job even though it is published today.
inspect report --fail-on-overdue --json > /dev/null
rc=$?
if [ "$rc" -ne 0 ]; then fail "$rc"; fi

(cd "$PUBLISH" && inspect export publication --kind result --pending --json) || fail $?
exit "$status"
