#!/usr/bin/env bash
# The daily job: enter the results teams dropped in a folder, publish every result not yet published,
# and fail (exit 3) when any result is past its 20-working-day deadline. No draw ids, no terminal.
#   crontab:  30 7 * * 1-5  cd /srv/inspect && INSPECT_DB=/srv/inspect/inspect.db ./cron-daily.sh >> cron.log 2>&1
set -euo pipefail
DROP=${INSPECT_DROP:-./drop}            # results files (CSV, as the teams send them)
DONE=${INSPECT_DONE:-./drop/done}       # entered files are moved here
PUBLISH=${INSPECT_PUBLISH:-./publish}   # the day's result notices (抽查结果公告-YYYY-MM-DD.csv)
mkdir -p "$DONE" "$PUBLISH"
shopt -s nullglob
for f in "$DROP"/*.csv; do
  # A file with errors stays in the drop folder (exit 65) and fails the job; the others are entered.
  inspect results import "$f" --json > /dev/null && mv "$f" "$DONE"/
done
(cd "$PUBLISH" && inspect export publication --kind result --pending --json)
inspect report --fail-on-overdue --json > /dev/null
