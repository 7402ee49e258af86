#!/usr/bin/env bash
# scripts/build-progress on the output of `cmake --build` (lines as cmake's Makefile
# generator prints them): a line per target that had work, a line when the percentage
# moves on by 10 or more, compiler messages kept, cmake's "-- " notes dropped, and
# "up to date" when nothing was compiled.
set -uo pipefail
filter=$1
fail=0
expect() {  # expect NAME EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then
    printf 'FAIL %s\n--- expected\n%s\n--- actual\n%s\n' "$1" "$2" "$3"
    fail=1
  fi
}

actual=$("$filter" <<'OUT'
-- Configuring done
[  1%] Building CXX object ontology/CMakeFiles/kgraph_ontology.dir/types.cpp.o
[  2%] Building CXX object ontology/CMakeFiles/kgraph_ontology.dir/diagnostic.cpp.o
[  4%] Built target kgraph_ontology
[  5%] Built target kgraph_text
[  8%] Building CXX object extract/CMakeFiles/kgraph_extract.dir/ner/ner_model.cpp.o
[ 12%] Building CXX object extract/CMakeFiles/kgraph_extract.dir/ner/ner_score.cpp.o
[ 15%] Building CXX object extract/CMakeFiles/kgraph_extract.dir/ner/ner_tagger.cpp.o
/src/extract/ner/ner_tagger.cpp:12:3: error: 'foo' was not declared in this scope
   12 |   foo();
      |   ^~~
[ 30%] Built target kgraph_extract
OUT
)
expect "a build with work" "build:   1%  ontology/types.cpp
build:   4%  built kgraph_ontology
build:  15%  extract/ner/ner_tagger.cpp
/src/extract/ner/ner_tagger.cpp:12:3: error: 'foo' was not declared in this scope
   12 |   foo();
      |   ^~~
build:  30%  built kgraph_extract" "$actual"

actual=$("$filter" <<'OUT'
-- Build files have been written to: /tmp/build
[ 50%] Built target kgraph_ontology
[100%] Built target kgraph
OUT
)
expect "nothing to compile" "build: up to date" "$actual"

[ $fail = 0 ] && echo "ok: scripts/build-progress"
exit $fail
