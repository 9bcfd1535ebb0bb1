#!/bin/sh
# Every string the console's sources mark with tr() has a finished German and Chinese translation:
# the sources are read again by lupdate into copies of the .ts files (so a string added without
# running update_translations is found), and the copies must hold no unfinished message.
# Usage: check_translations.sh LUPDATE GENERATE_PROJECT_CMAKE PROJECT_IN TRANSLATIONS_DIR
set -eu
lupdate=$1 generate=$2 project_in=$3 dir=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake -DIN_FILE="$project_in" -DOUT_FILE="$work/project.json" -P "$generate"
for lang in de zh_CN; do
  cp "$dir/logwarden_$lang.ts" "$work/"
  "$lupdate" -project "$work/project.json" -no-obsolete -locations none -ts "$work/logwarden_$lang.ts" >"$work/lupdate.$lang.log" 2>&1 ||
    { cat "$work/lupdate.$lang.log"; exit 1; }
  grep -q '<source>' "$work/logwarden_$lang.ts" || { echo "logwarden_$lang.ts holds no message"; exit 1; }
  if grep -n -B3 'type="unfinished"' "$work/logwarden_$lang.ts"; then
    echo "logwarden_$lang.ts: the messages above have no translation (cmake --build build --target update_translations, then translate them)"
    exit 1
  fi
  # A message the sources no longer have is dropped by -no-obsolete: the copy must equal the file.
  cmp -s "$dir/logwarden_$lang.ts" "$work/logwarden_$lang.ts" ||
    { diff "$dir/logwarden_$lang.ts" "$work/logwarden_$lang.ts" | head -20; echo "logwarden_$lang.ts is not up to date with the sources"; exit 1; }
done
echo "translations complete: $(grep -c '<source>' "$work/logwarden_de.ts") messages in German and Chinese"
