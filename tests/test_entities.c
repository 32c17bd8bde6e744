/* People, organisations and places: typing, canonical names within an article, one entity across
 * articles. Sentences written for the test. */
#include "harness.h"

/* The type of the mention of article `ai` whose text is `text`, or -1 when there is none. */
static int mention_type(const cc_cluster *c, size_t ai, const char *text)
{
    const cc_article *a = c->articles.v[ai];
    for (size_t i = 0; i < a->mentions.n; i++) {
        if (strcmp(test_span(a, a->mentions.v[i].span), text) == 0) {
            return a->mentions.v[i].type;
        }
    }
    return -1;
}

static const cc_mention *mention_of(const cc_cluster *c, size_t ai, const char *text)
{
    const cc_article *a = c->articles.v[ai];
    for (size_t i = 0; i < a->mentions.n; i++) {
        if (strcmp(test_span(a, a->mentions.v[i].span), text) == 0) {
            return &a->mentions.v[i];
        }
    }
    return NULL;
}

static const cc_entity *entity_named(const cc_cluster *c, const char *name)
{
    for (size_t i = 0; i < c->entities.n; i++) {
        if (strcmp(test_str(c->entities.v[i].name), name) == 0) {
            return &c->entities.v[i];
        }
    }
    return NULL;
}

#define HEAD "Storm reaches the coast\n\n"

/* Copy that lost its apostrophes: "Kenyas" is Kenya where the article also names Kenya. */
TEST(entity_possessive_without_apostrophe_is_the_name)
{
    cc_cluster *c = test_analyze(HEAD "Aid reached Kenya on Monday. Kenyas government thanked the donors in Nairobi.\n");
    const cc_entity *e = entity_named(c, "Kenya");
    CHECK(e != NULL);
    CHECK(entity_named(c, "Kenyas") == NULL);
    if (e) {
        CHECK_INT(e->mentions, 2);
    }
    cc_cluster_free(c);
}

/* Two capitalised words read as a person's name in one article are the place another article names
 * with "in": the cluster agrees on the place. */
TEST(entity_place_in_one_article_is_the_place_in_all)
{
    const char *texts[] = { HEAD "Rescuers worked through the night in Khan Dalir on Tuesday.\n",
                            HEAD "Khan Dalir was quiet by morning, residents said.\n" };
    cc_cluster *c = test_analyze_many(texts, 2);
    CHECK_INT(mention_type(c, 0, "Khan Dalir"), CC_ENT_PLACE);
    CHECK_INT(mention_type(c, 1, "Khan Dalir"), CC_ENT_PLACE);
    const cc_entity *e = entity_named(c, "Khan Dalir");
    CHECK(e != NULL && e->articles == 2);
    cc_cluster_free(c);
}

TEST(entity_person_after_title)
{
    cc_cluster *c = test_analyze(HEAD "Prime Minister Sara Lind visited the coast on Monday.\n");
    CHECK_INT(mention_type(c, 0, "Sara Lind"), CC_ENT_PERSON);
    CHECK_INT(mention_type(c, 0, "Prime Minister Sara Lind"), -1);
    cc_cluster_free(c);
}

TEST(entity_places_from_dictionary)
{
    cc_cluster *c = test_analyze(HEAD "Flights from Norway and Denmark were cancelled, and Damascus airport closed.\n");
    CHECK_INT(mention_type(c, 0, "Norway"), CC_ENT_PLACE);
    CHECK_INT(mention_type(c, 0, "Denmark"), CC_ENT_PLACE);
    CHECK_INT(mention_type(c, 0, "Damascus"), CC_ENT_PLACE);
    cc_cluster_free(c);
}

TEST(entity_place_from_context)
{
    cc_cluster *c = test_analyze(HEAD "Rescuers reached homes in Kafr Dael and near Tallbisa on Tuesday.\n");
    CHECK_INT(mention_type(c, 0, "Kafr Dael"), CC_ENT_PLACE);
    CHECK_INT(mention_type(c, 0, "Tallbisa"), CC_ENT_PLACE);
    cc_cluster_free(c);
}

TEST(entity_direction_and_place)
{
    cc_cluster *c = test_analyze(HEAD "Shelling hit East Aleppo overnight.\n");
    CHECK_INT(mention_type(c, 0, "East Aleppo"), CC_ENT_PLACE);
    cc_cluster_free(c);
}

TEST(entity_organisation_head_words)
{
    cc_cluster *c = test_analyze(HEAD "The Aleppo Provincial Council and the Coastal Relief Coalition asked for boats, "
                                      "and the Ministry of Water sent pumps.\n");
    CHECK_INT(mention_type(c, 0, "Aleppo Provincial Council"), CC_ENT_ORG);
    CHECK_INT(mention_type(c, 0, "Coastal Relief Coalition"), CC_ENT_ORG);
    CHECK_INT(mention_type(c, 0, "Ministry of Water"), CC_ENT_ORG);
    cc_cluster_free(c);
}

TEST(entity_organisation_with_connectors)
{
    cc_cluster *c = test_analyze(HEAD "The International Committee of the Red Cross sent a convoy.\n");
    CHECK_INT(mention_type(c, 0, "International Committee of the Red Cross"), CC_ENT_ORG);
    cc_cluster_free(c);
}

TEST(entity_acronym_is_organisation_with_canonical_name)
{
    cc_cluster *c = test_analyze(HEAD "The UN said the storm was the worst in decades.\n");
    const cc_mention *m = mention_of(c, 0, "UN");
    CHECK(m != NULL);
    if (m) {
        CHECK_INT(m->type, CC_ENT_ORG);
        CHECK_STR(test_str(m->name), "United Nations");
    }
    cc_cluster_free(c);
}

TEST(entity_days_months_and_openers_are_not_entities)
{
    cc_cluster *c = test_analyze(HEAD "Heavy rain fell on Tuesday. In March the river rose. The storm passed.\n");
    CHECK_INT(c->articles.v[0]->mentions.n, 0);
    cc_cluster_free(c);
}

TEST(entity_demonym_is_not_a_person)
{
    cc_cluster *c = test_analyze(HEAD "Syrian forces and Russian jets pressed on.\n");
    CHECK_INT(mention_type(c, 0, "Syrian"), -1);
    CHECK_INT(mention_type(c, 0, "Russian"), -1);
    cc_cluster_free(c);
}

TEST(entity_hyphen_modifier_is_not_a_name)
{
    cc_cluster *c = test_analyze(HEAD "Iran-backed militias and Russia-backed troops advanced.\n");
    CHECK_INT(c->articles.v[0]->mentions.n, 0);
    cc_cluster_free(c);
}

TEST(entity_contraction_is_not_a_name)
{
    cc_cluster *c = test_analyze(HEAD "\"We're leaving now,\" said Omar Haddad.\n");
    CHECK_INT(mention_type(c, 0, "We're"), -1);
    CHECK_INT(mention_type(c, 0, "Omar Haddad"), CC_ENT_PERSON);
    cc_cluster_free(c);
}

TEST(entity_name_with_particle)
{
    cc_cluster *c = test_analyze(HEAD "Envoy Staffan de Mistura met Bashar al-Assad on Monday.\n");
    CHECK_INT(mention_type(c, 0, "Staffan de Mistura"), CC_ENT_PERSON);
    CHECK_INT(mention_type(c, 0, "Bashar al-Assad"), CC_ENT_PERSON);
    cc_cluster_free(c);
}

TEST(entity_surname_takes_full_name_in_article)
{
    cc_cluster *c = test_analyze(HEAD "Governor Maria Santos flew in. Santos said the coast was ruined.\n");
    const cc_mention *m = mention_of(c, 0, "Santos");
    CHECK(m != NULL);
    if (m) {
        CHECK_INT(m->type, CC_ENT_PERSON);
        CHECK_STR(test_str(m->name), "Maria Santos");
    }
    const cc_entity *e = entity_named(c, "Maria Santos");
    CHECK(e != NULL);
    if (e) {
        CHECK_INT(e->mentions, 2);
    }
    cc_cluster_free(c);
}

TEST(entity_possessive_dropped)
{
    cc_cluster *c = test_analyze(HEAD "Norway's coast guard and Maria Santos's staff helped.\n");
    CHECK_INT(mention_type(c, 0, "Norway"), CC_ENT_PLACE);
    CHECK_INT(mention_type(c, 0, "Maria Santos"), CC_ENT_PERSON);
    cc_cluster_free(c);
}

TEST(entity_single_speaker_is_person)
{
    cc_cluster *c = test_analyze(HEAD "Haddad said the roads were closed.\n");
    CHECK_INT(mention_type(c, 0, "Haddad"), CC_ENT_PERSON);
    cc_cluster_free(c);
}

TEST(entity_mention_offsets_point_at_text)
{
    const char *t = HEAD "Rescuers from Norway arrived.\n";
    cc_cluster *c = test_analyze(t);
    const cc_mention *m = mention_of(c, 0, "Norway");
    CHECK(m != NULL);
    if (m) {
        CHECK_INT(m->span.start, strstr(t, "Norway") - t);
        CHECK_INT(m->span.end - m->span.start, 6);
    }
    cc_cluster_free(c);
}

TEST(entity_linked_across_articles_ignoring_case)
{
    const char *texts[] = { HEAD "Secretary-General Ban Ki-moon called for calm.\n",
                            HEAD "Secretary-General Ban Ki-Moon urged restraint.\n" };
    cc_cluster *c = test_analyze_many(texts, 2);
    const cc_mention *m0 = mention_of(c, 0, "Ban Ki-moon"), *m1 = mention_of(c, 1, "Ban Ki-Moon");
    CHECK(m0 && m1);
    if (m0 && m1) {
        CHECK_INT(m0->entity, m1->entity);
        CHECK_INT(c->entities.v[m0->entity].articles, 2);
    }
    cc_cluster_free(c);
}

TEST(entity_surname_joins_full_name_in_other_article)
{
    const char *texts[] = { HEAD "Governor Maria Santos ordered an evacuation.\n",
                            HEAD "Santos said the coast was ruined.\n" };
    cc_cluster *c = test_analyze_many(texts, 2);
    const cc_mention *m0 = mention_of(c, 0, "Maria Santos"), *m1 = mention_of(c, 1, "Santos");
    CHECK(m0 && m1);
    if (m0 && m1) {
        CHECK_INT(m0->entity, m1->entity);
    }
    cc_cluster_free(c);
}

TEST(entity_acronym_and_full_name_link)
{
    const char *texts[] = { HEAD "The UN sent tents.\n", HEAD "The United Nations sent food.\n" };
    cc_cluster *c = test_analyze_many(texts, 2);
    const cc_mention *m0 = mention_of(c, 0, "UN"), *m1 = mention_of(c, 1, "United Nations");
    CHECK(m0 && m1);
    if (m0 && m1) {
        CHECK_INT(m0->entity, m1->entity);
    }
    cc_cluster_free(c);
}

TEST(entity_different_people_same_surname_stay_apart)
{
    const char *texts[] = { HEAD "Maria Santos and Pedro Santos spoke.\n", HEAD "Santos said nothing more.\n" };
    cc_cluster *c = test_analyze_many(texts, 2);
    const cc_mention *m = mention_of(c, 1, "Santos");
    CHECK(m != NULL);
    CHECK(entity_named(c, "Maria Santos") != NULL && entity_named(c, "Pedro Santos") != NULL);
    if (m) {
        CHECK_STR(test_str(c->entities.v[m->entity].name), "Santos");
    }
    cc_cluster_free(c);
}

TEST(entity_json_report_has_entities_and_mentions)
{
    char *out = test_seeds_report();
    if (!out) {
        return;
    }
    CHECK(strstr(out, "\"name\":\"Jean-Marc Ayrault\",\"type\":\"person\"") != NULL);
    CHECK(strstr(out, "\"name\":\"Aleppo\",\"type\":\"place\"") != NULL);
    CHECK(strstr(out, "\"type\":\"organization\",\"text\":\"Syrian Observatory for Human Rights\"") != NULL);
    free(out);
}

TEST(entity_headline_capitals_are_not_people)
{
    cc_cluster *c = test_analyze(HEAD "Follow Tanya Lewis on the radio. The Tonight Show moved. Jay Leno Celebrates again.\n");
    CHECK_INT(mention_type(c, 0, "Tanya Lewis"), CC_ENT_PERSON);
    CHECK_INT(mention_type(c, 0, "Follow Tanya Lewis"), -1);
    CHECK_INT(mention_type(c, 0, "Tonight Show"), -1);
    CHECK_INT(mention_type(c, 0, "Jay Leno"), CC_ENT_PERSON);
    cc_cluster_free(c);
}

TEST(entity_streets_and_landmarks_are_places)
{
    cc_cluster *c = test_analyze(HEAD "Police closed Indio Avenue and the road to Lake Tana.\n");
    CHECK_INT(mention_type(c, 0, "Indio Avenue"), CC_ENT_PLACE);
    CHECK_INT(mention_type(c, 0, "Lake Tana"), CC_ENT_PLACE);
    cc_cluster_free(c);
}

TEST(entity_common_word_surname_kept)
{
    cc_cluster *c = test_analyze(HEAD "Professor Miriam Diamond and researcher Ali Baker wrote the study.\n");
    CHECK_INT(mention_type(c, 0, "Miriam Diamond"), CC_ENT_PERSON);
    cc_cluster_free(c);
}

/* Name keys are seeded with the type: seeds once XOR-ed into the hash's start made a person "Harlow" and a
 * place "Jarlow" ('h' and 'j' differ by the XOR of their types' seeds) one key, and so one entity. */
TEST(entity_names_of_other_types_differing_in_one_bit_stay_apart)
{
    const char *texts[] = { HEAD "Mr Harlow said the ferry would sail again on Friday.\n",
                            HEAD "Fishermen in Jarlow said the harbour had reopened.\n" };
    cc_cluster *c = test_analyze_many(texts, 2);
    const cc_entity *person = entity_named(c, "Harlow"), *place = entity_named(c, "Jarlow");
    CHECK(person != NULL && person->type == CC_ENT_PERSON);
    CHECK(place != NULL && place->type == CC_ENT_PLACE);
    CHECK(person != place);
    cc_cluster_free(c);
}

/* A long article with more name runs than the name table keeps on the stack: undecided surnames are
 * still read as the people the article names in full. */
TEST(entity_long_article_resolves_surnames)
{
    static const char *const first[] = { "Laila", "Omar", "Farid", "Nadia", "Karim", "Samira", "Yusuf", "Rania",
                                         "Tariq", "Huda", "Ziad", "Mona", "Bilal", "Dina", "Hassan", "Salma" };
    static const char *const last[] = { "Haddad", "Nasser", "Khoury", "Saleh", "Mansour", "Darwish", "Aziz",
                                        "Barakat", "Qasim", "Rahal", "Sabbagh", "Tamimi", "Zayed", "Jaber",
                                        "Kanaan", "Fakhoury" };
    size_t cap = 64000, n = 0;
    char *text = malloc(cap);
    n += (size_t)snprintf(text + n, cap - n, HEAD);
    for (size_t i = 0; i < 300; i++) {
        n += (size_t)snprintf(text + n, cap - n, "Volunteer %s %s said %s stayed with the crews overnight. ",
                              first[i % 16], last[i % 16], last[i % 16]);
    }
    cc_cluster *c = test_analyze(text);
    const cc_article *a = c->articles.v[0];
    CHECK(a->mentions.n > 300);
    int resolved = 0;
    for (size_t i = 0; i < a->mentions.n; i++) {
        const cc_mention *m = &a->mentions.v[i];
        if (strcmp(test_span(a, m->span), "Mansour") == 0) {
            resolved += m->type == CC_ENT_PERSON && strcmp(test_str(m->name), "Karim Mansour") == 0;
        }
    }
    CHECK(resolved > 0);
    cc_cluster_free(c);
    free(text);
}
