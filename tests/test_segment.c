/* Segmentation as news is really written: each case gives a paragraph and the sentences it must split
 * into, separated by " || ". */
#include <stdlib.h>

#include "harness.h"

typedef struct split_case {
    const char *text;
    const char *sentences;
} split_case;

static const split_case cases[] = {
    /* abbreviations, titles and initials */
    { "Dr. Amara Osei said the clinic was full. Patients waited outside.",
      "Dr. Amara Osei said the clinic was full. || Patients waited outside." },
    { "Gen. Mark Hollis and Lt. Col. Ana Ruiz arrived on Monday.", "Gen. Mark Hollis and Lt. Col. Ana Ruiz arrived on Monday." },
    { "The U.S. embassy said it was monitoring the situation.", "The U.S. embassy said it was monitoring the situation." },
    { "Talks are planned in the U.S. The next round follows in May.",
      "Talks are planned in the U.S. || The next round follows in May." },
    { "Author J. K. Rowling gave 1 million pounds.", "Author J. K. Rowling gave 1 million pounds." },
    { "The vote is set for Jan. 15 in the capital.", "The vote is set for Jan. 15 in the capital." },
    { "Mr. and Mrs. Tal were not at home. Neighbours called police.",
      "Mr. and Mrs. Tal were not at home. || Neighbours called police." },
    { "Shares of Acme Inc. fell 3%. Analysts were surprised.", "Shares of Acme Inc. fell 3%. || Analysts were surprised." },
    { "The bill passed 52-48 in the Senate, e.g. along party lines.", "The bill passed 52-48 in the Senate, e.g. along party lines." },
    { "St. Petersburg was quiet on Tuesday.", "St. Petersburg was quiet on Tuesday." },
    { "The meeting ended at 5 p.m. on Friday.", "The meeting ended at 5 p.m. on Friday." },
    { "Sen. Ray Dunn (R-Texas) voted no.", "Sen. Ray Dunn (R-Texas) voted no." },
    /* decimals, separators, money, times */
    { "The quake measured 6.4 on the Richter scale. Tremors were felt 200 km away.",
      "The quake measured 6.4 on the Richter scale. || Tremors were felt 200 km away." },
    { "Some 100,000 people live in the district.", "Some 100,000 people live in the district." },
    { "The fund raised $1.5 billion. It closed on Friday.", "The fund raised $1.5 billion. || It closed on Friday." },
    { "The rate rose to 8.6 percent in 2016.", "The rate rose to 8.6 percent in 2016." },
    { "Voting ends at 18:30 GMT. Results are due at midnight.", "Voting ends at 18:30 GMT. || Results are due at midnight." },
    /* glued sentences and missing spaces */
    { "Troops entered the city.France called for a meeting.", "Troops entered the city. || France called for a meeting." },
    { "The toll rose to 12.Rescuers kept digging.", "The toll rose to 12. || Rescuers kept digging." },
    /* quotes */
    { "\"We are not leaving,\" she said. \"This is our home.\"", "\"We are not leaving,\" she said. || \"This is our home.\"" },
    { "\"Stop the bombing now!\" Ortega tweeted. Nobody answered.",
      "\"Stop the bombing now!\" Ortega tweeted. || Nobody answered." },
    { "\"Is anyone still inside?\" asked the firefighter.", "\"Is anyone still inside?\" asked the firefighter." },
    { "\xE2\x80\x9CIt is over,\xE2\x80\x9D he said. \xE2\x80\x9CWe lost.\xE2\x80\x9D",
      "\xE2\x80\x9CIt is over,\xE2\x80\x9D he said. || \xE2\x80\x9CWe lost.\xE2\x80\x9D" },
    { "\"Help the civilians! Protect them!\" said the mayor.", "\"Help the civilians! || Protect them!\" said the mayor." },
    { "He said: \"We will rebuild. We always do.\" Then he left.",
      "He said: \"We will rebuild. || We always do.\" || Then he left." },
    { "The minister called it \"a tragedy.\" Officials agreed.", "The minister called it \"a tragedy.\" || Officials agreed." },
    { "Residents said the \xE2\x80\x98" "arrangement\xE2\x80\x99 had failed.", "Residents said the \xE2\x80\x98" "arrangement\xE2\x80\x99 had failed." },
    /* other punctuation */
    { "Why now? Nobody could say.", "Why now? || Nobody could say." },
    { "The blast was loud... and then silence.", "The blast was loud... and then silence." },
    { "They fled (some on foot). Others stayed.", "They fled (some on foot). || Others stayed." },
    { "The army - backed by militias - advanced.", "The army - backed by militias - advanced." },
    { "The army \xE2\x80\x94 backed by militias \xE2\x80\x94 advanced. It met no resistance.",
      "The army \xE2\x80\x94 backed by militias \xE2\x80\x94 advanced. || It met no resistance." },
    { "Rain fell all day! Roads flooded.", "Rain fell all day! || Roads flooded." },
    { "The report (see page 4.) was late.", "The report (see page 4.) was late." },
    /* names and non-ASCII */
    { "M\xC3\xA1ir\xC3\xA9" "ad Collins said aid was blocked. \xC3\x89lise Martin agreed.",
      "M\xC3\xA1ir\xC3\xA9" "ad Collins said aid was blocked. || \xC3\x89lise Martin agreed." },
    { "Zeid Ra\xE2\x80\x99" "ad al-Hussein spoke in Geneva.", "Zeid Ra\xE2\x80\x99" "ad al-Hussein spoke in Geneva." },
    { "Ban Ki-moon met the envoy. Talks went well.", "Ban Ki-moon met the envoy. || Talks went well." },
    /* numbers at sentence start, lists */
    { "The storm hit at dawn. 40 homes were destroyed.", "The storm hit at dawn. || 40 homes were destroyed." },
    { "It was 2016. Aleppo was under siege.", "It was 2016. || Aleppo was under siege." },
    { "Police arrested No. 2 in the gang.", "Police arrested No. 2 in the gang." },
    { "Shares rose 18 sen to RM23.50 on Friday. Trading was thin.",
      "Shares rose 18 sen to RM23.50 on Friday. || Trading was thin." },
    { "The team has a .500 record this season.", "The team has a .500 record this season." },
    /* hard-wrapped paragraph */
    { "The ministry said the figures were\nprovisional. More data will follow.",
      "The ministry said the figures were\nprovisional. || More data will follow." },
};

static char *sentences_of(const cc_cluster *c)
{
    const cc_article *a = c->articles.v[0];
    size_t cap = a->len * 2 + 64, n = 0;
    char *out = malloc(cap);
    out[0] = '\0';
    for (size_t i = 0; i < a->sentences.n; i++) {
        n += (size_t)snprintf(out + n, cap - n, "%s%s", i ? " || " : "", test_sentence(c, 0, i));
    }
    return out;
}

TEST(segment_sentence_cases)
{
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cc_cluster *c = test_analyze(cases[i].text);
        CHECK(c != NULL);
        if (!c) {
            continue;
        }
        char *got = sentences_of(c);
        if (strcmp(got, cases[i].sentences) != 0) {
            cc_test_fail(__FILE__, __LINE__, "case %zu:\n    got  %s\n    want %s", i, got, cases[i].sentences);
        }
        free(got);
        cc_cluster_free(c);
    }
}

static int has_token(const cc_cluster *c, const char *text, int kind)
{
    const cc_article *a = c->articles.v[0];
    for (size_t i = 0; i < a->tokens.n; i++) {
        if (a->tokens.v[i].kind == kind && strcmp(test_token(c, 0, i), text) == 0) {
            return 1;
        }
    }
    return 0;
}

TEST(segment_tokens_keep_numbers_whole)
{
    cc_cluster *c = test_analyze("Some 100,000 people fled 8.6 square kilometres, 1,2,3 said the 2m figure.");
    CHECK(has_token(c, "100,000", CC_TOK_NUMBER));
    CHECK(has_token(c, "8.6", CC_TOK_NUMBER));
    CHECK(has_token(c, "2", CC_TOK_NUMBER));
    CHECK(has_token(c, "m", CC_TOK_WORD));
    CHECK(!has_token(c, "1,2,3", CC_TOK_NUMBER)); /* not a thousands separator */
    cc_cluster_free(c);
}

TEST(segment_apostrophes_stay_in_words)
{
    cc_cluster *c = test_analyze("The Gov'ts of Syria & Russia failed the people's trust, Ra\xE2\x80\x99" "ad said of the parents' homes.");
    CHECK(has_token(c, "Gov'ts", CC_TOK_WORD));
    CHECK(has_token(c, "people's", CC_TOK_WORD));
    CHECK(has_token(c, "Ra\xE2\x80\x99" "ad", CC_TOK_WORD));
    CHECK(has_token(c, "parents'", CC_TOK_WORD));
    cc_cluster_free(c);
}

TEST(segment_quote_marks_open_and_close)
{
    cc_cluster *c = test_analyze("He called it a \xE2\x80\x98massacre\xE2\x80\x99 and said \"never again\".");
    const cc_article *a = c->articles.v[0];
    int opens = 0, closes = 0;
    for (size_t i = 0; i < a->tokens.n; i++) {
        if (a->tokens.v[i].kind == CC_TOK_QUOTE) {
            opens += (a->tokens.v[i].flags & CC_TF_QOPEN) != 0;
            closes += (a->tokens.v[i].flags & CC_TF_QCLOSE) != 0;
        }
    }
    CHECK_INT(opens, 2);
    CHECK_INT(closes, 2);
    cc_cluster_free(c);
}

TEST(segment_offsets_point_into_text)
{
    const char *text = "Title of the story\n\nFirst sentence here. Second one \xE2\x80\x94 with a dash.\n\nNew paragraph.";
    cc_cluster *c = test_analyze(text);
    const cc_article *a = c->articles.v[0];
    CHECK_INT(a->paragraphs.n, 3);
    CHECK_INT(a->sentences.n, 4);
    for (size_t i = 0; i < a->tokens.n; i++) {
        CHECK(a->tokens.v[i].start < a->tokens.v[i].end && a->tokens.v[i].end <= a->len);
        CHECK(i == 0 || a->tokens.v[i - 1].end <= a->tokens.v[i].start);
    }
    CHECK_STR(test_sentence(c, 0, 2), "Second one \xE2\x80\x94 with a dash.");
    CHECK(a->paragraphs.v[0].flags & CC_PF_TITLE);
    CHECK_INT(a->sentences.v[3].para, 2);
    cc_cluster_free(c);
}

TEST(segment_multi_paragraph_quote_keeps_paragraphs)
{
    cc_cluster *c = test_analyze("\"We saw the shelling start at dawn,\" said Omar.\n\n\"Then the bakery was hit.\n\n\"Nobody came to help.\"");
    const cc_article *a = c->articles.v[0];
    CHECK_INT(a->paragraphs.n, 3);
    CHECK_STR(test_sentence(c, 0, 1), "\"Then the bakery was hit.");
    cc_cluster_free(c);
}

/* Found by the fuzzer: a non-ASCII digit after a symbol used to stall the scanner. */
TEST(segment_other_script_digits_terminate)
{
    cc_cluster *c = test_analyze("Figures from Maren%\xD9\xA6 and \xD9\xA7\xD9\xA8 people.");
    CHECK(c != NULL);
    CHECK(has_token(c, "\xD9\xA6", CC_TOK_WORD));
    CHECK(has_token(c, "\xD9\xA7\xD9\xA8", CC_TOK_WORD));
    cc_cluster_free(c);
}

/* Words that leave the fast ASCII path at their last byte: a hyphen, an apostrophe, a curly apostrophe,
 * S&P, an initial's period that may be U.S., a zero-width space; and words of abbreviation length
 * before a full stop that are not abbreviations. */
TEST(segment_word_ends_off_the_plain_path)
{
    cc_cluster *c = test_analyze("Pro- and anti-war groups met at S&P offices in N.Y. on Monday. "
                                 "Syria\xE2\x80\x99s envoy said\xE2\x80\x8B talks would go on. Aid was sent. Then it rained.");
    CHECK(has_token(c, "Pro", CC_TOK_WORD));
    CHECK(has_token(c, "anti-war", CC_TOK_WORD));
    CHECK(has_token(c, "S&P", CC_TOK_WORD));
    CHECK(has_token(c, "N.Y.", CC_TOK_WORD));
    CHECK(has_token(c, "Syria\xE2\x80\x99s", CC_TOK_WORD));
    CHECK(has_token(c, "said", CC_TOK_WORD)); /* the zero-width space is no part of it */
    CHECK(has_token(c, "sent", CC_TOK_WORD));  /* four letters and a full stop: no abbreviation */
    CHECK_INT(c->articles.v[0]->sentences.n, 4);
    cc_cluster_free(c);
}
