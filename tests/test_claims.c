/* Figures about people as wire copy (Reuters, AP, AFP), broadsheets and NGO reports write them, and the
 * numbers that are not such figures. Each case gives a text and the claims it must yield, separated by
 * " ; ", each as "category|value|qualifier|who|source|where|when": an empty field is not checked, "-"
 * wants none. A case wanting "" must yield no claim about people. */
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"

typedef struct claim_case {
    const char *text;
    const char *want;
} claim_case;

static const claim_case cases[] = {
    /* wire style: killed */
    { "At least 82 people were killed in the shelling, the health ministry said.",
      "killed|82|at_least|people|the health ministry||" },
    { "An airstrike killed 14 civilians in the village of Kafr Nabl on Monday, activists said.",
      "killed|14|exact|civilians|activists|village|on Monday" },
    { "Some 990 civilians have been killed in the last 27 days, local monitors report.",
      "killed|990|approx|civilians|local monitors||the last 27 days" },
    { "More than 300 people have died since the floods began, according to the disaster agency.",
      "killed|300|more_than|people|the disaster agency||" },
    { "The death toll rose to 41 on Tuesday, police said.", "killed|41|exact|-|police||on Tuesday" },
    { "The death toll from last week's bus crash on the mountain road has risen to 23, the governor said.",
      "killed|23|exact|-|the governor||" },
    { "Gunmen shot dead six soldiers at a checkpoint near Arish.", "killed|6|exact|soldiers|-|Arish|" },
    { "Nearly two hundred prisoners were executed in the jail over the weekend.", "killed|200|nearly|prisoners|||" },
    { "Rescuers recovered more than 90 bodies from the rubble.", "killed|90|more_than|bodies|||" },
    { "Dozens of people were killed when the market was hit.", "killed|dozens|vague|people|||" },
    { "The bombing killed scores of worshippers during Friday prayers.", "killed|scores|vague|worshippers|||" },
    { "Hundreds of thousands of people have been killed since 2011.",
      "killed|hundreds of thousands|vague|people|||since 2011" },
    { "The clashes left 12 dead and 40 wounded.", "killed|12|exact||||; injured|40|exact||||" },
    { "The blast killed 23 people and injured 57 others, officials said.",
      "killed|23|exact|people|officials||; injured|57|exact|others|officials||" },
    { "Militiamen executed dozens of civilians in the old quarter.", "killed|dozens|vague|civilians||old quarter|" },
    { "Two journalists were among the dead.", "killed|2|exact|journalists|||" },
    { "A suicide bomber killed at least 35 people at a wedding in Kabul late on Saturday.",
      "killed|35|at_least|people||Kabul|late on Saturday" },
    { "Fighting has killed an estimated 10,000 people since March.",
      "killed|10000|approx|people|||since March" },
    { "The army said 150 militants were killed in the offensive.", "killed|150|exact|militants|The army||" },
    { "Seven children drowned when the boat capsized off Lesbos.", "killed|7|exact|children||Lesbos|" },
    { "Twenty-eight miners died after the explosion, the company said.",
      "killed|28|exact|miners|the company||" },
    { "Half a million people have lost their lives in the war.", "killed|500000|exact|people|||" },
    { "Rebels said they had killed 40 government troops.", "killed|40|exact|government troops|Rebels||" },
    /* injured */
    { "Police said 17 officers were injured in the riots.", "injured|17|exact|officers|Police||" },
    { "About 250 people were treated for smoke inhalation.", "injured|250|approx|people|||" },
    { "The attack wounded dozens of shoppers.", "injured|dozens|vague|shoppers|||" },
    { "Up to 60 people were hurt, the fire brigade said.", "injured|60|up_to|people|the fire brigade||" },
    { "Hospitals reported that 120 people had been hospitalised with burns.",
      "injured|120|exact|people|Hospitals||" },
    /* trapped */
    { "An estimated 100,000 residents remain under siege in the eastern districts.",
      "trapped|100000|approx|residents||eastern districts|" },
    { "Thousands of civilians are trapped in the besieged town, the UN said.",
      "trapped|thousands|vague|civilians|the UN|besieged town|" },
    { "The assault has trapped thousands more people in the old city.", "trapped|thousands|vague|people||old city|" },
    { "Gunmen held 30 passengers hostage for nine hours.", "trapped|30|exact|passengers|||" },
    { "Some 40 climbers were stranded on the mountain after the avalanche.", "trapped|40|approx|climbers|||" },
    /* displaced */
    { "On Sunday alone, state television said, 8,000 people fled through the crossings.",
      "displaced|8000|exact|people|state television||On Sunday" },
    { "More than 1.2 million people have been displaced by the fighting, aid agencies say.",
      "displaced|1200000|more_than|people|aid agencies||" },
    { "Authorities evacuated 3,500 residents as the fire spread.", "displaced|3500|exact|residents|-||" },
    { "Hundreds of thousands have been killed and millions more displaced.",
      "killed|hundreds of thousands|vague||||; displaced|millions|vague||||" },
    { "Around 20,000 refugees crossed into Jordan last week.", "displaced|20000|approx|refugees|||last week" },
    /* detained */
    { "Security forces arrested 45 protesters, the interior ministry said.",
      "detained|45|exact|protesters|the interior ministry||" },
    { "Regime forces are detaining at least 200 civilians who fled, the monitor added.",
      "detained|200|at_least|civilians|the monitor||" },
    { "Gunmen abducted 12 aid workers near the border.", "detained|12|exact|aid workers||border|" },
    { "At least 300 people were detained overnight, rights groups said.",
      "detained|300|at_least|people|rights groups||overnight" },
    /* missing */
    { "Dozens of fishermen remain missing after the storm.", "missing|dozens|vague|fishermen|||" },
    { "Eleven crew members are still unaccounted for.", "missing|11|exact|crew members|||" },
    /* qualifiers */
    { "Roughly 70 civilians were killed while trying to flee.", "killed|70|approx|civilians|||" },
    { "Close to 500 people died in the quake.", "killed|500|nearly|people|||" },
    { "Almost 40 people were injured.", "injured|40|nearly|people|||" },
    { "Upwards of 2,000 people were evacuated.", "displaced|2000|more_than|people|||" },
    { "As many as 15 people may have been trapped.", "" },
    { "No fewer than 19 soldiers were killed.", "killed|19|at_least|soldiers|||" },
    { "Over 750 civilians have been killed since November 15.",
      "killed|750|more_than|civilians|||since November 15" },
    { "Some 250 migrants were rescued and another 30 remain missing.", "missing|30|exact||||" },
    { "Between 20 and 30 people were wounded.", "injured|20|exact|people|||" },
    /* attribution */
    { "According to eyewitnesses from the city, nearly 200 people were executed on Monday.",
      "killed|200|nearly|people|eyewitnesses from the city||on Monday" },
    { "The White Helmets reported more than 90 bodies under the rubble.",
      "killed|90|more_than|bodies|The White Helmets||" },
    { "Sources told the channel that militias had burned nine children and four women.",
      "killed|9|exact|children|Sources||; killed|4|exact|women|Sources||" },
    { "The civil defence said 750 people had been killed. The victims included 70 children who died in airstrikes.",
      "killed|750|exact|people|The civil defence||; killed|70|exact|children|The civil defence||" },
    { "The attack killed 20 people, including five children, the governor said.",
      "killed|20|exact|people|the governor||; killed|5|exact|children|the governor||" },
    { "\"We counted 43 bodies in the morgue,\" the doctor told Reuters.",
      "killed|43|exact|bodies|the doctor||" },
    { "The spokesman told reporters: \"At least 60 people were wounded.\"",
      "injured|60|at_least|people|The spokesman||" },
    { "Amnesty International said at least 1,500 people had disappeared.",
      "missing|1500|at_least|people|Amnesty International||" },
    { "Following reports that troops had executed dozens of men, the council met.",
      "killed|dozens|vague|men|reports||" },
    { "The ministry put the toll at 61 dead. \"It is a massacre,\" she said.", "killed|61|exact||||" },
    { "Protesters clashed with police in the capital. Thirty people were arrested.",
      "detained|30|exact|people|-||" },
    { "Troops have reportedly trapped thousands of villagers in the valley.",
      "trapped|thousands|vague|villagers|-|valley|" },
    { "An estimated 100,000 city residents remain under siege, the monitoring group said.",
      "trapped|100000|approx|city residents|the monitoring group||" },
    { "In a statement, Human Rights Watch said 32 detainees had died in custody.",
      "killed|32|exact|detainees|Human Rights Watch|-|" },
    /* NGO report style */
    { "Between January and June, the mission documented 1,058 civilian casualties, including 403 killed.",
      "killed|403|exact||the mission||" },
    { "Since the start of the offensive, at least 1,400 civilians have been killed, OCHA reported.",
      "killed|1400|at_least|civilians|OCHA||" },
    { "The monitor recorded 2,300 arrests in the province during the month.",
      "detained|2300|exact||The monitor|province|" },
    /* repeats: one claim per figure */
    { "82 civilians killed in Aleppo\n\nThe UN said 82 civilians were killed in Aleppo on Monday.",
      "killed|82|exact|civilians|The UN|Aleppo|on Monday" },
    /* not figures about people */
    { "The offensive began in 2011 and has continued for 27 days.", "" },
    { "The meeting was scheduled for midday (1700 GMT).", "" },
    { "Rebels hold about 8.6 square kilometres of the city.", "" },
    { "Government forces now control 98% of the neighbourhoods.", "" },
    { "The council pledged $50 million in aid for the displaced.", "" },
    { "Men aged under 40 were being targeted, witnesses said.", "" },
    { "It was the second time this week that the third convoy was hit.", "" },
    { "Aircraft carried out more than 2,000 airstrikes and fired 7,000 shells.", "" },
    { "Numerous empty buses were parked near the crossing.", "" },
    { "We need a cessation of 60 minutes to save them all.", "" },
    { "Dozens of people gathered outside the embassy on Tuesday.", "" },
    { "The army destroyed 15 tanks and seized 40 vehicles.", "" },
    { "Resolution 2254 was adopted on December 18, 2015.", "" },
    { "1. Civilians must be protected. 2. Aid must get through.", "" },
    { "Rebels withdrew from four different neighbourhoods.", "" },
    { "The plane was carrying 150 passengers when it landed safely.", "" },
    /* hypotheticals and negations */
    { "The assault could kill thousands of civilians, the UN warned.", "" },
    { "If the dam breaks, up to 10,000 people could be displaced.", "" },
    { "None of the 20 passengers was hurt.", "" },
    { "The 300 workers were not injured in the blaze.", "" },
    { "The plan would allow some 250,000 civilians to leave the city.", "" },
    { "Officials warned that as many as 5,000 people might die.", "" },
    /* who: lists of people, and the people of a joined figure */
    { "Militia shot dead scores of men, women and children in the old city.",
      "killed|scores|vague|men, women and children||old city|" },
    { "Thousands of people have been killed and millions more displaced.",
      "killed|thousands|vague|people|||; displaced|millions|vague|people|||" },
    /* figures listed together share what is said after the last ("…and two women were among the dead") */
    { "The monitor said three children and two women were among the dead.",
      "killed|3|exact|children|The monitor||; killed|2|exact|women|The monitor||" },
    { "Four soldiers and 12 civilians were killed when the convoy was ambushed.",
      "killed|4|exact|soldiers|||; killed|12|exact|civilians|||" },
    /* two figures of one sentence each take the place nearest them */
    { "Air strikes killed 12 civilians in Douma on Monday, and nine people were killed in Harasta, rescuers said.",
      "killed|12|exact|civilians|rescuers|Douma|on Monday; killed|9|exact|people|rescuers|Harasta|" },
    { "Fifteen civilians, among them 11 children, were killed in the barrel bomb attack.",
      "killed|15|exact|civilians|||; killed|11|exact|children|||" },
    { "At least 82 people including 58 civilians were killed during the air strikes.",
      "killed|82|at_least|people|||; killed|58|exact|civilians|||" },
    { "The monitor said 76 children and 41 women were among those killed in the clashes.",
      "killed|76|exact|children|||; killed|41|exact|women|||" },
    { "At least four people were killed and many suffered breathing problems after the gas attack.",
      "killed|4|at_least|people|||" },
    /* a subset of the people the sentence before counted shares its time */
    { "Rescuers said 300 people have been killed since Friday. The dead included about 40 children swept away in "
      "the river.",
      "killed|300|exact|people|||since Friday; killed|40|approx|children|||since Friday" },
    { "The blast killed 30 people. Scores were also injured, the monitor said.",
      "killed|30|exact|people|||; injured|scores|vague||the monitor||" },
    { "Test scores were higher this year, the ministry said.", "" },
    { "Twelve fishermen drowned near Port Ameline on Sunday, the harbour master said.",
      "killed|12|exact|fishermen|the harbour master|Port Ameline|on Sunday" },
    { "Three civilians were killed and more than twenty others suffered from suffocation on Wednesday night.",
      "killed|3|exact|civilians|||" },
    /* counts of things and populations, not of people the verb counts */
    { "More than 300 people were killed in a battle between the two sides.", "killed|300|more_than|people|||" },
    { "Government forces captured several hilltops north of the city.", "" },
    { "The war has displaced nearly half of the country's pre-war population of about 23 million.", "" },
    /* a figure repeated in one article is one claim, from its fullest statement; the same number of other
     * people is another figure */
    { "Sunday 6 Aug Air strikes kill 10 near hospital Monitor A barrage of air strikes near the hospital killed at "
      "least 10 civilians on Sunday, the monitor said.",
      "killed|10|at_least|civilians|the monitor||on Sunday" },
    { "Gunmen killed four soldiers at the checkpoint. Later a shell killed four women in the market.",
      "killed|4|exact|soldiers|||; killed|4|exact|women|||" },
    { "The monitoring group put the death toll at 58 saying there were 11 children among the dead.",
      "killed|58|exact|-|The monitoring group||; killed|11|exact|children|The monitoring group||" },
    { "The blast put 20 people in hospital.", "" },
    { "Air strikes killed 26 people and damaged a hospital a monitoring group said.",
      "killed|26|exact|people|a monitoring group||" },
    { "At least 45 people have been killed in the city according to monitors with talks failing to stop the fighting.",
      "killed|45|at_least|people|monitors||" },
    { "Sixty-two rebel fighters were killed in an ambush near the town of Adra said the Observatory.",
      "killed|62|exact|rebel fighters|the Observatory||" },
    { "The names of all 18 killed were listed by a local activist group which said the toll would rise.",
      "killed|18|exact||a local activist group||" },
    /* a relative clause between the source and its verb */
    { "The Red Crescent, which runs clinics across the region, said 30 people were injured.",
      "injured|30|exact|people|The Red Crescent||" },
    { "The media centre which reports on the province said at least six people had been killed.",
      "killed|6|at_least|people|The media centre||" },
    { "The monitor confirmed the raids while a local journalist placed the death toll at 50.",
      "killed|50|exact||a local journalist||" },
    /* a war's whole toll belongs to the country named before it, not to the town the story is about */
    { "Shelling killed 12 people in Kharkiv on Monday. Ukraine has been at war since 2022. Since then, hundreds of "
      "thousands of people have been killed.",
      "killed|12|exact|people||Kharkiv|on Monday; killed|hundreds of thousands|vague|people||Ukraine|" },
    { "Yemen's neighbours met on Monday. Russia sent an envoy. The Yemeni conflict has killed more than 150,000 "
      "people, an aid group said.",
      "killed|150000|more_than|people|an aid group|Yemen|" },
    { "Talks on Ukraine resumed. Millions have fled since Ukraines war began.", "displaced|millions|vague|||Ukraine|" },
    { "Air raids kill 13 civilians in northern Syria AFP Wednesday 15 Jul 2015 The strikes hit a market.",
      "killed|13|exact|civilians||northern Syria|" },
    /* copy whose commas were lost on the way (scraped and syndicated text) */
    { "The shells held chlorine said Dr Ahmed Rahal head of the local health directorate adding that 40 people were killed.",
      "killed|40|exact|people|Dr Ahmed Rahal||" },
    { "The civil defence said the strike was deliberate. Most of the 25 dead were farmers it said.",
      "killed|25|exact||The civil defence||" },
    { "The rescue service - a volunteer group that works in rebel-held areas - said 17 people were killed.",
      "killed|17|exact|people|The rescue service||" },
    { "Rockets killed 11 people in the old town Syrian state television said.",
      "killed|11|exact|people|Syrian state television||" },
    { "According to local monitors hundreds of people have been displaced.",
      "displaced|hundreds|vague|people|local monitors||" },
    { "Eight people were killed in the raid the group said on Saturday.", "killed|8|exact|people|the group||" },
    { "Two civilians died in the blast. The army later handed over its reported list of the missing.",
      "killed|2|exact|civilians|-||" },
    /* headlines */
    { "Scores Of Civilians Shot Dead In Aleppo\n\nTroops shot dead scores of civilians in Aleppo.",
      "killed|scores|vague|civilians||Aleppo|" },
};

/* One field of "a|b|c": the k-th, into buf. */
static const char *field(const char *s, int k, char *buf, size_t cap)
{
    for (int i = 0; i < k && s; i++) {
        s = strchr(s, '|');
        s = s ? s + 1 : NULL;
    }
    size_t n = 0;
    while (s && s[n] && s[n] != '|' && n + 1 < cap) {
        n++;
    }
    if (s) {
        memcpy(buf, s, n);
    }
    buf[n] = '\0';
    return buf;
}

static void describe(const cc_article *a, const cc_claim *cl, char *out, size_t cap)
{
    const cc_amount *m = &a->amounts.v[cl->amount];
    char value[64];
    if (m->vague.len) {
        snprintf(value, sizeof value, "%s", test_str(m->vague));
    } else {
        snprintf(value, sizeof value, "%.12g", m->is_range ? m->low : m->value);
    }
    char who[96], source[96], where[96];
    snprintf(who, sizeof who, "%s", cl->who.len ? test_str(cl->who) : "-");
    snprintf(source, sizeof source, "%s", cl->source.len ? test_str(cl->source) : "-");
    snprintf(where, sizeof where, "%s", cl->where.len ? test_str(cl->where) : "-");
    snprintf(out, cap, "%s|%s|%s|%s|%s|%s|%s", cc_category_name((cc_category)cl->category), value,
             cc_qualifier_name(m->vague.len ? CC_Q_VAGUE : (cc_qualifier)m->qualifier), who, source, where,
             cl->when.len ? test_str(cl->when) : "-");
}

static int matches(const char *want, const char *got)
{
    char w[128], g[128];
    for (int k = 0; k < 7; k++) {
        field(want, k, w, sizeof w);
        if (w[0] && strcmp(w, field(got, k, g, sizeof g)) != 0) {
            return 0;
        }
    }
    return 1;
}

TEST(claims_from_news_phrases)
{
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cc_cluster *c = test_analyze(cases[i].text);
        CHECK(c != NULL);
        if (!c) {
            continue;
        }
        const cc_article *a = c->articles.v[0];
        char wants[1024];
        snprintf(wants, sizeof wants, "%s", cases[i].want);
        size_t expected = 0;
        for (char *w = wants[0] ? strtok(wants, ";") : NULL; w; w = strtok(NULL, ";"), expected++) {
            while (*w == ' ') {
                w++;
            }
            int found = 0;
            char got[512];
            for (size_t k = 0; k < a->claims.n && !found; k++) {
                describe(a, &a->claims.v[k], got, sizeof got);
                found = matches(w, got);
            }
            if (!found) {
                cc_test_fail(__FILE__, __LINE__, "case %zu \"%s\": no claim like %s", i, cases[i].text, w);
                for (size_t k = 0; k < a->claims.n; k++) {
                    describe(a, &a->claims.v[k], got, sizeof got);
                    fprintf(stderr, "    got %s\n", got);
                }
            }
        }
        if (a->claims.n != expected) {
            cc_test_fail(__FILE__, __LINE__, "case %zu \"%s\": %zu claims, want %zu", i, cases[i].text, a->claims.n,
                         expected);
            for (size_t k = 0; k < a->claims.n; k++) {
                char got[512];
                describe(a, &a->claims.v[k], got, sizeof got);
                fprintf(stderr, "    got %s\n", got);
            }
        }
        cc_cluster_free(c);
    }
}

TEST(claims_resolve_time_from_publication_date)
{
    const char *text = "Thursday, 01 December 2016 18:10\n\nMore than 750 civilians have been killed since November 15, "
                       "the civil defence said. Another 40 people were killed on Monday. Yesterday, 12 people "
                       "were wounded. At least 30 people died in the last 10 days.";
    cc_cluster *c = test_analyze(text);
    CHECK(c != NULL);
    if (!c) {
        return;
    }
    const cc_article *a = c->articles.v[0];
    CHECK_INT(a->pub_year, 2016);
    CHECK_INT(a->claims.n, 4);
    for (size_t k = 0; k < a->claims.n; k++) {
        const cc_claim *cl = &a->claims.v[k];
        const cc_amount *m = &a->amounts.v[cl->amount];
        const cc_date_range *r = &cl->when_resolved;
        if (m->value == 750) {
            CHECK_INT(r->m0, 11); CHECK_INT(r->d0, 15); CHECK_INT(r->m1, 12); CHECK_INT(r->d1, 1);
        } else if (m->value == 40) {
            CHECK_INT(r->y0, 2016); CHECK_INT(r->m0, 11); CHECK_INT(r->d0, 28);
        } else if (m->value == 12) {
            CHECK_INT(r->m0, 11); CHECK_INT(r->d0, 30); CHECK_INT(r->d1, 30);
        } else if (m->value == 30) {
            CHECK_INT(r->m0, 11); CHECK_INT(r->d0, 21); CHECK_INT(r->d1, 1);
        } else {
            CHECK(!"unexpected claim");
        }
    }
    cc_cluster_free(c);
}

TEST(claims_quote_speaker_by_pronoun)
{
    const char *text = "The UN human rights office spokesman told a news conference on Tuesday: \"We are deeply "
                       "worried.\"\n\n\"Yesterday evening, we received reports that numerous bodies were lying on the "
                       "streets,\" he added.";
    cc_cluster *c = test_analyze(text);
    CHECK(c != NULL);
    if (!c) {
        return;
    }
    const cc_article *a = c->articles.v[0];
    CHECK_INT(a->claims.n, 1);
    if (a->claims.n) {
        CHECK_STR(test_str(a->claims.v[0].source), "The UN human rights office spokesman");
        CHECK(a->claims.v[0].flags & CC_CF_IN_QUOTE);
        CHECK_STR(test_str(a->claims.v[0].when), "Yesterday evening");
    }
    cc_cluster_free(c);
}

TEST(claims_seed_cluster_scores)
{
    if (!test_shared_dir()) {
        cc_test_skip("../shared not present");
        return;
    }
    double scores[3];
    const char *metrics[] = { "claims.f1", "claims.qualifier_acc", "claims.source_acc" };
    CHECK(test_score("seeds", "gold/seeds", metrics, scores, 3) == 0);
    CHECK(scores[0] >= 0.90);
    CHECK(scores[1] >= 0.95);
    CHECK(scores[2] >= 0.85);
}

/* A figure in an article without any reporting verb: no source, and the source search copes with an
 * empty verb list (fuzz/corpus/05_figure_without_reporting_verb.txt is the fuzzer's case for clang's
 * UBSan, which caught pointer arithmetic on that empty list). */
TEST(claims_without_any_reporting_verb)
{
    cc_cluster *c = test_analyze("Twelve fishermen still missing late on Sunday");
    CHECK_INT((long)c->articles.v[0]->claims.n, 1);
    CHECK_INT((long)c->articles.v[0]->claims.v[0].source.len, 0);
    cc_cluster_free(c);
}
