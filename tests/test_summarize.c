/* The cited summary: budget, redundancy across outlets, citations, sentences that cannot stand alone,
 * reading order; the term table under it; `crosscheck summarize`. Texts written for these tests. */
#include <ctype.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "stages.h"
#include "standalone.h"
#include "terms.h"
#include "vocab.h"
#include "words.h"

static const char *const flood[] = {
    "Floods kill 14 in northern Italy\n\n"
    "Flash floods swept through villages in northern Italy on Sunday, killing at least 14 people and "
    "leaving hundreds homeless, regional officials said.\n\n"
    "FILE - In this March 3, 2019, photo, rescuers search a flooded street in the Piedmont region.\n\n"
    "The river burst its banks after two days of torrential rain, flooding the old town of Borgo Alto.\n\n"
    "He said the rescue teams had reached every village in the valley by Monday morning.\n\n"
    "Rescue Efforts\n\n"
    "Civil protection chief Marco Bellini said more than 600 firefighters and soldiers were searching "
    "for the missing across the valley.\n",

    "At least 14 people were killed when flash floods swept through villages in northern Italy on "
    "Sunday, officials said.\n\n"
    "More than 600 firefighters and soldiers were searching for survivors, civil protection chief Marco "
    "Bellini told reporters.\n\n"
    "\"We have never seen water rise this fast,\" said the mayor of Borgo Alto, Lucia Ferri.\n\n"
    "The regional government declared a state of emergency and asked Rome for aid to rebuild roads and "
    "bridges.\n",

    "Italy's prime minister promised emergency funds for the flooded northern valley on Monday.\n\n"
    "The government will release 50 million euros for families who lost their homes in the floods, "
    "the prime minister told parliament.\n\n"
    "Forecasters warned that more heavy rain was expected across the north later in the week.\n",
};

static cc_cluster *summarize_flood(int words)
{
    cc_cluster *c = cc_cluster_new();
    for (size_t i = 0; i < sizeof flood / sizeof *flood; i++) {
        char id[16];
        snprintf(id, sizeof id, "f%zu", i);
        cc_error err;
        cc_cluster_add(c, id, flood[i], strlen(flood[i]), NULL, &err);
    }
    cc_options options = { .summary_words = words };
    cc_error err;
    cc_analyze(c, &options, &err);
    return c;
}

static const char *summary_text(const cc_cluster *c, size_t i)
{
    const cc_summary_sentence *s = &c->summary.v[i];
    return test_span(c->articles.v[s->article], s->span);
}

static int count_words(const char *s)
{
    int words = 0, in_word = 0, has_alnum = 0;
    for (;; s++) {
        if (!*s || isspace((unsigned char)*s)) {
            words += in_word && has_alnum;
            in_word = has_alnum = 0;
            if (!*s) {
                return words;
            }
        } else {
            in_word = 1;
            has_alnum |= isalnum((unsigned char)*s) != 0;
        }
    }
}

static int summary_words(const cc_cluster *c)
{
    int words = 0;
    for (size_t i = 0; i < c->summary.n; i++) {
        words += count_words(summary_text(c, i));
    }
    return words;
}

static int summary_has(const cc_cluster *c, const char *needle)
{
    for (size_t i = 0; i < c->summary.n; i++) {
        if (strstr(summary_text(c, i), needle)) {
            return 1;
        }
    }
    return 0;
}

TEST(summary_never_exceeds_its_budget)
{
    static const int budgets[] = { 5, 20, 30, 45, 60, 120, 250 };
    for (size_t b = 0; b < sizeof budgets / sizeof *budgets; b++) {
        cc_cluster *c = summarize_flood(budgets[b]);
        CHECK(summary_words(c) <= budgets[b]);
        cc_cluster_free(c);
    }
    cc_cluster *c = summarize_flood(120);
    CHECK(c->summary.n >= 3);
    CHECK(summary_words(c) > 60);
    cc_cluster_free(c);
}

TEST(summary_says_a_fact_once_and_cites_every_outlet_that_reports_it)
{
    cc_cluster *c = summarize_flood(60);
    int toll = 0;
    for (size_t i = 0; i < c->summary.n; i++) {
        const char *text = summary_text(c, i);
        if (strstr(text, "14 people")) {
            toll++;
            const cc_summary_sentence *s = &c->summary.v[i];
            CHECK_INT(s->articles.n, 2);
            CHECK_INT(s->articles.v[0], s->article); /* the cited article first */
            CHECK(s->articles.v[0] != s->articles.v[1] && s->articles.v[0] <= 1 && s->articles.v[1] <= 1);
        }
    }
    CHECK_INT(toll, 1);
    cc_cluster_free(c);
}

TEST(summary_cites_only_the_article_when_no_other_carries_the_content)
{
    cc_cluster *c = summarize_flood(250);
    for (size_t i = 0; i < c->summary.n; i++) {
        if (strstr(summary_text(c, i), "50 million euros")) {
            CHECK_INT(c->summary.v[i].articles.n, 1);
            CHECK_INT(c->summary.v[i].articles.v[0], 2);
        }
    }
    cc_cluster_free(c);
}

TEST(summary_leaves_out_headlines_headings_captions_and_dangling_sentences)
{
    cc_cluster *c = summarize_flood(250);
    CHECK(!summary_has(c, "Floods kill 14 in northern Italy"));
    CHECK(!summary_has(c, "Rescue Efforts"));
    CHECK(!summary_has(c, "FILE - In this"));
    /* "He said…" may only follow the sentence before it, which here is never chosen with it */
    for (size_t i = 0; i < c->summary.n; i++) {
        if (!strncmp(summary_text(c, i), "He said", 7)) {
            CHECK(i > 0 && strstr(summary_text(c, i - 1), "river burst its banks") != NULL);
        }
    }
    cc_cluster_free(c);
}

TEST(summary_keeps_each_article_in_its_own_order)
{
    cc_cluster *c = summarize_flood(250);
    for (size_t i = 1; i < c->summary.n; i++) {
        const cc_summary_sentence *p = &c->summary.v[i - 1], *s = &c->summary.v[i];
        if (p->article == s->article) {
            CHECK(p->sentence < s->sentence);
        }
        for (size_t k = 0; k + 1 < i; k++) { /* an article's sentences stand together */
            CHECK(c->summary.v[k].article == s->article ? p->article == s->article : 1);
        }
    }
    /* it opens on a lead */
    CHECK(c->summary.n && c->articles.v[c->summary.v[0].article]->sentences.n);
    CHECK(c->summary.n && c->summary.v[0].sentence <= 1);
    cc_cluster_free(c);
}

TEST(summary_of_nothing_summarisable_is_empty)
{
    cc_cluster *c = test_analyze("Weather Update\n\nRain.\n");
    CHECK(c != NULL);
    CHECK_INT(c->summary.n, 0);
    cc_cluster_free(c);
}

TEST(summary_of_an_empty_cluster_is_empty)
{
    cc_cluster *c = cc_cluster_new();
    cc_error err;
    CHECK_INT(cc_analyze(c, NULL, &err), 0);
    CHECK_INT(c->summary.n, 0);
    cc_cluster_free(c);
}

TEST(summary_of_a_single_article_picks_its_lead)
{
    cc_cluster *c = test_analyze(flood[2]);
    CHECK(c->summary.n >= 1);
    CHECK_INT(c->summary.v[0].sentence, 0);
    CHECK_INT(c->summary.v[0].articles.n, 1);
    cc_cluster_free(c);
}

static const cc_sentence *sentence_with(const cc_cluster *c, const char *start)
{
    const cc_article *a = c->articles.v[0];
    for (size_t i = 0; i < a->sentences.n; i++) {
        if (!strncmp(a->text + a->sentences.v[i].start, start, strlen(start))) {
            return &a->sentences.v[i];
        }
    }
    return NULL;
}

TEST(standalone_tells_prose_from_fragments)
{
    cc_cluster *c = test_analyze(
        "Storm Warning Issued\n\n"
        "Officials closed the coastal road on Friday as the storm approached.\n\n"
        "AP file photo/Staff: Waves break over the harbour wall.\n\n"
        "In this Oct. 2, 2020, photo, residents fill sandbags outside the town hall.\n\n"
        "Read the full forecast at www.example.org today.\n\n"
        "Is the town ready for the next big storm?\n\n"
        "\"Are we ready for this?\" the fire chief asked at the meeting.\n\n"
        "and then the power went out across the town.\n");
    const cc_article *a = c->articles.v[0];
    const cc_sentence *s;
    CHECK((s = sentence_with(c, "Storm Warning")) && cc_sentence_is_fragment(a, s));
    CHECK((s = sentence_with(c, "Officials closed")) && !cc_sentence_is_fragment(a, s));
    CHECK((s = sentence_with(c, "AP file photo")) && cc_sentence_is_fragment(a, s));
    CHECK((s = sentence_with(c, "In this Oct.")) && cc_sentence_is_fragment(a, s));
    CHECK((s = sentence_with(c, "Read the full")) && cc_sentence_is_fragment(a, s));
    CHECK((s = sentence_with(c, "and then")) && cc_sentence_is_fragment(a, s));
    CHECK((s = sentence_with(c, "Is the town")) && cc_sentence_is_fragment(a, s));
    CHECK((s = sentence_with(c, "\"Are we ready")) && !cc_sentence_is_fragment(a, s));
    cc_cluster_free(c);
}

TEST(standalone_finds_sentences_that_lean_on_the_one_before)
{
    cc_cluster *c = test_analyze(
        "The mayor opened the new bridge on Tuesday. She said it would cut journeys by an hour. "
        "However, critics called the cost too high. In addition, the tolls will rise next year. "
        "The bridge cost 40 million dollars, the council said. "
        "\"It is a great day for the city,\" the mayor told reporters. "
        "\"We waited ten years for this. And it was worth it,\" she added. "
        "\"Nobody believed we would finish on time.\"\n");
    const cc_article *a = c->articles.v[0];
    const cc_sentence *s;
    CHECK((s = sentence_with(c, "The mayor opened")) && !cc_sentence_leans_back(a, s));
    CHECK((s = sentence_with(c, "She said")) && cc_sentence_leans_back(a, s));
    CHECK((s = sentence_with(c, "However")) && cc_sentence_leans_back(a, s));
    CHECK((s = sentence_with(c, "In addition")) && cc_sentence_leans_back(a, s));
    CHECK((s = sentence_with(c, "The bridge cost")) && !cc_sentence_leans_back(a, s));
    CHECK((s = sentence_with(c, "\"It is a great")) && !cc_sentence_leans_back(a, s));
    CHECK((s = sentence_with(c, "\"We waited")) && cc_sentence_leans_back(a, s)); /* opens, never closes */
    CHECK((s = sentence_with(c, "And it was")) && cc_sentence_leans_back(a, s));
    CHECK((s = sentence_with(c, "\"Nobody")) && !cc_sentence_leans_back(a, s));   /* whole, if unattributed */
    CHECK((s = sentence_with(c, "\"It is a great")) && cc_sentence_opens_quote(a, s));
    cc_cluster_free(c);
}

TEST(standalone_text_starts_after_a_dateline_left_in_the_sentence)
{
    cc_cluster *c = test_analyze(
        "A quiet week ended in the capital.\n\n"
        "GENEVA, Switzerland, March 3 (AFP) -- Talks on the new treaty resumed on Monday after a pause of "
        "two weeks.\n\n"
        "Smith, Jones and Brown -- the three negotiators -- met again on Tuesday.\n");
    const cc_article *a = c->articles.v[0];
    const cc_sentence *s = sentence_with(c, "GENEVA");
    CHECK(s && !strncmp(a->text + cc_sentence_text_start(a, s), "Talks on", 8));
    s = sentence_with(c, "Smith");
    CHECK(s && cc_sentence_text_start(a, s) == s->start);
    s = sentence_with(c, "A quiet");
    CHECK(s && cc_sentence_text_start(a, s) == s->start);
    cc_cluster_free(c);
}

/* The term id of the article's word tokens that spell word, the same for each of them. */
static uint32_t term(cc_terms *t, const cc_article *a, const char *word, int *stop)
{
    uint32_t id = UINT32_MAX;
    for (uint32_t i = 0; i < a->tokens.n; i++) {
        if (cc_tok_len(a, i) == strlen(word) && !memcmp(cc_tok_text(a, i), word, strlen(word))) {
            uint32_t this_one = cc_terms_id(t, a->tokens.v[i].term);
            CHECK(id == UINT32_MAX || this_one == id);
            id = this_one;
        }
    }
    CHECK(id != UINT32_MAX);
    *stop = (int)(id & 1);
    return id >> 1;
}

TEST(terms_share_a_stem_fold_case_and_mark_stop_words)
{
    cc_cluster *c = test_analyze("Killed, killing and KILLS: Obama\xE2\x80\x99s and obama's. The 2019 killing. "
                                 "They're here.");
    const cc_article *a = c->articles.v[0];
    cc_terms numbering = { 0 }, *t = &numbering;
    cc_terms_begin(t);
    int stop;
    uint32_t killed = term(t, a, "Killed", &stop);
    CHECK(!stop);
    CHECK_INT(killed, 0); /* ids count from 0 in each numbering */
    CHECK_INT(term(t, a, "killing", &stop), killed);
    CHECK_INT(term(t, a, "KILLS", &stop), killed);
    uint32_t obama = term(t, a, "Obama\xE2\x80\x99s", &stop);
    CHECK_INT(term(t, a, "obama's", &stop), obama);
    CHECK(obama != killed);
    term(t, a, "The", &stop);
    CHECK(stop);
    term(t, a, "They're", &stop);
    CHECK(stop);
    uint32_t n = cc_terms_count(t);
    CHECK_INT(term(t, a, "2019", &stop), n);
    CHECK(!stop);
    cc_terms_begin(t);
    CHECK_INT(term(t, a, "killing", &stop), 0);
    CHECK_INT(cc_terms_count(t), 1);
    cc_terms_free(t);
    cc_cluster_free(c);
}

static char *write_flood_folder(void)
{
    char tmpl[] = "/tmp/cc_summary_XXXXXX";
    char *dir = mkdtemp(tmpl);
    if (!dir) {
        return NULL;
    }
    for (size_t i = 0; i < sizeof flood / sizeof *flood; i++) {
        char path[64];
        snprintf(path, sizeof path, "%s/flood%zu.txt", dir, i);
        FILE *f = fopen(path, "w");
        if (f) {
            fputs(flood[i], f);
            fclose(f);
        }
    }
    return strdup(dir);
}

static void remove_flood_folder(char *dir)
{
    for (size_t i = 0; i < sizeof flood / sizeof *flood; i++) {
        char path[64];
        snprintf(path, sizeof path, "%s/flood%zu.txt", dir, i);
        unlink(path);
    }
    rmdir(dir);
    free(dir);
}

TEST(cli_summarize_prints_the_summary_alone)
{
    char *dir = write_flood_folder();
    CHECK(dir != NULL);
    if (!dir) {
        return;
    }
    char args[128], *out = NULL, *err = NULL;
    snprintf(args, sizeof args, "summarize --color never --words 60 %s", dir);
    CHECK_INT(test_run_cli(args, &out, &err), 0);
    CHECK(out && strstr(out, "Summary") && strstr(out, "[1]") && strstr(out, "Sources"));
    CHECK(out && !strstr(out, "Who said what"));
    free(out);
    free(err);
    snprintf(args, sizeof args, "summarize --format json --words 60 %s", dir);
    CHECK_INT(test_run_cli(args, &out, &err), 0);
    CHECK(out && strstr(out, "\"summary\":[{\"text\":") && strstr(out, "\"docs\":[\"flood"));
    CHECK(out && !strstr(out, "\"claims\""));
    free(out);
    free(err);
    remove_flood_folder(dir);
}

TEST(summary_on_real_clusters_fits_the_budget_and_cites_real_articles)
{
    const char *shared = test_shared_dir();
    if (!shared) {
        cc_test_skip("../shared is not there");
        return;
    }
    char path[512];
    snprintf(path, sizeof path, "%s/seeds", shared);
    struct stat st;
    if (stat(path, &st) != 0) {
        cc_test_skip("no seed cluster");
        return;
    }
    cc_cluster *c = cc_cluster_new();
    cc_error err;
    CHECK(cc_cluster_add_path(c, path, 0, NULL, NULL, &err) > 0);
    cc_options options = { .summary_words = 250 };
    cc_analyze(c, &options, &err);
    CHECK(c->summary.n > 0);
    CHECK(summary_words(c) <= 250);
    for (size_t i = 0; i < c->summary.n; i++) {
        const cc_summary_sentence *s = &c->summary.v[i];
        CHECK(s->articles.n >= 1 && s->articles.v[0] == s->article);
        for (size_t k = 0; k < s->articles.n; k++) {
            CHECK(s->articles.v[k] < c->articles.n);
        }
    }
    cc_cluster_free(c);
}
