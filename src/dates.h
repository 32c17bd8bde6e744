/* Calendar dates as news writes them: "Thursday, 01 December 2016 18:10", "Dec. 13, 2016",
 * "13 Dec 2016", "2016-12-13", "12/13/2016". Used for publication dates and for resolving "on Monday". */
#ifndef CC_DATES_H
#define CC_DATES_H

#include <stddef.h>

typedef struct cc_date {
    int year, month, day;   /* month 1-12, day 1-31; 0 when absent */
} cc_date;

/* Parses a date at the start of s (leading weekday and trailing clock time allowed). Returns the number
 * of bytes consumed, or 0 when s does not start with a full date (day, month and year). */
size_t cc_date_parse(const char *s, size_t len, cc_date *out);

/* Month number for an English month name or abbreviation ("Dec", "december", "Sept."), else 0. */
int cc_month_number(const char *s, size_t len);
/* 0 = Monday … 6 = Sunday for a weekday name or abbreviation, else -1. */
int cc_weekday_number(const char *s, size_t len);
/* Day of week of a date, 0 = Monday. */
int cc_date_weekday(cc_date d);
/* Days since 1970-01-01, for measuring how far apart two dates are. */
long cc_date_days(cc_date d);
/* Adds days (may be negative). */
cc_date cc_date_add_days(cc_date d, int days);

#endif
