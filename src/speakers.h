/* Who a quotation's attribution names: the noun phrase next to a reporting verb, read as a name with its
 * role, an organisation, a pronoun or a description. */
#ifndef CC_SPEAKERS_H
#define CC_SPEAKERS_H

#include "node.h"

typedef enum cc_speaker_kind {
    CC_SPK_NONE,
    CC_SPK_PERSON,    /* a named person: name is the fullest name the article gives */
    CC_SPK_ORG,       /* an organisation or country, as written ("The United Nations", "Russia") */
    CC_SPK_DESC,      /* a description, as written ("a Syrian military source", "the spokesman") */
    CC_SPK_HE,        /* he / she: the most recent person */
    CC_SPK_IT,        /* it: the most recent organisation */
    CC_SPK_THEY       /* they, we, I: left unresolved */
} cc_speaker_kind;

typedef struct cc_attribution {
    uint8_t kind;     /* cc_speaker_kind */
    cc_str name;
    cc_str role;
    uint32_t first;   /* tokens of the speaker phrase, inclusive */
    uint32_t last;
    uint32_t verb;    /* the reporting verb's token, 0 when none */
} cc_attribution;

/* Attribution after a closing quote mark at token `close`: `," said X`, `," X said`, `," according to X`,
 * `… shouted by X`. Looks no further than token `limit` (exclusive). */
int cc_attribution_after(const cc_article *a, uint32_t close, uint32_t limit, cc_attribution *out);

/* A sentence-final attribution after a quote: `…called it a "massacre" on Monday, his spokesman said.` */
int cc_attribution_final(const cc_article *a, uint32_t close, uint32_t sent_end, cc_attribution *out);

/* Attribution before an opening quote mark at token `open`, reading back to token `lo`: `X said: "`,
 * `X said the attack was "…"`, `according to X, "`, `X: "`. `skip` lets the caller jump over earlier
 * quotations: for the index of a quote mark it returns the index to continue from (the token before that
 * quote); other tokens are not asked. */
typedef uint32_t (*cc_skip_fn)(const void *ctx, uint32_t tok);
int cc_attribution_before(const cc_article *a, uint32_t open, uint32_t lo, cc_skip_fn skip, const void *ctx,
                          cc_attribution *out);

/* Is token i a title or role word such as "spokesman" (not a courtesy title like "Mr")? */
int cc_is_role_word(const cc_article *a, uint32_t i);

#endif
