package cn.gongkai.calendar;

/**
 * Published after a year's calendar was loaded at run time (and, within the loading transaction,
 * before it commits): deadlines computed with the old data may have moved and should be recomputed.
 *
 * @param year the year whose holidays and make-up days changed
 * @param loadedBy the user who loaded it
 */
public record CalendarYearLoaded(int year, String loadedBy) {}
