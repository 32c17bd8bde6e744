/* Cross-checking on hand-built claims: which figures count the same people, what each asserts, the
 * verdict and its reason, same-source repeats; and quotations merged across outlets. */
#include <math.h>
#include <stdlib.h>

#include "fake_cluster.h"
#include "harness.h"

static int32_t group_of(const cc_cluster *c, int article, size_t claim)
{
    return c->articles.v[article]->claims.v[claim].group;
}

static const cc_group *group_at(const cc_cluster *c, int article, size_t claim)
{
    int32_t g = group_of(c, article, claim);
    return g >= 0 ? &c->groups.v[g] : NULL;
}

TEST(crosscheck_conflicting_tolls_are_one_group_in_conflict)
{
    fake f[] = {
        { 0, CC_CAT_KILLED, 82, CC_Q_EXACT, NULL, "people", "Aleppo", NULL, "the UN human rights office" },
        { 1, CC_CAT_KILLED, 200, CC_Q_NEARLY, NULL, "executions", "Aleppo", "on Monday", "witnesses" },
    };
    cc_cluster *c = fake_cluster(2, f, 2);
    CHECK_INT(c->groups.n, 1);
    const cc_group *g = group_at(c, 0, 0);
    CHECK(g && group_of(c, 1, 0) == group_of(c, 0, 0));
    CHECK_INT(g->verdict, CC_VERDICT_CONFLICT);
    CHECK_INT(g->low, 82);
    CHECK_INT(g->high, 200);
    CHECK(strstr(test_str(g->reason), "nearly 200") != NULL);
    CHECK(strstr(test_str(g->reason), "82 (the UN human rights office)") != NULL);
    CHECK_INT(g->conflict_low, 0);
    CHECK_INT(g->conflict_high, 1);
    cc_cluster_free(c);
}

TEST(crosscheck_trapped_estimates_far_apart_conflict)
{
    fake f[] = {
        { 0, CC_CAT_TRAPPED, 100000, CC_Q_APPROX, NULL, "city residents", "eastern Aleppo", NULL, NULL },
        { 1, CC_CAT_TRAPPED, 250000, CC_Q_APPROX, NULL, "civilians", "Aleppo", NULL, "the council head" },
        { 2, CC_CAT_TRAPPED, 120000, CC_Q_EXACT, NULL, "people", "Aleppo", NULL, "the French president" },
        { 3, CC_CAT_TRAPPED, 0, CC_Q_VAGUE, "thousands", "people", "Aleppo", NULL, NULL },
    };
    cc_cluster *c = fake_cluster(4, f, 4);
    CHECK_INT(c->groups.n, 1);
    const cc_group *g = &c->groups.v[0];
    CHECK_INT(g->members.n, 4);
    CHECK_INT(g->verdict, CC_VERDICT_CONFLICT);
    /* precise figures are named in the reason before a vague one */
    CHECK(strstr(test_str(g->reason), "about 250,000") != NULL);
    CHECK(strstr(test_str(g->reason), "thousands") == NULL);
    CHECK_INT(g->low, 100000);
    CHECK_INT(g->high, 250000);
    CHECK(strstr(test_str(g->label), "trapped in Aleppo") != NULL);
    cc_cluster_free(c);
}

TEST(crosscheck_qualifiers_define_intervals)
{
    fake f[] = {
        { 0, CC_CAT_KILLED, 82, CC_Q_AT_LEAST, NULL, "people", NULL, NULL, "a" },
        { 1, CC_CAT_KILLED, 750, CC_Q_MORE_THAN, NULL, "people", NULL, NULL, "b" },
        { 2, CC_CAT_KILLED, 200, CC_Q_NEARLY, NULL, "people", NULL, NULL, "c" },
        { 3, CC_CAT_KILLED, 990, CC_Q_APPROX, NULL, "people", NULL, NULL, "d" },
        { 4, CC_CAT_KILLED, 0, CC_Q_VAGUE, "dozens", "people", NULL, NULL, "e" },
        { 5, CC_CAT_KILLED, 40, CC_Q_UP_TO, NULL, "people", NULL, NULL, "f" },
    };
    cc_cluster *c = fake_cluster(6, f, 6);
    const cc_group *g = group_at(c, 0, 0);
    CHECK(g && g->members.n == 6);
    double want[6][2] = { { 82, INFINITY }, { 751, INFINITY }, { 180, 199 }, { 891, 1089 }, { 24, 99 }, { 0, 40 } };
    for (size_t k = 0; g && k < g->members.n; k++) {
        CHECK(fabs(g->members.v[k].low - want[k][0]) < 1e-6);
        CHECK(g->members.v[k].high == want[k][1] || fabs(g->members.v[k].high - want[k][1]) < 1e-6);
    }
    cc_cluster_free(c);
}

TEST(crosscheck_figures_that_can_all_be_true_are_within_range)
{
    fake f[] = {
        { 0, CC_CAT_KILLED, 0, CC_Q_VAGUE, "dozens", "civilians", "Aleppo", NULL, "activists" },
        { 1, CC_CAT_KILLED, 82, CC_Q_AT_LEAST, NULL, "people", "Aleppo", NULL, "the UN" },
        { 2, CC_CAT_KILLED, 90, CC_Q_APPROX, NULL, "people", "Aleppo", NULL, "medics" },
    };
    cc_cluster *c = fake_cluster(3, f, 3);
    const cc_group *g = group_at(c, 0, 0);
    CHECK(g && g->members.n == 3);
    CHECK_INT(g->verdict, CC_VERDICT_WITHIN_RANGE);
    CHECK(strstr(test_str(g->reason), "82 to 99") != NULL);
    /* a precise figure sets the range; the vague one does not stretch it */
    CHECK_INT(g->low, 82);
    CHECK_INT(g->high, 90);
    cc_cluster_free(c);
}

TEST(crosscheck_same_figure_from_two_sources_agrees)
{
    fake f[] = {
        { 0, CC_CAT_INJURED, 32, CC_Q_EXACT, NULL, "people", "Kabul", NULL, "police" },
        { 1, CC_CAT_INJURED, 32, CC_Q_EXACT, NULL, "people", "Kabul", NULL, "the health ministry" },
    };
    cc_cluster *c = fake_cluster(2, f, 2);
    CHECK_INT(c->groups.n, 1);
    CHECK_INT(c->groups.v[0].verdict, CC_VERDICT_AGREE);
    CHECK_INT(c->groups.v[0].evidence, 2);
    cc_cluster_free(c);
}

TEST(crosscheck_same_original_source_counts_once)
{
    fake f[] = {
        { 0, CC_CAT_KILLED, 82, CC_Q_EXACT, NULL, "people", "Aleppo", NULL, "Rupert Colville" },
        { 1, CC_CAT_KILLED, 82, CC_Q_AT_LEAST, NULL, "people", "Aleppo", NULL, "Colville" },
        { 2, CC_CAT_KILLED, 82, CC_Q_EXACT, NULL, "people", "Aleppo", NULL, "the United Nations" },
        { 3, CC_CAT_KILLED, 80, CC_Q_APPROX, NULL, "people", "Aleppo", NULL, "a UN spokesman" },
    };
    cc_cluster *c = fake_cluster(4, f, 4);
    const cc_group *g = group_at(c, 0, 0);
    CHECK(g && g->members.n == 4);
    CHECK_INT(g->members.v[0].repeat_of, -1);
    CHECK_INT(g->members.v[1].repeat_of, 0);
    CHECK_INT(g->members.v[2].repeat_of, -1);
    CHECK_INT(g->members.v[3].repeat_of, 2);
    CHECK_INT(g->evidence, 2);
    cc_cluster_free(c);
}

TEST(crosscheck_one_source_repeated_is_single)
{
    fake f[] = {
        { 0, CC_CAT_DISPLACED, 8000, CC_Q_EXACT, NULL, "people", NULL, "on Sunday", "state media" },
        { 1, CC_CAT_DISPLACED, 8000, CC_Q_EXACT, NULL, "people", NULL, "on Sunday", "State media" },
    };
    cc_cluster *c = fake_cluster(2, f, 2);
    CHECK_INT(c->groups.n, 1);
    CHECK_INT(c->groups.v[0].verdict, CC_VERDICT_SINGLE);
    CHECK(strstr(test_str(c->groups.v[0].reason), "one source") != NULL);
    cc_cluster_free(c);
}

TEST(crosscheck_time_frames_separate_quantities)
{
    fake f[] = {
        { 0, CC_CAT_KILLED, 990, CC_Q_APPROX, NULL, "civilians", "eastern Aleppo", "the last 27 days", NULL },
        { 1, CC_CAT_KILLED, 750, CC_Q_MORE_THAN, NULL, "civilians", "Aleppo", "since November 15", "rescuers" },
        { 2, CC_CAT_KILLED, 82, CC_Q_EXACT, NULL, "people", "Aleppo", NULL, "the UN" },
        { 3, CC_CAT_KILLED, 200, CC_Q_NEARLY, NULL, "people", "Aleppo", "on Monday", "witnesses" },
        { 4, CC_CAT_KILLED, 0, CC_Q_VAGUE, "hundreds of thousands", "people", "Syria", "since 2011", NULL },
    };
    cc_cluster *c = fake_cluster(5, f, 5);
    CHECK(group_of(c, 0, 0) == group_of(c, 1, 0));
    CHECK(group_of(c, 2, 0) == group_of(c, 3, 0));
    CHECK(group_of(c, 0, 0) != group_of(c, 2, 0));
    CHECK(group_of(c, 4, 0) != group_of(c, 0, 0));
    const cc_group *g = group_at(c, 0, 0);
    CHECK_STR(g ? test_str(g->label) : NULL, "civilians killed in Aleppo, since November 15");
    cc_cluster_free(c);
}

/* Whether every UTF-8 character of s is whole (lead byte, then as many continuation bytes as it says). */
static int whole_utf8(cc_str s)
{
    for (uint32_t i = 0; i < s.len;) {
        unsigned char c = (unsigned char)s.p[i];
        uint32_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
        if (!len || i + len > s.len) {
            return 0;
        }
        for (uint32_t k = 1; k < len; k++) {
            if (((unsigned char)s.p[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        i += len;
    }
    return 1;
}

/* A label is cut to its buffer, at a whole character: a place far longer than a label holds (as a
 * fuzzer found, a one-word "place" hundreds of bytes long) once ran it past the buffer's end. */
TEST(crosscheck_label_of_an_overlong_place_is_cut_at_a_whole_character)
{
    char place[601] = { 0 };
    for (size_t i = 0; i + 2 < sizeof place; i += 2) {
        memcpy(place + i, "\xC3\xA9", 2); /* é */
    }
    fake f[] = {
        { 0, CC_CAT_KILLED, 41, CC_Q_AT_LEAST, NULL, "people", place, "on Sunday", "police" },
        { 1, CC_CAT_KILLED, 41, CC_Q_EXACT, NULL, "people", place, "on Sunday", "rescuers" },
    };
    cc_cluster *c = fake_cluster(2, f, 2);
    const cc_group *g = group_at(c, 0, 0);
    CHECK(g != NULL);
    if (g) {
        CHECK(g->label.len < 256);
        CHECK(strncmp(test_str(g->label), "people killed in \xC3\xA9", 19) == 0);
        CHECK(whole_utf8(g->label));
    }
    cc_cluster_free(c);
}

/* So is a verdict's reason, which quotes each side's source ("820 (" leaves an odd number of bytes for
 * the two-byte characters). */
TEST(crosscheck_reason_with_overlong_sources_is_cut_at_a_whole_character)
{
    char source[601] = { 0 };
    for (size_t i = 0; i + 2 < sizeof source; i += 2) {
        memcpy(source + i, "\xC3\xA9", 2);
    }
    fake f[] = {
        { 0, CC_CAT_KILLED, 820, CC_Q_EXACT, NULL, "people", "Aleppo", NULL, source },
        { 1, CC_CAT_KILLED, 2000, CC_Q_NEARLY, NULL, "people", "Aleppo", NULL, source },
    };
    cc_cluster *c = fake_cluster(2, f, 2);
    const cc_group *g = group_at(c, 0, 0);
    CHECK(g && g->verdict == CC_VERDICT_CONFLICT);
    if (g) {
        CHECK(g->reason.len < 512);
        CHECK(strstr(test_str(g->reason), "cannot both be true") != NULL);
        CHECK(whole_utf8(g->reason));
    }
    cc_cluster_free(c);
}

TEST(crosscheck_places_nest_but_different_places_do_not)
{
    fake f[] = {
        { 0, CC_CAT_KILLED, 12, CC_Q_EXACT, NULL, "people", "eastern Mosul", NULL, NULL },
        { 1, CC_CAT_KILLED, 15, CC_Q_EXACT, NULL, "people", "Mosul", NULL, "police" },
        { 2, CC_CAT_KILLED, 14, CC_Q_EXACT, NULL, "people", "Kirkuk", NULL, "police" },
        { 3, CC_CAT_KILLED, 13, CC_Q_EXACT, NULL, "people", "the old city's markets", NULL, "a doctor" },
    };
    cc_cluster *c = fake_cluster(4, f, 4);
    CHECK(group_of(c, 0, 0) == group_of(c, 1, 0));
    CHECK(group_of(c, 2, 0) != group_of(c, 1, 0));
    CHECK(group_of(c, 3, 0) == group_of(c, 1, 0));
    /* "eastern Mosul" and "Mosul" are read as one place: 12 and 15 cannot both be its toll */
    const cc_group *g = group_at(c, 1, 0);
    CHECK(g && g->verdict == CC_VERDICT_CONFLICT);
    cc_cluster_free(c);
}

TEST(crosscheck_people_classes_nest)
{
    fake f[] = {
        { 0, CC_CAT_KILLED, 9, CC_Q_EXACT, NULL, "children", "Gaza", NULL, NULL },
        { 1, CC_CAT_KILLED, 30, CC_Q_EXACT, NULL, "civilians", "Gaza", NULL, "medics" },
        { 2, CC_CAT_KILLED, 6, CC_Q_EXACT, NULL, "rebel fighters", "Gaza", NULL, NULL },
        { 3, CC_CAT_KILLED, 0, CC_Q_VAGUE, "dozens", "men, women and children", "Gaza", NULL, NULL },
    };
    cc_cluster *c = fake_cluster(4, f, 4);
    CHECK(group_of(c, 0, 0) == group_of(c, 1, 0));
    CHECK(group_of(c, 2, 0) != group_of(c, 1, 0));
    CHECK(group_of(c, 3, 0) == group_of(c, 1, 0));
    const cc_group *g = group_at(c, 1, 0);
    CHECK(g && g->verdict == CC_VERDICT_WITHIN_RANGE);
    CHECK(g && strncmp(test_str(g->label), "civilians killed", 16) == 0);
    cc_cluster_free(c);
}

TEST(crosscheck_categories_and_magnitudes_separate)
{
    fake f[] = {
        { 0, CC_CAT_KILLED, 82, CC_Q_EXACT, NULL, "people", NULL, NULL, NULL },
        { 1, CC_CAT_INJURED, 82, CC_Q_EXACT, NULL, "people", NULL, NULL, NULL },
        { 2, CC_CAT_KILLED, 500000, CC_Q_MORE_THAN, NULL, "people", NULL, NULL, NULL },
    };
    cc_cluster *c = fake_cluster(3, f, 3);
    CHECK_INT(c->groups.n, 3);
    cc_cluster_free(c);
}

TEST(crosscheck_one_precise_figure_per_article_per_group)
{
    fake f[] = {
        { 0, CC_CAT_KILLED, 750, CC_Q_MORE_THAN, NULL, "civilians", "Aleppo", "since November 15", "rescuers" },
        { 0, CC_CAT_KILLED, 70, CC_Q_APPROX, NULL, "civilians", "Aleppo", "since November 15", "rescuers" },
        { 1, CC_CAT_KILLED, 0, CC_Q_VAGUE, "scores", "civilians", "Aleppo", NULL, "the UN" },
        { 1, CC_CAT_KILLED, 82, CC_Q_AT_LEAST, NULL, "people", "Aleppo", "the last few days", "the UN" },
    };
    cc_cluster *c = fake_cluster(2, f, 4);
    CHECK(group_of(c, 0, 0) != group_of(c, 0, 1));
    /* a vague restatement and a precise figure in one article can be the same quantity */
    CHECK(group_of(c, 1, 0) == group_of(c, 1, 1));
    cc_cluster_free(c);
}

TEST(crosscheck_leaves_hypothetical_and_other_claims_out)
{
    fake f[] = {
        { 0, CC_CAT_KILLED, 1000, CC_Q_EXACT, NULL, "people", NULL, NULL, NULL },
        { 0, CC_CAT_OTHER, 40, CC_Q_EXACT, NULL, NULL, NULL, NULL, NULL },
    };
    cc_cluster *c = fake_cluster(1, f, 2);
    CHECK(group_of(c, 0, 0) >= 0);
    CHECK_INT(group_of(c, 0, 1), -1);
    c->articles.v[0]->claims.v[0].flags = CC_CF_HYPOTHETICAL;
    cc_crosscheck(c);
    CHECK_INT(group_of(c, 0, 0), -1);
    CHECK_INT(c->groups.n, 0);
    cc_cluster_free(c);
}

/* ---- quotations across articles ---- */

TEST(crosscheck_merges_one_utterance_across_outlets)
{
    const char *texts[] = {
        "\"We are seeing a complete meltdown of humanity in the city,\" Rupert Colville told reporters.",
        "A UN spokesman said: \"We're seeing a complete meltdown of humanity in Aleppo.\"",
        "\"The city must not become a graveyard,\" said Jan Egeland.",
        "Colville said \"meltdown of humanity\" described the scene.",
    };
    const char *speakers[] = { "Rupert Colville", "Colville", "Jan Egeland", "Colville" };
    cc_cluster *c = fake_quotes(texts, speakers, 4);
    CHECK_INT(c->merged_quotes.n, 1);
    CHECK_INT(c->articles.v[0]->quotes.v[0].merged, 0);
    CHECK_INT(c->articles.v[1]->quotes.v[0].merged, 0);
    CHECK_INT(c->articles.v[2]->quotes.v[0].merged, -1);
    /* a three-word fragment shares too few words to be called the same utterance */
    CHECK_INT(c->articles.v[3]->quotes.v[0].merged, -1);
    CHECK_STR(test_str(c->merged_quotes.v[0].speaker), "Rupert Colville");
    cc_cluster_free(c);
}

TEST(crosscheck_same_words_from_different_speakers_stay_apart)
{
    const char *texts[] = {
        "\"This is a humanitarian catastrophe for the whole region,\" said Ban Ki-moon.",
        "\"This is a humanitarian catastrophe for the whole region,\" said Boris Johnson.",
    };
    const char *speakers[] = { "Ban Ki-moon", "Boris Johnson" };
    cc_cluster *c = fake_quotes(texts, speakers, 2);
    CHECK_INT(c->merged_quotes.n, 0);
    cc_cluster_free(c);
}

TEST(crosscheck_unattributed_copy_of_a_quote_merges_when_close)
{
    const char *texts[] = {
        "\"Nobody can say they did not know what was happening in this city,\" the envoy said, naming no one.",
        "Staffan de Mistura said: \"Nobody can say they did not know what was happening in this city.\"",
    };
    const char *speakers[] = { NULL, "Staffan de Mistura" };
    cc_cluster *c = fake_quotes(texts, speakers, 2);
    CHECK_INT(c->merged_quotes.n, 1);
    CHECK_STR(test_str(c->merged_quotes.v[0].speaker), "Staffan de Mistura");
    cc_cluster_free(c);
}

TEST(crosscheck_places_nest_as_the_articles_say)
{
    const char *texts[] = {
        "A car bomb killed 12 people in Azaz, in Aleppo province, on Friday, police said.",
        "At least 19 people were killed in Aleppo province on Friday, a monitoring group said.",
        "Separately, 7 people were killed in Idlib and Aleppo on Friday, activists said.",
    };
    cc_cluster *c = cc_cluster_new();
    for (size_t i = 0; i < 3; i++) {
        char id[8] = { 'p', (char)('0' + i), 0 };
        cc_error err;
        cc_cluster_add(c, id, texts[i], strlen(texts[i]), NULL, &err);
    }
    fake_claim_at(c, 0, "12 people", 12, CC_Q_EXACT, NULL, CC_CAT_KILLED, "people", "Azaz", "on Friday", "police");
    fake_claim_at(c, 1, "19 people", 19, CC_Q_AT_LEAST, NULL, CC_CAT_KILLED, "people", "Aleppo province", "on Friday",
                  "a monitoring group");
    fake_claim_at(c, 2, "7 people", 7, CC_Q_EXACT, NULL, CC_CAT_KILLED, "people", "Idlib", "on Friday", "activists");
    cc_crosscheck(c);
    CHECK(group_of(c, 0, 0) == group_of(c, 1, 0));
    /* "Idlib and Aleppo" does not put Idlib inside Aleppo */
    CHECK(group_of(c, 2, 0) != group_of(c, 1, 0));
    cc_cluster_free(c);
}

TEST(crosscheck_a_place_possessed_lies_in_its_owner)
{
    const char *texts[] = {
        "Air strikes killed 21 people in Syria's northern Idlib province on Tuesday, rescuers said.",
        "At least 30 people died in air strikes in Syria on Tuesday, a monitor said.",
    };
    cc_cluster *c = cc_cluster_new();
    for (size_t i = 0; i < 2; i++) {
        char id[8] = { 's', (char)('0' + i), 0 };
        cc_error err;
        cc_cluster_add(c, id, texts[i], strlen(texts[i]), NULL, &err);
    }
    fake_claim_at(c, 0, "21 people", 21, CC_Q_EXACT, NULL, CC_CAT_KILLED, "people", "Idlib province", "on Tuesday",
                  "rescuers");
    fake_claim_at(c, 1, "30 people", 30, CC_Q_AT_LEAST, NULL, CC_CAT_KILLED, "people", "Syria", "on Tuesday",
                  "a monitor");
    cc_crosscheck(c);
    CHECK(group_of(c, 0, 0) == group_of(c, 1, 0));
    /* one event's place named two ways: 21 and at least 30 conflict */
    const cc_group *g = group_at(c, 0, 0);
    CHECK(g && g->verdict == CC_VERDICT_CONFLICT);
    cc_cluster_free(c);
}

TEST(crosscheck_dates_and_months_set_the_time_frame)
{
    fake f[] = {
        { 0, CC_CAT_DISPLACED, 4000, CC_Q_EXACT, NULL, "people", NULL, "in November", NULL },
        { 1, CC_CAT_DISPLACED, 4200, CC_Q_EXACT, NULL, "people", NULL, "on December 12", NULL },
        { 2, CC_CAT_DISPLACED, 3900, CC_Q_APPROX, NULL, "people", NULL, "last month", NULL },
        { 3, CC_CAT_DISPLACED, 4100, CC_Q_EXACT, NULL, "people", NULL, "on Monday", NULL },
    };
    cc_cluster *c = fake_cluster(4, f, 4);
    CHECK(group_of(c, 0, 0) == group_of(c, 2, 0));
    CHECK(group_of(c, 1, 0) == group_of(c, 3, 0));
    CHECK(group_of(c, 0, 0) != group_of(c, 1, 0));
    cc_cluster_free(c);
}

TEST(crosscheck_days_named_two_ways_meet_days_weeks_apart_do_not)
{
    fake f[] = { /* published on Tuesday 2016-12-13 */
        { 0, CC_CAT_INJURED, 30, CC_Q_EXACT, NULL, "people", "Kabul", "yesterday", NULL },
        { 1, CC_CAT_INJURED, 34, CC_Q_EXACT, NULL, "people", "Kabul", "on Monday", NULL },
        { 2, CC_CAT_INJURED, 31, CC_Q_EXACT, NULL, "people", "Kabul", "on December 1", NULL },
    };
    cc_cluster *c = fake_cluster(3, f, 3);
    CHECK(group_of(c, 0, 0) == group_of(c, 1, 0));
    CHECK(group_of(c, 2, 0) != group_of(c, 1, 0));
    cc_cluster_free(c);
}

TEST(crosscheck_an_unattributed_copy_does_not_join_two_speakers)
{
    const char *texts[] = {
        "\"We will rebuild every house that the river took from us this spring,\" said Maria Lopez.",
        "\"We will rebuild every house that the river took from us this spring,\" a banner read.",
        "\"We will rebuild every house that the river took from us,\" said Paolo Conti.",
    };
    const char *speakers[] = { "Maria Lopez", NULL, "Paolo Conti" };
    cc_cluster *c = fake_quotes(texts, speakers, 3);
    CHECK_INT(c->merged_quotes.n, 1);
    CHECK_INT(c->articles.v[2]->quotes.v[0].merged, -1);
    cc_cluster_free(c);
}

TEST(crosscheck_many_sets_no_ceiling)
{
    fake f[] = {
        { 0, CC_CAT_KILLED, 4447, CC_Q_EXACT, NULL, "people", "West Africa", NULL, "the health agency" },
        { 1, CC_CAT_KILLED, 0, CC_Q_VAGUE, "many", "people", "West Africa", NULL, "doctors" },
    };
    cc_cluster *c = fake_cluster(2, f, 2);
    CHECK_INT(c->groups.n, 1);
    CHECK_INT(c->groups.v[0].verdict, CC_VERDICT_WITHIN_RANGE);
    cc_cluster_free(c);
}

TEST(crosscheck_a_named_district_only_sets_a_floor_for_its_city)
{
    const char *texts[] = {
        "Rescuers recovered 30 bodies in Kafr Batna, a district of Damascus, on Wednesday.",
        "At least 213 people were killed in Damascus on Wednesday, activists said.",
    };
    cc_cluster *c = cc_cluster_new();
    for (size_t i = 0; i < 2; i++) {
        char id[8] = { 'd', (char)('0' + i), 0 };
        cc_error err;
        cc_cluster_add(c, id, texts[i], strlen(texts[i]), NULL, &err);
    }
    fake_claim_at(c, 0, "30 bodies", 30, CC_Q_EXACT, NULL, CC_CAT_KILLED, "bodies", "Kafr Batna", "on Wednesday",
                  "Rescuers");
    fake_claim_at(c, 1, "213 people", 213, CC_Q_AT_LEAST, NULL, CC_CAT_KILLED, "people", "Damascus", "on Wednesday",
                  "activists");
    cc_crosscheck(c);
    CHECK(group_of(c, 0, 0) == group_of(c, 1, 0));
    const cc_group *g = group_at(c, 0, 0);
    CHECK(g && g->verdict == CC_VERDICT_WITHIN_RANGE);
    cc_cluster_free(c);
}
