/*
 * test_eval_core.c -- the evaluator core on hand-built ASTs over a mock storage: vector
 * selectors (lookback, staleness, offset, @), matrix windows, binary operators and matching
 * errors, aggregations, subquery alignment, step-invariant broadcasting, the result API.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "eval/eval.h"
#include "eval/evalint.h"

#include "eval_mock_storage.h"

/* ---- AST construction ---------------------------------------------------------------------- */

static pq_arena ast_arena;

static pq_node *node(pq_node_kind k, pq_value_type t)
{
    pq_node *n = pq_arena_calloc(&ast_arena, 1, sizeof *n);
    n->kind = k;
    n->type = t;
    return n;
}

static pq_node *sel(const char *metric)
{
    pq_node *n = node(PQ_NODE_VECTOR_SELECTOR, PQ_TYPE_VECTOR);
    n->u.selector.name = (char *)metric;
    n->u.selector.matchers = pq_arena_calloc(&ast_arena, 1, sizeof(pq_matcher));
    n->u.selector.matchers[0] = (pq_matcher){PROMQL_MATCH_EQUAL, "__name__", (char *)metric, NULL};
    n->u.selector.matcher_count = 1;
    return n;
}

static pq_node *num(double v)
{
    pq_node *n = node(PQ_NODE_NUMBER, PQ_TYPE_SCALAR);
    n->u.number.value = v;
    return n;
}

static pq_node *bin(pq_op op, pq_node *l, pq_node *r)
{
    bool vv = l->type == PQ_TYPE_VECTOR && r->type == PQ_TYPE_VECTOR;
    pq_node *n = node(PQ_NODE_BINARY, l->type == PQ_TYPE_SCALAR && r->type == PQ_TYPE_SCALAR ? PQ_TYPE_SCALAR : PQ_TYPE_VECTOR);
    n->u.binary.op = op;
    n->u.binary.lhs = l;
    n->u.binary.rhs = r;
    if (vv) {
        n->u.binary.matching = pq_arena_calloc(&ast_arena, 1, sizeof(pq_vector_matching));
        n->u.binary.matching->card = (op == PQ_OP_LAND || op == PQ_OP_LOR || op == PQ_OP_LUNLESS) ? PQ_CARD_MANY_TO_MANY
                                                                                               : PQ_CARD_ONE_TO_ONE;
    }
    return n;
}

static pq_node *agg(pq_op op, pq_node *e, const char *by)
{
    pq_node *n = node(PQ_NODE_AGGREGATE, PQ_TYPE_VECTOR);
    n->u.aggregate.op = op;
    n->u.aggregate.expr = e;
    if (by) {
        n->u.aggregate.grouping.items = pq_arena_calloc(&ast_arena, 1, sizeof(char *));
        n->u.aggregate.grouping.items[0] = (char *)by;
        n->u.aggregate.grouping.count = 1;
        n->u.aggregate.has_grouping = true;
    }
    return n;
}

/* ---- running ------------------------------------------------------------------------------ */

typedef struct run_ctx {
    pq_arena arena;
    pq_eval ev;
    promql_engine_options opts;
    promql_storage storage;
    promql_error err;
    pq_value v;
    int rc;
} run_ctx;

static run_ctx *run(mock_db *db, const pq_node *root, int64_t start, int64_t end, int64_t step)
{
    run_ctx *c = calloc(1, sizeof *c);
    promql_engine_options_init(&c->opts);
    c->opts.max_samples = 100000;
    pq_arena_init(&c->arena, 0);
    c->storage.ctx = db;
    c->storage.select = mock_select;
    pq_eval *ev = &c->ev;
    ev->arena = &c->arena;
    ev->storage = &c->storage;
    ev->opts = &c->opts;
    ev->start_ms = start;
    ev->end_ms = end;
    ev->interval_ms = step;
    ev->nsteps = step ? (size_t)((end - start) / step) + 1 : 1;
    ev->lookback_ms = c->opts.lookback_delta_ms;
    ev->query_start_ms = start;
    ev->query_end_ms = end;
    ev->query_step_ms = step;
    ev->subquery_step_ms = 60000;
    ev->max_samples = c->opts.max_samples;
    ev->err = &c->err;
    ev->delayed_name_removal = true;
    c->rc = pq_eval_node(ev, root, &c->v);
    return c;
}

static void done(run_ctx *c)
{
    pq_arena_free(&c->arena);
    free(c);
}

static const pq_series *find(const pq_vector *v, const char *lname, const char *lval)
{
    for (size_t i = 0; i < v->count; i++) {
        const char *x = pq_labels_get(v->series[i].labels, lname);
        if (x && !strcmp(x, lval))
            return &v->series[i];
    }
    return NULL;
}

static mock_db db;

static int setup(void **state)
{
    memset(&db, 0, sizeof db);
    pq_arena_init(&ast_arena, 0);
    /* 0,1m,...: a = 1 2 3 _ _ _ _ _ _ stale-free; b = 10 20 stale 40 */
    static const double a[] = {1, 2, 3};
    static const double b[] = {10, 20, STALE, 40};
    static const double x1[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    static const double x2[] = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
    add_series(&db, "a", NULL, NULL, 60000, 3, a);
    add_series(&db, "b", NULL, NULL, 60000, 4, b);
    add_series(&db, "x", "job", "1", 60000, 10, x1);
    add_series(&db, "x", "job", "2", 60000, 10, x2);
    add_series(&db, "y", "job", "1", 60000, 10, x1);
    add_series(&db, "y", "job", "1b", 60000, 10, x1);
    return 0;
}

static int teardown(void **state)
{
    pq_arena_free(&ast_arena);
    return 0;
}

static void test_lookback_and_staleness(void **state)
{
    /* a: last sample at 2m, so present until 2m + 5m (exclusive: the window is left-open). */
    run_ctx *c = run(&db, sel("a"), 0, 600000, 60000);
    assert_int_equal(c->rc, 0);
    assert_int_equal(c->v.u.vector.count, 1);
    const pq_series *s = &c->v.u.vector.series[0];
    for (size_t i = 0; i <= 10; i++) {
        bool want = i <= 6;
        assert_int_equal(pq_bit_get(s->present, i), want);
    }
    assert_true(s->values[5] == 3);
    done(c);
    /* b: the stale marker at 2m hides the value at 2m, and the series comes back at 3m. */
    c = run(&db, sel("b"), 0, 240000, 60000);
    assert_int_equal(c->rc, 0);
    s = &c->v.u.vector.series[0];
    assert_true(pq_bit_get(s->present, 1) && s->values[1] == 20);
    assert_false(pq_bit_get(s->present, 2));
    assert_true(pq_bit_get(s->present, 3) && s->values[3] == 40);
    done(c);
}

static void test_offset_and_at(void **state)
{
    pq_node *n = sel("x");
    n->u.selector.mod.original_offset_ms = 120000;
    run_ctx *c = run(&db, n, 300000, 300000, 0);
    assert_int_equal(c->rc, 0);
    assert_true(find(&c->v.u.vector, "job", "1")->values[0] == 4);
    done(c);
    n = sel("x");
    n->u.selector.mod.at_kind = PQ_AT_TIMESTAMP;
    n->u.selector.mod.at_ms = 60000;
    c = run(&db, n, 0, 540000, 60000);
    assert_int_equal(c->rc, 0);
    const pq_series *s = find(&c->v.u.vector, "job", "2");
    for (size_t i = 0; i < 10; i++)
        assert_true(pq_bit_get(s->present, i) && s->values[i] == 20);
    done(c);
}

static void test_binops(void **state)
{
    /* x{job=1} + on(job) ... vector/vector one-to-one over all steps. */
    run_ctx *c = run(&db, bin(PQ_OP_ADD, sel("x"), sel("x")), 0, 540000, 60000);
    assert_int_equal(c->rc, 0);
    assert_int_equal(c->v.u.vector.count, 2);
    const pq_series *s = find(&c->v.u.vector, "job", "2");
    assert_true(s->values[4] == 100);
    assert_null(pq_labels_get(s->labels, "__name__"));
    done(c);
    /* comparison filters, keeps the name; scalar on the left keeps the vector's value. */
    c = run(&db, bin(PQ_OP_LSS, num(5), sel("x")), 0, 540000, 60000);
    assert_int_equal(c->rc, 0);
    s = find(&c->v.u.vector, "job", "1");
    assert_false(pq_bit_get(s->present, 3));
    assert_true(pq_bit_get(s->present, 5) && s->values[5] == 6);
    assert_non_null(pq_labels_get(s->labels, "__name__"));
    done(c);
    /* Go float semantics: % is fmod, / by zero is Inf. */
    c = run(&db, bin(PQ_OP_MOD, num(-7), num(3)), 0, 0, 0);
    assert_true(c->v.u.scalar[0] == -1);
    done(c);
    c = run(&db, bin(PQ_OP_DIV, num(1), num(0)), 0, 0, 0);
    assert_true(isinf(c->v.u.scalar[0]));
    done(c);
}

static void test_matching_errors(void **state)
{
    /* x + on() y: y has two series in the one match group {}. */
    pq_node *b = bin(PQ_OP_ADD, sel("x"), sel("y"));
    b->u.binary.matching->on = true;
    run_ctx *c = run(&db, b, 0, 0, 0);
    assert_int_equal(c->rc, -1);
    assert_string_equal(c->err.message,
                        "found duplicate series for the match group {} on the right hand-side of the operation: "
                        "[{__name__=\"y\", job=\"1\"}, {__name__=\"y\", job=\"1b\"}];many-to-many matching not "
                        "allowed: matching labels must be unique on one side");
    done(c);
    /* group_left with the many side on the left: fine. */
    b = bin(PQ_OP_ADD, sel("y"), sel("a"));
    b->u.binary.matching->on = true;
    b->u.binary.matching->card = PQ_CARD_MANY_TO_ONE;
    c = run(&db, b, 0, 0, 0);
    assert_int_equal(c->rc, 0);
    assert_int_equal(c->v.u.vector.count, 2);
    done(c);
    /* one-to-one with two lhs series on one group. */
    b = bin(PQ_OP_ADD, sel("y"), sel("a"));
    b->u.binary.matching->on = true;
    c = run(&db, b, 0, 0, 0);
    assert_int_equal(c->rc, -1);
    assert_string_equal(c->err.message,
                        "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
    done(c);
}

static void test_set_ops(void **state)
{
    run_ctx *c = run(&db, bin(PQ_OP_LUNLESS, sel("x"), sel("y")), 0, 60000, 60000);
    assert_int_equal(c->rc, 0);
    /* Without on/ignoring, set operators match on all labels but __name__. */
    assert_int_equal(c->v.u.vector.count, 1);
    assert_string_equal(pq_labels_get(c->v.u.vector.series[0].labels, "job"), "2");
    done(c);
    pq_node *b = bin(PQ_OP_LAND, sel("x"), sel("y"));
    b->u.binary.matching->on = true;
    b->u.binary.matching->matching_labels.items = pq_arena_calloc(&ast_arena, 1, sizeof(char *));
    b->u.binary.matching->matching_labels.items[0] = "job";
    b->u.binary.matching->matching_labels.count = 1;
    c = run(&db, b, 0, 60000, 60000);
    assert_int_equal(c->rc, 0);
    assert_int_equal(c->v.u.vector.count, 1);
    assert_string_equal(pq_labels_get(c->v.u.vector.series[0].labels, "job"), "1");
    done(c);
}

static void test_aggregations(void **state)
{
    run_ctx *c = run(&db, agg(PQ_OP_SUM, sel("x"), NULL), 0, 540000, 60000);
    assert_int_equal(c->rc, 0);
    assert_int_equal(c->v.u.vector.count, 1);
    assert_true(c->v.u.vector.series[0].values[9] == 110);
    assert_int_equal(c->v.u.vector.series[0].labels.count, 0);
    done(c);
    c = run(&db, agg(PQ_OP_AVG, sel("x"), "job"), 0, 0, 0);
    assert_int_equal(c->v.u.vector.count, 2);
    done(c);
    pq_node *q = agg(PQ_OP_QUANTILE, sel("x"), NULL);
    q->u.aggregate.param = num(0.5);
    c = run(&db, q, 60000, 60000, 0);
    assert_true(c->v.u.vector.series[0].values[0] == 11);
    done(c);
    pq_node *t = agg(PQ_OP_TOPK, sel("x"), NULL);
    t->u.aggregate.param = num(1);
    c = run(&db, t, 0, 0, 0);
    assert_int_equal(c->v.u.vector.count, 1);
    assert_string_equal(pq_labels_get(c->v.u.vector.series[0].labels, "job"), "2");
    done(c);
}

static void test_matrix_and_subquery(void **state)
{
    pq_node *m = node(PQ_NODE_MATRIX_SELECTOR, PQ_TYPE_MATRIX);
    m->u.matrix.vs = sel("x");
    m->u.matrix.range_ms = 180000;
    run_ctx *c = run(&db, m, 300000, 300000, 0);
    assert_int_equal(c->rc, 0);
    assert_int_equal(c->v.u.matrix.count, 2);
    pq_window w[1];
    pq_matrix_windows(&c->ev, &c->v.u.matrix, &c->v.u.matrix.series[0], w);
    /* (2m, 5m]: samples at 3m, 4m, 5m. */
    assert_int_equal(w[0].hi - w[0].lo, 3);
    done(c);
    pq_node *sq = node(PQ_NODE_SUBQUERY, PQ_TYPE_MATRIX);
    sq->u.subquery.expr = sel("x");
    sq->u.subquery.range_ms = 150000;
    sq->u.subquery.step_ms = 60000;
    c = run(&db, sq, 330000, 330000, 0);
    assert_int_equal(c->rc, 0);
    /* Inner steps aligned to multiples of 1m after 5m30s - 2m30s = 3m: 4m, 5m. */
    const pq_range_series *rs = &c->v.u.matrix.series[0];
    assert_int_equal(rs->n, 2);
    assert_int_equal(rs->t[0], 240000);
    assert_int_equal(rs->t[1], 300000);
    done(c);
}

static void test_labels_hash(void **state)
{
    /* xxhash64 of the empty input, as github.com/cespare/xxhash. */
    promql_labels none = {NULL, 0};
    assert_true(pq_labels_hash(none) == 0xef46db3751d8e999ULL);
    char buf[64];
    pq_format_g(buf, sizeof buf, 9223372036854775807.0);
    assert_string_equal(buf, "9.223372036854776e+18");
    pq_format_g(buf, sizeof buf, 1.5);
    assert_string_equal(buf, "1.5");
    pq_format_f(buf, sizeof buf, 1e6);
    assert_string_equal(buf, "1000000");
    pq_format_f(buf, sizeof buf, 0.00125);
    assert_string_equal(buf, "0.00125");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_lookback_and_staleness, setup, teardown),
        cmocka_unit_test_setup_teardown(test_offset_and_at, setup, teardown),
        cmocka_unit_test_setup_teardown(test_binops, setup, teardown),
        cmocka_unit_test_setup_teardown(test_matching_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_ops, setup, teardown),
        cmocka_unit_test_setup_teardown(test_aggregations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_matrix_and_subquery, setup, teardown),
        cmocka_unit_test_setup_teardown(test_labels_hash, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
