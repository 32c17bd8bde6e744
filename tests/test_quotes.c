/* Quotations and their speakers: the attribution forms of wire, broadsheet and web news. Every
 * sentence here is written for the test, in the style of real copy. */
#include <stdlib.h>

#include "harness.h"

/* The quote of article 0 whose text starts with `starts`, or NULL. */
static const cc_quote *quote_starting(const cc_cluster *c, const char *starts)
{
    const cc_article *a = c->articles.v[0];
    size_t n = strlen(starts);
    for (size_t i = 0; i < a->quotes.n; i++) {
        const cc_quote *q = &a->quotes.v[i];
        if (q->span.end - q->span.start >= n && memcmp(a->text + q->span.start, starts, n) == 0) {
            return q;
        }
    }
    return NULL;
}

static size_t quote_count(const cc_cluster *c)
{
    return c->articles.v[0]->quotes.n;
}

/* Checks one quote: found, its speaker ("" for none) and whether it is a fragment. */
static void expect(const char *text, const char *starts, const char *speaker, int partial)
{
    cc_cluster *c = test_analyze(text);
    CHECK(c != NULL);
    if (!c) {
        return;
    }
    const cc_quote *q = quote_starting(c, starts);
    if (!q) {
        cc_test_fail(__FILE__, __LINE__, "no quote starting \"%s\"", starts);
    } else {
        CHECK_STR(test_str(q->speaker), speaker);
        if (partial >= 0) {
            CHECK_INT(q->partial, partial);
        }
    }
    cc_cluster_free(c);
}

static void expect_role(const char *text, const char *starts, const char *role)
{
    cc_cluster *c = test_analyze(text);
    const cc_quote *q = c ? quote_starting(c, starts) : NULL;
    CHECK(q != NULL);
    if (q) {
        CHECK_STR(test_str(q->role), role);
    }
    cc_cluster_free(c);
}

static void expect_count(const char *text, size_t n)
{
    cc_cluster *c = test_analyze(text);
    CHECK(c != NULL);
    if (c) {
        CHECK_INT(quote_count(c), n);
    }
    cc_cluster_free(c);
}

#define HEAD "Floods hit the valley\n\n"

/* ---- "X said" and "said X" ---- */

TEST(quote_said_after_name)
{
    expect(HEAD "\"We will rebuild every house,\" Anna Kowalski said.\n", "We will rebuild", "Anna Kowalski", 0);
}

TEST(quote_said_inverted)
{
    expect(HEAD "\"We will rebuild every house,\" said Anna Kowalski.\n", "We will rebuild", "Anna Kowalski", 0);
}

TEST(quote_said_with_title_before_name)
{
    expect(HEAD "\"The bridge stays closed,\" said Mayor Anna Kowalski.\n", "The bridge", "Anna Kowalski", 0);
    expect_role(HEAD "\"The bridge stays closed,\" said Mayor Anna Kowalski.\n", "The bridge", "Mayor");
}

TEST(quote_surname_takes_fullest_name)
{
    expect(HEAD "Mayor Anna Kowalski toured the town on Monday.\n\n\"The bridge stays closed,\" Kowalski said.\n",
           "The bridge", "Anna Kowalski", 0);
}

TEST(quote_honorific_surname)
{
    expect(HEAD "Councillor John Whitby chaired the meeting.\n\n\"We need more pumps,\" Mr. Whitby said.\n",
           "We need more pumps", "John Whitby", 0);
}

TEST(quote_said_in_statement)
{
    expect(HEAD "\"Our teams are on the ground,\" Red Cross official Lena Park said in a statement.\n",
           "Our teams", "Lena Park", 0);
}

TEST(quote_told_reporters)
{
    expect(HEAD "\"Nobody has been found yet,\" fire chief Tom Reyes told reporters on Monday.\n", "Nobody has",
           "Tom Reyes", 0);
}

TEST(quote_tweeted_after_exclamation)
{
    expect(HEAD "\"Help is on the way!\" Governor Maria Santos tweeted.\n", "Help is on the way", "Maria Santos", 0);
}

TEST(quote_asked)
{
    expect(HEAD "\"Where is the help we were promised?\" asked Leila Nasser, a shopkeeper.\n", "Where is the help",
           "Leila Nasser", 0);
}

TEST(quote_shouted_by_description)
{
    expect(HEAD "\"Enough!\" shouted a man in the crowd.\n", "Enough", "a man", 0);
}

TEST(quote_added)
{
    expect(HEAD "Tom Reyes leads the rescue.\n\n\"We searched all night,\" Reyes added.\n", "We searched", "Tom Reyes", 0);
}

TEST(quote_later_told)
{
    expect(HEAD "Tom Reyes leads the rescue.\n\n\"We searched all night,\" Reyes later told reporters.\n",
           "We searched", "Tom Reyes", 0);
}

TEST(quote_day_between_subject_and_verb)
{
    expect(HEAD "Lena Park on Tuesday said: \"Supplies are running low.\"\n", "Supplies", "Lena Park", 0);
}

/* ---- colon and introducing sentences ---- */

TEST(quote_colon_same_sentence)
{
    expect(HEAD "Fire chief Tom Reyes said: \"Nobody was hurt in the blaze.\"\n", "Nobody was hurt", "Tom Reyes", 0);
}

TEST(quote_colon_told_conference)
{
    expect(HEAD "Tom Reyes told a news conference on Tuesday: \"The dam held.\"\n", "The dam held", "Tom Reyes", 0);
}

TEST(quote_colon_previous_paragraph)
{
    expect(HEAD "Anna Kowalski, the mayor, continued:\n\n\"We will not leave anyone behind.\"\n", "We will not leave",
           "Anna Kowalski", 0);
}

TEST(quote_name_and_colon)
{
    expect(HEAD "Farmers spoke after the meeting. Anna Kowalski: \"We lost the harvest.\"\n", "We lost the harvest",
           "Anna Kowalski", 0);
}

/* ---- according to ---- */

TEST(quote_according_to_before)
{
    expect(HEAD "According to Tom Reyes, \"the water rose two metres in an hour.\"\n", "the water rose", "Tom Reyes", -1);
}

TEST(quote_according_to_after)
{
    expect(HEAD "\"The levee failed at dawn,\" according to the regional water authority.\n", "The levee failed",
           "the regional water authority", 0);
}

/* ---- roles and appositives ---- */

TEST(quote_role_appositive_after_said)
{
    const char *t = HEAD "\"The river is still rising,\" said Rami Haddad, director of the Valley Flood Centre.\n";
    expect(t, "The river", "Rami Haddad", 0);
    expect_role(t, "The river", "director of the Valley Flood Centre");
}

TEST(quote_role_appositive_before_said)
{
    const char *t = HEAD "Lena Park, head of the Red Cross mission, said: \"We need boats.\"\n";
    expect(t, "We need boats", "Lena Park", 0);
    expect_role(t, "We need boats", "head of the Red Cross mission");
}

TEST(quote_role_then_name_between_commas)
{
    const char *t = HEAD "The regional aid coordinator, Jan Olsen, said \"the roads are gone.\"\n";
    expect(t, "the roads are gone", "Jan Olsen", 0);
    expect_role(t, "the roads are gone", "The regional aid coordinator");
}

TEST(quote_long_title_before_name)
{
    const char *t = HEAD "\"Relief must reach every village,\" EU Commissioner for Crisis Management Dimitra Kallis said.\n";
    expect(t, "Relief must", "Dimitra Kallis", 0);
    expect_role(t, "Relief must", "EU Commissioner for Crisis Management");
}

TEST(quote_relative_clause_subject)
{
    expect(HEAD "Tom Reyes, who has led the service for a decade, said \"this is the worst flood I have seen.\"\n",
           "this is the worst", "Tom Reyes", 0);
}

TEST(quote_two_appositives)
{
    expect(HEAD "\"We were warned,\" Jan Olsen, a farmer, one of the first to leave, said on Friday.\n", "We were warned",
           "Jan Olsen", 0);
}

TEST(quote_party_in_parentheses)
{
    expect(HEAD "\"Congress must act now,\" Rep. Dana Whitfield (D-Ohio) said.\n", "Congress must act", "Dana Whitfield", 0);
}

TEST(quote_age_appositive)
{
    expect(HEAD "\"I have nothing left,\" said Maria Lopez, 67, a retired teacher.\n", "I have nothing left",
           "Maria Lopez", 0);
}

TEST(quote_doctor_title)
{
    expect(HEAD "\"Cholera is the next danger,\" said Dr. Aisha Bello.\n", "Cholera", "Aisha Bello", 0);
}

/* ---- pronouns and descriptions ---- */

TEST(quote_he_said_resolves_to_person)
{
    expect(HEAD "Tom Reyes inspected the dam.\n\n\"It will hold,\" he said.\n", "It will hold", "Tom Reyes", 0);
}

TEST(quote_she_added_after_interruption)
{
    const char *t = HEAD "\"We need boats,\" said Lena Park. \"And we need them today,\" she added.\n";
    expect(t, "And we need them", "Lena Park", 0);
}

TEST(quote_pronoun_prefers_latest_subject)
{
    const char *t = HEAD "\"The dam held,\" said Tom Reyes.\n\nMaria Lopez, a farmer, lost her barn.\n\n\"We have nothing,\" she said.\n";
    expect(t, "We have nothing", "Maria Lopez", 0);
}

TEST(quote_it_said_resolves_to_organisation)
{
    const char *t = HEAD "The Red Cross sent twelve teams.\n\n\"More are coming,\" it said.\n";
    expect(t, "More are coming", "Red Cross", 0);
}

TEST(quote_they_said_has_no_speaker)
{
    expect(HEAD "Residents gathered at the school.\n\n\"We are cold,\" they said.\n", "We are cold", "", 0);
}

TEST(quote_description_kept_as_written)
{
    expect(HEAD "\"The east bank is lost,\" a senior military source told AFP.\n", "The east bank",
           "a senior military source", 0);
}

TEST(quote_description_resolved_to_named_role)
{
    const char *t = HEAD "The ministry's spokesman said: \"Aid will arrive tomorrow.\"\n\n"
                         "Later, spokesman Omar Haddad said the first lorries had left.\n";
    expect(t, "Aid will arrive", "Omar Haddad", 0);
}

TEST(quote_description_resolved_to_surname_introduced_later)
{
    const char *t = HEAD "The agency's spokesman told a briefing: \"We fear many more are trapped.\"\n\n"
                         "Haddad called for helicopters to be sent at once.\n";
    expect(t, "We fear", "Haddad", 0);
}

TEST(quote_newspaper_reported)
{
    expect(HEAD "\"Three villages are cut off,\" the local newspaper reported.\n", "Three villages",
           "the local newspaper", 0);
}

TEST(quote_passive_by)
{
    expect(HEAD "\"Save our homes\", \"Build the wall higher\", were among the slogans chanted by the protesters.\n",
           "Save our homes", "the protesters", 0);
}

/* Copy that lost its commas runs the phrase before a name into it: the name is the speaker. */
TEST(quote_speaker_name_after_run_on_phrase)
{
    expect(HEAD "Several had foam around their mouths SOHR said citing doctors who described a \"toxic gas attack.\"\n",
           "toxic gas attack", "SOHR", 1);
}

/* Quotations printed with two single marks that close on the article's last token (the fuzzer found the
 * pair test reading past the tokens there). */
TEST(quote_pair_of_single_marks_ends_the_article)
{
    expect(HEAD "The mayor said: ''We will rebuild.''", "We will rebuild", "The mayor", 0);
    cc_cluster *c = test_analyze(HEAD "Residents waited. The mayor called the delay ''a disgrace''");
    CHECK(c != NULL);
    cc_cluster_free(c);
}

/* "the sources", "the officials": plural nouns that are no name still make a speaker phrase. */
TEST(quote_speaker_plural_noun_after_quote)
{
    expect(HEAD "\"Fifty civilians were killed in the strikes\" the sources said.\n", "Fifty civilians", "the sources", 0);
}

/* A phrase after a preposition between the speaker and the verb is not the speaker. */
TEST(quote_speaker_before_prepositional_phrase)
{
    expect(HEAD "Mayor Ana Ruiz in a radio address also condemned the looting, calling it \"shameful\".\n",
           "shameful", "Ana Ruiz", 1);
}

/* Speakers in copy without commas: a time phrase, a "known for…" modifier, a participle with no comma. */
TEST(quote_speaker_across_run_on_modifiers)
{
    expect(HEAD "The aid chief Tom Reyes this week said the valley had become \"a disaster zone\".\n", "a disaster zone",
           "Tom Reyes", 1);
    expect(HEAD "Maria Lopez the mayor known for her long speeches said the town was \"ready to rebuild\".\n",
           "ready to rebuild", "Maria Lopez", 1);
    expect(HEAD "Governor Maria Santos also condemned the looting saying those responsible would be \"held to account\".\n",
           "held to account", "Maria Santos", 1);
    expect(HEAD "A council source in the town told reporters the levee was \"holding for now\".\n", "holding for now",
           "A council source", 1);
}

TEST(quote_speaker_went_on)
{
    expect(HEAD "\"It will take years,\" the county engineer went on.\n", "It will take years", "the county engineer", 0);
}

TEST(quote_dash_attribution)
{
    expect(HEAD "\"Nobody came to help us.\" \xE2\x80\x95 Maria Lopez\n", "Nobody came", "Maria Lopez", 0);
}

/* ---- continuation ---- */

/* With whole utterances asked for, the quote of article 0 starting `starts` has the pieces of an
 * interrupted utterance joined as `text`, and the article has `count` quotes. */
static void expect_joined(const char *t, const char *starts, const char *text, const char *speaker, size_t count)
{
    cc_options whole = { .whole_utterances = 1 };
    cc_cluster *c = test_analyze_with(t, &whole);
    const cc_quote *q = c ? quote_starting(c, starts) : NULL;
    CHECK(q != NULL);
    if (q) {
        CHECK_STR(test_str(q->text), text);
        CHECK_STR(test_str(q->speaker), speaker);
        CHECK_INT(c->articles.v[0]->quotes.n, count);
    }
    cc_cluster_free(c);
}

/* By default the pieces are two quotes, as GUIDELINES count them, the second marked as carrying on. */
TEST(quote_interrupted_by_attribution_is_two_pieces_of_one_utterance)
{
    const char *t = HEAD "\"We tried,\" Lena Park said, \"but the water was too fast.\"\n";
    expect(t, "We tried", "Lena Park", 0);
    expect(t, "but the water", "Lena Park", 0);
    expect_count(t, 2);
    cc_cluster *c = test_analyze(t);
    const cc_quote *first = quote_starting(c, "We tried"), *second = quote_starting(c, "but the water");
    CHECK(first && second && !first->continues && second->continues && !first->text.len);
    cc_cluster_free(c);
    expect_joined(t, "We tried", "We tried but the water was too fast.", "Lena Park", 1);
}

TEST(quote_interrupted_across_sentences_is_one_utterance)
{
    expect_joined(HEAD "\"The levee held,\" said Tom Reyes, the county engineer. \"The pumps did not.\"\n",
                  "The levee held", "The levee held The pumps did not.", "Tom Reyes", 1);
    expect_joined(HEAD "\"It was close,\" Reyes told reporters when asked about the night. \"Too close.\"\n",
                  "It was close", "It was close Too close.", "Reyes", 1);
}

TEST(quote_second_piece_with_its_own_verb_stays_apart)
{
    const char *shouted = HEAD "When a man shouted, \"Shame,\" the mayor said calmly, \"We hear you.\"\n";
    expect_count(shouted, 2);
    const char *added = HEAD "\"We tried,\" Lena Park said. But she added, \"The water was too fast.\"\n";
    expect(added, "The water", "Lena Park", 0);
    expect_count(added, 2);
    const char *adding = HEAD "\"We tried,\" Lena Park said, adding: \"The water was too fast.\"\n";
    expect_count(adding, 2);
    const char *again = HEAD "\"We tried,\" Lena Park said. \"The water was too fast,\" she said.\n";
    expect_count(again, 2);
}

TEST(quote_second_quote_in_paragraph_continues)
{
    const char *t = HEAD "\"We tried,\" said Lena Park. The boat had capsized twice. \"The water was too fast. "
                         "Nobody could swim in it.\"\n";
    expect(t, "The water was too fast", "Lena Park", 0);
    expect_count(t, 2);
}

TEST(quote_multi_paragraph_unclosed)
{
    const char *t = HEAD "\"We have lost everything,\" said farmer Maria Lopez. \"The water came at night.\n\n"
                         "\"Now we start again from nothing.\"\n\nThe council meets on Friday.\n";
    expect(t, "The water came at night", "Maria Lopez", 0);
    expect(t, "Now we start again", "Maria Lopez", 0);
    expect_count(t, 3);
    expect_joined(t, "We have lost everything", "We have lost everything The water came at night.", "Maria Lopez", 2);
}

TEST(quote_next_paragraph_continues_speaker)
{
    const char *t = HEAD "\"We searched all night,\" Tom Reyes said.\n\n\"We will search again tomorrow.\"\n";
    expect(t, "We will search again", "Tom Reyes", 0);
}

TEST(quote_continues_after_paragraph_about_speaker)
{
    const char *t = HEAD "\"We searched all night,\" Tom Reyes said.\n\nReyes blamed the delay on the roads.\n\n"
                         "\"The lorries could not get through.\"\n";
    expect(t, "The lorries", "Tom Reyes", 0);
}

TEST(quote_unattributed_is_null)
{
    expect(HEAD "The state news agency said 300 people had fled.\n\n\"They have taken everything from us.\"\n",
           "They have taken", "", 0);
}

TEST(quote_alone_is_null)
{
    expect(HEAD "\"It was terrifying.\"\n", "It was terrifying", "", 0);
}

/* ---- partial quotes ---- */

TEST(quote_scare_quote_partial_with_speaker)
{
    expect(HEAD "Governor Maria Santos said the response had been \"a disgrace\".\n", "a disgrace", "Maria Santos", 1);
}

TEST(quote_partial_called_it)
{
    expect(HEAD "Tom Reyes called the rescue \"a miracle\" after the last family was found.\n", "a miracle", "Tom Reyes", 1);
}

TEST(quote_partial_coordinated_verb)
{
    const char *t = HEAD "Aid workers linked to Oxfam described the \"slow catastrophe\" and decried \"the silence of the world\".\n";
    expect(t, "slow catastrophe", "Aid workers linked to Oxfam", 1);
    expect(t, "the silence", "Aid workers linked to Oxfam", 1);
}

TEST(quote_partial_first_verb_of_sentence)
{
    expect(HEAD "The United Nations said it had evidence of looting and warned the same \"chaos\" could spread.\n", "chaos",
           "The United Nations", 1);
}

TEST(quote_partial_subject_with_relative_clause)
{
    expect(HEAD "But Russia, which rejected a truce, said the shelling was \"carried out by militants\".\n",
           "carried out", "Russia", 1);
}

TEST(quote_partial_sentence_final_attribution)
{
    expect(HEAD "The minister is alarmed by reports of \"a large number\" of deaths in the valley, her spokesman said Monday.\n",
           "a large number", "her spokesman", 1);
}

TEST(quote_partial_unattributed_scare_quote)
{
    expect(HEAD "The so-called \"temporary\" shelters have stood for six years.\n", "temporary", "", 1);
}

TEST(quote_says_directly_is_whole)
{
    expect(HEAD "British surgeon Dr David Nott says \"we only need one hour of calm\".\n", "we only need", "David Nott", 0);
}

TEST(quote_whole_after_colon_is_not_partial)
{
    expect(HEAD "Lena Park said: \"the roads are gone\".\n", "the roads", "Lena Park", 0);
}

/* ---- marks: apostrophes, single quotes, nesting, styles ---- */

TEST(quote_apostrophes_inside_words)
{
    const char *t = HEAD "\"The Gov't's plan won't work,\" said Sean O'Brien.\n";
    expect(t, "The Gov't's plan won't work", "Sean O'Brien", 0);
    expect_count(t, 1);
}

TEST(quote_possessive_plural_not_a_quote)
{
    expect_count(HEAD "The farmers' homes were flooded and the workers' union sent help.\n", 0);
}

TEST(quote_decade_apostrophe_not_a_quote)
{
    expect_count(HEAD "The dam was built in the '90s and repaired in 2004.\n", 0);
}

TEST(quote_british_single_quotes)
{
    expect(HEAD "'We are ready to move,' the captain said.\n", "We are ready", "the captain", 0);
}

TEST(quote_british_single_quote_partial)
{
    expect(HEAD "Tom Reyes said the situation was 'dire' and asked for help.\n", "dire", "Tom Reyes", 1);
}

TEST(quote_curly_double)
{
    expect(HEAD "\xE2\x80\x9CWe are ready,\xE2\x80\x9D the captain said.\n", "We are ready", "the captain", 0);
}

TEST(quote_curly_single)
{
    expect(HEAD "\xE2\x80\x98We are ready,\xE2\x80\x99 the captain said.\n", "We are ready", "the captain", 0);
}

TEST(quote_guillemets)
{
    expect(HEAD "\xC2\xAB" "We stay here\xC2\xBB, said Mayor Anna Kowalski.\n", "We stay here", "Anna Kowalski", 0);
}

TEST(quote_double_apostrophe_style)
{
    expect(HEAD "''We will rebuild,'' said Mayor Anna Kowalski.\n", "We will rebuild", "Anna Kowalski", 0);
}

TEST(quote_nested_single_inside_double)
{
    const char *t = HEAD "\"The officer told me 'run' and I ran,\" said Ahmed Saleh.\n";
    expect(t, "The officer told me 'run' and I ran", "Ahmed Saleh", 0);
    expect_count(t, 1);
}

TEST(quote_nested_curly_inside_straight)
{
    const char *t = HEAD "\"They asked us: \xE2\x80\x9CWhere will you go?\xE2\x80\x9D We had no answer,\" said Ahmed Saleh.\n";
    expect(t, "They asked us", "Ahmed Saleh", 0);
    expect_count(t, 1);
}

TEST(quote_curly_pairs_inside_stray_straight_mark)
{
    /* a pasted excerpt: a straight mark opens the paragraph and never closes; the curly pairs are quotes */
    const char *t = HEAD "The paper printed the exchange.\n\n\"The mayor arrived late, telling the crowd "
                         "\xE2\x80\x9CWe will not abandon you.\xE2\x80\x9D Few believed him.\n";
    cc_cluster *c = test_analyze(t);
    CHECK(c && quote_starting(c, "We will not abandon you") != NULL);
    CHECK(c && quote_count(c) == 1);
    cc_cluster_free(c);
}

TEST(quote_misprinted_curly_closer)
{
    /* an opening curly mark where the closing one belongs must not open a quote over the attribution */
    const char *t = HEAD "\xE2\x80\x9CIt is unusual,\xE2\x80\x9C said Lena Park, a water engineer. "
                         "\xE2\x80\x9CThe river rose in an hour.\xE2\x80\x9D\n";
    expect(t, "It is unusual", "Lena Park", 0);
    cc_cluster *c = test_analyze(t);
    CHECK(c && quote_starting(c, "said Lena Park") == NULL);
    cc_cluster_free(c);
}

TEST(quote_list_of_quotes)
{
    const char *t = HEAD "\"Free the roads\", \"Open the dam\", \"Pay us now\", were among the chants shouted by farmers.\n";
    expect_count(t, 3);
    expect(t, "Open the dam", "farmers", 0);
}

TEST(quote_unbalanced_does_not_swallow_article)
{
    const char *t = HEAD "Tom Reyes said \"this will not stand.\n\nThe council met later. It made no decision.\n";
    cc_cluster *c = test_analyze(t);
    const cc_quote *q = c ? quote_starting(c, "this will not stand") : NULL;
    CHECK(q != NULL);
    if (q) {
        CHECK(strstr(test_span(c->articles.v[0], q->span), "council") == NULL);
    }
    cc_cluster_free(c);
}

TEST(quote_span_excludes_marks)
{
    const char *t = HEAD "\"We will rebuild,\" said Anna Kowalski.\n";
    cc_cluster *c = test_analyze(t);
    const cc_quote *q = c ? quote_starting(c, "We will rebuild") : NULL;
    CHECK(q != NULL);
    if (q) {
        CHECK_STR(test_span(c->articles.v[0], q->span), "We will rebuild");
        CHECK_INT(c->articles.v[0]->text[q->span.start - 1], '"');
    }
    cc_cluster_free(c);
}

TEST(quote_multi_sentence_one_quote)
{
    const char *t = HEAD "\"The water rose fast. We had minutes. Then the lights went out,\" said Maria Lopez.\n";
    expect(t, "The water rose fast. We had minutes.", "Maria Lopez", 0);
    expect_count(t, 1);
}

/* ---- what is not a quotation ---- */

TEST(quote_names_in_quotes_are_not_quotes)
{
    expect_count(HEAD "The army launched Operation \"Clean Water\" on Monday.\n", 0);
}

TEST(quote_headline_quote_skipped)
{
    expect_count("Villagers 'Abandoned' As Waters Rise\n\nThe water rose again on Monday.\n", 0);
}

TEST(quote_subheading_quote_skipped)
{
    expect_count(HEAD "The water rose again on Monday.\n\n- 'We have nothing left'\n\nAid arrived late.\n", 0);
}

TEST(quote_attribution_sentence_kept_together)
{
    cc_cluster *c = test_analyze(HEAD "\"Help is on the way!\" Governor Maria Santos tweeted. Roads reopened.\n");
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(test_sentence(c, 0, 1), "\"Help is on the way!\" Governor Maria Santos tweeted.");
    }
    cc_cluster_free(c);
}

/* ---- on the shared seeds ---- */

TEST(quote_seed_spokesman_resolved)
{
    char *out = test_seeds_report();
    if (!out) {
        return;
    }
    CHECK(strstr(out, "\"speaker\":\"Colville\"") != NULL);
    CHECK(strstr(out, "\"speaker\":\"Jan Egeland\"") != NULL);
    CHECK(strstr(out, "\"role\":\"UN High Commissioner for Human Rights\"") != NULL);
    free(out);
}

TEST(quote_title_name_of_state)
{
    const char *t = HEAD "Senator Dana Price spoke first.\n\n"
                         "''Voters will not be satisfied,'' said Senator John Fairfax of Arizona.\n";
    expect(t, "Voters will not", "John Fairfax", 0);
    expect_role(t, "Voters will not", "Senator");
}
