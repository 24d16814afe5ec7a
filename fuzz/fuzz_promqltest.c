/*
 * fuzz_promqltest.c -- libFuzzer target over the promqltest script reader and runner: any
 * bytes are read as a script (load / clear / eval blocks, expectations, expected series) and
 * run against a fresh store and engine. Bounded so each input stays cheap: scripts over 4 KiB
 * are cut, at most 8 evals run, range evals over 1000 steps are skipped, and the '@' and
 * range-mode variants are off. It checks that no script, however broken, crashes, leaks or
 * reads out of bounds in the runner, the fixture loader, the parser or the engine.
 *
 * The runner has no main(); its sources are compiled into this target directly (the CLI's
 * sources are not part of the library).
 */
#include <stddef.h>
#include <stdint.h>

#include "../src/cli/jsonstr.c"
#include "../src/cli/numfmt.c"
#include "../src/cli/pqt_atmod.c"
#include "../src/cli/pqt_check.c"
#include "../src/cli/promqltest.c"
#include "../src/cli/timeparse.c"

#define MAX_SCRIPT 4096

static void ignore(void *arg, const pqt_item *item)
{
    (void)arg;
    (void)item;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > MAX_SCRIPT)
        size = MAX_SCRIPT;
    pqt_config cfg = {.max_evals = 8, .max_steps = 1000, .skip_variants = true};
    char err[256];
    pqt_run_script("fuzz.test", (const char *)data, size, &cfg, ignore, NULL, err, sizeof err);
    return 0;
}
