/* Eight bytes of text in one 64-bit register: byte tests and case folding without a branch per byte,
 * and a mixer to hash text eight bytes at a time. Tests set the high bit of each byte that passes. */
#ifndef CC_BYTES8_H
#define CC_BYTES8_H

#include <stdint.h>
#include <string.h>

#define CC_BYTES_1 0x0101010101010101ULL
#define CC_BYTES_80 0x8080808080808080ULL

/* The first byte in the low bits on every machine: masks keep a word's first bytes, and the lowest set
 * bit of a test is its first byte (a byte swap on big-endian machines, nothing on x86-64 and ARM64). */
static inline uint64_t cc_load8(const char *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

/* Each byte of v7 (all under 0x80) that is lo or more (lo at most 0x80). */
static inline uint64_t cc_at_least8(uint64_t v7, unsigned lo)
{
    return (v7 + CC_BYTES_1 * (0x80 - lo)) & CC_BYTES_80;
}

/* Each byte that is an ASCII letter. */
static inline uint64_t cc_letters8(uint64_t v)
{
    uint64_t folded = (v & ~CC_BYTES_80) | CC_BYTES_1 * 0x20;
    return cc_at_least8(folded, 'a') & ~cc_at_least8(folded, 'z' + 1) & ~v;
}

/* ASCII capitals lower-cased; other bytes, UTF-8 included, as they are. */
static inline uint64_t cc_lower8(uint64_t v)
{
    return v | cc_letters8(v) >> 2;
}

/* Eight bytes copied lower-cased. Loaded and stored as they lie, whatever the byte order: each byte is
 * folded on its own. Both pointers need eight bytes of room. */
static inline void cc_copy_lower8(char *to, const char *from)
{
    uint64_t v;
    memcpy(&v, from, sizeof v);
    v = cc_lower8(v);
    memcpy(to, &v, sizeof v);
}

/* A bijection (murmur3's finaliser): mixing text in eight bytes at a time, keys of up to eight bytes
 * never collide. */
static inline uint64_t cc_mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    return x ^ (x >> 33);
}

#endif
