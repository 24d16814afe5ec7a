#!/bin/sh
# Compare `promql-eval rules test` with `promtool test rules` on every file of verdicts.txt:
# the verdict (exit code) must match verdicts.txt and promtool, and the report text must match
# promtool's except for lines only one of them prints (2.x's "Unit Testing:" header, our closing
# "N passed, N failed"). A report difference that comes from 2.x-versus-3.x semantics is
# accepted when verdicts.txt gives a note after the verdict; a note saying "3.x only" marks a
# file promtool 2.x cannot read (its verdict is then checked against verdicts.txt alone). Usage: tests/rules/compare_promtool.sh [path/to/promql-eval]
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../build/promql-eval}
tmp=${TMPDIR:-/tmp}/compare_promtool.$$
mkdir -p "$tmp"
status=0
while read -r file want note; do
    case "$file" in ''|'#'*) continue ;; esac
    (cd "$here" && promtool test rules "$file") > "$tmp/ref" 2>&1; ref=$?
    (cd "$here" && "$bin" rules test "$file") > "$tmp/ours" 2>&1; ours=$?
    [ "$ref" -eq 0 ] && refv=pass || refv=fail
    [ "$ours" -eq 0 ] && ourv=pass || ourv=fail
    grep -v '^Unit Testing: ' "$tmp/ref" | grep -v '^$' > "$tmp/ref.txt"
    grep -v ' passed, [0-9]* failed$' "$tmp/ours" | grep -v '^$' > "$tmp/ours.txt"
    case "$note" in *"3.x only"*)
        if [ "$ourv" = "$want" ]; then echo "ok    $file ($ourv; promtool 2.x cannot run it: $note)"; else
            echo "DIFF  $file: expected $want, promql-eval $ourv"; status=1; fi
        continue ;;
    esac
    if [ "$refv" != "$ourv" ] || [ "$ourv" != "$want" ]; then
        echo "DIFF  $file: expected $want, promtool $refv, promql-eval $ourv"
        status=1
    elif ! cmp -s "$tmp/ref.txt" "$tmp/ours.txt" && [ -n "$note" ]; then
        echo "ok    $file ($ourv; report differs as noted: $note)"
    elif ! cmp -s "$tmp/ref.txt" "$tmp/ours.txt"; then
        echo "TEXT  $file ($ourv): reports differ"
        diff "$tmp/ref.txt" "$tmp/ours.txt" | sed 's/^/      /'
        status=1
    else
        echo "ok    $file ($ourv)"
    fi
done < "$here/verdicts.txt"
rm -rf "$tmp"
exit $status
