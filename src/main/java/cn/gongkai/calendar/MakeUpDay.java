package cn.gongkai.calendar;

import java.time.LocalDate;

/**
 * A weekend day worked in exchange for a holiday (调休上班), so counted as a working day.
 *
 * @param holiday the name of the holiday it belongs to, e.g. 国庆节
 */
public record MakeUpDay(LocalDate date, String holiday) {}
