#!/bin/sh
# Compare the verdict of `promql-eval rules test` with `promtool test rules` on every file of
# verdicts.txt. Usage: tests/rules/compare_promtool.sh [path/to/promql-eval]
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../build/promql-eval}
status=0
while read -r file want; do
    case "$file" in ''|'#'*) continue ;; esac
    promtool test rules "$here/$file" >/dev/null 2>&1; ref=$?
    "$bin" rules test "$here/$file" >/dev/null 2>&1; ours=$?
    [ "$ref" -eq 0 ] && refv=pass || refv=fail
    [ "$ours" -eq 0 ] && ourv=pass || ourv=fail
    if [ "$refv" = "$ourv" ] && [ "$ourv" = "$want" ]; then
        echo "ok    $file ($ourv)"
    else
        echo "DIFF  $file: expected $want, promtool $refv, promql-eval $ourv"
        status=1
    fi
done < "$here/verdicts.txt"
exit $status
