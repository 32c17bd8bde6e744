# crosscheck: `make` builds the library and CLI; `make check` builds and runs every test, also under
# AddressSanitizer and UndefinedBehaviorSanitizer; `make bench` prints throughput on the real corpora.
CC ?= cc
CSTD = -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wno-overlength-strings
OPT ?= -O2 -g
CFLAGS ?= $(OPT)
ALL_CFLAGS = $(CSTD) $(WARN) $(CFLAGS) -Iinclude -Isrc -Ibuild/gen -I/usr/include/libxml2
LIBS = -lutf8proc -lpcre2-8 -ljansson -lstemmer -lxxhash -lxml2 -lm

B ?= build
SAN = $(B)/san
LIB_SRC = $(filter-out src/main.c,$(wildcard src/*.c))
GEN_SRC = $(B)/gen/lexicon_tables.gen.c
DATA = $(sort $(wildcard data/*.txt))
LIB_OBJ = $(LIB_SRC:src/%.c=$(B)/obj/%.o) $(B)/obj/lexicon_tables.gen.o
SAN_OBJ = $(LIB_SRC:src/%.c=$(SAN)/obj/%.o) $(SAN)/obj/lexicon_tables.gen.o
TEST_SRC = $(wildcard tests/test_*.c)
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
HEADERS = $(wildcard src/*.h) include/crosscheck.h

.PHONY: all check test bench fuzz clean
all: $(B)/crosscheck

# The lexicons under data/ become ready hash tables at build time (tools/lexgen.c).
$(B)/lexgen: tools/lexgen.c src/lexicon_table.h src/lexicon.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $< -o $@
$(GEN_SRC): $(DATA) $(B)/lexgen
	@mkdir -p $(dir $@)
	$(B)/lexgen $(DATA) > $@.tmp && mv $@.tmp $@

$(B)/obj/%.o: src/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@
$(B)/obj/lexicon_tables.gen.o: $(GEN_SRC) src/lexicon_table.h src/lexicon.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@
$(B)/libcrosscheck.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^
$(B)/crosscheck: src/main.c $(B)/libcrosscheck.a
	$(CC) $(ALL_CFLAGS) $< $(B)/libcrosscheck.a $(LIBS) -o $@

$(SAN)/obj/%.o: src/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -O1 $(SANFLAGS) -c $< -o $@
$(SAN)/obj/lexicon_tables.gen.o: $(GEN_SRC) src/lexicon_table.h src/lexicon.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -O1 $(SANFLAGS) -c $< -o $@
$(SAN)/libcrosscheck.a: $(SAN_OBJ)
	rm -f $@ && ar rcs $@ $^
$(SAN)/crosscheck: src/main.c $(SAN)/libcrosscheck.a
	$(CC) $(ALL_CFLAGS) -O1 $(SANFLAGS) $< $(SAN)/libcrosscheck.a $(LIBS) -o $@

$(B)/run_tests: $(TEST_SRC) $(wildcard tests/*.h) tests/main.c $(B)/libcrosscheck.a
	$(CC) $(ALL_CFLAGS) -Itests tests/main.c $(TEST_SRC) $(B)/libcrosscheck.a $(LIBS) -o $@
$(SAN)/run_tests: $(TEST_SRC) $(wildcard tests/*.h) tests/main.c $(SAN)/libcrosscheck.a
	$(CC) $(ALL_CFLAGS) -O1 $(SANFLAGS) -Itests tests/main.c $(TEST_SRC) $(SAN)/libcrosscheck.a $(LIBS) -o $@

# The threads test alone, under ThreadSanitizer, in a process of its own so that its threads also race to
# make the shared tables.
$(B)/tsan_threads: tests/main.c tests/test_threads.c $(wildcard tests/*.h) $(LIB_SRC) $(GEN_SRC) $(HEADERS)
	$(CC) $(ALL_CFLAGS) -O1 -fsanitize=thread -Itests tests/main.c tests/test_threads.c $(LIB_SRC) $(GEN_SRC) $(LIBS) -o $@

# Unit and CLI tests, first plain then under the sanitizers; the last line of each run is "N passed, N failed".
check: $(B)/crosscheck $(B)/run_tests $(SAN)/crosscheck $(SAN)/run_tests $(B)/tsan_threads
	CROSSCHECK_BIN=$(B)/crosscheck $(B)/run_tests
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 CROSSCHECK_BIN=$(SAN)/crosscheck $(SAN)/run_tests
	CROSSCHECK_BIN=$(B)/crosscheck $(B)/tsan_threads threads
	tests/html-check.sh $(B)/crosscheck examples
test: check

$(B)/bench: bench/bench.c $(B)/libcrosscheck.a
	$(CC) $(ALL_CFLAGS) $< $(B)/libcrosscheck.a $(LIBS) -o $@
bench: $(B)/bench
	$(B)/bench ../shared

clean:
	rm -rf $(B)

# Coverage-guided fuzzing of the whole pipeline (clang's libFuzzer), seeded with the examples.
FUZZ_SECONDS ?= 60
$(B)/fuzz_analyze: fuzz/fuzz_analyze.c $(LIB_SRC) $(GEN_SRC) $(HEADERS)
	clang $(CSTD) -Iinclude -Isrc -Ibuild/gen -I/usr/include/libxml2 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		fuzz/fuzz_analyze.c $(LIB_SRC) $(GEN_SRC) $(LIBS) -o $@
fuzz: $(B)/fuzz_analyze
	mkdir -p $(B)/fuzz-corpus
	$(B)/fuzz_analyze -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=5 $(B)/fuzz-corpus fuzz/corpus
