package cn.gongkai.supervision;

import java.time.LocalDate;

/**
 * The dates that sort cases into states today.
 *
 * @param today today's date in Beijing (engine clock)
 * @param dueSoonWorkingDays N of "due within N working days"
 * @param dueSoonUntil the last date that is at most N working days after today: a case is due soon
 *     when {@code today <= due <= dueSoonUntil}, exactly when {@code workingDaysBetween(today, due) <= N}
 */
public record SupervisionWindow(LocalDate today, int dueSoonWorkingDays, LocalDate dueSoonUntil) {}
