/* Every quantity as news writes it. Each case gives a sentence and every amount it must yield, in order,
 * as "value|qualifier|change|kind" separated by " ; " (a range as "low~high", a vague amount by its name);
 * an empty field is not checked. Years, dates, clock times, ordinals, labels and scores yield nothing. */
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"

typedef struct amount_case {
    const char *text;
    const char *want;
} amount_case;

static const amount_case cases[] = {
    /* digits, separators, decimals, scales */
    { "Some 100,000 people live there.", "100000|approx||count" },
    { "The quake measured 8.6 and killed 82.", "8.6|exact||count ; 82|exact||count" },
    { "The fund holds $1.5 billion.", "1500000000|exact||money" },
    { "It sold 35m devices and made \xC2\xA3" "2.4bn.", "35000000|exact||count ; 2400000000|exact||money" },
    { "The bill reached 25k in March.", "25000|exact||count" },
    { "They paid RM3.06mil for the plot.", "3060000|exact||money" },
    { "The deficit widened to US $419.2 billion.", "419200000000|exact||money" },
    { "The team went 4 hundred million dollars over budget.", "400000000|exact||money" },
    { "Prices start at 250 thousand euros.", "250000|exact||money" },
    { "The sprinter ran the 100m in 9.58 seconds.", "100|exact||measure ; 9.58|exact||duration" },
    /* words */
    { "Nearly two hundred executions were reported.", "200|nearly||count" },
    { "About half a million people fled.", "500000|approx||count" },
    { "A dozen boats sank.", "12|exact||count" },
    { "Twenty-eight thousand six hundred forty-two students enrolled.", "28642|exact||count" },
    { "Two-thirds of the voters stayed home.", "0.666666666667|exact||fraction" },
    { "A third of the city is without power.", "0.333333333333|exact||fraction" },
    { "One in five children is underweight.", "0.2|exact||fraction" },
    { "Revenue grew sixfold.", "6|exact|up|multiple" },
    { "One man was arrested.", "1|exact||count" },
    { "Each one was checked twice.", "" },
    /* vague amounts */
    { "Dozens of people gathered.", "dozens|exact||count" },
    { "Tens of thousands marched.", "tens of thousands|exact||count" },
    { "Hundreds of thousands have fled.", "hundreds of thousands|exact||count" },
    { "Thousands more people were trapped.", "thousands|exact||count" },
    { "He scores goals and the test scores rose.", "" },
    /* qualifiers */
    { "At least 82 people died.", "82|at_least||count" },
    { "More than 750 were hurt.", "750|more_than||count" },
    { "Up to 400 jobs will go.", "400|up_to||count" },
    { "An estimated 100,000 residents remain.", "100000|approx||count" },
    { "Fewer than 20 minutes remained.", "20|less_than||duration" },
    { "The station has 100 or more staff.", "100|at_least||count" },
    /* ranges */
    { "He was driving at 15 to 22 miles per hour.", "15~22|exact||measure" },
    { "Between 5% and 6% of voters changed sides.", "5~6|exact||percent" },
    { "There are four to five thousand people.", "4000~5000|exact||count" },
    { "A 5-10W laser was used.", "5~10|exact||measure" },
    { "Fines range from $250,000 to $1 million.", "250000~1000000|exact||money" },
    { "Oil slid from $82 a barrel in June to $61 in December.", "82~61|exact||money" },
    { "Mileage went from 24 miles per gallon in 2010 to 31 mpg last year.", "24~31|exact||measure" },
    { "The bakery ships 300 crates to 450 crates a night.", "300~450|exact||" },
    { "Trim levels come in four-, five- and eight-seat versions.", "4|exact|| ; 5|exact||" },
    /* changes */
    { "Shares rose 6.5% to 164p.", "6.5|exact|up|percent ; 164|exact||money" },
    { "The index fell 0.4 per cent to 13176.", "0.4|exact|down|percent ; 13176|exact||count" },
    { "Sales were down 2.1% in March.", "2.1|exact|down|percent" },
    { "The Dow lost 190 points, or 0.6%.", "190|exact|down|measure ; 0.6|exact|down|percent" },
    { "Futures: Dow +0.2%, FTSE -0.6%.", "0.2|exact|up|percent ; -0.6|exact|down|percent" },
    { "The defense gave up 517 rushing yards.", "517|exact||count" },
    { "It flew more than 100 kilometers (60 miles).", "100|more_than||measure ; 60|more_than||measure" },
    { "The airline cut its winter fares by 15% on Monday.", "15|exact|down|percent" },
    { "The central bank raised interest rates by 0.25 points.", "0.25|exact|up|measure" },
    { "The gains made by 30 companies were small.", "30|exact||count" },
    { "Acme was down 2.3%, Globex by 1.8% and Initech was up 0.5%.",
      "2.3|exact|down|percent ; 1.8|exact|down|percent ; 0.5|exact|up|percent" },
    { "Sea temperatures rose by 2 degrees Celsius (3.6 Fahrenheit) in a century.",
      "2|exact|up|measure ; 3.6|exact|up|measure" },
    { "Savers with more than 40 million Swedish crowns ($4.3 million) pay a fee.",
      "40000000|more_than|| ; 4300000|more_than||money" },
    { "The firm now serves over than 300 schools.", "300|more_than||count" },
    { "Turnout fell in the lead up to 3 key votes.", "3|exact||count" },
    { "The lake warmed to 21.5deg C in July.", "21.5|exact||measure" },
    /* percentages, money, measures, durations, ages */
    { "Government forces hold 98% of the city.", "98|exact||percent" },
    { "Aid worth $50 million arrived.", "50000000|exact||money" },
    { "Rebels hold 8.6 square kilometers.", "8.6|exact||measure" },
    { "The siege lasted 27 days.", "27|exact||duration" },
    { "A 65-year-old man was hurt.", "65|exact||age" },
    { "The temperature fell to minus-130 degrees.", "-130|exact||measure" },
    /* not quantities */
    { "The war began in 2011.", "" },
    { "The meeting is at midday (1700 GMT).", "" },
    { "It ended at 4:39 on Friday.", "" },
    { "Talks resume on December 13, 2016.", "" },
    { "Voting was held on 9 May.", "" },
    { "It was the 22nd amendment.", "" },
    { "Prices peaked in the 1990s.", "" },
    { "The S&P 500 and the Stoxx 600 were flat.", "" },
    { "in early trade the sp 500 was flat.", "" },
    { "Apple showed the iPhone 11 and Game 7 was sold out.", "" },
    { "See page 5 and item No. 3.", "" },
    { "Bristol beat Charlton 2-1 at home.", "" },
    { "The office is at 575 Wilbraham Road.", "" },
    { "Men aged under 40 were targeted.", "" },
    { "Senard, 65, faces a hard task.", "" },
    { "Dak Prescott (4) ran the ball.", "" },
    { "The 2014-15 season was long.", "" },
    { "He signed a five-year deal with a third-party agent.", "" },
    { "1. Civilians must be protected.", "" },
};

static void describe(const cc_amount *m, char *out, size_t cap)
{
    char value[64];
    if (m->vague.len) {
        snprintf(value, sizeof value, "%s", test_str(m->vague));
    } else if (m->is_range) {
        snprintf(value, sizeof value, "%.12g~%.12g", m->low, m->high);
    } else {
        snprintf(value, sizeof value, "%.12g", m->value);
    }
    snprintf(out, cap, "%s|%s|%s|%s", value, cc_qualifier_name((cc_qualifier)m->qualifier),
             m->change == CC_CHANGE_UP ? "up" : m->change == CC_CHANGE_DOWN ? "down" : "", test_str(m->kind));
}

/* want and got agree on every field want gives. */
static int agrees(const char *want, const char *got)
{
    while (*want == ' ') {
        want++;
    }
    for (;;) {
        size_t wn = strcspn(want, "|"), gn = strcspn(got, "|");
        while (wn && want[wn - 1] == ' ') {
            wn--;
        }
        if (wn && (wn != gn || strncmp(want, got, wn) != 0)) {
            return 0;
        }
        want += strcspn(want, "|");
        got += gn;
        if (!*want || !*got) {
            return 1;
        }
        want++, got++;
    }
}

TEST(amounts_from_news_sentences)
{
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cc_cluster *c = test_analyze(cases[i].text);
        CHECK(c != NULL);
        if (!c) {
            continue;
        }
        const cc_article *a = c->articles.v[0];
        char wants[512];
        snprintf(wants, sizeof wants, "%s", cases[i].want);
        size_t k = 0;
        char got[256];
        for (char *w = wants[0] ? strtok(wants, ";") : NULL; w; w = strtok(NULL, ";"), k++) {
            if (k >= a->amounts.n) {
                cc_test_fail(__FILE__, __LINE__, "case %zu \"%s\": missing %s", i, cases[i].text, w);
                continue;
            }
            describe(&a->amounts.v[k], got, sizeof got);
            if (!agrees(w, got)) {
                cc_test_fail(__FILE__, __LINE__, "case %zu \"%s\": amount %zu is %s, want %s", i, cases[i].text, k, got, w);
            }
        }
        for (; k < a->amounts.n; k++) {
            describe(&a->amounts.v[k], got, sizeof got);
            cc_test_fail(__FILE__, __LINE__, "case %zu \"%s\": extra amount %s (%s)", i, cases[i].text, got,
                         test_span(a, a->amounts.v[k].span));
        }
        cc_cluster_free(c);
    }
}

TEST(amounts_spans_cover_the_quantity)
{
    cc_cluster *c = test_analyze("Over the past week, an estimated 100,000 residents and more than $2.4bn in aid arrived.");
    CHECK(c != NULL);
    if (!c) {
        return;
    }
    const cc_article *a = c->articles.v[0];
    CHECK_INT(a->amounts.n, 2);
    if (a->amounts.n == 2) {
        CHECK_STR(test_span(a, a->amounts.v[0].span), "an estimated 100,000");
        CHECK_STR(test_str(a->amounts.v[0].unit), "residents");
        CHECK_STR(test_span(a, a->amounts.v[1].span), "more than $2.4bn");
        CHECK_STR(test_str(a->amounts.v[1].unit), "$");
    }
    cc_cluster_free(c);
}

TEST(amounts_newsquant_scores)
{
    if (!test_shared_dir()) {
        cc_test_skip("../shared not present");
        return;
    }
    double scores[2];
    const char *metrics[] = { "amounts.f1", "amounts.value_change_f1" };
    CHECK(test_score("corpus/newsquant/sentences.jsonl", "gold/newsquant", metrics, scores, 2) == 0);
    CHECK(scores[0] >= 0.95);
    CHECK(scores[1] >= 0.88);
}

/* "5 in" as the article's last tokens, with the token array exactly full: the share test ("one in five")
 * must not read the token after "in" (the fuzzer's case, fuzz/corpus/07_ratio_word_at_text_end.txt; the
 * sanitized run of this test reads past the array without the bound). The text is 39 bytes, so its 32
 * tokens fill the 32 reserved. */
TEST(amounts_ratio_word_at_the_end_of_the_text)
{
    char text[64];
    snprintf(text, sizeof text, "Late %.*s 5 in", 29, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[");
    cc_cluster *c = test_analyze(text);
    const cc_article *a = c->articles.v[0];
    CHECK_INT((long)a->tokens.n, (long)a->tokens.cap);
    CHECK_INT((long)a->amounts.n, 1);
    CHECK(a->amounts.n == 1 && a->amounts.v[0].value == 5 && a->amounts.v[0].qualifier == CC_Q_EXACT);
    cc_cluster_free(c);
}
